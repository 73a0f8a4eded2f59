//! Street addresses: "21 Haddington Road", "1 Bordesley Green Road", "9140 E. 21st St.",
//! "the 2300 block of Lindell Boulevard".
//!
//! A house number locates a place; it counts nothing. The shape is a number, then
//! capitalised words, direction letters or an ordinal, ending in a street word; "the 1400
//! block of flats" has no street and stays a count.
//!
//! Excuse: `address`.

use crate::text::TokenKind;
use crate::text::figures::scan::Scanner;
use crate::text::lexicon::class;

impl Scanner<'_, '_> {
    /// "21 Haddington Road", "1 Bordesley Green Road", "12 Tân Mai Street", "9140 E. 21st
    /// St.": a number, then capitalised words, direction letters or an ordinal, then a street
    /// word.
    pub(in crate::text::figures) fn is_address(&self, index: usize) -> bool {
        let mut words = 0;
        // "the 1400 block of Elm Avenue": a US police and court idiom for an address.
        let start = if self
            .word_after(index, 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("block"))
            && self.word_after(index, 2) == Some("of")
        {
            3
        } else {
            1
        };
        for offset in start..=start + 7 {
            let Some(next) = self.after(index, offset) else {
                return false;
            };
            let token = self.draft.tokens[next];
            let word = self.text(next);
            if token.kind == TokenKind::Punct && word == "." {
                continue;
            }
            let ordinal = token.kind == TokenKind::AlphaNum
                && word.ends_with(|c: char| c.is_ascii_alphabetic())
                && word.starts_with(|c: char| c.is_ascii_digit());
            if !(ordinal || (token.is_word() && word.chars().next().is_some_and(char::is_uppercase))) {
                return false;
            }
            words += 1;
            if words >= 2 && class::ADDRESS_STREET_WORDS.contains(word) {
                return true;
            }
            if words >= 5 {
                return false;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn a_block_address_is_not_a_figure() {
        assert!(figures("Police were called to the 2300 block of Lindell Boulevard.").is_empty());
        // A block of flats is a count.
        assert_eq!(
            figures("The 1400 block of flats houses 300 families."),
            vec!["1400", "300 families"]
        );
    }

    #[test]
    fn addresses_are_excused_as_such() {
        assert_eq!(excuse("They met at 21 Haddington Road.", "21"), Some("address"));
        assert_eq!(
            excuse(
                "Police were called to the 2300 block of Lindell Boulevard.",
                "2300"
            ),
            Some("address")
        );
        assert_eq!(
            excuse("The 1400 block of flats houses 300 families.", "1400"),
            None
        );
    }
}
