//! What the rule decides about each run of capitals in a draft's prose: the class that lets
//! it go, or why it is flagged and how strongly.

use std::ops::Range;

use super::expansion::{Openers, find_expansions, is_glossed_in_brackets};
use super::introduced::{is_described, is_part_of_name, is_used_as_institution, numbers_what_precedes};
use super::letters::{
    acronym_letters, is_call_letters, is_grade_label, is_name_in_capitals, is_placeholder, is_roman_numeral,
};
use super::setting::{
    is_credit_line, is_dateline_shaped, is_in_run_of_capitals, is_line_in_capitals, is_part_of_code,
    is_pronunciation_guide, is_unit_after_figure,
};
use crate::checks::DraftContext;
use crate::config::EngineSettings;
use crate::text::TokenKind;
use crate::text::dateline::find_dateline;
use crate::text::lexicon::class::{ACRONYMS_GENERAL, ACRONYMS_NATIONAL, ACRONYMS_SPECIALIST};
use crate::text::lexicon::is_common_word;
use crate::text::spans::SpanSet;

/// Why a run of capitals is not flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetGo {
    /// The letters were met before in the draft.
    AlreadyUsed,
    /// A general reader knows them (`acronyms-general.txt`).
    KnownToGeneralReaders,
    /// The house list, `[acronyms] known`.
    HouseList,
    /// An ordinary word in capitals ("NOT").
    OrdinaryWord,
    /// A dictionary name in capitals ("TOYOTA").
    NameInCapitals,
    /// A roman numeral after a name or a numbered noun ("Louis XV", "phase III").
    RomanNumeral,
    Placeholder,
    /// One letter repeated ("AAA", "BB").
    GradeLabel,
    /// The wire or station credit of the dateline ("(KTUV)").
    WireCredit,
    Quotation,
    Dateline,
    /// A line mostly in capitals, or a run of words in capitals.
    Capitals,
    /// A credit line ("Photo: KXAN").
    CreditLine,
    PronunciationGuide,
    /// Part of a code, a case number or a name joined with marks ("IMO 9812345", "BB&T").
    Code,
    /// A unit after a figure ("8.69 GW").
    Unit,
    /// Part of a longer name ("the FAI Cup", "Galata SK").
    NamePart,
    /// The writer says what it is ("the broadcaster SBN").
    Described,
    /// In brackets after its name ("… Commission (WRC)").
    DefinedInBrackets,
    /// Followed by a gloss in brackets ("DACA (Deferred Action …)").
    GlossedInBrackets,
    /// Spelled out before this use.
    SpelledOutBefore,
    /// Spelled out in the same sentence or the next one.
    SpelledOutNearby,
    /// A US broadcaster's call letters ("WXYZ").
    CallLetters,
    /// A specialist's abbreviation in a story written for the field's readers: one that
    /// uses [`SPECIALIST_STORY`] or more of them without spelling them out.
    SpecialistStory,
}

/// How many of a field's abbreviations, none spelled out, make a story one written for the
/// field's readers ("the GPU … over HDMI … the SSD").
pub const SPECIALIST_STORY: usize = 3;

/// Why a run of capitals is flagged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flagged {
    /// A name in capitals later in the story spells the letters out: strong.
    SpelledOutLater(Range<usize>),
    /// Used with "the" as the name of a body and never explained: strong.
    UnexplainedInstitution,
    /// Only a phrase in ordinary case later, a short fit inside a longer name, or a name
    /// in a block set in title case spells the letters: weak.
    MaybeSpelledOutLater(Range<usize>),
    /// A specialist's abbreviation (`acronyms-specialist.txt`), never spelled out: weak.
    SpecialistTerm,
    /// A name that one country's readers know by its letters (`acronyms-national.txt`),
    /// not spelled out before: weak, since the publication's readers may be that
    /// country's.
    NationalName,
    /// Never spelled out, and nothing says what it is; it may be a name known by its
    /// letters: weak.
    Unexplained,
}

