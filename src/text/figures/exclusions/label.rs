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
//!
//! Codes are labels too: letters and digits in one token ("A35", "G7", "4G", "46A",
//! "COVID-19", "MH370"), a class or a seat ("12C", "4F") that is not a temperature, and a
//! one-letter code that no word of money leads ("the R45").
//!
//! Excuses: `label` (a name or a label noun before the number), `ranking` ("No. 9", "#1",
//! "ranked 3", "seeded 4"), `offence-name`, `coordinated-label`, and `code`.

use crate::text::TokenKind;
use crate::text::figures::Excuse;
use crate::text::figures::scan::{Scanner, is_countable_plural, is_currency_code};
use crate::text::lexicon::class;
use crate::text::segment::is_function_word_or_adverb;
use crate::text::words::eq_any;

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
    /// Is the number at `index` a label, and of which kind: "Route 46A", "Room 14", "move
    /// 43", "IMO 9812345" (a label), "world No. 9" (a ranking), "fraud over $5,000" (an
    /// offence), or a number coordinated with a label ("Boeing 737-8 and 737-10 panels")?
    pub(in crate::text::figures) fn label(&self, index: usize) -> Option<Excuse> {
        self.own_label(index).or_else(|| {
            self.is_coordinated_label(index)
                .then_some(Excuse::CoordinatedLabel)
        })
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
            if self.own_label(first).is_some() {
                return true;
            }
            current = first;
        }
        false
    }

    /// The label the word or sign right before the number at `index` makes of it.
    fn own_label(&self, index: usize) -> Option<Excuse> {
        let previous = self.before(index, 1)?;
        let previous_text = self.text(previous);
        if previous_text == "."
            && self
                .word_before(index, 2)
                .is_some_and(|w| eq_any(w, &["no", "nos"]))
        {
            return Some(Excuse::Ranking);
        }
        if previous_text == "#" {
            return Some(Excuse::Ranking);
        }
        if self.kind(previous) == TokenKind::Symbol {
            // "fraud over $5,000": the name of an offence.
            let offence = self
                .word_before(index, 2)
                .is_some_and(|w| eq_any(w, &["over", "under"]))
                && self
                    .word_before(index, 3)
                    .is_some_and(|w| eq_any(w, &["fraud", "theft", "mischief", "possession"]));
            return offence.then_some(Excuse::OffenceName);
        }
        if !self.draft.tokens[previous].is_word() {
            return None;
        }
        if eq_any(
            previous_text,
            &["ranked", "seeded", "rank", "seed", "number", "no"],
        ) {
            return Some(Excuse::Ranking);
        }
        if is_name_shaped(previous_text) {
            if is_currency_code(previous_text)
                || class::MONTHS.contains(previous_text)
                || class::LABEL_WEEKDAYS.contains(previous_text)
                || class::SCAN_QUANTITY_LEADS.contains(previous_text)
            {
                return None;
            }
            if !self.starts_sentence(previous) {
                // Mid-sentence, a capitalised or camel-case word names a label ("Route 46",
                // "Room 14", "IMO 9812345", "the iPhone 15").
                return Some(Excuse::Label);
            }
            // At the start of a sentence a capital says nothing about the word: a function
            // word or an adverb leads a quantity ("Then 300 cars", "Reportedly 300 people"),
            // while a noun or a name still names a label ("Route 66", "Apollo 11", "Area 51",
            // "Pixel 9 phones", "Boeing 737").
            return (!is_function_word_or_adverb(previous_text)).then_some(Excuse::Label);
        }
        (class::LABEL_LABEL_NOUNS.contains(previous_text) && !self.is_quantity_context(index))
            .then_some(Excuse::Label)
    }

    /// A number followed by a counted noun is a quantity even after a label noun
    /// ("round 3 voters" is odd; "lost 3 games" is a quantity).
    fn is_quantity_context(&self, index: usize) -> bool {
        self.word_after(index, 1).is_some_and(is_countable_plural)
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

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

    #[test]
    fn labels_rankings_and_codes_are_excused_as_such() {
        assert_eq!(
            excuse("Traffic stopped on Route 46 at noon.", "46"),
            Some("label")
        );
        assert_eq!(excuse("He resigned on move 43.", "43"), Some("label"));
        assert_eq!(excuse("Tavares will wear the No. 9 shirt.", "9"), Some("ranking"));
        assert_eq!(excuse("She is seeded 4 this year.", "4"), Some("ranking"));
        assert_eq!(
            excuse("He pleaded guilty to fraud over $5,000.", "5,000"),
            Some("offence-name")
        );
        assert_eq!(
            excuse("The plant builds Boeing 737-8 and 737-10 panels.", "737-10"),
            Some("coordinated-label")
        );
        assert_eq!(excuse("Traffic backed up on the A35.", "A35"), Some("code"));
        assert_eq!(excuse("Students with 4G modems waited.", "4G"), Some("code"));
        assert_eq!(
            excuse("Traffic backed up on the R45 near the junction.", "R45"),
            Some("code")
        );
        assert_eq!(excuse("Then 300 cars burned.", "300"), None);
    }
}
