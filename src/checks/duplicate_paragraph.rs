//! # duplicate-paragraph
//!
//! ## What it flags
//! A paragraph that repeats an earlier paragraph of the story, word for word or nearly
//! (a few words changed, a clause added or removed). The later copy is flagged; the
//! diagnostic points at the first copy.
//!
//! ## Why it matters
//! Drafts are assembled from notes, wire copy and earlier versions. A paragraph pasted
//! twice, or a rewritten paragraph left in beside the one it replaced, reads as sloppy
//! at best and, when the two copies disagree on a figure or a name, as a correction
//! waiting to happen.
//!
//! ## Example
//! ```text
//! Talks broke down late on Friday at the commission's offices.
//! …
//! Talks broke down late on Friday at the commission's offices in Dublin.
//! ```
//! Use instead: keep one of the two paragraphs.
//!
//! Paragraphs are compared after folding case, diacritics, quotation marks, punctuation
//! and white space. An *exact* duplicate has the same words in the same order. A *near*
//! duplicate shares at least 60% of its distinct words with the earlier paragraph (word
//! Jaccard similarity ≥ 0.6). On the development corpus, every planted near copy scores
//! 0.75 or more and no two different paragraphs score above 0.29, so 0.6 sits well inside
//! the gap. Paragraphs shorter than 5 words (separators, datelines, bylines, sign-offs) are
//! never compared, near duplicates need 10 words in each copy, headings are compared
//! only with headings, and a heading that repeats the front-matter title is ignored. Every
//! pair of paragraphs that could reach 0.6 is compared, except in a story of thousands of
//! paragraphs sharing most of their words (a generated file, a folder of near-identical
//! drafts): there each paragraph is compared with at most 128 earlier paragraphs among
//! those sharing its rarest words, the earliest first, so the check stays fast.
//!
//! Not compared: an embedded social-media post (its text above a signature line such as
//! "— Jo Borg (@joborg) November 19, 2019"), which repeats what the story quotes from it as
//! the platform shows it. When the first copy is the draft's opening block (its first block
//! that is not a heading: on a web page, often a deck, standfirst or pull quote restating a
//! paragraph of the story on purpose) and the later copy is a longer version of it, the
//! finding is a hint; an exact copy stays a warning.
//!
//! With `story = "folder"` (or `copydesk check --story`) the drafts of one folder are one
//! story: a paragraph reused in a sidebar from the main story is found too.
//!
//! ## Fix
//! Delete the later copy, with the blank line after it (before it, when it ends the draft).
//! Safe for exact copies; unsafe for near copies, because the later one may be the
//! corrected version.
//!
//! ## Configuration
//! - `[rules] duplicate-paragraph = "warning"` (or `error`, `info`, `hint`, `off`)
//! - `story = "folder"` to compare across the drafts of a folder.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Ctx, DraftContext, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::text::embeds::embedded_blocks;
use crate::text::fold::fold_each;
use crate::text::{Block, BlockKind};

const RULE: &str = "duplicate-paragraph";

/// Fewest words for a block to be compared at all.
const MIN_WORDS_EXACT: usize = 5;
/// Fewest words in each copy for a near duplicate.
const MIN_WORDS_NEAR: usize = 10;
/// Stories with at most this many comparable blocks compare every pair directly.
const ALL_PAIRS_LIMIT: usize = 300;
/// In a larger story, each word lists at most this many blocks for the near-duplicate search.
const MAX_POSTINGS_PER_WORD: usize = 128;
/// In a larger story, each block is compared with at most this many earlier blocks.
const MAX_COMPARISONS: usize = 128;
/// Least word Jaccard similarity for a near duplicate.
const NEAR_THRESHOLD: f64 = 0.6;

/// A block's comparable form.
struct Fingerprint {
    draft: usize,
    block: usize,
    heading: bool,
    /// Hash of the normalised word sequence.
    sequence_hash: u64,
    /// Distinct normalised words (hashed), sorted.
    words: Vec<u64>,
    word_count: usize,
}

