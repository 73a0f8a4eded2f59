//! A story and the engine that analyses it.
//!
//! A story is one draft by default, or the drafts of one folder (`story = "folder"`), so
//! that a sidebar and a main story agree on spellings and a paragraph reused across
//! drafts is found. The engine parses each draft once, runs every enabled check over the
//! whole story, applies the configured severities and the drafts' inline suppressions,
//! and returns the findings in draft and position order.

use std::panic::{AssertUnwindSafe, catch_unwind};

use rayon::prelude::*;

use crate::checks::{self, Ctx, DraftContext};
use crate::config::{EngineSettings, RuleLevel};
use crate::finding::Finding;
use crate::text::{DirectiveKind, DraftFormat, ParsedDraft};

/// Stories at least this long (in bytes, about 600 words) run their rules in parallel: on
/// two cores a 1,000-word draft was analysed in 0.47 ms instead of 0.63 ms (docs/performance.md).
/// A shorter draft is analysed in well under the time a keystroke's debounce waits anyway.
const PARALLEL_RULES_BYTES: usize = 4 * 1024;

/// One draft handed to the engine: a name for messages, its text and its format.
#[derive(Debug, Clone, Copy)]
pub struct DraftInput<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub format: DraftFormat,
}

impl<'a> DraftInput<'a> {
    /// A draft whose format is chosen from its path (`.md` is Markdown, the rest plain).
    pub fn new(path: &'a str, text: &'a str) -> DraftInput<'a> {
        DraftInput {
            path,
            text,
            format: DraftFormat::from_path(path),
        }
    }
}

/// Builds everything the engine builds on first use (compiled patterns, small word
/// sets), so that the first real analysis is not the slow one. The language server calls
/// it at start.
pub fn warm_up() {
    let draft = "Warm-up headline\n\nTaras Kovalevskyi said 2,300 drivers walked out. Kovalevsky left.\n";
    let _ = analyze(
        &[DraftInput::new("warm-up.md", draft)],
        &EngineSettings::default(),
    );
    // Patterns the warm-up draft does not reach (they run only on lines that need them).
    checks::web_residue::compile_patterns();
    checks::generated_text_residue::compile_patterns();
    checks::placeholder::compile_patterns();
}

/// Parses the drafts of a story.
pub fn parse_story<'a>(drafts: &[DraftInput<'a>]) -> Vec<DraftContext<'a>> {
    drafts
        .iter()
        .map(|draft| DraftContext::new(draft.path, ParsedDraft::parse(draft.text, draft.format)))
        .collect()
}

/// The most findings a draft gets in a report: past this many, the rest are counted but
/// not kept (the first in the text are kept), and the front ends say how many were left
/// out. `copydesk check` applies it in the engine, so that a draft dense with findings
/// costs bounded memory; the language server shows at most this many diagnostics.
pub const MAX_FINDINGS_PER_DRAFT: usize = 10_000;

/// The findings of a story, at most a limit per draft, and what was left out.
#[derive(Debug, Clone, Default)]
pub struct BoundedFindings {
    /// The findings kept, in draft and position order.
    pub findings: Vec<Finding>,
    /// Per draft: how many findings were left out past the limit.
    pub omitted: Vec<usize>,
    /// Per draft: the byte offset of the first finding left out.
    pub first_omitted: Vec<Option<usize>>,
}

