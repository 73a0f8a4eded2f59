//! # number-style
//!
//! ## What it flags
//! Numbers not written the AP way:
//! - a figure from 1 to 9 counting things ("3 people", "the 2 sides", "5th time"), two of
//!   them joined by "and" or "or" ("between 5 and 7 ships", "3 or 4 crews"), or an ordinal
//!   from 1st to 9th that ends a clause ("The boat was 4th."): spell it out ("three
//!   people", "between five and seven ships", "fourth");
//! - a spelled-out number of 10 or more ("twelve drivers", "the fifteenth round"): use
//!   figures ("12 drivers", "15th round");
//! - a sentence that starts with a figure ("240 children were vaccinated."): spell the
//!   number out or recast the sentence. Years are the exception ("2019 was dry.").
//!
//! ## Why it matters
//! Consistent numerals are the most visible part of a house style. AP spells out small
//! counts because they read as words, and uses figures from 10 up because they are faster
//! to take in; a figure at the start of a sentence looks like a typo.
//!
//! ## Example
//! ```text
//! Officials said 3 people were hurt and twelve were treated at the scene.
//! ```
//! Use instead: `Officials said three people were hurt and 12 were treated at the scene.`
//!
//! Figures stay figures where AP keeps them: ages ("Okafor, 5,", "aged 6"), percentages,
//! money, measurements and dimensions ("6 kilometers", "5 feet"), dates ("Dec. 4"),
//! times ("3 p.m.", "at 3 in the morning"), scores, votes, ratios and ranges ("4-1",
//! "2 in 10", "6 to 16", "won 3 and 2"), millions ("5 million"), and numbers that are part
//! of a name or an address ("Route 4", "No. 9", "District 3", "page 5", "7 Main Street",
//! "4th District"), and dates ("March 4th", "the 4th of July"). A single cardinal figure
//! is only flagged when a word in lower case follows it, so a figure whose role is unclear
//! ("She was 3.": an age?) is left alone; an ordinal is a rank whatever follows it.
//! Spelled-out numbers at the start of a sentence, inside names ("Ocean's Eleven") and in
//! ratios ("one in ten") are correct. Ratios are left as written either way ("one in ten",
//! "2 in 10"): AP's figures for ratios are for the 2-to-1 form, and the rule does not
//! insist on one form for "1 in 10". Quotations, headlines and block quotes are not
//! checked.
//!
//! Not copy in AP's sense, and not checked: a block that does not end like a sentence (a
//! crosshead, a related-story headline, a gallery counter "1 of 4"), a list item's number
//! ("1. Define your goals"), a time stamp heading a live update ("4:14 p.m."), and a
//! counter before a caption ("1 of 4 Firefighters battle …"). Not counts: a figure that
//! names a product or a part ("Thunderbolt 3", "ID.3": a capitalised word before the figure
//! names it, also at the start of a sentence unless the word introduces a count, as "Only",
//! "The" or "About" do; a figure joined to the token before it by a period), a label after
//! a noun with nothing counted after it ("group 2 is"), an enumerator in brackets ("(1)
//! private quarters, (2) life support"), a precise measured time ("4 minutes and 15
//! seconds"), and a fraction in words ("a tenth of a second").
//!
//! This rule is part of the AP preset: it runs with `style = "ap"`, or when switched on
//! in `[rules]`.
//!
//! ## Fix
//! Spell out the figure or write the figures ("3" → "three", "twelve" → "12", "tenth" →
//! "10th"); at the start of a sentence, spell out a number below 100 ("12%" → "Twelve
//! percent"). Unsafe: whether a figure counts things, rather than naming a product, a
//! version or a measured quantity, is a heuristic's call. Larger numbers at the start of
//! a sentence have no fix: recast.
//!
//! ## Configuration
//! - `style = "ap"` turns it on; `[rules] number-style = "warning"` turns it on under any
//!   style (or `off` under AP).

use std::sync::OnceLock;

use super::{Ctx, DraftContext, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix};
use crate::text::dateline::find_dateline;
use crate::text::lexicon::{class, is_common_word, is_proper_noun};
use crate::text::spans::SpanSet;
use crate::text::word_table::WordTable;
use crate::text::words::WordList;
use crate::text::{BlockKind, ParsedDraft, TokenKind};

const RULE: &str = "number-style";

const ONES: [&str; 20] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINAL_ONES: [&str; 20] = [
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth",
];
const ORDINAL_TENS: [&str; 10] = [
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
    "ninetieth",
];

/// A number below 100 in words: "seven", "forty-two".
fn cardinal_words(value: u32) -> Option<String> {
    match value {
        0..=19 => Some(ONES[value as usize].to_string()),
        20..=99 => {
            let (tens, ones) = (value / 10, value % 10);
            Some(if ones == 0 {
                TENS[tens as usize].to_string()
            } else {
                format!("{}-{}", TENS[tens as usize], ONES[ones as usize])
            })
        }
        _ => None,
    }
}

/// The first parts of spelled numbers from ten up: a word that starts with none of them
/// is not one, and is turned away without allocating.
static SPELLED_HEADS: WordList = WordList::new(&[
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
    "ninetieth",
]);

