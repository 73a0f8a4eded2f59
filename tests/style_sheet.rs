//! `copydesk style-sheet`: the story's names and figures, as Markdown and as JSON.

use assert_cmd::Command;
use serde_json::Value;

const MAIN: &str = "Taras Kovalevskyi, the director, said only 40 buses ran.\n\n\
Kovalevskyi said the company had lost money.\n\n\
The dispute affects about 2,300 drivers.\n";
const SIDE: &str = "Kovalevsky said the strike would end.\n";

fn story() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("main.md"), MAIN).unwrap();
    std::fs::write(folder.path().join("side.md"), SIDE).unwrap();
    std::fs::write(folder.path().join("notes.json"), "{}").unwrap();
    folder
}

#[test]
fn markdown_lists_names_with_variants_and_figures_with_sources() {
    let folder = story();
    let output = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(folder.path())
        .args(["style-sheet", "main.md", "side.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Story: main.md, side.md"), "{text}");
    assert!(
        text.contains(
            "| Kovalevskyi | Kovalevskyi ×2, Kovalevsky ×1 (variant) | Taras Kovalevskyi (main.md:1:1) | 3 |"
        ),
        "{text}"
    );
    assert!(
        text.contains("| 2,300 drivers | **unattributed** | main.md:5:27 |"),
        "{text}"
    );
    assert!(
        text.contains("| 40 buses | Taras Kovalevskyi … said | main.md:1:44 |"),
        "{text}"
    );
}

#[test]
fn json_takes_a_folder_as_one_story() {
    let folder = story();
    let output = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["style-sheet", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let sheet: Value = serde_json::from_slice(&output.stdout).unwrap();
    // The folder's drafts, not its other files.
    assert_eq!(sheet["drafts"].as_array().unwrap().len(), 2);
    let name = sheet["names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|name| name["canonical"] == "Kovalevskyi")
        .unwrap()
        .clone();
    assert_eq!(name["variants"], serde_json::json!(["Kovalevsky"]));
    let side_mention = name["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|mention| mention["spelling"] == "Kovalevsky")
        .unwrap()
        .clone();
    assert!(side_mention["path"].as_str().unwrap().ends_with("side.md"));
    assert_eq!(
        side_mention["range"]["start"],
        serde_json::json!({"line": 0, "character": 0})
    );
    let figure = sheet["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|figure| figure["text"] == "2,300 drivers")
        .unwrap()
        .clone();
    assert_eq!(figure["source"], "unattributed");
    assert_eq!(figure["kind"], "count");
    assert_eq!(figure["sentence"], "The dispute affects about 2,300 drivers.");
}

#[test]
fn unreadable_drafts_and_bad_configuration_exit_2_with_a_reason() {
    let folder = story();
    std::fs::write(folder.path().join("latin1.txt"), b"Caf\xe9 society.\n").unwrap();
    let output = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["style-sheet"])
        .arg(folder.path().join("latin1.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not UTF-8"));

    std::fs::write(folder.path().join("copydesk.toml"), "story = \"chapter\"\n").unwrap();
    let output = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["style-sheet"])
        .arg(folder.path().join("main.md"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("copydesk.toml:1:9"));

    let output = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["style-sheet", "no-such-draft.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// The layout of `tests/cli.rs`'s `an_exclude_holds_whichever_folder_is_checked`: a
/// `copydesk.toml` that leaves `archive/` out, and the same drafts in `archive/` and
/// `desk/`. The style sheet selects a folder's drafts as `copydesk check` does.
#[test]
fn an_exclude_holds_as_it_does_for_check() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("copydesk.toml"),
        "story = \"folder\"\n[files]\nexclude = [\"archive/**\"]\n",
    )
    .unwrap();
    for desk in ["archive", "desk"] {
        std::fs::create_dir(folder.path().join(desk)).unwrap();
        std::fs::write(folder.path().join(desk).join("main.md"), SIDE).unwrap();
        std::fs::write(folder.path().join(desk).join("old.md"), MAIN).unwrap();
    }
    let sheet = |paths: &[&str]| {
        Command::cargo_bin("copydesk")
            .unwrap()
            .current_dir(folder.path())
            .args(["style-sheet", "--format", "json"])
            .args(paths)
            .output()
            .unwrap()
    };
    let drafts_of = |output: &std::process::Output| -> Vec<String> {
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let sheet: Value = serde_json::from_slice(&output.stdout).unwrap();
        sheet["drafts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|draft| draft.as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(
        drafts_of(&sheet(&["archive", "desk"])),
        ["desk/main.md", "desk/old.md"]
    );
    let archive_alone = sheet(&["archive"]);
    assert_eq!(archive_alone.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&archive_alone.stderr).contains("no drafts found"));
    // A draft named is read whatever the patterns say, as `check` reads it.
    assert_eq!(drafts_of(&sheet(&["archive/old.md"])), ["archive/old.md"]);
}
