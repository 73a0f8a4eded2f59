//! Figures in their context: where a figure's source can stand, and which figures are not
//! claims that need one.
//!
//! The scanner (`super::scan`) and its exclusions decide what is a figure at all. This
//! module decides, for each figure of a draft's prose, one of:
//!
//! - **sourced**, and by what ([`Scope`]): a cue in its sentence, the lead-in of its list,
//!   the quotation it sits in, an earlier sentence of its paragraph, the next sentence
//!   when that carries the source on ("…, the company also said"), a document that is its
//!   sentence's subject ("The bill sets aside $3 billion"), or the document the whole story
//!   is about (a study, a report, a survey, a filing named in the lede). `scope.rs`.
//! - **not a claim** ([`Context`]): a detail of the product a review or launch story is
//!   about, play the reporter watched in a match report (`genre.rs`); background and public
//!   record: a historical event's toll, a place's population, a distance that locates, a
//!   market's level, a court record, an ownership stake, a list's number (`record.rs`).
//!   A hedged figure ("is believed to", "an estimated", "reportedly") stays a claim
//!   whatever its context: the hedge says someone estimated it, and the copy does not say
//!   who.
//! - **unsourced**: the rule's finding.
//!
//! [`decide`] returns every figure candidate of a draft with its decision, numbers that are
//! not figures included (with the exclusion that let them go), so that `copydesk debug
//! figures` can show what decided each one.

mod claim;
mod genre;
mod record;
mod scope;

use std::ops::Range;

use super::{Excuse, FigureKind, candidates_in};
use crate::checks::DraftContext;
use crate::config::EngineSettings;
use crate::text::attribution::find_attribution;
use crate::text::lexicon::class;
use crate::text::{BlockKind, ParsedDraft};

pub use claim::{Claim, Strength};
pub use genre::Genres;
pub use scope::StoryDocument;

/// Where a figure's source is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// A cue in the figure's own sentence ("police said"), by its byte span.
    Sentence(Range<usize>),
    /// The attributed lead-in paragraph of the figure's list ("as published by the
    /// organizers:"), and the cue in it.
    ListLeadIn { block: usize, cue: Range<usize> },
    /// The attributed direct quotation the figure sits in, as an index into the draft's
    /// quotations.
    Quotation(usize),
    /// An earlier sentence of the figure's paragraph names the source, and the cue in it.
    Paragraph { sentence: usize, cue: Range<usize> },
    /// The next sentence of the paragraph carries the source on ("The company also said",
    /// "It added"), and the cue in it.
    NextSentence { sentence: usize, cue: Range<usize> },
    /// A document is the sentence's subject ("The bill sets aside $3 billion"): the span
    /// of the document's noun.
    DocumentSubject(Range<usize>),
    /// The story is about one document its lede names (a study, a report, a filing): the
    /// lede's block and the document's noun.
    StoryDocument { block: usize, noun: Range<usize> },
}

impl Scope {
    /// A kebab-case id for debug output and docs.
    pub fn id(&self) -> &'static str {
        match self {
            Scope::Sentence(_) => "sentence",
            Scope::ListLeadIn { .. } => "list-lead-in",
            Scope::Quotation(_) => "quotation",
            Scope::Paragraph { .. } => "paragraph",
            Scope::NextSentence { .. } => "next-sentence",
            Scope::DocumentSubject(_) => "document-subject",
            Scope::StoryDocument { .. } => "story-document",
        }
    }
}

/// Why a figure is not a claim that needs a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A price, specification or feature of the product a review or launch story is about.
    ProductDetail,
    /// Play in the game a match report describes, which the reporter watched.
    ObservedPlay,
    /// A historical event's figures ("killed 50 million people in the 14th century").
    History,
    /// A place's population ("a city of 2 million people").
    Population,
    /// A distance that locates a place ("about 100 km east of the capital").
    Location,
    /// A market's level ("the shares closed at $185.25", "the index ended at 40,816").
    MarketLevel,
    /// Bail, a bond, a fine, a sentence, counts and charges: the record of a court case.
    CourtRecord,
    /// An ownership stake ("owns a 24.4% stake").
    Stake,
    /// A number that names rather than counts: an item of a numbered list ("10. Make a
    /// backup plan"), a title ("10 Things in Tech"), a ranking ("the top 10"), a count that
    /// announces the list after it ("Seven big questions:"), a phone number ("called 911"),
    /// a model ("the 777 program", "787 Dreamliner").
    NumberAsName,
    /// A number that points back at a group already counted ("These 11 had until …").
    Reference,
    /// How long something took or lasted, or how long ago it was ("for less than 10
    /// minutes", "for the first time in nearly 25 years", "13.8 billion years old"), unless
    /// it is a statistic ("a median of 14.2 weeks") or a wait ("waits of 40 weeks").
    ElapsedTime,
    /// A line with no final punctuation amid the copy: a crosshead, a caption, a related
    /// story's headline ("South Dakota spends $449K on new anti-meth ad campaign").
    Headline,
}

