//! The JSON output: an array of findings, one object each (the contract in the README).
//!
//! Lines are 0-based and columns count UTF-16 code units, as in LSP; `span` holds byte
//! offsets into the file as read (after a UTF-8 byte-order mark, if any).

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{LocatedFinding, ReportFile, Reporter};
use crate::text::PositionEncoding;

fn range(file: &ReportFile<'_>, span: &std::ops::Range<usize>) -> Value {
    let start = file.position(span.start, PositionEncoding::Utf16);
    let end = file.position(span.end, PositionEncoding::Utf16);
    json!({
        "start": {"line": start.line, "character": start.column},
        "end": {"line": end.line, "character": end.column},
    })
}

/// One finding as a JSON value.
pub fn finding_value(located: &LocatedFinding, files: &[ReportFile<'_>]) -> Value {
    let finding = &located.finding;
    let file = &files[located.file];
    let related: Vec<Value> = finding
        .related
        .iter()
        .map(|related| {
            let related_file = &files[related.draft];
            json!({
                "path": related_file.display,
                "range": range(related_file, &related.span),
                "message": related.message,
            })
        })
        .collect();
    let fixes: Vec<Value> = finding
        .fixes
        .iter()
        .map(|fix| {
            let edits: Vec<Value> = fix
                .edits
                .iter()
                .map(|edit| {
                    let edit_file = &files[edit.draft];
                    json!({
                        "path": edit_file.display,
                        "range": range(edit_file, &edit.span),
                        "span": {"start": edit.span.start, "end": edit.span.end},
                        "new_text": edit.new_text,
                    })
                })
                .collect();
            json!({
                "title": fix.title,
                "applicability": fix.applicability.as_str(),
                "edits": edits,
            })
        })
        .collect();
    let mut value = json!({
        "path": file.display,
        "rule": finding.rule,
        "severity": finding.severity.as_str(),
        "message": finding.message,
        "range": range(file, &finding.span),
        "span": {"start": finding.span.start, "end": finding.span.end},
        "excerpt": file.excerpt(&finding.span),
        "related": related,
        "fixes": fixes,
    });
    if let Some(group) = &finding.group {
        value["group"] = json!({
            "range": range(file, &group.span),
            "span": {"start": group.span.start, "end": group.span.end},
            "message": group.message,
        });
    }
    value
}

/// The array: `[`, the findings separated by commas, `]`.
pub struct Json;

impl Reporter for Json {
    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn render(&self, findings: &[LocatedFinding], files: &[ReportFile<'_>]) -> Vec<String> {
        findings
            .iter()
            .map(|located| {
                let text = serde_json::to_string_pretty(&finding_value(located, files)).unwrap_or_default();
                let mut indented = String::with_capacity(text.len() + text.len() / 8);
                for (index, line) in text.lines().enumerate() {
                    if index > 0 {
                        indented.push('\n');
                    }
                    indented.push_str("  ");
                    indented.push_str(line);
                }
                indented
            })
            .collect()
    }

    fn separator(&self, first: bool) -> &'static str {
        if first { "\n" } else { ",\n" }
    }

    fn end(&self, out: &mut dyn Write, written: usize, _omitted: &[super::Omitted]) -> io::Result<()> {
        out.write_all(if written == 0 { b"]\n" } else { b"\n]\n" })
    }
}
