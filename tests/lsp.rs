//! End-to-end tests of `copydesk lsp`: the built binary, driven over stdio with
//! Content-Length framing, as an editor drives it.
//!
//! Waits have a generous limit (a hang fails the test with a message instead of hanging
//! the suite); nothing here measures speed.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use copydesk::text::{LineColumn, LineIndex, PositionEncoding};
use serde_json::{Value, json};
use tower_lsp_server::ls_types::Uri;

/// How long any one wait may take before the test fails (the binary is a debug build).
const PATIENCE: Duration = Duration::from_secs(90);

const NAMES_DRAFT: &str = "Taras Kovalevskyi, the director of operations, said only 40 buses ran.\n\n\
Kovalevskyi said the company had lost money.\n\n\
Kovalevsky said the strike would end.\n";

const FIGURE_DRAFT: &str = "The dispute affects about 2,300 drivers.\n";

const DUPLICATE_DRAFT: &str = "Talks broke down late on Friday at the commission offices.\n\n\
The union met again.\n\n\
Talks broke down late on Friday at the commission offices.\n";

enum Incoming {
    /// A message, and when it arrived.
    Message(Value, Instant),
    /// Bytes on stdout that are not a framed JSON-RPC message.
    Garbage(String),
    Closed,
}

fn read_messages(stdout: impl Read, sender: mpsc::Sender<Incoming>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut content_length: Option<usize> = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => {
                    let _ = sender.send(Incoming::Closed);
                    return;
                }
                Ok(_) => {}
            }
            if line == "\r\n" {
                break;
            }
            if let Some(length) = line.strip_prefix("Content-Length: ") {
                content_length = length.trim().parse().ok();
            } else if !line.starts_with("Content-Type: ") {
                let _ = sender.send(Incoming::Garbage(line));
                return;
            }
        }
        let Some(length) = content_length else {
            let _ = sender.send(Incoming::Garbage("a message without Content-Length".into()));
            return;
        };
        let mut body = vec![0u8; length];
        if reader.read_exact(&mut body).is_err() {
            let _ = sender.send(Incoming::Closed);
            return;
        }
        match serde_json::from_slice(&body) {
            Ok(value) => {
                if sender.send(Incoming::Message(value, Instant::now())).is_err() {
                    return;
                }
            }
            Err(_) => {
                let _ = sender.send(Incoming::Garbage(String::from_utf8_lossy(&body).into_owned()));
                return;
            }
        }
    }
}

/// How to start a server.
#[derive(Default)]
struct Start {
    utf8: bool,
    pull_diagnostics: bool,
    initialization_options: Option<Value>,
    root: Option<PathBuf>,
    process_id: Option<u32>,
    env: Vec<(&'static str, &'static str)>,
    /// Initialize without `workspace.workspaceEdit.documentChanges` support.
    plain_workspace_edits: bool,
    /// Let the server register file watchers.
    watch_files: bool,
    /// Declare `codeAction/resolve` support for edits.
    resolve_code_actions: bool,
}

/// One `publishDiagnostics` as it arrived.
#[derive(Debug, Clone)]
struct Publish {
    arrived: Instant,
    uri: String,
    version: Option<i64>,
    count: usize,
}

/// A running server and what it has said.
struct Lsp {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Incoming>,
    backlog: VecDeque<Value>,
    next_id: i64,
    stderr: Arc<Mutex<String>>,
    /// Every `workspace/applyEdit` the server sent, answered as applied.
    applied_edits: Vec<Value>,
    /// Every `publishDiagnostics` the server sent: when it arrived, the URI, the version
    /// and how many diagnostics.
    publishes: Vec<Publish>,
    encoding: PositionEncoding,
}

impl Lsp {
    fn spawn(args: &[&str], env: &[(&str, &str)]) -> Lsp {
        let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
        command
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("COPYDESK_LOG", "info");
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("the copydesk binary starts");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let (sender, incoming) = mpsc::channel();
        std::thread::spawn(move || read_messages(stdout, sender));
        let log = Arc::new(Mutex::new(String::new()));
        let log_writer = log.clone();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stderr);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                if let Ok(mut log) = log_writer.lock() {
                    log.push_str(&line);
                }
                line.clear();
            }
        });
        Lsp {
            stdin: child.stdin.take(),
            child,
            incoming,
            backlog: VecDeque::new(),
            next_id: 0,
            stderr: log,
            applied_edits: Vec::new(),
            publishes: Vec::new(),
            encoding: PositionEncoding::Utf16,
        }
    }

    /// Starts a server and completes the `initialize` handshake.
    fn start(options: Start) -> Lsp {
        let mut lsp = Lsp::spawn(&["lsp", "--stdio"], &options.env);
        let encodings = if options.utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let mut text_document = json!({"synchronization": {"didSave": true}});
        if options.pull_diagnostics {
            text_document["diagnostic"] = json!({"dynamicRegistration": false});
        }
        if options.resolve_code_actions {
            text_document["codeAction"] =
                json!({"dataSupport": true, "resolveSupport": {"properties": ["edit"]}});
        }
        let workspace_edit = if options.plain_workspace_edits {
            json!({})
        } else {
            json!({"documentChanges": true, "resourceOperations": ["create"]})
        };
        let mut params = json!({
            "processId": options.process_id,
            "capabilities": {
                "general": {"positionEncodings": encodings},
                "textDocument": text_document,
                "workspace": {
                    "workspaceEdit": workspace_edit,
                    "applyEdit": true,
                    "didChangeWatchedFiles": {"dynamicRegistration": options.watch_files},
                },
            },
        });
        if let Some(options) = options.initialization_options {
            params["initializationOptions"] = options;
        }
        if let Some(root) = &options.root {
            params["workspaceFolders"] = json!([{"uri": uri_of(root), "name": "root"}]);
        }
        let response = lsp.request("initialize", params);
        let encoding = response["result"]["capabilities"]["positionEncoding"].clone();
        lsp.encoding = if encoding == "utf-8" {
            PositionEncoding::Utf8
        } else {
            PositionEncoding::Utf16
        };
        assert_eq!(
            encoding,
            if options.utf8 { "utf-8" } else { "utf-16" },
            "negotiated encoding"
        );
        lsp.notify("initialized", json!({}));
        lsp
    }

    fn write_frame(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        stdin.write_all(header.as_bytes()).expect("write header");
        stdin.write_all(body).expect("write body");
        stdin.flush().expect("flush");
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).expect("serialise");
        self.write_frame(&body);
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response (answering the server's own requests
    /// meanwhile).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(&format!("the response to {method}"), |message| {
            message.get("id") == Some(&json!(id)) && message.get("method").is_none()
        })
    }

    /// Notes a message from the server and answers its requests as an editor would.
    fn take_in(&mut self, message: Value, arrived: Instant) -> Value {
        if message["method"] == "textDocument/publishDiagnostics" {
            self.publishes.push(Publish {
                arrived,
                uri: message["params"]["uri"].as_str().unwrap_or_default().to_string(),
                version: message["params"]["version"].as_i64(),
                count: message["params"]["diagnostics"].as_array().map_or(0, Vec::len),
            });
        }
        if let (Some(id), Some(method)) = (message.get("id"), message.get("method").and_then(Value::as_str)) {
            let result = match method {
                "workspace/applyEdit" => {
                    self.applied_edits.push(message["params"].clone());
                    json!({"applied": true})
                }
                "workspace/configuration" => json!([null]),
                _ => Value::Null,
            };
            let id = id.clone();
            self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
        }
        message
    }

    /// The next message from the server, or `None` when it closed stdout.
    fn next_message(&mut self, deadline: Instant, waiting_for: &str) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(left) {
            Ok(Incoming::Message(message, arrived)) => Some(self.take_in(message, arrived)),
            Ok(Incoming::Garbage(text)) => {
                panic!("the server wrote something that is not protocol to stdout: {text:?}")
            }
            Ok(Incoming::Closed) | Err(RecvTimeoutError::Disconnected) => None,
            Err(RecvTimeoutError::Timeout) => panic!(
                "waited {PATIENCE:?} for {waiting_for}; the server's log:\n{}",
                self.log()
            ),
        }
    }

    /// Takes in what the server sends until `until` (into the backlog), without failing
    /// when nothing comes.
    fn collect_until(&mut self, until: Instant) {
        loop {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            match self.incoming.recv_timeout(left) {
                Ok(Incoming::Message(message, arrived)) => {
                    let message = self.take_in(message, arrived);
                    self.backlog.push_back(message);
                }
                Ok(Incoming::Garbage(text)) => {
                    panic!("the server wrote something that is not protocol to stdout: {text:?}")
                }
                Ok(Incoming::Closed) | Err(_) => return,
            }
        }
    }

    /// Waits for a message that `wanted` accepts; others are kept for later waits.
    fn wait_for(&mut self, waiting_for: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(position) = self.backlog.iter().position(&wanted) {
            return self.backlog.remove(position).expect("present");
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let Some(message) = self.next_message(deadline, waiting_for) else {
                panic!(
                    "the server closed stdout while waiting for {waiting_for}; its log:\n{}",
                    self.log()
                );
            };
            if wanted(&message) {
                return message;
            }
            self.backlog.push_back(message);
        }
    }

    /// Waits for the diagnostics of `uri` at `version` (those of the rules under test).
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        under_test(&self.publish_at(uri, version))
    }

    /// Waits for the diagnostics of `uri` at `version`, every one of them, of any rule.
    fn all_diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        self.publish_at(uri, version)["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Waits for the `publishDiagnostics` of `uri` at `version`.
    fn publish_at(&mut self, uri: &str, version: i64) -> Value {
        self.wait_for(
            &format!("diagnostics for {uri} at version {version}"),
            |message| {
                message["method"] == "textDocument/publishDiagnostics"
                    && message["params"]["uri"] == uri
                    && message["params"]["version"] == version
            },
        )
    }

    /// Waits for a `window/logMessage` of `kind` (1 error, 2 warning, 3 info) that
    /// contains `needle`.
    fn log_message(&mut self, kind: i64, needle: &str) -> Value {
        self.wait_for(&format!("a logMessage of type {kind} with {needle:?}"), |m| {
            m["method"] == "window/logMessage"
                && m["params"]["type"] == kind
                && m["params"]["message"]
                    .as_str()
                    .is_some_and(|message| message.contains(needle))
        })
    }

    /// Waits until the server's stderr contains `needle`.
    fn wait_for_stderr(&self, needle: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.log().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "waited {PATIENCE:?} for {needle:?} on stderr; it has:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits for diagnostics of `uri` (any version) that `wanted` accepts.
    fn diagnostics_where(&mut self, uri: &str, what: &str, wanted: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics for {uri}: {what}"), |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && wanted(&under_test(message))
        });
        under_test(&message)
    }

    fn open(&mut self, uri: &str, language_id: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language_id, "version": version, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    fn log(&self) -> String {
        self.stderr.lock().map(|log| log.clone()).unwrap_or_default()
    }

    /// Waits for the process to end and returns its status.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not exit; its log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn shutdown_and_exit(mut self) -> ExitStatus {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri_of(path: &Path) -> String {
    Uri::from_file_path(path)
        .expect("a file URI")
        .as_str()
        .to_string()
}

/// Zero-based line and column of a byte offset, counted in `encoding`.
fn position(text: &str, offset: usize, encoding: PositionEncoding) -> Value {
    let LineColumn { line, column } = LineIndex::new(text).position(text, offset, encoding);
    json!({"line": line, "character": column})
}

fn range_of(text: &str, needle: &str, encoding: PositionEncoding) -> Value {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is in the text"));
    json!({"start": position(text, start, encoding), "end": position(text, start + needle.len(), encoding)})
}

