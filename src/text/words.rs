//! Fixed word lists with fast, allocation-free, ASCII-case-insensitive lookup.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::lexicon::Lexicon;

/// The longest word a list lookup lower-cases on the stack; longer words are not in any
/// list.
const MAX_WORD: usize = 48;

/// A list of lower-case words, looked up ignoring ASCII case, and optionally classes of
/// words from `data/lexicon/` that belong to it too.
pub struct WordList {
    words: &'static [&'static str],
    classes: &'static [&'static Lexicon],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList::with_classes(&[], words)
    }

    /// The words, and every word of `classes` ("units, and the currency words").
    pub const fn with_classes(
        classes: &'static [&'static Lexicon],
        words: &'static [&'static str],
    ) -> WordList {
        WordList {
            words,
            classes,
            set: OnceLock::new(),
        }
    }

    /// The words written in the list (not its classes').
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// True when `word` is in the list or one of its classes, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        self.contains_listed(word) || self.classes.iter().any(|class| class.contains(word))
    }

    /// True when `word` is one of the words written in the list.
    fn contains_listed(&self, word: &str) -> bool {
        let set = self.set.get_or_init(|| self.words.iter().copied().collect());
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return set.contains(word);
        }
        if word.len() > MAX_WORD {
            return false;
        }
        let mut buffer = [0u8; MAX_WORD];
        for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
            *slot = byte.to_ascii_lowercase();
        }
        match std::str::from_utf8(&buffer[..word.len()]) {
            Ok(lower) => set.contains(lower),
            Err(_) => false,
        }
    }
}

/// True when `word` is one of `list`, ignoring ASCII case: for a handful of words written
/// where they are used (`eq_any(verb, &["turned", "turns"])`); a longer list is a
/// [`WordList`] or a class in `data/lexicon/`.
pub fn eq_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|candidate| word.eq_ignore_ascii_case(candidate))
}

/// Calls `f` with `word` lower-cased (ASCII letters only), without allocating for words of
/// ordinary length.
pub fn with_ascii_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    if word.len() <= MAX_WORD {
        let mut buffer = [0u8; MAX_WORD];
        for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
            *slot = byte.to_ascii_lowercase();
        }
        if let Ok(lower) = std::str::from_utf8(&buffer[..word.len()]) {
            return f(lower);
        }
    }
    f(&word.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    static LIST: WordList = WordList::new(&["said", "according", "straße"]);

    #[test]
    fn looks_up_ignoring_ascii_case() {
        assert!(LIST.contains("said"));
        assert!(LIST.contains("Said"));
        assert!(LIST.contains("ACCORDING"));
        assert!(LIST.contains("Straße"));
        assert!(!LIST.contains("says"));
        assert!(!LIST.contains(&"x".repeat(100)));
        assert_eq!(with_ascii_lowercase("Police", str::to_string), "police");
        assert!(eq_any("Aged", &["age", "aged"]));
        assert!(!eq_any("ages", &["age", "aged"]));
    }
}
