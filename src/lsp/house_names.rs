//! "Add ‘X’ to the house names": the `[names] known` list of `copydesk.toml`, edited with
//! `toml_edit` so that the file's comments and layout stay as they were, and written whole
//! on disk ([`write_config_file`]) unless the file is open in the editor.

use crate::atomic_write::{self, WriteError};
use std::ops::Range;
use std::path::Path;

use toml_edit::{Array, DocumentMut, Item, Table, Value};

/// The new text of a `copydesk.toml` (or of a new one, when `existing` is `None`) with
/// `name` in `[names] known`. `Ok(None)` when the name is already there.
pub fn with_house_name(existing: Option<&str>, name: &str) -> Result<Option<String>, String> {
    let mut document: DocumentMut = existing
        .unwrap_or_default()
        .parse()
        .map_err(|error| format!("copydesk.toml does not parse, so the name was not added: {error}"))?;
    if !document.contains_key("names") {
        document.insert("names", Item::Table(Table::new()));
    }
    let names = document
        .get_mut("names")
        .and_then(Item::as_table_like_mut)
        .ok_or("copydesk.toml: `names` is not a table, so the name was not added")?;
    if names.get("known").is_none() {
        names.insert("known", Item::Value(Value::Array(Array::new())));
    }
    let known = names
        .get_mut("known")
        .and_then(Item::as_array_mut)
        .ok_or("copydesk.toml: `names.known` is not a list, so the name was not added")?;
    if known.iter().any(|value| value.as_str() == Some(name)) {
        return Ok(None);
    }
    known.push(name);
    let mut text = document.to_string();
    if existing.is_none() {
        text =
            format!("# copydesk configuration: the keys are listed in the README (Configuration).\n{text}");
    }
    Ok(Some(text))
}

/// Writes a configuration file whole, through [`atomic_write`]: the file on disk is the old
/// text or the new, never a part. `expected` is the text the new one was made from (`None`
/// for a new file): when the file on disk is no longer that (or a new file appeared
/// meanwhile), nothing is written and the error says so.
pub fn write_config_file(path: &Path, expected: Option<&str>, text: &str) -> Result<(), String> {
    let display = path.display();
    atomic_write::write(path, expected.map(str::as_bytes), text.as_bytes()).map_err(|error| match error {
        WriteError::Changed => {
            format!("{display} changed while the name was being added; nothing was written, try again")
        }
        WriteError::ReadOnly => format!("cannot write {display}: the file is read-only"),
        WriteError::Io(doing, error) => format!("cannot write {display}: {doing}: {error}"),
    })
}

/// The smallest single replacement that turns `old` into `new`: the byte range of `old`
/// to replace and the text to put there.
pub fn minimal_replacement(old: &str, new: &str) -> (Range<usize>, String) {
    let mut prefix = old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let mut suffix = old[prefix..]
        .bytes()
        .rev()
        .zip(new[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (
        prefix..old.len() - suffix,
        new[prefix..new.len() - suffix].to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_a_name_and_keeps_the_comments() {
        let existing = "# House style for the city desk.\nstory = \"folder\" # one story per folder\n\n[names]\n# Checked with the subjects.\nknown = [\"Volodymyr Zelenskyy\"]\n";
        let updated = with_house_name(Some(existing), "Taras Kovalevskyi")
            .unwrap()
            .unwrap();
        assert!(updated.contains("# House style for the city desk."));
        assert!(updated.contains("# one story per folder"));
        assert!(updated.contains("# Checked with the subjects."));
        let config = crate::Config::from_toml(&updated, None).unwrap();
        assert_eq!(
            config.engine.known_names,
            vec!["Volodymyr Zelenskyy", "Taras Kovalevskyi"]
        );
        assert_eq!(
            with_house_name(Some(&updated), "Taras Kovalevskyi").unwrap(),
            None
        );
    }

    #[test]
    fn creates_the_table_or_the_file() {
        let created = with_house_name(None, "Taras Kovalevskyi").unwrap().unwrap();
        let config = crate::Config::from_toml(&created, None).unwrap();
        assert_eq!(config.engine.known_names, vec!["Taras Kovalevskyi"]);
        let updated = with_house_name(Some("style = \"ap\"\n"), "Kovalevskyi")
            .unwrap()
            .unwrap();
        assert!(updated.starts_with("style = \"ap\"\n"));
        assert!(with_house_name(Some("names = 4\n"), "X").is_err());
        assert!(with_house_name(Some("[names\n"), "X").is_err());
    }

    #[test]
    fn the_replacement_is_minimal_and_on_character_boundaries() {
        let (range, text) = minimal_replacement("known = [\"é\"]", "known = [\"é\", \"ö\"]");
        assert_eq!(range, 13..13);
        assert_eq!(text, ", \"ö\"");
        let (range, text) = minimal_replacement("aé", "aè");
        assert_eq!((range, text.as_str()), (1..3, "è"));
        assert_eq!(minimal_replacement("same", "same"), (4..4, String::new()));
    }

    #[test]
    fn the_file_is_written_whole_and_not_over_a_change() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("copydesk.toml");
        let created = with_house_name(None, "Taras Kovalevskyi").unwrap().unwrap();
        write_config_file(&path, None, &created).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), created);
        // A file that appeared meanwhile is not replaced.
        let error = write_config_file(&path, None, "style = \"ap\"\n").unwrap_err();
        assert!(
            error.contains("changed while the name was being added"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), created);

        let updated = with_house_name(Some(&created), "Kovalevskyi").unwrap().unwrap();
        write_config_file(&path, Some(&created), &updated).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), updated);
        // Made from a text the file no longer has: refused, the file as it was.
        let error = write_config_file(&path, Some(&created), "names = 4\n").unwrap_err();
        assert!(error.contains("try again"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), updated);
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    }
}