fn byte_offset(text: &str, position: &Value, encoding: PositionEncoding) -> usize {
    let line = position["line"].as_u64().expect("line") as u32;
    let column = position["character"].as_u64().expect("character") as u32;
    LineIndex::new(text).offset(text, LineColumn { line, column }, encoding)
}

/// Applies LSP text edits (all against `text`) to a copy of it.
fn apply_text_edits(text: &str, edits: &[Value], encoding: PositionEncoding) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|edit| {
            let start = byte_offset(text, &edit["range"]["start"], encoding);
            let end = byte_offset(text, &edit["range"]["end"], encoding);
            (start, end, edit["newText"].as_str().expect("newText").to_string())
        })
        .collect();
    spans.sort_by_key(|(start, end, _)| std::cmp::Reverse((*start, *end)));
    let mut out = text.to_string();
    for (start, end, new_text) in spans {
        out.replace_range(start..end, &new_text);
    }
    out
}

/// The edits of a workspace edit for one document, and the version they were made for.
fn edits_for(edit: &Value, uri: &str) -> (Vec<Value>, Option<i64>) {
    if let Some(changes) = edit["documentChanges"].as_array() {
        for change in changes {
            if change["textDocument"]["uri"] == uri {
                return (
                    change["edits"].as_array().cloned().unwrap_or_default(),
                    change["textDocument"]["version"].as_i64(),
                );
            }
        }
        return (Vec::new(), None);
    }
    (edit["changes"][uri].as_array().cloned().unwrap_or_default(), None)
}

/// The diagnostics of a `publishDiagnostics` message for the rules these tests are about:
/// the three mission checks and configuration errors. (The engine grows other rules; the
/// drafts here are written for these.)
fn under_test(message: &Value) -> Vec<Value> {
    const RULES: [&str; 6] = [
        "duplicate-paragraph", "name-consistency", "restated-paragraph", "unattributed-figure",
        "web-residue", "config",
    ];
    message["params"]["diagnostics"]
        .as_array()
        .map(|diagnostics| {
            diagnostics
                .iter()
                .filter(|diagnostic| {
                    diagnostic["code"]
                        .as_str()
                        .is_some_and(|code| RULES.contains(&code))
                })
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

fn rules(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|diagnostic| diagnostic["code"].as_str().map(str::to_string))
        .collect()
}

fn code_actions(lsp: &mut Lsp, uri: &str, range: Value, only: Option<Value>) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(only) = only {
        context["only"] = only;
    }
    let response = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": context}),
    );
    response["result"].as_array().cloned().unwrap_or_default()
}

fn action_titled<'a>(actions: &'a [Value], prefix: &str) -> &'a Value {
    actions
        .iter()
        .find(|action| {
            action["title"]
                .as_str()
                .is_some_and(|title| title.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("an action titled {prefix:?} among {actions:#?}"))
}

/// Applies a code action's edit to our copy of the document and sends it as an
/// incremental change, the way an editor does. Returns the new text.
fn apply_action(lsp: &mut Lsp, uri: &str, text: &str, version: i64, action: &Value) -> String {
    let (edits, edit_version) = edits_for(&action["edit"], uri);
    assert!(!edits.is_empty(), "the action edits {uri}: {action:#}");
    assert_eq!(edit_version, Some(version), "the edit is versioned");
    let updated = apply_text_edits(text, &edits, lsp.encoding);
    // Send the edits from the last to the first, so each range is still valid.
    let mut sorted = edits.clone();
    sorted.sort_by_key(|edit| {
        std::cmp::Reverse((
            edit["range"]["start"]["line"].as_u64(),
            edit["range"]["start"]["character"].as_u64(),
        ))
    });
    let changes: Vec<Value> = sorted
        .iter()
        .map(|edit| json!({"range": edit["range"], "text": edit["newText"]}))
        .collect();
    lsp.change(uri, version + 1, Value::Array(changes));
    updated
}

#[test]
fn diagnostics_have_exact_ranges_in_both_encodings() {
    // An emoji (two UTF-16 units, four bytes) and an accented name before the figure.
    let text = "😀 In Zürich the dispute affects about 2,300 drivers.\r\nNothing else.\r\n";
    for utf8 in [false, true] {
        let folder = tempfile::tempdir().unwrap();
        let mut lsp = Lsp::start(Start {
            utf8,
            ..Start::default()
        });
        let uri = uri_of(&folder.path().join("figure.md"));
        lsp.open(&uri, "markdown", 1, text);
        let diagnostics = lsp.diagnostics(&uri, 1);
        assert_eq!(
            rules(&diagnostics),
            vec!["unattributed-figure"],
            "{diagnostics:#?}"
        );
        let diagnostic = &diagnostics[0];
        assert_eq!(diagnostic["range"], range_of(text, "2,300 drivers", lsp.encoding));
        let before = "😀 In Zürich the dispute affects about ";
        let expected_start = if utf8 {
            before.len()
        } else {
            before.encode_utf16().count()
        };
        assert_eq!(diagnostic["range"]["start"]["character"], expected_start);
        assert_eq!(diagnostic["source"], "copydesk");
        assert_eq!(diagnostic["severity"], 2);
        assert!(
            diagnostic["codeDescription"]["href"]
                .as_str()
                .is_some_and(|href| href.ends_with("docs/rules/unattributed-figure.md")),
            "{diagnostic:#}"
        );
        assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
    }
}

#[test]
fn a_quick_fix_round_trip_clears_the_diagnostic() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let uri = uri_of(&folder.path().join("names.md"));
    lsp.open(&uri, "markdown", 1, NAMES_DRAFT);
    let diagnostics = lsp.diagnostics(&uri, 1);
    assert_eq!(rules(&diagnostics), vec!["name-consistency"], "{diagnostics:#?}");
    let diagnostic = &diagnostics[0];
    let variant_start = NAMES_DRAFT.find("Kovalevsky said the strike").unwrap();
    assert_eq!(
        diagnostic["range"],
        json!({"start": position(NAMES_DRAFT, variant_start, lsp.encoding),
               "end": position(NAMES_DRAFT, variant_start + "Kovalevsky".len(), lsp.encoding)})
    );
    let related = &diagnostic["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri.as_str());
    assert_eq!(
        related["location"]["range"],
        range_of(NAMES_DRAFT, "Kovalevskyi", lsp.encoding)
    );
    assert!(related["message"].as_str().unwrap().contains("Kovalevskyi"));

    let actions = code_actions(&mut lsp, &uri, diagnostic["range"].clone(), None);
    let replace = action_titled(&actions, "Replace with ‘Kovalevskyi’");
    assert_eq!(replace["kind"], "quickfix");
    // The respelling is unsafe (whether two spellings are one name is a heuristic's
    // call), so it is not the preferred fix an editor may apply on its own.
    assert_eq!(replace["isPreferred"], false);
    assert_eq!(replace["diagnostics"][0]["code"], "name-consistency");
    action_titled(&actions, "Add ‘Taras Kovalevskyi’ to the house names");
    action_titled(&actions, "Ignore this finding");

    let fixed = apply_action(&mut lsp, &uri, NAMES_DRAFT, 1, replace);
    assert!(fixed.contains("Kovalevskyi said the strike"));
    // Cleared: no diagnostic of any rule is left.
    let after = lsp.all_diagnostics(&uri, 2);
    assert!(after.is_empty(), "{after:#?}");
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn duplicate_and_unsafe_figure_fixes_apply_and_clear() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        utf8: true,
        ..Start::default()
    });

    let duplicate_uri = uri_of(&folder.path().join("duplicate.md"));
    lsp.open(&duplicate_uri, "markdown", 1, DUPLICATE_DRAFT);
    let diagnostics = lsp.diagnostics(&duplicate_uri, 1);
    assert_eq!(rules(&diagnostics), vec!["duplicate-paragraph"]);
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({"line": 4, "character": 0})
    );
    assert_eq!(
        diagnostics[0]["relatedInformation"][0]["location"]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    let actions = code_actions(&mut lsp, &duplicate_uri, diagnostics[0]["range"].clone(), None);
    let delete = action_titled(&actions, "Delete this repeated paragraph");
    let fixed = apply_action(&mut lsp, &duplicate_uri, DUPLICATE_DRAFT, 1, delete);
    // The last paragraph goes with the blank line before it: no blank line is left at the end.
    assert_eq!(
        fixed,
        "Talks broke down late on Friday at the commission offices.\n\nThe union met again.\n"
    );
    let after = lsp.all_diagnostics(&duplicate_uri, 2);
    assert!(after.is_empty(), "{after:#?}");

    let figure_uri = uri_of(&folder.path().join("figure.txt"));
    lsp.open(&figure_uri, "plaintext", 1, FIGURE_DRAFT);
    let diagnostics = lsp.diagnostics(&figure_uri, 1);
    assert_eq!(rules(&diagnostics), vec!["unattributed-figure"]);
    let actions = code_actions(
        &mut lsp,
        &figure_uri,
        diagnostics[0]["range"].clone(),
        Some(json!(["quickfix"])),
    );
    let attribute = action_titled(&actions, "Add “, according to [source]”");
    // A fix that leaves a placeholder is never the preferred one, and carries its edit as
    // a snippet with the placeholder to type over.
    assert_eq!(attribute["isPreferred"], false);
    assert_eq!(
        attribute["data"]["snippet"]["text"],
        ", according to ${1:[source]}"
    );
    let fixed = apply_action(&mut lsp, &figure_uri, FIGURE_DRAFT, 1, attribute);
    assert_eq!(
        fixed,
        "The dispute affects about 2,300 drivers, according to [source].\n"
    );
    // The figure is attributed now; what is left is the placeholder, until it is filled.
    assert_eq!(rules(&lsp.all_diagnostics(&figure_uri, 2)), vec!["placeholder"]);
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn ignoring_a_finding_inserts_the_suppression_comment() {
    let mut lsp = Lsp::start(Start::default());
    for (name, language) in [("ignore.md", "markdown"), ("ignore.txt", "plaintext")] {
        let folder = tempfile::tempdir().unwrap();
        let uri = uri_of(&folder.path().join(name));
        let text = format!("Talks went on all night.\n{FIGURE_DRAFT}");
        lsp.open(&uri, language, 1, &text);
        let diagnostics = lsp.diagnostics(&uri, 1);
        assert_eq!(rules(&diagnostics), vec!["unattributed-figure"]);
        let actions = code_actions(&mut lsp, &uri, diagnostics[0]["range"].clone(), None);
        let ignore = action_titled(&actions, "Ignore this finding");
        let ignored = apply_action(&mut lsp, &uri, &text, 1, ignore);
        assert!(ignored.contains("copydesk-disable"), "{ignored}");
        let after = lsp.all_diagnostics(&uri, 2);
        assert!(after.is_empty(), "{ignored}: {after:#?}");
    }
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn fix_all_applies_every_safe_fix() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let uri = uri_of(&folder.path().join("all.md"));
    let text = format!("{NAMES_DRAFT}\nKovalevsky left.\n\n{DUPLICATE_DRAFT}\n{FIGURE_DRAFT}");
    lsp.open(&uri, "markdown", 1, &text);
    let diagnostics = lsp.diagnostics(&uri, 1);
    assert_eq!(
        rules(&diagnostics),
        vec![
            "name-consistency", "name-consistency", "duplicate-paragraph", "unattributed-figure"
        ]
    );
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    let actions = code_actions(&mut lsp, &uri, whole, Some(json!(["source.fixAll"])));
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let fix_all = &actions[0];
    assert_eq!(fix_all["kind"], "source.fixAll.copydesk");
    assert_eq!(fix_all["title"], "Fix all copydesk findings");
    let fixed = apply_action(&mut lsp, &uri, &text, 1, fix_all);
    assert_eq!(fixed.matches("Talks broke down").count(), 1, "{fixed}");
    // The respellings are unsafe and the figure's fix needs the writer, so fix-all
    // leaves them, and only them.
    assert!(fixed.contains("Kovalevsky "), "{fixed}");
    assert_eq!(
        rules(&lsp.all_diagnostics(&uri, 2)),
        vec!["name-consistency", "name-consistency", "unattributed-figure"]
    );

    // The same through the command, applied by the server with workspace/applyEdit.
    let other_folder = tempfile::tempdir().unwrap();
    let uri_two = uri_of(&other_folder.path().join("all.md"));
    lsp.open(&uri_two, "markdown", 1, &text);
    lsp.diagnostics(&uri_two, 1);
    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.fixAll", "arguments": [uri_two]}),
    );
    assert_eq!(response["result"]["applied"], true, "{response}");
    let applied = lsp.applied_edits.last().expect("an applyEdit").clone();
    let (edits, version) = edits_for(&applied["edit"], &uri_two);
    assert_eq!(version, Some(1));
    assert_eq!(apply_text_edits(&text, &edits, lsp.encoding), fixed);
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn page_furniture_is_one_diagnostic_per_run_and_one_action_removes_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let uri = uri_of(&folder.path().join("pasted.txt"));
    let text = "Harbour board approves new ferry terminal\n\nPublished 12 March 2025, 09:14 GMT\n\nShare this article\n\n\
VALLETTA, Malta — The harbour board on Tuesday approved plans for a new ferry terminal, ending a two-year dispute with residents who feared more traffic on the waterfront road, the board said.\n\n\
Residents said they would appeal the decision at the planning tribunal next month, their lawyer told reporters on Tuesday afternoon.\n\n\
Advertisement\n\nBack to top button\n";
    lsp.open(&uri, "plaintext", 1, text);
    let diagnostics = lsp.diagnostics(&uri, 1);
    // Two runs: the two lines under the headline, and the two at the foot.
    assert_eq!(
        rules(&diagnostics),
        vec!["web-residue", "web-residue"],
        "{diagnostics:#?}"
    );
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 2);
    assert_eq!(diagnostics[0]["range"]["end"]["line"], 4);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Lines 3–5"),
        "{diagnostics:#?}"
    );
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    let actions = code_actions(&mut lsp, &uri, whole, Some(json!(["source.removeFurniture"])));
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["title"], "Remove page furniture");
    let cleaned = apply_action(&mut lsp, &uri, text, 1, &actions[0]);
    assert!(
        cleaned.starts_with("Harbour board approves new ferry terminal\n\nVALLETTA"),
        "{cleaned}"
    );
    assert!(cleaned.contains("Tuesday afternoon.\n"), "{cleaned}");
    assert!(!cleaned.contains("Back to top"), "{cleaned}");
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn incremental_edits_with_emoji_combining_marks_and_crlf() {
    // The same edits, described by the text they touch, in both encodings.
    let original = "Zoë 😀 waved.\r\nThe cafe\u{301} opened.\r\n\r\nEnd.\r\n";
    for utf8 in [false, true] {
        let folder = tempfile::tempdir().unwrap();
        let mut lsp = Lsp::start(Start {
            utf8,
            ..Start::default()
        });
        let encoding = lsp.encoding;
        let uri = uri_of(&folder.path().join("edits.md"));
        lsp.open(&uri, "markdown", 1, original);
        lsp.diagnostics(&uri, 1);
        let mut text = original.to_string();
        let mut version = 1;
        // (what to replace, its replacement): after an emoji, a combining mark, across a
        // CRLF line break, and an emoji inserted before a figure.
        let steps: [(&str, &str); 5] = [
            ("😀", "😀😀"),
            ("\u{301}", ""),
            (" waved.\r\nThe", " waved. The"),
            ("opened.", "opened for 2,300 drivers."),
            ("End.", "👩‍👩‍👧 End, says Zoë."),
        ];
        for (old, new) in steps {
            let start = text.find(old).unwrap();
            let range = json!({"start": position(&text, start, encoding), "end": position(&text, start + old.len(), encoding)});
            text.replace_range(start..start + old.len(), new);
            version += 1;
            lsp.change(&uri, version, json!([{"range": range, "text": new}]));
        }
        assert_eq!(
            text,
            "Zoë 😀😀 waved. The cafe opened for 2,300 drivers.\r\n\r\n👩‍👩‍👧 End, says Zoë.\r\n"
        );
        let diagnostics =
            lsp.diagnostics_where(&uri, "the figure", |diagnostics| !rules(diagnostics).is_empty());
        assert_eq!(rules(&diagnostics), vec!["unattributed-figure"]);
        assert_eq!(
            diagnostics[0]["range"],
            range_of(&text, "2,300 drivers", encoding)
        );

        // A fresh open of the same text (in a folder of its own) says the same.
        let fresh_folder = tempfile::tempdir().unwrap();
        let fresh = uri_of(&fresh_folder.path().join("fresh.md"));
        lsp.open(&fresh, "markdown", 1, &text);
        let fresh_diagnostics = lsp.diagnostics(&fresh, 1);
        assert_eq!(fresh_diagnostics[0]["range"], diagnostics[0]["range"]);
        assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
    }
}

