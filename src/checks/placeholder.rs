//! # placeholder
//!
//! ## What it flags
//! Text left for filling in later: TK and TKTK ("to come"), XX for a missing figure
//! ("$XX million", "XX%", "20XX", "X,XXX"), question marks in place of a fact ("costs
//! $???", "said ???", and the editor's query "(?)"), bracketed placeholders ("[link]",
//! "[photo]", "[name]", "[TK]", "[insert quote]", "[source]") and instructions to place a
//! picture or an embed ("[Photo: Borg at the harbour]", "[Video: …]"), template fields
//! ("{{city}}"), capitalised instructions ("INSERT QUOTE HERE", "CHECK SPELLING"), queries
//! in parentheses ("42 (CHECK)", "(confirm)", "(CONFIRM FIGURE)") and lorem ipsum.
//!
//! ## Why it matters
//! A placeholder that reaches readers is one of the most visible mistakes a publication
//! can make, and one of the easiest to prevent: every TK is a fact the story does not yet
//! have. This rule is an error by default so that CI stops a draft that still has one.
//!
//! ## Example
//! ```text
//! The fund lost $XX million in the first quarter, TK said.
//! ```
//! Use instead: the figure and the name.
//!
//! Not placeholders: roman numerals ("Super Bowl XX", "Louis XV"), the bracketed
//! insertions of quoted speech ("[the ministry]", "[sic]", "[name withheld]"), a store
//! called "TK Maxx", a single question mark, question marks glued to a word for emphasis
//! ("What comes next???"), and an acronym in parentheses ("(ADD)", "(NEED)"), which only
//! a note after it makes an instruction ("(NEED QUOTE)").
//!
//! ## Fix
//! None: only the writer knows what goes there.
//!
//! ## Configuration
//! - `[rules] placeholder = "error"` (the default; or `warning`, `info`, `hint`, `off`)

use std::sync::OnceLock;

use regex::Regex;

use super::{Ctx, Findings, FixAvailability, Rule};
use crate::finding::{Finding, Severity};
use crate::text::TokenKind;
use crate::text::words::WordList;

const RULE: &str = "placeholder";

/// Compiles this rule's patterns, so that `story::warm_up` pays for them rather than
/// the first draft.
pub(crate) fn compile_patterns() {
    pattern();
}

