//! Years and decades: a year ("in 2019", "2020 was hot"; excuse `year`), a year as a
//! modifier ("the 2026 local elections", "its 2030 targets", "Kenya's 2027 polls", "2019
//! floods"; excuse `year-modifier`), and a decade ("the 1990s", "in their 40s"; excuse
//! `decade`).
//!
//! A year dates an event and a decade names a stretch of time or of a life; neither is a
//! quantity. A year-shaped number before a counted noun stays a count unless a determiner
//! or a possessive leads it or the noun names an event or a document: "About 2026 voters
//! turned out" is a figure.

use crate::text::figures::scan::Scanner;
use crate::text::figures::{Excuse, FigureKind};
use crate::text::lexicon::class;

impl Scanner<'_, '_> {
    /// Is the plain number at `index` (not a range), with the unit or counted noun after it,
    /// a year: a four-digit number from 1800 to 2100 with nothing counted after it ("in
    /// 2019"), or before a counted noun as a modifier ("the 2026 local elections")?
    pub(in crate::text::figures) fn year_excuse(
        &self,
        index: usize,
        value: f64,
        unit: Option<(usize, FigureKind)>,
    ) -> Option<Excuse> {
        let text = self.text(index);
        let year_shaped = !text.contains([',', '.']) && text.len() == 4 && (1800.0..=2100.0).contains(&value);
        if !year_shaped {
            return None;
        }
        match unit {
            Some((noun, FigureKind::Count)) => {
                self.is_year_modifier(index, noun).then_some(Excuse::YearModifier)
            }
            _ => Some(Excuse::Year),
        }
    }

    /// A year-shaped number before a counted noun is a year when a determiner or a
    /// possessive comes before it ("the 2026 local elections", "its 2030 targets",
    /// "Kenya's 2027 polls") or the noun names an event or a document ("2019 floods").
    /// "2026 voters", with neither, stays a count.
    fn is_year_modifier(&self, index: usize, noun: usize) -> bool {
        let determined = self.word_before(index, 1).is_some_and(|w| {
            class::YEAR_YEAR_DETERMINERS.contains(w)
                || w.ends_with("'s")
                || w.ends_with("’s")
                || w.ends_with("s'")
        });
        determined || class::YEAR_YEAR_EVENT_NOUNS.contains(self.text(noun))
    }
}

/// Is a number with letters glued on a decade: "1990s", "80s", "40s"?
pub(in crate::text::figures) fn is_decade(digits: &str, suffix: &str) -> bool {
    suffix.eq_ignore_ascii_case("s") && digits.ends_with('0')
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn a_year_before_a_noun_is_a_year() {
        for text in [
            "Voters return for the 2027 provincial elections.",
            "Kenya's 2027 polls will be close.",
            "Its 2035 emission targets were scrapped.",
            "Planners blamed 2019 floods for the delay.",
            "The 2031 census will count everyone.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // With neither a determiner nor an event noun, the number is a count.
        assert_eq!(figures("About 2026 voters turned out."), vec!["2026 voters"]);
        assert_eq!(figures("Some 1900 people attended."), vec!["1900 people"]);
        assert_eq!(figures("The 1,950 workers walked out."), vec!["1,950 workers"]);
    }

    #[test]
    fn years_and_decades_are_excused_as_such() {
        assert_eq!(excuse("The plant closed in 2019.", "2019"), Some("year"));
        assert_eq!(
            excuse("Voters return for the 2027 provincial elections.", "2027"),
            Some("year-modifier")
        );
        assert_eq!(excuse("Fares were lower in the 1990s.", "1990s"), Some("decade"));
        assert_eq!(
            excuse("The couple, both in their 40s, moved north.", "40s"),
            Some("decade")
        );
        assert_eq!(excuse("About 2026 voters turned out.", "2026"), None);
    }
}
