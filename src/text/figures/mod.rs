//! Figures: the statistics in a sentence, told apart from numbers that are not statistics.
//!
//! A figure is a percentage, an amount of money, a count of people or things ("2,300
//! drivers", "Forty-one houses", "dozens of"), a proportion ("four in ten"), a measurement
//! ("70 kilometers per hour") or a statistical duration ("a median of 14.2 weeks").
//!
//! Not figures: dates, years (also as a modifier: "the 2026 local elections"), times, ages
//! ("Okafor, 62,", "she turned 40", "he was 12 when", "signed at 16"), addresses ("21
//! Haddington Road"), scores ("4-1") and the parts of a game ("after two periods"), vote
//! tallies ("passed 52 to 48"), rankings ("No. 9") and standings ("second in Group C with
//! 19 points", "12 games behind"), ordinals, numbers with a slash ("9/11", "24/7",
//! "HC/CV/2211/2024"), numbers that are part of a name ("Route 46A", "Room 14", "the iPhone
//! 15", "COVID-19", "move 43", "737-8 and 737-10"), compound modifiers ("a 24-bed ward", "a
//! 10-year term"), and narrative durations ("for two weeks", "in 40 years"). A capitalised
//! word before a number names it ("Apollo 11") unless it is a function word or an adverb
//! opening the sentence ("Then 300 cars").
//!
//! The scanner (`scan.rs`) builds a candidate figure from each number-like token; each
//! class of number that is not a statistic is one file in `exclusions/`, with its own
//! documentation and tests.

mod exclusions;
mod scan;

use std::ops::Range;

use super::segment::is_currency_symbol;
use super::{ParsedDraft, TokenKind};
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

/// Every figure among the tokens `range` of a sentence, in order.
pub fn figures_in(draft: &ParsedDraft<'_>, range: Range<usize>) -> Vec<Figure> {
    let scanner = Scanner::new(draft, range.clone());
    let mut figures = Vec::new();
    let mut index = range.start;
    while index < range.end {
        let token = draft.tokens[index];
        let figure = match token.kind {
            TokenKind::Number => scanner.numeric_figure(index),
            TokenKind::AlphaNum => scanner.glued_unit_figure(index),
            TokenKind::Word => scanner.spelled_figure(index),
            _ => None,
        };
        if let Some(figure) = figure.filter(|f| {
            !scanner.is_game_score(f)
                && !scanner.is_standing(f)
                && !scanner.is_game_segment(f)
                && !scanner.is_schedule(f)
                && !scanner.is_event_name(f)
                && !scanner.is_race_time(f)
        }) {
            let end = figure.span.end;
            figures.push(figure);
            // Continue after the figure so "C$14.3 million" is one figure, not two.
            while index < range.end && draft.tokens[index].start < end {
                index += 1;
            }
        } else {
            index += 1;
        }
    }
    figures
}

/// True for a currency sign, exported for other checks.
pub fn is_currency(character: char) -> bool {
    is_currency_symbol(character)
}

#[cfg(test)]
pub(super) mod test_support {
    use super::figures_in;
    use crate::text::{DraftFormat, ParsedDraft};

    /// The text of each figure in `text`, a paragraph after an opening one.
    pub fn figures(text: &str) -> Vec<String> {
        let source = format!("Intro sentence here.\n\n{text}");
        let draft = ParsedDraft::parse(&source, DraftFormat::PlainText);
        let block = draft.blocks.last().unwrap();
        figures_in(&draft, block.tokens.clone())
            .into_iter()
            .map(|f| draft.source[f.span].to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::figures;

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
