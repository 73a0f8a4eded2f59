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

// --- What `--fix` writes, and where -------------------------------------------------

use std::os::unix::fs::{MetadataExt, PermissionsExt};

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn a_read_only_draft_is_refused_by_name_and_the_others_are_fixed() {
    let folder = story_folder("file", DOUBLED);
    fs::write(folder.path().join("b.md"), DOUBLED).unwrap();
    let locked = folder.path().join("a.md");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o444)).unwrap();

    let output = fix(folder.path(), &[]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(
        message.contains("a.md: not fixed: the file is read-only; make it writable (chmod u+w)"),
        "{message}"
    );
    assert!(!message.contains("b.md: not fixed"), "{message}");
    assert_eq!(fs::read_to_string(&locked).unwrap(), DOUBLED);
    assert_eq!(fs::metadata(&locked).unwrap().permissions().mode() & 0o777, 0o444);
    assert_eq!(fs::read_to_string(folder.path().join("b.md")).unwrap(), FIXED);
    assert_eq!(names_in(folder.path()), ["a.md", "b.md", "copydesk.toml"]);
}

#[test]
fn a_fixed_draft_keeps_its_owner_group_and_mode() {
    let folder = story_folder("file", DOUBLED);
    let path = folder.path().join("a.md");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    // Giving the file away takes root; otherwise the owner stays the user's own.
    let root = fs::metadata(&path).unwrap().uid() == 0
        && std::os::unix::fs::chown(&path, Some(65534), Some(65534)).is_ok();
    let before = fs::metadata(&path).unwrap();

    let output = fix(folder.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    let after = fs::metadata(&path).unwrap();
    assert_ne!(
        after.ino(),
        before.ino(),
        "the file was replaced, not written in place"
    );
    assert_eq!(after.permissions().mode() & 0o7777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if root {
        assert_eq!((after.uid(), after.gid()), (65534, 65534));
    }
}

#[test]
fn temporary_files_are_named_for_copydesk_and_a_left_one_is_not_a_draft() {
    let folder = story_folder("file", DRAFT);
    // What a run killed while writing leaves.
    fs::write(folder.path().join(".b.md.copydesk-Ab12Cd.tmp"), DOUBLED).unwrap();
    let output = check_json(folder.path());
    assert_eq!(
        reported(&output),
        vec![("unattributed-figure".to_string(), "a.md".to_string())]
    );
    // Nor counted, nor fixed.
    let output = fix(folder.path(), &[]);
    assert!(stderr(&output).contains("of 1 draft."), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(folder.path().join(".b.md.copydesk-Ab12Cd.tmp")).unwrap(),
        DOUBLED
    );
}

#[test]
fn a_diff_keeps_the_byte_order_mark_and_applies_with_patch() {
    let folder = tempfile::tempdir().unwrap();
    let bytes = [b"\xEF\xBB\xBF".as_slice(), DOUBLED.as_bytes()].concat();
    fs::write(folder.path().join("a.md"), &bytes).unwrap();
    let diff = copydesk()
        .current_dir(folder.path())
        .args(["check", "--diff", "a.md"])
        .output()
        .unwrap();
    let text = String::from_utf8(diff.stdout.clone()).unwrap();
    // The hunk reaches line 1, which keeps its mark.
    assert!(
        text.contains("@@ -1,3 +1,3 @@\n \u{FEFF}Strike headline\n"),
        "{text}"
    );
    assert!(text.contains("-The union said the the offer was final"), "{text}");

    let patched = tempfile::tempdir().unwrap();
    fs::write(patched.path().join("a.md"), &bytes).unwrap();
    apply_patch(patched.path(), &diff.stdout);
    let output = fix(folder.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let fixed = fs::read(folder.path().join("a.md")).unwrap();
    assert_eq!(fixed, [b"\xEF\xBB\xBF".as_slice(), FIXED.as_bytes()].concat());
    assert_eq!(fs::read(patched.path().join("a.md")).unwrap(), fixed);
}

#[test]
fn a_utf16_draft_is_neither_fixed_nor_shown_fixed() {
    let folder = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(DOUBLED.encode_utf16().flat_map(u16::to_le_bytes));
    let path = folder.path().join("a.md");
    fs::write(&path, &bytes).unwrap();

    let diff = copydesk().args(["check", "--diff"]).arg(&path).output().unwrap();
    let message = stderr(&diff);
    assert!(
        diff.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&diff.stdout)
    );
    assert!(message.contains("0 files would change"), "{message}");
    assert!(
        message.contains("a.md: no diff shown: it was decoded from UTF-16LE, and fixes are written only to UTF-8 files; convert it to UTF-8 to fix it"),
        "{message}"
    );

    let output = fix(folder.path(), &[]);
    let message = stderr(&output);
    assert!(
        message.contains("a.md: not fixed: it was decoded from UTF-16LE"),
        "{message}"
    );
    // The doubled word is still there, and reported.
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn the_figure_placeholder_in_a_table_row_stays_in_its_cell_and_is_never_written() {
    let draft = "Bus headline\n\n| Year | Fleet |\n| ---- | ----- |\n| 2023 | About 400 buses |\n| 2024 | 2,300 cars were sold. |\n";
    let folder = story_folder("file", draft);
    let output = copydesk()
        .args([
            "check", "--format", "json", "--fail-on", "never", "--unsafe-fixes", "--diff",
        ])
        .arg(folder.path())
        .output()
        .unwrap();
    // Display-only: nothing to write, even with unsafe fixes.
    assert!(
        output.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let findings = json(&check_json(folder.path()));
    let mut placed = Vec::new();
    for finding in findings.iter().filter(|f| f["rule"] == "unattributed-figure") {
        for fix in finding["fixes"].as_array().unwrap() {
            assert_eq!(fix["applicability"], "display-only");
            for edit in fix["edits"].as_array().unwrap() {
                let at = edit["span"]["start"].as_u64().unwrap() as usize;
                placed.push((
                    draft[..at].rsplit('\n').next().unwrap().to_string(),
                    draft[at..].split('\n').next().unwrap().to_string(),
                ));
            }
        }
    }
    assert_eq!(
        placed,
        [
            ("| 2023 | About 400 buses".to_string(), " |".to_string()),
            ("| 2024 | 2,300 cars were sold".to_string(), ". |".to_string()),
        ]
    );
    fix(folder.path(), &["--unsafe-fixes"]);
    assert_eq!(fs::read_to_string(folder.path().join("a.md")).unwrap(), draft);
}

/// Applies a unified diff in `folder` with `patch -p1`.
fn apply_patch(folder: &Path, diff: &[u8]) {
    use std::io::Write as _;
    let mut child = std::process::Command::new("patch")
        .args(["-p1", "-s", "--no-backup-if-mismatch", "-d"])
        .arg(folder)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("`patch` is needed to test --diff (apt-get install patch)");
    child.stdin.take().unwrap().write_all(diff).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "patch failed: {}{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output),
        String::from_utf8_lossy(diff)
    );
}

// --- The fix-safety property over mutated drafts -----------------------------------

/// The drafts to mutate: the sample drafts, the Markdown fixtures and, when the shared
/// corpus is beside the checkout, its scraped pages (where fix rounds once reached past
/// what was reported).
fn seed_drafts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    let mut walk = vec![root.join("examples/drafts"), root.join("tests/fixtures")];
    while let Some(folder) = walk.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                paths.push(path);
            }
        }
    }
    let scraped = root.join("../shared/corpus/scraped");
    if let Ok(entries) = fs::read_dir(&scraped) {
        let mut pages: Vec<_> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        pages.sort();
        // Every fourth page keeps the test to a few seconds.
        paths.extend(pages.into_iter().step_by(4));
    }
    paths.sort();
    paths
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .filter_map(|p| {
            Some((
                p.file_stem()?.to_string_lossy().to_string(),
                fs::read_to_string(p).ok()?,
            ))
        })
        .collect()
}

