//! The per-draft limit on findings in `copydesk check`: a draft dense with findings gets
//! the first `MAX_FINDINGS_PER_DRAFT` of them, and every output format says how many more
//! were left out.

use assert_cmd::Command;
use serde_json::Value;

const LIMIT: usize = copydesk::MAX_FINDINGS_PER_DRAFT;
/// Findings past the limit in the dense draft.
const EXTRA: usize = 5;

/// A plain-text draft with `LIMIT + EXTRA` repeated words: "the" written `n` times in a
/// row is `n - 1` findings.
fn dense_draft() -> (tempfile::TempDir, String) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("dense.txt");
    std::fs::write(&path, "the ".repeat(LIMIT + EXTRA + 1)).unwrap();
    (folder, path.to_string_lossy().into_owned())
}

fn check(format: &str) -> (tempfile::TempDir, String, std::process::Output) {
    let (folder, path) = dense_draft();
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", format, "--color", "never", &path])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (folder, path, output)
}

fn note(path: &str) -> String {
    format!(
        "{path}: {EXTRA} more findings were left out: only the first {LIMIT} findings of a draft are reported"
    )
}

#[test]
fn json_keeps_its_array_of_findings_and_notes_the_rest_on_standard_error() {
    let (_folder, path, output) = check("json");
    let findings: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), LIMIT);
    assert!(findings.iter().all(|f| f["rule"] == "repeated-word"));
    // The first in the text are kept.
    assert_eq!(findings[0]["span"]["start"], 4);
    assert_eq!(findings[LIMIT - 1]["span"]["start"], 4 * LIMIT);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("copydesk: note: {}", note(&path))),
        "{stderr}"
    );
}

#[test]
fn human_output_has_a_note_line_and_the_summary_counts_what_was_left_out() {
    let (_folder, path, output) = check("human");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.matches("warning[repeated-word]").count(), LIMIT);
    assert!(
        stdout.contains(&format!("note: {}\n", note(&path))),
        "{}",
        &stdout[stdout.len() - 500..]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("Found {LIMIT} findings"))
            && stderr.contains(&format!("{EXTRA} more findings left out")),
        "{stderr}"
    );
}

#[test]
fn github_output_ends_with_a_warning_annotation() {
    let (_folder, path, output) = check("github");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), LIMIT + 1);
    assert_eq!(
        *lines.last().unwrap(),
        format!(
            "::warning file={},title=copydesk omitted-findings::{}",
            path.replace(':', "%3A").replace(',', "%2C"),
            note(&path)
        )
    );
}

#[test]
fn sarif_has_a_run_level_notification() {
    let (_folder, path, output) = check("sarif");
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), LIMIT);
    let notifications = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notifications.len(), 1);
    assert_eq!(notifications[0]["level"], "warning");
    assert_eq!(notifications[0]["descriptor"]["id"], "omitted-findings");
    assert_eq!(notifications[0]["message"]["text"], note(&path));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn a_draft_at_the_limit_has_no_note() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("full.txt");
    std::fs::write(&path, "the ".repeat(LIMIT + 1)).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "sarif"])
        .arg(&path)
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), LIMIT);
    assert!(sarif["runs"][0].get("invocations").is_none());
    assert!(!String::from_utf8_lossy(&output.stderr).contains("left out"));
}
