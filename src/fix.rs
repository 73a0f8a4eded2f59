//! Applying fixes to a draft's text.

use std::ops::Range;

use crate::finding::{Applicability, Edit, Finding};

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Safe fixes only.
    Safe,
    /// Safe and unsafe fixes. Display-only fixes are never applied: the writer completes them.
    Unsafe,
}

impl FixMode {
    pub fn allows(self, applicability: Applicability) -> bool {
        matches!(
            (self, applicability),
            (FixMode::Unsafe, Applicability::Unsafe) | (_, Applicability::Safe)
        )
    }
}

/// The edits to one draft that applying each finding's first allowed fix makes. Edits to
/// other drafts are left out; edits that overlap an earlier one are dropped (the next
/// round of `--fix` picks them up after re-analysis).
pub fn edits_for_draft(findings: &[Finding], draft: usize, mode: FixMode) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    for finding in findings.iter().filter(|f| f.draft == draft) {
        let Some(fix) = finding.fixes.iter().find(|fix| mode.allows(fix.applicability)) else {
            continue;
        };
        // A fix is applied whole or not at all.
        let own: Vec<&Edit> = fix.edits.iter().filter(|e| e.draft == draft).collect();
        if own.is_empty() || own.len() != fix.edits.len() {
            // A story-wide fix also touches other drafts; use the first single-draft fix.
            let Some(local) = finding
                .fixes
                .iter()
                .find(|fix| mode.allows(fix.applicability) && fix.edits.iter().all(|e| e.draft == draft))
            else {
                continue;
            };
            push_if_clear(&mut edits, &local.edits);
            continue;
        }
        push_if_clear(&mut edits, &fix.edits);
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    // Two insertions at one point, or an insertion inside a replaced range, conflict too.
    a.start < b.end && b.start < a.end || (a.start == b.start)
}

fn push_if_clear(edits: &mut Vec<Edit>, new_edits: &[Edit]) {
    if new_edits
        .iter()
        .any(|n| edits.iter().any(|e| overlaps(&e.span, &n.span)))
    {
        return;
    }
    edits.extend(new_edits.iter().cloned());
}

/// Applies non-overlapping edits to `text`. Edits outside the text or splitting a
/// character are skipped, never applied half-way.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for edit in sorted {
        let Range { start, end } = edit.span;
        if start < cursor
            || end > text.len()
            || start > end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&text[cursor..start]);
        out.push_str(&edit.new_text);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    out
}
