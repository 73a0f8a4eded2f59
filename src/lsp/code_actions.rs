//! Code actions: each finding's fixes as quick fixes, "Add ‘X’ to the house names",
//! "Ignore this finding", and "Fix all copydesk findings" (`source.fixAll.copydesk`).
//!
//! Every edit is a versioned `TextDocumentEdit` computed against the analysed text, so a
//! client refuses it if the draft changed since.

use std::ops::Range as ByteRange;

use serde_json::json;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic, Uri, WorkspaceEdit,
};

use super::analysis::StoryAnalysis;
use super::to_proto::{self, IndexedText};
use crate::finding::{Applicability, Edit, Finding};
use crate::fix::{FixMode, edits_for_draft};
use crate::text::DraftFormat;

/// The kind of the fix-all action.
pub const FIX_ALL_KIND: CodeActionKind = CodeActionKind::new("source.fixAll.copydesk");

/// The kind of "Remove page furniture": what `copydesk clean` does, on the open draft.
pub const REMOVE_FURNITURE_KIND: CodeActionKind = CodeActionKind::new("source.removeFurniture.copydesk");
/// The command that adds a house spelling to `copydesk.toml`.
pub const ADD_HOUSE_NAME_COMMAND: &str = "copydesk.addHouseName";

const NAME_RULE: &str = "name-consistency";

/// A fix with more edits than this (in practice a story-wide "Use ‘X’ everywhere in this
/// story", one edit per mention) goes to a client that can resolve code actions without
/// its edit, which `codeAction/resolve` builds when the writer picks it: a request on a
/// draft full of name variants then costs the size of the answer, not the story's
/// mentions (200,000 one-word lines: a 7.9 MB answer for one code action request).
pub const LAZY_EDITS: usize = 32;

/// The key under which a lazily resolved action's `data` names its fix.
const RESOLVE_KEY: &str = "copydeskResolve";

/// What the client asked for.
pub struct CodeActionRequest<'a> {
    /// The draft's index in the analysed story.
    pub draft: usize,
    /// The requested range, in bytes of the analysed text.
    pub range: ByteRange<usize>,
    /// The kinds the client wants, if it said.
    pub only: Option<&'a [CodeActionKind]>,
    /// The client takes versioned `documentChanges`.
    pub document_changes: bool,
    /// The client resolves code actions' edits (see [`LAZY_EDITS`]).
    pub resolve_edits: bool,
}

impl CodeActionRequest<'_> {
    fn wants(&self, kind: &CodeActionKind) -> bool {
        match self.only {
            None => true,
            Some(kinds) => kinds.iter().any(|wanted| {
                let wanted = wanted.as_str();
                kind.as_str() == wanted
                    || kind
                        .as_str()
                        .strip_prefix(wanted)
                        .is_some_and(|rest| rest.starts_with('.'))
            }),
        }
    }
}

fn touches(span: &ByteRange<usize>, range: &ByteRange<usize>) -> bool {
    span.start <= range.end && range.start <= span.end
}

