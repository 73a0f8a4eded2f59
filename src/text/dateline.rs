//! The dateline: the place a story was filed from, at the start of its first paragraph
//! ("DUBLIN, Ireland — Bus and tram services …", "TORONTO (AP) — …").
//!
//! The dateline is found in the first paragraph of body copy (after the headline, a deck
//! and a byline). A place written in capitals followed by a separator is a dateline in any
//! form ("DUBLIN - …", "DUBLIN Ireland — …"); a place in ordinary case is taken for one
//! only when it has the dateline's shape: a region after a comma and a dash ("Dublin,
//! Ireland – …"), or a wire credit ("Dublin (AP) — …"). Anything else is not a dateline,
//! so an ordinary first sentence is never read as one.

use std::ops::Range;

use super::{BlockKind, ParsedDraft};

/// A dateline and its parts, as byte ranges of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The block the dateline opens.
    pub block: usize,
    /// From the place's first letter to the first letter of the copy after the separator.
    pub span: Range<usize>,
    /// The place ("DUBLIN", "NEW YORK").
    pub place: Range<usize>,
    /// The country, state or province after the place ("Ireland", "Ont."), if any.
    pub region: Option<Range<usize>>,
    /// Whether a comma separates the place from the region.
    pub region_comma: bool,
    /// A date after the place, as wires write it ("May 28"), if any.
    pub date: Option<Range<usize>>,
    /// A wire credit in parentheses ("(AP)"), if any.
    pub credit: Option<Range<usize>>,
    /// The separator mark ("—", "-", "–", "--" or ":").
    pub separator: Range<usize>,
    /// White space before and after the separator mark.
    pub space_before_separator: bool,
    pub space_after_separator: bool,
    /// Emphasis marks sit inside the dateline (`**DUBLIN** —`).
    pub emphasis: bool,
}

/// The longest dateline looked for, in words of place and region together.
const MOST_WORDS: usize = 6;

/// Finds the dateline of a draft, if it has one.
pub fn find_dateline(draft: &ParsedDraft<'_>) -> Option<Dateline> {
    let mut skipped = 0;
    for (index, block) in draft.blocks.iter().enumerate() {
        match block.kind {
            BlockKind::Heading | BlockKind::Separator => continue,
            BlockKind::ListItem | BlockKind::BlockQuote => return None,
            BlockKind::Paragraph => {}
        }
        let text = &draft.copy[block.span.clone()];
        if let Some(dateline) = parse(text, block.span.start, index) {
            return Some(dateline);
        }
        // A byline, a deck or a kicker may come before the first paragraph of copy.
        let words = text.split_whitespace().count();
        let ends_sentence = text.trim_end().ends_with(['.', '!', '?', '"', '”']);
        let byline = text.starts_with("By ") && words <= 10;
        if (byline || (!ends_sentence && words <= 25)) && skipped < 3 {
            skipped += 1;
            continue;
        }
        return None;
    }
    None
}

fn is_dash(text: &str) -> bool {
    matches!(text, "—" | "–" | "-" | "--" | "―" | "−")
}

/// Splits `text` into words and marks: a word is a run of letters, digits, periods,
/// apostrophes and hyphens; a mark is any other single character (or `--`).
fn next_piece(text: &str, from: usize) -> Option<(usize, usize, bool)> {
    let rest = &text[from..];
    let offset = rest.find(|c: char| !c.is_whitespace())?;
    let start = from + offset;
    let first = text[start..].chars().next()?;
    if first.is_alphanumeric() {
        // Letters, digits, periods and apostrophes; a hyphen only between two letters or
        // digits, so "DUBLIN-" and "Republic--A" end before their separator.
        let mut end = start;
        let mut characters = text[start..].char_indices().peekable();
        while let Some((offset, character)) = characters.next() {
            let joins = match character {
                '-' => {
                    let previous = text[..start + offset].chars().next_back();
                    let next = characters.peek().map(|(_, c)| *c);
                    previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)
                }
                c => c.is_alphanumeric() || matches!(c, '.' | '\'' | '’'),
            };
            if !joins {
                break;
            }
            end = start + offset + character.len_utf8();
        }
        return Some((start, end, true));
    }
    if text[start..].starts_with("--") {
        return Some((start, start + 2, false));
    }
    Some((start, start + first.len_utf8(), false))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// Lower-case words that may sit inside a place name ("Rio de Janeiro").
fn is_place_particle(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "de" | "del"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "la"
            | "le"
            | "les"
            | "el"
            | "of"
            | "on"
            | "upon"
            | "am"
            | "an"
            | "der"
            | "di"
            | "sur"
            | "en"
    )
}

