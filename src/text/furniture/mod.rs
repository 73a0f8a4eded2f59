//! Page furniture: the lines a web page puts around an article (menus, share buttons,
//! captions and credits, bylines and timestamps, newsletter boxes, related-story lists,
//! footers) that come along when copy is pasted or scraped from the web.
//!
//! A draft is read as *units*: each block of copy (a paragraph, a heading, a list item; in
//! plain text pasted from an article extractor, each line), plus a bare address or handle on
//! a line of its own. Each unit gets a vector of [`features`]: its shape (length, final
//! punctuation, capitals, function words, digits), the vocabulary of furniture by class
//! (`data/lexicon/furniture-*.txt`: navigation, sharing, subscription, advertising, media,
//! related content, legal notices, timestamps, bylines), patterns of furniture (a credit
//! line, a caption's "left," and full date, an author's bio, a call to action, a
//! timestamp, a label with a colon), its Markdown form (list item, heading, links), where it
//! sits (before the first or after the last paragraph of body copy, how far from body
//! copy), whether it repeats in the draft, and the shape of its neighbours. A gradient-boosted
//! model ([`model`]) trained on real pages as real extractors left them
//! (`scripts/train-web-residue/`) turns the features into the probability that the unit is
//! furniture.

pub mod model;

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::{Lexicon, class};
use super::{BlockKind, DraftFormat, ParsedDraft};

/// A stretch of a draft judged as one: its lines (zero-based, inclusive) and the byte span
/// of those whole lines' text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub first_line: usize,
    pub last_line: usize,
    /// From the first non-blank byte of the first line to the end of the last line's text.
    pub span: Range<usize>,
    /// The block of the parsed draft it comes from, if any (a bare address has none).
    pub block: Option<usize>,
}

/// The names of the features, in the order [`features`] returns them. The model stores the
/// names it was trained on; a test holds the two lists equal.
pub const FEATURE_NAMES: &[&str] = &[
    "n_words", "n_chars", "short3", "long20", "ends_punct", "ends_colon", "title_frac", "caps_frac",
    "fw_frac", "digit_frac", "url", "handle", "copyright", "time_pattern", "year", "pipe", "attribution",
    "by_start", "parenthesised", "is_list", "ordered_list", "is_heading", "links", "link_frac", "no_words",
    "photo_word", "position_word", "weekday_date", "credit", "bio", "call_to_action", "label_colon",
    "headline_shape", "comment_cue", "truncated", "all_caps_line", "numbers_only", "markup", "contributed",
    "voc_navigation", "voc_sharing", "voc_subscription", "voc_advertising", "voc_media", "voc_related",
    "voc_legal", "voc_timestamp", "voc_byline", "voc_calendar", "any_navigation", "any_sharing",
    "any_subscription", "any_advertising", "any_media", "any_related", "any_legal", "any_timestamp",
    "any_byline", "any_calendar", "before_body", "after_body", "distance_to_body", "relative_position",
    "repeated", "draft_repetition", "body_like", "markdown", "line_count", "prev_body", "prev_short",
    "prev_list", "prev_links", "prev_words", "next_body", "next_short", "next_list", "next_links",
    "next_words", "prev2_body", "prev2_short", "prev2_list", "prev2_links", "prev2_words", "next2_body",
    "next2_short", "next2_list", "next2_links", "next2_words", "prev_label", "prev_credit", "next_credit",
];

/// The number of features.
pub const FEATURE_COUNT: usize = FEATURE_NAMES.len();

/// The features that say a unit holds furniture vocabulary.
const VOCABULARY_FEATURES: &[&str] = &[
    "any_navigation", "any_sharing", "any_subscription", "any_advertising", "any_media", "any_related",
    "any_legal",
];

