//! # unattributed-figure
//!
//! ## What it flags
//! A statistic stated as fact with no source: a count of people or things ("2,300
//! drivers", "Forty-one houses", "dozens of"), an amount of money, a percentage, a rate, a
//! proportion ("four in ten") or a measurement, when no source stands for it. One
//! diagnostic per sentence, on its first such figure.
//!
//! It is a **warning** when the figure is plainly a claim a copy desk always queries (a
//! figure hedged with no one named, "are believed to", "an estimated", unless the hedge sits in a clause set off by
//! commas that does not hold the figure; a count of people
//! killed, hurt, evacuated, arrested or laid off; the size of a crowd; a rate or a share;
//! what something cost,
//! was spent or is owed; an average, a median, a rate over time) and no source is named in
//! the paragraph before or after it either. Every other unsourced figure is a **hint**: on
//! edited copy most are sourced nearby or are background, so the rule says so quietly. A
//! figure about the future ("will employ 2,800 people") is a hint when no paragraph near
//! it names a source and is not reported when one does: a plan's or a deal's figure beside
//! its source was never a missing attribution on published copy.
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
//! How it decides (`copydesk debug figures FILE` shows the decision for every number):
//!
//! - **What is a figure** (`src/text/figures/`): dates, times, ages, addresses, years,
//!   scores and the parts of a game, rankings and standings, vote tallies, ordinals,
//!   numbers with a slash, phone numbers and codes, numbers in names ("Route 46A", "the
//!   iPhone 15"), compound modifiers ("a 24-bed ward"), narrative durations ("for two
//!   weeks") and small bare numbers are not figures; each class is one file of
//!   `exclusions/`.
//! - **Where a source can stand** (`context/scope.rs`): the figure's sentence ("police
//!   said", "according to", "data from", "put the number at", a passive with its agent,
//!   "(Eurostat)"); the lead-in of its list; the attributed quotation it sits in; an
//!   earlier sentence of its paragraph; the next sentence, when it carries the source back
//!   ("The company also said …", "It added"); a document as the sentence's subject ("The
//!   bill sets aside $3 billion"); the study, report, survey, filing or plan the story is
//!   about, named in its lede, for a paragraph that walks through it ("the study",
//!   "researchers", "participants").
//! - **What is not a claim** (`context/genre.rs`, `context/record.rs`): in a story about
//!   products (two or more figures in units of specification: GB, W, kWh, hp, inches), a
//!   price, specification or feature; in a match report, the play the reporter watched (a
//!   season's or a career's figures stay claims); a historical toll (in a paragraph dated long ago or the one after it); a place's population;
//!   a distance that locates ("100 km east of"); a market's close; the record of a court
//!   case (bail, bonds, fines, sentences, counts, pleas); an ownership stake; a number that
//!   names (a list's number, a title, "the top 10", "called 911", "the 777 program"); a
//!   number that points back ("these 11"); how long something lasted or how long ago ("for
//!   less than 10 minutes", "the first time in 25 years"); a line with no final punctuation
//!   amid the copy (a crosshead, a caption, a related headline). A hedged figure stays a
//!   claim in a product or match story.
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
//! ending in an abbreviation keeps its period (`the U.S., according to [source].`). Display-only:
//! it leaves a placeholder for the writer to fill, so the editor offers it (with the
//! placeholder to type over) and `--fix` never applies it, with or without
//! `--unsafe-fixes`. No fix is offered when the sentence ends in a question or an
//! exclamation inside a quotation.
//!
//! ## Configuration
//! - `[rules] unattributed-figure = "warning"`: the level of its warnings; its hints stay
//!   hints (or go with `"off"`).
//! - `[attribution] verbs = ["briefed", "posted"]`: more verbs that attribute.

use std::ops::Range;

use super::{Ctx, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::text::figures::context::{Claim, Decision, Strength, decide};
use crate::text::{TokenKind, one_line, segment};

const RULE: &str = "unattributed-figure";

/// The class of a claim, in a message.
fn claim_words(claim: Claim) -> &'static str {
    match claim {
        Claim::Hedged => "a hedge names no one",
        Claim::PeopleAffected => "a count of people affected",
        Claim::Rate => "a rate or a share",
        Claim::Cost => "what something cost",
        Claim::Forecast => "a forecast",
        Claim::Statistic => "a statistic",
        Claim::Crowd => "the size of a crowd",
    }
}

