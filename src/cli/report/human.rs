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

/// Bytes of a long line shown on each side of a span; the rest of the line is elided.
const CONTEXT_BYTES: usize = 240;

/// The source shown for a span: up to `MAX_LINES` whole lines, a long line cut to the
/// span and `CONTEXT_BYTES` either side (so that a finding costs the same on a 100 KB line
/// as on a short one).
struct Window {
    /// The one-based number of the first line shown.
    line_number: usize,
    text: String,
    /// The source offsets of the text's start and end; `…` marks a cut (`prefix` bytes).
    start: usize,
    end: usize,
    prefix: usize,
    /// The flagged span in `text`.
    local: std::ops::Range<usize>,
}

impl Window {
    /// The window for `span`, widened to `also` (the fix's edit) when that sits on the
    /// lines shown.
    fn new(
        file: &ReportFile<'_>,
        span: &std::ops::Range<usize>,
        also: Option<&std::ops::Range<usize>>,
    ) -> Window {
        let text = file.text;
        let first_line = file.line_index.line_of(span.start);
        let last_line = file
            .line_index
            .line_of(span.end.saturating_sub(1).max(span.start))
            .min(first_line + MAX_LINES - 1);
        let line_start = file.line_index.line_start(first_line);
        let lines_end = file.line_index.line_span(text, last_line).end;
        let floor = |mut offset: usize| {
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            offset
        };
        let (mut from, mut to) = (span.start, span.end.min(span.start + CONTEXT_BYTES));
        if let Some(also) = also.filter(|also| also.start >= line_start && also.end <= lines_end) {
            from = from.min(also.start);
            to = to.max(also.end.min(also.start + CONTEXT_BYTES));
        }
        let start = floor(from.saturating_sub(CONTEXT_BYTES).max(line_start)).max(line_start);
        let mut end = lines_end;
        let wanted_end = to.saturating_add(CONTEXT_BYTES);
        if wanted_end < lines_end {
            end = floor(wanted_end).max(start);
        }
        let prefix = if start > line_start { "…" } else { "" };
        let suffix = if end < lines_end { "…" } else { "" };
        let window_text = format!("{prefix}{}{suffix}", text[start..end].replace('\r', " "));
        let local_start = (span.start.saturating_sub(start) + prefix.len()).min(window_text.len());
        let local_end = (span.end.saturating_sub(start) + prefix.len()).clamp(local_start, window_text.len());
        Window {
            line_number: first_line + 1,
            text: window_text,
            start,
            end,
            prefix: prefix.len(),
            local: local_start..local_end,
        }
    }

    /// A source span inside the window, in the window's text.
    fn local(&self, span: &std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        (span.start >= self.start && span.end <= self.end && span.start <= span.end)
            .then(|| span.start - self.start + self.prefix..span.end - self.start + self.prefix)
    }

    fn cut_at_start(&self) -> bool {
        self.prefix > 0
    }
}

/// rustc-style snippets, coloured when `color` is set.
pub struct Human {
    pub color: bool,
}

impl Reporter for Human {
    fn collapses_groups(&self) -> bool {
        true
    }

    fn render(&self, findings: &[LocatedFinding], files: &[ReportFile<'_>]) -> Vec<String> {
        vec![render(findings, files, self.color)]
    }

    fn omitted_note(&self, file: &ReportFile<'_>, omitted: usize) -> Option<String> {
        Some(format!(
            "note: {}\n\n",
            super::omitted_message(file.display, omitted)
        ))
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
        let edit = finding
            .fixes
            .first()
            .and_then(|fix| fix.edits.iter().find(|edit| edit.draft == located.file));
        let window = Window::new(file, &finding.span, edit.map(|edit| &edit.span));
        let path = file.display.to_string();
        let mut snippet = Snippet::source(window.text.clone())
            .line_start(window.line_number)
            .path(path.clone())
            .fold(false)
            .annotation(AnnotationKind::Primary.span(window.local.clone()));
        for related in finding.related.iter().filter(|r| r.draft == located.file) {
            if let Some(span) = window.local(&related.span) {
                snippet =
                    snippet.annotation(AnnotationKind::Context.span(span).label(related.message.clone()));
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
                Applicability::DisplayOnly => " (for the writer to complete; never applied by --fix)",
            };
            let title = format!("{}{suffix}", fix.title);
            let patch = match local_edits.as_slice() {
                [edit] if !edit.new_text.is_empty() => window.local(&edit.span).map(|span| (span, edit)),
                _ => None,
            };
            if let Some((span, edit)) = patch {
                groups.push(
                    Level::HELP.secondary_title(title).element(
                        Snippet::source(window.text.clone())
                            .line_start(window.line_number)
                            .path(path.clone())
                            .patch(Patch::new(span, edit.new_text.clone())),
                    ),
                );
            } else {
                groups.push(Group::with_title(Level::HELP.secondary_title(title)));
            }
        }
        let mut rendered = renderer.render(&groups);
        if window.cut_at_start() {
            // The snippet's own header counts columns from the cut: give the line's column.
            let shown = window.text[..window.local.start].chars().count() + 1;
            let column = file.position(finding.span.start, PositionEncoding::Utf32).column + 1;
            let line = window.line_number;
            rendered = rendered.replacen(
                &format!("{path}:{line}:{shown}"),
                &format!("{path}:{line}:{column}"),
                1,
            );
        }
        out.push_str(&rendered);
        out.push_str("\n\n");
    }
    out
}
