//! `copydesk.toml`: the schema, its defaults, and errors that say where they are.
//!
//! ```toml
//! style = "ap"            # preset: "ap" or "plain"
//! story = "file"          # "file": each draft is a story; "folder": a folder's drafts are one
//!
//! [files]
//! include = ["*.md", "*.markdown", "*.txt"]
//! exclude = ["archive/**"]
//! max_size = 10485760     # bytes; larger files are skipped with a note
//!
//! [rules]                 # severity per rule: "error", "warning", "info", "hint" or "off"
//! unattributed-figure = "error"
//!
//! [names]
//! known = ["Volodymyr Zelenskyy"]
//!
//! [attribution]
//! verbs = ["briefed"]     # extra verbs that attribute a figure
//!
//! [house-spelling]        # the form to use instead of each key
//! prefer = { "cease-fire" = "ceasefire", "judgement" = "judgment" }
//!
//! [acronyms]
//! known = ["NTWU"]        # acronyms readers know without a spelled-out first reference
//! hints = false            # true: also hint at letters that may need spelling out
//!
//! [lsp]
//! debounce_ms = 150
//! ```
//!
//! The analysis core never reads files: the front ends find and read the file and hand its
//! text to [`Config::from_toml`].
//!
//! `copydesk check` reads a `copydesk.toml` over the defaults. The language server reads it
//! over the editor's settings ([`Config::from_toml_over`]): the keys the file sets win, the
//! keys it leaves out keep the editor's value (`[rules]` and `[house-spelling] prefer` are
//! merged rule by rule and word by word), so an empty or partial file never drops a setting.
//!
//! A [`Config`] is split by who reads it: [`EngineSettings`] (the style, the rules and the
//! house lists: all the analysis reads), [`WorkspaceSettings`] (which files are drafts and
//! how they form stories: the front ends) and [`EditorSettings`] (the language server's
//! own). The engine takes the engine settings alone.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::checks;
use crate::file_selector::FileSelector;
use crate::finding::Severity;

/// The file names copydesk looks for, in order, in each folder from a draft upward.
pub const CONFIG_FILE_NAMES: &[&str] = &["copydesk.toml", ".copydesk.toml"];

/// Which rules are on, and with which preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// Associated Press conventions: every rule, AP numerals and datelines.
    Ap,
    /// The mission checks and the routine catches, without AP-only rules.
    #[default]
    Plain,
}

/// Whether each draft is a story of its own or a folder's drafts are one story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StoryScope {
    #[default]
    File,
    Folder,
}

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On(Severity),
}

/// A configuration: a `copydesk.toml`, the editor's settings, or the defaults.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// What the analysis reads.
    pub engine: EngineSettings,
    /// Which files are drafts and how drafts form stories.
    pub workspace: WorkspaceSettings,
    /// The language server's own settings.
    pub editor: EditorSettings,
    /// Where this configuration came from, for messages.
    pub source: Option<PathBuf>,
}

/// What the analysis reads: the style preset, each rule's level and the house lists. The
/// engine ([`crate::analyze`]) and every check see this part of a configuration alone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EngineSettings {
    pub style: Style,
    /// Rule id → level, for the rules the file names; others use their default.
    pub rules: BTreeMap<String, RuleLevel>,
    /// House spellings of names, e.g. "Volodymyr Zelenskyy".
    pub known_names: Vec<String>,
    /// Extra verbs that attribute a figure ("briefed").
    pub attribution_verbs: Vec<String>,
    /// House spellings: (the spelling to replace, the spelling to use), in file order.
    pub house_spelling_prefer: Vec<(String, String)>,
    /// Acronyms that need no spelled-out first reference, beyond the built-in list.
    pub known_acronyms: Vec<String>,
    /// `[acronyms] hints`: report acronym-first-use's weak cases as hints (off by default:
    /// on published copy none of them was judged worth flagging).
    pub acronym_hints: bool,
}

/// Which files are drafts and how drafts form stories: read by the front ends, which
/// find, read and group the drafts before the engine sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkspaceSettings {
    /// `story`: each draft a story, or a folder's drafts one story.
    pub story: StoryScope,
    /// `[files] include` and `exclude`, compiled.
    pub files: FileSelector,
    /// `[files] max_size`: larger drafts are skipped, in bytes.
    pub max_file_size: u64,
}

