//! Folding for comparisons: case, diacritics, and the letters that do not decompose.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// Lower-cases `text` and removes diacritics: "Procházka" → "prochazka", "Nørgaard" →
/// "norgaard", "Aydın" → "aydin", "Straße" → "strasse".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_each(text, |character| out.push(character));
    out
}

/// Calls `emit` with each character of `text` folded as [`fold`] folds it, without
/// building a string. ASCII takes the fast path; other characters are decomposed.
pub fn fold_each(text: &str, mut emit: impl FnMut(char)) {
    for character in text.chars() {
        if character.is_ascii() {
            emit(character.to_ascii_lowercase());
        } else {
            fold_char(character, &mut emit);
        }
    }
}

fn fold_char(character: char, emit: &mut impl FnMut(char)) {
    match character {
        'ø' | 'Ø' => emit('o'),
        'ł' | 'Ł' => emit('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => emit('d'),
        'ı' => emit('i'),
        'ħ' | 'Ħ' => emit('h'),
        'ŧ' | 'Ŧ' => emit('t'),
        'þ' | 'Þ' => {
            emit('t');
            emit('h');
        }
        'ß' => {
            emit('s');
            emit('s');
        }
        'æ' | 'Æ' => {
            emit('a');
            emit('e');
        }
        'œ' | 'Œ' => {
            emit('o');
            emit('e');
        }
        '’' | 'ʼ' | '‘' => emit('\''),
        '‐' | '‑' | '–' => emit('-'),
        other => {
            for decomposed in std::iter::once(other).nfd() {
                if !is_combining_mark(decomposed) {
                    for lower in decomposed.to_lowercase() {
                        emit(lower);
                    }
                }
            }
        }
    }
}

/// The straightforward definition of [`fold`], kept to test the fast one against.
#[cfg(test)]
fn fold_slow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.nfd() {
        if is_combining_mark(character) {
            continue;
        }
        match character {
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ı' => out.push('i'),
            'ħ' | 'Ħ' => out.push('h'),
            'ŧ' | 'Ŧ' => out.push('t'),
            'þ' | 'Þ' => out.push_str("th"),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            '’' | 'ʼ' | '‘' => out.push('\''),
            '‐' | '‑' | '–' => out.push('-'),
            other => out.extend(other.to_lowercase()),
        }
    }
    out
}

/// The spelling a reader sees: `text` in Unicode normal form C, with the hyphens and the
/// no-break space that render like their plain forms written plainly. A name typed once
/// with a decomposed accent ("Jose" and U+0301) and once precomposed ("José"), or once
/// with a non-breaking hyphen (U+2011) and once with "-", is one spelling. Case,
/// diacritics and apostrophes are kept: "O’Rourke" and "O'Rourke" look different.
pub fn written_form(text: &str) -> Cow<'_, str> {
    let plain = |c: char| !matches!(c, '\u{2010}' | '\u{2011}' | '\u{a0}');
    if text.is_ascii() || (text.chars().all(plain) && is_nfc(text)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.nfc()
            .map(|c| match c {
                '\u{2010}' | '\u{2011}' => '-',
                '\u{a0}' => ' ',
                other => other,
            })
            .collect(),
    )
}

/// True when `text` carries a letter that [`fold`] changes other than by case.
pub fn has_diacritics(text: &str) -> bool {
    !text.is_ascii() && fold(text) != text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_names() {
        assert_eq!(fold("Procházka"), "prochazka");
        assert_eq!(fold("Nørgaard"), "norgaard");
        assert_eq!(fold("Aydın"), "aydin");
        assert_eq!(fold("Wiśniewska"), "wisniewska");
        assert_eq!(fold("Çelik"), "celik");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("O’Rourke"), "o'rourke");
        assert!(has_diacritics("Köhler"));
        assert!(!has_diacritics("Koehler"));
    }

    #[test]
    fn written_forms_of_the_same_spelling_meet() {
        assert_eq!(written_form("Jose\u{301}"), "José");
        assert_eq!(written_form("José"), "José");
        assert_eq!(written_form("Al\u{2011}Thani"), "Al-Thani");
        assert_eq!(written_form("van\u{a0}der Linden"), "van der Linden");
        assert!(matches!(written_form("Kovalevskyi"), Cow::Borrowed(_)));
        // What a reader can tell apart stays apart.
        assert_ne!(written_form("José"), written_form("Jose"));
        assert_ne!(written_form("O’Rourke"), written_form("O'Rourke"));
        assert_ne!(written_form("Al–Thani"), written_form("Al-Thani"));
    }

    #[test]
    fn fast_fold_matches_the_definition() {
        for text in [
            "Procházka’s “Nørgaard” — Æsir ŁÓDŹ e\u{301}tude İstanbul Straße 😀 Ωmega ǅ",
            "plain ASCII",
        ] {
            assert_eq!(fold(text), fold_slow(text), "{text}");
        }
    }
}
