//! # unattributed-figure
//!
//! ## What it flags
//! A statistic stated as fact with no source in its sentence: a count of people or
//! things ("2,300 drivers", "Forty-one houses", "dozens of"), an amount of money, a
//! percentage, a rate, a proportion ("four in ten") or a measurement. One diagnostic per
//! sentence, on its first unattributed figure.
//!
//! ## Why it matters
//! Every number in a news story came from somewhere: police, a court filing, a survey,
//! the reporter's own count. Readers are owed the source, and editors need it to check
//! the figure. A number with no source is the first thing a copy desk queries.
//!
//! ## Example
//! ```text
//! The dispute affects about 2,300 drivers and maintenance staff.
//! ```
//! Use instead: `The dispute affects about 2,300 drivers and maintenance staff, the union said.`
//!
//! A sentence is attributed when it names a source anywhere in it: "according to …", a
//! speech or reporting verb with its subject ("police said", "the figures showed", "the
//! court heard", "told reporters"), a passive verb with its agent ("was reported by the
//! ministry"), a source phrase ("data from", "figures released by", "a survey by", "as
//! published by", "by the union's count", "put the number at"), or a parenthetical source
//! ("(Eurostat)"). A passive hedge with no agent ("are believed to be held", "is
//! estimated") is not attribution, nor is an adjective ("an estimated €1.1 million").
//!
//! Not figures: dates, years, times, ages after names ("Okafor, 62,"), addresses ("21
//! Haddington Road"), game scores ("4-1"), rankings ("world No. 9"), ordinals, numbers in
//! names ("Route 46A", "Apollo 11", "COVID-19", "F-150", "move 43"), compound modifiers ("a
//! 24-bed ward", "a 10-year term"), narrative durations ("for two weeks", "in 40 years";
//! a duration is a figure when it is a statistic: "a median of 14.2 weeks"), and headings.
//!
//! Quotations: a figure inside a direct quotation is the speaker's, so it is attributed
//! when the quote is: when its paragraph names the speaker outside the quote marks, which
//! covers the later sentences of a quote attributed on its first, and when the quote
//! continues one left open at the end of the previous paragraph. A block quote is
//! attributed by the paragraph that introduces it ("… wrote in her reasons:"), and a list
//! by an attributed lead-in ending in a colon ("Results, as published by the organizers:").
//!
//! ## Fix
//! Insert ", according to [source]" before the sentence's final punctuation. Unsafe: it
//! leaves a placeholder for the writer to fill, so `--fix` applies it only with
//! `--unsafe-fixes`. No fix is offered when the sentence ends inside a quotation.
//!
//! ## Configuration
//! - `[rules] unattributed-figure = "warning"`
//! - `[attribution] verbs = ["briefed", "posted"]`: more verbs that attribute.

use std::ops::Range;

use super::{Ctx, DraftContext};
use crate::config::Config;
use crate::finding::{Applicability, Finding, Fix};
use crate::text::attribution::find_attribution;
use crate::text::figures::{Figure, figures_in};
use crate::text::{BlockKind, TokenKind, one_line};

const RULE: &str = "unattributed-figure";

/// Where a figure's source is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceCue {
    /// A cue in the figure's own sentence ("police said"), by its byte span.
    Sentence(Range<usize>),
    /// The attributed lead-in paragraph of the figure's list ("as published by the
    /// organizers:"), and the cue in it.
    ListLeadIn { block: usize, cue: Range<usize> },
    /// The attributed direct quotation the figure sits in, as an index into the draft's
    /// quotations.
    Quotation(usize),
}

/// A figure of a draft's prose and where its source is named, if anywhere.
#[derive(Debug, Clone)]
pub struct SourcedFigure {
    pub block: usize,
    pub sentence: usize,
    pub figure: Figure,
    pub source: Option<SourceCue>,
}

