//! Word tables for rules that look up every word of a draft: a hash map in front of which
//! a first-letter and length filter turns most words of copy away without hashing.

use rustc_hash::FxHashMap;

use super::words::with_ascii_lowercase;

/// Lower-case keys, each starting with an ASCII letter, looked up ignoring ASCII case.
#[derive(Debug, Clone)]
pub struct WordTable<V: Copy> {
    map: FxHashMap<&'static str, V>,
    /// Bit `n` of entry `slot(first, second)` is set when some key starting with those two
    /// bytes has `n` bytes (keys of 64 bytes or more are never found).
    lengths: Vec<u64>,
}

/// The filter slot of a word's first two bytes: 26 letters by 27 (a letter, or anything
/// else after the first letter).
fn slot(word: &[u8]) -> Option<usize> {
    let first = word.first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() {
        return None;
    }
    let second = match word.get(1).map(u8::to_ascii_lowercase) {
        Some(letter @ b'a'..=b'z') => usize::from(letter - b'a'),
        _ => 26,
    };
    Some(usize::from(first - b'a') * 27 + second)
}

impl<V: Copy> WordTable<V> {
    /// A table of `entries`; a later entry for the same key replaces an earlier one.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> WordTable<V> {
        let mut map = FxHashMap::default();
        let mut lengths = vec![0u64; 26 * 27];
        for (key, value) in entries {
            debug_assert!(
                key.bytes().next().is_some_and(|b| b.is_ascii_lowercase()),
                "word table key {key:?}"
            );
            if let Some(slot) = slot(key.as_bytes())
                && key.len() < 64
            {
                lengths[slot] |= 1 << key.len();
                map.insert(key, value);
            }
        }
        WordTable { map, lengths }
    }

    /// True when some key has the first letter and length of `word`.
    pub fn might_contain(&self, word: &str) -> bool {
        self.might_contain_bytes(word.as_bytes())
    }

    /// [`WordTable::might_contain`] on the bytes of a word.
    pub fn might_contain_bytes(&self, word: &[u8]) -> bool {
        word.len() < 64 && slot(word).is_some_and(|slot| self.lengths[slot] & (1 << word.len()) != 0)
    }

    /// The value for `word`, ignoring ASCII case.
    pub fn get(&self, word: &str) -> Option<V> {
        if !self.might_contain(word) {
            return None;
        }
        with_ascii_lowercase(word, |lower| self.map.get(lower).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_ignoring_case_and_filters_by_shape() {
        let table = WordTable::new([("ceasefire", 1), ("u.s.", 2), ("okay", 3)]);
        assert_eq!(table.get("Ceasefire"), Some(1));
        assert_eq!(table.get("U.S."), Some(2));
        assert_eq!(table.get("OKAY"), Some(3));
        assert_eq!(table.get("ceasefires"), None);
        assert!(!table.might_contain("the"));
        assert_eq!(table.get(""), None);
        assert_eq!(table.get("Ørsted"), None);
    }
}
