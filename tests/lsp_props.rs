//! A property of the language server, driven in process through its tower service: any
//! sequence of incremental edits (in range or not, inverted or not, splitting characters
//! or not, in UTF-8 or UTF-16 positions) leaves the server's text equal to the same edits
//! applied to a `String` with the engine's own line index, and its diagnostics equal to
//! those of a fresh open of that text.

use futures::StreamExt;
use proptest::prelude::*;
use serde_json::{Value, json};
use tower::{Service, ServiceExt};
use tower_lsp_server::LspService;
use tower_lsp_server::jsonrpc::Request;
use tower_lsp_server::ls_types::Uri;

use copydesk::lsp::Backend;
use copydesk::text::{LineColumn, LineIndex, PositionEncoding};

/// Pieces of text the edits insert: multi-byte letters, an emoji (a UTF-16 surrogate
/// pair), a combining mark, line breaks of every kind, and words the checks react to.
const PIECES: &[&str] = &[
    "a",
    "é",
    "😀",
    "\r\n",
    "\n",
    "\r",
    " ",
    "e\u{301}",
    "Kovalevskyi",
    "Kovalevsky",
    " said ",
    "2,300 drivers",
    ".",
    "“",
    "👩‍👩‍👧",
    "\n\n",
    "The dispute affects about 2,300 drivers.\n\n",
];

const EDITED: &str = "file:///tmp/copydesk-property/edited/draft.md";
const FRESH: &str = "file:///tmp/copydesk-property/fresh/draft.md";

/// An edit whose positions are fractions of the text's extent at the time it is made,
/// so that most land inside the text and some beyond it.
#[derive(Debug, Clone)]
struct EditPlan {
    start: (u16, u16),
    end: (u16, u16),
    pieces: Vec<usize>,
}

fn edit_plan() -> impl Strategy<Value = EditPlan> {
    (
        (any::<u16>(), any::<u16>()),
        (any::<u16>(), any::<u16>()),
        prop::collection::vec(0..PIECES.len(), 0..4),
    )
        .prop_map(|(start, end, pieces)| EditPlan { start, end, pieces })
}

/// A position somewhere in (or a little past) the text.
fn position(text: &str, fraction: (u16, u16), encoding: PositionEncoding) -> LineColumn {
    let index = LineIndex::new(text);
    let line = ((u64::from(fraction.0) * (index.line_count() as u64 + 1)) >> 16) as usize;
    let span = index.line_span(text, line.min(index.line_count().saturating_sub(1)));
    let width = match encoding {
        PositionEncoding::Utf8 => text[span].len(),
        PositionEncoding::Utf16 => text[span].encode_utf16().count(),
        PositionEncoding::Utf32 => text[span].chars().count(),
    };
    let column = ((u64::from(fraction.1) * (width as u64 + 3)) >> 16) as u32;
    LineColumn {
        line: line as u32,
        column,
    }
}

fn lsp_position(position: LineColumn) -> Value {
    json!({"line": position.line, "character": position.column})
}

struct Harness {
    service: LspService<Backend>,
}

impl Harness {
    async fn call(&mut self, method: &'static str, id: Option<i64>, params: Value) -> Option<Value> {
        let mut builder = Request::build(method).params(params);
        if let Some(id) = id {
            builder = builder.id(id);
        }
        let response = self
            .service
            .ready()
            .await
            .expect("the service is ready")
            .call(builder.finish())
            .await
            .expect("the service answers");
        response.map(|response| serde_json::to_value(response).expect("a response serialises"))
    }

