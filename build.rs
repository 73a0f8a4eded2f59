//! Build-time work, so that the binary starts without parsing anything:
//!
//! - each rule's documentation (the leading `//!` comment of its file under `src/checks/`),
//!   so the binary carries the docs and not the whole source;
//! - the word lists under `data/lexicon/` (one class of words per file), as perfect-hash
//!   sets;
//! - the SCOWL word lists (`data/english-words.txt`, `data/proper-nouns.txt`), as compact
//!   perfect-hash tables over one string of their words (see [`word_sets`]).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR is set");
    rule_docs(Path::new(&out_dir));
    lexicons(Path::new(&out_dir));
    word_sets(Path::new(&out_dir));
}

fn sorted_files(folder: &Path, extension: &str) -> Vec<std::path::PathBuf> {
    println!("cargo::rerun-if-changed={}", folder.display());
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{} is readable: {e}", folder.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    entries.sort();
    for path in &entries {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    entries
}

fn rule_docs(out_dir: &Path) {
    let mut out = String::from(
        "/// The documentation of each rule file, by file stem (`unattributed_figure`).\n\
         pub static RULE_DOCS: &[(&str, &str)] = &[\n",
    );
    for path in sorted_files(Path::new("src/checks"), "rs") {
        if path.file_stem().is_some_and(|s| s == "mod") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a rule file is UTF-8");
        let mut docs = String::new();
        for line in source.lines() {
            if let Some(rest) = line.strip_prefix("//!") {
                docs.push_str(rest.strip_prefix(' ').unwrap_or(rest));
                docs.push('\n');
            } else if !line.trim().is_empty() {
                break;
            }
        }
        let stem = path.file_stem().unwrap().to_string_lossy();
        writeln!(out, "    ({stem:?}, {docs:?}),").unwrap();
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("rule_docs.rs"), out).expect("OUT_DIR is writable");
}

/// One `pub static NAME: Lexicon` per `data/lexicon/*.txt`: the file's lines, lower-cased,
/// without `#` comments and blank lines; the comments at the top are its description.
fn lexicons(out_dir: &Path) {
    let mut out = String::new();
    let mut index = String::from(
        "/// Every lexicon, by file name, for tests and tools.\npub static ALL: &[&Lexicon] = &[\n",
    );
    for path in sorted_files(Path::new("data/lexicon"), "txt") {
        let text = std::fs::read_to_string(&path).expect("a lexicon is UTF-8");
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let name = stem.to_ascii_uppercase().replace('-', "_");
        let mut description = String::new();
        let mut set = phf_codegen::Set::new();
        let mut seen = std::collections::BTreeSet::new();
        for line in text.lines() {
            let line = line.trim();
            if let Some(comment) = line.strip_prefix('#') {
                if seen.is_empty() {
                    description.push_str(comment.trim());
                    description.push('\n');
                }
                continue;
            }
            if line.is_empty() {
                continue;
            }
            let entry = line.to_lowercase();
            if seen.insert(entry.clone()) {
                set.entry(entry);
            }
        }
        assert!(!seen.is_empty(), "{} has no entries", path.display());
        writeln!(
            out,
            "/// `data/lexicon/{stem}.txt`.\npub static {name}: Lexicon = Lexicon {{ name: {stem:?}, description: {description:?}, set: {} }};",
            set.build()
        )
        .unwrap();
        writeln!(index, "    &{name},").unwrap();
    }
    index.push_str("];\n");
    out.push_str(&index);
    std::fs::write(out_dir.join("lexicons.rs"), out).expect("OUT_DIR is writable");
}

/// The SCOWL word lists as perfect-hash tables, so that nothing is parsed at start.
///
/// A list of 65,000 words as a `phf::Set<&str>` would be 65,000 string literals for the
/// compiler and a pointer (and, in a position-independent binary, a relocation) per word.
/// Instead each list is three files in `OUT_DIR` that the crate includes as they are: the
/// words concatenated in table order (`NAME.words`), the end offset of each table slot's
/// word (`NAME.ends`, little-endian `u32`s) and the hash displacements (`NAME.disps`, pairs
/// of little-endian `u32`s); `words.rs` holds one `WordSet` per list with its hash key.
/// `text::lexicon::WordSet` looks a word up with `phf_shared`'s hash, as `phf` does.
fn word_sets(out_dir: &Path) {
    let mut out = String::new();
    for (name, stem) in [
        ("COMMON_WORDS", "english-words"),
        ("PROPER_NOUNS", "proper-nouns"),
        ("FREQUENT_WORDS_10", "english-words-10"),
        ("FREQUENT_WORDS_20", "english-words-20"),
    ] {
        let path = Path::new("data").join(format!("{stem}.txt"));
        println!("cargo::rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()));
        let mut words: Vec<&str> = text.lines().filter(|word| !word.is_empty()).collect();
        words.sort_unstable();
        words.dedup();
        assert!(!words.is_empty(), "{} has no words", path.display());
        let state = phf_generator::generate_hash(&words);
        let mut joined = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(words.len() * 4);
        for &index in &state.map {
            joined.push_str(words[index]);
            let end = u32::try_from(joined.len()).expect("a word list is under 4 GB");
            ends.extend_from_slice(&end.to_le_bytes());
        }
        let mut disps = Vec::with_capacity(state.disps.len() * 8);
        for (d1, d2) in &state.disps {
            disps.extend_from_slice(&d1.to_le_bytes());
            disps.extend_from_slice(&d2.to_le_bytes());
        }
        for (extension, bytes) in [
            ("words", joined.as_bytes()),
            ("ends", &ends[..]),
            ("disps", &disps[..]),
        ] {
            std::fs::write(out_dir.join(format!("{stem}.{extension}")), bytes).expect("OUT_DIR is writable");
        }
        let include = |extension: &str| format!("concat!(env!(\"OUT_DIR\"), \"/{stem}.{extension}\")");
        writeln!(
            out,
            "/// `data/{stem}.txt`: {} words.\npub static {name}: WordSet = WordSet {{ key: {}, words: include_str!({}), ends: include_bytes!({}), disps: include_bytes!({}) }};",
            words.len(),
            state.key,
            include("words"),
            include("ends"),
            include("disps"),
        )
        .unwrap();
    }
    std::fs::write(out_dir.join("word_sets.rs"), out).expect("OUT_DIR is writable");
}