fn is_month(word: &str) -> bool {
    super::calendar::is_month(word.trim_end_matches('.'))
}

/// A day of the month in figures: "1" to "31".
fn is_day(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 2
        && word.bytes().all(|b| b.is_ascii_digit())
        && (1..=31).contains(&word.parse::<u32>().unwrap_or(0))
}

/// A year in figures: "2025".
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// Labels that head a story or its first paragraph and are not places: "BREAKING:",
/// "UPDATE —", "EXCLUSIVE:".
fn is_kicker_word(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "breaking"
            | "news"
            | "update"
            | "updated"
            | "updates"
            | "exclusive"
            | "watch"
            | "live"
            | "analysis"
            | "opinion"
            | "editorial"
            | "comment"
            | "correction"
            | "clarification"
            | "alert"
            | "urgent"
            | "flash"
            | "developing"
            | "explainer"
            | "review"
            | "video"
            | "photos"
            | "podcast"
            | "factcheck"
            | "fact"
            | "check"
            | "sponsored"
            | "advertisement"
            | "note"
            | "editor's"
            | "editor’s"
    )
}

/// A kicker in place of a place: every word a label ("BREAKING NEWS"), or before a colon
/// a single ordinary English word that is not also a place's name ("WATCH:", but
/// "READING:" is the town).
fn is_kicker(place: &str, colon: bool) -> bool {
    let words: Vec<&str> = place.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return false;
    }
    if words.iter().all(|w| is_kicker_word(w)) {
        return true;
    }
    if colon && words.len() == 1 {
        let mut title = String::with_capacity(place.len());
        for (index, c) in place.chars().enumerate() {
            if index == 0 {
                title.extend(c.to_uppercase());
            } else {
                title.extend(c.to_lowercase());
            }
        }
        return super::lexicon::is_common_word(place) && !super::lexicon::is_proper_noun(&title);
    }
    false
}

/// A letter's salutation in place of a place: "DEAR ABBY:", "Dear Annie —". An advice
/// column opens each letter with one, in capitals and before a colon, like a dateline.
fn is_salutation(place: &str) -> bool {
    place
        .split(' ')
        .next()
        .is_some_and(|word| super::lexicon::class::LETTER_SALUTATIONS.contains(word))
}

/// Skips emphasis marks (`**DUBLIN**`) at `cursor`; returns the new cursor and whether
/// any were skipped.
fn skip_emphasis(text: &str, cursor: usize) -> (usize, bool) {
    let rest = &text[cursor..];
    let trimmed = rest.trim_start_matches(['*', '_']);
    (cursor + rest.len() - trimmed.len(), trimmed.len() != rest.len())
}

/// Reads capitalised words (and place particles) from `cursor`, separated by single
/// spaces: a place or a region. `capitals` asks for words in capitals only.
fn read_words(text: &str, mut cursor: usize, capitals: bool, words: &mut usize) -> Option<Range<usize>> {
    let mut found: Option<Range<usize>> = None;
    while let Some((start, end, true)) = next_piece(text, cursor) {
        let word = &text[start..end];
        let spaced = found.is_none() || text[cursor..start].chars().all(|c| c == ' ');
        let fits = if capitals {
            is_all_caps(word)
        } else {
            is_capitalised(word) || (found.is_some() && is_place_particle(word))
        };
        if !fits || !spaced || *words >= MOST_WORDS || word.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        *words += 1;
        found = Some(found.map_or(start, |f| f.start)..end);
        cursor = end;
    }
    found
}

