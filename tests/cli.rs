//! `copydesk check` end to end: every output format, exit codes, fixes, bad input.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

fn copydesk() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    command.env_remove("NO_COLOR").env("COPYDESK_LOG", "error");
    command
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/drafts")
}

const DRAFT: &str = "Strike headline

Taras Kovalevskyi, the operator's director, said 40 buses ran.

Kovalevskyi said the company would not reopen talks.

The dispute is believed to affect about 2,300 drivers and maintenance staff.

Kovalevsky said the company had lost money.
";

/// A temporary folder holding `files` (name, contents).
fn folder_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("temporary folder");
    for (name, contents) in files {
        let path = folder.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folder");
        }
        fs::write(path, contents).expect("write fixture");
    }
    folder
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

#[test]
fn json_output_follows_the_contract() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let findings = stdout_json(&output);
    let findings = findings.as_array().expect("an array");
    let rules: Vec<&str> = findings.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, vec!["unattributed-figure", "name-consistency"]);

    let figure = &findings[0];
    for key in [
        "path", "rule", "severity", "message", "range", "span", "excerpt", "related", "fixes",
    ] {
        assert!(figure.get(key).is_some(), "missing {key}: {figure}");
    }
    assert!(figure["path"].as_str().unwrap().ends_with("story.md"));
    assert_eq!(figure["severity"], "warning");
    assert_eq!(figure["excerpt"], "2,300 drivers");
    assert_eq!(
        figure["range"]["start"],
        serde_json::json!({"line": 6, "character": 40})
    );
    assert_eq!(
        figure["range"]["end"],
        serde_json::json!({"line": 6, "character": 53})
    );
    let span_start = figure["span"]["start"].as_u64().unwrap() as usize;
    assert_eq!(
        &DRAFT[span_start..span_start + "2,300 drivers".len()],
        "2,300 drivers"
    );
    assert_eq!(figure["fixes"][0]["applicability"], "display-only");
    assert_eq!(
        figure["fixes"][0]["edits"][0]["new_text"],
        ", according to [source]"
    );

    let name = &findings[1];
    assert_eq!(name["excerpt"], "Kovalevsky");
    assert_eq!(name["related"][0]["range"]["start"]["line"], 2);
    assert!(
        name["related"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Kovalevskyi")
    );
    // Whether two spellings are one name is a heuristic's call: the respelling is unsafe.
    assert_eq!(name["fixes"][0]["applicability"], "unsafe");
    assert_eq!(name["fixes"][0]["edits"][0]["new_text"], "Kovalevskyi");
}

