//! # web-residue
//!
//! ## What it flags
//! Page furniture: the lines a web page puts around an article that come along when copy
//! is pasted or scraped from the web. Navigation and menus ("Skip to main content",
//! "Sections", a list of section names), share and email buttons ("Share this article",
//! "Share to facebook"), newsletter and log-in prompts ("Sign up for our newsletter",
//! "Already a subscriber? Log in", "Thanks for signing up!"), advertising labels
//! ("Advertisement"), picture captions and credits ("Photo: Jane Doe/Reuters", "Image
//! copyright Getty Images", "Name, left, speaks …, Tuesday, Nov. 19, 2019."), bylines and
//! staff lines, the page's timestamps ("Updated 10:42 a.m. EDT", "2 min read"; one an
//! extractor glued before a caption or the first sentence, "1:39 am EST, Wednesday,
//! November 20, 2019 Jo Borg, left, …", is reported alone and its fix keeps the rest),
//! "Most Read" / "Related" / "More Stories" headings and the headlines listed under them,
//! an author's biography, comment forms and threads ("Leave a Reply", "Your email address
//! will not be published."), copyright and cookie notices, a bare web address or handle, and
//! a section label or widget glued to the text ("politicsUSA", "Comments12").
//!
//! A run of furniture (a menu, a newsletter box, a related-links list) is one run: the
//! editor and the human report show it once, with one fix that removes it all; JSON and
//! SARIF list each line of it.
//!
//! ## Why it matters
//! Copy pasted from a web page brings the page with it. Left in, the furniture reads as
//! nonsense in print, and shows the story was lifted rather than written.
//!
//! ## Example
//! ```text
//! politicsUSA
//!
//! Diplomatic efforts for hostage talks expected to resume next week
//! …
//! Michal Ben-Gal contributed reporting.
//!
//! Back to top button
//! ```
//! Use instead: the headline, the copy and the contributor line only.
//!
//! How a line is judged: the draft is read as units (a paragraph, a heading, a list item;
//! in plain text from an article extractor, which puts a paragraph on each line, each line).
//! Two deciders flag a unit:
//!
//! - **Named classes**, furniture by its shape alone: a labelled picture credit, a glued
//!   section label, a notice to the site's visitors, a well-known furniture label
//!   ("Advertisement", "Read more"), the lines of a list under a related-stories heading,
//!   a bare web address at the edge of the copy.
//! - **A model** (gradient-boosted trees, `data/models/web-residue.json`) trained on real
//!   news pages as three real text extractors left them, every line labelled body or
//!   furniture. It reads each unit's shape (length, final punctuation, capitals, function
//!   words, digits), the vocabulary of furniture by class (`data/lexicon/furniture-*.txt`:
//!   navigation, sharing, subscription, advertising, media, related content, legal
//!   notices, timestamps, bylines), patterns of furniture (a credit, a caption's "left," and
//!   full date, a biography, a call to action, a label with a colon), its Markdown form
//!   (list item, heading, links), where it sits (before the first or after the last
//!   paragraph of body copy), whether the page repeats it, and its neighbours.
//!   `scripts/train-web-residue/` trains it and documents the features; pages held out of
//!   training score it.
//!
//! The model's finding is withheld where a false one would cost copy: the headline; a
//! sentence that reports someone ("…, the board said."); a sentence of copy (twelve words
//! or more, ending in a full stop) unless the model is sure or it is a caption, a credit, a
//! biography or a notice; a shorter sentence with nothing of furniture about it; a
//! crosshead between two paragraphs; a list in the story (inside the body, or under a
//! lead-in of its own ending in a colon); and a draft with no paragraph of body copy, or
//! with one lone furniture-shaped line and no other sign of a page around it.
//!
//! ## Fix
//! Delete the line (or the run), with the blank line after it (before it, when it ends the
//! draft). Safe for the named classes and for a unit the model is sure of that is not a
//! sentence; unsafe otherwise (a caption or a notice that ends in a full stop might be copy
//! of an odd shape). `copydesk clean` removes what is safe to remove and lists the rest.
//!
//! ## Configuration
//! - `[rules] web-residue = "warning"`

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::duplicate_paragraph::block_deletion_span;
use super::{Ctx, DraftContext, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix, Group};
use crate::text::word_table::WordTable;
use crate::text::words::WordList;
use crate::text::{BlockKind, DraftFormat, ParsedDraft, TokenKind, furniture};

const RULE: &str = "web-residue";

/// The longest block, in words, that can be furniture.
const MOST_WORDS: usize = 20;

/// Whole lines that are page furniture (normalised: lower case, words only).
static LABELS: WordList = WordList::new(&[
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "paid content",
    "promoted",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading",
    "continue reading below",
    "read more",
    "read more below",
    "read next",
    "read full article",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related news",
    "related posts",
    "related topics",
    "related coverage",
    "more stories",
    "more on this story",
    "more news",
    "more from this section",
    "recommended",
    "recommended for you",
    "recommended stories",
    "you may also like",
    "you might also like",
    "don't miss",
    "dont miss",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "latest stories",
    "see also",
    "also read",
    "also see",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share via email",
    "share via",
    "tweet",
    "email",
    "print",
    "copy link",
    "link copied",
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "join the conversation",
    "view comments",
    "show comments",
    "load comments",
    "back to top",
    "back to top button",
    "scroll to top",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "menu",
    "main menu",
    "search",
    "close",
    "open menu",
    "close menu",
    "toggle navigation",
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "subscribe",
    "subscribe now",
    "newsletter",
    "sign up for our newsletter",
    "follow us",
    "listen",
    "listen to this article",
    "listen to article",
    "watch",
    "watch now",
    "watch live",
    "video",
    "videos",
    "gallery",
    "photos",
    "audio",
    "live",
    "email the author",
    "contact the author",
    "about the author",
    "follow the author",
    "more from this author",
    "more by this author",
    "play video",
    "photo gallery",
    "view gallery",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "loading",
    "cookie settings",
    "accept cookies",
    "accept all cookies",
    "manage cookies",
    "privacy policy",
    "terms of use",
    "contact us",
    "about us",
    "previous article",
    "next article",
    "next story",
    "previous story",
    "newer post",
    "older post",
    "tags",
    "topics",
    "print this page",
    "reprints",
    "permalink",
    "bookmark",
    "save article",
    "gift article",
    "gift this article",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "telegram",
    "flipboard",
    "messenger",
    "instagram",
    "youtube",
    "tiktok",
    "x",
    "share on x",
    "follow on x",
]);

/// Labels that head a list of links to other stories.
static LINK_HEADERS: WordList = WordList::new(&[
    "related", "related articles", "related stories", "related content", "related news", "related posts",
    "related coverage", "related topics", "more stories", "more on this story", "more news",
    "more from this section", "recommended", "recommended for you", "recommended stories",
    "you may also like", "you might also like", "don't miss", "dont miss", "most read", "most popular",
    "most viewed", "trending", "trending now", "top stories", "latest news", "latest stories", "see also",
    "also read", "read more", "read next", "also see",
]);

/// The vocabulary of web pages, weighed: these count twice.
static STRONG_CUES: WordList = WordList::new(&[
    "advertisement", "advertisements", "advert", "sponsored", "subscribe", "subscribers", "newsletter",
    "newsletters", "comments", "reply", "replies", "login", "signup", "cookie", "cookies", "bookmark",
    "button", "menu", "navigation", "skip", "whatsapp", "facebook", "twitter", "linkedin", "pinterest",
    "telegram", "reddit", "tweet", "instagram", "youtube", "tiktok", "flipboard", "permalink", "reprints",
    "captcha", "homepage",
]);

/// These count once.
static WEAK_CUES: WordList = WordList::new(&[
    "share", "shares", "sharing", "follow", "read", "more", "related", "top", "back", "email", "print",
    "click", "sign", "log", "watch", "listen", "video", "videos", "photos", "gallery", "posted", "updated",
    "published", "ago", "trending", "popular", "recommended", "next", "previous", "prev", "home", "search",
    "close", "leave", "load", "view", "show", "save", "saved", "copy", "link", "links", "tags", "topics",
    "loading", "continue", "continues", "reading", "article", "comment", "scroll", "toggle", "expand",
    "enlarge", "caption", "min",
]);

/// Words that make the visitor notices below possible: a line with none of them is not
/// one, and the pattern is not run.
static VISITOR_TRIGGERS: &[&str] = &[
    "your", "required", "notify", "policy", "inbox", "clicking", "reserved", "javascript", "blocker",
    "subscribe", "articles", "click", "newsletter", "newsletters", "download", "cookies", "browser", "site",
    "website", "already", "powered", "account",
];

