//! # dateline
//!
//! ## What it flags
//! A dateline that is not in the house form, `CITY, Region — ` (or `CITY (AP) — ` with a
//! wire credit): the place in ordinary case instead of capitals ("Dublin, Ireland —"), a
//! region in capitals ("DUBLIN, IRELAND —"), a missing comma between place and region
//! ("DUBLIN Ireland —"), a hyphen, en dash, double hyphen or colon instead of an em dash
//! ("DUBLIN, Ireland - …"), an em dash without a space on each side
//! ("DUBLIN, Ireland—Bus …"), and a date in the dateline ("DUBLIN, 18 September —",
//! "LONDON, May 28 (Reuters) -"): AP datelines carry no date, the day goes in the story.
//!
//! ## Why it matters
//! The dateline is the first thing in the story and the most formulaic; a slip there is
//! the first thing an editor sees. A consistent form also lets systems downstream find
//! and strip the dateline reliably.
//!
//! ## Example
//! ```text
//! Dublin, Ireland - Bus and tram services came to a near standstill on Monday.
//! ```
//! Use instead: `DUBLIN, Ireland — Bus and tram services came to a near standstill on Monday.`
//!
//! The dateline is looked for at the start of the first paragraph of copy, after the
//! headline, deck and byline. A place in capitals followed by a separator is a dateline
//! in any form; a place in ordinary case only in the dateline's shape (a region after a
//! comma and then a dash, or a wire credit), so an ordinary first sentence is never taken
//! for one. Abbreviated regions in the AP manner ("N.Y.", "Calif.", "Ont.") are correct.
//! A date is recognised month first ("May 28") or day first ("18 September 2025"). A
//! kicker or label at the start of the paragraph ("BREAKING:", "UPDATE —", "EXCLUSIVE:",
//! or any ordinary word in capitals before a colon) is not a place, and is left alone; nor
//! is a letter's salutation in an advice column ("DEAR ABBY:", "Dear Annie —"). A story
//! with no dateline is not flagged.
//!
//! This rule is part of the AP preset: it runs with `style = "ap"`, or when switched on
//! in `[rules]`.
//!
//! ## Fix
//! Rewrite the dateline in the house form: the place in capitals, the region in ordinary
//! case after a comma, an em dash with a space on each side. Safe. Dropping a date is
//! unsafe, because the copy may not say when; a dateline with a date and other problems
//! gets a safe fix that keeps the date first, and the unsafe fix that drops it second.
//!
//! ## Configuration
//! - `style = "ap"` turns it on; `[rules] dateline = "warning"` turns it on under any
//!   style (or `off` under AP).

use super::{Ctx, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix};
use crate::text::dateline::{Dateline, find_dateline};

const RULE: &str = "dateline";

/// Small words that stay lower case in a region's name ("Isle of Man").
fn is_small_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "and" | "the" | "de" | "del" | "da" | "do" | "la" | "le" | "y" | "on" | "upon"
    )
}

