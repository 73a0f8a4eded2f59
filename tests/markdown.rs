//! What counts as copy in a Markdown draft, rule by rule: the drafts in
//! `tests/fixtures/markdown/` each hold one construct with a tempting trap (a TK, "the
//! the", a figure like "2,300 drivers") in the part that is not copy, and real copy around
//! it, some with a trap of its own.
//!
//! For each draft, every rule runs (the AP preset, so the AP-only rules too), and:
//! - no finding of any rule touches the text listed as not copy (code, HTML, link and image
//!   targets, reference definitions, front matter, footnote markers), and the masked copy
//!   is blank there;
//! - each trap listed as copy (footnote text, a table cell, a lazy line of a quote) is
//!   found by its rule.
//!
//! The lists are written by hand from the CommonMark rules, not derived from the parser.

use std::ops::Range;
use std::path::Path;

use copydesk::config::Style;
use copydesk::text::{DraftFormat, markdown};
use copydesk::{Config, DraftInput, Finding, analyze};

struct Case {
    file: &'static str,
    /// Exact text (each occurring once) that is not copy.
    not_copy: &'static [&'static str],
    /// (rule, flagged text, text around it that makes it unique) that must be found; the
    /// flagged text is its last occurrence in the text around it (repeated-word flags the
    /// second copy).
    found: &'static [(&'static str, &'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        file: "code-span-continued.md",
        not_copy: &["`council vote\nTK the the`"],
        found: &[("placeholder", "TK", "agenda is TK")],
    },
    Case {
        file: "html-comment-multiline.md",
        not_copy: &["<!-- check the the spelling\nand the TK figure -->"],
        found: &[("placeholder", "TK", "set for TK")],
    },
    Case {
        file: "script-and-style.md",
        not_copy: &[
            "<script>\nvar note = \"TK the the 2,300 drivers\";\n</script>",
            "<style>\n.note::after { content: \"TK the the\"; }\n</style>",
        ],
        found: &[("repeated-word", "the", "the the union")],
    },
    Case {
        file: "html-tag-attributes.md",
        not_copy: &[
            "<span class=\"note\"\n  data-note=\"TK the the 2,300 drivers\">",
            "</span>",
        ],
        found: &[("repeated-word", "the", "the the first")],
    },
    Case {
        file: "fence-in-block-quote.md",
        not_copy: &["```\n> TK the the 2,300 drivers\n> ```"],
        found: &[("repeated-word", "the", "the the union")],
    },
    Case {
        file: "fence-in-list-item.md",
        not_copy: &["```\n    TK road-closure-plan the the\n    ```"],
        found: &[("repeated-word", "the", "the the sea")],
    },
    Case {
        file: "link-title-continuation.md",
        not_copy: &["(https://example.org/report.pdf \"Report TK\nthe the draft\")"],
        found: &[("placeholder", "TK", "author, TK,")],
    },
    Case {
        file: "footnote.md",
        not_copy: &["[^1]\n", "[^1]:"],
        // The footnote's text is copy: its traps are found.
        found: &[
            ("placeholder", "TK", "ferries; TK to"),
            ("repeated-word", "the", "the the harbour"),
        ],
    },
    Case {
        file: "html-block.md",
        not_copy: &["<div class=\"infobox\">\nTK: add the the map of 2,300 drivers\n</div>"],
        found: &[("placeholder", "TK", "and TK was")],
    },
    Case {
        file: "link-reference-definition.md",
        not_copy: &[
            "[statement]: https://example.org/TK-the-the \"TK the the\"",
            "][statement]",
        ],
        found: &[("repeated-word", "the", "the the delay")],
    },
    Case {
        file: "nested-list-code.md",
        not_copy: &["`TK the the`"],
        found: &[("repeated-word", "the", "the the same")],
    },
    Case {
        file: "table.md",
        not_copy: &["`TK`"],
        // A table cell is copy.
        found: &[("placeholder", "TK", "| TK |")],
    },
    Case {
        file: "setext-heading.md",
        not_copy: &["`TK the the`", "=================================="],
        found: &[
            ("repeated-word", "the", "the the harbour"),
            ("placeholder", "TK", "in TK."),
        ],
    },
    Case {
        file: "hard-line-break.md",
        not_copy: &["`TK`"],
        found: &[("repeated-word", "the", "the the road")],
    },
    Case {
        file: "entity-and-escape.md",
        not_copy: &["`TK &amp; the the`"],
        found: &[("repeated-word", "the", "the the most")],
    },
    Case {
        file: "autolink.md",
        not_copy: &[
            "<https://example.org/TK/the-the>",
            "https://example.org/TK-the-the",
            "<tk@example.org>",
        ],
        found: &[("placeholder", "TK", "call TK.")],
    },
    Case {
        file: "lazy-continuation.md",
        not_copy: &["<!-- TK -->"],
        // The lazy line belongs to the quote and is copy.
        found: &[
            ("repeated-word", "the", "the the crowd"),
            ("placeholder", "TK", "rally, TK marched"),
        ],
    },
    Case {
        file: "yaml-front-matter.md",
        not_copy: &["---\ntitle: \"Harbour TK the the\"\nslug: harbour-tk-the-the\n---"],
        found: &[("repeated-word", "the", "The the council")],
    },
    Case {
        file: "toml-front-matter.md",
        not_copy: &["+++\ntitle = \"Harbour TK the the\"\nslug = \"harbour-tk\"\n+++"],
        found: &[("placeholder", "TK", "TK said")],
    },
    Case {
        file: "image-alt-text.md",
        not_copy: &["![TK the the 2,300 drivers](photos/TK-the-the.jpg \"TK the the\")"],
        found: &[("repeated-word", "the", "the the depot")],
    },
];

