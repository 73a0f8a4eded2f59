//! Direct quotations: where they are and whether they are attributed.
//!
//! Double quotation marks only (“…”, "…", «…», „…“): single marks are apostrophes far more
//! often than quotes in news copy. A quote left open at the end of a paragraph and reopened
//! at the start of the next continues (the newsroom convention for a long quote), and
//! inherits the attribution of the paragraph it started in. A block quote is a quotation as
//! a whole, attributed by the paragraph that introduces it ("… wrote in her reasons:").

use std::ops::Range;

use super::attribution::find_attribution;
use super::{BlockKind, ParsedDraft, TokenKind};

/// A direct quotation inside one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    pub block: usize,
    /// Byte range from the opening mark to the closing mark (or the block's end).
    pub span: Range<usize>,
    /// Token range inside the quotation, marks excluded.
    pub tokens: Range<usize>,
    /// The quote was still open at the end of its block.
    pub open_at_end: bool,
    /// The quote continues one left open in the previous block.
    pub continues_previous: bool,
    /// Its block (outside quotes), the block it continues, or the lead-in of a block
    /// quote, names who said it.
    pub attributed: bool,
}

/// How a quotation mark reads in context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight `"`: which one depends on whether a quote is open.
    Either,
}

/// Which quotation marks a draft quotes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteStyle {
    /// “…” or "…" (American and most wire copy); single marks are nested quotes.
    Double,
    /// ‘…’ or '…' (British copy); double marks are nested quotes.
    Single,
}

/// Reads a quotation mark in context. A single mark is a quote only in a draft that
/// quotes with single marks, and only where it cannot be an apostrophe: an opening mark
/// after a space and before a letter, a closing mark while a quote is open.
fn mark_of(draft: &ParsedDraft<'_>, index: usize, style: QuoteStyle) -> Option<Mark> {
    let text = draft.token_text(index);
    match (style, text) {
        (_, "«" | "„") => Some(Mark::Open),
        (_, "»") => Some(Mark::Close),
        (QuoteStyle::Double, "“") => Some(Mark::Open),
        (QuoteStyle::Double, "”") => Some(Mark::Close),
        (QuoteStyle::Double, "\"") => Some(Mark::Either),
        (QuoteStyle::Single, "‘") => Some(Mark::Open),
        (QuoteStyle::Single, "’" | "'") => {
            if opens_single_quote(draft, index) {
                Some(Mark::Open)
            } else {
                Some(Mark::Close)
            }
        }
        _ => None,
    }
}

/// A single mark after a space, a dash or an opening bracket (or at the start of the
/// copy) and right before a letter or digit opens a quote: ` 'We`.
fn opens_single_quote(draft: &ParsedDraft<'_>, index: usize) -> bool {
    let token = draft.tokens[index];
    let before = draft.copy[..token.start].chars().next_back();
    let after = draft.copy[token.end..].chars().next();
    let open_before =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '"' | '“'));
    let word_after = after.is_some_and(char::is_alphanumeric);
    open_before && word_after
}

/// Decides whether a draft quotes with double or single marks by counting the marks that
/// can only open a quote.
pub fn quote_style(draft: &ParsedDraft<'_>) -> QuoteStyle {
    let mut double = 0usize;
    let mut single = 0usize;
    for (index, token) in draft.tokens.iter().enumerate() {
        if token.kind != TokenKind::Punct {
            continue;
        }
        match token.text(&draft.copy) {
            "“" | "\"" => double += 1,
            "‘" | "'" | "’" if opens_single_quote(draft, index) => single += 1,
            _ => {}
        }
    }
    // Straight double marks come in pairs; each opening single mark is one quote.
    if single * 2 > double {
        QuoteStyle::Single
    } else {
        QuoteStyle::Double
    }
}

