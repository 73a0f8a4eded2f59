//! The layout of a plain-text draft: paragraphs separated by blank lines, nothing is
//! markup. Line by line: front matter at the top, directive lines, separator lines,
//! bulleted list items, and prose lines that join the paragraph they continue.
//!
//! Text pasted from a web article extractor puts one paragraph on each line with no blank
//! line between them. A run of lines with a line longer than [`LONG_LINE_CHARS`] is not
//! hard-wrapped prose, so each of its lines is a block of its own.

use std::ops::Range;

use super::markdown::{
    BlockKind, Directive, LayoutBlock, RawLayout, front_matter_title, is_separator_line, list_marker,
    mask_range, parse_directive,
};

/// A run of lines whose longest line has more characters than this is one paragraph per
/// line. Hard-wrapped copy wraps at 60 to 80 characters; an extractor's paragraph lines
/// run to hundreds.
pub(crate) const LONG_LINE_CHARS: usize = 100;

/// One line of the source: its byte range without the terminator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

pub(crate) fn split_lines(source: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(source.len() / 60 + 1);
    let mut start = 0;
    let bytes = source.as_bytes();
    for (offset, byte) in bytes.iter().enumerate() {
        if *byte == b'\n' {
            let mut end = offset;
            if end > start && bytes[end - 1] == b'\r' {
                end -= 1;
            }
            lines.push(Line { start, end });
            start = offset + 1;
        }
    }
    let mut end = source.len();
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    lines.push(Line { start, end });
    lines
}

struct Builder {
    copy: Vec<u8>,
    blocks: Vec<LayoutBlock>,
    open: Option<LayoutBlock>,
    directives: Vec<Directive>,
}

impl Builder {
    fn close(&mut self) {
        if let Some(block) = self.open.take()
            && block.span.start < block.span.end
        {
            self.blocks.push(block);
        }
    }

    fn start(&mut self, kind: BlockKind, line_number: usize, content: Range<usize>) {
        self.close();
        self.open = Some(LayoutBlock {
            kind,
            span: content,
            first_line: line_number,
            last_line: line_number,
        });
    }

    fn extend(&mut self, line_number: usize, content: Range<usize>) {
        match &mut self.open {
            Some(block) => {
                block.span.end = content.end.max(block.span.end);
                block.last_line = line_number;
            }
            None => self.start(BlockKind::Paragraph, line_number, content),
        }
    }
}

fn leading_spaces(text: &str) -> usize {
    text.bytes().take_while(|b| *b == b' ').count()
}

/// For each line, whether it sits in a run of non-blank lines that holds a line longer
/// than [`LONG_LINE_CHARS`] characters.
fn one_paragraph_per_line(source: &str, lines: &[Line]) -> Vec<bool> {
    let mut marks = vec![false; lines.len()];
    let is_long = |line: &Line| {
        let text = &source[line.start..line.end];
        text.len() > LONG_LINE_CHARS && text.trim_end().chars().count() > LONG_LINE_CHARS
    };
    let mut index = 0;
    while index < lines.len() {
        let run_start = index;
        while index < lines.len() && !source[lines[index].start..lines[index].end].trim().is_empty() {
            index += 1;
        }
        if lines[run_start..index].iter().any(is_long) {
            marks[run_start..index].fill(true);
        }
        index += 1;
    }
    marks
}

/// Lays out a plain-text draft: its copy (directive lines, separators, list markers and
/// front matter blanked) and its blocks, before the headline pass.
pub(crate) fn layout(source: &str) -> RawLayout {
    let lines = split_lines(source);
    let mut builder = Builder {
        copy: source.as_bytes().to_vec(),
        blocks: Vec::new(),
        open: None,
        directives: Vec::new(),
    };
    let mut front_matter = None;
    let mut title = None;
    let mut line_number = 0;

    // Front matter: `---` … `---` (YAML) or `+++` … `+++` (TOML) at the very top.
    if let Some(first) = lines.first() {
        let first_text = source[first.start..first.end].trim_end();
        let closers: &[&str] = match first_text {
            "---" => &["---", "..."],
            "+++" => &["+++"],
            _ => &[],
        };
        if let Some(close) = lines
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, line)| closers.contains(&source[line.start..line.end].trim_end()))
            .map(|(index, _)| index)
        {
            title = front_matter_title(&source[lines[1].start..lines[close].start]);
            let end = lines[close].end;
            mask_range(&mut builder.copy, 0..end);
            front_matter = Some(0..end);
            line_number = close + 1;
        }
    }

    let per_line = one_paragraph_per_line(source, &lines);
    let mut previous_blank = true;
    while line_number < lines.len() {
        let line = lines[line_number];
        let text = &source[line.start..line.end];
        let trimmed = text.trim();

        if trimmed.is_empty() {
            builder.close();
            previous_blank = true;
            line_number += 1;
            continue;
        }

        // A directive on a line of its own: `[copydesk-disable …]`, or the comment form
        // `<!-- copydesk-disable … -->`.
        let own_line_directive = if trimmed.starts_with("[copydesk-") && trimmed.ends_with(']') {
            Some(&trimmed[1..trimmed.len() - 1])
        } else if trimmed.len() >= 7 && trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            Some(&trimmed[4..trimmed.len() - 3])
        } else {
            None
        };
        if let Some(inner) = own_line_directive
            && let Some((kind, rules)) = parse_directive(inner)
        {
            builder.close();
            mask_range(&mut builder.copy, line.start..line.end);
            builder.directives.push(Directive {
                kind,
                rules,
                line: line_number,
                end_line: line_number,
            });
            previous_blank = true;
            line_number += 1;
            continue;
        }

        if is_separator_line(text) {
            builder.close();
            mask_range(&mut builder.copy, line.start..line.end);
            builder.start(BlockKind::Separator, line_number, line.start..line.end);
            builder.close();
            previous_blank = true;
            line_number += 1;
            continue;
        }

        let indent = leading_spaces(text);
        let body = &text[indent..];

        // A bulleted list item (a numbered one would take a year or a figure that starts a
        // line for a list).
        if (indent <= 3
            || builder
                .open
                .as_ref()
                .is_some_and(|b| b.kind == BlockKind::ListItem))
            && !body.starts_with(|c: char| c.is_ascii_digit())
            && let Some(marker) = list_marker(body)
        {
            let content_start = line.start + indent + marker;
            mask_range(&mut builder.copy, line.start..content_start);
            builder.start(BlockKind::ListItem, line_number, content_start..line.end);
            previous_blank = false;
            line_number += 1;
            continue;
        }

        // A prose line: starts a paragraph or continues the open block, unless its run of
        // lines is one paragraph per line.
        let content_start = line.start + indent;
        let content = content_start..line.end;
        mask_range(&mut builder.copy, line.start..content_start);
        if builder.open.is_some() && !previous_blank && !per_line[line_number] {
            builder.extend(line_number, content);
        } else {
            builder.start(BlockKind::Paragraph, line_number, content);
        }
        previous_blank = false;
        line_number += 1;
    }
    builder.close();

    RawLayout {
        copy: builder.copy,
        blocks: builder.blocks,
        front_matter,
        front_matter_title: title,
        directives: builder.directives,
    }
}
