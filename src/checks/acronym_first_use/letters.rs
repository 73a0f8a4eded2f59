//! What a run of capitals is, from its letters alone: an acronym candidate at all, and the
//! classes of capitals that are not an acronym to spell out (a roman numeral, a placeholder,
//! a grade label, a broadcaster's call letters).

use crate::text::TokenKind;

/// The letters of an acronym token, or `None` for other tokens: two to six capitals, a
/// word (`NTWU`) or a dotted abbreviation (`U.N.`). Plurals and possessives are stripped
/// ("NGOs" → "NGO", "NATO's" → "NATO").
pub fn acronym_letters(text: &str, kind: TokenKind) -> Option<String> {
    let stem = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .or_else(|| text.strip_suffix('s'))
        .unwrap_or(text);
    let letters: String = match kind {
        TokenKind::Word => {
            if !stem.chars().all(|c| c.is_uppercase()) {
                return None;
            }
            stem.to_string()
        }
        TokenKind::Abbrev => {
            if !stem.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
                return None;
            }
            stem.chars().filter(|c| c.is_alphabetic()).collect()
        }
        _ => return None,
    };
    let count = letters.chars().count();
    (2..=6).contains(&count).then_some(letters)
}

/// A dictionary proper noun written in capitals ("OBAMA", "TOYOTA", "Dear ABBY"): a name
/// shouted or set in capitals, not initials. Four letters at least, since short names
/// ("Ed", "Ted") collide with real initialisms.
pub fn is_name_in_capitals(letters: &str) -> bool {
    let mut chars = letters.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let capitalised: String = std::iter::once(first)
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    letters.chars().count() >= 4 && crate::text::lexicon::is_proper_noun(&capitalised)
}

/// TK, TKTK and XX are placeholders (the `placeholder` rule's), not acronyms.
pub fn is_placeholder(letters: &str) -> bool {
    let bytes = letters.as_bytes();
    (bytes.len().is_multiple_of(2) && bytes.chunks(2).all(|pair| pair == b"TK"))
        || bytes.iter().all(|&b| b == b'X')
}

/// A roman numeral in its standard form (I to MMMCMXCIX: "XV", "III", "LIV"; not "IL",
/// "LC" or "ICICI").
pub fn is_roman_numeral(letters: &str) -> bool {
    /// Each place's digits, largest first: thousands, hundreds, tens, units.
    const PLACES: [[&str; 10]; 4] = [
        ["", "M", "MM", "MMM", "", "", "", "", "", ""],
        ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"],
        ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"],
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"],
    ];
    let mut rest = letters;
    for place in PLACES {
        // The longest digit of this place that the rest begins with.
        if let Some(digit) = place
            .iter()
            .filter(|d| !d.is_empty() && rest.starts_with(**d))
            .max_by_key(|d| d.len())
        {
            rest = &rest[digit.len()..];
        }
    }
    !letters.is_empty() && rest.is_empty()
}

/// A grade or rating label is one letter repeated: a credit rating ("AAA", "BB"), a
/// battery size ("AA"), a game's budget tier ("AAA titles"). It has no full name to give.
pub fn is_grade_label(letters: &str) -> bool {
    let mut chars = letters.chars();
    letters.len() >= 2
        && chars
            .next()
            .is_some_and(|first| first.is_ascii_uppercase() && chars.all(|c| c == first))
}

/// The call letters of a broadcaster in the United States: four letters beginning with K
/// (west of the Mississippi) or W (east of it), as the FCC assigns them ("KTUV", "WXYZ").
/// A station is known by its letters; they stand for nothing to spell out. Three-letter
/// calls are too few and too like other abbreviations to be a class.
pub fn is_call_letters(letters: &str) -> bool {
    letters.len() == 4 && letters.starts_with(['K', 'W']) && letters.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_of_acronyms_plurals_and_dotted_abbreviations() {
        assert_eq!(acronym_letters("NTWU", TokenKind::Word).as_deref(), Some("NTWU"));
        assert_eq!(acronym_letters("NGOs", TokenKind::Word).as_deref(), Some("NGO"));
        assert_eq!(
            acronym_letters("NATO’s", TokenKind::Word).as_deref(),
            Some("NATO")
        );
        assert_eq!(acronym_letters("U.N.", TokenKind::Abbrev).as_deref(), Some("UN"));
        assert_eq!(acronym_letters("Nato", TokenKind::Word), None);
        assert_eq!(acronym_letters("A", TokenKind::Word), None);
        assert_eq!(acronym_letters("ABCDEFGH", TokenKind::Word), None);
        assert_eq!(acronym_letters("46A", TokenKind::AlphaNum), None);
    }

    #[test]
    fn placeholders_numerals_and_grades() {
        assert!(is_placeholder("TK") && is_placeholder("TKTK") && is_placeholder("XX"));
        assert!(!is_placeholder("TKO"));
        assert!(is_roman_numeral("XV") && is_roman_numeral("III") && is_roman_numeral("LIV"));
        assert!(is_roman_numeral("XIV") && is_roman_numeral("MCMXC") && is_roman_numeral("XL"));
        assert!(!is_roman_numeral("XVZ") && !is_roman_numeral("IL") && !is_roman_numeral("LC"));
        assert!(!is_roman_numeral("ICICI") && !is_roman_numeral("IDC") && !is_roman_numeral("VV"));
        assert!(is_grade_label("AAA") && is_grade_label("BB") && is_grade_label("AA"));
        assert!(!is_grade_label("ABA") && !is_grade_label("A"));
    }

    #[test]
    fn dictionary_names_in_capitals() {
        assert!(is_name_in_capitals("TOYOTA") && is_name_in_capitals("PARIS"));
        assert!(!is_name_in_capitals("NTWU") && !is_name_in_capitals("ED"));
    }

    #[test]
    fn call_letters_are_four_letters_from_k_or_w() {
        assert!(is_call_letters("KTUV") && is_call_letters("WXYZ"));
        assert!(!is_call_letters("KTU") && !is_call_letters("CBLT") && !is_call_letters("WXYZA"));
    }
}
