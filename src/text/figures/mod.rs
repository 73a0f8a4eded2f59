//! Figures: the statistics in a sentence, told apart from numbers that are not statistics.
//!
//! A figure is a percentage, an amount of money, a count of people or things ("2,300
//! drivers", "Forty-one houses", "dozens of"), a proportion ("four in ten"), a measurement
//! ("70 kilometers per hour") or a statistical duration ("a median of 14.2 weeks").
//!
//! Not figures: dates, years (also as a modifier: "the 2026 local elections") and decades,
//! times, ages ("Okafor, 62,", "she turned 40", "he was 12 when", "signed at 16"), addresses
//! ("21 Haddington Road"), scores ("4-1"), game results ("beat England by 45 runs", "131 for
//! four", golf's "a three-under-par 69") and the parts of a game ("after two periods"),
//! vote tallies ("passed 52 to 48"), rankings ("No. 9") and standings ("second in Group C
//! with 19 points", "12 games behind"), schedules ("three games remaining"), races' names
//! and times ("the men's 200 metres in 20.12"), ordinals, numbers with a slash ("9/11",
//! "24/7", "HC/CV/2211/2024"), phone numbers ("08600 10111"), numbers that are part of a
//! name or a code ("Route 46A", "Room 14", "the iPhone 15", "COVID-19", "move 43", "737-8
//! and 737-10"), compound modifiers ("a 24-bed ward", "a 10-year term"), narrative
//! durations ("for two weeks", "in 40 years"), fractions that are not a share of a group
//! ("half an hour"), a bare number under ten, "one", and a spelled number that counts
//! nothing ("two behind") or refers back ("the three universities"). A capitalised word
//! before a number names it ("Apollo 11") unless it is a function word or an adverb
//! opening the sentence ("Then 300 cars").
//!
//! The scanner (`scan.rs`) considers each number-like token and builds a figure from it
//! with its unit, currency and magnitude; each class of number that is not a statistic is
//! one file in `exclusions/`, with its documentation, predicates and tests, and an
//! [`Excuse`] names it. [`candidates_in`] gives every token the scanner considered, as a
//! figure or with the excuse that let it go, so a missed or a false figure can be traced to
//! one class; [`figures_in`] gives the figures.

pub mod context;
mod exclusions;
mod scan;

use std::ops::Range;

use super::ParsedDraft;
use super::segment::is_currency_symbol;
use scan::Scanner;

/// What kind of statistic a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureKind {
    Percentage,
    Money,
    Count,
    Proportion,
    Measurement,
    Duration,
    Quantity,
}

/// A figure: the span of its text ("2,300 drivers", "C$14.3 million") and its first token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub span: Range<usize>,
    pub token: usize,
    pub kind: FigureKind,
}

