//! The configurations the server knows: the editor's settings and every `copydesk.toml`
//! found from an open draft, each with its last good version.
//!
//! A draft's configuration is the `copydesk.toml` (or `.copydesk.toml`) in its folder or the
//! nearest folder above, as for `copydesk check`, read over the editor's settings
//! (`initializationOptions`, `workspace/didChangeConfiguration`, with the same keys; without
//! them, the defaults): every key the file sets wins, every key it leaves out keeps the
//! editor's value, and `[rules]` and `[house-spelling] prefer` are merged entry by entry
//! ([`Config::from_toml_over`]). So an empty or partial file drops no setting, and what CI
//! enforces (the file over the defaults) is what the file says. A file that fails to parse
//! keeps its last good configuration (or, if it never had one, the settings apply) and
//! is reported once per change. When the editor's settings change, every file is read
//! over them again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use crate::config::{Config, ConfigError};

/// A configuration file after a (re)load, for the server to report: its error, or `None`
/// when it is good again.
#[derive(Debug, Clone)]
pub struct ConfigReport {
    pub path: PathBuf,
    pub text: String,
    pub error: Option<ConfigError>,
}

#[derive(Debug, Default)]
struct FileEntry {
    last_good: Option<Arc<Config>>,
    /// The text `last_good` was read from, to read it again over new editor settings.
    last_good_text: Option<String>,
    /// The file's last load failed.
    failing: bool,
}

#[derive(Debug)]
pub struct ConfigStore {
    editor: RwLock<Option<Arc<Config>>>,
    default: Arc<Config>,
    files: Mutex<HashMap<PathBuf, FileEntry>>,
    /// Folder → the configuration file that applies to it, if any.
    discovered: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
}

impl Default for ConfigStore {
    fn default() -> ConfigStore {
        ConfigStore {
            editor: RwLock::new(None),
            default: Arc::new(Config::default()),
            files: Mutex::new(HashMap::new()),
            discovered: Mutex::new(HashMap::new()),
        }
    }
}

fn read_config(path: &Path, base: &Config) -> (String, Result<Config, ConfigError>) {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let parsed = Config::from_toml_over(&text, Some(path), base);
            (text, parsed)
        }
        Err(error) => (
            String::new(),
            Err(ConfigError {
                path: Some(path.to_path_buf()),
                line: None,
                column: None,
                span: None,
                message: format!("cannot read the configuration: {error}"),
            }),
        ),
    }
}

impl ConfigStore {
    pub fn new() -> ConfigStore {
        ConfigStore::default()
    }

    /// The editor's settings, or the defaults.
    pub fn base(&self) -> Arc<Config> {
        match self.editor.read() {
            Ok(editor) => editor.clone().unwrap_or_else(|| self.default.clone()),
            Err(_) => self.default.clone(),
        }
    }

    /// Takes new editor settings; on an error the previous settings stay.
    /// Sets the editor settings; returns whether they differ from the ones in force.
    pub fn set_editor_settings(&self, value: &serde_json::Value) -> Result<bool, ConfigError> {
        let config = Config::from_json(value)?;
        let Ok(mut editor) = self.editor.write() else {
            return Ok(false);
        };
        let changed = editor.as_deref() != Some(&config);
        let config = Arc::new(config);
        *editor = Some(config.clone());
        drop(editor);
        if changed {
            self.relayer_files(&config);
        }
        Ok(changed)
    }

    /// Reads every known file's last good text again over new editor settings.
    fn relayer_files(&self, base: &Config) {
        let Ok(mut files) = self.files.lock() else {
            return;
        };
        for (path, entry) in files.iter_mut() {
            if let Some(text) = &entry.last_good_text
                && let Ok(config) = Config::from_toml_over(text, Some(path), base)
            {
                entry.last_good = Some(Arc::new(config));
            }
        }
    }

