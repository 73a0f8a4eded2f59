//! `copydesk style-sheet PATH…`: print a story's style sheet as Markdown or JSON.
//!
//! The drafts named, and the drafts directly inside the folders named (those that
//! `[files] include` and `exclude` select, as `copydesk check` selects them: see
//! [`crate::file_selector`]), form one story, the way the language server's
//! `copydesk.styleSheet` command sees the drafts of a folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::config::Config;
use crate::story::{DraftInput, parse_story};
use crate::style_sheet::{DraftLocation, StyleSheet, to_json, to_markdown};
use crate::text::PositionEncoding;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StyleSheetFormat {
    /// Tables for people.
    Markdown,
    /// One JSON object: `names` and `figures`, with ranges as in `check --format json`.
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct StyleSheetArgs {
    /// The story's drafts: files, or folders whose drafts are read (not recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = StyleSheetFormat::Markdown)]
    pub format: StyleSheetFormat,

    /// Use this configuration file instead of looking for copydesk.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// The configuration for the story: `--config`, or the one found from the first path.
fn load_config(args: &StyleSheetArgs) -> Result<Config, String> {
    let path = match &args.config {
        Some(path) => Some(path.clone()),
        None => args.paths.first().and_then(|first| Config::discover(first)),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("{}: cannot read the configuration: {error}", path.display()))?;
    Config::from_toml(&text, Some(&path)).map_err(|error| error.to_string())
}

/// The draft files named: files as given, folders' drafts in name order.
fn draft_files(args: &StyleSheetArgs, config: &Config) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in &args.paths {
        let metadata = std::fs::metadata(path)
            .map_err(|error| format!("{}: cannot read: {error}; check the path", path.display()))?;
        if metadata.is_file() {
            files.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path)
            .map_err(|error| format!("{}: cannot list the folder: {error}", path.display()))?;
        let mut inside: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|file| file.is_file() && config.workspace.files.selects(file, path))
            .collect();
        inside.sort();
        files.extend(inside);
    }
    files.dedup();
    Ok(files)
}

fn read_draft(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("{}: cannot read: {error}", path.display()))?;
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
    String::from_utf8(body.to_vec()).map_err(|error| {
        format!(
            "{}: not UTF-8 (invalid byte at offset {}); re-save the file as UTF-8",
            path.display(),
            error.utf8_error().valid_up_to()
        )
    })
}

/// Runs `copydesk style-sheet` and returns the exit code: 0, or 2 when a draft or the
/// configuration cannot be read.
pub fn run(args: &StyleSheetArgs) -> i32 {
    match render(args) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(output.as_bytes());
            0
        }
        Err(message) => {
            eprintln!("copydesk: {message}");
            2
        }
    }
}

/// The style sheet of the drafts named, rendered in the format asked for.
pub fn render(args: &StyleSheetArgs) -> Result<String, String> {
    let config = load_config(args)?;
    let files = draft_files(args, &config)?;
    if files.is_empty() {
        return Err(
            "no drafts found: name draft files, or folders that hold .md, .markdown or .txt files".into(),
        );
    }
    let mut texts = Vec::with_capacity(files.len());
    for file in &files {
        texts.push(read_draft(file)?);
    }
    let names: Vec<String> = files.iter().map(|file| file.display().to_string()).collect();
    let inputs: Vec<DraftInput<'_>> = names
        .iter()
        .zip(&texts)
        .map(|(name, text)| DraftInput::new(name, text))
        .collect();
    let drafts = parse_story(&inputs);
    let sheet = StyleSheet::build(&drafts, &config.engine);
    let locations: Vec<DraftLocation<'_>> = drafts
        .iter()
        .zip(&names)
        .map(|(draft, name)| DraftLocation {
            name,
            text: draft.parsed.source,
            line_index: &draft.parsed.line_index,
        })
        .collect();
    Ok(match args.format {
        StyleSheetFormat::Markdown => to_markdown(&sheet, &locations),
        StyleSheetFormat::Json => {
            let value = to_json(&sheet, &locations, PositionEncoding::Utf16);
            let mut text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_string());
            text.push('\n');
            text
        }
    })
}
