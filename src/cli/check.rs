//! `copydesk check`: find drafts, read them, analyse them story by story in parallel,
//! report, and optionally fix.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::report::{self, LocatedFinding, ReportFile};
use super::{CheckArgs, ColorChoice, Format};
use crate::config::{Config, StoryScope};
use crate::finding::Finding;
use crate::fix::{FixMode, apply_edits, edits_for_draft};
use crate::story::{DraftInput, analyze};
use crate::text::DraftFormat;

/// A draft read and decoded.
struct SourceFile {
    /// `None` for standard input.
    path: Option<PathBuf>,
    display: String,
    text: String,
    /// The bytes as read, to refuse writing fixes over a file changed since.
    original: Vec<u8>,
    /// The file started with a UTF-8 byte-order mark (kept when writing fixes).
    had_bom: bool,
    /// Decoded from another encoding: fixes are not written back.
    transcoded: bool,
    config: Arc<Config>,
    /// Drafts with the same key form one story.
    story_key: PathBuf,
}

/// Messages for the end of the run, and whether any was an error (exit 2).
#[derive(Default)]
struct Problems {
    errors: usize,
}

impl Problems {
    fn error(&mut self, message: impl AsRef<str>) {
        self.errors += 1;
        eprintln!("copydesk: error: {}", message.as_ref());
    }

    fn note(&mut self, message: impl AsRef<str>) {
        eprintln!("copydesk: note: {}", message.as_ref());
    }
}

/// Finds and caches the configuration for each folder.
struct ConfigCache {
    explicit: Option<Arc<Config>>,
    by_file: BTreeMap<PathBuf, Arc<Config>>,
    default: Arc<Config>,
    force_story: bool,
}

impl ConfigCache {
    fn for_draft(&mut self, draft: &Path, problems: &mut Problems) -> Arc<Config> {
        if let Some(config) = &self.explicit {
            return config.clone();
        }
        let Some(file) = Config::discover(draft) else {
            return self.default.clone();
        };
        if let Some(config) = self.by_file.get(&file) {
            return config.clone();
        }
        let loaded = match std::fs::read_to_string(&file) {
            Ok(text) => {
                match Config::from_toml(&text, Some(&file)) {
                    Ok(config) => config,
                    Err(error) => {
                        problems.error(format!("{error}\n  (fix the configuration; drafts under it are checked with the defaults)"));
                        Config::default()
                    }
                }
            }
            Err(error) => {
                problems.error(format!("{}: cannot read: {error}", file.display()));
                Config::default()
            }
        };
        let mut loaded = loaded;
        if self.force_story {
            loaded.story = StoryScope::Folder;
        }
        let loaded = Arc::new(loaded);
        self.by_file.insert(file, loaded.clone());
        loaded
    }
}

fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let relative = cwd
        .as_ref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let text = relative.to_string_lossy().to_string();
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// Decodes a draft's bytes, or says why it cannot be checked.
fn decode(
    bytes: &[u8],
    display: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<(String, bool, bool), String> {
    let sniff = &bytes[..bytes.len().min(8192)];
    if sniff.contains(&0) {
        return Err(format!(
            "{display}: skipped: looks like a binary file (it contains NUL bytes)"
        ));
    }
    let (body, had_bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    match std::str::from_utf8(body) {
        Ok(text) => Ok((text.to_string(), had_bom, false)),
        Err(error) => {
            if let Some(encoding) = encoding {
                let (text, _, _) = encoding.decode(bytes);
                return Ok((text.into_owned(), false, true));
            }
            let offset = error.valid_up_to();
            let valid = &body[..offset];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = valid
                .iter()
                .rposition(|b| *b == b'\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
            let offset_in_file = offset + if had_bom { 3 } else { 0 };
            Err(format!(
                "{display}:{line}:{column}: not UTF-8: byte 0x{:02X} at offset {offset_in_file} is invalid; \
                 re-save the file as UTF-8, or pass --encoding windows-1252 (or the file's encoding) to decode it",
                body[offset]
            ))
        }
    }
}

/// Collects the drafts named on the command line.
fn collect_paths(
    args: &CheckArgs,
    cache: &mut ConfigCache,
    problems: &mut Problems,
) -> Vec<(PathBuf, Arc<Config>)> {
    let mut found = Vec::new();
    let default_paths = [PathBuf::from(".")];
    let paths: &[PathBuf] = if args.paths.is_empty() {
        &default_paths
    } else {
        &args.paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            continue;
        }
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => {
                let hint = if error.kind() == std::io::ErrorKind::NotFound {
                    "check the path".to_string()
                } else {
                    "check its permissions or whether a symbolic link points at itself".to_string()
                };
                problems.error(format!("{}: cannot read: {error}; {hint}", path.display()));
                continue;
            }
        };
        if metadata.is_file() {
            // A file named explicitly is checked whatever its extension.
            let config = cache.for_draft(path, problems);
            found.push((path.clone(), config));
            continue;
        }
        let mut builder = ignore::WalkBuilder::new(path);
        builder.follow_links(true).require_git(false).hidden(true);
        builder.add_custom_ignore_filename(".copydeskignore");
        for entry in builder.build() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    problems.error(format!(
                        "{error}; copydesk skipped it (remove the loop or fix the permissions)"
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let file = entry.path();
            let config = cache.for_draft(file, problems);
            if matches_globs(file, path, &config) {
                found.push((file.to_path_buf(), config));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.dedup_by(|a, b| a.0 == b.0);
    found
}

fn matches_globs(file: &Path, root: &Path, config: &Config) -> bool {
    let relative = file.strip_prefix(root).unwrap_or(file);
    let name = file.file_name().map(Path::new).unwrap_or(file);
    let matches = |patterns: &[String]| {
        patterns.iter().any(|pattern| {
            globset::Glob::new(pattern)
                .map(|glob| {
                    let matcher = glob.compile_matcher();
                    matcher.is_match(relative) || matcher.is_match(name)
                })
                .unwrap_or(false)
        })
    };
    matches(&config.include) && !matches(&config.exclude)
}

fn read_drafts(args: &CheckArgs, problems: &mut Problems) -> Vec<SourceFile> {
    let explicit = match &args.config {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => match Config::from_toml(&text, Some(path)) {
                Ok(config) => Some(config),
                Err(error) => {
                    problems.error(format!("{error}"));
                    return Vec::new();
                }
            },
            Err(error) => {
                problems.error(format!(
                    "{}: cannot read the configuration: {error}",
                    path.display()
                ));
                return Vec::new();
            }
        },
        None => None,
    };
    let force_story = args.story;
    let explicit = explicit.map(|mut config| {
        if force_story {
            config.story = StoryScope::Folder;
        }
        Arc::new(config)
    });
    let mut default = Config::default();
    if force_story {
        default.story = StoryScope::Folder;
    }
    let mut cache = ConfigCache {
        explicit,
        by_file: BTreeMap::new(),
        default: Arc::new(default),
        force_story,
    };
    let encoding = match &args.encoding {
        Some(label) => match encoding_rs::Encoding::for_label(label.as_bytes()) {
            Some(encoding) => Some(encoding),
            None => {
                problems.error(format!("unknown encoding \"{label}\": use a WHATWG label such as windows-1252, iso-8859-1 or utf-16le"));
                return Vec::new();
            }
        },
        None => None,
    };

    let mut files = Vec::new();
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        let mut bytes = Vec::new();
        if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
            problems.error(format!("standard input: cannot read: {error}"));
        } else {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("stdin.md"));
            let display = display_path(&name);
            let config = cache.for_draft(&std::env::current_dir().unwrap_or_default().join(&name), problems);
            match decode(&bytes, &display, encoding) {
                Ok((text, had_bom, transcoded)) => files.push(SourceFile {
                    path: None,
                    display,
                    text,
                    original: bytes,
                    had_bom,
                    transcoded,
                    config,
                    story_key: PathBuf::from("-"),
                }),
                Err(message) => problems.error(message),
            }
        }
    }

    let paths = collect_paths(args, &mut cache, problems);
    let read: Vec<Result<SourceFile, (bool, String)>> = paths
        .into_par_iter()
        .map(|(path, config)| {
            let display = display_path(&path);
            let metadata = std::fs::metadata(&path).map_err(|e| (true, format!("{display}: cannot read: {e}")))?;
            if metadata.len() > config.max_file_size {
                return Err((
                    false,
                    format!(
                        "{display}: skipped: {} bytes is over the {}-byte limit (raise [files] max_size in copydesk.toml to check it)",
                        metadata.len(),
                        config.max_file_size
                    ),
                ));
            }
            let bytes = std::fs::read(&path).map_err(|e| (true, format!("{display}: cannot read: {e}")))?;
            let (text, had_bom, transcoded) = decode(&bytes, &display, encoding).map_err(|message| {
                let is_note = message.contains("binary file");
                (!is_note, message)
            })?;
            let story_key = match config.story {
                StoryScope::Folder => path.parent().map(Path::to_path_buf).unwrap_or_default(),
                StoryScope::File => path.clone(),
            };
            Ok(SourceFile {
                path: Some(path),
                display,
                text,
                original: bytes,
                had_bom,
                transcoded,
                config,
                story_key,
            })
        })
        .collect();
    for result in read {
        match result {
            Ok(file) => files.push(file),
            Err((true, message)) => problems.error(message),
            Err((false, message)) => problems.note(message),
        }
    }
    files
}

/// Groups file indices into stories (same key, same configuration), in path order.
fn stories(files: &[SourceFile]) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<&Path, Vec<usize>> = BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        groups.entry(file.story_key.as_path()).or_default().push(index);
    }
    groups.into_values().collect()
}