#[test]
fn json_columns_count_utf16_code_units() {
    // The emoji is two UTF-16 code units and four bytes; the é is one unit and two bytes.
    let draft = "Headline\n\nCafé 😀 owners were quiet. Sales fell 18% in May.\n";
    let folder = folder_with(&[("emoji.md", draft.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    let figure = &findings[0];
    assert_eq!(figure["excerpt"], "18%");
    let line = draft.lines().nth(2).unwrap();
    let byte_column = line.find("18%").unwrap();
    let utf16_column: usize = line[..byte_column].chars().map(char::len_utf16).sum();
    assert_eq!(figure["range"]["start"]["character"], utf16_column);
    assert_ne!(utf16_column, byte_column);
}

#[test]
fn thousands_of_findings_on_one_long_line_keep_their_columns() {
    // One 10,000-byte line with 1,999 doubled words: each finding's position is counted
    // from a checkpoint, and the human snippet shows a window of the line.
    let line = format!("{}.", vec!["word"; 2000].join(" "));
    let draft = format!("Headline\n\n{line}\n");
    let folder = folder_with(&[("long.md", draft.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path().join("long.md"))
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 1999);
    for (index, finding) in findings.iter().enumerate() {
        assert_eq!(
            finding["range"]["start"],
            serde_json::json!({"line": 2, "character": 5 * (index + 1)})
        );
    }
    let output = copydesk()
        .args(["check", "--color", "never"])
        .arg(folder.path().join("long.md"))
        .current_dir(folder.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains(" --> long.md:3:6\n"), "{}", &stdout[..2000]);
    assert!(stdout.contains(" --> long.md:3:9996\n"));
    assert_eq!(stdout.matches("warning[repeated-word]").count(), 1999);
    // Each snippet shows the flagged stretch of the line, not all 10,000 bytes of it.
    let longest = stdout.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 1000, "a line of {longest} bytes");
}

#[test]
fn crlf_drafts_report_the_same_lines() {
    let folder = folder_with(&[("crlf.md", DRAFT.replace('\n', "\r\n").as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    assert_eq!(
        findings[0]["range"]["start"],
        serde_json::json!({"line": 6, "character": 40})
    );
    assert_eq!(
        findings[1]["range"]["start"],
        serde_json::json!({"line": 8, "character": 0})
    );
}

#[test]
fn human_output_underlines_and_summarises() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let output = copydesk().arg("check").arg(folder.path()).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("warning[name-consistency]: ‘Kovalevsky’ is spelled ‘Kovalevskyi’"),
        "{stdout}"
    );
    assert!(stdout.contains("^^^^^^^^^^"), "{stdout}");
    assert!(stdout.contains("help: Replace with ‘Kovalevskyi’"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    let summary = stderr(&output);
    assert!(
        summary.contains("Found 2 findings (2 warnings) in 1 of 1 draft."),
        "{summary}"
    );
    assert_eq!(output.status.code(), Some(1));

    let coloured = copydesk()
        .args(["check", "--color", "always"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\u{1b}'));
}

#[test]
fn sarif_output_is_sarif_2_1_0() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "sarif"])
        .arg(folder.path())
        .output()
        .unwrap();
    let log = stdout_json(&output);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "copydesk");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| {
        r["id"] == "name-consistency"
            && r["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## What it flags")
    }));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let name = results
        .iter()
        .find(|r| r["ruleId"] == "name-consistency")
        .unwrap();
    let index = name["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "name-consistency");
    let region = &name["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(9), Some(1))
    );
    assert_eq!(region["snippet"]["text"], "Kovalevsky");
    assert_eq!(
        name["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "Kovalevskyi"
    );
}

#[test]
fn sarif_offsets_count_utf16_code_units_like_its_columns() {
    // Emoji (two code units, four bytes), an accent (one unit, two bytes) and CRLF.
    let draft = "Headline 😀\r\n\r\nCafé 😀 owners closed the the shop on Monday. Sales fell 18% in May.\r\n";
    let folder = folder_with(&[("emoji.md", draft.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "sarif"])
        .arg(folder.path().join("emoji.md"))
        .output()
        .unwrap();
    let log = stdout_json(&output);
    assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
    let units = |text: &str| text.encode_utf16().count() as u64;
    let line_starts: Vec<u64> = {
        let mut starts = vec![0];
        for (index, _) in draft.match_indices('\n') {
            starts.push(units(&draft[..index + 1]));
        }
        starts
    };
    // charOffset agrees with startLine/startColumn, and charLength with the end.
    let consistent = |region: &Value| {
        let offset = region["charOffset"].as_u64().unwrap();
        let start_line = region["startLine"].as_u64().unwrap() as usize - 1;
        let end_line = region["endLine"].as_u64().unwrap() as usize - 1;
        assert_eq!(
            offset,
            line_starts[start_line] + region["startColumn"].as_u64().unwrap() - 1,
            "{region}"
        );
        assert_eq!(
            offset + region["charLength"].as_u64().unwrap(),
            line_starts[end_line] + region["endColumn"].as_u64().unwrap() - 1,
            "{region}"
        );
        offset
    };
    let results = log["runs"][0]["results"].as_array().unwrap();
    let result = |rule: &str| results.iter().find(|r| r["ruleId"] == rule).unwrap();

    let figure = &result("unattributed-figure")["locations"][0]["physicalLocation"]["region"];
    assert_eq!(figure["snippet"]["text"], "18%");
    assert_eq!(consistent(figure), units(&draft[..draft.find("18%").unwrap()]));
    assert_eq!(figure["charLength"], 3);

    let repeated = result("repeated-word");
    let region = &repeated["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        consistent(region),
        units(&draft[..draft.find("the shop").unwrap()])
    );
    let deleted = &repeated["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"];
    assert_eq!(
        consistent(deleted),
        units(&draft[..draft.find(" the shop").unwrap()])
    );
    assert_eq!(deleted["charLength"], 4);
    // The byte offsets would differ: the check is not vacuous.
    assert_ne!(
        draft.find("18%").unwrap() as u64,
        units(&draft[..draft.find("18%").unwrap()])
    );
}

#[test]
fn github_output_is_workflow_commands() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "github"])
        .arg(folder.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with("::warning file="), "{stdout}");
    assert!(
        lines[0]
            .contains("story.md,line=7,col=41,endLine=7,endColumn=54,title=copydesk unattributed-figure::")
    );
    assert!(lines[1].contains("line=9,col=1"));
}

#[test]
fn fail_on_sets_the_exit_code() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let code = |fail_on: &str| {
        copydesk()
            .args(["check", "--fail-on", fail_on])
            .arg(folder.path())
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code("warning"), Some(1));
    assert_eq!(code("error"), Some(0));
    assert_eq!(code("never"), Some(0));

    let config = "[rules]\nname-consistency = \"error\"\n";
    let strict = folder_with(&[
        ("story.md", DRAFT.as_bytes()),
        ("copydesk.toml", config.as_bytes()),
    ]);
    let output = copydesk()
        .args(["check", "--fail-on", "error"])
        .arg(strict.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));

    let clean = folder_with(&[(
        "clean.md",
        b"Headline\n\nThe council met on Monday, officials said.\n",
    )]);
    let output = copydesk().arg("check").arg(clean.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("No findings in 1 draft."));
}

#[test]
fn usage_errors_exit_2() {
    let output = copydesk().args(["check", "--format", "yaml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = copydesk().args(["explain", "no-such-rule"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("name-consistency"));
}

#[test]
fn a_missing_path_is_reported_and_the_rest_is_checked() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path().join("missing.md"))
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("missing.md: cannot read"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout_json(&output).as_array().unwrap().len(), 2);
}

