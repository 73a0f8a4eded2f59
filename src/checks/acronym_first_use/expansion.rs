//! Where a draft spells an acronym out: a name whose capitalised words give its letters in
//! order ("National Transport Workers' Union" for NTWU), a phrase in ordinary case whose
//! words do ("private equity" for PE, "frames per second" for FPS), and a gloss in
//! brackets right after the letters ("DACA (Deferred Action for Childhood Arrivals)").

use std::ops::Range;

use crate::text::lexicon::class::FUNCTION_WORDS;
use crate::text::words::WordList;
use crate::text::{BlockKind, ParsedDraft, TokenKind};

/// Small words a name may include without giving a letter ("Bank of England", "Customs
/// and Border Protection").
static SMALL_WORDS: WordList = WordList::new(&[
    "of", "and", "for", "the", "on", "in", "de", "du", "des", "la", "le", "y", "et", "to", "da", "do", "di",
    "van", "von", "der", "del", "at", "a", "an", "&",
]);

/// A place where the draft spells the letters out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// Byte range of the words that spell the letters.
    pub span: Range<usize>,
    /// Index of the first of those words.
    pub first_token: usize,
    /// The words are a name in capitals ("Customs and Border Protection"), not a phrase in
    /// ordinary case ("private equity").
    pub capitalised: bool,
    /// The name stands alone: no capitalised word runs on before or after it, so it is
    /// not a chance fit inside a longer name ("Carlyle Private Equity Partners").
    pub whole: bool,
    /// The words sit in a block set in title case (a subhead, a related link: "How To Buy
    /// Stocks In India"), where capitalised words fit letters by chance.
    pub in_title_case: bool,
}

/// A block of four words or more, most of them capitalised: a title, not prose.
fn is_title_case(parsed: &ParsedDraft<'_>, tokens: &Range<usize>) -> bool {
    let words: Vec<&str> = tokens
        .clone()
        .filter(|&i| parsed.tokens[i].kind == TokenKind::Word)
        .map(|i| parsed.token_text(i))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    words.len() >= 4 && capitalised * 10 > words.len() * 7
}

/// How one word can contribute letters: its initial, or the initials of its hyphenated
/// parts ("Anti-Corruption" gives "A" or "AC"). In a name only capitalised words give
/// letters; in a phrase any word does.
fn initials(word: &str, any_case: bool) -> Option<Vec<String>> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if !first.is_alphabetic() || (!any_case && !first.is_uppercase()) {
        return None;
    }
    let fold_initial = |c: char| {
        if c.is_ascii() {
            c.to_ascii_uppercase().to_string()
        } else {
            crate::text::fold::fold(&c.to_string()).to_uppercase()
        }
    };
    let mut options = vec![fold_initial(first)];
    let parts: Vec<&str> = word.split(['-', '‐']).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1
        && parts
            .iter()
            .all(|p| p.chars().next().is_some_and(|c| any_case || c.is_uppercase()))
    {
        options.push(
            parts
                .iter()
                .filter_map(|p| p.chars().next())
                .map(fold_initial)
                .collect(),
        );
    }
    Some(options)
}

/// Whether the words from `index` spell `letters` (from `position` on); returns the index
/// after the last word used.
fn spells(
    parsed: &ParsedDraft<'_>,
    end: usize,
    index: usize,
    letters: &[u8],
    position: usize,
    any_case: bool,
    budget: &mut usize,
) -> Option<usize> {
    if position == letters.len() {
        return Some(index);
    }
    if index >= end || *budget == 0 {
        return None;
    }
    *budget -= 1;
    let token = parsed.tokens[index];
    let text = token.text(&parsed.copy);
    let next = |position: usize, budget: &mut usize| {
        spells(parsed, end, index + 1, letters, position, any_case, budget)
    };
    match token.kind {
        TokenKind::Punct if matches!(text, "'" | "’") => next(position, budget),
        TokenKind::Symbol | TokenKind::Punct if text == "&" => next(position, budget),
        TokenKind::Word => {
            let word = crate::text::names::strip_possessive(text);
            let small = SMALL_WORDS.contains(text) && text.starts_with(|c: char| c.is_lowercase());
            if small {
                // A small word may give its letter ("Department of Justice", DOJ) or not,
                // but not the last one: "solid basis in" does not spell SBI.
                if position > 0 && position + 1 < letters.len() {
                    let initial = text.as_bytes()[0].to_ascii_uppercase();
                    if letters[position] == initial
                        && let Some(after) = next(position + 1, budget)
                    {
                        return Some(after);
                    }
                }
                if position > 0 {
                    return next(position, budget);
                }
                return None;
            }
            if any_case && FUNCTION_WORDS.contains(word) {
                return None;
            }
            let options = initials(word, any_case)?;
            for option in options {
                let bytes = option.as_bytes();
                if letters[position..].starts_with(bytes)
                    && let Some(after) = next(position + bytes.len(), budget)
                {
                    return Some(after);
                }
            }
            None
        }
        _ => None,
    }
}

