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
    /// The run this finding belongs to, when a rule reports a run of lines (web-residue's
    /// block of page furniture). Reports for people (human, GitHub annotations, the editor)
    /// show a run once ([`collapse_groups`]); JSON and SARIF list each member, one per
    /// line, so that line-based tools see every line.
    pub group: Option<Group>,
}

/// A run of findings reported as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The byte span of the whole run, in the findings' draft.
    pub span: Range<usize>,
    /// What the run is, for the one finding that stands for it.
    pub message: String,
}

/// The findings as a person reads them: each run of grouped findings becomes one finding
/// over the whole run, whose one fix makes all the members' first fixes (safe only when
/// every one of them is). Findings keep their order.
pub fn collapse_groups(findings: &[Finding]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut index = 0;
    while index < findings.len() {
        let finding = &findings[index];
        let Some(group) = &finding.group else {
            out.push(finding.clone());
            index += 1;
            continue;
        };
        let members: Vec<&Finding> = findings[index..]
            .iter()
            .take_while(|f| {
                f.draft == finding.draft && f.rule == finding.rule && f.group.as_ref() == Some(group)
            })
            .collect();
        if members.len() < 2 {
            let mut single = finding.clone();
            single.group = None;
            out.push(single);
            index += 1;
            continue;
        }
        let edits_of = |safe_only: bool| {
            let mut edits: Vec<Edit> = members
                .iter()
                .filter_map(|m| m.fixes.first())
                .filter(|fix| !safe_only || fix.applicability == Applicability::Safe)
                .flat_map(|fix| fix.edits.iter().cloned())
                .collect();
            edits.sort_by_key(|e| (e.draft, e.span.start));
            // Deletions that touch or overlap (a line and the blank line the next one takes
            // with it) become one.
            let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
            for edit in edits {
                match merged.last_mut() {
                    Some(last)
                        if last.draft == edit.draft
                            && last.new_text.is_empty()
                            && edit.new_text.is_empty()
                            && edit.span.start <= last.span.end =>
                    {
                        last.span.end = last.span.end.max(edit.span.end);
                    }
                    _ => merged.push(edit),
                }
            }
            merged
        };
        let (all, safe) = (edits_of(false), edits_of(true));
        let mut whole = Finding::new(
            finding.rule,
            finding.draft,
            group.span.clone(),
            group.message.clone(),
        );
        whole.severity = members
            .iter()
            .map(|m| m.severity)
            .max()
            .unwrap_or(finding.severity);
        let sure = members
            .iter()
            .filter(|m| {
                m.fixes
                    .first()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
            })
            .count();
        if !all.is_empty() {
            whole.fixes.push(Fix {
                title: format!("Delete these {} lines", members.len()),
                edits: all,
                applicability: if sure == members.len() {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                },
            });
        }
        // When only some members are sure, their deletion alone is a safe fix too: what
        // `--fix` and `copydesk clean` do.
        if sure > 0 && sure < members.len() {
            whole.fixes.push(Fix {
                title: format!("Delete the {sure} of them that are surely furniture"),
                edits: safe,
                applicability: Applicability::Safe,
            });
        }
        out.push(whole);
        index += members.len();
    }
    out
}

impl Finding {
    /// A finding with no related places and no fixes, at the rule's level (the engine
    /// applies the configured severity afterwards; a rule sets `Severity::Hint` on a finding
    /// whose evidence is weak, and it stays a hint).
    pub fn new(rule: &'static str, draft: usize, span: Range<usize>, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            message: message.into(),
            draft,
            span,
            related: Vec::new(),
            fixes: Vec::new(),
            group: None,
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