impl Context {
    /// A kebab-case id for debug output and docs.
    pub fn id(self) -> &'static str {
        match self {
            Context::ProductDetail => "product-detail",
            Context::ObservedPlay => "observed-play",
            Context::History => "history",
            Context::Population => "population",
            Context::Location => "location",
            Context::MarketLevel => "market-level",
            Context::CourtRecord => "court-record",
            Context::Stake => "stake",
            Context::NumberAsName => "number-as-name",
            Context::Reference => "reference",
            Context::ElapsedTime => "elapsed-time",
            Context::Headline => "headline",
        }
    }
}

/// What became of one number of a draft's prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// A figure stated with no source: the rule's finding, a warning when the figure is
    /// plainly a claim with no source anywhere near it, a hint otherwise.
    Unsourced(Strength),
    /// A figure whose source is named.
    Sourced(Scope),
    /// A figure that is not a claim needing a source.
    NotAClaim(Context),
    /// Not a figure at all.
    NotAFigure(Excuse),
}

impl Decision {
    /// `unsourced`, `sourced:<scope>`, `not-a-claim:<context>` or `not-a-figure:<excuse>`.
    pub fn describe(&self) -> String {
        match self {
            Decision::Unsourced(strength) => format!("unsourced:{}", strength.id()),
            Decision::Sourced(scope) => format!("sourced:{}", scope.id()),
            Decision::NotAClaim(context) => format!("not-a-claim:{}", context.id()),
            Decision::NotAFigure(excuse) => format!("not-a-figure:{}", excuse.id()),
        }
    }
}

/// A number of a draft's prose and what became of it.
#[derive(Debug, Clone)]
pub struct FigureDecision {
    pub block: usize,
    pub sentence: usize,
    /// The figure's first token.
    pub token: usize,
    /// The figure's text (or the number's, when it is not a figure).
    pub span: Range<usize>,
    /// The kind of statistic, for figures.
    pub kind: Option<FigureKind>,
    pub decision: Decision,
}

/// True when one of the sentence's hedge words (`hedges`: "are believed to", "an
/// estimated", "reportedly") hedges the figure without naming who says it: it stays a claim.
///
/// A hedge inside a clause set off by commas that does not hold the figure hedges that
/// clause, not the figure ("Hilly areas, thought to be exposed crust, make up 14% of the
/// surface"); a hedge opening the sentence ("Reportedly, 300 cars burned") or in the
/// figure's own clause does.
fn hedged(parsed: &ParsedDraft<'_>, tokens: Range<usize>, hedges: &[usize], figure: usize) -> bool {
    let comma = |i: usize| parsed.token_text(i) == ",";
    hedges.iter().any(|&hedge| {
        let opens = (tokens.start..hedge).rev().find(|&i| comma(i));
        let closes = (hedge + 1..tokens.end).find(|&i| comma(i));
        match (opens, closes) {
            (Some(open), Some(close)) => (open..close).contains(&figure),
            _ => true,
        }
    })
}