/// The normalised words of a block, hashed, in order: case and diacritics folded,
/// apostrophes and other punctuation removed.
fn normalised_word_hashes(text: &str) -> Vec<u64> {
    use std::hash::Hasher;
    let mut hashes = Vec::with_capacity(text.len() / 5);
    let mut hasher = rustc_hash::FxHasher::default();
    let mut in_word = false;
    fold_each(text, |character| {
        if character.is_alphanumeric() {
            hasher.write_u32(character as u32);
            in_word = true;
        } else if character != '\'' && in_word {
            hashes.push(std::mem::take(&mut hasher).finish());
            in_word = false;
        }
    });
    if in_word {
        hashes.push(hasher.finish());
    }
    hashes
}

fn sequence_hash(words: &[u64]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    for word in words {
        hasher.write_u64(*word);
    }
    hasher.finish()
}

fn fingerprint(
    draft_index: usize,
    block_index: usize,
    draft: &DraftContext<'_>,
    block: &Block,
) -> Option<Fingerprint> {
    let parsed = &draft.parsed;
    let heading = match block.kind {
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::BlockQuote => false,
        BlockKind::Heading => true,
        BlockKind::Separator => return None,
    };
    let text = &parsed.copy[block.span.clone()];
    let words = normalised_word_hashes(text);
    if words.len() < MIN_WORDS_EXACT {
        return None;
    }
    if heading
        && let Some(title) = &parsed.front_matter_title
        && normalised_word_hashes(title) == words
    {
        return None;
    }
    let sequence_hash = sequence_hash(&words);
    let mut set = words.clone();
    set.sort_unstable();
    set.dedup();
    Some(Fingerprint {
        draft: draft_index,
        block: block_index,
        heading,
        sequence_hash,
        words: set,
        word_count: words.len(),
    })
}

/// The word Jaccard similarity of two sorted, distinct word lists, when it reaches
/// `threshold`. The merge stops as soon as the words left cannot share enough: most pairs
/// of different paragraphs are given up after a few words.
fn jaccard_at_least(a: &[u64], b: &[u64], threshold: f64) -> Option<f64> {
    // shared / (|a| + |b| - shared) >= t  ⇔  shared >= t (|a| + |b|) / (1 + t).
    // (Less a hair, so that rounding never rules out a pair exactly at the threshold.)
    let needed = (threshold * (a.len() + b.len()) as f64 / (1.0 + threshold) - 1e-9).ceil() as usize;
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        if shared + (a.len() - i).min(b.len() - j) < needed {
            return None;
        }
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    let similarity = if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    };
    (similarity >= threshold).then_some(similarity)
}

/// True when two texts are near copies as this rule judges paragraphs: ten words or more
/// in each, sharing at least 60% of their distinct words. `second-reference` asks it, to
/// leave a name in a near copy of its paragraph to this rule.
pub(crate) fn nearly_repeats(a: &str, b: &str) -> bool {
    let distinct = |text: &str| {
        let mut words = normalised_word_hashes(text);
        let count = words.len();
        words.sort_unstable();
        words.dedup();
        (words, count)
    };
    let ((a_words, a_count), (b_words, b_count)) = (distinct(a), distinct(b));
    a_count >= MIN_WORDS_NEAR
        && b_count >= MIN_WORDS_NEAR
        && jaccard_at_least(&a_words, &b_words, NEAR_THRESHOLD).is_some()
}

/// The range to delete to remove a block: its whole lines and one blank line after it or,
/// when it is the draft's last block, the blank lines before it and whatever white space
/// follows it, so that the draft does not end in a blank line.
pub(crate) fn block_deletion_span(draft: &DraftContext<'_>, block: &Block) -> Range<usize> {
    let parsed = &draft.parsed;
    let index = &parsed.line_index;
    let source = parsed.source;
    let is_blank = |line: usize| source[index.line_span(source, line)].trim().is_empty();
    let mut start = index.line_start(block.first_line);
    let mut end = index.line_start(block.last_line + 1).min(source.len());
    if source[end..].trim().is_empty() {
        let mut first = block.first_line;
        while first > 0 && is_blank(first - 1) {
            first -= 1;
        }
        start = index.line_start(first);
        end = source.len();
    } else {
        let next_line = block.last_line + 1;
        if next_line < index.line_count() && is_blank(next_line) {
            end = index.line_start(next_line + 1);
        }
    }
    start..end.min(source.len())
}

