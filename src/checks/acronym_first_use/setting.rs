//! Where capitals stand that make them something other than an acronym to spell out: a
//! line in capitals (a dateline, a credit, a label), a credit line, a pronunciation guide,
//! a code or a case number the letters are part of, a unit after a figure.

use std::ops::Range;

use crate::text::lexicon::class::{FURNITURE_BYLINE, FURNITURE_MEDIA, MONTHS, SPECIFICATION_UNITS};
use crate::text::{ParsedDraft, TokenKind};

/// The tokens of `tokens` on the same source line as token `index`.
fn line_tokens(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> Range<usize> {
    let line = parsed.line_of(parsed.tokens[index].start);
    let mut start = index;
    while start > tokens.start && parsed.line_of(parsed.tokens[start - 1].start) == line {
        start -= 1;
    }
    let mut end = index + 1;
    while end < tokens.end && parsed.line_of(parsed.tokens[end].start) == line {
        end += 1;
    }
    start..end
}

fn is_in_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() > 1 && !text.chars().any(char::is_lowercase)
}

/// A line written mostly in capitals is a dateline, a credit, a label or a shouted
/// headline ("WASHINGTON —", "PHOTO: JANE DOE/STAFF", "GPU", "NATO AND THE EU MEET"):
/// more than half of its words are in capitals. Its capitals are not acronyms in prose.
pub fn is_line_in_capitals(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let line = line_tokens(parsed, tokens, index);
    let words: Vec<&str> = line
        .filter(|&i| matches!(parsed.tokens[i].kind, TokenKind::Word | TokenKind::Abbrev))
        .map(|i| parsed.token_text(i))
        .collect();
    let capitals = words.iter().filter(|w| is_in_capitals(w)).count();
    !words.is_empty() && capitals * 2 > words.len()
}

/// A run of capitals, one word beside another ("NATO AND THE EU"), is a headline or a
/// shouted phrase, not an acronym.
pub fn is_in_run_of_capitals(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let capitals = |i: Option<usize>| {
        i.filter(|i| tokens.contains(i))
            .is_some_and(|i| is_in_capitals(parsed.token_text(i)))
    };
    capitals(index.checked_sub(1)) || capitals(Some(index + 1))
}

/// A credit line opens with a credit's label and a colon or "by": "Photo: KXAN", "Video
/// by WXYZ", "Source: NHTSA" (the labels of pictures, video and bylines).
pub fn is_credit_line(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let line = line_tokens(parsed, tokens, index);
    let first = line.start;
    let label = parsed.token_text(first);
    let is_label = FURNITURE_MEDIA.contains(label)
        || FURNITURE_BYLINE.contains(label)
        || label.eq_ignore_ascii_case("source")
        || label.eq_ignore_ascii_case("sources");
    is_label
        && first < index
        && line.clone().nth(1).is_some_and(|second| {
            matches!(parsed.token_text(second), ":" | "|" | "/")
                || parsed.token_text(second).eq_ignore_ascii_case("by")
        })
}

/// A word in capitals that opens a paragraph as a dateline does: a dash or a wire credit
/// follows it, after at most a comma and a few capitalised words ("DUBLIN, Ireland —",
/// "LONDON (Reuters) -", "DUBLIN, 18 September —").
pub fn is_dateline_shaped(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    if index != tokens.start {
        return false;
    }
    for next in index + 1..(index + 8).min(tokens.end) {
        let text = parsed.token_text(next);
        match text {
            "—" | "–" | "-" | "(" | ":" => return true,
            "," | "." => continue,
            _ if text.starts_with(|c: char| c.is_uppercase()) => continue,
            _ if parsed.tokens[next].kind == TokenKind::Number
                && text.len() <= 2
                && next + 1 < tokens.end
                && MONTHS.contains(parsed.token_text(next + 1).trim_end_matches('.')) =>
            {
                continue;
            }
            _ => return false,
        }
    }
    false
}

/// A pronunciation guide writes the stressed syllable in capitals: "Nguyen (pronounced
/// WIN)", "Siobhan, which rhymes with ON". The capitals follow "pronounced",
/// "pronunciation" or "rhymes" within a few words.
pub fn is_pronunciation_guide(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    (index.saturating_sub(4).max(tokens.start)..index).any(|i| {
        let text = parsed.token_text(i).to_ascii_lowercase();
        text.starts_with("pronounc") || text == "rhymes"
    })
}

/// Letters that are part of a code, a case number, a credit or a name joined with marks:
/// "IMO 9812345", "NT$18.6 billion" (a figure right after), "FHC/ABJ/03/2018" (slashes to
/// a number), "DOI: 10.1007/…" (the label of an identifier), "(NASA/JPL)" or
/// "NASA/JPL/Caltech" (a picture credit), "BB&T" or "R&D" (joined by an ampersand).
pub fn is_part_of_code(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let kind_at = |i: usize| tokens.contains(&i).then(|| parsed.tokens[i].kind);
    if matches!(
        kind_at(index + 1),
        Some(TokenKind::Symbol | TokenKind::Number | TokenKind::AlphaNum)
    ) {
        return true;
    }
    // The label of an identifier: "DOI: 10.1007/…", "ISBN: 978-…".
    if tokens.contains(&(index + 1))
        && parsed.token_text(index + 1) == ":"
        && matches!(kind_at(index + 2), Some(TokenKind::Number | TokenKind::AlphaNum))
    {
        return true;
    }
    let touching = |a: usize, b: usize| parsed.tokens[a].end == parsed.tokens[b].start;
    // Joined by "&" to other letters.
    let ampersand = |mark: usize| tokens.contains(&mark) && parsed.token_text(mark) == "&";
    if (ampersand(index + 1) && touching(index, index + 1))
        || index
            .checked_sub(1)
            .is_some_and(|mark| ampersand(mark) && touching(mark, index))
    {
        return true;
    }
    // A chain of parts joined by slashes with no spaces: a case number (one part a
    // number), a picture credit (three parts or more, "NASA/JPL/Caltech", or in brackets,
    // "(NASA/JPL)").
    let mut start = index;
    while start >= tokens.start + 2
        && parsed.token_text(start - 1) == "/"
        && touching(start - 2, start - 1)
        && touching(start - 1, start)
    {
        start -= 2;
    }
    let mut end = index;
    while end + 2 < tokens.end
        && parsed.token_text(end + 1) == "/"
        && touching(end, end + 1)
        && touching(end + 1, end + 2)
    {
        end += 2;
    }
    let has_number = (start..=end)
        .step_by(2)
        .any(|i| matches!(parsed.tokens[i].kind, TokenKind::Number | TokenKind::AlphaNum));
    let in_brackets = start > tokens.start && parsed.token_text(start - 1) == "(";
    end > start && (has_number || end - start >= 4 || in_brackets)
}

