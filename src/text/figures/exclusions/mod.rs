//! The classes of numbers that are not statistics, one file each. Each file opens with
//! what its class excuses and why, holds the class's predicates (methods of the scanner,
//! or free functions) and its tests. The scanner (`scan.rs`) asks the classes about each
//! number as it builds a figure; the sports classes judge the figure once it is built
//! ([`Scanner::sports_excuse`]), since they look at what it counts.

mod address;
mod age;
mod bare_magnitude;
mod compound_modifier;
mod date_time;
mod fraction;
mod game_score;
mod game_segment;
mod golf;
mod identifier;
mod label;
mod narrative_duration;
mod nothing_counted;
mod ordinal;
mod race;
mod reference;
mod schedule;
mod score_line;
mod slashed;
mod small_number;
mod standing;
mod vote_tally;
mod year;

pub(super) use bare_magnitude::is_glued_magnitude;
pub(super) use date_time::is_clock_suffix;
pub(super) use fraction::{is_fraction_glyph, is_quantified_fraction};
pub(super) use nothing_counted::uncounted_excuse;
pub(super) use ordinal::is_ordinal_suffix;
pub(super) use small_number::is_small_bare_number;
pub(super) use year::is_decade;

use super::scan::Scanner;
use super::{Excuse, Figure};

impl Scanner<'_, '_> {
    /// Is a figure, once built, a game's result or a place in a competition rather than a
    /// statistic: a score, a standing, a part of a game, a schedule, a race's name or
    /// time? The classes are asked in this order, and the first that excuses it names it.
    pub(super) fn sports_excuse(&self, figure: &Figure) -> Option<Excuse> {
        self.game_score_excuse(figure)
            .or_else(|| self.is_standing(figure).then_some(Excuse::Standing))
            .or_else(|| self.is_game_segment(figure).then_some(Excuse::GameSegment))
            .or_else(|| self.is_schedule(figure).then_some(Excuse::Schedule))
            .or_else(|| self.is_race_name(figure).then_some(Excuse::RaceName))
            .or_else(|| self.is_race_time(figure).then_some(Excuse::RaceTime))
    }
}