/// The near duplicates: for each block, the earliest earlier block whose words it nearly
/// repeats, as (later, earlier, similarity), in story order.
///
/// A story of a few hundred blocks compares every pair. A larger one uses prefix
/// filtering: order each word set rarest first; two sets with Jaccard ≥ t share a word
/// among the first |x| - ⌈t·|x|⌉ + 1 of each, so each block is compared only with the
/// earlier blocks listed under its prefix words. The lists keep the earliest
/// `MAX_POSTINGS_PER_WORD` blocks and each block is compared with at most
/// `MAX_COMPARISONS` of them, so time and memory stay linear in the story's length even
/// when thousands of blocks share their words; below those caps (every real story) the
/// search is exact.
///
/// An exact copy has its first copy's words, so only first copies are compared: a block
/// near an exact copy is near its first copy too, and repeated blocks (a story pasted
/// twice) cost nothing here.
fn near_pairs(prints: &[Fingerprint], exact_copies: &FxHashSet<usize>) -> Vec<(usize, usize, f64)> {
    let comparable: Vec<bool> = prints
        .iter()
        .enumerate()
        .map(|(index, print)| print.word_count >= MIN_WORDS_NEAR && !exact_copies.contains(&index))
        .collect();
    // The similarity of two comparable blocks when it reaches the threshold.
    let near = |later: usize, earlier: usize| -> Option<f64> {
        let (a, b) = (&prints[later], &prints[earlier]);
        let (size, other) = (a.words.len() as f64, b.words.len() as f64);
        if !comparable[earlier]
            || a.heading != b.heading
            || size.min(other) < NEAR_THRESHOLD * size.max(other)
        {
            return None;
        }
        jaccard_at_least(&b.words, &a.words, NEAR_THRESHOLD)
    };
    let mut pairs = Vec::new();
    if prints.len() <= ALL_PAIRS_LIMIT {
        for later in (0..prints.len()).filter(|&index| comparable[index]) {
            if let Some((earlier, similarity)) =
                (0..later).find_map(|earlier| near(later, earlier).map(|similarity| (earlier, similarity)))
            {
                pairs.push((later, earlier, similarity));
            }
        }
        return pairs;
    }

    let mut frequency: FxHashMap<u64, u32> = FxHashMap::default();
    for print in prints {
        for word in &print.words {
            *frequency.entry(*word).or_default() += 1;
        }
    }
    // Each prefix word's earliest comparable blocks, in story order.
    let mut postings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    // The block that last looked at each block, so that a candidate listed under several
    // prefix words is compared once.
    let mut seen_by: Vec<usize> = vec![usize::MAX; prints.len()];
    let mut ordered: Vec<(u32, u64)> = Vec::new();
    for later in (0..prints.len()).filter(|&index| comparable[index]) {
        // Rarest first, looked up once per word rather than once per comparison.
        ordered.clear();
        ordered.extend(
            prints[later]
                .words
                .iter()
                .map(|word| (frequency.get(word).copied().unwrap_or(0), *word)),
        );
        ordered.sort_unstable();
        let prefix = ordered.len() - (NEAR_THRESHOLD * ordered.len() as f64).ceil() as usize + 1;
        let mut best: Option<(usize, f64)> = None;
        let mut comparisons = 0;
        'words: for (_, word) in &ordered[..prefix] {
            let Some(list) = postings.get(word) else {
                continue;
            };
            for &earlier in list {
                // Lists are in story order: nothing further on beats the best so far.
                if best.is_some_and(|(found, _)| earlier >= found) {
                    break;
                }
                if seen_by[earlier] == later {
                    continue;
                }
                seen_by[earlier] = later;
                if comparisons == MAX_COMPARISONS {
                    break 'words;
                }
                comparisons += 1;
                if let Some(similarity) = near(later, earlier) {
                    best = Some((earlier, similarity));
                }
            }
        }
        for (_, word) in &ordered[..prefix] {
            let list = postings.entry(*word).or_default();
            if list.len() < MAX_POSTINGS_PER_WORD {
                list.push(later);
            }
        }
        if let Some((earlier, similarity)) = best {
            pairs.push((later, earlier, similarity));
        }
    }
    pairs
}

/// The `duplicate-paragraph` rule: it compares the drafts of a story, so it checks the story whole.
pub struct DuplicateParagraph;