#[test]
fn an_edit_in_one_draft_updates_the_others_in_its_folder() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let main = uri_of(&folder.path().join("main.md"));
    let side = uri_of(&folder.path().join("side.md"));
    let main_text = "Taras Kovalevskyi said the talks failed.\n\nKovalevskyi said more.\n\n\
                     Kovalevskyi spoke again.\n\nKovalevsky left.\n";
    let side_text = "Kovalevsky said the strike would end.\n";
    lsp.open(&main, "markdown", 1, main_text);
    lsp.diagnostics(&main, 1);
    lsp.open(&side, "markdown", 1, side_text);
    let diagnostics = lsp.diagnostics_where(&side, "the cross-draft name", |d| !rules(d).is_empty());
    assert_eq!(rules(&diagnostics), vec!["name-consistency"]);
    assert_eq!(
        diagnostics[0]["relatedInformation"][0]["location"]["uri"],
        main.as_str()
    );

    // The story-wide fix edits both drafts, each at its version.
    let actions = code_actions(&mut lsp, &side, diagnostics[0]["range"].clone(), None);
    let everywhere = action_titled(&actions, "Use ‘Kovalevskyi’ everywhere in this story");
    let (main_edits, main_version) = edits_for(&everywhere["edit"], &main);
    let (side_edits, side_version) = edits_for(&everywhere["edit"], &side);
    assert_eq!((main_edits.len(), main_version), (1, Some(1)));
    assert_eq!((side_edits.len(), side_version), (1, Some(1)));

    // Main now spells it the side's way: the side's finding goes.
    lsp.change(
        &main,
        2,
        json!([{"text": "Taras Kovalevsky said the talks failed.\n\nKovalevsky said more.\n"}]),
    );
    assert!(rules(&lsp.diagnostics(&main, 2)).is_empty());
    lsp.diagnostics_where(&side, "the side cleared", |d| rules(d).is_empty());
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn folder_stories_read_unopened_drafts_and_follow_file_events() {
    let folder = tempfile::tempdir().unwrap();
    let side_path = folder.path().join("side.md");
    std::fs::write(
        &side_path,
        "Taras Kovalevskyi said the talks failed.\n\nKovalevskyi said more.\n",
    )
    .unwrap();
    let mut lsp = Lsp::start(Start {
        initialization_options: Some(json!({"story": "folder"})),
        watch_files: true,
        ..Start::default()
    });
    // The server asks to hear about drafts and configuration files.
    let registration = lsp.wait_for("the file watcher registration", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = registration["params"]["registrations"][0]["registerOptions"]["watchers"].to_string();
    assert!(watchers.contains("**/copydesk.toml"), "{watchers}");
    assert!(watchers.contains("**/*.{md,markdown,txt}"), "{watchers}");
    let main = uri_of(&folder.path().join("main.md"));
    lsp.open(&main, "markdown", 1, "Kovalevsky said the strike would end.\n");
    let diagnostics = lsp.diagnostics(&main, 1);
    assert_eq!(rules(&diagnostics), vec!["name-consistency"]);
    assert_eq!(
        diagnostics[0]["relatedInformation"][0]["location"]["uri"],
        uri_of(&side_path).as_str()
    );

    std::fs::write(&side_path, "Taras Kovalevsky said the talks failed.\n").unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&side_path), "type": 2}]}),
    );
    lsp.diagnostics_where(&main, "cleared after the side changed on disk", |d| {
        rules(d).is_empty()
    });
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

/// The layout of `tests/cli.rs`'s `an_exclude_holds_whichever_folder_is_checked`, as
/// folder stories: `[files] exclude = ["archive/**"]`, and the same drafts in `archive/`
/// and `desk/`. The archive's unopened drafts, read at first or from file events, are left
/// out of its story as `copydesk check` leaves them out; the desk's are read. Once with the
/// exclude in `copydesk.toml` (relative to its folder), once in the editor's settings
/// (relative to the workspace folder).
#[test]
fn an_exclude_leaves_unopened_drafts_out_of_folder_stories_as_check_does() {
    const MAIN: &str = "Kovalevsky said the strike would end.\n";
    const OLD: &str = "Taras Kovalevskyi said the talks failed.\n\nKovalevskyi said more.\n";
    for in_file in [true, false] {
        let folder = tempfile::tempdir().unwrap();
        let settings = json!({"story": "folder", "files": {"exclude": ["archive/**"]}});
        if in_file {
            std::fs::write(
                folder.path().join("copydesk.toml"),
                "story = \"folder\"\n[files]\nexclude = [\"archive/**\"]\n",
            )
            .unwrap();
        }
        for desk in ["archive", "desk"] {
            std::fs::create_dir(folder.path().join(desk)).unwrap();
        }
        std::fs::write(folder.path().join("archive/old.md"), OLD).unwrap();
        let mut lsp = Lsp::start(Start {
            initialization_options: (!in_file).then_some(settings),
            root: Some(folder.path().to_path_buf()),
            watch_files: true,
            ..Start::default()
        });
        let archive_main = uri_of(&folder.path().join("archive/main.md"));
        let desk_main = uri_of(&folder.path().join("desk/main.md"));
        lsp.open(&archive_main, "markdown", 1, MAIN);
        assert!(
            rules(&lsp.diagnostics(&archive_main, 1)).is_empty(),
            "in_file: {in_file}"
        );
        lsp.open(&desk_main, "markdown", 1, MAIN);
        assert!(
            rules(&lsp.diagnostics(&desk_main, 1)).is_empty(),
            "in_file: {in_file}"
        );

        // Both folders gain a draft on disk, in one file event.
        let archive_new = folder.path().join("archive/new.md");
        let desk_new = folder.path().join("desk/new.md");
        std::fs::write(&archive_new, OLD).unwrap();
        std::fs::write(&desk_new, OLD).unwrap();
        lsp.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [
                {"uri": uri_of(&archive_new), "type": 1},
                {"uri": uri_of(&desk_new), "type": 1},
            ]}),
        );
        // The desk's story takes its new draft in (so the event has been handled) ...
        let diagnostics = lsp.diagnostics_where(&desk_main, "the desk's new draft read", |d| {
            rules(d) == ["name-consistency"]
        });
        assert_eq!(
            diagnostics[0]["relatedInformation"][0]["location"]["uri"],
            uri_of(&desk_new).as_str()
        );
        // ... and the archive's leaves its own out.
        lsp.change(
            &archive_main,
            2,
            json!([{"text": MAIN.replace("end", "end soon")}]),
        );
        assert!(
            rules(&lsp.diagnostics(&archive_main, 2)).is_empty(),
            "in_file: {in_file}"
        );
        assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
    }
}

