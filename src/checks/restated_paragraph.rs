//! # restated-paragraph
//!
//! ## What it flags
//! A paragraph that restates a paragraph of another draft of the story in other words:
//! the same claims, names and figures, reworded (a rewrite of a wire story, a paraphrased
//! copy of another outlet's article, a sidebar retelling the main story). The paragraph
//! in the later draft is flagged and points at the paragraph it restates; when two or more
//! paragraphs of a draft restate one other draft, a note on the first says how many ("7 of
//! 10 paragraphs restate wire.md").
//!
//! It only looks across drafts: with `story = "folder"` (or `copydesk check --story`), in
//! the language server's story scope, or against a reference folder with `copydesk check
//! --against DIR` (a wire archive, earlier versions: compared with, never checked). A
//! copy or near copy of a paragraph of the same story is `duplicate-paragraph`'s.
//!
//! ## Why it matters
//! A desk must know what in a draft is its own reporting. A rewrite that follows another
//! outlet's story paragraph by paragraph is plagiarism unless credited; a sidebar that
//! retells the main story wastes the reader's time; a reworded wire paragraph left in
//! beside the story's own version of it says the same thing twice.
//!
//! ## Example
//! ```text
//! wire.md:    Lake Kariba, the world's largest man-made reservoir, was 9% full on
//!             Thursday, the Zambezi River Authority said, the lowest level since 1996.
//! rewrite.md: The Zambezi River Authority said on Thursday that Lake Kariba, the biggest
//!             artificial reservoir on Earth, stood at just 9% of capacity, its lowest
//!             since 1996.
//! ```
//! Use instead: credit the source, or report the paragraph afresh.
//!
//! ## How it decides
//! Each paragraph of six content words or more becomes a weighted bag of what it says:
//! - **words**, stemmed (Snowball English), weighted by how rare they are in English,
//!   from SCOWL's frequency-graded lists: size-10 words ("said", "police") weigh 0.3,
//!   size-20 words 0.7, other dictionary words 1.2, words outside the dictionary 1.6;
//!   function words are left out;
//! - **names** (a capitalised word inside a sentence, or one that is not a dictionary
//!   word; not days or months) weigh 2.0, and **figures** (a number of 10 or more, or
//!   with a decimal point, that is not a year) 2.0; numbers compare by value ("1,850" and
//!   "1850");
//! - words inside quotation marks weigh a third: a quotation repeated in otherwise new
//!   words is how news works, not a restatement;
//! - within the story, a word found in many paragraphs (the topic: "ceasefire",
//!   "hostages") weighs less than one found in two.
//!
//! Two paragraphs' similarity is the cosine of their bags. Each paragraph is compared
//! with the paragraphs of the drafts before it and of the references, and keeps its best
//! match. A story of a few hundred paragraphs compares every such pair; a larger one
//! compares a paragraph only with those sharing one of its 16 rarest words, names or
//! figures (among those found in at most 64 of the story's paragraphs), so a folder of
//! thousands of drafts is checked in time about linear in its size. Against a reference
//! folder, the references are indexed once, and a story is compared only with those that
//! three or more paragraphs of one of its drafts share three or more rare terms with (a
//! restating paragraph shares many more), so an archive of thousands costs each story
//! little.
//!
//! One paragraph matching another is no evidence on its own: two outlets reporting one
//! event state the same facts, names and figures, paragraph for paragraph, at
//! similarities up to 0.9. What a restatement has and independent reporting does not is
//! the whole draft following the other's text. So a draft restates another when:
//! - at least 3 of its paragraphs, and at least 45% of those long enough to compare,
//!   match that draft at 0.55 or more; and
//! - it shows it was made from the other's text rather than from the same facts: it
//!   takes a quotation from it word for word (six words in a row inside quotation
//!   marks), or its matching paragraphs come in the other's order (90% of them in the
//!   longest run in order; a paragraph pasted word for word is left out of that count).
//!
//! Then each of its paragraphs whose best match is in that draft at 0.30 or more is
//! reported. A copy or near copy of a paragraph of the story is left to
//! `duplicate-paragraph` (the note still counts it); a copy of a reference's paragraph is
//! reported here (the other rule does not read references).
//!
//! The thresholds were chosen on rewrites of real news articles (close paraphrases,
//! loose rewrites, summaries, translation-style rewrites) and on the published articles
//! checked as one folder, where independent stories about the same events match one
//! another at up to 40% of their paragraphs (docs/accuracy.md has the figures).
//!
//! What it cannot tell apart: a story retold, in the source's order, from notes taken
//! paragraph by paragraph from the source. It carries the same claims, names and figures
//! in the same order, so it is reported; annotators judged two thirds of such paragraphs
//! restatements of the source's (docs/accuracy.md).
//!
//! ## Fix
//! None: the choice between crediting the source, cutting the paragraph and reporting it
//! afresh is the writer's.
//!
//! ## Configuration
//! - `[rules] restated-paragraph = "warning"` (or `error`, `info`, `hint`, `off`)
//! - `story = "folder"` to compare the drafts of a folder, or `copydesk check --against DIR`.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::{Ctx, DraftContext, Findings, FixAvailability, Rule};
use crate::config::EngineSettings;
use crate::finding::{Finding, Severity};
use crate::text::embeds::embedded_blocks;
use crate::text::fold::fold;
use crate::text::lexicon::{COMMON_WORDS, FREQUENT_WORDS_10, FREQUENT_WORDS_20, class};
use crate::text::quotes::Quotation;
use crate::text::segment::TokenKind;
use crate::text::{Block, BlockKind, ParsedDraft};

const RULE: &str = "restated-paragraph";

