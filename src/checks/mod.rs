//! The checks: one file per rule, registered here in alphabetical order.
//!
//! Each check is a function `check(&Ctx, &mut Findings)` that reads the parsed drafts
//! of one story and pushes findings (the sink keeps at most a bounded number per draft). Checks never do IO and never panic; the engine in
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
pub mod restated_paragraph;
pub mod second_reference;
pub mod unattributed_figure;
pub mod web_residue;

use std::sync::OnceLock;

use crate::config::EngineSettings;
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
    pub fn quotations(&self, config: &EngineSettings) -> &[Quotation] {
        self.quotations
            .get_or_init(|| find_quotations(&self.parsed, &config.attribution_verbs))
    }
}

/// What a check reads: the story's drafts and the engine's part of the configuration.
pub struct Ctx<'a> {
    /// The drafts checked.
    pub drafts: &'a [DraftContext<'a>],
    pub config: &'a EngineSettings,
    /// The checked drafts followed by the references (`copydesk check --against DIR`):
    /// drafts compared with but never checked. Only rules that compare drafts read it;
    /// a finding's related location may point into the references by its index here.
    pub all: &'a [DraftContext<'a>],
}

impl<'a> Ctx<'a> {
    /// A context with no references.
    pub fn new(drafts: &'a [DraftContext<'a>], config: &'a EngineSettings) -> Ctx<'a> {
        Ctx {
            drafts,
            config,
            all: drafts,
        }
    }

    /// The checked drafts followed by the references.
    pub fn with_references(&self) -> &'a [DraftContext<'a>] {
        self.all
    }
}

/// Where a check puts its findings: a list that keeps, for each draft, at most `limit`
/// findings, the first in the text (by start, rule and end), and counts the others, so that
/// a draft dense with findings (4 MB of "the the") costs bounded memory. Findings an
/// inline directive suppresses are dropped as they arrive and not counted.
pub struct Findings<'s> {
    drafts: &'s [DraftContext<'s>],
    limit: usize,
    kept: Vec<Vec<Finding>>,
    /// Per draft: findings dropped past the limit.
    omitted: Vec<usize>,
    /// Per draft: the start of the first finding dropped.
    first_omitted: Vec<Option<usize>>,
}

/// The order findings are reported in.
pub(crate) fn order_key(finding: &Finding) -> (usize, usize, &'static str, usize) {
    (finding.draft, finding.span.start, finding.rule, finding.span.end)
}

impl<'s> Findings<'s> {
    pub fn new(drafts: &'s [DraftContext<'s>], limit: usize) -> Findings<'s> {
        Findings {
            drafts,
            limit: limit.max(1),
            kept: (0..drafts.len()).map(|_| Vec::new()).collect(),
            omitted: vec![0; drafts.len()],
            first_omitted: vec![None; drafts.len()],
        }
    }

    pub fn push(&mut self, finding: Finding) {
        let draft = finding.draft;
        let Some(list) = self.kept.get_mut(draft) else {
            return;
        };
        if crate::story::is_suppressed(&self.drafts[draft].parsed, &finding) {
            return;
        }
        list.push(finding);
        if list.len() >= self.limit.saturating_mul(2) {
            self.trim(draft);
        }
    }

    /// Adds findings already checked for suppression (another sink's).
    pub(crate) fn extend_unchecked(&mut self, findings: Vec<Finding>) {
        for finding in findings {
            let draft = finding.draft;
            if let Some(list) = self.kept.get_mut(draft) {
                list.push(finding);
                if list.len() >= self.limit.saturating_mul(2) {
                    self.trim(draft);
                }
            }
        }
    }

    /// Gives every finding the rule's configured level; a finding the rule marks as a hint
    /// (weak evidence) stays a hint, or below if the rule is configured lower.
    pub(crate) fn set_severity(&mut self, severity: Severity) {
        for finding in self.kept.iter_mut().flatten() {
            // A finding a rule marks below a warning (a hint on weak evidence, an
            // informational note) stays that low, or lower if the rule is configured lower.
            finding.severity = if finding.severity < Severity::Warning {
                finding.severity.min(severity)
            } else {
                severity
            };
        }
    }

    /// Sorts a draft's findings, drops duplicates and keeps the first `limit`.
    fn trim(&mut self, draft: usize) {
        let list = &mut self.kept[draft];
        list.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
        list.dedup_by(|a, b| a.span == b.span && a.rule == b.rule);
        if list.len() > self.limit {
            let dropped = list.len() - self.limit;
            let first = list[self.limit].span.start;
            list.truncate(self.limit);
            self.omitted[draft] += dropped;
            let slot = &mut self.first_omitted[draft];
            *slot = Some(slot.map_or(first, |f| f.min(first)));
        }
    }

    /// The findings kept, each draft's sorted, and per draft how many were left out and
    /// where the first of them starts.
    pub fn finish(mut self) -> (Vec<Finding>, Vec<usize>, Vec<Option<usize>>) {
        for draft in 0..self.kept.len() {
            self.trim(draft);
        }
        let findings = self.kept.into_iter().flatten().collect();
        (findings, self.omitted, self.first_omitted)
    }
}

