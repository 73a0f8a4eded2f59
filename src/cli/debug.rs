//! `copydesk debug`: what a rule saw, for following a false finding or a miss to the one
//! place that decided it, and for training the web-residue model.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::text::{DraftFormat, ParsedDraft, furniture};

#[derive(Debug, clap::Subcommand)]
pub enum DebugCommand {
    /// Print each unit of each draft (a paragraph, a heading, a list item, a line of
    /// extractor output) with its web-residue features and probability, as JSON lines.
    Residue {
        /// Files, or folders whose `.md`, `.markdown` and `.txt` files are read (not
        /// recursively).
        paths: Vec<PathBuf>,
    },
    /// Print the names of the web-residue features, in order, as a JSON array.
    ResidueFeatures,
    /// Print each number of each draft's prose with what unattributed-figure decided about
    /// it: unsourced, sourced (and by what), not a claim (and why), not a figure (and which
    /// class of number it is), as `path:line: text  decision`, or JSON lines with --json.
    Figures {
        /// Files, or folders whose `.md`, `.markdown` and `.txt` files are read (not
        /// recursively).
        paths: Vec<PathBuf>,
        /// Print JSON lines instead.
        #[arg(long)]
        json: bool,
    },
    /// Print each paragraph's best match in an earlier draft (drafts in the order given;
    /// folders' files sorted by name) or in the references, with its similarity, the names
    /// and figures both state, and whether restated-paragraph reports it, as JSON lines.
    Restated {
        /// Files, or folders whose `.md`, `.markdown` and `.txt` files are read (not
        /// recursively): one story.
        paths: Vec<PathBuf>,
        /// Reference files or folders, compared with but not checked.
        #[arg(long)]
        against: Vec<PathBuf>,
    },
    /// Print each run of capitals in each draft's prose with what acronym-first-use
    /// decided about it: the class that let it go, or why it is flagged (a warning or a
    /// hint), as `path:line: letters  decision`.
    Acronyms {
        /// Files, or folders whose `.md`, `.markdown` and `.txt` files are read (not
        /// recursively).
        paths: Vec<PathBuf>,
    },
}

pub fn run(command: &DebugCommand) -> i32 {
    match command {
        DebugCommand::Residue { paths } => residue(paths),
        DebugCommand::Figures { paths, json } => figures(paths, *json),
        DebugCommand::Acronyms { paths } => acronyms(paths),
        DebugCommand::Restated { paths, against } => restated(paths, against),
        DebugCommand::ResidueFeatures => {
            println!("{}", serde_json::json!(furniture::FEATURE_NAMES));
            0
        }
    }
}

/// The drafts named: files as given, folders' draft files sorted by name.
fn drafts(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let Ok(entries) = std::fs::read_dir(path) else {
                eprintln!("copydesk: cannot read folder {}", path.display());
                continue;
            };
            let mut files: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|e| e == "md" || e == "markdown" || e == "txt")
                })
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn read(path: &Path) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(error) => {
            eprintln!("copydesk: {}: {error}", path.display());
            None
        }
    }
}

fn residue(paths: &[PathBuf]) -> i32 {
    let model = furniture::model::web_residue();
    each_draft(paths, |draft, display| {
        let parsed = &draft.parsed;
        let units = furniture::units(parsed);
        let features = furniture::features(parsed, &units);
        units
            .iter()
            .zip(&features)
            .map(|(unit, values)| {
                serde_json::json!({
                    "path": display,
                    "first_line": unit.first_line + 1,
                    "last_line": unit.last_line + 1,
                    "text": &parsed.source[unit.span.clone()],
                    "probability": model.probability(values),
                    "features": values.to_vec(),
                })
                .to_string()
            })
            .collect()
    })
}

