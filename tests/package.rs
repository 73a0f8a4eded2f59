//! What `cargo package` puts in the crate published to crates.io: everything the build needs
//! (the sources, build.rs, the word lists and the model it compiles in) and nothing else, well
//! under crates.io's 10 MB limit. `scripts/ship/check-crate.sh` runs `cargo publish
//! --dry-run`, which builds the packaged crate.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files `cargo package --list` would publish, relative to the crate root.
fn packaged() -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline", "--quiet"])
        .current_dir(root())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo package --list failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("the list is UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Every file under `folder` (relative to the crate root) whose name ends in `extension`.
fn files_under(folder: &str, extension: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![root().join(folder)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(extension) {
                let relative = path.strip_prefix(root()).unwrap();
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

#[test]
fn the_crate_holds_what_the_build_reads() {
    let list = packaged();
    let mut needed: Vec<String> = [
        "Cargo.toml", "Cargo.lock", "build.rs", "README.md", "LICENSE-MIT", "LICENSE-APACHE",
        "data/SCOWL-COPYRIGHT", "data/english-words.txt", "data/proper-nouns.txt",
    ]
    .map(String::from)
    .to_vec();
    needed.extend(files_under("src", ".rs"));
    needed.extend(files_under("data/lexicon", ".txt"));
    // Whatever the sources include at compile time, wherever it lives.
    for source in files_under("src", ".rs") {
        let text = std::fs::read_to_string(root().join(&source)).unwrap();
        let pieces = ["include_str!(\"", "include_bytes!(\""]
            .iter()
            .flat_map(|mac| text.split(mac).skip(1));
        for piece in pieces {
            let Some(relative) = piece.split('"').next() else {
                continue;
            };
            let path = Path::new(&source).parent().unwrap().join(relative);
            // Normalise `a/b/../c` by hand: the path need not exist for this.
            let mut parts: Vec<&str> = Vec::new();
            for part in path.to_str().unwrap().split('/') {
                match part {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    part => parts.push(part),
                }
            }
            needed.push(parts.join("/"));
        }
    }
    assert!(
        needed.contains(&"data/models/web-residue.json".to_owned()),
        "the include_str! scan found the model: {needed:?}"
    );
    let missing: Vec<&String> = needed.iter().filter(|file| !list.contains(*file)).collect();
    assert!(missing.is_empty(), "the crate would lack {missing:?}");
}

#[test]
fn the_crate_leaves_out_tests_docs_and_editors() {
    let list = packaged();
    let strays: Vec<&String> = list
        .iter()
        .filter(|file| {
            [
                "tests/", "docs/", "editors/", "benches/", "scripts/", "examples/", "target/", ".ci/",
                ".github/",
            ]
            .iter()
            .any(|folder| file.starts_with(folder))
        })
        .collect();
    assert!(strays.is_empty(), "the crate would carry {strays:?}");
}

#[test]
fn the_crate_is_under_the_registry_limit() {
    // crates.io takes at most 10 MB compressed; the files themselves, uncompressed, must stay
    // under that too (they are about 2.4 MB).
    let total: u64 = packaged()
        .iter()
        .filter_map(|file| std::fs::metadata(root().join(file)).ok())
        .map(|metadata| metadata.len())
        .sum();
    assert!(total > 1_000_000, "the list missed the word lists: {total} bytes");
    assert!(total < 10_000_000, "the packaged files add up to {total} bytes");
}
