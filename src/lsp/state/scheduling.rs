//! Scheduling: when a story is analysed.
//!
//! A change schedules an analysis of its story after a quiet period (`[lsp] debounce_ms`,
//! 150 ms by default); a newer change supersedes a waiting one, and an analysis that was
//! waiting for the story while a newer one was scheduled gives way to it. The analysis
//! runs on a blocking thread, never on the async runtime, one at a time per story; a
//! request (code actions, hover, pulled diagnostics) reuses the latest analysis when the
//! story's drafts and configuration have not changed since. Each new analysis is handed to
//! `publishing.rs`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use dashmap::DashMap;
use tokio::sync::Mutex;
use tower_lsp_server::ls_types::Uri;

use super::State;
use crate::lsp::analysis::{StoryAnalysis, analyze_story};
use crate::lsp::documents::DraftSnapshot;

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

    pub(super) fn folder(&self) -> Option<&Path> {
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

/// Every story's scheduling state, by key.
#[derive(Debug, Default)]
pub(super) struct Scheduler {
    stories: DashMap<StoryKey, Arc<Story>>,
}

impl State {
    fn story(&self, key: &StoryKey) -> Arc<Story> {
        self.scheduler
            .stories
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

    /// True while a draft of the story is open.
    pub fn story_is_open(&self, key: &StoryKey) -> bool {
        self.documents
            .any_draft(|uri, path| StoryKey::of(uri, path) == *key)
    }

    /// Frees what the server holds for a story whose last draft was closed: its
    /// scheduling state and latest analysis, and for a folder story the unopened drafts
    /// read from disk and the folder's configuration lookup. An analysis scheduled for it
    /// gives way; one under way finishes and publishes nothing (no draft of it is open).
    pub fn forget_story(&self, key: &StoryKey) {
        if let Some((_, story)) = self.scheduler.stories.remove(key) {
            story.generation.fetch_add(1, Ordering::SeqCst);
        }
        if let Some(folder) = key.folder() {
            self.forget_folder(folder);
            self.configs.forget_folder(folder);
        }
    }

    /// How many stories the server holds state for (for tests, through a debug command).
    pub fn story_count(&self) -> usize {
        self.scheduler.stories.len()
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

    /// [`State::analysis_of_document`] for a request: the waiting and the analysis run in
    /// a task of their own, so a request that is cancelled (or whose client gives up)
    /// stops waiting without stopping an analysis other requests wait for, and a request
    /// holds none of the server's request slots' work while the story is analysed (it
    /// waits on its own story only).
    pub async fn wait_for_analysis(
        self: &Arc<Self>,
        key: StoryKey,
        uri: &Uri,
        pulled: bool,
    ) -> Option<(Arc<StoryAnalysis>, usize)> {
        let state = self.clone();
        let uri = uri.clone();
        tokio::spawn(async move { state.analysis_of_document(&key, &uri, pulled).await })
            .await
            .ok()
            .flatten()
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
        // A scheduled analysis of a story forgotten since (its last draft was closed) has
        // nothing to do, and must not bring the story back.
        let story = match generation {
            Some(_) => self.scheduler.stories.get(key)?.clone(),
            None => self.story(key),
        };
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
                omitted + crate::lsp::analysis::MAX_DIAGNOSTICS,
                crate::lsp::analysis::MAX_DIAGNOSTICS
            );
        }
    }
}
