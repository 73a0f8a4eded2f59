//! # unattributed-figure
//!
//! ## What it flags
//! A statistic stated as fact with no source in its sentence: a count of people or
//! things ("2,300 drivers", "Forty-one houses", "dozens of"), an amount of money, a
//! percentage, a rate, a proportion ("four in ten") or a measurement. Money and units
//! glued to the number count too: "Sh120", "KSh2,750", "Rs312.50", "47C", "25kg" (a
//! one-letter code such as "R45" needs a word of money before it or a rate after it, since
//! it may name a road). One diagnostic per
//! sentence, on its first unattributed figure.
//!
//! ## Why it matters
//! Every number in a news story came from somewhere: police, a court filing, a survey,
//! the reporter's own count. Readers are owed the source, and editors need it to check
//! the figure. A number with no source is the first thing a copy desk queries.
//!
//! ## Example
//! ```text
//! The dispute affects about 2,300 drivers and maintenance staff.
//! ```
//! Use instead: `The dispute affects about 2,300 drivers and maintenance staff, the union said.`
//!
//! A sentence is attributed when it names a source anywhere in it: "according to …", a
//! speech or reporting verb with its subject ("police said", "the figures showed", "the
//! court heard", "told reporters"), a passive verb with its agent ("was reported by the
//! ministry"), a source phrase ("data from", "figures released by", "a survey by", "as
//! published by", "by the union's count", "put the number at"), or a parenthetical source
//! ("(Eurostat)", "(company filing)", "(2021 census)", "(state police)"). A passive hedge
//! with no agent ("are believed to be held", "is estimated") is not attribution, nor is an
//! adjective ("an estimated €1.1 million", "16,000 registered voters", "300 reported
//! cases").
//!
//! Not figures: dates, years (also before a noun: "the 2026 local elections", "its 2030
//! targets", "2019 floods"; "2026 voters" with no determiner stays a count), times, ages
//! ("Okafor, 62,", "aged 40", "she turned 40", "he was 12 when", "who is 62", "signed with
//! the club at 16", "died at 84", and a plural subject's: "the cousins, both 17,", "the
//! two climbers, 31 and 28,"), addresses ("21 Haddington Road", "the 2300 block of
//! Lindell Boulevard"), game scores ("4-1") and the parts of a game they are kept in ("led
//! 3-2 after two periods", "won in three sets"), golf scores ("a three-under-par 69",
//! "nine under par", "rounds of 71 and 68", "a par-71 course"), race names and results
//! (a standard distance after "the women's", a possessive, or "the" in a sentence about a
//! race: "the men's 200 metres", "his 1,500 metres title"; a time in hundredths or seconds
//! after "in", "ran" or "clocked" with a win or a placing: "third in 20.31", "clocked 10.08
//! seconds to win"; "the river rose 3 metres" and "400 metres of road" stay figures), what
//! is left of a season ("with three games remaining", "two races left"), vote tallies ("passed 52 to 48", "by 312 votes to 254"), rankings ("world No.
//! 9") and league standings (a table row "Ashby Rovers – 62 points", "third in the
//! Northern Division with 58 points", "12 1/2 games behind", win-loss records "31-12-4"),
//! ordinals, numbers written with a slash ("9/11", "24/7", "HC/CV/2211/2024"), numbers in
//! names ("Route 46A", "Apollo 11", "the iPhone 15", "COVID-19", "F-150", "move 43",
//! "Boeing 737-8 and 737-10" — a number coordinated with a label of the same stem is one
//! too), compound modifiers ("a 24-bed ward", "a 10-year term"), narrative durations ("for
//! two weeks", "in 40 years", "jailed for 11 months"; a duration is a figure when it is a
//! statistic: "a median of 14.2 weeks", "waits have grown to 14 months", "waiting lists of
//! 40 weeks"), and headings. A player's season totals stay figures ("leads the league
//! with 44 goals", "leads the NHL with 41 goals"), and so do points that name no table
//! ("12 points ahead of the Greens"). A
//! capitalised word before a number makes it part of a name unless the word is a function
//! word or an adverb opening the sentence: "Then 300 cars burned" and "Reportedly 300
//! people died" state figures (a hedge with no agent is not a source).
//!
//! Quotations: a figure inside a direct quotation is the speaker's, so it is attributed
//! when the quote is: when its paragraph names the speaker outside the quote marks, which
//! covers the later sentences of a quote attributed on its first, and when the quote
//! continues one left open at the end of the previous paragraph. A block quote is
//! attributed by the paragraph that introduces it ("… wrote in her reasons:"), and a list
//! by an attributed lead-in ending in a colon ("Results, as published by the organizers:").
//!
//! ## Fix
//! Insert ", according to [source]" before the sentence's final punctuation: before a
//! period, an ellipsis or "?!", inside closing emphasis or brackets (`(… 300 cars, according
//! to [source].)`), before the period of a footnote mark (`300 cars, according to
//! [source].[^1]`), and after a closing quote or bracket that the punctuation follows (`“300
//! cars”, according to [source].`). A period inside a closing quote becomes a comma, with
//! the placeholder after the quote (`"300 cars," according to [source].`); a sentence
//! ending in an abbreviation keeps its period (`the U.S., according to [source].`). Unsafe:
//! it leaves a placeholder for the writer to fill, so `--fix` applies it only with
//! `--unsafe-fixes`. No fix is offered when the sentence ends in a question or an
//! exclamation inside a quotation.
//!
//! ## Configuration
//! - `[rules] unattributed-figure = "warning"`
//! - `[attribution] verbs = ["briefed", "posted"]`: more verbs that attribute.