#[test]
fn a_bad_config_names_file_line_and_column() {
    let config = "style = \"plain\"\n[rules]\nname-consistancy = \"off\"\n";
    let folder = folder_with(&[
        ("story.md", DRAFT.as_bytes()),
        ("copydesk.toml", config.as_bytes()),
    ]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("copydesk.toml:3:1: unknown rule \"name-consistancy\""),
        "{message}"
    );
    // The drafts are still checked, with the defaults.
    assert_eq!(stdout_json(&output).as_array().unwrap().len(), 2);

    // A bad glob is pointed at too, with --config as with discovery.
    let folder = folder_with(&[
        ("story.md", DRAFT.as_bytes()),
        ("copydesk.toml", b"[files]\ninclude = [\"[abc\"]\n"),
    ]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("copydesk.toml:2:12: bad file pattern \"[abc\""),
        "{message}"
    );
    let output = copydesk()
        .args(["check", "--config"])
        .arg(folder.path().join("copydesk.toml"))
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("copydesk.toml:2:12: bad file pattern"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn config_turns_rules_off_and_explicit_config_overrides_discovery() {
    let config = "[rules]\nunattributed-figure = \"off\"\n";
    let folder = folder_with(&[
        ("story.md", DRAFT.as_bytes()),
        ("copydesk.toml", config.as_bytes()),
    ]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    assert_eq!(findings.as_array().unwrap().len(), 1);
    assert_eq!(findings[0]["rule"], "name-consistency");

    let other = folder_with(&[("other.toml", b"[rules]\nname-consistency = \"off\"\n")]);
    let output = copydesk()
        .args(["check", "--format", "json", "--config"])
        .arg(other.path().join("other.toml"))
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    assert_eq!(findings.as_array().unwrap().len(), 1);
    assert_eq!(findings[0]["rule"], "unattributed-figure");
}

#[test]
fn stdin_is_read_with_its_filename() {
    let output = copydesk()
        .args([
            "check", "--format", "json", "--stdin-filename", "desk/story.md", "-",
        ])
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    assert_eq!(findings[0]["path"], "desk/story.md");
    assert_eq!(findings.as_array().unwrap().len(), 2);
}

#[test]
fn fix_writes_atomically_keeps_permissions_and_converges() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let path = folder.path().join("story.md");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    }
    // The respelling is unsafe: --fix alone leaves the file as it is.
    let output = copydesk()
        .args(["check", "--fix"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), DRAFT);
    assert_eq!(output.status.code(), Some(1));
    let output = copydesk()
        .args(["check", "--fix", "--unsafe-fixes"])
        .arg(folder.path())
        .output()
        .unwrap();
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        DRAFT.replace(
            "Kovalevsky said the company had lost",
            "Kovalevskyi said the company had lost"
        )
    );
    assert!(
        stderr(&output).contains("Fixed 1 finding."),
        "{}",
        stderr(&output)
    );
    // The unsafe figure fix was not applied, so that finding remains.
    assert_eq!(output.status.code(), Some(1));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");

    let again = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&again);
    assert!(findings.as_array().unwrap().iter().all(|f| {
        f["fixes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|fix| fix["applicability"] != "safe")
    }));

    // The figure's fix leaves a placeholder for the writer: display-only, never written,
    // not even with --unsafe-fixes.
    let before = fs::read_to_string(&path).unwrap();
    let output = copydesk()
        .args(["check", "--fix", "--unsafe-fixes"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    assert!(!before.contains("[source]"));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let left = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&left);
    let rules: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["unattributed-figure"]);
}

#[test]
fn diff_prints_the_fix_and_leaves_the_file() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    // The respelling is unsafe: only --unsafe-fixes puts it in the diff.
    let safe_only = copydesk()
        .args(["check", "--diff"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&safe_only.stdout).contains("Kovalevsky said"),
        "{}",
        String::from_utf8_lossy(&safe_only.stdout)
    );
    let output = copydesk()
        .args(["check", "--diff", "--unsafe-fixes"])
        .arg(folder.path())
        .output()
        .unwrap();
    let diff = String::from_utf8_lossy(&output.stdout);
    assert!(
        diff.contains("-Kovalevsky said the company had lost money."),
        "{diff}"
    );
    assert!(
        diff.contains("+Kovalevskyi said the company had lost money."),
        "{diff}"
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fs::read_to_string(folder.path().join("story.md")).unwrap(), DRAFT);
}