/// Why a number the scanner considered is not a figure: the class of number that excused
/// it. Each class is one file in `src/text/figures/exclusions/`, named in its doc line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Excuse {
    /// A date: "Dec. 10", "5 June" (`date_time.rs`).
    Date,
    /// A clock time: "4:30 a.m.", "10am" (`date_time.rs`).
    Time,
    /// A person's age: "Okafor, 62,", "aged 40", "died at 84" (`age.rs`).
    Age,
    /// A street address: "21 Haddington Road" (`address.rs`).
    Address,
    /// A year: "in 2019" (`year.rs`).
    Year,
    /// A year before a noun: "the 2026 local elections" (`year.rs`).
    YearModifier,
    /// A decade: "the 1990s", "in their 40s" (`year.rs`).
    Decade,
    /// A number in a name or after a label noun: "Route 46A", "move 43" (`label.rs`).
    Label,
    /// A ranking: "No. 9", "#1", "seeded 4" (`label.rs`).
    Ranking,
    /// The name of an offence: "fraud over $5,000" (`label.rs`).
    OffenceName,
    /// A model number joined to a label: "Boeing 737-8 and 737-10" (`label.rs`).
    CoordinatedLabel,
    /// Letters and digits that make a code: "A35", "4G", "COVID-19" (`label.rs`).
    Code,
    /// A number joined to others by slashes: "9/11", "24/7" (`slashed.rs`).
    SlashedNumber,
    /// A fraction glyph on its own: "½" (`fraction.rs`).
    FractionGlyph,
    /// A fraction word that is not a share of a group: "half an hour" (`fraction.rs`).
    NotAShare,
    /// A vote's tally: "passed 52 to 48" (`vote_tally.rs`).
    VoteTally,
    /// A phone number or a code with a leading zero: "0207" (`identifier.rs`).
    Identifier,
    /// Hyphenated numbers with nothing counted after them: "a 4-1 win" (`score_line.rs`).
    ScoreLine,
    /// A season or a span of years: "2020-21" (`score_line.rs`).
    Season,
    /// A duration told as narrative: "for two weeks" (`narrative_duration.rs`).
    NarrativeDuration,
    /// A number hyphenated to what it describes: "a 24-bed ward" (`compound_modifier.rs`).
    CompoundModifier,
    /// An ordinal: "18th" (`ordinal.rs`).
    Ordinal,
    /// A glued magnitude with no money around it: "450m" (`bare_magnitude.rs`).
    BareMagnitude,
    /// A bare number under ten: "rose to 4" (`small_number.rs`).
    SmallBareNumber,
    /// "one": "one of the", "one man" (`small_number.rs`).
    SpelledOne,
    /// A spelled number that counts nothing after it: "two behind" (`nothing_counted.rs`).
    NothingCounted,
    /// A spelled number after a determiner: "the three universities" (`reference.rs`).
    Reference,
    /// A score in a sentence about play: "nine wickets" (`game_score.rs`).
    GameScore,
    /// A winning margin: "beat England by 45 runs" (`game_score.rs`).
    WinningMargin,
    /// A cricket score: "131 for four" (`game_score.rs`).
    CricketScore,
    /// A golf score: "a three-under-par 69" (`golf.rs`).
    GolfScore,
    /// A place in a table: "second in Pool B with 14 points" (`standing.rs`).
    Standing,
    /// The parts of a game: "after two periods" (`game_segment.rs`).
    GameSegment,
    /// What is left of a season: "three games remaining" (`schedule.rs`).
    Schedule,
    /// A race's distance in its name: "the men's 200 metres" (`race.rs`).
    RaceName,
    /// A race time given as a result: "won in 20.12" (`race.rs`).
    RaceTime,
}

