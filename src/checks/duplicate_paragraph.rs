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
//! only with headings, and a heading that repeats the front-matter title is ignored.
//!
//! With `story = "folder"` (or `copydesk check --story`) the drafts of one folder are one
//! story: a paragraph reused in a sidebar from the main story is found too.
//!
//! ## Fix
//! Delete the later copy, with the blank line after it. Safe for exact copies; unsafe for
//! near copies, because the later one may be the corrected version.
//!
//! ## Configuration
//! - `[rules] duplicate-paragraph = "warning"` (or `error`, `info`, `hint`, `off`)
//! - `story = "folder"` to compare across the drafts of a folder.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Ctx, DraftContext};
use crate::finding::{Applicability, Finding, Fix};
use crate::text::fold::fold_each;
use crate::text::{Block, BlockKind};

const RULE: &str = "duplicate-paragraph";

/// Fewest words for a block to be compared at all.
const MIN_WORDS_EXACT: usize = 5;
/// Fewest words in each copy for a near duplicate.
const MIN_WORDS_NEAR: usize = 10;
/// Stories with at most this many comparable blocks compare every pair directly.
const ALL_PAIRS_LIMIT: usize = 300;
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

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
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
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// The range to delete to remove a block: its whole lines and one blank line after it.
pub(crate) fn block_deletion_span(draft: &DraftContext<'_>, block: &Block) -> Range<usize> {
    let parsed = &draft.parsed;
    let index = &parsed.line_index;
    let start = index.line_start(block.first_line);
    let mut end = index.line_start(block.last_line + 1);
    let next_line = block.last_line + 1;
    if next_line < index.line_count() {
        let span = index.line_span(parsed.source, next_line);
        if parsed.source[span].trim().is_empty() {
            end = index.line_start(next_line + 1);
        }
    }
    start..end.min(parsed.source.len())
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut prints: Vec<Fingerprint> = Vec::new();
    for (draft_index, draft) in ctx.drafts.iter().enumerate() {
        for (block_index, block) in draft.parsed.blocks.iter().enumerate() {
            if let Some(print) = fingerprint(draft_index, block_index, draft, block) {
                prints.push(print);
            }
        }
    }
    // `prints` is in story order: drafts in order, blocks in order.
    let mut flagged: FxHashSet<usize> = FxHashSet::default();
    let mut first_of_sequence: FxHashMap<(u64, bool), usize> = FxHashMap::default();
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new(); // (later, earlier, similarity)
    for (index, print) in prints.iter().enumerate() {
        match first_of_sequence.get(&(print.sequence_hash, print.heading)) {
            Some(&earlier) => {
                pairs.push((index, earlier, 1.0));
                flagged.insert(index);
            }
            None => {
                first_of_sequence.insert((print.sequence_hash, print.heading), index);
            }
        }
    }

    // Near duplicates. A story of a few hundred blocks compares every pair whose sizes
    // allow the threshold; a larger one uses prefix filtering: order each word set rarest
    // first; two sets with Jaccard ≥ t share a word among the first |x| - ⌈t·|x|⌉ + 1 of each.
    // An exact copy has its first copy's words, so only first copies need comparing: a
    // paragraph near an exact copy is near its first copy too. Repeated paragraphs (a
    // story pasted twice) then cost nothing here.
    let near_candidate =
        |index: usize| prints[index].word_count >= MIN_WORDS_NEAR && !flagged.contains(&index);
    let mut candidates_of: Vec<Vec<usize>> = vec![Vec::new(); prints.len()];
    if prints.len() <= ALL_PAIRS_LIMIT {
        for later in 0..prints.len() {
            if !near_candidate(later) {
                continue;
            }
            let size = prints[later].words.len() as f64;
            for (earlier, earlier_print) in prints[..later].iter().enumerate() {
                let other = earlier_print.words.len() as f64;
                if near_candidate(earlier) && size.min(other) >= NEAR_THRESHOLD * size.max(other) {
                    candidates_of[later].push(earlier);
                }
            }
        }
    } else {
        let mut frequency: FxHashMap<u64, u32> = FxHashMap::default();
        for print in &prints {
            for word in &print.words {
                *frequency.entry(*word).or_default() += 1;
            }
        }
        let mut index_by_word: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut ordered: Vec<(u32, u64)> = Vec::new();
        for (index, print) in prints.iter().enumerate() {
            if !near_candidate(index) {
                continue;
            }
            // Rarest first, looked up once per word rather than once per comparison.
            ordered.clear();
            ordered.extend(
                print
                    .words
                    .iter()
                    .map(|word| (frequency.get(word).copied().unwrap_or(0), *word)),
            );
            ordered.sort_unstable();
            let prefix = ordered.len() - (NEAR_THRESHOLD * ordered.len() as f64).ceil() as usize + 1;
            let size = print.words.len() as f64;
            let mut candidates: Vec<usize> = Vec::new();
            for (_, word) in ordered.iter().take(prefix) {
                let list = index_by_word.entry(*word).or_default();
                candidates.extend(list.iter().copied().filter(|&earlier| {
                    let other = prints[earlier].words.len() as f64;
                    size.min(other) >= NEAR_THRESHOLD * size.max(other)
                }));
                list.push(index);
            }
            candidates.sort_unstable();
            candidates.dedup();
            candidates_of[index] = candidates;
        }
    }
    for (index, candidates) in candidates_of.iter().enumerate() {
        if flagged.contains(&index) {
            continue;
        }
        let print = &prints[index];
        let mut best: Option<(usize, f64)> = None;
        for &earlier in candidates {
            if prints[earlier].heading != print.heading {
                continue;
            }
            let similarity = jaccard(&prints[earlier].words, &print.words);
            if similarity >= NEAR_THRESHOLD && best.is_none_or(|(b, _)| earlier < b) {
                best = Some((earlier, similarity));
            }
        }
        if let Some((earlier, similarity)) = best {
            pairs.push((index, earlier, similarity));
            flagged.insert(index);
        }
    }

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
        let message = if exact {
            format!("This {what} repeats the one at {place} word for word.")
        } else {
            format!(
                "This {what} nearly repeats the one at {place} ({:.0}% of their words are shared).",
                similarity * 100.0
            )
        };
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
        out.push(
            Finding::new(RULE, later_print.draft, block.span.clone(), message)
                .with_related(
                    earlier_print.draft,
                    earlier_block.span.clone(),
                    format!("first copy of this {what}"),
                )
                .with_fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
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