/// What a word tells about a line: its web-vocabulary weight, and whether it can start a
/// visitor notice.
#[derive(Debug, Clone, Copy, Default)]
struct CueWord {
    weight: u8,
    visitor: bool,
}

/// The cue words in one table.
fn cue_table() -> &'static WordTable<CueWord> {
    static TABLE: OnceLock<WordTable<CueWord>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words: Vec<(&'static str, CueWord)> = Vec::new();
        let mut add = |word: &'static str, change: &dyn Fn(&mut CueWord)| match words
            .iter_mut()
            .find(|(w, _)| *w == word)
        {
            Some((_, cue)) => change(cue),
            None => {
                let mut cue = CueWord::default();
                change(&mut cue);
                words.push((word, cue));
            }
        };
        for word in WEAK_CUES.words() {
            add(word, &|cue| cue.weight = 1);
        }
        for word in STRONG_CUES.words() {
            add(word, &|cue| cue.weight = 2);
        }
        for word in VISITOR_TRIGGERS {
            add(word, &|cue| cue.visitor = true);
        }
        WordTable::new(words)
    })
}

/// The cue a word carries, if any.
fn cue_of(word: &str) -> Option<CueWord> {
    cue_table().get(word)
}

/// Compiles this rule's patterns, so that `story::warm_up` pays for them rather than
/// the first draft.
pub(crate) fn compile_patterns() {
    label_prefix_pattern();
    visitor_pattern();
    timestamp_pattern();
    credit_pattern();
    labelled_picture_credit_pattern();
    picture_credit_pattern();
    timestamp_sentence_pattern();
    glued_timestamp_pattern();
}

/// Prefixes that make a line a label whatever follows ("Read more: …", "Tags: …").
fn label_prefix_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:(?:related|read\ more|read\ also|also\ read|see\ also|more|tags|topics|categories|filed\ under|posted\ in|share\ this|trending|watch|listen|recommended|advertisement|sponsored|most\ read)\s*[:›»|]|(?:follow\ us\ on|sign\ up\ for|subscribe\ to|click\ here|download\ (?:our|the)\ app|read\ more\ (?:about|on|from))(?-u:\b))",
        )
        .expect("label prefix pattern compiles")
    })
}

/// Text speaking to a site's visitors about the site.
fn visitor_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)your\ (?:e-?mail\ address|comment|account|inbox|subscription|browser)(?-u:\b)|(?-u:\b)required\ fields(?-u:\b)|(?-u:\b)will\ not\ be\ published(?-u:\b)|(?-u:\b)notify\ me(?-u:\b)|(?-u:\b)save\ my\ name(?-u:\b)|(?-u:\b)comment\ policy(?-u:\b)|(?-u:\b)this\ (?:site|website)\ uses(?-u:\b)|(?-u:\b)delivered\ to\ your\ inbox(?-u:\b)|(?-u:\b)by\ clicking(?-u:\b)|(?-u:\b)terms\ of\ (?:service|use)(?-u:\b)|(?-u:\b)privacy\ policy(?-u:\b)|(?-u:\b)all\ rights\ reserved(?-u:\b)|(?-u:\b)enable\ javascript(?-u:\b)|(?-u:\b)ad\ blocker(?-u:\b)|(?-u:\b)subscribe\ (?:now|today)(?-u:\b)|(?-u:\b)you\ have\ \d+\ free\ articles?(?-u:\b)|(?-u:\b)click\ here(?-u:\b)|(?-u:\b)sign\ up\ for\ (?:our|the)(?-u:\b).{0,40}(?-u:\b)newsletters?(?-u:\b)|(?-u:\b)subscribe\ to\ (?:our|the)(?-u:\b)|(?-u:\b)follow\ us\ on(?-u:\b)|(?-u:\b)download\ (?:our|the)\ app(?-u:\b)|(?-u:\b)already\ an?\ (?:subscriber|member|customer)\s*\?|(?-u:\b)we\ use\ cookies(?-u:\b)|(?-u:\b)(?:log|sign)\ in\ to\ (?:continue|read|comment|your\ account)(?-u:\b)|(?-u:\b)create\ (?:an|a\ free|your)\ account(?-u:\b)|^\s*powered\ by\s+\S+(?:\s+\S+){0,2}\s*$",
        )
        .expect("visitor pattern compiles")
    })
}

/// The page's timestamp: a date or time with the words a page puts round it.
fn timestamp_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)(?:(?-u:\b)(?:updated|published|posted|last\ (?:updated|modified)|first\ published)(?-u:\b).{0,40}\d)|(?-u:\b)\d+\s*(?:min|mins|minute|minutes)\s+read(?-u:\b)|(?-u:\b)\d+\s+(?:hours?|hrs?|minutes?|mins?|days?|weeks?)\s+ago(?-u:\b)|(?-u:\b)\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST)(?-u:\b)",
        )
        .expect("timestamp pattern compiles")
    })
}

/// Lines that belong to the story: bylines, credits, sign-offs.
fn credit_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)contributed(?-u:\b)|(?-u:\b)reporting\ by(?-u:\b)|(?-u:\b)editing\ by(?-u:\b)|(?-u:\b)writing\ by(?-u:\b)|(?-u:\b)reported\ by(?-u:\b)|(?-u:\b)compiled\ by(?-u:\b)|(?-u:\b)additional\ reporting(?-u:\b)|^\s*(?:by\s+(?-i:\p{Lu})|-30-|###|ends?\s*$)",
        )
        .expect("credit pattern compiles")
    })
}

/// A picture credit with its label: "Photo: AP", "Photograph: Jane Doe/Reuters",
/// "Image: Getty Images", "Photo by Jane Doe".
fn labelled_picture_credit_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:(?:file\ |main\ |top\ |lead\ |header\ )?(?:photo|photos|photograph|photographs|image|images|picture|pictures|pic|illustration|graphic|video|footage)(?:\ credit)?|credit|credits)\s*(?::|(?-u:\b)by(?-u:\b))\s*\S",
        )
        .expect("picture credit pattern compiles")
    })
}

/// A picture agency's credit alone: "Getty Images", "AFP via Getty Images", "AP Photo",
/// "Jane Doe/Reuters" (names joined by a slash).
fn picture_credit_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i:(?-u:\b)(?:getty\ images|via\ getty|shutterstock|alamy|istock(?:photo)?|unsplash|ap\ photo|afp\ photo|reuters\ photo|pa\ (?:images|photo|wire)|epa-efe)(?-u:\b))|^\s*\p{Lu}[\p{L}.'’-]*(?:\ \p{Lu}[\p{L}.'’-]*)*\s?/\s?\p{Lu}[\p{L}.'’-]*(?:\ \p{Lu}[\p{L}.'’-]*)*\s*$",
        )
        .expect("picture agency pattern compiles")
    })
}

/// A timestamp written as a sentence: "Last updated 18:20 local time on Tuesday." The
/// word of the page is followed at once by the date or time, so "Updated figures show …"
/// is not one.
fn timestamp_sentence_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:last\ updated|updated|published|posted|first\ published|last\ modified|modified)\s*(?::|\ on|\ at)?\s*(?:\d|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)(?:day)?(?-u:\b)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|today(?-u:\b)|yesterday(?-u:\b))",
        )
        .expect("timestamp sentence pattern compiles")
    })
}

/// A page's timestamp at the start of a line, glued to what follows it by the extractor
/// ("1:39 am EST, Wednesday, November 20, 2019 Karma Automotive's Andreas Thurner, left,
/// …"): a clock time with its "am"/"pm" or time zone, then a date with its year.
fn glued_timestamp_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:(?:updated|posted|published|last\ updated)\s*:?\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*(?:[a-z]{2,4}(?-u:\b))?|(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|IST|AEST|AEDT)(?-u:\b))\s*,?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*,?\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s*,?\s+\d{4}(?-u:\b)[\s,;|·–—-]*",
        )
        .expect("glued timestamp pattern compiles")
    })
}