impl Excuse {
    /// Every excuse, in the order of the enum.
    pub const ALL: &'static [Excuse] = &[
        Excuse::Date,
        Excuse::Time,
        Excuse::Age,
        Excuse::Address,
        Excuse::Year,
        Excuse::YearModifier,
        Excuse::Decade,
        Excuse::Label,
        Excuse::Ranking,
        Excuse::OffenceName,
        Excuse::CoordinatedLabel,
        Excuse::Code,
        Excuse::SlashedNumber,
        Excuse::FractionGlyph,
        Excuse::NotAShare,
        Excuse::VoteTally,
        Excuse::Identifier,
        Excuse::ScoreLine,
        Excuse::Season,
        Excuse::NarrativeDuration,
        Excuse::CompoundModifier,
        Excuse::Ordinal,
        Excuse::BareMagnitude,
        Excuse::SmallBareNumber,
        Excuse::SpelledOne,
        Excuse::NothingCounted,
        Excuse::Reference,
        Excuse::GameScore,
        Excuse::WinningMargin,
        Excuse::CricketScore,
        Excuse::GolfScore,
        Excuse::Standing,
        Excuse::GameSegment,
        Excuse::Schedule,
        Excuse::RaceName,
        Excuse::RaceTime,
    ];

    /// The class's id, in kebab case: "date", "age", "race-time".
    pub fn id(&self) -> &'static str {
        match self {
            Excuse::Date => "date",
            Excuse::Time => "time",
            Excuse::Age => "age",
            Excuse::Address => "address",
            Excuse::Year => "year",
            Excuse::YearModifier => "year-modifier",
            Excuse::Decade => "decade",
            Excuse::Label => "label",
            Excuse::Ranking => "ranking",
            Excuse::OffenceName => "offence-name",
            Excuse::CoordinatedLabel => "coordinated-label",
            Excuse::Code => "code",
            Excuse::SlashedNumber => "slashed-number",
            Excuse::FractionGlyph => "fraction-glyph",
            Excuse::NotAShare => "not-a-share",
            Excuse::VoteTally => "vote-tally",
            Excuse::Identifier => "identifier",
            Excuse::ScoreLine => "score-line",
            Excuse::Season => "season",
            Excuse::NarrativeDuration => "narrative-duration",
            Excuse::CompoundModifier => "compound-modifier",
            Excuse::Ordinal => "ordinal",
            Excuse::BareMagnitude => "bare-magnitude",
            Excuse::SmallBareNumber => "small-bare-number",
            Excuse::SpelledOne => "spelled-one",
            Excuse::NothingCounted => "nothing-counted",
            Excuse::Reference => "reference",
            Excuse::GameScore => "game-score",
            Excuse::WinningMargin => "winning-margin",
            Excuse::CricketScore => "cricket-score",
            Excuse::GolfScore => "golf-score",
            Excuse::Standing => "standing",
            Excuse::GameSegment => "game-segment",
            Excuse::Schedule => "schedule",
            Excuse::RaceName => "race-name",
            Excuse::RaceTime => "race-time",
        }
    }

    /// One line on what the class is, with examples.
    pub fn description(&self) -> &'static str {
        match self {
            Excuse::Date => "A date: “Dec. 10”, “5 June”, “March 3-5”.",
            Excuse::Time => "A clock time: “4:30 a.m.”, “10am”, “0900 GMT”.",
            Excuse::Age => "A person’s age: “Okafor, 62,”, “aged 40”, “she turned 40”, “died at 84”.",
            Excuse::Address => {
                "A street address: “21 Haddington Road”, “the 2300 block of Lindell Boulevard”."
            }
            Excuse::Year => "A year: “in 2019”, “2020 was hot”.",
            Excuse::YearModifier => "A year before a noun: “the 2026 local elections”, “2019 floods”.",
            Excuse::Decade => "A decade of years or of a life: “the 1990s”, “in their 40s”.",
            Excuse::Label => "A number in a name or after a label noun: “Route 46A”, “Apollo 11”, “move 43”.",
            Excuse::Ranking => "A ranking or numbered place: “No. 9”, “#1”, “seeded 4”.",
            Excuse::OffenceName => "The name of an offence: “fraud over $5,000”.",
            Excuse::CoordinatedLabel => {
                "A model number joined to a label: the “737-10” of “Boeing 737-8 and 737-10”."
            }
            Excuse::Code => "Letters and digits that make a code: “A35”, “4G”, “COVID-19”, “seat 4F”.",
            Excuse::SlashedNumber => {
                "A number joined to others by slashes: “9/11”, “24/7”, “HC/CV/2211/2024”."
            }
            Excuse::FractionGlyph => "A fraction glyph with no whole number: “½”, “½-½”.",
            Excuse::NotAShare => {
                "A fraction word that is not a share of a group: “half an hour”, “the third game”."
            }
            Excuse::VoteTally => "A vote’s tally: “passed 52 to 48”, “voted 7-2”.",
            Excuse::Identifier => "A phone number or a code with a leading zero: “0207”, “08600 10111”.",
            Excuse::ScoreLine => {
                "Hyphenated numbers with nothing counted after them: “a 4-1 win”, “31-12-4”."
            }
            Excuse::Season => "A season or a span of years: “the 2020-21 season”, “2019-2024”.",
            Excuse::NarrativeDuration => {
                "A duration told as narrative: “for two weeks”, “jailed for 11 months”."
            }
            Excuse::CompoundModifier => {
                "A number hyphenated to what it describes: “a 24-bed ward”, “the seven-month war”."
            }
            Excuse::Ordinal => "An ordinal: “18th”, “21st”.",
            Excuse::BareMagnitude => {
                "A glued magnitude with no money around it, millions or metres: “450m”, “5k”."
            }
            Excuse::SmallBareNumber => "A bare number under ten with nothing counted after it: “rose to 4”.",
            Excuse::SpelledOne => "“One”, which counts a single thing: “one of the”, “one man”.",
            Excuse::NothingCounted => {
                "A spelled number with nothing counted after it: “two behind”, “in their thousands”."
            }
            Excuse::Reference => "A spelled number after a determiner: “the three universities”, “all five”.",
            Excuse::GameScore => "A score in a sentence about play: “a brave 71”, “nine wickets”, “11 aces”.",
            Excuse::WinningMargin => "A winning margin: “beat England by 45 runs”.",
            Excuse::CricketScore => "A cricket score: “131 for four”, “six for 58”, “all out for 204”.",
            Excuse::GolfScore => "A golf score: “a three-under-par 69”, “rounds of 71, 68 and 70”.",
            Excuse::Standing => "A place in a table: “second in Pool B with 14 points”, “11 games back”.",
            Excuse::GameSegment => {
                "The parts of a game: “trailed 2-1 after two periods”, “won in three sets”."
            }
            Excuse::Schedule => "What is left of a season: “three games remaining”, “two races left”.",
            Excuse::RaceName => "A race’s distance in its name: “the men’s 200 metres”, “her 200m title”.",
            Excuse::RaceTime => "A race time given as a result: “won in 20.12”, “clocked 10.08 seconds”.",
        }
    }
}

