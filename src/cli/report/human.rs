//! Human output: a rustc-style snippet per finding, with the span underlined, the fix
//! shown as a patch, and related places as notes.

use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

use super::{LocatedFinding, ReportFile, Reporter};
use crate::finding::{Applicability, Severity};
use crate::text::PositionEncoding;

/// Lines of a long paragraph to show before eliding.
const MAX_LINES: usize = 4;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::HELP,
    }
}

/// The source lines around a span, trimmed to `MAX_LINES`, with the span rebased onto
/// them: (first line number, text, span in text).
fn window(file: &ReportFile<'_>, span: &std::ops::Range<usize>) -> (usize, String, std::ops::Range<usize>) {
    let text = file.text;
    let first_line = file.line_index.line_of(span.start);
    let last_line = file
        .line_index
        .line_of(span.end.saturating_sub(1).max(span.start))
        .min(first_line + MAX_LINES - 1);
    let start = file.line_index.line_start(first_line);
    let end = file.line_index.line_span(text, last_line).end;
    let window_text = text[start..end].replace('\r', " ");
    let local_start = span.start.saturating_sub(start).min(window_text.len());
    let local_end = span
        .end
        .saturating_sub(start)
        .clamp(local_start, window_text.len());
    (first_line + 1, window_text, local_start..local_end)
}

/// rustc-style snippets, coloured when `color` is set.
pub struct Human {
    pub color: bool,
}

impl Reporter for Human {
    fn render(&self, findings: &[LocatedFinding], files: &[ReportFile<'_>]) -> Vec<String> {
        vec![render(findings, files, self.color)]
    }
}

fn render(findings: &[LocatedFinding], files: &[ReportFile<'_>], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for located in findings {
        let finding = &located.finding;
        let file = &files[located.file];
        let (line_start, source, local) = window(file, &finding.span);
        let path = file.display.to_string();
        let mut snippet = Snippet::source(source.clone())
            .line_start(line_start)
            .path(path)
            .fold(false)
            .annotation(AnnotationKind::Primary.span(local.clone()));
        for related in finding.related.iter().filter(|r| r.draft == located.file) {
            let related_start = file.line_index.line_of(related.span.start) + 1;
            let end_line = line_start + source.lines().count();
            if related_start >= line_start && related_start < end_line {
                let offset = file.line_index.line_start(line_start - 1);
                let span = related.span.start.saturating_sub(offset)..related.span.end.saturating_sub(offset);
                if span.end <= source.len() {
                    snippet =
                        snippet.annotation(AnnotationKind::Context.span(span).label(related.message.clone()));
                }
            }
        }
        let mut groups: Vec<Group<'_>> = vec![
            level(finding.severity)
                .primary_title(finding.message.clone())
                .id(finding.rule)
                .element(snippet),
        ];
        for related in &finding.related {
            let related_file = &files[related.draft];
            let at = related_file.position(related.span.start, PositionEncoding::Utf32);
            groups.push(Group::with_title(Level::NOTE.secondary_title(format!(
                "{} at {}:{}:{}",
                related.message,
                related_file.display,
                at.line + 1,
                at.column + 1
            ))));
        }
        if let Some(fix) = finding.fixes.first() {
            let local_edits: Vec<_> = fix.edits.iter().filter(|e| e.draft == located.file).collect();
            let suffix = match fix.applicability {
                Applicability::Safe => " (applied by --fix)",
                Applicability::Unsafe => " (applied by --fix --unsafe-fixes)",
            };
            let title = format!("{}{suffix}", fix.title);
            let patchable = local_edits.len() == 1 && {
                let edit = local_edits[0];
                let start = file.line_index.line_start(line_start - 1);
                edit.span.start >= start && edit.span.end <= start + source.len() && !edit.new_text.is_empty()
            };
            if patchable {
                let edit = local_edits[0];
                let start = file.line_index.line_start(line_start - 1);
                let span = edit.span.start - start..edit.span.end - start;
                groups.push(
                    Level::HELP.secondary_title(title).element(
                        Snippet::source(source.clone())
                            .line_start(line_start)
                            .path(file.display.to_string())
                            .patch(Patch::new(span, edit.new_text.clone())),
                    ),
                );
            } else {
                groups.push(Group::with_title(Level::HELP.secondary_title(title)));
            }
        }
        out.push_str(&renderer.render(&groups));
        out.push_str("\n\n");
    }
    out
}