/// [`SPELLED_HEADS`] behind a first-letter and length filter.
fn spelled_heads() -> &'static WordTable<()> {
    static TABLE: OnceLock<WordTable<()>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(SPELLED_HEADS.words().iter().map(|w| (*w, ()))))
}

/// A number written in words, cardinal or ordinal, from ten to ninety-nine.
fn spelled_value(word: &str) -> Option<(u32, bool)> {
    let head = match word.find('-') {
        Some(hyphen) => &word[..hyphen],
        None => word,
    };
    if !spelled_heads().might_contain(head) || !SPELLED_HEADS.contains(head) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let (head, tail) = match lower.split_once('-') {
        Some((head, tail)) => (head, Some(tail)),
        None => (lower.as_str(), None),
    };
    let position = |list: &[&str], text: &str| list.iter().position(|w| *w == text).map(|p| p as u32);
    match tail {
        None => {
            if let Some(value) = position(&ONES, head).filter(|v| *v >= 10) {
                return Some((value, false));
            }
            if let Some(value) = position(&ORDINAL_ONES, head).filter(|v| *v >= 10) {
                return Some((value, true));
            }
            if let Some(tens) = position(&TENS, head).filter(|v| *v >= 2) {
                return Some((tens * 10, false));
            }
            position(&ORDINAL_TENS, head)
                .filter(|v| *v >= 2)
                .map(|tens| (tens * 10, true))
        }
        Some(tail) => {
            let tens = position(&TENS, head).filter(|v| *v >= 2)?;
            if let Some(ones) = position(&ONES[1..10], tail) {
                return Some((tens * 10 + ones + 1, false));
            }
            position(&ORDINAL_ONES[1..10], tail).map(|ones| (tens * 10 + ones + 1, true))
        }
    }
}