#[test]
fn settings_and_copydesk_toml_configure_the_rules() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        initialization_options: Some(json!({"rules": {"unattributed-figure": "off"}})),
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("figure.md"));
    lsp.open(&uri, "markdown", 1, FIGURE_DRAFT);
    assert!(rules(&lsp.diagnostics(&uri, 1)).is_empty());

    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"unattributed-figure": "error"}}}}),
    );
    let diagnostics = lsp.diagnostics_where(&uri, "the rule on at error", |d| !rules(d).is_empty());
    assert_eq!(diagnostics[0]["severity"], 1);

    // Bad settings are shown and the last good ones stay.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"rules": {"no-such-rule": "off"}}}),
    );
    let message = lsp.wait_for("a message about the bad settings", |m| {
        m["method"] == "window/showMessage"
    });
    assert!(
        message["params"]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-rule"),
        "{message}"
    );

    // A copydesk.toml in the folder wins; a broken one is a diagnostic on it, and the
    // last good configuration stays.
    let config_path = folder.path().join("copydesk.toml");
    let config_uri = uri_of(&config_path);
    std::fs::write(&config_path, "[rules]\nunattributed-figure = \"hint\"\n").unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 1}]}),
    );
    let diagnostics = lsp.diagnostics_where(&uri, "the rule at hint", |d| {
        d.first().is_some_and(|d| d["severity"] == 4)
    });
    assert_eq!(rules(&diagnostics), vec!["unattributed-figure"]);

    std::fs::write(
        &config_path,
        "# House style.\n[rules]\nunattributed-figure = \"loud\"\n",
    )
    .unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    let config_diagnostics = lsp.diagnostics_where(&config_uri, "the config error", |d| !rules(d).is_empty());
    assert_eq!(
        config_diagnostics[0]["range"]["start"],
        json!({"line": 2, "character": 22})
    );
    assert!(
        config_diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("bad level \"loud\"")
    );
    lsp.wait_for("a message about the bad file", |m| {
        m["method"] == "window/showMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains("loud"))
    });
    // The draft still sees the rule at hint.
    let range = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}});
    lsp.change(&uri, 2, json!([{"range": range, "text": "The"}]));
    assert_eq!(lsp.diagnostics(&uri, 2)[0]["severity"], 4);

    std::fs::write(&config_path, "[rules]\nunattributed-figure = \"off\"\n").unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    lsp.diagnostics_where(&config_uri, "the config error cleared", |d| rules(d).is_empty());
    lsp.diagnostics_where(&uri, "the rule off", |d| rules(d).is_empty());
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn adding_a_house_name_writes_copydesk_toml_and_keeps_its_comments() {
    let folder = tempfile::tempdir().unwrap();
    let config_path = folder.path().join("copydesk.toml");
    std::fs::write(
        &config_path,
        "# The city desk's house style.\n[names] # checked names\nknown = []\n",
    )
    .unwrap();
    let mut lsp = Lsp::start(Start::default());
    let uri = uri_of(&folder.path().join("names.md"));
    lsp.open(&uri, "markdown", 1, NAMES_DRAFT);
    let diagnostics = lsp.diagnostics(&uri, 1);
    let actions = code_actions(&mut lsp, &uri, diagnostics[0]["range"].clone(), None);
    let add = action_titled(&actions, "Add ‘Taras Kovalevskyi’ to the house names");
    let command = add["command"].clone();
    assert_eq!(command["command"], "copydesk.addHouseName");
    let edits_before = lsp.applied_edits.len();
    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": command["command"], "arguments": command["arguments"]}),
    );
    assert_eq!(response["result"]["applied"], true, "{response}");
    // The file is not open in the editor: written on disk, not left to an editor's buffer.
    assert_eq!(lsp.applied_edits.len(), edits_before);
    let updated = std::fs::read_to_string(&config_path).unwrap();
    assert!(updated.contains("# The city desk's house style."), "{updated}");
    assert!(updated.contains("# checked names"), "{updated}");
    let config = copydesk::Config::from_toml(&updated, None).unwrap();
    assert_eq!(config.engine.known_names, vec!["Taras Kovalevskyi"]);
    // The server read the file again itself: the house name holds even in the minority.
    lsp.diagnostics_where(&uri, "the house name in force", |d| {
        d.iter().any(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("house spelling"))
        })
    });
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_new_copydesk_toml_from_a_house_name_keeps_the_editor_settings() {
    // The new user's story: a rule level in the editor's settings, then "Add … to the
    // house names" in a folder with no copydesk.toml. The file is created whole on disk,
    // and the editor's rule level still applies beside the file's house name.
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        initialization_options: Some(json!({"rules": {"name-consistency": "error"}})),
        root: Some(folder.path().to_path_buf()),
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("names.md"));
    lsp.open(&uri, "markdown", 1, NAMES_DRAFT);
    let diagnostics = lsp.diagnostics_where(&uri, "the variant, as an error", |d| {
        d.iter()
            .any(|d| d["code"] == "name-consistency" && d["severity"] == 1)
    });
    assert!(!diagnostics.is_empty());
    let edits_before = lsp.applied_edits.len();
    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.addHouseName", "arguments": [{"name": "Taras Kovalevskyi", "uri": uri}]}),
    );
    assert_eq!(response["result"]["applied"], true, "{response}");
    assert_eq!(lsp.applied_edits.len(), edits_before);
    let config_path = folder.path().join("copydesk.toml");
    let created = std::fs::read_to_string(&config_path).expect("copydesk.toml on disk");
    assert_eq!(
        copydesk::Config::from_toml(&created, None)
            .unwrap()
            .engine
            .known_names,
        vec!["Taras Kovalevskyi"]
    );
    // The house name wins, and the editor's level for the rule was not dropped.
    lsp.diagnostics_where(&uri, "the house name, still an error", |d| {
        d.iter().any(|d| {
            d["code"] == "name-consistency"
                && d["severity"] == 1
                && d["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("house spelling"))
        })
    });
    // A second time: already there, nothing written.
    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.addHouseName", "arguments": [{"name": "Taras Kovalevskyi", "uri": uri}]}),
    );
    assert_eq!(response["result"]["applied"], false, "{response}");
    assert_eq!(std::fs::read_to_string(&config_path).unwrap(), created);
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn the_style_sheet_command_and_hover_describe_names_and_figures() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let uri = uri_of(&folder.path().join("sheet.md"));
    let text = format!("{NAMES_DRAFT}\n{FIGURE_DRAFT}");
    lsp.open(&uri, "markdown", 1, &text);
    lsp.diagnostics(&uri, 1);
    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.styleSheet", "arguments": [uri]}),
    );
    let sheet = &response["result"];
    let name = sheet["names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|name| name["canonical"] == "Kovalevskyi")
        .unwrap_or_else(|| panic!("Kovalevskyi in {sheet:#}"));
    assert_eq!(name["variants"], json!(["Kovalevsky"]));
    assert_eq!(name["mentions"].as_array().unwrap().len(), 3);
    assert_eq!(name["first_reference"]["text"], "Taras Kovalevskyi");
    assert_eq!(
        name["first_reference"]["range"],
        range_of(&text, "Taras Kovalevskyi", lsp.encoding)
    );
    let figures = sheet["figures"].as_array().unwrap();
    let drivers = figures.iter().find(|f| f["text"] == "2,300 drivers").unwrap();
    assert_eq!(drivers["source"], "unattributed");
    assert_eq!(drivers["sentence"], "The dispute affects about 2,300 drivers.");
    let buses = figures.iter().find(|f| f["text"] == "40 buses").unwrap();
    assert_eq!(buses["source"], "Taras Kovalevskyi … said");

    let variant = text.find("Kovalevsky said the strike").unwrap();
    let hover = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(&text, variant + 3, lsp.encoding)}),
    );
    let contents = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(contents.contains("Kovalevskyi ×2"), "{contents}");
    assert!(contents.contains("Kovalevsky ×1"), "{contents}");
    assert!(contents.contains("name-consistency"), "{contents}");
    let nothing = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 20}}),
    );
    assert_eq!(nothing["result"], Value::Null);
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn hover_on_a_variant_of_a_house_spelling_agrees_with_its_diagnostic() {
    // The draft spells the name one way, not the house way: the diagnostic calls the
    // mention a variant of the house spelling, and so must the hover (it said "1 mention,
    // canonical").
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        initialization_options: Some(json!({"names": {"known": ["Taras Kovalevskyi"]}})),
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("house.md"));
    let text = "Taras Kovalevsky, the director of operations, said only 40 buses ran.\n";
    lsp.open(&uri, "markdown", 1, text);
    let diagnostics = lsp.diagnostics(&uri, 1);
    let variant = diagnostics
        .iter()
        .find(|d| d["code"] == "name-consistency")
        .unwrap_or_else(|| panic!("no name-consistency diagnostic: {diagnostics:#?}"));
    let message = variant["message"].as_str().unwrap();
    assert!(message.contains("house spelling"), "{message}");
    assert!(message.contains("Kovalevskyi"), "{message}");
    let hover = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(text, text.find("Kovalevsky").unwrap() + 3, lsp.encoding)}),
    );
    let contents = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        contents.contains("**Kovalevskyi** (house spelling): 1 mention"),
        "{contents}"
    );
    assert!(contents.contains("Kovalevsky ×1 (variant)"), "{contents}");
    assert!(!contents.contains("canonical"), "{contents}");
    assert!(contents.contains("name-consistency"), "{contents}");
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn clients_that_pull_diagnostics_get_them_by_request() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        pull_diagnostics: true,
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("pull.md"));
    lsp.open(&uri, "markdown", 1, FIGURE_DRAFT);
    let report = lsp.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert_eq!(report["result"]["kind"], "full");
    let items = report["result"]["items"].as_array().unwrap();
    assert_eq!(rules(items), vec!["unattributed-figure"]);
    assert_eq!(
        items[0]["range"],
        range_of(FIGURE_DRAFT, "2,300 drivers", lsp.encoding)
    );
    // Nothing was pushed.
    assert!(
        !lsp.backlog
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "{:#?}",
        lsp.backlog
    );
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn hostile_input_is_answered_or_ignored_and_the_server_stays_up() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());

    // Invalid JSON: a parse error with a null id.
    lsp.write_frame(b"{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ");
    let error = lsp.wait_for("the parse error", |m| {
        m.get("error").is_some() && m["id"].is_null()
    });
    assert_eq!(error["error"]["code"], -32700);
    // JSON that is not JSON-RPC: an invalid request, with its id.
    lsp.write_frame(br#"{"id": 77, "hello": "world"}"#);
    let error = lsp.wait_for("the invalid request", |m| m["id"] == 77);
    assert_eq!(error["error"]["code"], -32600);
    // A header that is not a length, and a body of bytes that are not UTF-8.
    let stdin = lsp.stdin.as_mut().unwrap();
    stdin.write_all(b"Content-Length: lots\r\n\r\n").unwrap();
    stdin.flush().unwrap();
    lsp.write_frame(&[0xff, 0xfe, 0x00, 0x7b]);

    // An unknown request is refused; an unknown notification is ignored.
    let response = lsp.request("copydesk/noSuchMethod", json!({}));
    assert_eq!(response["error"]["code"], -32601);
    lsp.notify("copydesk/noSuchNotification", json!({"x": 1}));
    lsp.notify("textDocument/didOpen", json!({"textDocument": 7}));

    // Edits and closes of documents never opened.
    let ghost = uri_of(&folder.path().join("ghost.md"));
    lsp.change(&ghost, 2, json!([{"text": "Boo."}]));
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": ghost}}));

    // Out-of-range and inverted ranges are clamped, not fatal.
    let uri = uri_of(&folder.path().join("clamped.md"));
    lsp.open(&uri, "markdown", 1, "Hello.\n");
    lsp.diagnostics(&uri, 1);
    lsp.change(
        &uri,
        2,
        json!([
            {"range": {"start": {"line": 99, "character": 0}, "end": {"line": 120, "character": 5}}, "text": FIGURE_DRAFT},
            {"range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 0}}, "text": ""},
        ]),
    );
    let diagnostics = lsp.diagnostics(&uri, 2);
    assert_eq!(rules(&diagnostics), vec!["unattributed-figure"]);
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 1);

    // Still alive and well.
    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.styleSheet", "arguments": [uri]}),
    );
    assert!(response["result"]["figures"].is_array(), "{response}");
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_panic_in_a_handler_is_caught_and_the_server_carries_on() {
    let mut lsp = Lsp::start(Start {
        env: vec![("COPYDESK_LSP_DEBUG_COMMANDS", "1")],
        ..Start::default()
    });
    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.debug.panic"}),
    );
    assert_eq!(response["error"]["code"], -32603, "{response}");
    let response = lsp.request("workspace/executeCommand", json!({"command": "copydesk.nothing"}));
    assert_eq!(response["error"]["code"], -32602, "{response}");
    assert!(lsp.log().contains("panicked"), "{}", lsp.log());
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn exit_codes_follow_the_protocol() {
    let lsp = Lsp::start(Start::default());
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));

    let mut lsp = Lsp::start(Start::default());
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit().code(), Some(1));

    // The end of input without shutdown is an exit without shutdown.
    let mut lsp = Lsp::start(Start::default());
    drop(lsp.stdin.take());
    assert_eq!(lsp.wait_exit().code(), Some(1));

    // After shutdown, the end of input is as good as exit.
    let mut lsp = Lsp::start(Start::default());
    let response = lsp.request("shutdown", Value::Null);
    assert!(response.get("error").is_none(), "{response}");
    drop(lsp.stdin.take());
    assert_eq!(lsp.wait_exit().code(), Some(0));
}

