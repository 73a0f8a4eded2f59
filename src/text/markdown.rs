//! Finds the copy in a draft: which lines are prose, how they group into blocks, and what
//! is not copy at all (front matter, code, HTML comments, link targets, list markers).
//!
//! The result is a *masked copy*: a string with exactly the byte length of the source in
//! which every byte that is not copy has been replaced by a space (line breaks are kept).
//! Every later stage works on the masked copy, so its byte offsets are the source's byte
//! offsets and nothing has to be mapped back.

use std::ops::Range;

/// What kind of file a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftFormat {
    /// CommonMark-ish Markdown: front matter, code, HTML comments, links are not copy.
    Markdown,
    /// Plain text: paragraphs separated by blank lines, nothing is markup.
    PlainText,
}

impl DraftFormat {
    /// Picks the format from a file name: `.txt` (and anything not Markdown) is plain text.
    pub fn from_path(path: &str) -> DraftFormat {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md")
            || lower.ends_with(".markdown")
            || lower.ends_with(".mdown")
            || lower.ends_with(".mkd")
        {
            DraftFormat::Markdown
        } else {
            DraftFormat::PlainText
        }
    }
}

/// The role a block of copy plays in the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A run of prose lines.
    Paragraph,
    /// A Markdown heading, or a plain headline line at the top of the draft.
    Heading,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// A paragraph inside a `>` block quote.
    BlockQuote,
    /// A thematic break (`***`, `---`, `___`) or another line of only separator marks.
    Separator,
}

/// A block of copy: its kind, the byte range from the first copy byte of its first line to
/// the last copy byte of its last line, and its zero-based first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutBlock {
    pub kind: BlockKind,
    pub span: Range<usize>,
    pub first_line: usize,
    pub last_line: usize,
}

/// An inline suppression directive found in a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule ids it names; empty means every rule.
    pub rules: Vec<String>,
    /// The zero-based line the directive sits on.
    pub line: usize,
    /// The zero-based line of the directive's end (a comment may span lines).
    pub end_line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    DisableNextLine,
}

/// The copy of a draft and its block structure.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The source with every non-copy byte replaced by a space; same length as the source.
    pub copy: String,
    pub blocks: Vec<LayoutBlock>,
    /// The byte range of YAML or TOML front matter, fences included.
    pub front_matter: Option<Range<usize>>,
    /// The `title:` of the front matter, unquoted.
    pub front_matter_title: Option<String>,
    pub directives: Vec<Directive>,
}

/// One line of the source: its byte range without the terminator.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

struct Builder<'a> {
    source: &'a str,
    /// The source's bytes, with every masked byte already a space.
    copy: Vec<u8>,
    blocks: Vec<LayoutBlock>,
    open: Option<LayoutBlock>,
    directives: Vec<Directive>,
}

impl Builder<'_> {
    fn mask_range(&mut self, range: Range<usize>) {
        let end = range.end.min(self.copy.len());
        for byte in &mut self.copy[range.start.min(end)..end] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
    }

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

fn split_lines(source: &str) -> Vec<Line> {
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

fn leading_spaces(text: &str) -> usize {
    text.bytes().take_while(|b| *b == b' ').count()
}

/// True for a line of only `*`, `-` or `_` (three or more, spaces allowed), or of
/// other runs of separator marks such as `# # #` or `~~~~` in plain text.
fn is_separator_line(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return false;
    }
    let marks: Vec<char> = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    if marks.len() < 3 {
        return false;
    }
    let first = marks[0];
    matches!(first, '*' | '-' | '_' | '=' | '~' | '#' | '•' | '·') && marks.iter().all(|c| *c == first)
}

/// Parses a directive in the text of a comment: `copydesk-disable RULE…`.
fn parse_directive(text: &str) -> Option<(DirectiveKind, Vec<String>)> {
    let trimmed = text.trim();
    let mut words = trimmed.split_whitespace();
    let kind = match words.next()? {
        "copydesk-disable" => DirectiveKind::Disable,
        "copydesk-enable" => DirectiveKind::Enable,
        "copydesk-disable-next-line" => DirectiveKind::DisableNextLine,
        _ => return None,
    };
    let rules = words
        .flat_map(|w| w.split(','))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    Some((kind, rules))
}

/// The ` ``` ` or `~~~` fence that opens a code block on this line, with its length.
fn opening_fence(text: &str) -> Option<(u8, usize)> {
    let indent = leading_spaces(text);
    if indent > 3 {
        return None;
    }
    let rest = &text.as_bytes()[indent..];
    let mark = *rest.first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let count = rest.iter().take_while(|b| **b == mark).count();
    (count >= 3).then_some((mark, count))
}

