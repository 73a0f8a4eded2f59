//! The `LanguageServer` implementation: a thin layer that hands each message to the
//! server's state and converts the answer. Every handler runs under a guard that turns a
//! panic into a logged error (and an error response for requests), so one bad message
//! never takes the server down.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use tokio::sync::Notify;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, CodeActionResponse,
    DiagnosticOptions, DiagnosticServerCapabilities, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, DocumentDiagnosticParams, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, ExecuteCommandOptions, ExecuteCommandParams, FileChangeType, FileEvent,
    FullDocumentDiagnosticReport, Hover, HoverParams, HoverProviderCapability, InitializeParams,
    InitializeResult, InitializedParams, LSPAny, RelatedFullDocumentDiagnosticReport, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use tower_lsp_server::{Client, LanguageServer};

use super::code_actions::{
    CodeActionRequest, FIX_ALL_KIND, REMOVE_FURNITURE_KIND, code_actions, resolve_edit, resolve_key,
};
use super::commands;
use super::documents::file_path;
use super::state::State;

/// The language server.
pub struct Backend {
    state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client, client_gone: Arc<Notify>) -> Backend {
        Backend {
            state: Arc::new(State::new(client, client_gone)),
        }
    }

    /// The server's state (for the binary's exit code and for tests).
    pub fn state(&self) -> &Arc<State> {
        &self.state
    }

    /// The server's current text of an open document.
    pub fn document_text(&self, uri: &Uri) -> Option<String> {
        self.state
            .documents
            .text(uri)
            .map(|(text, _)| text.as_str().to_string())
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| text.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic with no message".to_string())
}

/// Runs a handler, turning a panic into a logged error and `fallback`.
async fn guard<T>(handler: &str, future: impl Future<Output = T>, fallback: impl FnOnce() -> T) -> T {
    match AssertUnwindSafe(future).catch_unwind().await {
        Ok(value) => value,
        Err(payload) => {
            tracing::error!(
                "the {handler} handler panicked ({}); the server carries on",
                panic_message(payload.as_ref())
            );
            fallback()
        }
    }
}