impl Extend<Finding> for Findings<'_> {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, iter: I) {
        for finding in iter {
            self.push(finding);
        }
    }
}

/// Whether a rule's findings carry fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    /// Every finding carries a fix.
    Always,
    /// Some findings carry a fix; others need the writer.
    Sometimes,
    /// No finding carries a fix.
    Never,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::Always => "always",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Never => "never",
        }
    }
}

/// A rule: what the registry knows of it, and the check itself.
///
/// A rule that looks at one draft at a time implements [`Rule::check_draft`]; a rule that
/// compares drafts (names, duplicates) overrides [`Rule::check`], which by default runs
/// `check_draft` on each draft of the story.
pub trait Rule: Sync {
    /// Kebab-case id naming the thing flagged (`duplicate-paragraph`).
    fn id(&self) -> &'static str;
    /// One line for `copydesk rules`.
    fn summary(&self) -> &'static str;
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    /// Whether its findings carry fixes (a test holds every rule to it).
    fn fix_availability(&self) -> FixAvailability;
    /// On only under `style = "ap"` unless configured.
    fn ap_only(&self) -> bool {
        false
    }
    /// Checks one draft of the story.
    fn check_draft(&self, _ctx: &Ctx<'_>, _draft: usize, _out: &mut Findings<'_>) {}
    /// Checks the whole story.
    fn check(&self, ctx: &Ctx<'_>, out: &mut Findings<'_>) {
        for draft in 0..ctx.drafts.len() {
            self.check_draft(ctx, draft, out);
        }
    }
}

mod docs {
    include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));
}

impl dyn Rule + '_ {
    /// The rule's documentation, in Markdown: its file's leading doc comment, extracted at
    /// build time.
    pub fn documentation(&self) -> &'static str {
        let stem = self.id().replace('-', "_");
        docs::RULE_DOCS
            .iter()
            .find(|(file, _)| *file == stem)
            .map_or("", |(_, text)| text)
    }

    /// The address of the rule's documentation page.
    pub fn documentation_url(&self) -> String {
        format!(
            "{}/blob/main/docs/rules/{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            self.id()
        )
    }
}

/// Every rule, alphabetical by id. Registering a rule is one line here.
pub static RULES: &[&dyn Rule] = &[
    &acronym_first_use::AcronymFirstUse,
    &dateline::DatelineRule,
    &duplicate_paragraph::DuplicateParagraph,
    &generated_text_residue::GeneratedTextResidue,
    &house_spelling::HouseSpelling,
    &name_consistency::NameConsistency,
    &number_style::NumberStyle,
    &placeholder::Placeholder,
    &quote_balance::QuoteBalance,
    &repeated_word::RepeatedWord,
    &restated_paragraph::RestatedParagraph,
    &second_reference::SecondReference,
    &unattributed_figure::UnattributedFigure,
    &web_residue::WebResidue,
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|rule| rule.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_alphabetical_and_documented() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        for rule in RULES {
            let docs = rule.documentation();
            for heading in [
                "## What it flags", "## Why it matters", "## Example", "## Fix", "## Configuration",
            ] {
                assert!(docs.contains(heading), "{} lacks {heading}", rule.id());
            }
            assert!(rule.id().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
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
            // A rule that compares drafts never fires on one; its own tests give it two.
            if rule.id() == "restated-paragraph" {
                continue;
            }
            let text = sample(rule.id()).unwrap_or_else(|| panic!("{} has no sample draft", rule.id()));
            let findings = crate::testing::findings_for(rule.id(), text);
            assert!(!findings.is_empty(), "{} does not fire on its sample", rule.id());
            let fixes = findings.iter().filter(|f| !f.fixes.is_empty()).count();
            match rule.fix_availability() {
                FixAvailability::Always => assert_eq!(
                    fixes,
                    findings.len(),
                    "{} says every finding has a fix but some have none",
                    rule.id()
                ),
                FixAvailability::Sometimes => assert!(
                    fixes > 0,
                    "{} says some findings have fixes but its sample's have none",
                    rule.id()
                ),
                FixAvailability::Never => {
                    assert_eq!(fixes, 0, "{} says it does not fix but offers fixes", rule.id())
                }
            }
        }
    }

    #[test]
    fn safe_fixes_converge_and_stay_in_their_spans() {
        for rule in RULES
            .iter()
            .filter(|r| r.fix_availability() != FixAvailability::Never)
        {
            let text = sample(rule.id()).expect("sample");
            let mut current = text.to_string();
            for round in 0.. {
                assert!(
                    round < 10,
                    "{}: safe fixes do not converge on {text:?}",
                    rule.id()
                );
                let findings = crate::testing::findings_for(rule.id(), &current);
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
                                rule.id()
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
                assert_eq!(fixed, rebuilt, "{}", rule.id());
                current = fixed;
            }
        }
    }
}