fn fixture(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/markdown")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The byte range of `needle`, which must occur exactly once in `text`.
fn unique_range(file: &str, text: &str, needle: &str) -> Range<usize> {
    let mut found = text.match_indices(needle);
    let start = found
        .next()
        .unwrap_or_else(|| panic!("{file}: {needle:?} is not in the draft"))
        .0;
    assert!(found.next().is_none(), "{file}: {needle:?} occurs more than once");
    start..start + needle.len()
}

fn all_rules() -> Config {
    let mut config = Config::default();
    config.engine.style = Style::Ap;
    config
}

fn describe(text: &str, findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("  {} {:?} at {:?}\n", f.rule, &text[f.span.clone()], f.span))
        .collect()
}

#[test]
fn every_fixture_is_listed() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown");
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .expect("fixtures folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.file.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed);
    assert!(CASES.len() >= 17);
}

#[test]
fn no_finding_falls_outside_the_copy() {
    let config = all_rules();
    for case in CASES {
        let text = fixture(case.file);
        let findings = analyze(&[DraftInput::new(case.file, &text)], &config);
        let layout = markdown::layout(&text, DraftFormat::Markdown);
        for needle in case.not_copy {
            let range = unique_range(case.file, &text, needle);
            assert!(
                layout.copy[range.clone()].trim().is_empty(),
                "{}: {needle:?} is in the masked copy: {:?}",
                case.file,
                &layout.copy[range.clone()]
            );
            let inside: Vec<Finding> = findings
                .iter()
                .filter(|f| f.span.start < range.end && range.start < f.span.end.max(f.span.start + 1))
                .cloned()
                .collect();
            assert!(
                inside.is_empty(),
                "{}: findings inside {needle:?}:\n{}",
                case.file,
                describe(&text, &inside)
            );
        }
    }
}

#[test]
fn traps_in_the_copy_are_found() {
    let config = all_rules();
    for case in CASES {
        let text = fixture(case.file);
        let findings = analyze(&[DraftInput::new(case.file, &text)], &config);
        for (rule, flagged, context) in case.found {
            let around = unique_range(case.file, &text, context);
            let offset = text[around.clone()]
                .rfind(flagged)
                .unwrap_or_else(|| panic!("{}: {flagged:?} is not in {context:?}", case.file));
            let start = around.start + offset;
            assert!(
                findings
                    .iter()
                    .any(|f| f.rule == *rule && f.span.start == start && text[f.span.clone()] == **flagged),
                "{}: expected {rule} on {flagged:?} in {context:?}; found:\n{}",
                case.file,
                describe(&text, &findings)
            );
        }
    }
}

#[test]
fn a_lead_in_sources_a_table() {
    // The lead-in's source covers the table's cells, as it covers a list's items.
    let text = fixture("table.md");
    let findings = analyze(&[DraftInput::new("table.md", &text)], &all_rules());
    assert!(
        findings.iter().all(|f| f.rule != "unattributed-figure"),
        "{}",
        describe(&text, &findings)
    );
}

/// A folder of the shared corpus next to the checkout; under `CI=true` a missing corpus is
/// a failure, elsewhere the test says it skipped.
fn shared_corpus(name: &str) -> Option<std::path::PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if path.is_dir() {
        return Some(path);
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true"),
        "{} is missing; CI needs the shared corpora next to the checkout",
        path.display()
    );
    eprintln!("skipped: {} is not present", path.display());
    None
}