/// The vocabulary classes, in the order of the `voc_*` and `any_*` features.
static VOCABULARIES: [&[&Lexicon]; 10] = [
    &[&class::FURNITURE_NAVIGATION],
    &[&class::FURNITURE_SHARING],
    &[&class::FURNITURE_SUBSCRIPTION],
    &[&class::FURNITURE_ADVERTISING],
    &[&class::FURNITURE_MEDIA],
    &[&class::FURNITURE_RELATED],
    &[&class::FURNITURE_LEGAL],
    &[&class::FURNITURE_TIMESTAMP],
    &[&class::FURNITURE_BYLINE],
    &[&class::MONTHS, &class::WEEKDAYS],
];

struct Patterns {
    list_marker: Regex,
    image: Regex,
    link: Regex,
    word: Regex,
    url: Regex,
    handle: Regex,
    copyright: Regex,
    time: Regex,
    year: Regex,
    attribution: Regex,
    photo_word: Regex,
    position_word: Regex,
    weekday_date: Regex,
    credit: Regex,
    bio: Regex,
    call_to_action: Regex,
    comment_cue: Regex,
    truncated: Regex,
    markup: Regex,
    contributed: Regex,
    ends_punct: Regex,
    bare_address: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |pattern: &str| Regex::new(pattern).expect("furniture pattern compiles");
        Patterns {
            list_marker: re(r"^(?:(?:[*+\-]|\d{1,3}[.)])\s+)+"),
            image: re(r"!\[([^\]]*)\]\([^)]*\)"),
            link: re(r"\[([^\]]*)\]\([^)]*\)"),
            word: re(r"\p{Alphabetic}[\p{Alphabetic}'’\-]*|\d[\d,.:]*"),
            url: re(r"(?i)https?://\S+|www\.\S+|\S+\.(?:com|org|net|co\.uk|png|jpe?g|gif|webp)(?-u:\b)"),
            handle: re(r"(?:^|\s)@\w"),
            copyright: re(r"(?i)©|(?-u:\b)copyright(?-u:\b)"),
            time: re(r"(?-u:\b)\d{1,2}:\d{2}(?-u:\b)"),
            year: re(r"(?-u:\b)(?:19|20)\d\d(?-u:\b)"),
            attribution: re(r"(?i)(?-u:\b)(?:said|says|told|according)(?-u:\b)"),
            photo_word: re(
                r"(?i)(?-u:\b)(?:photo|photograph|image|picture|caption|credit|getty|courtesy|illustration|pictured|file photo)(?-u:\b)",
            ),
            position_word: re(r"(?i)(?-u:\b)(?:left|right|center|centre|from left)\s*[,)]|\((?:l|r|c)\)"),
            weekday_date: re(
                r"(?i)(?-u:\b)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
            ),
            credit: re(
                r"(?i)(?:/|\||via)\s*(?:getty|ap|afp|reuters|epa|shutterstock|alamy)(?-u:\b)|(?-u:\b)(?:getty images|ap photo|afp photo)(?-u:\b)|\((?:image|photo|credit|picture)s?:|^(?:photo|image|credit|picture|photograph)s?:",
            ),
            bio: re(
                r"(?i)(?-u:\b)(?:is|was) (?:a|an|the) (?:[\w-]+ ){0,3}(?:writer|reporter|journalist|editor|correspondent|columnist|contributor|producer|author|publisher)(?-u:\b)|^about \p{Lu}",
            ),
            call_to_action: re(
                r"(?i)^(?:click|tap|sign|subscribe|follow|share|send|visit|download|get|join|watch|listen|read|see|check|log|register|email|donate|support|like|browse|discover|explore|find|learn)(?-u:\b)",
            ),
            comment_cue: re(r"(?i)(?-u:\b)(?:rating|votes|reply|replies|ago)(?-u:\b)"),
            truncated: re(r"(?:\.\.\.|…)\s*$"),
            markup: re(r"&lt;|&gt;|&amp;|\[/?\w+[^\]]*\]|</?\w+"),
            contributed: re(r"(?i)(?-u:\b)contributed (?:to )?(?:this )?(?:report|reporting)(?-u:\b)"),
            ends_punct: re(r#"[.!?]["”’')]*$"#),
            bare_address: re(r"^(?:https?://\S+|www\.\S+|@\w+|\S+@\S+\.\w+|\S+\.(?:png|jpe?g|gif|webp))$"),
        }
    })
}

