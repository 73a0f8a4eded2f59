//! Labels: numbers that name, rank or pick out one thing rather than count: "Route 46A",
//! "Apollo 11", "Room 14", "the iPhone 15", "move 43", "Gate 4", "world No. 9", "#1",
//! "seeded 4", the offence "fraud over $5,000", and the second model of "Boeing 737-8 and
//! 737-10".
//!
//! A label is a name with digits in it: the number identifies something and says nothing
//! about how many there are. A capitalised or camel-case word before a number names it,
//! unless it is a currency code, a month, a weekday or a word of quantity, or a function
//! word or an adverb opening the sentence ("Then 300 cars"). A number joined to a label
//! but shaped differently is a count ("Flight 370 and 239 passengers").

use crate::text::TokenKind;
use crate::text::figures::scan::{QUANTITY_LEADS, Scanner, eq_any, is_countable_plural, is_currency_code};
use crate::text::segment::is_function_word_or_adverb;
use crate::text::words::WordList;

use super::date_time::MONTHS;

static WEEKDAYS: WordList = WordList::new(&[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
]);

/// Nouns after which a number is a label, not a quantity: "move 43", "page 5".
static LABEL_NOUNS: WordList = WordList::new(&[
    "move", "page", "pages", "room", "route", "gate", "flight", "bus", "line", "platform", "exit",
    "district", "ward", "chapter", "article", "section", "clause", "game", "round", "stage", "level",
    "phase", "act", "episode", "lane", "highway", "pier", "berth", "hole", "lap", "race", "heat", "match",
    "model", "version", "grade", "band", "tier", "category", "class", "zone", "terminal", "shaft", "block",
    "building", "unit", "apartment", "flat", "floor", "suite", "seat", "row", "table", "exhibit", "count",
    "item", "question", "proposition", "amendment", "number", "no", "nos", "pier", "track", "channel",
    "frequency", "box", "lot", "plot", "bay", "hangar", "dock", "junction", "mile", "kilometre", "kilometer",
    "marker", "bed", "cell", "court", "field", "pitch", "stand", "door", "window", "car", "carriage",
    "coach", "ticket", "code", "volume", "issue", "part", "step", "figure", "appendix", "annex", "schedule",
    "rule", "regulation", "resolution", "bill", "week", "day", "year", "season", "term", "session", "series",
    "hurricane", "storm", "typhoon", "cyclone", "mission", "sector", "division", "battalion", "brigade",
    "regiment", "squadron", "fleet", "precinct", "station",
]);

/// The shape of a name or a product: capitalised ("Route", "Apollo", "IMO") or camel case
/// ("iPhone", "eBay").
pub(in crate::text::figures) fn is_name_shaped(word: &str) -> bool {
    let mut letters = word.chars();
    match letters.next() {
        Some(first) if first.is_uppercase() => true,
        Some(first) if first.is_lowercase() => {
            word.chars().all(char::is_alphabetic) && letters.any(char::is_uppercase)
        }
        _ => false,
    }
}

/// Do two numbers share a model's stem: the part before a hyphen ("737-8", "737-10"), or,
/// unhyphenated, the same number of digits and values within a tenth of each other
/// ("737", "747"; "10", "11")?
fn same_model_stem(first: &str, second: &str) -> bool {
    let stem = |text: &'_ str| -> (bool, String) {
        let mut parts = text.split(['-', '–']);
        let head = parts.next().unwrap_or(text).to_string();
        (parts.next().is_some(), head)
    };
    let (first_hyphenated, first_stem) = stem(first);
    let (second_hyphenated, second_stem) = stem(second);
    if first_hyphenated || second_hyphenated {
        return !first_stem.is_empty() && first_stem == second_stem;
    }
    let digits = |text: &str| !text.is_empty() && text.len() <= 6 && text.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) || !digits(second) || first.len() != second.len() {
        return false;
    }
    let (Ok(a), Ok(b)) = (first.parse::<u32>(), second.parse::<u32>()) else {
        return false;
    };
    a.abs_diff(b) <= (a.max(b) / 10).max(1)
}

impl Scanner<'_, '_> {
    /// "Route 46A", "Room 14", "move 43", "world No. 9", "IMO 9812345", "fraud over $5,000",
    /// and the numbers coordinated with such a label ("Boeing 737-8 and 737-10 panels").
    pub(in crate::text::figures) fn is_label(&self, index: usize) -> bool {
        self.is_own_label(index) || self.is_coordinated_label(index)
    }

    /// A number joined by "and", "or", "&" or a comma to a label with the same stem: the
    /// second model of "Boeing 737-8 and 737-10 panels", "Windows 10 and 11 machines". A
    /// number of another shape is a quantity: "Flight 370 and 239 passengers".
    fn is_coordinated_label(&self, index: usize) -> bool {
        if self.kind(index) != TokenKind::Number {
            return false;
        }
        let text = self.text(index);
        let mut current = index;
        // A few steps back along a list: "737-7, 737-8 and 737-10".
        for _ in 0..4 {
            let mut cursor = current;
            let mut joiners = 0;
            while let Some(previous) = self.before(cursor, 1)
                && joiners < 2
                && matches!(self.text(previous), "and" | "or" | "&" | ",")
            {
                cursor = previous;
                joiners += 1;
            }
            let Some(first) = self.before(cursor, 1).filter(|_| joiners > 0) else {
                return false;
            };
            if self.kind(first) != TokenKind::Number || !same_model_stem(self.text(first), text) {
                return false;
            }
            if self.is_own_label(first) {
                return true;
            }
            current = first;
        }
        false
    }

