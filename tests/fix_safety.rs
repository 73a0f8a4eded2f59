//! `copydesk check --fix` never loses a draft: a file reached by two paths (a symbolic
//! link, a hard link, a file named and its folder walked) is one draft, checked, reported
//! and fixed once. (The recheck just before the rename is tested in `src/cli/check.rs`.)

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

fn copydesk() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    command.env_remove("NO_COLOR").env("COPYDESK_LOG", "error");
    command
}

/// Two paragraphs with nothing to fix and one finding (an unsourced figure).
const DRAFT: &str = "Strike headline

The union will meet on Wednesday to decide on further action, its leaders said.

The dispute is believed to affect about 2,300 drivers and maintenance staff.
";

/// A draft with a safe fix (a doubled word).
const DOUBLED: &str = "Strike headline

The union said the the offer was final, its leaders said on Tuesday.
";

const FIXED: &str = "Strike headline

The union said the offer was final, its leaders said on Tuesday.
";

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

fn json(output: &Output) -> Vec<Value> {
    let value: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    value.as_array().unwrap().clone()
}

fn story_folder(story: &str, draft: &str) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    fs::write(
        folder.path().join("copydesk.toml"),
        format!("story = \"{story}\"\n"),
    )
    .unwrap();
    fs::write(folder.path().join("a.md"), draft).unwrap();
    folder
}

/// The rules and file names of a JSON report.
fn reported(output: &Output) -> Vec<(String, String)> {
    json(output)
        .iter()
        .map(|finding| {
            let path = finding["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_string_lossy();
            (finding["rule"].as_str().unwrap().to_string(), name.to_string())
        })
        .collect()
}

fn check_json(folder: &Path) -> Output {
    copydesk()
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(folder)
        .output()
        .unwrap()
}

fn fix(folder: &Path, extra: &[&str]) -> Output {
    copydesk()
        .args(["check", "--fix"])
        .args(extra)
        .arg(folder)
        .output()
        .unwrap()
}

#[test]
fn a_symbolic_link_in_a_story_folder_is_one_draft_and_its_target_stays() {
    let folder = story_folder("folder", DRAFT);
    std::os::unix::fs::symlink("a.md", folder.path().join("latest.md")).unwrap();

    // Reported once, under the name that is not a link.
    let output = check_json(folder.path());
    assert_eq!(
        reported(&output),
        vec![("unattributed-figure".to_string(), "a.md".to_string())],
        "{}",
        stderr(&output)
    );

    let output = fix(folder.path(), &[]);
    assert_eq!(fs::read_to_string(folder.path().join("a.md")).unwrap(), DRAFT);
    assert!(
        fs::symlink_metadata(folder.path().join("latest.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("of 1 draft."), "{}", stderr(&output));

    // The same with unsafe fixes, and with the link sorting first.
    let folder = story_folder("folder", DRAFT);
    std::os::unix::fs::symlink("a.md", folder.path().join("0-latest.md")).unwrap();
    let output = check_json(folder.path());
    assert_eq!(
        reported(&output),
        vec![("unattributed-figure".to_string(), "a.md".to_string())]
    );
    fix(folder.path(), &["--unsafe-fixes"]);
    assert_eq!(fs::read_to_string(folder.path().join("a.md")).unwrap(), DRAFT);
}

#[test]
fn a_hard_link_in_a_story_folder_is_one_draft_reported_under_its_first_name() {
    let folder = story_folder("folder", DRAFT);
    fs::hard_link(folder.path().join("a.md"), folder.path().join("b.md")).unwrap();

    let output = check_json(folder.path());
    assert_eq!(
        reported(&output),
        vec![("unattributed-figure".to_string(), "a.md".to_string())],
        "{}",
        stderr(&output)
    );

    let output = fix(folder.path(), &[]);
    assert_eq!(fs::read_to_string(folder.path().join("a.md")).unwrap(), DRAFT);
    assert_eq!(fs::read_to_string(folder.path().join("b.md")).unwrap(), DRAFT);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[test]
fn a_file_and_a_link_to_it_under_story_file_are_fixed_once_without_an_error() {
    let folder = story_folder("file", DOUBLED);
    std::os::unix::fs::symlink("a.md", folder.path().join("latest.md")).unwrap();

    let output = check_json(folder.path());
    assert_eq!(
        reported(&output),
        vec![("repeated-word".to_string(), "a.md".to_string())]
    );

    let output = fix(folder.path(), &[]);
    let message = stderr(&output);
    assert!(!message.contains("changed on disk"), "{message}");
    assert_eq!(output.status.code(), Some(0), "{message}");
    assert_eq!(fs::read_to_string(folder.path().join("a.md")).unwrap(), FIXED);
    assert!(
        fs::symlink_metadata(folder.path().join("latest.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // No temporary file is left behind.
    let mut names: Vec<String> = fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["a.md", "copydesk.toml", "latest.md"]);
}

#[test]
fn a_file_named_and_walked_is_one_draft() {
    let folder = story_folder("file", DOUBLED);
    let output = copydesk()
        .args(["check", "--fix"])
        .arg(folder.path().join("a.md"))
        .arg(folder.path())
        .output()
        .unwrap();
    let message = stderr(&output);
    assert!(!message.contains("changed on disk"), "{message}");
    assert_eq!(output.status.code(), Some(0), "{message}");
    assert_eq!(fs::read_to_string(folder.path().join("a.md")).unwrap(), FIXED);
}

#[test]
fn a_link_to_a_draft_outside_the_checked_paths_is_still_fixed_through() {
    // The target is not checked under its own name, so the link is the draft.
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("a.md"), DOUBLED).unwrap();
    let folder = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path().join("a.md"), folder.path().join("latest.md")).unwrap();
    let output = fix(folder.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(outside.path().join("a.md")).unwrap(), FIXED);
    assert!(
        fs::symlink_metadata(folder.path().join("latest.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
