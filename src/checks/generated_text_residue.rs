//! # generated-text-residue
//!
//! ## What it flags
//! Text a generator, rewriting or translation tool left in the copy, addressed to whoever
//! asked for it rather than to readers:
//! - its voice: "As an AI language model…", "Certainly! Here is a rewritten version…",
//!   "I hope this helps", "Let me know if you'd like changes", "Would you like me to…";
//!   its reply opening a paragraph ("Certainly!", "Sure.", "Of course, here is…", "Sure,
//!   I'd be happy to…");
//! - its asides about the text itself, its keywords, its length or its tone, in the
//!   first person ("I have kept the tone neutral and included the keywords you asked for",
//!   "Note: I've kept the tone neutral", "I've rewritten the piece in AP style as
//!   requested"), or as the text describing itself ("This version is more concise and
//!   keeps the key facts.", "The article is about 450 words long.");
//! - word counts and keyword lists ("(Word count: 512)", "Keywords: inflation, rates"), and
//!   the lead-in to its output ("Here is the article:");
//! - the labelled fields of a generator's output at the top of the draft ("**Headline:**
//!   Ferry fares to rise", "Title: …", "Meta description: …");
//! - Markdown emphasis that opens and never closes (`**Key points` with no closing `**`),
//!   or closes without opening;
//! - a stray one-word sentence of a function word ("There.", "Here.", "So.") outside
//!   quotation marks, the trace of a sentence a tool dropped.
//!
//! ## Why it matters
//! Copy that passed through a tool carries its conversation with the user. Published, it
//! tells readers the story was machine-written and unchecked, and it is the kind of error
//! that gets screenshotted.
//!
//! ## Example
//! ```text
//! Certainly! Here is a rewritten version of the article:
//!
//! The central bank cut rates on Thursday. …
//!
//! I hope this helps! Let me know if you'd like a shorter version.
//! ```
//! Use instead: the article alone.
//!
//! A reporter's own "Of course," "Certainly," or "Sure," at the start of a sentence that
//! goes on ("Of course, the council has not voted yet.") is prose, not a reply: the reply
//! stands alone ("Certainly!") or turns to the person who asked ("Of course, here is…").
//! Quoted speech is never flagged ("“I hope this helps,” the minister said"), nor are a
//! newsroom's own notes to readers ("Editor's note: This story has been updated …", "Note:
//! An earlier version of this article misstated …", "We have updated this article …"),
//! first person prose that does not talk about the text ("I kept a copy of the letter"), a
//! sentence that attributes ("I changed the wording of the law, Borg said."), a version of
//! something else ("This version of the bill …"), or emphasis that closes. Ordinary edit
//! verbs ("kept", "removed", "changed") make a first-person aside only with a word for what
//! a tool tunes (tone, wording, keywords, readability) or with "as requested"; the tool's
//! own verbs ("rewritten", "rephrased", "polished") need only a word for the text.
//!
//! ## Fix
//! Delete the note (the whole paragraph when it is all note) or the stray marker: safe.
//! For a field label, delete the label and keep the text after it: safe.
//! Delete a stray one-word sentence: unsafe, because a tool may have dropped the sentence
//! it belonged to, and only the source can say what it was.
//!
//! ## Configuration
//! - `[rules] generated-text-residue = "warning"`

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::duplicate_paragraph::block_deletion_span;
use super::{Ctx, DraftContext, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix};
use crate::text::spans::SpanSet;
use crate::text::word_table::WordTable;
use crate::text::words::WordList;
use crate::text::{BlockKind, ParsedDraft, TokenKind};

const RULE: &str = "generated-text-residue";

/// Compiles this rule's patterns, so that `story::warm_up` pays for them rather than
/// the first draft.
pub(crate) fn compile_patterns() {
    voice_pattern();
    opening_pattern();
    field_label_pattern();
}

