//! Races: the name of a race ("the men's 200 metres", "her 200m title", "defended his 1,500
//! metres title", "the fastest 400 metres freestyle"; excuse `race-name`) and a race time
//! given as a result ("won in 20.12", "was third in 20.31", "clocked 10.08 seconds to win",
//! "was given 27.46"; excuse `race-time`).
//!
//! A standard distance in a race's name is part of the name, and a finishing time is a
//! result like a score: neither is a statistic a source must vouch for. "The river rose 3
//! metres", "the 400 metres of road" and "Processing took 12.45 seconds" are measurements
//! and stay figures.

use crate::text::figures::scan::Scanner;
use crate::text::figures::{Figure, FigureKind};
use crate::text::lexicon::class;
use crate::text::words::eq_any;

use super::label::is_name_shaped;

impl Scanner<'_, '_> {
    /// Is the figure the name of a race: a standard track or pool distance after a
    /// gendered or possessive word ("the women's 400 metres", "her 200m title"), or after
    /// "the" or "a" in a sentence about racing ("won the 1,500 metres", "ran the fastest
    /// 100 metres")? "The river rose 3 metres" and "the 800 metres of fencing" are
    /// measurements.
    pub(in crate::text::figures) fn is_race_name(&self, figure: &Figure) -> bool {
        if figure.kind != FigureKind::Measurement {
            return false;
        }
        let number = self.text(figure.token);
        let last = self.last_token(figure);
        let (digits, unit) = if last == figure.token {
            // Glued: "200m", "5km".
            let end = number
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(number.len());
            (&number[..end], &number[end..])
        } else {
            (number, self.text(last))
        };
        let value: String = digits.chars().filter(char::is_ascii_digit).collect();
        let track = matches!(
            value.as_str(),
            "50" | "60"
                | "100"
                | "110"
                | "200"
                | "300"
                | "400"
                | "800"
                | "1500"
                | "1600"
                | "3000"
                | "5000"
                | "10000"
        );
        let road = eq_any(unit, &["km", "k", "mile", "miles"])
            && matches!(value.as_str(), "5" | "10" | "15" | "21" | "42");
        if !(track || road) {
            return false;
        }
        if !eq_any(
            unit,
            &[
                "metres", "meters", "metre", "meter", "m", "km", "k", "mile", "miles", "kilometres",
                "kilometers",
            ],
        ) {
            return false;
        }
        // A stretch of something, or a distance from somewhere, is a measurement.
        if self.word_after(last, 1).is_some_and(|w| {
            eq_any(
                w,
                &[
                    "of", "from", "away", "long", "wide", "deep", "high", "tall", "between", "above",
                    "below", "beneath", "under", "downstream", "upstream", "offshore", "inland", "north",
                    "south", "east", "west", "short",
                ],
            )
        }) {
            return false;
        }
        let mut lead = figure.token;
        // Past a superlative: "the fastest 100 metres".
        if self
            .word_before(lead, 1)
            .is_some_and(|w| w.len() > 4 && w.ends_with("est") && w.chars().all(|c| c.is_lowercase()))
        {
            lead -= 1;
        }
        let Some(before) = self.word_before(lead, 1) else {
            return false;
        };
        let gendered = eq_any(
            before,
            &[
                "men's", "women's", "men’s", "women’s", "boys'", "girls'", "boys’", "girls’", "mens",
                "womens", "his", "her", "their",
            ],
        ) || ((before.ends_with("'s") || before.ends_with("’s")) && is_name_shaped(before));
        gendered || (eq_any(before, &["the", "a"]) && self.about_racing())
    }

    /// Is the figure a race time given as a result: a time with hundredths (or in
    /// seconds) after "in", "ran", "clocked" or the like, in a sentence about racing
    /// ("won in 10.94", "second in 9.94", "clocking 9.81 seconds to win")?
    pub(in crate::text::figures) fn is_race_time(&self, figure: &Figure) -> bool {
        let text = self.text(figure.token);
        let last = self.last_token(figure);
        let hundredths = text
            .split_once('.')
            .is_some_and(|(whole, part)| part.len() == 2 && whole.len() <= 3 && !whole.is_empty());
        let in_seconds = last != figure.token
            && eq_any(self.text(last), &["seconds", "second", "sec", "secs"])
            && text.contains('.');
        let bare = last == figure.token && figure.kind == FigureKind::Quantity;
        if !((bare && hundredths) || (figure.kind == FigureKind::Duration && in_seconds)) {
            return false;
        }
        let lead = self.word_before(figure.token, 1).is_some_and(|w| {
            eq_any(
                w,
                &[
                    "in", "ran", "run", "runs", "clocked", "clocking", "clocks", "timed", "swam", "given",
                    "posted", "recorded", "stopped",
                ],
            )
        }) || (self.word_before(figure.token, 1) == Some("of")
            && self
                .word_before(figure.token, 2)
                .is_some_and(|w| eq_any(w, &["time", "times", "best", "record"])));
        lead && (self.about_racing() || self.has_placing())
    }

    /// Does the sentence name a place in a finish ("second in", "edged third") or a win?
    fn has_placing(&self) -> bool {
        (self.range.start..self.range.end).any(|i| {
            self.draft.tokens[i].is_word()
                && (class::GAME_SCORE_WIN_WORDS.contains(self.text(i))
                    || (self.is_position(i)
                        && self.word_after(i, 1).is_some_and(|w| eq_any(w, &["in", "place"]))))
        })
    }

    /// Does the sentence describe a race: a final, a heat, a sprint, a medal, a stroke?
    fn about_racing(&self) -> bool {
        *self.about_racing.get_or_init(|| {
            (self.range.start..self.range.end)
                .any(|i| self.draft.tokens[i].is_word() && class::RACE_RACING_WORDS.contains(self.text(i)))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn race_names_and_race_results_are_not_figures() {
        assert!(figures("Adeyemi won the men's 200 metres in 20.12 on Friday.").is_empty());
        assert!(figures("In the women's 800 metres, Okoro ran 1:58.40.").is_empty());
        assert!(figures("Lindqvist was third in 20.31 and Moreau edged fourth in 20.35.").is_empty());
        assert!(figures("She swam the fastest 400 metres freestyle of the year to win gold.").is_empty());
        assert!(figures("Mwangi won in 27.45 and Tanaka was given 27.46.").is_empty());
        assert!(figures("Pereira defended his 1,500 metres title in 3:33.90.").is_empty());
        assert!(figures("Haddad clocked 10.08 seconds to win the final.").is_empty());
        // Measurements and plain decimals stay figures.
        assert_eq!(figures("The river rose 3 metres overnight."), vec!["3 metres"]);
        assert_eq!(
            figures("The council resurfaced the 400 metres of road by the school."),
            vec!["400 metres"]
        );
        assert_eq!(figures("The lake is 100 metres deep."), vec!["100 metres"]);
        assert_eq!(
            figures("Processing took 12.45 seconds on the new servers."),
            vec!["12.45 seconds"]
        );
        assert_eq!(
            figures("The index rose in 12.45 minutes of trading."),
            vec!["12.45 minutes"]
        );
    }

    #[test]
    fn race_names_and_times_are_excused_as_such() {
        let text = "Adeyemi won the men's 200 metres in 20.12 on Friday.";
        assert_eq!(excuse(text, "200"), Some("race-name"));
        assert_eq!(excuse(text, "20.12"), Some("race-time"));
        assert_eq!(
            excuse("Haddad clocked 10.08 seconds to win the final.", "10.08"),
            Some("race-time")
        );
        assert_eq!(excuse("The river rose 3 metres overnight.", "3"), None);
    }
}
