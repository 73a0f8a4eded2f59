//! `copydesk check`: find drafts, group them into stories, then read, analyse, fix and
//! report the stories in parallel, a batch at a time so that memory stays flat however
//! many drafts there are.

use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::report::{self, LocatedFinding, ReportFile, Reporter, Summary};
use super::{CheckArgs, ColorChoice, Format};
use crate::atomic_write::{self, FileId, WriteError, file_id_of, is_temporary};
use crate::checks;
use crate::config::{Config, EngineSettings, StoryScope};
use crate::finding::Finding;
use crate::fix::{FixMode, Regions, apply_edits, edits_for_draft, edits_within};
use crate::story::{
    BoundedFindings, DraftInput, MAX_FINDINGS_PER_DRAFT, References, analyze_bounded, analyze_bounded_against,
};
use crate::text::{DirectiveKind, DraftFormat};

/// Stories are read, analysed and reported in batches of about this many drafts.
const BATCH_DRAFTS: usize = 1024;

/// Where a draft comes from.
enum Source {
    File(PathBuf),
    Stdin { bytes: Vec<u8> },
}

/// A draft to check, not read yet.
struct Input {
    source: Source,
    display: String,
    config: Arc<Config>,
    /// Drafts with the same key form one story.
    story_key: PathBuf,
}

/// A draft read and decoded.
pub(super) struct SourceFile {
    pub(super) display: String,
    /// `None` for standard input.
    pub(super) path: Option<PathBuf>,
    pub(super) text: String,
    /// The bytes as read, to refuse writing fixes over a file changed since.
    pub(super) original: Vec<u8>,
    pub(super) had_bom: bool,
    /// The encoding it was decoded from when not UTF-8: fixes are not written back.
    pub(super) decoded_from: Option<&'static encoding_rs::Encoding>,
}

/// Errors and notes, printed as they come and counted for the exit code.
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

/// Finds and caches the configuration for each folder (its file patterns compiled once,
/// with the configuration).
struct ConfigCache {
    explicit: Option<Arc<Config>>,
    default: Arc<Config>,
    by_folder: HashMap<PathBuf, Arc<Config>>,
    by_file: HashMap<PathBuf, Arc<Config>>,
    force_story: bool,
}