/// A timestamp glued before other text on a line (see `glued_timestamp_pattern`): the
/// timestamp is reported, and its fix deletes only it, keeping the rest of the line (a
/// caption, or the story's own first sentence) for the other classes to judge.
fn glued_timestamps(
    draft_index: usize,
    parsed: &ParsedDraft<'_>,
    units: &[furniture::Unit],
    out: &mut Vec<Finding>,
) {
    for unit in units {
        let text = &parsed.source[unit.span.clone()];
        if !text.bytes().take(40).any(|b| b == b':' || b == b'.') {
            continue;
        }
        let Some(found) = glued_timestamp_pattern().find(text) else {
            continue;
        };
        let rest = &text[found.end()..];
        if rest.split_whitespace().count() < 2 {
            continue;
        }
        let start = unit.span.start + text.len() - text.trim_start().len();
        let end = unit.span.start + found.end();
        let timestamp = text[start - unit.span.start..found.end()].trim_end();
        out.push(
            Finding::new(
                RULE,
                draft_index,
                start..start + timestamp.len(),
                format!(
                    "‘{timestamp}’ looks like the page's timestamp, glued to the line by the extractor: delete it."
                ),
            )
            .with_fix(Fix::replace(
                "Delete the timestamp",
                draft_index,
                start..end,
                "",
                Applicability::Safe,
            )),
        );
    }
}

/// One piece of a date or time: "Tuesday", "12", "March", "2025", "09:14", "p.m.", "BST".
fn is_date_piece(piece: &str) -> (bool, bool) {
    const FILLERS: &[&str] = &[
        "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest", "edt", "est", "cdt",
        "cst", "pdt", "pst", "mdt", "mst", "et", "pt", "aest", "aedt", "ist", "jst", "at", "on", "local",
        "time", "of",
    ];
    let lower = piece.to_lowercase();
    let word = lower.trim_end_matches('.');
    if crate::text::calendar::is_weekday(word) || crate::text::calendar::is_month(word) {
        return (true, true);
    }
    if FILLERS.contains(&lower.as_str()) || FILLERS.contains(&word) {
        return (true, false);
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let numeric = !digits.is_empty()
        && digits.len() <= 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th" | "am" | "pm"));
    if numeric {
        return (true, false);
    }
    // "09:14", "9.30", "18:20:05".
    let time = word.split([':', '.']).count() >= 2
        && word
            .split([':', '.'])
            .all(|part| (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()));
    (time, time)
}

/// A line that is nothing but a date and a time: a digit and a month, weekday or time.
fn is_date_only(text: &str) -> bool {
    let mut dated = false;
    let mut digit = false;
    let mut pieces = 0;
    for piece in text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '|' | '/' | '·' | '•' | '(' | ')' | '–' | '—')
        })
        .filter(|p| !p.is_empty() && *p != "-")
    {
        let (fits, dating) = is_date_piece(piece);
        if !fits {
            return false;
        }
        pieces += 1;
        dated |= dating;
        digit |= piece.bytes().any(|b| b.is_ascii_digit());
    }
    pieces <= 12 && dated && digit
}

/// Lines that are nothing but handles: "@harbourboard", "@jane_doe @jo".
fn is_handles_only(text: &str) -> bool {
    let mut any = false;
    for word in text.split_whitespace() {
        let Some(handle) = word.strip_prefix('@') else {
            return false;
        };
        if handle.is_empty()
            || !handle
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        {
            return false;
        }
        any = true;
    }
    any
}

/// Verbs a page's buttons and links start with ("Email the author", "Follow @harbour").
static COMMAND_VERBS: WordList = WordList::new(&[
    "email", "e-mail", "share", "follow", "print", "subscribe", "click", "tap", "log", "sign", "download",
    "register", "bookmark", "save", "copy", "comment", "like", "swipe", "scroll", "expand", "enlarge",
    "view", "watch", "listen", "read", "join", "contact", "upgrade", "tweet", "message", "whatsapp",
]);

/// The words that follow a button's verb: what it acts on, or where.
static COMMAND_OBJECTS: WordList = WordList::new(&[
    "the", "this", "that", "these", "our", "us", "me", "my", "your", "to", "on", "for", "here", "now", "up",
    "in", "out", "all", "more", "full", "a", "an", "with", "via", "by",
]);

/// Words of attribution: a line with one is reported copy, not a notice to visitors.
static REPORTING_WORDS: WordList = WordList::new(&[
    "said", "says", "say", "told", "tells", "according", "added", "reported", "announced", "confirmed",
]);

/// What a short block looks like.
#[derive(Debug, Default, Clone)]
struct Signals {
    words: usize,
    sentence: bool,
    label: bool,
    link_header: bool,
    cue_weight: usize,
    glued: bool,
    timestamp: bool,
    visitor: bool,
    credit: bool,
    link_only: bool,
    /// A picture credit with its label ("Photo: AP", "Image: Getty"): furniture anywhere.
    labelled_picture_credit: bool,
    /// A picture agency's credit ("Getty Images", "Jane Doe/Reuters"): at the edge.
    picture_credit: bool,
    /// Nothing but social-media handles ("@harbourboard").
    handles: bool,
    /// Nothing but a date and a time ("Tuesday 12 March 2025 09:14").
    date_only: bool,
    /// A short command to the site's visitor ("Email the author", "Follow @harbour").
    command: bool,
    /// Words of attribution ("said", "told"): reported copy, not a notice.
    reported: bool,
}

/// A lower-case label glued to a capital ("politicsUSA") or a word glued to a count
/// ("Comments5", "Grub5").
fn is_glued(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let lower_run = chars.iter().take_while(|c| c.is_lowercase()).count();
    if lower_run >= 3 && chars.get(lower_run).is_some_and(|c| c.is_uppercase()) {
        return true;
    }
    let letters = chars.iter().take_while(|c| c.is_alphabetic()).count();
    let digits = chars[letters..].iter().take_while(|c| c.is_ascii_digit()).count();
    letters >= 3
        && digits >= 1
        && letters + digits == chars.len()
        && chars[1..letters].iter().all(|c| c.is_lowercase())
}

fn normalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            for c in word.chars() {
                out.extend(if c == '’' {
                    '\''.to_lowercase()
                } else {
                    c.to_lowercase()
                });
            }
        }
    }
    out
}

/// A unit of judgement: a block, or one line of a stack of short lines ("Share",
/// "Facebook Twitter Email" pasted as one block).
#[derive(Debug, Clone)]
struct Unit {
    block: usize,
    /// Byte range of the unit's copy.
    span: Range<usize>,
    /// Range into the draft's tokens.
    tokens: Range<usize>,
    /// The line within its block, when the block was split into lines.
    line: Option<usize>,
    /// How many units its block was split into.
    siblings: usize,
}

/// The named classes' units, made from the model's (`shared`, [`furniture::units`]): a block of prose
/// stays whole; a stack of page lines (short lines, each opening with a capital, a figure
/// or a symbol, none ending mid-clause, and not one sentence wrapped over lines) is one
/// unit per line. The named classes and the model judge the same units, so a byline under a
/// headline is judged on its own line, never with the headline.
fn units(parsed: &ParsedDraft<'_>, shared: &[furniture::Unit]) -> Vec<Unit> {
    let mut per_block: Vec<Vec<&furniture::Unit>> = vec![Vec::new(); parsed.blocks.len()];
    for unit in shared {
        if let Some(block) = unit.block
            && block < per_block.len()
        {
            per_block[block].push(unit);
        }
    }
    let mut units = Vec::with_capacity(parsed.blocks.len());
    for (index, block) in parsed.blocks.iter().enumerate() {
        if block.kind == BlockKind::Separator {
            continue;
        }
        let lines = &per_block[index];
        if lines.len() < 2 {
            units.push(Unit {
                block: index,
                span: block.span.clone(),
                tokens: block.tokens.clone(),
                line: None,
                siblings: 1,
            });
            continue;
        }
        let in_block = &parsed.tokens[block.tokens.clone()];
        for unit in lines {
            // The line's copy: within the block (the copy masks what is not prose).
            let start = unit.span.start.max(block.span.start);
            let end = unit.span.end.min(block.span.end).max(start);
            let first = block.tokens.start + in_block.partition_point(|t| t.start < start);
            let last = block.tokens.start + in_block.partition_point(|t| t.start < end);
            units.push(Unit {
                block: index,
                span: start..end,
                tokens: first..last,
                line: Some(unit.first_line),
                siblings: lines.len(),
            });
        }
    }
    units
}