impl Rule for DuplicateParagraph {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A paragraph that repeats an earlier one, exactly or nearly."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Always
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Findings<'_>) {
        check_story(ctx, out);
    }
}

/// The draft's opening block of copy: its first block that is not a heading or a
/// separator. On a page that is often a deck, standfirst or pull quote set above the story,
/// which restates a paragraph of the story below it on purpose.
fn opening_block(draft: &DraftContext<'_>) -> Option<usize> {
    draft
        .parsed
        .blocks
        .iter()
        .position(|block| !matches!(block.kind, BlockKind::Heading | BlockKind::Separator))
}

fn check_story(ctx: &Ctx<'_>, out: &mut Findings<'_>) {
    let mut prints: Vec<Fingerprint> = Vec::new();
    let mut openings: Vec<Option<usize>> = Vec::with_capacity(ctx.drafts.len());
    for (draft_index, draft) in ctx.drafts.iter().enumerate() {
        openings.push(opening_block(draft));
        // An embedded post repeats what the story quotes from it, as the platform shows it:
        // its text is not a paragraph of the story.
        let embedded = embedded_blocks(&draft.parsed);
        for (block_index, block) in draft.parsed.blocks.iter().enumerate() {
            if embedded[block_index] {
                continue;
            }
            if let Some(print) = fingerprint(draft_index, block_index, draft, block) {
                prints.push(print);
            }
        }
    }
    // `prints` is in story order: drafts in order, blocks in order.
    let mut exact_copies: FxHashSet<usize> = FxHashSet::default();
    let mut first_of_sequence: FxHashMap<(u64, bool), usize> = FxHashMap::default();
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new(); // (later, earlier, similarity)
    for (index, print) in prints.iter().enumerate() {
        match first_of_sequence.get(&(print.sequence_hash, print.heading)) {
            Some(&earlier) => {
                pairs.push((index, earlier, 1.0));
                exact_copies.insert(index);
            }
            None => {
                first_of_sequence.insert((print.sequence_hash, print.heading), index);
            }
        }
    }

    pairs.extend(near_pairs(&prints, &exact_copies));

    for (later, earlier, similarity) in pairs {
        let later_print = &prints[later];
        let earlier_print = &prints[earlier];
        let draft = &ctx.drafts[later_print.draft];
        let block = &draft.parsed.blocks[later_print.block];
        let earlier_draft = &ctx.drafts[earlier_print.draft];
        let earlier_block = &earlier_draft.parsed.blocks[earlier_print.block];
        let exact = similarity >= 1.0 && later_print.sequence_hash == earlier_print.sequence_hash;
        let place = if earlier_print.draft == later_print.draft {
            format!("line {}", earlier_block.first_line + 1)
        } else {
            format!("{}:{}", earlier_draft.path, earlier_block.first_line + 1)
        };
        let what = if later_print.heading {
            "heading"
        } else {
            "paragraph"
        };
        let mut message = if exact {
            format!("This {what} repeats the one at {place} word for word.")
        } else {
            format!(
                "This {what} nearly repeats the one at {place} ({:.0}% of their words are shared).",
                similarity * 100.0
            )
        };
        // The first copy opens its draft and is a shorter version of the later one: a deck
        // or pull quote restating the story's own paragraph is likelier than a paste, so
        // this is a hint. (A paragraph pasted twice word for word stays a warning.)
        let restated_opening = !exact
            && !later_print.heading
            && openings[earlier_print.draft] == Some(earlier_print.block)
            && earlier_print.word_count < later_print.word_count;
        if restated_opening {
            message.push_str(" If that one is a deck or pull quote above the story, keep both.");
        }
        let applicability = if exact {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        let fix = Fix::replace(
            format!("Delete this repeated {what}"),
            later_print.draft,
            block_deletion_span(draft, block),
            "",
            applicability,
        );
        let mut finding = Finding::new(RULE, later_print.draft, block.span.clone(), message)
            .with_related(
                earlier_print.draft,
                earlier_block.span.clone(),
                format!("first copy of this {what}"),
            )
            .with_fix(fix);
        if restated_opening {
            finding.severity = Severity::Hint;
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_early_exit_never_changes_the_answer() {
        // Every pair of small word sets, against the plain definition of Jaccard.
        let sets: Vec<Vec<u64>> = (0u32..256)
            .map(|bits| (0..8u64).filter(|b| bits & (1 << b) != 0).collect())
            .collect();
        for a in &sets {
            for b in &sets {
                let shared = a.iter().filter(|w| b.contains(w)).count();
                let union = a.len() + b.len() - shared;
                let plain = if union == 0 {
                    0.0
                } else {
                    shared as f64 / union as f64
                };
                for threshold in [0.5, 0.6, 0.75] {
                    let expected = (plain >= threshold).then_some(plain);
                    assert_eq!(
                        super::jaccard_at_least(a, b, threshold),
                        expected,
                        "{a:?} {b:?} {threshold}"
                    );
                }
            }
        }
    }
    use crate::testing::{assert_fixture, findings_for};

    #[test]
    fn exact_and_near_copies() {
        assert_fixture(
            "duplicate-paragraph",
            "Headline for the story

Talks broke down late on Friday at the commission's offices in Dublin.

The union said it would decide on Wednesday whether to call further action.

Talks broke down late on Friday at the commission’s offices in Dublin.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ duplicate-paragraph

The union said on Monday it would decide on Wednesday whether to call further strike action.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ duplicate-paragraph
",
        );
    }

    #[test]
    fn a_copy_of_the_opening_block_is_a_hint() {
        // A pull quote set above the story, restating the paragraph that gives the quote.
        let text = "Headline\n\n\"We will see things the service can do that no other platform can,\" says Jo Borg, head of games at the company.\n\nThe company's streaming service launched on Tuesday morning in 14 countries.\n\n\"The service was built from the start as a cloud platform,\" Jo Borg, head of games at the company, said. \"We will see things the service can do that no other platform can.\"\n";
        let findings = findings_for("duplicate-paragraph", text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].severity, crate::finding::Severity::Hint);
        assert_eq!(
            findings[0].fixes[0].applicability,
            crate::finding::Applicability::Unsafe
        );
        // A lede pasted again word for word is a warning.
        let text = "Headline\n\nThe company's streaming service launched on Tuesday morning in 14 countries.\n\nIt costs $9.99 a month.\n\nThe company's streaming service launched on Tuesday morning in 14 countries.\n";
        let findings = findings_for("duplicate-paragraph", text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].severity, crate::finding::Severity::Warning);
        // The same copy further down the story is a warning.
        let text = "Headline\n\nThe company's streaming service launched on Tuesday morning in 14 countries.\n\n\"We will see things the service can do that no other platform can,\" says Jo Borg, head of games at the company.\n\n\"The service was built from the start as a cloud platform,\" Jo Borg, head of games at the company, said. \"We will see things the service can do that no other platform can.\"\n";
        let findings = findings_for("duplicate-paragraph", text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].severity, crate::finding::Severity::Warning);
    }

    #[test]
    fn an_embedded_post_is_not_a_paragraph_of_the_story() {
        assert_fixture(
            "duplicate-paragraph",
            "Headline for the story

The club thanked its fans on Wednesday in a post on its account on the social network.

\"Thank you to every fan who stood with us through a long and difficult season,\" the club wrote.

Thank you to every fan who stood with us through a long and difficult season. pic.twitter.com/abc123

— Valletta FC (@vallettafc) November 20, 2019

The manager starts work on Monday.
",
        );
    }

    #[test]
    fn separators_titles_and_short_lines_are_not_duplicates() {
        assert_fixture(
            "duplicate-paragraph",
            "---
title: Fire forces evacuations in the mountains
---

# Fire forces evacuations in the mountains

By Staff Reporter

***

First paragraph of copy with enough words to count here.

***

By Staff Reporter

He declined to comment.

He declined to comment.
",
        );
    }

    #[test]
    fn different_paragraphs_about_the_same_thing_are_not_near_copies() {
        let findings = findings_for(
            "duplicate-paragraph",
            "Headline\n\nMwansa said the government would ask mining companies to bring in their own generators.\n\nMwansa said the power cuts would be reviewed every two weeks and eased once water levels rose.\n",
        );
        assert!(findings.is_empty(), "{findings:?}");
    }

    /// Thousands of blocks sharing one vocabulary (a generated or pasted-together file) must
    /// neither hide a real near copy nor cost a comparison per pair.
    #[test]
    fn thousands_of_similar_paragraphs_are_all_matched_to_their_first_copy() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |bound: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % bound
        };
        let vocabulary: Vec<String> = (0..24).map(|i| format!("word{i}")).collect();
        let base: Vec<&str> = vocabulary[..20].iter().map(String::as_str).collect();
        let unique = |index: usize| -> Vec<String> { (0..12).map(|j| format!("rare{index}x{j}")).collect() };

        let mut text = String::from("Headline\n\n");
        let mut line = 2;
        let mut push = |text: &mut String, words: &[&str]| -> usize {
            text.push_str(&words.join(" "));
            text.push_str(".\n\n");
            line += 2;
            line - 2
        };
        let base_line = push(&mut text, &base);
        let mut variant_lines = Vec::new();
        let mut unique_lines = Vec::new();
        for index in 1..4000 {
            if index % 100 == 0 {
                let words = unique(index / 100);
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                unique_lines.push(push(&mut text, &words));
            }
            // Drop two of the base words, add two of the other four, shuffle: 82% shared.
            let mut words = base.clone();
            words.swap_remove(next(words.len()));
            words.swap_remove(next(words.len()));
            let mut extra: Vec<&str> = vocabulary[20..].iter().map(String::as_str).collect();
            words.push(extra.swap_remove(next(extra.len())));
            words.push(extra.swap_remove(next(extra.len())));
            for i in (1..words.len()).rev() {
                words.swap(i, next(i + 1));
            }
            variant_lines.push(push(&mut text, &words));
        }
        // At the end, far from their first copies: a near copy of one rare paragraph (one
        // word changed) and an exact copy of another.
        let mut near_copy = unique(3);
        near_copy[5] = "changed".to_string();
        let near_copy: Vec<&str> = near_copy.iter().map(String::as_str).collect();
        let near_copy_line = push(&mut text, &near_copy);
        let exact_copy = unique(7);
        let exact_copy: Vec<&str> = exact_copy.iter().map(String::as_str).collect();
        let exact_copy_line = push(&mut text, &exact_copy);

        let findings = findings_for("duplicate-paragraph", &text);
        let index = crate::text::LineIndex::new(&text);
        let mut found: Vec<(usize, usize, bool)> = findings
            .iter()
            .map(|finding| {
                (
                    index.line_of(finding.span.start),
                    index.line_of(finding.related[0].span.start),
                    finding.message.contains("word for word"),
                )
            })
            .collect();
        found.sort_unstable();
        let mut expected: Vec<(usize, usize, bool)> = variant_lines
            .iter()
            .map(|&line| (line, base_line, false))
            .collect();
        // `unique(3)` is the third rare paragraph, `unique(7)` the seventh.
        expected.push((near_copy_line, unique_lines[2], false));
        expected.push((exact_copy_line, unique_lines[6], true));
        expected.sort_unstable();
        assert_eq!(found.len(), expected.len());
        assert_eq!(found, expected);
    }

    #[test]
    fn deleting_the_last_paragraph_takes_the_blank_line_before_it() {
        for (source, fixed) in [
            (
                "Headline\n\nOne two three four five six.\n\nMiddle paragraph here now.\n\nOne two three four five six.\n",
                "Headline\n\nOne two three four five six.\n\nMiddle paragraph here now.\n",
            ),
            // No final line break, CRLF, trailing blank lines.
            (
                "Headline\r\n\r\nOne two three four five six.\r\n\r\nOne two three four five six.",
                "Headline\r\n\r\nOne two three four five six.\r\n",
            ),
            (
                "Headline\n\nOne two three four five six.\n\n\nOne two three four five six.\n\n \n",
                "Headline\n\nOne two three four five six.\n",
            ),
        ] {
            assert_eq!(
                crate::testing::apply_safe_fixes(source, "duplicate-paragraph"),
                fixed
            );
        }
    }

    #[test]
    fn fixes_delete_the_later_copy_and_its_blank_line() {
        let source = "Headline\n\nOne two three four five six.\n\nMiddle paragraph here now.\n\nOne two three four five six.\n\nEnd.\n";
        let fixed = crate::testing::apply_safe_fixes(source, "duplicate-paragraph");
        assert_eq!(
            fixed,
            "Headline\n\nOne two three four five six.\n\nMiddle paragraph here now.\n\nEnd.\n"
        );
    }
}
