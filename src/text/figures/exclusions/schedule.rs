//! Schedules: what is left of a season or a tournament: "with three games remaining",
//! "two races left in the season", "four matches to play", "two rounds still to go".
//!
//! A fixture list is a calendar, not a statistic. "There are 2,000 tickets remaining"
//! counts something that is not a fixture and stays a figure.
//!
//! Excuse: `schedule`.

use crate::text::figures::scan::Scanner;
use crate::text::figures::{Figure, FigureKind};
use crate::text::lexicon::class;
use crate::text::words::eq_any;

impl Scanner<'_, '_> {
    /// Is the figure what is left of a season or a tournament: "with two rounds
    /// remaining", "three races left", "four games to play"? A fixture list is a schedule,
    /// not a statistic.
    pub(in crate::text::figures) fn is_schedule(&self, figure: &Figure) -> bool {
        if figure.kind != FigureKind::Count {
            return false;
        }
        let last = self.last_token(figure);
        if !class::SCHEDULE_SCHEDULE_NOUNS.contains(self.text(last)) {
            return false;
        }
        match self.word_after(last, 1) {
            Some(w) if eq_any(w, &["remaining", "left"]) => true,
            Some("to") => self
                .word_after(last, 2)
                .is_some_and(|w| eq_any(w, &["go", "play", "come", "run"])),
            Some("still") => self
                .word_after(last, 2)
                .is_some_and(|w| eq_any(w, &["remaining", "left", "to"])),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn a_schedule_is_not_a_figure() {
        assert!(figures("Rovers lead the table with three games remaining.").is_empty());
        assert!(figures("She is champion-elect with two races left in the season.").is_empty());
        // Tickets remaining are a count.
        assert_eq!(
            figures("There are 2,000 tickets remaining."),
            vec!["2,000 tickets"]
        );
    }

    #[test]
    fn schedules_are_excused_as_such() {
        assert_eq!(
            excuse("Rovers lead the table with three games remaining.", "three"),
            Some("schedule")
        );
        assert_eq!(excuse("There are 2,000 tickets remaining.", "2,000"), None);
    }
}
