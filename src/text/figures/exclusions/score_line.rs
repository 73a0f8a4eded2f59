//! Score lines and seasons: numbers joined by hyphens with nothing counted or measured
//! after them. A score ("a 4-1 win", "drew 1-1"), a record ("improved to 31-12-4"), a
//! range with nothing counted ("3-5 years"), and a season or span of years ("the 2020-21
//! season").
//!
//! A score or a record is a result everyone saw, and a season is a date; neither is a
//! statistic a source must vouch for. A range that counts or measures something stays a
//! figure ("300-400 jobs", "5-10 km"). The same shape after a month is a date ("March
//! 3-5"), after a word of voting a vote's tally ("voted 7-2"), and after a name a label
//! ("Boeing 737-8").
//!
//! Excuses: `score-line` and `season` (and `date` or `vote-tally`, as above).

use crate::text::figures::Excuse;
use crate::text::figures::scan::Scanner;

impl Scanner<'_, '_> {
    /// Why the hyphenated number at `index`, with nothing counted or measured after it, is
    /// not a figure.
    pub(in crate::text::figures) fn hyphenated_excuse(&self, index: usize) -> Excuse {
        if self.is_date(index) {
            Excuse::Date
        } else if self.vote_word_before(index) {
            Excuse::VoteTally
        } else if is_season(self.text(index)) {
            Excuse::Season
        } else {
            Excuse::ScoreLine
        }
    }
}

/// A season or a span of years: "2020-21", "2019–2024".
fn is_season(text: &str) -> bool {
    let Some((first, second)) = text.split_once(['-', '–']) else {
        return false;
    };
    let year = |part: &str| {
        part.len() == 4
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    };
    year(first) && ((second.len() == 2 && second.bytes().all(|b| b.is_ascii_digit())) || year(second))
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn scores_and_seasons_are_excused_as_such() {
        assert_eq!(excuse("He scored in a 4-1 win.", "4-1"), Some("score-line"));
        assert_eq!(
            excuse("The Cardinals improved to 31-12-4.", "31-12-4"),
            Some("score-line")
        );
        assert_eq!(
            excuse("Fares froze for the 2020-21 season.", "2020-21"),
            Some("season")
        );
        assert_eq!(figures("The plan cuts 300-400 jobs."), vec!["300-400 jobs"]);
    }
}
