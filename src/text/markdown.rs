//! Finds the copy in a draft: which text is prose, how it groups into blocks, and what is
//! not copy at all (front matter, code, HTML, link targets, list and quote markers).
//!
//! The result is a *masked copy*: a string with exactly the byte length of the source in
//! which every byte that is not copy has been replaced by a space (line breaks are kept).
//! Every later stage works on the masked copy, so its byte offsets are the source's byte
//! offsets and nothing has to be mapped back.
//!
//! A Markdown draft is parsed by pulldown-cmark (CommonMark with GitHub's tables, footnotes,
//! strikethrough and task lists, and YAML or TOML front matter). The masked copy starts
//! blank and receives the source bytes of each text event that is copy: the text of
//! paragraphs, headings, list items, block quotes, table cells and footnote definitions,
//! link text and the contents of emphasis. Everything else stays blank: code spans and
//! blocks, HTML blocks, inline HTML and comments, link and image destinations and titles,
//! image descriptions, autolinks and bare URLs, reference definitions, footnote markers,
//! list and quote markers, emphasis marks, backslashes of escapes and front matter.
//!
//! A plain-text draft is laid out line by line (`plain_text.rs`). For both formats, the
//! one-line blocks at the top that end without punctuation (a headline, a kicker, a
//! scraped section label) are headings.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::plain_text;
/// What kind of file a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftFormat {
    /// CommonMark Markdown with GitHub's extensions: front matter, code, HTML and link
    /// targets are not copy.
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

/// A layout before the passes both formats share: the copy as bytes, and blocks whose
/// spans may still start or end on blanked bytes (a block with no copy at all is kept for
/// the headline pass, then dropped).
pub(crate) struct RawLayout {
    pub(crate) copy: Vec<u8>,
    pub(crate) blocks: Vec<LayoutBlock>,
    pub(crate) front_matter: Option<Range<usize>>,
    pub(crate) front_matter_title: Option<String>,
    pub(crate) directives: Vec<Directive>,
}

/// Parses a draft into its copy and blocks.
pub fn layout(source: &str, format: DraftFormat) -> Layout {
    let raw = match format {
        DraftFormat::Markdown => markdown_layout(source),
        DraftFormat::PlainText => plain_text::layout(source),
    };
    finish(source, raw)
}

/// Blanks the bytes of `range` in `copy`, keeping line breaks.
pub(crate) fn mask_range(copy: &mut [u8], range: Range<usize>) {
    let end = range.end.min(copy.len());
    for byte in &mut copy[range.start.min(end)..end] {
        if *byte != b'\n' && *byte != b'\r' {
            *byte = b' ';
        }
    }
}

