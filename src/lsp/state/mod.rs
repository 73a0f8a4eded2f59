//! What the server knows and does between requests: open documents, stories, their
//! latest analyses, configurations, and what has been published.
//!
//! [`State`] is shared by every handler. Its work is in three parts, each a file:
//! - `workspace.rs`: which drafts form a story (the open drafts of a folder, and with
//!   `story = "folder"` its unopened drafts, read from disk), and file events;
//! - `scheduling.rs`: when a story is analysed (after a quiet period, one analysis at a time
//!   per story, a newer change superseding a waiting one), on a blocking thread;
//! - `publishing.rs`: which diagnostics reach the client (only for the text they were
//!   computed from, only when they changed), and configuration errors.
//!
//! `mod.rs` holds the state itself and the session: `initialize`, the client's
//! capabilities, its settings and messages for the user.

mod publishing;
mod scheduling;
mod workspace;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::Notify;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{
    ConfigurationItem, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    InitializeParams, MessageType, PositionEncodingKind, Registration, Uri,
};

pub use scheduling::StoryKey;

use super::config_store::ConfigStore;
use super::documents::{ChangeNote, Documents, file_path};
use super::to_proto;
use crate::text::PositionEncoding;
use publishing::Publisher;
use scheduling::Scheduler;
use workspace::Workspace;

/// What the client said it can do, from `initialize`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientFacts {
    /// The client pulls diagnostics (`textDocument/diagnostic`), so the server does not
    /// push them.
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub watched_files_registration: bool,
    pub document_changes: bool,
    /// The client resolves a code action's edit with `codeAction/resolve`, so large
    /// edits are sent only for the action the writer picks.
    pub resolve_edits: bool,
    pub create_files: bool,
    pub configuration: bool,
}

/// The server's state, shared by every handler.
pub struct State {
    pub client: Client,
    pub documents: Documents,
    pub configs: ConfigStore,
    /// Each story's scheduling state and latest analysis (`scheduling.rs`).
    scheduler: Scheduler,
    /// What has been published (`publishing.rs`).
    publisher: Publisher,
    /// Workspace folders and unopened drafts (`workspace.rs`).
    workspace: Workspace,
    encoding: AtomicU8,
    facts: RwLock<ClientFacts>,
    /// Messages for the user that arrived before the client could take them.
    pending_messages: std::sync::Mutex<Vec<(MessageType, String)>>,
    shutdown_requested: AtomicBool,
    /// Notified once `initialize` has arrived (the client's log may be written from then).
    initialize_seen: Notify,
    /// Notified when the client process (initialize's `processId`) has gone.
    pub client_gone: Arc<Notify>,
}

const ENCODING_UTF16: u8 = 0;
const ENCODING_UTF8: u8 = 1;

/// How often the server looks for the client process.
const CLIENT_PROCESS_POLL: Duration = Duration::from_secs(1);

impl State {
    pub fn new(client: Client, client_gone: Arc<Notify>) -> State {
        State {
            client,
            documents: Documents::new(),
            configs: ConfigStore::new(),
            scheduler: Scheduler::default(),
            publisher: Publisher::default(),
            workspace: Workspace::default(),
            encoding: AtomicU8::new(ENCODING_UTF16),
            facts: RwLock::new(ClientFacts::default()),
            pending_messages: std::sync::Mutex::new(Vec::new()),
            shutdown_requested: AtomicBool::new(false),
            initialize_seen: Notify::new(),
            client_gone,
        }
    }

    pub fn encoding(&self) -> PositionEncoding {
        match self.encoding.load(Ordering::SeqCst) {
            ENCODING_UTF8 => PositionEncoding::Utf8,
            _ => PositionEncoding::Utf16,
        }
    }

    pub fn facts(&self) -> ClientFacts {
        self.facts.read().map(|facts| *facts).unwrap_or_default()
    }

    pub fn request_shutdown(&self) {
        self.shutdown_requested.store(true, Ordering::SeqCst);
    }

    pub fn shutdown_requested(&self) -> bool {
        self.shutdown_requested.load(Ordering::SeqCst)
    }

