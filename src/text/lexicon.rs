//! Word lists.
//!
//! - Ordinary English words and dictionary proper nouns, from SCOWL (see `data/README.md`):
//!   copydesk uses them to tell a name ("Kovalevskyi") from a capitalised ordinary word
//!   ("Police", "Commissioner") and from a well-known place or name ("Austria", "Johnson").
//! - Classes of words, one per file under `data/lexicon/` (month names, the vocabulary of
//!   page furniture, …), each with a comment saying what the class is and where its entries
//!   come from. They are built into perfect-hash sets at compile time (`build.rs`), so
//!   nothing is loaded at start; [`class`] holds them.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

static COMMON_WORDS: &str = include_str!("../../data/english-words.txt");
static PROPER_NOUNS: &str = include_str!("../../data/proper-nouns.txt");

/// A class of words from `data/lexicon/NAME.txt`, as a perfect-hash set built at compile
/// time. Entries are lower case; lookups ignore ASCII case.
pub struct Lexicon {
    /// The file's name without `.txt`.
    pub name: &'static str,
    /// The comment at the top of the file: what the class is and where it comes from.
    pub description: &'static str,
    set: phf::Set<&'static str>,
}

impl Lexicon {
    /// True when `word` is in the class, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        super::words::with_ascii_lowercase(word, |lower| self.set.contains(lower))
    }

    /// The entries, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.set.iter().copied()
    }
}

/// The word classes of `data/lexicon/`, one static per file (`furniture-sharing.txt` is
/// `FURNITURE_SHARING`).
pub mod class {
    use super::Lexicon;
    include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));
}

fn common_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON_WORDS.lines().filter(|w| !w.is_empty()).collect())
}

fn proper_nouns() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PROPER_NOUNS.lines().filter(|w| !w.is_empty()).collect())
}

/// True when `word`, lower-cased, is an ordinary English word ("police", "rose").
pub fn is_common_word(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if !word.is_ascii() {
        return false;
    }
    super::words::with_ascii_lowercase(word, |lower| common_words().contains(lower))
}

/// True when `word` (capitalised as given, e.g. "Austria") is a dictionary proper noun.
pub fn is_proper_noun(word: &str) -> bool {
    proper_nouns().contains(word)
}

/// Loads both lists now rather than on first use (the language server calls this at start
/// so the first keystroke is not the slow one).
pub fn warm_up() {
    let _ = common_words().len() + proper_nouns().len();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_words_from_names() {
        assert!(is_common_word("police"));
        assert!(is_common_word("Police"));
        assert!(is_common_word("rose"));
        assert!(!is_common_word("kovalevskyi"));
        assert!(!is_common_word("Procházka"));
        assert!(is_proper_noun("Austria"));
        assert!(!is_proper_noun("Kovalevskyi"));
    }
}
