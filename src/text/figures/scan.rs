//! The scanner: walks the tokens of a sentence and builds a figure from each number-like
//! token (a number, a number with its unit or currency glued on, a spelled-out number),
//! with the unit, currency and magnitude around it. What a number is when it is not a
//! statistic is decided by the exclusion classes in `exclusions/`.

use crate::text::lexicon::class;
use std::cell::OnceCell;
use std::ops::Range;

use crate::text::words::eq_any;
use crate::text::{ParsedDraft, TokenKind};

use super::exclusions::{
    is_clock_suffix, is_decade, is_fraction_glyph, is_glued_magnitude, is_ordinal_suffix,
    is_quantified_fraction, is_small_bare_number, uncounted_excuse,
};
use super::{Excuse, Figure, FigureKind};

const SPELLED_UNITS: &[(&str, u32)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

/// Currency written as a word before the amount: ISO codes ("NOK 122 billion", "USD 40")
/// and newsroom abbreviations ("Rs 35,000 crore", "Sh1.2 billion", "R2.3 billion").
pub(super) fn is_currency_code(word: &str) -> bool {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "NZD", "NOK", "SEK", "DKK",
        "ISK", "ZAR", "BRL", "MXN", "RUB", "TRY", "KRW", "SGD", "HKD", "PHP", "IDR", "MYR", "THB", "VND",
        "NGN", "KES", "GHS", "EGP", "SAR", "AED", "QAR", "KWD", "OMR", "BHD", "ILS", "PLN", "CZK", "HUF",
        "RON", "UAH", "ARS", "CLP", "COP", "PEN", "PKR", "BDT", "LKR", "TWD", "Rs", "Rp", "Sh", "KSh", "Tk",
        "R", "RM", "Ksh",
    ];
    CODES.contains(&word)
}

/// A spelled-out cardinal from two up ("two", "Forty-one", "hundred"), with its value.
pub(super) fn spelled_number(word: &str) -> Option<u32> {
    // Number words are short and ASCII; most words are neither.
    if word.len() < 3 || word.len() > 13 || !word.is_ascii() {
        return None;
    }
    let unit = |text: &str| {
        SPELLED_UNITS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(text))
            .map(|(_, v)| *v)
    };
    if let Some((tens, ones)) = word.split_once('-') {
        let tens_value = unit(tens)?;
        let ones_index = SPELLED_ONES.iter().position(|w| w.eq_ignore_ascii_case(ones))?;
        return ((20..=90).contains(&tens_value)).then_some(tens_value + ones_index as u32 + 1);
    }
    unit(word)
}

/// The spelled units of a compound number ("twenty-one" … "ninety-nine"), in order: their
/// position is their value less one.
const SPELLED_ONES: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// True for a plural noun that can be counted: ends in -s (not -ss, -us, -is) or is an
/// irregular plural.
pub(super) fn is_countable_plural(word: &str) -> bool {
    if !word.chars().all(|c| c.is_alphabetic() || c == '-')
        || word.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    if class::SCAN_COUNT_NOUNS.contains(word) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    lower.len() >= 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("'s")
        && !matches!(
            lower.as_str(),
            "was"
                | "has"
                | "is"
                | "as"
                | "its"
                | "this"
                | "his"
                | "hers"
                | "ours"
                | "yours"
                | "theirs"
                | "whereas"
                | "unless"
                | "perhaps"
                | "always"
                | "towards"
                | "afterwards"
                | "besides"
                | "sometimes"
                | "does"
                | "goes"
                | "says"
                | "plus"
                | "minus"
                | "versus"
                | "thus"
                | "less"
                | "news"
                | "series"
        )
}