/// The signals of a unit; with `whole` false, a unit that is plainly a sentence of copy
/// (more than six words ending in a full stop) gets its word count and no more.
fn signals(parsed: &ParsedDraft<'_>, unit: &Unit, whole: bool) -> Signals {
    let tokens = &parsed.tokens[unit.tokens.clone()];
    // A long block is copy whatever it says: count no further than needed.
    if unit.line.is_none() && tokens.len() > 3 * MOST_WORDS {
        let sentence = parsed.sentences[parsed.blocks[unit.block].sentences.clone()]
            .iter()
            .any(|sentence| {
                parsed.copy[sentence.span.clone()]
                    .trim_end_matches(['"', '”', '’', '\'', ')'])
                    .ends_with(['.', '!', '?'])
            });
        return Signals {
            words: tokens.len(),
            sentence,
            ..Signals::default()
        };
    }
    let words = tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct && t.kind != TokenKind::Symbol)
        .count();
    if unit.line.is_none() && words > MOST_WORDS {
        let sentence = parsed.sentences[parsed.blocks[unit.block].sentences.clone()]
            .iter()
            .any(|sentence| {
                parsed.copy[sentence.span.clone()]
                    .trim_end_matches(['"', '”', '’', '\'', ')'])
                    .ends_with(['.', '!', '?'])
            });
        return Signals {
            words,
            sentence,
            ..Signals::default()
        };
    }
    let mut signals = Signals {
        words,
        ..Signals::default()
    };
    let text = &parsed.copy[unit.span.clone()];
    // A sentence: four words or more ending in a full stop, question or exclamation mark.
    signals.sentence = if unit.line.is_some() {
        words >= 4
            && text
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with(['.', '!', '?'])
    } else {
        parsed.sentences[parsed.blocks[unit.block].sentences.clone()]
            .iter()
            .any(|sentence| {
                // Four words or more: counted only for short sentences.
                let long = sentence.tokens.len() >= 12
                    || sentence
                        .tokens
                        .clone()
                        .filter(|&i| parsed.tokens[i].kind != TokenKind::Punct)
                        .count()
                        >= 4;
                let text = parsed.copy[sentence.span.clone()].trim_end_matches(['"', '”', '’', '\'', ')']);
                long && text.ends_with(['.', '!', '?'])
            })
    };
    if words > MOST_WORDS || (!whole && signals.sentence && words > 6) {
        return signals;
    }
    let mut visitor_trigger = false;
    for token in tokens {
        if (token.kind == TokenKind::Word || token.kind == TokenKind::AlphaNum)
            && let Some(cue) = cue_of(token.text(&parsed.copy))
        {
            signals.cue_weight += usize::from(cue.weight);
            visitor_trigger |= cue.visitor;
        }
    }
    // The longest whole-line label has six words.
    if words <= 6 {
        let plain = normalised(text);
        signals.label = LABELS.contains(&plain);
        let first_two = plain.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" ");
        signals.link_header = LINK_HEADERS.contains(plain.trim_end_matches(" below"))
            || (signals.label && LINK_HEADERS.contains(&first_two));
    }
    signals.glued = words <= 3
        && tokens.iter().any(|t| {
            matches!(t.kind, TokenKind::Word | TokenKind::AlphaNum) && is_glued(t.text(&parsed.copy))
        });
    signals.reported = tokens
        .iter()
        .any(|t| t.kind == TokenKind::Word && REPORTING_WORDS.contains(t.text(&parsed.copy)));
    signals.visitor =
        visitor_trigger && visitor_pattern().is_match(text) && !(signals.sentence && signals.reported);
    if words <= 8 && !signals.sentence {
        let first = text.trim_start().chars().next();
        signals.labelled_picture_credit = first.is_some_and(char::is_alphabetic)
            && text.contains([':', ' '])
            && labelled_picture_credit_pattern().is_match(text);
        signals.picture_credit = signals.labelled_picture_credit || picture_credit_pattern().is_match(text);
        signals.handles = text.contains('@') && is_handles_only(text.trim());
        signals.date_only = text.bytes().any(|b| b.is_ascii_digit()) && is_date_only(text);
        // A verb, then what the button acts on: "Email the author", "Follow @harbour",
        // "Sign in"; not "Share prices fell" or "Print edition: page 4".
        let mut pieces = text.split_whitespace();
        let verb = pieces.next().unwrap_or("");
        let object = pieces.next().unwrap_or("");
        signals.command = words <= 5
            && !text.contains(':')
            && !text.trim_end().ends_with(['.', '!', '?'])
            && COMMAND_VERBS.contains(verb)
            && (object.starts_with('@') || COMMAND_OBJECTS.contains(object));
    }
    // A label prefix before something that is not a sentence ("Read more: Norway cuts cod
    // quota"), a timestamp and a credit line only matter for lines with no sentence.
    // Each pattern runs only when the line has what it needs: a colon or a first word of
    // the label prefixes, a figure, a "by" or "contributed".
    if !signals.sentence {
        let first_word = text.split_whitespace().next().unwrap_or("");
        let prefix_possible = text.contains([':', '›', '»', '|'])
            || ["follow", "sign", "subscribe", "click", "download", "read"]
                .iter()
                .any(|w| first_word.eq_ignore_ascii_case(w));
        if !signals.label && prefix_possible && label_prefix_pattern().is_match(text) {
            signals.label = true;
            signals.link_header |= LINK_HEADERS.contains(&normalised(text.split(':').next().unwrap_or("")));
        }
        signals.timestamp = text.bytes().any(|b| b.is_ascii_digit()) && timestamp_pattern().is_match(text);
    } else if words <= 16
        && !signals.reported
        && text
            .trim_start()
            .starts_with(['L', 'U', 'P', 'F', 'M', 'l', 'u', 'p', 'f', 'm'])
    {
        // "Last updated 18:20 local time (16:20 BST) on Tuesday.": a timestamp that
        // reads as a sentence.
        signals.timestamp = timestamp_sentence_pattern().is_match(text);
    }
    if !signals.sentence {
        let lower_has = |needle: &str| {
            text.as_bytes()
                .windows(needle.len())
                .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
        };
        let credit_possible = lower_has("by")
            || lower_has("contribut")
            || lower_has("reporting")
            || text.contains("###")
            || text.contains("-30-")
            || text.trim().eq_ignore_ascii_case("end")
            || text.trim().eq_ignore_ascii_case("ends");
        signals.credit = credit_possible && credit_pattern().is_match(text);
    }
    // A Markdown list item or line that is all link, "[Headline](https://…)": the copy is
    // the link text, with "[" before it and "](…)" and nothing else after it.
    let source = parsed.source;
    let line = parsed.line_of(unit.span.start);
    let line_end = parsed.line_index.line_span(source, line).end;
    let after = source.get(unit.span.end..line_end).unwrap_or("");
    signals.link_only = parsed.line_of(unit.span.end) == line
        && source[..unit.span.start].ends_with('[')
        && after.starts_with("](")
        && after.trim_end().ends_with(')');
    signals
}

/// Why a block is furniture, for the message; `None` when it is copy.
fn verdict(signals: &Signals, edge: bool, headline: bool, after_link_header: bool) -> Option<&'static str> {
    if signals.words > MOST_WORDS || signals.words == 0 {
        return None;
    }
    if signals.visitor && (edge || !signals.sentence) {
        return Some(
            "a notice to the site's visitors: a comment form, a sign-up prompt, a copyright or cookie notice",
        );
    }
    if signals.handles {
        return Some("a social-media handle");
    }
    if signals.labelled_picture_credit {
        return Some("the credit of a picture that was not pasted");
    }
    if signals.credit && !signals.timestamp {
        return None;
    }
    if signals.timestamp && (!signals.sentence || edge) {
        return Some("the web page's timestamp");
    }
    if signals.date_only && edge {
        return Some("the web page's date and time");
    }
    if signals.label && (edge || signals.cue_weight >= 2 || signals.link_header) {
        return Some(if signals.link_header {
            "the heading of a list of links to other stories"
        } else {
            "a navigation, sharing or advertising label"
        });
    }
    if after_link_header && !signals.sentence && !headline {
        return Some(LINK_UNDER_HEADER);
    }
    if !edge || signals.sentence {
        return None;
    }
    if signals.picture_credit {
        return Some("the credit of a picture that was not pasted");
    }
    if signals.command && !headline {
        return Some("a button or link of the web page");
    }
    if signals.glued {
        return Some("a section label or page widget glued to the text");
    }
    if signals.link_only {
        return Some("a link to another story");
    }
    let dense = signals.cue_weight >= 2 && signals.cue_weight * 2 >= signals.words;
    if dense && !headline {
        return Some("a navigation, sharing or comment label");
    }
    None
}