impl Flagged {
    /// Strong evidence gives a warning; weak evidence a hint.
    pub fn is_strong(&self) -> bool {
        matches!(
            self,
            Flagged::SpelledOutLater(_) | Flagged::UnexplainedInstitution
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    LetGo(LetGo),
    Flagged(Flagged),
}

impl Decision {
    /// A short description, for `copydesk debug acronyms`.
    pub fn describe(&self) -> String {
        match self {
            Decision::LetGo(class) => format!("let go: {class:?}"),
            Decision::Flagged(flag) => {
                let severity = if flag.is_strong() { "warning" } else { "hint" };
                let reason = match flag {
                    Flagged::SpelledOutLater(_) => "SpelledOutLater",
                    Flagged::UnexplainedInstitution => "UnexplainedInstitution",
                    Flagged::MaybeSpelledOutLater(_) => "MaybeSpelledOutLater",
                    Flagged::SpecialistTerm => "SpecialistTerm",
                    Flagged::NationalName => "NationalName",
                    Flagged::Unexplained => "Unexplained",
                };
                format!("{severity}: {reason}")
            }
        }
    }
}

/// One run of capitals and what the rule decided about it.
#[derive(Debug, Clone)]
pub struct Decided {
    /// The token's index.
    pub token: usize,
    /// The letters as written, without a possessive ("NTWU" of "NTWU's").
    pub span: Range<usize>,
    /// The letters alone ("UN" of "U.N.").
    pub letters: String,
    pub decision: Decision,
}

/// The letters are known to readers: the general list or the house list.
fn known(config: &EngineSettings, written: &str, letters: &str) -> Option<LetGo> {
    if ACRONYMS_GENERAL.contains(letters) || ACRONYMS_GENERAL.contains(written) {
        return Some(LetGo::KnownToGeneralReaders);
    }
    config
        .known_acronyms
        .iter()
        .any(|k| {
            k == written || k == letters || k.chars().filter(|c| c.is_alphanumeric()).eq(letters.chars())
        })
        .then_some(LetGo::HouseList)
}

/// Decides about every run of capitals in the draft's prose, in order.
pub fn decide(draft: &DraftContext<'_>, config: &EngineSettings) -> Vec<Decided> {
    let parsed = &draft.parsed;
    let quotes = SpanSet::of_quotations(draft.quotations(config));
    let found_dateline = find_dateline(parsed);
    let dateline = found_dateline.as_ref().map(|d| d.span.clone());
    let credit = found_dateline.as_ref().and_then(|d| d.credit.clone());
    let mut seen: rustc_hash::FxHashSet<String> = Default::default();
    // Built once, when the first acronym needs its expansions looked up.
    let openers: std::cell::OnceCell<Openers> = std::cell::OnceCell::new();
    let mut out = Vec::new();
    for block in &parsed.blocks {
        if !block.is_prose() {
            continue;
        }
        let tokens = block.tokens.clone();
        for index in tokens.clone() {
            let token = parsed.tokens[index];
            if !matches!(token.kind, TokenKind::Word | TokenKind::Abbrev) {
                continue;
            }
            // An acronym's first two letters are capitals (or not ASCII at all).
            let bytes = &parsed.copy.as_bytes()[token.start..token.end];
            if bytes.len() < 2 || bytes[0].is_ascii_lowercase() || bytes[1].is_ascii_lowercase() {
                continue;
            }
            let written = token.text(&parsed.copy);
            if !written.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let Some(letters) = acronym_letters(written, token.kind) else {
                continue;
            };
            let stem = crate::text::names::strip_possessive(written);
            let decision = decide_one(
                &Candidate {
                    index,
                    tokens: tokens.clone(),
                    written,
                    stem,
                    letters: &letters,
                },
                draft,
                config,
                &mut seen,
                &openers,
                |start| {
                    if credit.as_ref().is_some_and(|c| c.contains(&start)) {
                        Some(LetGo::WireCredit)
                    } else if quotes.contains(start) {
                        Some(LetGo::Quotation)
                    } else if dateline.as_ref().is_some_and(|d| d.contains(&start)) {
                        Some(LetGo::Dateline)
                    } else {
                        None
                    }
                },
            );
            out.push(Decided {
                token: index,
                span: token.start..token.start + stem.len(),
                letters,
                decision,
            });
        }
    }
    // A story that uses a field's abbreviations freely is written for that field's readers.
    let mut specialist: Vec<&str> = out
        .iter()
        .filter(|d| d.decision == Decision::Flagged(Flagged::SpecialistTerm))
        .map(|d| d.letters.as_str())
        .collect();
    specialist.sort_unstable();
    specialist.dedup();
    if specialist.len() >= SPECIALIST_STORY {
        for decided in &mut out {
            if decided.decision == Decision::Flagged(Flagged::SpecialistTerm) {
                decided.decision = Decision::LetGo(LetGo::SpecialistStory);
            }
        }
    }
    out
}

/// A run of capitals under consideration.
struct Candidate<'t> {
    index: usize,
    /// The tokens of its block.
    tokens: Range<usize>,
    written: &'t str,
    stem: &'t str,
    letters: &'t str,
}

fn decide_one(
    candidate: &Candidate<'_>,
    draft: &DraftContext<'_>,
    config: &EngineSettings,
    seen: &mut rustc_hash::FxHashSet<String>,
    openers: &std::cell::OnceCell<Openers>,
    placed: impl Fn(usize) -> Option<LetGo>,
) -> Decision {
    let parsed = &draft.parsed;
    let Candidate {
        index,
        ref tokens,
        written,
        stem,
        letters,
    } = *candidate;
    let token = parsed.tokens[index];
    if seen.contains(letters) {
        return Decision::LetGo(LetGo::AlreadyUsed);
    }
    // What the letters are, whatever their place.
    if let Some(class) = known(config, stem, letters).or_else(|| known(config, written, letters)) {
        return Decision::LetGo(class);
    }
    if is_roman_numeral(letters) && numbers_what_precedes(parsed, tokens, index) {
        return Decision::LetGo(LetGo::RomanNumeral);
    }
    if is_placeholder(letters) {
        return Decision::LetGo(LetGo::Placeholder);
    }
    if token.kind == TokenKind::Word && is_common_word(stem) {
        return Decision::LetGo(LetGo::OrdinaryWord);
    }
    if token.kind == TokenKind::Word && is_name_in_capitals(letters) {
        return Decision::LetGo(LetGo::NameInCapitals);
    }
    if is_grade_label(letters) {
        return Decision::LetGo(LetGo::GradeLabel);
    }
    // Where they stand: a dateline's credit, a quotation, a line in capitals.
    if let Some(class) = placed(token.start) {
        if class == LetGo::WireCredit {
            seen.insert(letters.to_string());
        }
        return Decision::LetGo(class);
    }
    if is_dateline_shaped(parsed, tokens, index) {
        return Decision::LetGo(LetGo::Dateline);
    }
    if is_line_in_capitals(parsed, tokens, index) || is_in_run_of_capitals(parsed, tokens, index) {
        return Decision::LetGo(LetGo::Capitals);
    }
    if is_credit_line(parsed, tokens, index) {
        return Decision::LetGo(LetGo::CreditLine);
    }
    if is_pronunciation_guide(parsed, tokens, index) {
        return Decision::LetGo(LetGo::PronunciationGuide);
    }
    if is_part_of_code(parsed, tokens, index) {
        return Decision::LetGo(LetGo::Code);
    }
    if is_unit_after_figure(parsed, tokens, index, letters) {
        return Decision::LetGo(LetGo::Unit);
    }
    if is_part_of_name(parsed, tokens, index, letters) {
        return Decision::LetGo(LetGo::NamePart);
    }
    seen.insert(letters.to_string());
    if is_described(parsed, tokens, index) {
        return Decision::LetGo(LetGo::Described);
    }
    let text_at = |i: usize| tokens.contains(&i).then(|| parsed.token_text(i));
    if index.checked_sub(1).and_then(text_at) == Some("(") && text_at(index + 1) == Some(")") {
        return Decision::LetGo(LetGo::DefinedInBrackets);
    }
    if is_glossed_in_brackets(parsed, tokens, index) {
        return Decision::LetGo(LetGo::GlossedInBrackets);
    }
    // Whether, and where, the story spells them out.
    // A phrase in ordinary case fits two letters by chance too often ("internal guidance"
    // for IG) to count outside the letters' own paragraph.
    let short = letters.chars().count() < 3;
    let expansions: Vec<_> = find_expansions(parsed, openers.get_or_init(|| Openers::new(parsed)), letters)
        .into_iter()
        .filter(|e| e.capitalised || !short || tokens.contains(&e.first_token))
        .collect();
    if expansions.iter().any(|e| e.first_token < index) {
        return Decision::LetGo(LetGo::SpelledOutBefore);
    }
    // The same sentence or the next one, in the same paragraph: the writer explains the
    // letters as they come. A paragraph later, the reader has already met them unexplained.
    let sentence = parsed.sentence_of_token(index);
    let nearby = expansions.iter().any(|e| {
        let at = parsed.sentence_of_token(e.first_token);
        tokens.contains(&e.first_token) && matches!((sentence, at), (Some(s), Some(a)) if a <= s + 1)
    });
    if nearby {
        return Decision::LetGo(LetGo::SpelledOutNearby);
    }
    if ACRONYMS_NATIONAL.contains(letters) {
        return Decision::Flagged(Flagged::NationalName);
    }
    if let Some(strong) = expansions
        .iter()
        .find(|e| e.capitalised && !e.in_title_case && (letters.chars().count() >= 3 || e.whole))
    {
        return Decision::Flagged(Flagged::SpelledOutLater(strong.span.clone()));
    }
    if let Some(weak) = expansions.first() {
        return Decision::Flagged(Flagged::MaybeSpelledOutLater(weak.span.clone()));
    }
    // Never spelled out.
    if is_call_letters(letters) {
        return Decision::LetGo(LetGo::CallLetters);
    }
    if ACRONYMS_SPECIALIST.contains(letters) {
        return Decision::Flagged(Flagged::SpecialistTerm);
    }
    if is_used_as_institution(parsed, tokens, index) {
        return Decision::Flagged(Flagged::UnexplainedInstitution);
    }
    Decision::Flagged(Flagged::Unexplained)
}