/// True for a line of only `*`, `-` or `_` (three or more, spaces allowed), or of
/// other runs of separator marks such as `# # #`, `===` or `•••`.
pub(crate) fn is_separator_line(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return false;
    }
    let mut marks = trimmed.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    if !matches!(first, '*' | '-' | '_' | '=' | '~' | '#' | '•' | '·') {
        return false;
    }
    let mut count = 1;
    for mark in marks {
        if mark != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// Parses a directive in the text of a comment: `copydesk-disable RULE…`.
pub(crate) fn parse_directive(text: &str) -> Option<(DirectiveKind, Vec<String>)> {
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

/// The `title:` (YAML) or `title =` (TOML) of front matter, unquoted.
pub(crate) fn front_matter_title(front_matter: &str) -> Option<String> {
    let mut title = None;
    for line in front_matter.lines() {
        if let Some(value) = line
            .strip_prefix("title:")
            .or_else(|| line.strip_prefix("title ="))
        {
            let value = value.trim().trim_matches('"').trim_matches('\'').trim();
            if !value.is_empty() {
                title = Some(value.to_string());
            }
        }
    }
    title
}

/// The length of a list marker at the start of `text` (after indentation), marker and
/// the spaces after it included: `-`, `*`, `+`, `•`, or up to nine digits and `.` or `)`.
pub(crate) fn list_marker(text: &str) -> Option<usize> {
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

/// The byte range of the line holding `offset`, without its terminator.
fn line_bounds(source: &str, offset: usize) -> Range<usize> {
    let bytes = source.as_bytes();
    let offset = offset.min(bytes.len());
    let start = bytes[..offset]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let mut end = bytes[offset..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(bytes.len(), |p| offset + p);
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    start..end
}

/// The shared passes: the headline pass, then every block's span trimmed to start and end
/// on copy, and the blocks with no copy dropped.
fn finish(source: &str, raw: RawLayout) -> Layout {
    let RawLayout {
        copy,
        mut blocks,
        front_matter,
        front_matter_title,
        mut directives,
    } = raw;

    // The one-line blocks at the top that end without punctuation (a headline, a kicker, a
    // section label) are headings, up to the first block of prose.
    for block in blocks
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
        let line = line_bounds(source, block.span.start);
        let text = source[line].trim();
        let words = text.split_whitespace().count();
        let ends_sentence = text.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', ',', ';']);
        if words > 25 || ends_sentence {
            break;
        }
        block.kind = BlockKind::Heading;
    }

    let copy = match String::from_utf8(copy) {
        Ok(copy) => copy,
        Err(error) => {
            // Masks always cover whole characters; if one ever does not, fall back to the
            // unmasked source rather than lose offsets.
            debug_assert!(false, "mask split a character: {error}");
            source.to_string()
        }
    };
    for block in &mut blocks {
        let text = &copy[block.span.clone()];
        let start_trim = text.len() - text.trim_start().len();
        let end_trim = text.len() - text.trim_end().len();
        if start_trim + end_trim < text.len() {
            block.span = block.span.start + start_trim..block.span.end - end_trim;
        }
    }
    blocks.retain(|b| b.kind == BlockKind::Separator || !copy[b.span.clone()].trim().is_empty());
    // Directives from comments and from lines of their own are found in separate passes.
    directives.sort_by_key(|d| d.line);

    Layout {
        copy,
        blocks,
        front_matter,
        front_matter_title,
        directives,
    }
}

/// The Markdown pulldown-cmark reads: CommonMark with GitHub's tables, footnotes,
/// strikethrough and task lists, and front matter.
fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// Byte offsets of the starts of the source's lines.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(source: &str) -> LineStarts {
        let mut starts = Vec::with_capacity(source.len() / 60 + 1);
        starts.push(0);
        starts.extend(source.match_indices('\n').map(|(offset, _)| offset + 1));
        LineStarts(starts)
    }

    /// The zero-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|start| *start <= offset).saturating_sub(1)
    }

    /// The byte range of line `line`, terminator included.
    fn span(&self, line: usize, source_len: usize) -> Range<usize> {
        let start = self.0.get(line).copied().unwrap_or(source_len);
        let end = self.0.get(line + 1).copied().unwrap_or(source_len);
        start..end
    }
}

/// Directives on lines of their own in the `[copydesk-disable …]` form. They are not
/// Markdown, so they are found before parsing and blanked in the text handed to the parser:
/// a directive line then ends a paragraph as a blank line would.
fn own_line_directives<'a>(source: &'a str, directives: &mut Vec<Directive>) -> Cow<'a, str> {
    if !source.contains("[copydesk-") {
        return Cow::Borrowed(source);
    }
    let mut blanked: Option<Vec<u8>> = None;
    let mut start = 0;
    for (line_number, line) in source.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("[copydesk-")
            && trimmed.ends_with(']')
            && let Some((kind, rules)) = parse_directive(&trimmed[1..trimmed.len() - 1])
        {
            directives.push(Directive {
                kind,
                rules,
                line: line_number,
                end_line: line_number,
            });
            let bytes = blanked.get_or_insert_with(|| source.as_bytes().to_vec());
            mask_range(bytes, start..start + line.len());
        }
        start += line.len();
    }
    match blanked.map(String::from_utf8) {
        Some(Ok(text)) => Cow::Owned(text),
        // Blanking replaces whole lines, so it cannot split a character.
        _ => Cow::Borrowed(source),
    }
}

/// Finds `<!-- … -->` comments in HTML (a block's lines, or one inline HTML event) and
/// keeps the directives among them.
#[derive(Default)]
struct CommentScanner {
    /// The offset of an open comment's `<!--` and its text so far.
    open: Option<(usize, String)>,
}

