//! References: a spelled number after a determiner points back to a group the reader has
//! met: "the three universities", "all five judges", "its two stations", "the other four".
//!
//! The number identifies the group rather than reporting a count; "three universities",
//! without the determiner, is a figure.
//!
//! Excuse: `reference`.

use crate::text::figures::scan::Scanner;
use crate::text::lexicon::class;

impl Scanner<'_, '_> {
    /// Does a determiner that makes the spelled number at `index` a reference come right
    /// before it ("the three universities", "all five")?
    pub(in crate::text::figures) fn is_reference(&self, index: usize) -> bool {
        self.word_before(index, 1)
            .is_some_and(|previous| class::REFERENCE_REFERENCE_DETERMINERS.contains(previous))
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn a_determiner_makes_a_spelled_number_a_reference() {
        assert_eq!(
            excuse("Officials from the three universities met.", "three"),
            Some("reference")
        );
        assert!(figures("Officials from the three universities met.").is_empty());
        assert_eq!(
            figures("Officials from three universities met."),
            vec!["three universities"]
        );
    }
}
