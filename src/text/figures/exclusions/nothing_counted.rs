//! Spelled numbers that count nothing: a spelled number, a vague multiple, "a dozen" or
//! "twice" with no counted noun, unit or comparison after it: "two behind rivals Ashby",
//! "fans came in their thousands", "a dozen or so", "was hit twice".
//!
//! A spelled number is a figure only with what it counts ("Forty-one houses", "hundreds of
//! fans", "two dozen houses", "twice as often"); on its own it points back at something
//! already said, or is part of the narrative. A unit of time after it makes a narrative
//! duration instead ("for two weeks", "a dozen years"; see `narrative_duration.rs`).
//!
//! Excuse: `nothing-counted`.

use crate::text::figures::Excuse;
use crate::text::lexicon::class;

/// Why a spelled number is not a figure when what follows it (`next`: the word after it, or
/// the unit of time it was read with) is not something it counts: a unit of time makes it a
/// narrative duration; anything else, or nothing, counts nothing.
pub(in crate::text::figures) fn uncounted_excuse(next: Option<&str>) -> Excuse {
    if next.is_some_and(|word| class::SCAN_TIME_UNITS.contains(word)) {
        Excuse::NarrativeDuration
    } else {
        Excuse::NothingCounted
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn spelled_numbers_with_nothing_counted_are_excused() {
        assert_eq!(
            excuse("The win lifts the Owls to fifth, two behind rivals Ashby.", "two"),
            Some("nothing-counted")
        );
        assert_eq!(
            excuse("Fans came in their thousands.", "thousands"),
            Some("nothing-counted")
        );
        assert_eq!(excuse("He was hit twice.", "twice"), Some("nothing-counted"));
        assert_eq!(
            excuse("A dozen years passed.", "dozen"),
            Some("narrative-duration")
        );
        assert_eq!(figures("Hundreds of fans came."), vec!["Hundreds of fans"]);
    }
}