impl CommentScanner {
    fn scan(&mut self, source: &str, range: Range<usize>, lines: &LineStarts, out: &mut Vec<Directive>) {
        let mut at = range.start;
        while at < range.end {
            let rest = &source[at..range.end];
            match &mut self.open {
                None => match rest.find("<!--") {
                    Some(found) => {
                        self.open = Some((at + found, String::new()));
                        at += found + 4;
                    }
                    None => break,
                },
                Some((start, text)) => match rest.find("-->") {
                    Some(found) => {
                        text.push_str(&rest[..found]);
                        if let Some((kind, rules)) = parse_directive(text) {
                            out.push(Directive {
                                kind,
                                rules,
                                line: lines.line_of(*start),
                                end_line: lines.line_of(at + found),
                            });
                        }
                        self.open = None;
                        at += found + 3;
                    }
                    None => {
                        text.push_str(rest);
                        break;
                    }
                },
            }
        }
    }
}

/// A block being built from parser events.
struct OpenBlock {
    kind: BlockKind,
    /// From the first to the last byte of copy taken into the block.
    copy: Option<Range<usize>>,
    /// From the first to the last byte of the block's inline content, copy or not (a code
    /// span, an image), for its lines.
    extent: Option<Range<usize>>,
    /// The range of the event that opened the block, for a block with no inline content.
    opened_by: Range<usize>,
    /// Opened by inline content with no paragraph around it (a tight list item's text).
    implicit: bool,
}

struct MarkdownBuilder<'a> {
    /// The text the parser reads (the source, with directive lines blanked).
    text: &'a str,
    lines: LineStarts,
    copy: Vec<u8>,
    blocks: Vec<LayoutBlock>,
    open: Option<OpenBlock>,
    /// The kinds of block the containers around the current event give their paragraphs:
    /// a list item's, a block quote's, a footnote definition's.
    containers: Vec<BlockKind>,
    /// How many enclosing elements hide their text (code, HTML, images, autolinks, front
    /// matter).
    hidden: usize,
    /// For each open link, whether it hides its text (an autolink).
    links: Vec<bool>,
    /// Code blocks, where a directive line is code.
    code_blocks: Vec<Range<usize>>,
    comments: CommentScanner,
    directives: Vec<Directive>,
}

impl MarkdownBuilder<'_> {
    fn open(&mut self, kind: BlockKind, range: Range<usize>, implicit: bool) {
        self.close();
        self.open = Some(OpenBlock {
            kind,
            copy: None,
            extent: None,
            opened_by: range,
            implicit,
        });
    }

    fn close(&mut self) {
        let Some(block) = self.open.take() else {
            return;
        };
        let extent = block.extent.unwrap_or_else(|| {
            let opened = &self.text[block.opened_by.clone()];
            block.opened_by.start..block.opened_by.start + opened.trim_end().len()
        });
        let span = block.copy.unwrap_or_else(|| extent.clone());
        self.blocks.push(LayoutBlock {
            kind: block.kind,
            span,
            first_line: self.lines.line_of(extent.start),
            last_line: self.lines.line_of(extent.end.saturating_sub(1).max(extent.start)),
        });
    }

    fn close_implicit(&mut self) {
        if self.open.as_ref().is_some_and(|b| b.implicit) {
            self.close();
        }
    }

    /// The open block for inline content at `range`, opening one (a tight list item's text)
    /// when none is.
    fn inline_block(&mut self, range: &Range<usize>) -> &mut OpenBlock {
        if self.open.is_none() {
            let kind = self.containers.last().copied().unwrap_or(BlockKind::Paragraph);
            self.open(kind, range.clone(), true);
        }
        let block = self.open.as_mut().expect("a block was just opened");
        block.extent = Some(match &block.extent {
            Some(extent) => extent.start.min(range.start)..extent.end.max(range.end),
            None => range.clone(),
        });
        block
    }

    fn take_copy(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.copy[range.clone()].copy_from_slice(&self.text.as_bytes()[range.clone()]);
        let block = self.inline_block(&range);
        block.copy = Some(match &block.copy {
            Some(copy) => copy.start.min(range.start)..copy.end.max(range.end),
            None => range,
        });
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                let kind = self.containers.last().copied().unwrap_or(BlockKind::Paragraph);
                self.open(kind, range, false);
            }
            Tag::Heading { .. } => self.open(BlockKind::Heading, range, false),
            // Each cell is a block of its own, so that no sentence runs from one cell into
            // the next. A table is agate, like a list: its cells (the column labels too)
            // are list items, and a lead-in line ("Results, according to the commission:")
            // sources the whole table.
            Tag::TableCell => self.open(BlockKind::ListItem, range, false),
            Tag::Item => {
                self.close_implicit();
                self.containers.push(BlockKind::ListItem);
            }
            Tag::BlockQuote(_) => {
                self.close_implicit();
                self.containers.push(BlockKind::BlockQuote);
            }
            Tag::FootnoteDefinition(_) => {
                self.close_implicit();
                self.containers.push(BlockKind::Paragraph);
            }
            Tag::CodeBlock(_) => {
                self.close_implicit();
                self.code_blocks.push(range);
                self.hidden += 1;
            }
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.close_implicit();
                self.hidden += 1;
            }
            Tag::Image { .. } => {
                self.inline_block(&range);
                self.hidden += 1;
            }
            Tag::Link { link_type, .. } => {
                self.inline_block(&range);
                let hides = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.links.push(hides);
                if hides {
                    self.hidden += 1;
                }
            }
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {
                self.inline_block(&range);
            }
            Tag::List(_) | Tag::Table(_) | Tag::DefinitionList | Tag::DefinitionListTitle => {
                self.close_implicit();
            }
            Tag::TableHead | Tag::TableRow | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.close(),
            TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => {
                self.close_implicit();
                self.containers.pop();
            }
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                self.hidden = self.hidden.saturating_sub(1);
            }
            TagEnd::HtmlBlock => {
                self.hidden = self.hidden.saturating_sub(1);
                // A comment left open at the end of an HTML block is not a directive.
                self.comments.open = None;
            }
            TagEnd::Link if self.links.pop() == Some(true) => {
                self.hidden = self.hidden.saturating_sub(1);
            }
            TagEnd::List(_) | TagEnd::Table => self.close_implicit(),
            _ => {}
        }
    }
}