/// Compiles the patterns now rather than on first use.
pub fn compile_patterns() {
    let _ = patterns();
}

/// The units of a draft, in order.
pub fn units(parsed: &ParsedDraft<'_>) -> Vec<Unit> {
    let index = &parsed.line_index;
    let source = parsed.source;
    let mut covered = vec![false; index.line_count()];
    let mut units = Vec::with_capacity(parsed.blocks.len());
    let line_text = |line: usize| &source[index.line_span(source, line)];
    let unit_of = |first: usize, last: usize, block: Option<usize>| {
        let start = index.line_start(first);
        let text = &source[start..index.line_span(source, last).end];
        let lead = text.len() - text.trim_start().len();
        let end = start + text.trim_end().len();
        Unit {
            first_line: first,
            last_line: last,
            span: (start + lead).min(end)..end,
            block,
        }
    };
    for (block_index, block) in parsed.blocks.iter().enumerate() {
        if block.kind == BlockKind::Separator {
            continue;
        }
        for line in block.first_line..=block.last_line.min(covered.len().saturating_sub(1)) {
            covered[line] = true;
        }
        // A stack of short lines, each opening with a capital or a figure and none ending
        // mid-clause ("New York man pleads guilty…" / "By Justine Coleman - 11/18/19"), is
        // lines of a page, not a hard-wrapped paragraph: each is a unit.
        if block.last_line > block.first_line && is_stack(source, index, block.first_line, block.last_line) {
            for line in block.first_line..=block.last_line {
                if !line_text(line).trim().is_empty() {
                    units.push(unit_of(line, line, Some(block_index)));
                }
            }
            continue;
        }
        units.push(unit_of(block.first_line, block.last_line, Some(block_index)));
    }
    // A bare address, handle or image file on a line of its own is not copy, so no block
    // holds it; it is a unit all the same.
    let front_matter_end = parsed
        .front_matter
        .as_ref()
        .map_or(0, |span| index.line_of(span.end));
    let bare = &patterns().bare_address;
    for (line, is_covered) in covered.iter().enumerate() {
        if *is_covered || (parsed.front_matter.is_some() && line <= front_matter_end) {
            continue;
        }
        let text = line_text(line).trim();
        let text = patterns().list_marker.replace(text, "");
        if !text.is_empty() && bare.is_match(text.trim()) {
            units.push(unit_of(line, line, None));
        }
    }
    units.sort_by_key(|unit| unit.first_line);
    units
}

/// The most words a line of a stack has.
const STACK_LINE_WORDS: usize = 14;

/// True when the lines are a stack: each short, opening with a capital, a figure or a
/// symbol, and none ending mid-clause (a comma, a hyphen, a conjunction) — lines of a page
/// rather than a hard-wrapped paragraph, whose lines open mid-sentence.
///
/// A block whose last line ends a sentence and whose other lines end no sentence is one
/// sentence or more wrapped over lines, whatever its lines open with ("… after captain /
/// Maria Borg met …"): not a stack.
fn is_stack(source: &str, index: &super::LineIndex, first: usize, last: usize) -> bool {
    let line_text = |line: usize| source[index.line_span(source, line)].trim();
    let ends_sentence = |text: &str| {
        text.trim_end_matches(['"', '”', '’', '\'', ')', '*', '_'])
            .ends_with(['.', '!', '?', '…'])
    };
    let wrapped = ends_sentence(line_text(last)) && (first..last).all(|line| !ends_sentence(line_text(line)));
    !wrapped
        && (first..=last).all(|line| {
            let text = line_text(line);
            let words = text.split_whitespace().count();
            let opens = text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric());
            let last_word = text.split_whitespace().last().unwrap_or("");
            let mid_clause = text.ends_with([',', ';', '-', '–', '—'])
                || ["and", "or", "the", "a", "of", "to", "in", "for", "with"]
                    .iter()
                    .any(|w| last_word.eq_ignore_ascii_case(w));
            text.is_empty() || (words <= STACK_LINE_WORDS && opens && !mid_clause)
        })
}

