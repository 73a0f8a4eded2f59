//! Folding for comparisons: case, diacritics, and the letters that do not decompose.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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
    fn fast_fold_matches_the_definition() {
        for text in [
            "Procházka’s “Nørgaard” — Æsir ŁÓDŹ e\u{301}tude İstanbul Straße 😀 Ωmega ǅ",
            "plain ASCII",
        ] {
            assert_eq!(fold(text), fold_slow(text), "{text}");
        }
    }
}