/// The named classes: lines that are furniture by their shape alone (a labelled picture
/// credit, a glued section label, a visitor notice, a well-known furniture label, a list of
/// links under a related-stories heading, a bare address at the edge).
fn named_classes(
    draft_index: usize,
    draft: &DraftContext<'_>,
    shared: &[furniture::Unit],
    out: &mut Vec<Finding>,
) {
    let parsed = &draft.parsed;
    let blocks = &parsed.blocks;
    let units = units(parsed, shared);
    // Body copy: prose with a sentence, long enough, and not itself web text.
    // A short sentence with attribution ("Borg said the ports would stay open.") is copy.
    let is_body = |index: usize, s: &Signals| {
        blocks[units[index].block].is_prose()
            && s.sentence
            && (s.words >= 8 || (s.words >= 5 && s.reported))
            && !s.visitor
            && !s.timestamp
            && !(s.label && s.words <= MOST_WORDS)
            && s.cue_weight * 3 < s.words.max(1)
    };
    // The edges are read in full, from each end to the first paragraph of body copy; in
    // between, only what could be furniture is.
    let mut all: Vec<Option<Signals>> = vec![None; units.len()];
    let mut first_body = None;
    for index in 0..units.len() {
        let s = signals(parsed, &units[index], true);
        let body = is_body(index, &s);
        all[index] = Some(s);
        if body {
            first_body = Some(index);
            break;
        }
    }
    let mut last_body = None;
    if let Some(first) = first_body {
        for index in (first..units.len()).rev() {
            let s = match all[index].take() {
                Some(s) => s,
                None => signals(parsed, &units[index], true),
            };
            let body = is_body(index, &s);
            all[index] = Some(s);
            if body {
                last_body = Some(index);
                break;
            }
        }
    }
    let all: Vec<Signals> = all
        .into_iter()
        .enumerate()
        .map(|(index, s)| s.unwrap_or_else(|| signals(parsed, &units[index], false)))
        .collect();
    // The headline: the first unit of four words or more that is not furniture itself.
    let headline = (0..first_body.unwrap_or(units.len())).find(|&i| {
        let s = &all[i];
        s.words >= 4
            && !s.label
            && !s.glued
            && !s.timestamp
            && !s.visitor
            && !s.credit
            && !s.picture_credit
            && !s.date_only
            && !s.handles
    });
    let mut reasons: Vec<Option<&'static str>> = Vec::with_capacity(units.len());
    let mut after_link_header = false;
    for (index, s) in all.iter().enumerate() {
        let edge = match (first_body, last_body) {
            (Some(first), Some(last)) => index < first || index > last,
            _ => true,
        };
        let reason = verdict(s, edge, headline == Some(index), after_link_header);
        // A list of links runs until the next block of copy.
        if s.link_header && reason.is_some() {
            after_link_header = true;
        } else if s.sentence || s.words > MOST_WORDS || reason.is_none() {
            after_link_header = false;
        }
        reasons.push(reason);
    }
    // One line under "Read more" or "Related" is not a list of links: at the top it may be
    // the headline, in the copy a crosshead. It is a link only as a Markdown link, or
    // below the last paragraph of copy, where nothing of the story comes.
    let mut index = 0;
    while index < units.len() {
        if reasons[index] != Some(LINK_UNDER_HEADER) {
            index += 1;
            continue;
        }
        let start = index;
        while index < units.len() && reasons[index] == Some(LINK_UNDER_HEADER) {
            index += 1;
        }
        let below_copy = last_body.is_some_and(|last| start > last);
        if index - start == 1 && !all[start].link_only && !below_copy {
            reasons[start] = None;
        }
    }
    // In a stack of lines at the edge, a very short line beside furniture is furniture
    // too: "Skip to main content / World / Europe".
    let mut changed = true;
    while changed {
        changed = false;
        for index in 0..units.len() {
            let unit = &units[index];
            let s = &all[index];
            let edge = match (first_body, last_body) {
                (Some(first), Some(last)) => index < first || index > last,
                _ => true,
            };
            if reasons[index].is_some()
                || unit.line.is_none()
                || !edge
                || s.sentence
                || s.credit
                || s.words > 3
            {
                continue;
            }
            if headline == Some(index) {
                continue;
            }
            let beside = |other: usize| units[other].block == unit.block && reasons[other].is_some();
            if (index > 0 && beside(index - 1)) || (index + 1 < units.len() && beside(index + 1)) {
                reasons[index] = Some(BESIDE_FURNITURE);
                changed = true;
            }
        }
    }
    // Bare web addresses on lines of their own at the edges: the copy masks them, so they
    // are found in the source.
    let top_end = first_body.map_or(parsed.source.len(), |first| units[first].span.start);
    let bottom_start = last_body.map_or(parsed.source.len(), |last| units[last].span.end);
    let address_lines = bare_address_lines(parsed, top_end, bottom_start);
    for &line in &address_lines {
        let span = parsed.line_index.line_span(parsed.source, line);
        let text = &parsed.source[span.clone()];
        let lead = text.len() - text.trim_start().len();
        let shown = span.start + lead..span.start + text.trim_end().len();
        let mut deletion = parsed.line_index.line_start(line)..parsed.line_index.line_start(line + 1);
        let blank = |l: usize| {
            l < parsed.line_index.line_count()
                && parsed.source[parsed.line_index.line_span(parsed.source, l)]
                    .trim()
                    .is_empty()
        };
        if (line == 0 || blank(line - 1)) && blank(line + 1) {
            deletion.end = parsed.line_index.line_start(line + 2);
        }
        push(out, draft_index, parsed, shown, "a bare web address", deletion);
    }
    // A block wholly furniture is one finding; a stack with some copy left is line by line.
    let mut index = 0;
    while index < units.len() {
        let unit = &units[index];
        let block = &blocks[unit.block];
        let first_of_block = index == 0 || units[index - 1].block != unit.block;
        let whole_block = unit.line.is_some()
            && first_of_block
            && (index..index + unit.siblings).all(|i| i < units.len() && reasons[i].is_some());
        if whole_block {
            let reason = reasons[index..index + unit.siblings]
                .iter()
                .flatten()
                .find(|r| **r != BESIDE_FURNITURE)
                .copied()
                .unwrap_or(BESIDE_FURNITURE);
            push(
                out,
                draft_index,
                parsed,
                block.span.clone(),
                reason,
                block_deletion_span(draft, block),
            );
            index += unit.siblings;
            continue;
        }
        if !address_lines.is_empty() && address_lines.contains(&parsed.line_of(unit.span.start)) {
            index += 1;
            continue;
        }
        if let Some(reason) = reasons[index] {
            let deletion = match unit.line {
                Some(line) => parsed.line_index.line_start(line)..parsed.line_index.line_start(line + 1),
                None => block_deletion_span(draft, block),
            };
            push(out, draft_index, parsed, unit.span.clone(), reason, deletion);
        }
        index += 1;
    }
}

/// The lines before `top_end` or after `bottom_start` that hold nothing but a web address
/// ("https://example.com/story", "<www.example.com>"), outside front matter and code.
fn bare_address_lines(parsed: &ParsedDraft<'_>, top_end: usize, bottom_start: usize) -> Vec<usize> {
    let index = &parsed.line_index;
    let mut found = Vec::new();
    let mut in_fence = false;
    for line in 0..index.line_count() {
        let start = index.line_start(line);
        if start >= top_end && start < bottom_start {
            // Between the edges only the code fences matter.
            let span = index.line_span(parsed.source, line);
            let text = parsed.source[span].trim_start();
            if text.starts_with("```") || text.starts_with("~~~") {
                in_fence = !in_fence;
            }
            continue;
        }
        if parsed
            .front_matter
            .as_ref()
            .is_some_and(|front| front.contains(&start))
        {
            continue;
        }
        let span = index.line_span(parsed.source, line);
        let raw = &parsed.source[span];
        let text = raw.trim();
        if text.starts_with("```") || text.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || raw.starts_with("    ") || raw.starts_with('\t') {
            continue;
        }
        let address = text
            .strip_prefix('<')
            .and_then(|t| t.strip_suffix('>'))
            .unwrap_or(text);
        let web =
            address.starts_with("https://") || address.starts_with("http://") || address.starts_with("www.");
        if web && address.len() > 8 && !address.contains(char::is_whitespace) {
            found.push(line);
        }
    }
    found
}

/// The reason given to a line under a heading such as "Related" or "Read more".
const LINK_UNDER_HEADER: &str = "a link to another story, under a list heading";

/// The reason given to a short line that is furniture by its neighbours.
const BESIDE_FURNITURE: &str = "a navigation label beside other page furniture";