/// The features of one unit on its own; the context features are filled in by [`features`].
#[derive(Debug, Clone)]
struct Own {
    values: [f32; FEATURE_COUNT],
    text: String,
    body_like: bool,
}

/// The index of the feature `name` in [`FEATURE_NAMES`] (a name not listed is a bug).
pub fn position(name: &str) -> usize {
    static POSITIONS: OnceLock<rustc_hash::FxHashMap<&'static str, usize>> = OnceLock::new();
    let positions = POSITIONS.get_or_init(|| {
        FEATURE_NAMES
            .iter()
            .enumerate()
            .map(|(index, name)| (*name, index))
            .collect()
    });
    positions
        .get(name)
        .copied()
        .unwrap_or_else(|| panic!("feature {name} is listed"))
}

/// A short label and a colon opening a line ("Related: …", "Photo: …", "Read more: …"): a
/// letter, at most 24 word characters, apostrophes or spaces, a colon, then more text.
/// (Written out rather than as a regex: a bounded repeat of a Unicode class compiles to an
/// automaton that took 6 ms to build at every start.)
fn is_label_colon(text: &str) -> bool {
    let mut chars = text.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_alphabetic()) {
        return false;
    }
    for (taken, (index, c)) in chars.enumerate() {
        if c == ':' {
            return !text[index + 1..].trim_start().is_empty();
        }
        let word = c.is_alphanumeric() || c == '_' || c == '’' || c == '\'' || c == ' ';
        if taken == 24 || !word {
            return false;
        }
    }
    false
}

/// The bit of [`vocabulary_of`] that marks a function word.
const FUNCTION_WORD_BIT: u16 = 1 << 15;

/// Which of [`VOCABULARIES`] hold a word (bit `i` for the `i`th), and whether it is a
/// function word ([`FUNCTION_WORD_BIT`]): one hash lookup per word instead of one per
/// class. Like [`Lexicon::contains`], it ignores ASCII case.
fn vocabulary_of(word: &str) -> u16 {
    static TABLE: OnceLock<rustc_hash::FxHashMap<&'static str, u16>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: rustc_hash::FxHashMap<&'static str, u16> = rustc_hash::FxHashMap::default();
        for (bit, lexicons) in VOCABULARIES.iter().enumerate() {
            for lexicon in lexicons.iter() {
                for entry in lexicon.entries() {
                    *table.entry(entry).or_default() |= 1 << bit;
                }
            }
        }
        for entry in class::FUNCTION_WORDS.entries() {
            *table.entry(entry).or_default() |= FUNCTION_WORD_BIT;
        }
        table
    });
    crate::text::words::with_ascii_lowercase(word, |lower| table.get(lower).copied().unwrap_or(0))
}

fn flag(value: bool) -> f32 {
    if value { 1.0 } else { 0.0 }
}

/// Strips the Markdown a unit's lines may carry (list markers, heading marks, image and
/// link syntax, emphasis), returning the text, whether it is a list item or a heading,
/// how many links it had and what share of its text was link text.
fn plain(raw: &str) -> (String, bool, bool, bool, usize, f32) {
    let p = patterns();
    let mut lines = Vec::new();
    let mut is_list = false;
    let mut ordered = false;
    let mut is_heading = false;
    for (n, line) in raw.lines().enumerate() {
        let mut text = line.trim();
        if n == 0 {
            if let Some(found) = p.list_marker.find(text) {
                is_list = true;
                ordered = text.starts_with(|c: char| c.is_ascii_digit());
                text = &text[found.end()..];
            }
            if text.starts_with('#') {
                is_heading = true;
                text = text.trim_start_matches('#').trim_start();
            }
        }
        lines.push(text.to_string());
    }
    let joined = lines.join(" ");
    let without_images = p.image.replace_all(&joined, " ");
    let mut links = 0;
    let mut link_chars = 0;
    let text = p
        .link
        .replace_all(&without_images, |captures: &regex::Captures<'_>| {
            links += 1;
            link_chars += captures[1].chars().count();
            captures[1].to_string()
        });
    let text = text.replace("**", "").replace('_', "");
    let text = text.trim().to_string();
    let link_frac = if links > 0 {
        (link_chars as f32 / text.chars().count().max(1) as f32).min(1.0)
    } else {
        0.0
    };
    (text, is_list, ordered, is_heading, links, link_frac)
}

