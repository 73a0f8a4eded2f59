//! Bare magnitudes: a number with a magnitude glued on and no money around it: "a 450m
//! bridge", "a 5k run", "the 20k mark".
//!
//! Glued on, "m" is millions or metres, "k" thousands or kilometres, and "b" billions or
//! bytes; with no currency sign or word the scanner cannot tell which, and lets the number
//! go. "$450m", "£3.2bn" and "3bn euros" are money.
//!
//! Excuse: `bare-magnitude`.

/// Are these letters (lower case), glued to a number, a magnitude: "m", "bn", "mn", "tn",
/// "b", "k"?
pub(in crate::text::figures) fn is_glued_magnitude(suffix: &str) -> bool {
    matches!(suffix, "m" | "bn" | "mn" | "tn" | "b" | "k")
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn a_magnitude_with_no_money_is_excused() {
        assert_eq!(
            excuse("They built a 450m bridge.", "450m"),
            Some("bare-magnitude")
        );
        assert_eq!(excuse("She ran a 5k race.", "5k"), Some("bare-magnitude"));
        assert_eq!(figures("They spent $450m on a bridge."), vec!["$450m"]);
        assert_eq!(figures("They spent 3bn euros."), vec!["3bn euros"]);
    }
}
