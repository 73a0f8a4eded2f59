//! Open drafts: each a rope with its version, edited in place as the client types.
//!
//! An edit costs O(log n) in the rope plus the length of the edited line's prefix up to the
//! edit's column: positions are converted to byte offsets with the engine's [`LineIndex`]
//! over that prefix only, so the UTF-8/UTF-16 rules live in one place. The rope breaks
//! lines at LF only (a CRLF pair ends in LF), like the engine, so a line number means the
//! same thing on the way in and on the way out.
//!
//! Hostile positions never panic: a line past the end maps to the end of the text, a
//! column past the end of its line to the end of that line (before its terminator), a
//! column inside a character (the middle of a UTF-16 surrogate pair) to that character's
//! start, and an inverted range is swapped. Each is logged.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use dashmap::DashMap;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent, Uri};

use crate::config::CONFIG_FILE_NAMES;
use crate::text::{DraftFormat, LineColumn, LineIndex, PositionEncoding};

/// A byte offset found for a client position, and whether the position had to be moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedOffset {
    pub offset: usize,
    /// The line or column was past the end, or the column fell inside a character.
    pub adjusted: bool,
}

/// The byte offset in `rope` of an LSP position counted in `encoding`.
pub fn offset_in_rope(rope: &Rope, position: Position, encoding: PositionEncoding) -> ResolvedOffset {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return ResolvedOffset {
            offset: rope.len_bytes(),
            adjusted: true,
        };
    }
    let line_start = rope.line_to_char(line);
    let next_line_start = if line + 1 < rope.len_lines() {
        rope.line_to_char(line + 1)
    } else {
        rope.len_chars()
    };
    // Where the line's text ends, before its `\n` or `\r\n`.
    let mut content_end = next_line_start;
    if content_end > line_start && rope.char(content_end - 1) == '\n' {
        content_end -= 1;
        if content_end > line_start && rope.char(content_end - 1) == '\r' {
            content_end -= 1;
        }
    }
    // A column of n units in any encoding covers at most n characters, so the prefix of
    // the line up to n characters is all the converter needs to see.
    let wanted = position.character as usize;
    let prefix_end = content_end.min(line_start.saturating_add(wanted));
    let prefix: Cow<'_, str> = rope.slice(line_start..prefix_end).into();
    let prefix_index = LineIndex::new(&prefix);
    let within = prefix_index.offset(
        &prefix,
        LineColumn {
            line: 0,
            column: position.character,
        },
        encoding,
    );
    let landed = prefix_index.position(&prefix, within, encoding).column;
    ResolvedOffset {
        offset: rope.char_to_byte(line_start) + within,
        adjusted: landed != position.character,
    }
}

/// What applying one change did that the client should not have asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeNote {
    /// A position was past the end of its line or the text, or inside a character.
    Clamped,
    /// The range ended before it started; it was swapped.
    Inverted,
}

/// Applies one content change to a rope and reports anything that had to be corrected.
pub fn apply_change(
    rope: &mut Rope,
    change: &TextDocumentContentChangeEvent,
    encoding: PositionEncoding,
) -> Vec<ChangeNote> {
    let Some(range) = change.range else {
        *rope = Rope::from_str(&change.text);
        return Vec::new();
    };
    let mut notes = Vec::new();
    let start = offset_in_rope(rope, range.start, encoding);
    let end = offset_in_rope(rope, range.end, encoding);
    if start.adjusted || end.adjusted {
        notes.push(ChangeNote::Clamped);
    }
    let (mut start, mut end) = (start.offset, end.offset);
    if start > end {
        std::mem::swap(&mut start, &mut end);
        notes.push(ChangeNote::Inverted);
    }
    let start_char = rope.byte_to_char(start);
    let end_char = rope.byte_to_char(end);
    if end_char > start_char {
        rope.remove(start_char..end_char);
    }
    if !change.text.is_empty() {
        rope.insert(start_char, &change.text);
    }
    notes
}

/// True when a path names a copydesk configuration file rather than a draft.
pub fn is_config_file(path: &std::path::Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| CONFIG_FILE_NAMES.contains(&name))
}

/// A draft (or a configuration file) open in the editor.
#[derive(Debug)]
pub struct OpenDraft {
    pub uri: Uri,
    /// The file it is, for `file:` URIs.
    pub path: Option<PathBuf>,
    pub format: DraftFormat,
    /// False for `copydesk.toml`, which is tracked for edits but never linted as copy.
    pub is_draft: bool,
    /// Which opening of the URI this is: a close and a reopen may start again at the
    /// same version, so a version alone does not say which text it is of.
    pub opening: u64,
    pub version: i32,
    pub rope: Rope,
    /// The text of `version`, made once, the first time an analysis asks for it.
    text: Option<(i32, Arc<String>)>,
}