/// Analyses a story: every enabled rule over every draft. `settings` is an
/// [`EngineSettings`], or a whole [`crate::Config`] of which the engine reads only that.
pub fn analyze(drafts: &[DraftInput<'_>], settings: &impl AsRef<EngineSettings>) -> Vec<Finding> {
    let contexts = parse_story(drafts);
    analyze_parsed(&contexts, settings.as_ref())
}

/// Analyses a story keeping at most `limit` findings per draft (the first in the text) and
/// counting the rest ([`MAX_FINDINGS_PER_DRAFT`] is the front ends' limit).
pub fn analyze_bounded(
    drafts: &[DraftInput<'_>],
    settings: &impl AsRef<EngineSettings>,
    limit: usize,
) -> BoundedFindings {
    let contexts = parse_story(drafts);
    analyze_parsed_bounded(&contexts, settings.as_ref(), limit)
}

/// Analyses a story against reference drafts (`copydesk check --against DIR`): the
/// references are compared with (a finding's related location may point at one, by its
/// index after the drafts') but never checked.
pub fn analyze_bounded_with_references(
    drafts: &[DraftInput<'_>],
    references: &[DraftInput<'_>],
    settings: &impl AsRef<EngineSettings>,
    limit: usize,
) -> BoundedFindings {
    let mut all: Vec<DraftInput<'_>> = drafts.to_vec();
    all.extend_from_slice(references);
    let contexts = parse_story(&all);
    analyze_parsed_with_references(&contexts, drafts.len(), settings.as_ref(), limit)
}

/// Reference drafts (`copydesk check --against DIR`: a wire archive, earlier versions),
/// indexed once for all the stories checked against them. Each story is compared only
/// with the references its drafts could restate (`restated-paragraph`'s shortlist, see
/// [`checks::restated_paragraph::ReferenceIndex`]), so a story costs about its own size
/// however large the archive, and a finding does not depend on unrelated references.
pub struct References<'a> {
    inputs: Vec<DraftInput<'a>>,
    index: checks::restated_paragraph::ReferenceIndex,
}

impl<'a> References<'a> {
    /// Reads and indexes the references (their quotations as `settings` finds them).
    pub fn new(inputs: Vec<DraftInput<'a>>, settings: &EngineSettings) -> References<'a> {
        let contexts = parse_story(&inputs);
        let index = checks::restated_paragraph::ReferenceIndex::new(&contexts, settings);
        References { inputs, index }
    }

    /// A story's drafts parsed, followed by the references on its shortlist (parsed), and
    /// the shortlist: the indices of those references among all.
    pub fn with_story<'s>(
        &'s self,
        drafts: &[DraftInput<'s>],
        settings: &EngineSettings,
    ) -> (Vec<DraftContext<'s>>, Vec<usize>) {
        let mut contexts = parse_story(drafts);
        let shortlist = self.index.shortlist(&contexts, settings);
        let chosen: Vec<DraftInput<'s>> = shortlist.iter().map(|&i| self.inputs[i]).collect();
        contexts.extend(parse_story(&chosen));
        (contexts, shortlist)
    }

    /// How many references there are.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }
}

/// Analyses a story against indexed references: as [`analyze_bounded_with_references`],
/// but only the references on the story's shortlist are compared with it. A related
/// location in a reference is numbered as if every reference followed the drafts, in
/// order (the story's drafts, then `references` whole).
pub fn analyze_bounded_against(
    drafts: &[DraftInput<'_>],
    references: &References<'_>,
    settings: &impl AsRef<EngineSettings>,
    limit: usize,
) -> BoundedFindings {
    let settings = settings.as_ref();
    let (contexts, shortlist) = references.with_story(drafts, settings);
    let mut bounded = analyze_parsed_with_references(&contexts, drafts.len(), settings, limit);
    let checked = drafts.len();
    for finding in &mut bounded.findings {
        for related in &mut finding.related {
            if related.draft >= checked {
                related.draft = checked + shortlist[related.draft - checked];
            }
        }
    }
    bounded
}

/// Analyses drafts that are already parsed.
pub fn analyze_parsed(drafts: &[DraftContext<'_>], config: &EngineSettings) -> Vec<Finding> {
    analyze_parsed_bounded(drafts, config, usize::MAX).findings
}

/// Analyses drafts that are already parsed, keeping at most `limit` findings per draft.
/// Each rule's findings are bounded as they are pushed, so memory stays bounded too.
pub fn analyze_parsed_bounded(
    drafts: &[DraftContext<'_>],
    config: &EngineSettings,
    limit: usize,
) -> BoundedFindings {
    analyze_parsed_with_references(drafts, drafts.len(), config, limit)
}

/// Analyses the first `checked` of `all` (the rest are references), keeping at most
/// `limit` findings per checked draft.
pub fn analyze_parsed_with_references(
    all: &[DraftContext<'_>],
    checked: usize,
    config: &EngineSettings,
    limit: usize,
) -> BoundedFindings {
    let drafts = &all[..checked.min(all.len())];
    let ctx = Ctx { drafts, config, all };
    let run = |rule: &&dyn checks::Rule| -> checks::Findings<'_> {
        let mut rule_findings = checks::Findings::new(drafts, limit);
        let RuleLevel::On(severity) = config.rule_level(*rule) else {
            return rule_findings;
        };
        // A check must never panic; if one does, its findings are lost but the others
        // and the user's work are not.
        let outcome = catch_unwind(AssertUnwindSafe(|| rule.check(&ctx, &mut rule_findings)));
        if outcome.is_err() {
            tracing::error!(rule = rule.id(), "check panicked; its findings are skipped");
            debug_assert!(false, "check {} panicked", rule.id());
            return checks::Findings::new(drafts, limit);
        }
        // A finding comes at the rule's level; one the rule marks as a hint (weak evidence)
        // stays a hint, or below if the rule is configured lower.
        rule_findings.set_severity(severity);
        rule_findings
    };
    // A story of any length worth a second core runs its rules in parallel; the rules share
    // the draft's lazily computed analyses (mentions, quotations) through `OnceLock`s.
    let size: usize = all.iter().map(|d| d.parsed.source.len()).sum();
    let per_rule: Vec<checks::Findings<'_>> = if size >= PARALLEL_RULES_BYTES {
        checks::RULES.par_iter().map(run).collect()
    } else {
        checks::RULES.iter().map(run).collect()
    };
    // Each rule kept at most `limit` a draft; the story keeps the first `limit` of those.
    let mut all = checks::Findings::new(drafts, limit);
    let mut omitted = vec![0usize; drafts.len()];
    let mut first_omitted: Vec<Option<usize>> = vec![None; drafts.len()];
    let merge = |omitted: &mut [usize],
                 first_omitted: &mut [Option<usize>],
                 counts: Vec<usize>,
                 firsts: Vec<Option<usize>>| {
        for (draft, (count, first)) in counts.into_iter().zip(firsts).enumerate() {
            omitted[draft] += count;
            if let Some(first) = first {
                let slot = &mut first_omitted[draft];
                *slot = Some(slot.map_or(first, |f| f.min(first)));
            }
        }
    };
    for rule_findings in per_rule {
        let (findings, counts, firsts) = rule_findings.finish();
        merge(&mut omitted, &mut first_omitted, counts, firsts);
        all.extend_unchecked(findings);
    }
    let (findings, counts, firsts) = all.finish();
    merge(&mut omitted, &mut first_omitted, counts, firsts);
    BoundedFindings {
        findings,
        omitted,
        first_omitted,
    }
}

/// True when an inline directive turns the finding's rule off at its first line.
pub(crate) fn is_suppressed(draft: &ParsedDraft<'_>, finding: &Finding) -> bool {
    if draft.directives.is_empty() {
        return false;
    }
    let line = draft.line_of(finding.span.start);
    let names = |rules: &[String]| rules.is_empty() || rules.iter().any(|r| r == finding.rule);
    let mut disabled = false;
    for directive in &draft.directives {
        match directive.kind {
            DirectiveKind::Disable if directive.line < line && names(&directive.rules) => disabled = true,
            DirectiveKind::Enable if directive.line < line && names(&directive.rules) => disabled = false,
            DirectiveKind::DisableNextLine if names(&directive.rules) => {
                // The next line that has copy, so a blank line between is forgiven.
                let target = (directive.end_line + 1..draft.line_index.line_count()).find(|&l| {
                    !draft.source[draft.line_index.line_span(draft.source, l)]
                        .trim()
                        .is_empty()
                });
                if target == Some(line) || directive.line == line {
                    return true;
                }
            }
            _ => {}
        }
    }
    disabled
}