/// The language server's own settings (`[lsp]`).
#[derive(Debug, Clone, PartialEq)]
pub struct EditorSettings {
    /// The quiet period before the server analyses, in milliseconds.
    pub debounce_ms: u64,
}

impl Default for WorkspaceSettings {
    fn default() -> WorkspaceSettings {
        WorkspaceSettings {
            story: StoryScope::default(),
            files: FileSelector::default(),
            max_file_size: 10 * 1024 * 1024,
        }
    }
}

impl Default for EditorSettings {
    fn default() -> EditorSettings {
        EditorSettings { debounce_ms: 150 }
    }
}

impl AsRef<EngineSettings> for EngineSettings {
    fn as_ref(&self) -> &EngineSettings {
        self
    }
}

/// A whole configuration can be handed to the engine, which reads its engine settings.
impl AsRef<EngineSettings> for Config {
    fn as_ref(&self) -> &EngineSettings {
        &self.engine
    }
}

impl EngineSettings {
    /// The configured level of a rule, or its default (which depends on the style preset).
    pub fn rule_level(&self, rule: &dyn checks::Rule) -> RuleLevel {
        if let Some(level) = self.rules.get(rule.id()) {
            return *level;
        }
        if rule.ap_only() && self.style != Style::Ap {
            return RuleLevel::Off;
        }
        RuleLevel::On(rule.default_severity())
    }
}

