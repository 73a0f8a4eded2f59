//! The rule pages under docs/rules/ are generated from each check's doc comment, so the
//! documentation printed by `copydesk explain`, linked from every diagnostic and shown in
//! SARIF help cannot drift from the pages. Regenerate with:
//!
//! ```sh
//! COPYDESK_BLESS=1 cargo test --test docs
//! ```

use std::path::Path;

use copydesk::checks::{FixAvailability, RULES};

fn page(rule: &dyn copydesk::checks::Rule) -> String {
    format!(
        "<!-- Generated from src/checks/{}.rs by `COPYDESK_BLESS=1 cargo test --test docs`; edit the doc comment there. -->\n\n{}\n**Default severity:** {}. **Fix:** {}.{}\n",
        rule.id().replace('-', "_"),
        rule.documentation().trim_end(),
        rule.default_severity(),
        match rule.fix_availability() {
            FixAvailability::Always => "always",
            FixAvailability::Sometimes => "on some findings",
            FixAvailability::Never => "none",
        },
        if rule.ap_only() {
            " **On under:** `style = \"ap\"` (or when configured)."
        } else {
            ""
        },
    )
}

#[test]
fn rule_pages_match_the_checks() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let bless = std::env::var_os("COPYDESK_BLESS").is_some();
    let mut stale = Vec::new();
    for rule in RULES {
        let path = folder.join(format!("{}.md", rule.id()));
        let expected = page(*rule);
        if bless {
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(&path, &expected).unwrap();
            continue;
        }
        if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            stale.push(rule.id());
        }
    }
    assert!(
        stale.is_empty(),
        "stale rule pages {stale:?}: run COPYDESK_BLESS=1 cargo test --test docs"
    );
    // Every page belongs to a rule.
    for entry in std::fs::read_dir(&folder).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        let id = name.trim_end_matches(".md");
        assert!(
            RULES.iter().any(|r| r.id() == id),
            "docs/rules/{name} has no rule"
        );
    }
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for rule in RULES {
        assert!(
            readme.contains(&format!("[`{}`](docs/rules/{}.md)", rule.id(), rule.id())),
            "README lacks {}",
            rule.id()
        );
    }
}