fn own_features(raw: &str, format: DraftFormat) -> Own {
    let p = patterns();
    let (text, is_list, ordered, is_heading, links, link_frac) = plain(raw);
    let words: Vec<&str> = p.word.find_iter(&text).map(|m| m.as_str()).collect();
    let count = words.len();
    let per_word = |n: usize| n as f32 / count.max(1) as f32;
    let alphabetic: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let per_alpha = |n: usize| n as f32 / alphabetic.len().max(1) as f32;
    let capitalised = alphabetic
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let all_caps = alphabetic
        .iter()
        .filter(|w| w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()))
        .count();
    let vocabulary: Vec<u16> = words.iter().map(|w| vocabulary_of(w)).collect();
    let function_words = vocabulary.iter().filter(|v| *v & FUNCTION_WORD_BIT != 0).count();
    let digits = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .count();
    let ends_punct = p.ends_punct.is_match(&text);
    let title_frac = per_alpha(capitalised);
    let caps_frac = per_alpha(all_caps);
    let fw_frac = per_word(function_words);
    let mut values = [0.0f32; FEATURE_COUNT];
    let mut set = |name: &str, value: f32| values[position(name)] = value;
    set("n_words", (count as f32).ln_1p());
    set("n_chars", (text.chars().count() as f32).ln_1p());
    set("short3", flag(count <= 3));
    set("long20", flag(count >= 20));
    set("ends_punct", flag(ends_punct));
    set("ends_colon", flag(text.ends_with(':')));
    set("title_frac", title_frac);
    set("caps_frac", caps_frac);
    set("fw_frac", fw_frac);
    set("digit_frac", per_word(digits));
    set("url", flag(p.url.is_match(&text)));
    set("handle", flag(p.handle.is_match(&text)));
    set("copyright", flag(p.copyright.is_match(&text)));
    set("time_pattern", flag(p.time.is_match(&text)));
    set("year", flag(p.year.is_match(&text)));
    set("pipe", flag(text.contains('|')));
    set("attribution", flag(p.attribution.is_match(&text)));
    set(
        "by_start",
        flag(words.first().is_some_and(|w| w.eq_ignore_ascii_case("by"))),
    );
    set(
        "parenthesised",
        flag(text.starts_with('(') && text.ends_with(')')),
    );
    set("is_list", flag(is_list));
    set("ordered_list", flag(ordered));
    set("is_heading", flag(is_heading));
    set("links", links.min(3) as f32 / 3.0);
    set("link_frac", link_frac);
    set("no_words", flag(count == 0));
    set("photo_word", flag(p.photo_word.is_match(&text)));
    set("position_word", flag(p.position_word.is_match(&text)));
    set("weekday_date", flag(p.weekday_date.is_match(&text)));
    set("credit", flag(p.credit.is_match(&text)));
    set("bio", flag(p.bio.is_match(&text)));
    set("call_to_action", flag(p.call_to_action.is_match(&text)));
    set("label_colon", flag(count <= 25 && is_label_colon(&text)));
    set(
        "headline_shape",
        flag((4..=16).contains(&count) && !ends_punct && title_frac > 0.5),
    );
    set("comment_cue", flag(p.comment_cue.is_match(&text)));
    set("truncated", flag(p.truncated.is_match(&text)));
    set("all_caps_line", flag(count >= 2 && caps_frac > 0.8));
    set("numbers_only", flag(count >= 1 && digits == count));
    set("markup", flag(p.markup.is_match(&text)));
    set("contributed", flag(p.contributed.is_match(&text)));
    let names = [
        "navigation", "sharing", "subscription", "advertising", "media", "related", "legal", "timestamp",
        "byline", "calendar",
    ];
    for (bit, name) in names.iter().enumerate() {
        let hits = vocabulary.iter().filter(|v| *v & (1 << bit) != 0).count();
        set(&format!("voc_{name}"), per_word(hits));
        set(&format!("any_{name}"), flag(hits > 0));
    }
    set("markdown", flag(format == DraftFormat::Markdown));
    set("line_count", (raw.lines().count().min(5)) as f32 / 5.0);
    let body_like = count >= 12 && ends_punct && fw_frac >= 0.15;
    set("body_like", flag(body_like));
    Own {
        values,
        text,
        body_like,
    }
}

