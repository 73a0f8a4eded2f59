//! Vote tallies: "passed 52 to 48", "voted 7 to 2", "by 312 votes to 254", "voted 7-2",
//! "by a vote of 30 to 12".
//!
//! The result of a vote is a public record, like a game's score; it is not a statistic a
//! source must vouch for. "Prices rose from 52 to 48 cents" names no vote, and "cut 300 to
//! 400 jobs" counts something: both stay figures.
//!
//! Excuse: `vote-tally`, also for a tally written with a hyphen ("voted 7-2"), which the
//! tokenizer makes one number (see `score_line.rs`).

use crate::text::TokenKind;
use crate::text::figures::scan::Scanner;
use crate::text::lexicon::class;
use crate::text::words::eq_any;

impl Scanner<'_, '_> {
    /// Is the number at `index` one side of a vote's tally: "passed 52 to 48", "voted 7 to
    /// 2", "by 312 votes to 254", "confirmed 50-49"? The result of a vote is a record, not
    /// a statistic someone must vouch for.
    pub(in crate::text::figures) fn is_vote_tally(&self, index: usize) -> bool {
        let integer =
            |i: usize| self.kind(i) == TokenKind::Number && self.text(i).bytes().all(|b| b.is_ascii_digit());
        if !integer(index) {
            return false;
        }
        let joiner = |i: usize| matches!(self.text(i), "to" | "against" | "-" | "–");
        let votes = |i: usize| self.draft.tokens[i].is_word() && eq_any(self.text(i), &["votes", "vote"]);
        // The two numbers of the tally: "52 to 48" or "312 votes to 254".
        let pair = |first: usize| -> Option<usize> {
            let mut joiner_index = self.after(first, 1)?;
            if votes(joiner_index) {
                joiner_index = self.after(joiner_index, 1)?;
            }
            let second = self.after(joiner_index, 1)?;
            (joiner(joiner_index) && integer(second)).then_some(second)
        };
        let candidates = [Some(index), self.before(index, 2), self.before(index, 3)];
        let Some((first, second)) = candidates
            .into_iter()
            .flatten()
            .filter(|&first| integer(first))
            .find_map(|first| {
                pair(first)
                    .filter(|&second| first == index || second == index)
                    .map(|s| (first, s))
            })
        else {
            return false;
        };
        // "cut 300 to 400 jobs" is a range of a count, not a tally.
        if self.unit_after(second).is_some_and(|(end, _)| !votes(end)) {
            return false;
        }
        // A vote word just before the tally ("passed 52 to 48", "by a vote of 7 to 2"), or
        // "votes" in it.
        self.vote_word_before(first)
            || (first + 1..second).any(votes)
            || self.after(second, 1).is_some_and(votes)
    }

    /// Is there a word of voting just before the number at `index` ("passed 52 to 48", "by
    /// a vote of 7 to 2", "voted 7-2")?
    pub(in crate::text::figures) fn vote_word_before(&self, index: usize) -> bool {
        (1..=4).any(|offset| {
            self.word_before(index, offset)
                .is_some_and(|w| class::VOTE_TALLY_VOTE_WORDS.contains(w))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn vote_tallies_are_not_figures() {
        for text in [
            "The bill passed 52 to 48.",
            "The Senate voted 52 to 48 to confirm her.",
            "The motion passed by 312 votes to 254.",
            "The council voted 7-2 to approve it.",
            "It was approved by a vote of 30 to 12.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        assert_eq!(
            figures("Prices rose from 52 to 48 cents."),
            vec!["52", "48 cents"]
        );
        assert_eq!(
            figures("The council approved a plan to cut 300 to 400 jobs."),
            vec!["300", "400 jobs"]
        );
    }

    #[test]
    fn vote_tallies_are_excused_as_such() {
        assert_eq!(excuse("The bill passed 52 to 48.", "52"), Some("vote-tally"));
        assert_eq!(excuse("The bill passed 52 to 48.", "48"), Some("vote-tally"));
        assert_eq!(
            excuse("The council voted 7-2 to approve it.", "7-2"),
            Some("vote-tally")
        );
        assert_eq!(excuse("Prices rose from 52 to 48 cents.", "52"), None);
    }
}