/// The `unattributed-figure` rule.
pub struct UnattributedFigure;

impl Rule for UnattributedFigure {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A statistic stated as fact with no source standing for it."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Sometimes
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        let draft = &ctx.drafts[draft_index];
        let parsed = &draft.parsed;
        let mut last_sentence = None;
        for decided in decide(draft, ctx.config) {
            // One finding per sentence, on its first unsourced figure.
            let Decision::Unsourced(strength) = decided.decision else {
                continue;
            };
            if last_sentence == Some(decided.sentence) {
                continue;
            }
            let text = one_line(&parsed.source[decided.span.clone()]);
            let message = match strength {
                Strength::Claim(claim) => format!(
                    "‘{text}’ is stated as fact with no source ({}): say who says so.",
                    claim_words(claim)
                ),
                Strength::SourceNearby(_) => format!(
                    "‘{text}’ has no source in its paragraph: if the source named nearby is not its source, say who says so."
                ),
                Strength::Forecast => format!(
                    "‘{text}’ is a figure about the future with no source in its paragraph: if it is a forecast, say whose."
                ),
                Strength::NoClaimClass => {
                    format!("‘{text}’ has no source in its paragraph: if it is a claim, say who says so.")
                }
                // Not reported; a later figure of the sentence may be.
                Strength::QuietForecast => continue,
            };
            last_sentence = Some(decided.sentence);
            let sentence = &parsed.sentences[decided.sentence];
            let mut finding = Finding::new(RULE, draft_index, decided.span.clone(), message);
            if !strength.is_claim() {
                finding.severity = Severity::Hint;
            }
            if let Some((span, new_text)) = attribution_edit(parsed, sentence.tokens.clone()) {
                finding = finding.with_fix(Fix::replace(
                    "Add “, according to [source]”",
                    draft_index,
                    span,
                    new_text,
                    Applicability::DisplayOnly,
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
    fn a_sentence_ends_at_an_abbreviation_that_ends_it() {
        // The figures after "p.m." and "U.S." are in sentences of their own, sourced by the
        // sentence before in their paragraph, not by their own.
        use crate::text::figures::context::tests::decisions;
        let text = "Fire headline

Police said it happened at 5 p.m. Firefighters recovered 40 bodies.

Officials said the fire was the worst in the U.S. Another 40 homes burned.

U.S. Sen. John Smith said the U.S. Navy lost 40 ships at 5 p.m. Eastern.

The buyer said it paid Acme Inc. Chairman John Smith $40 million.
";
        assert_eq!(
            decisions(text),
            vec![
                ("40 bodies", "sourced:paragraph"),
                ("40 homes", "sourced:paragraph"),
                ("40 ships", "sourced:sentence"),
                ("$40 million", "sourced:sentence"),
            ]
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
",
        );
        // Points that name no table, in a story that is no match report, are a figure.
        assert_fixture(
            "unattributed-figure",
            "Poll headline

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
                "- The blaze destroyed 300 cars",
                "- The blaze destroyed 300 cars, according to [source]",
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

        // The quotation is attributed; the paragraph after it is not.
        let quoted = format!(
            "Headline\n\n“{}more,” the chief said.\n\n{}more.\n",
            clause.repeat(repeats / 2),
            clause.repeat(repeats / 2)
        );
        let findings = findings_for("unattributed-figure", &quoted);
        assert_eq!(findings.len(), 1);
        let outside = quoted.find("said.\n\nThe blaze").unwrap() + "said.\n\nThe blaze destroyed ".len();
        assert_eq!(findings[0].span, outside..outside + "300 cars".len());
    }

    #[test]
    fn fix_inserts_a_source_placeholder() {
        let findings = findings_for("unattributed-figure", "Headline\n\nTurnout was 58.3%.\n");
        assert_eq!(findings.len(), 1);
        let fix = &findings[0].fixes[0];
        // The writer must fill the placeholder: offered in the editor, never applied.
        assert_eq!(fix.applicability, crate::finding::Applicability::DisplayOnly);
        assert!(crate::fix::edits_for_draft(&findings, 0, crate::fix::FixMode::Unsafe).is_empty());
        let source = "Headline\n\nTurnout was 58.3%.\n";
        let edit = &fix.edits[0];
        let mut fixed = source.to_string();
        fixed.replace_range(edit.span.clone(), &edit.new_text);
        assert_eq!(fixed, "Headline\n\nTurnout was 58.3%, according to [source].\n");
    }
}
