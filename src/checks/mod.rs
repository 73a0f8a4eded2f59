//! The checks: one file per rule, registered here in alphabetical order.
//!
//! Each check is a function `check(&Ctx, &mut Vec<Finding>)` that reads the parsed drafts
//! of one story and pushes findings. Checks never do IO and never panic; the engine in
//! `story.rs` applies configured severities and inline suppressions afterwards.

pub mod duplicate_paragraph;
pub mod name_consistency;
pub mod unattributed_figure;

use std::cell::OnceCell;

use crate::config::Config;
use crate::finding::{Finding, Severity};
use crate::text::ParsedDraft;
use crate::text::names::{NameMention, find_mentions};
use crate::text::quotes::{Quotation, find_quotations};

/// One draft of the story, parsed, with the shared analyses computed on first use.
pub struct DraftContext<'a> {
    /// The draft's path or URI, as the front end names it.
    pub path: &'a str,
    pub parsed: ParsedDraft<'a>,
    mentions: OnceCell<Vec<NameMention>>,
    quotations: OnceCell<Vec<Quotation>>,
}

impl<'a> DraftContext<'a> {
    pub fn new(path: &'a str, parsed: ParsedDraft<'a>) -> DraftContext<'a> {
        DraftContext {
            path,
            parsed,
            mentions: OnceCell::new(),
            quotations: OnceCell::new(),
        }
    }

    /// The draft's name mentions.
    pub fn mentions(&self) -> &[NameMention] {
        self.mentions.get_or_init(|| find_mentions(&self.parsed))
    }

    /// The draft's direct quotations (attribution uses the configured extra verbs).
    pub fn quotations(&self, config: &Config) -> &[Quotation] {
        self.quotations
            .get_or_init(|| find_quotations(&self.parsed, &config.attribution_verbs))
    }
}

/// What a check reads: the story's drafts and the configuration.
pub struct Ctx<'a> {
    pub drafts: &'a [DraftContext<'a>],
    pub config: &'a Config,
}

/// A rule as the registry lists it.
pub struct RuleInfo {
    /// Kebab-case id naming the thing flagged.
    pub id: &'static str,
    /// One line for `copydesk rules`.
    pub summary: &'static str,
    pub default_severity: Severity,
    /// Whether its findings carry fixes (a test holds every such rule to it).
    pub fixable: bool,
    /// On only under `style = "ap"` unless configured.
    pub ap_only: bool,
    /// The check's source file, whose leading `//!` comment is the rule's documentation.
    source: &'static str,
    pub check: fn(&Ctx<'_>, &mut Vec<Finding>),
}

impl RuleInfo {
    /// The rule's documentation, in Markdown: the check file's leading doc comment.
    pub fn documentation(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            if let Some(rest) = line.strip_prefix("//!") {
                out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
                out.push('\n');
            } else if !line.trim().is_empty() {
                break;
            }
        }
        out
    }

    /// The address of the rule's documentation page.
    pub fn documentation_url(&self) -> String {
        format!(
            "{}/blob/main/docs/rules/{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            self.id
        )
    }
}

/// Every rule, alphabetical by id.
pub static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "duplicate-paragraph",
        summary: "A paragraph that repeats an earlier one, exactly or nearly.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("duplicate_paragraph.rs"),
        check: duplicate_paragraph::check,
    },
    RuleInfo {
        id: "name-consistency",
        summary: "A name spelled differently from its other mentions in the story.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("name_consistency.rs"),
        check: name_consistency::check,
    },
    RuleInfo {
        id: "unattributed-figure",
        summary: "A statistic stated as fact with no source in its sentence.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("unattributed_figure.rs"),
        check: unattributed_figure::check,
    },
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|rule| rule.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_alphabetical_and_documented() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        for rule in RULES {
            let docs = rule.documentation();
            for heading in [
                "## What it flags", "## Why it matters", "## Example", "## Fix", "## Configuration",
            ] {
                assert!(docs.contains(heading), "{} lacks {heading}", rule.id);
            }
            assert!(rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }
}
