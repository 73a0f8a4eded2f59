//! GitHub Actions workflow annotations: `::warning file=…,line=…::message`.

use super::{LocatedFinding, ReportFile, Reporter};
use crate::finding::Severity;
use crate::text::PositionEncoding;

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub struct Github;

impl Reporter for Github {
    fn collapses_groups(&self) -> bool {
        true
    }

    fn render(&self, findings: &[LocatedFinding], files: &[ReportFile<'_>]) -> Vec<String> {
        render(findings, files)
            .lines()
            .map(|line| format!("{line}\n"))
            .collect()
    }

    fn omitted_note(&self, file: &ReportFile<'_>, omitted: usize) -> Option<String> {
        Some(format!(
            "::warning file={},title={}::{}\n",
            escape_property(file.display),
            escape_property("copydesk omitted-findings"),
            escape_data(&super::omitted_message(file.display, omitted)),
        ))
    }
}

fn render(findings: &[LocatedFinding], files: &[ReportFile<'_>]) -> String {
    let mut out = String::new();
    for located in findings {
        let finding = &located.finding;
        let file = &files[located.file];
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        let start = file.position(finding.span.start, PositionEncoding::Utf16);
        let end = file.position(finding.span.end, PositionEncoding::Utf16);
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(file.display),
            start.line + 1,
            start.column + 1,
            end.line + 1,
            end.column + 1,
            escape_property(&format!("copydesk {}", finding.rule)),
            escape_data(&finding.message),
        ));
    }
    out
}