/// A small deterministic generator (the test must be reproducible without a seed file).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// The mutations: each returns the new bytes of a draft.
fn mutate(text: &str, kind: usize, rng: &mut Lcg) -> Vec<u8> {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let pick = |rng: &mut Lcg| paragraphs[rng.below(paragraphs.len())].to_string();
    let with = |at: usize, insert: &str| {
        let mut p: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
        p.insert(at.min(p.len()), insert.to_string());
        p.join("\n\n")
    };
    let out = match kind {
        0 => text.replace('\n', "\r\n"),
        1 => format!("\u{FEFF}{text}"),
        2 => with(
            1 + rng.below(paragraphs.len()),
            "| Year | Fleet |\n| ---- | ----- |\n| 2023 | About 400 buses |\n| 2024 | 2,300 cars were sold. |",
        ),
        3 => format!("---\ntitle: \"A story\"\nauthor: Desk\n---\n\n{text}"),
        4 => with(
            1 + rng.below(paragraphs.len()),
            "Read [the report](https://example.org/report \"Report\") and <https://example.org> the the notes.",
        ),
        5 => {
            let copy = pick(rng);
            with(1 + rng.below(paragraphs.len()), &copy)
        }
        6 => format!("Title: {text}"),
        7 => format!("\u{FEFF}{}", with(1, &pick(rng)).replace('\n', "\r\n")),
        _ => text.to_string(),
    };
    out.into_bytes()
}