/// The feature vector of each unit, in the order of [`FEATURE_NAMES`].
pub fn features(parsed: &ParsedDraft<'_>, units: &[Unit]) -> Vec<[f32; FEATURE_COUNT]> {
    let own: Vec<Own> = units
        .iter()
        .map(|unit| own_features(&parsed.source[unit.span.clone()], parsed.format))
        .collect();
    let body: Vec<usize> = (0..own.len()).filter(|&i| own[i].body_like).collect();
    let first_body = body.first().copied().unwrap_or(own.len());
    let last_body = body.last().copied();
    let mut counts: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for unit in &own {
        if !unit.text.is_empty() {
            *counts.entry(unit.text.to_lowercase()).or_default() += 1;
        }
    }
    let total = own.len().max(1) as f32;
    let is_repeated = |text: &str| {
        !text.is_empty()
            && counts.get(&text.to_lowercase()).copied().unwrap_or(0) > 1
            && text.split_whitespace().count() <= 30
    };
    // A draft pasted twice repeats everything: then repetition says nothing of a unit.
    let draft_repetition = own.iter().filter(|unit| is_repeated(&unit.text)).count() as f32 / total;
    let ids = |name: &str| position(name);
    let (n_words, short3, is_list, link_frac) =
        (ids("n_words"), ids("short3"), ids("is_list"), ids("link_frac"));
    (0..own.len())
        .map(|k| {
            let mut values = own[k].values;
            let mut set = |name: &str, value: f32| values[position(name)] = value;
            set("before_body", flag(k < first_body));
            set("after_body", flag(last_body.is_none_or(|last| k > last)));
            let nearest = body.binary_search(&k).map(|_| 0).unwrap_or_else(|at| {
                let before = at.checked_sub(1).map(|i| k - body[i]);
                let after = body.get(at).map(|&i| i - k);
                before.into_iter().chain(after).min().unwrap_or(99)
            });
            set("distance_to_body", nearest.min(10) as f32 / 10.0);
            set("relative_position", k as f32 / total);
            let text = &own[k].text;
            set("repeated", flag(is_repeated(text)));
            set("draft_repetition", draft_repetition);
            // A short label of furniture vocabulary before ("Most Read", "Related") heads a
            // list; a credit beside a line marks it as a caption.
            let is_label = |i: usize| {
                own[i].values[n_words] <= 4f32.ln_1p()
                    && VOCABULARY_FEATURES
                        .iter()
                        .any(|name| own[i].values[position(name)] > 0.0)
            };
            let is_credit = |i: usize| {
                own[i].values[position("credit")] > 0.0 || own[i].values[position("photo_word")] > 0.0
            };
            set("prev_label", flag(k > 0 && is_label(k - 1)));
            set("prev_credit", flag(k > 0 && is_credit(k - 1)));
            set("next_credit", flag(k + 1 < own.len() && is_credit(k + 1)));
            for (tag, offset) in [("prev", -1isize), ("next", 1), ("prev2", -2), ("next2", 2)] {
                let neighbour = k.checked_add_signed(offset).filter(|&i| i < own.len());
                let get = |index: usize| neighbour.map_or(0.0, |i| own[i].values[index]);
                set(
                    &format!("{tag}_body"),
                    flag(neighbour.is_some_and(|i| own[i].body_like)),
                );
                set(&format!("{tag}_short"), get(short3));
                set(&format!("{tag}_list"), get(is_list));
                set(&format!("{tag}_links"), get(link_frac));
                set(&format!("{tag}_words"), get(n_words));
            }
            values
        })
        .collect()
}