/// Parses each draft under `paths` and hands it to `lines`, which returns the lines to
/// print for it; exits 2 when a draft could not be read, and stops when standard output
/// is closed.
fn each_draft(
    paths: &[PathBuf],
    lines: impl Fn(&crate::checks::DraftContext<'_>, &str) -> Vec<String>,
) -> i32 {
    let mut stdout = std::io::stdout().lock();
    let mut status = 0;
    for path in drafts(paths) {
        let Some(text) = read(&path) else {
            status = 2;
            continue;
        };
        let display = path.to_string_lossy();
        let parsed = ParsedDraft::parse(&text, DraftFormat::from_path(&display));
        let draft = crate::checks::DraftContext::new(&display, parsed);
        for line in lines(&draft, &display) {
            if writeln!(stdout, "{line}").is_err() {
                return status;
            }
        }
    }
    status
}

fn figures(paths: &[PathBuf], json: bool) -> i32 {
    let config = crate::Config::default();
    each_draft(paths, |draft, display| {
        crate::text::figures::context::decide(draft, &config.engine)
            .into_iter()
            .map(|decided| {
                let line = draft.parsed.line_of(decided.span.start) + 1;
                let figure = crate::text::one_line(&draft.parsed.source[decided.span.clone()]);
                let decision = decided.decision.describe();
                if json {
                    serde_json::json!({
                        "path": display, "line": line, "text": figure, "decision": decision,
                    })
                    .to_string()
                } else {
                    format!("{display}:{line}: {figure}  {decision}")
                }
            })
            .collect()
    })
}

fn acronyms(paths: &[PathBuf]) -> i32 {
    let config = crate::Config::default();
    each_draft(paths, |draft, display| {
        crate::checks::acronym_first_use::decide(draft, &config.engine)
            .into_iter()
            .map(|decided| {
                let line = draft.parsed.line_of(decided.span.start) + 1;
                let written = &draft.parsed.source[decided.span.clone()];
                format!("{display}:{line}: {written}  {}", decided.decision.describe())
            })
            .collect()
    })
}

fn restated(paths: &[PathBuf], against: &[PathBuf]) -> i32 {
    use crate::checks::restated_paragraph::{best_matches, restatements};
    let checked = drafts(paths);
    let references = drafts(against);
    let mut status = 0;
    let mut texts: Vec<(String, String)> = Vec::new();
    for path in checked.iter().chain(&references) {
        match read(path) {
            Some(text) => texts.push((path.to_string_lossy().into_owned(), text)),
            None => status = 2,
        }
    }
    let checked_count = texts.len().saturating_sub(references.len());
    let inputs: Vec<crate::story::DraftInput<'_>> = texts
        .iter()
        .map(|(path, text)| crate::story::DraftInput::new(path, text))
        .collect();
    let settings = crate::Config::default().engine;
    // As `check --against` does: the story is compared with its shortlist of references.
    let reference_set = crate::story::References::new(inputs[checked_count..].to_vec(), &settings);
    let (contexts, _) = reference_set.with_story(&inputs[..checked_count], &settings);
    let found = best_matches(&contexts, checked_count, &settings);
    let reported: Vec<(usize, usize)> = restatements(&found, &contexts)
        .iter()
        .map(|m| (m.draft, m.block))
        .collect();
    let mut stdout = std::io::stdout().lock();
    for m in &found.matches {
        let (draft, source) = (&contexts[m.draft], &contexts[m.source_draft]);
        let line = serde_json::json!({
            "path": draft.path,
            "line": draft.parsed.blocks[m.block].first_line + 1,
            "source": source.path,
            "source_line": source.parsed.blocks[m.source_block].first_line + 1,
            "similarity": (m.similarity * 1000.0).round() / 1000.0,
            "shared": m.shared,
            "reported": reported.contains(&(m.draft, m.block)),
            "comparable": found.comparable[m.draft],
            "source_comparable": found.comparable[m.source_draft],
        });
        if writeln!(stdout, "{line}").is_err() {
            break;
        }
    }
    status
}