fn internal_error<T>() -> Result<T> {
    Err(Error::internal_error())
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        guard(
            "initialize",
            async {
                let position_encoding = self.state.initialize(&params);
                Ok(InitializeResult {
                    capabilities: ServerCapabilities {
                        position_encoding: Some(position_encoding),
                        text_document_sync: Some(TextDocumentSyncCapability::Options(
                            TextDocumentSyncOptions {
                                open_close: Some(true),
                                change: Some(TextDocumentSyncKind::INCREMENTAL),
                                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                                    include_text: Some(false),
                                })),
                                ..TextDocumentSyncOptions::default()
                            },
                        )),
                        code_action_provider: Some(CodeActionProviderCapability::Options(
                            CodeActionOptions {
                                code_action_kinds: Some(vec![
                                    tower_lsp_server::ls_types::CodeActionKind::QUICKFIX,
                                    FIX_ALL_KIND,
                                    REMOVE_FURNITURE_KIND,
                                ]),
                                // Large story-wide edits are resolved when picked.
                                resolve_provider: Some(true),
                                ..CodeActionOptions::default()
                            },
                        )),
                        execute_command_provider: Some(ExecuteCommandOptions {
                            commands: commands::advertised(),
                            ..ExecuteCommandOptions::default()
                        }),
                        hover_provider: Some(HoverProviderCapability::Simple(true)),
                        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
                            identifier: Some("copydesk".to_string()),
                            inter_file_dependencies: true,
                            workspace_diagnostics: false,
                            ..DiagnosticOptions::default()
                        })),
                        ..ServerCapabilities::default()
                    },
                    server_info: Some(ServerInfo {
                        name: "copydesk".to_string(),
                        version: Some(env!("CARGO_PKG_VERSION").to_string()),
                    }),
                    offset_encoding: None,
                })
            },
            internal_error,
        )
        .await
    }

    async fn initialized(&self, _: InitializedParams) {
        guard("initialized", self.state.initialized(), || ()).await
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.request_shutdown();
        tracing::info!("shutdown requested");
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        guard(
            "didOpen",
            async {
                let document = params.text_document;
                self.state.documents.open(
                    document.uri.clone(),
                    &document.language_id,
                    document.version,
                    &document.text,
                );
                if let Some((key, true)) = self.state.story_of(&document.uri)
                    && !self.state.facts().pull_diagnostics
                {
                    self.state.schedule(key, Duration::ZERO);
                }
            },
            || (),
        )
        .await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // The edit is applied before the first await, so changes apply in arrival order.
        guard(
            "didChange",
            async {
                let uri = params.text_document.uri;
                let encoding = self.state.encoding();
                match self.state.documents.change(
                    &uri,
                    params.text_document.version,
                    &params.content_changes,
                    encoding,
                ) {
                    Ok(notes) => {
                        self.state.note_change(&uri, &notes);
                        if let Some((key, true)) = self.state.story_of(&uri)
                            && !self.state.facts().pull_diagnostics
                        {
                            self.state.schedule_debounced(key);
                        }
                    }
                    Err(_) => tracing::warn!("a change to {}, which is not open, was ignored", uri.as_str()),
                }
            },
            || (),
        )
        .await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        guard(
            "didSave",
            async {
                // A saved copydesk.toml is a changed configuration, watched or not; a saved
                // draft is what its folder story will see of it once it is closed.
                let uri = params.text_document.uri;
                if file_path(&uri).is_some_and(|path| super::documents::is_config_file(&path)) {
                    self.state
                        .files_changed(vec![FileEvent {
                            uri,
                            typ: FileChangeType::CHANGED,
                        }])
                        .await;
                } else {
                    self.state.reread_draft(&uri);
                }
            },
            || (),
        )
        .await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        guard(
            "didClose",
            async {
                let uri = params.text_document.uri;
                let story = self.state.story_of(&uri);
                if !self.state.documents.close(&uri) {
                    tracing::warn!("{} was closed but never opened", uri.as_str());
                    return;
                }
                // Before the first await, like the close itself: the story sees the draft's
                // file from now on (in a folder story).
                self.state.reread_draft(&uri);
                // The story's other open drafts are analysed again; a story with none left
                // is forgotten (before the first await too).
                if let Some((key, true)) = story {
                    if self.state.story_is_open(&key) {
                        self.state.schedule(key, Duration::ZERO);
                    } else {
                        self.state.forget_story(&key);
                    }
                }
                self.state.forget_document(&uri).await;
            },
            || (),
        )
        .await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        guard(
            "didChangeConfiguration",
            async {
                let empty = params.settings.is_null()
                    || params
                        .settings
                        .as_object()
                        .is_some_and(|settings| settings.is_empty());
                if empty {
                    if self.state.facts().configuration {
                        self.state.fetch_settings();
                    }
                } else {
                    self.state.apply_settings(&params.settings).await;
                }
            },
            || (),
        )
        .await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        guard(
            "didChangeWatchedFiles",
            self.state.files_changed(params.changes),
            || (),
        )
        .await
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        guard(
            "textDocument/diagnostic",
            async {
                let uri = params.text_document.uri;
                let mut items = Vec::new();
                if let Some((key, true)) = self.state.story_of(&uri) {
                    let Some((analysis, index)) = self.state.wait_for_analysis(key, &uri, true).await else {
                        return Err(Error::content_modified());
                    };
                    items = analysis.diagnostics.get(index).cloned().unwrap_or_default();
                }
                Ok(DocumentDiagnosticReportResult::Report(
                    DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                        related_documents: None,
                        full_document_diagnostic_report: FullDocumentDiagnosticReport {
                            result_id: None,
                            items,
                        },
                    }),
                ))
            },
            internal_error,
        )
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        guard(
            "textDocument/codeAction",
            async {
                let uri = params.text_document.uri;
                let Some((key, true)) = self.state.story_of(&uri) else {
                    return Ok(None);
                };
                let Some((analysis, draft)) = self.state.wait_for_analysis(key, &uri, false).await else {
                    return Err(Error::content_modified());
                };
                let facts = self.state.facts();
                let (document_changes, resolve_edits) = (facts.document_changes, facts.resolve_edits);
                let range = params.range;
                let only = params.context.only;
                // Building the style sheet (for house names) parses the story: off the runtime.
                let actions = tokio::task::spawn_blocking(move || {
                    let Some(text) = analysis.indexed(draft) else {
                        return Vec::new();
                    };
                    let request = CodeActionRequest {
                        draft,
                        range: text.byte_range(range, analysis.encoding),
                        only: only.as_deref(),
                        document_changes,
                        resolve_edits,
                    };
                    code_actions(&analysis, &request)
                })
                .await
                .map_err(|_| Error::internal_error())?;
                Ok(Some(actions))
            },
            internal_error,
        )
        .await
    }

    async fn code_action_resolve(&self, mut action: CodeAction) -> Result<CodeAction> {
        guard(
            "codeAction/resolve",
            async {
                // Only the actions left for resolving have anything to add.
                let Some(key) = resolve_key(&action) else {
                    return Ok(action);
                };
                let Some((story, true)) = self.state.story_of(&key.uri) else {
                    return Err(Error::content_modified());
                };
                let Some((analysis, draft)) = self.state.wait_for_analysis(story, &key.uri, false).await
                else {
                    return Err(Error::content_modified());
                };
                if analysis.drafts.get(draft).and_then(|draft| draft.version) != key.version {
                    return Err(Error::content_modified());
                }
                let document_changes = self.state.facts().document_changes;
                let edit = tokio::task::spawn_blocking(move || {
                    resolve_edit(&analysis, draft, &key, document_changes)
                })
                .await
                .map_err(|_| Error::internal_error())?;
                let Some(edit) = edit else {
                    return Err(Error::content_modified());
                };
                action.edit = Some(edit);
                Ok(action)
            },
            internal_error,
        )
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        guard(
            "textDocument/hover",
            async {
                let uri = params.text_document_position_params.text_document.uri;
                let position = params.text_document_position_params.position;
                let Some((key, true)) = self.state.story_of(&uri) else {
                    return Ok(None);
                };
                let Some((analysis, draft)) = self.state.wait_for_analysis(key, &uri, false).await else {
                    return Ok(None);
                };
                tokio::task::spawn_blocking(move || {
                    let text = analysis.indexed(draft)?;
                    let offset = text.offset(position, analysis.encoding);
                    super::hover::hover(&analysis, draft, offset)
                })
                .await
                .map_err(|_| Error::internal_error())
            },
            internal_error,
        )
        .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        guard(
            "workspace/executeCommand",
            commands::execute(&self.state, &params.command, &params.arguments),
            internal_error,
        )
        .await
    }
}
