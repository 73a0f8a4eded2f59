//! Engine throughput: every rule on a 1,000-word draft (target: median ≤ 0.5 ms), and on a
//! 100,000-word draft, to show how the engine scales; and the first stage alone (finding
//! the copy of a Markdown draft: `text::markdown::layout`), on the same drafts.
//!
//! Run with `cargo bench --bench engine`. The drafts are built from the sample drafts in
//! examples/drafts (our own writing), repeated and cut at paragraph boundaries; with the
//! shared development corpus next to the checkout, a second pair of drafts is built from it.

use std::hint::black_box;
use std::path::Path;

use copydesk::config::RuleLevel;
use copydesk::text::{DraftFormat, markdown};
use copydesk::{Config, DraftInput, analyze};
use criterion::{Criterion, criterion_group, criterion_main};

/// Paragraphs of every draft in `folder`, front matter and headlines included.
fn paragraphs(folder: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "md" || e == "txt"));
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        out.extend(
            text.split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .map(str::to_string),
        );
    }
    out
}

/// A draft of at least `words` words, made by cycling through `paragraphs`.
pub fn draft_of(paragraphs: &[String], words: usize) -> String {
    let mut text = String::from("Headline for the benchmark draft\n\n");
    let mut count = 0;
    for paragraph in paragraphs.iter().cycle() {
        if count >= words {
            break;
        }
        count += paragraph.split_whitespace().count();
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    copydesk::story::warm_up();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![("examples", paragraphs(&root.join("examples/drafts")))];
    let dev = paragraphs(&root.join("../shared/corpus/dev"));
    if !dev.is_empty() {
        sources.push(("dev-corpus", dev));
    }
    let all_rules = Config::default();
    // The three mission rules alone, to show what the routine rules add.
    let mut mission = Config::default();
    for rule in copydesk::checks::RULES {
        if !matches!(
            rule.id(),
            "name-consistency" | "unattributed-figure" | "duplicate-paragraph"
        ) {
            mission.engine.rules.insert(rule.id().to_string(), RuleLevel::Off);
        }
    }
    for (name, source) in &sources {
        for words in [1_000, 100_000] {
            let text = draft_of(source, words);
            for (label, config) in [("all rules", &all_rules), ("mission rules", &mission)] {
                c.bench_function(&format!("{label}, {words} words ({name})"), |b| {
                    b.iter(|| analyze(black_box(&[DraftInput::new("bench.md", &text)]), config))
                });
            }
            c.bench_function(&format!("layout, {words} words ({name})"), |b| {
                b.iter(|| markdown::layout(black_box(&text), DraftFormat::Markdown))
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