/// Every figure in a draft's prose (headings are not prose) with its source: the decision
/// this rule makes, shared with the story style sheet. A sentence's own cue comes first,
/// then a list's lead-in, then the quotation the figure sits in.
pub fn sourced_figures(draft: &DraftContext<'_>, config: &Config) -> Vec<SourcedFigure> {
    let parsed = &draft.parsed;
    let verbs = &config.attribution_verbs;
    let quotations = draft.quotations(config);
    let mut out = Vec::new();
    let mut lead_in: Option<(usize, Range<usize>)> = None;
    for (block_index, block) in parsed.blocks.iter().enumerate() {
        match block.kind {
            BlockKind::ListItem => {}
            BlockKind::Paragraph | BlockKind::BlockQuote => lead_in = None,
            BlockKind::Heading | BlockKind::Separator => {
                lead_in = None;
                continue;
            }
        }
        for sentence_index in block.sentences.clone() {
            let sentence = &parsed.sentences[sentence_index];
            // Figures first: most sentences have none, and finding one is cheaper than
            // looking for a source.
            let figures = figures_in(parsed, sentence.tokens.clone());
            if figures.is_empty() {
                continue;
            }
            let sentence_cue = find_attribution(parsed, sentence.tokens.clone(), verbs, &|_| false);
            for figure in figures {
                let source = if let Some(cue) = &sentence_cue {
                    Some(SourceCue::Sentence(cue.clone()))
                } else if let (BlockKind::ListItem, Some((lead_block, cue))) = (block.kind, &lead_in) {
                    Some(SourceCue::ListLeadIn {
                        block: *lead_block,
                        cue: cue.clone(),
                    })
                } else {
                    // Quotations are in token order and do not overlap: the one that can
                    // hold the figure is the first that ends after it.
                    let candidate = quotations.partition_point(|q| q.tokens.end <= figure.token);
                    quotations
                        .get(candidate)
                        .filter(|q| q.attributed && q.tokens.contains(&figure.token))
                        .map(|_| SourceCue::Quotation(candidate))
                };
                out.push(SourcedFigure {
                    block: block_index,
                    sentence: sentence_index,
                    figure,
                    source,
                });
            }
        }
        if block.kind == BlockKind::Paragraph {
            let text = parsed.copy[block.span.clone()].trim_end();
            lead_in = if text.ends_with(':') {
                find_attribution(parsed, block.tokens.clone(), verbs, &|_| false)
                    .map(|cue| (block_index, cue))
            } else {
                None
            };
        }
    }
    out
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (draft_index, draft) in ctx.drafts.iter().enumerate() {
        let parsed = &draft.parsed;
        let mut last_sentence = None;
        for sourced in sourced_figures(draft, ctx.config) {
            // One finding per sentence, on its first unattributed figure.
            if sourced.source.is_some() || last_sentence == Some(sourced.sentence) {
                continue;
            }
            last_sentence = Some(sourced.sentence);
            let figure = &sourced.figure;
            let sentence = &parsed.sentences[sourced.sentence];
            let text = one_line(&parsed.source[figure.span.clone()]);
            let message =
                format!("‘{text}’ is stated as fact with no source in its sentence: say who says so.");
            let mut finding = Finding::new(RULE, draft_index, figure.span.clone(), message);
            if let Some(insert_at) = attribution_insertion_point(parsed, sentence.tokens.clone()) {
                finding = finding.with_fix(Fix::replace(
                    "Add “, according to [source]”",
                    draft_index,
                    insert_at..insert_at,
                    ", according to [source]",
                    Applicability::Unsafe,
                ));
            }
            out.push(finding);
        }
    }
}

