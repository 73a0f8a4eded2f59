//! Snapshots of every rule's messages and fixes, so that a change to a rule's wording or
//! fixes is reviewed as a diff.
//!
//! Each `tests/fixtures/<rule>/<name>.md` (or `.txt`) draft is checked with that rule alone
//! (`<rule>/ap-*.md` under the AP preset; with `<name>.toml` beside it, under those house
//! settings too). Its snapshot
//! (`tests/snapshots/snapshots__<rule>__<name>.snap`) lists each finding (line, column,
//! severity, message, its fixes with their applicability and edits), then the draft as
//! `--fix` leaves it (safe fixes, to convergence) and as `--fix --unsafe-fixes` leaves it.
//!
//! Review a change with `cargo insta review` (or `INSTA_UPDATE=always cargo test --test
//! snapshots` and read the diff); a new fixture's snapshot is written on its first run and
//! must be read before it is committed.

use std::path::Path;

use copydesk::fix::{FixMode, apply_edits, edits_for_draft};
use copydesk::text::{LineIndex, PositionEncoding};
use copydesk::{Config, DraftInput, Finding, analyze};

fn config_for(rule: &str, ap: bool, house: Option<&str>) -> Config {
    let mut toml = String::new();
    if ap {
        toml.push_str("style = \"ap\"\n");
    }
    if let Some(house) = house {
        toml.push_str(house);
    }
    let mut config = Config::from_toml(&toml, None).expect("the fixture's configuration");
    for other in copydesk::checks::RULES {
        let level = if other.id() == rule {
            copydesk::config::RuleLevel::On(other.default_severity())
        } else {
            copydesk::config::RuleLevel::Off
        };
        config.engine.rules.insert(other.id().to_string(), level);
    }
    config
}

fn fixed(name: &str, text: &str, config: &Config, mode: FixMode) -> String {
    let mut current = text.to_string();
    for _ in 0..10 {
        let findings = analyze(&[DraftInput::new(name, &current)], config);
        let edits = edits_for_draft(&findings, 0, mode);
        if edits.is_empty() {
            break;
        }
        current = apply_edits(&current, &edits);
    }
    current
}

fn describe(text: &str, findings: &[Finding]) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for finding in findings {
        let at = index.position(text, finding.span.start, PositionEncoding::Utf32);
        out.push_str(&format!(
            "{}:{} {} {}\n  {:?}\n",
            at.line + 1,
            at.column + 1,
            finding.severity,
            finding.message,
            &text[finding.span.clone()]
        ));
        for fix in &finding.fixes {
            out.push_str(&format!(
                "  fix ({}): {}\n",
                fix.applicability.as_str(),
                fix.title
            ));
            for edit in &fix.edits {
                let at = index.position(text, edit.span.start, PositionEncoding::Utf32);
                out.push_str(&format!(
                    "    {}:{} {:?} -> {:?}\n",
                    at.line + 1,
                    at.column + 1,
                    &text[edit.span.clone()],
                    edit.new_text
                ));
            }
        }
    }
    if findings.is_empty() {
        out.push_str("(no findings)\n");
    }
    out
}

#[test]
fn every_rule_fixture_matches_its_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for rule in copydesk::checks::RULES {
        let folder = root.join(rule.id());
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for path in files {
            if path.is_dir() {
                check_story_fixture(rule.id(), &path);
                checked += 1;
                continue;
            }
            let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
                continue;
            };
            if extension != "md" && extension != "txt" {
                continue;
            }
            let file_name = path.file_name().unwrap().to_string_lossy().to_string();
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).expect("a UTF-8 fixture");
            // A fixture may come with its house settings: `<name>.toml` beside it.
            let house = std::fs::read_to_string(path.with_extension("toml")).ok();
            let config = config_for(rule.id(), stem.starts_with("ap-"), house.as_deref());
            let findings = analyze(&[DraftInput::new(&file_name, &text)], &config);
            let snapshot = format!(
                "{}\n--- after --fix ---\n{}\n--- after --fix --unsafe-fixes ---\n{}",
                describe(&text, &findings),
                fixed(&file_name, &text, &config, FixMode::Safe),
                fixed(&file_name, &text, &config, FixMode::Unsafe),
            );
            insta::with_settings!({snapshot_suffix => "", prepend_module_to_snapshot => false, omit_expression => true}, {
                insta::assert_snapshot!(format!("{}__{stem}", rule.id()), snapshot);
            });
            checked += 1;
        }
    }
    assert!(checked > 0, "no fixtures under tests/fixtures/<rule>/");
}

/// A story fixture: a folder `tests/fixtures/<rule>/<name>/` whose drafts, in name
/// order, are checked as one story with that rule alone. Its snapshot lists each finding as
/// `draft:line:column`, with its related places.
fn check_story_fixture(rule: &str, folder: &Path) {
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("a story fixture")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    paths.sort();
    let drafts: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read_to_string(p).expect("a UTF-8 fixture"),
            )
        })
        .collect();
    let inputs: Vec<DraftInput<'_>> = drafts
        .iter()
        .map(|(name, text)| DraftInput::new(name, text))
        .collect();
    let config = config_for(rule, false, None);
    let findings = analyze(&inputs, &config);
    let mut out = String::new();
    for finding in &findings {
        let (name, text) = &drafts[finding.draft];
        let at = LineIndex::new(text).position(text, finding.span.start, PositionEncoding::Utf32);
        out.push_str(&format!(
            "{name}:{}:{} {} {}\n",
            at.line + 1,
            at.column + 1,
            finding.severity,
            finding.message
        ));
        for related in &finding.related {
            let (related_name, related_text) = &drafts[related.draft];
            let at = LineIndex::new(related_text).position(
                related_text,
                related.span.start,
                PositionEncoding::Utf32,
            );
            out.push_str(&format!(
                "  related {related_name}:{}:{} {}\n",
                at.line + 1,
                at.column + 1,
                related.message
            ));
        }
        assert!(finding.fixes.is_empty() || rule != "restated-paragraph");
    }
    if findings.is_empty() {
        out.push_str("(no findings)\n");
    }
    let stem = folder.file_name().unwrap().to_string_lossy().to_string();
    insta::with_settings!({snapshot_suffix => "", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!(format!("{rule}__{stem}"), out);
    });
}

#[test]
fn every_rule_has_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let missing: Vec<&str> = copydesk::checks::RULES
        .iter()
        .map(|rule| rule.id())
        .filter(|id| {
            std::fs::read_dir(root.join(id))
                .map(|entries| entries.count() == 0)
                .unwrap_or(true)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rules with no fixtures under tests/fixtures/: {missing:?}"
    );
}