/// The code actions for a range of one draft.
pub fn code_actions(analysis: &StoryAnalysis, request: &CodeActionRequest<'_>) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let Some(own) = analysis.indexed(request.draft) else {
        return actions;
    };
    let targets = analysis.edit_targets();
    let diagnostic_targets: Vec<(&Uri, IndexedText<'_>)> =
        targets.iter().map(|target| (target.uri, target.text)).collect();
    let encoding = analysis.encoding;

    if request.wants(&CodeActionKind::QUICKFIX) {
        for finding in analysis
            .findings
            .iter()
            .filter(|finding| finding.draft == request.draft && touches(&finding.span, &request.range))
        {
            let diagnostic = to_proto::diagnostic(finding, &diagnostic_targets, encoding);
            let diagnostics = diagnostic.map(|diagnostic| vec![diagnostic]);
            let preferred = finding
                .fixes
                .iter()
                .position(|fix| fix.applicability == Applicability::Safe);
            for (index, fix) in finding.fixes.iter().enumerate() {
                if request.resolve_edits && fix.edits.len() > LAZY_EDITS {
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: fix.title.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: diagnostics.clone(),
                        is_preferred: Some(preferred == Some(index)),
                        data: Some(json!({RESOLVE_KEY: {
                            "uri": targets.get(request.draft).map(|target| target.uri.as_str()),
                            "version": targets.get(request.draft).and_then(|target| target.version),
                            "rule": finding.rule,
                            "start": finding.span.start,
                            "end": finding.span.end,
                            "fix": index,
                        }})),
                        ..CodeAction::default()
                    }));
                    continue;
                }
                let Some(edit) =
                    to_proto::workspace_edit(&fix.edits, &targets, encoding, request.document_changes)
                else {
                    continue;
                };
                // A fix the writer must complete carries its edit as a snippet too, with the
                // placeholder to type over, for clients that can insert one (the VS Code
                // extension does); the others insert the placeholder as text.
                let data = (fix.applicability == Applicability::DisplayOnly)
                    .then(|| snippet_data(fix, &targets, encoding))
                    .flatten();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: diagnostics.clone(),
                    edit: Some(edit),
                    is_preferred: Some(preferred == Some(index)),
                    data,
                    ..CodeAction::default()
                }));
            }
            if finding.rule == NAME_RULE
                && let Some(action) = house_name_action(analysis, finding, diagnostics.clone())
            {
                actions.push(CodeActionOrCommand::CodeAction(action));
            }
            if let Some(action) = ignore_action(analysis, finding, own, request, diagnostics) {
                actions.push(CodeActionOrCommand::CodeAction(action));
            }
        }
    }

    if request.wants(&REMOVE_FURNITURE_KIND)
        && let Some(edit) = remove_furniture_edit(analysis, request.draft, request.document_changes)
    {
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: "Remove page furniture".to_string(),
            kind: Some(REMOVE_FURNITURE_KIND),
            edit: Some(edit),
            ..CodeAction::default()
        }));
    }

    if request.wants(&FIX_ALL_KIND)
        && let Some(edit) = fix_all_edit(analysis, request.draft, request.document_changes)
    {
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: "Fix all copydesk findings".to_string(),
            kind: Some(FIX_ALL_KIND),
            edit: Some(edit),
            ..CodeAction::default()
        }));
    }
    actions
}

/// Which fix a lazily resolved action stands for (its `data`).
#[derive(Debug, PartialEq)]
pub struct ResolveKey {
    pub uri: Uri,
    pub version: Option<i32>,
    rule: String,
    span: ByteRange<usize>,
    fix: usize,
}

/// The fix an action from [`code_actions`] left for `codeAction/resolve`, if it is one.
pub fn resolve_key(action: &CodeAction) -> Option<ResolveKey> {
    let data = action.data.as_ref()?.get(RESOLVE_KEY)?;
    let number = |key: &str| data.get(key)?.as_u64().and_then(|n| usize::try_from(n).ok());
    Some(ResolveKey {
        uri: data.get("uri")?.as_str()?.parse().ok()?,
        version: data
            .get("version")
            .and_then(serde_json::Value::as_i64)
            .and_then(|v| i32::try_from(v).ok()),
        rule: data.get("rule")?.as_str()?.to_string(),
        span: number("start")?..number("end")?,
        fix: number("fix")?,
    })
}

/// The edit of a lazily resolved action, from the analysis of the same text; `None`
/// when the analysis has no such fix (the draft changed).
pub fn resolve_edit(
    analysis: &StoryAnalysis,
    draft: usize,
    key: &ResolveKey,
    document_changes: bool,
) -> Option<WorkspaceEdit> {
    let finding = analysis
        .findings
        .iter()
        .find(|finding| finding.draft == draft && finding.rule == key.rule && finding.span == key.span)?;
    let fix = finding.fixes.get(key.fix)?;
    to_proto::workspace_edit(
        &fix.edits,
        &analysis.edit_targets(),
        analysis.encoding,
        document_changes,
    )
}

/// The text of a display-only edit as an LSP snippet: each bracketed placeholder
/// ("[source]") becomes a tab stop with the placeholder selected, and the snippet syntax's
/// own characters are escaped.
pub fn snippet_of(new_text: &str) -> String {
    let mut out = String::with_capacity(new_text.len() + 8);
    let mut stop = 0;
    let mut rest = new_text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        out.push_str(&escape_snippet(&rest[..open]));
        stop += 1;
        out.push_str(&format!("${{{stop}:{}}}", escape_snippet(&rest[open..=close])));
        rest = &rest[close + 1..];
    }
    out.push_str(&escape_snippet(rest));
    out
}