/// Finds every direct quotation in the draft's blocks, in order.
pub fn find_quotations(draft: &ParsedDraft<'_>, extra_verbs: &[String]) -> Vec<Quotation> {
    let style = quote_style(draft);
    let mut quotations: Vec<Quotation> = Vec::new();
    let mut previous_open_attributed: Option<bool> = None;
    let mut previous_block_introduces: Option<bool> = None;

    for (block_index, block) in draft.blocks.iter().enumerate() {
        if block.kind == BlockKind::Separator {
            continue;
        }
        let first_in_block = quotations.len();
        if block.kind == BlockKind::BlockQuote {
            // A block quote is one quotation; the paragraph before introduces it.
            let attributed = previous_block_introduces.unwrap_or(false)
                || find_attribution(draft, block.tokens.clone(), extra_verbs, &|_| false).is_some();
            quotations.push(Quotation {
                block: block_index,
                span: block.span.clone(),
                tokens: block.tokens.clone(),
                open_at_end: false,
                continues_previous: false,
                attributed,
            });
            previous_open_attributed = None;
            // Consecutive block-quote paragraphs share the introduction.
            continue;
        }

        let mut open: Option<(usize, usize)> = None; // (mark token, first inner token)
        let mut continues = false;
        for index in block.tokens.clone() {
            let token = draft.tokens[index];
            if token.kind != TokenKind::Punct {
                continue;
            }
            let Some(mark) = mark_of(draft, index, style) else {
                continue;
            };
            match (mark, open) {
                (Mark::Open, None) | (Mark::Either, None) => {
                    if index == block.tokens.start && previous_open_attributed.is_some() {
                        continues = true;
                    }
                    open = Some((index, index + 1));
                }
                (Mark::Close, Some((mark_index, inner_start)))
                | (Mark::Either, Some((mark_index, inner_start))) => {
                    quotations.push(Quotation {
                        block: block_index,
                        span: draft.tokens[mark_index].start..token.end,
                        tokens: inner_start..index,
                        open_at_end: false,
                        continues_previous: std::mem::take(&mut continues),
                        attributed: false,
                    });
                    open = None;
                }
                (Mark::Open, Some(_)) => {
                    // A second opening mark: the first was never closed; restart here.
                    open = Some((index, index + 1));
                }
                (Mark::Close, None) => {}
            }
        }
        if let Some((mark_index, inner_start)) = open {
            quotations.push(Quotation {
                block: block_index,
                span: draft.tokens[mark_index].start..block.span.end,
                tokens: inner_start..block.tokens.end,
                open_at_end: true,
                continues_previous: continues,
                attributed: false,
            });
        }

        // Attribution: a cue in the block outside its quotes.
        // Only blocks with quotes, or that introduce what follows, need the search.
        let text = draft.copy[block.span.clone()].trim_end();
        let introduces = text.ends_with(':');
        let in_block = &quotations[first_in_block..];
        let block_cue = (!in_block.is_empty() || introduces) && {
            // A quotation's tokens and its marks. Quotations are in token order and do not
            // overlap, so the only one that can hold a token is the first that does not end
            // before it (its closing mark is at `tokens.end`).
            let inside = |token: usize| {
                let candidate = in_block.partition_point(|q| q.tokens.end < token);
                in_block
                    .get(candidate)
                    .is_some_and(|q| token + 1 >= q.tokens.start && token <= q.tokens.end)
            };
            find_attribution(draft, block.tokens.clone(), extra_verbs, &inside).is_some()
        };
        let inherited = previous_open_attributed.unwrap_or(false);
        for quotation in &mut quotations[first_in_block..] {
            quotation.attributed = block_cue || (quotation.continues_previous && inherited);
        }
        previous_open_attributed = quotations[first_in_block..]
            .last()
            .filter(|q| q.open_at_end)
            .map(|q| q.attributed);
        // A paragraph ending in a colon introduces what follows (a block quote, a list).
        previous_block_introduces = if introduces { Some(block_cue) } else { None };
    }
    quotations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    fn quotes(text: &str) -> Vec<(String, bool)> {
        let draft = ParsedDraft::parse(text, DraftFormat::Markdown);
        find_quotations(&draft, &[])
            .into_iter()
            .map(|q| (draft.copy[q.span.clone()].to_string(), q.attributed))
            .collect()
    }

    #[test]
    fn attributed_and_continued_quotes() {
        let text = "Intro line here.\n\n“We have beds,” she said. “Four in ten are empty.\n\n“On Tuesday we had 96.”\n\nA \"scare\" quote.";
        assert_eq!(
            quotes(text),
            vec![
                ("“We have beds,”".to_string(), true),
                ("“Four in ten are empty.".to_string(), true),
                ("“On Tuesday we had 96.”".to_string(), true),
                ("\"scare\"".to_string(), false),
            ]
        );
    }

    #[test]
    fn british_single_quotes_with_apostrophes() {
        let text = "Intro line here.\n\n‘Since 2019 the drivers’ pay rose 20 per cent,’ he told France Info. ‘It hurt.’\n\nThe union's view: 'plain' prices.";
        assert_eq!(
            quotes(text),
            vec![
                ("‘Since 2019 the drivers’".to_string(), true),
                ("‘It hurt.’".to_string(), true),
                ("'plain'".to_string(), false),
            ]
        );
    }

    #[test]
    fn block_quote_after_an_attributed_lead_in() {
        let text = "Intro line here.\n\nThe judge wrote in her reasons:\n\n> He took 40 savings accounts.\n";
        assert_eq!(
            quotes(text),
            vec![("He took 40 savings accounts.".to_string(), true)]
        );
    }
}