/// The merged spans of the edits of every finding's first allowed fix, per file name.
fn reported_spans(
    findings: &[Value],
    unsafe_fixes: bool,
) -> std::collections::HashMap<String, Vec<(usize, usize)>> {
    let mut by_file: std::collections::HashMap<String, Vec<(usize, usize)>> = Default::default();
    for finding in findings {
        let name = Path::new(finding["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let allowed = |fix: &&Value| {
            fix["applicability"] == "safe" || (unsafe_fixes && fix["applicability"] == "unsafe")
        };
        let spans = by_file.entry(name).or_default();
        if let Some(fix) = finding["fixes"]
            .as_array()
            .and_then(|fixes| fixes.iter().find(allowed))
        {
            for edit in fix["edits"].as_array().unwrap() {
                let span = &edit["span"];
                spans.push((
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                ));
            }
        }
    }
    for spans in by_file.values_mut() {
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (start, end) in spans.drain(..) {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        *spans = merged;
    }
    by_file
}

/// Whether `after` keeps every byte of `before` outside `spans`, in order: it is the
/// pieces between the spans with something (the replacements) between them.
fn keeps_outside(before: &[u8], after: &[u8], spans: &[(usize, usize)]) -> bool {
    let mut pieces = Vec::new();
    let mut cursor = 0;
    for &(start, end) in spans {
        pieces.push(&before[cursor..start]);
        cursor = end;
    }
    pieces.push(&before[cursor..]);
    if pieces.len() == 1 {
        return before == after;
    }
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if after.len() < first.len() + last.len() || !after.starts_with(first) || !after.ends_with(last) {
        return false;
    }
    let mut at = first.len();
    let limit = after.len() - last.len();
    for piece in pieces[1..pieces.len() - 1].iter().filter(|p| !p.is_empty()) {
        match after[at..limit].windows(piece.len()).position(|w| w == *piece) {
            Some(found) => at += found + piece.len(),
            None => return false,
        }
    }
    true
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes)
}

#[test]
fn fixing_changes_nothing_outside_the_reported_spans_and_the_diff_is_the_fix() {
    let seeds = seed_drafts();
    assert!(seeds.len() >= 40, "only {} drafts found", seeds.len());
    let mut rng = Lcg(14);
    let originals = tempfile::tempdir().unwrap();
    fs::write(originals.path().join("copydesk.toml"), "story = \"file\"\n").unwrap();
    let mut written = Vec::new();
    for (index, (stem, text)) in seeds.iter().enumerate() {
        for round in 0..3 {
            let kind = if round == 0 { 8 } else { rng.below(8) };
            let name = format!("{index:03}-{round}-{stem}.md");
            fs::write(originals.path().join(&name), mutate(text, kind, &mut rng)).unwrap();
            written.push(name);
        }
    }
    for unsafe_fixes in [false, true] {
        let extra: &[&str] = if unsafe_fixes { &["--unsafe-fixes"] } else { &[] };
        let copy = |to: &Path| {
            for name in written
                .iter()
                .chain(std::iter::once(&"copydesk.toml".to_string()))
            {
                fs::copy(originals.path().join(name), to.join(name)).unwrap();
            }
        };
        let report = copydesk()
            .current_dir(originals.path())
            .args(["check", "--format", "json", "--fail-on", "never", "."])
            .output()
            .unwrap();
        let spans = reported_spans(&json(&report), unsafe_fixes);
        let diff = copydesk()
            .current_dir(originals.path())
            .args(["check", "--diff", "--fail-on", "never"])
            .args(extra)
            .arg(".")
            .output()
            .unwrap();
        assert!(diff.status.code().is_some_and(|c| c < 2), "{}", stderr(&diff));
        let fixed = tempfile::tempdir().unwrap();
        copy(fixed.path());
        let output = copydesk()
            .current_dir(fixed.path())
            .args(["check", "--fix", "--fail-on", "never"])
            .args(extra)
            .arg(".")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let patched = tempfile::tempdir().unwrap();
        copy(patched.path());
        apply_patch(patched.path(), &diff.stdout);

        let mut changed = 0;
        for name in &written {
            let before = fs::read(originals.path().join(name)).unwrap();
            let after = fs::read(fixed.path().join(name)).unwrap();
            assert_eq!(
                before.starts_with(b"\xEF\xBB\xBF"),
                after.starts_with(b"\xEF\xBB\xBF"),
                "{name}: byte-order mark"
            );
            let none = Vec::new();
            let file_spans = spans.get(name).unwrap_or(&none);
            assert!(
                keeps_outside(strip_bom(&before), strip_bom(&after), file_spans),
                "{name} ({unsafe_fixes}): --fix changed bytes outside the reported spans {file_spans:?}\n--- before\n{}\n--- after\n{}",
                String::from_utf8_lossy(&before),
                String::from_utf8_lossy(&after)
            );
            assert_eq!(
                fs::read(patched.path().join(name)).unwrap(),
                after,
                "{name}: --diff applied with patch is not what --fix wrote"
            );
            changed += usize::from(before != after);
        }
        // The property is tested on drafts that were fixed, not only on untouched ones.
        assert!(changed >= 20, "only {changed} drafts changed");
    }
}

#[test]
fn keeps_outside_sees_a_change_outside_the_spans() {
    assert!(keeps_outside(b"abcdef", b"abXYef", &[(2, 4)]));
    assert!(keeps_outside(b"abcdef", b"abef", &[(2, 4)]));
    assert!(keeps_outside(b"abcdef", b"abc!def", &[(3, 3)]));
    assert!(!keeps_outside(b"abcdef", b"abXYe", &[(2, 4)]));
    assert!(!keeps_outside(b"abcdef", b"aXcdef", &[(2, 4)]));
    assert!(!keeps_outside(b"abcdef", b"abcdef!", &[(2, 4)]));
    assert!(keeps_outside(b"abcdef", b"abcdef", &[]));
    assert!(!keeps_outside(b"abcdef", b"abcde", &[]));
}

#[test]
fn a_fix_made_possible_by_another_waits_for_the_next_run() {
    // Undoubling the word makes the paragraph a copy of the next one: `check` reported
    // only the doubled word, so one run of --fix deletes no paragraph.
    let draft = "A headline\n\nThe union said the the offer was final, its leaders said on Tuesday.\n\nThe union said the offer was final, its leaders said on Tuesday.\n";
    let folder = story_folder("file", draft);
    let path = folder.path().join("a.md");
    let output = fix(folder.path(), &[]);
    let message = stderr(&output);
    assert!(
        message.contains("a.md: the fixes made others possible; run copydesk again to apply them"),
        "{message}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "A headline\n\nThe union said the offer was final, its leaders said on Tuesday.\n\nThe union said the offer was final, its leaders said on Tuesday.\n"
    );
    // What is left is reported, and the next run applies it.
    assert!(message.contains("Found 1 finding (1 warning)"), "{message}");
    let output = fix(folder.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "A headline\n\nThe union said the offer was final, its leaders said on Tuesday.\n"
    );
}

#[test]
fn clean_diff_keeps_the_byte_order_mark_and_is_what_clean_in_place_writes() {
    let folder = tempfile::tempdir().unwrap();
    let bytes = b"\xEF\xBB\xBFHeadline\n\nShare this article\n\nThe council met on Tuesday to decide on further action, its leaders said.\n";
    fs::write(folder.path().join("a.md"), bytes).unwrap();
    let diff = copydesk()
        .current_dir(folder.path())
        .args(["clean", "--diff", "a.md"])
        .output()
        .unwrap();
    let text = String::from_utf8(diff.stdout.clone()).unwrap();
    assert!(text.contains("-\u{FEFF}Headline\n"), "{text}");
    let patched = tempfile::tempdir().unwrap();
    fs::write(patched.path().join("a.md"), bytes).unwrap();
    apply_patch(patched.path(), &diff.stdout);
    let output = copydesk()
        .current_dir(folder.path())
        .args(["clean", "--in-place", "a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let cleaned = fs::read(folder.path().join("a.md")).unwrap();
    assert!(cleaned.starts_with(b"\xEF\xBB\xBF"));
    assert!(!String::from_utf8_lossy(&cleaned).contains("Share this article"));
    assert_eq!(fs::read(patched.path().join("a.md")).unwrap(), cleaned);
}