fn escape_snippet(text: &str) -> String {
    text.replace('\\', "\\\\").replace('$', "\\$").replace('}', "\\}")
}

/// `{"snippet": {"uri", "range", "text"}}` for a display-only fix of one edit.
fn snippet_data(
    fix: &crate::finding::Fix,
    targets: &[to_proto::EditTarget<'_>],
    encoding: crate::text::PositionEncoding,
) -> Option<serde_json::Value> {
    let [edit] = fix.edits.as_slice() else {
        return None;
    };
    let target = targets.get(edit.draft)?;
    let range = target.text.range(&edit.span, encoding);
    Some(serde_json::json!({
        "snippet": {
            "uri": target.uri.as_str(),
            "range": range,
            "text": snippet_of(&edit.new_text),
        }
    }))
}

/// The safe fixes of web-residue for one draft, as one edit: the page furniture the rule is
/// sure of, removed (the lines it is not sure of stay, as diagnostics).
pub fn remove_furniture_edit(
    analysis: &StoryAnalysis,
    draft: usize,
    document_changes: bool,
) -> Option<WorkspaceEdit> {
    let furniture: Vec<Finding> = analysis
        .findings
        .iter()
        .filter(|finding| finding.rule == "web-residue")
        .cloned()
        .collect();
    let edits = edits_for_draft(&furniture, draft, FixMode::Safe);
    if edits.is_empty() {
        return None;
    }
    to_proto::workspace_edit(
        &edits,
        &analysis.edit_targets(),
        analysis.encoding,
        document_changes,
    )
}

/// Every safe fix for one draft, as one edit (overlapping fixes wait for the next round).
pub fn fix_all_edit(analysis: &StoryAnalysis, draft: usize, document_changes: bool) -> Option<WorkspaceEdit> {
    let edits = edits_for_draft(&analysis.findings, draft, FixMode::Safe);
    if edits.is_empty() {
        return None;
    }
    to_proto::workspace_edit(
        &edits,
        &analysis.edit_targets(),
        analysis.encoding,
        document_changes,
    )
}

/// The full name to add to the house names for a name finding: the fullest mention of the
/// canonical spelling anywhere in the story ("Taras Kovalevskyi", not a later
/// "Kovalevskyi" of a draft that sorts first), the first of those as full; or the spelling
/// alone.
fn house_name_for(analysis: &StoryAnalysis, finding: &Finding) -> Option<String> {
    let canonical = finding.fixes.first()?.edits.first()?.new_text.clone();
    // Abbreviations (U.S. / US) are not house names.
    if !canonical.chars().any(char::is_lowercase) {
        return None;
    }
    let full = analysis
        .style_sheet()
        .names
        .iter()
        .find(|entry| entry.canonical == canonical)
        .and_then(|entry| {
            fullest_mention(
                entry
                    .mentions
                    .iter()
                    .map(|m| (m.spelling.as_str(), m.text.as_str())),
                &canonical,
            )
        })
        .unwrap_or(canonical);
    let already = analysis
        .config
        .engine
        .known_names
        .iter()
        .any(|known| known == &full);
    (!already).then_some(full)
}

/// Of `(spelling, text)` mentions, the text of the one in the `canonical` spelling that
/// has the most words and ends in that spelling; the earliest of equals.
fn fullest_mention<'a>(
    mentions: impl Iterator<Item = (&'a str, &'a str)>,
    canonical: &str,
) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for (spelling, text) in mentions {
        if spelling != canonical || !text.ends_with(canonical) {
            continue;
        }
        let words = text.split_whitespace().count();
        if best.is_none_or(|(most, _)| words > most) {
            best = Some((words, text));
        }
    }
    best.map(|(_, text)| text.to_string())
}

