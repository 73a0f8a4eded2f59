//! Background and public record: figures a story states as settled fact, which a copy desk
//! does not ask it to source.
//!
//! - **history**: the toll of an event long past ("The Black Death killed 50 million people
//!   in the 14th century", "the 1918 flu killed …"): a figure with a word of death or loss
//!   (`data/lexicon/record-death-words.txt`) in a paragraph dated by a century or a year
//!   before 1950, or in the paragraph after one so dated when it names no year of its own
//!   from 1950 on (a history runs on).
//! - **population**: a place's population ("a population of 5.4 million", "home to 2
//!   million people", "a city of 400,000": `record-place-nouns.txt`).
//! - **location**: a distance followed by a compass direction ("about 100 km east of the
//!   capital"), which places something (`data/lexicon/compass-directions.txt`). A distance
//!   as news ("the river rose 3 metres", "400 metres from the pen") stays a figure.
//! - **market-level**: where a price or an index closed, opened or traded ("closed at
//!   $185.25", "ended at 40,816.38": `record-market-verbs.txt`; "an all-time high of
//!   40,816.38"), and the day's move given with the close ("closed at $185.25, up
//!   0.35%"); how far it moved, told alone ("fell 3%"), stays a figure.
//! - **court-record**: bail, bonds, fines, sentences, counts and charges, pleas
//!   (`data/lexicon/court-record-words.txt`): the record of a case.
//! - **stake**: an ownership stake ("owns a 24.4% stake", "holds 10% of the shares").
//! - **number-as-name**: a number that names rather than counts: an item of a numbered
//!   list ("10. Make a backup plan"), a title ("10 Things in Tech You Need to Know"), a
//!   ranking ("the top 10"), a count that announces the list after it ("Seven big
//!   questions heading into the debate:"), a phone number after a verb of calling ("called
//!   911": `record-calling-verbs.txt`), a model (a number of three or four digits before
//!   "program", "series", "jet" (`record-model-nouns.txt`) or a capitalised name: "the 777
//!   program", "five 787 Dreamliner sales").
//! - **reference**: a number that points back at a group already counted ("These 11 had
//!   until Nov. 1").
//! - **elapsed-time**: how long something took or lasted, or how long ago it was ("for less
//!   than 10 minutes", "the first time in nearly 25 years", "13.8 billion years"; the
//!   hedges skipped before the figure are `record-duration-hedges.txt`); a duration is a
//!   statistic only with a statistical qualifier ("a median of 14.2 weeks":
//!   `record-statistical-qualifiers.txt`) or as a wait or a delay ("waits of 40 weeks":
//!   `record-wait-words.txt`).
//! - **headline**: a figure in a paragraph with no final punctuation amid the copy (a
//!   crosshead, a caption, a related story's headline): not a sentence of the story. (A
//!   list item needs no final punctuation, and is judged as copy.)

use std::ops::Range;

use super::Context;
use crate::text::figures::{Figure, FigureKind};
use crate::text::lexicon::{Lexicon, class, is_common_word};
use crate::text::words::eq_any;
use crate::text::{Block, BlockKind, ParsedDraft, TokenKind};

/// What record classes ask of a whole sentence, worked out once per sentence (asking it
/// for each figure would make a long sentence quadratic).
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceFacts {
    dated_long_ago: bool,
    death: bool,
    court: bool,
    wait: bool,
    first_time: bool,
    ends_with_colon: bool,
    /// "closed at", "ended at": a market's close is given.
    market_close: bool,
}

/// True when a block is dated long ago: a century, or a year before 1950 ("In 1348 …").
pub fn dated_long_ago(parsed: &ParsedDraft<'_>, block: &Block) -> bool {
    block.tokens.clone().any(|i| is_long_ago(parsed, i))
}