fn closes_fence(text: &str, mark: u8, length: usize) -> bool {
    let indent = leading_spaces(text);
    if indent > 3 {
        return false;
    }
    let rest = &text.as_bytes()[indent..];
    let count = rest.iter().take_while(|b| **b == mark).count();
    count >= length && rest[count..].iter().all(|b| b.is_ascii_whitespace())
}

/// The length of a list marker at the start of `text` (after indentation), marker and
/// the spaces after it included.
fn list_marker(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if matches!(first, b'-' | b'*' | b'+') || text.starts_with('•') {
        let marker_len = if first == 0xE2 { '•'.len_utf8() } else { 1 };
        let after = &bytes[marker_len..];
        if after.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
            let spaces = after.iter().take_while(|b| **b == b' ' || **b == b'\t').count();
            return Some(marker_len + spaces);
        }
        return None;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.') | Some(b')')) {
        let after = &bytes[digits + 1..];
        if after.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
            let spaces = after.iter().take_while(|b| **b == b' ' || **b == b'\t').count();
            return Some(digits + 1 + spaces);
        }
    }
    None
}

/// Parses a draft into its copy and blocks.
pub fn layout(source: &str, format: DraftFormat) -> Layout {
    let lines = split_lines(source);
    let mut builder = Builder {
        source,
        copy: source.as_bytes().to_vec(),
        blocks: Vec::new(),
        open: None,
        directives: Vec::new(),
    };
    let mut front_matter = None;
    let mut front_matter_title = None;
    let mut line_number = 0;

    // Front matter: `---` … `---` (YAML) or `+++` … `+++` (TOML) at the very top.
    if let Some(first) = lines.first() {
        let first_text = source[first.start..first.end].trim_end();
        let (fence, closers): (&str, &[&str]) = match first_text {
            "---" => ("---", &["---", "..."]),
            "+++" => ("+++", &["+++"]),
            _ => ("", &[]),
        };
        if !fence.is_empty()
            && let Some(close) = lines
                .iter()
                .enumerate()
                .skip(1)
                .find(|(_, line)| closers.contains(&source[line.start..line.end].trim_end()))
                .map(|(index, _)| index)
        {
            for line in &lines[1..close] {
                let text = &source[line.start..line.end];
                if let Some(value) = text
                    .strip_prefix("title:")
                    .or_else(|| text.strip_prefix("title ="))
                {
                    let value = value.trim().trim_matches('"').trim_matches('\'').trim();
                    if !value.is_empty() {
                        front_matter_title = Some(value.to_string());
                    }
                }
            }
            let end = lines[close].end;
            builder.mask_range(0..end);
            front_matter = Some(0..end);
            line_number = close + 1;
        }
    }

    let markdown = format == DraftFormat::Markdown;
    let mut fence: Option<(u8, usize)> = None;
    let mut in_comment = false;
    let mut comment_text = String::new();
    let mut comment_line = 0;
    let mut previous_blank = true;

    while line_number < lines.len() {
        let line = lines[line_number];
        let text = &source[line.start..line.end];

        // Inside a fenced code block: everything up to the closing fence is code.
        if let Some((mark, length)) = fence {
            builder.mask_range(line.start..line.end);
            if closes_fence(text, mark, length) {
                fence = None;
            }
            line_number += 1;
            continue;
        }

        // Inside a multi-line HTML comment.
        if in_comment {
            if let Some(close) = text.find("-->") {
                comment_text.push(' ');
                comment_text.push_str(&text[..close]);
                builder.mask_range(line.start..line.start + close + 3);
                in_comment = false;
                if let Some((kind, rules)) = parse_directive(&comment_text) {
                    builder.directives.push(Directive {
                        kind,
                        rules,
                        line: comment_line,
                        end_line: line_number,
                    });
                }
                let rest = line.start + close + 3..line.end;
                if source[rest.clone()].trim().is_empty() {
                    previous_blank = true;
                    line_number += 1;
                    continue;
                }
                // Copy after the comment on the same line: fall through with the rest masked
                // as a comment already; the inline pass below handles the remainder.
            } else {
                comment_text.push(' ');
                comment_text.push_str(text);
                builder.mask_range(line.start..line.end);
                line_number += 1;
                continue;
            }
        }

        let trimmed = text.trim();

        if trimmed.is_empty() {
            builder.close();
            previous_blank = true;
            line_number += 1;
            continue;
        }

        // A directive on a line of its own in the plain-text form, `[copydesk-disable …]`,
        // or, in plain text, in the comment form `<!-- copydesk-disable … -->` (in Markdown
        // comments are handled below, also inside a line).
        let own_line_directive = if trimmed.starts_with("[copydesk-") && trimmed.ends_with(']') {
            Some(&trimmed[1..trimmed.len() - 1])
        } else if !markdown && trimmed.len() >= 7 && trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            Some(&trimmed[4..trimmed.len() - 3])
        } else {
            None
        };
        if let Some(inner) = own_line_directive
            && let Some((kind, rules)) = parse_directive(inner)
        {
            builder.close();
            builder.mask_range(line.start..line.end);
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

        if markdown {
            if let Some(open) = opening_fence(text) {
                builder.close();
                builder.mask_range(line.start..line.end);
                fence = Some(open);
                previous_blank = false;
                line_number += 1;
                continue;
            }

            // A comment that starts a line: a directive or a block comment.
            if trimmed.starts_with("<!--") {
                let comment_start = line.start + text.find("<!--").unwrap_or(0);
                match source[comment_start + 4..line.end].find("-->") {
                    Some(close) => {
                        let close_end = comment_start + 4 + close + 3;
                        let inner = &source[comment_start + 4..comment_start + 4 + close];
                        builder.mask_range(comment_start..close_end);
                        if let Some((kind, rules)) = parse_directive(inner) {
                            builder.directives.push(Directive {
                                kind,
                                rules,
                                line: line_number,
                                end_line: line_number,
                            });
                        }
                        if source[close_end..line.end].trim().is_empty() {
                            builder.close();
                            previous_blank = true;
                            line_number += 1;
                            continue;
                        }
                    }
                    None => {
                        builder.close();
                        builder.mask_range(comment_start..line.end);
                        in_comment = true;
                        comment_line = line_number;
                        comment_text.clear();
                        comment_text.push_str(&source[comment_start + 4..line.end]);
                        line_number += 1;
                        continue;
                    }
                }
            }

            // Indented code: four spaces (or a tab) after a blank line, outside a list.
            let indent = leading_spaces(text);
            let in_list = builder
                .open
                .as_ref()
                .is_some_and(|b| b.kind == BlockKind::ListItem)
                || builder
                    .blocks
                    .last()
                    .is_some_and(|b| b.kind == BlockKind::ListItem && b.last_line + 2 >= line_number);
            if previous_blank && (indent >= 4 || text.starts_with('\t')) && !in_list {
                builder.close();
                builder.mask_range(line.start..line.end);
                line_number += 1;
                continue;
            }

            // Link reference definitions are not copy.
            if trimmed.starts_with('[') && trimmed.contains("]:") && indent <= 3 {
                let label_end = trimmed.find("]:").unwrap_or(0);
                if !trimmed[1..label_end].contains(']') {
                    builder.close();
                    builder.mask_range(line.start..line.end);
                    previous_blank = true;
                    line_number += 1;
                    continue;
                }
            }

            // Setext heading underline turns a one-line paragraph into a heading.
            let setext = !trimmed.is_empty()
                && (trimmed.bytes().all(|b| b == b'=') || trimmed.bytes().all(|b| b == b'-'));
            if setext
                && !previous_blank
                && builder
                    .open
                    .as_ref()
                    .is_some_and(|b| b.kind == BlockKind::Paragraph)
            {
                if let Some(open) = &mut builder.open {
                    open.kind = BlockKind::Heading;
                }
                builder.mask_range(line.start..line.end);
                builder.close();
                previous_blank = true;
                line_number += 1;
                continue;
            }
        }

        if is_separator_line(text) && !(markdown && trimmed.starts_with('#') && trimmed.len() < 3) {
            builder.close();
            builder.mask_range(line.start..line.end);
            let content = line.start..line.end;
            builder.start(BlockKind::Separator, line_number, content);
            builder.close();
            previous_blank = true;
            line_number += 1;
            continue;
        }

        let indent = leading_spaces(text);
        let body = &text[indent..];

        if markdown && indent <= 3 {
            // ATX heading.
            let hashes = body.bytes().take_while(|b| *b == b'#').count();
            if (1..=6).contains(&hashes) && (body.len() == hashes || body.as_bytes()[hashes] == b' ') {
                let content_start = line.start + indent + hashes;
                let mut content_end = line.end;
                let inner = source[content_start..content_end].trim_end();
                let closing = inner.trim_end_matches('#');
                if closing.len() < inner.len() && closing.ends_with(' ') {
                    content_end = content_start + closing.len();
                } else {
                    content_end = content_start + inner.len();
                }
                builder.mask_range(line.start..content_start);
                builder.mask_range(content_end..line.end);
                let first_copy = content_start + source[content_start..content_end].len()
                    - source[content_start..content_end].trim_start().len();
                builder.start(BlockKind::Heading, line_number, first_copy..content_end);
                builder.close();
                mask_inline(&mut builder, line_number, first_copy..content_end);
                previous_blank = true;
                line_number += 1;
                continue;
            }

            // Block quote.
            if body.starts_with('>') {
                let mut marker = 1;
                while body[marker..].starts_with(' ') && marker < 2 {
                    marker += 1;
                }
                // Nested quote markers are markers too.
                while body[marker..].starts_with('>') {
                    marker += 1;
                    while body[marker..].starts_with(' ') {
                        marker += 1;
                    }
                }
                let content_start = line.start + indent + marker;
                builder.mask_range(line.start..content_start);
                let content = content_start..line.end;
                if source[content.clone()].trim().is_empty() {
                    builder.close();
                } else if builder
                    .open
                    .as_ref()
                    .is_some_and(|b| b.kind == BlockKind::BlockQuote)
                {
                    builder.extend(line_number, content.clone());
                } else {
                    builder.start(BlockKind::BlockQuote, line_number, content.clone());
                }
                mask_inline(&mut builder, line_number, content);
                previous_blank = false;
                line_number += 1;
                continue;
            }
        }

        // List item.
        if (indent <= 3
            || builder
                .open
                .as_ref()
                .is_some_and(|b| b.kind == BlockKind::ListItem))
            && let Some(marker) = list_marker(body)
        {
            let allow = markdown || !body.starts_with(|c: char| c.is_ascii_digit());
            if allow {
                let content_start = line.start + indent + marker;
                builder.mask_range(line.start..content_start);
                let content = content_start..line.end;
                builder.start(BlockKind::ListItem, line_number, content.clone());
                if markdown {
                    mask_inline(&mut builder, line_number, content);
                }
                previous_blank = false;
                line_number += 1;
                continue;
            }
        }

        // A prose line: starts a paragraph or continues the open block.
        let content_start = line.start + indent;
        let content = content_start..line.end;
        builder.mask_range(line.start..content_start);
        if builder.open.is_some() && !previous_blank {
            builder.extend(line_number, content.clone());
        } else {
            builder.start(BlockKind::Paragraph, line_number, content.clone());
        }
        if markdown {
            mask_inline(&mut builder, line_number, content);
        }
        previous_blank = false;
        line_number += 1;
    }
    builder.close();

    // The one-line blocks at the top that end without punctuation (a headline, a kicker, a
    // section label) are headings, up to the first block of prose.
    for block in builder
        .blocks
        .iter_mut()
        .filter(|b| b.kind != BlockKind::Separator)
        .take(3)
    {
        if block.kind == BlockKind::Heading {
            continue;
        }
        if block.kind != BlockKind::Paragraph || block.first_line != block.last_line {
            break;
        }
        let text = source[block.span.clone()].trim_end();
        let words = text.split_whitespace().count();
        let ends_sentence = text.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', ',', ';']);
        if words > 25 || ends_sentence {
            break;
        }
        block.kind = BlockKind::Heading;
    }

    // Trim masked bytes off both ends of every block so spans start and end on copy.
    let copy = match String::from_utf8(std::mem::take(&mut builder.copy)) {
        Ok(copy) => copy,
        Err(error) => {
            // Masks always cover whole characters; if one ever does not, fall back to the
            // unmasked source rather than lose offsets.
            debug_assert!(false, "mask split a character: {error}");
            source.to_string()
        }
    };
    let mut blocks = builder.blocks;
    for block in &mut blocks {
        let text = &copy[block.span.clone()];
        let start_trim = text.len() - text.trim_start().len();
        let end_trim = text.len() - text.trim_end().len();
        if start_trim + end_trim < text.len() {
            block.span = block.span.start + start_trim..block.span.end - end_trim;
        }
    }
    blocks.retain(|b| b.kind == BlockKind::Separator || !copy[b.span.clone()].trim().is_empty());

    Layout {
        copy,
        blocks,
        front_matter,
        front_matter_title,
        directives: builder.directives,
    }
}

