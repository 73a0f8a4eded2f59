//! Game scores: the result of the game being reported. A winning margin ("beat England by
//! 45 runs"), a cricket score ("131 for four", "six for 58", "all out for 204"), and, in a
//! sentence about play (innings, wickets, a match, a lap, a tie-break, golf's scoring), a
//! bare number ("a brave 71"), a percentage of the game ("won 81% of points") or a count of
//! scoring units ("nine wickets", "11 aces").
//!
//! A score is a result everyone at the game saw, reported like a date or a name; it needs
//! no source. A season's or a career's count stays a statistic ("17 league goals last
//! season", "leads the NHL with 41 goals").
//!
//! Excuses: `winning-margin`, `cricket-score`, and `game-score` for the rest (`golf-score`
//! when the sentence is about golf; see `golf.rs`).

use crate::text::TokenKind;
use crate::text::figures::scan::{Scanner, spelled_number};
use crate::text::figures::{Excuse, Figure, FigureKind};
use crate::text::lexicon::class;

impl Scanner<'_, '_> {
    /// Is the figure the score or result of the game being reported rather than a
    /// statistic, and which? A winning margin ("beat England by 45 runs"), a cricket score ("131 for
    /// four", "six for 58", "all out for 204"), and, in a sentence about play (innings,
    /// wickets, a match, a lap…), a bare number ("a brave 71") or a count of scoring units
    /// ("nine wickets") unless a season or career qualifies it ("17 league goals last
    /// season" stays a figure).
    pub(in crate::text::figures) fn game_score_excuse(&self, figure: &Figure) -> Option<Excuse> {
        if figure.kind == FigureKind::Money {
            return None;
        }
        let index = figure.token;
        let small = |token: Option<usize>| {
            token.is_some_and(|i| {
                let text = self.text(i);
                match self.kind(i) {
                    TokenKind::Number => text.parse::<u32>().is_ok_and(|v| v <= 10),
                    TokenKind::Word => {
                        text == "no" || spelled_number(text).is_some_and(|v| v <= 10) || text == "one"
                    }
                    _ => false,
                }
            })
        };
        if self.word_before(index, 1) == Some("by")
            && (2..=7).any(|k| {
                self.word_before(index, k)
                    .is_some_and(|w| class::GAME_SCORE_WIN_WORDS.contains(w))
            })
        {
            return Some(Excuse::WinningMargin);
        }
        if self.word_after(index, 1) == Some("for") && small(self.after(index, 2)) {
            return Some(Excuse::CricketScore);
        }
        if self.word_before(index, 1) == Some("for")
            && (small(self.before(index, 2))
                || (self.word_before(index, 2) == Some("out") && self.word_before(index, 3) == Some("all")))
        {
            return Some(Excuse::CricketScore);
        }
        if self.word_after(index, 1) == Some("all") && self.word_after(index, 2) == Some("out") {
            return Some(Excuse::CricketScore);
        }
        if !self.about_play() {
            return None;
        }
        let score = match figure.kind {
            FigureKind::Quantity => true,
            // "won 81% of points behind her first serve": a statistic of the game itself.
            FigureKind::Percentage => !self.has_season_word(),
            FigureKind::Count => {
                let noun = self.draft.source[figure.span.clone()]
                    .split_whitespace()
                    .last()
                    .unwrap_or("");
                class::GAME_SCORE_SCORING_UNITS.contains(noun) && !self.has_season_word()
            }
            _ => false,
        };
        // Golf's idiom makes the sentence about play; its numbers are golf scores.
        score.then(|| {
            if self.about_golf() {
                Excuse::GolfScore
            } else {
                Excuse::GameScore
            }
        })
    }

    /// Does the sentence name a season, a career or a record ("17 league goals last
    /// season")?
    fn has_season_word(&self) -> bool {
        *self.has_season_word.get_or_init(|| {
            (self.range.start..self.range.end).any(|i| {
                self.draft.tokens[i].is_word()
                    && (class::GAME_SCORE_SEASON_WORDS.contains(self.text(i)) || self.leads_a_competition(i))
            })
        })
    }

    /// "leads the NHL", "topped the NBA": a leader of a whole competition, named by its
    /// acronym, holds a season's total, not a game's.
    fn leads_a_competition(&self, index: usize) -> bool {
        if !class::GAME_SCORE_COMPETITION_LEAD_VERBS.contains(self.text(index)) {
            return false;
        }
        let mut next = index + 1;
        if self
            .word_after(index, 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            next += 1;
        }
        self.after(next, 0)
            .filter(|&i| self.draft.tokens[i].is_word())
            .is_some_and(|i| {
                let word = self.text(i);
                word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
            })
    }

    /// Does the sentence describe play: innings, wickets, a match, a lap, a tie-break?
    pub(in crate::text::figures) fn about_play(&self) -> bool {
        *self.about_play.get_or_init(|| self.find_play())
    }

    fn find_play(&self) -> bool {
        let play = (self.range.start..self.range.end).any(|i| {
            let token = self.draft.tokens[i];
            match token.kind {
                TokenKind::Word => {
                    let text = self.text(i);
                    (text == "Test" && i > self.range.start)
                        || text
                            .split('-')
                            .any(|part| class::GAME_SCORE_PLAY_WORDS.contains(part))
                }
                // A cricket score elsewhere in the sentence: "96 for five", "287 all out".
                TokenKind::Number => {
                    (self.word_after(i, 1) == Some("for")
                        && self.after(i, 2).is_some_and(|n| {
                            let text = self.text(n);
                            text.parse::<u32>().is_ok_and(|v| v <= 10)
                                || spelled_number(text).is_some_and(|v| v <= 10)
                                || text == "one"
                        }))
                        || (self.word_after(i, 1) == Some("all") && self.word_after(i, 2) == Some("out"))
                }
                _ => false,
            }
        });
        // Golf's scoring idiom: "a three-under-par 69", "carded a 68".
        play || self.about_golf()
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn a_season_leader_holds_a_statistic() {
        assert_eq!(
            figures(
                "Okafor, 29, leads the majors with 38 stolen bases and is hitting .301 in the batting race."
            ),
            vec!["38 stolen bases"]
        );
        assert_eq!(
            figures("Okafor leads the NHL with 41 goals, scoring in the match."),
            vec!["41 goals"]
        );
        // A game's own count stays its score.
        assert!(figures("Okafor scored 4 goals in the match.").is_empty());
    }

    #[test]
    fn game_scores_are_excused_as_such() {
        assert_eq!(
            excuse("Sri Lanka beat England by 45 runs.", "45"),
            Some("winning-margin")
        );
        assert_eq!(
            excuse(
                "England resumed on 131 for four, needing another 119 to win the match.",
                "131"
            ),
            Some("cricket-score")
        );
        assert_eq!(
            excuse("He finished with nine wickets in the match.", "nine"),
            Some("game-score")
        );
        assert_eq!(
            excuse(
                "She served 11 aces and won 81% of points behind her first serve.",
                "81"
            ),
            Some("game-score")
        );
        assert_eq!(
            excuse("Tavares scored 17 league goals for the side last season.", "17"),
            None
        );
    }
}