/// A unit of measure after a figure ("8.69 GW", "12 MW of output"): a symbol, not an
/// acronym to spell out.
pub fn is_unit_after_figure(
    parsed: &ParsedDraft<'_>,
    tokens: &Range<usize>,
    index: usize,
    letters: &str,
) -> bool {
    let after_figure = index
        .checked_sub(1)
        .filter(|p| tokens.contains(p))
        .is_some_and(|p| matches!(parsed.tokens[p].kind, TokenKind::Number));
    after_figure && SPECIFICATION_UNITS.contains(letters)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    /// The block's token range and the index of the first token reading `word`.
    fn at(parsed: &ParsedDraft<'_>, word: &str) -> (Range<usize>, usize) {
        for block in &parsed.blocks {
            if let Some(i) = block.tokens.clone().find(|&i| parsed.token_text(i) == word) {
                return (block.tokens.clone(), i);
            }
        }
        panic!("{word} not found");
    }

    fn check(text: &str, word: &str, class: fn(&ParsedDraft<'_>, &Range<usize>, usize) -> bool) -> bool {
        let parsed = ParsedDraft::parse(text, DraftFormat::PlainText);
        let (tokens, index) = at(&parsed, word);
        class(&parsed, &tokens, index)
    }

    #[test]
    fn lines_and_runs_in_capitals() {
        let text = "Headline\n\nPHOTO: JANE DOE/STAFF\n\nThe NTWU said no.\n\nGPU\n";
        assert!(check(text, "DOE", is_line_in_capitals));
        assert!(check(text, "GPU", is_line_in_capitals));
        assert!(!check(text, "NTWU", is_line_in_capitals));
        assert!(check(
            "Headline\n\nNATO AND THE EU MEET today.\n",
            "EU",
            is_in_run_of_capitals
        ));
        assert!(!check(
            "Headline\n\nThe NTWU and the PBWU met.\n",
            "NTWU",
            is_in_run_of_capitals
        ));
    }

    #[test]
    fn credit_lines() {
        assert!(check("Headline\n\nPhoto: KXAN\n", "KXAN", is_credit_line));
        assert!(check(
            "Headline\n\nSource: NHTSA data, 2020\n",
            "NHTSA",
            is_credit_line
        ));
        assert!(!check(
            "Headline\n\nThe photo shows the NTWU office.\n",
            "NTWU",
            is_credit_line
        ));
    }

    #[test]
    fn datelines() {
        assert!(check(
            "Headline\n\nLUSAKA, Zambia — Power cuts.\n",
            "LUSAKA",
            is_dateline_shaped
        ));
        assert!(check(
            "Headline\n\nDUBLIN, 18 September — Talks.\n",
            "DUBLIN",
            is_dateline_shaped
        ));
        assert!(!check(
            "Headline\n\nNTWU members voted.\n",
            "NTWU",
            is_dateline_shaped
        ));
    }

    #[test]
    fn pronunciation_guides() {
        assert!(check(
            "Headline\n\nNguyen (pronounced WIN) spoke.\n",
            "WIN",
            is_pronunciation_guide
        ));
        assert!(check(
            "Headline\n\nSiobhan, which rhymes with DON, spoke.\n",
            "DON",
            is_pronunciation_guide
        ));
        assert!(!check(
            "Headline\n\nThe NTWU (a union) spoke.\n",
            "NTWU",
            is_pronunciation_guide
        ));
    }

    #[test]
    fn codes_and_case_numbers() {
        assert!(check(
            "Headline\n\nThe ship, IMO 9812345, sailed.\n",
            "IMO",
            is_part_of_code
        ));
        assert!(check(
            "Headline\n\nSuit number FHC/ABJ/03/095/2018 was filed.\n",
            "ABJ",
            is_part_of_code
        ));
        assert!(check(
            "Headline\n\nThey played the BB&T Pavilion.\n",
            "BB",
            is_part_of_code
        ));
        assert!(!check(
            "Headline\n\nThe VR/AR market grew.\n",
            "AR",
            is_part_of_code
        ));
        assert!(!check("Headline\n\nThe NTWU said no.\n", "NTWU", is_part_of_code));
    }

    #[test]
    fn units_after_figures() {
        let parsed = ParsedDraft::parse(
            "Headline\n\nIt made 8.69 GW last year. The GW figure.\n",
            DraftFormat::PlainText,
        );
        let tokens = parsed.blocks[1].tokens.clone();
        let gw: Vec<usize> = tokens.clone().filter(|&i| parsed.token_text(i) == "GW").collect();
        assert!(is_unit_after_figure(&parsed, &tokens, gw[0], "GW"));
        assert!(!is_unit_after_figure(&parsed, &tokens, gw[1], "GW"));
    }
}