/// A number-like token the scanner considered, and what it made of it: a figure, or the
/// class that excused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The token the scanner looked at. A figure may start before it ("C$14.3 million",
    /// "a dozen women").
    pub token: usize,
    /// The figure's span, or the token's when it was excused.
    pub span: Range<usize>,
    pub outcome: Result<Figure, Excuse>,
}

/// Every number-like token among the tokens `range` of a sentence, in order, as a figure or
/// with the class that excused it: numbers ("2,300", "4-1", "9/11"), numbers with letters
/// glued on ("$450m", "40km", "46A", "Rs48"), numbers hyphenated to a word ("24-bed"), and
/// spelled numbers ("Forty-one", "dozens", "a third", "twice", "one"). Tokens inside a
/// figure ("million" in "C$14.3 million") are part of it, not candidates of their own.
pub fn candidates_in(draft: &ParsedDraft<'_>, range: Range<usize>) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    scan_candidates(draft, range, |candidate| candidates.push(candidate));
    candidates
}

/// Every figure among the tokens `range` of a sentence, in order: the candidates that are
/// figures.
pub fn figures_in(draft: &ParsedDraft<'_>, range: Range<usize>) -> Vec<Figure> {
    let mut figures = Vec::new();
    scan_candidates(draft, range, |candidate| {
        if let Ok(figure) = candidate.outcome {
            figures.push(figure);
        }
    });
    figures
}

/// Hands each candidate among the tokens `range` to `visit`, in order.
fn scan_candidates(draft: &ParsedDraft<'_>, range: Range<usize>, mut visit: impl FnMut(Candidate)) {
    let scanner = Scanner::new(draft, range.clone());
    let mut index = range.start;
    while index < range.end {
        let Some(outcome) = scanner.candidate(index) else {
            index += 1;
            continue;
        };
        // A figure may still be a game's result or a place in a competition, which the
        // sports classes judge from the whole figure.
        let outcome = outcome.and_then(|figure| match scanner.sports_excuse(&figure) {
            Some(excuse) => Err(excuse),
            None => Ok(figure),
        });
        let (span, figure_end) = match &outcome {
            Ok(figure) => (figure.span.clone(), Some(figure.span.end)),
            Err(_) => (draft.tokens[index].span(), None),
        };
        visit(Candidate {
            token: index,
            span,
            outcome,
        });
        match figure_end {
            // Continue after the figure so "C$14.3 million" is one figure, not two.
            Some(end) => {
                while index < range.end && draft.tokens[index].start < end {
                    index += 1;
                }
            }
            None => index += 1,
        }
    }
}

/// True for a currency sign, exported for other checks.
pub fn is_currency(character: char) -> bool {
    is_currency_symbol(character)
}

#[cfg(test)]
pub(super) mod test_support {
    use super::{candidates_in, figures_in};
    use crate::text::{DraftFormat, ParsedDraft};

    fn parse(text: &str) -> (String, DraftFormat) {
        (format!("Intro sentence here.\n\n{text}"), DraftFormat::PlainText)
    }

