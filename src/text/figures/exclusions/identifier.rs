//! Identifiers: phone numbers and codes written with a leading zero: "0207", "Call 08600
//! 10111".
//!
//! A leading zero marks a number that is dialled or keyed in, not counted; the digit
//! groups after it belong to it.
//!
//! Excuse: `identifier`.

use crate::text::TokenKind;
use crate::text::figures::scan::Scanner;

impl Scanner<'_, '_> {
    /// Is the number at `index` a phone number or a code: written with a leading zero
    /// ("0207"), or a digit group right after one ("08600 10111")?
    pub(in crate::text::figures) fn is_identifier(&self, index: usize) -> bool {
        has_leading_zero(self.text(index))
            || self.before(index, 1).is_some_and(|previous| {
                self.kind(previous) == TokenKind::Number && has_leading_zero(self.text(previous))
            })
    }
}

/// "0207", "08600": a zero, then more digits.
fn has_leading_zero(text: &str) -> bool {
    text.len() >= 3 && text.starts_with('0') && text.as_bytes()[1].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn phone_numbers_are_excused_as_identifiers() {
        assert_eq!(excuse("Call 08600 10111 for help.", "08600"), Some("identifier"));
        assert_eq!(excuse("Call 08600 10111 for help.", "10111"), Some("identifier"));
        assert!(figures("Call 08600 10111 for help.").is_empty());
        assert_eq!(excuse("Call 600 10111 for help.", "10111"), None);
    }
}