/// Fewest content words (not function words) for a paragraph to be compared.
const MIN_CONTENT_WORDS: usize = 6;
/// Least similarity for a paragraph to count towards its draft restating another (see
/// `MIN_PAIR_MATCHES` and `MIN_PAIR_SHARE`).
pub const THRESHOLD: f64 = 0.55;
/// Least similarity for a paragraph to be reported, in a draft that restates another.
pub const SUPPORTED_THRESHOLD: f64 = 0.30;
/// Fewest paragraphs matching one draft at `THRESHOLD` for a draft to restate it.
const MIN_PAIR_MATCHES: usize = 3;
/// Least share of a draft's comparable paragraphs matching one draft at `THRESHOLD`.
const MIN_PAIR_SHARE: f64 = 0.45;
/// Least share of those matching paragraphs in the other draft's order, for a draft that
/// takes no quotation from the other word for word.
const MIN_ORDER: f64 = 0.9;
/// Least weight (outside quotations) for a term to go in the candidate index: every
/// word but the commonest.
const INDEX_WEIGHT: f32 = 0.7;
/// Stories with at most this many comparable paragraphs compare every pair of drafts'
/// paragraphs; larger ones compare only candidates from the index.
const ALL_PAIRS_LIMIT: usize = 400;
/// In a larger story, a term found in more paragraphs than this is not indexed (it says
/// little about which paragraph restates which).
const MAX_POSTINGS: usize = 64;
/// In a larger story, each paragraph looks up this many of its rarest indexed terms.
const QUERY_TERMS: usize = 16;
/// In a larger story, a paragraph is compared with those sharing this many of its query terms.
const MIN_SHARED_QUERY_TERMS: u32 = 1;
/// Each paragraph is scored against at most this many candidates (the most shared terms).
const MAX_CANDIDATES: usize = 48;

/// What a term is: its weight class, and whether it counts as a shared specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TermKind {
    Word,
    Name,
    Figure,
}

/// One term of a paragraph: its key, kind, weight and the text it was first seen as.
#[derive(Debug, Clone)]
struct Term<'a> {
    key: u64,
    kind: TermKind,
    weight: f32,
    quoted: bool,
    text: &'a str,
}

/// A paragraph as the rule compares it.
struct Unit {
    draft: usize,
    block: usize,
    /// Term key → summed weight (before the story's own damping).
    terms: FxHashMap<u64, f32>,
    /// Names and figures outside quotations.
    specifics: FxHashSet<u64>,
    /// Display text of names and figures, by key.
    labels: FxHashMap<u64, String>,
    /// Keys worth indexing.
    index_keys: Vec<u64>,
}

fn hash_key(kind: TermKind, text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    (kind as u8).hash(&mut hasher);
    text.hash(&mut hasher);
    hasher.finish()
}

thread_local! {
    static STEMMER: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
}

/// A number's comparable form: separators removed ("1,850" → "1850"; "1,5" and "1.5" →
/// "1.5"), a trailing point dropped.
fn number_key(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let chars: Vec<char> = raw.chars().collect();
    for (index, &character) in chars.iter().enumerate() {
        match character {
            '0'..='9' => out.push(character),
            ',' | '.' => {
                // A thousands separator is followed by exactly three digits.
                let digits_after = chars[index + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                let thousands = digits_after == 3;
                if !thousands && digits_after > 0 {
                    out.push('.');
                }
            }
            _ => {}
        }
    }
    out
}

fn is_year(number: &str) -> bool {
    number.len() == 4 && (number.starts_with("19") || number.starts_with("20"))
}

/// What a word is as a term, whatever its quotation: its key, kind and weight outside
/// quotations, or `None` for a word that is no term. Words recur, so a story's words are
/// looked up (folded, stemmed) once each.
type TermCache<'a> = FxHashMap<(&'a str, bool), Option<(u64, TermKind, f32)>>;

/// The terms of a block, from the draft's own tokens (words, abbreviations, numbers),
/// sentences (a capital opening one is not a name by itself) and direct quotations (the
/// words inside one weigh a third).
fn terms_of<'a>(
    parsed: &'a ParsedDraft<'_>,
    block: &Block,
    quotations: &[Range<usize>],
    cache: &mut TermCache<'a>,
) -> Vec<Term<'a>> {
    let sentence_starts: FxHashSet<usize> = parsed.sentences[block.sentences.clone()]
        .iter()
        .map(|sentence| sentence.tokens.start)
        .collect();
    let mut terms = Vec::new();
    for index in block.tokens.clone() {
        let token = &parsed.tokens[index];
        if matches!(token.kind, TokenKind::Symbol | TokenKind::Punct) {
            continue;
        }
        let word = token.text(&parsed.copy);
        let at_start = sentence_starts.contains(&index);
        let quoted = quotations
            .iter()
            .any(|quotation| quotation.contains(&token.start));
        let known = *cache
            .entry((word, at_start))
            .or_insert_with(|| term_of(word, at_start));
        if let Some((key, kind, weight)) = known {
            let text = if kind == TermKind::Name {
                word.trim_end_matches(['\'', '’'])
            } else {
                word
            };
            terms.push(Term {
                key,
                kind,
                weight: if quoted { weight / 3.0 } else { weight },
                quoted,
                text,
            });
        }
    }
    terms
}