#[test]
fn a_client_process_already_gone_at_initialize_ends_the_server() {
    let mut gone = Command::new("true").spawn().expect("true starts");
    let process_id = gone.id();
    gone.wait().expect("reap it");
    let mut lsp = Lsp::spawn(&["lsp"], &[]);
    lsp.next_id += 1;
    let id = lsp.next_id;
    lsp.send(&json!({"jsonrpc": "2.0", "id": id, "method": "initialize",
        "params": {"processId": process_id, "capabilities": {}}}));
    assert_eq!(lsp.wait_exit().code(), Some(1));
    assert!(
        lsp.log()
            .contains(&format!("the client process {process_id} has gone")),
        "{}",
        lsp.log()
    );
}

#[test]
fn the_server_exits_when_the_client_process_dies() {
    let mut client = Command::new("sleep").arg("600").spawn().expect("sleep starts");
    let mut lsp = Lsp::start(Start {
        process_id: Some(client.id()),
        ..Start::default()
    });
    // Still serving while the client lives.
    let response = lsp.request("workspace/executeCommand", json!({"command": "copydesk.nothing"}));
    assert!(response.get("error").is_some());
    client.kill().expect("kill the client");
    client.wait().expect("reap the client");
    assert_eq!(lsp.wait_exit().code(), Some(1));
}

#[test]
fn plain_workspace_edits_for_clients_without_document_changes() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        plain_workspace_edits: true,
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("names.md"));
    lsp.open(&uri, "markdown", 1, NAMES_DRAFT);
    let diagnostics = lsp.diagnostics(&uri, 1);
    let actions = code_actions(&mut lsp, &uri, diagnostics[0]["range"].clone(), None);
    let replace = action_titled(&actions, "Replace with ‘Kovalevskyi’");
    let edits = replace["edit"]["changes"][uri.as_str()].as_array().unwrap();
    assert_eq!(
        apply_text_edits(NAMES_DRAFT, edits, lsp.encoding)
            .matches("Kovalevskyi")
            .count(),
        3
    );
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

/// Asserts that of the versions sent (each with the moment it was sent), only the last
/// was published, save versions after which the test itself paused for the whole quiet
/// period (a loaded machine), which the server may rightly publish.
fn assert_only_the_last_version_published(lsp: &Lsp, uri: &str, sent: &[(i64, Instant)], quiet: Duration) {
    let (last, _) = *sent.last().expect("something was sent");
    let first = sent[0].0;
    let published: Vec<i64> = lsp
        .publishes
        .iter()
        .filter(|publish| publish.uri == uri)
        .filter_map(|publish| publish.version)
        .filter(|version| *version >= first)
        .collect();
    assert!(published.contains(&last), "{published:?}");
    assert!(
        published.windows(2).all(|pair| pair[0] < pair[1]),
        "published in version order: {published:?}"
    );
    for version in published.iter().filter(|version| **version != last) {
        let index = sent
            .iter()
            .position(|(v, _)| v == version)
            .expect("a version sent");
        let gap = sent[index + 1].1 - sent[index].1;
        assert!(
            gap >= quiet,
            "version {version} was published although the next edit came {gap:?} after it \
             (the quiet period is {quiet:?}); published: {published:?}"
        );
    }
}

