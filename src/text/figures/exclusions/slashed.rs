//! Slashed numbers: "9/11", "24/7", "3/4", "12/05", "HC/CV/2211/2024", "2023/CR/77".
//!
//! Numbers joined by slashes are a date, a code, a case reference or a fraction written
//! with a symbol; they count nothing. "40/hour" is a rate and stays a figure: each part
//! must be a number or start with a capital.
//!
//! Excuse: `slashed-number`.

use crate::text::TokenKind;
use crate::text::figures::scan::Scanner;

impl Scanner<'_, '_> {
    /// Is the number at `index` one part of a slashed number or code ("9/11", "24/7",
    /// "3/4", "HC/CV/1418/2023", "2023/CR/77")? A part is a number, or letters starting
    /// with a capital; "40/hour" is a rate, and stays a figure.
    pub(in crate::text::figures) fn in_slashed_number(&self, index: usize) -> bool {
        let glued = |a: usize, b: usize| self.draft.tokens[a].end == self.draft.tokens[b].start;
        let part = |i: usize| match self.kind(i) {
            TokenKind::Number | TokenKind::AlphaNum => true,
            TokenKind::Word => self.text(i).chars().next().is_some_and(char::is_uppercase),
            _ => false,
        };
        let slash_before = self.before(index, 1).is_some_and(|slash| {
            self.text(slash) == "/"
                && glued(slash, index)
                && self.before(index, 2).is_some_and(|n| part(n) && glued(n, slash))
        });
        let slash_after = self.after(index, 1).is_some_and(|slash| {
            self.text(slash) == "/"
                && glued(index, slash)
                && self.after(index, 2).is_some_and(|n| part(n) && glued(slash, n))
        });
        slash_before || slash_after
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn slashed_numbers_are_not_figures() {
        for text in ["The 9/11 attacks changed travel.", "The desk runs 24/7."] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        assert_eq!(figures("It runs 24/7 with 300 staff."), vec!["300 staff"]);
        assert_eq!(figures("The 11 attacks were separate."), vec!["11 attacks"]);
    }

    #[test]
    fn slashed_numbers_are_excused_as_such() {
        assert_eq!(
            excuse("The 9/11 attacks changed travel.", "9"),
            Some("slashed-number")
        );
        assert_eq!(
            excuse("The 9/11 attacks changed travel.", "11"),
            Some("slashed-number")
        );
        assert_eq!(
            excuse(
                "The court listed the matter as HC/CV/2211/2024 on Friday.",
                "2211"
            ),
            Some("slashed-number")
        );
        assert_eq!(excuse("Wages rose to 40/hour.", "40"), None);
    }
}