fn house_name_action(
    analysis: &StoryAnalysis,
    finding: &Finding,
    diagnostics: Option<Vec<Diagnostic>>,
) -> Option<CodeAction> {
    let name = house_name_for(analysis, finding)?;
    let uri = &analysis.drafts.get(finding.draft)?.uri;
    let title = format!("Add ‘{name}’ to the house names");
    Some(CodeAction {
        title: title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics,
        command: Some(Command {
            title,
            command: ADD_HOUSE_NAME_COMMAND.to_string(),
            arguments: Some(vec![json!({"name": name, "uri": uri.as_str()})]),
        }),
        ..CodeAction::default()
    })
}

/// The edits that suppress `rule` at byte `offset` of a draft.
///
/// Markdown: `<!-- copydesk-disable-next-line RULE -->` on a line of its own above a line
/// that starts a paragraph or heading at the margin; elsewhere (inside a paragraph, a list
/// or a quote, where a line of its own would split the block) the same comment at the end
/// of the line, which the engine honours for its own line. Plain text:
/// `[copydesk-disable-next-line RULE]` above a line that starts a paragraph; inside a
/// paragraph, `[copydesk-disable RULE]` before it and `[copydesk-enable RULE]` after it.
pub fn suppression_edits(
    text: IndexedText<'_>,
    format: DraftFormat,
    rule: &str,
    offset: usize,
) -> Vec<(ByteRange<usize>, String)> {
    let line_index = text.line_index;
    let source = text.text;
    let line = line_index.line_of(offset);
    let span = line_index.line_span(source, line);
    let line_text = source.get(span.clone()).unwrap_or_default();
    let line_ending = if source
        .get(span.end..)
        .is_some_and(|rest| rest.starts_with("\r\n"))
    {
        "\r\n"
    } else {
        "\n"
    };
    let is_blank = |line: usize| {
        source
            .get(line_index.line_span(source, line))
            .is_none_or(|text| text.trim().is_empty())
    };
    let starts_block = line == 0 || is_blank(line - 1);
    let line_start = span.start;
    match format {
        DraftFormat::Markdown => {
            let trimmed = line_text.trim_start();
            let nested = trimmed.len() != line_text.len()
                || trimmed.starts_with(['>', '|', '-', '*', '+'])
                || trimmed.split_once(['.', ')']).is_some_and(|(number, _)| {
                    !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
                });
            let heading = trimmed.starts_with('#');
            if starts_block && (!nested || heading) {
                vec![(
                    line_start..line_start,
                    format!("<!-- copydesk-disable-next-line {rule} -->{line_ending}"),
                )]
            } else {
                vec![(
                    span.end..span.end,
                    format!(" <!-- copydesk-disable-next-line {rule} -->"),
                )]
            }
        }
        DraftFormat::PlainText => {
            if starts_block {
                return vec![(
                    line_start..line_start,
                    format!("[copydesk-disable-next-line {rule}]{line_ending}"),
                )];
            }
            let mut first = line;
            while first > 0 && !is_blank(first - 1) {
                first -= 1;
            }
            let mut last = line;
            while last + 1 < line_index.line_count() && !is_blank(last + 1) {
                last += 1;
            }
            let first_start = line_index.line_start(first);
            let last_end = line_index.line_span(source, last).end;
            vec![
                (
                    first_start..first_start,
                    format!("[copydesk-disable {rule}]{line_ending}"),
                ),
                (
                    last_end..last_end,
                    format!("{line_ending}[copydesk-enable {rule}]"),
                ),
            ]
        }
    }
}