#[test]
fn edits_within_the_quiet_period_wait_and_only_the_last_version_is_published() {
    const QUIET_MS: u64 = 700;
    let quiet = Duration::from_millis(QUIET_MS);
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        initialization_options: Some(json!({"lsp": {"debounce_ms": QUIET_MS}})),
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("typing.md"));
    // Opening analyses at once.
    lsp.open(&uri, "markdown", 1, "");
    lsp.diagnostics(&uri, 1);

    // Typing, a word every 40 ms for a second, the last words a figure.
    let words = ["The ", "dispute ", "went ", "on ", "all ", "night ", "and "];
    let mut text = String::new();
    let mut sent: Vec<(i64, Instant)> = Vec::new();
    for index in 0..25 {
        let piece = if index == 24 {
            "affects 2,300 drivers."
        } else {
            words[index % words.len()]
        };
        let end = position(&text, text.len(), lsp.encoding);
        text.push_str(piece);
        let version = index as i64 + 2;
        lsp.change(
            &uri,
            version,
            json!([{"range": {"start": end, "end": end}, "text": piece}]),
        );
        sent.push((version, Instant::now()));
        lsp.collect_until(Instant::now() + Duration::from_millis(40));
    }
    let (last, last_sent) = *sent.last().unwrap();
    let diagnostics = lsp.diagnostics(&uri, last);
    assert_eq!(rules(&diagnostics), vec!["unattributed-figure"]);
    assert_eq!(
        diagnostics[0]["range"],
        range_of(&text, "2,300 drivers", lsp.encoding)
    );
    // The server waited out the quiet period after the last edit.
    let published_at = lsp
        .publishes
        .iter()
        .find(|publish| publish.uri == uri && publish.version == Some(last))
        .expect("the last version's publish")
        .arrived;
    assert!(
        published_at - last_sent >= quiet,
        "published {:?} after the last edit; the quiet period is {quiet:?}",
        published_at - last_sent
    );
    // And nothing comes after it.
    lsp.collect_until(Instant::now() + quiet + Duration::from_millis(300));
    assert_only_the_last_version_published(&lsp, &uri, &sent, quiet);
    assert_eq!(
        lsp.publishes
            .iter()
            .filter(|p| p.uri == uri && p.version == Some(last))
            .count(),
        1
    );
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_thousand_edits_in_one_second_end_in_the_last_version() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let burst = uri_of(&folder.path().join("burst.md"));
    lsp.open(&burst, "markdown", 1, "");
    lsp.diagnostics(&burst, 1);
    let mut text = String::new();
    let words = ["talks ", "went ", "on ", "all ", "night ", "in ", "Dublin "];
    let mut sent: Vec<(i64, Instant)> = Vec::new();
    let started = Instant::now();
    for index in 0..1000u64 {
        let piece = if index == 500 {
            "2,300 drivers "
        } else {
            words[index as usize % words.len()]
        };
        let end = position(&text, text.len(), lsp.encoding);
        text.push_str(piece);
        let version = index as i64 + 2;
        lsp.change(
            &burst,
            version,
            json!([{"range": {"start": end, "end": end}, "text": piece}]),
        );
        sent.push((version, Instant::now()));
        // One a millisecond.
        let due = started + Duration::from_millis(index + 1);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
    }
    // The server takes them in as they come: the pipe holds a few hundred edits, so a
    // server that fell far behind would hold the sending up.
    let sending = started.elapsed();
    assert!(
        sending < Duration::from_secs(10),
        "the edits took {sending:?} to send"
    );
    let diagnostics = lsp.diagnostics(&burst, 1001);
    assert_eq!(rules(&diagnostics), vec!["unattributed-figure"]);
    assert_eq!(
        diagnostics[0]["range"],
        range_of(&text, "2,300 drivers", lsp.encoding)
    );
    lsp.collect_until(Instant::now() + Duration::from_millis(400));
    assert_only_the_last_version_published(&lsp, &burst, &sent, Duration::from_millis(150));
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_ten_megabyte_draft_is_checked_while_the_server_keeps_answering() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let small = uri_of(&folder.path().join("small.md"));
    lsp.open(&small, "markdown", 1, FIGURE_DRAFT);
    lsp.diagnostics(&small, 1);

    // Just under the 10 MiB of [files] max_size: checked. Three figures, at the start, in
    // the middle and at the end.
    let big_folder = tempfile::tempdir().unwrap();
    let big = uri_of(&big_folder.path().join("big.md"));
    let body = |line: &str| line.repeat(5_000_000 / line.len());
    let first = body("The council met on Tuesday and talked about the bus lanes for a long time.\n");
    let second = body("The board sat on Thursday and argued about the tram fares until late.\n");
    let big_text = format!(
        "The dispute affects about 2,300 drivers.\n\n{first}\nThe strike closed 41 schools.\n\n{second}\nThe fund lost 650 members.\n"
    );
    assert!(big_text.len() > 9_900_000 && big_text.len() < 10 * 1024 * 1024);
    lsp.open(&big, "markdown", 1, &big_text);
    // Another draft is answered while the big one is being checked.
    let hover = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": small}, "position": position(FIGURE_DRAFT, 28, lsp.encoding)}),
    );
    assert!(hover["result"]["contents"].is_object(), "{hover}");
    assert!(
        !lsp.publishes.iter().any(|publish| publish.uri == big),
        "the big draft's diagnostics came before the hover"
    );
    let diagnostics = lsp.diagnostics(&big, 1);
    assert_eq!(
        rules(&diagnostics),
        vec![
            "unattributed-figure", "unattributed-figure", "unattributed-figure"
        ],
        "{diagnostics:#?}"
    );
    for (diagnostic, figure) in diagnostics
        .iter()
        .zip(["2,300 drivers", "41 schools", "650 members"])
    {
        assert_eq!(diagnostic["range"], range_of(&big_text, figure, lsp.encoding));
    }
    // Closing it clears its diagnostics.
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": big}}));
    lsp.wait_for("the big draft's diagnostics cleared", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == big.as_str()
            && m["params"]["diagnostics"].as_array().is_some_and(Vec::is_empty)
    });
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_draft_over_max_size_is_not_checked_and_the_log_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        initialization_options: Some(json!({"files": {"max_size": 4096}})),
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("long.md"));
    let text = FIGURE_DRAFT.repeat(5000 / FIGURE_DRAFT.len() + 1);
    assert!(text.len() > 4096);
    lsp.open(&uri, "markdown", 1, &text);
    let diagnostics = lsp.all_diagnostics(&uri, 1);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    lsp.log_message(3, "is larger than [files] max_size (4096 bytes); not checked");
    // Under the limit again, it is checked.
    lsp.change(&uri, 2, json!([{"text": FIGURE_DRAFT}]));
    assert_eq!(rules(&lsp.diagnostics(&uri, 2)), vec!["unattributed-figure"]);
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_draft_with_more_findings_than_the_limit_gets_the_first_and_a_note() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let uri = uri_of(&folder.path().join("dense.md"));
    // Every paragraph an unattributed figure, and every one after the first a repeat.
    let paragraph = "The dispute affects about 2,300 drivers in the city.\n\n";
    let paragraphs = 6000;
    let text = paragraph.repeat(paragraphs);
    lsp.open(&uri, "markdown", 1, &text);
    let diagnostics = lsp.all_diagnostics(&uri, 1);
    assert_eq!(diagnostics.len(), 10_001);
    let (note, shown) = diagnostics.split_last().unwrap();
    assert!(
        shown
            .iter()
            .all(|d| d["code"] == "unattributed-figure" || d["code"] == "duplicate-paragraph"),
        "{:#?}",
        &shown[..3]
    );
    let total = 2 * paragraphs - 1;
    assert_eq!(note["code"], "omitted-findings");
    assert_eq!(note["severity"], 3);
    let message = note["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("the first 10000 of this draft's {total} findings")),
        "{message}"
    );
    assert!(
        message.contains(&format!("the other {} ", total - 10_000)),
        "{message}"
    );
    // The note sits where the first finding left out is: two findings a paragraph, the
    // first paragraph's one only, so the 10,001st finding is paragraph 5,001's figure.
    let figure = paragraph.find("2,300").unwrap();
    let first_left_out = 5000 * paragraph.len() + figure;
    assert_eq!(
        note["range"]["start"],
        position(&text, first_left_out, lsp.encoding)
    );
    lsp.log_message(3, "the first 10000 are shown as diagnostics");
    // The findings left out still have their quick fixes.
    let last = (paragraphs - 1) * paragraph.len();
    let range =
        json!({"start": position(&text, last, lsp.encoding), "end": position(&text, last + 5, lsp.encoding)});
    let actions = code_actions(&mut lsp, &uri, range, None);
    action_titled(&actions, "Delete this repeated paragraph");
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_draft_closed_and_opened_again_gets_only_its_new_diagnostics() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        env: vec![("COPYDESK_LOG", "copydesk=debug")],
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("d.md"));
    let paragraph = "The dispute affects about 2,300 drivers in the city of Dublin today.\n\n";
    let dense = paragraph.repeat(2_000_000 / paragraph.len());
    lsp.open(&uri, "markdown", 1, &dense);
    // While that text is being analysed, close it and open it again, at version 1 again.
    lsp.wait_for_stderr("analysing");
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    lsp.open(&uri, "markdown", 1, "Quiet.\n");
    let diagnostics = lsp.all_diagnostics(&uri, 1);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    // A request on the draft waits for its story's analyses: nothing else came for it.
    let hover = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    let for_it: Vec<&Publish> = lsp.publishes.iter().filter(|p| p.uri == uri).collect();
    assert!(
        for_it.iter().all(|publish| publish.count == 0),
        "the closed text's diagnostics were published: {for_it:?}"
    );
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_broken_copydesk_toml_keeps_its_error_when_it_is_closed() {
    let folder = tempfile::tempdir().unwrap();
    let config_path = folder.path().join("copydesk.toml");
    let bad = "[rules]\nunattributed-figure = \"loud\"\n";
    std::fs::write(&config_path, bad).unwrap();
    let config_uri = uri_of(&config_path);
    let mut lsp = Lsp::start(Start::default());
    let uri = uri_of(&folder.path().join("a.md"));
    lsp.open(&uri, "markdown", 1, FIGURE_DRAFT);
    lsp.diagnostics(&uri, 1);
    let has_error = |d: &[Value]| rules(d) == ["config"];
    lsp.diagnostics_where(&config_uri, "the config error", has_error);

    // Opened, saved and closed in the editor, still broken.
    lsp.open(&config_uri, "toml", 1, bad);
    lsp.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    lsp.diagnostics_where(&config_uri, "the config error after the save", has_error);
    lsp.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let after_close = lsp.wait_for("a publish for the closed copydesk.toml", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == config_uri.as_str()
    });
    assert_eq!(
        rules(&under_test(&after_close)),
        vec!["config"],
        "{after_close:#}"
    );
    // Nothing clears it afterwards either.
    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.styleSheet", "arguments": [uri]}),
    );
    assert!(response.get("error").is_none(), "{response}");
    let last = lsp
        .publishes
        .iter()
        .rev()
        .find(|publish| publish.uri == config_uri)
        .unwrap();
    assert_eq!(last.count, 1, "{:?}", lsp.publishes);
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn folder_stories_follow_saves_and_closes_without_file_watching() {
    let folder = tempfile::tempdir().unwrap();
    let side_path = folder.path().join("side.md");
    std::fs::write(
        &side_path,
        "Taras Kovalevskyi said the talks failed.\n\nKovalevskyi said more.\n",
    )
    .unwrap();
    // A client that registers no file watchers.
    let mut lsp = Lsp::start(Start {
        initialization_options: Some(json!({"story": "folder"})),
        ..Start::default()
    });
    let main = uri_of(&folder.path().join("main.md"));
    lsp.open(&main, "markdown", 1, "Kovalevsky said the strike would end.\n");
    assert_eq!(rules(&lsp.diagnostics(&main, 1)), vec!["name-consistency"]);

    // The side draft is opened, respelled, saved and closed: the story sees the saved file.
    let side = uri_of(&side_path);
    lsp.open(
        &side,
        "markdown",
        1,
        &std::fs::read_to_string(&side_path).unwrap(),
    );
    lsp.diagnostics(&side, 1);
    let respelled = "Taras Kovalevsky said the talks failed.\n\nKovalevsky said more.\n";
    lsp.change(&side, 2, json!([{"text": respelled}]));
    lsp.diagnostics_where(&main, "main cleared by the open side", |d| rules(d).is_empty());
    std::fs::write(&side_path, respelled).unwrap();
    lsp.notify("textDocument/didSave", json!({"textDocument": {"uri": side}}));
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": side}}));

    // A new draft, written in the editor and saved, joins the story when it is closed.
    let new_path = folder.path().join("new.md");
    let new = uri_of(&new_path);
    lsp.open(&new, "markdown", 1, "");
    let new_text = "Kovalevsky spoke last.\n";
    lsp.change(&new, 2, json!([{"text": new_text}]));
    std::fs::write(&new_path, new_text).unwrap();
    lsp.notify("textDocument/didSave", json!({"textDocument": {"uri": new}}));
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": new}}));

    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.styleSheet", "arguments": [main]}),
    );
    let sheet = &response["result"];
    let drafts: Vec<&str> = sheet["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        drafts,
        vec![main.as_str(), new.as_str(), side.as_str()],
        "{sheet:#}"
    );
    let name = sheet["names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|name| name["canonical"] == "Kovalevsky")
        .unwrap_or_else(|| panic!("Kovalevsky in {sheet:#}"));
    assert_eq!(
        name["spellings"],
        json!([{"text": "Kovalevsky", "count": 4}]),
        "{sheet:#}"
    );
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn log_events_reach_the_client_log_as_well_as_stderr() {
    let folder = tempfile::tempdir().unwrap();
    // stderr at warn: the client's log still gets info.
    let mut lsp = Lsp::start(Start {
        env: vec![("COPYDESK_LOG", "warn"), ("COPYDESK_LSP_DEBUG_COMMANDS", "1")],
        ..Start::default()
    });
    lsp.log_message(3, "language server started");

    let ghost = uri_of(&folder.path().join("ghost.md"));
    lsp.change(&ghost, 2, json!([{"text": "Boo."}]));
    lsp.log_message(2, "which is not open, was ignored");

    let uri = uri_of(&folder.path().join("clamped.md"));
    lsp.open(&uri, "markdown", 1, "Hello.\n");
    lsp.diagnostics(&uri, 1);
    lsp.change(
        &uri,
        2,
        json!([
            {"range": {"start": {"line": 99, "character": 0}, "end": {"line": 99, "character": 0}}, "text": "!"},
            {"range": {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 1}}, "text": ""},
        ]),
    );
    lsp.log_message(2, "outside the text or inside a character; clamped");
    lsp.log_message(2, "had its range inverted; swapped");

    let response = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.debug.panic"}),
    );
    assert_eq!(response["error"]["code"], -32603, "{response}");
    lsp.log_message(1, "panicked");

    // stderr has the warnings and errors, and not the info.
    let log = lsp.log();
    for needle in ["which is not open", "clamped", "inverted", "panicked"] {
        assert!(log.contains(needle), "{needle:?} on stderr:\n{log}");
    }
    assert!(!log.contains("language server started"), "{log}");
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn the_house_name_offered_is_the_fullest_mention_in_the_story() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    // notes.txt sorts first and names him by surname only; side.md has the full name.
    let notes = uri_of(&folder.path().join("notes.txt"));
    let side = uri_of(&folder.path().join("side.md"));
    lsp.open(&notes, "plaintext", 1, "Kovalevskyi again.\n");
    lsp.diagnostics(&notes, 1);
    let side_text = "Taras Kovalevskyi said the talks failed.\n\nKovalevsky said the strike would end.\n";
    lsp.open(&side, "markdown", 1, side_text);
    let diagnostics = lsp.diagnostics_where(&side, "the variant", |d| {
        rules(d).contains(&"name-consistency".to_string())
    });
    let variant = diagnostics
        .iter()
        .find(|d| d["code"] == "name-consistency")
        .unwrap();
    let actions = code_actions(&mut lsp, &side, variant["range"].clone(), None);
    let add = action_titled(&actions, "Add ‘");
    assert_eq!(
        add["title"], "Add ‘Taras Kovalevskyi’ to the house names",
        "{actions:#?}"
    );
    assert_eq!(add["command"]["arguments"][0]["name"], "Taras Kovalevskyi");
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

// The server's own reader (src/lsp/transport.rs): malformed bodies, bad frames, answers
// the protocol library would get wrong; and the server's state over long sessions.

impl Lsp {
    /// Writes bytes to the server's stdin as they are, framed or not.
    fn write_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    /// Sends a request without waiting for its answer; returns its id.
    fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Waits for the answer to request `id`.
    fn answer(&mut self, id: i64) -> Value {
        self.wait_for(&format!("the answer to request {id}"), |message| {
            message["id"] == id && message.get("method").is_none()
        })
    }

    /// Shuts down and exits like [`Lsp::shutdown_and_exit`], keeping what came.
    fn shutdown_keeping(&mut self) -> ExitStatus {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        self.collect_until(Instant::now() + Duration::from_millis(200));
        self.wait_exit()
    }

    /// Waits for an error answer with a null id (what a parse error gets).
    fn null_id_error(&mut self, what: &str) -> Value {
        self.wait_for(what, |message| {
            message.get("method").is_none() && message["id"].is_null() && message.get("error").is_some()
        })
    }
}

/// A request's bytes, framed.
fn framed(body: &[u8]) -> Vec<u8> {
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(body);
    frame
}

