//! Where a figure's source can stand beyond its own sentence.
//!
//! - **paragraph**: an earlier sentence of the paragraph names the source ("Police said two
//!   people were hurt. A third was taken to hospital with 40% burns."): a paragraph is one
//!   line of thought, and a reader takes its figures from the source it names. A figure
//!   alone in a paragraph of its own after an attributed paragraph stays unsourced.
//! - **next-sentence**: the next sentence of the paragraph carries the source back ("28
//!   people have been treated. The commission also said …", "It added …"): only with
//!   "also", "added" or a pronoun for its subject, which point back at what came before.
//! - **document-subject**: a document is the sentence's subject ("The bill sets aside $3
//!   billion", "The study followed 505,796 people", "NASA's budget includes $40 million"):
//!   the document is the source (`data/lexicon/document-nouns.txt`).
//! - **story-document**: the story is about one document its lede names: a study, a
//!   report, a survey, a poll, a paper, a filing, a plan, a bill
//!   (`data/lexicon/discrete-documents.txt`), named as the source of the lede ("…,
//!   according to a study", "a report released Tuesday found") or as what someone
//!   published ("the ministry has unveiled a plan"). The story then walks through its
//!   numbers: a figure after the lede is the document's when its paragraph points back at
//!   the document ("the study", "the plan") or at the people its findings are told through
//!   ("researchers", "participants", `data/lexicon/document-roles.txt`); a figure in a
//!   paragraph that does neither is background of the reporter's own and stays unsourced.
//!   A set of "figures" or "data" is not such a document: a story cites figures; it does
//!   not report on them.

use crate::text::lexicon::class;
use std::ops::Range;

use super::Scope;
use crate::text::ParsedDraft;
use crate::text::attribution::find_attribution;

/// Words after which the next sentence points back at what came before.
const CARRY_WORDS: &[&str] = &["also", "added", "adds", "further"];

/// Pronouns that, as a sentence's subject, point back at the source of the sentence before.
const BACK_PRONOUNS: &[&str] = &["he", "she", "it", "they"];

/// True when the sentence carries a source back to the sentence before it: it says "also"
/// or "added", or opens with a pronoun.
pub fn carries_on(parsed: &ParsedDraft<'_>, sentence: usize) -> bool {
    let tokens = parsed.sentences[sentence].tokens.clone();
    let mut words = tokens
        .filter(|&i| parsed.tokens[i].is_word())
        .map(|i| parsed.token_text(i));
    let first = words.next();
    if first.is_some_and(|w| BACK_PRONOUNS.iter().any(|p| w.eq_ignore_ascii_case(p))) {
        return true;
    }
    first
        .into_iter()
        .chain(words)
        .any(|w| CARRY_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// Words that may stand before the document noun in a subject ("The", "NASA's", "new",
/// "annual").
fn is_subject_modifier(parsed: &ParsedDraft<'_>, index: usize) -> bool {
    let text = parsed.token_text(index);
    if !parsed.tokens[index].is_word() {
        return text == "'s" || text == "’s";
    }
    let lower = text.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "new"
            | "latest"
            | "annual"
            | "final"
            | "draft"
            | "proposed"
            | "revised"
            | "federal"
            | "state"
            | "city"
            | "county"
            | "national"
            | "official"
            | "company's"
            | "government's"
    ) || text.chars().next().is_some_and(char::is_uppercase)
        || text.ends_with("'s")
        || text.ends_with("’s")
}

/// A document that is the subject of the sentence, before the figure: "The bill sets aside
/// $3 billion". The word after its noun must be lower case and no word that cannot be a
/// verb (a preposition or a conjunction: "the report of the committee", "the budget and
/// …"; `data/lexicon/scope-not-verbs.txt`).
pub fn document_subject(parsed: &ParsedDraft<'_>, tokens: Range<usize>, figure: usize) -> Option<Scope> {
    let start = tokens.start;
    let limit = figure.min(start + 8);
    let mut index = start;
    while index < limit && is_subject_modifier(parsed, index) {
        if class::DOCUMENT_NOUNS.contains(parsed.token_text(index)) {
            break;
        }
        index += 1;
    }
    if index >= limit
        || !parsed.tokens[index].is_word()
        || !class::DOCUMENT_NOUNS.contains(parsed.token_text(index))
    {
        return None;
    }
    let noun = index;
    // The verb follows the noun directly or after one adverb ("also", "now").
    let verb = (noun + 1..(noun + 3).min(figure))
        .find(|&i| parsed.tokens[i].is_word())
        .filter(|&i| {
            let text = parsed.token_text(i);
            text.chars().next().is_some_and(char::is_lowercase) && !class::SCOPE_NOT_VERBS.contains(text)
        });
    verb.map(|_| Scope::DocumentSubject(parsed.tokens[noun].span()))
}

/// The document a story is about, when its lede names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryDocument {
    /// The lede's block.
    pub block: usize,
    /// The document's noun in it.
    pub noun: Range<usize>,
}

/// Determiners of a document noun.
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "this", "that"];

