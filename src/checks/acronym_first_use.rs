//! # acronym-first-use
//!
//! ## What it flags
//! An acronym or initialism on its first use in a draft when the draft has not spelled it
//! out before. A **warning** where the evidence is strong: the story spells the name out,
//! but only after using the letters ("the NTWU said …" two paragraphs before "the National
//! Transport Workers' Union"), or it uses the letters with "the" as the name of a body or
//! an office and never explains them ("the IG said", "the PBWU's members"). Where the
//! evidence is weak it says nothing unless the house asks for hints (`[acronyms] hints =
//! true`; on 86 published articles, of 15 weak cases 14 were judged false and one debatable):
//! letters the story never explains that may be a name known by its
//! letters (a company, a journal, a station), a specialist's abbreviation that the
//! publication's own readers may know (GPU, EBITDA, PV), a name that one country's readers
//! know by its letters (a national party, central bank or exchange: BJP, RBI, SNP), or a
//! later phrase in ordinary case that may spell them out.
//!
//! ## Why it matters
//! Every unexplained set of capitals is a small wall between the reader and the story.
//! News style spells a name out on first reference and uses the short form after it,
//! unless the short form is better known than the name.
//!
//! ## Example
//! ```text
//! The NTWU said members had rejected the offer. … The National Transport Workers'
//! Union represents 2,300 drivers.
//! ```
//! Use instead: `The National Transport Workers' Union (NTWU) said members had rejected
//! the offer.` and `the NTWU` afterwards.
//!
//! A name counts as the spelling-out when its capitalised words give the acronym's
//! letters in order ("of", "and", "for", "the" and other small words may be skipped;
//! "Anti-Corruption" may give A or AC); a phrase in ordinary case counts too ("private
//! equity" for PE, "frames per second" for FPS), for two letters only in their own
//! paragraph, since two words fit two letters by chance. A name found only in a block set
//! in title case (a subhead, a related link), or two letters that fit inside a longer
//! name, makes a hint, not a warning. Spelled out before the letters, in the
//! same sentence or the next one, or in brackets right after them ("DACA (Deferred Action
//! for Childhood Arrivals)"), the letters are explained; an acronym in brackets after a
//! name, "(WRC)", is its own definition.
//!
//! Not flagged:
//! - abbreviations a general reader knows (FBI, NATO, CNBC, NFL, CEO, GPS, DNA, EP, …: the
//!   list in `data/lexicon/acronyms-general.txt`, from the stylebooks' lists of
//!   abbreviations acceptable on first reference) and the ones in the house list;
//! - capitals that are not an abbreviation: ordinary words in capitals ("NOT"), names in
//!   capitals that a dictionary lists ("TOYOTA", "Dear ABBY"), roman numerals after a name
//!   or a numbered noun ("Louis XV", "phase III"), placeholders ("TK", left to
//!   `placeholder`), one letter repeated as a grade or rating ("AAA titles", "BB bonds");
//! - capitals in their setting: headlines and subheads, a line mostly in capitals (a
//!   dateline, a credit, a label: "PHOTO: JANE DOE/STAFF"), a run of words in capitals,
//!   datelines ("DUBLIN, 18 September —") and their wire or station credit ("TULSA, Okla.
//!   (KTUV) —", which also introduces that acronym for the rest of the story), a credit
//!   line ("Photo: KXAN", "Source: NHTSA"), a pronunciation guide ("Nguyen (pronounced
//!   WIN)"), acronyms inside quotations;
//! - letters that are part of something else: a code or case number ("IMO 9812345",
//!   "FHC/ABJ/03/2018", "NT$18.6 billion"), a picture credit joined by slashes
//!   ("(NASA/JPL)"), a name joined with "&" ("BB&T"), a unit after a
//!   figure ("8.69 GW"), the start of a name ("the FAI Cup"), the end of one ("Galata SK",
//!   "Transport for NSW"), a region after a place ("Vancouver, BC");
//! - an acronym the writer introduces by what it is (a noun for the kind of thing right
//!   before it, "the broadcaster SBN", "the journal BMJ", or a noun for a kind of
//!   organisation right after it, "told ERT television"; an appositive ending in such a
//!   noun, "France's civil aviation authority, the DGAC," or "the DGAC, France's aviation
//!   regulator,"; a definition, "known as NTWU");
//! - a specialist's abbreviation in a story that uses three or more of them without
//!   spelling them out (a story written for the field's readers: "the GPU", "over HDMI",
//!   "the SSD");
//! - a US broadcaster's call letters that the story never spells out (four letters from K
//!   or W: "KXAN", "WXYZ");
//! - plurals and possessives of known acronyms ("NGOs", "NATO's").
//!
//! `copydesk debug acronyms FILE` prints each run of capitals with the class that let it
//! go or the reason it is flagged.
//!
//! ## Fix
//! None: the full name has to come from the writer.
//!
//! ## Configuration
//! - `[rules] acronym-first-use = "warning"`
//! - `[acronyms] known = ["NTWU", "RTÉ"]`: more acronyms your readers know (a trade
//!   publication lists its field's abbreviations here).
//! - `[acronyms] hints = true`: also report the weak cases above, as hints.

