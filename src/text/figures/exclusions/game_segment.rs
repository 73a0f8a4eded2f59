//! Parts of a game: "trailed 2-1 after two periods", "won 6-4 in three sets", "won the
//! final in three sets".
//!
//! How many periods, sets or rounds a game ran is part of its account, fixed by the rules
//! of the game, not a statistic. Without a game in the sentence the count stays a figure:
//! "After two periods of decline, output grew".
//!
//! Excuse: `game-segment`.

use crate::text::TokenKind;
use crate::text::figures::scan::Scanner;
use crate::text::figures::{Figure, FigureKind};
use crate::text::lexicon::class;
use crate::text::words::eq_any;

impl Scanner<'_, '_> {
    /// Is the figure a count of the parts of a game in a sentence about play, with a
    /// game's score, or after a verb of winning: "led 3-2 after two periods", "won the
    /// final in three sets"?
    pub(in crate::text::figures) fn is_game_segment(&self, figure: &Figure) -> bool {
        if figure.kind != FigureKind::Count {
            return false;
        }
        let noun = self.text(self.last_token(figure));
        let after_a_win = || {
            (1..=5).any(|offset| {
                self.word_before(figure.token, offset)
                    .is_some_and(|w| class::GAME_SCORE_WIN_WORDS.contains(w))
            })
        };
        class::GAME_SEGMENT_GAME_SEGMENTS.contains(noun)
            && (self.about_play() || self.has_game_score() || after_a_win())
    }

    /// Does the sentence give a game's score after a verb of winning or leading ("led 3-2",
    /// "beat the Pilots 5-3", "drew 1-1")?
    fn has_game_score(&self) -> bool {
        *self.has_game_score.get_or_init(|| {
            (self.range.start..self.range.end).any(|i| {
                if self.kind(i) != TokenKind::Number {
                    return false;
                }
                let mut sides = self.text(i).split(['-', '–']);
                let score = |side: Option<&str>| {
                    side.is_some_and(|s| {
                        s.len() <= 3 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
                    })
                };
                if !(score(sides.next()) && score(sides.next()) && sides.next().is_none()) {
                    return false;
                }
                (1..=4).any(|offset| {
                    self.word_before(i, offset).is_some_and(|w| {
                        class::GAME_SCORE_WIN_WORDS.contains(w)
                            || eq_any(w, &["drew", "draw", "tied", "tie", "trail", "trails", "lead"])
                    })
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn parts_of_a_game_are_not_figures() {
        for text in [
            "The Otters trailed 2-1 after two periods.",
            "Nadal won 6-4 in three sets.",
            "She won the final in three sets.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // Periods with no game in the sentence are figures.
        assert_eq!(
            figures("After two periods of decline, output grew 0.4%."),
            vec!["two periods", "0.4%"]
        );
    }

    #[test]
    fn parts_of_a_game_are_excused_as_such() {
        assert_eq!(
            excuse("The Otters trailed 2-1 after two periods.", "two"),
            Some("game-segment")
        );
        assert_eq!(
            excuse("Nadal won 6-4 in three sets.", "three"),
            Some("game-segment")
        );
        assert_eq!(
            excuse("After two periods of decline, output grew 0.4%.", "two"),
            None
        );
    }
}