    async fn pull(&mut self, uri: &str, id: i64) -> Vec<Value> {
        let response = self
            .call(
                "textDocument/diagnostic",
                Some(id),
                json!({"textDocument": {"uri": uri}}),
            )
            .await
            .expect("a diagnostic report");
        response["result"]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

/// Replaces one draft's URI with another's in diagnostics, so drafts can be compared.
fn renamed(diagnostics: Vec<Value>, from: &str, to: &str) -> String {
    serde_json::to_string(&diagnostics)
        .expect("diagnostics serialise")
        .replace(from, to)
}

fn run_case(initial: &str, plans: &[EditPlan], utf8: bool) -> Result<(), TestCaseError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let (service, socket, _) = copydesk::lsp::service();
        // Drain what the server sends the client.
        tokio::spawn(async move { socket.for_each(|_| async {}).await });
        let mut harness = Harness { service };
        let encoding = if utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
        let encodings = if utf8 { json!(["utf-8"]) } else { json!(["utf-16"]) };
        harness
            .call(
                "initialize",
                Some(1),
                json!({"capabilities": {
                    "general": {"positionEncodings": encodings},
                    "textDocument": {"diagnostic": {}},
                }}),
            )
            .await;
        harness.call("initialized", None, json!({})).await;
        harness
            .call(
                "textDocument/didOpen",
                None,
                json!({"textDocument": {"uri": EDITED, "languageId": "markdown", "version": 1, "text": initial}}),
            )
            .await;

        let mut model = initial.to_string();
        for (step, plan) in plans.iter().enumerate() {
            let start = position(&model, plan.start, encoding);
            let end = position(&model, plan.end, encoding);
            let insert: String = plan.pieces.iter().map(|&piece| PIECES[piece]).collect();
            // The model: the engine's line index on the whole text, clamping the same way.
            let index = LineIndex::new(&model);
            let a = index.offset(&model, start, encoding);
            let b = index.offset(&model, end, encoding);
            let (from, to) = (a.min(b), a.max(b));
            model.replace_range(from..to, &insert);
            harness
                .call(
                    "textDocument/didChange",
                    None,
                    json!({
                        "textDocument": {"uri": EDITED, "version": step + 2},
                        "contentChanges": [{"range": {"start": lsp_position(start), "end": lsp_position(end)}, "text": insert}],
                    }),
                )
                .await;
        }
        let uri: Uri = EDITED.parse().expect("a URI");
        let server_text = harness.service.inner().document_text(&uri);
        prop_assert_eq!(server_text.as_deref(), Some(model.as_str()));

        let edited = harness.pull(EDITED, 2).await;
        harness
            .call(
                "textDocument/didOpen",
                None,
                json!({"textDocument": {"uri": FRESH, "languageId": "markdown", "version": 1, "text": model}}),
            )
            .await;
        let fresh = harness.pull(FRESH, 3).await;
        prop_assert_eq!(renamed(edited, EDITED, FRESH), renamed(fresh, FRESH, FRESH));
        Ok(())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn incremental_edits_match_a_string_and_a_fresh_open(
        initial in prop::collection::vec(0..PIECES.len(), 0..12),
        plans in prop::collection::vec(edit_plan(), 1..25),
        utf8 in any::<bool>(),
    ) {
        let initial: String = initial.iter().map(|&piece| PIECES[piece]).collect();
        run_case(&initial, &plans, utf8)?;
    }
}

#[test]
fn the_property_sees_a_real_difference() {
    // The comparison is not vacuous: these drafts differ in their diagnostics.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (service, socket, _) = copydesk::lsp::service();
        tokio::spawn(async move { socket.for_each(|_| async {}).await });
        let mut harness = Harness { service };
        harness
            .call(
                "initialize",
                Some(1),
                json!({"capabilities": {"textDocument": {"diagnostic": {}}}}),
            )
            .await;
        harness.call("initialized", None, json!({})).await;
        for (uri, text) in [(EDITED, "The dispute affects about 2,300 drivers.\n"), (FRESH, "Quiet.\n")] {
            harness
                .call(
                    "textDocument/didOpen",
                    None,
                    json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
                )
                .await;
        }
        let edited = harness.pull(EDITED, 2).await;
        let fresh = harness.pull(FRESH, 3).await;
        assert!(!edited.is_empty());
        assert_ne!(renamed(edited, EDITED, FRESH), renamed(fresh, FRESH, FRESH));
    });
}
