//! Attribution: where a sentence names the source of what it states.
//!
//! A sentence is attributed when it contains one of:
//! - "according to …", "citing …", "quoting …";
//! - a speech or reporting verb with a subject ("police said", "the figures showed", "the
//!   court heard", "said Okafor"), but not a passive hedge with no agent ("are believed to
//!   be held", "is estimated") and not an adjective ("an estimated €1.1 million", "the
//!   reported cases", "16,100 registered voters");
//! - a passive reporting verb with its agent ("was reported by the ministry");
//! - a source phrase: "data from", "figures released by", "a survey by", "as published by",
//!   "by the union's count", "put the number at";
//! - a parenthetical source: "(Eurostat)", "(source: ONS)", or a short phrase ending in a
//!   body of evidence or an institution: "(company filing)", "(2021 census)", "(state
//!   police)".

use crate::text::lexicon::class;
use crate::text::words::eq_any;
use std::ops::Range;

use super::{ParsedDraft, TokenKind};

fn is_adverb(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ly") && word.chars().all(char::is_lowercase))
        || eq_any(
            word,
            &[
                "still", "also", "now", "already", "not", "never", "yet", "once", "since", "later",
                "earlier", "then", "long",
            ],
        )
}

/// Finds an attribution cue among the tokens `range` (a sentence, or a paragraph's text
/// outside its quotes), skipping tokens for which `skip` is true. Returns the byte span of
/// the cue.
pub fn find_attribution(
    draft: &ParsedDraft<'_>,
    range: Range<usize>,
    extra_verbs: &[String],
    skip: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let words: Vec<(usize, &str)> = range
        .clone()
        .filter(|&index| draft.tokens[index].is_word() && !skip(index))
        .map(|index| (index, draft.token_text(index)))
        .collect();
    for (position, &(token_index, word)) in words.iter().enumerate() {
        // The token before, looking past adverbs ("are still believed", "has also said"): a
        // word, or something else (a comma, a closing quote, a number) that ends a subject.
        let mut previous: Option<&str> = None;
        let mut after_other = false;
        let mut cursor = token_index;
        while cursor > range.start {
            cursor -= 1;
            if skip(cursor) {
                // A quotation before the verb is what was said: `"…," said Liu`.
                after_other = true;
                break;
            }
            let token = draft.tokens[cursor];
            if token.is_word() {
                let text = draft.token_text(cursor);
                if is_adverb(text) {
                    continue;
                }
                previous = Some(text);
            } else {
                after_other = true;
            }
            break;
        }
        let next = words.get(position + 1).map(|w| w.1);
        let span = draft.tokens[token_index].span();

        // "according to", "citing", "quoting".
        if word.eq_ignore_ascii_case("according") && next.is_some_and(|n| n.eq_ignore_ascii_case("to")) {
            return Some(span.start..draft.tokens[words[position + 1].0].end);
        }
        // "negotiators talked about releasing 33 hostages": what someone spoke of.
        if eq_any(
            word,
            &["talked", "spoke", "speaking", "talking", "talks", "speaks"],
        ) && next.is_some_and(|n| n == "about" || n == "of")
            && previous.is_some_and(|p| !class::ATTRIBUTION_NOT_A_SUBJECT.contains(p))
        {
            return Some(span.start..draft.tokens[words[position + 1].0].end);
        }
        // "all told" is an idiom, not a source.
        if word == "told" && previous.is_some_and(|p| p.eq_ignore_ascii_case("all")) {
            continue;
        }
        // "as published by", "as reported by".
        if word.eq_ignore_ascii_case("as")
            && words.get(position + 2).is_some_and(|w| w.1 == "by")
            && next.is_some_and(|n| n.ends_with("ed"))
        {
            return Some(span.start..draft.tokens[words[position + 2].0].end);
        }
        // "data from", "a survey by", "figures released by", "the union's count".
        if class::ATTRIBUTION_SOURCE_NOUNS.contains(word) {
            let after = &words[position + 1..words.len().min(position + 4)];
            if let Some((offset, _)) = after
                .iter()
                .enumerate()
                .find(|(_, w)| w.1 == "by" || w.1 == "from" || w.1 == "of")
            {
                // "by"/"from" must follow directly or after one participle ("released by").
                let between = &after[..offset];
                let preposition = after[offset].1;
                let ok = (preposition != "of" && between.iter().all(|w| w.1.ends_with("ed")))
                    || (preposition == "of" && word.eq_ignore_ascii_case("analysis") && between.is_empty());
                if ok && (between.len() <= 1) {
                    return Some(span.start..draft.tokens[after[offset].0].end);
                }
            }
        }
        // "by the union's count", "by one estimate", "by official figures".
        if word.eq_ignore_ascii_case("by")
            && let Some(&(end_index, end_word)) = words[position + 1..words.len().min(position + 4)]
                .iter()
                .find(|w| {
                    eq_any(
                        w.1,
                        &[
                            "count", "estimate", "estimates", "tally", "calculation", "calculations",
                            "reckoning", "figures", "measure",
                        ],
                    )
                })
        {
            let _ = end_word;
            return Some(span.start..draft.tokens[end_index].end);
        }
        let lower_is_verb = word.chars().next().is_some_and(char::is_lowercase)
            && (class::ATTRIBUTION_ATTRIBUTION_VERBS.contains(word)
                || extra_verbs.iter().any(|v| v.eq_ignore_ascii_case(word)));
        if !lower_is_verb {
            continue;
        }
        // "put/placed/pegged … at": only with an estimate object ("put the number at").
        if eq_any(word, &["put", "puts", "putting", "placed", "pegged"]) {
            // "put the number at 40,000", "put the gap between the two sides at roughly
            // €90 million": an "at" followed by a quantity, within a dozen words, past the
            // hedges between them (`data/lexicon/attribution-quantity-hedges.txt`).
            let limit = range.end.min(token_index + 24);
            let quantity_after_at = (token_index + 1..limit).any(|at| {
                draft.token_text(at) == "at"
                    && (at + 1..limit.min(at + 7))
                        .find(|&i| !class::ATTRIBUTION_QUANTITY_HEDGES.contains(draft.token_text(i)))
                        .is_some_and(|i| {
                            matches!(
                                draft.tokens[i].kind,
                                TokenKind::Number | TokenKind::Symbol | TokenKind::AlphaNum
                            ) || class::ATTRIBUTION_ESTIMATE_OBJECTS.contains(draft.token_text(i))
                        })
            });
            if quantity_after_at {
                return Some(span);
            }
            continue;
        }
        let agent_follows = next == Some("by");
        if !agent_follows && is_participle_adjective(draft, token_index, range.clone()) {
            continue;
        }
        let previous_blocks = previous.is_some_and(|p| class::ATTRIBUTION_NOT_A_SUBJECT.contains(p));
        if previous_blocks && !agent_follows {
            continue;
        }
        // A verb at the very start with no subject ("Said to be…") does not attribute; one
        // after a comma or a quote does ("… ," said Okafor).
        if previous.is_none() && !after_other && !agent_follows {
            continue;
        }
        // A participle clause after a comma with no subject of its own ("The plant,
        // announced on Monday, employs 1,200 people"; ", said to be worth $4 million,"):
        // the verb is followed by a preposition or a time word, not by who spoke.
        // A main verb after an appositive ("The company, which owns the mine, said in a
        // statement that …") goes on without closing: the clause is closed by a comma within
        // a few words that name no subject of their own.
        if previous.is_none() && !agent_follows && next.is_some_and(|n| eq_any(n, CLAUSE_OPENERS)) {
            let closes = (token_index + 1..range.end.min(token_index + 8))
                .take_while(|&i| {
                    !(draft.tokens[i].is_word()
                        && eq_any(draft.token_text(i), &["it", "he", "she", "they", "we", "that"]))
                })
                .any(|i| draft.token_text(i) == ",");
            if closes {
                continue;
            }
        }
        return Some(span);
    }
    // A parenthetical source: "(Eurostat)", "(source: ONS)".
    parenthetical_source(draft, range)
}

