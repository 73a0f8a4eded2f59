//! Standings: a team's place in a table. Points in a standings row ("Harbour City Gulls –
//! 41 points"), points beside a place ("third in Pool B with 14 points", "top of the table
//! on 40 points", "finished fourth with 61 points"), points of a team leading a table
//! ("lead the Western Conference with 44 points"), and games behind a leader ("11 games
//! back of Denver", "six games out of first place").
//!
//! A standing is a ranking the competition publishes, a record rather than a statistic
//! someone must vouch for. "Labour is 12 points ahead of the Tories" names no table, and
//! "Okoro leads the league with 58 points" may be one player's season total: both stay
//! figures.
//!
//! Excuse: `standing`.

use crate::text::TokenKind;
use crate::text::figures::scan::Scanner;
use crate::text::figures::{Figure, FigureKind};
use crate::text::lexicon::class;
use crate::text::words::eq_any;

use super::ordinal::is_ordinal_suffix;

impl Scanner<'_, '_> {
    /// Is the figure a team's place in a table rather than a statistic? Points in a
    /// standings row ("Penrith Redbacks – 32 points"), points beside a place in a table
    /// ("second in Group C with 19 points", "top of the ladder on 40 points", "finished
    /// fourth with 61 points"), and games behind a leader ("12 games ahead of Boston").
    /// "He was 40 points clear" and "leads the league with 31 points" stay figures: the
    /// first names no table, and a league leader may be one player with a season's total.
    pub(in crate::text::figures) fn is_standing(&self, figure: &Figure) -> bool {
        if figure.kind != FigureKind::Count {
            return false;
        }
        let last = self.last_token(figure);
        let noun = self.text(last);
        if noun.eq_ignore_ascii_case("games") {
            return match self.word_after(last, 1) {
                Some(w) if eq_any(w, &["ahead", "behind", "back", "clear", "adrift"]) => true,
                Some("out") => self.word_after(last, 2) == Some("of"),
                _ => false,
            };
        }
        if !eq_any(noun, &["points", "pts"]) {
            return false;
        }
        self.is_table_row(figure.token, last) || self.place_before(figure.token) || self.standing_phrase()
    }

    /// A sentence that is a row of a table: a name, a separator, the number and its unit,
    /// and nothing else ("Penrith Redbacks – 32 points", "Kingston: 40 pts").
    fn is_table_row(&self, number: usize, last: usize) -> bool {
        let Some(separator) = self.before(number, 1) else {
            return false;
        };
        if !matches!(self.text(separator), "–" | "—" | "-" | ":" | "," | "|") || separator == self.range.start
        {
            return false;
        }
        let name = (self.range.start..separator).all(|i| {
            let token = self.draft.tokens[i];
            matches!(
                token.kind,
                TokenKind::Word | TokenKind::Abbrev | TokenKind::AlphaNum
            ) && self.text(i).chars().next().is_some_and(char::is_uppercase)
        });
        name && (last + 1..self.range.end).all(|i| self.kind(i) == TokenKind::Punct)
    }

    /// A place right before the points: "second with 19 points", "fourth on 40 points",
    /// "third place with 12 points".
    fn place_before(&self, number: usize) -> bool {
        if !self
            .word_before(number, 1)
            .is_some_and(|w| eq_any(w, &["with", "on"]))
        {
            return false;
        }
        let place = match self.word_before(number, 2) {
            Some(w) if eq_any(w, &["place", "spot", "position"]) => self.before(number, 3),
            _ => self.before(number, 2),
        };
        place.is_some_and(|i| self.is_position(i))
    }

    /// "second", "top", "3rd": a place in a table.
    pub(in crate::text::figures) fn is_position(&self, index: usize) -> bool {
        let text = self.text(index);
        match self.kind(index) {
            TokenKind::Word => class::STANDING_STANDING_POSITIONS.contains(text),
            TokenKind::AlphaNum => {
                let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let suffix = &text[digits.len()..];
                !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && is_ordinal_suffix(suffix)
            }
            _ => false,
        }
    }

    /// Does the sentence name a place in a table ("second in Group C", "top of the
    /// ladder", "atop the standings") or a team leading one ("lead the table", "topped
    /// the Eastern Conference")?
    fn standing_phrase(&self) -> bool {
        *self.standing_phrase.get_or_init(|| {
            let table_within = |from: usize, words: usize| {
                (from..self.range.end.min(from + words))
                    .take_while(|&i| !matches!(self.text(i), "," | ";" | ":" | "(" | ")"))
                    .any(|i| {
                        self.draft.tokens[i].is_word() && class::STANDING_TABLE_NOUNS.contains(self.text(i))
                    })
            };
            (self.range.start..self.range.end).any(|i| {
                let word = self.text(i);
                if self.is_position(i)
                    && self
                        .word_after(i, 1)
                        .is_some_and(|w| eq_any(w, &["in", "of", "on"]))
                {
                    return table_within(i + 2, 4);
                }
                if self.kind(i) == TokenKind::Word && word.eq_ignore_ascii_case("atop") {
                    return table_within(i + 1, 4);
                }
                if self.kind(i) == TokenKind::Word && class::STANDING_TABLE_LEAD_VERBS.contains(word) {
                    return table_within(i + 1, 3);
                }
                false
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

    #[test]
    fn standings_are_rankings_not_statistics() {
        for text in [
            "Harbour City Gulls – 41 points",
            "Westfield: 18 pts",
            "The draw leaves Riverton third in Pool B with 14 points, level with Dunmore.",
            "Ashby sit top of the table on 40 points.",
            "The Owls finished fourth with 61 points.",
            "The Owls are 3rd place with 61 points.",
            "The Cardinals lead the Western Conference with 44 points.",
            "Riverton sit atop the Eastern Division standings with 70 points.",
            "The Cardinals are 11 games back of Denver.",
            "The Cardinals are 12 1/2 games behind Denver.",
            "The Cardinals are six games out of first place.",
            "The win lifts the Owls to fifth, two behind rivals Ashby.",
            "The Cardinals improved to 31-12-4.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // Look-alikes: a poll lead, a margin, a league leader's season total, an index.
        assert_eq!(
            figures("Labour is 12 points ahead of the Tories."),
            vec!["12 points"]
        );
        assert_eq!(
            figures("Labour is second in the polls with 31 points."),
            vec!["31 points"]
        );
        assert_eq!(
            figures("Okoro leads the league with 58 points."),
            vec!["58 points"]
        );
        assert_eq!(
            figures("The index gained 40 points on Monday."),
            vec!["40 points"]
        );
        assert_eq!(figures("The Cardinals played 11 games in May."), vec!["11 games"]);
        assert_eq!(
            figures("Ticket sales – 41 points higher than a year ago."),
            vec!["41 points"]
        );
    }

    #[test]
    fn standings_are_excused_as_such() {
        assert_eq!(
            excuse("Ashby sit top of the table on 40 points.", "40"),
            Some("standing")
        );
        assert_eq!(
            excuse("The Cardinals are 11 games back of Denver.", "11"),
            Some("standing")
        );
        assert_eq!(excuse("Labour is 12 points ahead of the Tories.", "12"), None);
    }
}