/// The assistant's voice: phrases no news story says outside a quotation.
fn voice_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?xi)
              (?-u:\b)as\ an\ ai(?-u:\b)
            | (?-u:\b)as\ a\ (?:large\ )?language\ model(?-u:\b)
            | (?-u:\b)i(?:'|’|\ a)m\ (?:just\ |only\ |not\ )?an\ ai(?-u:\b)
            | (?m:^)[\ \t]*(?:certainly|sure|absolutely|of\ course|great\ question)\s*(?:[!.:]|,\s*(?:here|below|let\ me|i(?:'|’)ll|i(?:'|’)d\ be|i\ would\ be)(?-u:\b))
            | (?-u:\b)here(?:'|’|\ i)s\ (?:a|an|the|your)\ (?:[a-z]+[\ -]){0,3}?(?:rewritten|revised|reworded|rephrased|paraphrased|polished|edited|improved|shortened|condensed|expanded|optimi[sz]ed|seo[\ -]friendly|requested|refined)(?-u:\b)
            | (?-u:\b)here\ (?:is|are)\ (?:the|your)\ (?:[a-z]+\ ){0,2}?(?:article|text|version|rewrite|draft)\ (?:you\ (?:asked|requested))
            | (?m:^)[\ \t]*(?:here\ (?:is|are)|here(?:'|’)s)\ (?:the|your|a|an|my)\ (?:[a-z-]+\ ){0,3}?(?:article|version|rewrite|draft|piece|copy|output)\s*:
            | (?-u:\b)i\ hope\ (?:this|that|these|it)\ (?:helps|meets|works|is\ helpful|fits|suits)(?-u:\b)
            | (?-u:\b)let\ me\ know\ if(?-u:\b)
            | (?-u:\b)feel\ free\ to\ (?:ask|let\ me\ know|adjust|modify|tweak|edit|reach\ out|customi[sz]e)(?-u:\b)
            | (?-u:\b)would\ you\ like\ me\ to(?-u:\b)
            | (?-u:\b)is\ there\ anything\ else\ (?:i|you)(?-u:\b)
            | (?-u:\b)i\ can\ (?:also\ )?(?:adjust|modify|rewrite|revise|expand|shorten|tweak|tailor|rephrase)(?-u:\b)
            | (?-u:\b)(?:my\ )?knowledge\ cut-?off(?-u:\b)
            | (?-u:\b)as\ of\ my\ (?:last|latest)\ (?:update|training)(?-u:\b)
            | (?-u:\b)(?:the\ )?keywords\ you\ (?:provided|requested|specified|gave|asked\ for)(?-u:\b)
            | (?-u:\b)this\ (?:article|text|version|rewrite|piece|summary|draft|content)\ (?:maintains|incorporates|is\ optimi[sz]ed|is\ written\ in\ a)(?-u:\b)
            | (?-u:\b)(?:this|the)\ (?:article|text|version|rewrite|piece|summary|draft|content|story)\ (?:is|comes\ to|runs\ to|has)\ (?:approximately\ |roughly\ |around\ |about\ |under\ |over\ |exactly\ |just\ under\ |just\ over\ )?\d[\d,]*\ words(?-u:\b)
            | (?-u:\b)word\ count\s*:?\s*\(?\d
            | (?m:^)[\ \t]*(?:seo\ |focus\ |target\ )?(?:keywords?|keyphrase|meta\ description|seo\ title|word\ count)\s*:
            ",
        )
        .expect("generated-text pattern compiles")
    })
}

/// What a word can start: a phrase of the voice anywhere in a block, one only as its
/// first word, an aside to the reader, or a text talking about itself ("this article").
const VOICE_ANYWHERE: u8 = 1;
const VOICE_FIRST: u8 = 2;
const ADDRESS: u8 = 4;
const THIS_OR_NOTE: u8 = 8;

/// Words without which neither the voice's phrases nor an aside can occur in a block.
fn trigger_words() -> &'static WordTable<u8> {
    static TABLE: OnceLock<WordTable<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words: Vec<(&'static str, u8)> = Vec::new();
        let mut add = |word: &'static str, flag: u8| match words.iter_mut().find(|(w, _)| *w == word) {
            Some((_, flags)) => *flags |= flag,
            None => words.push((word, flag)),
        };
        for word in [
            "ai", "model", "here", "here's", "here’s", "hope", "let", "feel", "you", "else", "i",
            "knowledge", "my", "keywords", "count", "cutoff", "cut-off", "words",
        ] {
            add(word, VOICE_ANYWHERE);
        }
        for word in [
            "certainly", "sure", "absolutely", "of", "great", "seo", "focus", "target", "keyword",
            "keyphrase", "meta", "word",
        ] {
            add(word, VOICE_FIRST);
        }
        for word in ADDRESS_WORDS.words() {
            add(word, ADDRESS);
        }
        add("this", THIS_OR_NOTE);
        add("note", THIS_OR_NOTE);
        WordTable::new(words)
    })
}