/// The words that may sit between a number and the noun it counts: lower-case modifiers
/// ("17 league goals", "40 container ships", "14,000 pothole repairs").
fn is_modifier(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase() || c == '-')
        && !class::SCAN_NOT_MODIFIERS.contains(word)
        && !matches!(
            word,
            "of" | "and"
                | "or"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "from"
                | "with"
                | "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "have"
                | "has"
                | "be"
                | "been"
                | "than"
                | "that"
                | "which"
                | "who"
                | "the"
                | "a"
                | "an"
                | "per"
                | "more"
                | "less"
                | "a.m."
                | "p.m."
                | "as"
                | "would"
                | "will"
                | "could"
                | "after"
                | "before"
                | "since"
                | "until"
                | "into"
                | "over"
                | "under"
                | "each"
                | "every"
        )
}

/// Why a number with letters glued on that are not a unit is not a figure: "18th" is an
/// ordinal, "1990s" a decade, "10am" a time, and "4G" or "46A" a code.
fn glued_suffix_excuse(digits: &str, suffix: &str) -> Excuse {
    if is_ordinal_suffix(suffix) {
        Excuse::Ordinal
    } else if is_decade(digits, suffix) {
        Excuse::Decade
    } else if is_clock_suffix(suffix) {
        Excuse::Time
    } else {
        Excuse::Code
    }
}

/// Walks the tokens of one sentence (or block), with facts about the whole sentence that
/// several exclusion classes ask.
pub(super) struct Scanner<'d, 'a> {
    pub(super) draft: &'d ParsedDraft<'a>,
    pub(super) range: Range<usize>,
    /// Facts about the whole sentence, worked out once on first use: asking them for each
    /// figure would make a long sentence quadratic. Each belongs to the exclusion class
    /// that asks it first: `game_score.rs` (play, a season word), `standing.rs`,
    /// `game_segment.rs` (a game's score), `race.rs` and `golf.rs`.
    pub(super) about_play: OnceCell<bool>,
    pub(super) has_season_word: OnceCell<bool>,
    pub(super) standing_phrase: OnceCell<bool>,
    pub(super) has_game_score: OnceCell<bool>,
    pub(super) about_racing: OnceCell<bool>,
    pub(super) about_golf: OnceCell<bool>,
}

impl<'d, 'a> Scanner<'d, 'a> {
    pub(super) fn new(draft: &'d ParsedDraft<'a>, range: Range<usize>) -> Scanner<'d, 'a> {
        Scanner {
            draft,
            range,
            about_play: OnceCell::new(),
            has_season_word: OnceCell::new(),
            standing_phrase: OnceCell::new(),
            has_game_score: OnceCell::new(),
            about_racing: OnceCell::new(),
            about_golf: OnceCell::new(),
        }
    }
}

impl Scanner<'_, '_> {
    pub(super) fn text(&self, index: usize) -> &str {
        self.draft.token_text(index)
    }

    pub(super) fn kind(&self, index: usize) -> TokenKind {
        self.draft.tokens[index].kind
    }

    /// The token `offset` places after `index`, inside the sentence.
    pub(super) fn after(&self, index: usize, offset: usize) -> Option<usize> {
        let target = index + offset;
        (target < self.range.end).then_some(target)
    }

    pub(super) fn before(&self, index: usize, offset: usize) -> Option<usize> {
        index
            .checked_sub(offset)
            .filter(|target| *target >= self.range.start)
    }

    pub(super) fn word_after(&self, index: usize, offset: usize) -> Option<&str> {
        self.after(index, offset)
            .filter(|&i| self.draft.tokens[i].is_word())
            .map(|i| self.text(i))
    }

    pub(super) fn word_before(&self, index: usize, offset: usize) -> Option<&str> {
        self.before(index, offset)
            .filter(|&i| self.draft.tokens[i].is_word())
            .map(|i| self.text(i))
    }

    /// Is token `index` the first word of its sentence, allowing opening quotes, brackets and
    /// emphasis marks before it?
    pub(super) fn starts_sentence(&self, index: usize) -> bool {
        (self.range.start..index).all(|i| {
            self.kind(i) == TokenKind::Punct
                && matches!(
                    self.text(i),
                    "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "„" | "*" | "_" | "—"
                )
        })
    }

    fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.draft.tokens[first].start..self.draft.tokens[last].end
    }

    /// The last token of a figure.
    pub(super) fn last_token(&self, figure: &Figure) -> usize {
        let mut last = figure.token;
        while last + 1 < self.range.end && self.draft.tokens[last + 1].end <= figure.span.end {
            last += 1;
        }
        last
    }

    /// The end of the unit or counted noun after a number (or after its magnitude word),
    /// with the figure's kind; `None` when nothing quantitative follows.
    pub(super) fn unit_after(&self, last: usize) -> Option<(usize, FigureKind)> {
        let next = self.after(last, 1)?;
        let next_text = self.text(next);
        if next_text == "%" {
            return Some((next, FigureKind::Percentage));
        }
        if !self.draft.tokens[next].is_word() {
            return None;
        }
        if class::SCAN_PERCENT_WORDS.contains(next_text) {
            // "percentage points" counts too.
            return Some((next, FigureKind::Percentage));
        }
        if next_text == "per" && self.word_after(next, 1) == Some("cent") {
            return Some((next + 1, FigureKind::Percentage));
        }
        if next_text.eq_ignore_ascii_case("percentage")
            && self.word_after(next, 1).is_some_and(|w| w.starts_with("point"))
        {
            return Some((next + 1, FigureKind::Percentage));
        }
        if class::SCAN_CURRENCY_WORDS.contains(next_text)
            && !next_text.chars().next().is_some_and(char::is_uppercase)
        {
            return Some((next, FigureKind::Money));
        }
        if class::SCAN_MEASUREMENT_UNITS.contains(next_text) && next_text != "in" {
            let mut end = next;
            // "kilometers per hour", "square meters".
            if self.word_after(end, 1) == Some("per") && self.word_after(end, 2).is_some() {
                end += 2;
            } else if eq_any(next_text, &["square", "cubic"]) && self.word_after(end, 1).is_some() {
                end += 1;
            }
            return Some((end, FigureKind::Measurement));
        }
        if class::SCAN_TIME_UNITS.contains(next_text) {
            return Some((next, FigureKind::Duration));
        }
        // A counted noun, possibly after up to two modifiers.
        let mut cursor = next;
        for _ in 0..3 {
            let word = self.text(cursor);
            if !self.draft.tokens[cursor].is_word() {
                return None;
            }
            if is_countable_plural(word) {
                if class::SCAN_TIME_UNITS.contains(word) {
                    return Some((cursor, FigureKind::Duration));
                }
                return Some((cursor, FigureKind::Count));
            }
            if !is_modifier(word) {
                return None;
            }
            cursor = self.after(cursor, 1)?;
        }
        None
    }

    /// The first token of a currency prefix right before `index` ("$", "C$", "NT$", "US$",
    /// "€", "Rs"), if any.
    fn currency_before(&self, index: usize) -> Option<usize> {
        let previous = self.before(index, 1)?;
        let attached = self.draft.tokens[previous].end == self.draft.tokens[index].start;
        let previous_text = self.text(previous);
        if self.kind(previous) == TokenKind::Symbol && previous_text != "%" && attached {
            // Letters glued to the symbol: "C$", "NT$", "HK$", "US$", "R$".
            if let Some(letters) = self.before(index, 2) {
                let letters_token = self.draft.tokens[letters];
                if letters_token.kind == TokenKind::Word
                    && letters_token.end == self.draft.tokens[previous].start
                    && self.text(letters).chars().all(|c| c.is_ascii_uppercase())
                    && self.text(letters).len() <= 3
                {
                    return Some(letters);
                }
            }
            return Some(previous);
        }
        if self.draft.tokens[previous].is_word() && is_currency_code(previous_text) {
            return Some(previous);
        }
        None
    }

    /// The last token of a fraction that completes a mixed number: "12 1/2 games".
    fn fraction_after(&self, index: usize) -> Option<usize> {
        let glued = |a: usize, b: usize| self.draft.tokens[a].end == self.draft.tokens[b].start;
        let numerator = self.after(index, 1)?;
        let slash = self.after(index, 2)?;
        let denominator = self.after(index, 3)?;
        let small = |i: usize| {
            (self.kind(i) == TokenKind::Number)
                .then(|| self.text(i).parse::<u32>().ok())
                .flatten()
        };
        let (top, bottom) = (small(numerator)?, small(denominator)?);
        (!glued(index, numerator)
            && self.text(slash) == "/"
            && glued(numerator, slash)
            && glued(slash, denominator)
            && top < bottom
            && bottom <= 16)
            .then_some(denominator)
    }

    pub(super) fn magnitude_after(&self, index: usize) -> Option<usize> {
        let next = self.after(index, 1)?;
        let text = self.text(next);
        (self.draft.tokens[next].is_word() && class::SCAN_MAGNITUDES.contains(text)).then_some(next)
    }

    /// What the scanner makes of the token at `index`: a figure, the class that excused
    /// it, or `None` when it is not number-like at all.
    pub(super) fn candidate(&self, index: usize) -> Option<Result<Figure, Excuse>> {
        match self.kind(index) {
            TokenKind::Number => Some(self.numeric_figure(index)),
            TokenKind::AlphaNum => Some(self.glued_unit_figure(index)),
            TokenKind::NumberCompound => Some(Err(self.compound_excuse(index))),
            TokenKind::Word => self.spelled_candidate(index),
            _ => None,
        }
    }

    /// The figure a numeric token starts, or the class that excuses it.
    fn numeric_figure(&self, index: usize) -> Result<Figure, Excuse> {
        let text = self.text(index);
        if self.is_time(index, text) {
            return Err(Excuse::Time);
        }
        let is_range = text.contains(['-', '–']);
        let digits: String = text
            .split(['-', '–'])
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let value: f64 = digits.parse().unwrap_or(0.0);
        let has_decimal = digits.contains('.');
        if is_fraction_glyph(text) {
            return Err(Excuse::FractionGlyph);
        }
        // "9/11", "24/7", "12/05": a date or a code written with a slash.
        if self.in_slashed_number(index) {
            return Err(Excuse::SlashedNumber);
        }
        if self.is_vote_tally(index) {
            return Err(Excuse::VoteTally);
        }
        if self.is_identifier(index) {
            return Err(Excuse::Identifier);
        }

        let currency = self.currency_before(index);
        let magnitude = self.magnitude_after(index);
        let last_number_token = magnitude.or_else(|| self.fraction_after(index)).unwrap_or(index);
        let unit = self.unit_after(last_number_token);
        let first = currency.unwrap_or(index);

        if let Some(currency_start) = currency {
            if let Some(excuse) = self.label(index) {
                return Err(excuse);
            }
            return Ok(Figure {
                span: self.span(currency_start, last_number_token),
                token: index,
                kind: FigureKind::Money,
            });
        }
        if let Some((end, kind @ (FigureKind::Percentage | FigureKind::Money))) = unit {
            return Ok(Figure {
                span: self.span(first, end),
                token: index,
                kind,
            });
        }
        if is_range {
            // "4-1", "2020-21": scores and seasons, unless a unit follows; "Boeing 737-8
            // jets" is a model.
            if let Some(excuse) = self.label(index) {
                return Err(excuse);
            }
            return match unit {
                Some((end, kind @ (FigureKind::Count | FigureKind::Measurement))) => Ok(Figure {
                    span: self.span(first, end),
                    token: index,
                    kind,
                }),
                _ => Err(self.hyphenated_excuse(index)),
            };
        }
        if let Some(excuse) = self.year_excuse(index, value, unit) {
            return Err(excuse);
        }
        if self.is_date(index) {
            return Err(Excuse::Date);
        }
        if self.is_age(index, value) {
            return Err(Excuse::Age);
        }
        if self.is_address(index) {
            return Err(Excuse::Address);
        }
        if let Some(excuse) = self.label(index) {
            return Err(excuse);
        }
        // "Four in ten", "1 in 4", "14 of 17".
        if let Some(joiner) = self.word_after(index, 1)
            && (joiner == "in" || joiner == "of" || joiner == "out")
            && self
                .after(index, 2)
                .is_some_and(|i| self.kind(i) == TokenKind::Number || spelled_number(self.text(i)).is_some())
        {
            let end = self.after(index, 2).unwrap_or(index);
            return Ok(Figure {
                span: self.span(index, end),
                token: index,
                kind: FigureKind::Proportion,
            });
        }
        match unit {
            Some((end, FigureKind::Duration)) => match self.duration_excuse(index, end, value, has_decimal) {
                Some(excuse) => Err(excuse),
                None => Ok(Figure {
                    span: self.span(first, end),
                    token: index,
                    kind: FigureKind::Duration,
                }),
            },
            Some((end, kind)) => Ok(Figure {
                span: self.span(first, end),
                token: index,
                kind,
            }),
            // A bare quantity: "up from 779,000", "About 41,000 of those patients".
            None if is_small_bare_number(value, has_decimal, magnitude.is_some()) => {
                Err(Excuse::SmallBareNumber)
            }
            None => Ok(Figure {
                span: self.span(first, last_number_token),
                token: index,
                kind: FigureKind::Quantity,
            }),
        }
    }

    /// A number with its magnitude or unit glued on: "$450m", "£3.2bn", "€4.2m", "40km",
    /// "12kg". Labels and codes ("46A", "4G", "A35"), ordinals ("18th"), decades ("1990s")
    /// and times ("10am") are not figures.
    fn glued_unit_figure(&self, index: usize) -> Result<Figure, Excuse> {
        let text = self.text(index);
        // The tokenizer gives every such token a letter, so there is a suffix.
        let Some(digits_end) = text.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')) else {
            return Err(Excuse::Code);
        };
        if digits_end == 0 {
            return self.glued_currency_figure(index);
        }
        if !text[..digits_end].ends_with(|c: char| c.is_ascii_digit()) {
            return Err(Excuse::Code);
        }
        let suffix = &text[digits_end..];
        let lower = suffix.to_ascii_lowercase();
        if let Some(excuse) = self.label(index) {
            return Err(excuse);
        }
        // "reached 51C", "a low of 40F": a temperature, when the sentence says so or a
        // word of quantity leads it. "Room 12C" and "seat 4F" are labels (above); "12C" on
        // its own is a class or a code.
        if matches!(suffix, "C" | "F") {
            let led = self
                .word_before(index, 1)
                .is_some_and(|w| class::SCAN_TEMPERATURE_LEADS.contains(w));
            let about_heat = (self.range.start..self.range.end).any(|i| {
                self.draft.tokens[i].is_word() && class::SCAN_TEMPERATURE_WORDS.contains(self.text(i))
            });
            if !(led || about_heat) {
                return Err(Excuse::Code);
            }
            return Ok(Figure {
                span: self.span(index, index),
                token: index,
                kind: FigureKind::Measurement,
            });
        }
        if is_glued_magnitude(&lower) {
            // A magnitude needs money around it: "$450m", "3bn euros".
            if let Some(currency) = self.currency_before(index) {
                return Ok(Figure {
                    span: self.span(currency, index),
                    token: index,
                    kind: FigureKind::Money,
                });
            }
            if self
                .word_after(index, 1)
                .is_some_and(|next| class::SCAN_CURRENCY_WORDS.contains(next))
            {
                return Ok(Figure {
                    span: self.span(index, index + 1),
                    token: index,
                    kind: FigureKind::Money,
                });
            }
            return Err(Excuse::BareMagnitude);
        }
        let unit = matches!(
            lower.as_str(),
            "km" | "kg"
                | "cm"
                | "mm"
                | "mph"
                | "kph"
                | "kw"
                | "mw"
                | "gw"
                | "kwh"
                | "mwh"
                | "gwh"
                | "ha"
                | "ml"
                | "ft"
                | "lb"
                | "lbs"
                | "oz"
                | "kmh"
                | "km/h"
                | "mm/h"
        );
        if !unit {
            return Err(glued_suffix_excuse(&text[..digits_end], suffix));
        }
        Ok(Figure {
            span: self.span(index, index),
            token: index,
            kind: FigureKind::Measurement,
        })
    }

    /// Money written with its currency code glued to the amount: "Rs48", "Sh200",
    /// "KSh1,500", "Tk500", "Rs2.5bn". A one-letter code ("R45", "P18", "K20") is also a
    /// road, a form or a grade, so it needs a word of money or quantity before it ("costs
    /// R45", "about P18") or a magnitude or rate after it. Other letters before digits
    /// make a code ("A35", "COVID-19") or golf's "par-72".
    fn glued_currency_figure(&self, index: usize) -> Result<Figure, Excuse> {
        let text = self.text(index);
        let Some(digits_start) = text.find(|c: char| c.is_ascii_digit()) else {
            return Err(Excuse::Code);
        };
        let (code, rest) = text.split_at(digits_start);
        let magnitude_start = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let glued_magnitude = &rest[magnitude_start..];
        if !(is_currency_code(code) || code == "P")
            || !(glued_magnitude.is_empty()
                || matches!(
                    glued_magnitude.to_ascii_lowercase().as_str(),
                    "m" | "bn" | "mn" | "k" | "tn"
                ))
        {
            return Err(if self.is_golf_scoring(index) {
                Excuse::GolfScore
            } else {
                Excuse::Code
            });
        }
        // The rest of the amount when the tokenizer stopped at a separator: "KSh1" "," "500".
        let glued = |a: usize, b: usize| self.draft.tokens[a].end == self.draft.tokens[b].start;
        let mut last = index;
        while let (Some(separator), Some(more)) = (self.after(last, 1), self.after(last, 2)) {
            if matches!(self.text(separator), "," | ".")
                && glued(last, separator)
                && glued(separator, more)
                && matches!(self.kind(more), TokenKind::Number | TokenKind::AlphaNum)
                && self.text(more).starts_with(|c: char| c.is_ascii_digit())
            {
                last = more;
            } else {
                break;
            }
        }
        let magnitude = self.magnitude_after(last);
        if code.chars().count() == 1 {
            let led = self.word_before(index, 1).is_some_and(|w| {
                class::SCAN_MONEY_LEADS.contains(w)
                    || (class::SCAN_QUANTITY_LEADS.contains(w)
                        && !eq_any(w, &["the", "a", "an", "in", "on", "and", "or"]))
            });
            let rate = self.word_after(last, 1) == Some("per") || self.word_after(last, 1) == Some("a");
            if !(led || rate || magnitude.is_some() || !glued_magnitude.is_empty()) {
                return Err(Excuse::Code);
            }
        }
        Ok(Figure {
            span: self.span(index, magnitude.unwrap_or(last)),
            token: index,
            kind: FigureKind::Money,
        })
    }

    /// A word the scanner reads as a number: a spelled number or a compound starting with
    /// one ("Forty-one", "seven-month", "one"), a vague multiple ("dozens"), "dozen",
    /// "twice" or "thrice", or a fraction ("a third"); `None` for any other word, "half-time"
    /// and "third-party" included.
    fn spelled_candidate(&self, index: usize) -> Option<Result<Figure, Excuse>> {
        let word = self.text(index);
        // One lookup rules out almost every word.
        let head = word.split('-').next().unwrap_or(word);
        if !class::SCAN_NUMBER_WORDS.contains(head) {
            return None;
        }
        let number_like = spelled_number(head).is_some()
            || eq_any(head, &["one", "dozen"])
            || class::SCAN_VAGUE_MULTIPLES.contains(word)
            || class::SCAN_FRACTIONS.contains(word)
            || eq_any(word, &["twice", "thrice"]);
        number_like.then(|| self.spelled_figure(index))
    }

    /// The figure a spelled-out number or vague multiple starts ("Forty-one houses",
    /// "dozens of", "four in ten", "a third of voters"), or the class that excuses it.
    fn spelled_figure(&self, index: usize) -> Result<Figure, Excuse> {
        let word = self.text(index);
        let previous = self.word_before(index, 1);
        if class::SCAN_VAGUE_MULTIPLES.contains(word) {
            if self.word_after(index, 1) == Some("of") {
                // "tens of millions of euros": take the whole phrase.
                let mut end = index + 1;
                if let Some(after) = self.after(end, 1)
                    && class::SCAN_VAGUE_MULTIPLES.contains(self.text(after))
                    && self.word_after(after, 1) == Some("of")
                {
                    end = after + 1;
                }
                let Some(noun) = self.after(end, 1).filter(|&i| self.draft.tokens[i].is_word()) else {
                    return Err(Excuse::NothingCounted);
                };
                // "hundreds of years".
                if class::SCAN_TIME_UNITS.contains(self.text(noun)) {
                    return Err(Excuse::NarrativeDuration);
                }
                return Ok(Figure {
                    span: self.span(index, noun),
                    token: index,
                    kind: FigureKind::Count,
                });
            }
            return Err(Excuse::NothingCounted);
        }
        // "a dozen women", "More than a dozen women", "two dozen houses".
        if word.eq_ignore_ascii_case("dozen") {
            let first = match previous {
                Some(p) if eq_any(p, &["a", "half", "two", "three", "four", "five", "six"]) => index - 1,
                _ => index,
            };
            let next = self.word_after(index, 1);
            if !next.is_some_and(|w| is_countable_plural(w) && !class::SCAN_TIME_UNITS.contains(w)) {
                return Err(uncounted_excuse(next));
            }
            return Ok(Figure {
                span: self.span(first, index + 1),
                token: first,
                kind: FigureKind::Count,
            });
        }
        // "twice as often", "three times as many", "four times higher": a comparison that
        // is a statistic.
        let comparison_word = |offset: usize| self.word_after(index, offset);
        if word.eq_ignore_ascii_case("twice") || word.eq_ignore_ascii_case("thrice") {
            if comparison_word(1).is_some_and(|w| w == "as") {
                return Ok(Figure {
                    span: self.span(index, index + 2),
                    token: index,
                    kind: FigureKind::Proportion,
                });
            }
            return Err(Excuse::NothingCounted);
        }
        if spelled_number(word).is_some()
            && comparison_word(1) == Some("times")
            && comparison_word(2).is_some_and(|w| {
                eq_any(
                    w,
                    &[
                        "as", "more", "higher", "lower", "larger", "bigger", "faster", "greater", "smaller",
                        "fewer", "less", "the",
                    ],
                )
            })
        {
            return Ok(Figure {
                span: self.span(index, index + 2),
                token: index,
                kind: FigureKind::Proportion,
            });
        }
        if class::SCAN_FRACTIONS.contains(word) {
            // "a third of voters", "nearly a fifth of the fibre", "half of all households";
            // not "the second half of the game" or "half an hour".
            if self.word_after(index, 1) != Some("of") || !is_quantified_fraction(previous) {
                return Err(Excuse::NotAShare);
            }
            let Some(noun) = self.share_noun(index) else {
                return Err(Excuse::NotAShare);
            };
            let first = if previous.is_some_and(|p| eq_any(p, &["a", "an", "one"])) {
                index - 1
            } else {
                index
            };
            return Ok(Figure {
                span: self.span(first, noun),
                token: first,
                kind: FigureKind::Proportion,
            });
        }
        if spelled_number(word).is_none() {
            // "seven-month", "three-under-par", "one".
            if word.contains('-') {
                return Err(self.compound_excuse(index));
            }
            return Err(Excuse::SpelledOne);
        }
        if self.is_reference(index) {
            return Err(Excuse::Reference);
        }
        // "four in ten".
        if self.word_after(index, 1) == Some("in")
            && self
                .word_after(index, 2)
                .is_some_and(|w| spelled_number(w).is_some() || w == "ten")
        {
            return Ok(Figure {
                span: self.span(index, index + 2),
                token: index,
                kind: FigureKind::Proportion,
            });
        }
        let mut last = index;
        // "two million people", "three hundred".
        while let Some(next) = self.word_after(last, 1) {
            if spelled_number(next).is_some_and(|v| v >= 100) || class::SCAN_MAGNITUDES.contains(next) {
                last += 1;
            } else {
                break;
            }
        }
        match self.unit_after(last) {
            Some((
                end,
                kind @ (FigureKind::Count
                | FigureKind::Percentage
                | FigureKind::Money
                | FigureKind::Measurement),
            )) => Ok(Figure {
                span: self.span(index, end),
                token: index,
                kind,
            }),
            // "for two weeks" tells a duration; "two behind" counts nothing.
            unit => Err(uncounted_excuse(unit.map(|(end, _)| self.text(end)))),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::figures;

    #[test]
    fn statistics_are_figures() {
        assert_eq!(
            figures("The dispute affects about 2,300 drivers and staff."),
            vec!["2,300 drivers"]
        );
        assert_eq!(figures("Ridership fell 18% in the first hour."), vec!["18%"]);
        assert_eq!(
            figures("Forty-one houses were evacuated."),
            vec!["Forty-one houses"]
        );
        assert_eq!(
            figures("Gusts reached 70 kilometers per hour."),
            vec!["70 kilometers per hour"]
        );
        assert_eq!(
            figures("The scheme took in about C$14.3 million."),
            vec!["C$14.3 million"]
        );
        assert_eq!(
            figures("Revenue fell to NT$18.6 billion."),
            vec!["NT$18.6 billion"]
        );
        assert_eq!(
            figures("The university owes 2.3 billion naira."),
            vec!["2.3 billion naira"]
        );
        assert_eq!(
            figures("Patients waited a median of 14.2 weeks."),
            vec!["14.2 weeks"]
        );
        assert_eq!(figures("About 41,000 of those patients waited."), vec!["41,000"]);
        assert_eq!(figures("He scored 17 league goals."), vec!["17 league goals"]);
        assert_eq!(figures("Hundreds of fans came."), vec!["Hundreds of fans"]);
        assert_eq!(
            figures("Four in ten are on temporary contracts."),
            vec!["Four in ten"]
        );
        assert_eq!(figures("It costs £41 million a year."), vec!["£41 million"]);
        assert_eq!(
            figures("A third of voters stayed home."),
            vec!["A third of voters"]
        );
    }

    #[test]
    fn glued_currencies_and_temperatures_are_figures() {
        assert_eq!(figures("Bread now costs Sh120 a loaf."), vec!["Sh120"]);
        assert_eq!(figures("Farmers were paid KSh2,750 a bag."), vec!["KSh2,750"]);
        assert_eq!(figures("Diesel is Rs312.50 a litre."), vec!["Rs312.50"]);
        assert_eq!(figures("The fare rose to R45 a trip."), vec!["R45"]);
        assert_eq!(figures("A loan of Tk500 went unpaid."), vec!["Tk500"]);
        assert_eq!(figures("The road reached 47C at noon."), vec!["47C"]);
        assert_eq!(figures("Temperatures dipped to -5C overnight."), vec!["5C"]);
        assert_eq!(figures("It was 104F in the shade."), vec!["104F"]);
        assert_eq!(figures("She hauled 25kg of rice."), vec!["25kg"]);
        // A one-letter road, a class and a seat are labels.
        assert!(figures("Traffic backed up on the R45 near the junction.").is_empty());
        assert!(figures("Pupils in 12C sat the paper, and he took seat 4F.").is_empty());
    }
}