use std::ops::Range;

use super::{Ctx, DraftContext, FixAvailability, Rule};
use crate::config::Config;
use crate::finding::{Applicability, Finding, Fix};
use crate::text::attribution::find_attribution;
use crate::text::figures::{Figure, figures_in};
use crate::text::{BlockKind, TokenKind, one_line, segment};

const RULE: &str = "unattributed-figure";

/// Where a figure's source is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceCue {
    /// A cue in the figure's own sentence ("police said"), by its byte span.
    Sentence(Range<usize>),
    /// The attributed lead-in paragraph of the figure's list ("as published by the
    /// organizers:"), and the cue in it.
    ListLeadIn { block: usize, cue: Range<usize> },
    /// The attributed direct quotation the figure sits in, as an index into the draft's
    /// quotations.
    Quotation(usize),
}

/// A figure of a draft's prose and where its source is named, if anywhere.
#[derive(Debug, Clone)]
pub struct SourcedFigure {
    pub block: usize,
    pub sentence: usize,
    pub figure: Figure,
    pub source: Option<SourceCue>,
}

/// Every figure in a draft's prose (headings are not prose) with its source: the decision
/// this rule makes, shared with the story style sheet. A sentence's own cue comes first,
/// then a list's lead-in, then the quotation the figure sits in.
pub fn sourced_figures(draft: &DraftContext<'_>, config: &Config) -> Vec<SourcedFigure> {
    let parsed = &draft.parsed;
    let verbs = &config.attribution_verbs;
    let quotations = draft.quotations(config);
    let mut out = Vec::new();
    let mut lead_in: Option<(usize, Range<usize>)> = None;
    for (block_index, block) in parsed.blocks.iter().enumerate() {
        match block.kind {
            BlockKind::ListItem => {}
            BlockKind::Paragraph | BlockKind::BlockQuote => lead_in = None,
            BlockKind::Heading | BlockKind::Separator => {
                lead_in = None;
                continue;
            }
        }
        for sentence_index in block.sentences.clone() {
            let sentence = &parsed.sentences[sentence_index];
            // Figures first: most sentences have none, and finding one is cheaper than
            // looking for a source.
            let figures = figures_in(parsed, sentence.tokens.clone());
            if figures.is_empty() {
                continue;
            }
            let sentence_cue = find_attribution(parsed, sentence.tokens.clone(), verbs, &|_| false);
            for figure in figures {
                let source = if let Some(cue) = &sentence_cue {
                    Some(SourceCue::Sentence(cue.clone()))
                } else if let (BlockKind::ListItem, Some((lead_block, cue))) = (block.kind, &lead_in) {
                    Some(SourceCue::ListLeadIn {
                        block: *lead_block,
                        cue: cue.clone(),
                    })
                } else {
                    // Quotations are in token order and do not overlap: the one that can
                    // hold the figure is the first that ends after it.
                    let candidate = quotations.partition_point(|q| q.tokens.end <= figure.token);
                    quotations
                        .get(candidate)
                        .filter(|q| q.attributed && q.tokens.contains(&figure.token))
                        .map(|_| SourceCue::Quotation(candidate))
                };
                out.push(SourcedFigure {
                    block: block_index,
                    sentence: sentence_index,
                    figure,
                    source,
                });
            }
        }
        if block.kind == BlockKind::Paragraph {
            let text = parsed.copy[block.span.clone()].trim_end();
            lead_in = if text.ends_with(':') {
                find_attribution(parsed, block.tokens.clone(), verbs, &|_| false)
                    .map(|cue| (block_index, cue))
            } else {
                None
            };
        }
    }
    out
}