    /// The text of each figure in `text`, a paragraph after an opening one.
    pub fn figures(text: &str) -> Vec<String> {
        let (source, format) = parse(text);
        let draft = ParsedDraft::parse(&source, format);
        let block = draft.blocks.last().unwrap();
        figures_in(&draft, block.tokens.clone())
            .into_iter()
            .map(|f| draft.source[f.span].to_string())
            .collect()
    }

    /// Each candidate of `text` (a paragraph after an opening one): its token's text, and
    /// the figure's text or the excuse's id.
    pub fn candidates(text: &str) -> Vec<(String, Result<String, &'static str>)> {
        let (source, format) = parse(text);
        let draft = ParsedDraft::parse(&source, format);
        let block = draft.blocks.last().unwrap();
        candidates_in(&draft, block.tokens.clone())
            .into_iter()
            .map(|candidate| {
                let outcome = match candidate.outcome {
                    Ok(figure) => Ok(draft.source[figure.span].to_string()),
                    Err(excuse) => Err(excuse.id()),
                };
                (draft.token_text(candidate.token).to_string(), outcome)
            })
            .collect()
    }

    /// The id of the excuse for the first candidate of `text` whose token reads `number`,
    /// or `None` when that candidate is a figure. Panics, listing the candidates, when no
    /// candidate reads `number`.
    pub fn excuse(text: &str, number: &str) -> Option<&'static str> {
        let candidates = candidates(text);
        let Some((_, outcome)) = candidates.iter().find(|(token, _)| token == number) else {
            panic!("no candidate {number:?} in {text:?}: {candidates:?}");
        };
        outcome.as_ref().err().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{candidates, figures};
    use super::*;
    use crate::text::DraftFormat;
    use std::collections::HashSet;

    #[test]
    fn excuse_ids_are_unique_kebab_case_and_described_in_one_line() {
        let mut seen = HashSet::new();
        for excuse in Excuse::ALL {
            let id = excuse.id();
            assert!(seen.insert(id), "{id} twice");
            assert!(
                !id.is_empty()
                    && !id.starts_with('-')
                    && !id.ends_with('-')
                    && !id.contains("--")
                    && id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{id}"
            );
            let description = excuse.description();
            assert!(
                description.ends_with('.') && !description.contains('\n') && description.len() < 120,
                "{id}: {description}"
            );
        }
    }

    #[test]
    fn every_excuse_has_an_example() {
        let sentences = [
            "Pickets went up at 4:30 a.m. on Dec. 10 in 2019.",
            "Declan O'Rourke, 58, left 21 Haddington Road.",
            "Voters return for the 2027 provincial elections, as in the 1990s.",
            "Tavares will wear the No. 9 shirt on Route 46A, charged with fraud over $5,000.",
            "The plant builds Boeing 737-8 and 737-10 panels near the A35.",
            "The 9/11 attacks, Liu ½-½ Lu, and half an hour later the bill passed 52 to 48.",
            "Call 08600 10111 after the 2020-21 season.",
            "He scored in a 4-1 win and was jailed for 11 months.",
            "It opened a 24-bed ward; she finished 18th; they built a 450m bridge.",
            "The index rose to 4, one man said, two behind rivals, from the three universities.",
            "Sri Lanka beat England by 45 runs; England resumed on 131 for four in the match.",
            "He finished with nine wickets in the match.",
            "Okonjo shot a three-under-par 69 on Sunday.",
            "Ashby sit top of the table on 40 points.",
            "The Otters trailed 2-1 after two periods.",
            "Rovers lead the table with three games remaining.",
            "Adeyemi won the men's 200 metres in 20.12 on Friday.",
        ];
        let seen: HashSet<&str> = sentences
            .iter()
            .flat_map(|sentence| candidates(sentence))
            .filter_map(|(_, outcome)| outcome.err())
            .collect();
        let missing: Vec<&str> = Excuse::ALL
            .iter()
            .map(Excuse::id)
            .filter(|id| !seen.contains(id))
            .collect();
        assert!(missing.is_empty(), "no example for {missing:?}");
    }