/// Which searches a block needs: the voice's phrases, and asides.
fn triggers(parsed: &ParsedDraft<'_>, block: &crate::text::Block) -> (bool, bool) {
    let table = trigger_words();
    let tokens = block.tokens.clone();
    let (mut voice, mut aside) = (false, false);
    for index in tokens.clone() {
        let token = parsed.tokens[index];
        if !table.might_contain_bytes(&parsed.copy.as_bytes()[token.start..token.end]) {
            continue;
        }
        let Some(flags) = table.get(parsed.token_text(index)) else {
            continue;
        };
        voice |= flags & VOICE_ANYWHERE != 0 || (flags & VOICE_FIRST != 0 && index == tokens.start);
        aside |= flags & (ADDRESS | THIS_OR_NOTE) != 0;
        if flags & THIS_OR_NOTE != 0
            && tokens.contains(&(index + 1))
            && SELF_WORDS.contains(parsed.token_text(index + 1))
        {
            voice = true;
        }
        if voice && aside {
            break;
        }
    }
    (voice, aside)
}

/// The voice's openings, which count only at the start of a paragraph.
fn opening_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:(?:certainly|sure|absolutely|of course|great question)\s*(?:[!.:]|,\s*(?:here|below|let me|i(?:'|’)ll|i(?:'|’)d be|i would be)\b)|(?:seo |focus |target )?(?:keywords?|keyphrase|meta description|seo title)\s*:)",
        )
        .expect("opening pattern compiles")
    })
}

/// Words that make a sentence talk to the person who asked for the text.
static ADDRESS_WORDS: WordList = WordList::new(&[
    "i", "i've", "i’ve", "i'm", "i’m", "i'll", "i’ll", "i'd", "i’d", "me", "my", "you", "your", "you'd",
    "you’d", "we", "we've", "we’ve",
]);

/// The writer-tool speaking of itself: "I", "I've", "me".
static FIRST_PERSON_WORDS: WordList = WordList::new(&[
    "i", "i've", "i’ve", "i'm", "i’m", "i'll", "i’ll", "i'd", "i’d", "me", "my",
]);

/// "We", which a newsroom's own note to readers also uses ("We have updated this article").
static PLURAL_WORDS: WordList = WordList::new(&["we", "we've", "we’ve"]);

/// The person who asked for the text.
static SECOND_PERSON_WORDS: WordList = WordList::new(&["you", "your", "you'd", "you’d", "you've", "you’ve"]);

/// Words for the text itself (not "content", which news copy uses for other things).
static TEXT_WORDS: WordList = WordList::new(&[
    "article", "text", "version", "rewrite", "draft", "summary", "headline", "keywords", "keyword", "tone",
    "wording", "phrasing", "seo", "readability", "paragraph", "paragraphs", "piece", "quotes", "sentences",
    "style", "length", "formatting",
]);

/// Words only for what a tool is asked to tune in a text, never for a story's facts: a
/// note that uses one of them with an edit is the tool's, even with "we" or no person.
static TOOL_TEXT_WORDS: WordList = WordList::new(&[
    "tone", "keywords", "keyword", "seo", "readability", "wording", "phrasing", "concise", "conciseness",
    "formatting",
]);

/// What a tool says it did to the text. Words an editor's note uses ("condensed",
/// "edited", "revised", "updated") are left out: "This interview has been edited and
/// condensed" is the newsroom's note to readers.
static EDIT_WORDS: WordList = WordList::new(&[
    "rewritten", "rewrote", "rephrased", "reworded", "paraphrased", "optimized", "optimised", "tailored",
    "crafted", "polished", "streamlined", "incorporated", "integrated", "requested",
]);