/// Masks inline markup inside a copy range: link targets, images, inline code, HTML
/// comments and tags, autolinks, bare URLs and backslash escapes.
fn mask_inline(builder: &mut Builder<'_>, line_number: usize, range: Range<usize>) {
    let source = builder.source;
    let text = &source[range.clone()];
    let bytes = text.as_bytes();
    let base = range.start;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' if index + 1 < bytes.len() && bytes[index + 1].is_ascii_punctuation() => {
                builder.mask_range(base + index..base + index + 1);
                index += 2;
            }
            b'`' => {
                let ticks = bytes[index..].iter().take_while(|b| **b == b'`').count();
                let fence = &text[index..index + ticks];
                match text[index + ticks..].find(fence) {
                    Some(close) => {
                        let end = index + ticks + close + ticks;
                        builder.mask_range(base + index..base + end);
                        index = end;
                    }
                    None => index += ticks,
                }
            }
            b'<' => {
                if text[index..].starts_with("<!--") {
                    match text[index + 4..].find("-->") {
                        Some(close) => {
                            let end = index + 4 + close + 3;
                            if let Some((kind, rules)) = parse_directive(&text[index + 4..index + 4 + close])
                            {
                                builder.directives.push(Directive {
                                    kind,
                                    rules,
                                    line: line_number,
                                    end_line: line_number,
                                });
                            }
                            builder.mask_range(base + index..base + end);
                            index = end;
                        }
                        None => {
                            builder.mask_range(base + index..base + bytes.len());
                            index = bytes.len();
                        }
                    }
                    continue;
                }
                // An HTML tag or an autolink: `<` then a letter, `/` or `!`, up to `>`.
                let next = bytes.get(index + 1).copied().unwrap_or(b' ');
                if (next.is_ascii_alphabetic() || next == b'/' || next == b'!')
                    && let Some(close) = text[index..].find('>')
                {
                    let inner = &text[index + 1..index + close];
                    if !inner.contains('<') && !inner.contains('\n') {
                        builder.mask_range(base + index..base + index + close + 1);
                        index += close + 1;
                        continue;
                    }
                }
                index += 1;
            }
            b'!' if bytes.get(index + 1) == Some(&b'[') => {
                // An image: mask the whole `![alt](target)`.
                if let Some(end) = link_end(text, index + 1) {
                    builder.mask_range(base + index..base + end.full_end);
                    index = end.full_end;
                } else {
                    index += 1;
                }
            }
            b'[' => {
                if let Some(end) = link_end(text, index) {
                    // Keep the link text; mask the brackets and the target.
                    builder.mask_range(base + index..base + index + 1);
                    builder.mask_range(base + end.text_end..base + end.full_end);
                    index += 1;
                } else {
                    index += 1;
                }
            }
            b'h' | b'w' => {
                let rest = &text[index..];
                let at_word_start = index == 0 || !bytes[index - 1].is_ascii_alphanumeric();
                if at_word_start
                    && (rest.starts_with("https://")
                        || rest.starts_with("http://")
                        || rest.starts_with("www."))
                {
                    let length = rest
                        .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
                        .unwrap_or(rest.len());
                    let trimmed = rest[..length].trim_end_matches(['.', ',', ')', ';', ':']);
                    builder.mask_range(base + index..base + index + trimmed.len());
                    index += trimmed.len().max(1);
                } else {
                    index += 1;
                }
            }
            _ => index += 1,
        }
    }
}