fn ordinal_suffix(value: u32) -> &'static str {
    match (value % 10, value % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Words after a figure that keep it a figure: units, money (the currency words are
/// `data/lexicon/scan-currency-words.txt`), percentages, times, ages.
static FIGURE_WORDS: WordList = WordList::with_classes(
    &[&crate::text::lexicon::class::SCAN_CURRENCY_WORDS],
    &[
        "percent", "per", "percentage", "pct", "points", "point", "million", "billion", "trillion", "bn",
        "m", "pound", "p", "kilometers", "kilometres", "kilometer", "kilometre", "km", "miles", "mile",
        "meters", "metres", "meter", "metre", "feet", "foot", "ft", "inches", "inch", "yards", "yard",
        "centimeters", "centimetres", "cm", "millimeters", "millimetres", "mm", "hectares", "hectare", "ha",
        "acres", "acre", "tonnes", "tonne", "tons", "ton", "kilograms", "kilogram", "kg", "kilos", "kilo",
        "grams", "gram", "g", "ounces", "ounce", "oz", "lb", "lbs", "liters", "litres", "liter", "litre",
        "l", "gallons", "gallon", "barrels", "barrel", "megawatts", "megawatt", "mw", "gigawatts", "gw",
        "kilowatts", "kw", "kwh", "mwh", "gwh", "degrees", "degree", "mph", "kph", "knots", "knot",
        "gigabytes", "gb", "terabytes", "tb", "megabytes", "mb", "magnitude", "o'clock", "o’clock", "a.m.",
        "p.m.", "am", "pm", "x", "by", "seeds", "seed", "stars", "star", "goals", "goal", "runs", "wickets",
        "sets", "games", "under", "over", "up", "down", "nil", "all",
    ],
);

/// Words before a figure that make it part of a name or a reference: "page 5", "No. 4".
static LABEL_WORDS: WordList = WordList::new(&[
    "page", "pages", "chapter", "chapters", "line", "room", "gate", "level", "route", "platform", "grade",
    "size", "channel", "track", "exit", "phase", "stage", "round", "game", "act", "scene", "verse", "volume",
    "vol", "article", "section", "item", "table", "figure", "fig", "slide", "row", "seat", "lane", "floor",
    "category", "class", "terminal", "district", "ward", "precinct", "zone", "court", "lot", "unit", "flat",
    "apartment", "suite", "box", "bus", "train", "flight", "model", "version", "number", "no", "nos",
    "season", "episode", "week", "day", "shaft", "block", "building", "tier", "part", "book", "band", "step",
    "aged", "age", "ages", "year", "years", "under", "over", "top", "no.", "#", "amendment", "pier", "berth",
    "hole", "lap", "heat", "set", "match", "leg", "mile", "kilometre", "kilometer", "minute", "hour",
    "generation", "type", "stage", "paragraph", "clause", "rule", "title", "point", "score", "scored",
    "beat", "won", "lost", "drew", "led", "trailed", "odds", "dial", "call", "text", "press", "level",
]);

use crate::text::lexicon::class::MONTHS;

/// Words that join two numbers into a range, ratio, score or vote.
static JOINERS: WordList = WordList::new(&[
    "to", "in", "and", "or", "of", "out", "by", "x", "from", "-", "–", "/",
]);

/// Words before a figure that make it a time: "at 3", "by 7".
static TIME_WORDS: WordList = WordList::new(&[
    "at", "by", "until", "till", "past", "around", "before", "after", "from",
]);

/// Words after "at 3" that show the figure is a time.
static AFTER_TIME: WordList = WordList::new(&[
    "in", "on", "this", "that", "tonight", "tomorrow", "today", "every", "each", "and", "or", "sharp",
]);

fn is_number_like(parsed: &ParsedDraft<'_>, index: usize) -> bool {
    let token = parsed.tokens[index];
    matches!(token.kind, TokenKind::Number | TokenKind::AlphaNum)
        || (token.kind == TokenKind::Word && spelled_value(token.text(&parsed.copy)).is_some())
        || (token.kind == TokenKind::Word
            && ONES[1..10]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(token.text(&parsed.copy))))
}

/// The first token of copy in each sentence: after opening marks and after a dateline.
fn first_word_of_sentence(
    parsed: &ParsedDraft<'_>,
    sentence: usize,
    dateline_end: Option<usize>,
) -> Option<usize> {
    let range = parsed.sentences[sentence].tokens.clone();
    range.clone().find(|&i| {
        let token = parsed.tokens[i];
        token.kind != TokenKind::Punct && dateline_end.is_none_or(|end| token.start >= end)
    })
}

fn is_sentence_start(parsed: &ParsedDraft<'_>, token: usize, dateline_end: Option<usize>) -> bool {
    let Some(sentence) = parsed.sentence_of_token(token) else {
        return false;
    };
    let dateline_here = dateline_end.filter(|end| parsed.sentences[sentence].span.start < *end);
    first_word_of_sentence(parsed, sentence, dateline_here) == Some(token)
}

/// A figure from 1 to 9.
fn is_single_figure(parsed: &ParsedDraft<'_>, index: usize) -> bool {
    let token = parsed.tokens[index];
    let text = token.text(&parsed.copy);
    token.kind == TokenKind::Number && text.len() == 1 && matches!(text.as_bytes()[0], b'1'..=b'9')
}

/// Words that cannot be what a count counts: after "3 and 2" they show a score or a
/// result ("won 3 and 2 on Sunday"), not things.
static NOT_COUNTED: WordList = WordList::new(&[
    "on", "in", "at", "to", "for", "with", "and", "or", "the", "a", "an", "of", "by", "from", "after",
    "before", "but", "as", "when", "while", "is", "are", "was", "were", "than", "this", "that",
]);

/// The second figure of "5 and 7 ships": a figure from 1 to 9 with the word it counts after
/// it, in lower case, not a unit and not a function word.
fn is_paired_count(parsed: &ParsedDraft<'_>, index: usize, block_tokens: &std::ops::Range<usize>) -> bool {
    if !block_tokens.contains(&index) || !is_single_figure(parsed, index) {
        return false;
    }
    let Some(next) = (index + 1 < block_tokens.end).then(|| parsed.tokens[index + 1]) else {
        return false;
    };
    let text = next.text(&parsed.copy);
    next.kind == TokenKind::Word
        && next.start > parsed.tokens[index].end
        && text.starts_with(|c: char| c.is_lowercase())
        && !FIGURE_WORDS.contains(text)
        && !NOT_COUNTED.contains(text)
        && !JOINERS.contains(text)
}

/// An ordinal figure from 1st to 9th that ends a clause ("The boat was 4th.", "4th,"):
/// AP spells it out. Not in a name ("4th District", "4th Street"), a date ("March 4th",
/// "the 4th of July"), or after a label ("No. 4th").
fn is_closing_ordinal(parsed: &ParsedDraft<'_>, index: usize, block_tokens: &std::ops::Range<usize>) -> bool {
    let token = parsed.tokens[index];
    let next = (index + 1 < block_tokens.end).then(|| parsed.tokens[index + 1]);
    // "3rd and 6th": a list of ranks.
    let ordinal_at = |i: usize| {
        block_tokens.contains(&i) && parsed.tokens[i].kind == TokenKind::AlphaNum && {
            let text = parsed.token_text(i);
            text.starts_with(|c: char| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"].iter().any(|s| text.ends_with(s))
        }
    };
    let listed = next.is_some_and(|n| matches!(n.text(&parsed.copy), "and" | "or")) && ordinal_at(index + 2);
    if let Some(next) = next.filter(|_| !listed) {
        let text = next.text(&parsed.copy);
        if next.start == token.end && !matches!(text, "." | "," | ";" | ":" | "!" | "?" | ")" | "”" | "\"")
        {
            return false;
        }
        if next.kind != TokenKind::Punct {
            return false;
        }
    }
    let previous = index
        .checked_sub(1)
        .filter(|i| block_tokens.contains(i))
        .map(|i| parsed.tokens[i]);
    if let Some(previous) = previous {
        let text = previous.text(&parsed.copy);
        if previous.end == token.start
            || MONTHS.contains(text.trim_end_matches('.'))
            || LABEL_WORDS.contains(text)
            || text == "."
            || previous.kind == TokenKind::Number
        {
            return false;
        }
    }
    true
}

/// A block that does not end like a sentence (no closing `.`, `!`, `?`, `…` or `:`, before
/// any closing quotation marks and brackets) is a headline, a crosshead, a related-story
/// link, a caption's counter ("1 of 4") or a time stamp ("4:14 p.m." ends in a period and
/// is [`is_time_stamp`]'s): AP's rules for numbers in copy do not govern it.
fn ends_like_a_sentence(parsed: &ParsedDraft<'_>, block: &crate::text::Block) -> bool {
    parsed.copy[block.span.clone()]
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_'])
        .ends_with(['.', '!', '?', '…', ':'])
}

/// A figure that numbers a list item ("1. Define your goals", "2) Save early"): the figure
/// opens its block and a period or bracket is attached to it.
fn is_list_counter(parsed: &ParsedDraft<'_>, index: usize, block_tokens: &std::ops::Range<usize>) -> bool {
    index == block_tokens.start
        && block_tokens.contains(&(index + 1))
        && parsed.tokens[index + 1].start == parsed.tokens[index].end
        && matches!(parsed.token_text(index + 1), "." | ")")
}

/// A clock time ("4:14", "10 p.m.") at the start of a sentence is a time stamp, as live
/// updates ("The Latest") head each entry: AP writes times in figures.
fn is_time_stamp(parsed: &ParsedDraft<'_>, index: usize, block_tokens: &std::ops::Range<usize>) -> bool {
    let text = parsed.token_text(index);
    let clock = text.contains(':')
        && text
            .split(':')
            .all(|part| part.bytes().all(|b| b.is_ascii_digit()));
    let meridiem = block_tokens.contains(&(index + 1))
        && matches!(
            parsed.token_text(index + 1).to_ascii_lowercase().as_str(),
            "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m"
        );
    clock || meridiem
}

/// A counter of a sequence at the start of a sentence ("1 of 4" over a gallery's caption,
/// "2/5" in a thread): the figure, "of" or a slash, a figure, then the end of the block or
/// a capitalised word.
fn is_sequence_counter(
    parsed: &ParsedDraft<'_>,
    index: usize,
    block_tokens: &std::ops::Range<usize>,
) -> bool {
    let joined = block_tokens.contains(&(index + 2))
        && matches!(parsed.token_text(index + 1), "of" | "/")
        && parsed.tokens[index + 2].kind == TokenKind::Number;
    joined
        && (!block_tokens.contains(&(index + 3))
            || parsed
                .token_text(index + 3)
                .starts_with(|c: char| c.is_uppercase()))
}

/// A figure joined to the token before it by a mark other than an opening quotation mark,
/// bracket or dash ("ID.3", "v.2", "A/3"): part of a name or a code, not a count, and not
/// the start of a sentence.
fn is_attached_to_previous(parsed: &ParsedDraft<'_>, index: usize) -> bool {
    let token = parsed.tokens[index];
    parsed.copy[..token.start].chars().next_back().is_some_and(|c| {
        !c.is_whitespace() && !matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–' | '«')
    })
}

/// A figure in brackets of its own ("(1) private quarters, (8) life support"): an
/// enumerator labelling the items of a list run into a sentence, not a count.
fn is_bracketed_enumerator(
    parsed: &ParsedDraft<'_>,
    index: usize,
    block_tokens: &std::ops::Range<usize>,
) -> bool {
    let token = parsed.tokens[index];
    index.checked_sub(1).is_some_and(|p| {
        block_tokens.contains(&p) && parsed.tokens[p].end == token.start && parsed.token_text(p) == "("
    }) && block_tokens.contains(&(index + 1))
        && parsed.tokens[index + 1].start == token.end
        && parsed.token_text(index + 1) == ")"
}

/// A measured time in several units ("4 minutes and 15 seconds", "2 hours, 5 minutes",
/// "1 min 30 sec"): AP writes precise elapsed times in figures. True for either figure.
fn is_measured_duration(
    parsed: &ParsedDraft<'_>,
    index: usize,
    block_tokens: &std::ops::Range<usize>,
) -> bool {
    let is_figure = |i: usize| block_tokens.contains(&i) && parsed.tokens[i].kind == TokenKind::Number;
    let is_unit = |i: usize| {
        block_tokens.contains(&i)
            && parsed.tokens[i].kind == TokenKind::Word
            && class::DURATION_UNITS.contains(parsed.token_text(i))
    };
    let is_joiner = |i: usize| block_tokens.contains(&i) && matches!(parsed.token_text(i), "and" | ",");
    // The next figure and unit, after this one's unit: "4 minutes [and] 15 seconds".
    let forward = is_unit(index + 1)
        && ((is_figure(index + 2) && is_unit(index + 3))
            || (is_joiner(index + 2) && is_figure(index + 3) && is_unit(index + 4)));
    // The figure and unit before this one: "2 minutes [and] 8 seconds".
    let backward = is_unit(index + 1)
        && index.checked_sub(2).is_some_and(|before| {
            (is_unit(index - 1) && is_figure(before))
                || (is_joiner(index - 1) && index >= 3 && is_unit(index - 2) && is_figure(index - 3))
        });
    forward || backward
}

/// A figure after a lower-case word that is not a function word and before a function word
/// ("in group 2 is", "phase 3 of", "level 4 and"): a label the word gives the figure, not a
/// count of anything, since nothing counted follows.
fn is_label_after_noun(
    parsed: &ParsedDraft<'_>,
    index: usize,
    block_tokens: &std::ops::Range<usize>,
) -> bool {
    let Some(previous) = index.checked_sub(1).filter(|i| block_tokens.contains(i)) else {
        return false;
    };
    let Some(next) = Some(index + 1).filter(|i| block_tokens.contains(i)) else {
        return false;
    };
    let previous_text = parsed.token_text(previous);
    parsed.tokens[previous].kind == TokenKind::Word
        && previous_text.starts_with(|c: char| c.is_lowercase())
        && !class::FUNCTION_WORDS.contains(previous_text)
        && !class::QUANTITY_WORDS.contains(previous_text)
        && class::FUNCTION_WORDS.contains(parsed.token_text(next))
}

/// Whether a capitalised word at the start of a sentence introduces a count ("Only 3
/// people", "The 2 sides", "After 4 days") rather than naming the figure after it
/// ("Thunderbolt 3 is fast", "Apollo 9 flew").
fn introduces_a_count(word: &str) -> bool {
    class::FUNCTION_WORDS.contains(word) || class::QUANTITY_WORDS.contains(word)
}

/// Whether a single figure (1 to 9) at `index` counts something and should be spelled out.
fn is_small_count(parsed: &ParsedDraft<'_>, index: usize, block_tokens: &std::ops::Range<usize>) -> bool {
    let token = parsed.tokens[index];
    let at = |i: usize| block_tokens.contains(&i).then(|| parsed.tokens[i]);
    let text_at = |i: usize| at(i).map(|t| t.text(&parsed.copy));
    // The next word must be a lower-case word that is not a unit, separated by a space.
    let Some(next) = at(index + 1) else {
        return false;
    };
    if next.kind != TokenKind::Word || next.start == token.end {
        return false;
    }
    let next_text = next.text(&parsed.copy);
    if !next_text.starts_with(|c: char| c.is_lowercase()) || FIGURE_WORDS.contains(next_text) {
        return false;
    }
    // "6 to 16", "2 in 10", "4 of 5": a range, ratio or score. Two counts below 10
    // joined by "and" or "or" are both spelled out ("between five and seven ships").
    if JOINERS.contains(next_text)
        && (index + 2 < block_tokens.end)
        && is_number_like(parsed, index + 2)
        && !(matches!(next_text, "and" | "or") && is_paired_count(parsed, index + 2, block_tokens))
    {
        return false;
    }
    // "5 deaths per 10,000 children": a rate.
    let rate = (index + 2..(index + 5).min(block_tokens.end)).any(|i| {
        matches!(parsed.token_text(i), "per" | "every")
            && i + 1 < block_tokens.end
            && is_number_like(parsed, i + 1)
    });
    if rate {
        return false;
    }
    // "9 years old": an age.
    if matches!(next_text, "years" | "months" | "weeks" | "days") && text_at(index + 2) == Some("old") {
        return false;
    }
    let Some(previous_index) = index.checked_sub(1).filter(|i| block_tokens.contains(i)) else {
        return true;
    };
    let previous = parsed.tokens[previous_index];
    let previous_text = previous.text(&parsed.copy);
    // "$5", "#3", "-2", "+4": attached signs; "ID.3": a name.
    if previous.end == token.start
        && (previous.kind != TokenKind::Punct
            || matches!(previous_text, "#" | "-" | "+" | "−" | "/" | "×" | "$")
            || is_attached_to_previous(parsed, index))
    {
        return false;
    }
    if is_measured_duration(parsed, index, block_tokens)
        || is_label_after_noun(parsed, index, block_tokens)
        || is_bracketed_enumerator(parsed, index, block_tokens)
    {
        return false;
    }
    if previous.kind == TokenKind::Symbol {
        return false;
    }
    // "No. 4", "Dec. 4": a label or a month abbreviated.
    if previous_text == "."
        && let Some(word) = previous_index.checked_sub(1).and_then(text_at)
        && (word.eq_ignore_ascii_case("no") || MONTHS.contains(word) || LABEL_WORDS.contains(word))
    {
        return false;
    }
    if matches!(previous.kind, TokenKind::Word | TokenKind::Abbrev) {
        if LABEL_WORDS.contains(previous_text) || MONTHS.contains(previous_text) {
            return false;
        }
        // "iPhone 5": a brand with a capital inside names the thing.
        if previous_text.chars().skip(1).any(char::is_uppercase) {
            return false;
        }
        // "Route 4", "Apollo 9": a capitalised word before it names the thing; at the
        // start of a sentence too ("Thunderbolt 3 is fast"), unless the word introduces a
        // count ("Only 3 people", "The 2 sides").
        if previous_text.starts_with(|c: char| c.is_uppercase())
            && (!is_sentence_start(parsed, previous_index, None)
                || !is_common_word(previous_text)
                || is_proper_noun(previous_text)
                || !introduces_a_count(previous_text))
        {
            return false;
        }
        // "at 3 in the morning", "by 7 and": a time.
        if TIME_WORDS.contains(previous_text) && AFTER_TIME.contains(next_text) {
            return false;
        }
        // "2 of 3" after a number: part of a range; but "5 and 7 ships" counts.
        if JOINERS.contains(previous_text)
            && previous_index
                .checked_sub(1)
                .is_some_and(|i| block_tokens.contains(&i) && is_number_like(parsed, i))
            && !(matches!(previous_text, "and" | "or")
                && previous_index
                    .checked_sub(1)
                    .is_some_and(|i| is_single_figure(parsed, i))
                && is_paired_count(parsed, index, block_tokens))
        {
            return false;
        }
    }
    if previous.kind == TokenKind::Number {
        return false;
    }
    true
}

fn check_draft(ctx: &Ctx<'_>, draft_index: usize, draft: &DraftContext<'_>, out: &mut Findings<'_>) {
    let parsed = &draft.parsed;
    let quotes = SpanSet::of_quotations(draft.quotations(ctx.config));
    let dateline_end = find_dateline(parsed).map(|d| d.span.end);
    for block in &parsed.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
            || !ends_like_a_sentence(parsed, block)
        {
            continue;
        }
        let block_tokens = block.tokens.clone();
        // A sentence that starts with a figure.
        let mut starts: Vec<usize> = Vec::new();
        if block.kind == BlockKind::Paragraph {
            for sentence in block.sentences.clone() {
                let dateline_here = dateline_end.filter(|end| parsed.sentences[sentence].span.start < *end);
                let Some(first) = first_word_of_sentence(parsed, sentence, dateline_here) else {
                    continue;
                };
                let token = parsed.tokens[first];
                if !matches!(token.kind, TokenKind::Number | TokenKind::NumberCompound)
                    || quotes.contains(token.start)
                {
                    continue;
                }
                // Opened by a quotation mark: the speaker's words.
                let range = parsed.sentences[sentence].tokens.clone();
                if range.start < first
                    && parsed.tokens[range.start..first]
                        .iter()
                        .any(|t| matches!(t.text(&parsed.copy), "\"" | "“" | "'" | "‘" | "«"))
                {
                    continue;
                }
                let text = token.text(&parsed.copy);
                let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
                let is_year = token.kind == TokenKind::Number
                    && digits.len() == 4
                    && text.len() == 4
                    && (1000..=2199).contains(&digits.parse::<u32>().unwrap_or(0));
                // "10 Downing Street said": an address or a name, not a count.
                let next_is_name = range.contains(&(first + 1))
                    && parsed.tokens[first + 1].kind == TokenKind::Word
                    && parsed
                        .token_text(first + 1)
                        .starts_with(|c: char| c.is_uppercase());
                if is_year
                    || next_is_name
                    || is_list_counter(parsed, first, &block_tokens)
                    || is_time_stamp(parsed, first, &block_tokens)
                    || is_sequence_counter(parsed, first, &block_tokens)
                    || is_attached_to_previous(parsed, first)
                {
                    continue;
                }
                starts.push(first);
                out.push(sentence_start_finding(draft_index, parsed, first, &block_tokens));
            }
        }
        for index in block_tokens.clone() {
            let token = parsed.tokens[index];
            let text = token.text(&parsed.copy);
            match token.kind {
                TokenKind::Number if text.len() == 1 && matches!(text.as_bytes()[0], b'1'..=b'9') => {
                    if starts.contains(&index)
                        || quotes.contains(token.start)
                        || !is_small_count(parsed, index, &block_tokens)
                    {
                        continue;
                    }
                    let value = u32::from(text.as_bytes()[0] - b'0');
                    let word = ONES[value as usize];
                    out.push(
                        Finding::new(
                            RULE,
                            draft_index,
                            token.span(),
                            format!("Spell out numbers below 10: ‘{word}’, not ‘{text}’."),
                        )
                        .with_fix(Fix::replace(
                            format!("Write ‘{word}’"),
                            draft_index,
                            token.span(),
                            word,
                            Applicability::Unsafe,
                        )),
                    );
                }
                TokenKind::AlphaNum
                    if text.len() == 3
                        && matches!(text.as_bytes()[0], b'1'..=b'9')
                        && matches!(&text[1..], "st" | "nd" | "rd" | "th") =>
                {
                    // "the 4th of July": a date.
                    let date = block_tokens.contains(&(index + 2))
                        && parsed.token_text(index + 1) == "of"
                        && MONTHS.contains(parsed.token_text(index + 2));
                    if date
                        || quotes.contains(token.start)
                        || !(is_small_count(parsed, index, &block_tokens)
                            || is_closing_ordinal(parsed, index, &block_tokens))
                    {
                        continue;
                    }
                    let word = ORDINAL_ONES[usize::from(text.as_bytes()[0] - b'0')];
                    out.push(
                        Finding::new(
                            RULE,
                            draft_index,
                            token.span(),
                            format!("Spell out first through ninth: ‘{word}’, not ‘{text}’."),
                        )
                        .with_fix(Fix::replace(
                            format!("Write ‘{word}’"),
                            draft_index,
                            token.span(),
                            word,
                            Applicability::Unsafe,
                        )),
                    );
                }
                TokenKind::Word
                    if (3..=14).contains(&text.len())
                        && matches!(text.as_bytes()[0], b't' | b'e' | b'f' | b's' | b'n') =>
                {
                    let Some((value, ordinal)) = spelled_value(text) else {
                        continue;
                    };
                    if quotes.contains(token.start) {
                        continue;
                    }
                    // At the start of a sentence a number is spelled out; capitalised
                    // inside one, it is part of a name ("Ocean's Eleven").
                    if text.starts_with(|c: char| c.is_uppercase())
                        || is_sentence_start(parsed, index, dateline_end)
                    {
                        continue;
                    }
                    // "one in ten", "nine out of ten": a ratio reads as words.
                    let previous = |back: usize| index.checked_sub(back).filter(|i| block_tokens.contains(i));
                    let ratio = previous(1).is_some_and(|p| matches!(parsed.token_text(p), "in" | "of"))
                        && previous(2)
                            .is_some_and(|p| is_number_like(parsed, p) || parsed.token_text(p) == "out");
                    if ratio || is_fraction(parsed, index, &block_tokens, ordinal) {
                        continue;
                    }
                    let figure = if ordinal {
                        format!("{value}{}", ordinal_suffix(value))
                    } else {
                        value.to_string()
                    };
                    out.push(
                        Finding::new(
                            RULE,
                            draft_index,
                            token.span(),
                            format!("Use figures for 10 and above: ‘{figure}’, not ‘{text}’."),
                        )
                        .with_fix(Fix::replace(
                            format!("Write ‘{figure}’"),
                            draft_index,
                            token.span(),
                            figure,
                            Applicability::Unsafe,
                        )),
                    );
                }
                _ => {}
            }
        }
    }
}

/// An ordinal in words after "a" or "one" and before "of" is a fraction ("a tenth of a
/// second", "one twentieth of the vote"): AP spells fractions out.
fn is_fraction(
    parsed: &ParsedDraft<'_>,
    index: usize,
    block_tokens: &std::ops::Range<usize>,
    ordinal: bool,
) -> bool {
    ordinal
        && index.checked_sub(1).is_some_and(|p| {
            block_tokens.contains(&p) && matches!(parsed.token_text(p), "a" | "one" | "A" | "One")
        })
        && block_tokens.contains(&(index + 1))
        && parsed.token_text(index + 1) == "of"
}

/// A sentence starting with a figure; the fix spells out a number below 100.
fn sentence_start_finding(
    draft_index: usize,
    parsed: &ParsedDraft<'_>,
    index: usize,
    block_tokens: &std::ops::Range<usize>,
) -> Finding {
    let token = parsed.tokens[index];
    let text = token.text(&parsed.copy);
    let mut finding = Finding::new(
        RULE,
        draft_index,
        token.span(),
        format!(
            "A sentence should not start with a figure (‘{text}’): spell the number out or recast the sentence."
        ),
    );
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &text[digits.len()..];
    let whole =
        digits.len() == text.len() || (token.kind == TokenKind::NumberCompound && rest.starts_with('-'));
    let next = block_tokens
        .contains(&(index + 1))
        .then(|| parsed.tokens[index + 1]);
    let time = next.is_some_and(|n| matches!(n.text(&parsed.copy), "a.m." | "p.m." | ":"));
    if let (true, false, Ok(value)) = (whole, time, digits.parse::<u32>())
        && let Some(words) = cardinal_words(value)
    {
        let mut capitalised: String = words[..1].to_uppercase();
        capitalised.push_str(&words[1..]);
        capitalised.push_str(rest);
        let mut span = token.span();
        if let Some(next) = next
            && next.kind == TokenKind::Symbol
            && next.start == token.end
            && next.text(&parsed.copy) == "%"
        {
            capitalised.push_str(" percent");
            span.end = next.end;
        }
        finding = finding.with_fix(Fix::replace(
            format!("Write ‘{capitalised}’"),
            draft_index,
            span,
            capitalised,
            Applicability::Unsafe,
        ));
    }
    finding
}

/// The `number-style` rule.
pub struct NumberStyle;

impl Rule for NumberStyle {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "Numbers not in AP style: one through nine spelled out, 10 and above in figures."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Sometimes
    }

    fn ap_only(&self) -> bool {
        true
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        check_draft(ctx, draft_index, &ctx.drafts[draft_index], out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{apply_safe_fixes, assert_fixture};

    #[test]
    fn words_and_figures() {
        assert_eq!(cardinal_words(7).as_deref(), Some("seven"));
        assert_eq!(cardinal_words(42).as_deref(), Some("forty-two"));
        assert_eq!(spelled_value("Twelve"), Some((12, false)));
        assert_eq!(spelled_value("ninety-nine"), Some((99, false)));
        assert_eq!(spelled_value("twenty-first"), Some((21, true)));
        assert_eq!(spelled_value("nine"), None);
        assert_eq!(spelled_value("tenth"), Some((10, true)));
        assert_eq!(ordinal_suffix(12), "th");
        assert_eq!(ordinal_suffix(22), "nd");
    }

    #[test]
    fn flags_numbers_not_in_ap_style() {
        assert_fixture(
            "number-style",
            "Crash headline

Officials said 3 people were hurt and twelve were treated for the 5th time.
               ^ number-style
                                      ^^^^^^ number-style
                                                                  ^^^ number-style

240 children were vaccinated by noon. The fifteenth round starts now.
^^^ number-style
                                          ^^^^^^^^^ number-style
",
        );
    }

    #[test]
    fn figures_ap_keeps_are_not_flagged() {
        assert_fixture(
            "number-style",
            "Crash headline

DUBLIN, Ireland — 2019 was dry. Okafor, 5, and a girl aged 6 to 16 waited 6 kilometers away.

Route 4 buses left at 3 in the morning, paid $5 and 2 euros, up 3 percent, on Dec. 4 at 9 a.m.

He lives at 7 Main Street, on page 5, and 2 in 10 said the score was 4-1 with 5 million votes.

Twelve drivers waited. One in ten drivers quit. “We had 3 days and twelve hours,” he said.

She was 3. The Ocean's Eleven crew and the 2 of 3 votes. No. 9 wore the shirt.

Child mortality reached 5 deaths per 10,000 children a day. Fans of the iPhone 5 waited.

10 Downing Street said the talks would go on.
",
        );
    }

    #[test]
    fn closing_ordinals_and_paired_counts() {
        assert_fixture(
            "number-style",
            "Regatta headline

The boat was 4th. Between 5 and 7 ships sailed, and 3 or 4 crews finished 2nd, 3rd and 6th.
             ^^^ number-style
                          ^ number-style
                                ^ number-style
                                                    ^ number-style
                                                         ^ number-style
                                                                          ^^^ number-style
                                                                               ^^^ number-style
                                                                                       ^^^ number-style
",
        );
    }

    #[test]
    fn ordinals_in_names_and_dates_and_scores_stay_figures() {
        assert_fixture(
            "number-style",
            "Regatta headline

She lives in the 4th District, on March 4th, and sailed on the 4th of July.

He won 3 and 2 on Sunday, scored 3 and 4 goals, and left between 5 and 7 p.m.

One in ten voters and 2 in 10 sailors agreed. The 9th-placed crew left.
",
        );
    }

    /// Applies every fix of the rule, unsafe ones included, until nothing more changes.
    fn apply_all_fixes(text: &str) -> String {
        let mut current = text.to_string();
        for _ in 0..10 {
            let findings = crate::testing::findings_for(RULE, &current);
            let edits = crate::fix::edits_for_draft(&findings, 0, crate::fix::FixMode::Unsafe);
            if edits.is_empty() {
                break;
            }
            current = crate::fix::apply_edits(&current, &edits);
        }
        current
    }

    #[test]
    fn fixes_spell_out_and_write_figures() {
        // Whether a figure counts something is a heuristic's call: the rewrites are unsafe,
        // and a safe run leaves the copy as it is.
        let source = "Headline\n\nOfficials said 3 people were hurt and twelve were treated.\n\n12% of voters stayed home. 5 officers came.\n";
        assert_eq!(apply_safe_fixes(source, "number-style"), source);
        assert_eq!(
            apply_all_fixes(source),
            "Headline\n\nOfficials said three people were hurt and 12 were treated.\n\nTwelve percent of voters stayed home. Five officers came.\n"
        );
    }

    #[test]
    fn headings_counters_and_time_stamps_are_not_sentences() {
        assert_fixture(
            "number-style",
            "Laptop review headline

16-inches instead of 15.4

9-Month-Old's Life Support Order Extended

1 of 4

10 p.m.

Authorities say the train was stopped at 10 p.m. and 4 people were hurt.
                                                     ^ number-style

4:14 p.m.

A transit chief says a man has been stabbed on a commuter train.

1. Define your goals early.

1 of 4 Firefighters battle the fire on Monday.

3 people were hurt.
^ number-style
",
        );
    }

    #[test]
    fn list_counters_in_plain_text_are_not_sentence_starts() {
        let findings = crate::testing::findings_for_plain(
            RULE,
            "Retirement headline\n\n1. Save more money each month.\n\n2) Pay off your debts first.\n\n3 people retired early.\n",
        );
        let flagged: Vec<usize> = findings.iter().map(|f| f.span.start).collect();
        assert_eq!(flagged.len(), 1, "{findings:?}");
    }

    #[test]
    fn names_labels_and_measured_times_are_not_counts() {
        assert_fixture(
            "number-style",
            "Laptop review headline

Thunderbolt 3 is staying. The connector on Thunderbolt 3 is fine, and the ID.3 has 2 motors.
                                                                                   ^ number-style

The pods hold (1) private quarters and (2) life support. The team in group 2 is strong. The old machine took 4 minutes and 15 seconds, the new one 2 minutes 38 seconds.

Only 3 people came. About 5 boats sailed, and the 2 sides met a tenth of a second apart.
     ^ number-style
                          ^ number-style
                                                  ^ number-style

It was the fourteenth century, and fifteen minutes passed.
           ^^^^^^^^^^ number-style
                                   ^^^^^^^ number-style
",
        );
    }
}
