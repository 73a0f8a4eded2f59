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
//! while that is still the document's version, so a result for an older version is
//! never published.

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
    ConfigurationItem, Diagnostic, DidChangeWatchedFilesRegistrationOptions, FileChangeType, FileEvent,
    FileSystemWatcher, GlobPattern, InitializeParams, MessageType, PositionEncodingKind, Registration, Uri,
};

use super::analysis::{StoryAnalysis, analyze_story};
use super::config_store::{ConfigReport, ConfigStore};
use super::documents::{ChangeNote, Documents, DraftSnapshot, file_path, is_config_file};
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

/// What was last published for a document.
#[derive(Debug)]
struct Published {
    version: i32,
    diagnostics: Vec<Diagnostic>,
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
    stories: DashMap<StoryKey, Arc<Story>>,
    published: DashMap<Uri, Published>,
    /// Configuration files with an error diagnostic published.
    failing_configs: DashMap<PathBuf, ()>,
    encoding: AtomicU8,
    facts: RwLock<ClientFacts>,
    roots: RwLock<Vec<PathBuf>>,
    /// Messages for the user that arrived before the client could take them.
    pending_messages: std::sync::Mutex<Vec<(MessageType, String)>>,
    shutdown_requested: AtomicBool,
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
            stories: DashMap::new(),
            published: DashMap::new(),
            failing_configs: DashMap::new(),
            encoding: AtomicU8::new(ENCODING_UTF16),
            facts: RwLock::new(ClientFacts::default()),
            roots: RwLock::new(Vec::new()),
            pending_messages: std::sync::Mutex::new(Vec::new()),
            shutdown_requested: AtomicBool::new(false),
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

    /// Logs at info level to stderr and to the client's log.
    pub async fn log_info(&self, message: impl Into<String>) {
        let message = message.into();
        tracing::info!("{message}");
        self.client.log_message(MessageType::INFO, message).await;
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
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(CLIENT_PROCESS_POLL).await;
                    if !process_is_alive(process_id) {
                        tracing::warn!("the client process {process_id} has gone; exiting");
                        gone.notify_one();
                        break;
                    }
                }
            });
        }
        // Load the word lists now, not on the first keystroke.
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
        ))
        .await;
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
                self.log_info("copydesk: settings changed; checking the open drafts again")
                    .await;
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
                    debounce_ms: AtomicU64::new(self.configs.base().debounce_ms),
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
            && config.story == StoryScope::Folder
        {
            self.read_folder_once(folder, &config);
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
            if entry.file_type().is_ok_and(|kind| kind.is_file()) && is_story_draft(&path, config) {
                self.read_disk_draft(&path, config);
            }
        }
    }

    /// Reads one unopened draft from disk into its folder story (or forgets it).
    fn read_disk_draft(&self, path: &Path, config: &Config) {
        let too_large = std::fs::metadata(path).is_ok_and(|metadata| metadata.len() > config.max_file_size);
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
        let previous = latest.clone();
        let encoding = self.encoding();
        let state = self.clone();
        let gather_key = key.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            let (drafts, config, report) = state.gather(&gather_key);
            match previous {
                Some(previous) if previous.is_of(&drafts, &config, encoding) => (previous, report),
                _ => (Arc::new(analyze_story(drafts, config, encoding)), report),
            }
        })
        .await;
        let (analysis, report) = match outcome {
            Ok(outcome) => outcome,
            Err(error) => {
                tracing::error!("the analysis of {key:?} failed ({error}); the server carries on");
                return None;
            }
        };
        story
            .debounce_ms
            .store(analysis.config.debounce_ms, Ordering::SeqCst);
        *latest = Some(analysis.clone());
        if let Some(report) = report {
            self.report_config(report).await;
        }
        for &index in &analysis.too_large {
            if let Some(draft) = analysis.drafts.get(index)
                && draft.version.is_some()
            {
                tracing::info!(
                    "{} is larger than [files] max_size ({} bytes); not checked",
                    draft.uri.as_str(),
                    analysis.config.max_file_size
                );
            }
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
            let Some(version) = draft.version else {
                continue;
            };
            if self.documents.version(&draft.uri) != Some(version) {
                // The draft has changed since: a newer analysis is on its way.
                continue;
            }
            let Some(diagnostics) = analysis.diagnostics.get(index) else {
                continue;
            };
            let skip = self.published.get(&draft.uri).is_some_and(|published| {
                published.version > version
                    || (published.version == version && &published.diagnostics == diagnostics)
            });
            if skip {
                continue;
            }
            self.published.insert(
                draft.uri.clone(),
                Published {
                    version,
                    diagnostics: diagnostics.clone(),
                },
            );
            if facts.pull_diagnostics {
                others_changed |= pulled != Some(&draft.uri);
                continue;
            }
            self.client
                .publish_diagnostics(draft.uri.clone(), diagnostics.clone(), Some(version))
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
                self.failing_configs.insert(report.path.clone(), ());
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
                self.log_info(format!("copydesk: {} is good again", report.path.display()))
                    .await;
            }
        }
    }

    /// Clears what was published for a closed document.
    pub async fn forget_document(&self, uri: &Uri) {
        self.published.remove(uri);
        if !self.facts().pull_diagnostics {
            self.client
                .publish_diagnostics(uri.clone(), Vec::new(), None)
                .await;
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
                    if is_story_draft(&path, &config) {
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
            self.log_info("copydesk: configuration changed; checking the open drafts again")
                .await;
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

    /// Where a new `copydesk.toml` for a draft goes: the workspace root that holds it,
    /// else its folder.
    pub fn new_config_path(&self, draft: &Path) -> Option<PathBuf> {
        let roots = self.roots.read().map(|roots| roots.clone()).unwrap_or_default();
        let folder = roots
            .into_iter()
            .filter(|root| draft.starts_with(root))
            .max_by_key(|root| root.components().count())
            .or_else(|| draft.parent().map(Path::to_path_buf))?;
        Some(folder.join("copydesk.toml"))
    }
}

/// The settings object inside what a client sends: `{"copydesk": {…}}` or `{…}` itself.
fn settings_section(value: &Value) -> &Value {
    match value.get("copydesk") {
        Some(section) if section.is_object() => section,
        _ => value,
    }
}

/// True when a file in a folder story's folder is a draft: its name matches `[files]
/// include` and not `exclude`, and it is not a configuration file.
fn is_story_draft(path: &Path, config: &Config) -> bool {
    if is_config_file(path) {
        return false;
    }
    let Some(name) = path.file_name().map(Path::new) else {
        return false;
    };
    let matches = |patterns: &[String]| {
        patterns.iter().any(|pattern| {
            globset::Glob::new(pattern)
                .map(|glob| glob.compile_matcher().is_match(name))
                .unwrap_or(false)
        })
    };
    matches(&config.include) && !matches(&config.exclude)
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
    fn drafts_of_a_folder_story_follow_the_file_patterns() {
        let config = Config::default();
        assert!(is_story_draft(Path::new("/news/main.md"), &config));
        assert!(is_story_draft(Path::new("/news/side.txt"), &config));
        assert!(!is_story_draft(Path::new("/news/copydesk.toml"), &config));
        assert!(!is_story_draft(Path::new("/news/photo.jpg"), &config));
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