impl OpenDraft {
    pub fn new(uri: Uri, language_id: &str, opening: u64, version: i32, text: &str) -> OpenDraft {
        let path = file_path(&uri);
        let name = path
            .as_ref()
            .map(|path| path.to_string_lossy().to_string())
            .unwrap_or_else(|| uri.as_str().to_string());
        let format = match language_id {
            "markdown" => DraftFormat::Markdown,
            "plaintext" | "text" => DraftFormat::PlainText,
            _ => DraftFormat::from_path(&name),
        };
        let is_draft = !path.as_deref().is_some_and(is_config_file);
        OpenDraft {
            uri,
            path,
            format,
            is_draft,
            opening,
            version,
            rope: Rope::from_str(text),
            text: None,
        }
    }

    /// The current text, shared; made from the rope at most once per version.
    pub fn text(&mut self) -> Arc<String> {
        if let Some((version, text)) = &self.text
            && *version == self.version
        {
            return text.clone();
        }
        let text = Arc::new(self.rope.to_string());
        self.text = Some((self.version, text.clone()));
        text
    }

    /// Applies the changes of one `didChange`, in order, and takes the new version.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: PositionEncoding,
    ) -> Vec<ChangeNote> {
        let mut notes = Vec::new();
        for change in changes {
            notes.extend(apply_change(&mut self.rope, change, encoding));
        }
        self.version = version;
        notes
    }
}

/// The file a URI names, when it is a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let is_file = uri.scheme().as_str().eq_ignore_ascii_case("file");
    if !is_file {
        return None;
    }
    uri.to_file_path().map(|path| path.into_owned())
}

/// A draft's text as an analysis sees it.
#[derive(Debug, Clone)]
pub struct DraftSnapshot {
    pub uri: Uri,
    pub path: Option<PathBuf>,
    /// The editor's version; `None` for a draft read from disk that is not open.
    pub version: Option<i32>,
    /// The opening of the document the version belongs to (0 for a draft from disk).
    pub opening: u64,
    pub text: Arc<String>,
    pub format: DraftFormat,
}

impl DraftSnapshot {
    /// Which text of an open document this is (`None` for a draft read from disk).
    pub fn text_id(&self) -> Option<TextId> {
        self.version.map(|version| TextId {
            opening: self.opening,
            version,
        })
    }

    /// The name the engine and the style sheet use for the draft.
    pub fn name(&self) -> String {
        match &self.path {
            Some(path) => path.to_string_lossy().to_string(),
            None => self.uri.as_str().to_string(),
        }
    }
}

/// Why a change was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeError {
    /// The document was never opened (or was closed).
    NotOpen,
}

/// Which text of an open document: its opening and its version within that opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextId {
    pub opening: u64,
    pub version: i32,
}

/// Every open document, by URI.
#[derive(Debug, Default)]
pub struct Documents {
    open: DashMap<Uri, OpenDraft>,
    /// Counts openings, so that each has its own number.
    openings: AtomicU64,
}

impl Documents {
    pub fn new() -> Documents {
        Documents::default()
    }

    /// Opens (or reopens) a document.
    pub fn open(&self, uri: Uri, language_id: &str, version: i32, text: &str) {
        let opening = self.openings.fetch_add(1, Ordering::SeqCst) + 1;
        let draft = OpenDraft::new(uri.clone(), language_id, opening, version, text);
        self.open.insert(uri, draft);
    }

    /// Closes a document; false when it was not open.
    pub fn close(&self, uri: &Uri) -> bool {
        self.open.remove(uri).is_some()
    }