#[test]
fn diff_exits_like_check_and_also_when_a_fix_would_change_a_file() {
    let figure = "Headline\n\nThe dispute affects about 2,300 drivers.\n";
    let repeated = "Headline\n\nThe union said the the offer was final.\n";
    let clean = "Headline\n\nThe union said the offer was final.\n";
    let folder = folder_with(&[
        ("figure/a.md", figure.as_bytes()),
        ("repeated/a.md", repeated.as_bytes()),
        ("repeated/copydesk.toml", b"[rules]\nrepeated-word = \"hint\"\n"),
        ("clean/a.md", clean.as_bytes()),
    ]);
    let exit = |folder_name: &str, fail_on: &str| {
        let output = copydesk()
            .args(["check", "--diff", "--fail-on", fail_on])
            .arg(folder.path().join(folder_name))
            .output()
            .unwrap();
        let plain = copydesk()
            .args(["check", "--fail-on", fail_on])
            .arg(folder.path().join(folder_name))
            .output()
            .unwrap();
        (output.status.code(), plain.status.code())
    };
    // A warning with no safe fix: the diff is empty, but the warning fails the run, as in
    // a plain check.
    assert_eq!(exit("figure", "warning"), (Some(1), Some(1)));
    assert_eq!(exit("figure", "error"), (Some(0), Some(0)));
    // A hint whose fix would change the file: --diff fails on the change.
    assert_eq!(exit("repeated", "warning"), (Some(1), Some(0)));
    assert_eq!(exit("repeated", "never"), (Some(0), Some(0)));
    assert_eq!(exit("clean", "hint"), (Some(0), Some(0)));
}

