//! Dates and times: "Dec. 10", "5 June", "March 3-5", "Dec. 10 and 11" (excuse `date`),
//! "4:30 a.m.", "0900 GMT", "10am" (excuse `time`).
//!
//! A date or a clock time places an event in the story; it counts nothing, and no source
//! has to vouch for it the way one vouches for a statistic.

use crate::text::TokenKind;
use crate::text::figures::scan::Scanner;
use crate::text::lexicon::class;

/// Letters glued to a number that make it a clock time: "10am", "0900GMT"
/// (`data/lexicon/date-time-clock-words.txt`, the words that follow one too: "4:30 a.m.",
/// "0900 GMT", "1400 hrs").
pub(in crate::text::figures) fn is_clock_suffix(suffix: &str) -> bool {
    class::DATE_TIME_CLOCK_WORDS.contains(suffix)
}

impl Scanner<'_, '_> {
    fn is_month(&self, index: Option<usize>) -> bool {
        index.is_some_and(|i| {
            self.draft.tokens[i].kind == TokenKind::Word && class::MONTHS.contains(self.text(i))
        })
    }

    /// A month right before `index`, allowing its abbreviation period ("Dec. 10").
    fn month_before(&self, index: usize) -> bool {
        let previous = self.before(index, 1);
        if self.is_month(previous) {
            return true;
        }
        previous.is_some_and(|p| self.text(p) == ".") && self.is_month(self.before(index, 2))
    }

    /// Is the number at `index` a date ("Dec. 10", "5 June", "Dec. 10 and 11")?
    pub(in crate::text::figures) fn is_date(&self, index: usize) -> bool {
        if self.month_before(index) || self.is_month(self.after(index, 1)) {
            return true;
        }
        // "Dec. 10 and 11", "March 3-5": the second number of a date pair.
        if let Some(joiner) = self.before(index, 1)
            && matches!(self.text(joiner), "and" | "to" | "through" | "or" | "&")
            && let Some(first) = self.before(index, 2)
            && self.kind(first) == TokenKind::Number
            && self.month_before(first)
        {
            return true;
        }
        false
    }

    /// Is the number at `index` a clock time: "4:30", "0900 GMT", "10 a.m.", "7 a m"?
    pub(in crate::text::figures) fn is_time(&self, index: usize, text: &str) -> bool {
        if text.contains(':') && !text.contains(',') {
            return true;
        }
        match self.after(index, 1) {
            Some(next) => {
                let next_text = self.text(next);
                class::DATE_TIME_CLOCK_WORDS.contains(next_text)
                    || (next_text == "a" && self.word_after(index, 2) == Some("m"))
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn dates_and_times_are_excused_as_such() {
        assert_eq!(excuse("Pickets went up on Dec. 10 and 11.", "10"), Some("date"));
        assert_eq!(excuse("Pickets went up on Dec. 10 and 11.", "11"), Some("date"));
        assert_eq!(excuse("They met on 5 June.", "5"), Some("date"));
        assert_eq!(excuse("The festival runs March 3-5.", "3-5"), Some("date"));
        assert_eq!(excuse("Pickets went up at 4:30 a.m.", "4:30"), Some("time"));
        assert_eq!(excuse("The ferry left at 0900 GMT.", "0900"), Some("time"));
        assert_eq!(excuse("The ferry left at 10am.", "10am"), Some("time"));
        assert!(figures("The ferry left at 10am on 5 June.").is_empty());
    }
}
