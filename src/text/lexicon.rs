//! Word lists.
//!
//! - Ordinary English words and dictionary proper nouns, from SCOWL (see `data/README.md`):
//!   copydesk uses them to tell a name ("Kovalevskyi") from a capitalised ordinary word
//!   ("Police", "Commissioner") and from a well-known place or name ("Austria", "Johnson").
//!   `build.rs` turns each into a perfect-hash table over one string of its words
//!   ([`WordSet`]), so nothing is parsed at start.
//! - Classes of words, one per file under `data/lexicon/` (month names, the vocabulary of
//!   page furniture, …), each with a comment saying what the class is and where its entries
//!   come from. They are built into perfect-hash sets at compile time (`build.rs`), so
//!   nothing is loaded at start; [`class`] holds them.

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

/// A word list from `data/` as `build.rs` lays it out: a perfect-hash table whose slots
/// hold the words, concatenated in slot order. Lookups are exact (case included).
pub struct WordSet {
    /// The hash key `phf_generator` found for the list.
    key: phf_shared::HashKey,
    /// Every word, in slot order, with nothing between them.
    words: &'static str,
    /// The end of each slot's word in `words`, as little-endian `u32`s (a slot's word
    /// starts where the previous slot's ends).
    ends: &'static [u8],
    /// The displacement pair of each hash bucket, as little-endian `u32`s.
    disps: &'static [u8],
}

/// The `index`th little-endian `u32` of `bytes`.
fn u32_at(bytes: &[u8], index: usize) -> u32 {
    let start = index * 4;
    bytes
        .get(start..start + 4)
        .and_then(|four| four.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

impl WordSet {
    /// How many words the list has.
    pub fn len(&self) -> usize {
        self.ends.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `word` is in the list, exactly as written.
    pub fn contains(&self, word: &str) -> bool {
        let slots = self.len();
        let buckets = self.disps.len() / 8;
        if slots == 0 || buckets == 0 {
            return false;
        }
        // As `phf_shared::get_index`, with the table read from bytes.
        let hashes = phf_shared::hash(word, &self.key);
        let bucket = (hashes.g % buckets as u32) as usize;
        let (d1, d2) = (u32_at(self.disps, 2 * bucket), u32_at(self.disps, 2 * bucket + 1));
        let slot = (phf_shared::displace(hashes.f1, hashes.f2, d1, d2) % slots as u32) as usize;
        let start = if slot == 0 {
            0
        } else {
            u32_at(self.ends, slot - 1) as usize
        };
        let end = u32_at(self.ends, slot) as usize;
        self.words.get(start..end) == Some(word)
    }
}

include!(concat!(env!("OUT_DIR"), "/word_sets.rs"));

/// True when `word`, lower-cased, is an ordinary English word ("police", "rose").
pub fn is_common_word(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if !word.is_ascii() {
        return false;
    }
    super::words::with_ascii_lowercase(word, |lower| COMMON_WORDS.contains(lower))
}

/// True when `word` (capitalised as given, e.g. "Austria") is a dictionary proper noun.
pub fn is_proper_noun(word: &str) -> bool {
    PROPER_NOUNS.contains(word)
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
        assert!(!is_proper_noun("austria"));
        assert!(!is_common_word("polic"));
        assert!(!is_common_word("policey"));
    }

    /// Every line of each list is in its table, and nothing else that differs by a letter.
    #[test]
    fn the_tables_hold_exactly_the_lists() {
        for (set, text) in [
            (&COMMON_WORDS, include_str!("../../data/english-words.txt")),
            (&PROPER_NOUNS, include_str!("../../data/proper-nouns.txt")),
        ] {
            let words: std::collections::BTreeSet<&str> = text.lines().filter(|w| !w.is_empty()).collect();
            assert_eq!(set.len(), words.len());
            for word in &words {
                assert!(set.contains(word), "{word}");
                let longer = format!("{word}q");
                assert_eq!(set.contains(&longer), words.contains(longer.as_str()), "{longer}");
                let shorter = &word[..word.len() - 1];
                assert_eq!(set.contains(shorter), words.contains(shorter), "{shorter:?}");
            }
            assert!(!set.contains(""));
        }
    }
}