/// True when a paragraph names a year from 1950 on: it dates itself in living memory.
pub fn dated_recently(parsed: &ParsedDraft<'_>, block: &Block) -> bool {
    block
        .tokens
        .clone()
        .any(|i| year_of(parsed, i).is_some_and(|year| (1950..2200).contains(&year)))
}

/// The number at `index` read as a year: four digits.
fn year_of(parsed: &ParsedDraft<'_>, index: usize) -> Option<u32> {
    let text = parsed.token_text(index);
    (parsed.tokens[index].kind == TokenKind::Number && text.len() == 4)
        .then(|| text.parse().ok())
        .flatten()
}

fn is_long_ago(parsed: &ParsedDraft<'_>, index: usize) -> bool {
    if parsed.tokens[index].kind == TokenKind::Number {
        return year_of(parsed, index).is_some_and(|year| (1000..1950).contains(&year));
    }
    let text = parsed.token_text(index);
    let lower = text.to_ascii_lowercase();
    parsed.tokens[index].is_word()
        && (lower == "century" || lower == "centuries" || lower.ends_with("th-century"))
}

impl SentenceFacts {
    /// The facts of a sentence; `block_long_ago` says whether its paragraph is dated long
    /// ago (a history is often dated in the sentence before its toll).
    pub fn of(parsed: &ParsedDraft<'_>, sentence: usize, block_long_ago: bool) -> SentenceFacts {
        let range = parsed.sentences[sentence].tokens.clone();
        let mut facts = SentenceFacts {
            ends_with_colon: parsed.copy[parsed.sentences[sentence].span.clone()]
                .trim_end()
                .ends_with(':'),
            dated_long_ago: block_long_ago,
            ..SentenceFacts::default()
        };
        let mut previous_first = false;
        for i in range {
            let text = parsed.token_text(i);
            if parsed.tokens[i].kind == TokenKind::Number {
                previous_first = false;
                continue;
            }
            if !parsed.tokens[i].is_word() {
                continue;
            }
            let lower = text.to_ascii_lowercase();
            facts.death |= class::RECORD_DEATH_WORDS.contains(text);
            facts.court |= class::COURT_RECORD_WORDS.contains(text);
            facts.wait |= class::RECORD_WAIT_WORDS.contains(text);
            facts.first_time |= previous_first && lower == "time";
            facts.market_close |= class::RECORD_MARKET_VERBS.contains(text);
            previous_first = lower == "first";
        }
        facts
    }
}

fn word_at<'a>(parsed: &'a ParsedDraft<'_>, index: usize, range: &Range<usize>) -> Option<&'a str> {
    (range.contains(&index) && parsed.tokens[index].is_word()).then(|| parsed.token_text(index))
}

fn is_any(word: Option<&str>, list: &[&str]) -> bool {
    word.is_some_and(|w| eq_any(w, list))
}

/// True when there is a word and it is in the class.
fn is_in(word: Option<&str>, lexicon: &Lexicon) -> bool {
    word.is_some_and(|w| lexicon.contains(w))
}

/// The index of the figure's last token.
fn last_token(parsed: &ParsedDraft<'_>, figure: &Figure, sentence: &Range<usize>) -> usize {
    (figure.token..sentence.end)
        .take_while(|&i| parsed.tokens[i].start < figure.span.end)
        .last()
        .unwrap_or(figure.token)
}