/// Edits a tool reports in the first person ("I've kept the tone neutral"). People and
/// editors' notes use them too ("I kept a copy", "this article has been changed"), so
/// they count only with a word from [`TOOL_TEXT_WORDS`] or "as requested".
static FIRST_PERSON_EDIT_WORDS: WordList = WordList::new(&[
    "kept", "removed", "added", "included", "adjusted", "changed", "shortened", "simplified", "maintained",
    "preserved", "trimmed", "tightened", "expanded", "retained", "ensured", "focused", "emphasized",
    "emphasised", "highlighted", "condensed", "edited", "revised", "reworked", "restructured", "softened",
    "toned", "made", "cut", "used",
]);

/// What a text calls itself ("this article").
static SELF_WORDS: WordList = WordList::new(&[
    "article", "text", "version", "rewrite", "piece", "summary", "content", "draft",
]);

/// Words only a tool uses about a text it wrote: an editor's note ("This article has been
/// updated") uses none of them.
static META_WORDS: WordList = WordList::new(&[
    "requested", "keywords", "keyword", "tone", "seo", "readability", "optimized", "optimised", "tailored",
    "concise", "succinct", "readable", "engaging", "informative", "neutral", "streamlined", "polished",
]);

/// Words of attribution: a sentence that reports someone is copy, not a tool's aside.
static REPORTING_WORDS: WordList = WordList::new(&["said", "says", "told", "tells", "according"]);

/// Function words that cannot be a sentence on their own in news copy.
static STRAY_WORDS: WordList = WordList::new(&[
    "there", "here", "so", "thus", "this", "that", "it", "and", "but", "or", "the", "also",
]);

/// A found note: its byte range, what it is, and how to fix it.
struct Note {
    span: Range<usize>,
    message: String,
    fix_span: Range<usize>,
    fix_title: &'static str,
    applicability: Applicability,
}

/// The sentences of a block, as indices into the draft's sentence list.
fn sentence_range_for(parsed: &ParsedDraft<'_>, block: usize, span: &Range<usize>) -> Option<Range<usize>> {
    let sentences = parsed.blocks[block].sentences.clone();
    let first = sentences
        .clone()
        .find(|&s| parsed.sentences[s].span.end > span.start)?;
    let last = sentences
        .clone()
        .rev()
        .find(|&s| parsed.sentences[s].span.start < span.end)?;
    (first <= last).then_some(first..last + 1)
}

/// True when a sentence talks about the text to the person who asked for it.
fn is_aside(parsed: &ParsedDraft<'_>, tokens: Range<usize>) -> bool {
    let words = || {
        tokens
            .clone()
            .filter(|&i| parsed.tokens[i].kind == TokenKind::Word)
            .map(|i| parsed.token_text(i))
    };
    let mut opening = words();
    let first = opening.next().unwrap_or("");
    let second = opening.next().unwrap_or("");
    let third = opening.next().unwrap_or("");
    let noted = first.eq_ignore_ascii_case("note")
        && tokens.clone().nth(1).is_some_and(|i| parsed.token_text(i) == ":");
    // "This article maintains a neutral tone as requested.", "This version is more
    // concise": the text about itself (not "This version of the bill …").
    let about_itself = first.eq_ignore_ascii_case("this")
        && SELF_WORDS.contains(second)
        && !third.eq_ignore_ascii_case("of");
    if about_itself && words().any(|w| META_WORDS.contains(w)) {
        return true;
    }
    // Cheap test first: most sentences have no "I", "we" or "you".
    let addressed = words().any(|w| {
        w.len() <= 6
            && matches!(
                w.as_bytes()[0],
                b'i' | b'I' | b'm' | b'M' | b'y' | b'Y' | b'w' | b'W'
            )
            && ADDRESS_WORDS.contains(w)
    });
    if !(noted || addressed) {
        return false;
    }
    if words().any(|w| REPORTING_WORDS.contains(w)) {
        return false;
    }
    let has = |list: &WordList| words().any(|w| list.contains(w));
    let text = has(&TEXT_WORDS);
    let tool_text = has(&TOOL_TEXT_WORDS);
    let edit = has(&EDIT_WORDS);
    let first_person_edit = has(&FIRST_PERSON_EDIT_WORDS);
    let as_requested = {
        let lower: Vec<String> = words().map(str::to_ascii_lowercase).collect();
        lower.windows(2).any(|pair| {
            matches!(
                (pair[0].as_str(), pair[1].as_str()),
                ("as", "requested") | ("you", "asked") | ("you", "requested") | ("you", "wanted")
            )
        })
    };
    if has(&FIRST_PERSON_WORDS) {
        // "I've rewritten the piece in AP style", "I've kept the tone neutral", "I've
        // shortened the text as requested"; not "I kept the text message".
        return ((text || tool_text) && edit)
            || (tool_text && first_person_edit)
            || (text && first_person_edit && as_requested);
    }
    if tool_text && (edit || first_person_edit) {
        // "We've kept the tone neutral", "Note: the wording has been simplified."
        return true;
    }
    if has(&PLURAL_WORDS) {
        return false;
    }
    // "Here are the keywords you requested", "Note: the text incorporates …".
    text && (edit || (as_requested && has(&SECOND_PERSON_WORDS)))
}

