//! Fractions that are not shares: a fraction word with no "of" after it ("half an hour",
//! "the third game"), with no quantity before it ("the second half of the match"), or a
//! share of time or distance ("half of the century", "a third of the way"); and a number
//! written only with fraction glyphs ("½", the chess result "½-½").
//!
//! A fraction is a statistic when it is a share of a group: "A third of voters", "nearly a
//! fifth of the fibre", "half of all households". Otherwise it is a time, a place in an
//! order or a turn of phrase, and a glyph on its own is a share of nothing the sentence
//! names.
//!
//! Excuses: `not-a-share` and `fraction-glyph`.

use crate::text::figures::scan::Scanner;
use crate::text::lexicon::class;
use crate::text::words::eq_any;

/// Is a number written only with fraction glyphs, with no digit: "½", "½-½"?
pub(in crate::text::figures) fn is_fraction_glyph(text: &str) -> bool {
    text.chars().all(|c| !c.is_ascii_digit())
}

/// Does the word before a fraction word (`None` when there is none) make it a quantity: an
/// article or a small number ("a third", "one half", "two thirds") or a word of
/// approximation ("nearly a fifth", "just over half")? "The second half" is a part, not a
/// share.
pub(in crate::text::figures) fn is_quantified_fraction(previous: Option<&str>) -> bool {
    match previous {
        None => true,
        Some(previous) => eq_any(
            previous,
            &[
                "a", "an", "one", "two", "three", "four", "nearly", "almost", "about", "around", "roughly",
                "over", "under", "than", "some", "just", "only",
            ],
        ),
    }
}

impl Scanner<'_, '_> {
    /// The noun the fraction at `index` is a share of, past its "of" and any determiners
    /// ("a third of the voters"): `None` when there is no such word, or it is a span of
    /// time or a way ("half of the century", "a third of the way").
    pub(in crate::text::figures) fn share_noun(&self, index: usize) -> Option<usize> {
        let mut noun = self.after(index, 2)?;
        while eq_any(
            self.text(noun),
            &[
                "the", "all", "its", "their", "those", "these", "a", "an", "his", "her", "our",
            ],
        ) {
            noun = self.after(noun, 1)?;
        }
        let noun_text = self.text(noun);
        if !self.draft.tokens[noun].is_word()
            || class::SCAN_TIME_UNITS.contains(noun_text)
            || eq_any(noun_text, &["way", "time", "century", "distance"])
        {
            return None;
        }
        Some(noun)
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn fractions_that_are_not_shares_are_excused_as_such() {
        assert_eq!(
            excuse("Half an hour later the rain stopped.", "Half"),
            Some("not-a-share")
        );
        assert_eq!(
            excuse("He scored in the second half of the match.", "half"),
            Some("not-a-share")
        );
        assert_eq!(
            excuse("The sides were a third of the way through.", "third"),
            Some("not-a-share")
        );
        assert_eq!(
            excuse("The game ended Liu ½-½ Lu.", "½-½"),
            Some("fraction-glyph")
        );
        assert_eq!(excuse("A third of voters stayed home.", "third"), None);
        assert_eq!(
            figures("A third of voters stayed home."),
            vec!["A third of voters"]
        );
    }
}
