//! The workspace: which drafts form a story, and what the server reads from disk.
//!
//! The open drafts of one folder form a story; with `story = "folder"` the drafts of that
//! folder that are not open belong to it too: the files `[files]` selects (as `copydesk
//! check` selects them: [`crate::file_selector`]), read from disk when the story is first
//! analysed, again on file-watch events, and again when a draft of the story is saved or
//! closed in the editor. A draft that is not a file is a story of its own. An edit in one
//! draft re-analyses its whole story, so the name and duplicate diagnostics of the story's
//! other drafts follow. Configuration files found on the way are the
//! [`ConfigStore`](crate::lsp::config_store)'s; a change to one re-analyses every story.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use dashmap::DashMap;
use tower_lsp_server::ls_types::{FileChangeType, FileEvent, Uri};

use super::State;
use super::scheduling::StoryKey;
use crate::config::{Config, StoryScope};
use crate::lsp::config_store::ConfigReport;
use crate::lsp::documents::{DraftSnapshot, file_path, is_config_file};
use crate::text::DraftFormat;

/// The workspace folders and the unopened drafts of folder stories.
#[derive(Debug, Default)]
pub(super) struct Workspace {
    /// The client's workspace folders.
    roots: RwLock<Vec<PathBuf>>,
    /// Unopened drafts of folder stories, by path.
    disk_drafts: DashMap<PathBuf, Arc<String>>,
    /// Folders whose unopened drafts have been read.
    folders_read: DashMap<PathBuf, ()>,
    /// Drafts of those folders saved or closed since: read again at the next analysis.
    to_reread: DashMap<PathBuf, ()>,
}

impl Workspace {
    /// Takes the client's workspace folders (from `initialize`).
    pub(super) fn set_roots(&self, roots: Vec<PathBuf>) {
        if let Ok(mut slot) = self.roots.write() {
            *slot = roots;
        }
    }
}

impl State {
    /// The story's drafts and configuration as they are now. Reads from disk (folder
    /// stories, configuration files): call it on a blocking thread.
    pub(super) fn gather(&self, key: &StoryKey) -> (Vec<DraftSnapshot>, Arc<Config>, Option<ConfigReport>) {
        let (config, report) = self.configs.for_folder(key.folder());
        let mut drafts = self
            .documents
            .snapshots(|uri, path| StoryKey::of(uri, path) == *key);
        if let Some(folder) = key.folder()
            && config.workspace.story == StoryScope::Folder
        {
            self.read_folder_once(folder, &config);
            let marked: Vec<PathBuf> = self
                .workspace
                .to_reread
                .iter()
                .filter(|entry| entry.key().parent() == Some(folder))
                .map(|entry| entry.key().clone())
                .collect();
            for path in marked {
                self.workspace.to_reread.remove(&path);
                if self.is_story_draft(&path, &config) {
                    self.read_disk_draft(&path, &config);
                }
            }
            let open_paths: HashSet<PathBuf> = drafts.iter().filter_map(|draft| draft.path.clone()).collect();
            for entry in self.workspace.disk_drafts.iter() {
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
        if self
            .workspace
            .folders_read
            .insert(folder.to_path_buf(), ())
            .is_some()
        {
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
            self.workspace.disk_drafts.remove(path);
            return;
        }
        match std::fs::read(path) {
            Ok(bytes) => {
                let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
                match String::from_utf8(body.to_vec()) {
                    Ok(text) => {
                        self.workspace
                            .disk_drafts
                            .insert(path.to_path_buf(), Arc::new(text));
                    }
                    Err(_) => {
                        tracing::warn!("{} is not UTF-8; left out of its story", path.display());
                        self.workspace.disk_drafts.remove(path);
                    }
                }
            }
            Err(_) => {
                self.workspace.disk_drafts.remove(path);
            }
        }
    }

    /// Forgets a folder story's unopened drafts and that they were read (its last draft
    /// was closed; they are read again if it is opened again).
    pub(super) fn forget_folder(&self, folder: &Path) {
        if self.workspace.folders_read.remove(folder).is_none() {
            return;
        }
        self.workspace
            .disk_drafts
            .retain(|path, _| path.parent() != Some(folder));
        self.workspace
            .to_reread
            .retain(|path, _| path.parent() != Some(folder));
    }

    /// How many folders' unopened drafts the server holds (for tests).
    pub fn folders_held(&self) -> usize {
        self.workspace.folders_read.len()
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
            .is_some_and(|folder| self.workspace.folders_read.contains_key(folder));
        // A folder not read yet is read whole when its story is first analysed.
        if read && !is_config_file(&path) {
            self.workspace.to_reread.insert(path, ());
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
                if !state.workspace.folders_read.contains_key(&folder) {
                    continue;
                }
                if event.typ == FileChangeType::DELETED {
                    state.workspace.disk_drafts.remove(&path);
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

    /// The workspace root that holds `path` (the innermost), if any.
    fn root_of(&self, path: &Path) -> Option<PathBuf> {
        let roots = self
            .workspace
            .roots
            .read()
            .map(|roots| roots.clone())
            .unwrap_or_default();
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