/// Deletes a run of sentences inside a block with the white space that joined them.
fn sentence_deletion_span(parsed: &ParsedDraft<'_>, block: usize, sentences: &Range<usize>) -> Range<usize> {
    let block_span = &parsed.blocks[block].span;
    let start = parsed.sentences[sentences.start].span.start;
    let end = parsed.sentences[sentences.end - 1].span.end;
    let after = parsed.copy[end..block_span.end].len() - parsed.copy[end..block_span.end].trim_start().len();
    if end + after < block_span.end {
        // More copy follows: take the space after.
        start..end + after
    } else {
        // Last in the block: take the space before.
        let before = parsed.copy[block_span.start..start].len()
            - parsed.copy[block_span.start..start].trim_end().len();
        start - before..end
    }
}

fn find_notes(draft: &DraftContext<'_>, quotes: &SpanSet, out: &mut Vec<Note>) {
    let parsed = &draft.parsed;
    let voice = voice_pattern();
    for (block_index, block) in parsed.blocks.iter().enumerate() {
        if block.kind == BlockKind::Separator {
            continue;
        }
        // The voice's phrases and asides are looked for only in a block with their words.
        let (voice_possible, aside_possible) = triggers(parsed, block);
        if !voice_possible && !aside_possible {
            continue;
        }
        // Sentences that are notes, as flags over the block's sentences.
        let sentences = block.sentences.clone();
        let mut is_note = vec![false; sentences.len()];
        let text = if voice_possible {
            &parsed.copy[block.span.clone()]
        } else {
            ""
        };
        for found in voice.find_iter(text) {
            let text = found.as_str();
            let start = block.span.start + found.start() + (text.len() - text.trim_start().len());
            let span = start..block.span.start + found.end();
            if quotes.overlaps(&span) {
                continue;
            }
            // "Certainly!" and "Keywords:" only count at the start of a paragraph.
            if span.start != block.span.start && opening_pattern().is_match(text) {
                continue;
            }
            if let Some(range) = sentence_range_for(parsed, block_index, &span) {
                for sentence in range {
                    is_note[sentence - sentences.start] = true;
                }
            }
        }
        for sentence in sentences.clone() {
            let span = &parsed.sentences[sentence].span;
            if !aside_possible || is_note[sentence - sentences.start] || quotes.overlaps(span) {
                continue;
            }
            if is_aside(parsed, parsed.sentences[sentence].tokens.clone()) {
                is_note[sentence - sentences.start] = true;
            }
        }
        // "Certainly!" alone is a note only next to another note.
        let mut position = 0;
        while position < is_note.len() {
            if !is_note[position] {
                position += 1;
                continue;
            }
            let run_start = position;
            while position < is_note.len() && is_note[position] {
                position += 1;
            }
            let run = sentences.start + run_start..sentences.start + position;
            let whole_block = run_start == 0 && position == is_note.len();
            let span = parsed.sentences[run.start].span.start..parsed.sentences[run.end - 1].span.end;
            let shown = crate::text::one_line(&parsed.copy[span.clone()]);
            let shown = if shown.chars().count() > 60 {
                format!("{}…", shown.chars().take(57).collect::<String>())
            } else {
                shown
            };
            let fix_span = if whole_block {
                block_deletion_span(draft, block)
            } else {
                sentence_deletion_span(parsed, block_index, &run)
            };
            out.push(Note {
                span,
                message: format!(
                    "‘{shown}’ reads as a note from a text generator or rewriting tool, not copy: delete it."
                ),
                fix_span,
                fix_title: if whole_block {
                    "Delete this note"
                } else {
                    "Delete the note"
                },
                applicability: Applicability::Safe,
            });
        }
    }
}