    /// The configuration file for drafts in `folder`, looked up once per folder.
    pub fn file_for_folder(&self, folder: &Path) -> Option<PathBuf> {
        if let Ok(discovered) = self.discovered.lock()
            && let Some(found) = discovered.get(folder)
        {
            return found.clone();
        }
        let found = Config::discover(folder);
        if let Ok(mut discovered) = self.discovered.lock() {
            discovered.insert(folder.to_path_buf(), found.clone());
        }
        found
    }

    /// The configuration for drafts in `folder` (`None` for drafts that are not files),
    /// and a report when its file was read for the first time.
    pub fn for_folder(&self, folder: Option<&Path>) -> (Arc<Config>, Option<ConfigReport>) {
        let Some(path) = folder.and_then(|folder| self.file_for_folder(folder)) else {
            return (self.base(), None);
        };
        let known = self
            .files
            .lock()
            .ok()
            .and_then(|files| files.get(&path).map(|entry| entry.last_good.clone()));
        match known {
            Some(Some(config)) => (config, None),
            Some(None) => (self.base(), None),
            None => {
                let report = self.reload(&path);
                let config = self
                    .files
                    .lock()
                    .ok()
                    .and_then(|files| files.get(&path).and_then(|entry| entry.last_good.clone()))
                    .unwrap_or_else(|| self.base());
                (config, report)
            }
        }
    }

    /// Reads a configuration file again. Returns a report when it fails, or when it
    /// succeeds after failing (so that its diagnostic is cleared).
    pub fn reload(&self, path: &Path) -> Option<ConfigReport> {
        let Ok(mut files) = self.files.lock() else {
            return None;
        };
        // Read over the editor settings in force while the lock is held, so that new
        // settings arriving meanwhile are applied to this file by `relayer_files`.
        let (text, parsed) = read_config(path, &self.base());
        let entry = files.entry(path.to_path_buf()).or_default();
        match parsed {
            Ok(config) => {
                entry.last_good = Some(Arc::new(config));
                entry.last_good_text = Some(text.clone());
                let was_failing = std::mem::replace(&mut entry.failing, false);
                was_failing.then(|| ConfigReport {
                    path: path.to_path_buf(),
                    text,
                    error: None,
                })
            }
            Err(error) => {
                entry.failing = true;
                Some(ConfigReport {
                    path: path.to_path_buf(),
                    text,
                    error: Some(error),
                })
            }
        }
    }

    /// Forgets a configuration file that was deleted, and every folder lookup.
    pub fn forget(&self, path: &Path) -> bool {
        self.forget_discoveries();
        self.files
            .lock()
            .map(|mut files| files.remove(path).is_some_and(|entry| entry.failing))
            .unwrap_or(false)
    }

    /// Forgets which file applies to a folder whose last open draft was closed, and the
    /// file itself when no other folder uses it and it is not failing (its error stays
    /// shown until it is fixed).
    pub fn forget_folder(&self, folder: &Path) {
        let Ok(mut discovered) = self.discovered.lock() else {
            return;
        };
        let Some(Some(file)) = discovered.remove(folder) else {
            return;
        };
        if discovered
            .values()
            .any(|other| other.as_deref() == Some(file.as_path()))
        {
            return;
        }
        drop(discovered);
        if let Ok(mut files) = self.files.lock()
            && files.get(&file).is_some_and(|entry| !entry.failing)
        {
            files.remove(&file);
        }
    }

    /// How many folder lookups and files the store holds (for tests).
    pub fn held(&self) -> (usize, usize) {
        let folders = self.discovered.lock().map(|d| d.len()).unwrap_or(0);
        let files = self.files.lock().map(|f| f.len()).unwrap_or(0);
        (folders, files)
    }

    /// Forgets which file applies to which folder (a file was created or deleted).
    pub fn forget_discoveries(&self) {
        if let Ok(mut discovered) = self.discovered.lock() {
            discovered.clear();
        }
    }