/// The record context of a figure, if it is background or public record.
pub fn context(
    parsed: &ParsedDraft<'_>,
    block: &Block,
    sentence: Range<usize>,
    facts: &SentenceFacts,
    figure: &Figure,
) -> Option<Context> {
    let last = last_token(parsed, figure, &sentence);
    // The figure's first token: its currency sign, when it has one ("$185.25").
    let mut first = figure.token;
    while first > sentence.start && parsed.tokens[first - 1].start >= figure.span.start {
        first -= 1;
    }
    let before = |offset: usize| {
        first
            .checked_sub(offset)
            .and_then(|i| word_at(parsed, i, &sentence))
    };
    let after = |offset: usize| word_at(parsed, last + offset, &sentence);

    // A line with no final punctuation amid the copy is no sentence of the story.
    let block_text = parsed.copy[block.span.clone()].trim_end();
    if block.kind == BlockKind::Paragraph
        && !block_text.ends_with([
            '.', '…', '!', '?', '"', '”', '’', '\'', ')', ']', ':', ';', '*', '_',
        ])
        && block.tokens.len() <= 30
    {
        return Some(Context::Headline);
    }
    // A number that names: a list's or a title's number, a ranking, a phone number, a model.
    let number_text = &parsed.copy[parsed.tokens[figure.token].span()];
    let is_digits = parsed.tokens[figure.token].kind == TokenKind::Number;
    if figure.token == block.tokens.start
        && parsed
            .tokens
            .get(figure.token + 1)
            .is_some_and(|t| matches!(&parsed.copy[t.start..t.end], "." | ")"))
    {
        return Some(Context::NumberAsName);
    }
    if figure.token > sentence.start
        && is_digits
        && after(1).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && is_common_word(w))
        && after(2)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "in" || w == "of")
    {
        return Some(Context::NumberAsName);
    }
    if is_any(before(1), &["top", "bottom"]) {
        return Some(Context::NumberAsName);
    }
    if is_in(before(1), &class::RECORD_CALLING_VERBS) && is_digits {
        return Some(Context::NumberAsName);
    }
    let model_number = is_digits
        && (3..=4).contains(&number_text.len())
        && number_text.chars().all(|c| c.is_ascii_digit())
        && (is_in(after(1), &class::RECORD_MODEL_NOUNS)
            || after(1).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)));
    if model_number {
        return Some(Context::NumberAsName);
    }
    // A count that announces the list after it: "Seven big questions heading into the
    // debate:".
    if figure.token == sentence.start && facts.ends_with_colon {
        return Some(Context::NumberAsName);
    }
    if is_any(before(1), &["these", "those"]) {
        return Some(Context::Reference);
    }
    // How long something lasted ("for less than 10 minutes", "a husband of 20 years"), how
    // long ago or how old ("25 years ago", "13.8 billion years old"), or a first in so long
    // ("the first time in nearly 25 years"); a statistic or a wait is a figure.
    if figure.kind == FigureKind::Duration {
        let statistic =
            (1..=4).any(|offset| is_in(before(offset), &class::RECORD_STATISTICAL_QUALIFIERS)) || facts.wait;
        let preposition = (1..=4)
            .map(before)
            .find(|w| !is_in(*w, &class::RECORD_DURATION_HEDGES))
            .flatten();
        let lasted = is_any(preposition, &["for", "of"]);
        let ago = is_any(after(1), &["ago", "old", "later", "earlier"]);
        let first_in = is_any(preposition, &["in"]) && facts.first_time;
        if !statistic && (lasted || ago || first_in) {
            return Some(Context::ElapsedTime);
        }
    }
    // History: a toll, dated long ago.
    if facts.dated_long_ago && facts.death {
        return Some(Context::History);
    }
    // Population.
    // "home to 5 million", "home to about 17 million": skip a hedge before the figure.
    let hedge_skipped = if is_in(before(1), &class::RECORD_DURATION_HEDGES) {
        2
    } else {
        1
    };
    if (1..=3).any(|offset| is_any(before(offset), &["population", "populations"]))
        || (is_any(before(hedge_skipped), &["to"]) && is_any(before(hedge_skipped + 1), &["home"]))
        || (is_any(before(1), &["of"]) && is_in(before(2), &class::RECORD_PLACE_NOUNS))
    {
        return Some(Context::Population);
    }
    // A distance that places something.
    if figure.kind == FigureKind::Measurement
        && (after(1).is_some_and(|w| class::COMPASS_DIRECTIONS.contains(w))
            || (is_any(after(1), &["to", "or"])
                && after(2).is_some_and(|w| class::COMPASS_DIRECTIONS.contains(w))))
    {
        return Some(Context::Location);
    }
    // A market's level.
    // "closed in New York on Tuesday at $185.25", "an all-time high of 40,816.38".
    if is_any(before(1), &["at"]) && (2..=8).any(|offset| is_in(before(offset), &class::RECORD_MARKET_VERBS))
    {
        return Some(Context::MarketLevel);
    }
    if is_any(before(1), &["of"]) && is_any(before(2), &["high", "low", "peak", "trough"]) {
        return Some(Context::MarketLevel);
    }
    // The day's move given with the close: "closed … at $185.25, up 0.35%".
    if figure.kind == FigureKind::Percentage && is_any(before(1), &["up", "down"]) && facts.market_close {
        return Some(Context::MarketLevel);
    }
    if (1..=3).any(|offset| is_any(after(offset), &["stake", "stakes"]))
        || is_any(before(1), &["owns", "holds", "owned", "held"]) && figure.kind == FigureKind::Percentage
    {
        return Some(Context::Stake);
    }
    // A court's record.
    if matches!(
        figure.kind,
        FigureKind::Money | FigureKind::Count | FigureKind::Quantity | FigureKind::Duration
    ) && facts.court
    {
        return Some(Context::CourtRecord);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::text::figures::context::tests::decisions;

    #[test]
    fn background_and_public_record_are_not_claims() {
        let text = "Headline\n\nThe Black Death killed 50 million people in the 14th century.\n\n\
                    The town sits about 100 km east of the capital and is home to 40,000 people.\n\n\
                    The shares closed at $185.25 after falling 3%.\n\n\
                    He was held on a $70,000 bond and faces five counts of fraud.\n\n\
                    The fund owns a 24.4% stake in the paper.\n";
        let found = decisions(text);
        for expected in [
            ("50 million people", "not-a-claim:history"),
            ("100 km", "not-a-claim:location"),
            ("40,000 people", "not-a-claim:population"),
            ("$185.25", "not-a-claim:market-level"),
            ("3%", "unsourced"),
            ("$70,000", "not-a-claim:court-record"),
            ("24.4%", "not-a-claim:stake"),
        ] {
            assert!(found.contains(&expected), "{expected:?} in {found:?}");
        }
        // In plain text, a numbered list keeps its numbers as text; in a title, a number
        // names.
        let text = "Headline\n\n10. Make a backup plan\n\nSign up for 10 Things in Tech You Need to Know.\n";
        let found =
            crate::text::figures::context::tests::decisions_in(text, crate::text::DraftFormat::PlainText);
        assert!(found.contains(&("10", "not-a-claim:number-as-name")), "{found:?}");
        assert!(
            found.iter().all(|(_, decision)| *decision != "unsourced"),
            "{found:?}"
        );
    }

    #[test]
    fn a_history_runs_on_into_the_next_paragraph_unless_it_dates_itself() {
        let text = "Headline\n\nIn the 16th century smallpox reached the Americas.\n\n\
                    As many as 8 million people may have died.\n\n\
                    In 2023 the disease killed 40 people in a lab accident.\n";
        let found = decisions(text);
        assert!(
            found.contains(&("8 million people", "not-a-claim:history")),
            "{found:?}"
        );
        assert!(found.contains(&("40 people", "unsourced")), "{found:?}");
    }

    #[test]
    fn news_of_the_same_shapes_stays_a_claim() {
        let text = "Headline\n\nThe storm killed 40 people on Tuesday.\n\n\
                    The boat was intercepted about 12 nautical miles off Danger Point.\n\n\
                    Thousands of homes were built before 1970.\n";
        let found = decisions(text);
        assert!(found.contains(&("40 people", "unsourced")), "{found:?}");
        assert!(found.contains(&("12 nautical miles", "unsourced")), "{found:?}");
        assert!(found.contains(&("Thousands of homes", "unsourced")), "{found:?}");
    }
}