fn push(
    out: &mut Vec<Finding>,
    draft_index: usize,
    parsed: &ParsedDraft<'_>,
    span: Range<usize>,
    reason: &str,
    deletion: Range<usize>,
) {
    // A web address is masked in the copy: show it from the source.
    let copy = &parsed.copy[span.clone()];
    let text = if copy.trim().is_empty() {
        &parsed.source[span.clone()]
    } else {
        copy
    };
    let shown = crate::text::one_line(text);
    let shown = if shown.chars().count() > 50 {
        format!("{}…", shown.chars().take(47).collect::<String>())
    } else {
        shown
    };
    out.push(
        Finding::new(
            RULE,
            draft_index,
            span,
            format!("‘{shown}’ looks like page furniture scraped with the article ({reason}): delete it."),
        )
        .with_fix(Fix::replace(
            "Delete this line",
            draft_index,
            deletion.start..deletion.end.min(parsed.source.len()),
            "",
            Applicability::Safe,
        )),
    );
}

/// The `web-residue` rule.
pub struct WebResidue;

impl Rule for WebResidue {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "Page furniture scraped with the article: buttons, share prompts, comment forms."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Always
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        // The rule groups its own findings into runs, so it collects them first (at most
        // one a line of the draft).
        let mut findings = Vec::new();
        check_draft(draft_index, &ctx.drafts[draft_index], &mut findings);
        out.extend(findings);
    }
}

/// The features that are evidence of furniture beyond a line's shape: the vocabulary
/// classes (`any_*`) and the patterns of furniture.
const FURNITURE_EVIDENCE: &[&str] = &[
    "any_", "credit", "photo_word", "bio", "call_to_action", "copyright", "url", "handle", "time_pattern",
    "comment_cue", "label_colon", "by_start", "repeated", "weekday_date", "truncated", "markup",
    "contributed",
];

/// The features that make a sentence furniture for all its shape: a credit, a caption's
/// date, an author's biography, a call to action, a notice, an address.
const SENTENCE_EVIDENCE: &[&str] = &[
    "credit", "photo_word", "weekday_date", "bio", "call_to_action", "copyright", "contributed", "url",
    "handle", "truncated", "any_subscription", "any_advertising", "any_legal",
];

/// What no headline has: a credit, a picture word, a byline's "By", a clock time or a
/// date with its weekday, a copyright, a count alone, an address, a call to action.
const HEADLINE_DISQUALIFIERS: &[&str] = &[
    "credit", "photo_word", "by_start", "time_pattern", "weekday_date", "copyright", "numbers_only", "url",
    "handle", "call_to_action",
];

/// The vocabulary classes that are evidence of furniture in a list: what menus, share bars
/// and related-links boxes are made of.
const VOCABULARY_EVIDENCE: &[&str] = &[
    "any_navigation", "any_sharing", "any_subscription", "any_advertising", "any_media", "any_related",
    "any_legal",
];

/// What the model's features say a unit most looks like, for the message.
fn model_reason(values: &[f32; furniture::FEATURE_COUNT]) -> &'static str {
    let on = |name: &str| values[furniture::position(name)] > 0.0;
    const REASONS: &[(&str, &str)] = &[
        ("credit", "a picture credit"),
        ("photo_word", "a picture caption or credit"),
        ("bio", "an author's biography"),
        ("copyright", "a copyright line"),
        ("any_legal", "a site notice"),
        ("any_subscription", "a newsletter or log-in prompt"),
        ("any_sharing", "a share or social-media button"),
        ("any_advertising", "an advertising label"),
        ("by_start", "a byline"),
        ("any_timestamp", "the page's timestamp"),
        ("time_pattern", "the page's timestamp"),
        ("any_related", "a related-stories heading or link"),
        ("call_to_action", "a call to action"),
        ("any_navigation", "a navigation label"),
        ("comment_cue", "part of a comment thread"),
        ("repeated", "a line the page repeats"),
    ];
    REASONS
        .iter()
        .find(|(feature, _)| on(feature))
        .map_or("a line of the page around the article", |(_, reason)| reason)
}

/// The deletion of a unit: its whole lines, and the blank line after it (before it, at the
/// end of the draft).
fn unit_deletion_span(parsed: &ParsedDraft<'_>, unit: &furniture::Unit) -> Range<usize> {
    let index = &parsed.line_index;
    let source = parsed.source;
    let is_blank =
        |line: usize| line < index.line_count() && source[index.line_span(source, line)].trim().is_empty();
    let mut start = index.line_start(unit.first_line);
    let mut end = index.line_start(unit.last_line + 1).min(source.len());
    if source[end..].trim().is_empty() {
        let mut first = unit.first_line;
        while first > 0 && is_blank(first - 1) {
            first -= 1;
        }
        start = index.line_start(first);
        end = source.len();
    } else if is_blank(unit.last_line + 1) {
        end = index.line_start(unit.last_line + 2).min(source.len());
    }
    start..end
}