/// A field label of a generator's output at the start of a block: "**Headline:** …",
/// "Title: …", "Meta description: …".
fn field_label_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:\*\*|__)?[\ \t]*(?:headline|title|sub-?headline|sub-?head|subtitle|sub-?title|dek|deck|standfirst|strapline|slug|meta\ description|seo\ title|seo\ headline)[\ \t]*(?:\*\*|__)?[\ \t]*:[\ \t]*(?:\*\*|__)?\s*",
        )
        .expect("field label pattern compiles")
    })
}

/// How many blocks at the top of a draft may carry a field label.
const FIELD_BLOCKS: usize = 4;

/// Field labels ("Headline:", "Title:") at the top of the draft: the generator's output
/// form. The text after the label is kept; the fix deletes the label.
fn find_field_labels(parsed: &ParsedDraft<'_>, out: &mut Vec<Note>) {
    for block in parsed
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Separator)
        .take(FIELD_BLOCKS)
    {
        let text = &parsed.copy[block.span.clone()];
        if !text.starts_with(['*', '_', 'h', 'H', 't', 'T', 's', 'S', 'd', 'D', 'm', 'M']) {
            continue;
        }
        let Some(found) = field_label_pattern().find(text) else {
            continue;
        };
        // Something must follow the label: "Title:" alone could head a list.
        if found.end() >= text.trim_end().len() {
            continue;
        }
        // In Markdown the emphasis marks around a label ("**Headline:**") are not copy: the
        // finding and the deletion take them in from the source.
        let source = parsed.source;
        let marks_before = source[..block.span.start]
            .bytes()
            .rev()
            .take_while(|b| matches!(b, b'*' | b'_'))
            .count();
        let label_end = block.span.start + found.as_str().trim_end().len();
        let marks_after = source[label_end..]
            .bytes()
            .take_while(|b| matches!(b, b'*' | b'_'))
            .count();
        let start = block.span.start - marks_before;
        let span = start..(block.span.start + found.end()).max(label_end + marks_after);
        let label = start..label_end + marks_after;
        let shown = source[label.clone()].trim();
        out.push(Note {
            span: label,
            message: format!(
                "‘{shown}’ labels a field of a text generator's output, not copy: delete the label and keep the text."
            ),
            fix_span: span,
            fix_title: "Delete the label",
            applicability: Applicability::Safe,
        });
    }
}

/// Emphasis markers (`**`, `__`, `***`) with no partner in their block.
fn find_stray_emphasis(parsed: &ParsedDraft<'_>, out: &mut Vec<Note>) {
    for block in &parsed.blocks {
        if block.kind == BlockKind::Separator {
            continue;
        }
        let text = &parsed.copy[block.span.clone()];
        if !text.contains("**") && !text.contains("__") {
            continue;
        }
        let base = block.span.start;
        let bytes = text.as_bytes();
        // (offset, marker byte, run length) of unmatched openers.
        let mut open: Vec<(usize, u8, usize)> = Vec::new();
        let mut strays: Vec<(usize, usize, bool)> = Vec::new();
        let mut index = 0;
        while index < bytes.len() {
            let byte = bytes[index];
            if byte != b'*' && byte != b'_' {
                index += 1;
                continue;
            }
            let run = bytes[index..].iter().take_while(|b| **b == byte).count();
            let previous = text[..index].chars().next_back();
            let next = text[index + run..].chars().next();
            index += run;
            if !(2..=3).contains(&run) {
                continue;
            }
            let space_before = previous.is_none_or(char::is_whitespace);
            let space_after = next.is_none_or(char::is_whitespace);
            let punctuation_before =
                previous.is_some_and(|c| c.is_ascii_punctuation() && c != '*' && c != '_');
            let punctuation_after = next.is_some_and(|c| c.is_ascii_punctuation() && c != '*' && c != '_');
            let left_flanking = !space_after && (!punctuation_after || space_before || punctuation_before);
            let right_flanking = !space_before && (!punctuation_before || space_after || punctuation_after);
            let start = index - run;
            if byte == b'_' && left_flanking && right_flanking {
                continue; // snake_case__names
            }
            if right_flanking
                && let Some(position) = open
                    .iter()
                    .rposition(|(_, b, length)| *b == byte && *length == run)
            {
                open.truncate(position);
                continue;
            }
            if left_flanking {
                open.push((start, byte, run));
            } else if right_flanking {
                strays.push((start, run, false));
            }
        }
        strays.extend(open.into_iter().map(|(start, _, run)| (start, run, true)));
        for (start, run, opens) in strays {
            let span = base + start..base + start + run;
            let marker = &parsed.copy[span.clone()];
            let message = if opens {
                format!(
                    "‘{marker}’ opens Markdown emphasis that never closes: a formatting mark left by a tool."
                )
            } else {
                format!(
                    "‘{marker}’ closes Markdown emphasis that never opened: a formatting mark left by a tool."
                )
            };
            out.push(Note {
                span: span.clone(),
                message,
                fix_span: span,
                fix_title: "Delete the stray marker",
                applicability: Applicability::Safe,
            });
        }
    }
}

