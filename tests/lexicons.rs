//! The word lists are data with provenance (`data/lexicon/*.txt`, one class of words per
//! file): each file says what its class is and where its entries come from, and no entry is
//! a word lifted from the labelled corpora the rules are measured on.
//!
//! An entry that occurs in a labelled corpus (`../shared/corpus/dev` and `tests/corpus/*`)
//! must be a general word: in the SCOWL English word list or its proper nouns
//! (`data/english-words.txt`, `data/proper-nouns.txt`), made of such words ("north-east"),
//! or in a file whose header names the reference standard it comes from (`# reference:
//! ISO 4217 currency names`). A word that only the corpora know fails here.

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use copydesk::text::lexicon::class;

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.'))
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == '-' || c == '\'')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

#[test]
fn every_lexicon_says_what_it_is_and_where_it_comes_from() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
    for lexicon in class::ALL {
        let text = std::fs::read_to_string(folder.join(format!("{}.txt", lexicon.name))).expect("the file");
        let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        assert!(
            header.iter().any(|l| l.starts_with("# class:")),
            "{}: no `# class:` line",
            lexicon.name
        );
        assert!(
            header
                .iter()
                .any(|l| l.starts_with("# source:") || l.starts_with("# reference:")),
            "{}: no `# source:` or `# reference:` line",
            lexicon.name
        );
    }
}

#[test]
fn no_entry_is_a_word_only_the_labelled_corpora_know() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let general: BTreeSet<String> = ["data/english-words.txt", "data/proper-nouns.txt"]
        .iter()
        .flat_map(|file| {
            std::fs::read_to_string(root.join(file))
                .expect("a SCOWL list")
                .lines()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut corpora = vec![root.join("tests/corpus/blind"), root.join("tests/corpus/fresh")];
    for name in ["holdout", "sixth", "seventh", "validation"] {
        corpora.push(root.join("tests/corpus").join(name));
    }
    if let Some(dev) = support::shared_corpus("dev") {
        corpora.push(dev);
    }
    let mut corpus_words = BTreeSet::new();
    for folder in corpora {
        for entry in std::fs::read_dir(&folder).expect("a corpus folder").flatten() {
            let path = entry.path();
            let draft = path.extension().is_some_and(|e| e == "md" || e == "txt")
                && path.file_name().is_some_and(|n| n != "README.md");
            if draft {
                corpus_words
                    .extend(words_of(&std::fs::read_to_string(&path).expect("a draft")).collect::<Vec<_>>());
            }
        }
    }
    let is_general = |entry: &str| {
        general.contains(entry)
            || entry
                .split('-')
                .all(|part| !part.is_empty() && general.contains(part))
    };
    let folder = root.join("data/lexicon");
    let mut lifted = Vec::new();
    for lexicon in class::ALL {
        let text = std::fs::read_to_string(folder.join(format!("{}.txt", lexicon.name))).expect("the file");
        if text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .any(|l| l.starts_with("# reference:"))
        {
            continue;
        }
        for entry in lexicon.entries() {
            if corpus_words.contains(entry) && !is_general(entry) {
                lifted.push(format!("{}: {entry}", lexicon.name));
            }
        }
    }
    lifted.sort();
    assert!(
        lifted.is_empty(),
        "entries the labelled corpora know but no general word list does (name the reference \
         they come from in the file's `# reference:` line, or take them out):\n  {}",
        lifted.join("\n  ")
    );
}