fn check_draft(draft_index: usize, draft: &DraftContext<'_>, out: &mut Vec<Finding>) {
    let parsed = &draft.parsed;
    let first = out.len();
    let units = furniture::units(parsed);
    named_classes(draft_index, draft, &units, out);
    glued_timestamps(draft_index, parsed, &units, out);
    let model = furniture::model::web_residue();
    let (flag, safe) = model.thresholds(parsed.format);
    let features = furniture::features(parsed, &units);
    let feature = furniture::position;
    let named: Vec<bool> = units
        .iter()
        .map(|unit| {
            // A named finding may cover a block that the units split into lines.
            out[first..].iter().any(|f| {
                let first_line = parsed.line_of(f.span.start);
                let last_line = parsed.line_of(f.span.end.saturating_sub(1).max(f.span.start));
                first_line <= unit.last_line && last_line >= unit.first_line
            })
        })
        .collect();
    // The headline: a level-one Markdown heading before the first paragraph of body copy,
    // or else the first line there of two words or more with no closing punctuation that
    // nothing marks as furniture (a named class, a credit, a picture word, a byline, a
    // timestamp, a counter).
    let marked = |i: usize| {
        named[i]
            || HEADLINE_DISQUALIFIERS
                .iter()
                .any(|name| features[i][feature(name)] > 0.0)
    };
    let before_body: Vec<usize> = (0..units.len())
        .take_while(|&i| features[i][feature("body_like")] == 0.0)
        .filter(|&i| !marked(i))
        .collect();
    let level_one = before_body.iter().copied().find(|&i| {
        let text = parsed.source[units[i].span.clone()].trim_start();
        text.starts_with("# ")
            || (text.starts_with('#') && !text.starts_with("##") && parsed.format == DraftFormat::Markdown)
    });
    let headline = level_one.or_else(|| {
        before_body.iter().copied().find(|&i| {
            features[i][feature("n_words")] >= 2f32.ln_1p() && features[i][feature("ends_punct")] == 0.0
        })
    });
    // Evidence of furniture other than shape: its vocabulary or one of its patterns.
    let evidence = |values: &[f32; furniture::FEATURE_COUNT]| {
        furniture::FEATURE_NAMES
            .iter()
            .zip(values)
            .any(|(name, value)| *value > 0.0 && FURNITURE_EVIDENCE.iter().any(|e| name.starts_with(e)))
    };
    let mut candidates: Vec<(usize, f32)> = Vec::new();
    for (position, values) in features.iter().enumerate() {
        if named[position] {
            continue;
        }
        let probability = model.probability(values);
        if probability < flag {
            continue;
        }
        let on = |name: &str| values[feature(name)] > 0.0;
        // A sentence of copy that reports someone is the story's, whatever page it was on;
        // any other sentence of copy only when the model is sure.
        if on("ends_punct") && on("attribution") {
            continue;
        }
        if on("body_like") && probability < safe && !SENTENCE_EVIDENCE.iter().any(|name| on(name)) {
            continue;
        }
        // A shorter sentence with nothing of furniture about it is copy too.
        if on("ends_punct") && values[feature("n_words")] >= 3f32.ln_1p() && !evidence(values) {
            continue;
        }
        // The headline is the story's.
        if headline == Some(position) {
            continue;
        }
        // A crosshead: a heading of the draft's own (not a list item) or a short line,
        // between two paragraphs of copy, with nothing of furniture about it but its shape.
        let inside = !on("before_body") && !on("after_body");
        let sandwiched = on("prev_body") && on("next_body");
        let crosshead = (on("is_heading") && !on("is_list") && values[feature("n_words")] <= 10f32.ln_1p())
            || values[feature("n_words")] <= 6f32.ln_1p();
        if sandwiched && crosshead && !evidence(values) {
            continue;
        }
        // A list in the story: inside the body, or under a lead-in of its own ending in a
        // colon ("Services affected include:"), with nothing of furniture about it.
        let strong = |values: &[f32; furniture::FEATURE_COUNT]| {
            SENTENCE_EVIDENCE
                .iter()
                .chain(VOCABULARY_EVIDENCE)
                .any(|name| values[feature(name)] > 0.0)
        };
        if on("is_list") {
            let lead_in = (0..position)
                .rev()
                .find(|&i| features[i][feature("is_list")] == 0.0)
                .is_some_and(|i| {
                    let lead = &features[i];
                    // A sentence's lead-in, not a label ("Stay Connected:", "OUR PICKS:").
                    parsed.source[units[i].span.clone()].trim_end().ends_with(':')
                        && lead[feature("n_words")] >= 2f32.ln_1p()
                        && lead[feature("title_frac")] <= 0.5
                        && lead[feature("all_caps_line")] == 0.0
                        && !strong(lead)
                });
            if (inside && !evidence(values)) || (lead_in && !strong(values)) {
                continue;
            }
        }
        candidates.push((position, probability));
    }
    // The model reads pages: an article with lines around it. In a draft with no paragraph
    // of body copy it has nothing to go on; in one with no other sign of a page around it,
    // one line that looks like furniture is more likely copy of an unusual shape.
    let has_body = features.iter().any(|values| values[feature("body_like")] > 0.0);
    // Lines that look like furniture by their shape alone (short, capitalised, unpunctuated)
    // are the labels of a story's own format as often ("Claim", "Verdict"): they make a page
    // only beside one with furniture's vocabulary or patterns.
    let page = has_body
        && (first < out.len()
            || (candidates.len() >= 2
                && candidates
                    .iter()
                    .any(|&(position, _)| evidence(&features[position]))));
    let mut flagged = named.clone();
    for (position, probability) in candidates.into_iter().filter(|_| page) {
        let unit = &units[position];
        let values = &features[position];
        flagged[position] = true;
        let deletion = unit_deletion_span(parsed, unit);
        // Deleting is safe only when the model is sure and the line is no sentence: a
        // caption or a notice ends with a full stop, and so might copy of an odd shape.
        let applicability = if probability >= safe && values[feature("ends_punct")] == 0.0 {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        let shown = crate::text::one_line(&parsed.source[unit.span.clone()]);
        let shown = if shown.chars().count() > 50 {
            format!("{}…", shown.chars().take(47).collect::<String>())
        } else {
            shown
        };
        out.push(
            Finding::new(
                RULE,
                draft_index,
                unit.span.clone(),
                format!(
                    "‘{shown}’ looks like page furniture scraped with the article ({}; {:.0}% sure): delete it.",
                    model_reason(values),
                    probability * 100.0
                ),
            )
            .with_fix(Fix::replace(
                "Delete this line",
                draft_index,
                deletion,
                "",
                applicability,
            )),
        );
    }
    // Runs: furniture units with no unit of copy between them are reported together.
    out[first..].sort_by_key(|f| f.span.start);
    let mut run_start: Option<usize> = None;
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (position, unit) in units.iter().enumerate() {
        if flagged[position] {
            run_start.get_or_insert(unit.span.start);
            if position + 1 == units.len() || !flagged[position + 1] {
                runs.push(run_start.take().unwrap_or(unit.span.start)..unit.span.end);
            }
        }
    }
    for run in runs {
        let members: Vec<usize> = (first..out.len())
            .filter(|&i| run.start <= out[i].span.start && out[i].span.start < run.end.max(run.start + 1))
            .collect();
        if members.len() < 2 {
            continue;
        }
        let (first_line, last_line) = (parsed.line_of(run.start) + 1, parsed.line_of(run.end) + 1);
        let group = Group {
            span: run.clone(),
            message: format!(
                "Lines {first_line}–{last_line} look like page furniture scraped with the article ({} lines, such as {}): delete them.",
                members.len(),
                out[members[0]].message.split(" looks like").next().unwrap_or("")
            ),
        };
        for member in members {
            out[member].group = Some(group.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{apply_safe_fixes, assert_fixture};

    #[test]
    fn flags_furniture_at_the_edges() {
        assert_fixture(
            "web-residue",
            "worldEurope
^^^^^^^^^^^ web-residue

Updated 10:42 a.m. EDT, May 25, 2024
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

Talks on the fisheries deal expected to resume next week

By Staff Reporter
^^^^^^^^^^^^^^^^^ web-residue

Negotiators from the three countries will meet in Brussels on Tuesday, officials said.

Advertisement
^^^^^^^^^^^^^ web-residue

The talks broke down in March over quotas for mackerel and herring, officials said.

Reporting by Jane Doe; Editing by John Roe
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

Share this article
^^^^^^^^^^^^^^^^^^ web-residue

Comments12
^^^^^^^^^^ web-residue

Leave a Reply
^^^^^^^^^^^^^ web-residue

Your email address will not be published. Required fields are marked *
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue
",
        );
    }

    #[test]
    fn lists_of_links_under_a_related_heading() {
        assert_fixture(
            "web-residue",
            "# Fisheries talks resume

Negotiators from the three countries will meet in Brussels on Tuesday, officials said.

The talks broke down in March over quotas for mackerel and herring, officials said.

## Related stories
   ^^^^^^^^^^^^^^^ web-residue

- [Norway cuts cod quota again](https://example.com/cod)
   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue
- [Faroe fishermen protest](https://example.com/faroe)
   ^^^^^^^^^^^^^^^^^^^^^^^ web-residue
",
        );
    }

    #[test]
    fn headlines_bylines_credits_and_copy_are_not_furniture() {
        assert_fixture(
            "web-residue",
            "Facebook shares tumble after global outage

By Jane Doe and John Roe

MENLO PARK, Calif. — Shares in the company fell 4% on Monday after a six-hour outage.

Users could not share posts or read comments, the company said in a statement.

Related: the outage followed a similar one in 2021, the company said.

Michal Ben-Gal and Arden Farhi contributed reporting.

###
",
        );
    }

    #[test]
    fn stacks_of_lines_are_judged_line_by_line() {
        assert_fixture(
            "web-residue",
            "Skip to main content
^^^^^^^^^^^^^^^^^^^^ web-residue
World
Europe

Why Europe's farmers keep protesting

By Maria Lopez, Europe correspondent
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue
Published 25 May 2024, 06:00 BST
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

Farmers blocked roads around Brussels again on Monday, the third protest in as many months.

The European Commission has already dropped plans to cut pesticide use by half, officials said.

Related Topics
^^^^^^^^^^^^^^ web-residue
European Union
Farming

Most Read
^^^^^^^^^ web-residue
1
Celebrity chef opens restaurant

Click here to sign up for our politics newsletter.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue
",
        );
    }

    #[test]
    fn picture_credits_handles_addresses_dates_and_notices_at_the_edges() {
        assert_fixture(
            "web-residue",
            "WATCH
^^^^^ web-residue

Harbour board approves new ferry terminal

Tuesday 12 March 2025 09:14
^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

Last updated 18:20 local time (16:20 BST) on Tuesday.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

VALLETTA, Malta — The harbour board on Tuesday approved plans for a new ferry terminal, ending a dispute.

Photo: Reuters/Darrin Zammit Lupi
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

Updated figures released on Tuesday show the terminal will cost more than planned, the board said.

Borg said she would meet residents on Friday.

AFP via Getty Images
^^^^^^^^^^^^^^^^^^^^ web-residue

Photograph: Jane Doe/Reuters
^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

Video
^^^^^ web-residue

Already a subscriber? Log in
^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

Email the author
^^^^^^^^^^^^^^^^ web-residue

@harbourboard
^^^^^^^^^^^^^ web-residue

https://example.com/harbour-board-terminal
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

Powered by WordPress
^^^^^^^^^^^^^^^^^^^^ web-residue

We use cookies to improve your experience.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue

",
        );
    }

    #[test]
    fn read_more_headings_and_the_lines_under_them() {
        assert_fixture(
            "web-residue",
            "Read more:
^^^^^^^^^^ web-residue

Harbour board approves new ferry terminal

VALLETTA, Malta — The harbour board on Tuesday approved plans for a new ferry terminal, ending a dispute.

Read more
^^^^^^^^^ web-residue

Residents' views
^^^^^^^^^^^^^^^^ web-residue

Residents said they would appeal the decision at the planning tribunal next month.

Print edition: page 4
^^^^^^^^^^^^^^^^^^^^^ web-residue

Already a member of the union, Borg joined the strike, she said.

Updated at dawn, the timetable was posted on the terminal door, the board said.

Follow the money, the auditors said.

",
        );
        let source = "Read more:\n\nHarbour board approves new ferry terminal\n\nVALLETTA, Malta — The harbour board on Tuesday approved plans for a new ferry terminal, ending a dispute.\n\nRead more\n\nResidents' views\n\nResidents said they would appeal the decision at the planning tribunal next month.\n";
        assert_eq!(
            apply_safe_fixes(source, "web-residue"),
            "Harbour board approves new ferry terminal\n\nVALLETTA, Malta — The harbour board on Tuesday approved plans for a new ferry terminal, ending a dispute.\n\nResidents' views\n\nResidents said they would appeal the decision at the planning tribunal next month.\n"
        );
        // Below the copy, one line under "Related" is a link.
        assert_fixture(
            "web-residue",
            "Talks resume

Negotiators from the three countries will meet in Brussels on Tuesday, officials said.

Related
^^^^^^^ web-residue

Norway cuts cod quota again
^^^^^^^^^^^^^^^^^^^^^^^^^^^ web-residue
",
        );
    }

    #[test]
    fn fix_deletes_the_line() {
        let source = "politicsUSA\n\nTalks set to resume next week, sources say\n\nNegotiators from three countries will meet in Brussels on Tuesday, officials said.\n\nBack to top button\n";
        assert_eq!(
            apply_safe_fixes(source, "web-residue"),
            "Talks set to resume next week, sources say\n\nNegotiators from three countries will meet in Brussels on Tuesday, officials said.\n"
        );
        let stacked = "Talks set to resume next week, sources say\n\nBy Maria Lopez\nPublished 25 May 2024, 06:00 BST\n\nNegotiators from three countries will meet in Brussels on Tuesday, officials said.\n";
        assert_eq!(
            apply_safe_fixes(stacked, "web-residue"),
            "Talks set to resume next week, sources say\n\nBy Maria Lopez\n\nNegotiators from three countries will meet in Brussels on Tuesday, officials said.\n"
        );
    }
    #[test]
    fn a_clean_draft_keeps_its_crossheads_and_odd_lines() {
        assert_fixture(
            "web-residue",
            "# Harbour board approves ferry terminal

VALLETTA, Malta — The harbour board on Tuesday approved plans for a new ferry terminal, ending a two-year dispute with residents.

## Residents' views

Residents said they would appeal the decision at the planning tribunal next month, their lawyer said.

Share prices fell.

The board said the terminal would open in 2027 and cost about as much as the old one did to run.
",
        );
    }

    #[test]
    fn a_storys_own_format_labels_are_no_page() {
        // A fact-check's or an explainer's labels are short capitalised lines like a menu's,
        // but nothing else about them is furniture.
        assert_fixture(
            "web-residue",
            "Claim

The county spent more on roads in 2024 than in any year before.

Verdict

Mostly true

The county's budget papers show road spending rose from one year to the next, though by less than the mayor said.

The county's finance office said the figures would be audited in the spring.
",
        );
    }

    #[test]
    fn an_extractors_lines_are_judged_one_by_one_and_reported_in_runs() {
        let lines = [
            "Harbour board approves new ferry terminal",
            "Published 12 March 2025, 09:14 GMT",
            "Share this article",
            "VALLETTA, Malta — The harbour board on Tuesday approved plans for a new ferry terminal, ending a two-year dispute with residents who feared more traffic on the waterfront road, the board said in a statement.",
            "Residents said they would appeal the decision at the planning tribunal next month, their lawyer told reporters outside the board's offices in the capital on Tuesday afternoon.",
            "Harbour board chairman Joe Borg, left, speaks to residents at the ferry terminal in Valletta, Malta, Tuesday, March 11, 2025.",
            "Photo: Jane Doe/Reuters",
            "The board said the new terminal would be built on reclaimed land and open in 2027, replacing the cramped building that has served the island ferries since the 1970s.",
            "Most Read",
            "Celebrity chef opens restaurant on the waterfront",
            "Ferry fares to rise in April",
            "Copyright © 2025 Harbour Times. All rights reserved.",
        ];
        // Extractors write a paragraph a line, with or without blank lines between.
        for separator in ["\n\n", "\n"] {
            let text = lines.join(separator) + "\n";
            let findings = crate::testing::findings_for_plain("web-residue", &text);
            let flagged: Vec<usize> = findings
                .iter()
                .map(|f| {
                    lines
                        .iter()
                        .position(|l| text[f.span.clone()] == **l)
                        .expect("a whole line")
                })
                .collect();
            // The headline and the story's paragraphs stay; the timestamp, the share
            // button, the credit, the "Most Read" box and the copyright line go. (The
            // caption at line 5 is the model's call: it is not asserted either way.)
            for line in [0, 3, 4, 7] {
                assert!(
                    !flagged.contains(&line),
                    "{separator:?}: line {line} is copy: {findings:#?}"
                );
            }
            for line in [1, 2, 6, 8, 9, 10, 11] {
                assert!(
                    flagged.contains(&line),
                    "{separator:?}: line {line} is furniture: {findings:#?}"
                );
            }
            // Runs: the two lines under the headline, and the footer, each reported as one.
            let group = |line: usize| {
                findings[flagged.iter().position(|&l| l == line).unwrap()]
                    .group
                    .clone()
            };
            assert!(group(1).is_some());
            assert_eq!(group(1), group(2));
            assert_eq!(group(8), group(11));
            assert_ne!(group(2), group(6));
        }
    }

    #[test]
    fn a_byline_under_the_headline_is_judged_on_its_own_line() {
        // An article extractor's output: the headline and the byline on adjacent lines of
        // one block. The byline's timestamp is furniture; the headline above it is not.
        let text = "Council votes to close the town's last public swimming pool\n\
                    By Jane Doe - 11/18/19 11:04 PM EST\n\
                    \n\
                    © Aaron Smith\n\
                    \n\
                    The town council voted 5-2 on Tuesday to close the pool at the end of the summer, the mayor said.\n\
                    \n\
                    Repairs to the pool's roof would cost more than the town spends on parks in a year, she said.\n";
        let findings = crate::testing::findings_for_plain("web-residue", text);
        let lines: Vec<usize> = findings
            .iter()
            .map(|f| text[..f.span.start].matches('\n').count())
            .collect();
        assert!(lines.contains(&1), "the byline is flagged: {findings:?}");
        assert!(!lines.contains(&0), "the headline is not: {findings:?}");
        for finding in &findings {
            assert!(
                !text[finding.span.clone()].contains("swimming pool"),
                "{finding:?}"
            );
        }
    }

    #[test]
    fn deleting_a_line_shaped_like_a_sentence_is_never_safe() {
        let text = "Harbour board approves new ferry terminal\n\nShare this article\n\nAdvertisement\n\nVALLETTA, Malta — The harbour board on Tuesday approved plans for a new ferry terminal, ending a two-year dispute with residents, the board said.\n\nShare prices fell.\n\nThe board said the new terminal would be built on reclaimed land and open in 2027, its chairman said.\n";
        for finding in crate::testing::findings_for("web-residue", text) {
            let flagged = &text[finding.span.clone()];
            if flagged.ends_with('.') {
                assert!(
                    finding
                        .fixes
                        .iter()
                        .all(|fix| fix.applicability != crate::Applicability::Safe),
                    "{flagged:?} would be deleted by --fix"
                );
            }
        }
    }
}

#[cfg(test)]
mod glued_timestamp_tests {
    #[test]
    fn a_timestamp_glued_before_a_caption_is_reported_alone() {
        let text = "Harbour pilots strike\n\n1:39 am EST, Wednesday, November 20, 2019 Harbour pilots walk past the ferry terminal in Valletta on Tuesday, when the strike began.\n\nHarbour pilots in Valletta walked off the job on Tuesday in a dispute over night-shift pay, the pilots' association said.\n";
        assert!(
            super::glued_timestamp_pattern().is_match("1:39 am EST, Wednesday, November 20, 2019 Harbour")
        );
        let findings = crate::testing::findings_for("web-residue", text);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let finding = &findings[0];
        assert_eq!(
            &text[finding.span.clone()],
            "1:39 am EST, Wednesday, November 20, 2019"
        );
        let edits = &finding.fixes[0].edits;
        let fixed = crate::fix::apply_edits(text, &edits.iter().map(|e| (*e).clone()).collect::<Vec<_>>());
        assert!(
            fixed.contains("\n\nHarbour pilots walk past the ferry terminal"),
            "{fixed}"
        );
    }
}