    /// Applies a `didChange`.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: PositionEncoding,
    ) -> Result<Vec<ChangeNote>, ChangeError> {
        let mut draft = self.open.get_mut(uri).ok_or(ChangeError::NotOpen)?;
        Ok(draft.apply_changes(version, changes, encoding))
    }

    pub fn is_open(&self, uri: &Uri) -> bool {
        self.open.contains_key(uri)
    }

    /// The current version of an open document.
    pub fn version(&self, uri: &Uri) -> Option<i32> {
        self.open.get(uri).map(|draft| draft.version)
    }

    /// Which text an open document has now.
    pub fn text_id(&self, uri: &Uri) -> Option<TextId> {
        self.open.get(uri).map(|draft| TextId {
            opening: draft.opening,
            version: draft.version,
        })
    }

    /// The path and whether it is a draft, for an open document.
    pub fn describe(&self, uri: &Uri) -> Option<(Option<PathBuf>, bool)> {
        self.open
            .get(uri)
            .map(|draft| (draft.path.clone(), draft.is_draft))
    }

    /// The current text and version of an open document.
    pub fn text(&self, uri: &Uri) -> Option<(Arc<String>, i32)> {
        let mut draft = self.open.get_mut(uri)?;
        let version = draft.version;
        Some((draft.text(), version))
    }

    /// Snapshots of the open drafts (not configuration files) that `keep` selects.
    pub fn snapshots(&self, keep: impl Fn(&Uri, Option<&std::path::Path>) -> bool) -> Vec<DraftSnapshot> {
        let mut out = Vec::new();
        for mut entry in self.open.iter_mut() {
            if !entry.is_draft || !keep(&entry.uri, entry.path.as_deref()) {
                continue;
            }
            let text = entry.text();
            out.push(DraftSnapshot {
                uri: entry.uri.clone(),
                path: entry.path.clone(),
                version: Some(entry.version),
                opening: entry.opening,
                text,
                format: entry.format,
            });
        }
        out
    }

    /// True when an open draft (not a configuration file) is one that `keep` selects.
    pub fn any_draft(&self, keep: impl Fn(&Uri, Option<&std::path::Path>) -> bool) -> bool {
        self.open
            .iter()
            .any(|entry| entry.is_draft && keep(&entry.uri, entry.path.as_deref()))
    }

    /// The URIs and paths of the open drafts.
    pub fn open_drafts(&self) -> Vec<(Uri, Option<PathBuf>)> {
        self.open
            .iter()
            .filter(|entry| entry.is_draft)
            .map(|entry| (entry.uri.clone(), entry.path.clone()))
            .collect()
    }

    pub fn len(&self) -> usize {
        self.open.len()
    }

    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Range;

    fn change(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position::new(start.0, start.1),
                end: Position::new(end.0, end.1),
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn edits_count_columns_in_the_negotiated_encoding() {
        let mut rope = Rope::from_str("a😀b\r\nsecond");
        // After the emoji: column 3 in UTF-16, 5 in UTF-8.
        apply_change(&mut rope, &change((0, 3), (0, 3), "X"), PositionEncoding::Utf16);
        assert_eq!(rope.to_string(), "a😀Xb\r\nsecond");
        apply_change(&mut rope, &change((0, 5), (0, 6), ""), PositionEncoding::Utf8);
        assert_eq!(rope.to_string(), "a😀b\r\nsecond");
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_lands_on_the_character_start() {
        let mut rope = Rope::from_str("a😀b");
        let notes = apply_change(&mut rope, &change((0, 2), (0, 2), "X"), PositionEncoding::Utf16);
        assert_eq!(rope.to_string(), "aX😀b");
        assert_eq!(notes, vec![ChangeNote::Clamped]);
    }

    #[test]
    fn hostile_ranges_are_clamped_and_swapped() {
        let mut rope = Rope::from_str("one\r\ntwo");
        // A column past the end of a CRLF line stops before the CR.
        apply_change(&mut rope, &change((0, 99), (0, 99), "!"), PositionEncoding::Utf16);
        assert_eq!(rope.to_string(), "one!\r\ntwo");
        // A line past the end is the end of the text.
        apply_change(&mut rope, &change((40, 0), (41, 7), "?"), PositionEncoding::Utf16);
        assert_eq!(rope.to_string(), "one!\r\ntwo?");
        // An inverted range is swapped.
        let notes = apply_change(&mut rope, &change((1, 3), (1, 0), "2"), PositionEncoding::Utf16);
        assert_eq!(rope.to_string(), "one!\r\n2?");
        assert!(notes.contains(&ChangeNote::Inverted));
        // Huge numbers do not overflow.
        apply_change(
            &mut rope,
            &change((u32::MAX, u32::MAX), (u32::MAX, u32::MAX), "."),
            PositionEncoding::Utf8,
        );
        assert_eq!(rope.to_string(), "one!\r\n2?.");
    }

    #[test]
    fn lone_carriage_returns_and_line_separators_do_not_break_lines() {
        let rope = Rope::from_str("a\rb\u{2028}c\nd");
        assert_eq!(rope.len_lines(), 2);
        let offset = offset_in_rope(&rope, Position::new(1, 0), PositionEncoding::Utf16);
        assert_eq!(offset.offset, "a\rb\u{2028}c\n".len());
    }

    #[test]
    fn text_is_made_once_per_version() {
        let uri: Uri = "file:///tmp/story/draft.md".parse().unwrap();
        let mut draft = OpenDraft::new(uri, "markdown", 1, 1, "Hello.");
        let first = draft.text();
        assert!(Arc::ptr_eq(&first, &draft.text()));
        draft.apply_changes(2, &[change((0, 5), (0, 5), "!")], PositionEncoding::Utf16);
        assert_eq!(draft.text().as_str(), "Hello!.");
        assert!(!draft.is_draft || draft.format == DraftFormat::Markdown);
    }
}