    /// Waits until `initialize` has arrived.
    pub async fn initialize_received(&self) {
        self.initialize_seen.notified().await;
    }

    /// Logs at info level: to stderr and (see `log`) to the client's log.
    pub fn log_info(&self, message: impl Into<String>) {
        let message = message.into();
        tracing::info!("{message}");
    }

    /// Shows a message to the user (and logs it), or keeps it until the client is ready.
    pub async fn show(&self, kind: MessageType, message: String, ready: bool) {
        if kind == MessageType::ERROR {
            tracing::error!("{message}");
        } else {
            tracing::warn!("{message}");
        }
        if ready {
            self.client.show_message(kind, message).await;
        } else if let Ok(mut pending) = self.pending_messages.lock() {
            pending.push((kind, message));
        }
    }

    /// Takes in the client's `initialize`: the position encoding, what it can do, the
    /// workspace roots, the settings. Returns the negotiated encoding.
    pub fn initialize(self: &Arc<Self>, params: &InitializeParams) -> PositionEncodingKind {
        // One waiter, the client log's task; the permit keeps if it is not waiting yet.
        self.initialize_seen.notify_one();
        let capabilities = &params.capabilities;
        let offers_utf8 = capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_ref())
            .is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8));
        let encoding = if offers_utf8 {
            ENCODING_UTF8
        } else {
            ENCODING_UTF16
        };
        self.encoding.store(encoding, Ordering::SeqCst);

        let workspace = capabilities.workspace.as_ref();
        let facts = ClientFacts {
            pull_diagnostics: capabilities
                .text_document
                .as_ref()
                .is_some_and(|text| text.diagnostic.is_some()),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            watched_files_registration: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            document_changes: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            create_files: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.resource_operations.as_ref())
                .is_some_and(|operations| {
                    operations.contains(&tower_lsp_server::ls_types::ResourceOperationKind::Create)
                }),
            configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
            resolve_edits: capabilities
                .text_document
                .as_ref()
                .and_then(|text| text.code_action.as_ref())
                .and_then(|actions| actions.resolve_support.as_ref())
                .is_some_and(|support| support.properties.iter().any(|property| property == "edit")),
        };
        if let Ok(mut slot) = self.facts.write() {
            *slot = facts;
        }

        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|folder| file_path(&folder.uri))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty()
            && let Some(root) = params.root_uri.as_ref().and_then(file_path)
        {
            roots.push(root);
        }
        self.workspace.set_roots(roots);

        if let Some(options) = &params.initialization_options
            && let Err(error) = self.configs.set_editor_settings(settings_section(options))
            && let Ok(mut pending) = self.pending_messages.lock()
        {
            pending.push((
                MessageType::ERROR,
                format!("copydesk: {error}; using the defaults"),
            ));
        }

        if let Some(process_id) = params.process_id {
            let gone = self.client_gone.clone();
            // Looked at once at once (a client may be gone before the server is up), then
            // every second.
            tokio::spawn(async move {
                while process_is_alive(process_id) {
                    tokio::time::sleep(CLIENT_PROCESS_POLL).await;
                }
                tracing::warn!("the client process {process_id} has gone; exiting");
                gone.notify_one();
            });
        }
        // Compile the patterns now, not on the first keystroke.
        tokio::task::spawn_blocking(crate::story::warm_up);
        to_proto::encoding_kind(self.encoding())
    }

    /// After `initialized`: say hello, show what waited, watch files, fetch settings.
    pub async fn initialized(self: &Arc<Self>) {
        let encoding = match self.encoding() {
            PositionEncoding::Utf8 => "UTF-8",
            _ => "UTF-16",
        };
        self.log_info(format!(
            "copydesk {} language server started; positions in {encoding}",
            env!("CARGO_PKG_VERSION")
        ));
        let pending: Vec<(MessageType, String)> = self
            .pending_messages
            .lock()
            .map(|mut pending| std::mem::take(&mut *pending))
            .unwrap_or_default();
        for (kind, message) in pending {
            self.client.show_message(kind, message).await;
        }
        let facts = self.facts();
        if facts.watched_files_registration {
            let client = self.client.clone();
            tokio::spawn(async move {
                let watchers = ["**/copydesk.toml", "**/.copydesk.toml", "**/*.{md,markdown,txt}"]
                    .into_iter()
                    .map(|pattern| FileSystemWatcher {
                        glob_pattern: GlobPattern::String(pattern.to_string()),
                        kind: None,
                    })
                    .collect();
                let options = DidChangeWatchedFilesRegistrationOptions { watchers };
                let registration = Registration {
                    id: "copydesk-watched-files".to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                    register_options: serde_json::to_value(options).ok(),
                };
                if let Err(error) = client.register_capability(vec![registration]).await {
                    tracing::warn!("the client refused to watch files for copydesk: {error}");
                }
            });
        }
        if facts.configuration {
            self.fetch_settings();
        }
    }

    /// Asks the client for the `copydesk` settings section and applies it (in the
    /// background: a client that never answers must not hold anything up).
    pub fn fetch_settings(self: &Arc<Self>) {
        let state = self.clone();
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("copydesk".to_string()),
            };
            match state.client.configuration(vec![item]).await {
                Ok(values) => {
                    if let Some(value) = values.into_iter().next().filter(|v| v.is_object()) {
                        state.apply_settings(&value).await;
                    }
                }
                Err(error) => tracing::debug!("the client did not send settings: {error}"),
            }
        });
    }

    /// Applies editor settings (`workspace/didChangeConfiguration`); a bad one is shown
    /// and the last good settings stay.
    pub async fn apply_settings(self: &Arc<Self>, settings: &Value) {
        match self.configs.set_editor_settings(settings_section(settings)) {
            // The same settings again (the first fetch after initializationOptions): nothing
            // to do.
            Ok(false) => {}
            Ok(true) => {
                self.log_info("copydesk: settings changed; checking the open drafts again");
                self.relint_all();
            }
            Err(error) => {
                self.show(
                    MessageType::ERROR,
                    format!("copydesk: {error}; keeping the previous settings"),
                    true,
                )
                .await;
            }
        }
    }

    /// Notes what a change had to correct (in the log only: it is the client's mistake).
    pub fn note_change(&self, uri: &Uri, notes: &[ChangeNote]) {
        for note in notes {
            match note {
                ChangeNote::Clamped => tracing::warn!(
                    "a change to {} had a position outside the text or inside a character; clamped",
                    uri.as_str()
                ),
                ChangeNote::Inverted => {
                    tracing::warn!("a change to {} had its range inverted; swapped", uri.as_str())
                }
            }
        }
    }
}