/// Words that open what follows a participle with no subject (closed-class prepositions
/// and time words): "announced on Monday", "reported last week", "said to be".
const CLAUSE_OPENERS: &[&str] = &[
    "on", "in", "at", "last", "this", "earlier", "for", "with", "from", "to", "during", "since", "after",
    "before", "over", "under", "as", "when", "while", "into", "about",
];

/// Is the verb at `index` a participle used as an adjective between a number and its noun
/// ("16,100 registered voters", "1.2 million registered users", "300 reported cases")?
/// Then it has no subject and names no source.
fn is_participle_adjective(draft: &ParsedDraft<'_>, index: usize, range: Range<usize>) -> bool {
    if index <= range.start || index + 1 >= range.end {
        return false;
    }
    let before = draft.tokens[index - 1];
    let number_before = match before.kind {
        TokenKind::Number => true,
        TokenKind::Word => class::ATTRIBUTION_MAGNITUDE_WORDS.contains(draft.token_text(index - 1)),
        _ => false,
    };
    let after = draft.tokens[index + 1];
    let after_text = draft.token_text(index + 1);
    number_before
        && after.kind == TokenKind::Word
        && after_text.chars().all(|c| c.is_lowercase() || c == '-')
        && !crate::text::segment::is_function_word_or_adverb(after_text)
        && !class::ATTRIBUTION_ATTRIBUTION_VERBS.contains(after_text)
}