/// A word as a term outside quotations: its key, kind and weight, or `None`.
fn term_of(word: &str, at_sentence_start: bool) -> Option<(u64, TermKind, f32)> {
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let key = number_key(word);
        if key.is_empty() {
            return None;
        }
        let value: f64 = key.parse().unwrap_or(0.0);
        let weight = if is_year(&key) {
            0.8
        } else if value >= 10.0 || key.contains('.') {
            2.0
        } else {
            0.6
        };
        let kind = if weight >= 2.0 {
            TermKind::Figure
        } else {
            TermKind::Word
        };
        return Some((hash_key(TermKind::Figure, &key), kind, weight));
    }
    let folded = fold(word).to_lowercase();
    let bare: String = folded
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    if bare.is_empty() {
        return None;
    }
    let simple = bare.replace('-', "");
    if class::FUNCTION_WORDS.contains(&bare) {
        return None;
    }
    // Days and months are capitalised but name nothing a story restates.
    let calendar = class::WEEKDAYS.contains(&bare) || class::MONTHS.contains(&bare);
    let capitalised = !calendar && word.chars().next().is_some_and(char::is_uppercase);
    let dictionary =
        COMMON_WORDS.contains(&simple) || bare.split('-').all(|part| COMMON_WORDS.contains(part));
    let name = capitalised && (!at_sentence_start || !dictionary);
    if name {
        // A name is compared as written (folded), not stemmed.
        let (kind, weight) = if dictionary {
            (TermKind::Word, 1.0)
        } else {
            (TermKind::Name, 2.0)
        };
        return Some((hash_key(TermKind::Name, &bare), kind, weight));
    }
    let weight = if FREQUENT_WORDS_10.contains(&simple) {
        0.3
    } else if FREQUENT_WORDS_20.contains(&simple) {
        0.7
    } else if dictionary {
        1.2
    } else {
        1.6
    };
    let stem = STEMMER.with(|stemmer| stemmer.stem(&bare).into_owned());
    Some((hash_key(TermKind::Word, &stem), TermKind::Word, weight))
}

fn unit<'a>(
    draft_index: usize,
    block_index: usize,
    draft: &'a DraftContext<'_>,
    quotations: &[Range<usize>],
    cache: &mut TermCache<'a>,
) -> Option<Unit> {
    let block = &draft.parsed.blocks[block_index];
    if !matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::BlockQuote
    ) {
        return None;
    }
    let terms = terms_of(&draft.parsed, block, quotations, cache);
    if terms.len() < MIN_CONTENT_WORDS {
        return None;
    }
    let mut bag: FxHashMap<u64, f32> = FxHashMap::default();
    let mut specifics = FxHashSet::default();
    let mut labels = FxHashMap::default();
    let mut index_keys = Vec::new();
    for term in terms {
        *bag.entry(term.key).or_default() += term.weight;
        if term.kind != TermKind::Word && !term.quoted {
            specifics.insert(term.key);
            labels.entry(term.key).or_insert_with(|| term.text.to_string());
        }
        // Quoted or not, a term is indexed by its weight outside quotations.
        let unquoted_weight = if term.quoted {
            term.weight * 3.0
        } else {
            term.weight
        };
        if unquoted_weight >= INDEX_WEIGHT {
            index_keys.push(term.key);
        }
    }
    index_keys.sort_unstable();
    index_keys.dedup();
    Some(Unit {
        draft: draft_index,
        block: block_index,
        terms: bag,
        specifics,
        labels,
        index_keys,
    })
}

/// A paragraph's best match in an earlier draft or a reference.
#[derive(Debug, Clone)]
pub struct Match {
    /// The restating paragraph: its draft and block.
    pub draft: usize,
    pub block: usize,
    /// The paragraph it restates.
    pub source_draft: usize,
    pub source_block: usize,
    pub similarity: f64,
    /// Names and figures both paragraphs state outside quotations, as the later one
    /// writes them.
    pub shared: Vec<String>,
}

/// The paragraphs' best matches, and how many paragraphs of each draft were compared.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub matches: Vec<Match>,
    /// Per draft (checked, then references): its paragraphs long enough to compare.
    pub comparable: Vec<usize>,
    /// Per draft: every run of `QUOTED_RUN` words inside its quotation marks, hashed.
    pub quoted_runs: Vec<FxHashSet<u64>>,
}

/// Words in a row inside quotation marks that two drafts must share for one to have taken
/// a quotation from the other.
const QUOTED_RUN: usize = 6;

/// Every run of `QUOTED_RUN` words (folded, lower-cased) inside one of the draft's
/// direct quotations, hashed.
fn quoted_runs(parsed: &ParsedDraft<'_>, quotations: &[Quotation]) -> FxHashSet<u64> {
    let mut runs = FxHashSet::default();
    for quotation in quotations {
        let words: Vec<String> = parsed.tokens[quotation.tokens.clone()]
            .iter()
            .filter(|token| token.is_word() || token.kind == TokenKind::Number)
            .map(|token| fold(token.text(&parsed.copy)).to_lowercase())
            .collect();
        for window in words.windows(QUOTED_RUN) {
            let mut hasher = FxHasher::default();
            window.hash(&mut hasher);
            runs.insert(hasher.finish());
        }
    }
    runs
}

/// Adds the comparable paragraphs of one draft to `units` and returns the quotation runs
/// it holds (for the made-from-the-text test).
fn draft_units<'a>(
    draft_index: usize,
    draft: &'a DraftContext<'_>,
    config: &EngineSettings,
    cache: &mut TermCache<'a>,
    units: &mut Vec<Unit>,
) -> FxHashSet<u64> {
    // The draft's direct quotations (shared with the other rules), by block.
    let quotations = draft.quotations(config);
    let runs = quoted_runs(&draft.parsed, quotations);
    let mut by_block: Vec<Vec<Range<usize>>> = vec![Vec::new(); draft.parsed.blocks.len()];
    for quotation in quotations {
        if let Some(spans) = by_block.get_mut(quotation.block) {
            spans.push(quotation.span.clone());
        }
    }
    let embedded = embedded_blocks(&draft.parsed);
    for (block_index, _) in embedded.iter().enumerate().filter(|(_, embedded)| !**embedded) {
        if let Some(unit) = unit(draft_index, block_index, draft, &by_block[block_index], cache) {
            units.push(unit);
        }
    }
    runs
}

/// In the shortlist, a story paragraph looks up this many of its rarest terms among the
/// references' paragraphs.
const SHORTLIST_QUERY_TERMS: usize = 24;
/// A reference paragraph sharing this many of a story paragraph's looked-up terms may be
/// its source.
const SHORTLIST_MIN_SHARED: u32 = 3;
/// A term in more of the references' paragraphs than this is not looked up (it says
/// nothing of which reference a paragraph comes from).
const SHORTLIST_MAX_POSTINGS: usize = 512;