/// The settings object inside what a client sends: `{"copydesk": {…}}` or `{…}` itself.
fn settings_section(value: &Value) -> &Value {
    match value.get("copydesk") {
        Some(section) if section.is_object() => section,
        _ => value,
    }
}

/// Whether a process is still running (on platforms where that can be asked cheaply).
fn process_is_alive(process_id: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        // A zombie (exited, not yet reaped) counts as gone.
        match std::fs::read_to_string(format!("/proc/{process_id}/stat")) {
            Ok(stat) => stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.trim_start().chars().next())
                .is_none_or(|state| !matches!(state, 'Z' | 'X')),
            Err(_) => false,
        }
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        std::process::Command::new("kill")
            .args(["-0", &process_id.to_string()])
            .stderr(std::process::Stdio::null())
            .status()
            .map(|status| status.success())
            .unwrap_or(true)
    }
    #[cfg(not(unix))]
    {
        let _ = process_id;
        true
    }
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_a_made_up_one_is_not() {
        assert!(process_is_alive(std::process::id()));
        assert!(!process_is_alive(u32::MAX - 7));
    }

    #[test]
    fn settings_may_come_wrapped_in_their_section() {
        let wrapped = serde_json::json!({"copydesk": {"story": "folder"}});
        assert_eq!(
            settings_section(&wrapped),
            &serde_json::json!({"story": "folder"})
        );
        let bare = serde_json::json!({"story": "folder"});
        assert_eq!(settings_section(&bare), &bare);
    }
}
