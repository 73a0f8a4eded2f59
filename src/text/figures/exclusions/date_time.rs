//! Dates and times: "Dec. 10", "5 June", "March 3-5", "Dec. 10 and 11", "4:30 a.m.",
//! "0900 GMT".
//!
//! A date or a clock time places an event in the story; it counts nothing, and no source
//! has to vouch for it the way one vouches for a statistic.

use crate::text::TokenKind;
use crate::text::figures::scan::{Scanner, eq_any};
use crate::text::words::WordList;

pub(in crate::text::figures) static MONTHS: WordList = WordList::new(&[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
]);

impl Scanner<'_, '_> {
    fn is_month(&self, index: Option<usize>) -> bool {
        index.is_some_and(|i| self.draft.tokens[i].kind == TokenKind::Word && MONTHS.contains(self.text(i)))
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

    pub(in crate::text::figures) fn is_time(&self, index: usize, text: &str) -> bool {
        if text.contains(':') && !text.contains(',') {
            return true;
        }
        match self.after(index, 1) {
            Some(next) => {
                let next_text = self.text(next);
                eq_any(
                    next_text,
                    &[
                        "a.m.", "p.m.", "am", "pm", "o'clock", "o’clock", "gmt", "utc", "bst", "est", "edt",
                        "cet", "hrs", "h",
                    ],
                ) || (next_text == "a" && self.word_after(index, 2) == Some("m"))
            }
            None => false,
        }
    }
}
