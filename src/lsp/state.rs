//! What the server knows and does between requests: open documents, stories, their
//! latest analyses, configurations, and what has been published.
//!
//! Stories. The open drafts of one folder form a story; with `story = "folder"` the drafts
//! of that folder that are not open (read from disk at first use and again on file-watch
//! events) belong to it too. A draft that is not a file is a story of its own. An edit in
//! one draft re-analyses its whole story, so the name and duplicate diagnostics of the
//! story's other drafts follow.
//!
//! Analyses. A change schedules an analysis of its story after a quiet period
//! (`[lsp] debounce_ms`, 150 ms by default); a newer change supersedes a waiting one. The
//! analysis runs on a blocking thread, never on the async runtime, one at a time per
//! story. Diagnostics are published with the version they were computed for, and only
//! while the document still has that text: the same version of the same opening (a draft
//! closed and opened again may start at version 1 again), so a result for an older text
//! is never published. A draft gets at most `MAX_DIAGNOSTICS` of them (see `analysis`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use dashmap::DashMap;
use serde_json::Value;
use tokio::sync::{Mutex, Notify};
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{
    ConfigurationItem, Diagnostic, DiagnosticSeverity, DidChangeWatchedFilesRegistrationOptions,
    FileChangeType, FileEvent, FileSystemWatcher, GlobPattern, InitializeParams, MessageType,
    PositionEncodingKind, Registration, Uri,
};

use super::analysis::{StoryAnalysis, analyze_story};
use super::config_store::{ConfigReport, ConfigStore};
use super::documents::{ChangeNote, Documents, DraftSnapshot, TextId, file_path, is_config_file};
use super::to_proto;
use crate::config::{Config, StoryScope};
use crate::text::{DraftFormat, PositionEncoding};

/// Which story a draft belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StoryKey {
    /// The drafts of a folder.
    Folder(PathBuf),
    /// A draft that is not a file (an unsaved buffer): a story of its own.
    Document(Uri),
}

impl StoryKey {
    pub fn of(uri: &Uri, path: Option<&Path>) -> StoryKey {
        match path.and_then(Path::parent) {
            Some(folder) => StoryKey::Folder(folder.to_path_buf()),
            None => StoryKey::Document(uri.clone()),
        }
    }

    fn folder(&self) -> Option<&Path> {
        match self {
            StoryKey::Folder(folder) => Some(folder),
            StoryKey::Document(_) => None,
        }
    }
}

/// A story's scheduling state and latest analysis.
#[derive(Debug)]
struct Story {
    /// Bumped by every scheduled analysis; a waiting analysis that finds it moved on
    /// gives way to the newer one.
    generation: AtomicU64,
    /// The story's quiet period, from its configuration at the last analysis.
    debounce_ms: AtomicU64,
    /// The latest analysis. Held while analysing and publishing, so that a story has
    /// one analysis at a time and publishes in order.
    latest: Mutex<Option<Arc<StoryAnalysis>>>,
}

/// What was last published for a document: for which text, and a fingerprint of the
/// diagnostics (not a copy: a draft may have thousands).
#[derive(Debug)]
struct Published {
    id: TextId,
    fingerprint: u64,
}

