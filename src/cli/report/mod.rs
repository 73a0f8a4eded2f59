//! Output formats for `copydesk check`.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::ops::Range;

use crate::finding::{Finding, Severity};
use crate::text::{LineColumn, LineIndex, PositionEncoding};

/// A checked file as reports need it: its name, its text and a line index.
pub struct ReportFile {
    pub display: String,
    pub text: String,
    pub line_index: LineIndex,
}

impl ReportFile {
    pub fn new(display: String, text: String) -> ReportFile {
        let line_index = LineIndex::new(&text);
        ReportFile {
            display,
            text,
            line_index,
        }
    }

    pub fn position(&self, offset: usize, encoding: PositionEncoding) -> LineColumn {
        self.line_index.position(&self.text, offset, encoding)
    }

    /// The flagged text of a span, clamped to the file.
    pub fn excerpt(&self, span: &Range<usize>) -> &str {
        let end = span.end.min(self.text.len());
        let start = span.start.min(end);
        self.text.get(start..end).unwrap_or("")
    }
}

/// A finding whose draft indices (its own, its related places', its edits') are indices
/// into the list of checked files.
pub struct LocatedFinding {
    pub file: usize,
    pub finding: Finding,
}

impl LocatedFinding {
    /// Maps a finding's story-relative draft indices to file indices.
    pub fn from_story(mut finding: Finding, story: &[usize]) -> LocatedFinding {
        let map = |draft: usize| story.get(draft).copied().unwrap_or(story[0]);
        let file = map(finding.draft);
        finding.draft = file;
        for related in &mut finding.related {
            related.draft = map(related.draft);
        }
        for fix in &mut finding.fixes {
            for edit in &mut fix.edits {
                edit.draft = map(edit.draft);
            }
        }
        LocatedFinding { file, finding }
    }
}

/// The summary line printed after human output.
pub fn summary(findings: &[LocatedFinding], file_count: usize, fixed: usize) -> String {
    let count = |severity: Severity| findings.iter().filter(|f| f.finding.severity == severity).count();
    let mut files_with: Vec<usize> = findings.iter().map(|f| f.file).collect();
    files_with.dedup();
    let fixable = findings
        .iter()
        .filter(|f| {
            f.finding
                .fixes
                .iter()
                .any(|fix| fix.applicability == crate::Applicability::Safe)
        })
        .count();
    let mut parts = Vec::new();
    for (severity, name) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
        (Severity::Hint, "hint"),
    ] {
        let n = count(severity);
        if n > 0 {
            parts.push(format!(
                "{n} {name}{}",
                if n == 1 || name == "info" { "" } else { "s" }
            ));
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = if findings.is_empty() {
        format!("No findings in {}.", plural(file_count, "draft"))
    } else {
        format!(
            "Found {} ({}) in {} of {}.",
            plural(findings.len(), "finding"),
            parts.join(", "),
            files_with.len(),
            plural(file_count, "draft")
        )
    };
    if fixed > 0 {
        line.push_str(&format!(" Fixed {}.", plural(fixed, "finding")));
    } else if fixable > 0 {
        line.push_str(&format!(" {fixable} can be fixed with --fix."));
    }
    line
}
