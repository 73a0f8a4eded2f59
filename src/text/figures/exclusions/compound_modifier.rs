//! Compound modifiers: a number joined by a hyphen to the word it describes: "a 24-bed
//! ward", "a 10-year term", "a 1,450-kilogram bomb", "the 18th-century hall", "the
//! seven-month war", "a two-year-old", "a one-off".
//!
//! The compound says what kind of thing its noun is (a ward of 24 beds, a term of ten
//! years) rather than counting something the story reports; "24 beds" would be a figure.
//! Golf's compounds ("three-under-par", "par-72") are scores (see `golf.rs`).
//!
//! Excuse: `compound-modifier`.

use crate::text::figures::Excuse;
use crate::text::figures::scan::Scanner;

impl Scanner<'_, '_> {
    /// Why the number hyphenated to a word at `index` ("24-bed", "seven-month",
    /// "three-under-par") is not a figure.
    pub(in crate::text::figures) fn compound_excuse(&self, index: usize) -> Excuse {
        if self.is_golf_scoring(index) {
            Excuse::GolfScore
        } else {
            Excuse::CompoundModifier
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn compound_modifiers_are_excused_as_such() {
        let text = "It opened a 24-bed ward for the seven-month war.";
        assert_eq!(excuse(text, "24-bed"), Some("compound-modifier"));
        assert_eq!(excuse(text, "seven-month"), Some("compound-modifier"));
        assert!(figures(text).is_empty());
        assert_eq!(figures("It opened a ward with 24 beds."), vec!["24 beds"]);
    }
}