/// A fingerprint of a list of diagnostics, to tell whether it changed.
fn fingerprint(diagnostics: &[Diagnostic]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    diagnostics.len().hash(&mut hasher);
    for diagnostic in diagnostics {
        diagnostic.range.hash(&mut hasher);
        let severities = [
            DiagnosticSeverity::ERROR,
            DiagnosticSeverity::WARNING,
            DiagnosticSeverity::INFORMATION,
            DiagnosticSeverity::HINT,
        ];
        severities
            .iter()
            .position(|severity| Some(*severity) == diagnostic.severity)
            .hash(&mut hasher);
        diagnostic.code.hash(&mut hasher);
        diagnostic.message.hash(&mut hasher);
        for related in diagnostic.related_information.iter().flatten() {
            related.location.uri.as_str().hash(&mut hasher);
            related.location.range.hash(&mut hasher);
            related.message.hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// What the client said it can do, from `initialize`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientFacts {
    /// The client pulls diagnostics (`textDocument/diagnostic`), so the server does not
    /// push them.
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub watched_files_registration: bool,
    pub document_changes: bool,
    pub create_files: bool,
    pub configuration: bool,
}

/// The server's state, shared by every handler.
pub struct State {
    pub client: Client,
    pub documents: Documents,
    pub configs: ConfigStore,
    /// Unopened drafts of folder stories, by path.
    disk_drafts: DashMap<PathBuf, Arc<String>>,
    /// Folders whose unopened drafts have been read.
    folders_read: DashMap<PathBuf, ()>,
    /// Drafts of those folders saved or closed since: read again at the next analysis.
    to_reread: DashMap<PathBuf, ()>,
    stories: DashMap<StoryKey, Arc<Story>>,
    published: DashMap<Uri, Published>,
    /// Configuration files with an error diagnostic published, and that diagnostic.
    failing_configs: DashMap<PathBuf, Diagnostic>,
    encoding: AtomicU8,
    facts: RwLock<ClientFacts>,
    roots: RwLock<Vec<PathBuf>>,
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
            disk_drafts: DashMap::new(),
            folders_read: DashMap::new(),
            to_reread: DashMap::new(),
            stories: DashMap::new(),
            published: DashMap::new(),
            failing_configs: DashMap::new(),
            encoding: AtomicU8::new(ENCODING_UTF16),
            facts: RwLock::new(ClientFacts::default()),
            roots: RwLock::new(Vec::new()),
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
        if let Ok(mut slot) = self.roots.write() {
            *slot = roots;
        }

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

    fn story(&self, key: &StoryKey) -> Arc<Story> {
        self.stories
            .entry(key.clone())
            .or_insert_with(|| {
                Arc::new(Story {
                    generation: AtomicU64::new(0),
                    debounce_ms: AtomicU64::new(self.configs.base().editor.debounce_ms),
                    latest: Mutex::new(None),
                })
            })
            .clone()
    }

    /// The story of an open document, and whether it is a draft.
    pub fn story_of(&self, uri: &Uri) -> Option<(StoryKey, bool)> {
        let (path, is_draft) = self.documents.describe(uri)?;
        Some((StoryKey::of(uri, path.as_deref()), is_draft))
    }

    /// Schedules an analysis of a story after `delay`, superseding any that waits.
    pub fn schedule(self: &Arc<Self>, key: StoryKey, delay: Duration) {
        let story = self.story(&key);
        let generation = story.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let state = self.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            if story.generation.load(Ordering::SeqCst) != generation {
                return;
            }
            state.analysis_at(&key, None, Some(generation)).await;
        });
    }

    /// Schedules an analysis after the story's quiet period.
    pub fn schedule_debounced(self: &Arc<Self>, key: StoryKey) {
        let delay = Duration::from_millis(self.story(&key).debounce_ms.load(Ordering::SeqCst));
        self.schedule(key, delay);
    }

    /// Re-analyses every story with an open draft, now.
    pub fn relint_all(self: &Arc<Self>) {
        let keys: HashSet<StoryKey> = self
            .documents
            .open_drafts()
            .into_iter()
            .map(|(uri, path)| StoryKey::of(&uri, path.as_deref()))
            .collect();
        for key in keys {
            self.schedule(key, Duration::ZERO);
        }
    }

    /// The story's drafts and configuration as they are now. Reads from disk (folder
    /// stories, configuration files): call it on a blocking thread.
    fn gather(&self, key: &StoryKey) -> (Vec<DraftSnapshot>, Arc<Config>, Option<ConfigReport>) {
        let (config, report) = self.configs.for_folder(key.folder());
        let mut drafts = self
            .documents
            .snapshots(|uri, path| StoryKey::of(uri, path) == *key);
        if let Some(folder) = key.folder()
            && config.workspace.story == StoryScope::Folder
        {
            self.read_folder_once(folder, &config);
            let marked: Vec<PathBuf> = self
                .to_reread
                .iter()
                .filter(|entry| entry.key().parent() == Some(folder))
                .map(|entry| entry.key().clone())
                .collect();
            for path in marked {
                self.to_reread.remove(&path);
                if self.is_story_draft(&path, &config) {
                    self.read_disk_draft(&path, &config);
                }
            }
            let open_paths: HashSet<PathBuf> = drafts.iter().filter_map(|draft| draft.path.clone()).collect();
            for entry in self.disk_drafts.iter() {
                let path = entry.key();
                if path.parent() != Some(folder) || open_paths.contains(path) {
                    continue;
                }
                let Some(uri) = Uri::from_file_path(path) else {
                    continue;
                };
                drafts.push(DraftSnapshot {
                    uri,
                    path: Some(path.clone()),
                    version: None,
                    opening: 0,
                    text: entry.value().clone(),
                    format: DraftFormat::from_path(&path.to_string_lossy()),
                });
            }
        }
        drafts.sort_by(|a, b| a.uri.as_str().cmp(b.uri.as_str()));
        (drafts, config, report)
    }

    /// Reads the drafts of a folder story from disk, once.
    fn read_folder_once(&self, folder: &Path, config: &Config) {
        if self.folders_read.insert(folder.to_path_buf(), ()).is_some() {
            return;
        }
        let Ok(entries) = std::fs::read_dir(folder) else {
            tracing::warn!("cannot list {} for its story's other drafts", folder.display());
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if entry.file_type().is_ok_and(|kind| kind.is_file()) && self.is_story_draft(&path, config) {
                self.read_disk_draft(&path, config);
            }
        }
    }

    /// Reads one unopened draft from disk into its folder story (or forgets it).
    fn read_disk_draft(&self, path: &Path, config: &Config) {
        let too_large =
            std::fs::metadata(path).is_ok_and(|metadata| metadata.len() > config.workspace.max_file_size);
        if too_large {
            tracing::info!(
                "{} is larger than [files] max_size; left out of its story",
                path.display()
            );
            self.disk_drafts.remove(path);
            return;
        }
        match std::fs::read(path) {
            Ok(bytes) => {
                let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
                match String::from_utf8(body.to_vec()) {
                    Ok(text) => {
                        self.disk_drafts.insert(path.to_path_buf(), Arc::new(text));
                    }
                    Err(_) => {
                        tracing::warn!("{} is not UTF-8; left out of its story", path.display());
                        self.disk_drafts.remove(path);
                    }
                }
            }
            Err(_) => {
                self.disk_drafts.remove(path);
            }
        }
    }

    /// The story's analysis for its drafts as they are now: the latest one if nothing
    /// changed, else a new one (on a blocking thread), whose diagnostics are published.
    /// `pulled` names a document whose diagnostics the client is pulling.
    pub async fn analysis(
        self: &Arc<Self>,
        key: &StoryKey,
        pulled: Option<&Uri>,
    ) -> Option<Arc<StoryAnalysis>> {
        self.analysis_at(key, pulled, None).await
    }

    /// The story's analysis of `uri`'s text as the document has it now, with the draft's
    /// index: an analysis made while the document changed (or was closed and opened again)
    /// is of another text. `None` when that keeps happening, or the document is not in it.
    pub async fn analysis_of_document(
        self: &Arc<Self>,
        key: &StoryKey,
        uri: &Uri,
        pulled: bool,
    ) -> Option<(Arc<StoryAnalysis>, usize)> {
        const TRIES: usize = 3;
        for _ in 0..TRIES {
            let analysis = self.analysis(key, pulled.then_some(uri)).await?;
            let index = analysis.draft_index(uri)?;
            let current = self.documents.text_id(uri)?;
            if analysis.drafts.get(index).and_then(DraftSnapshot::text_id) == Some(current) {
                return Some((analysis, index));
            }
        }
        tracing::debug!("{} kept changing while it was analysed", uri.as_str());
        None
    }

    /// [`State::analysis`] for a scheduled analysis of `generation`, which gives way when
    /// a newer one was scheduled while it waited for the story (so a slow analysis does
    /// not leave a queue of stale ones behind it).
    async fn analysis_at(
        self: &Arc<Self>,
        key: &StoryKey,
        pulled: Option<&Uri>,
        generation: Option<u64>,
    ) -> Option<Arc<StoryAnalysis>> {
        let story = self.story(key);
        let mut latest = story.latest.lock().await;
        if let Some(generation) = generation
            && story.generation.load(Ordering::SeqCst) != generation
        {
            return None;
        }
        // Taken out, so that a story's old analysis is freed before its new one is made
        // (unless a request still holds it).
        let previous = latest.take();
        let encoding = self.encoding();
        let state = self.clone();
        let gather_key = key.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            let (drafts, config, report) = state.gather(&gather_key);
            match previous {
                Some(previous) if previous.is_of(&drafts, &config, encoding) => (previous, report, false),
                previous => {
                    drop(previous);
                    tracing::debug!(
                        "analysing {gather_key:?}: {} drafts, {} bytes",
                        drafts.len(),
                        drafts.iter().map(|draft| draft.text.len()).sum::<usize>()
                    );
                    (Arc::new(analyze_story(drafts, config, encoding)), report, true)
                }
            }
        })
        .await;
        let (analysis, report, fresh) = match outcome {
            Ok(outcome) => outcome,
            Err(error) => {
                tracing::error!("the analysis of {key:?} failed ({error}); the server carries on");
                return None;
            }
        };
        story
            .debounce_ms
            .store(analysis.config.editor.debounce_ms, Ordering::SeqCst);
        *latest = Some(analysis.clone());
        if let Some(report) = report {
            self.report_config(report).await;
        }
        if fresh {
            log_analysis(&analysis);
        }
        self.publish(&analysis, pulled).await;
        drop(latest);
        Some(analysis)
    }

    /// Publishes the diagnostics of an analysis for every open draft still at the version
    /// analysed, skipping those already published as they are. A client that pulls
    /// diagnostics is asked to pull again instead.
    async fn publish(&self, analysis: &StoryAnalysis, pulled: Option<&Uri>) {
        let facts = self.facts();
        let mut others_changed = false;
        for (index, draft) in analysis.drafts.iter().enumerate() {
            let Some(id) = draft.text_id() else {
                continue;
            };
            if self.documents.text_id(&draft.uri) != Some(id) {
                // The draft has changed since (or was closed, and perhaps opened again at
                // the same version): a newer analysis is on its way.
                continue;
            }
            let Some(diagnostics) = analysis.diagnostics.get(index) else {
                continue;
            };
            let print = fingerprint(diagnostics);
            let skip = self.published.get(&draft.uri).is_some_and(|published| {
                published.id.opening == id.opening
                    && (published.id.version > id.version
                        || (published.id.version == id.version && published.fingerprint == print))
            });
            if skip {
                continue;
            }
            self.published.insert(
                draft.uri.clone(),
                Published {
                    id,
                    fingerprint: print,
                },
            );
            if facts.pull_diagnostics {
                others_changed |= pulled != Some(&draft.uri);
                continue;
            }
            self.client
                .publish_diagnostics(draft.uri.clone(), diagnostics.clone(), Some(id.version))
                .await;
        }
        if facts.pull_diagnostics && others_changed && facts.diagnostic_refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        }
    }

    /// Shows a configuration file's error as a diagnostic on it and a message, or clears
    /// the diagnostic when the file is good again.
    pub async fn report_config(&self, report: ConfigReport) {
        let Some(uri) = Uri::from_file_path(&report.path) else {
            return;
        };
        match &report.error {
            Some(error) => {
                let diagnostic = to_proto::config_error_diagnostic(error, &report.text, self.encoding());
                self.failing_configs
                    .insert(report.path.clone(), diagnostic.clone());
                self.client.publish_diagnostics(uri, vec![diagnostic], None).await;
                self.show(
                    MessageType::ERROR,
                    format!("copydesk: {error}; using the last good configuration until it is fixed"),
                    true,
                )
                .await;
            }
            None => {
                if self.failing_configs.remove(&report.path).is_some() {
                    self.client.publish_diagnostics(uri, Vec::new(), None).await;
                }
                self.log_info(format!("copydesk: {} is good again", report.path.display()));
            }
        }
    }

    /// Clears what was published for a closed document. A configuration file that still
    /// fails keeps its error: it is published again (a client may drop a closed file's
    /// diagnostics itself).
    pub async fn forget_document(&self, uri: &Uri) {
        self.published.remove(uri);
        let config_error = file_path(uri)
            .and_then(|path| self.failing_configs.get(&path).map(|entry| entry.value().clone()));
        if let Some(diagnostic) = config_error {
            self.client
                .publish_diagnostics(uri.clone(), vec![diagnostic], None)
                .await;
        } else if !self.facts().pull_diagnostics {
            self.client
                .publish_diagnostics(uri.clone(), Vec::new(), None)
                .await;
        }
    }

    /// A draft was saved or closed. In a folder story, its file is what the story sees of
    /// it once it is closed, so the file is read again before the story's next analysis
    /// (the client may watch no files). Marked here, before any later message is handled;
    /// read by the analysis, on its blocking thread.
    pub fn reread_draft(&self, uri: &Uri) {
        let Some(path) = file_path(uri) else {
            return;
        };
        let read = path
            .parent()
            .is_some_and(|folder| self.folders_read.contains_key(folder));
        // A folder not read yet is read whole when its story is first analysed.
        if read && !is_config_file(&path) {
            self.to_reread.insert(path, ());
        }
    }

    /// Handles file-watch events: configuration files are reloaded (and every open
    /// draft re-linted); drafts of folder stories are re-read.
    pub async fn files_changed(self: &Arc<Self>, events: Vec<FileEvent>) {
        let state = self.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            let mut reports = Vec::new();
            let mut config_changed = false;
            let mut folders: HashSet<PathBuf> = HashSet::new();
            for event in events {
                let Some(path) = file_path(&event.uri) else {
                    continue;
                };
                if is_config_file(&path) {
                    config_changed = true;
                    if event.typ == FileChangeType::DELETED {
                        if state.configs.forget(&path) {
                            reports.push(ConfigReport {
                                path: path.clone(),
                                text: String::new(),
                                error: None,
                            });
                        }
                    } else {
                        state.configs.forget_discoveries();
                        if let Some(report) = state.configs.reload(&path) {
                            reports.push(report);
                        }
                    }
                    continue;
                }
                let Some(folder) = path.parent().map(Path::to_path_buf) else {
                    continue;
                };
                if !state.folders_read.contains_key(&folder) {
                    continue;
                }
                if event.typ == FileChangeType::DELETED {
                    state.disk_drafts.remove(&path);
                } else {
                    let (config, _) = state.configs.for_folder(Some(&folder));
                    if state.is_story_draft(&path, &config) {
                        state.read_disk_draft(&path, &config);
                    }
                }
                folders.insert(folder);
            }
            (reports, config_changed, folders)
        })
        .await;
        let Ok((reports, config_changed, folders)) = outcome else {
            return;
        };
        for report in reports {
            self.report_config(report).await;
        }
        if config_changed {
            self.log_info("copydesk: configuration changed; checking the open drafts again");
            self.relint_all();
        } else {
            for folder in folders {
                self.schedule(StoryKey::Folder(folder), Duration::ZERO);
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

    /// The workspace root that holds `path` (the innermost), if any.
    fn root_of(&self, path: &Path) -> Option<PathBuf> {
        let roots = self.roots.read().map(|roots| roots.clone()).unwrap_or_default();
        roots
            .into_iter()
            .filter(|root| path.starts_with(root))
            .max_by_key(|root| root.components().count())
    }

    /// Where a new `copydesk.toml` for a draft goes: the workspace root that holds it,
    /// else its folder.
    pub fn new_config_path(&self, draft: &Path) -> Option<PathBuf> {
        let folder = self
            .root_of(draft)
            .or_else(|| draft.parent().map(Path::to_path_buf))?;
        Some(folder.join("copydesk.toml"))
    }

    /// True when a file in a folder story's folder is a draft: `[files] include` and
    /// `exclude` select it (as `copydesk check` would: relative to the configuration
    /// file's folder, or without one to the workspace root that holds it, else its
    /// folder), and it is not a configuration file.
    fn is_story_draft(&self, path: &Path, config: &Config) -> bool {
        if is_config_file(path) {
            return false;
        }
        let Some(folder) = path.parent() else {
            return false;
        };
        let root = self.root_of(path).unwrap_or_else(|| folder.to_path_buf());
        config.workspace.files.selects(path, &root)
    }
}

/// Logs what a new analysis left out: drafts over `[files] max_size`, findings past the
/// diagnostics limit.
fn log_analysis(analysis: &StoryAnalysis) {
    for &index in &analysis.too_large {
        if let Some(draft) = analysis.drafts.get(index)
            && draft.version.is_some()
        {
            tracing::info!(
                "{} is larger than [files] max_size ({} bytes); not checked",
                draft.uri.as_str(),
                analysis.config.workspace.max_file_size
            );
        }
    }
    for (index, draft) in analysis.drafts.iter().enumerate() {
        let omitted = analysis.omitted(index);
        if omitted > 0 && draft.version.is_some() {
            tracing::info!(
                "{} has {} findings; the first {} are shown as diagnostics, {omitted} left out",
                draft.uri.as_str(),
                omitted + super::analysis::MAX_DIAGNOSTICS,
                super::analysis::MAX_DIAGNOSTICS
            );
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