/// Analyses one story; `texts[position]` is the current text of `story[position]`.
fn analyze_story(files: &[SourceFile], story: &[usize], texts: &[String]) -> Vec<Finding> {
    let config = &files[story[0]].config;
    let drafts: Vec<DraftInput<'_>> = story
        .iter()
        .zip(texts)
        .map(|(&index, text)| DraftInput {
            path: &files[index].display,
            text,
            format: format_of(&files[index]),
        })
        .collect();
    analyze(&drafts, config)
}

fn format_of(file: &SourceFile) -> DraftFormat {
    DraftFormat::from_path(&file.display)
}

/// A story's files, its findings after any fixing, and each file's final text.
type StoryResult = (Vec<usize>, Vec<Finding>, Vec<(usize, String)>);

/// Runs `copydesk check` and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let mut problems = Problems::default();
    let files = read_drafts(args, &mut problems);
    let groups = stories(&files);
    let mode = if args.unsafe_fixes {
        FixMode::Unsafe
    } else {
        FixMode::Safe
    };
    let fixing = args.fix || args.diff;

    // Analyse (and, when fixing, fix until nothing more changes) story by story.
    let mut texts: Vec<String> = files.iter().map(|f| f.text.clone()).collect();
    let fixed_counts = Mutex::new(0usize);
    let results: Vec<StoryResult> = groups
        .par_iter()
        .map(|story| {
            let mut current: Vec<String> = story.iter().map(|&i| files[i].text.clone()).collect();
            let mut findings = analyze_story(&files, story, &current);
            if fixing {
                for _round in 0..8 {
                    let mut changed = false;
                    for (position, text) in current.iter_mut().enumerate() {
                        if files[story[position]].transcoded && args.fix {
                            continue;
                        }
                        let edits = edits_for_draft(&findings, position, mode);
                        if edits.is_empty() {
                            continue;
                        }
                        if let Ok(mut count) = fixed_counts.lock() {
                            *count += edits.len();
                        }
                        *text = apply_edits(text, &edits);
                        changed = true;
                    }
                    if !changed {
                        break;
                    }
                    findings = analyze_story(&files, story, &current);
                }
            }
            let updated: Vec<(usize, String)> = story.iter().copied().zip(current).collect();
            (story.clone(), findings, updated)
        })
        .collect();

    let mut located: Vec<LocatedFinding> = Vec::new();
    let mut changed_files: Vec<(usize, String)> = Vec::new();
    for (story, findings, updated) in results {
        for (index, text) in updated {
            if text != files[index].text {
                changed_files.push((index, text.clone()));
            }
            texts[index] = text;
        }
        for finding in findings {
            located.push(LocatedFinding::from_story(finding, &story));
        }
    }
    located.sort_by_key(|a| (a.file, a.finding.span.start));
    changed_files.sort_by_key(|(index, _)| *index);

    let report_files: Vec<ReportFile> = files
        .iter()
        .zip(&texts)
        .map(|(file, text)| ReportFile::new(file.display.clone(), text.clone()))
        .collect();

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.diff {
        for (index, new_text) in &changed_files {
            let file = &files[*index];
            let diff = similar::TextDiff::from_lines(file.text.as_str(), new_text.as_str());
            let _ = write!(
                out,
                "{}",
                diff.unified_diff()
                    .context_radius(3)
                    .header(&format!("a/{}", file.display), &format!("b/{}", file.display))
            );
        }
        let _ = out.flush();
        if !args.quiet {
            eprintln!(
                "copydesk: {} file{} would change",
                changed_files.len(),
                if changed_files.len() == 1 { "" } else { "s" }
            );
        }
        return if problems.errors > 0 {
            2
        } else if changed_files.is_empty() {
            0
        } else {
            1
        };
    }

    if args.fix {
        for (index, new_text) in &changed_files {
            let file = &files[*index];
            match &file.path {
                None => {
                    // Standard input: the fixed draft goes to standard output, nothing else.
                    let _ = out.write_all(new_text.as_bytes());
                }
                Some(path) => {
                    if let Err(message) = write_atomically(path, file, new_text) {
                        problems.error(message);
                    }
                }
            }
        }
    }
    let stdin_fixed = args.fix && files.iter().any(|f| f.path.is_none());

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    if !stdin_fixed {
        let rendered = match args.format {
            Format::Human => report::human::render(&located, &report_files, color),
            Format::Json => report::json::render(&located, &report_files),
            Format::Sarif => report::sarif::render(&located, &report_files),
            Format::Github => report::github::render(&located, &report_files),
        };
        let _ = out.write_all(rendered.as_bytes());
        let _ = out.flush();
    }

    if !args.quiet && args.format == Format::Human {
        let fixed = fixed_counts.lock().map(|c| *c).unwrap_or(0);
        eprintln!(
            "{}",
            report::summary(&located, files.len(), if args.fix { fixed } else { 0 })
        );
    }

    let failing = args
        .fail_on
        .threshold()
        .is_some_and(|threshold| located.iter().any(|l| l.finding.severity >= threshold));
    if problems.errors > 0 {
        2
    } else if failing {
        1
    } else {
        0
    }
}