/// The document the story is about: a discrete document (a study, a report, a filing …)
/// named in the first paragraph of body copy, as its source or as what someone published
/// (after a verb of putting a document out: "has unveiled a plan", "released a report";
/// `data/lexicon/scope-publish-verbs.txt`).
pub fn story_document(parsed: &ParsedDraft<'_>, verbs: &[String]) -> Option<StoryDocument> {
    let (block_index, block) = parsed
        .blocks
        .iter()
        .enumerate()
        .find(|(_, block)| block.kind == crate::text::BlockKind::Paragraph && block.tokens.len() >= 12)?;
    for sentence in block.sentences.clone() {
        let tokens = parsed.sentences[sentence].tokens.clone();
        let cue = find_attribution(parsed, tokens.clone(), verbs, &|_| false);
        for index in tokens.clone() {
            if !parsed.tokens[index].is_word()
                || !class::DISCRETE_DOCUMENTS.contains(parsed.token_text(index))
            {
                continue;
            }
            // A noun with its determiner ("a study", "the draft red herring prospectus"),
            // not a word of another noun ("budget smartphones", "paper records").
            let determined = (index.saturating_sub(4).max(tokens.start)..index).rev().any(|i| {
                parsed.tokens[i].is_word()
                    && DETERMINERS
                        .iter()
                        .any(|d| parsed.token_text(i).eq_ignore_ascii_case(d))
            });
            if !determined {
                continue;
            }
            // Its noun near the sentence's cue ("according to a study", "a report released
            // Tuesday found"), or after a verb of publishing ("unveiled a plan").
            let near_cue = cue.as_ref().is_some_and(|cue| {
                let noun = parsed.tokens[index].start;
                let distance = if noun >= cue.end {
                    parsed.copy[cue.end..noun].split_whitespace().count()
                } else {
                    parsed.copy[noun..cue.start].split_whitespace().count()
                };
                distance <= 6
            });
            let published = (index.saturating_sub(4).max(tokens.start)..index).any(|i| {
                parsed.tokens[i].is_word() && class::SCOPE_PUBLISH_VERBS.contains(parsed.token_text(i))
            });
            if near_cue || published {
                return Some(StoryDocument {
                    block: block_index,
                    noun: parsed.tokens[index].span(),
                });
            }
        }
    }
    None
}

/// True when a paragraph points back at a document or at the people its findings are told
/// through: "the study", "this report", "researchers", "participants".
pub fn refers_to_document(parsed: &ParsedDraft<'_>, block: usize) -> bool {
    let tokens = parsed.blocks[block].tokens.clone();
    tokens.clone().filter(|&i| parsed.tokens[i].is_word()).any(|i| {
        let text = parsed.token_text(i);
        if class::DOCUMENT_ROLES.contains(text) {
            return true;
        }
        class::DOCUMENT_NOUNS.contains(text)
            && i > tokens.start
            && ["the", "this", "that", "its", "their"]
                .iter()
                .any(|d| parsed.token_text(i - 1).eq_ignore_ascii_case(d))
    })
}

#[cfg(test)]
mod tests {
    use crate::text::figures::context::tests::decisions;

    #[test]
    fn an_earlier_sentence_of_the_paragraph_sources_the_figures_after_it() {
        let text = "Headline\n\nPolice said two people were hurt. A third man was taken to hospital with 40% burns.\n\n\
                    About 300 homes lost power.\n";
        assert_eq!(
            decisions(text),
            vec![
                ("two people", "sourced:sentence"),
                ("40%", "sourced:paragraph"),
                ("300 homes", "unsourced")
            ]
        );
    }

    #[test]
    fn the_next_sentence_carries_a_source_back_only_when_it_points_back() {
        let text = "Headline\n\nAbout 28 people were treated. The commission also said the outbreak was contained.\n\n\
                    Dozens of flights were cancelled. Police said a truck had jackknifed on the highway.\n";
        assert_eq!(
            decisions(text),
            vec![
                ("28 people", "sourced:next-sentence"),
                ("Dozens of flights", "unsourced")
            ]
        );
    }

    #[test]
    fn a_document_as_subject_is_the_source() {
        let text = "Headline\n\nThe bill sets aside $3 billion for repairs.\n\n\
                    NASA's budget includes $40 million for the probe.\n\n\
                    The report of the committee ran to 400 pages and cost $2 million.\n";
        assert_eq!(
            decisions(text),
            vec![
                ("$3 billion", "sourced:document-subject"),
                ("$40 million", "sourced:document-subject"),
                ("400 pages", "unsourced"),
                ("$2 million", "unsourced"),
            ]
        );
    }

    #[test]
    fn a_story_about_one_study_gives_it_the_figures_after_the_lede() {
        let text = "Headline\n\nRates of cannabis use disorder have risen in states where the drug is legal, according to a study.\n\n\
                    Researchers looked at surveys completed by 505,796 people between 2008 and 2016.\n\n\
                    About 37 percent of the participants were over 26.\n";
        let found = decisions(text);
        assert_eq!(found[1], ("37 percent", "sourced:story-document"), "{found:?}");
        // Figures cited from "figures published by" a health service are not a study.
        let text = "Headline\n\nMore patients are waiting than ever, according to figures published on Thursday by the health service.\n\n\
                    About 41,000 of those patients have waited more than a year.\n";
        assert_eq!(decisions(text), vec![("41,000", "unsourced")]);
    }
}