/// Every number of the draft's prose (headings are not prose) with its decision.
pub fn decide(draft: &DraftContext<'_>, config: &EngineSettings) -> Vec<FigureDecision> {
    let parsed = &draft.parsed;
    let verbs = &config.attribution_verbs;
    let quotations = draft.quotations(config);
    let story = scope::story_document(parsed, verbs);
    let genres = genre::genres(parsed);
    let mut out = Vec::new();
    let mut lead_in: Option<(usize, Range<usize>)> = None;
    // Whether each block names a source anywhere, found on first need.
    let mut block_cues: Vec<Option<bool>> = vec![None; parsed.blocks.len()];
    let prose_blocks: Vec<usize> = (0..parsed.blocks.len())
        .filter(|&b| parsed.blocks[b].is_prose())
        .collect();
    for (block_index, block) in parsed.blocks.iter().enumerate() {
        match block.kind {
            BlockKind::ListItem => {}
            BlockKind::Paragraph | BlockKind::BlockQuote => lead_in = None,
            BlockKind::Heading | BlockKind::Separator => {
                lead_in = None;
                continue;
            }
        }
        let mut block_long_ago: Option<bool> = None;
        let mut refers: Option<bool> = None;
        // The cues of the paragraph's sentences, found on first need.
        let sentences: Vec<usize> = block.sentences.clone().collect();
        let mut cues: Vec<Option<Option<Range<usize>>>> = vec![None; sentences.len()];
        let mut cue_of = |position: usize| -> Option<Range<usize>> {
            cues[position]
                .get_or_insert_with(|| {
                    find_attribution(
                        parsed,
                        parsed.sentences[sentences[position]].tokens.clone(),
                        verbs,
                        &|_| false,
                    )
                })
                .clone()
        };
        for (position, &sentence_index) in sentences.iter().enumerate() {
            let sentence = &parsed.sentences[sentence_index];
            let candidates = candidates_in(parsed, sentence.tokens.clone());
            if candidates.is_empty() {
                continue;
            }
            let has_figure = candidates.iter().any(|c| c.outcome.is_ok());
            let sentence_cue = if has_figure { cue_of(position) } else { None };
            // The sentence's hedge words (`data/lexicon/context-hedges.txt`), found once.
            let hedges: Vec<usize> = if has_figure {
                sentence
                    .tokens
                    .clone()
                    .filter(|&i| {
                        parsed.tokens[i].is_word() && class::CONTEXT_HEDGES.contains(parsed.token_text(i))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let mut facts: Option<record::SentenceFacts> = None;
            let mut claim_facts: Option<claim::SentenceFacts> = None;
            let mut about_season: Option<bool> = None;
            let mut next_carries: Option<bool> = None;
            for candidate in candidates {
                let figure = match candidate.outcome {
                    Ok(figure) => figure,
                    Err(excuse) => {
                        out.push(FigureDecision {
                            block: block_index,
                            sentence: sentence_index,
                            token: candidate.token,
                            span: candidate.span,
                            kind: None,
                            decision: Decision::NotAFigure(excuse),
                        });
                        continue;
                    }
                };
                let is_hedged = hedged(parsed, sentence.tokens.clone(), &hedges, figure.token);
                let source = if let Some(cue) = &sentence_cue {
                    Some(Scope::Sentence(cue.clone()))
                } else if let (BlockKind::ListItem, Some((lead_block, cue))) = (block.kind, &lead_in) {
                    Some(Scope::ListLeadIn {
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
                        .map(|_| Scope::Quotation(candidate))
                };
                let source = source
                    .or_else(|| {
                        (0..position).rev().find_map(|earlier| {
                            cue_of(earlier).map(|cue| Scope::Paragraph {
                                sentence: sentences[earlier],
                                cue,
                            })
                        })
                    })
                    .or_else(|| {
                        let next = position + 1;
                        (next < sentences.len())
                            .then(|| cue_of(next))
                            .flatten()
                            .filter(|_| {
                                *next_carries
                                    .get_or_insert_with(|| scope::carries_on(parsed, sentences[next]))
                            })
                            .map(|cue| Scope::NextSentence {
                                sentence: sentences[next],
                                cue,
                            })
                    })
                    // A hedge says the copy does not know who counted: no document stands
                    // for a hedged figure.
                    .or_else(|| {
                        (!is_hedged)
                            .then(|| scope::document_subject(parsed, sentence.tokens.clone(), figure.token))
                            .flatten()
                    })
                    .or_else(|| {
                        story
                            .as_ref()
                            .filter(|_| !is_hedged)
                            .filter(|document| {
                                (document.block == block_index && position > 0)
                                    || (document.block != block_index
                                        && *refers.get_or_insert_with(|| {
                                            scope::refers_to_document(parsed, block_index)
                                        }))
                            })
                            .map(|document| Scope::StoryDocument {
                                block: document.block,
                                noun: document.noun.clone(),
                            })
                    });
                // Background and record are settled whether hedged or not ("an estimated 50
                // million people died in the 14th century"); a genre does not excuse a hedge.
                let mut context = || {
                    let facts = facts.get_or_insert_with(|| {
                        let long_ago = *block_long_ago.get_or_insert_with(|| {
                            // A history runs on from a paragraph dated long ago into the
                            // next, unless that one dates itself.
                            let previous = prose_blocks.iter().rev().find(|&&b| b < block_index);
                            record::dated_long_ago(parsed, block)
                                || (previous
                                    .is_some_and(|&b| record::dated_long_ago(parsed, &parsed.blocks[b]))
                                    && !record::dated_recently(parsed, block))
                        });
                        record::SentenceFacts::of(parsed, sentence_index, long_ago)
                    });
                    record::context(parsed, block, sentence.tokens.clone(), facts, &figure).or_else(|| {
                        (!is_hedged)
                            .then(|| {
                                genre::context(
                                    parsed,
                                    &genres,
                                    sentence.tokens.clone(),
                                    &mut about_season,
                                    &figure,
                                )
                            })
                            .flatten()
                    })
                };
                let decision = match source {
                    Some(scope) => Decision::Sourced(scope),
                    None => match context() {
                        None if is_hedged => Decision::Unsourced(Strength::Claim(Claim::Hedged)),
                        Some(context) => Decision::NotAClaim(context),
                        None => {
                            let facts = claim_facts
                                .get_or_insert_with(|| claim::SentenceFacts::of(parsed, sentence_index));
                            let mut nearby = |neighbour: Option<usize>| {
                                neighbour.is_some_and(|b| {
                                    *block_cues[b].get_or_insert_with(|| {
                                        parsed.blocks[b].sentences.clone().any(|s| {
                                            find_attribution(
                                                parsed,
                                                parsed.sentences[s].tokens.clone(),
                                                verbs,
                                                &|_| false,
                                            )
                                            .is_some()
                                        })
                                    })
                                })
                            };
                            let previous = prose_blocks.iter().rev().find(|&&b| b < block_index).copied();
                            let next = prose_blocks.iter().find(|&&b| b > block_index).copied();
                            let source_nearby = nearby(previous) || nearby(next);
                            Decision::Unsourced(claim::strength(facts, &figure, source_nearby))
                        }
                    },
                };
                out.push(FigureDecision {
                    block: block_index,
                    sentence: sentence_index,
                    token: figure.token,
                    span: figure.span.clone(),
                    kind: Some(figure.kind),
                    decision,
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::checks::DraftContext;
    use crate::text::DraftFormat;

    /// Each figure of a Markdown text (numbers that are not figures left out) with its
    /// decision, as (figure text, `Decision::describe`).
    pub fn decisions(text: &str) -> Vec<(&str, &'static str)> {
        decisions_in(text, DraftFormat::Markdown)
    }

    /// [`decisions`] for a draft of the given format.
    pub fn decisions_in(text: &str, format: DraftFormat) -> Vec<(&str, &'static str)> {
        let parsed = ParsedDraft::parse(text, format);
        let draft = DraftContext::new("test.md", parsed);
        let config = EngineSettings::default();
        decide(&draft, &config)
            .into_iter()
            .filter(|d| !matches!(d.decision, Decision::NotAFigure(_)))
            .map(|d| {
                // Unsourced figures by their strength are tested in `claim.rs`.
                let described = match d.decision {
                    Decision::Unsourced(_) => "unsourced",
                    other => Box::leak(other.describe().into_boxed_str()),
                };
                (&text[d.span.clone()], described)
            })
            .collect()
    }

    /// The strength of each unsourced figure of a Markdown text, as (figure text,
    /// `Strength::id`).
    pub fn strengths(text: &str) -> Vec<(&str, String)> {
        let parsed = ParsedDraft::parse(text, DraftFormat::Markdown);
        let draft = DraftContext::new("test.md", parsed);
        decide(&draft, &EngineSettings::default())
            .into_iter()
            .filter_map(|d| match d.decision {
                Decision::Unsourced(strength) => Some((&text[d.span.clone()], strength.id())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_hedge_in_a_clause_of_its_own_does_not_hedge_the_figure() {
        let text = "Headline\n\nThe ridges, thought to be old lava flows, cover 14% of the plain.\n\n\
                    Reportedly, 300 cars burned.\n\n\
                    The firm, which is thought to have 900 staff, closed on Monday.\n";
        let found = strengths(text);
        assert!(found.contains(&("14%", "claim:rate".to_string())), "{found:?}");
        assert!(
            found.contains(&("300 cars", "claim:hedged".to_string())),
            "{found:?}"
        );
        assert!(
            found.contains(&("900 staff", "claim:hedged".to_string())),
            "{found:?}"
        );
    }

    #[test]
    fn a_hedged_figure_stays_a_claim_in_any_context() {
        let text = "Headline\n\nThe laptop has a 16-inch screen and a 96W charger.\n\n\
                    It is expected to sell about 4 million units, and an estimated 200 stores will stock it.\n";
        let found = decisions(text);
        assert!(found.contains(&("200 stores", "unsourced")), "{found:?}");
    }
}
