//! Output formats for `copydesk check`, written a story at a time.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::{self, Write};
use std::ops::Range;
use std::sync::OnceLock;

use crate::finding::{Applicability, Finding, Severity};
use crate::text::{LineColumn, LineIndex, PositionEncoding};

/// A checked file as reports need it: its name, its text and a line index.
pub struct ReportFile<'a> {
    pub display: &'a str,
    pub text: &'a str,
    pub line_index: LineIndex,
    /// The UTF-16 offset of each line's start, for SARIF's `charOffset`; built on first use.
    utf16_line_starts: OnceLock<Vec<usize>>,
}

impl<'a> ReportFile<'a> {
    pub fn new(display: &'a str, text: &'a str) -> ReportFile<'a> {
        ReportFile {
            display,
            text,
            line_index: LineIndex::new(text),
            utf16_line_starts: OnceLock::new(),
        }
    }

    /// The line and column of a byte offset ([`LineIndex::position`]).
    pub fn position(&self, offset: usize, encoding: PositionEncoding) -> LineColumn {
        self.line_index.position(self.text, offset, encoding)
    }

    /// The offset of a byte offset counted in UTF-16 code units from the start of the text
    /// (SARIF's `charOffset` with `columnKind: utf16CodeUnits`).
    pub fn utf16_offset(&self, offset: usize) -> usize {
        let starts = self.utf16_line_starts.get_or_init(|| {
            let mut starts = Vec::with_capacity(self.line_index.line_count());
            let mut units = 0;
            for line in 0..self.line_index.line_count() {
                starts.push(units);
                let start = self.line_index.line_start(line);
                let end = self.line_index.line_start(line + 1);
                units += self.text[start..end].chars().map(char::len_utf16).sum::<usize>();
            }
            starts
        });
        let position = self.position(offset, PositionEncoding::Utf16);
        starts.get(position.line as usize).copied().unwrap_or(0) + position.column as usize
    }

    /// The flagged text of a span, clamped to the file.
    pub fn excerpt(&self, span: &Range<usize>) -> &'a str {
        let end = span.end.min(self.text.len());
        let start = span.start.min(end);
        self.text.get(start..end).unwrap_or("")
    }
}

/// A finding of one story. Its draft indices (its own, its related places', its edits')
/// index the story's list of [`ReportFile`]s.
pub struct LocatedFinding {
    pub file: usize,
    pub finding: Finding,
}

impl LocatedFinding {
    pub fn from_story_finding(finding: Finding) -> LocatedFinding {
        LocatedFinding {
            file: finding.draft,
            finding,
        }
    }
}

/// An output format: a header, each finding rendered on its own (so that stories can be
/// rendered in parallel), a separator between findings, a footer.
pub trait Reporter: Sync {
    fn begin(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// The text of each finding of one story, in order.
    fn render(&self, findings: &[LocatedFinding], files: &[ReportFile<'_>]) -> Vec<String>;
    /// True for formats read by people, which show a run of grouped findings (a block of
    /// page furniture) as one finding; machine formats list every member.
    fn collapses_groups(&self) -> bool {
        false
    }
    /// Written before each finding: the first (`true`) and the others.
    fn separator(&self, _first: bool) -> &'static str {
        ""
    }
    /// The note for a draft with findings left out past the per-draft limit, written in the
    /// output after its findings; `None` for formats whose output has no place for one (the
    /// note then goes to standard error, and to [`Reporter::end`]).
    fn omitted_note(&self, _file: &ReportFile<'_>, _omitted: usize) -> Option<String> {
        None
    }
    /// Written last; `omitted` lists each draft with findings left out, and how many.
    fn end(&self, _out: &mut dyn Write, _written: usize, _omitted: &[Omitted]) -> io::Result<()> {
        Ok(())
    }
}

/// A draft with findings left out of the report past [`crate::MAX_FINDINGS_PER_DRAFT`].
#[derive(Debug, Clone)]
pub struct Omitted {
    pub display: String,
    pub count: usize,
}

/// The words of the note for a draft with findings left out.
pub fn omitted_message(display: &str, count: usize) -> String {
    format!(
        "{display}: {count} more finding{} left out: only the first {} findings of a draft are reported",
        if count == 1 { " was" } else { "s were" },
        crate::MAX_FINDINGS_PER_DRAFT
    )
}

/// Counts for the summary line and the exit code.
#[derive(Default)]
pub struct Summary {
    pub by_severity: [usize; 4],
    pub files_with_findings: usize,
    pub fixable: usize,
    pub fixed: usize,
    pub worst: Option<Severity>,
    /// Findings left out past the per-draft limit (not counted above).
    pub omitted: usize,
}

impl Summary {
    pub fn add(&mut self, findings: &[LocatedFinding]) {
        let mut files: Vec<usize> = findings.iter().map(|f| f.file).collect();
        files.sort_unstable();
        files.dedup();
        self.files_with_findings += files.len();
        for located in findings {
            let severity = located.finding.severity;
            self.by_severity[severity as usize] += 1;
            self.worst = self.worst.max(Some(severity));
            if located
                .finding
                .fixes
                .iter()
                .any(|fix| fix.applicability == Applicability::Safe)
            {
                self.fixable += 1;
            }
        }
    }

    pub fn total(&self) -> usize {
        self.by_severity.iter().sum()
    }

    /// The summary line printed after human output.
    pub fn line(&self, file_count: usize, fixing: bool) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut parts = Vec::new();
        for (severity, name) in [
            (Severity::Error, "error"),
            (Severity::Warning, "warning"),
            (Severity::Info, "info"),
            (Severity::Hint, "hint"),
        ] {
            let n = self.by_severity[severity as usize];
            if n > 0 {
                parts.push(if name == "info" {
                    format!("{n} info")
                } else {
                    plural(n, name)
                });
            }
        }
        let mut line = if self.total() == 0 {
            format!("No findings in {}.", plural(file_count, "draft"))
        } else {
            format!(
                "Found {} ({}) in {} of {}.",
                plural(self.total(), "finding"),
                parts.join(", "),
                self.files_with_findings,
                plural(file_count, "draft")
            )
        };
        if self.omitted > 0 {
            line.push_str(&format!(
                " {} more {} left out (over {} in a draft).",
                self.omitted,
                if self.omitted == 1 { "finding" } else { "findings" },
                crate::MAX_FINDINGS_PER_DRAFT
            ));
        }
        if fixing && self.fixed > 0 {
            line.push_str(&format!(" Fixed {}.", plural(self.fixed, "finding")));
        } else if !fixing && self.fixable > 0 {
            line.push_str(&format!(" {} can be fixed with --fix.", self.fixable));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every offset of a text with long lines, emoji, accents and CRLF converts as the line
    /// index converts it, and UTF-16 offsets count code units from the start.
    #[test]
    fn utf16_offsets_count_from_the_start_of_the_text() {
        let long_line = "Café 👍 naïve ".repeat(60);
        let text = format!("Headline 👍\r\n\r\n{long_line}\r\nshort é line\n{long_line}end");
        let file = ReportFile::new("a.md", &text);
        for offset in (0..=text.len()).filter(|&offset| text.is_char_boundary(offset)) {
            assert_eq!(
                file.utf16_offset(offset),
                text[..offset].encode_utf16().count(),
                "offset {offset}"
            );
        }
    }
}
