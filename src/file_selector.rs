//! Which files are drafts: `[files] include` and `exclude`, compiled once per
//! configuration and asked the same way by every front end (`copydesk check`, `copydesk
//! style-sheet` and the language server's folder stories and file events).
//!
//! A pattern is a glob ([globset]'s syntax, where `*` also crosses `/`). It is matched
//! against the file's path relative to the configuration file's folder, or, without a
//! configuration file (the defaults, or the editor's settings), relative to the root the
//! front end was given (the folder `check` walks, the folder `style-sheet` reads, the
//! workspace folder in the editor); and against the file's name alone, so that `"*.md"`
//! and `"draft-*.md"` select at any depth. So with `exclude = ["archive/**"]` next to
//! `copydesk.toml`, `archive/old.md` is left out whether one checks `.` or `archive`.
//!
//! Matching compares paths as written (made absolute against the current folder, with `.`
//! components dropped), without touching the file system.

use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

/// The file patterns a configuration has when it names none.
pub const DEFAULT_INCLUDE: &[&str] = &["*.md", "*.markdown", "*.txt"];

/// `[files] include` and `exclude`, compiled, with the folder they are relative to.
#[derive(Debug, Clone)]
pub struct FileSelector {
    include: Vec<String>,
    exclude: Vec<String>,
    include_set: GlobSet,
    exclude_set: GlobSet,
    /// The configuration file's folder; `None` for settings that come from no file.
    base: Option<PathBuf>,
}

/// A pattern that does not compile, and why.
#[derive(Debug)]
pub struct PatternError {
    pub pattern: String,
    pub error: globset::Error,
}

impl PartialEq for FileSelector {
    /// Two selectors are equal when they were made from the same patterns and folder.
    fn eq(&self, other: &FileSelector) -> bool {
        self.include == other.include && self.exclude == other.exclude && self.base == other.base
    }
}

impl Default for FileSelector {
    fn default() -> FileSelector {
        let include = DEFAULT_INCLUDE
            .iter()
            .map(|pattern| pattern.to_string())
            .collect();
        FileSelector::new(include, Vec::new(), None).expect("the default patterns compile")
    }
}

fn compile(patterns: &[String]) -> Result<GlobSet, PatternError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|error| PatternError {
            pattern: pattern.clone(),
            error,
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|error| PatternError {
        pattern: patterns.join(", "),
        error,
    })
}

impl FileSelector {
    /// Compiles the patterns. `config_file` is the configuration file they come from, if
    /// any: paths are matched relative to its folder.
    pub fn new(
        include: Vec<String>,
        exclude: Vec<String>,
        config_file: Option<&Path>,
    ) -> Result<FileSelector, PatternError> {
        Ok(FileSelector {
            include_set: compile(&include)?,
            exclude_set: compile(&exclude)?,
            include,
            exclude,
            base: config_file.map(|file| file.parent().unwrap_or(Path::new("")).to_path_buf()),
        })
    }

    /// The include patterns, as written.
    pub fn include(&self) -> &[String] {
        &self.include
    }

    /// The exclude patterns, as written.
    pub fn exclude(&self) -> &[String] {
        &self.exclude
    }

    /// True when `file` is a draft: a pattern of `include` matches it and none of
    /// `exclude` does. `root` is the folder the front end was given, the base of relative
    /// paths when the patterns come from no configuration file (or the file lies outside
    /// the configuration file's folder).
    pub fn selects(&self, file: &Path, root: &Path) -> bool {
        let relative = self.relative_path(file, root);
        let name = file.file_name().map(Path::new).unwrap_or(&relative);
        let matches = |set: &GlobSet| set.is_match(&relative) || set.is_match(name);
        matches(&self.include_set) && !matches(&self.exclude_set)
    }

    /// `file` relative to the configuration file's folder, else to `root`, else its name.
    fn relative_path(&self, file: &Path, root: &Path) -> PathBuf {
        let file = lexically_absolute(file);
        for base in self.base.as_deref().into_iter().chain([root]) {
            if let Ok(relative) = file.strip_prefix(lexically_absolute(base)) {
                return relative.to_path_buf();
            }
        }
        file.file_name().map(PathBuf::from).unwrap_or(file)
    }
}

/// `path` made absolute against the current folder, without `.` components; `..` and
/// symbolic links are left as they are (the file system is not asked).
fn lexically_absolute(path: &Path) -> PathBuf {
    let joined;
    let path = if path.is_absolute() {
        path
    } else {
        joined = std::env::current_dir().unwrap_or_default().join(path);
        &joined
    };
    path.components()
        .filter(|component| !matches!(component, Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selector(include: &[&str], exclude: &[&str], config_file: Option<&str>) -> FileSelector {
        let strings = |patterns: &[&str]| patterns.iter().map(|p| p.to_string()).collect();
        FileSelector::new(strings(include), strings(exclude), config_file.map(Path::new)).unwrap()
    }

    #[test]
    fn an_exclude_is_relative_to_the_configuration_folder_whatever_the_root() {
        let files = selector(DEFAULT_INCLUDE, &["archive/**"], Some("/news/copydesk.toml"));
        for root in ["/news", "/news/archive", "/elsewhere"] {
            let root = Path::new(root);
            assert!(!files.selects(Path::new("/news/archive/old.md"), root));
            assert!(!files.selects(Path::new("/news/archive/2019/old.md"), root));
            assert!(files.selects(Path::new("/news/today.md"), root));
            assert!(files.selects(Path::new("/news/desk/archive.md"), root));
        }
        assert!(!files.selects(Path::new("/news/photo.jpg"), Path::new("/news")));
    }

    #[test]
    fn without_a_configuration_file_paths_are_relative_to_the_root() {
        let files = selector(DEFAULT_INCLUDE, &["archive/**"], None);
        assert!(!files.selects(Path::new("/news/archive/old.md"), Path::new("/news")));
        // Relative to the archive itself, the pattern says nothing.
        assert!(files.selects(Path::new("/news/archive/old.md"), Path::new("/news/archive")));
    }

    #[test]
    fn names_match_at_any_depth_and_relative_paths_are_made_absolute() {
        let files = selector(&["*.md"], &["draft-*.md"], Some("copydesk.toml"));
        assert!(!files.selects(Path::new("./desk/draft-1.md"), Path::new(".")));
        assert!(files.selects(Path::new("./desk/final.md"), Path::new(".")));
        let archive = selector(&["*.md"], &["archive/**"], Some("copydesk.toml"));
        assert!(!archive.selects(Path::new("./archive/old.md"), Path::new(".")));
        assert!(!archive.selects(Path::new("archive/old.md"), Path::new("archive")));
    }

    #[test]
    fn a_bad_pattern_is_named() {
        let error = FileSelector::new(vec!["[abc".into()], Vec::new(), None).unwrap_err();
        assert_eq!(error.pattern, "[abc");
    }
}
