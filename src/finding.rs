//! What the analysis produces: findings, their fixes, and the edits those fixes make.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "hint" => Some(Severity::Hint),
            "info" | "information" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Whether a fix can be applied without a person reading it, as ruff defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Applying it to a correct finding cannot change what the copy means, and the finding
    /// class is reliable on real copy (`copydesk check --fix`).
    Safe,
    /// Right most of the time, but a judgement a heuristic made: a respelling, a rewording
    /// (`--fix --unsafe-fixes`).
    Unsafe,
    /// The writer must complete it (a placeholder such as ", according to [source]"):
    /// offered in the editor, never written by `--fix`.
    DisplayOnly,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// One text replacement in one draft of the story.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    /// Index of the draft in the story.
    pub draft: usize,
    /// Byte range replaced.
    pub span: Range<usize>,
    pub new_text: String,
}

/// A way to resolve a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// A place related to a finding: the canonical spelling, the first copy of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub draft: usize,
    pub span: Range<usize>,
    pub message: String,
}

/// A problem found in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule id, kebab-case (`name-consistency`).
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Index of the draft in the story.
    pub draft: usize,
    /// Byte range flagged.
    pub span: Range<usize>,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// A finding with no related places and no fixes, at the rule's default severity
    /// (the engine applies the configured severity afterwards).
    pub fn new(rule: &'static str, draft: usize, span: Range<usize>, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            message: message.into(),
            draft,
            span,
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }

    pub fn with_related(mut self, draft: usize, span: Range<usize>, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            draft,
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fixes.push(fix);
        self
    }
}

impl Fix {
    /// A fix that replaces one span of one draft.
    pub fn replace(
        title: impl Into<String>,
        draft: usize,
        span: Range<usize>,
        new_text: impl Into<String>,
        applicability: Applicability,
    ) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                draft,
                span,
                new_text: new_text.into(),
            }],
            applicability,
        }
    }
}