/// A configuration error: where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Option<PathBuf>,
    /// One-based line and column, when the error has a place in the file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Byte range in the file, for editors.
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(formatter, "{}", path.display())?;
            if let (Some(line), Some(column)) = (self.line, self.column) {
                write!(formatter, ":{line}:{column}")?;
            }
            write!(formatter, ": ")?;
        } else if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(formatter, "{line}:{column}: ")?;
        }
        write!(formatter, "{}", self.message)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    style: Option<Spanned<String>>,
    story: Option<Spanned<String>>,
    files: Option<RawFiles>,
    rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    names: Option<RawNames>,
    attribution: Option<RawAttribution>,
    #[serde(rename = "house-spelling")]
    house_spelling: Option<RawHouseSpelling>,
    acronyms: Option<RawAcronyms>,
    lsp: Option<RawLsp>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    max_size: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawNames {
    known: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAttribution {
    verbs: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawHouseSpelling {
    prefer: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAcronyms {
    known: Option<Vec<Spanned<String>>>,
    hints: Option<bool>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLsp {
    debounce_ms: Option<Spanned<i64>>,
}

/// A TOML type error in words a writer knows: serde's "expected i64" becomes "expected a
/// whole number", a boolean "true or false", a sequence "a list of strings" (every list
/// copydesk.toml takes holds strings) and one of the tables above "a table".
fn in_words(message: &str) -> String {
    let Some((found, expected)) = message.split_once(", expected ") else {
        return message.to_string();
    };
    let wanted = match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128" | "an integer" => {
            "a whole number"
        }
        "a boolean" => "true or false",
        "a sequence" => "a list of strings, such as [\"a\", \"b\"]",
        "a string" => "a string in quotes",
        "a map" => "a table",
        other if other.starts_with("struct Raw") => "a table of settings",
        other => other,
    };
    let found = match found.strip_prefix("invalid type: ") {
        Some("sequence") => "found a list".to_string(),
        Some("map") => "found a table".to_string(),
        Some(value) => {
            let value = ["string ", "boolean ", "integer ", "floating point "]
                .iter()
                .find_map(|kind| value.strip_prefix(kind))
                .unwrap_or(value);
            format!("found {value}")
        }
        None => found.to_string(),
    };
    format!("{found}, expected {wanted}")
}

/// Converts a byte offset in `text` to a one-based line and column (in characters).
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

impl Config {
    /// Parses the text of a `copydesk.toml` over the defaults. `path` is where the file is
    /// (for messages, and the folder `[files]` patterns are relative to).
    pub fn from_toml(text: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        Config::from_toml_over(text, path, &Config::default())
    }

    /// Parses the text of a `copydesk.toml` over `base` (the language server's editor
    /// settings): each key the file sets replaces the base's, and every key it leaves out
    /// keeps the base's value, so an empty or partial file drops nothing. The two tables of
    /// entries, `[rules]` and `[house-spelling] prefer`, are merged entry by entry, the
    /// file's entry winning; every other key (a value or a list) is replaced whole.
    pub fn from_toml_over(text: &str, path: Option<&Path>, base: &Config) -> Result<Config, ConfigError> {
        let error_at = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, column) = match &span {
                Some(span) => {
                    let (line, column) = line_column(text, span.start);
                    (Some(line), Some(column))
                }
                None => (None, None),
            };
            ConfigError {
                path: path.map(Path::to_path_buf),
                line,
                column,
                span,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|error| {
            let message = in_words(error.message().trim());
            let hint = if message.contains("unknown field") {
                " (the README's Configuration section lists the keys copydesk.toml accepts)"
            } else {
                ""
            };
            error_at(error.span(), format!("{message}{hint}"))
        })?;

        let mut config = Config {
            source: path.map(Path::to_path_buf),
            ..base.clone()
        };
        let engine = &mut config.engine;
        let workspace = &mut config.workspace;
        if let Some(style) = raw.style {
            engine.style = match style.get_ref().as_str() {
                "ap" => Style::Ap,
                "plain" => Style::Plain,
                other => {
                    return Err(error_at(
                        Some(style.span()),
                        format!("unknown style \"{other}\": use \"ap\" or \"plain\""),
                    ));
                }
            };
        }
        if let Some(story) = raw.story {
            workspace.story = match story.get_ref().as_str() {
                "file" => StoryScope::File,
                "folder" => StoryScope::Folder,
                other => {
                    return Err(error_at(
                        Some(story.span()),
                        format!("unknown story scope \"{other}\": use \"file\" or \"folder\""),
                    ));
                }
            };
        }
        let (mut include, mut exclude) = (None, None);
        if let Some(files) = raw.files {
            // Each pattern is checked where it is written, so the error can point at it.
            for pattern in files.include.iter().chain(&files.exclude).flatten() {
                if let Err(error) = globset::Glob::new(pattern.get_ref()) {
                    return Err(error_at(
                        Some(pattern.span()),
                        format!(
                            "bad file pattern \"{}\": {} (a pattern is a glob such as \"*.md\" or \"archive/**\")",
                            pattern.get_ref(),
                            error.kind()
                        ),
                    ));
                }
            }
            let written = |patterns: Vec<Spanned<String>>| -> Vec<String> {
                patterns.into_iter().map(Spanned::into_inner).collect()
            };
            include = files.include.map(written);
            exclude = files.exclude.map(written);
            if let Some(max_size) = files.max_size {
                if *max_size.get_ref() <= 0 {
                    return Err(error_at(
                        Some(max_size.span()),
                        "max_size must be a positive number of bytes".to_string(),
                    ));
                }
                workspace.max_file_size = *max_size.get_ref() as u64;
            }
        }
        // Patterns the file does not set are the base's (the defaults' under `from_toml`),
        // compiled again relative to this file's folder.
        let include = include.unwrap_or_else(|| base.workspace.files.include().to_vec());
        let exclude = exclude.unwrap_or_else(|| base.workspace.files.exclude().to_vec());
        workspace.files = FileSelector::new(include, exclude, path).map_err(|error| {
            error_at(
                None,
                format!("[files]: cannot compile \"{}\": {}", error.pattern, error.error),
            )
        })?;
        if let Some(rules) = raw.rules {
            for (rule, level) in rules {
                if checks::rule(rule.get_ref()).is_none() {
                    let known: Vec<&str> = checks::RULES.iter().map(|r| r.id()).collect();
                    return Err(error_at(
                        Some(rule.span()),
                        format!(
                            "unknown rule \"{}\": the rules are {}",
                            rule.get_ref(),
                            known.join(", ")
                        ),
                    ));
                }
                let parsed = match level.get_ref().as_str() {
                    "off" => RuleLevel::Off,
                    other => match Severity::parse(other) {
                        Some(severity) => RuleLevel::On(severity),
                        None => {
                            return Err(error_at(
                                Some(level.span()),
                                format!(
                                    "bad level \"{other}\" for rule \"{}\": use \"error\", \"warning\", \"info\", \"hint\" or \"off\"",
                                    rule.get_ref()
                                ),
                            ));
                        }
                    },
                };
                engine.rules.insert(rule.into_inner(), parsed);
            }
        }
        if let Some(known) = raw.names.and_then(|names| names.known) {
            engine.known_names = known;
        }
        if let Some(verbs) = raw.attribution.and_then(|attribution| attribution.verbs) {
            engine.attribution_verbs = verbs;
        }
        if let Some(house_spelling) = raw.house_spelling
            && let Some(prefer) = house_spelling.prefer
        {
            for (variant, preferred) in prefer {
                let key_span = variant.span();
                let variant = variant.into_inner();
                let Some(preferred) = preferred.get_ref().as_str() else {
                    return Err(error_at(
                        Some(preferred.span()),
                        format!(
                            "house-spelling: the value for \"{variant}\" must be a string, the spelling to use"
                        ),
                    ));
                };
                if let Err(message) = checks::house_spelling::validate_preference(&variant, preferred) {
                    return Err(error_at(Some(key_span), format!("house-spelling: {message}")));
                }
                // The file's entry replaces the base's for the same word.
                engine
                    .house_spelling_prefer
                    .retain(|(base_variant, _)| *base_variant != variant);
                engine
                    .house_spelling_prefer
                    .push((variant, preferred.to_string()));
            }
        }
        if let Some(acronyms) = raw.acronyms {
            if let Some(hints) = acronyms.hints {
                engine.acronym_hints = hints;
            }
            if acronyms.known.is_some() {
                engine.known_acronyms.clear();
            }
            for acronym in acronyms.known.unwrap_or_default() {
                let written = acronym.get_ref();
                let letters = written.chars().filter(|c| c.is_alphabetic()).count();
                let valid = letters >= 2
                    && !written.chars().any(char::is_lowercase)
                    && written
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-'));
                if !valid {
                    return Err(error_at(
                        Some(acronym.span()),
                        format!(
                            "acronyms.known: \"{written}\" is not an acronym; write it in capitals as it appears in copy (\"NTWU\", \"U.N.\")"
                        ),
                    ));
                }
                engine.known_acronyms.push(acronym.into_inner());
            }
        }
        if let Some(lsp) = raw.lsp
            && let Some(debounce) = lsp.debounce_ms
        {
            if !(0..=10_000).contains(debounce.get_ref()) {
                return Err(error_at(
                    Some(debounce.span()),
                    "debounce_ms must be between 0 and 10000".to_string(),
                ));
            }
            config.editor.debounce_ms = *debounce.get_ref() as u64;
        }
        Ok(config)
    }

    /// Parses settings sent as JSON (the language server's `initializationOptions` and
    /// `workspace/didChangeConfiguration`), with the same keys as `copydesk.toml`.
    pub fn from_json(value: &serde_json::Value) -> Result<Config, ConfigError> {
        let text = toml::to_string(value).map_err(|error| ConfigError {
            path: None,
            line: None,
            column: None,
            span: None,
            message: format!("settings must be an object with copydesk.toml's keys: {error}"),
        })?;
        Config::from_toml(&text, None).map_err(|mut error| {
            error.line = None;
            error.column = None;
            error.span = None;
            error.message = format!("in the editor settings: {}", error.message);
            error
        })
    }

    /// Finds the configuration file for a draft: the first `copydesk.toml` or
    /// `.copydesk.toml` in its folder or a folder above.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let mut folder = if start.is_dir() {
            Some(start)
        } else {
            start.parent()
        };
        while let Some(current) = folder {
            for name in CONFIG_FILE_NAMES {
                let candidate = current.join(name);
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
            folder = current.parent();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key() {
        let text = r#"
style = "ap"
story = "folder"
[files]
include = ["*.md"]
max_size = 2048
[rules]
unattributed-figure = "error"
duplicate-paragraph = "off"
[names]
known = ["Volodymyr Zelenskyy"]
[attribution]
verbs = ["briefed"]
[lsp]
debounce_ms = 300
"#;
        let config = Config::from_toml(text, None).unwrap();
        assert_eq!(config.engine.style, Style::Ap);
        assert_eq!(config.workspace.story, StoryScope::Folder);
        assert_eq!(config.workspace.files.include(), ["*.md"]);
        assert_eq!(config.workspace.max_file_size, 2048);
        assert_eq!(
            config.engine.rules["unattributed-figure"],
            RuleLevel::On(Severity::Error)
        );
        assert_eq!(config.engine.rules["duplicate-paragraph"], RuleLevel::Off);
        assert_eq!(config.engine.known_names, vec!["Volodymyr Zelenskyy"]);
        assert_eq!(config.engine.attribution_verbs, vec!["briefed"]);
        assert_eq!(config.editor.debounce_ms, 300);
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let error = Config::from_toml(
            "[rules]\nname-consistancy = \"error\"\n",
            Some(Path::new("copydesk.toml")),
        )
        .unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(1)));
        assert!(
            error.message.contains("unknown rule \"name-consistancy\""),
            "{}",
            error.message
        );
        assert!(error.to_string().starts_with("copydesk.toml:2:1: "));

        let error = Config::from_toml("[rules]\nname-consistency = \"loud\"\n", None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(20)));
        assert!(error.message.contains("bad level \"loud\""));

        let error = Config::from_toml("stlye = \"ap\"\n", None).unwrap_err();
        assert_eq!(error.line, Some(1));
        assert!(error.message.contains("unknown field"), "{}", error.message);

        let error = Config::from_toml("[lsp]\ndebounce_ms = -4\n", None).unwrap_err();
        assert_eq!(error.line, Some(2));

        let error = Config::from_toml(
            "[files]\ninclude = [\"*.md\", \"[abc\"]\n",
            Some(Path::new("copydesk.toml")),
        )
        .unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(20)));
        assert!(
            error
                .to_string()
                .starts_with("copydesk.toml:2:20: bad file pattern \"[abc\": "),
            "{error}"
        );
        let error =
            Config::from_toml("[files]\nexclude = [\n  \"a/**\",\n  \"b/{x\",\n]\n", None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(4), Some(3)));
    }

    #[test]
    fn style_keys_and_presets() {
        let text = r#"
style = "ap"
[house-spelling]
prefer = { "cease-fire" = "ceasefire", "judgement" = "judgment" }
[acronyms]
known = ["NTWU", "U.N.", "R&D"]
"#;
        let config = Config::from_toml(text, None).unwrap();
        assert_eq!(
            config.engine.house_spelling_prefer,
            vec![
                ("cease-fire".to_string(), "ceasefire".to_string()),
                ("judgement".to_string(), "judgment".to_string())
            ]
        );
        assert_eq!(config.engine.known_acronyms, vec!["NTWU", "U.N.", "R&D"]);
        let number_style = checks::rule("number-style").unwrap();
        let dateline = checks::rule("dateline").unwrap();
        let placeholder = checks::rule("placeholder").unwrap();
        assert_eq!(
            config.engine.rule_level(number_style),
            RuleLevel::On(Severity::Warning)
        );
        assert_eq!(
            config.engine.rule_level(dateline),
            RuleLevel::On(Severity::Warning)
        );
        let plain = Config::default();
        assert_eq!(plain.engine.style, Style::Plain);
        assert_eq!(plain.engine.rule_level(number_style), RuleLevel::Off);
        assert_eq!(plain.engine.rule_level(dateline), RuleLevel::Off);
        assert_eq!(
            plain.engine.rule_level(placeholder),
            RuleLevel::On(Severity::Error)
        );
        // A rule turned on by name runs under either preset.
        let on = Config::from_toml("[rules]\nnumber-style = \"info\"\n", None).unwrap();
        assert_eq!(on.engine.rule_level(number_style), RuleLevel::On(Severity::Info));
    }

    #[test]
    fn style_key_errors_name_the_line_and_column() {
        let error = Config::from_toml(
            "[house-spelling]\nprefer = { \"US\" = \"UK\" }\n",
            Some(Path::new("copydesk.toml")),
        )
        .unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(12)), "{error}");
        assert!(
            error.message.contains("not two spellings of one word"),
            "{}",
            error.message
        );

        let error = Config::from_toml("[house-spelling]\nprefer = { \"colour\" = 3 }\n", None).unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("must be a string"), "{}", error.message);

        let error = Config::from_toml("[house-spelling]\npreferred = {}\n", None).unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("unknown field"), "{}", error.message);

        let error = Config::from_toml("[acronyms]\nknown = [\"NTWU\", \"nato\"]\n", None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(18)), "{error}");
        assert!(error.message.contains("not an acronym"), "{}", error.message);

        let error = Config::from_toml("[acronyms]\nknow = []\n", None).unwrap_err();
        assert_eq!(error.line, Some(2));
    }

    #[test]
    fn json_settings_use_the_same_keys() {
        let value = serde_json::json!({"rules": {"unattributed-figure": "off"}, "lsp": {"debounce_ms": 50}});
        let config = Config::from_json(&value).unwrap();
        assert_eq!(config.engine.rules["unattributed-figure"], RuleLevel::Off);
        assert_eq!(config.editor.debounce_ms, 50);
        let bad = serde_json::json!({"rules": {"nope": "off"}});
        assert!(
            Config::from_json(&bad)
                .unwrap_err()
                .message
                .contains("unknown rule")
        );
    }

    #[test]
    fn a_file_over_a_base_keeps_what_it_does_not_set() {
        let base = Config::from_json(&serde_json::json!({
            "style": "ap",
            "story": "folder",
            "files": {"exclude": ["archive/**"], "max_size": 1000},
            "rules": {"placeholder": "off", "repeated-word": "hint"},
            "names": {"known": ["Volodymyr Zelenskyy"]},
            "attribution": {"verbs": ["briefed"]},
            "house-spelling": {"prefer": {"cease-fire": "ceasefire", "judgement": "judgment"}},
            "acronyms": {"known": ["NTWU"], "hints": true},
            "lsp": {"debounce_ms": 40},
        }))
        .unwrap();
        let path = Path::new("/news/copydesk.toml");

        let empty = Config::from_toml_over("", Some(path), &base).unwrap();
        assert_eq!(empty.engine, base.engine);
        assert_eq!(empty.workspace.story, StoryScope::Folder);
        assert_eq!(empty.workspace.max_file_size, 1000);
        assert_eq!(empty.workspace.files.exclude(), ["archive/**"]);
        assert_eq!(empty.editor.debounce_ms, 40);
        assert_eq!(empty.source.as_deref(), Some(path));

        let partial = Config::from_toml_over(
            "style = \"plain\"\n[rules]\nplaceholder = \"error\"\n[names]\n[house-spelling]\nprefer = { \"judgement\" = \"judgement\", \"towards\" = \"toward\" }\n[acronyms]\nknown = [\"UN\"]\n",
            Some(path),
            &base,
        )
        .unwrap();
        assert_eq!(partial.engine.style, Style::Plain);
        // Rules merge rule by rule.
        assert_eq!(
            partial.engine.rules["placeholder"],
            RuleLevel::On(Severity::Error)
        );
        assert_eq!(
            partial.engine.rules["repeated-word"],
            RuleLevel::On(Severity::Hint)
        );
        // A table with no `known` keeps the base's list; a list that is set replaces it.
        assert_eq!(partial.engine.known_names, vec!["Volodymyr Zelenskyy"]);
        assert_eq!(partial.engine.known_acronyms, vec!["UN"]);
        assert!(partial.engine.acronym_hints);
        assert_eq!(partial.engine.attribution_verbs, vec!["briefed"]);
        // House spellings merge word by word, the file's winning.
        let mut prefer = partial.engine.house_spelling_prefer.clone();
        prefer.sort();
        assert_eq!(
            prefer,
            [
                ("cease-fire", "ceasefire"),
                ("judgement", "judgement"),
                ("towards", "toward")
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert_eq!(partial.workspace.story, StoryScope::Folder);

        // Over the defaults (what `copydesk check` reads), nothing of the base leaks in.
        let alone = Config::from_toml("[rules]\nplaceholder = \"error\"\n", Some(path)).unwrap();
        assert_eq!(alone.engine.style, Style::Plain);
        assert!(alone.engine.known_names.is_empty());
        assert_eq!(alone.engine.rules.len(), 1);
    }
}
