//! The checks: one file per rule, registered here in alphabetical order.
//!
//! Each check is a function `check(&Ctx, &mut Vec<Finding>)` that reads the parsed drafts
//! of one story and pushes findings. Checks never do IO and never panic; the engine in
//! `story.rs` applies configured severities and inline suppressions afterwards.

pub mod acronym_first_use;
pub mod dateline;
pub mod duplicate_paragraph;
pub mod generated_text_residue;
pub mod house_spelling;
pub mod name_consistency;
pub mod number_style;
pub mod placeholder;
pub mod quote_balance;
pub mod repeated_word;
pub mod second_reference;
pub mod unattributed_figure;
pub mod web_residue;

use std::sync::OnceLock;

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
    mentions: OnceLock<Vec<NameMention>>,
    quotations: OnceLock<Vec<Quotation>>,
}

impl<'a> DraftContext<'a> {
    pub fn new(path: &'a str, parsed: ParsedDraft<'a>) -> DraftContext<'a> {
        DraftContext {
            path,
            parsed,
            mentions: OnceLock::new(),
            quotations: OnceLock::new(),
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
        id: "acronym-first-use",
        summary: "An acronym used before it is spelled out, unless readers know it.",
        default_severity: Severity::Warning,
        fixable: false,
        ap_only: false,
        source: include_str!("acronym_first_use.rs"),
        check: acronym_first_use::check,
    },
    RuleInfo {
        id: "dateline",
        summary: "A dateline not in the house form (CITY, Region —).",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: true,
        source: include_str!("dateline.rs"),
        check: dateline::check,
    },
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
        id: "generated-text-residue",
        summary: "Notes left by a text generator or rewriting tool, and stray Markdown emphasis.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("generated_text_residue.rs"),
        check: generated_text_residue::check,
    },
    RuleInfo {
        id: "house-spelling",
        summary: "A word spelled two ways in one story, or not in the house form.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("house_spelling.rs"),
        check: house_spelling::check,
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
        id: "number-style",
        summary: "Numbers not in AP style: one through nine spelled out, 10 and above in figures.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: true,
        source: include_str!("number_style.rs"),
        check: number_style::check,
    },
    RuleInfo {
        id: "placeholder",
        summary: "A placeholder left in the copy: TK, XX, ???, [link], lorem ipsum.",
        default_severity: Severity::Error,
        fixable: false,
        ap_only: false,
        source: include_str!("placeholder.rs"),
        check: placeholder::check,
    },
    RuleInfo {
        id: "quote-balance",
        summary: "A quotation mark with no partner, or straight and curly quotes mixed.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("quote_balance.rs"),
        check: quote_balance::check,
    },
    RuleInfo {
        id: "repeated-word",
        summary: "A word typed twice in a row.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("repeated_word.rs"),
        check: repeated_word::check,
    },
    RuleInfo {
        id: "second-reference",
        summary: "A surname before the full name, or the full name repeated after it.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("second_reference.rs"),
        check: second_reference::check,
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
    RuleInfo {
        id: "web-residue",
        summary: "Page furniture scraped with the article: buttons, share prompts, comment forms.",
        default_severity: Severity::Warning,
        fixable: true,
        ap_only: false,
        source: include_str!("web_residue.rs"),
        check: web_residue::check,
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

    /// A short draft on which each rule fires, for the fix tests below.
    fn sample(rule: &str) -> Option<&'static str> {
        Some(match rule {
            "acronym-first-use" => "Headline\n\nThe NTWU said members rejected the offer.\n",
            "dateline" => "Headline\n\nDublin, Ireland - Bus services stopped on Monday.\n",
            "duplicate-paragraph" => {
                "Headline\n\nOne two three four five six.\n\nOne two three four five six.\n"
            }
            "generated-text-residue" => "Headline\n\nThe bank cut rates on Monday. I hope this helps!\n",
            "house-spelling" => {
                "Headline\n\nThe cease-fire held. The cease-fire broke. The ceasefire was over.\n"
            }
            "name-consistency" => {
                "Headline\n\nTaras Kovalevskyi said talks failed.\n\nKovalevskyi said it again.\n\nKovalevsky said it was over.\n"
            }
            "number-style" => "Headline\n\nOfficials said 3 people were hurt and twelve were treated.\n",
            "placeholder" => "Headline\n\nThe fund lost $XX million, TK said.\n",
            "quote-balance" => "Headline\n\n“We paid,” she said. “It’s over.”\n\nHe said \"no\" and left.\n",
            "repeated-word" => "Headline\n\nThe union said the the offer was final.\n",
            "second-reference" => {
                "Headline\n\nTaras Kovalevskyi, the director, said 40 buses ran.\n\nKovalevskyi said talks were over.\n\nTaras Kovalevskyi said he would stay.\n"
            }
            "unattributed-figure" => "Headline\n\nTurnout was 58.3%.\n",
            "web-residue" => {
                "politicsUSA\n\nTalks set to resume next week, sources say\n\nNegotiators from three countries will meet in Brussels on Tuesday, officials said.\n\nBack to top button\n"
            }
            _ => return None,
        })
    }

    #[test]
    fn fixable_rules_fix_and_the_others_do_not() {
        for rule in RULES {
            let text = sample(rule.id).unwrap_or_else(|| panic!("{} has no sample draft", rule.id));
            let findings = crate::testing::findings_for(rule.id, text);
            assert!(!findings.is_empty(), "{} does not fire on its sample", rule.id);
            let fixes = findings.iter().filter(|f| !f.fixes.is_empty()).count();
            if rule.fixable {
                assert!(
                    fixes > 0,
                    "{} says it fixes but its findings carry no fix",
                    rule.id
                );
            } else {
                assert_eq!(fixes, 0, "{} says it does not fix but offers fixes", rule.id);
            }
        }
    }

    #[test]
    fn safe_fixes_converge_and_stay_in_their_spans() {
        for rule in RULES.iter().filter(|r| r.fixable) {
            let text = sample(rule.id).expect("sample");
            let mut current = text.to_string();
            for round in 0.. {
                assert!(round < 10, "{}: safe fixes do not converge on {text:?}", rule.id);
                let findings = crate::testing::findings_for(rule.id, &current);
                for finding in &findings {
                    for fix in &finding.fixes {
                        for edit in &fix.edits {
                            assert!(edit.span.start <= edit.span.end && edit.span.end <= current.len());
                            assert!(
                                current.is_char_boundary(edit.span.start)
                                    && current.is_char_boundary(edit.span.end)
                            );
                            assert_ne!(
                                &current[edit.span.clone()],
                                edit.new_text,
                                "{}: an edit that changes nothing",
                                rule.id
                            );
                        }
                    }
                }
                let edits = crate::fix::edits_for_draft(&findings, 0, crate::fix::FixMode::Safe);
                if edits.is_empty() {
                    break;
                }
                let fixed = crate::fix::apply_edits(&current, &edits);
                // Outside the edited spans the text is unchanged.
                let mut cursor = 0;
                let mut rebuilt = String::new();
                for edit in &edits {
                    rebuilt.push_str(&current[cursor..edit.span.start]);
                    rebuilt.push_str(&edit.new_text);
                    cursor = edit.span.end;
                }
                rebuilt.push_str(&current[cursor..]);
                assert_eq!(fixed, rebuilt, "{}", rule.id);
                current = fixed;
            }
        }
    }
}