/// The `unattributed-figure` rule.
pub struct UnattributedFigure;

impl Rule for UnattributedFigure {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A statistic stated as fact with no source in its sentence."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Sometimes
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Vec<Finding>) {
        let draft = &ctx.drafts[draft_index];
        let parsed = &draft.parsed;
        let mut last_sentence = None;
        for sourced in sourced_figures(draft, ctx.config) {
            // One finding per sentence, on its first unattributed figure.
            if sourced.source.is_some() || last_sentence == Some(sourced.sentence) {
                continue;
            }
            last_sentence = Some(sourced.sentence);
            let figure = &sourced.figure;
            let sentence = &parsed.sentences[sourced.sentence];
            let text = one_line(&parsed.source[figure.span.clone()]);
            let message =
                format!("‘{text}’ is stated as fact with no source in its sentence: say who says so.");
            let mut finding = Finding::new(RULE, draft_index, figure.span.clone(), message);
            if let Some((span, new_text)) = attribution_edit(parsed, sentence.tokens.clone()) {
                finding = finding.with_fix(Fix::replace(
                    "Add “, according to [source]”",
                    draft_index,
                    span,
                    new_text,
                    Applicability::Unsafe,
                ));
            }
            out.push(finding);
        }
    }
}

const PLACEHOLDER: &str = ", according to [source]";