fn markdown_layout(source: &str) -> RawLayout {
    let mut directives = Vec::new();
    let text = own_line_directives(source, &mut directives);
    let own_line_count = directives.len();
    let mut builder = MarkdownBuilder {
        text: &text,
        lines: LineStarts::new(source),
        copy: source
            .bytes()
            .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
            .collect(),
        blocks: Vec::new(),
        open: None,
        containers: Vec::new(),
        hidden: 0,
        links: Vec::new(),
        code_blocks: Vec::new(),
        comments: CommentScanner::default(),
        directives,
    };
    let mut front_matter = None;
    let mut front_matter_title = None;
    let mut in_front_matter = false;

    for (event, range) in Parser::new_ext(&text, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => {
                front_matter = Some(range);
                in_front_matter = true;
                builder.start(Tag::MetadataBlock(kind), 0..0);
            }
            Event::End(TagEnd::MetadataBlock(kind)) => {
                in_front_matter = false;
                builder.end(TagEnd::MetadataBlock(kind));
            }
            Event::Start(tag) => builder.start(tag, range),
            Event::End(tag) => builder.end(tag),
            Event::Text(content) => {
                if in_front_matter {
                    front_matter_title = front_matter_title.or(self::front_matter_title(&content));
                } else if builder.hidden == 0 {
                    builder.take_copy(range);
                } else if builder.open.is_some() {
                    builder.inline_block(&range);
                }
            }
            Event::Code(_) | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {
                builder.inline_block(&range);
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                builder.inline_block(&range);
            }
            Event::InlineHtml(_) => {
                builder.inline_block(&range);
                let MarkdownBuilder {
                    text,
                    lines,
                    comments,
                    directives,
                    ..
                } = &mut builder;
                comments.scan(text, range, lines, directives);
                comments.open = None;
            }
            Event::Html(_) => {
                let MarkdownBuilder {
                    text,
                    lines,
                    comments,
                    directives,
                    ..
                } = &mut builder;
                comments.scan(text, range, lines, directives);
            }
            Event::Rule => {
                builder.close_implicit();
                let line = line_bounds(source, range.start);
                let line_number = builder.lines.line_of(range.start);
                builder.blocks.push(LayoutBlock {
                    kind: BlockKind::Separator,
                    span: line,
                    first_line: line_number,
                    last_line: line_number,
                });
            }
            Event::SoftBreak | Event::HardBreak => {}
        }
    }
    builder.close();

    // A directive line inside a code block is code.
    if !builder.code_blocks.is_empty() {
        let MarkdownBuilder {
            lines,
            code_blocks,
            directives,
            ..
        } = &mut builder;
        let mut index = 0;
        directives.retain(|directive| {
            index += 1;
            index > own_line_count
                || !code_blocks.iter().any(|code| {
                    let line = lines.span(directive.line, source.len());
                    code.start < line.end && line.start < code.end
                })
        });
    }

    let MarkdownBuilder {
        mut copy,
        mut blocks,
        lines,
        directives,
        ..
    } = builder;
    split_bullet_lines(source, &lines, &mut copy, &mut blocks);
    for block in &mut blocks {
        match block.kind {
            BlockKind::Paragraph | BlockKind::Heading if block.first_line == block.last_line => {
                let line = line_bounds(source, block.span.start);
                if is_separator_line(&source[line.clone()]) {
                    mask_range(&mut copy, line.clone());
                    block.kind = BlockKind::Separator;
                    block.span = line;
                    continue;
                }
            }
            BlockKind::Separator => continue,
            _ => {}
        }
        mask_bare_urls(&mut copy, block.span.clone());
    }

    RawLayout {
        copy,
        blocks,
        front_matter,
        front_matter_title,
        directives,
    }
}

