//! Sets of byte ranges with fast membership tests: where a draft's direct quotations are,
//! so that style rules can leave a speaker's words alone.

use std::ops::Range;

use super::Block;
use super::quotes::Quotation;

/// The index of the block whose span holds all of `span`, if one does (blocks are in
/// order and do not overlap).
pub fn block_holding(blocks: &[Block], span: &Range<usize>) -> Option<usize> {
    let position = blocks.partition_point(|b| b.span.end < span.end);
    let block = blocks.get(position)?;
    (block.span.start <= span.start && span.end <= block.span.end).then_some(position)
}

/// Disjoint byte ranges in ascending order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanSet {
    spans: Vec<Range<usize>>,
}

impl SpanSet {
    /// A set of the given ranges; they are sorted and overlapping ones merged.
    pub fn new(mut spans: Vec<Range<usize>>) -> SpanSet {
        spans.retain(|span| span.start < span.end);
        spans.sort_by_key(|span| (span.start, span.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        SpanSet { spans: merged }
    }

    /// The spans of a draft's direct quotations, quotation marks included.
    pub fn of_quotations(quotations: &[Quotation]) -> SpanSet {
        SpanSet::new(quotations.iter().map(|q| q.span.clone()).collect())
    }

    /// True when `offset` lies inside one of the ranges.
    pub fn contains(&self, offset: usize) -> bool {
        let position = self.spans.partition_point(|span| span.end <= offset);
        self.spans
            .get(position)
            .is_some_and(|span| span.start <= offset && offset < span.end)
    }

    /// True when any byte of `range` lies inside one of the ranges.
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        let position = self.spans.partition_point(|span| span.end <= range.start);
        self.spans
            .get(position)
            .is_some_and(|span| span.start < range.end && range.start < span.end)
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Range<usize>> {
        self.spans.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_and_overlap() {
        let set = SpanSet::new(vec![10..20, 0..5, 18..25, 30..30]);
        assert_eq!(set.iter().cloned().collect::<Vec<_>>(), vec![0..5, 10..25]);
        assert!(set.contains(0));
        assert!(!set.contains(5));
        assert!(set.contains(24));
        assert!(!set.contains(25));
        assert!(set.overlaps(&(4..11)));
        assert!(set.overlaps(&(24..40)));
        assert!(!set.overlaps(&(5..10)));
        assert!(!set.overlaps(&(25..30)));
        assert!(!SpanSet::default().contains(0));
    }
}
