//! Golf scores: "a three-under-par 69", "nine under par after rounds of 71, 68, 70 and 70",
//! "14 under on a par-71 layout", "A closing 66 with six birdies".
//!
//! A golfer's score is the result of a round, like any game's score. Golf's scoring idiom
//! (a score against par, a birdie or a bogey, a card, rounds with their scores) makes a
//! sentence about play, whose numbers are then the game's score (see `game_score.rs`). "On
//! a par with" and "below par" are ordinary English, and "rounds of 60 job cuts" is not
//! golf.
//!
//! Excuse: `golf-score`, for the numbers of such a sentence that `game_score.rs` would call
//! a game's score, and for golf's compounds ("three-under-par", "par-71").

use crate::text::TokenKind;
use crate::text::figures::scan::{Scanner, spelled_number};
use crate::text::words::eq_any;

impl Scanner<'_, '_> {
    /// Does the sentence use golf's scoring idiom anywhere?
    pub(in crate::text::figures) fn about_golf(&self) -> bool {
        *self.about_golf.get_or_init(|| {
            (self.range.start..self.range.end).any(|i| {
                matches!(
                    self.kind(i),
                    TokenKind::Word | TokenKind::NumberCompound | TokenKind::AlphaNum
                ) && self.is_golf_scoring(i)
            })
        })
    }

    /// Golf's scoring idiom at token `index`: a score against par ("four-under-par",
    /// "12 under par", "level par", "a par-72 course", "par 72"), a birdie or a bogey, a
    /// card ("carded a 68"), or rounds with their scores ("rounds of 70 and 69"). "On a par
    /// with" and "below par" are ordinary English.
    pub(in crate::text::figures) fn is_golf_scoring(&self, index: usize) -> bool {
        let text = self.text(index);
        let number_like = |word: &str| {
            word.bytes().all(|b| b.is_ascii_digit()) && !word.is_empty()
                || spelled_number(word).is_some()
                || eq_any(word, &["one", "level", "even"])
        };
        if text.contains('-') {
            let parts = || text.split('-');
            if parts().any(|p| p.eq_ignore_ascii_case("par")) {
                // "four-under-par", "par-72", "two-over-par", "under-par".
                return parts().any(|p| number_like(p) || eq_any(p, &["under", "over", "level", "even"]));
            }
            return parts().any(|p| eq_any(p, &["birdie", "birdies", "bogey", "bogeys", "eagle"]))
                && parts().any(|p| number_like(p) || eq_any(p, &["double", "triple"]));
        }
        if eq_any(
            text,
            &[
                "birdie", "birdies", "birdied", "bogey", "bogeys", "bogeyed", "carded", "eagled",
            ],
        ) {
            return true;
        }
        if text.eq_ignore_ascii_case("par") {
            // "par 72", "par five".
            if self.after(index, 1).is_some_and(|n| number_like(self.text(n))) {
                return true;
            }
            // "12 under par", "level par", "one over par".
            return self
                .word_before(index, 1)
                .is_some_and(|w| eq_any(w, &["under", "over", "level", "even"]))
                && self.before(index, 2).is_some_and(|n| number_like(self.text(n)));
        }
        // "rounds of 70, 69, 69 and 68", "a round of 65".
        eq_any(text, &["round", "rounds"])
            && self.word_after(index, 1) == Some("of")
            && self.after(index, 2).is_some_and(|n| {
                self.kind(n) == TokenKind::Number
                    && self.text(n).parse::<u32>().is_ok_and(|v| (55..=95).contains(&v))
                    && self.unit_after(n).is_none()
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn golf_scores_are_not_figures() {
        assert!(figures("Okonjo shot a three-under-par 69 to win by two shots.").is_empty());
        assert!(figures("She finished on nine under par after rounds of 71, 68, 70 and 70.").is_empty());
        assert!(figures("He ended at 14 under (-14) on a par-71 layout.").is_empty());
        assert!(figures("A closing 66 with six birdies gave him a one-shot win.").is_empty());
        // "On a par with" and "below par" are not golf, nor are rounds of cuts: the
        // figures stay.
        assert_eq!(
            figures("Two rounds of 60 job cuts left 120 posts empty."),
            vec!["Two rounds", "60 job cuts", "120 posts"]
        );
        assert_eq!(
            figures("Wages rose 3% and are now on a par with inflation."),
            vec!["3%"]
        );
        assert_eq!(
            figures("Output was below par, at 68 units a day."),
            vec!["68 units"]
        );
    }

    #[test]
    fn golf_scores_are_excused_as_such() {
        assert_eq!(
            excuse("Okonjo shot a three-under-par 69 on Sunday.", "69"),
            Some("golf-score")
        );
        assert_eq!(
            excuse("Okonjo shot a three-under-par 69 on Sunday.", "three-under-par"),
            Some("golf-score")
        );
        assert_eq!(
            excuse("He ended at 14 under on a par-71 layout.", "par-71"),
            Some("golf-score")
        );
        assert_eq!(
            excuse("Two rounds of 60 job cuts left 120 posts empty.", "60"),
            None
        );
    }
}
