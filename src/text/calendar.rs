//! Month and weekday words: the one place the code asks whether a word names a month or a
//! day of the week.
//!
//! The words are data: `data/lexicon/months.txt` and `data/lexicon/weekdays.txt`
//! ([`class::MONTHS`], [`class::WEEKDAYS`]) hold each name spelled out and its usual
//! abbreviations. An abbreviation is the entry that begins a longer entry of its class
//! ("Sept" begins "September", "Thur" begins "Thursday"); a name spelled out begins none
//! ("May", "June"). Lookups ignore ASCII case and take the word without a period.

use super::lexicon::{Lexicon, class};
use super::words::with_ascii_lowercase;

/// A month, spelled out or abbreviated: "March", "may", "Sept", "DEC".
pub fn is_month(word: &str) -> bool {
    class::MONTHS.contains(word)
}

/// A month spelled out: "March", "May", "June"; not "Mar".
pub fn is_month_spelled_out(word: &str) -> bool {
    is_month(word) && !begins_a_longer_entry(&class::MONTHS, word)
}

/// A month's abbreviation: "Jan", "Sept", "dec"; not "May".
pub fn is_month_abbreviation(word: &str) -> bool {
    is_month(word) && begins_a_longer_entry(&class::MONTHS, word)
}

/// A day of the week, spelled out or abbreviated: "Monday", "Tues", "sat".
pub fn is_weekday(word: &str) -> bool {
    class::WEEKDAYS.contains(word)
}

/// A day of the week spelled out: "Monday"; not "Mon".
pub fn is_weekday_spelled_out(word: &str) -> bool {
    is_weekday(word) && !begins_a_longer_entry(&class::WEEKDAYS, word)
}

/// True when `word` (in any case) begins a longer entry of `class`.
fn begins_a_longer_entry(class: &Lexicon, word: &str) -> bool {
    with_ascii_lowercase(word, |lower| {
        class
            .entries()
            .any(|entry| entry.len() > lower.len() && entry.starts_with(lower))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_spelled_out_and_abbreviated() {
        let spelled_out: Vec<&str> = class::MONTHS
            .entries()
            .filter(|m| is_month_spelled_out(m))
            .collect();
        assert_eq!(spelled_out.len(), 12, "{spelled_out:?}");
        for month in ["January", "MAY", "june", "July", "September"] {
            assert!(is_month_spelled_out(month), "{month}");
            assert!(!is_month_abbreviation(month), "{month}");
        }
        for abbreviation in ["Jan", "Mar", "Jun", "Sep", "Sept", "DEC"] {
            assert!(is_month_abbreviation(abbreviation), "{abbreviation}");
            assert!(!is_month_spelled_out(abbreviation), "{abbreviation}");
        }
        assert!(!is_month("Ja") && !is_month("Marching") && !is_month("Mar."));
    }

    #[test]
    fn weekdays_spelled_out_and_abbreviated() {
        let spelled_out: Vec<&str> = class::WEEKDAYS
            .entries()
            .filter(|d| is_weekday_spelled_out(d))
            .collect();
        assert_eq!(spelled_out.len(), 7, "{spelled_out:?}");
        assert!(is_weekday("Thurs") && !is_weekday_spelled_out("Thurs"));
        assert!(is_weekday_spelled_out("SUNDAY"));
        assert!(!is_weekday("Sunny"));
    }
}
