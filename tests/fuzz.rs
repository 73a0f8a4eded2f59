//! Property tests of the engine, run by `cargo test` for a bounded number of cases: on
//! arbitrary UTF-8 and on mutated drafts (line endings, a byte-order mark, tables, front
//! matter, links, duplicated paragraphs, cut and spliced text), no input makes it panic;
//! every finding's span, related span and edit lies inside its draft on character
//! boundaries; the edits `--fix` takes from a round do not overlap; and applying them is
//! exactly splicing each edit's text in place of its span. (That `--fix` itself changes
//! nothing outside the spans it reported, and that `--diff` is `--fix`, is tested through
//! the binary in tests/fix_safety.rs.)

use std::path::Path;
use std::sync::OnceLock;

use copydesk::fix::{FixMode, apply_edits, edits_for_draft};
use copydesk::{Config, DraftInput, Finding, analyze};
use proptest::prelude::*;

/// The sample drafts and the fixtures, read once.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut walk = vec![root.join("examples/drafts"), root.join("tests/fixtures")];
        let mut paths = Vec::new();
        while let Some(folder) = walk.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk.push(path);
                } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                    paths.push(path);
                }
            }
        }
        paths.sort();
        let seeds: Vec<String> = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        assert!(seeds.len() >= 20, "only {} seed drafts", seeds.len());
        seeds
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Crlf,
    ByteOrderMark,
    Table(usize),
    FrontMatter,
    Link(usize),
    DuplicateParagraph(usize, usize),
    /// Cut the text at two points (fractions of its length) and keep what lies outside.
    Cut(u16, u16),
    /// Insert a string at a point.
    Splice(u16, String),
}

/// The nearest character boundary at or before `fraction` (of 65535) of `text`.
fn at(text: &str, fraction: u16) -> usize {
    let mut index = text.len() * fraction as usize / u16::MAX as usize;
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let insert = |at: usize, what: &str| {
        let mut list: Vec<&str> = paragraphs.clone();
        list.insert(at % (list.len() + 1), what);
        list.join("\n\n")
    };
    match mutation {
        Mutation::Crlf => text.replace('\n', "\r\n"),
        Mutation::ByteOrderMark => format!("\u{FEFF}{text}"),
        Mutation::Table(place) => insert(
            *place,
            "| Year | Fleet |\n| ---- | ----- |\n| 2023 | About 400 buses |\n| 2024 | 2,300 cars were sold. |",
        ),
        Mutation::FrontMatter => format!("---\ntitle: \"A story\"\nauthor: Desk\n---\n\n{text}"),
        Mutation::Link(place) => insert(
            *place,
            "Read [the report](https://example.org/a \"A\") and <https://example.org> the the notes.",
        ),
        Mutation::DuplicateParagraph(which, place) => {
            let copy = paragraphs[which % paragraphs.len()].to_string();
            insert(*place, &copy)
        }
        Mutation::Cut(a, b) => {
            let (a, b) = (at(text, *a.min(b)), at(text, *a.max(b)));
            format!("{}{}", &text[..a], &text[b..])
        }
        Mutation::Splice(point, what) => {
            let point = at(text, *point);
            format!("{}{what}{}", &text[..point], &text[point..])
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Crlf),
        Just(Mutation::ByteOrderMark),
        any::<usize>().prop_map(Mutation::Table),
        Just(Mutation::FrontMatter),
        any::<usize>().prop_map(Mutation::Link),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::DuplicateParagraph(a, b)),
        (any::<u16>(), any::<u16>()).prop_map(|(a, b)| Mutation::Cut(a, b)),
        (any::<u16>(), "\\PC{0,40}").prop_map(|(a, s)| Mutation::Splice(a, s)),
        (
            any::<u16>(),
            prop::sample::select(vec![
                "\n\n", "\r\n", "# ", "> ", "```\n", "---\n", "| a | b |\n", "[x](y)", "“", "\u{301}", "😀"
            ])
        )
            .prop_map(|(a, s)| Mutation::Splice(a, s.to_string())),
    ]
}

fn mutated_draft() -> impl Strategy<Value = String> {
    (
        any::<prop::sample::Index>(),
        prop::collection::vec(mutation(), 0..4),
    )
        .prop_map(|(index, mutations)| {
            let seeds = seeds();
            let mut text = seeds[index.index(seeds.len())].clone();
            for mutation in &mutations {
                text = apply(&text, mutation);
            }
            text
        })
}

fn inside(text: &str, span: &std::ops::Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// The invariants, for one draft under both names (Markdown and plain text).
fn check(text: &str) -> Result<(), TestCaseError> {
    for name in ["draft.md", "draft.txt"] {
        let findings: Vec<Finding> = analyze(&[DraftInput::new(name, text)], &Config::default());
        for finding in &findings {
            prop_assert_eq!(finding.draft, 0);
            prop_assert!(
                inside(text, &finding.span),
                "{} span {:?}",
                finding.rule,
                finding.span
            );
            for related in &finding.related {
                prop_assert!(
                    inside(text, &related.span),
                    "{} related {:?}",
                    finding.rule,
                    related.span
                );
            }
            for fix in &finding.fixes {
                let mut spans: Vec<_> = fix.edits.iter().map(|e| e.span.clone()).collect();
                spans.sort_by_key(|s| (s.start, s.end));
                for span in &spans {
                    prop_assert!(inside(text, span), "{} edit {:?}", finding.rule, span);
                }
                for pair in spans.windows(2) {
                    prop_assert!(
                        pair[0].end <= pair[1].start,
                        "{}: a fix's edits overlap: {:?}",
                        finding.rule,
                        pair
                    );
                }
            }
        }
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            let edits = edits_for_draft(&findings, 0, mode);
            for pair in edits.windows(2) {
                prop_assert!(
                    pair[0].span.end <= pair[1].span.start && pair[0].span.start != pair[1].span.start,
                    "edits of one round overlap: {:?} / {:?}",
                    pair[0],
                    pair[1]
                );
            }
            // Applying them is splicing each one's text in place of its span.
            let mut spliced = String::new();
            let mut cursor = 0;
            for edit in &edits {
                spliced.push_str(&text[cursor..edit.span.start]);
                spliced.push_str(&edit.new_text);
                cursor = edit.span.end;
            }
            spliced.push_str(&text[cursor..]);
            prop_assert_eq!(apply_edits(text, &edits), spliced);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn mutated_drafts_keep_the_engine_s_invariants(text in mutated_draft()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_utf8_keeps_the_engine_s_invariants(text in "\\PC{0,600}|[\\PC\\s]{0,300}") {
        check(&text)?;
    }

    #[test]
    fn arbitrary_bytes_read_as_utf8_keep_the_engine_s_invariants(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }
}

#[test]
fn every_mutation_changes_a_draft() {
    let text = "Headline\n\nThe first paragraph.\n\nThe second paragraph.\n";
    for mutation in [
        Mutation::Crlf,
        Mutation::ByteOrderMark,
        Mutation::Table(1),
        Mutation::FrontMatter,
        Mutation::Link(2),
        Mutation::DuplicateParagraph(1, 3),
        Mutation::Cut(0, 30000),
        Mutation::Splice(40000, "é".to_string()),
    ] {
        assert_ne!(apply(text, &mutation), text, "{mutation:?}");
    }
    assert_eq!(
        apply(text, &Mutation::DuplicateParagraph(1, 3)),
        "Headline\n\nThe first paragraph.\n\nThe second paragraph.\n\n\nThe first paragraph."
    );
}
