//! Fixes converge and never touch text outside their edits; no input makes the engine
//! panic or produce a span that is not on character boundaries.

use std::path::{Path, PathBuf};

use copydesk::fix::{FixMode, apply_edits, edits_for_draft};
use copydesk::{Applicability, Config, DraftInput, analyze};
use proptest::prelude::*;

fn drafts_to_fix() -> Vec<(String, String)> {
    let mut folders = vec![
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/drafts"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/validation"),
    ];
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    if dev.is_dir() {
        folders.push(dev);
    } else if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{} is missing", dev.display());
    }
    let mut drafts = Vec::new();
    for folder in folders.iter().filter(|f| f.is_dir()) {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            drafts.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    drafts
}

/// Lines that differ between `before` and `after`, as line numbers of `before`.
fn changed_lines(before: &str, after: &str) -> Vec<usize> {
    let diff = similar::TextDiff::from_lines(before, after);
    let mut lines = Vec::new();
    for change in diff.iter_all_changes() {
        if change.tag() == similar::ChangeTag::Delete {
            lines.push(change.old_index().unwrap());
        }
    }
    lines
}

#[test]
fn fixes_converge_and_stay_inside_their_edits() {
    let drafts = drafts_to_fix();
    assert!(drafts.len() >= 3, "no drafts found");
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        for (name, original) in &drafts {
            let config = Config::default();
            let mut text = original.clone();
            let mut rounds = 0;
            loop {
                let findings = analyze(&[DraftInput::new(name, &text)], &config);
                let edits = edits_for_draft(&findings, 0, mode);
                if edits.is_empty() {
                    // Converged: nothing fixable is left.
                    if mode == FixMode::Safe {
                        let left = findings
                            .iter()
                            .filter(|f| f.fixes.iter().any(|fix| fix.applicability == Applicability::Safe))
                            .count();
                        assert_eq!(left, 0, "{name}: safe fixes left after convergence");
                    }
                    // Deleting the last paragraph does not leave a blank line at the end.
                    let blank_end = |text: &str| text.ends_with("\n\n") || text.ends_with("\n\r\n");
                    assert!(
                        !blank_end(&text) || blank_end(original),
                        "{name}: fixing left a blank line at the end ({mode:?})"
                    );
                    break;
                }
                rounds += 1;
                assert!(
                    rounds <= 6,
                    "{name}: fixes did not converge in 6 rounds ({mode:?})"
                );
                let index = copydesk::text::LineIndex::new(&text);
                let mut touched: Vec<usize> = Vec::new();
                for edit in &edits {
                    let first = index.line_of(edit.span.start);
                    let last = index.line_of(edit.span.end.saturating_sub(1).max(edit.span.start));
                    // A line diff may place a deleted blank line before or after the edit.
                    touched.extend(first.saturating_sub(1)..=last + 1);
                }
                let fixed = apply_edits(&text, &edits);
                for line in changed_lines(&text, &fixed) {
                    assert!(
                        touched.contains(&line),
                        "{name}: line {} changed outside every edit",
                        line + 1
                    );
                }
                text = fixed;
            }
        }
    }
}

fn news_text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop::sample::select(vec![
            "The ", "said ", "Kovalevskyi ", "Kovalevsky ", "Procházka ", "Prochazka ", "2,300 ", "drivers",
            "18%", " 4:30 a.m. ", "€1.1 million", "Forty-one houses", "“", "”", "\"", "'", "’s", ". ", ", ",
            "? ", "\n", "\r\n", "\n\n", "# ", "- ", "> ", "```\n", "---\n", "<!-- ", " -->",
            "[link](http://x.y)", "😀", "é", "e\u{301}", "\u{a0}", "—", "…", "U.S. ", "US ", "Dr. ",
            "No. 9 ", "½-½ ", "aged 62, ", "(ONS) ", "according to ", "copydesk-disable ",
            "[copydesk-disable]\n", "\t", "Al-Thani ", "Al Thani ", "",
        ]),
        0..80,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn the_engine_never_panics_and_spans_are_sound(text in news_text()) {
        for name in ["draft.md", "draft.txt"] {
            let findings = analyze(&[DraftInput::new(name, &text)], &Config::default());
            for finding in &findings {
                prop_assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
                prop_assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
                for fix in &finding.fixes {
                    for edit in &fix.edits {
                        prop_assert!(edit.span.end <= text.len());
                        prop_assert!(text.is_char_boundary(edit.span.start) && text.is_char_boundary(edit.span.end));
                    }
                }
            }
            // Fixing converges on arbitrary text too.
            let mut current = text.clone();
            for _ in 0..8 {
                let findings = analyze(&[DraftInput::new(name, &current)], &Config::default());
                let edits = edits_for_draft(&findings, 0, FixMode::Unsafe);
                if edits.is_empty() {
                    break;
                }
                current = apply_edits(&current, &edits);
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}") {
        let _ = analyze(&[DraftInput::new("draft.md", &text)], &Config::default());
        let _ = analyze(&[DraftInput::new("draft.txt", &text)], &Config::default());
    }
}