    /// True when the file has been read (so a change to it matters).
    pub fn knows(&self, path: &Path) -> bool {
        self.files
            .lock()
            .map(|files| files.contains_key(path))
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{RuleLevel, StoryScope};

    #[test]
    fn a_bad_file_keeps_the_last_good_configuration() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("copydesk.toml");
        std::fs::write(&path, "story = \"folder\"\n").unwrap();
        let store = ConfigStore::new();
        let (config, report) = store.for_folder(Some(folder.path()));
        assert!(report.is_none());
        assert_eq!(config.workspace.story, StoryScope::Folder);

        std::fs::write(&path, "[rules]\nname-consistancy = \"off\"\n").unwrap();
        let report = store.reload(&path).expect("an error report");
        assert_eq!(report.error.unwrap().line, Some(2));
        let (config, _) = store.for_folder(Some(folder.path()));
        assert_eq!(config.workspace.story, StoryScope::Folder);

        std::fs::write(&path, "[rules]\nname-consistency = \"off\"\n").unwrap();
        let report = store.reload(&path).expect("a report that clears the error");
        assert!(report.error.is_none());
        let (config, _) = store.for_folder(Some(folder.path()));
        assert_eq!(config.engine.rules["name-consistency"], RuleLevel::Off);
    }

    #[test]
    fn editor_settings_apply_without_a_file_and_bad_ones_are_refused() {
        let store = ConfigStore::new();
        store
            .set_editor_settings(&serde_json::json!({"lsp": {"debounce_ms": 20}}))
            .unwrap();
        assert!(
            store
                .set_editor_settings(&serde_json::json!({"rules": {"nope": "off"}}))
                .is_err()
        );
        assert_eq!(store.for_folder(None).0.editor.debounce_ms, 20);
    }

    #[test]
    fn a_file_overrides_only_the_keys_it_sets_over_the_editor_settings() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("copydesk.toml");
        let store = ConfigStore::new();
        store
            .set_editor_settings(&serde_json::json!({
                "style": "ap",
                "rules": {"unattributed-figure": "error", "placeholder": "off"},
                "names": {"known": ["Volodymyr Zelenskyy"]},
            }))
            .unwrap();

        // The empty file the old "Add to the house names" left behind drops nothing.
        std::fs::write(&path, "").unwrap();
        let (config, report) = store.for_folder(Some(folder.path()));
        assert!(report.is_none());
        assert_eq!(config.engine.style, crate::config::Style::Ap);
        assert_eq!(
            config.engine.rules["unattributed-figure"],
            RuleLevel::On(crate::Severity::Error)
        );
        assert_eq!(config.engine.known_names, vec!["Volodymyr Zelenskyy"]);

        // A partial file: its rule wins, the editor's other rule stays; its list replaces.
        std::fs::write(
            &path,
            "[rules]\nplaceholder = \"warning\"\n\n[names]\nknown = [\"Taras Kovalevskyi\"]\n",
        )
        .unwrap();
        assert!(store.reload(&path).is_none());
        let (config, _) = store.for_folder(Some(folder.path()));
        assert_eq!(
            config.engine.rules["placeholder"],
            RuleLevel::On(crate::Severity::Warning)
        );
        assert_eq!(
            config.engine.rules["unattributed-figure"],
            RuleLevel::On(crate::Severity::Error)
        );
        assert_eq!(config.engine.style, crate::config::Style::Ap);
        assert_eq!(config.engine.known_names, vec!["Taras Kovalevskyi"]);

        // New editor settings reach the drafts under the file too, under the file's keys.
        store
            .set_editor_settings(&serde_json::json!({
                "rules": {"unattributed-figure": "info", "placeholder": "off"},
            }))
            .unwrap();
        let (config, _) = store.for_folder(Some(folder.path()));
        assert_eq!(
            config.engine.rules["unattributed-figure"],
            RuleLevel::On(crate::Severity::Info)
        );
        assert_eq!(
            config.engine.rules["placeholder"],
            RuleLevel::On(crate::Severity::Warning)
        );
        assert_eq!(config.engine.style, crate::config::Style::Plain);
    }
}