/// "CZECH REPUBLIC" → "Czech Republic"; a region not in capitals is kept as written.
fn region_case(region: &str) -> String {
    let letters = region.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = !region.chars().any(char::is_lowercase);
    // "N.Y.", "D.C.": an abbreviation with periods stays as it is; so does "UK".
    if !capitals || letters <= 2 || region.contains('.') {
        return region.to_string();
    }
    region
        .split(' ')
        .enumerate()
        .map(|(index, word)| {
            let lower = word.to_lowercase();
            if index > 0 && is_small_word(&lower) {
                return lower;
            }
            // Title case each hyphenated part: "GUINEA-BISSAU" → "Guinea-Bissau".
            lower
                .split('-')
                .map(|part| {
                    let mut chars = part.chars();
                    match chars.next() {
                        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What is wrong with a dateline, and its house form; with `keep_date`, the house form
/// keeps the dateline's date (the date itself is one of the problems either way).
fn problems(copy: &str, dateline: &Dateline, keep_date: bool) -> (Vec<&'static str>, String) {
    let mut problems = Vec::new();
    let place = &copy[dateline.place.clone()];
    let house_place = place.to_uppercase();
    if house_place != place {
        problems.push("the place should be in capitals");
    }
    let mut house = house_place;
    if let Some(region) = &dateline.region {
        let written = &copy[region.clone()];
        let house_region = region_case(written);
        if house_region != written {
            problems.push("the region should not be in capitals");
        }
        if !dateline.region_comma {
            problems.push("a comma should separate the place and the region");
        }
        house.push_str(", ");
        house.push_str(&house_region);
    }
    if let Some(date) = &dateline.date {
        problems.push("an AP dateline carries no date (the day belongs in the story)");
        if keep_date {
            house.push_str(", ");
            house.push_str(&copy[date.clone()]);
        }
    }
    if let Some(credit) = &dateline.credit {
        house.push(' ');
        house.push_str(&copy[credit.clone()]);
    }
    let separator = &copy[dateline.separator.clone()];
    if separator != "—" {
        problems.push("the separator should be an em dash (—)");
    } else if !dateline.space_before_separator || !dateline.space_after_separator {
        problems.push("the em dash should have a space on each side");
    }
    house.push_str(" — ");
    (problems, house)
}

/// The `dateline` rule.
pub struct DatelineRule;

impl Rule for DatelineRule {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A dateline not in the house form (CITY, Region —)."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Sometimes
    }

    fn ap_only(&self) -> bool {
        true
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        let draft = &ctx.drafts[draft_index];
        let parsed = &draft.parsed;
        let Some(dateline) = find_dateline(parsed) else {
            return;
        };
        let (problems, house) = problems(&parsed.copy, &dateline, false);
        if problems.is_empty() {
            return;
        }
        let written = crate::text::one_line(&parsed.copy[dateline.span.clone()]);
        let span = dateline.place.start..dateline.separator.end;
        let mut finding = Finding::new(
            RULE,
            draft_index,
            span,
            format!(
                "The dateline ‘{}’ is not in the house form ‘{}’: {}.",
                written.trim_end(),
                house.trim_end(),
                problems.join("; ")
            ),
        );
        // Emphasis marks inside the dateline would be lost or unbalanced by a rewrite.
        if dateline.emphasis {
            out.push(finding);
            return;
        }
        // Dropping a date is unsafe: the copy may not say when. When there is more to
        // put right, a safe fix first does the rest and keeps the date.
        if dateline.date.is_some() {
            let (_, kept) = self::problems(&parsed.copy, &dateline, true);
            if problems.len() > 1 {
                finding = finding.with_fix(Fix::replace(
                    format!("Write ‘{}’", kept.trim_end()),
                    draft_index,
                    dateline.span.clone(),
                    kept,
                    Applicability::Safe,
                ));
            }
        }
        let applicability = if dateline.date.is_some() {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        out.push(finding.with_fix(Fix::replace(
            format!("Write ‘{}’", house.trim_end()),
            draft_index,
            dateline.span.clone(),
            house,
            applicability,
        )));
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Applicability;
    use crate::testing::{apply_safe_fixes, assert_fixture, findings_for};

    #[test]
    fn flags_datelines_not_in_the_house_form() {
        assert_fixture(
            "dateline",
            "Strike headline

Dublin, Ireland - Bus and tram services came to a near standstill on Monday.
^^^^^^^^^^^^^^^^^ dateline
",
        );
        assert_fixture(
            "dateline",
            "# Fire headline

By Staff Reporter

JESENÍK, CZECH REPUBLIC—A forest fire spread overnight toward two villages.
^^^^^^^^^^^^^^^^^^^^^^^^ dateline
",
        );
    }

    #[test]
    fn house_form_wire_credits_and_ordinary_sentences_are_not_flagged() {
        assert_fixture(
            "dateline",
            "Headline\n\nDUBLIN, Ireland — Bus services stopped.\n",
        );
        assert_fixture("dateline", "Headline\n\nNEW YORK (AP) — Stocks fell on Monday.\n");
        assert_fixture("dateline", "Headline\n\nALBANY, N.Y. — The bill passed.\n");
        assert_fixture(
            "dateline",
            "Headline\n\nPolice — and firefighters — came at once.\n",
        );
        assert_fixture(
            "dateline",
            "Headline\n\nThe union said on Monday that talks had failed.\n",
        );
    }

    #[test]
    fn fix_rewrites_the_dateline() {
        assert_eq!(
            apply_safe_fixes(
                "Headline\n\nDublin, Ireland - Bus services stopped.\n",
                "dateline"
            ),
            "Headline\n\nDUBLIN, Ireland — Bus services stopped.\n"
        );
        assert_eq!(
            apply_safe_fixes("Headline\n\nJESENÍK Czech Republic--A fire spread.\n", "dateline"),
            "Headline\n\nJESENÍK, Czech Republic — A fire spread.\n"
        );
        assert_eq!(
            apply_safe_fixes("Headline\n\nTORONTO (AP) -- Stocks fell.\n", "dateline"),
            "Headline\n\nTORONTO (AP) — Stocks fell.\n"
        );
        // The date stays under safe fixes: only the writer can drop it.
        assert_eq!(
            apply_safe_fixes("Headline\n\nLONDON, May 28 (Reuters) - Oil rose.\n", "dateline"),
            "Headline\n\nLONDON, May 28 (Reuters) — Oil rose.\n"
        );
    }

    #[test]
    fn dates_are_flagged_and_dropped_only_by_an_unsafe_fix() {
        assert_fixture(
            "dateline",
            "Fine headline

DUBLIN, 18 September — Ireland's regulator said on Thursday it had fined the firm.
^^^^^^^^^^^^^^^^^^^^^^ dateline
",
        );
        let findings = findings_for(
            "dateline",
            "Headline\n\nDUBLIN, 18 September — The regulator said.\n",
        );
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("carries no date"),
            "{}",
            findings[0].message
        );
        assert_eq!(findings[0].fixes.len(), 1);
        assert_eq!(findings[0].fixes[0].applicability, Applicability::Unsafe);
        assert_eq!(findings[0].fixes[0].edits[0].new_text, "DUBLIN — ");
        assert_eq!(
            apply_safe_fixes(
                "Headline\n\nDUBLIN, 18 September — The regulator said.\n",
                "dateline"
            ),
            "Headline\n\nDUBLIN, 18 September — The regulator said.\n"
        );
        // With more to put right, the safe fix keeps the date and the unsafe one drops it.
        let findings = findings_for("dateline", "Headline\n\nLondon, May 28 (Reuters) - Oil rose.\n");
        let texts: Vec<(&str, Applicability)> = findings[0]
            .fixes
            .iter()
            .map(|f| (f.edits[0].new_text.as_str(), f.applicability))
            .collect();
        assert_eq!(
            texts,
            [
                ("LONDON, May 28 (Reuters) — ", Applicability::Safe),
                ("LONDON (Reuters) — ", Applicability::Unsafe)
            ]
        );
    }

    #[test]
    fn kickers_are_not_datelines() {
        for text in [
            "Headline\n\nBREAKING: Bus and tram services stopped on Monday.\n",
            "Headline\n\nUPDATE — The ministry responded on Monday.\n",
            "Headline\n\nEXCLUSIVE: The minister kept a second account.\n",
        ] {
            assert!(findings_for("dateline", text).is_empty(), "{text}");
            assert_eq!(apply_safe_fixes(text, "dateline"), text);
        }
    }
}