/// The paragraphs of a reference folder (`copydesk check --against DIR`), read and indexed
/// once for all the stories checked against it. For each story, [`ReferenceIndex::shortlist`]
/// names the references that could be its source, and only those are compared with it,
/// so checking many stories against a large archive costs each story about its own size,
/// not the archive's.
///
/// A reference is shortlisted when it could pass the rule's draft-pair test: at least
/// `MIN_PAIR_MATCHES` paragraphs of one draft of the story each share
/// `SHORTLIST_MIN_SHARED` of their `SHORTLIST_QUERY_TERMS` rarest terms (names, figures,
/// words rarer than the commonest) with a paragraph of it. A paragraph that restates
/// another at the rule's thresholds shares far more.
pub struct ReferenceIndex {
    /// Term key → the (reference, paragraph) pairs holding it.
    postings: FxHashMap<u64, Vec<(u32, u32)>>,
}

impl ReferenceIndex {
    /// Indexes the references' comparable paragraphs.
    pub fn new(references: &[DraftContext<'_>], config: &EngineSettings) -> ReferenceIndex {
        let mut units: Vec<Unit> = Vec::new();
        let mut cache = TermCache::default();
        for (index, reference) in references.iter().enumerate() {
            draft_units(index, reference, config, &mut cache, &mut units);
        }
        let mut postings: FxHashMap<u64, Vec<(u32, u32)>> = FxHashMap::default();
        for (ordinal, unit) in units.iter().enumerate() {
            for key in &unit.index_keys {
                postings
                    .entry(*key)
                    .or_default()
                    .push((unit.draft as u32, ordinal as u32));
            }
        }
        ReferenceIndex { postings }
    }

    /// The indices of the references a story's drafts could restate, in order.
    pub fn shortlist(&self, drafts: &[DraftContext<'_>], config: &EngineSettings) -> Vec<usize> {
        let mut units: Vec<Unit> = Vec::new();
        let mut cache = TermCache::default();
        for (index, draft) in drafts.iter().enumerate() {
            draft_units(index, draft, config, &mut cache, &mut units);
        }
        // (story draft, reference) → paragraphs of the draft with a candidate in the reference.
        let mut support: FxHashMap<(usize, u32), usize> = FxHashMap::default();
        let mut shared: FxHashMap<u32, (u32, u32)> = FxHashMap::default();
        let mut query: Vec<(usize, u64)> = Vec::new();
        let mut references_hit: FxHashSet<u32> = FxHashSet::default();
        for unit in &units {
            query.clear();
            query.extend(
                unit.index_keys
                    .iter()
                    .filter_map(|key| self.postings.get(key).map(|list| (list.len(), *key)))
                    .filter(|(postings, _)| *postings <= SHORTLIST_MAX_POSTINGS),
            );
            query.sort_unstable();
            query.truncate(SHORTLIST_QUERY_TERMS);
            shared.clear();
            for (_, key) in &query {
                for &(reference, paragraph) in &self.postings[key] {
                    shared.entry(paragraph).or_insert((reference, 0)).1 += 1;
                }
            }
            references_hit.clear();
            references_hit.extend(
                shared
                    .values()
                    .filter(|(_, count)| *count >= SHORTLIST_MIN_SHARED)
                    .map(|(reference, _)| *reference),
            );
            for &reference in &references_hit {
                *support.entry((unit.draft, reference)).or_default() += 1;
            }
        }
        let mut list: Vec<usize> = support
            .into_iter()
            .filter(|(_, count)| *count >= MIN_PAIR_MATCHES)
            .map(|((_, reference), _)| reference as usize)
            .collect();
        list.sort_unstable();
        list.dedup();
        list
    }
}

/// Every comparable paragraph's best match in an earlier draft of `drafts` (the first
/// `checked` are checked, the rest are references and are only matched against), with
/// the story's damping applied. Paragraphs with no candidate are left out.
pub fn best_matches(drafts: &[DraftContext<'_>], checked: usize, config: &EngineSettings) -> Matches {
    let mut units: Vec<Unit> = Vec::new();
    let mut cache = TermCache::default();
    let mut quoted: Vec<FxHashSet<u64>> = Vec::with_capacity(drafts.len());
    for (draft_index, draft) in drafts.iter().enumerate() {
        quoted.push(draft_units(draft_index, draft, config, &mut cache, &mut units));
    }
    let mut comparable = vec![0usize; drafts.len()];
    for unit in &units {
        comparable[unit.draft] += 1;
    }
    if units.len() < 2 {
        return Matches {
            matches: Vec::new(),
            comparable,
            quoted_runs: quoted,
        };
    }
    // The story's own damping: a term in many of its paragraphs is the topic.
    let mut frequency: FxHashMap<u64, u32> = FxHashMap::default();
    for unit in &units {
        for key in unit.terms.keys() {
            *frequency.entry(*key).or_default() += 1;
        }
    }
    let total = units.len() as f32;
    let damping = |key: u64| -> f32 {
        let df = frequency.get(&key).copied().unwrap_or(1).max(1) as f32;
        (1.0 + ((total + 1.0) / df).ln()) / (1.0 + (total + 1.0).ln())
    };
    let vectors: Vec<(FxHashMap<u64, f32>, f32)> = units
        .iter()
        .map(|unit| {
            let vector: FxHashMap<u64, f32> = unit
                .terms
                .iter()
                .map(|(&key, &weight)| (key, weight * damping(key)))
                .collect();
            let norm = vector.values().map(|w| w * w).sum::<f32>().sqrt();
            (vector, norm)
        })
        .collect();
    let cosine = |a: usize, b: usize| -> f64 {
        let ((va, na), (vb, nb)) = (&vectors[a], &vectors[b]);
        if *na == 0.0 || *nb == 0.0 {
            return 0.0;
        }
        let (small, large) = if va.len() <= vb.len() { (va, vb) } else { (vb, va) };
        let dot: f32 = small
            .iter()
            .filter_map(|(key, w)| large.get(key).map(|v| w * v))
            .sum();
        f64::from(dot / (na * nb))
    };

    let all_pairs = units.len() <= ALL_PAIRS_LIMIT;
    // The candidate index, for a larger story: the paragraphs of each indexed term found
    // in at most `MAX_POSTINGS` of them (a term in more says little about which paragraph
    // restates which). A paragraph looks up its `QUERY_TERMS` rarest such terms.
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    if !all_pairs {
        for (index, unit) in units.iter().enumerate() {
            for key in &unit.index_keys {
                let df = frequency.get(key).copied().unwrap_or(0) as usize;
                if (2..=MAX_POSTINGS).contains(&df) {
                    postings.entry(*key).or_default().push(index as u32);
                }
            }
        }
    }
    // Whether a paragraph of `other_draft` may be the source of one of `draft`: earlier
    // drafts and references only.
    let may_restate = |draft: usize, other_draft: usize| {
        other_draft != draft && (other_draft < draft || other_draft >= checked)
    };
    let mut matches = Vec::new();
    // Shared query terms per candidate paragraph, and the paragraphs touched.
    let mut shared_counts: Vec<u32> = vec![0; if all_pairs { 0 } else { units.len() }];
    let mut touched: Vec<usize> = Vec::new();
    let mut query: Vec<(u32, u64)> = Vec::new();
    for (index, unit) in units.iter().enumerate() {
        if unit.draft >= checked {
            continue;
        }
        let mut candidates: Vec<(u32, usize)> = Vec::new();
        if all_pairs {
            candidates.extend(
                units
                    .iter()
                    .enumerate()
                    .filter(|(_, candidate)| may_restate(unit.draft, candidate.draft))
                    .map(|(other, _)| (2, other)),
            );
        } else {
            query.clear();
            query.extend(
                unit.index_keys
                    .iter()
                    .filter(|key| postings.contains_key(key))
                    .map(|key| (frequency.get(key).copied().unwrap_or(0), *key)),
            );
            query.sort_unstable();
            query.truncate(QUERY_TERMS);
            for (_, key) in &query {
                for &other in &postings[key] {
                    let other = other as usize;
                    if !may_restate(unit.draft, units[other].draft) {
                        continue;
                    }
                    if shared_counts[other] == 0 {
                        touched.push(other);
                    }
                    shared_counts[other] += 1;
                }
            }
            for &other in &touched {
                if shared_counts[other] >= MIN_SHARED_QUERY_TERMS {
                    candidates.push((shared_counts[other], other));
                }
                shared_counts[other] = 0;
            }
            touched.clear();
        }
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        if !all_pairs {
            candidates.truncate(MAX_CANDIDATES);
        }
        let best = candidates
            .iter()
            .map(|&(_, other)| (other, cosine(index, other)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((other, similarity)) = best {
            let source = &units[other];
            let mut shared: Vec<String> = unit
                .specifics
                .iter()
                .filter(|key| source.specifics.contains(key))
                .filter_map(|key| unit.labels.get(key).cloned())
                .collect();
            shared.sort();
            shared.dedup();
            matches.push(Match {
                draft: unit.draft,
                block: unit.block,
                source_draft: source.draft,
                source_block: source.block,
                similarity,
                shared,
            });
        }
    }
    Matches {
        matches,
        comparable,
        quoted_runs: quoted,
    }
}

/// The matches the rule reports. A paragraph restating another draft's paragraph is no
/// evidence on its own: two outlets reporting one event state the same facts, names and
/// figures, paragraph for paragraph. What a restatement has and independent reporting
/// does not is the whole draft following the other: at least `MIN_PAIR_MATCHES` of its
/// paragraphs, and at least `MIN_PAIR_SHARE` of those long enough to compare, match one
/// draft at `THRESHOLD` or more. In such a draft every paragraph matching that draft at
/// `SUPPORTED_THRESHOLD` or more is reported.
pub fn restatements<'m>(found: &'m Matches, drafts: &[DraftContext<'_>]) -> Vec<&'m Match> {
    let mut support: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for m in found.matches.iter().filter(|m| m.similarity >= THRESHOLD) {
        *support.entry((m.draft, m.source_draft)).or_default() += 1;
    }
    let mut restating: FxHashMap<(usize, usize), bool> = FxHashMap::default();
    for &(draft, source) in support.keys() {
        restating.insert(
            (draft, source),
            pair_restates(found, drafts, draft, source, &support),
        );
    }
    found
        .matches
        .iter()
        .filter(|m| {
            m.similarity >= SUPPORTED_THRESHOLD
                && restating
                    .get(&(m.draft, m.source_draft))
                    .copied()
                    .unwrap_or(false)
        })
        .collect()
}

/// Whether `draft` restates `source`: enough of its paragraphs match it (at least
/// `MIN_PAIR_MATCHES`, and `MIN_PAIR_SHARE` of those it has to compare), and the text shows
/// it was made from the other's text, not from the same facts: it takes a quotation from it
/// word for word (`QUOTED_RUN` words in a row), copies a paragraph of it (nearly) word for
/// word, or follows it paragraph for paragraph (at least `MIN_ORDER` of its matching
/// paragraphs in the other's order).
fn pair_restates(
    found: &Matches,
    drafts: &[DraftContext<'_>],
    draft: usize,
    source: usize,
    support: &FxHashMap<(usize, usize), usize>,
) -> bool {
    let count = support.get(&(draft, source)).copied().unwrap_or(0);
    let comparable = found.comparable.get(draft).copied().unwrap_or(0).max(1);
    if count < MIN_PAIR_MATCHES || (count as f64) < MIN_PAIR_SHARE * comparable as f64 {
        return false;
    }
    let (own, other) = (&found.quoted_runs[draft], &found.quoted_runs[source]);
    if own.iter().any(|run| other.contains(run)) {
        return true;
    }
    let matching: Vec<&Match> = found
        .matches
        .iter()
        .filter(|m| m.draft == draft && m.source_draft == source && m.similarity >= THRESHOLD)
        .collect();
    // The longest run of matching paragraphs in the source's order. A paragraph copied
    // (nearly) word for word is left out: a pasted paragraph says nothing of the order the
    // rest was written in.
    let text = |draft: usize, block: usize| {
        let parsed = &drafts[draft].parsed;
        &parsed.copy[parsed.blocks[block].span.clone()]
    };
    let mut sequence: Vec<(usize, usize)> = matching
        .iter()
        .filter(|m| {
            !super::duplicate_paragraph::nearly_repeats(text(draft, m.block), text(source, m.source_block))
        })
        .map(|m| (m.block, m.source_block))
        .collect();
    let count = sequence.len();
    sequence.sort_unstable();
    let mut tails: Vec<usize> = Vec::new();
    for (_, source_block) in sequence {
        let at = tails.partition_point(|&tail| tail <= source_block);
        if at == tails.len() {
            tails.push(source_block);
        } else {
            tails[at] = source_block;
        }
    }
    tails.len() as f64 >= MIN_ORDER * count as f64
}

/// The `restated-paragraph` rule: it compares the drafts of a story (and the references),
/// so it checks the story whole.
pub struct RestatedParagraph;

impl Rule for RestatedParagraph {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A paragraph that restates a paragraph of another draft in other words."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Never
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Findings<'_>) {
        let all = ctx.with_references();
        if all.len() < 2 {
            return;
        }
        let checked = ctx.drafts.len();
        let found = best_matches(all, checked, ctx.config);
        let reported = restatements(&found, all);
        // Per (draft, source draft): how many of the draft's paragraphs restate it.
        let mut per_pair: FxHashMap<(usize, usize), Vec<&Match>> = FxHashMap::default();
        for m in &reported {
            per_pair.entry((m.draft, m.source_draft)).or_default().push(m);
        }
        let mut pairs: Vec<_> = per_pair.into_iter().collect();
        pairs.sort_by_key(|(pair, _)| *pair);
        for ((draft_index, source_index), list) in pairs {
            let draft = &all[draft_index];
            let source = &all[source_index];
            for m in &list {
                let block = &draft.parsed.blocks[m.block];
                let source_block = &source.parsed.blocks[m.source_block];
                let copied = super::duplicate_paragraph::nearly_repeats(
                    &draft.parsed.copy[block.span.clone()],
                    &source.parsed.copy[source_block.span.clone()],
                );
                // A copy or near copy within the story is duplicate-paragraph's finding;
                // the note below still counts it.
                if copied && source_index < checked {
                    continue;
                }
                let shares = if m.shared.is_empty() {
                    String::new()
                } else {
                    let mut names: Vec<&str> = m.shared.iter().map(String::as_str).take(6).collect();
                    if m.shared.len() > 6 {
                        names.push("…");
                    }
                    format!("; both state {}", names.join(", "))
                };
                let how = if copied {
                    "nearly word for word"
                } else {
                    "in other words"
                };
                let message = format!(
                    "This paragraph restates the one at {}:{} {how} (similarity {:.2}{shares}): credit the source or report it afresh.",
                    source.path,
                    source_block.first_line + 1,
                    m.similarity
                );
                out.push(
                    Finding::new(RULE, draft_index, block.span.clone(), message).with_related(
                        source_index,
                        source_block.span.clone(),
                        "the paragraph it restates".to_string(),
                    ),
                );
            }
            if list.len() >= 2 {
                let comparable = found.comparable[draft_index];
                let first = list.iter().min_by_key(|m| m.block).expect("two or more");
                let block = &draft.parsed.blocks[first.block];
                // At the start of the first restating paragraph, empty: a note on the draft,
                // not a second finding on that paragraph.
                let mut note = Finding::new(
                    RULE,
                    draft_index,
                    block.span.start..block.span.start,
                    format!(
                        "{} of {} paragraphs of this draft restate {}.",
                        list.len(),
                        comparable.max(list.len()),
                        source.path
                    ),
                )
                .with_related(
                    source_index,
                    0..source.parsed.source.len().min(1),
                    "the draft it restates".to_string(),
                );
                note.severity = Severity::Info;
                out.push(note);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{DraftInput, analyze};

    fn findings(drafts: &[(&str, &str)]) -> Vec<Finding> {
        let inputs: Vec<DraftInput<'_>> = drafts.iter().map(|(p, t)| DraftInput::new(p, t)).collect();
        analyze(&inputs, &crate::config::EngineSettings::default())
            .into_iter()
            .filter(|f| f.rule == RULE)
            .collect()
    }

    /// The terms of a one-paragraph draft, as (kind, text, quoted).
    fn terms(text: &str) -> Vec<(TermKind, String, bool)> {
        let parsed = crate::text::ParsedDraft::parse(text, crate::text::DraftFormat::Markdown);
        let draft = DraftContext::new("draft.md", parsed);
        let spans: Vec<Range<usize>> = draft
            .quotations(&crate::config::EngineSettings::default())
            .iter()
            .map(|q| q.span.clone())
            .collect();
        let mut cache = TermCache::default();
        terms_of(&draft.parsed, &draft.parsed.blocks[0], &spans, &mut cache)
            .into_iter()
            .map(|t| (t.kind, t.text.to_string(), t.quoted))
            .collect()
    }

    /// The runs of quoted words of a draft.
    fn runs(text: &str) -> FxHashSet<u64> {
        let parsed = crate::text::ParsedDraft::parse(text, crate::text::DraftFormat::Markdown);
        let draft = DraftContext::new("draft.md", parsed);
        quoted_runs(
            &draft.parsed,
            draft.quotations(&crate::config::EngineSettings::default()),
        )
    }

    #[test]
    fn a_clock_time_is_one_figure() {
        let figures: Vec<String> = terms("It sank at 4:10 a.m. near Berth 11.")
            .into_iter()
            .filter(|t| t.0 == TermKind::Figure)
            .map(|t| t.1)
            .collect();
        assert_eq!(figures, ["4:10", "11"]);
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(number_key("1,850"), "1850");
        assert_eq!(number_key("1.5"), "1.5");
        assert_eq!(number_key("1,5"), "1.5");
        assert_eq!(number_key("2024."), "2024");
    }

    #[test]
    fn names_figures_and_quotes() {
        let terms = terms("Officials in Harare said 2,300 drivers left. \"Nobody stayed,\" Moyo said.");
        let names: Vec<&str> = terms
            .iter()
            .filter(|t| t.0 == TermKind::Name)
            .map(|t| t.1.as_str())
            .collect();
        assert_eq!(names, ["Harare", "Moyo"]);
        assert!(terms.iter().any(|t| t.0 == TermKind::Figure && t.1 == "2,300"));
        let nobody = terms.iter().find(|t| t.1 == "Nobody").unwrap();
        assert!(nobody.2);
        // "Officials" opens the sentence and is a dictionary word: not a name.
        assert!(terms.iter().all(|t| t.1 != "Officials" || t.0 == TermKind::Word));
    }

    // An invented wire story and a rewrite of it, paragraph by paragraph.
    const SOURCE: &str = "Kariba story

Lake Kariba, the world's largest man-made reservoir, was 9% full on Thursday, the Zambezi River Authority said, its lowest level since 1996 and far below what the Kariba dam needs to run its turbines.

The authority cut the water allocation for power generation to 16 billion cubic metres for the year, forcing the Zambia Electricity Supply Corporation to ration power for up to 17 hours a day.

Copper mines on the Zambian Copperbelt, which use more than half of the country's electricity, have started running diesel generators, adding about $40 million a month to their costs, the Chamber of Mines said.

Zimbabwe's power utility said it would import 300 megawatts from Mozambique's Cahora Bassa dam until the rains return in November.
";

    const REWRITE: &str = "Power cuts

The Zambezi River Authority said on Thursday that Lake Kariba, the biggest artificial reservoir on Earth, stood at just 9% of capacity, its lowest since 1996, well short of what the Kariba dam turbines require.

Water allotted to generating power was reduced by the authority to 16 billion cubic metres this year, and the Zambia Electricity Supply Corporation has had to ration electricity for as long as 17 hours daily.

According to the Chamber of Mines, Copperbelt copper mines, which consume over half of Zambia's electricity, now run diesel generators that add some $40 million to their monthly costs.

Until the November rains, Zimbabwe's power company plans to buy 300 megawatts from the Cahora Bassa dam in Mozambique.
";

    #[test]
    fn a_rewrite_is_found_paragraph_by_paragraph() {
        let found = findings(&[("a-wire.md", SOURCE), ("b-rewrite.md", REWRITE)]);
        let paragraphs: Vec<&Finding> = found.iter().filter(|f| f.severity == Severity::Warning).collect();
        assert_eq!(paragraphs.len(), 4, "{found:#?}");
        for (finding, line) in paragraphs.iter().zip([3, 5, 7, 9]) {
            assert_eq!(finding.draft, 1);
            assert_eq!(finding.related[0].draft, 0);
            assert!(
                finding.message.contains(&format!("a-wire.md:{line} ")),
                "{}",
                finding.message
            );
        }
        assert!(
            paragraphs[0].message.contains("Kariba"),
            "{}",
            paragraphs[0].message
        );
        let notes: Vec<&Finding> = found.iter().filter(|f| f.severity == Severity::Info).collect();
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].message.starts_with("4 of 4 paragraphs"),
            "{}",
            notes[0].message
        );
    }

    #[test]
    fn one_restated_paragraph_in_a_story_of_its_own_is_not() {
        // Two outlets reporting one event state the same facts in a paragraph or two; the
        // rest of this draft is its own reporting.
        let other = format!(
            "Power cuts\n\n{}\n\nMarkets in Lusaka were quiet on Friday as traders waited for news of the weekly fuel price review, which the energy regulator publishes every Monday.\n\nBakeries in Ndola said they had cut shifts and were baking only at night, when the grid is more reliable, and several raised bread prices.\n\nSchools in Kitwe moved examinations to the mornings after candidates complained of writing by candlelight.\n",
            REWRITE.split("\n\n").nth(1).unwrap()
        );
        assert!(findings(&[("a-wire.md", SOURCE), ("b-other.md", &other)]).is_empty());
    }

    #[test]
    fn the_same_event_reported_afresh_is_not() {
        let other = "Drought\n\nFarmers near Siavonga said on Friday their maize had failed for a second year as rains arrived weeks late, and several villages now depend on food aid from church groups.\n\nA fisheries officer said catches of kapenta on the lake had dropped sharply, and boat owners were laying off crews before the annual fishing ban in December.\n\nThe district commissioner said boreholes would be drilled in six wards before the end of the year.\n";
        assert!(findings(&[("a-wire.md", SOURCE), ("b-other.md", other)]).is_empty());
    }

    /// Every finding on `draft` checked against `SOURCE` as a reference.
    fn against_wire(draft: &str) -> Vec<Finding> {
        let drafts = [DraftInput::new("rewrite.md", draft)];
        let references = [DraftInput::new("wire/kariba.md", SOURCE)];
        crate::story::analyze_bounded_with_references(
            &drafts,
            &references,
            &crate::config::EngineSettings::default(),
            usize::MAX,
        )
        .findings
    }

    // An invented story on another subject, for a reference archive.
    const UNRELATED: &str = "Ferry fares

Malta's Gozo Channel will raise ferry fares by 12% from March, the transport ministry said on Monday, the first rise since 2015.

The operator carried 5.6 million passengers last year, up from 4.9 million, and says fuel now takes a third of its budget.

A return ticket for a car and driver will cost €17.60, and foot passengers will pay €5.10, the ministry said.

The Gozo Business Chamber said the rise would hurt hotels already short of winter guests and asked for a discount for residents.
";

    #[test]
    fn the_shortlist_names_the_source_among_unrelated_references() {
        let references: Vec<DraftInput<'_>> = vec![
            DraftInput::new("wire/ferry.md", UNRELATED),
            DraftInput::new("wire/kariba.md", SOURCE),
            DraftInput::new("wire/ferry-2.md", UNRELATED),
        ];
        let settings = crate::config::EngineSettings::default();
        let index = ReferenceIndex::new(&crate::story::parse_story(&references), &settings);
        let rewrite = crate::story::parse_story(&[DraftInput::new("rewrite.md", REWRITE)]);
        assert_eq!(index.shortlist(&rewrite, &settings), vec![1]);
        // A story on another subject has no candidate source.
        let other = "Budget\n\nThe council approved a budget of 210 million pounds on Tuesday, with 4% more for schools and a new levy on second homes, the finance chief said.\n\nLibraries will open on Sundays again from April, and 38 staff will be hired.\n\nOpposition councillors said the levy would drive families out of the villages.\n";
        let other = crate::story::parse_story(&[DraftInput::new("budget.md", other)]);
        assert!(index.shortlist(&other, &settings).is_empty());
    }

    #[test]
    fn against_an_indexed_archive_the_findings_are_those_against_the_source() {
        let settings = crate::config::EngineSettings::default();
        let drafts = [DraftInput::new("rewrite.md", REWRITE)];
        let archive = vec![
            DraftInput::new("wire/ferry.md", UNRELATED),
            DraftInput::new("wire/kariba.md", SOURCE),
        ];
        let references = crate::story::References::new(archive.clone(), &settings);
        let found =
            crate::story::analyze_bounded_against(&drafts, &references, &settings, usize::MAX).findings;
        let restated: Vec<&Finding> = found
            .iter()
            .filter(|f| f.rule == RULE && f.severity == Severity::Warning)
            .collect();
        assert_eq!(restated.len(), 4, "{found:#?}");
        // Related places are numbered as if the whole archive followed the draft.
        assert!(restated.iter().all(|f| f.related[0].draft == 2));
        assert!(restated.iter().all(|f| f.message.contains("wire/kariba.md:")));
        // The same paragraphs as against the source alone.
        let alone = against_wire(REWRITE);
        let lines = |list: &[&Finding]| list.iter().map(|f| f.span.start).collect::<Vec<_>>();
        let alone: Vec<&Finding> = alone
            .iter()
            .filter(|f| f.rule == RULE && f.severity == Severity::Warning)
            .collect();
        assert_eq!(lines(&restated), lines(&alone));
    }

    #[test]
    fn against_references_the_reference_is_not_checked() {
        let found = against_wire(REWRITE);
        let restated: Vec<&Finding> = found.iter().filter(|f| f.rule == RULE).collect();
        assert_eq!(
            restated
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count(),
            4
        );
        // Every finding is on the checked draft; related places are in the reference.
        assert!(found.iter().all(|f| f.draft == 0));
        assert!(restated.iter().all(|f| f.related[0].draft == 1));
    }

    #[test]
    fn an_exact_copy_from_a_reference_is_reported_here() {
        // duplicate-paragraph does not see references: a copied paragraph is this rule's.
        let mut copy = REWRITE.to_string();
        copy.push_str(&format!("\n{}\n", SOURCE.split("\n\n").nth(1).unwrap()));
        let found = against_wire(&copy);
        let warnings = found
            .iter()
            .filter(|f| f.rule == RULE && f.severity == Severity::Warning)
            .count();
        assert_eq!(warnings, 5, "{found:#?}");
        assert!(!found.iter().any(|f| f.rule == "duplicate-paragraph"));
    }

    #[test]
    fn quoted_runs_are_six_words_inside_one_quotation() {
        let runs =
            runs("He said: “We will not sell the harbour, not now,” and left. \"Short one,\" she said.");
        // "we will not sell the harbour not now": 8 words, 3 runs of six.
        assert_eq!(runs.len(), 3);
        let same = self::runs("“We will not sell the harbour,” the mayor said.");
        assert_eq!(same.len(), 1);
        assert!(same.iter().all(|run| runs.contains(run)));
    }

    #[test]
    fn the_same_facts_in_another_order_and_words_are_not_a_restatement() {
        // The wire story's facts, each paragraph restated, but told in an order of the
        // writer's own and with no quotation taken from it.
        let paragraphs: Vec<&str> = REWRITE.split("\n\n").skip(1).map(str::trim).collect();
        let reordered = format!(
            "Power cuts\n\n{}\n\n{}\n\n{}\n\n{}\n",
            paragraphs[3], paragraphs[1], paragraphs[2], paragraphs[0]
        );
        let found = findings(&[("a-wire.md", SOURCE), ("b-other.md", &reordered)]);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_shared_quotation_alone_is_not() {
        let a = "One\n\n\"We have never seen the lake this low in forty years of records and the turbines cannot run,\" said Munyaradzi Munodawafa, chief executive of the authority.\n";
        let b = "Two\n\nEngineers toured the dam wall on Tuesday. \"We have never seen the lake this low in forty years of records and the turbines cannot run,\" said Munyaradzi Munodawafa at a briefing in Harare about tariffs.\n";
        assert!(findings(&[("a.md", a), ("b.md", b)]).is_empty());
    }

    #[test]
    fn a_single_draft_is_never_flagged() {
        let doubled = format!(
            "{SOURCE}\nThe Zambezi River Authority said on Thursday that Lake Kariba, the biggest artificial reservoir on Earth, stood at just 9% of capacity, its lowest since 1996.\n"
        );
        assert!(findings(&[("only.md", &doubled)]).is_empty());
    }
}