/// One-word sentences of a function word ("There.") outside quotations.
fn find_stray_words(draft: &DraftContext<'_>, quotes: &SpanSet, out: &mut Vec<Note>) {
    let parsed = &draft.parsed;
    for (block_index, block) in parsed.blocks.iter().enumerate() {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::BlockQuote) {
            continue;
        }
        for sentence in block.sentences.clone() {
            let tokens = parsed.sentences[sentence].tokens.clone();
            if tokens.len() != 2 {
                continue;
            }
            let (word, mark) = (parsed.tokens[tokens.start], parsed.tokens[tokens.start + 1]);
            let mark_text = mark.text(&parsed.copy);
            if word.kind != TokenKind::Word || !matches!(mark_text, "." | "!") || mark.start != word.end {
                continue;
            }
            let text = word.text(&parsed.copy);
            if !STRAY_WORDS.contains(text) || quotes.contains(word.start) {
                continue;
            }
            // "Where did they go? There." answers a question.
            let after_question = sentence > block.sentences.start
                && parsed.sentences[sentence - 1]
                    .tokens
                    .clone()
                    .last()
                    .is_some_and(|t| parsed.token_text(t).ends_with('?'));
            if after_question {
                continue;
            }
            let span = word.start..mark.end;
            let fix_span = if block.sentences.len() == 1 {
                block_deletion_span(draft, block)
            } else {
                sentence_deletion_span(parsed, block_index, &(sentence..sentence + 1))
            };
            out.push(Note {
                span,
                message: format!(
                    "‘{text}{mark_text}’ is a sentence of one function word, likely left by a translation or \
                     rewriting tool: delete it, or restore the sentence it came from."
                ),
                fix_span,
                fix_title: "Delete the stray word",
                applicability: Applicability::Unsafe,
            });
        }
    }
}

/// The `generated-text-residue` rule.
pub struct GeneratedTextResidue;

