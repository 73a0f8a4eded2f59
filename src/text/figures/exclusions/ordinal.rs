//! Ordinals in figures: "18th", "21st", "the 3rd round", "the 1,000th visitor".
//!
//! An ordinal places one thing in an order; it counts nothing. Spelled ordinals that are
//! also fractions ("the third game") are excused in `fraction.rs`.
//!
//! Excuse: `ordinal`.

use crate::text::words::eq_any;

/// Are these the letters of an ordinal after its digits: "st", "nd", "rd", "th"?
pub(in crate::text::figures) fn is_ordinal_suffix(suffix: &str) -> bool {
    eq_any(suffix, &["st", "nd", "rd", "th"])
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn ordinals_are_excused_as_such() {
        assert_eq!(excuse("She finished 18th in the final.", "18th"), Some("ordinal"));
        assert_eq!(excuse("He was the 1,000th visitor.", "1,000th"), Some("ordinal"));
        assert!(figures("She finished 18th in the final.").is_empty());
    }
}
