//! Test support: marker-line fixtures.
//!
//! Prose has no comment syntax, so a fixture marks what it expects on a line of its own
//! under the text: carets under the flagged span and the rule id after them.
//!
//! ```text
//! Unemployment rose to 7.2% last quarter.
//!                      ^^^^ unattributed-figure
//! ```
//!
//! The harness strips marker lines before analysis. Columns count characters. A finding
//! that spans several lines is marked on its first line, to that line's end.

use crate::config::{Config, RuleLevel};
use crate::finding::{Finding, Severity};
use crate::fix::{FixMode, apply_edits, edits_for_draft};
use crate::story::{DraftInput, analyze};

/// An expected finding: zero-based line of the cleaned text, character columns, rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub rule: String,
}

fn is_marker_line(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.starts_with('^') && {
        let rest = trimmed.trim_start_matches('^');
        rest.starts_with(' ')
            && rest
                .trim()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == ' ')
    }
}

/// Splits a fixture into its clean text and its expectations.
pub fn parse_fixture(fixture: &str) -> (String, Vec<Expected>) {
    let mut clean_lines: Vec<&str> = Vec::new();
    let mut expected = Vec::new();
    let ends_with_newline = fixture.ends_with('\n');
    for line in fixture.lines() {
        if is_marker_line(line) && !clean_lines.is_empty() {
            let start = line.chars().take_while(|c| *c == ' ').count();
            let carets = line.trim_start().chars().take_while(|c| *c == '^').count();
            let rules = line.trim_start().trim_start_matches('^').split_whitespace();
            for rule in rules {
                expected.push(Expected {
                    line: clean_lines.len() - 1,
                    start,
                    end: start + carets,
                    rule: rule.to_string(),
                });
            }
        } else {
            clean_lines.push(line);
        }
    }
    let mut clean = clean_lines.join("\n");
    if ends_with_newline {
        clean.push('\n');
    }
    expected.sort();
    (clean, expected)
}

/// A configuration with only `rule` switched on.
pub fn only_rule(rule: &str, base: Config) -> Config {
    let mut config = base;
    for other in crate::checks::RULES {
        let level = if other.id() == rule {
            RuleLevel::On(other.default_severity().max(Severity::Warning))
        } else {
            RuleLevel::Off
        };
        config.engine.rules.insert(other.id().to_string(), level);
    }
    config
}

/// The findings of one rule on a Markdown text.
pub fn findings_for(rule: &str, text: &str) -> Vec<Finding> {
    analyze(
        &[DraftInput::new("fixture.md", text)],
        &only_rule(rule, Config::default()),
    )
}

/// The findings of one rule on a plain-text draft.
pub fn findings_for_plain(rule: &str, text: &str) -> Vec<Finding> {
    analyze(
        &[DraftInput::new("fixture.txt", text)],
        &only_rule(rule, Config::default()),
    )
}

/// The findings of one rule with a `copydesk.toml` text.
pub fn findings_with_config(text: &str, config_toml: &str, rule: &str) -> Vec<Finding> {
    let config = Config::from_toml(config_toml, None).expect("fixture config parses");
    analyze(&[DraftInput::new("fixture.md", text)], &only_rule(rule, config))
}

/// Where a finding sits, as a fixture would mark it.
pub fn position_of(text: &str, finding: &Finding) -> Expected {
    let index = crate::text::LineIndex::new(text);
    let line = index.line_of(finding.span.start);
    let line_span = index.line_span(text, line);
    let start = text[line_span.start..finding.span.start].chars().count();
    let end_offset = finding.span.end.min(line_span.end);
    let end = text[line_span.start..end_offset].chars().count();
    Expected {
        line,
        start,
        end,
        rule: finding.rule.to_string(),
    }
}

/// Checks a marker-line fixture against the findings of `rule`.
#[track_caller]
pub fn assert_fixture(rule: &str, fixture: &str) {
    assert_fixture_with_config(rule, fixture, "");
}

/// [`assert_fixture`] with a `copydesk.toml` text.
#[track_caller]
pub fn assert_fixture_with_config(rule: &str, fixture: &str, config_toml: &str) {
    let (clean, expected) = parse_fixture(fixture);
    let findings = findings_with_config(&clean, config_toml, rule);
    let mut actual: Vec<Expected> = findings.iter().map(|f| position_of(&clean, f)).collect();
    actual.sort();
    if actual != expected {
        let describe = |items: &[Expected]| {
            items
                .iter()
                .map(|e| {
                    let line_text = clean.lines().nth(e.line).unwrap_or("");
                    let snippet: String = line_text.chars().skip(e.start).take(e.end - e.start).collect();
                    format!(
                        "  line {} cols {}..{} {} {:?}",
                        e.line + 1,
                        e.start,
                        e.end,
                        e.rule,
                        snippet
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "fixture mismatch for {rule}\nexpected:\n{}\nactual:\n{}\nmessages:\n{}",
            describe(&expected),
            describe(&actual),
            findings
                .iter()
                .map(|f| format!("  {}", f.message))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Applies every safe fix of `rule` until nothing more changes.
pub fn apply_safe_fixes(text: &str, rule: &str) -> String {
    let mut current = text.to_string();
    for _ in 0..10 {
        let findings = findings_for(rule, &current);
        let edits = edits_for_draft(&findings, 0, FixMode::Safe);
        if edits.is_empty() {
            break;
        }
        current = apply_edits(&current, &edits);
    }
    current
}