    #[test]
    fn figures_are_the_candidates_that_are_figures() {
        let paragraph = "The dispute affects about 2,300 drivers, and ridership fell 18% on Dec. 10. \
            Declan O'Rourke, 58, of 21 Haddington Road said C$14.3 million was spent in 2019. \
            Forty-one houses and a third of voters on Route 46A lost power for two weeks. \
            Sri Lanka beat England by 45 runs; the 9/11 attacks; dozens of fans; 4:30 a.m. \
            Patients waited a median of 14.2 weeks at a 24-bed ward, one said.";
        let found = candidates(paragraph);
        let found: Vec<(&str, Result<&str, &str>)> = found
            .iter()
            .map(|(token, outcome)| (token.as_str(), outcome.as_deref().map_err(|id| *id)))
            .collect();
        assert_eq!(
            found,
            vec![
                ("2,300", Ok("2,300 drivers")),
                ("18", Ok("18%")),
                ("10", Err("date")),
                ("58", Err("age")),
                ("21", Err("address")),
                ("14.3", Ok("C$14.3 million")),
                ("2019", Err("year")),
                ("Forty-one", Ok("Forty-one houses")),
                ("third", Ok("a third of voters")),
                ("46A", Err("label")),
                ("two", Err("narrative-duration")),
                ("45", Err("winning-margin")),
                ("9", Err("slashed-number")),
                ("11", Err("slashed-number")),
                ("dozens", Ok("dozens of fans")),
                ("4:30", Err("time")),
                ("14.2", Ok("14.2 weeks")),
                ("24-bed", Err("compound-modifier")),
                ("one", Err("spelled-one")),
            ]
        );
        let figures_among_candidates: Vec<&str> =
            found.iter().filter_map(|(_, outcome)| outcome.ok()).collect();
        assert_eq!(figures(paragraph), figures_among_candidates);

        // A candidate's span is its figure's, or its own token's when it was excused.
        let source = format!("Intro sentence here.\n\n{paragraph}");
        let draft = ParsedDraft::parse(&source, DraftFormat::PlainText);
        let block = draft.blocks.last().unwrap();
        for candidate in candidates_in(&draft, block.tokens.clone()) {
            match &candidate.outcome {
                Ok(figure) => assert_eq!(candidate.span, figure.span),
                Err(_) => assert_eq!(candidate.span, draft.tokens[candidate.token].span()),
            }
        }
    }

    #[test]
    fn other_numbers_are_not_figures() {
        assert!(figures("Pickets went up at 4:30 a.m. on Dec. 10 and 11 in 2019.").is_empty());
        assert!(figures("Declan O'Rourke, 58, and his daughter, 9, left.").is_empty());
        assert!(figures("They met at 21 Haddington Road and 1 Bordesley Green Road.").is_empty());
        assert!(figures("He scored in a 4-1 win; Liu ½-½ Lu.").is_empty());
        assert!(figures("Tavares will wear the No. 9 shirt on Route 46A at Gate 4.").is_empty());
        assert!(figures("He resigned on move 43 of the third game on the A35.").is_empty());
        assert!(figures("He pleaded guilty to fraud over $5,000.").is_empty());
        assert!(figures("The accused, aged between 24 and 51, were silent. Call 08600 10111.").is_empty());
        assert!(
            figures("Crews went to the Willow Bend Apartments, 9140 E. 21st St., at 2:47 a.m.").is_empty()
        );
        assert!(figures("She served 11 aces and won 81% of points behind her first serve.").is_empty());
        assert!(figures("It opened a 24-bed ward for the seven-month war.").is_empty());
        assert!(figures("He stayed for two weeks and 40 years after the three universities.").is_empty());
        assert!(figures("Students watched from the 18th-century hall with 4G modems.").is_empty());
        assert!(figures("Sri Lanka beat England by 45 runs, wrapping up a 1-0 series win.").is_empty());
        assert!(figures("England resumed on 131 for four, needing another 119 to win the match.").is_empty());
        assert!(
            figures("He finished with six for 58, and nine wickets in the match; they were all out for 204.")
                .is_empty()
        );
        assert_eq!(
            figures("Tavares scored 17 league goals for the side last season."),
            vec!["17 league goals"]
        );
    }
}