/// A capitalised word of a name (not a word in capitals, which is an acronym).
fn is_capitalised_word(parsed: &ParsedDraft<'_>, index: usize) -> bool {
    let token = parsed.tokens[index];
    let text = token.text(&parsed.copy);
    token.kind == TokenKind::Word
        && text.starts_with(|c: char| c.is_uppercase())
        && text.chars().any(char::is_lowercase)
}

/// The words that may open an expansion, filed by their folded initial in capitals, so
/// that looking for one acronym's expansions visits only the words that open with its
/// first letter (not every word of the draft once per acronym), within a draft-wide work
/// budget: a draft of thousands of distinct acronyms (random text) stays linear.
pub struct Openers {
    by_initial: rustc_hash::FxHashMap<String, Vec<(usize, usize)>>,
    /// Words still to try as the first of an expansion, for the whole draft.
    budget: std::cell::Cell<usize>,
}

/// Words tried as the first of an expansion per draft: this many, plus
/// `OPENER_BUDGET_PER_TOKEN` for each token (a real draft uses a few per acronym).
const OPENER_BUDGET_BASE: usize = 100_000;
const OPENER_BUDGET_PER_TOKEN: usize = 8;

impl Openers {
    pub fn new(parsed: &ParsedDraft<'_>) -> Self {
        let mut by_initial: rustc_hash::FxHashMap<String, Vec<(usize, usize)>> = Default::default();
        for (block_index, block) in parsed.blocks.iter().enumerate() {
            if block.kind == BlockKind::Heading || block.kind == BlockKind::Separator {
                continue;
            }
            for index in block.tokens.clone() {
                let token = parsed.tokens[index];
                if token.kind != TokenKind::Word {
                    continue;
                }
                let text = token.text(&parsed.copy);
                let Some(initial) = text.chars().next() else {
                    continue;
                };
                // A word in capitals is the acronym, not its name.
                let in_capitals = text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
                    && text.chars().count() > 1;
                if in_capitals {
                    continue;
                }
                let folded = if initial.is_ascii() {
                    initial.to_ascii_uppercase().to_string()
                } else {
                    crate::text::fold::fold(&initial.to_string()).to_uppercase()
                };
                by_initial.entry(folded).or_default().push((index, block_index));
            }
        }
        Openers {
            by_initial,
            budget: std::cell::Cell::new(OPENER_BUDGET_BASE + OPENER_BUDGET_PER_TOKEN * parsed.tokens.len()),
        }
    }
}

/// Every place the draft spells `letters` out, in order: names in capitals and phrases
/// in ordinary case of at least two words, outside headings. Past the draft's work budget
/// (see `Openers`) the search stops, and what it found so far is all it finds.
pub fn find_expansions(parsed: &ParsedDraft<'_>, openers: &Openers, letters: &str) -> Vec<Expansion> {
    let mut found = Vec::new();
    let bytes = letters.as_bytes();
    let Some(first_letter) = letters.chars().next() else {
        return found;
    };
    let Some(candidates) = openers.by_initial.get(&first_letter.to_string()) else {
        return found;
    };
    // Words inside an expansion found are not the first of another.
    let mut next_free = 0;
    for &(index, block_index) in candidates {
        if index < next_free {
            continue;
        }
        let left = openers.budget.get();
        if left == 0 {
            break;
        }
        openers.budget.set(left - 1);
        let block = &parsed.blocks[block_index];
        let token = parsed.tokens[index];
        let text = token.text(&parsed.copy);
        let capitalised = text.chars().next().is_some_and(char::is_uppercase);
        let mut matched = None;
        for any_case in [false, true] {
            let mut budget = 64;
            if let Some(after) = spells(parsed, block.tokens.end, index, bytes, 0, any_case, &mut budget) {
                // More than one word, so "Nato" is not NATO's expansion.
                let words = (index..after)
                    .filter(|&i| parsed.tokens[i].kind == TokenKind::Word)
                    .count();
                if words >= 2 {
                    matched = Some((after, !any_case));
                    break;
                }
            }
        }
        let Some((after, in_name_case)) = matched else {
            continue;
        };
        let capitalised = capitalised && in_name_case;
        let runs_on_before = index > block.tokens.start
            && is_capitalised_word(parsed, index - 1)
            && parsed.sentence_of_token(index - 1) == parsed.sentence_of_token(index)
            && parsed.sentences[parsed.sentence_of_token(index).unwrap_or(0)]
                .tokens
                .start
                != index - 1;
        let runs_on_after = after < block.tokens.end && is_capitalised_word(parsed, after);
        found.push(Expansion {
            span: token.start..parsed.tokens[after - 1].end,
            first_token: index,
            capitalised,
            whole: !runs_on_before && !runs_on_after,
            in_title_case: is_title_case(parsed, &block.tokens),
        });
        next_free = after;
    }
    found
}

