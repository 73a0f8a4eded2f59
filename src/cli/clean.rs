//! `copydesk clean`: the page furniture a web page left in pasted or scraped copy, removed.
//!
//! It runs the web-residue rule alone and applies only its safe fixes (the lines the rule
//! is sure of), round after round until nothing changes, the way `check --fix` does. Lines
//! it is not sure of stay, and are listed on standard error for the writer to check. The
//! result goes to standard output, back to the file (`--in-place`, atomically, as `--fix`
//! writes), or out as a unified diff (`--diff`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::check::{SourceFile, decode, unified_diff, write_atomically};
use crate::config::{Config, RuleLevel};
use crate::finding::{Applicability, Finding};
use crate::fix::{FixMode, apply_edits, edits_for_draft};
use crate::story::{DraftInput, analyze};
use crate::text::DraftFormat;

const RULE: &str = "web-residue";

#[derive(Debug, Clone, clap::Args)]
pub struct CleanArgs {
    /// The drafts to clean; `-` reads one from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Write the cleaned drafts back to their files, atomically.
    #[arg(long)]
    pub in_place: bool,

    /// Print what would be removed as a unified diff, and change nothing.
    #[arg(long, conflicts_with = "in_place")]
    pub diff: bool,

    /// With `-`, the draft's name: its extension picks Markdown or plain text.
    #[arg(long)]
    pub stdin_filename: Option<PathBuf>,

    /// Decode drafts that are not UTF-8 from this encoding (e.g. windows-1252).
    #[arg(long)]
    pub encoding: Option<String>,
}

/// The configuration `clean` analyses with: the web-residue rule alone.
fn residue_only() -> Config {
    let mut config = Config::default();
    for rule in crate::checks::RULES {
        let level = if rule.id() == RULE {
            RuleLevel::On(rule.default_severity())
        } else {
            RuleLevel::Off
        };
        config.engine.rules.insert(rule.id().to_string(), level);
    }
    config
}

/// The cleaned text, how many lines (units of furniture: a line, a paragraph, a list item)
/// went, and the findings left in it (the lines the rule is not sure of).
pub fn clean_text(name: &str, text: &str, format: DraftFormat) -> (String, usize, Vec<Finding>) {
    let config = residue_only();
    let mut current = text.to_string();
    let mut removed = 0;
    for _ in 0..10 {
        let input = DraftInput {
            path: name,
            text: &current,
            format,
        };
        let findings = analyze(&[input], &config);
        let edits = edits_for_draft(&findings, 0, FixMode::Safe);
        if edits.is_empty() {
            return (current, removed, findings);
        }
        removed += edits.len();
        current = apply_edits(&current, &edits);
    }
    let input = DraftInput {
        path: name,
        text: &current,
        format,
    };
    let findings = analyze(&[input], &config);
    (current, removed, findings)
}

pub fn run(args: &CleanArgs) -> i32 {
    let encoding = match &args.encoding {
        Some(label) => match encoding_rs::Encoding::for_label(label.as_bytes()) {
            Some(encoding) => Some(encoding),
            None => {
                eprintln!(
                    "copydesk: error: unknown encoding \"{label}\": use a WHATWG label such as windows-1252, iso-8859-1 or utf-16le"
                );
                return 2;
            }
        },
        None => None,
    };
    if args.paths.len() > 1 && !args.in_place && !args.diff {
        eprintln!(
            "copydesk: error: to clean several drafts, pass --in-place (or --diff to see what would go); one draft is printed to standard output"
        );
        return 2;
    }
    let mut status = 0;
    let mut stdout = std::io::stdout().lock();
    for path in &args.paths {
        let stdin = path.as_os_str() == "-";
        let display = if stdin {
            args.stdin_filename
                .as_ref()
                .map_or_else(|| "<stdin>".to_string(), |p| p.to_string_lossy().to_string())
        } else {
            path.to_string_lossy().to_string()
        };
        if stdin && args.in_place {
            eprintln!("copydesk: error: standard input cannot be cleaned in place; leave out --in-place");
            status = 2;
            continue;
        }
        let bytes = if stdin {
            let mut bytes = Vec::new();
            if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("copydesk: error: <stdin>: cannot read: {error}");
                status = 2;
                continue;
            }
            bytes
        } else {
            match std::fs::read(path) {
                Ok(bytes) => bytes,
                Err(error) => {
                    eprintln!("copydesk: error: {display}: cannot read: {error}");
                    status = 2;
                    continue;
                }
            }
        };
        let (text, had_bom, decoded_from) = match decode(&bytes, &display, encoding) {
            Ok(decoded) => decoded,
            Err((_, message)) => {
                eprintln!("copydesk: error: {message}");
                status = 2;
                continue;
            }
        };
        // Standard input with no name is plain text: what a paste from a web page is.
        let format = if stdin && args.stdin_filename.is_none() {
            DraftFormat::PlainText
        } else {
            DraftFormat::from_path(&display)
        };
        let (cleaned, removed, left) = clean_text(&display, &text, format);
        report(&display, &cleaned, removed, &left);
        if args.diff {
            if cleaned != text && decoded_from.is_some() {
                // `--in-place` would not write it: the diff says what it would write.
                eprintln!(
                    "copydesk: note: {display}: no diff shown: it was decoded from another encoding, and files are cleaned in place only as UTF-8; save it as UTF-8 first"
                );
            } else if cleaned != text {
                let _ = stdout.write_all(unified_diff(&display, &text, &cleaned, had_bom, 2).as_bytes());
            }
        } else if args.in_place {
            if cleaned == text {
                continue;
            }
            if decoded_from.is_some() {
                eprintln!(
                    "copydesk: error: {display}: not cleaned in place: it was decoded from another encoding; save it as UTF-8 first"
                );
                status = 2;
                continue;
            }
            let file = SourceFile {
                display: display.clone(),
                path: Some(path.clone()),
                text: text.clone(),
                original: bytes,
                had_bom,
                decoded_from,
            };
            if let Err(message) = write_atomically(Path::new(path), &file, &cleaned) {
                eprintln!("copydesk: error: {message}");
                status = 2;
            }
        } else {
            let _ = stdout.write_all(cleaned.as_bytes());
        }
    }
    status
}

/// One note per draft on standard error: how many lines went, and each line left for the
/// writer to check.
fn report(display: &str, after: &str, removed: usize, left: &[Finding]) {
    let unsure: Vec<&Finding> = left
        .iter()
        .filter(|f| f.fixes.iter().all(|fix| fix.applicability != Applicability::Safe))
        .collect();
    if removed == 0 && unsure.is_empty() {
        eprintln!("copydesk: {display}: no page furniture found");
        return;
    }
    eprintln!(
        "copydesk: {display}: removed {removed} line{} of page furniture{}",
        if removed == 1 { "" } else { "s" },
        if unsure.is_empty() {
            String::new()
        } else {
            format!("; left {} that may be furniture for you to check:", unsure.len())
        }
    );
    let index = crate::text::LineIndex::new(after);
    for finding in unsure {
        let line = index.line_of(finding.span.start) + 1;
        eprintln!("  {display}:{line}: {}", finding.message);
    }
}
