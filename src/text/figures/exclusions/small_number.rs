//! Small numbers: a bare number under ten, with nothing counted or measured after it ("The
//! index rose to 4", "They were 3 behind"), and the word "one" ("one of the", "one man").
//!
//! A single digit with nothing after it is too small and too vague to be a statistic a
//! reader would doubt; a decimal ("rose to 2.5"), a magnitude ("3 million") or a bare
//! number of ten or more ("up from 779,000") stays a figure. "One" counts a single thing:
//! the scanner reads spelled numbers from two up.
//!
//! Excuses: `small-bare-number` and `spelled-one`.

/// Is a bare number (nothing counted or measured after it) too small to be a statistic:
/// under ten, whole, and with no magnitude?
pub(in crate::text::figures) fn is_small_bare_number(
    value: f64,
    has_decimal: bool,
    has_magnitude: bool,
) -> bool {
    !(value >= 10.0 || has_decimal || has_magnitude)
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn small_numbers_are_excused_as_such() {
        assert_eq!(excuse("The index rose to 4.", "4"), Some("small-bare-number"));
        assert_eq!(excuse("One man was hurt.", "One"), Some("spelled-one"));
        assert_eq!(figures("The index rose to 4.5."), vec!["4.5"]);
        assert_eq!(figures("The index rose to 40."), vec!["40"]);
    }
}
