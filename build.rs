//! Extracts each rule's documentation (the leading `//!` comment of its file under
//! `src/checks/`) at build time, so the binary carries the docs and not the whole source.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let checks = Path::new("src/checks");
    println!("cargo::rerun-if-changed=src/checks");
    let mut entries: Vec<_> = std::fs::read_dir(checks)
        .expect("src/checks is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension().is_some_and(|e| e == "rs") && path.file_stem().is_some_and(|s| s != "mod")
        })
        .collect();
    entries.sort();
    let mut out = String::from(
        "/// The documentation of each rule file, by file stem (`unattributed_figure`).\n\
         pub static RULE_DOCS: &[(&str, &str)] = &[\n",
    );
    for path in entries {
        println!("cargo::rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(&path).expect("a rule file is UTF-8");
        let mut docs = String::new();
        for line in source.lines() {
            if let Some(rest) = line.strip_prefix("//!") {
                docs.push_str(rest.strip_prefix(' ').unwrap_or(rest));
                docs.push('\n');
            } else if !line.trim().is_empty() {
                break;
            }
        }
        let stem = path.file_stem().unwrap().to_string_lossy();
        writeln!(out, "    ({stem:?}, {docs:?}),").unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("rule_docs.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