impl Rule for GeneratedTextResidue {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "Notes left by a text generator or rewriting tool, and stray Markdown emphasis."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Always
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        let draft = &ctx.drafts[draft_index];
        let parsed = &draft.parsed;
        let quotes = SpanSet::of_quotations(draft.quotations(ctx.config));
        let mut notes = Vec::new();
        find_notes(draft, &quotes, &mut notes);
        find_field_labels(parsed, &mut notes);
        find_stray_emphasis(parsed, &mut notes);
        find_stray_words(draft, &quotes, &mut notes);
        for note in notes {
            out.push(
                Finding::new(RULE, draft_index, note.span, note.message).with_fix(Fix::replace(
                    note.fix_title, draft_index, note.fix_span, "", note.applicability,
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{apply_safe_fixes, assert_fixture};

    #[test]
    fn flags_the_tools_voice_and_asides() {
        assert_fixture(
            "generated-text-residue",
            "Certainly! Here is a rewritten version of the article:
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

The central bank cut rates on Thursday. As an AI language model, I cannot predict markets.
                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

I have kept the tone neutral and included the keywords you requested.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

Keywords: interest rates, inflation, central bank
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

I hope this helps! Let me know if you'd like a shorter version.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

This article is approximately 150 words and maintains a neutral tone as requested.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

Of course, here's the article
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue
",
        );
    }

    #[test]
    fn quotes_editors_notes_and_first_person_prose_are_not_flagged() {
        assert_fixture(
            "generated-text-residue",
            "Minister headline

“I hope this helps,” the minister said of the new rules. “Let me know if it does not.”

Editor's note: This story has been updated to include comment from the ministry. This article has been revised to correct the minister's title.

Note: This article has been edited and condensed for clarity. You asked me last week what I kept from the old content rules.

The documents were released as requested by the committee.

Sure enough, the vote passed. I have covered this council for a decade.

Of course, the council has not voted on the budget yet.

Certainly, the mayor will want a second term, her aides said.

Here is the text of the statement:

> We regret the delay.

Where did they go? There. The word **bold** and __strong__ are fine, as is snake_case_name.
",
        );
    }

    #[test]
    fn flags_first_person_edits_meta_descriptions_word_counts_and_field_labels() {
        assert_fixture(
            "generated-text-residue",
            "**Headline:** Ferry fares to rise
^^^^^^^^^^^^^ generated-text-residue

Here is the article:
^^^^^^^^^^^^^^^^^^^^ generated-text-residue

VALLETTA, Malta — Ferry fares will rise by a fifth in the spring, the operator said on Tuesday.

Fuel costs have doubled since 2021, the operator said. Note: I've kept the tone neutral and removed the quotes.
                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

I've kept the tone neutral, as you asked.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

I've rewritten the piece in AP style as requested.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

(Word count: 450)
^^^^^^^^^^^^^^^^^ generated-text-residue

This version is more concise and keeps the key facts.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

The article is about 450 words long.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

Note: I have kept the tone neutral.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

We've kept the wording simple.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ generated-text-residue

",
        );
        assert_eq!(
            apply_safe_fixes(
                "**Headline:** Ferry fares to rise\n\nTitle: Fares rise\n\nFares will rise by a fifth, the operator said.\n",
                "generated-text-residue"
            ),
            "Ferry fares to rise\n\nFares rise\n\nFares will rise by a fifth, the operator said.\n"
        );
    }

    #[test]
    fn quotations_columns_and_editors_notes_are_not_asides() {
        assert_fixture(
            "generated-text-residue",
            "Ferry fares to rise

VALLETTA, Malta — Ferry fares will rise by a fifth in the spring, the operator said on Tuesday.

“I've kept my tone neutral,” Borg said. “I removed the quotes from the report myself.”

I watched the ferry leave the harbour at dawn, and I kept my notes short. I kept a copy of the
letter and the text message, and I changed my style of play after the injury.

I have covered this harbour for a decade, and I changed my mind about the terminal only last year.

Note: An earlier version of this article misstated the number of ports.

Note: This article has been changed to remove a quote at the request of the ministry.

We have updated this article to include comment from the ministry.

I changed the wording of the law in 2019, Borg said.

This version of the bill keeps the tax cut and is more concise than the last.

The text of the treaty is 4,000 words long. Title deeds were checked.

Here is the text of the statement: \"We regret the delay.\"

",
        );
    }

    #[test]
    fn flags_stray_emphasis_and_stray_words() {
        assert_fixture(
            "generated-text-residue",
            "Talks headline

**Key points The talks resume next week, officials said.
^^ generated-text-residue

Diplomats aim to restart talks by next week. There.
                                             ^^^^^^ generated-text-residue

The vote was close** and the count went on.
                  ^^ generated-text-residue
",
        );
    }

    #[test]
    fn fixes_delete_notes_and_markers() {
        let source = "Certainly! Here's a polished version:\n\nThe bank cut rates. I hope this helps!\n\n**Key points The talks resume.\n";
        assert_eq!(
            apply_safe_fixes(source, "generated-text-residue"),
            "The bank cut rates.\n\nKey points The talks resume.\n"
        );
    }
}
