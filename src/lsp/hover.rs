//! Hover: on a name, its spellings and counts in the story (from the style sheet); on a
//! flagged span, what the rule is and where its documentation lives.

use std::fmt::Write as _;

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::analysis::StoryAnalysis;
use crate::checks;
use crate::style_sheet::NameEntry;

fn draft_label(analysis: &StoryAnalysis, draft: usize) -> String {
    analysis
        .drafts
        .get(draft)
        .and_then(|draft| draft.path.as_ref())
        .and_then(|path| path.file_name())
        .map(|name| name.to_string_lossy().to_string())
        .unwrap_or_else(|| "this draft".to_string())
}

fn describe_name(analysis: &StoryAnalysis, entry: &NameEntry, out: &mut String) {
    let total: usize = entry.spellings.iter().map(|spelling| spelling.count).sum();
    let house = if entry.house_spelling {
        " (house spelling)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "**{}**{house}: {total} mention{} in this story",
        entry.canonical,
        if total == 1 { "" } else { "s" }
    );
    out.push('\n');
    for spelling in &entry.spellings {
        let role = if spelling.text == entry.canonical {
            "canonical"
        } else {
            "variant"
        };
        let _ = writeln!(out, "- {} ×{} ({role})", spelling.text, spelling.count);
    }
    if let Some(first) = entry.first_reference() {
        let line = analysis
            .indexed(first.place.draft)
            .map(|text| text.line_index.line_of(first.place.span.start) + 1)
            .unwrap_or(0);
        let _ = writeln!(
            out,
            "\nFirst reference: “{}” ({}, line {line})",
            first.text,
            draft_label(analysis, first.place.draft)
        );
    }
}

/// The hover at byte `offset` of draft `draft`, if there is anything to say.
pub fn hover(analysis: &StoryAnalysis, draft: usize, offset: usize) -> Option<Hover> {
    let text = analysis.indexed(draft)?;
    let mut value = String::new();
    let mut span = None;
    if let Some(entry) = analysis.style_sheet().name_at(draft, offset) {
        describe_name(analysis, entry, &mut value);
        span = entry
            .mention_at(draft, offset)
            .map(|mention| mention.place.span.clone());
    }
    for finding in analysis
        .findings
        .iter()
        .filter(|finding| finding.draft == draft && finding.span.start <= offset && offset < finding.span.end)
    {
        let Some(rule) = checks::rule(finding.rule) else {
            continue;
        };
        if !value.is_empty() {
            value.push_str("\n---\n\n");
        }
        let _ = writeln!(
            value,
            "**{}** ({}): {}\n\n[Documentation]({})",
            rule.id(),
            finding.severity,
            rule.summary(),
            rule.documentation_url()
        );
        span.get_or_insert(finding.span.clone());
    }
    if value.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: span.map(|span| text.range(&span, analysis.encoding)),
    })
}