/// Where ", according to [source]" goes: before the sentence's final punctuation, or at
/// its end when it has none; nowhere when it ends inside a quotation.
fn attribution_insertion_point(
    parsed: &crate::text::ParsedDraft<'_>,
    tokens: std::ops::Range<usize>,
) -> Option<usize> {
    let last = tokens.end.checked_sub(1).filter(|l| *l >= tokens.start)?;
    let last_token = parsed.tokens[last];
    let last_text = last_token.text(&parsed.copy);
    if last_token.kind == TokenKind::Punct {
        if matches!(last_text, "." | "!" | "?") {
            // "… 2,300 drivers." → before the period; but not after a closing quote.
            let before = last.checked_sub(1).map(|i| parsed.token_text(i));
            if before.is_some_and(|b| matches!(b, "\"" | "”" | "’" | "'")) {
                return None;
            }
            return Some(last_token.start);
        }
        if matches!(last_text, "\"" | "”" | "’" | "'" | "»") {
            return None;
        }
        if matches!(last_text, ":" | ";" | ",") {
            return Some(last_token.start);
        }
    }
    Some(last_token.end)
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fixture, findings_for};

    #[test]
    fn flags_the_first_unattributed_figure_of_a_sentence() {
        assert_fixture(
            "unattributed-figure",
            "Strike headline

The dispute affects about 2,300 drivers and 40 depots.
                          ^^^^^^^^^^^^^ unattributed-figure

Ridership fell 18% in the first hour, the operator said.

Forty-one houses were evacuated overnight.
^^^^^^^^^^^^^^^^ unattributed-figure

Around 120 hostages are still believed to be held.
       ^^^^^^^^^^^^ unattributed-figure

The company lost an estimated €1.1 million on Monday.
                              ^^^^^^^^^^^^ unattributed-figure

Police said about 12,000 people took part. Organizers put the number at 40,000.
",
        );
    }

    #[test]
    fn quotes_attributed_on_their_first_sentence_cover_the_rest() {
        assert_fixture(
            "unattributed-figure",
            "Hospital headline

“We have the surgeons,” Al-Mansouri said. “What we lack is beds. Four in ten are blocked.

“On Tuesday we had 96 patients in beds who did not need them.”

Declan O'Rourke, 58, said at 10 a.m. on Dec. 4 in 2019 that Route 46A ran.

The clinic at 12 Tân Mai Street opened a 24-bed ward for the seven-month war.
",
        );
    }

    #[test]
    fn lists_and_block_quotes_inherit_their_lead_in() {
        assert_fixture(
            "unattributed-figure",
            "Results headline

Results from Round 8, as published by the organizers:

- Kertész beat 40 players
- Liu drew 12 games

The judge wrote in her reasons:

> He took 187 savings accounts worth C$14.3 million.

The proposals include:

- A charge of £40 a year
              ^^^ unattributed-figure
",
        );
    }

    #[test]
    fn one_very_long_sentence_is_checked_whole() {
        // 20,000 figures in one sentence: every per-figure step must be cheap, or this
        // takes minutes.
        let clause = "The blaze destroyed 300 cars and ";
        let repeats = 20_000;
        let draft = format!("Headline\n\n{}more.\n", clause.repeat(repeats));
        let findings = findings_for("unattributed-figure", &draft);
        assert_eq!(findings.len(), 1);
        let first = draft.find("300 cars").unwrap();
        assert_eq!(findings[0].span, first..first + "300 cars".len());

        let attributed = format!("Headline\n\n{}more, police said.\n", clause.repeat(repeats));
        assert!(findings_for("unattributed-figure", &attributed).is_empty());

        let quoted = format!(
            "Headline\n\n“{}more,” the chief said. {}more.\n",
            clause.repeat(repeats / 2),
            clause.repeat(repeats / 2)
        );
        let findings = findings_for("unattributed-figure", &quoted);
        assert_eq!(findings.len(), 1);
        let outside = quoted.find("said. The blaze").unwrap() + "said. The blaze destroyed ".len();
        assert_eq!(findings[0].span, outside..outside + "300 cars".len());
    }

    #[test]
    fn fix_inserts_a_source_placeholder() {
        let findings = findings_for("unattributed-figure", "Headline\n\nTurnout was 58.3%.\n");
        assert_eq!(findings.len(), 1);
        let fix = &findings[0].fixes[0];
        assert_eq!(fix.applicability, crate::finding::Applicability::Unsafe);
        let source = "Headline\n\nTurnout was 58.3%.\n";
        let edit = &fix.edits[0];
        let mut fixed = source.to_string();
        fixed.replace_range(edit.span.clone(), &edit.new_text);
        assert_eq!(fixed, "Headline\n\nTurnout was 58.3%, according to [source].\n");
    }
}