impl ConfigCache {
    fn for_draft(&mut self, draft: &Path, problems: &mut Problems) -> Arc<Config> {
        if let Some(config) = &self.explicit {
            return config.clone();
        }
        let folder = draft.parent().unwrap_or(Path::new("")).to_path_buf();
        if let Some(config) = self.by_folder.get(&folder) {
            return config.clone();
        }
        let config = match Config::discover(draft) {
            None => self.default.clone(),
            Some(file) => match self.by_file.get(&file) {
                Some(config) => config.clone(),
                None => {
                    let mut config = match std::fs::read_to_string(&file) {
                        Ok(text) => match Config::from_toml(&text, Some(&file)) {
                            Ok(config) => config,
                            Err(error) => {
                                problems.error(format!(
                                    "{error}\n  (fix the configuration; drafts under it are checked with the defaults)"
                                ));
                                Config::default()
                            }
                        },
                        Err(error) => {
                            problems.error(format!("{}: cannot read: {error}", file.display()));
                            Config::default()
                        }
                    };
                    if self.force_story {
                        config.workspace.story = StoryScope::Folder;
                    }
                    let config = Arc::new(config);
                    self.by_file.insert(file, config.clone());
                    config
                }
            },
        };
        self.by_folder.insert(folder, config.clone());
        config
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

/// A draft's bytes decoded: its text, whether it had a UTF-8 byte-order mark, and the
/// encoding it was decoded from when that is not UTF-8.
pub(super) type Decoded = (String, bool, Option<&'static encoding_rs::Encoding>);

/// Decodes a draft's bytes, or gives the reason it cannot be checked and whether that is an
/// error (or only a note). UTF-8 is the default; a UTF-16 byte-order mark, or `--encoding
/// utf-16le`/`utf-16be` for a file that is not NUL-free UTF-8, decodes UTF-16 (whose
/// ASCII characters carry NUL bytes, so the binary check must not see it first); other
/// text that is not UTF-8 is decoded with `--encoding` or reported.
pub(super) fn decode(
    bytes: &[u8],
    display: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, (bool, String)> {
    let binary = || {
        (
            false,
            format!("{display}: skipped: looks like a binary file (it contains NUL bytes)"),
        )
    };
    let sniff = &bytes[..bytes.len().min(8192)];
    let utf16 = match encoding_rs::Encoding::for_bom(bytes) {
        Some((found, _)) if found != encoding_rs::UTF_8 => Some(found),
        Some(_) => None,
        None => encoding.filter(|given| {
            (*given == encoding_rs::UTF_16LE || *given == encoding_rs::UTF_16BE)
                && (sniff.contains(&0) || std::str::from_utf8(bytes).is_err())
        }),
    };
    if let Some(utf16) = utf16 {
        // `decode` follows a byte-order mark if there is one and removes it.
        let (text, _, _) = utf16.decode(bytes);
        if text.contains('\0') {
            return Err(binary());
        }
        return Ok((text.into_owned(), false, Some(utf16)));
    }
    if sniff.contains(&0) {
        return Err(binary());
    }
    let (body, had_bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    match std::str::from_utf8(body) {
        Ok(text) => Ok((text.to_string(), had_bom, None)),
        Err(error) => {
            if let Some(encoding) = encoding {
                let (text, _, _) = encoding.decode(bytes);
                return Ok((text.into_owned(), false, Some(encoding)));
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
            Err((
                true,
                format!(
                    "{display}:{line}:{column}: not UTF-8: byte 0x{:02X} at offset {offset_in_file} is invalid; \
                     re-save the file as UTF-8, or pass --encoding windows-1252 (or the file's encoding) to decode it",
                    body[offset]
                ),
            ))
        }
    }
}

/// Finds the drafts named on the command line (not reading them yet), in path order.
fn gather(args: &CheckArgs, cache: &mut ConfigCache, problems: &mut Problems) -> Vec<Input> {
    let default_paths = [PathBuf::from(".")];
    let paths: &[PathBuf] = if args.paths.is_empty() {
        &default_paths
    } else {
        &args.paths
    };
    gather_paths(paths, cache, problems)
}

/// Reads the reference drafts of `--against`: every draft file under the folders (or the
/// files) named, as `copydesk check` would select them, except the drafts being checked.
fn read_references(
    args: &CheckArgs,
    checked: &[Input],
    cache: &mut ConfigCache,
    encoding: Option<&'static encoding_rs::Encoding>,
    problems: &mut Problems,
) -> Vec<SourceFile> {
    if args.against.is_empty() {
        return Vec::new();
    }
    let checked_ids: HashSet<FileId> = checked
        .iter()
        .filter_map(|input| match &input.source {
            Source::File(path) => file_id(path),
            Source::Stdin { .. } => None,
        })
        .collect();
    let mut references = Vec::new();
    for input in gather_paths(&args.against, cache, problems) {
        if let Source::File(path) = &input.source
            && file_id(path).is_some_and(|id| checked_ids.contains(&id))
        {
            continue;
        }
        match read_input(&input, encoding) {
            Ok(file) => references.push(file),
            Err((true, message)) => problems.error(format!("{message} (a reference for --against)")),
            Err((false, message)) => problems.note(message),
        }
    }
    references
}

/// Finds the drafts under `paths` (not reading them yet), in path order.
fn gather_paths(paths: &[PathBuf], cache: &mut ConfigCache, problems: &mut Problems) -> Vec<Input> {
    let mut found: Vec<(PathBuf, Arc<Config>)> = Vec::new();
    for path in paths.iter().filter(|p| p.as_os_str() != "-") {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => {
                let hint = if error.kind() == std::io::ErrorKind::NotFound {
                    "check the path"
                } else {
                    "check its permissions or whether a symbolic link points at itself"
                };
                problems.error(format!("{}: cannot read: {error}; {hint}", path.display()));
                continue;
            }
        };
        if !metadata.is_file() && !metadata.is_dir() {
            // Reading a FIFO or a device would block or never end.
            problems.error(format!(
                "{}: not a regular file (a pipe, socket or device); copydesk checks files and folders (use - to read standard input)",
                path.display()
            ));
            continue;
        }
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
            // A temporary file a killed `--fix` left is not a draft (hidden files are
            // skipped already; this holds whatever the walk's settings).
            if !entry.file_type().is_some_and(|t| t.is_file()) || is_temporary(entry.file_name()) {
                continue;
            }
            let file = entry.path();
            let config = cache.for_draft(file, problems);
            if config.workspace.files.selects(file, path) {
                found.push((file.to_path_buf(), config));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.dedup_by(|a, b| a.0 == b.0);
    one_path_per_file(found)
        .into_iter()
        .map(|(path, config)| {
            let story_key = match config.workspace.story {
                StoryScope::Folder => path.parent().map(Path::to_path_buf).unwrap_or_default(),
                StoryScope::File => path.clone(),
            };
            Input {
                display: display_path(&path),
                source: Source::File(path),
                config,
                story_key,
            }
        })
        .collect()
}

/// The identity of the file a path leads to (following symbolic links), if it can be read.
fn file_id(path: &Path) -> Option<FileId> {
    let metadata = std::fs::metadata(path).ok()?;
    file_id_of(path, &metadata)
}

/// Keeps one path per file: a file reached by several paths (a symbolic link to a draft
/// checked under its own name, a hard link, a file named on the command line and again
/// in a folder walked) is one draft, read, reported and fixed once. Otherwise a story
/// would see the draft twice (each copy's paragraphs "duplicates" of the other's, fixed
/// by deleting them, written through the link to the file itself), and a second write
/// would find the file changed by the first. The path kept is the first in path order
/// that is not itself a symbolic link (the first in path order when all are). Takes and
/// returns the paths sorted.
fn one_path_per_file(found: Vec<(PathBuf, Arc<Config>)>) -> Vec<(PathBuf, Arc<Config>)> {
    let is_link =
        |path: &Path| std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_symlink());
    let mut kept: Vec<(PathBuf, Arc<Config>)> = Vec::with_capacity(found.len());
    let mut by_id: HashMap<FileId, usize> = HashMap::new();
    let mut replaced = false;
    for entry in found {
        if let Some(id) = file_id(&entry.0) {
            if let Some(&index) = by_id.get(&id) {
                if is_link(&kept[index].0) && !is_link(&entry.0) {
                    kept[index] = entry;
                    replaced = true;
                }
                continue;
            }
            by_id.insert(id, kept.len());
        }
        kept.push(entry);
    }
    if replaced {
        kept.sort_by(|a, b| a.0.cmp(&b.0));
    }
    kept
}

/// What checking one story produced.
struct StoryOutcome {
    /// The findings rendered in the output format, one text each.
    rendered: Vec<String>,
    /// (is an error, message), in file order.
    messages: Vec<(bool, String)>,
    files: Vec<SourceFile>,
    /// Each file's text after fixing (equal to its text when nothing was fixed).
    final_texts: Vec<String>,
    findings: Vec<Finding>,
    /// Per file: findings left out past the per-draft limit.
    omitted: Vec<usize>,
    fixed: usize,
}

fn read_input(
    input: &Input,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<SourceFile, (bool, String)> {
    let display = &input.display;
    let limit = input.config.workspace.max_file_size;
    let (bytes, path) = match &input.source {
        Source::Stdin { bytes, .. } => (bytes.clone(), None),
        Source::File(path) => {
            let metadata =
                std::fs::metadata(path).map_err(|e| (true, format!("{display}: cannot read: {e}")))?;
            if metadata.len() > limit {
                return Err((
                    false,
                    format!(
                        "{display}: skipped: {} bytes is over the {limit}-byte limit (raise [files] max_size in copydesk.toml to check it)",
                        metadata.len()
                    ),
                ));
            }
            let bytes = std::fs::read(path).map_err(|e| (true, format!("{display}: cannot read: {e}")))?;
            (bytes, Some(path.clone()))
        }
    };
    let (text, had_bom, decoded_from) = decode(&bytes, display, encoding)?;
    Ok(SourceFile {
        display: display.clone(),
        path,
        text,
        original: bytes,
        had_bom,
        decoded_from,
    })
}

fn analyze_texts(
    files: &[SourceFile],
    texts: &[String],
    references: &References<'_>,
    config: &EngineSettings,
) -> BoundedFindings {
    let drafts: Vec<DraftInput<'_>> = files
        .iter()
        .zip(texts)
        .map(|(file, text)| DraftInput {
            path: &file.display,
            text,
            format: DraftFormat::from_path(&file.display),
        })
        .collect();
    // At most MAX_FINDINGS_PER_DRAFT a draft, bounded as the rules push them.
    if references.is_empty() {
        return analyze_bounded(&drafts, config, MAX_FINDINGS_PER_DRAFT);
    }
    analyze_bounded_against(&drafts, references, config, MAX_FINDINGS_PER_DRAFT)
}

/// The references of `--against`, indexed once for every story.
fn index_references<'a>(files: &'a [SourceFile], config: &EngineSettings) -> References<'a> {
    let inputs = files
        .iter()
        .map(|file| DraftInput {
            path: &file.display,
            text: &file.text,
            format: DraftFormat::from_path(&file.display),
        })
        .collect();
    References::new(inputs, config)
}

/// A note for each rule named in a suppression directive that is not a rule: such a
/// directive silences nothing, and a typo in it would otherwise go unnoticed. (The engine
/// ignores unknown names, as a finding cannot belong to a rule that does not exist.)
fn unknown_directive_rules(file: &SourceFile) -> Vec<String> {
    if !file.text.contains("copydesk-") {
        return Vec::new();
    }
    let layout = crate::text::markdown::layout(&file.text, DraftFormat::from_path(&file.display));
    let mut notes = Vec::new();
    for directive in &layout.directives {
        for rule in directive.rules.iter().filter(|rule| checks::rule(rule).is_none()) {
            let kind = match directive.kind {
                DirectiveKind::Disable => "copydesk-disable",
                DirectiveKind::Enable => "copydesk-enable",
                DirectiveKind::DisableNextLine => "copydesk-disable-next-line",
            };
            notes.push(format!(
                "{}:{}: unknown rule \"{rule}\" in a {kind} directive: it silences nothing (`copydesk rules` lists the rules)",
                file.display,
                directive.line + 1
            ));
        }
    }
    notes
}

/// Reads, analyses and (when asked) fixes one story.
fn check_story(
    story: &[Input],
    references: &References<'_>,
    encoding: Option<&'static encoding_rs::Encoding>,
    fix: Option<FixMode>,
    diffing: bool,
) -> StoryOutcome {
    let mut messages = Vec::new();
    let mut files = Vec::new();
    for input in story {
        match read_input(input, encoding) {
            Ok(file) => files.push(file),
            Err(message) => messages.push(message),
        }
    }
    for file in &files {
        messages.extend(
            unknown_directive_rules(file)
                .into_iter()
                .map(|message| (false, message)),
        );
    }
    let config = &story[0].config.engine;
    let mut texts: Vec<String> = files.iter().map(|f| f.text.clone()).collect();
    let BoundedFindings {
        mut findings,
        mut omitted,
        ..
    } = if files.is_empty() {
        BoundedFindings::default()
    } else {
        analyze_texts(&files, &texts, references, config)
    };
    let mut fixed = 0;
    if let Some(mode) = fix {
        // A file decoded from another encoding is neither fixed nor shown fixed: `--diff`
        // says what `--fix` would write, and `--fix` writes only UTF-8.
        for (position, file) in files.iter().enumerate() {
            if let Some(encoding) = file.decoded_from
                && !edits_for_draft(&findings, position, mode).is_empty()
            {
                messages.push((
                    false,
                    format!(
                        "{}: {}: it was decoded from {}, and fixes are written only to UTF-8 files; convert it to UTF-8 to fix it",
                        file.display,
                        if diffing { "no diff shown" } else { "not fixed" },
                        encoding.name()
                    ),
                ));
            }
        }
        // The first round applies what `copydesk check` reports; later rounds apply the
        // fixes deferred because they overlapped another, re-made on the fixed text, only
        // where they stay inside the spans the first round reported (see `Regions`).
        let mut regions: Vec<Regions> = (0..files.len())
            .map(|position| Regions::reported(&findings, position, mode))
            .collect();
        for _round in 0..8 {
            let mut changed = false;
            for (position, text) in texts.iter_mut().enumerate() {
                if files[position].decoded_from.is_some() {
                    continue;
                }
                let edits = edits_within(&findings, position, mode, Some(&regions[position]));
                if edits.is_empty() {
                    continue;
                }
                fixed += edits.len();
                *text = apply_edits(text, &edits);
                regions[position] = regions[position].after(&edits);
                changed = true;
            }
            if !changed {
                break;
            }
            let again = analyze_texts(&files, &texts, references, config);
            findings = again.findings;
            omitted = again.omitted;
        }
        for (position, text) in texts.iter().enumerate() {
            if files[position].decoded_from.is_none()
                && *text != files[position].text
                && !edits_for_draft(&findings, position, mode).is_empty()
            {
                messages.push((
                    false,
                    format!(
                        "{}: the fixes made others possible; run copydesk again to {} them (a run of --fix changes only what it reported before fixing)",
                        files[position].display,
                        if diffing { "see" } else { "apply" }
                    ),
                ));
            }
        }
    }
    StoryOutcome {
        rendered: Vec::new(),
        messages,
        files,
        final_texts: texts,
        findings,
        omitted,
        fixed,
    }
}

/// Runs `copydesk check` and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let mut problems = Problems::default();
    let Some(mut cache) = config_cache(args, &mut problems) else {
        return 2;
    };
    let encoding = match &args.encoding {
        Some(label) => match encoding_rs::Encoding::for_label(label.as_bytes()) {
            Some(encoding) => Some(encoding),
            None => {
                problems.error(format!(
                    "unknown encoding \"{label}\": use a WHATWG label such as windows-1252, iso-8859-1 or utf-16le"
                ));
                return 2;
            }
        },
        None => None,
    };

    let mut inputs = Vec::new();
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        let mut bytes = Vec::new();
        match std::io::stdin().read_to_end(&mut bytes) {
            Err(error) => problems.error(format!("standard input: cannot read: {error}")),
            Ok(_) => {
                let name = args
                    .stdin_filename
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("stdin.md"));
                let config = cache.for_draft(
                    &std::env::current_dir().unwrap_or_default().join(&name),
                    &mut problems,
                );
                inputs.push(Input {
                    display: display_path(&name),
                    source: Source::Stdin { bytes },
                    config,
                    story_key: PathBuf::from("-"),
                });
            }
        }
    }
    inputs.extend(gather(args, &mut cache, &mut problems));
    let reference_files = read_references(args, &inputs, &mut cache, encoding, &mut problems);
    // The references' quotations are read with the first draft's configuration (only the
    // shortlist's candidate terms depend on it, and not on its attribution verbs).
    let default_config = EngineSettings::default();
    let index_config = inputs
        .first()
        .map_or(&default_config, |input| &input.config.engine);
    let references = index_references(&reference_files, index_config);

    // Group into stories, keeping path order (inputs are sorted, so a story's drafts are
    // contiguous unless a folder's files interleave with a subfolder's; group by key).
    let mut order: Vec<PathBuf> = Vec::new();
    let mut groups: HashMap<PathBuf, Vec<Input>> = HashMap::new();
    for input in inputs {
        if !groups.contains_key(&input.story_key) {
            order.push(input.story_key.clone());
        }
        groups.entry(input.story_key.clone()).or_default().push(input);
    }
    let stories: Vec<Vec<Input>> = order.into_iter().filter_map(|key| groups.remove(&key)).collect();
    let file_count: usize = stories.iter().map(Vec::len).sum();

    let fix = if args.fix || args.diff {
        Some(if args.unsafe_fixes {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        })
    } else {
        None
    };
    let stdin_fix = args.fix
        && stories
            .iter()
            .flatten()
            .any(|i| matches!(i.source, Source::Stdin { .. }));
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let reporter: Box<dyn Reporter> = match args.format {
        Format::Human => Box::new(report::human::Human { color }),
        Format::Json => Box::new(report::json::Json),
        Format::Sarif => Box::new(report::sarif::Sarif::new(std::env::current_dir().ok().as_deref())),
        Format::Github => Box::new(report::github::Github),
    };
    let reporting = !args.diff && !stdin_fix;

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut changed_files = 0usize;
    let mut written = 0usize;
    let mut omitted: Vec<report::Omitted> = Vec::new();
    if reporting {
        let _ = reporter.begin(&mut out);
    }

    let mut start = 0;
    while start < stories.len() {
        // The next batch: whole stories, about BATCH_DRAFTS drafts.
        let mut end = start;
        let mut drafts = 0;
        while end < stories.len() && (drafts < BATCH_DRAFTS || end == start) {
            drafts += stories[end].len();
            end += 1;
        }
        let outcomes: Vec<StoryOutcome> = stories[start..end]
            .par_iter()
            .map(|story| {
                let mut outcome = check_story(story, &references, encoding, fix, args.diff);
                if reporting {
                    // Render here, in parallel, so that the writer only copies bytes.
                    // The references follow the story's drafts, as the engine numbers
                    // them, so that a related place in one is found.
                    let report_files: Vec<ReportFile<'_>> = outcome
                        .files
                        .iter()
                        .zip(&outcome.final_texts)
                        .map(|(file, text)| ReportFile::new(&file.display, text))
                        .chain(
                            reference_files
                                .iter()
                                .map(|file| ReportFile::new(&file.display, &file.text)),
                        )
                        .collect();
                    if reporter.collapses_groups() {
                        outcome.findings = crate::finding::collapse_groups(&outcome.findings);
                    }
                    let located: Vec<LocatedFinding> = outcome
                        .findings
                        .drain(..)
                        .map(LocatedFinding::from_story_finding)
                        .collect();
                    outcome.rendered = reporter.render(&located, &report_files);
                    for (file, &count) in report_files.iter().zip(&outcome.omitted) {
                        if count > 0
                            && let Some(note) = reporter.omitted_note(file, count)
                        {
                            outcome.rendered.push(note);
                        }
                    }
                    outcome.findings = located.into_iter().map(|l| l.finding).collect();
                }
                outcome
            })
            .collect();
        start = end;

        for outcome in outcomes {
            for (is_error, message) in &outcome.messages {
                if *is_error {
                    problems.error(message);
                } else {
                    problems.note(message);
                }
            }
            for (file, new_text) in outcome.files.iter().zip(&outcome.final_texts) {
                if *new_text == file.text {
                    continue;
                }
                changed_files += 1;
                if args.diff {
                    let _ = out.write_all(
                        unified_diff(&file.display, &file.text, new_text, file.had_bom, 3).as_bytes(),
                    );
                } else if args.fix {
                    match &file.path {
                        // Standard input: the fixed draft goes to standard output.
                        None => {
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
            for (file, &count) in outcome.files.iter().zip(&outcome.omitted) {
                if count > 0 {
                    summary.omitted += count;
                    if reporting && matches!(args.format, Format::Json | Format::Sarif) && !args.quiet {
                        problems.note(report::omitted_message(&file.display, count));
                    }
                    omitted.push(report::Omitted {
                        display: file.display.clone(),
                        count,
                    });
                }
            }
            summary.fixed += outcome.fixed;
            // Counted whether or not they are printed: the exit code rests on them.
            let located: Vec<LocatedFinding> = outcome
                .findings
                .into_iter()
                .map(LocatedFinding::from_story_finding)
                .collect();
            summary.add(&located);
            if !reporting {
                continue;
            }
            for text in &outcome.rendered {
                let _ = out.write_all(reporter.separator(written == 0).as_bytes());
                let _ = out.write_all(text.as_bytes());
                written += 1;
            }
        }
    }
    if reporting {
        let _ = reporter.end(&mut out, written, &omitted);
    }
    let _ = out.flush();
    drop(out);

    if args.diff && !args.quiet {
        eprintln!(
            "copydesk: {changed_files} file{} would change",
            if changed_files == 1 { "" } else { "s" }
        );
    }
    if !args.diff && !args.quiet && args.format == Format::Human {
        eprintln!("{}", summary.line(file_count, args.fix));
    }
    // One rule for every mode: fail when a finding at or above --fail-on is left (after the
    // fixes, with --fix or --diff), and with --diff also when a fix would change a file.
    let failing = args.fail_on.threshold().is_some_and(|threshold| {
        summary.worst.is_some_and(|w| w >= threshold) || (args.diff && changed_files > 0)
    });
    if problems.errors > 0 {
        2
    } else if failing {
        1
    } else {
        0
    }
}

/// A unified diff of a file's bytes from `old` to `new` (`a/NAME`, `b/NAME`): a byte-order
/// mark stays on line 1, so that a hunk there applies with `patch`.
pub(super) fn unified_diff(display: &str, old: &str, new: &str, had_bom: bool, context: usize) -> String {
    let bom = if had_bom { "\u{FEFF}" } else { "" };
    let (old, new) = (format!("{bom}{old}"), format!("{bom}{new}"));
    similar::TextDiff::from_lines(old.as_str(), new.as_str())
        .unified_diff()
        .context_radius(context)
        .header(&format!("a/{display}"), &format!("b/{display}"))
        .to_string()
}

/// The configuration source: `--config FILE` for every draft, or discovery per folder.
fn config_cache(args: &CheckArgs, problems: &mut Problems) -> Option<ConfigCache> {
    let explicit = match &args.config {
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(error) => {
                    problems.error(format!(
                        "{}: cannot read the configuration: {error}",
                        path.display()
                    ));
                    return None;
                }
            };
            match Config::from_toml(&text, Some(path)) {
                Ok(mut config) => {
                    if args.story {
                        config.workspace.story = StoryScope::Folder;
                    }
                    Some(Arc::new(config))
                }
                Err(error) => {
                    // The configuration asked for by name is broken: checking with another
                    // one would report what it was meant to change, so nothing is checked.
                    problems.error(format!(
                        "{error}\n  (fix the configuration named by --config; nothing was checked)"
                    ));
                    return None;
                }
            }
        }
        None => None,
    };
    let mut default = Config::default();
    if args.story {
        default.workspace.story = StoryScope::Folder;
    }
    Some(ConfigCache {
        explicit,
        default: Arc::new(default),
        by_folder: HashMap::new(),
        by_file: HashMap::new(),
        force_story: args.story,
    })
}

/// Writes fixed text over a file (see [`atomic_write`]): refused when the file changed
/// since it was read or is read-only; a byte-order mark the file had is kept.
pub(super) fn write_atomically(path: &Path, file: &SourceFile, new_text: &str) -> Result<(), String> {
    write_atomically_with(path, file, new_text, || {})
}

/// `write_atomically`, calling `before_recheck` just before the file is compared a last
/// time (tests change the file there).
fn write_atomically_with(
    path: &Path,
    file: &SourceFile,
    new_text: &str,
    before_recheck: impl FnOnce(),
) -> Result<(), String> {
    let display = &file.display;
    debug_assert!(
        file.decoded_from.is_none(),
        "fixes are not written to decoded files"
    );
    let mut bytes = Vec::with_capacity(new_text.len() + 3);
    if file.had_bom {
        bytes.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    bytes.extend_from_slice(new_text.as_bytes());
    atomic_write::write_with(path, Some(&file.original), &bytes, before_recheck).map_err(|error| match error {
        WriteError::Changed => format!(
            "{display}: not fixed: the file changed on disk while copydesk was checking it; run copydesk again"
        ),
        WriteError::ReadOnly => format!(
            "{display}: not fixed: the file is read-only; make it writable (chmod u+w) for copydesk to fix it, or leave it out"
        ),
        WriteError::Io(doing, error) => format!("{display}: not fixed: {doing}: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &Path) -> SourceFile {
        let original = std::fs::read(path).unwrap();
        SourceFile {
            display: "draft.md".to_string(),
            path: Some(path.to_path_buf()),
            text: String::from_utf8(original.clone()).unwrap(),
            original,
            had_bom: false,
            decoded_from: None,
        }
    }

    fn entries(folder: &Path) -> usize {
        std::fs::read_dir(folder).unwrap().count()
    }

    #[test]
    fn a_fix_is_written_when_nothing_changed() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("draft.md");
        std::fs::write(&path, "One line.\n").unwrap();
        let file = source(&path);
        write_atomically_with(&path, &file, "One fixed line.\n", || {}).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "One fixed line.\n");
        assert_eq!(entries(folder.path()), 1);
    }

    #[test]
    fn the_temporary_file_is_named_for_the_draft_and_copydesk() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("draft.md");
        std::fs::write(&path, "One line.\n").unwrap();
        let file = source(&path);
        let mut seen = Vec::new();
        write_atomically_with(&path, &file, "One fixed line.\n", || {
            for entry in std::fs::read_dir(folder.path()).unwrap() {
                seen.push(entry.unwrap().file_name());
            }
        })
        .unwrap();
        seen.sort();
        assert_eq!(seen.len(), 2, "{seen:?}");
        let name = seen[0].to_string_lossy().to_string();
        assert!(
            name.starts_with(".draft.md.copydesk-")
                && name.ends_with(".tmp")
                && name.len() == ".draft.md.copydesk-".len() + 6 + 4,
            "{name}"
        );
        assert!(is_temporary(&seen[0]));
        assert!(!is_temporary(std::ffi::OsStr::new("draft.md")));
        assert!(!is_temporary(std::ffi::OsStr::new(".notes.tmp")));
        assert_eq!(entries(folder.path()), 1);
    }

    #[test]
    fn a_line_appended_after_the_temporary_file_is_synced_is_kept() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("draft.md");
        std::fs::write(&path, "One line.\n").unwrap();
        let file = source(&path);
        let error = write_atomically_with(&path, &file, "One fixed line.\n", || {
            let mut handle = std::fs::OpenOptions::new().append(true).open(&path).unwrap();
            handle.write_all(b"A line added meanwhile.\n").unwrap();
        })
        .unwrap_err();
        assert!(error.contains("changed on disk"), "{error}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "One line.\nA line added meanwhile.\n"
        );
        // The temporary file is gone.
        assert_eq!(entries(folder.path()), 1);
    }

    #[test]
    fn a_same_size_rewrite_or_a_replaced_file_is_not_overwritten() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("draft.md");
        std::fs::write(&path, "One line.\n").unwrap();
        let file = source(&path);
        let error = write_atomically_with(&path, &file, "Fixed.\n", || {
            std::fs::write(&path, "One LINE.\n").unwrap();
        })
        .unwrap_err();
        assert!(error.contains("changed on disk"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "One LINE.\n");
        assert_eq!(entries(folder.path()), 1);

        // An editor saving by rename: the same bytes, but another file, maybe with other
        // permissions; a file that is not the one read is not replaced.
        #[cfg(unix)]
        {
            let file = source(&path);
            let error = write_atomically_with(&path, &file, "Fixed.\n", || {
                let other = path.with_extension("saved");
                std::fs::write(&other, "One LINE.\n").unwrap();
                std::fs::rename(&other, &path).unwrap();
            })
            .unwrap_err();
            assert!(error.contains("changed on disk"), "{error}");
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "One LINE.\n");
            assert_eq!(entries(folder.path()), 1);
        }
    }

    #[test]
    fn a_change_before_the_first_comparison_is_refused_before_any_write() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("draft.md");
        std::fs::write(&path, "One line.\n").unwrap();
        let file = source(&path);
        std::fs::write(&path, "One line.\nAnother.\n").unwrap();
        let mut called = false;
        let error = write_atomically_with(&path, &file, "Fixed.\n", || called = true).unwrap_err();
        assert!(error.contains("changed on disk"), "{error}");
        assert!(!called);
        assert_eq!(entries(folder.path()), 1);
    }
}