mod decide;
mod expansion;
mod introduced;
mod letters;
mod setting;

pub use decide::{Decided, Decision, Flagged, LetGo, decide};

use super::{Ctx, Findings, FixAvailability, Rule};
use crate::finding::{Finding, Severity};

const RULE: &str = "acronym-first-use";

/// The message for a flagged acronym, and the place that spells it out, if any.
fn message(parsed: &crate::text::ParsedDraft<'_>, stem: &str, flag: &Flagged) -> String {
    let spelled = |span: &std::ops::Range<usize>| {
        let line = parsed.line_of(span.start) + 1;
        let name = crate::text::one_line(&parsed.copy[span.clone()]);
        (name, line)
    };
    match flag {
        Flagged::SpelledOutLater(span) => {
            let (name, line) = spelled(span);
            format!(
                "‘{stem}’ is used before it is spelled out ({name}, line {line}): give the full name on first reference."
            )
        }
        Flagged::MaybeSpelledOutLater(span) => {
            let (name, line) = spelled(span);
            format!(
                "‘{stem}’ may be spelled out only later ({name}, line {line}): if so, give the full name on first reference."
            )
        }
        Flagged::UnexplainedInstitution => format!(
            "‘{stem}’ is not spelled out: give the full name on first reference, or add it to `[acronyms] known` if readers know it."
        ),
        Flagged::NationalName => format!(
            "‘{stem}’ is not spelled out before this use: readers in its own country know it by its letters, readers elsewhere may not; give the full name on first reference if your readers are elsewhere (or add it to `[acronyms] known`)."
        ),
        Flagged::SpecialistTerm => format!(
            "‘{stem}’ is a specialist's abbreviation and is not spelled out: give the full name on first reference unless your readers know it (then add it to `[acronyms] known`)."
        ),
        Flagged::Unexplained => format!(
            "‘{stem}’ is not spelled out: give the full name on first reference, unless it is a name readers know by its letters (then add it to `[acronyms] known`)."
        ),
    }
}

/// The `acronym-first-use` rule.
pub struct AcronymFirstUse;

