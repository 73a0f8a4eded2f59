//! What the corpus tests share: where the shared corpora are, and which pages are held out.
// Each test binary uses some of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A shared corpus (`../shared/corpus/NAME`), or `None` (with a note) when it is absent
/// outside CI; in CI its absence is a failure.
pub fn shared_corpus(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if path.is_dir() {
        return Some(path);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} is missing; CI needs the shared corpora next to the checkout",
            path.display()
        );
    }
    eprintln!("skipped: {} is not present", path.display());
    None
}

/// True for the pages held out from tuning: the SHA-1 of the page's name (the file name
/// without its extensions, `bbc-70cb2d5b`) is 0, 1 or 2 mod 10. The same rule splits the
/// scraped pages (for web-residue's model) and the published articles (for the precision
/// of the other rules), and `scripts/train-web-residue/train.py` uses it too.
pub fn held_out(page: &str) -> bool {
    let digest = sha1_smol::Sha1::from(page.as_bytes()).digest().bytes();
    // The digest as a big-endian number, mod 10.
    digest
        .iter()
        .fold(0u32, |rest, byte| (rest * 256 + u32::from(*byte)) % 10)
        < 3
}

/// The page a corpus file belongs to: its name up to the first dot.
pub fn page_of(file_name: &str) -> &str {
    file_name.split('.').next().unwrap_or(file_name)
}

#[test]
fn the_split_holds_out_the_pages_the_training_script_does() {
    // Checked against Python's int(hashlib.sha1(name).hexdigest(), 16) % 10 < 3.
    assert!(held_out("aljazeera-7916ecca"));
    assert!(held_out("wired-d48aeb9c"));
    assert!(!held_out("bbc-70cb2d5b"));
    assert!(!held_out("latimes-098bb3e9"));
}
