//! How plainly an unsourced figure is a claim that needs a source: the line between a
//! warning and a hint.
//!
//! A figure with no source in its scope is a **warning** when it is plainly a claim of a
//! kind a copy desk always queries, and no source is named in the paragraph before or
//! after it either:
//!
//! - **hedged**: the sentence hedges it without saying who ("are believed to", "an
//!   estimated", "reportedly");
//! - **people-affected**: a count of people (or homes, flights, schools) something
//!   happened to: killed, hurt, evacuated, arrested, infected, laid off, affected
//!   (`data/lexicon/harm-words.txt`);
//! - **rate**: a percentage or a proportion ("38% of lecturers", "one in five adults");
//! - **cost**: money that something cost, was spent or is owed, a word of cost within six
//!   words of it (`data/lexicon/cost-words.txt`);
//! - **crowd**: the size of a crowd, an attendance, an audience
//!   (`data/lexicon/crowd-nouns.txt`);
//! - **statistic**: an average, a median, a rate over time ("a year", "annually",
//!   `data/lexicon/statistic-words.txt`).
//!
//! Every other unsourced figure, and a claim with a source named in a neighbouring
//! paragraph, is a **hint**: on real, edited copy most such figures are sourced nearby or
//! are background, so the rule says so quietly. A figure about the future
//! (`data/lexicon/forecast-words.txt`) is a hint when no paragraph near it names a source,
//! and nothing at all when one does: "will" and "could" mark plans and announced deals as
//! often as forecasts, and on published copy a plan's figure beside a named source was
//! never a missing attribution.

use super::super::{Figure, FigureKind};
use crate::text::ParsedDraft;
use crate::text::lexicon::class;

/// Why an unsourced figure is plainly a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    Hedged,
    PeopleAffected,
    Rate,
    Cost,
    Forecast,
    Statistic,
    Crowd,
}

/// How plainly an unsourced figure is a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// A claim with no source anywhere near it: a warning.
    Claim(Claim),
    /// A figure of no claim class: a hint.
    NoClaimClass,
    /// A claim, but a neighbouring paragraph names a source that may stand for it: a hint.
    SourceNearby(Claim),
    /// A figure about the future with no source near it: a hint.
    Forecast,
    /// A figure about the future beside a paragraph that names a source: no finding.
    QuietForecast,
}

impl Strength {
    pub fn id(self) -> String {
        match self {
            Strength::Claim(claim) => format!("claim:{}", claim.id()),
            Strength::NoClaimClass => "weak:no-claim-class".to_string(),
            Strength::SourceNearby(claim) => format!("weak:source-nearby:{}", claim.id()),
            Strength::Forecast => "weak:forecast".to_string(),
            Strength::QuietForecast => "quiet:forecast-near-source".to_string(),
        }
    }

    /// True for a warning.
    pub fn is_claim(self) -> bool {
        matches!(self, Strength::Claim(_))
    }
}

impl Claim {
    pub fn id(self) -> &'static str {
        match self {
            Claim::Hedged => "hedged",
            Claim::PeopleAffected => "people-affected",
            Claim::Rate => "rate",
            Claim::Cost => "cost",
            Claim::Forecast => "forecast",
            Claim::Statistic => "statistic",
            Claim::Crowd => "crowd",
        }
    }
}

/// What the claim classes ask of a whole sentence, worked out once per sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceFacts {
    harm: bool,
    crowd: bool,
    /// The tokens of the words of cost, for their distance to a figure.
    cost: Vec<usize>,
    forecast: bool,
    statistic: bool,
}

impl SentenceFacts {
    pub fn of(parsed: &ParsedDraft<'_>, sentence: usize) -> SentenceFacts {
        let mut facts = SentenceFacts::default();
        let mut previous_a = false;
        for i in parsed.sentences[sentence].tokens.clone() {
            if !parsed.tokens[i].is_word() {
                previous_a = false;
                continue;
            }
            let text = parsed.token_text(i);
            facts.harm |= class::HARM_WORDS.contains(text);
            facts.crowd |= class::CROWD_NOUNS.contains(text);
            if class::COST_WORDS.contains(text) {
                facts.cost.push(i);
            }
            facts.forecast |= class::FORECAST_WORDS.contains(text);
            // "a year", "a day": a rate over time.
            facts.statistic |= class::STATISTIC_WORDS.contains(text)
                || (previous_a && matches!(text, "year" | "day" | "week" | "month"));
            previous_a = text == "a" || text == "per" || text == "each" || text == "every";
        }
        facts
    }
}

/// The strength of an unsourced figure.
pub fn strength(facts: &SentenceFacts, figure: &Figure, source_nearby: bool) -> Strength {
    let claim = if matches!(figure.kind, FigureKind::Percentage | FigureKind::Proportion) {
        Some(Claim::Rate)
    } else if facts.harm && matches!(figure.kind, FigureKind::Count | FigureKind::Quantity) {
        Some(Claim::PeopleAffected)
    } else if facts.crowd && matches!(figure.kind, FigureKind::Count | FigureKind::Quantity) {
        Some(Claim::Crowd)
    } else if figure.kind == FigureKind::Money
        && facts
            .cost
            .iter()
            .any(|&word| word + 6 >= figure.token && word <= figure.token + 6)
    {
        Some(Claim::Cost)
    } else if facts.statistic {
        Some(Claim::Statistic)
    } else if facts.forecast {
        Some(Claim::Forecast)
    } else {
        None
    };
    match (claim, source_nearby) {
        (Some(Claim::Forecast), false) => Strength::Forecast,
        (Some(Claim::Forecast), true) => Strength::QuietForecast,
        (Some(claim), false) => Strength::Claim(claim),
        (Some(claim), true) => Strength::SourceNearby(claim),
        (None, _) => Strength::NoClaimClass,
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::context::tests::strengths;

    #[test]
    fn plain_claims_with_no_source_near_are_warnings_and_the_rest_hints() {
        let text = "Headline\n\nAbout 200 troops are believed to remain at the base.\n\n\
                    The storm killed at least 40 people.\n\n\
                    Turnout was 58.3%.\n\n\
                    The repairs cost about $2 million.\n\n\
                    The museum attracts about 240,000 visitors a year.\n\n\
                    The company employs about 11,200 people.\n\n\
                    The plant will employ 2,800 people.\n";
        assert_eq!(
            strengths(text),
            vec![
                ("200 troops", "claim:hedged".to_string()),
                ("40 people", "claim:people-affected".to_string()),
                ("58.3%", "claim:rate".to_string()),
                ("$2 million", "claim:cost".to_string()),
                ("240,000 visitors", "claim:statistic".to_string()),
                ("11,200 people", "weak:no-claim-class".to_string()),
                ("2,800 people", "weak:forecast".to_string()),
            ]
        );
    }

    #[test]
    fn a_forecast_beside_a_named_source_is_not_reported() {
        let text = "Headline\n\nThe factory will employ 900 people by 2028.\n\n\
                    The company said building would start in the spring.\n";
        assert_eq!(
            strengths(text),
            vec![("900 people", "quiet:forecast-near-source".to_string())]
        );
    }

    #[test]
    fn a_source_in_the_next_paragraph_makes_a_claim_a_hint() {
        let text =
            "Headline\n\nThe storm killed at least 40 people.\n\nPolice said the search would go on.\n";
        assert_eq!(
            strengths(text),
            vec![("40 people", "weak:source-nearby:people-affected".to_string())]
        );
    }
}