/// Where ", according to [source]" goes and what it replaces: the span to replace and the
/// new text. The placeholder goes before the sentence's final punctuation, however it is
/// dressed: before an ellipsis ("… 300 cars…"), before the period of `cars.[^1]` (a
/// footnote mark stays where it was), inside a closing emphasis or bracket ("(… cars.)"),
/// and after a closing quote or bracket that the final punctuation follows ("“300
/// cars”.", "(300 cars)."). A sentence ending in a period inside a closing quote (American
/// style) gets a comma there and the placeholder after the quote: `… "300 cars," according
/// to [source].` An abbreviation's period doubles as the sentence's (`… in the U.S.`), so it
/// stays and the placeholder brings its own. No fix is offered when the sentence ends in a
/// question or an exclamation inside a quotation.
fn attribution_edit(
    parsed: &crate::text::ParsedDraft<'_>,
    tokens: Range<usize>,
) -> Option<(Range<usize>, String)> {
    let text = |index: usize| parsed.token_text(index);
    let glued = |a: usize, b: usize| parsed.tokens[a].end == parsed.tokens[b].start;
    let is_terminal = |index: usize| {
        parsed.tokens[index].kind == TokenKind::Punct && matches!(text(index), "." | "!" | "?" | "…")
    };
    let is_quote = |index: usize| matches!(text(index), "\"" | "”" | "’" | "'" | "»");
    let insert = |at: usize| Some((at..at, PLACEHOLDER.to_string()));

    let mut end = tokens.end;
    if end <= tokens.start {
        return None;
    }
    // Footnote marks and closing emphasis or brackets after the final punctuation: the
    // placeholder goes inside them.
    loop {
        let last = end - 1;
        if last <= tokens.start {
            break;
        }
        let footnote = (text(last) == "]")
            .then(|| (tokens.start..last).rev().take(8).find(|&open| text(open) == "["))
            .flatten()
            .filter(|&open| {
                open > tokens.start
                    && segment::footnote_reference(&parsed.copy, &parsed.tokens, open, end) == Some(last)
            });
        if let Some(open) = footnote {
            end = open;
            continue;
        }
        let closer = matches!(text(last), ")" | "]" | "*" | "_") && glued(last - 1, last);
        if closer && (is_terminal(last - 1) || matches!(text(last - 1), ")" | "]" | "*" | "_")) {
            end = last;
            continue;
        }
        break;
    }
    let last = end - 1;
    let last_token = parsed.tokens[last];
    if last_token.kind == TokenKind::Abbrev {
        // "… in the U.S." → "… in the U.S., according to [source]."
        return Some((last_token.end..last_token.end, format!("{PLACEHOLDER}.")));
    }
    if is_quote(last) && last > tokens.start && is_terminal(last - 1) && glued(last - 1, last) {
        // `… "300 cars."` → `… "300 cars," according to [source].`
        if text(last - 1) != "." || (last - 1 > tokens.start && is_terminal(last - 2)) {
            return None;
        }
        let period = parsed.tokens[last - 1];
        return Some((
            period.start..last_token.end,
            format!(",{} according to [source].", text(last)),
        ));
    }
    if is_terminal(last) {
        // The whole run of final marks: "?!", "…", ". . .".
        let mut first = last;
        while first > tokens.start && is_terminal(first - 1) {
            first -= 1;
        }
        if first == tokens.start {
            return None;
        }
        let before = first - 1;
        // "Acme Inc." ends with the abbreviation's own period.
        if first == last
            && text(last) == "."
            && glued(before, last)
            && parsed.tokens[before].kind == TokenKind::Word
            && segment::is_abbreviation_word(text(before))
        {
            return Some((last_token.end..last_token.end, format!("{PLACEHOLDER}.")));
        }
        return insert(parsed.tokens[before].end);
    }
    if matches!(text(last), ":" | ";" | ",") {
        return insert(last_token.start);
    }
    insert(last_token.end)
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fixture, findings_for};

    #[test]
    fn flags_the_first_unattributed_figure_of_a_sentence() {
        assert_fixture(
            "unattributed-figure",
            "Strike headline

The dispute affects about 2,300 drivers and 40 depots.
                          ^^^^^^^^^^^^^ unattributed-figure

Ridership fell 18% in the first hour, the operator said.

Forty-one houses were evacuated overnight.
^^^^^^^^^^^^^^^^ unattributed-figure

Around 120 hostages are still believed to be held.
       ^^^^^^^^^^^^ unattributed-figure

The company lost an estimated €1.1 million on Monday.
                              ^^^^^^^^^^^^ unattributed-figure

Police said about 12,000 people took part. Organizers put the number at 40,000.
",
        );
    }

    #[test]
    fn quotes_attributed_on_their_first_sentence_cover_the_rest() {
        assert_fixture(
            "unattributed-figure",
            "Hospital headline

“We have the surgeons,” Al-Mansouri said. “What we lack is beds. Four in ten are blocked.

“On Tuesday we had 96 patients in beds who did not need them.”

Declan O'Rourke, 58, said at 10 a.m. on Dec. 4 in 2019 that Route 46A ran.

The clinic at 12 Tân Mai Street opened a 24-bed ward for the seven-month war.
",
        );
    }

    #[test]
    fn lists_and_block_quotes_inherit_their_lead_in() {
        assert_fixture(
            "unattributed-figure",
            "Results headline

Results from Round 8, as published by the organizers:

- Kertész beat 40 players
- Liu drew 12 games

The judge wrote in her reasons:

> He took 187 savings accounts worth C$14.3 million.

The proposals include:

- A charge of £40 a year
              ^^^ unattributed-figure
",
        );
    }

    #[test]
    fn sentence_opening_adverbs_and_hedges_do_not_hide_figures() {
        assert_fixture(
            "unattributed-figure",
            "Fire headline

Then 300 cars burned.
     ^^^^^^^^ unattributed-figure

Later 300 cars burned.
      ^^^^^^^^ unattributed-figure

Overall 300 cars burned.
        ^^^^^^^^ unattributed-figure

Reportedly 300 people died.
           ^^^^^^^^^^ unattributed-figure

Allegedly 300 people died.
          ^^^^^^^^^^ unattributed-figure

Officially 300 people died.
           ^^^^^^^^^^ unattributed-figure

Route 66 and Apollo 11 and Flight 370 left from Gate 4 on Highway 401.

Boeing 737 jets left under Section 144.

Turnout was 58 on Monday.
            ^^ unattributed-figure
",
        );
    }

    #[test]
    fn a_source_does_not_reach_past_an_abbreviation_that_ends_its_sentence() {
        assert_fixture(
            "unattributed-figure",
            "Fire headline

Police said it happened at 5 p.m. Firefighters recovered 40 bodies.
                                                         ^^^^^^^^^ unattributed-figure

Officials said the fire was the worst in the U.S. Another 40 homes burned.
                                                          ^^^^^^^^ unattributed-figure

U.S. Sen. John Smith said the U.S. Navy lost 40 ships at 5 p.m. Eastern.

The buyer said it paid Acme Inc. Chairman John Smith $40 million.
",
        );
    }

    #[test]
    fn ages_slashes_products_and_tallies_are_not_figures() {
        assert_fixture(
            "unattributed-figure",
            "Fire headline

She turned 40 last year. He was 12 when he left. Smith, who is 62, was hurt.

A man aged 40 was hurt. The 9/11 attacks changed travel. The iPhone 15 sold well.

The bill passed 52 to 48. The council voted 7-2 to approve it.

He was 40 points clear.
       ^^^^^^^^^ unattributed-figure
",
        );
    }

    #[test]
    fn standings_scores_and_ages_in_sports_copy_are_not_figures() {
        assert_fixture(
            "unattributed-figure",
            "Hockey headline

The Otters led 2-1 after two periods and beat the Gulls 4-2 on Friday.

The win lifts the Otters to third in the Northern Division with 58 points, four behind leaders Ashby.

Standings after week 30:

- Ashby Rovers – 62 points
- Otters – 58 points

Mensah, who signed with the Otters out of an Accra academy at 16, wears No. 9.

The Otters are 12 1/2 games ahead of the Gulls.

Mensah leads the league with 44 goals and is shooting .181.
                             ^^^^^^^^ unattributed-figure

The arena holds 9,200 seated fans.
                ^^^^^^^^^^^^^^^^^ unattributed-figure

Labour is 12 points ahead of the Greens.
          ^^^^^^^^^ unattributed-figure
",
        );
    }

    #[test]
    fn golf_athletics_schedules_and_plural_ages_are_not_figures() {
        assert_fixture(
            "unattributed-figure",
            "Sports roundup

Okonjo shot a three-under-par 69 on Sunday to win by two shots.

She finished on nine under par after rounds of 71, 68, 70 and 70 on a par-71 course.

Adeyemi won the men's 200 metres in 20.12, and Lindqvist was third in 20.31.

Rovers lead the standings on 212 points with three races remaining.

The brothers, both 19, live in the 2300 block of Lindell Boulevard.

The lake is 100 metres deep.
            ^^^^^^^^^^ unattributed-figure

Bread now costs Sh120 a loaf.
                ^^^^^ unattributed-figure

The road surface reached 47C at noon.
                         ^^^ unattributed-figure

Waits for hip operations have grown to 14 months.
                                       ^^^^^^^^^ unattributed-figure

He was jailed for 11 months.
",
        );
    }

    #[test]
    fn years_codes_models_and_parenthetical_sources() {
        assert_fixture(
            "unattributed-figure",
            "Court headline

The case, numbered HC/CV/2211/2024, was adjourned before the 2027 general elections.

The plant builds Airbus A350-900 and A350-1000 wing panels.

Revenue rose to €2.1 billion in the third quarter (company filing).

Revenue rose to €2.1 billion in the third quarter (a record).
                ^^^^^^^^^^^^ unattributed-figure

The district has about 48,000 registered voters.
                       ^^^^^^^^^^^^^^^^^^^^^^^^ unattributed-figure

About 2026 voters turned out.
      ^^^^^^^^^^^ unattributed-figure
",
        );
    }

    fn fixed(sentence: &str) -> Option<String> {
        let source = format!("Headline\n\nIntro sentence here.\n\n{sentence}\n");
        let findings = findings_for("unattributed-figure", &source);
        assert_eq!(findings.len(), 1, "{sentence}");
        let fix = findings[0].fixes.first()?;
        let mut text = source.clone();
        for edit in fix.edits.iter().rev() {
            text.replace_range(edit.span.clone(), &edit.new_text);
        }
        Some(text.lines().nth(4).unwrap_or_default().to_string())
    }

    #[test]
    fn fix_goes_before_the_final_punctuation_however_it_is_dressed() {
        for (before, after) in [
            (
                "The blaze destroyed 300 cars…",
                "The blaze destroyed 300 cars, according to [source]…",
            ),
            ("…300 cars…", "…300 cars, according to [source]…"),
            (
                "The blaze destroyed 300 cars...",
                "The blaze destroyed 300 cars, according to [source]...",
            ),
            (
                "The blaze destroyed 300 cars …",
                "The blaze destroyed 300 cars, according to [source] …",
            ),
            (
                "The blaze destroyed 300 cars?!",
                "The blaze destroyed 300 cars, according to [source]?!",
            ),
            (
                "The blaze destroyed 300 cars.[^1]",
                "The blaze destroyed 300 cars, according to [source].[^1]",
            ),
            (
                "The blaze destroyed 300 cars.[^1] It rained.",
                "The blaze destroyed 300 cars, according to [source].[^1] It rained.",
            ),
            (
                "The blaze destroyed 300 cars[^1].",
                "The blaze destroyed 300 cars[^1], according to [source].",
            ),
            (
                "The blaze destroyed “300 cars”.",
                "The blaze destroyed “300 cars”, according to [source].",
            ),
            (
                "The blaze destroyed (300 cars).",
                "The blaze destroyed (300 cars), according to [source].",
            ),
            (
                "(The blaze destroyed 300 cars.)",
                "(The blaze destroyed 300 cars, according to [source].)",
            ),
            (
                "*The blaze destroyed 300 cars.*",
                "*The blaze destroyed 300 cars, according to [source].*",
            ),
            (
                "He called it \"300 cars.\"",
                "He called it \"300 cars,\" according to [source].",
            ),
            (
                "He called it “300 cars.”",
                "He called it “300 cars,” according to [source].",
            ),
            (
                "The blaze destroyed 300 cars in the U.S.",
                "The blaze destroyed 300 cars in the U.S., according to [source].",
            ),
            (
                "The blaze destroyed 300 cars at Acme Inc.",
                "The blaze destroyed 300 cars at Acme Inc., according to [source].",
            ),
            (
                "The blaze destroyed 300 cars",
                "The blaze destroyed 300 cars, according to [source]",
            ),
        ] {
            assert_eq!(fixed(before).as_deref(), Some(after), "{before}");
        }
        // A question inside a quotation has no place for the source.
        assert_eq!(fixed("He asked about “300 cars?”"), None);
    }

    #[test]
    fn one_very_long_sentence_is_checked_whole() {
        // 20,000 figures in one sentence: every per-figure step must be cheap, or this
        // takes minutes.
        let clause = "The blaze destroyed 300 cars and ";
        let repeats = 20_000;
        let draft = format!("Headline\n\n{}more.\n", clause.repeat(repeats));
        let findings = findings_for("unattributed-figure", &draft);
        assert_eq!(findings.len(), 1);
        let first = draft.find("300 cars").unwrap();
        assert_eq!(findings[0].span, first..first + "300 cars".len());

        let attributed = format!("Headline\n\n{}more, police said.\n", clause.repeat(repeats));
        assert!(findings_for("unattributed-figure", &attributed).is_empty());

        let quoted = format!(
            "Headline\n\n“{}more,” the chief said. {}more.\n",
            clause.repeat(repeats / 2),
            clause.repeat(repeats / 2)
        );
        let findings = findings_for("unattributed-figure", &quoted);
        assert_eq!(findings.len(), 1);
        let outside = quoted.find("said. The blaze").unwrap() + "said. The blaze destroyed ".len();
        assert_eq!(findings[0].span, outside..outside + "300 cars".len());
    }

    #[test]
    fn fix_inserts_a_source_placeholder() {
        let findings = findings_for("unattributed-figure", "Headline\n\nTurnout was 58.3%.\n");
        assert_eq!(findings.len(), 1);
        let fix = &findings[0].fixes[0];
        assert_eq!(fix.applicability, crate::finding::Applicability::Unsafe);
        let source = "Headline\n\nTurnout was 58.3%.\n";
        let edit = &fix.edits[0];
        let mut fixed = source.to_string();
        fixed.replace_range(edit.span.clone(), &edit.new_text);
        assert_eq!(fixed, "Headline\n\nTurnout was 58.3%, according to [source].\n");
    }
}