#[test]
fn malformed_bodies_are_answered_and_the_server_reads_on() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let uri = uri_of(&folder.path().join("latin.md"));
    // A byte that is not UTF-8 and a lone surrogate (half an emoji, as a UTF-16 editor
    // sends when an edit splits one) are read as U+FFFD, one UTF-16 unit each, as the
    // editor counts them: the draft stays in step.
    let mut latin1 = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{uri}","languageId":"markdown","version":1,"text":"caf"#
    )
    .into_bytes();
    latin1.push(0xE9);
    latin1.extend_from_slice(br#" au lait"}}}"#);
    lsp.write_frame(&latin1);
    let surrogate = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{uri}","version":2}},"contentChanges":[{{"text":"a \ud83d b"}}]}}}}"#
    )
    .into_bytes();
    lsp.write_frame(&surrogate);
    let mut unknown_field =
        br#"{"jsonrpc":"2.0","id":901,"method":"copydesk/noSuchMethod","x-note":""#.to_vec();
    unknown_field.push(0xFF);
    unknown_field.extend_from_slice(br#""}"#);
    lsp.write_frame(&unknown_field);
    assert_eq!(
        lsp.answer(901)["error"]["code"],
        -32601,
        "a bad byte in an unknown field"
    );
    // The server's text is "a \u{fffd} b": the U+FFFD (character 2) becomes "the the".
    // Out of step (the change refused, the text still "caf… au lait"), the same edit
    // would give "cathe the…" and no repeated word.
    lsp.change(
        &uri,
        3,
        json!([{"range": {"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 3}}, "text": "the the"}]),
    );
    assert_eq!(rules(&lsp.all_diagnostics(&uri, 3)), vec!["repeated-word"]);

    // What cannot be read at all is answered with a parse error.
    let out_of_range =
        br#"{"jsonrpc":"2.0","id":902,"method":"textDocument/hover","params":{"weight":1e400}}"#.to_vec();
    let deep = format!(
        r#"{{"jsonrpc":"2.0","method":"copydesk/deep","params":{}{}}}"#,
        "[".repeat(129),
        "]".repeat(129)
    )
    .into_bytes();
    for (what, body) in [
        ("a number out of range", out_of_range),
        ("params nested 129 deep", deep),
    ] {
        lsp.write_frame(&body);
        let error = lsp.null_id_error(what);
        assert_eq!(error["error"]["code"], -32700, "{what}: {error}");
    }
    // Nesting the parser takes is forwarded, not refused: a request nested 100 deep is
    // answered by the server proper (an unknown method), with its id.
    let nested = format!(
        r#"{{"jsonrpc":"2.0","id":903,"method":"copydesk/nested","params":{}{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    lsp.write_frame(nested.as_bytes());
    assert_eq!(lsp.answer(903)["error"]["code"], -32601);
    // Still reading.
    let other = uri_of(&folder.path().join("figure.md"));
    lsp.open(&other, "markdown", 1, FIGURE_DRAFT);
    assert_eq!(rules(&lsp.diagnostics(&other, 1)), vec!["unattributed-figure"]);
    assert_eq!(lsp.shutdown_keeping().code(), Some(0));
    // One answer each, nothing more.
    let extra: Vec<&Value> = lsp
        .backlog
        .iter()
        .filter(|m| m.get("method").is_none() && m["id"].is_null())
        .collect();
    assert!(extra.is_empty(), "{extra:#?}");
}

#[test]
fn after_a_bad_frame_the_reader_finds_the_next_header() {
    let mut lsp = Lsp::start(Start::default());
    let request = |id: i64| {
        serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "method": "copydesk/noSuchMethod"})).unwrap()
    };
    // A length 8 too short: the body is cut, a parse error; the 8 bytes left are skipped.
    let body = request(1001);
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len() - 8).into_bytes();
    bytes.extend_from_slice(&body);
    bytes.extend(framed(&request(1002)));
    lsp.write_raw(&bytes);
    assert_eq!(
        lsp.null_id_error("the short frame's parse error")["error"]["code"],
        -32700
    );
    assert_eq!(lsp.answer(1002)["error"]["code"], -32601);

    // A length 30 too long: the body runs into the next frame's header, where it is cut;
    // both requests are answered.
    let body = request(1003);
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len() + 30).into_bytes();
    bytes.extend_from_slice(&body);
    bytes.extend(framed(&request(1004)));
    lsp.write_raw(&bytes);
    assert_eq!(lsp.answer(1003)["error"]["code"], -32601);
    assert_eq!(lsp.answer(1004)["error"]["code"], -32601);

    // A body with no header: skipped up to the next header, one parse error.
    let mut bytes = request(1005);
    bytes.extend(framed(&request(1006)));
    lsp.write_raw(&bytes);
    assert_eq!(
        lsp.null_id_error("the headerless body's parse error")["error"]["code"],
        -32700
    );
    assert_eq!(lsp.answer(1006)["error"]["code"], -32601);

    // Fifty more requests, all answered with their own ids; shutdown too.
    let ids: Vec<i64> = (0..50)
        .map(|_| lsp.send_request("copydesk/noSuchMethod", json!({})))
        .collect();
    for id in ids {
        assert_eq!(lsp.answer(id)["error"]["code"], -32601);
    }
    assert_eq!(lsp.shutdown_keeping().code(), Some(0));
    // The bad frames got one answer each, and the cut and skipped requests none.
    let stray: Vec<&Value> = lsp
        .backlog
        .iter()
        .filter(|m| m.get("method").is_none() && (m["id"].is_null() || m["id"] == 1001 || m["id"] == 1005))
        .collect();
    assert!(stray.is_empty(), "{stray:#?}");
}

#[test]
fn answers_the_library_would_get_wrong() {
    let mut lsp = Lsp::spawn(&["lsp"], &[]);
    // Before initialize: a body that is not JSON is a parse error, not "not initialized".
    lsp.write_frame(b"{not json");
    assert_eq!(
        lsp.null_id_error("the parse error before initialize")["error"]["code"],
        -32700
    );
    let id = lsp.send_request("$/setTrace", json!({"value": "off"}));
    assert_eq!(lsp.answer(id)["error"]["code"], -32002);
    let id = lsp.send_request("initialize", json!({"capabilities": {}}));
    assert!(lsp.answer(id)["result"]["capabilities"].is_object());
    lsp.notify("initialized", json!({}));
    // A `$/` request the server does not know gets MethodNotFound (the library drops it).
    let response = lsp.request("$/setTrace", json!({"value": "off"}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    let response = lsp.request("$/copydesk/unknown", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    // A `$/` notification is ignored, and a cancel for nothing is harmless.
    lsp.notify("$/setTrace", json!({"value": "off"}));
    lsp.notify("$/cancelRequest", json!({"id": 4242}));
    let response = lsp.request("shutdown", Value::Null);
    assert!(response.get("error").is_none(), "{response}");
    // After shutdown, every request is an invalid request, known method or not.
    for method in ["copydesk/noSuchMethod", "textDocument/hover", "$/setTrace"] {
        let response = lsp.request(method, json!({}));
        assert_eq!(response["error"]["code"], -32600, "{method}: {response}");
    }
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit().code(), Some(0));
}

#[test]
fn a_document_closed_at_once_never_gets_diagnostics_after_its_empty_set() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let uris: Vec<String> = (0..3_000)
        .map(|index| uri_of(&folder.path().join(format!("s{index}/d.md"))))
        .collect();
    for uri in &uris {
        lsp.open(uri, "markdown", 1, FIGURE_DRAFT);
        lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    }
    // A last draft, opened and kept: once its diagnostics are in and a request has been
    // answered after them, the analyses before it have had their turn.
    let last = uri_of(&folder.path().join("last/d.md"));
    lsp.open(&last, "markdown", 1, FIGURE_DRAFT);
    lsp.diagnostics(&last, 1);
    lsp.request("copydesk/noSuchMethod", json!({}));
    lsp.collect_until(Instant::now() + Duration::from_millis(500));
    for uri in &uris {
        let for_it: Vec<&Publish> = lsp.publishes.iter().filter(|p| &p.uri == uri).collect();
        let last_word = for_it.last().expect("a close publishes the empty set");
        assert!(
            last_word.count == 0 && last_word.version.is_none(),
            "{uri} got diagnostics after it was closed: {for_it:?}"
        );
    }
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

#[test]
fn requests_queued_on_a_big_draft_hold_up_no_other_draft_and_can_be_cancelled() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start::default());
    let small = uri_of(&folder.path().join("small/small.md"));
    lsp.open(&small, "markdown", 1, FIGURE_DRAFT);
    lsp.diagnostics(&small, 1);

    let big = uri_of(&folder.path().join("big/big.md"));
    let line = "The council met on Tuesday and talked about the bus lanes for a long time.\n";
    let big_text = format!(
        "The dispute affects about 2,300 drivers.\n\n{}",
        line.repeat(10_000_000 / line.len())
    );
    lsp.open(&big, "markdown", 1, &big_text);
    // Forty-eight requests on the big draft, each waiting for its analysis.
    let at = json!({"line": 0, "character": 28});
    let mut queued = Vec::new();
    for index in 0..48 {
        let id = if index % 2 == 0 {
            lsp.send_request(
                "textDocument/hover",
                json!({"textDocument": {"uri": big}, "position": at}),
            )
        } else {
            lsp.send_request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": big}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}),
            )
        };
        queued.push(id);
    }
    // The last sixteen are cancelled: each is answered as cancelled.
    for &id in &queued[32..] {
        lsp.notify("$/cancelRequest", json!({"id": id}));
    }
    for &id in &queued[32..] {
        let answer = lsp.answer(id);
        assert_eq!(answer["error"]["code"], -32800, "{answer}");
    }
    // An edit and a request on the small draft are served meanwhile.
    lsp.change(
        &small,
        2,
        json!([{"text": "The strike closed 41 schools.\n\nThe fund lost 650 members.\n"}]),
    );
    assert_eq!(
        rules(&lsp.diagnostics(&small, 2)),
        vec!["unattributed-figure", "unattributed-figure"]
    );
    let hover = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": small}, "position": {"line": 0, "character": 20}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    // All of that while the big draft was still being analysed: none of its requests
    // had been answered, nor its diagnostics published.
    let answered_early: Vec<&Value> = lsp
        .backlog
        .iter()
        .filter(|m| {
            m.get("method").is_none() && m["id"].as_i64().is_some_and(|id| queued[..32].contains(&id))
        })
        .collect();
    assert!(
        answered_early.is_empty(),
        "the big draft was done first: {answered_early:#?}"
    );
    assert!(!lsp.publishes.iter().any(|publish| publish.uri == big));
    // Then every request left is answered, once.
    for &id in &queued[..32] {
        let answer = lsp.answer(id);
        assert!(answer.get("error").is_none(), "{answer}");
    }
    assert_eq!(lsp.shutdown_keeping().code(), Some(0));
    assert!(
        !lsp.backlog
            .iter()
            .any(|m| m.get("method").is_none() && m["id"].as_i64().is_some_and(|id| queued.contains(&id))),
        "a request was answered twice"
    );
}

#[test]
fn a_story_is_forgotten_when_its_last_draft_closes() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        env: vec![("COPYDESK_LSP_DEBUG_COMMANDS", "1")],
        ..Start::default()
    });
    // Folder stories, each with a configuration file and an unopened draft on disk.
    let mut uris = Vec::new();
    for index in 0..300 {
        let story = folder.path().join(format!("story{index}"));
        std::fs::create_dir_all(&story).unwrap();
        std::fs::write(story.join("copydesk.toml"), "story = \"folder\"\n").unwrap();
        std::fs::write(story.join("other.md"), FIGURE_DRAFT).unwrap();
        uris.push(uri_of(&story.join("draft.md")));
    }
    let held = |lsp: &mut Lsp| {
        lsp.request(
            "workspace/executeCommand",
            json!({"command": "copydesk.debug.held"}),
        )["result"]
            .clone()
    };
    for uri in &uris {
        lsp.open(uri, "markdown", 1, FIGURE_DRAFT);
    }
    for uri in &uris {
        lsp.diagnostics(uri, 1);
    }
    let open = held(&mut lsp);
    assert_eq!(open["stories"], 300, "{open}");
    assert_eq!(open["foldersRead"], 300, "{open}");
    assert_eq!(open["configFolders"], 300, "{open}");
    for uri in &uris {
        lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    }
    // Each close clears its draft's diagnostics, the last thing it does.
    for uri in &uris {
        lsp.wait_for("the diagnostics cleared", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri.as_str()
                && m["params"]["diagnostics"].as_array().is_some_and(Vec::is_empty)
        });
    }
    let closed = held(&mut lsp);
    assert_eq!(
        closed,
        json!({"documents": 0, "stories": 0, "foldersRead": 0, "published": 0, "configFolders": 0, "configFiles": 0}),
    );
    // Opened again, a story is read again from disk, its unopened draft included.
    lsp.open(&uris[7], "markdown", 2, "Quiet.\n");
    lsp.diagnostics(&uris[7], 2);
    let story = held(&mut lsp);
    assert_eq!(story["stories"], 1, "{story}");
    assert_eq!(story["foldersRead"], 1, "{story}");
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

