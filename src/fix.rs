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
    edits_within(findings, draft, mode, None)
}

/// The fix each finding would have applied to `draft`: its first allowed fix, or, when
/// that one also edits other drafts, its first allowed fix that edits this draft alone.
fn chosen_fix(finding: &Finding, draft: usize, mode: FixMode) -> Option<&[Edit]> {
    let fix = finding.fixes.iter().find(|fix| mode.allows(fix.applicability))?;
    if !fix.edits.is_empty() && fix.edits.iter().all(|e| e.draft == draft) {
        return Some(&fix.edits);
    }
    // A story-wide fix also touches other drafts; use the first single-draft fix.
    finding
        .fixes
        .iter()
        .find(|fix| {
            mode.allows(fix.applicability)
                && !fix.edits.is_empty()
                && fix.edits.iter().all(|e| e.draft == draft)
        })
        .map(|fix| fix.edits.as_slice())
}

/// `edits_for_draft`, keeping only fixes whose every edit lies inside one of `regions`
/// (sorted, in the draft's current text) when given: the later rounds of `--fix` apply
/// only what the first round reported (see `Regions`).
pub fn edits_within(
    findings: &[Finding],
    draft: usize,
    mode: FixMode,
    regions: Option<&Regions>,
) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    for finding in findings.iter().filter(|f| f.draft == draft) {
        let Some(fix) = chosen_fix(finding, draft, mode) else {
            continue;
        };
        if regions.is_some_and(|regions| !fix.iter().all(|edit| regions.contains(&edit.span))) {
            continue;
        }
        push_if_clear(&mut edits, fix);
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

/// The parts of a draft that `--fix` may change: the spans of the edits the first round
/// reported (every finding's chosen fix, applied or deferred for overlapping another),
/// carried through each round's edits into the current text. A later round applies a
/// fix only when all its edits fall inside them, so a run of `--fix` never changes a byte
/// outside what `copydesk check` showed it would fix; fixes that only become possible
/// after the first round are reported, for the next run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Regions {
    spans: Vec<Range<usize>>,
}

impl Regions {
    /// The spans of the fixes `findings` offer for `draft` under `mode`.
    pub fn reported(findings: &[Finding], draft: usize, mode: FixMode) -> Regions {
        let mut spans: Vec<Range<usize>> = findings
            .iter()
            .filter(|f| f.draft == draft)
            .filter_map(|finding| chosen_fix(finding, draft, mode))
            .flat_map(|edits| edits.iter().map(|edit| edit.span.clone()))
            .collect();
        spans.sort_by_key(|span| (span.start, span.end));
        Regions { spans: merge(spans) }
    }

    pub fn spans(&self) -> &[Range<usize>] {
        &self.spans
    }

    /// Whether an edit of `span` stays inside one region (an insertion may stand at
    /// either end of one).
    pub fn contains(&self, span: &Range<usize>) -> bool {
        let index = self.spans.partition_point(|region| region.end < span.end);
        self.spans[index..]
            .iter()
            .take_while(|region| region.start <= span.start)
            .any(|region| region.start <= span.start && span.end <= region.end)
    }

    /// The regions in the text that applying `edits` (sorted, non-overlapping, each
    /// inside a region) to the current text makes.
    pub fn after(&self, edits: &[Edit]) -> Regions {
        let spans = self
            .spans
            .iter()
            .map(|span| map_position(edits, span.start, false)..map_position(edits, span.end, true))
            .collect();
        Regions { spans: merge(spans) }
    }
}

/// Joins touching and overlapping spans of a sorted list.
fn merge(spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// Where `position` of a text lands once `edits` (sorted, non-overlapping) are applied.
/// A position inside a replaced span goes to the start of its replacement, or to its end
/// with `after`; so does a position at an insertion.
fn map_position(edits: &[Edit], position: usize, after: bool) -> usize {
    let mut shift: isize = 0;
    for edit in edits {
        let Range { start, end } = edit.span;
        let growth = edit.new_text.len() as isize - (end - start) as isize;
        if end < position || (end == position && (after || start < end)) {
            shift += growth;
            continue;
        }
        if start < position && position < end {
            let new_start = (start as isize + shift) as usize;
            return if after {
                new_start + edit.new_text.len()
            } else {
                new_start
            };
        }
        break;
    }
    (position as isize + shift) as usize
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