/// The runs of non-blank lines of `text`, as (first line, last line), zero-based.
fn runs_of_lines(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (number, line) in text.lines().chain([""]).enumerate() {
        match (line.trim().is_empty(), start) {
            (false, None) => start = Some(number),
            (true, Some(first)) => {
                runs.push((first, number - 1));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

#[test]
fn plain_text_from_article_extractors_is_a_paragraph_per_line() {
    let Some(folder) = shared_corpus("scraped") else {
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(folder).expect("scraped folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !(name.ends_with(".boilerpipe.txt") || name.ends_with(".justext.txt")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("draft");
        let layout = markdown::layout(&text, DraftFormat::PlainText);
        let lines: Vec<&str> = text.lines().collect();
        // In a run of lines with a line longer than 100 characters, every block is one line;
        // a run of short lines (a headline and a byline) may be one block.
        for (first, last) in runs_of_lines(&text) {
            if !lines[first..=last].iter().any(|l| l.chars().count() > 100) {
                continue;
            }
            checked += 1;
            for block in layout
                .blocks
                .iter()
                .filter(|b| b.first_line >= first && b.last_line <= last)
            {
                assert_eq!(
                    block.first_line,
                    block.last_line,
                    "{name}: lines {}-{} are one block",
                    block.first_line + 1,
                    block.last_line + 1
                );
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn hard_wrapped_paragraphs_stay_whole_in_plain_text() {
    let Some(folder) = shared_corpus("dev") else {
        return;
    };
    for name in ["dev11.md", "dev18.md"] {
        let text = std::fs::read_to_string(folder.join(name)).expect("draft");
        // Read as plain text (pasted into a .txt file): each wrapped paragraph stays one
        // block, from its first line to its last.
        let layout = markdown::layout(&text, DraftFormat::PlainText);
        let lines: Vec<&str> = text.lines().collect();
        let mut wrapped = 0;
        for (first, last) in runs_of_lines(&text) {
            let prose = lines[first..=last].iter().all(|l| {
                !l.trim_start()
                    .starts_with(['-', '*', '#', '•', '>', '<', '`', '[', '|'])
            });
            if first == last || !prose {
                continue;
            }
            wrapped += 1;
            assert!(
                layout
                    .blocks
                    .iter()
                    .any(|b| b.first_line == first && b.last_line == last),
                "{name}: lines {}-{} are not one block: {:?}",
                first + 1,
                last + 1,
                layout.blocks
            );
        }
        assert!(wrapped >= 3, "{name}: {wrapped} wrapped paragraphs");
    }
}

fn markdown_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop::collection::vec(
        prop::sample::select(vec![
            "The ",
            "said ",
            "2,300 drivers",
            "TK ",
            "the the ",
            "“",
            "”",
            "\"",
            "'",
            ". ",
            "\n",
            "\r\n",
            "\n\n",
            "# ",
            "## ",
            "- ",
            "* ",
            "1. ",
            "• ",
            "> ",
            "```\n",
            "~~~\n",
            "---\n",
            "+++\n",
            "===\n",
            "    ",
            "\t",
            "<!-- ",
            " -->",
            "<span\nclass=\"x\">",
            "</span>",
            "<script>\n",
            "</script>\n",
            "<div>\n",
            "`",
            "``",
            "[link](http://x.y \"t\n\")",
            "[ref]",
            "[ref]: http://x.y\n",
            "[^1]",
            "[^1]: ",
            "![alt](i.png)",
            "<https://x.y>",
            "https://x.y/a ",
            "www.x.y ",
            "|",
            "|---|\n",
            "**",
            "_",
            "~~",
            "\\",
            "&amp;",
            "[x] ",
            "[copydesk-disable]\n",
            "<!-- copydesk-enable -->",
            "😀",
            "é",
            "\u{a0}",
            "—",
            "",
        ]),
        0..60,
    );
    pieces.prop_map(|p| p.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, .. Default::default() })]

    /// The masked copy is the source with bytes blanked, never moved; every block's span
    /// lies on its lines and starts and ends on copy.
    #[test]
    fn the_masked_copy_keeps_the_source_offsets(text in markdown_text()) {
        for format in [DraftFormat::Markdown, DraftFormat::PlainText] {
            let layout = markdown::layout(&text, format);
            proptest::prop_assert_eq!(layout.copy.len(), text.len());
            for (copy, source) in layout.copy.bytes().zip(text.bytes()) {
                proptest::prop_assert!(copy == source || (copy == b' ' && source != b'\n' && source != b'\r'));
            }
            let line_count = text.split('\n').count();
            for block in &layout.blocks {
                proptest::prop_assert!(block.first_line <= block.last_line && block.last_line < line_count);
                proptest::prop_assert!(block.span.start <= block.span.end && block.span.end <= text.len());
                let line_of = |offset: usize| text[..offset].matches('\n').count();
                proptest::prop_assert!(line_of(block.span.start) >= block.first_line);
                proptest::prop_assert!(line_of(block.span.end) <= block.last_line);
                let block_text = &layout.copy[block.span.clone()];
                if block.kind != markdown::BlockKind::Separator {
                    proptest::prop_assert!(!block_text.trim().is_empty());
                    proptest::prop_assert_eq!(block_text.trim().len(), block_text.len());
                }
            }
            proptest::prop_assert!(layout.directives.windows(2).all(|w| w[0].line <= w[1].line));
        }
    }
}