/// A well-formed message of the fuzz test below.
#[derive(Debug, Clone)]
enum Base {
    Open(u8, String),
    Change(u8, String),
    Close(u8),
    Hover(u8, u32, u32),
    Actions(u8),
    Unknown,
}

/// One frame of the fuzz test: a well-formed message, or a broken one.
#[derive(Debug, Clone)]
enum Step {
    Valid(Base),
    /// Random bytes, framed.
    Bytes(Vec<u8>),
    /// A message with one byte changed.
    Flip(Base, usize, u8),
    /// A message cut short, framed at its new length.
    Truncated(Base, usize),
    /// A message whose length says fewer bytes than it has.
    Short(Base, usize),
    /// A message whose length says more bytes than it has (a well-formed message follows).
    Long(Base, usize),
    /// A message with no header.
    Headerless(Base),
    /// A header that is no length.
    BadHeader,
}

fn fuzz_uri(document: u8) -> String {
    format!("file:///tmp/copydesk-fuzz/story{}/d{document}.md", document % 2)
}

/// The body of a well-formed message, with `id` for a request.
fn base_body(base: &Base, id: Value) -> Vec<u8> {
    let message = match base {
        Base::Open(document, text) => json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": fuzz_uri(*document), "languageId": "markdown", "version": 1, "text": text}}}),
        Base::Change(document, text) => {
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": fuzz_uri(*document), "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 3}, "end": {"line": 1, "character": 0}}, "text": text}]}})
        }
        Base::Close(document) => json!({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {
            "textDocument": {"uri": fuzz_uri(*document)}}}),
        Base::Hover(document, line, character) => {
            json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": fuzz_uri(*document)}, "position": {"line": line, "character": character}}})
        }
        Base::Actions(document) => {
            json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": fuzz_uri(*document)},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}},
            "context": {"diagnostics": []}}})
        }
        Base::Unknown => json!({"jsonrpc": "2.0", "id": id, "method": "copydesk/noSuchMethod", "params": {}}),
    };
    serde_json::to_vec(&message).unwrap()
}

fn base_strategy() -> impl proptest::strategy::Strategy<Value = Base> {
    use proptest::prelude::*;
    let text = prop::sample::select(vec![
        "",
        "Kovalevsky said so.\n",
        "The dispute affects about 2,300 drivers.\n",
        "😀 e\u{301}\r\n",
        "\n\n\n",
        NAMES_DRAFT,
    ])
    .prop_map(str::to_string);
    prop_oneof![
        (0u8..4, text.clone()).prop_map(|(d, t)| Base::Open(d, t)),
        (0u8..4, text).prop_map(|(d, t)| Base::Change(d, t)),
        (0u8..4).prop_map(Base::Close),
        (0u8..4, 0u32..4, 0u32..40).prop_map(|(d, l, c)| Base::Hover(d, l, c)),
        (0u8..4).prop_map(Base::Actions),
        Just(Base::Unknown),
    ]
}

fn step_strategy() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        6 => base_strategy().prop_map(Step::Valid),
        1 => prop::collection::vec(any::<u8>(), 0..48).prop_map(Step::Bytes),
        2 => (base_strategy(), any::<usize>(), 1u8..=255).prop_map(|(b, at, x)| Step::Flip(b, at, x)),
        1 => (base_strategy(), any::<usize>()).prop_map(|(b, at)| Step::Truncated(b, at)),
        1 => (base_strategy(), 1usize..40).prop_map(|(b, k)| Step::Short(b, k)),
        1 => (base_strategy(), 1usize..200).prop_map(|(b, k)| Step::Long(b, k)),
        1 => base_strategy().prop_map(Step::Headerless),
        1 => Just(Step::BadHeader),
    ]
}

/// Runs a sequence of frames against the server: it must not exit, must answer every
/// well-formed request exactly once, and must still answer shutdown at the end.
fn run_fuzz_case(steps: &[Step]) {
    let mut lsp = Lsp::start(Start::default());
    let mut expected: Vec<String> = Vec::new();
    let mut bytes = Vec::new();
    let intact = |base: &Base, bytes: &mut Vec<u8>, expected: &mut Vec<String>| {
        let id = format!("ok-{}", expected.len());
        let body = base_body(base, json!(id));
        if serde_json::from_slice::<Value>(&body)
            .unwrap()
            .get("id")
            .is_some()
        {
            expected.push(id);
        }
        bytes.extend(framed(&body));
    };
    for (broken_id, step) in (1_000_001i64..).zip(steps) {
        let broken = |base: &Base| base_body(base, json!(broken_id));
        match step {
            Step::Valid(base) => intact(base, &mut bytes, &mut expected),
            Step::Bytes(random) => bytes.extend(framed(random)),
            Step::Flip(base, at, xor) => {
                let mut body = broken(base);
                let at = at % body.len();
                body[at] ^= xor;
                bytes.extend(framed(&body));
            }
            Step::Truncated(base, at) => {
                let body = broken(base);
                bytes.extend(framed(&body[..at % body.len()]));
            }
            Step::Short(base, k) => {
                let body = broken(base);
                let k = (*k).min(body.len() - 1);
                bytes.extend(format!("Content-Length: {}\r\n\r\n", body.len() - k).into_bytes());
                bytes.extend(&body);
            }
            Step::Long(base, k) => {
                let body = broken(base);
                bytes.extend(format!("Content-Length: {}\r\n\r\n", body.len() + k).into_bytes());
                bytes.extend(&body);
                intact(&Base::Unknown, &mut bytes, &mut expected);
            }
            Step::Headerless(base) => bytes.extend(broken(base)),
            Step::BadHeader => bytes.extend(b"Content-Length: lots\r\n\r\n"),
        }
    }
    lsp.write_raw(&bytes);
    for id in &expected {
        let id = id.clone();
        lsp.wait_for(&format!("the answer to {id}"), |m| {
            m["id"] == id.as_str() && m.get("method").is_none()
        });
    }
    assert_eq!(lsp.shutdown_keeping().code(), Some(0), "{steps:#?}");
    let twice: Vec<&Value> = lsp
        .backlog
        .iter()
        .filter(|m| m.get("method").is_none() && m["id"].as_str().is_some_and(|id| id.starts_with("ok-")))
        .collect();
    assert!(twice.is_empty(), "answered twice: {twice:#?} for {steps:#?}");
}

#[test]
fn the_reader_survives_random_and_mutated_frames() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    // A fixed seed and a bounded number of cases, so `cargo test` runs the same frames
    // every time (set PROPTEST_CASES for more).
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(24);
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[14; 32]),
    );
    runner
        .run(&prop::collection::vec(step_strategy(), 1..=80), |steps| {
            run_fuzz_case(&steps);
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_story_wide_name_fix_is_built_when_it_is_picked() {
    let folder = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(Start {
        resolve_code_actions: true,
        ..Start::default()
    });
    let uri = uri_of(&folder.path().join("names.md"));
    // 4,000 one-word lines: three in four the canonical spelling, one in four a variant.
    let text: String = (0..4_000)
        .map(|line| ["Kowalski\n", "Kowalsky\n", "Kowalski\n", "Kowalski\n"][line % 4])
        .collect();
    lsp.open(&uri, "markdown", 1, &text);
    lsp.all_diagnostics(&uri, 1);
    let on_variant = json!({"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 3}});
    let actions = code_actions(&mut lsp, &uri, on_variant, None);
    // The one-mention fix comes with its edit; the story-wide one without, to be resolved.
    let replace = action_titled(&actions, "Replace with ‘Kowalski’");
    assert_eq!(edits_for(&replace["edit"], &uri).0.len(), 1, "{replace:#}");
    let everywhere = action_titled(&actions, "Use ‘Kowalski’ everywhere in this story").clone();
    assert!(everywhere.get("edit").is_none(), "{everywhere:#}");
    let resolved = lsp.request("codeAction/resolve", everywhere.clone());
    let (edits, version) = edits_for(&resolved["result"]["edit"], &uri);
    assert_eq!(version, Some(1));
    assert_eq!(edits.len(), 1_000, "one edit per variant mention");
    assert_eq!(
        apply_text_edits(&text, &edits, lsp.encoding),
        "Kowalski\n".repeat(4_000)
    );
    // Once the draft has changed, the action is out of date.
    lsp.change(&uri, 2, json!([{"text": "Quiet.\n"}]));
    lsp.all_diagnostics(&uri, 2);
    let stale = lsp.request("codeAction/resolve", everywhere);
    assert_eq!(stale["error"]["code"], -32801, "{stale}");
    // An action that needs no resolving comes back as it was.
    let same = lsp.request("codeAction/resolve", replace.clone());
    assert_eq!(&same["result"], replace);
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}

/// A rewrite opened in the editor beside the wire story it follows (unopened, on disk, in a
/// folder story): each restated paragraph is a diagnostic whose related information points
/// at the wire story's paragraph, and the note says how much of the draft restates it.
#[test]
fn a_rewrite_beside_its_wire_story_shows_each_restated_paragraph() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("copydesk.toml"), "story = \"folder\"\n").unwrap();
    let wire_path = folder.path().join("a-wire.md");
    std::fs::write(
        &wire_path,
        include_str!("../examples/drafts/rewrite/a-wire-bridge.md"),
    )
    .unwrap();
    let mut lsp = Lsp::start(Start {
        root: Some(folder.path().to_path_buf()),
        ..Start::default()
    });
    let rewrite = uri_of(&folder.path().join("b-rewrite.md"));
    lsp.open(
        &rewrite,
        "markdown",
        1,
        include_str!("../examples/drafts/rewrite/b-bridge-rewrite.md"),
    );
    // The story's unopened draft is read from disk; the diagnostics after it count.
    let diagnostics = lsp.diagnostics_where(&rewrite, "the wire story read", |d| {
        rules(d).iter().any(|rule| rule == "restated-paragraph")
    });
    let restated: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "restated-paragraph")
        .collect();
    let warnings: Vec<&&Value> = restated.iter().filter(|d| d["severity"] == 2).collect();
    assert_eq!(warnings.len(), 5, "{restated:#?}");
    for warning in &warnings {
        let location = &warning["relatedInformation"][0]["location"];
        assert_eq!(location["uri"], uri_of(&wire_path).as_str());
    }
    // The wire story's paragraphs start on lines 2, 5, 9, 12 and 16 (0-based).
    let lines: Vec<u64> = warnings
        .iter()
        .map(|w| {
            w["relatedInformation"][0]["location"]["range"]["start"]["line"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(lines, [2, 5, 9, 12, 16]);
    let notes: Vec<&&Value> = restated.iter().filter(|d| d["severity"] == 3).collect();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("5 of 5 paragraphs"),
        "{}",
        notes[0]["message"]
    );
    assert_eq!(lsp.shutdown_and_exit().code(), Some(0));
}
