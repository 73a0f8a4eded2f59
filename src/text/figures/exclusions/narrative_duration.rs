//! Narrative durations: "for two weeks", "in 40 years", "He was jailed for 11 months",
//! "The ban was cut to 18 months on appeal".
//!
//! How long something lasted is part of the story's narrative, not a statistic. A
//! duration is a figure when it is measured ("a median of 14.2 weeks", "about 40 weeks"),
//! precise ("14.2 weeks"), long (100 units or more), or the quantity the sentence reports
//! as changed ("Waits have grown to 14 months", "waiting lists of 40 weeks"); a decision
//! ("cut to 18 months") is narrative. A spelled number before a unit of time ("for two
//! weeks", "hundreds of years") is always narrative.
//!
//! Excuse: `narrative-duration`; a duration that is someone's age ("She reached 90 years of
//! age") is excused as `age`.

use crate::text::figures::Excuse;
use crate::text::figures::scan::Scanner;
use crate::text::lexicon::class;
use crate::text::words::eq_any;

impl Scanner<'_, '_> {
    /// Why the duration at `index`, whose unit ends at `unit_end`, is not a figure, if it is
    /// not: it is neither precise, nor measured, nor long, nor reported as changed. A
    /// duration that is someone's age ("reached 90 years of age", "12 weeks old") is an age.
    pub(in crate::text::figures) fn duration_excuse(
        &self,
        index: usize,
        unit_end: usize,
        value: f64,
        has_decimal: bool,
    ) -> Option<Excuse> {
        let qualified = (1..=3).any(|offset| {
            self.word_before(index, offset)
                .is_some_and(|w| class::NARRATIVE_DURATION_STATISTICAL_QUALIFIERS.contains(w))
        });
        let of_age = self.is_age_in_units(unit_end);
        let changed = self.after_a_change(index) && !of_age;
        if has_decimal || qualified || changed || value >= 100.0 {
            return None;
        }
        Some(if of_age {
            Excuse::Age
        } else {
            Excuse::NarrativeDuration
        })
    }

    /// Is the duration at `index` the quantity a sentence reports as changed: "waits have
    /// stretched to 11 months", "delays grew to six weeks", "the backlog reached 18 weeks",
    /// "waiting lists of 40 weeks"? "He was jailed for 11 months" and "for two weeks" are
    /// narrative, and "was cut to 11 months" or "extended to two years" are decisions.
    fn after_a_change(&self, index: usize) -> bool {
        let mut verb = 1;
        if self.word_before(index, 1) == Some("to") {
            verb = 2;
        } else if self.word_before(index, 1) == Some("of") {
            return self.word_before(index, 2).is_some_and(|w| {
                eq_any(
                    w,
                    &[
                        "wait", "waits", "waiting", "delay", "delays", "backlog", "backlogs", "lists",
                    ],
                )
            });
        }
        self.word_before(index, verb)
            .is_some_and(|w| class::NARRATIVE_DURATION_CHANGE_VERBS.contains(w))
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn a_duration_reported_as_changed_is_a_figure() {
        assert_eq!(
            figures("Waits for hip operations have grown to 14 months."),
            vec!["14 months"]
        );
        assert_eq!(
            figures("The backlog reached 18 weeks in March."),
            vec!["18 weeks"]
        );
        assert_eq!(
            figures("Families face waiting lists of 40 weeks."),
            vec!["40 weeks"]
        );
        // Narrative durations and sentence lengths are not statistics.
        assert!(figures("He was jailed for 11 months.").is_empty());
        assert!(figures("They stayed for 14 months before moving.").is_empty());
        assert!(figures("The ban was cut to 18 months on appeal.").is_empty());
        assert!(figures("She reached 90 years of age.").is_empty());
    }

    #[test]
    fn narrative_durations_are_excused_as_such() {
        assert_eq!(
            excuse("He was jailed for 11 months.", "11"),
            Some("narrative-duration")
        );
        assert_eq!(
            excuse("They stayed for two weeks.", "two"),
            Some("narrative-duration")
        );
        assert_eq!(
            excuse("The site was used for hundreds of years.", "hundreds"),
            Some("narrative-duration")
        );
        assert_eq!(excuse("She reached 90 years of age.", "90"), Some("age"));
        assert_eq!(excuse("Waits have grown to 14 months.", "14"), None);
    }
}
