//! Engine values to LSP values: byte spans to ranges, findings to diagnostics, edits to
//! workspace edits. Every position goes through the engine's [`LineIndex`].

use std::collections::HashMap;
use std::ops::Range as ByteRange;
use std::str::FromStr;

use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentChanges, Location,
    NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier, Position, PositionEncodingKind, Range,
    TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use crate::checks;
use crate::config::ConfigError;
use crate::finding::{Edit, Finding, Severity};
use crate::text::{LineColumn, LineIndex, PositionEncoding};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "copydesk";

/// A text with its line index: what a position conversion needs.
#[derive(Clone, Copy)]
pub struct IndexedText<'a> {
    pub text: &'a str,
    pub line_index: &'a LineIndex,
}

impl IndexedText<'_> {
    pub fn position(&self, offset: usize, encoding: PositionEncoding) -> Position {
        let LineColumn { line, column } = self.line_index.position(self.text, offset, encoding);
        Position::new(line, column)
    }

    pub fn range(&self, span: &ByteRange<usize>, encoding: PositionEncoding) -> Range {
        Range::new(
            self.position(span.start, encoding),
            self.position(span.end, encoding),
        )
    }

    /// The byte offset of a position (clamped like every conversion of the engine's).
    pub fn offset(&self, position: Position, encoding: PositionEncoding) -> usize {
        self.line_index.offset(
            self.text,
            LineColumn {
                line: position.line,
                column: position.character,
            },
            encoding,
        )
    }

    /// The byte range of an LSP range, start and end in order.
    pub fn byte_range(&self, range: Range, encoding: PositionEncoding) -> ByteRange<usize> {
        let start = self.offset(range.start, encoding);
        let end = self.offset(range.end, encoding);
        start.min(end)..start.max(end)
    }
}

pub fn encoding_kind(encoding: PositionEncoding) -> PositionEncodingKind {
    match encoding {
        PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The address of a rule's documentation page, as a URI.
pub fn rule_documentation(rule: &str) -> Option<CodeDescription> {
    let rule = checks::rule(rule)?;
    let href = Uri::from_str(&rule.documentation_url()).ok()?;
    Some(CodeDescription { href })
}

/// A finding as a diagnostic on its draft. `drafts[i]` is the URI and text of the story's
/// draft `i`.
pub fn diagnostic(
    finding: &Finding,
    drafts: &[(&Uri, IndexedText<'_>)],
    encoding: PositionEncoding,
) -> Option<Diagnostic> {
    let (_, own) = drafts.get(finding.draft)?;
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|related| {
            let (uri, text) = drafts.get(related.draft)?;
            Some(DiagnosticRelatedInformation {
                location: Location {
                    uri: (*uri).clone(),
                    range: text.range(&related.span, encoding),
                },
                message: related.message.clone(),
            })
        })
        .collect();
    Some(Diagnostic {
        range: own.range(&finding.span, encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.to_string())),
        code_description: rule_documentation(finding.rule),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    })
}

/// The code of the note that says a draft's other findings were left out.
pub const OMITTED_CODE: &str = "omitted-findings";

/// The note, at the first finding left out, that a draft has more findings than it gets
/// diagnostics.
pub fn omitted_diagnostic(shown: usize, total: usize, at: Position) -> Diagnostic {
    Diagnostic {
        range: Range::new(at, at),
        severity: Some(DiagnosticSeverity::INFORMATION),
        code: Some(NumberOrString::String(OMITTED_CODE.to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message: format!(
            "copydesk shows the first {shown} of this draft's {total} findings; the other {} \
             from here on are left out (`copydesk check` lists them all)",
            total - shown.min(total)
        ),
        related_information: None,
        tags: None,
        data: None,
    }
}

/// A configuration error as a diagnostic on the configuration file (`text` is its text).
pub fn config_error_diagnostic(error: &ConfigError, text: &str, encoding: PositionEncoding) -> Diagnostic {
    let line_index = LineIndex::new(text);
    let indexed = IndexedText {
        text,
        line_index: &line_index,
    };
    let range = match &error.span {
        Some(span) => indexed.range(span, encoding),
        None => Range::default(),
    };
    Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config".to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message: format!(
            "{} (copydesk keeps using the last good configuration until this is fixed)",
            error.message
        ),
        related_information: None,
        tags: None,
        data: None,
    }
}

/// One document a workspace edit changes: its URI, the version the edit was computed
/// against (`None` for a file that is not open), and its text.
pub struct EditTarget<'a> {
    pub uri: &'a Uri,
    pub version: Option<i32>,
    pub text: IndexedText<'a>,
}

/// Engine edits (story draft indices, byte spans) as a workspace edit. With
/// `document_changes` the edits are versioned, so that a client refuses a stale one.
pub fn workspace_edit(
    edits: &[Edit],
    targets: &[EditTarget<'_>],
    encoding: PositionEncoding,
    document_changes: bool,
) -> Option<WorkspaceEdit> {
    let mut by_draft: Vec<(usize, Vec<TextEdit>)> = Vec::new();
    for edit in edits {
        let target = targets.get(edit.draft)?;
        let text_edit = TextEdit {
            range: target.text.range(&edit.span, encoding),
            new_text: edit.new_text.clone(),
        };
        match by_draft.iter_mut().find(|(draft, _)| *draft == edit.draft) {
            Some((_, list)) => list.push(text_edit),
            None => by_draft.push((edit.draft, vec![text_edit])),
        }
    }
    if by_draft.is_empty() {
        return None;
    }
    if document_changes {
        let changes = by_draft
            .into_iter()
            .map(|(draft, list)| TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: targets[draft].uri.clone(),
                    version: targets[draft].version,
                },
                edits: list.into_iter().map(OneOf::Left).collect(),
            })
            .collect();
        Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(changes)),
            ..WorkspaceEdit::default()
        })
    } else {
        let changes: HashMap<Uri, Vec<TextEdit>> = by_draft
            .into_iter()
            .map(|(draft, list)| (targets[draft].uri.clone(), list))
            .collect();
        Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Finding;

    #[test]
    fn a_finding_becomes_a_diagnostic_with_its_rule_and_related_place() {
        let text = "Kovalevskyi said 😀 Kovalevsky said.";
        let line_index = LineIndex::new(text);
        let uri: Uri = "file:///story/a.md".parse().unwrap();
        let indexed = IndexedText {
            text,
            line_index: &line_index,
        };
        let variant = text.find("Kovalevsky said").unwrap();
        let finding = Finding::new(
            "name-consistency",
            0,
            variant..variant + 10,
            "spelled differently",
        )
        .with_related(0, 0..11, "canonical spelling ‘Kovalevskyi’");
        let diagnostic = diagnostic(&finding, &[(&uri, indexed)], PositionEncoding::Utf16).unwrap();
        assert_eq!(diagnostic.range.start, Position::new(0, 20));
        assert_eq!(diagnostic.range.end, Position::new(0, 30));
        assert_eq!(
            diagnostic.code,
            Some(NumberOrString::String("name-consistency".into()))
        );
        assert_eq!(diagnostic.source.as_deref(), Some("copydesk"));
        let href = diagnostic.code_description.unwrap().href;
        assert!(
            href.as_str().ends_with("/docs/rules/name-consistency.md"),
            "{}",
            href.as_str()
        );
        let related = diagnostic.related_information.unwrap();
        assert_eq!(related[0].location.range.end, Position::new(0, 11));
        let utf8 = super::diagnostic(&finding, &[(&uri, indexed)], PositionEncoding::Utf8).unwrap();
        assert_eq!(utf8.range.start, Position::new(0, variant as u32));
    }
}
