//! Genres of story in which most figures are not claims.
//!
//! - **product-detail**: in a story about products (a review, a launch, a buying guide, an
//!   auto show), a figure is a price, a specification or a feature of a product: public
//!   facts that the product's maker publishes, not claims for the copy desk to source. A
//!   story is about products when it gives at least two figures in units of engineering
//!   specification (`data/lexicon/specification-units.txt`: GB, GHz, W, kWh, hp, fps, inches,
//!   …). Counts of people in it ("10 million users") stay claims.
//! - **observed-play**: in a match report, a figure of the game the story reports (points,
//!   goals, shots, sets, laps, overs) is what the reporter watched. A story is a match
//!   report when it gives a score or result of a game (the exclusions' game scores) and
//!   uses the words of play (`data/lexicon/genre-play-words.txt`). A figure in a sentence
//!   about a season or a career ("has scored 14 tries this season", "averaging 21.4
//!   points", a career record) is a statistic, not play, and stays a claim; so do money (a
//!   prize, a transfer fee, a contract) and counts of people (a crowd).

use crate::text::lexicon::class;
use std::ops::Range;

use super::Context;
use crate::text::figures::{Excuse, Figure, FigureKind, candidates_in};
use crate::text::{BlockKind, ParsedDraft};

/// What kind of story a draft is, as far as its figures are concerned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Genres {
    pub product: bool,
    pub match_report: bool,
}

/// True when a number is in units of engineering specification ("72W", "16GB", "355 hp",
/// "a 16-inch screen"): its unit is glued to it or is the next word.
fn in_specification_units(
    parsed: &ParsedDraft<'_>,
    token: usize,
    span: &Range<usize>,
    sentence: &Range<usize>,
) -> bool {
    let text = &parsed.copy[span.clone()];
    let glued = text
        .rsplit(|c: char| !c.is_alphabetic())
        .find(|part| !part.is_empty())
        .is_some_and(|unit| class::SPECIFICATION_UNITS.contains(unit));
    let next = (token..sentence.end)
        .find(|&i| parsed.tokens[i].start >= span.end)
        .filter(|&i| parsed.tokens[i].is_word())
        .is_some_and(|i| class::SPECIFICATION_UNITS.contains(parsed.token_text(i)));
    glued || next
}

/// The genres of a draft, from all its prose.
pub fn genres(parsed: &ParsedDraft<'_>) -> Genres {
    let mut specification = 0;
    let mut results = 0;
    let mut play = 0;
    for block in parsed.blocks.iter().filter(|b| b.kind != BlockKind::Separator) {
        for sentence in block.sentences.clone() {
            let tokens = parsed.sentences[sentence].tokens.clone();
            for candidate in candidates_in(parsed, tokens.clone()) {
                if in_specification_units(parsed, candidate.token, &candidate.span, &tokens) {
                    specification += 1;
                    continue;
                }
                if let Err(
                    Excuse::GameScore | Excuse::ScoreLine | Excuse::WinningMargin | Excuse::CricketScore,
                ) = &candidate.outcome
                {
                    results += 1;
                }
            }
        }
        play += block
            .tokens
            .clone()
            .filter(|&i| parsed.tokens[i].is_word())
            .filter(|&i| class::GENRE_PLAY_WORDS.contains(parsed.token_text(i)))
            .count();
    }
    Genres {
        product: specification >= 2,
        match_report: results >= 1 && play >= 4,
    }
}

/// The genre context of a figure, if its story's genre makes it no claim.
pub fn context(
    parsed: &ParsedDraft<'_>,
    genres: &Genres,
    sentence: Range<usize>,
    about_season: &mut Option<bool>,
    figure: &Figure,
) -> Option<Context> {
    let next_word = (figure.token + 1..sentence.end)
        .filter(|&i| parsed.tokens[i].start >= figure.span.end || parsed.tokens[i].end <= figure.span.end)
        .filter(|&i| parsed.tokens[i].is_word())
        .map(|i| parsed.token_text(i))
        .find(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "of" | "more" | "than" | "million" | "billion"
            )
        });
    // A crowd's size ("A crowd of 21,400", "an attendance of 9,000") counts people too.
    let crowd = figure.token >= sentence.start + 2
        && parsed.token_text(figure.token - 1).eq_ignore_ascii_case("of")
        && class::CROWD_NOUNS.contains(parsed.token_text(figure.token - 2));
    let counts_people = matches!(figure.kind, FigureKind::Count | FigureKind::Quantity)
        && (crowd
            || class::PERSON_NOUNS
                .contains(parsed.copy[figure.span.clone()].rsplit(' ').next().unwrap_or(""))
            || next_word.is_some_and(|w| class::PERSON_NOUNS.contains(w) || class::CROWD_NOUNS.contains(w)));
    if genres.product && !counts_people {
        return Some(Context::ProductDetail);
    }
    if genres.match_report && figure.kind != FigureKind::Money && !counts_people {
        // Worked out once per sentence.
        let about_season = *about_season.get_or_insert_with(|| {
            sentence
                .clone()
                .filter(|&i| parsed.tokens[i].is_word())
                .any(|i| class::SEASON_WORDS.contains(parsed.token_text(i)))
        });
        if !about_season {
            return Some(Context::ObservedPlay);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::text::figures::context::tests::decisions;

    #[test]
    fn figures_of_a_product_story_are_details_but_its_users_are_claims() {
        let text = "Headline\n\nThe laptop has a 16-inch screen and a 96W charger, and its battery holds 100 Wh.\n\n\
                    It costs $2,399 and comes with two ports.\n\n\
                    The company says 10 million users have signed up. About 3 million users already own one.\n";
        let found = decisions(text);
        assert!(
            found.contains(&("$2,399", "not-a-claim:product-detail")),
            "{found:?}"
        );
        assert!(
            found.contains(&("two ports", "not-a-claim:product-detail")),
            "{found:?}"
        );
        assert!(
            found.contains(&("3 million users", "sourced:paragraph")),
            "{found:?}"
        );
        // Alone, a count of users in a product story is a claim.
        let text = "Headline\n\nThe phone has a 6.1-inch screen, a 12 MP camera and a 3,000 mAh battery.\n\n\
                    About 3 million users already own one.\n";
        assert!(decisions(text).contains(&("3 million users", "unsourced")));
    }

    #[test]
    fn play_in_a_match_report_is_watched_but_season_figures_are_claims() {
        let text = "Headline\n\nThe Lakers beat the Thunder 130-127 in overtime on Tuesday.\n\n\
                    James scored 34 points and hit two free throws in the final minute.\n\n\
                    He is averaging 11.1 assists this season.\n";
        let found = decisions(text);
        assert!(
            found.contains(&("two free throws", "not-a-claim:observed-play")),
            "{found:?}"
        );
        assert!(found.contains(&("11.1 assists", "unsourced")), "{found:?}");
    }
}