struct LinkEnd {
    /// Offset of the `]` that closes the link text.
    text_end: usize,
    /// Offset just past the target's `)` or the reference's `]`.
    full_end: usize,
}

/// For a `[` at `open`, finds `](target)` or `][ref]` and returns where they end.
fn link_end(text: &str, open: usize) -> Option<LinkEnd> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut index = open;
    while index < bytes.len() {
        match bytes[index] {
            b'[' => depth += 1,
            b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        index += 1;
    }
    if index >= bytes.len() {
        return None;
    }
    let text_end = index;
    match bytes.get(index + 1) {
        Some(b'(') => {
            let close = text[index + 1..].find(')')?;
            Some(LinkEnd {
                text_end,
                full_end: index + 1 + close + 1,
            })
        }
        Some(b'[') => {
            let close = text[index + 1..].find(']')?;
            Some(LinkEnd {
                text_end,
                full_end: index + 1 + close + 1,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_texts(source: &str, format: DraftFormat) -> Vec<(BlockKind, String)> {
        let layout = layout(source, format);
        assert_eq!(layout.copy.len(), source.len());
        layout
            .blocks
            .iter()
            .map(|b| (b.kind, layout.copy[b.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn front_matter_and_code_are_not_copy() {
        let source = "---\ntitle: \"A fire\"\nslug: fire\n---\n\n# A fire\n\nText one.\n\n```text\n1 2 3\n```\n\nText two.\n";
        let layout = layout(source, DraftFormat::Markdown);
        assert_eq!(layout.front_matter_title.as_deref(), Some("A fire"));
        let texts: Vec<_> = layout
            .blocks
            .iter()
            .map(|b| (b.kind, &layout.copy[b.span.clone()]))
            .collect();
        assert_eq!(
            texts,
            vec![
                (BlockKind::Heading, "A fire"),
                (BlockKind::Paragraph, "Text one."),
                (BlockKind::Paragraph, "Text two."),
            ]
        );
        assert!(!layout.copy.contains("slug"));
        assert!(!layout.copy.contains("1 2 3"));
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_block() {
        let source = "Headline here\n\nOne line\nwraps onto two\r\nand three.\r\n\r\nNext.";
        let blocks = block_texts(source, DraftFormat::PlainText);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].0, BlockKind::Heading);
        assert_eq!(
            blocks[1],
            (
                BlockKind::Paragraph,
                "One line\nwraps onto two\r\nand three.".into()
            )
        );
    }

    #[test]
    fn lists_quotes_and_separators() {
        let source = "Intro:\n\n- Route 46A\n- Route 15\n  wrapped\n\n***\n\n> Quoted text\n> more.\n";
        let blocks = block_texts(source, DraftFormat::Markdown);
        let kinds: Vec<_> = blocks.iter().map(|b| b.0).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Separator,
                BlockKind::BlockQuote
            ]
        );
        assert_eq!(blocks[2].1, "Route 15\n  wrapped");
        assert_eq!(blocks[4].1, "Quoted text\n  more.");
    }

    #[test]
    fn links_keep_their_text_only() {
        let source = "Read [the report](https://example.com/a-1.pdf) and ![chart](c.png) `x = 1` <b>now</b>.";
        let layout = layout(source, DraftFormat::Markdown);
        let copy: String = layout.copy.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(copy, "Read the report and now .");
    }

    #[test]
    fn directives_are_found_in_both_forms() {
        let source = "<!-- copydesk-disable name-consistency -->\nText.\n\n[copydesk-enable]\n\nMore <!-- copydesk-disable-next-line unattributed-figure --> text.\n";
        let layout = layout(source, DraftFormat::Markdown);
        let kinds: Vec<_> = layout
            .directives
            .iter()
            .map(|d| (d.kind, d.rules.clone(), d.line))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (DirectiveKind::Disable, vec!["name-consistency".to_string()], 0),
                (DirectiveKind::Enable, vec![], 3),
                (
                    DirectiveKind::DisableNextLine,
                    vec!["unattributed-figure".to_string()],
                    5
                ),
            ]
        );
        assert!(!layout.copy.contains("copydesk"));
    }

    #[test]
    fn plain_text_takes_the_comment_form_on_a_line_of_its_own() {
        let source = "<!-- copydesk-disable-next-line unattributed-figure -->\nTurnout was 58.3%.\n\n  <!--copydesk-disable-->  \nText.\n\nMore <!-- copydesk-enable --> text.\n<!-->\n<!-- a note -->\n";
        let layout = layout(source, DraftFormat::PlainText);
        let kinds: Vec<_> = layout
            .directives
            .iter()
            .map(|d| (d.kind, d.rules.clone(), d.line))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (
                    DirectiveKind::DisableNextLine,
                    vec!["unattributed-figure".to_string()],
                    0
                ),
                (DirectiveKind::Disable, vec![], 3),
            ]
        );
        // The directive lines are not copy; a comment inside a line, or one that is not a
        // directive, is plain text's copy as written.
        assert!(!layout.copy.contains("copydesk-disable"));
        assert!(layout.copy.contains("<!-- copydesk-enable -->"));
        assert!(layout.copy.contains("<!-- a note -->"));
    }

    #[test]
    fn setext_heading_and_unclosed_fence() {
        let source = "Title\n=====\n\nBody text.\n\n```\nnever closed\n";
        let blocks = block_texts(source, DraftFormat::Markdown);
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Heading, "Title".into()),
                (BlockKind::Paragraph, "Body text.".into())
            ]
        );
    }
}
