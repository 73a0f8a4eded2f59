//! Embedded social-media posts: a post a story shows as the platform rendered it, its text
//! followed by the platform's signature line.
//!
//! A page that embeds a post (on X or Twitter, Instagram, Threads, Bluesky) carries the post's
//! text and, under it, a signature naming the account and the date:
//!
//! ```text
//! We will keep the ferry running all winter. pic.twitter.com/abc123
//!
//! — Malta Ferries (@maltaferries) November 19, 2019
//! ```
//!
//! or, from Instagram, "A post shared by Malta Ferries (@maltaferries) on Nov 19, 2019 at
//! 9:14am PST". The post's text is the block right above the signature and the blocks
//! joined to it with no blank line between (a post of several lines, laid out a line a
//! block, or one block quote). The text is the poster's, reproduced verbatim: its
//! typography, its doubled words and its repetition of a quotation the story already gave
//! are not the story's to correct, and a quotation the story runs over several paragraphs
//! goes on after the embed.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{BlockKind, ParsedDraft};

/// An embedded post: the blocks of its text and the block of its signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedPost {
    /// The post's text, as a range of block indices (empty when the signature stands alone).
    pub text: Range<usize>,
    /// The signature line's block.
    pub signature: usize,
}

/// The signature lines platforms put under an embedded post: a dash, the account's name
/// and handle, and the date ("— Jo Borg (@joborg) November 19, 2019"); or "A post shared by
/// Jo Borg (@joborg) on …".
fn signature_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?xi)^\s*(?:
                (?:—|–|-{1,2}|&mdash;)\s*[^\n]{1,80}?\(@[\w.]{1,30}\)\s*
                    (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})?
              | an?\s+(?:post|photo|video|reel)\s+shared\s+by\s+[^\n]{0,80}?\(@[\w.]{1,30}\)
            )",
        )
        .expect("signature pattern compiles")
    })
}

/// True when `text` (a block's copy) is a post's signature line.
pub fn is_signature(text: &str) -> bool {
    let text = text.trim();
    // A signature is one short line; most blocks are turned away by their first byte.
    text.len() <= 200
        && !text.contains('\n')
        && text.starts_with(['—', '–', '-', '&', 'A', 'a'])
        && signature_pattern().is_match(text)
}

/// The embedded posts of a draft, in order.
pub fn embedded_posts(parsed: &ParsedDraft<'_>) -> Vec<EmbeddedPost> {
    let source = parsed.source;
    let index = &parsed.line_index;
    // No line between two blocks that is blank: they are one stretch of text (a line of a
    // block quote that holds only its marker counts as part of the stretch).
    let joined = |earlier: usize, later: usize| {
        let (first, last) = (
            parsed.blocks[earlier].last_line + 1,
            parsed.blocks[later].first_line,
        );
        (first..last).all(|line| {
            let text = &source[index.line_span(source, line)];
            let rest = text.trim();
            !rest.is_empty() && rest.chars().all(|c| c == '>' || c.is_whitespace())
        })
    };
    let mut posts = Vec::new();
    for (block_index, block) in parsed.blocks.iter().enumerate() {
        if block.kind == BlockKind::Separator || !is_signature(&parsed.copy[block.span.clone()]) {
            continue;
        }
        let previous_post_end = posts.last().map_or(0, |p: &EmbeddedPost| p.signature + 1);
        let text_end = block_index;
        let mut text_start = block_index;
        if let Some(last) = block_index.checked_sub(1).filter(|&i| i >= previous_post_end)
            && parsed.blocks[last].kind != BlockKind::Separator
        {
            text_start = last;
            while text_start > previous_post_end
                && parsed.blocks[text_start - 1].kind != BlockKind::Separator
                && joined(text_start - 1, text_start)
            {
                text_start -= 1;
            }
        }
        posts.push(EmbeddedPost {
            text: text_start..text_end,
            signature: block_index,
        });
    }
    posts
}

/// For each block of the draft, whether it is part of an embedded post (its text or its
/// signature).
pub fn embedded_blocks(parsed: &ParsedDraft<'_>) -> Vec<bool> {
    let mut embedded = vec![false; parsed.blocks.len()];
    for post in embedded_posts(parsed) {
        embedded[post.text.start..=post.signature].fill(true);
    }
    embedded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    #[test]
    fn signatures() {
        assert!(is_signature("— Malta Ferries (@maltaferries) November 19, 2019"));
        assert!(is_signature("-- Jo Borg (@jo_borg) Nov. 9, 2021"));
        assert!(is_signature("— Rep. Jo Borg (@JoBorg)"));
        assert!(is_signature(
            "A post shared by Malta Ferries (@malta.ferries) on Nov 19, 2019 at 9:14am PST"
        ));
        assert!(!is_signature("— The ferry ran all winter, the operator said."));
        assert!(!is_signature("Follow us on Twitter (@maltaferries) for updates."));
    }

    #[test]
    fn a_post_is_its_signature_and_the_text_joined_above_it() {
        let text = "Ferry headline\n\nThe operator said the ferry would run.\n\nWe will keep the ferry running.\nAll winter long. pic.twitter.com/abc123\n\n— Malta Ferries (@maltaferries) November 19, 2019\n\nThe minister agreed.\n";
        let parsed = ParsedDraft::parse(text, DraftFormat::PlainText);
        let posts = embedded_posts(&parsed);
        assert_eq!(posts.len(), 1, "{posts:?}");
        let post = &posts[0];
        let first = &parsed.copy[parsed.blocks[post.text.start].span.clone()];
        assert!(first.starts_with("We will keep"), "{first}");
        assert!(parsed.copy[parsed.blocks[post.signature].span.clone()].starts_with('—'));
        let embedded = embedded_blocks(&parsed);
        let flagged: Vec<&str> = parsed
            .blocks
            .iter()
            .zip(&embedded)
            .filter(|(_, e)| **e)
            .map(|(b, _)| parsed.copy[b.span.clone()].trim())
            .collect();
        assert!(
            !flagged
                .iter()
                .any(|t| t.starts_with("The operator") || t.starts_with("The minister"))
        );
    }
}
