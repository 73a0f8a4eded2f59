//! Byte offsets to line/column positions and back, in the encoding a consumer wants.
//!
//! The analysis core speaks byte offsets only. The CLI reports UTF-16 columns in JSON (as
//! LSP does) and character columns to people; the language server speaks UTF-8 or UTF-16
//! depending on what the client negotiated. This is the one place that converts.

use std::sync::OnceLock;

/// How a column is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (LSP's default, and the JSON output's unit).
    Utf16,
    /// Unicode scalar values ("characters").
    Utf32,
}

/// A zero-based line and column, the column counted in some [`PositionEncoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

/// The start offset of every line of a text. A line ends after `\n`; a `\r\n` pair belongs
/// to the line it ends, so CRLF files get the same line numbers as LF files.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// Columns at points along the long lines, so that converting an offset counts at most
    /// [`CHECKPOINT_SPACING`] bytes however long its line (a one-line paragraph of 100 KB
    /// with thousands of findings would otherwise cost a scan of the line per finding).
    /// Built on the first conversion that needs them.
    checkpoints: OnceLock<Vec<Checkpoint>>,
}

/// Bytes of a line between two column checkpoints.
const CHECKPOINT_SPACING: usize = 256;

/// A character boundary inside a long line and its columns there.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    offset: usize,
    utf16_column: usize,
    char_column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        for (offset, byte) in text.bytes().enumerate() {
            if byte == b'\n' {
                line_starts.push(offset + 1);
            }
        }
        LineIndex {
            line_starts,
            len: text.len(),
            checkpoints: OnceLock::new(),
        }
    }

    fn checkpoints(&self, text: &str) -> &[Checkpoint] {
        self.checkpoints.get_or_init(|| {
            let mut checkpoints = Vec::new();
            for line in 0..self.line_count() {
                let span = self.line_span(text, line);
                if span.len() <= CHECKPOINT_SPACING {
                    continue;
                }
                let (mut utf16_column, mut char_column, mut last) = (0, 0, span.start);
                for (offset, character) in text[span.clone()].char_indices() {
                    let offset = span.start + offset;
                    if offset - last >= CHECKPOINT_SPACING {
                        checkpoints.push(Checkpoint {
                            offset,
                            utf16_column,
                            char_column,
                        });
                        last = offset;
                    }
                    utf16_column += character.len_utf16();
                    char_column += 1;
                }
            }
            checkpoints
        })
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte offset where `line` starts, or the end of the text past the last line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(self.len)
    }

    /// The zero-based line holding byte `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset.min(self.len)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte range of `line` without its line terminator (`\n` or `\r\n`).
    pub fn line_span(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = self.line_start(line + 1);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        start..end.max(start)
    }

    /// Converts a byte offset to a line and column. An offset inside a multi-byte character
    /// is moved back to that character's start; an offset past the end is clamped.
    pub fn position(&self, text: &str, offset: usize, encoding: PositionEncoding) -> LineColumn {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line);
        // Count from the line's start, or from the last checkpoint before the offset on a
        // long line.
        let from = if encoding == PositionEncoding::Utf8 || offset - start <= CHECKPOINT_SPACING {
            None
        } else {
            let checkpoints = self.checkpoints(text);
            match checkpoints.partition_point(|c| c.offset <= offset) {
                0 => None,
                next => Some(checkpoints[next - 1]).filter(|c| c.offset > start),
            }
        }
        .unwrap_or(Checkpoint {
            offset: start,
            utf16_column: 0,
            char_column: 0,
        });
        let rest = &text[from.offset..offset];
        let column = match encoding {
            PositionEncoding::Utf8 => offset - start,
            PositionEncoding::Utf16 => from.utf16_column + rest.chars().map(char::len_utf16).sum::<usize>(),
            PositionEncoding::Utf32 => from.char_column + rest.chars().count(),
        };
        LineColumn {
            line: line as u32,
            column: column as u32,
        }
    }

    /// Converts a line and column back to a byte offset. A line past the end maps to the end
    /// of the text; a column past the end of its line maps to the end of that line (before
    /// its terminator); a column inside a character (the middle of a UTF-16 surrogate pair
    /// or of a UTF-8 sequence) maps to the start of that character.
    pub fn offset(&self, text: &str, position: LineColumn, encoding: PositionEncoding) -> usize {
        let line = position.line as usize;
        if line >= self.line_starts.len() {
            return self.len;
        }
        let span = self.line_span(text, line);
        let line_text = &text[span.clone()];
        let wanted = position.column as usize;
        let mut counted = 0usize;
        for (byte_offset, character) in line_text.char_indices() {
            let width = match encoding {
                PositionEncoding::Utf8 => character.len_utf8(),
                PositionEncoding::Utf16 => character.len_utf16(),
                PositionEncoding::Utf32 => 1,
            };
            if counted + width > wanted {
                return span.start + byte_offset;
            }
            counted += width;
        }
        span.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_in_every_encoding() {
        let text = "Zelenskyy 😀 said\r\nMüller — “yes”\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        for encoding in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            for (offset, _) in text.char_indices() {
                let position = index.position(text, offset, encoding);
                // The CR and LF of a CRLF are not inside the line's text; skip them.
                if matches!(text.as_bytes()[offset], b'\r' | b'\n') {
                    continue;
                }
                assert_eq!(
                    index.offset(text, position, encoding),
                    offset,
                    "{encoding:?} {offset}"
                );
            }
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(index.position(text, b, PositionEncoding::Utf16).column, 3);
        assert_eq!(index.position(text, b, PositionEncoding::Utf32).column, 2);
        assert_eq!(index.position(text, b, PositionEncoding::Utf8).column, 5);
        // A column in the middle of the surrogate pair lands on the emoji's start.
        let middle = LineColumn { line: 0, column: 2 };
        assert_eq!(index.offset(text, middle, PositionEncoding::Utf16), 1);
    }

    #[test]
    fn long_lines_convert_through_checkpoints_to_the_same_columns() {
        // A long line of mixed widths: every offset's columns equal a count from the start.
        let text = format!(
            "short\n{}\r\nend",
            "Zelenskyy 😀 said “yes” — Müller. ".repeat(80)
        );
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices() {
            let line = index.line_of(offset);
            let prefix = &text[index.line_start(line)..offset];
            let utf16 = index.position(&text, offset, PositionEncoding::Utf16);
            let chars = index.position(&text, offset, PositionEncoding::Utf32);
            assert_eq!(utf16.line as usize, line);
            assert_eq!(
                utf16.column as usize,
                prefix.chars().map(char::len_utf16).sum::<usize>()
            );
            assert_eq!(chars.column as usize, prefix.chars().count());
        }
        assert!(!index.checkpoints(&text).is_empty());
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "one\r\ntwo";
        let index = LineIndex::new(text);
        let far_column = LineColumn { line: 0, column: 99 };
        assert_eq!(index.offset(text, far_column, PositionEncoding::Utf16), 3);
        let far_line = LineColumn { line: 9, column: 0 };
        assert_eq!(index.offset(text, far_line, PositionEncoding::Utf16), text.len());
        assert_eq!(index.position(text, 999, PositionEncoding::Utf16).line, 1);
    }
}
