//! Text processing shared by every check: the copy of a draft, its blocks, sentences and
//! tokens, and the analyses several checks use (quotes, names, figures).

pub mod attribution;
pub mod dateline;
pub mod figures;
pub mod fold;
pub mod lexicon;
pub mod line_index;
pub mod markdown;
pub mod names;
pub mod quotes;
pub mod segment;
pub mod spans;
pub mod word_table;
pub mod words;

use std::ops::Range;

pub use line_index::{LineColumn, LineIndex, PositionEncoding};
pub use markdown::{BlockKind, Directive, DirectiveKind, DraftFormat};
pub use segment::{Sentence, Token, TokenKind};

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
        let layout = markdown::layout(source, format);
        let copy = layout.copy;
        let mut tokens = Vec::with_capacity(source.len() / 5);
        let mut sentences = Vec::with_capacity(source.len() / 100);
        let mut blocks = Vec::with_capacity(layout.blocks.len());
        for layout_block in layout.blocks {
            let token_start = tokens.len();
            let sentence_start = sentences.len();
            if layout_block.kind != BlockKind::Separator {
                segment::tokenize(&copy, layout_block.span.clone(), &mut tokens);
                segment::split_sentences(&copy, &tokens, token_start..tokens.len(), &mut sentences);
            }
            blocks.push(Block {
                kind: layout_block.kind,
                span: layout_block.span,
                first_line: layout_block.first_line,
                last_line: layout_block.last_line,
                tokens: token_start..tokens.len(),
                sentences: sentence_start..sentences.len(),
            });
        }
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