/// Parses a dateline at the start of `text`, whose first byte is at `base` in the draft.
fn parse(text: &str, base: usize, block: usize) -> Option<Dateline> {
    let (cursor, mut emphasis) = skip_emphasis(text, 0);
    let (first_start, first_end, first_is_word) = next_piece(text, cursor)?;
    if first_start != cursor || !first_is_word || !is_capitalised(&text[first_start..first_end]) {
        return None;
    }
    let first_word = &text[first_start..first_end];
    let capitals = is_all_caps(first_word) && first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let mut words = 0;
    let place = read_words(text, first_start, capitals, &mut words)?;
    if is_salutation(&text[place.clone()]) {
        return None;
    }
    let (mut cursor, marked) = skip_emphasis(text, place.end);
    emphasis |= marked;
    let mut region: Option<Range<usize>> = None;
    let mut region_comma = false;
    let mut date: Option<Range<usize>> = None;
    // "DUBLIN Ireland —": a region with no comma, after a place in capitals.
    if capitals
        && text[cursor..].starts_with(' ')
        && let Some(found) = read_words(text, cursor, false, &mut words)
    {
        cursor = found.end;
        region = Some(found);
    }
    // ", Ireland", ", N.Y.", ", May 28": a region or a date after a comma.
    for _ in 0..2 {
        let Some((start, end, false)) = next_piece(text, cursor) else {
            break;
        };
        if &text[start..end] != "," {
            break;
        }
        let Some((word_start, word_end, true)) = next_piece(text, end) else {
            return None;
        };
        if is_month(&text[word_start..word_end]) {
            // "May 28" or "May 28, 2024": a date, as wires write it.
            let (day_start, day_end, is_word) = next_piece(text, word_end)?;
            if !is_word || !is_day(&text[day_start..day_end]) || date.is_some() {
                return None;
            }
            date = Some(word_start..day_end);
            cursor = day_end;
            continue;
        }
        if is_day(&text[word_start..word_end]) {
            // "18 September" or "18 September 2025": the day first, as British and Irish
            // papers and some wires write it.
            let (month_start, month_end, is_word) = next_piece(text, word_end)?;
            if !is_word || !is_month(&text[month_start..month_end]) || date.is_some() {
                return None;
            }
            let mut end = month_end;
            if let Some((year_start, year_end, true)) = next_piece(text, month_end)
                && text[month_end..year_start].chars().all(|c| c == ' ')
                && is_year(&text[year_start..year_end])
            {
                end = year_end;
            }
            date = Some(word_start..end);
            cursor = end;
            continue;
        }
        if region.is_some() || date.is_some() {
            return None;
        }
        let found = read_words(text, end, false, &mut words)?;
        cursor = found.end;
        region = Some(found);
        region_comma = true;
        let (after, marked) = skip_emphasis(text, cursor);
        emphasis |= marked;
        cursor = after;
    }
    // A wire credit.
    let mut credit = None;
    if let Some((start, end, false)) = next_piece(text, cursor)
        && &text[start..end] == "("
    {
        let close = text[end..].find(')')? + end;
        let inner = &text[end..close];
        if inner.is_empty() || inner.split_whitespace().count() > 3 || inner.contains(['\n', ',']) {
            return None;
        }
        credit = Some(start..close + 1);
        cursor = close + 1;
    }
    // The separator.
    let (separator_start, separator_end, is_word) = next_piece(text, cursor)?;
    let separator = &text[separator_start..separator_end];
    if is_word || !(is_dash(separator) || separator == ":") {
        return None;
    }
    let space_before_separator = separator_start > cursor;
    let (copy_start, _, _) = next_piece(text, separator_end)?;
    let space_after_separator = copy_start > separator_end;
    // An ordinary-case place is a dateline only in the dateline's shape.
    if !capitals {
        let shaped = (region_comma && is_dash(separator)) || credit.is_some();
        if !shaped {
            return None;
        }
    }
    // "WASHINGTON: A bill …" is a dateline; "Q: What …" or "NOTE: …" is not worth one.
    if separator == ":" && place.len() < 3 {
        return None;
    }
    // "BREAKING: Bus and tram …", "UPDATE — …": a kicker, not a place. A region, a date
    // or a wire credit after it makes it a place ("LIVE OAK, Fla. —").
    if region.is_none()
        && date.is_none()
        && credit.is_none()
        && is_kicker(&text[place.clone()], separator == ":")
    {
        return None;
    }
    let shift = |r: Range<usize>| base + r.start..base + r.end;
    Some(Dateline {
        block,
        span: base + first_start..base + copy_start,
        place: shift(place),
        region: region.map(shift),
        region_comma,
        date: date.map(shift),
        credit: credit.map(shift),
        separator: base + separator_start..base + separator_end,
        space_before_separator,
        space_after_separator,
        emphasis,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    fn dateline_of(text: &str) -> Option<(String, Option<String>, String)> {
        let draft = ParsedDraft::parse(text, DraftFormat::Markdown);
        find_dateline(&draft).map(|d| {
            (
                draft.source[d.place.clone()].to_string(),
                d.region.map(|r| draft.source[r].to_string()),
                draft.source[d.separator].to_string(),
            )
        })
    }

    #[test]
    fn finds_house_and_wire_datelines() {
        let some = |place: &str, region: Option<&str>, separator: &str| {
            Some((
                place.to_string(),
                region.map(str::to_string),
                separator.to_string(),
            ))
        };
        assert_eq!(
            dateline_of("# Headline\n\nDUBLIN, Ireland — Bus and tram services stopped.\n"),
            some("DUBLIN", Some("Ireland"), "—")
        );
        assert_eq!(
            dateline_of("Headline here\n\nBy Staff Reporter\n\nNEW YORK (AP) -- Stocks fell.\n"),
            some("NEW YORK", None, "--")
        );
        assert_eq!(
            dateline_of("Headline\n\nDublin, Ireland - Bus services stopped.\n"),
            some("Dublin", Some("Ireland"), "-")
        );
        assert_eq!(
            dateline_of("Headline\n\nRIO DE JANEIRO Brazil—Rain fell.\n"),
            some("RIO DE JANEIRO", Some("Brazil"), "—")
        );
        assert_eq!(
            dateline_of("Headline\n\nST. JOHN'S, N.L. — Fog.\n"),
            some("ST. JOHN'S", Some("N.L."), "—")
        );
        assert_eq!(
            dateline_of("Headline\n\nLONDON, May 28 (Reuters) - Oil rose.\n"),
            some("LONDON", None, "-")
        );
        assert_eq!(
            dateline_of("# Headline\n\n**DUBLIN** — Two goals.\n"),
            some("DUBLIN", None, "—")
        );
        // The day before the month, as British and Irish papers write it.
        assert_eq!(
            dateline_of("# Headline\n\nDUBLIN, 18 September — The regulator said.\n"),
            some("DUBLIN", None, "—")
        );
        assert_eq!(
            dateline_of("Headline\n\nCORK, Ireland, 3 March 2025 - The port closed.\n"),
            some("CORK", Some("Ireland"), "-")
        );
        // A place that is also a word, with a region, a credit or a dash.
        assert_eq!(
            dateline_of("Headline\n\nREADING: Police closed the road.\n"),
            some("READING", None, ":")
        );
        assert_eq!(
            dateline_of("Headline\n\nLIVE OAK, Fla. — A storm hit.\n"),
            some("LIVE OAK", Some("Fla."), "—")
        );
    }

    #[test]
    fn the_dates_of_datelines() {
        let date = |text: &str| {
            let draft = ParsedDraft::parse(text, DraftFormat::Markdown);
            find_dateline(&draft).and_then(|d| d.date.map(|r| draft.source[r].to_string()))
        };
        assert_eq!(
            date("Headline\n\nDUBLIN, 18 September — The regulator said.\n").as_deref(),
            Some("18 September")
        );
        assert_eq!(
            date("Headline\n\nDUBLIN, 18 Sept. 2025 — The regulator said.\n").as_deref(),
            Some("18 Sept. 2025")
        );
        assert_eq!(
            date("Headline\n\nLONDON, May 28 (Reuters) - Oil rose.\n").as_deref(),
            Some("May 28")
        );
        assert_eq!(date("Headline\n\nDUBLIN, 40 September — Rain.\n"), None);
    }

    #[test]
    fn ordinary_first_sentences_are_not_datelines() {
        assert_eq!(
            dateline_of("Headline\n\nPolice — and firefighters — came.\n"),
            None
        );
        assert_eq!(
            dateline_of("Headline\n\nDublin, the capital, is quiet today.\n"),
            None
        );
        assert_eq!(
            dateline_of("Headline\n\nThe union said pay talks had failed.\n"),
            None
        );
        assert_eq!(
            dateline_of("Headline\n\nIn London, May was wet - and cold.\n"),
            None
        );
        // Kickers and labels are not places.
        for kicker in [
            "BREAKING: Bus and tram services stopped.",
            "BREAKING NEWS — Bus and tram services stopped.",
            "UPDATE - The ministry has now responded.",
            "EXCLUSIVE: The minister kept a second account.",
            "WATCH: The moment the bridge fell.",
            "ANALYSIS — Why the talks failed.",
        ] {
            assert_eq!(dateline_of(&format!("Headline\n\n{kicker}\n")), None, "{kicker}");
        }
        // A letter's salutation in an advice column is not a place.
        for salutation in [
            "DEAR ABBY: My husband bought plane tickets for himself alone.",
            "DEAR READERS — Thank you for your letters.",
            "Dear Annie: My sister never calls.",
        ] {
            assert_eq!(
                dateline_of(&format!("Headline\n\n{salutation}\n")),
                None,
                "{salutation}"
            );
        }
        assert!(dateline_of("Headline\n\nDEARBORN, Mich. — Rain fell.\n").is_some());
    }
}