fn parenthetical_source(draft: &ParsedDraft<'_>, range: Range<usize>) -> Option<Range<usize>> {
    let mut index = range.start;
    while index < range.end {
        if draft.token_text(index) == "(" {
            let close = (index + 1..range.end.min(index + 10)).find(|&i| draft.token_text(i) == ")")?;
            let inner = index + 1..close;
            // A year may date a source: "(2021 census)".
            let is_year = |i: usize| {
                let text = draft.token_text(i);
                text.len() == 4 && text.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
            };
            let has_number = inner.clone().any(|i| {
                matches!(draft.tokens[i].kind, TokenKind::Number | TokenKind::Symbol) && !is_year(i)
            });
            let inner_words: Vec<&str> = inner
                .clone()
                .filter(|&i| draft.tokens[i].is_word())
                .map(|i| draft.token_text(i))
                .collect();
            let says_source = inner_words
                .first()
                .is_some_and(|w| w.eq_ignore_ascii_case("source") || w.eq_ignore_ascii_case("sources"));
            let names_body = !inner_words.is_empty()
                && inner_words.len() <= 6
                && inner_words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && inner_words.iter().any(|w| {
                    !crate::text::lexicon::is_common_word(w) && !crate::text::lexicon::is_proper_noun(w)
                        || w.chars().filter(|c| c.is_uppercase()).count() >= 2
                });
            // "(company filing)", "(police figures)", "(Health Ministry)": a short phrase whose
            // last word is a body of evidence or an institution.
            let ends_in_source = !inner_words.is_empty()
                && inner_words.len() <= 5
                && inner_words.last().is_some_and(|w| {
                    class::ATTRIBUTION_PARENTHETICAL_SOURCE_NOUNS.contains(w)
                        || class::ATTRIBUTION_INSTITUTION_NOUNS.contains(w)
                })
                && inner.clone().all(|i| {
                    draft.tokens[i].is_word()
                        || is_year(i)
                        || draft.token_text(i) == "'"
                        || draft.token_text(i) == "’"
                });
            if (!has_number && (says_source || names_body)) || ends_in_source {
                return Some(draft.tokens[index].start..draft.tokens[close].end);
            }
            index = close + 1;
        } else {
            index += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    fn attributed(text: &str) -> bool {
        let draft = ParsedDraft::parse(text, DraftFormat::PlainText);
        find_attribution(&draft, 0..draft.tokens.len(), &[], &|_| false).is_some()
    }

    #[test]
    fn cues() {
        assert!(attributed("Police said about 12,000 people took part."));
        assert!(attributed("About 12,000 people took part, according to police."));
        assert!(attributed("Organizers put the number at 40,000."));
        assert!(attributed("The figures showed a rise of 4%."));
        assert!(attributed(
            "He will serve a third of his sentence, the court heard."
        ));
        assert!(attributed("The rate was 4%, data from the central bank show."));
        assert!(attributed("Unemployment rose to 7.2% (Eurostat)."));
        assert!(attributed("It was reported by the ministry that 40 died."));
        assert!(attributed(
            "She welcomed the cut, saying 70% of households would gain."
        ));
        assert!(attributed("By the union's count, 2,000 walked out."));
        assert!(attributed("Negotiators talked about releasing 33 hostages."));
    }

    #[test]
    fn hedges_are_not_cues() {
        assert!(!attributed("Around 120 hostages are still believed to be held."));
        assert!(!attributed("The company lost an estimated €1.1 million."));
        assert!(!attributed("The number of reported cases rose 18%."));
        assert!(!attributed("All told, 300 people died."));
        assert!(!attributed("The loss is estimated at $2 million."));
        assert!(!attributed("Turnout was 58.3% (up from 51%)."));
        assert!(!attributed("The United States sent 40 planes."));
        // A participle between a number and its noun is an adjective.
        assert!(!attributed("The district has about 48,000 registered voters."));
        assert!(!attributed("The app has 3.4 million registered users."));
        assert!(!attributed("There were 300 reported cases."));
        assert!(!attributed("An estimated 300 people died."));
        // A parenthesis that is not a source.
        assert!(!attributed("Profit rose to €2.1 billion (a record)."));
        assert!(!attributed("Profit rose to €2.1 billion (see below)."));
        assert!(!attributed("Profit rose to €2.1 billion (up from 2019)."));
        // A participle clause after a comma names no one.
        assert!(!attributed(
            "The second mill, announced on Monday, employs 1,200 people."
        ));
        assert!(!attributed(
            "The painting, said to be worth $4 million, was stolen."
        ));
        assert!(!attributed("The fund, reported last week, holds $9 billion."));
    }

    #[test]
    fn verbs_with_subjects_and_parenthetical_sources_still_attribute() {
        assert!(attributed("The ministry registered 300 cases."));
        assert!(attributed("Of those, 1,200 reported that they fell ill."));
        assert!(attributed("A survey of 2,000 found 40% disagreed."));
        assert!(attributed("Some 300 were reported by the ministry."));
        assert!(attributed("Profit rose to €2.1 billion (annual report)."));
        assert!(attributed("Profit rose to €2.1 billion (company filing)."));
        assert!(attributed("Turnout was 71% (2031 census)."));
        assert!(attributed("Arrests rose to 412 (state police)."));
        assert!(attributed("Arrests rose to 412 (Health Ministry)."));
        // After a comma or a quotation, a verb followed by who spoke attributes.
        assert!(attributed("About 300 people were hurt, said Dr Amara Oduya."));
        assert!(attributed("“Some 300 were hurt,” said the hospital's director."));
        assert!(attributed(
            "The operator, which owns the port, said in a statement that 40 ships were delayed."
        ));
        assert!(attributed(
            "Vantel, a chipmaker, said on Friday it would cut 900 jobs, or 8%."
        ));
    }
}