/// The shapes a placeholder takes, in the order they are tried at one position.
fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        // Anchored: it is tried only where a token could start a placeholder.
        Regex::new(
            r"(?x)^(?:
              \[[^\[\]\n]{1,80}\]
            | \{\{[^{}\n]{1,40}\}\}
            | \?{2,}|\(\?\)
            | \((?:(?i:check|confirm|verify|tbc|tbd|tk)|(?:CHECK|CONFIRM|VERIFY|NEED|ADD|INSERT|FILL\ IN)(?:\ [A-Z][A-Z']+)+)\)
            | (?-u:\b)TK(?:[\ ]?TK)*(?-u:\b)
            | (?-u:\b)(?:\d+X{2,}|X{2,}(?:[,.:]X+)*|X(?:[,.:]X+)+|x{2,})(?-u:\b)
            | (?-u:\b)(?:INSERT|FILL\ IN|ADD|NEED|CHECK|CONFIRM|VERIFY)(?-u:\b)(?:\ [A-Z][A-Z']+(?-u:\b))*
            | (?i:(?-u:\b)lorem\s+ipsum(?-u:\b))
            )",
        )
        .expect("placeholder pattern compiles")
    })
}

/// First words of a bracketed placeholder ("[link]", "[insert quote here]").
static BRACKET_WORDS: WordList = WordList::new(&[
    "link", "links", "url", "hyperlink", "photo", "photos", "image", "images", "picture", "pic", "video",
    "graphic", "graphics", "chart", "map", "caption", "embed", "tweet", "quote", "name", "source", "sources",
    "date", "time", "number", "figure", "figures", "amount", "title", "headline", "insert", "add", "fill",
    "tk", "tktk", "tbd", "tbc", "xx", "xxx", "citation", "cite", "confirm", "check", "verify", "placeholder",
    "to", "details", "location", "city", "company", "age", "byline", "dateline", "stat", "stats", "sidebar",
    "needs", "need", "todo", "fixme", "first", "last",
]);

/// First words of a bracketed instruction to place something: "[Photo: …]".
static MEDIA_WORDS: WordList = WordList::new(&[
    "photo", "photos", "image", "images", "picture", "pic", "video", "graphic", "graphics", "chart", "map",
    "caption", "embed", "tweet", "link", "audio", "gallery", "infographic", "illustration", "table",
]);

/// Words that show a bracket is an editorial insertion in quoted speech, not a placeholder.
static INSERTION_WORDS: WordList = WordList::new(&[
    "withheld", "redacted", "deleted", "removed", "inaudible", "unintelligible", "laughter", "laughs",
    "applause", "crosstalk", "sic", "sighs", "pause", "translated", "translation", "emphasis",
]);

/// Capitalised words that are instructions only when a note follows them.
static LONE_INSTRUCTIONS_NEED_A_NOTE: WordList =
    WordList::new(&["add", "need", "check", "confirm", "verify"]);

/// Words after "[to" that make it a placeholder ("[to come]", "[to be confirmed]").
static TO_WORDS: WordList = WordList::new(&["come", "be", "follow", "add", "confirm", "check"]);

/// "[first name]" and "[last name]" are placeholders; "[first]" alone is not.
fn bracket_is_placeholder(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if words.iter().any(|w| INSERTION_WORDS.contains(w)) {
        return false;
    }
    // "[Photo: Borg at the harbour]", "[Video: the landing]": an instruction to place a
    // picture or an embed, with a note of what it shows.
    let labelled = inner
        .trim_start()
        .strip_prefix(first)
        .is_some_and(|rest| rest.trim_start().starts_with(':'));
    if labelled && MEDIA_WORDS.contains(first) {
        return true;
    }
    if words.len() > 5 || inner.len() > 40 {
        return false;
    }
    if !BRACKET_WORDS.contains(first) {
        return false;
    }
    match first.to_ascii_lowercase().as_str() {
        "to" => words.get(1).is_some_and(|w| TO_WORDS.contains(w)),
        "first" | "last" => words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("name")),
        // "[Name]" is a placeholder; "[name of the company]" or "[quote marks]" could be an
        // insertion, so a longer bracket must read as an instruction.
        "add" | "insert" | "fill" | "check" | "confirm" | "verify" | "need" | "needs" | "tk" | "tktk"
        | "xx" | "xxx" | "tbd" | "tbc" | "todo" | "fixme" | "placeholder" => true,
        _ => words.len() <= 2 || words.last().is_some_and(|w| w.eq_ignore_ascii_case("here")),
    }
}

/// The capitalised word just before `start` on the same line, if any.
fn previous_word(copy: &str, start: usize) -> Option<&str> {
    let before = copy[..start].strip_suffix(' ')?;
    let word_start = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    (!word.is_empty()).then_some(word)
}

fn next_word(copy: &str, end: usize) -> Option<&str> {
    let after = copy[end..].strip_prefix(' ')?;
    let word_end = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
    let word = &after[..word_end];
    (!word.is_empty()).then_some(word)
}

fn is_capitalised_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

fn is_all_caps_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Whether a token can start a placeholder: a cheap test that spares the pattern most
/// tokens of copy.
fn may_start(kind: TokenKind, text: &str) -> bool {
    let bytes = text.as_bytes();
    match kind {
        TokenKind::Punct => matches!(text, "[" | "{" | "?" | "("),
        TokenKind::Word => match bytes[0] {
            b'T' => bytes.starts_with(b"TK"),
            b'X' | b'x' => bytes.iter().all(|&b| b == bytes[0]),
            b'I' => text == "INSERT",
            b'F' => text == "FILL",
            b'A' => text == "ADD",
            b'N' => text == "NEED",
            b'C' => text == "CHECK" || text == "CONFIRM",
            b'V' => text == "VERIFY",
            b'l' | b'L' => text.eq_ignore_ascii_case("lorem"),
            _ => false,
        },
        TokenKind::AlphaNum => bytes[0].is_ascii_digit() && bytes.ends_with(b"XX"),
        _ => false,
    }
}

/// The `placeholder` rule.
pub struct Placeholder;

impl Rule for Placeholder {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A placeholder left in the copy: TK, XX, ???, [link], lorem ipsum."
    }

    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Never
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        let pattern = pattern();
        let draft = &ctx.drafts[draft_index];
        let parsed = &draft.parsed;
        let mut covered_to = 0;
        for block in &parsed.blocks {
            for index in block.tokens.clone() {
                let token = parsed.tokens[index];
                let first = parsed.copy.as_bytes()[token.start];
                let possible = matches!(
                    first,
                    b'[' | b'{'
                        | b'?'
                        | b'('
                        | b'T'
                        | b'X'
                        | b'x'
                        | b'I'
                        | b'F'
                        | b'A'
                        | b'N'
                        | b'C'
                        | b'V'
                        | b'l'
                        | b'L'
                        | b'0'..=b'9'
                );
                if !possible || token.start < covered_to || !may_start(token.kind, token.text(&parsed.copy)) {
                    continue;
                }
                let Some(found_match) = pattern.find(&parsed.copy[token.start..block.span.end]) else {
                    continue;
                };
                let (start, end) = (token.start, token.start + found_match.end());
                covered_to = end;
                let found = &parsed.copy[start..end];
                // Which shape matched, from its first characters (no capture groups: a
                // plain search is several times faster).
                let what = if found.starts_with('[') {
                    if !bracket_is_placeholder(&found[1..found.len() - 1]) {
                        continue;
                    }
                    "a bracketed placeholder"
                } else if found.starts_with("{{") {
                    "a template field"
                } else if found.starts_with('?') {
                    // "costs $???", "said ???": marks in place of a fact. Glued to a word
                    // ("What comes next???") they are emphasis.
                    let previous = parsed.copy[..start].chars().next_back();
                    if previous.is_some_and(|c| {
                        c.is_alphanumeric()
                            || matches!(c, '!' | '.' | ',' | ';' | ')' | '"' | '”' | '’' | '\'')
                    }) {
                        continue;
                    }
                    "an editor's query"
                } else if found.starts_with("(?") {
                    "an editor's query"
                } else if found.starts_with('(') {
                    "an instruction to the writer"
                } else if found.starts_with("TK") {
                    // "TK Maxx" is a shop; an ALL-CAPS line is a headline, not a note.
                    let next = next_word(&parsed.copy, end);
                    if next.is_some_and(|w| is_capitalised_word(w) || is_all_caps_word(w))
                        || previous_word(&parsed.copy, start).is_some_and(is_all_caps_word)
                    {
                        continue;
                    }
                    "a TK (to come)"
                } else if found.len() >= 5 && found[..5].eq_ignore_ascii_case("lorem") {
                    "filler text"
                } else if found.starts_with(|c: char| c.is_ascii_uppercase() && c != 'X') {
                    let words = found.split(' ').count();
                    let first = found.split(' ').next().unwrap_or("");
                    if words == 1 && LONE_INSTRUCTIONS_NEED_A_NOTE.contains(first) {
                        continue;
                    }
                    // Inside a line written in capitals (a headline, a dateline) it is copy.
                    if previous_word(&parsed.copy, start).is_some_and(is_all_caps_word) {
                        continue;
                    }
                    if words > 1 && first != "INSERT" && first != "FILL" {
                        // "CHECK SPELLING", "NEED QUOTE": the note must be ordinary words, not
                        // an acronym ("ADD NATO").
                        let note_is_words = found.split(' ').skip(1).all(|w| {
                            crate::text::lexicon::is_common_word(w.trim_end_matches(['\'', 'S']))
                                || crate::text::lexicon::is_common_word(w)
                        });
                        if !note_is_words {
                            continue;
                        }
                    }
                    "an instruction to the writer"
                } else {
                    // Roman numerals follow a name: "Super Bowl XX", "Pius XX".
                    let roman = found.chars().all(|c| c == 'X') && found.len() <= 3;
                    if roman && previous_word(&parsed.copy, start).is_some_and(is_capitalised_word) {
                        continue;
                    }
                    "a missing figure"
                };
                let shown = crate::text::one_line(found);
                out.push(Finding::new(
                    RULE,
                    draft_index,
                    start..end,
                    format!("‘{shown}’ is {what} left in the copy: fill it in before publication."),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::assert_fixture;

    #[test]
    fn flags_placeholders() {
        assert_fixture(
            "placeholder",
            "Fund headline here

The fund lost $XX million in the first quarter, TK said.
               ^^ placeholder
                                                ^^ placeholder

Shares fell XX% to X,XXX points by 20XX, according to [source].
            ^^ placeholder
                   ^^^^^ placeholder
                                   ^^^^ placeholder
                                                      ^^^^^^^^ placeholder

The minister (?) said the plan was ??? and TKTK. See [link] and [photo].
             ^^^ placeholder
                                   ^^^ placeholder
                                           ^^^^ placeholder
                                                     ^^^^^^ placeholder
                                                                ^^^^^^^ placeholder

INSERT QUOTE HERE. Lorem ipsum dolor sit amet. Dear {{first_name}}, [Insert name here].
^^^^^^^^^^^^^^^^^ placeholder
                   ^^^^^^^^^^^ placeholder
                                                    ^^^^^^^^^^^^^^ placeholder
                                                                    ^^^^^^^^^^^^^^^^^^ placeholder

The council will CHECK SPELLING later and [to come].
                 ^^^^^^^^^^^^^^ placeholder
                                          ^^^^^^^^^ placeholder
",
        );
    }

    #[test]
    fn picture_instructions_queries_and_marks_in_place_of_a_fact() {
        assert_fixture(
            "placeholder",
            "Ferry headline

[Photo: Borg at the harbour] The board approved 42 (CHECK) new berths, and [Video: the first ferry arriving at the new terminal at dawn].
^^^^^^^^^^^^^^^^^^^^^^^^^^^^ placeholder
                                                   ^^^^^^^ placeholder
                                                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ placeholder

The terminal costs $??? and will open in (check) spring, Borg said ???.
                    ^^^ placeholder
                                         ^^^^^^^ placeholder
                                                                   ^^^ placeholder

Fares rise by 5% (CONFIRM FIGURE), the operator said.
                 ^^^^^^^^^^^^^^^^ placeholder

",
        );
    }

    #[test]
    fn emphasis_and_acronyms_in_parentheses_are_not_placeholders() {
        assert_fixture(
            "placeholder",
            "Ferry headline

“What comes next??? Borg asked. Who knows?!” she said. Is it over??

The disorder (ADD) was diagnosed, and the board (NEED) met. She paid by check.

“They [the photographers] waited,” she said. “He [Borg] left.”

",
        );
    }

    #[test]
    fn look_alikes_are_not_placeholders() {
        assert_fixture(
            "placeholder",
            "TK MAXX SALES CHECK OUT

Super Bowl XX was held in 1986, and Louis XV commissioned the snuffboxes.

“He [the minister] knew,” she said. “They [sic] paid. The [name withheld] worker left.”

Shoppers at TK Maxx on Main Street asked why? The XXL shirts sold out.

The ADD diagnosis was confirmed, the NEED program said. CHECK the box, officials said.

Officials said it would confirm the figures. Is it over? Yes.
",
        );
    }
}