/// Writes fixed text over a file: refuses when the file changed since it was read;
/// writes a temporary file beside it, keeps the permissions, and renames it into place.
fn write_atomically(path: &Path, file: &SourceFile, new_text: &str) -> Result<(), String> {
    let display = &file.display;
    if file.transcoded {
        return Err(format!(
            "{display}: not fixed: it was decoded with --encoding; convert it to UTF-8 to fix it"
        ));
    }
    let current =
        std::fs::read(path).map_err(|e| format!("{display}: not fixed: cannot read it again: {e}"))?;
    if current != file.original {
        return Err(format!(
            "{display}: not fixed: the file changed on disk while copydesk was checking it; run copydesk again"
        ));
    }
    // Resolve a symbolic link so the link stays a link and its target gets the fix; the
    // temporary file goes beside the target so the rename is atomic.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(folder).map_err(|e| {
        format!(
            "{display}: not fixed: cannot create a temporary file in {}: {e}",
            folder.display()
        )
    })?;
    let mut bytes = Vec::with_capacity(new_text.len() + 3);
    if file.had_bom {
        bytes.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    bytes.extend_from_slice(new_text.as_bytes());
    temporary
        .write_all(&bytes)
        .and_then(|_| temporary.as_file().sync_all())
        .map_err(|e| format!("{display}: not fixed: cannot write the temporary file: {e}"))?;
    if let Ok(metadata) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(temporary.path(), metadata.permissions());
    }
    temporary
        .persist(&target)
        .map_err(|e| format!("{display}: not fixed: cannot replace the file: {}", e.error))?;
    Ok(())
}