/// Each unit of the draft with the model's probability that it is page furniture.
pub fn score(parsed: &ParsedDraft<'_>) -> Vec<(Unit, f32)> {
    let units = units(parsed);
    let features = features(parsed, &units);
    let model = model::web_residue();
    units
        .into_iter()
        .zip(features)
        .map(|(unit, values)| {
            let probability = model.probability(&values);
            (unit, probability)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, format: DraftFormat) -> ParsedDraft<'_> {
        ParsedDraft::parse(text, format)
    }

    #[test]
    fn a_label_and_a_colon_open_a_line() {
        for label in [
            "Related: Ferry fares rise",
            "Photo: Jane Doe",
            "Read more:  the plan",
            "Élection : résultats",
        ] {
            assert!(is_label_colon(label), "{label}");
        }
        for not_label in [
            "Related:",
            "1 Related: x",
            "The mayor said on Tuesday evening that: it would",
            "A list, with commas: x",
        ] {
            assert!(!is_label_colon(not_label), "{not_label}");
        }
        // Up to 24 characters of label after its first letter.
        assert!(is_label_colon(&format!("A{}: x", "b".repeat(24))));
        assert!(!is_label_colon(&format!("A{}: x", "b".repeat(25))));
    }

    #[test]
    fn every_feature_is_named_once() {
        let mut names: Vec<&str> = FEATURE_NAMES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FEATURE_COUNT);
    }

    #[test]
    fn units_are_blocks_and_bare_addresses() {
        let text = "# Headline\n\nThe council voted on Tuesday to close the pool, the mayor said.\n\n* Share\n* Tweet\n\nhttps://example.com/story\n";
        let parsed = parse(text, DraftFormat::Markdown);
        let units = units(&parsed);
        let lines: Vec<usize> = units.iter().map(|u| u.first_line).collect();
        assert_eq!(lines, vec![0, 2, 4, 5, 7]);
        assert_eq!(&text[units[4].span.clone()], "https://example.com/story");
    }

    #[test]
    fn a_stack_of_page_lines_is_split_and_a_wrapped_sentence_is_not() {
        let stack = "By Maria Lopez, Europe correspondent\nPublished 25 May 2024, 06:00 BST\n\nThe vote was close, officials said.\n";
        let parsed = parse(stack, DraftFormat::Markdown);
        let lines: Vec<usize> = units(&parsed).iter().map(|u| u.first_line).collect();
        assert_eq!(lines, vec![0, 1, 3]);
        // Each wrapped line opens with a capital, but only the last ends the sentence.
        let wrapped = "The board said the strike ended after captain\nMaria Borg met union leaders at the Port\nAuthority in Valletta on Monday.\n";
        let parsed = parse(wrapped, DraftFormat::Markdown);
        let units = units(&parsed);
        assert_eq!(units.len(), 1);
        assert_eq!((units[0].first_line, units[0].last_line), (0, 2));
    }

    #[test]
    fn shape_vocabulary_and_position_are_measured() {
        let text = "Share to facebook\n\nThe council voted on Tuesday to close the pool for the winter, the mayor said on Wednesday.\n\nPhoto: Jane Doe/Getty Images\n";
        let parsed = parse(text, DraftFormat::PlainText);
        let units = units(&parsed);
        let features = features(&parsed, &units);
        let value = |unit: usize, name: &str| features[unit][position(name)];
        assert_eq!(value(0, "any_sharing"), 1.0);
        assert_eq!(value(0, "before_body"), 1.0);
        assert_eq!(value(1, "body_like"), 1.0);
        assert_eq!(value(1, "attribution"), 1.0);
        assert_eq!(value(2, "credit"), 1.0);
        assert_eq!(value(2, "after_body"), 1.0);
        assert_eq!(value(2, "prev_body"), 1.0);
    }
}