/// Masks bare URLs (`https://…`, `http://…`, `www.…`) in a block's copy, up to white space
/// or an angle bracket, leaving closing punctuation.
fn mask_bare_urls(copy: &mut [u8], span: Range<usize>) {
    let end = span.end.min(copy.len());
    let mut index = span.start.min(end);
    while index < end {
        let byte = copy[index];
        if (byte != b'h' && byte != b'w') || (index > 0 && copy[index - 1].is_ascii_alphanumeric()) {
            index += 1;
            continue;
        }
        let rest = &copy[index..end];
        if !(rest.starts_with(b"https://") || rest.starts_with(b"http://") || rest.starts_with(b"www.")) {
            index += 1;
            continue;
        }
        let mut length = rest
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'<' || *b == b'>')
            .unwrap_or(rest.len());
        // Unicode white space ends a URL too.
        if let Ok(text) = std::str::from_utf8(&rest[..length])
            && let Some(space) = text.find(char::is_whitespace)
        {
            length = space;
        }
        while length > 0 && matches!(rest[length - 1], b'.' | b',' | b')' | b';' | b':') {
            length -= 1;
        }
        mask_range(copy, index..index + length);
        index += length.max(1);
    }
}

/// In a paragraph, a line that starts with `•` and a space is a list item of its own, as
/// pasted copy writes bullets (Markdown has no such marker): the paragraph is split there
/// and the bullet blanked.
fn split_bullet_lines(source: &str, lines: &LineStarts, copy: &mut [u8], blocks: &mut Vec<LayoutBlock>) {
    const BULLET: &str = "•";
    let has_bullet_line = |block: &LayoutBlock, copy: &[u8]| {
        block.kind == BlockKind::Paragraph
            && std::str::from_utf8(&copy[block.span.clone()]).is_ok_and(|text| text.contains(BULLET))
    };
    if !blocks.iter().any(|b| has_bullet_line(b, copy)) {
        return;
    }
    let mut split = Vec::with_capacity(blocks.len() + 8);
    for block in blocks.drain(..) {
        if !has_bullet_line(&block, copy) {
            split.push(block);
            continue;
        }
        let mut current: Option<LayoutBlock> = None;
        for line in block.first_line..=block.last_line {
            let bounds = lines.span(line, source.len());
            let start = bounds.start.max(block.span.start);
            let end = bounds.end.min(block.span.end);
            if start >= end {
                continue;
            }
            let Ok(text) = std::str::from_utf8(&copy[start..end]) else {
                continue;
            };
            let lead = text.len() - text.trim_start().len();
            if text.trim().is_empty() {
                continue;
            }
            let marker = text[lead..]
                .starts_with(BULLET)
                .then(|| list_marker(&text[lead..]))
                .flatten();
            match (&mut current, marker) {
                (Some(open), None) => {
                    open.span.end = end;
                    open.last_line = line;
                }
                (_, marker) => {
                    split.extend(current.take());
                    let content = start + lead + marker.unwrap_or(0);
                    mask_range(copy, start..content);
                    current = Some(LayoutBlock {
                        kind: if marker.is_some() {
                            BlockKind::ListItem
                        } else {
                            block.kind
                        },
                        span: content..end,
                        first_line: line,
                        last_line: line,
                    });
                }
            }
        }
        split.extend(current);
    }
    *blocks = split;
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

    fn masked(source: &str) -> String {
        let layout = layout(source, DraftFormat::Markdown);
        assert_eq!(layout.copy.len(), source.len());
        layout.copy
    }

    #[test]
    fn code_spans_and_blocks_are_masked_wherever_they_sit() {
        // A code span continued onto the next line.
        assert_eq!(masked("Ask `git\nlog TK` now.\n"), "Ask     \n        now.\n");
        // A fenced code block inside a block quote.
        assert_eq!(
            masked("> Quoted.\n> ```\n> the the\n> ```\n"),
            "  Quoted.\n     \n         \n     \n"
        );
        // A fenced code block indented inside a list item.
        assert_eq!(
            masked("- Item.\n\n  ```\n  TK\n  ```\n"),
            "  Item.\n\n     \n    \n     \n"
        );
        // A nested list with code.
        assert_eq!(masked("- One\n  - Two `TK`\n"), "  One\n    Two     \n");
        // Indented code after a paragraph break.
        assert_eq!(masked("Text.\n\n    TK here\n"), "Text.\n\n           \n");
    }

    #[test]
    fn html_is_masked_in_blocks_and_inline() {
        // A comment opened mid-line and closed on a later line.
        assert_eq!(
            masked("Say <!-- note\nTK --> it.\n"),
            "Say          \n       it.\n"
        );
        // Script and style blocks, and other HTML blocks.
        assert_eq!(
            masked("<script>\nvar TK = 1;\n</script>\n\nText.\n"),
            "        \n           \n         \n\nText.\n"
        );
        assert_eq!(
            masked("<div>\nTK\n</div>\n\nText.\n"),
            "     \n  \n      \n\nText.\n"
        );
        // A tag whose attributes run onto the next line.
        assert_eq!(
            masked("Text <span\nclass=\"TK\">x</span> end.\n"),
            "Text      \n           x        end.\n"
        );
    }

    #[test]
    fn links_keep_their_text_and_lose_their_targets() {
        // A link title on a continuation line.
        assert_eq!(
            masked("[text](http://x \"title\nTK\") end.\n"),
            " text                 \n     end.\n"
        );
        // A reference definition, and a link that uses it.
        assert_eq!(
            masked("[ref]: http://x \"TK\"\n\nText [ref].\n"),
            "                    \n\nText  ref .\n"
        );
        // Images, autolinks and bare URLs are not copy.
        assert_eq!(masked("A ![alt TK](i.png) b.\n"), "A                  b.\n");
        assert_eq!(masked("See <https://x.org> now.\n"), "See                 now.\n");
        assert_eq!(
            masked("See https://x.org/a. Now.\n"),
            "See                . Now.\n"
        );
    }

    #[test]
    fn footnote_text_is_copy_and_its_markers_are_not() {
        let source = "Text[^1].\n\n[^1]: Note TK.\n";
        assert_eq!(masked(source), "Text    .\n\n      Note TK.\n");
        let blocks = block_texts(source, DraftFormat::Markdown);
        assert_eq!(blocks[1], (BlockKind::Paragraph, "Note TK.".into()));
    }

    #[test]
    fn emphasis_escapes_breaks_and_entities() {
        assert_eq!(
            masked("**bold** and _it_ ~~old~~\n"),
            "  bold   and  it    old  \n"
        );
        assert_eq!(masked("\\*not\\* AT&amp;T\n"), " *not * AT&amp;T\n");
        assert_eq!(masked("One  \ntwo\\\nthree.\n"), "One  \ntwo \nthree.\n");
        assert_eq!(masked("- [x] done\n"), "      done\n");
        assert_eq!(masked("## Title ##\n"), "   Title   \n");
    }

    #[test]
    fn tables_are_a_list_item_per_cell() {
        let source = "| Route | Drivers |\n|---|---|\n| 46A | 2,300 |\n";
        assert_eq!(
            masked(source),
            "  Route   Drivers  \n         \n  46A   2,300  \n"
        );
        assert_eq!(
            block_texts(source, DraftFormat::Markdown),
            vec![
                (BlockKind::ListItem, "Route".into()),
                (BlockKind::ListItem, "Drivers".into()),
                (BlockKind::ListItem, "46A".into()),
                (BlockKind::ListItem, "2,300".into()),
            ]
        );
    }

    #[test]
    fn front_matter_in_both_forms() {
        let toml = layout(
            "+++\ntitle = \"Fares rise\"\n+++\n\nBody.\n",
            DraftFormat::Markdown,
        );
        assert_eq!(toml.front_matter_title.as_deref(), Some("Fares rise"));
        assert_eq!(toml.front_matter, Some(0..28));
        assert_eq!(toml.copy, "   \n                    \n   \n\nBody.\n");
        let yaml = layout("---\ntitle: 'A fire'\n---\nBody.\n", DraftFormat::Markdown);
        assert_eq!(yaml.front_matter_title.as_deref(), Some("A fire"));
        assert_eq!(yaml.copy, "   \n               \n   \nBody.\n");
    }

    #[test]
    fn block_quotes_take_lazy_lines_and_headings_keep_their_lines() {
        let source = "> Quoted line\nlazy line.\n\nTitle\n=====\n\nBody.\n";
        let layout = layout(source, DraftFormat::Markdown);
        let blocks: Vec<_> = layout
            .blocks
            .iter()
            .map(|b| (b.kind, &layout.copy[b.span.clone()], b.first_line, b.last_line))
            .collect();
        assert_eq!(
            blocks,
            vec![
                (BlockKind::BlockQuote, "Quoted line\nlazy line.", 0, 1),
                (BlockKind::Heading, "Title", 3, 3),
                (BlockKind::Paragraph, "Body.", 6, 6),
            ]
        );
    }

    #[test]
    fn pasted_bullets_and_separator_lines() {
        let source = "Intro line one.\n\n• One\n• Two\nwraps.\n\n•••\n\n# # #\n\nEnd.\n";
        assert_eq!(
            block_texts(source, DraftFormat::Markdown),
            vec![
                (BlockKind::Paragraph, "Intro line one.".into()),
                (BlockKind::ListItem, "One".into()),
                (BlockKind::ListItem, "Two\nwraps.".into()),
                (BlockKind::Separator, " ".repeat("•••".len())),
                (BlockKind::Separator, "     ".into()),
                (BlockKind::Paragraph, "End.".into()),
            ]
        );
    }

    #[test]
    fn directives_in_multi_line_comments_and_on_lines_of_their_own() {
        let source = "Text.\n<!--\ncopydesk-disable placeholder\n-->\n\n[copydesk-disable-next-line]\nNext TK.\n\n```\n[copydesk-enable]\n```\n";
        let layout = layout(source, DraftFormat::Markdown);
        let found: Vec<_> = layout
            .directives
            .iter()
            .map(|d| (d.kind, d.rules.clone(), d.line, d.end_line))
            .collect();
        assert_eq!(
            found,
            vec![
                (DirectiveKind::Disable, vec!["placeholder".to_string()], 1, 3),
                (DirectiveKind::DisableNextLine, vec![], 5, 5),
            ]
        );
        let texts: Vec<_> = layout
            .blocks
            .iter()
            .map(|b| &layout.copy[b.span.clone()])
            .collect();
        assert_eq!(texts, vec!["Text.", "Next TK."]);
    }

    #[test]
    fn plain_text_lines_longer_than_a_wrap_are_paragraphs_of_their_own() {
        let long = "The council voted on Tuesday to close the harbour road for six weeks while crews repair the sea wall.";
        assert!(long.chars().count() > plain_text::LONG_LINE_CHARS);
        let source = format!("Headline\n\n{long}\nShort line after it.\n{long}\n");
        let blocks = block_texts(&source, DraftFormat::PlainText);
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Heading, "Headline".into()),
                (BlockKind::Paragraph, long.into()),
                (BlockKind::Paragraph, "Short line after it.".into()),
                (BlockKind::Paragraph, long.into()),
            ]
        );
    }

    #[test]
    fn plain_text_hard_wrapped_paragraphs_stay_whole() {
        // Lines wrapped under 90 characters (as in the dev corpus's wrapped drafts), up to
        // the 100-character limit.
        let line = "x".repeat(100);
        let source = format!(
            "The council voted on Tuesday to close the harbour road for\nsix weeks while crews repair the sea wall, officials said.\n{line}\n"
        );
        let blocks = block_texts(&source, DraftFormat::PlainText);
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        assert_eq!(blocks[0].0, BlockKind::Paragraph);
        // Characters, not bytes: a wrapped line of accented or curly text is not long.
        let accented = "é".repeat(60);
        let blocks = block_texts(
            &format!("Intro.\n\n{accented}\n{accented}\n"),
            DraftFormat::PlainText,
        );
        assert_eq!(blocks.len(), 2, "{blocks:?}");
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