fn ignore_action(
    analysis: &StoryAnalysis,
    finding: &Finding,
    own: IndexedText<'_>,
    request: &CodeActionRequest<'_>,
    diagnostics: Option<Vec<Diagnostic>>,
) -> Option<CodeAction> {
    let format = analysis.drafts.get(finding.draft)?.format;
    let edits: Vec<Edit> = suppression_edits(own, format, finding.rule, finding.span.start)
        .into_iter()
        .map(|(span, new_text)| Edit {
            draft: finding.draft,
            span,
            new_text,
        })
        .collect();
    let edit = to_proto::workspace_edit(
        &edits,
        &analysis.edit_targets(),
        analysis.encoding,
        request.document_changes,
    )?;
    Some(CodeAction {
        title: format!("Ignore this finding ({})", finding.rule),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics,
        edit: Some(edit),
        is_preferred: Some(false),
        ..CodeAction::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply_edits;
    use crate::story::{DraftInput, analyze};
    use crate::text::LineIndex;

    #[test]
    fn a_placeholder_becomes_a_tab_stop_and_snippet_syntax_is_escaped() {
        assert_eq!(
            snippet_of(", according to [source]"),
            ", according to ${1:[source]}"
        );
        assert_eq!(
            snippet_of("$5 {x} [a] and [b]"),
            "\\$5 {x\\} ${1:[a]} and ${2:[b]}"
        );
        assert_eq!(snippet_of("no placeholder"), "no placeholder");
    }

    fn suppressed(text: &str, format: DraftFormat, needle: &str) -> String {
        let line_index = LineIndex::new(text);
        let indexed = IndexedText {
            text,
            line_index: &line_index,
        };
        let offset = text.find(needle).unwrap();
        let edits: Vec<Edit> = suppression_edits(indexed, format, "unattributed-figure", offset)
            .into_iter()
            .map(|(span, new_text)| Edit {
                draft: 0,
                span,
                new_text,
            })
            .collect();
        apply_edits(text, &edits)
    }

    fn rules_of(path: &str, text: &str) -> Vec<&'static str> {
        analyze(&[DraftInput::new(path, text)], &crate::Config::default())
            .into_iter()
            .map(|finding| finding.rule)
            .collect()
    }

    #[test]
    fn ignoring_a_finding_silences_it_in_both_formats_wherever_it_sits() {
        let cases = [
            ("a.md", "The dispute affects about 2,300 drivers.\n", "2,300"),
            (
                "a.md",
                "Talks went on all night.\nThe dispute affects about 2,300 drivers.\r\n",
                "2,300",
            ),
            ("a.md", "- The dispute affects about 2,300 drivers.\n", "2,300"),
            ("a.txt", "The dispute affects about 2,300 drivers.\n", "2,300"),
            (
                "a.txt",
                "Talks went on all night.\nThe dispute affects about 2,300 drivers.\nMore talks.\n\nNext.\n",
                "2,300",
            ),
        ];
        for (path, text, needle) in cases {
            assert!(rules_of(path, text).contains(&"unattributed-figure"), "{text}");
            let after = suppressed(text, DraftFormat::from_path(path), needle);
            assert!(
                !rules_of(path, &after).contains(&"unattributed-figure"),
                "{after}"
            );
        }
    }

    #[test]
    fn the_house_name_is_the_fullest_mention_in_the_canonical_spelling() {
        let mentions = [
            ("Kovalevskyi", "Kovalevskyi"),
            ("Kovalevsky", "Olena Kovalevsky"),
            ("Kovalevskyi", "Taras Kovalevskyi"),
            ("Kovalevskyi", "Taras Kovalevskyi"),
        ];
        assert_eq!(
            fullest_mention(mentions.into_iter(), "Kovalevskyi").as_deref(),
            Some("Taras Kovalevskyi")
        );
        let only_short = [("Kovalevskyi", "Kovalevskyi")];
        assert_eq!(
            fullest_mention(only_short.into_iter(), "Kovalevskyi").as_deref(),
            Some("Kovalevskyi")
        );
        assert_eq!(
            fullest_mention([("Kovalevsky", "Kovalevsky")].into_iter(), "Kovalevskyi"),
            None
        );
    }

    #[test]
    fn a_comment_line_goes_above_a_paragraph_start_and_inline_elsewhere() {
        let after = suppressed(
            "Intro.\n\nThe dispute affects about 2,300 drivers.\n",
            DraftFormat::Markdown,
            "2,300",
        );
        assert_eq!(
            after,
            "Intro.\n\n<!-- copydesk-disable-next-line unattributed-figure -->\nThe dispute affects about 2,300 drivers.\n"
        );
        let after = suppressed(
            "Intro.\nThe dispute affects about 2,300 drivers.\n",
            DraftFormat::Markdown,
            "2,300",
        );
        assert_eq!(
            after,
            "Intro.\nThe dispute affects about 2,300 drivers. <!-- copydesk-disable-next-line unattributed-figure -->\n"
        );
    }
}