    fn is_own_label(&self, index: usize) -> bool {
        let Some(previous) = self.before(index, 1) else {
            return false;
        };
        let previous_text = self.text(previous);
        if previous_text == "."
            && self
                .word_before(index, 2)
                .is_some_and(|w| eq_any(w, &["no", "nos"]))
        {
            return true;
        }
        if previous_text == "#" {
            return true;
        }
        if self.kind(previous) == TokenKind::Symbol {
            // "fraud over $5,000": the name of an offence.
            return self
                .word_before(index, 2)
                .is_some_and(|w| eq_any(w, &["over", "under"]))
                && self
                    .word_before(index, 3)
                    .is_some_and(|w| eq_any(w, &["fraud", "theft", "mischief", "possession"]));
        }
        if !self.draft.tokens[previous].is_word() {
            return false;
        }
        if eq_any(
            previous_text,
            &["ranked", "seeded", "rank", "seed", "number", "no"],
        ) {
            return true;
        }
        if is_name_shaped(previous_text) {
            if is_currency_code(previous_text)
                || MONTHS.contains(previous_text)
                || WEEKDAYS.contains(previous_text)
                || QUANTITY_LEADS.contains(previous_text)
            {
                return false;
            }
            if !self.starts_sentence(previous) {
                // Mid-sentence, a capitalised or camel-case word names a label ("Route 46",
                // "Room 14", "IMO 9812345", "the iPhone 15").
                return true;
            }
            // At the start of a sentence a capital says nothing about the word: a function
            // word or an adverb leads a quantity ("Then 300 cars", "Reportedly 300 people"),
            // while a noun or a name still names a label ("Route 66", "Apollo 11", "Area 51",
            // "Pixel 9 phones", "Boeing 737").
            return !is_function_word_or_adverb(previous_text);
        }
        LABEL_NOUNS.contains(previous_text) && !self.is_quantity_context(index)
    }

    /// A number followed by a counted noun is a quantity even after a label noun
    /// ("round 3 voters" is odd; "lost 3 games" is a quantity).
    fn is_quantity_context(&self, index: usize) -> bool {
        self.word_after(index, 1).is_some_and(is_countable_plural)
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::figures;

    #[test]
    fn a_sentence_opening_adverb_is_not_a_name() {
        for (text, figure) in [
            ("Then 300 cars burned.", "300 cars"),
            ("Later 300 cars burned.", "300 cars"),
            ("Now 300 cars burned.", "300 cars"),
            ("Still 300 cars burned.", "300 cars"),
            ("Overall 300 cars burned.", "300 cars"),
            ("Yesterday 300 cars burned.", "300 cars"),
            ("But 300 cars burned.", "300 cars"),
            ("Reportedly 300 people died.", "300 people"),
            ("Allegedly 300 people died.", "300 people"),
            ("Officially 300 people died.", "300 people"),
            ("“Then 300 cars burned.”", "300 cars"),
            ("Then 300 burned.", "300"),
        ] {
            assert_eq!(figures(text), vec![figure], "{text}");
        }
    }

    #[test]
    fn names_with_numbers_stay_labels() {
        for text in [
            "Route 66 is closed.",
            "Apollo 11 landed.",
            "Flight 370 vanished.",
            "Gate 4 is shut.",
            "Highway 401 is shut.",
            "Boeing 737 jets are grounded.",
            "Section 144 applies.",
            "Area 51 is a base.",
            "Windows 11 is out.",
            "Pixel 9 phones sold.",
            "Assembly 12 met.",
            "The iPhone 15 sold well.",
            "Fans bought the eBay 40 lots.",
            "They rebuilt the Then 300 Arena.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
    }

    #[test]
    fn codes_and_coordinated_models_are_labels() {
        for text in [
            "The court listed the matter as HC/CV/2211/2024 on Friday.",
            "The complaint, filed as Ref/77/2023, was dropped.",
            "Airbus A350-900 and A350-1000 jets are parked.",
            "The carrier flies Boeing 777 and 787 aircraft.",
            "The plant builds Embraer 190-E2, 195-E2 and 175-E2 wings.",
            "The plant builds Boeing 737-7, 737-8 and 737-10 panels.",
            "The Boeing 737-8 jets were grounded.",
            "Windows 10 and 11 machines need the patch.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // A rate with a slash, and a number of another shape beside a label, are figures.
        assert_eq!(
            figures("Wages rose to 40/hour for 300 workers."),
            vec!["40", "300 workers"]
        );
        assert_eq!(
            figures("Flight 370 and 239 passengers vanished."),
            vec!["239 passengers"]
        );
        assert_eq!(
            figures("Boeing 737 and 3,000 other jets were grounded."),
            vec!["3,000 other jets"]
        );
    }
}