/// A gloss in brackets right after the letters, "DACA (Deferred Action for Childhood
/// Arrivals)" or "the NTWU (the drivers' union)": two or more words that open with a
/// word, not a figure or a date.
pub fn is_glossed_in_brackets(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let open = index + 1;
    if !tokens.contains(&open) || parsed.token_text(open) != "(" {
        return false;
    }
    let mut words = 0;
    for inside in open + 1..tokens.end {
        let token = parsed.tokens[inside];
        let text = token.text(&parsed.copy);
        if text == ")" {
            return words >= 2;
        }
        if inside == open + 1 && token.kind != TokenKind::Word {
            return false;
        }
        if token.kind == TokenKind::Word {
            words += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    fn parse(text: &str) -> ParsedDraft<'_> {
        ParsedDraft::parse(text, DraftFormat::Markdown)
    }

    fn spelled<'a>(parsed: &'a ParsedDraft<'_>, letters: &str) -> Vec<(&'a str, bool, bool)> {
        find_expansions(parsed, &Openers::new(parsed), letters)
            .into_iter()
            .map(|e| (&parsed.copy[e.span], e.capitalised, e.whole))
            .collect()
    }

    #[test]
    fn names_in_title_case_blocks_are_marked() {
        let parsed = parse(
            "Headline\n\nMarkets rose.\n\nHow To Buy Shares Of Small Business Investors Now\n\nThe Small Business Investors group met today.\n",
        );
        let found = find_expansions(&parsed, &Openers::new(&parsed), "SBI");
        assert_eq!(found.len(), 2);
        assert!(found[0].in_title_case && !found[1].in_title_case);
    }

    #[test]
    fn names_in_capitals_spell_their_letters() {
        let parsed =
            parse("The National Transport Workers' Union met. U.S. Customs and Border Protection said.\n");
        assert_eq!(
            spelled(&parsed, "NTWU"),
            vec![("National Transport Workers' Union", true, true)]
        );
        assert_eq!(
            spelled(&parsed, "CBP"),
            vec![("Customs and Border Protection", true, true)]
        );
        let parsed = parse("The National Anti-Corruption Bureau of Ukraine said.\n");
        assert_eq!(spelled(&parsed, "NABU").len(), 1);
    }

    #[test]
    fn phrases_in_ordinary_case_spell_their_letters() {
        let parsed = parse("Shares of private equity firms rose. It ran at 60 frames per second.\n");
        assert_eq!(spelled(&parsed, "PE"), vec![("private equity", false, true)]);
        assert_eq!(spelled(&parsed, "FPS"), vec![("frames per second", false, true)]);
        // Function words give no letters: "is great" is not IG.
        let parsed = parse("The plan is great, she said.\n");
        assert!(spelled(&parsed, "IG").is_empty());
    }

    #[test]
    fn a_fit_inside_a_longer_name_is_not_whole() {
        let parsed = parse("She joined Carlyle Private Equity Partners last year.\n");
        assert_eq!(spelled(&parsed, "PE"), vec![("Private Equity", true, false)]);
    }

    #[test]
    fn glosses_in_brackets() {
        let parsed =
            parse("DACA (Deferred Action for Childhood Arrivals) recipients. The NTWU (2019) met.\n");
        let tokens = parsed.blocks[0].tokens.clone();
        assert!(is_glossed_in_brackets(&parsed, &tokens, tokens.start));
        let ntwu = tokens.clone().find(|&i| parsed.token_text(i) == "NTWU").unwrap();
        assert!(!is_glossed_in_brackets(&parsed, &tokens, ntwu));
    }
}
