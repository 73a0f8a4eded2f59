//! Writing a file on disk so that nothing in it is lost: the one way both front ends
//! write (the command line's `--fix` and `clean --in-place`, the language server's "Add …
//! to the house names"). Not part of the analysis core, which does no IO.
//!
//! A file is replaced through a temporary file beside it, named `.NAME.copydesk-XXXXXX.tmp`
//! (hidden, recognisable, skipped by the file walk, removed on every error path; only a
//! killed run leaves one), written, given the original's owner, group and permissions,
//! synced, and renamed into place, so the file on disk is the old text or the new, never a
//! part. A symbolic link stays a link and its target gets the text. A read-only file is
//! refused.
//!
//! The file is compared with the bytes it was expected to hold twice: before the temporary
//! file is written, and again after it is synced, immediately before the rename, by
//! content and by identity, size and modification time. What remains is the moment
//! between that last comparison and the rename (two system calls apart), and a writer that
//! keeps the file open across the rename: what it writes afterwards goes to the replaced
//! file. A new file is created only if none appeared meanwhile.

use std::io::{Read, Write};
use std::path::Path;
#[cfg(not(unix))]
use std::path::PathBuf;

/// Why a file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file no longer holds what it was expected to (or a new file appeared where
    /// one was to be created).
    Changed,
    /// The file is read-only.
    ReadOnly,
    /// A step failed: what was being done ("cannot read it again") and the error.
    Io(String, std::io::Error),
}

/// What makes two paths one file: its device and inode on Unix, its canonical path elsewhere.
#[cfg(unix)]
pub type FileId = (u64, u64);
#[cfg(not(unix))]
pub type FileId = PathBuf;

/// The identity of the file `metadata` was read from.
#[cfg(unix)]
pub fn file_id_of(_path: &Path, metadata: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.dev(), metadata.ino()))
}

/// The identity of the file at `path`.
#[cfg(not(unix))]
pub fn file_id_of(path: &Path, _metadata: &std::fs::Metadata) -> Option<FileId> {
    std::fs::canonicalize(path).ok()
}

/// How the temporary files end; they start with `.NAME.copydesk-` (see [`is_temporary`]).
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Whether a file name is one of the temporary files written here,
/// `.NAME.copydesk-XXXXXX.tmp`, which a killed run can leave behind: never a draft.
pub fn is_temporary(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') && name.ends_with(TEMPORARY_SUFFIX) && name.contains(".copydesk-")
}

/// What a file looked like when it was compared with the expected bytes: which file it
/// was, its size and its modification time.
#[derive(Debug, PartialEq, Eq)]
struct Stamp {
    id: Option<FileId>,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// Reads the file at `path` again and checks that it still holds `expected`; returns its
/// stamp, taken (from the open file) before reading, so that a write after the comparison
/// changes the stamp.
fn unchanged(path: &Path, expected: &[u8]) -> Result<Stamp, WriteError> {
    let again = |error| WriteError::Io("cannot read it again".to_string(), error);
    let mut handle = std::fs::File::open(path).map_err(again)?;
    let metadata = handle.metadata().map_err(again)?;
    let stamp = Stamp {
        id: file_id_of(path, &metadata),
        len: metadata.len(),
        modified: metadata.modified().ok(),
    };
    let mut current = Vec::with_capacity(expected.len());
    handle.read_to_end(&mut current).map_err(again)?;
    if current != expected {
        return Err(WriteError::Changed);
    }
    Ok(stamp)
}

/// Gives the replacement the original's owner and group (each where the user may: only
/// root can give a file away, but an owner can set a group they belong to) and then its
/// permissions (a change of owner can clear the set-id bits).
fn keep_owner_and_mode(temporary: &std::fs::File, original: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if std::os::unix::fs::fchown(temporary, Some(original.uid()), Some(original.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(temporary, None, Some(original.gid()));
        }
    }
    let _ = temporary.set_permissions(original.permissions());
}

/// Writes `bytes` to `path`: over the file when `expected` is the bytes it must still
/// hold, or as a new file when `expected` is `None` (see the module's documentation).
pub fn write(path: &Path, expected: Option<&[u8]>, bytes: &[u8]) -> Result<(), WriteError> {
    write_with(path, expected, bytes, || {})
}

/// [`write`], calling `before_recheck` once the temporary file is written and synced, just
/// before the file is compared a last time (tests change the file there).
pub fn write_with(
    path: &Path,
    expected: Option<&[u8]>,
    bytes: &[u8],
    before_recheck: impl FnOnce(),
) -> Result<(), WriteError> {
    let first = expected.map(|expected| unchanged(path, expected)).transpose()?;
    // Resolve a symbolic link so the link stays a link and its target gets the text; the
    // temporary file goes beside the target so the rename is atomic.
    let target = match expected {
        Some(_) => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        None => path.to_path_buf(),
    };
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let metadata = match expected {
        Some(_) => Some(
            std::fs::metadata(&target)
                .map_err(|error| WriteError::Io("cannot read it again".to_string(), error))?,
        ),
        None => None,
    };
    if metadata.as_ref().is_some_and(|m| m.permissions().readonly()) {
        return Err(WriteError::ReadOnly);
    }
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}.copydesk-"))
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(folder)
        .map_err(|error| {
            WriteError::Io(
                format!("cannot create a temporary file in {}", folder.display()),
                error,
            )
        })?;
    let cannot_write = |error| WriteError::Io("cannot write the temporary file".to_string(), error);
    temporary.write_all(bytes).map_err(cannot_write)?;
    if let Some(metadata) = &metadata {
        keep_owner_and_mode(temporary.as_file(), metadata);
    }
    temporary.as_file().sync_all().map_err(cannot_write)?;
    before_recheck();
    match (expected, first) {
        (Some(expected), Some(first)) => {
            // Writing and syncing take time: compare again, as late as possible. On an
            // error the temporary file is removed when dropped.
            if unchanged(path, expected)? != first {
                return Err(WriteError::Changed);
            }
            temporary
                .persist(&target)
                .map_err(|error| WriteError::Io("cannot replace the file".to_string(), error.error))?;
        }
        _ => {
            temporary.persist_noclobber(&target).map_err(|error| {
                if error.error.kind() == std::io::ErrorKind::AlreadyExists {
                    WriteError::Changed
                } else {
                    WriteError::Io("cannot create the file".to_string(), error.error)
                }
            })?;
        }
    }
    Ok(())
}
