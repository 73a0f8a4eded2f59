//! Text processing shared by every check: the copy of a draft, its blocks, sentences and
//! tokens, and the analyses several checks use (quotes, names, figures).

pub mod attribution;
pub mod calendar;
pub mod dateline;
pub mod embeds;
pub mod figures;
pub mod fold;
pub mod furniture;
pub mod lexicon;
pub mod line_index;
pub mod markdown;
pub mod names;
mod plain_text;
pub mod quotes;
pub mod segment;
pub mod spans;
pub mod word_table;
pub mod words;

use std::ops::Range;

pub use line_index::{LineColumn, LineIndex, PositionEncoding};
pub use markdown::{BlockKind, Directive, DirectiveKind, DraftFormat};
pub use segment::{Sentence, Token, TokenKind};

/// Drafts at least this long (about 10,000 words) segment their blocks in parallel.
const PARALLEL_PARSE_BYTES: usize = 64 * 1024;

/// A block of copy with its tokens and sentences.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range of the block's copy in the source.
    pub span: Range<usize>,
    /// Zero-based first and last source lines.
    pub first_line: usize,
    pub last_line: usize,
    /// Range into [`ParsedDraft::tokens`].
    pub tokens: Range<usize>,
    /// Range into [`ParsedDraft::sentences`].
    pub sentences: Range<usize>,
}

impl Block {
    /// True for blocks of prose that sentences and figures live in.
    pub fn is_prose(&self) -> bool {
        matches!(
            self.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::BlockQuote
        )
    }
}

/// A draft, segmented: the input every check reads.
#[derive(Debug, Clone)]
pub struct ParsedDraft<'a> {
    /// The draft as written.
    pub source: &'a str,
    /// The source with everything that is not copy blanked out; same byte offsets.
    pub copy: String,
    pub format: DraftFormat,
    pub blocks: Vec<Block>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub front_matter: Option<Range<usize>>,
    pub front_matter_title: Option<String>,
    pub directives: Vec<Directive>,
    pub line_index: LineIndex,
}

impl<'a> ParsedDraft<'a> {
    pub fn parse(source: &'a str, format: DraftFormat) -> ParsedDraft<'a> {
        ParsedDraft::parse_segmented(source, format, source.len() >= PARALLEL_PARSE_BYTES)
    }

    fn parse_segmented(source: &'a str, format: DraftFormat, parallel: bool) -> ParsedDraft<'a> {
        let layout = markdown::layout(source, format);
        let copy = layout.copy;
        // Blocks segment independently: a long draft does it in parallel, in runs of
        // blocks, then joins the runs with their token and sentence indices shifted.
        let segment_run = |run: &[markdown::LayoutBlock]| {
            let bytes: usize = run.iter().map(|b| b.span.len()).sum();
            let mut tokens = Vec::with_capacity(bytes / 5);
            let mut sentences = Vec::with_capacity(bytes / 100);
            let mut blocks = Vec::with_capacity(run.len());
            for layout_block in run {
                let token_start = tokens.len();
                let sentence_start = sentences.len();
                if layout_block.kind != BlockKind::Separator {
                    segment::tokenize(&copy, layout_block.span.clone(), &mut tokens);
                    segment::split_sentences(&copy, &tokens, token_start..tokens.len(), &mut sentences);
                }
                blocks.push(Block {
                    kind: layout_block.kind,
                    span: layout_block.span.clone(),
                    first_line: layout_block.first_line,
                    last_line: layout_block.last_line,
                    tokens: token_start..tokens.len(),
                    sentences: sentence_start..sentences.len(),
                });
            }
            (tokens, sentences, blocks)
        };
        let (tokens, sentences, blocks) = if !parallel {
            segment_run(&layout.blocks)
        } else {
            use rayon::prelude::*;
            let runs: Vec<_> = layout.blocks.par_chunks(256).map(segment_run).collect();
            let mut tokens = Vec::with_capacity(source.len() / 5);
            let mut sentences = Vec::with_capacity(source.len() / 100);
            let mut blocks = Vec::with_capacity(layout.blocks.len());
            for (run_tokens, run_sentences, run_blocks) in runs {
                let (token_shift, sentence_shift) = (tokens.len(), sentences.len());
                tokens.extend(run_tokens);
                sentences.extend(run_sentences.into_iter().map(|mut sentence: Sentence| {
                    sentence.tokens = sentence.tokens.start + token_shift..sentence.tokens.end + token_shift;
                    sentence
                }));
                blocks.extend(run_blocks.into_iter().map(|mut block| {
                    block.tokens = block.tokens.start + token_shift..block.tokens.end + token_shift;
                    block.sentences =
                        block.sentences.start + sentence_shift..block.sentences.end + sentence_shift;
                    block
                }));
            }
            (tokens, sentences, blocks)
        };
        ParsedDraft {
            source,
            line_index: LineIndex::new(source),
            copy,
            format,
            blocks,
            tokens,
            sentences,
            front_matter: layout.front_matter,
            front_matter_title: layout.front_matter_title,
            directives: layout.directives,
        }
    }

    pub fn token_text(&self, index: usize) -> &str {
        self.tokens[index].text(&self.copy)
    }

    pub fn text(&self, span: Range<usize>) -> &str {
        &self.source[span]
    }

    /// The zero-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_index.line_of(offset)
    }

    /// The index of the block holding token `token`.
    pub fn block_of_token(&self, token: usize) -> Option<usize> {
        let position = self.blocks.partition_point(|b| b.tokens.end <= token);
        (position < self.blocks.len() && self.blocks[position].tokens.contains(&token)).then_some(position)
    }

    /// The index of the sentence holding token `token`.
    pub fn sentence_of_token(&self, token: usize) -> Option<usize> {
        let position = self.sentences.partition_point(|s| s.tokens.end <= token);
        (position < self.sentences.len() && self.sentences[position].tokens.contains(&token))
            .then_some(position)
    }

    /// Counts the words of copy (word tokens), for reports and benchmarks.
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_word()).count()
    }
}

/// Text for a message: runs of white space (a line break in a hard-wrapped paragraph)
/// become one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_segmentation_matches_sequential() {
        let paragraph = "Taras Kovalevskyi said 2,300 drivers walked out at 4:30 a.m. “We will not,” he said. Sen. Rose Hanlon agreed.\n\n";
        let text = format!("# Headline\n\n{}", paragraph.repeat(700));
        let sequential = ParsedDraft::parse_segmented(&text, DraftFormat::Markdown, false);
        let parallel = ParsedDraft::parse_segmented(&text, DraftFormat::Markdown, true);
        assert_eq!(sequential.tokens, parallel.tokens);
        assert_eq!(sequential.sentences, parallel.sentences);
        let spans = |draft: &ParsedDraft<'_>| {
            draft
                .blocks
                .iter()
                .map(|b| (b.span.clone(), b.tokens.clone(), b.sentences.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(spans(&sequential), spans(&parallel));
        assert!(sequential.blocks.len() > 256, "the text spans several runs");
    }
}