#[test]
fn fixing_stdin_prints_the_fixed_draft() {
    let output = copydesk()
        .args(["check", "--fix", "--unsafe-fixes", "-"])
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    let fixed = String::from_utf8_lossy(&output.stdout);
    assert!(
        fixed.contains("Kovalevskyi said the company had lost money."),
        "{fixed}"
    );
    // The unattributed figure has no safe fix and is left: the run fails, as with files.
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[test]
fn non_utf8_files_are_reported_with_offset_and_decoded_on_request() {
    let mut latin1 = b"Headline\n\nThe caf".to_vec();
    latin1.push(0xE9); // é in windows-1252
    latin1.extend_from_slice(b" is thought to have sold 4,000 pastries.\n");
    let folder = folder_with(&[("latin1.txt", &latin1), ("story.md", DRAFT.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("latin1.txt:3:8: not UTF-8: byte 0xE9 at offset 17"),
        "{message}"
    );
    assert!(message.contains("--encoding windows-1252"), "{message}");
    assert_eq!(
        stdout_json(&output).as_array().unwrap().len(),
        2,
        "the other draft is still checked"
    );

    let output = copydesk()
        .args(["check", "--format", "json", "--encoding", "windows-1252"])
        .arg(folder.path().join("latin1.txt"))
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    assert_eq!(findings[0]["excerpt"], "4,000 pastries");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn fixing_a_decoded_file_says_why_it_is_not_written() {
    let mut latin1 = b"Headline\n\nThe caf".to_vec();
    latin1.push(0xE9); // é in windows-1252
    latin1.extend_from_slice(b" said the the pastries were sold.\n");
    let folder = folder_with(&[("latin1.txt", &latin1)]);
    let path = folder.path().join("latin1.txt");
    let output = copydesk()
        .args(["check", "--fix", "--encoding", "windows-1252"])
        .arg(&path)
        .output()
        .unwrap();
    let message = stderr(&output);
    assert!(
        message.contains("latin1.txt: not fixed: it was decoded from windows-1252"),
        "{message}"
    );
    assert!(message.contains("convert it to UTF-8 to fix it"), "{message}");
    assert_eq!(fs::read(&path).unwrap(), latin1, "the file is left as it was");
    // The finding is still there, so the run fails on it.
    assert_eq!(output.status.code(), Some(1), "{message}");
}

#[test]
fn utf16_drafts_are_decoded_from_their_byte_order_mark_or_on_request() {
    let utf16 = |big_endian: bool, bom: bool| -> Vec<u8> {
        let mut bytes = Vec::new();
        let units = (if bom { "\u{feff}" } else { "" })
            .encode_utf16()
            .chain(DRAFT.encode_utf16());
        for unit in units {
            bytes.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    let folder = folder_with(&[
        ("le.md", &utf16(false, true)),
        ("be.md", &utf16(true, true)),
        ("plain-le.md", &utf16(false, false)),
        ("utf8.md", DRAFT.as_bytes()),
    ]);
    let excerpts = |output: &Output| -> Vec<(String, String)> {
        stdout_json(output)
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let path = f["path"].as_str().unwrap();
                let name = Path::new(path).file_name().unwrap().to_string_lossy().to_string();
                (name, f["excerpt"].as_str().unwrap().to_string())
            })
            .collect()
    };
    let expected = |names: &[&str]| -> Vec<(String, String)> {
        names
            .iter()
            .flat_map(|name| {
                [
                    (name.to_string(), "2,300 drivers".to_string()),
                    (name.to_string(), "Kovalevsky".to_string()),
                ]
            })
            .collect()
    };

    // A byte-order mark is enough; UTF-16 with none looks binary without --encoding.
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(excerpts(&output), expected(&["be.md", "le.md", "utf8.md"]));
    assert!(
        stderr(&output).contains("plain-le.md: skipped: looks like a binary file"),
        "{}",
        stderr(&output)
    );

    // --encoding utf-16le decodes it, and leaves UTF-8 drafts (no NUL bytes) alone.
    let output = copydesk()
        .args(["check", "--format", "json", "--encoding", "utf-16le"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(
        excerpts(&output),
        expected(&["be.md", "le.md", "plain-le.md", "utf8.md"]),
        "{}",
        stderr(&output)
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_errors_naming_the_path() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let pipe = folder.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    for path in [pipe.as_path(), Path::new("/dev/zero")] {
        let output = copydesk()
            .args(["check", "--format", "json"])
            .arg(path)
            .arg(folder.path().join("story.md"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let message = stderr(&output);
        assert!(
            message.contains(&format!("{}: not a regular file", path.display())),
            "{message}"
        );
        assert_eq!(
            stdout_json(&output).as_array().unwrap().len(),
            2,
            "the draft is still checked"
        );
    }
}

#[test]
fn binary_and_oversized_files_are_skipped_with_a_note() {
    let big = format!("Headline\n\n{}", "Words of copy here. ".repeat(100));
    let folder = folder_with(&[
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("big.md", big.as_bytes()),
        ("copydesk.toml", b"[files]\nmax_size = 1000\n"),
    ]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let message = stderr(&output);
    assert!(
        message.contains("image.md: skipped: looks like a binary file"),
        "{message}"
    );
    assert!(
        message.contains("big.md: skipped: 2010 bytes is over the 1000-byte limit"),
        "{message}"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_errors_not_crashes() {
    let folder = folder_with(&[("drafts/story.md", DRAFT.as_bytes())]);
    std::os::unix::fs::symlink(folder.path().join("drafts"), folder.path().join("drafts/loop")).unwrap();
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).to_lowercase().contains("loop"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout_json(&output).as_array().unwrap().len(), 2);
}

#[test]
fn gitignored_and_unlisted_files_are_not_checked() {
    let folder = folder_with(&[
        (".gitignore", b"archive/\n"),
        ("archive/old.md", DRAFT.as_bytes()),
        ("notes.docx.txt", DRAFT.as_bytes()),
        ("data.csv", DRAFT.as_bytes()),
        ("story.md", DRAFT.as_bytes()),
    ]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    let mut paths: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    paths.dedup();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths
            .iter()
            .all(|p| !p.contains("archive") && !p.ends_with(".csv")),
        "{paths:?}"
    );
}

/// A newsroom whose `copydesk.toml` leaves its archive out, with the same two drafts (a
/// name spelled two ways across them) in `archive/` and in `desk/`. `tests/style_sheet.rs`
/// and `tests/lsp.rs` use the same layout: every front end selects files alike.
const ARCHIVE_CONFIG: &str = "story = \"folder\"\n[files]\nexclude = [\"archive/**\"]\n";
const ARCHIVE_MAIN: &str = "Kovalevsky said the strike would end.\n";
const ARCHIVE_OLD: &str = "Taras Kovalevskyi said the talks failed.\n\nKovalevskyi said more.\n";

#[test]
fn an_exclude_holds_whichever_folder_is_checked() {
    let folder = folder_with(&[
        ("copydesk.toml", ARCHIVE_CONFIG.as_bytes()),
        ("archive/main.md", ARCHIVE_MAIN.as_bytes()),
        ("archive/old.md", ARCHIVE_OLD.as_bytes()),
        ("desk/main.md", ARCHIVE_MAIN.as_bytes()),
        ("desk/old.md", ARCHIVE_OLD.as_bytes()),
    ]);
    let paths_checked = |paths: &[&str]| -> Vec<String> {
        let output = copydesk()
            .current_dir(folder.path())
            .args(["check", "--format", "json", "--fail-on", "never"])
            .args(paths)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let mut paths: Vec<String> = stdout_json(&output)
            .as_array()
            .unwrap()
            .iter()
            .map(|finding| finding["path"].as_str().unwrap().to_string())
            .collect();
        paths.dedup();
        paths
    };
    // The desk's story is checked (its name is spelled two ways); the archive's is not,
    // whether the walk starts above it or at it.
    assert_eq!(paths_checked(&["."]), vec!["desk/main.md"]);
    assert_eq!(paths_checked(&["archive"]), Vec::<String>::new());
    assert_eq!(paths_checked(&["archive", "desk"]), vec!["desk/main.md"]);
    // A file named on the command line is checked whatever the patterns say.
    assert_eq!(
        paths_checked(&["archive/main.md", "archive/old.md"]),
        vec!["archive/main.md"]
    );
}

#[test]
fn story_mode_compares_drafts_of_a_folder() {
    let main = "Headline\n\nTaras Kovalevskyi said talks failed. Kovalevskyi left.\n\nThe union will meet on Wednesday to decide on further action, its leaders said.\n";
    let sidebar = "Sidebar\n\nKovalevsky said buses would run.\n\nThe union will meet on Wednesday to decide on further action, its leaders said.\n";
    let folder = folder_with(&[
        ("a-main.md", main.as_bytes()),
        ("b-sidebar.md", sidebar.as_bytes()),
    ]);
    let alone = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(stdout_json(&alone).as_array().unwrap().len(), 0);
    let story = copydesk()
        .args(["check", "--story", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&story);
    let rules: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec!["name-consistency", "duplicate-paragraph"],
        "{findings}"
    );
    assert!(findings[1]["message"].as_str().unwrap().contains("a-main.md:5"));
    assert!(
        findings[1]["related"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("a-main.md")
    );
}

#[test]
fn inline_suppressions_silence_findings() {
    let draft = "Headline\n\n<!-- copydesk-disable-next-line unattributed-figure -->\nTurnout was 58.3%.\n\n<!-- copydesk-disable -->\nTurnout was 61%.\n\n<!-- copydesk-enable -->\nTurnout was 64%.\n";
    let text = "Headline\n\n[copydesk-disable-next-line unattributed-figure]\nTurnout was 58.3%.\n\nTurnout was 64%.\n";
    // The comment form works in plain text too, on a line of its own.
    let commented = "Headline\n\n<!-- copydesk-disable-next-line unattributed-figure -->\nTurnout was 58.3%.\n\n<!-- copydesk-disable -->\nTurnout was 61%.\n\n<!-- copydesk-enable -->\nTurnout was 64%.\n";
    let folder = folder_with(&[
        ("a.md", draft.as_bytes()),
        ("b.txt", text.as_bytes()),
        ("c.txt", commented.as_bytes()),
    ]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    let excerpts: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["excerpt"].as_str().unwrap())
        .collect();
    assert_eq!(excerpts, vec!["64%", "64%", "64%"]);
    assert!(!stderr(&output).contains("unknown rule"), "{}", stderr(&output));
}

#[test]
fn an_unknown_rule_in_a_directive_is_noted_with_its_line() {
    let draft = "Headline\n\n<!-- copydesk-disable-next-line bogus-rule, unattributed-figure -->\nTurnout was 58.3%.\n\n[copydesk-disable unattributed-figures]\nTurnout was 61%.\n";
    let folder = folder_with(&[("a.md", draft.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(folder.path().join("a.md"))
        .current_dir(folder.path())
        .output()
        .unwrap();
    let message = stderr(&output);
    assert!(
        message.contains(
            "copydesk: note: a.md:3: unknown rule \"bogus-rule\" in a copydesk-disable-next-line directive: it silences nothing"
        ),
        "{message}"
    );
    assert!(
        message.contains("a.md:6: unknown rule \"unattributed-figures\" in a copydesk-disable directive"),
        "{message}"
    );
    assert!(!message.contains("\"unattributed-figure\""), "{message}");
    // The known rule is still silenced; the misspelt one silences nothing, so the run fails
    // on that figure, not on the note.
    let findings = stdout_json(&output);
    let excerpts: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["excerpt"].as_str().unwrap())
        .collect();
    assert_eq!(excerpts, vec!["61%"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn rules_and_explain_document_every_rule() {
    let output = copydesk().arg("rules").output().unwrap();
    let table = String::from_utf8_lossy(&output.stdout);
    for rule in ["duplicate-paragraph", "name-consistency", "unattributed-figure"] {
        assert!(table.contains(rule), "{table}");
        let explained = copydesk().args(["explain", rule]).output().unwrap();
        let text = String::from_utf8_lossy(&explained.stdout);
        assert!(
            text.contains("## What it flags") && text.contains("## Fix"),
            "{text}"
        );
    }
    // The table's columns line up, "warning (ap)" rows included.
    let header = table.lines().next().unwrap();
    let (fix_column, summary_column) = (header.find("fix").unwrap(), header.find("summary").unwrap());
    let rows: Vec<&str> = table
        .lines()
        .skip(1)
        .take_while(|line| !line.is_empty())
        .collect();
    let listed = stdout_json(&copydesk().args(["rules", "--json"]).output().unwrap());
    assert_eq!(rows.len(), listed.as_array().unwrap().len(), "{table}");
    assert!(rows.iter().any(|row| row.contains("warning (ap)")), "{table}");
    for row in rows {
        let fix = &row[fix_column..];
        assert!(
            ["always ", "sometimes ", "never "]
                .iter()
                .any(|word| fix.starts_with(word)),
            "{row:?}"
        );
        assert!(
            !row[summary_column..].starts_with(' ') && row[..summary_column].ends_with("  "),
            "{row:?}"
        );
    }
    let json = copydesk().args(["rules", "--json"]).output().unwrap();
    let rules = stdout_json(&json);
    assert!(
        rules
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "unattributed-figure" && r["fixable"] == true && r["fix"] == "sometimes")
    );
}

#[test]
fn the_sample_drafts_show_the_mission_rules() {
    let output = copydesk()
        .args(["check", "--format", "json"])
        .arg(examples())
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    for rule in ["name-consistency", "unattributed-figure", "duplicate-paragraph"] {
        assert!(
            findings.as_array().unwrap().iter().any(|f| f["rule"] == rule),
            "no {rule} in examples"
        );
    }
}

#[test]
fn the_readme_json_example_is_real_output() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("```json\n").expect("a JSON example") + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let example: Value = serde_json::from_str(&readme[start..end]).expect("the example parses");
    let output = copydesk()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json", "examples/drafts"])
        .output()
        .unwrap();
    let findings = stdout_json(&output);
    let actual = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["excerpt"] == example["excerpt"] && f["rule"] == example["rule"])
        .expect("the example's finding is in the output");
    assert_eq!(actual, &example);
}

/// The SARIF log of checking `paths` from `cwd`.
fn sarif_from(cwd: &Path, paths: &[&Path]) -> Value {
    let output = copydesk()
        .current_dir(cwd)
        .args(["check", "--format", "sarif"])
        .args(paths)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    stdout_json(&output)
}

/// Every `artifactLocation` in a SARIF log.
fn artifact_locations(value: &Value, found: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                if key == "artifactLocation" {
                    found.push(value.clone());
                } else {
                    artifact_locations(value, found);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| artifact_locations(item, found)),
        _ => {}
    }
}

const AWKWARD_NAME: &str = "notes 2024/draft #1 100% Zoë.md";

#[test]
fn sarif_uris_under_the_current_folder_are_relative_to_srcroot_and_percent_encoded() {
    let folder = folder_with(&[(AWKWARD_NAME, DRAFT.as_bytes())]);
    let root = folder.path().canonicalize().unwrap();
    let log = sarif_from(&root, &[Path::new(".")]);
    let run = &log["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
    assert!(base.starts_with("file:///") && base.ends_with('/'), "{base}");
    let base = url::Url::parse(base).unwrap();
    assert_eq!(base.to_file_path().unwrap(), root);

    let mut locations = Vec::new();
    artifact_locations(run, &mut locations);
    assert!(!locations.is_empty());
    for location in locations {
        assert_eq!(location["uriBaseId"], "%SRCROOT%", "{location}");
        let uri = location["uri"].as_str().unwrap();
        assert_eq!(uri, "notes%202024/draft%20%231%20100%25%20Zo%C3%AB.md");
        assert_eq!(
            base.join(uri).unwrap().to_file_path().unwrap(),
            root.join(AWKWARD_NAME)
        );
    }
}

#[test]
fn sarif_uris_outside_the_current_folder_are_absolute_file_uris() {
    let folder = folder_with(&[(AWKWARD_NAME, DRAFT.as_bytes())]);
    let elsewhere = tempfile::tempdir().unwrap();
    let file = folder.path().canonicalize().unwrap().join(AWKWARD_NAME);
    // Named absolutely, and by a relative path that climbs out of the current folder.
    let climbing = Path::new("..")
        .join(folder.path().canonicalize().unwrap().file_name().unwrap())
        .join(AWKWARD_NAME);
    for (cwd, path) in [
        (elsewhere.path().to_path_buf(), file.clone()),
        (elsewhere.path().canonicalize().unwrap(), climbing),
    ] {
        let log = sarif_from(&cwd, &[&path]);
        let mut locations = Vec::new();
        artifact_locations(&log["runs"][0], &mut locations);
        assert!(!locations.is_empty());
        for location in locations {
            assert!(location.get("uriBaseId").is_none(), "{location}");
            let uri = location["uri"].as_str().unwrap();
            assert!(uri.starts_with("file:///"), "{uri}");
            assert!(
                uri.ends_with("/notes%202024/draft%20%231%20100%25%20Zo%C3%AB.md"),
                "{uri}"
            );
            assert!(!uri.contains([' ', '#']) && uri.is_ascii(), "{uri}");
            assert_eq!(url::Url::parse(uri).unwrap().to_file_path().unwrap(), file);
        }
    }
}

#[test]
fn sarif_rule_names_never_equal_their_ids_but_for_case() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let log = sarif_from(folder.path(), &[Path::new("story.md")]);
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        if let Some(name) = rule.get("name") {
            let name = name.as_str().unwrap();
            assert!(!name.eq_ignore_ascii_case(id), "{id}: {name}");
        }
    }
    let figure = rules.iter().find(|r| r["id"] == "unattributed-figure").unwrap();
    assert_eq!(figure["name"], "UnattributedFigure");
}

#[test]
fn unsafe_fixes_without_fix_or_diff_is_a_usage_error() {
    let folder = folder_with(&[("story.md", DRAFT.as_bytes())]);
    let output = copydesk()
        .args(["check", "--unsafe-fixes"])
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("--unsafe-fixes") && message.contains("<--fix|--diff>"),
        "{message}"
    );
    assert_eq!(fs::read_to_string(folder.path().join("story.md")).unwrap(), DRAFT);
}

#[test]
fn a_broken_explicit_config_checks_nothing_and_names_file_line_and_column() {
    let folder = folder_with(&[
        ("story.md", DRAFT.as_bytes()),
        ("broken.toml", b"[rules]\nname-consistency = \"loud\"\n"),
    ]);
    let output = copydesk()
        .args(["check", "--format", "json", "--config"])
        .arg(folder.path().join("broken.toml"))
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        output.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let message = stderr(&output);
    assert!(
        message.contains("broken.toml:2:20: bad level \"loud\"") && message.contains("nothing was checked"),
        "{message}"
    );
}

#[test]
fn a_value_of_the_wrong_type_says_what_is_wanted_in_words() {
    for (config, place, wanted) in [
        ("[files]\nmax_size = \"big\"\n", "2:12", "expected a whole number"),
        ("[lsp]\ndebounce_ms = 1.5\n", "2:15", "expected a whole number"),
        ("[acronyms]\nhints = \"yes\"\n", "2:9", "expected true or false"),
        (
            "[names]\nknown = \"Zoë Ball\"\n",
            "2:9",
            "expected a list of strings",
        ),
        (
            "[attribution]\nverbs = [\"briefed\", 3]\n",
            "2:21",
            "expected a string",
        ),
    ] {
        let folder = folder_with(&[
            ("story.md", DRAFT.as_bytes()),
            ("copydesk.toml", config.as_bytes()),
        ]);
        let output = copydesk().arg("check").arg(folder.path()).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        let message = stderr(&output);
        assert!(
            message.contains(&format!("copydesk.toml:{place}: found ")) && message.contains(wanted),
            "{config}: {message}"
        );
        for jargon in ["i64", "boolean", "sequence", "struct"] {
            assert!(!message.contains(jargon), "{config}: {message}");
        }
    }
}

/// An invented story on another subject, for a reference archive.
const FERRY: &str = "Malta's Gozo Channel will raise ferry fares by 12% from March, the transport ministry said on Monday, the first rise since 2015.\n\nThe operator carried 5.6 million passengers last year, up from 4.9 million, and says fuel now takes a third of its budget.\n\nA return ticket for a car and driver will cost 17.60 euros, and foot passengers will pay 5.10 euros, the ministry said.\n";

/// An invented wire story and a rewrite of it, paragraph by paragraph (for `--against`).
const WIRE: &str = "Kariba\n\nLake Kariba, the world's largest man-made reservoir, was 9% full on Thursday, the Zambezi River Authority said, its lowest level since 1996 and far below what the Kariba dam needs to run its turbines.\n\nThe authority cut the water allocation for power generation to 16 billion cubic metres for the year, forcing the Zambia Electricity Supply Corporation to ration power for up to 17 hours a day.\n\nCopper mines on the Zambian Copperbelt, which use more than half of the country's electricity, have started running diesel generators, adding about $40 million a month to their costs, the Chamber of Mines said.\n";
const REWORDED: &str = "Power cuts\n\nThe Zambezi River Authority said on Thursday that Lake Kariba, the biggest artificial reservoir on Earth, stood at just 9% of capacity, its lowest since 1996, well short of what the Kariba dam turbines require.\n\nWater allotted to generating power was reduced by the authority to 16 billion cubic metres this year, and the Zambia Electricity Supply Corporation has had to ration electricity for as long as 17 hours daily.\n\nCopper mines on the Copperbelt, which consume over half of Zambia's electricity, have begun running diesel generators, adding some $40 million a month to their costs, the Chamber of Mines said.\n";

#[test]
fn against_compares_with_a_reference_folder_it_does_not_check() {
    // An archive: the source between two unrelated stories, so that a related place must
    // name the right reference whichever references a story is compared with.
    let wire = folder_with(&[
        ("a-ferry.md", FERRY.as_bytes()),
        ("kariba.md", WIRE.as_bytes()),
        ("z-ferry.md", FERRY.as_bytes()),
    ]);
    let story = folder_with(&[("power.md", REWORDED.as_bytes())]);
    let output = copydesk()
        .args(["check", "--format", "json", "--against"])
        .arg(wire.path())
        .arg(story.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let findings = stdout_json(&output);
    let findings = findings.as_array().unwrap();
    // Nothing is reported on the reference itself.
    assert!(
        findings
            .iter()
            .all(|f| f["path"].as_str().unwrap().ends_with("power.md"))
    );
    let restated: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "restated-paragraph")
        .collect();
    let paragraphs: Vec<&&Value> = restated.iter().filter(|f| f["severity"] == "warning").collect();
    assert_eq!(paragraphs.len(), 3, "{restated:#?}");
    for (finding, line) in paragraphs.iter().zip([2, 4, 6]) {
        let related = &finding["related"][0];
        assert!(
            related["path"].as_str().unwrap().ends_with("kariba.md"),
            "{related}"
        );
        assert_eq!(related["range"]["start"]["line"], line);
    }
    let notes: Vec<&&Value> = restated.iter().filter(|f| f["severity"] == "info").collect();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("3 of 3 paragraphs")
    );

    // Without --against the draft is on its own, and nothing restates anything.
    let alone = copydesk()
        .args(["check", "--format", "json"])
        .arg(story.path())
        .output()
        .unwrap();
    assert!(
        !stdout_json(&alone)
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "restated-paragraph")
    );

    // A reference that cannot be read is an error naming it; the drafts are still checked.
    let missing = copydesk()
        .args(["check", "--format", "json", "--against", "/no/such/archive"])
        .arg(story.path())
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("/no/such/archive"),
        "{}",
        stderr(&missing)
    );
    assert!(stdout_json(&missing).as_array().is_some());
}