impl Rule for AcronymFirstUse {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "An acronym used before it is spelled out, unless readers know it."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Never
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        let draft = &ctx.drafts[draft_index];
        let parsed = &draft.parsed;
        for decided in decide(draft, ctx.config) {
            let Decision::Flagged(flag) = &decided.decision else {
                continue;
            };
            // The weak cases are hints only when the house asks for them.
            if !flag.is_strong() && !ctx.config.acronym_hints {
                continue;
            }
            let stem = &parsed.copy[decided.span.clone()];
            let mut finding = Finding::new(
                RULE,
                draft_index,
                decided.span.clone(),
                message(parsed, stem, flag),
            );
            if let Flagged::SpelledOutLater(span) | Flagged::MaybeSpelledOutLater(span) = flag {
                finding = finding.with_related(draft_index, span.clone(), "spelled out here");
            }
            if !flag.is_strong() {
                finding.severity = Severity::Hint;
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::testing::{assert_fixture, assert_fixture_with_config, findings_with_config};

    /// The house setting that reports the weak cases as hints.
    const HINTS: &str = "[acronyms]\nhints = true\n";

    /// Each finding's letters and severity, in order, with hints on.
    fn severities(text: &str) -> Vec<(String, Severity)> {
        findings_with_config(text, HINTS, "acronym-first-use")
            .iter()
            .map(|f| (text[f.span.clone()].to_string(), f.severity))
            .collect()
    }

    #[test]
    fn flags_acronyms_before_their_full_names() {
        assert_fixture(
            "acronym-first-use",
            "Strike headline

DUBLIN, Ireland — The NTWU said members had rejected the offer on Monday.
                      ^^^^ acronym-first-use

NTWU, the drivers' union, said it would strike again.

The National Transport Workers' Union represents 2,300 drivers. The NTWU will meet again.

Talks at the WRC broke down. The PBWU President has not said how it will vote.
             ^^^ acronym-first-use
                                 ^^^^ acronym-first-use

The Workplace Relations Commission said it would try again.
",
        );
    }

    #[test]
    fn known_defined_and_look_alike_capitals_are_not_flagged() {
        assert_fixture(
            "acronym-first-use",
            "NATO AND THE EU MEET

BRUSSELS, Belgium — NATO and EU officials met the FBI, the CIA and the U.N. on Monday.

The Lagos State Universities Academic Staff Association (LSUASA) met. LSUASA's chair spoke.

Galata SK signed him. Louis XV owned it. He did NOT agree. The ship, IMO 9812345, sailed.

The cost was TK, and TKTK people came.

Revenue fell to NT$18.6 billion. She moved to Vancouver, BC, in 2020. NGOs and CEOs met.

The broadcaster SBN dropped him from a series. Rovers reached the FAI Cup final.

LUSAKA, Zambia — Power cuts were extended.

“The PBWU will never agree,” she said. The National Anti-Corruption Bureau of Ukraine (NABU) said.
",
        );
    }

    #[test]
    fn acronyms_introduced_by_what_they_are_or_inside_names_are_not_flagged() {
        assert_fixture(
            "acronym-first-use",
            "Strike headline

DUBLIN, 18 September — The strike was called by the pilots' union SNPAM on Monday.

France's civil aviation authority, the DGAC, asked airlines to cut flights. The BVRA, the
national rail regulator, said trains would run.

The route, which Transport for NSW says would take trucks off the road, was approved.

Drivers are represented by the transport workers' union, known as NTWU, which met.

The University of NZEU said nothing. The grid operator ESBN cut power. She told ERTV television.
",
        );
        assert_fixture(
            "acronym-first-use",
            "Fire headline

TULSA, Okla. (KTUV) — A fire tore through two buildings overnight.

“I have been through a tornado,” she told KTUV.
",
        );
    }

    #[test]
    fn look_alike_descriptions_do_not_excuse_an_acronym() {
        assert_fixture_with_config(
            "acronym-first-use",
            "Strike headline

Earlier this week, the NTWU said talks had failed. Talks with PBWU, the company said, had stalled.
                       ^^^^ acronym-first-use
                                                              ^^^^ acronym-first-use

Members of CTWU voted. The President of DTWU spoke. The Ministry of Health and ETWU met.
           ^^^^ acronym-first-use
                                        ^^^^ acronym-first-use
                                                                               ^^^^ acronym-first-use

In a dispute with the airline, the FTWU walked out. The union said GTWU would strike.
                                   ^^^^ acronym-first-use
                                                                   ^^^^ acronym-first-use

Pickets stood outside the HTWU office.
                          ^^^^ acronym-first-use
",
            HINTS,
        );
    }

    #[test]
    fn house_list_extends_the_known_acronyms() {
        let text = "Headline\n\nThe NTWU said members had rejected the offer.\n";
        assert_eq!(findings_with_config(text, "", "acronym-first-use").len(), 1);
        assert!(
            findings_with_config(text, "[acronyms]\nknown = [\"NTWU\"]\n", "acronym-first-use").is_empty()
        );
    }

    #[test]
    fn house_list_keeps_working_for_every_kind_of_finding() {
        let text = "Headline\n\nThe PXWU met. PXWU walked out. The GPU is fast. The NTWU said no.\n\nThe Pan Xian Workers Union represents drivers.\n";
        assert_eq!(findings_with_config(text, HINTS, "acronym-first-use").len(), 3);
        let config = "[acronyms]\nhints = true\nknown = [\"PXWU\", \"GPU\", \"N.T.W.U.\"]\n";
        assert!(findings_with_config(text, config, "acronym-first-use").is_empty());
    }

    #[test]
    fn strong_evidence_warns_and_weak_evidence_hints() {
        // Spelled out only later: a warning. Used as the name of a body and never
        // explained: a warning.
        assert_eq!(
            severities(
                "Headline\n\nThe PXWU met on Monday.\n\nThe Pan Xian Workers Union represents drivers. The IG said the review was over.\n"
            ),
            vec![
                ("PXWU".into(), Severity::Warning),
                ("IG".into(), Severity::Warning)
            ]
        );
        // Never explained, and may be a name known by its letters, or a specialist's
        // abbreviation: hints.
        assert_eq!(
            severities(
                "Headline\n\nShares of QRZ rose. The GPU is fast. It signed with JLX to clean offices.\n"
            ),
            vec![
                ("QRZ".into(), Severity::Hint),
                ("GPU".into(), Severity::Hint),
                ("JLX".into(), Severity::Hint)
            ]
        );
        // A name one country's readers know by its letters: a hint, even when spelled out
        // later or used with "the" as a body's name, where unknown letters warn.
        assert_eq!(
            severities("Headline\n\nThe BJP won.\n\nThe Bharatiya Janata Party leads the alliance.\n"),
            vec![("BJP".into(), Severity::Hint)]
        );
        assert_eq!(
            severities("Headline\n\nThe SNP said the vote was close. The PBWU said it was not.\n"),
            vec![("SNP".into(), Severity::Hint), ("PBWU".into(), Severity::Warning)]
        );
        // A phrase in ordinary case later may be the spelling-out: a hint.
        assert_eq!(
            severities("Headline\n\nThe QRZ rules changed.\n\nThey cover quarterly reporting zones.\n"),
            vec![("QRZ".into(), Severity::Hint)]
        );
    }

    #[test]
    fn weak_cases_are_silent_unless_the_house_asks_for_hints() {
        let text = "Headline\n\nShares of QRZ rose. The GPU is fast. The PBWU said it was not.\n";
        let found: Vec<String> = findings_with_config(text, "", "acronym-first-use")
            .iter()
            .map(|f| text[f.span.clone()].to_string())
            .collect();
        assert_eq!(found, vec!["PBWU"]);
        assert_eq!(findings_with_config(text, HINTS, "acronym-first-use").len(), 3);
    }

    #[test]
    fn the_acronym_classes_do_not_overlap() {
        use crate::text::lexicon::class::{ACRONYMS_GENERAL, ACRONYMS_NATIONAL, ACRONYMS_SPECIALIST};
        // A national name known everywhere belongs in the general list, and one that is
        // also a field's term would be decided by the order of the checks, not by its class.
        for entry in ACRONYMS_NATIONAL.entries() {
            assert!(
                !ACRONYMS_GENERAL.contains(entry),
                "{entry} is in acronyms-general.txt too"
            );
            assert!(
                !ACRONYMS_SPECIALIST.contains(entry),
                "{entry} is in acronyms-specialist.txt too"
            );
        }
    }

    #[test]
    fn a_story_for_specialists_uses_their_abbreviations_freely() {
        assert_eq!(
            severities("Headline\n\nThe GPU is fast and the SSD is large. The HDMI port is gone.\n"),
            vec![]
        );
        assert_eq!(
            severities("Headline\n\nThe GPU is fast and the SSD is large.\n"),
            vec![("GPU".into(), Severity::Hint), ("SSD".into(), Severity::Hint)]
        );
    }

    #[test]
    fn spelled_out_nearby_or_in_brackets_is_explained() {
        assert_fixture(
            "acronym-first-use",
            "Headline

Apple backs DXCA (Deferred Executive Case Action) recipients.

The QRZ met. The Quarterly Reporting Zone board said so.

Shares of private equity firms rose, and PE deals slowed. It ran at 60 frames per second, a high FPS.

The IG, the inspector general, said so.

Caution: the next paragraph spells it out only later.

The QRW met.
    ^^^ acronym-first-use

The Quarterly Reporting Watch said so.
",
        );
    }

    #[test]
    fn datelines_credits_call_letters_guides_and_codes_are_not_flagged() {
        assert_fixture(
            "acronym-first-use",
            "Headline

PHOTO: JANE DOE/STAFF

Photo: KXAN

The fire spread, WXYZ reported. Nguyen (pronounced WIN) spoke.

The suit, FHC/ABJ/03/095/2018, was filed. They played the BB&T Pavilion. It made 8.69 GW.

Investors bought AAA bonds. It was published in the journal BMJ. Louis XV owned it.
",
        );
    }

    #[test]
    fn capitals_that_are_not_roman_numerals_are_still_acronyms() {
        assert_fixture(
            "acronym-first-use",
            "Headline

The MDC won the vote.
    ^^^ acronym-first-use
",
        );
    }
}
