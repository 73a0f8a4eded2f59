//! SARIF 2.1.0, with each rule's documentation as its help.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};
use url::Url;

use super::{LocatedFinding, ReportFile, Reporter};
use crate::checks::RULES;
use crate::finding::Severity;
use crate::text::PositionEncoding;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// The `originalUriBaseIds` key of the folder copydesk was run from.
pub const SRCROOT: &str = "%SRCROOT%";

/// Removes `.` and resolves `..` components without touching the file system, so that a
/// path reached through `../` still lands under the base when it is there.
fn normalize(path: &Path) -> PathBuf {
    let mut normalized = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !normalized.pop() {
                    normalized.push(component);
                }
            }
            other => normalized.push(other),
        }
    }
    normalized
}

/// An artifact location: relative to [`SRCROOT`] (with `uriBaseId`) when the file is under
/// the base folder, an absolute `file://` URI otherwise, percent-encoded either way (RFC
/// 3986: `#`, `%`, spaces and non-ASCII bytes).
fn artifact_location(base: Option<&Url>, display: &str) -> Value {
    let path = Path::new(display);
    let absolute = match base.and_then(|base| base.to_file_path().ok()) {
        Some(root) if path.is_relative() => normalize(&root.join(path)),
        _ => normalize(path),
    };
    let Ok(url) = Url::from_file_path(&absolute) else {
        // No base folder and a relative path (the current folder is gone): a relative
        // reference, encoded as if under the root.
        let rooted = Url::from_file_path(Path::new("/").join(&absolute));
        let relative = rooted
            .as_ref()
            .ok()
            .and_then(|url| url.as_str().strip_prefix("file:///"))
            .unwrap_or(display);
        return json!({"uri": relative});
    };
    if let Some(base) = base
        && let Some(relative) = url.as_str().strip_prefix(base.as_str())
        && !relative.is_empty()
    {
        return json!({"uri": relative, "uriBaseId": SRCROOT});
    }
    json!({"uri": url.as_str()})
}

/// A region in the run's `columnKind` (UTF-16 code units): lines and columns, and
/// `charOffset`/`charLength` counted in code units from the start of the text as decoded
/// (after a byte-order mark), so that both describe the same characters.
fn region(file: &ReportFile<'_>, span: &std::ops::Range<usize>, with_snippet: bool) -> Value {
    let start = file.position(span.start, PositionEncoding::Utf16);
    let end = file.position(span.end, PositionEncoding::Utf16);
    let char_offset = file.utf16_offset(span.start);
    let char_end = file.utf16_offset(span.end.max(span.start));
    let mut region = json!({
        "startLine": start.line + 1,
        "startColumn": start.column + 1,
        "endLine": end.line + 1,
        "endColumn": end.column + 1,
        "charOffset": char_offset,
        "charLength": char_end.saturating_sub(char_offset),
    });
    if with_snippet {
        region["snippet"] = json!({"text": file.excerpt(span)});
    }
    region
}

/// Streams one SARIF log: the run's header with every rule, the results a story at a
/// time, then the closing brackets.
pub struct Sarif {
    /// The folder copydesk runs in, as a `file://` URI ending in `/`: the run's
    /// [`SRCROOT`], which the locations of files under it are relative to.
    base: Option<Url>,
}

impl Sarif {
    /// A reporter whose locations are relative to `base` (the current folder) when under it.
    pub fn new(base: Option<&Path>) -> Sarif {
        Sarif {
            base: base.and_then(|base| Url::from_directory_path(normalize(base)).ok()),
        }
    }
}

/// A rule's `name`: its id in PascalCase (`UnattributedFigure`), or none when that would
/// equal the id but for case (`placeholder`), which SARIF forbids.
fn rule_name(id: &str) -> Option<String> {
    let name: String = id
        .split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    (!name.eq_ignore_ascii_case(id)).then_some(name)
}

fn rules() -> Vec<Value> {
    RULES
        .iter()
        .map(|rule| {
            let documentation = rule.documentation();
            let mut descriptor = json!({
                "id": rule.id(),
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": rule.summary()},
                "help": {"text": documentation, "markdown": documentation},
                "helpUri": rule.documentation_url(),
                "defaultConfiguration": {"level": level(rule.default_severity())},
            });
            if let Some(name) = rule_name(rule.id()) {
                descriptor["name"] = json!(name);
            }
            descriptor
        })
        .collect()
}

fn results(base: Option<&Url>, findings: &[LocatedFinding], files: &[ReportFile<'_>]) -> Vec<Value> {
    findings
        .iter()
        .map(|located| {
            let finding = &located.finding;
            let file = &files[located.file];
            let rule_index = RULES.iter().position(|r| r.id() == finding.rule).unwrap_or(0);
            let related: Vec<Value> = finding
                .related
                .iter()
                .enumerate()
                .map(|(id, related)| {
                    let related_file = &files[related.draft];
                    json!({
                        "id": id,
                        "message": {"text": related.message},
                        "physicalLocation": {
                            "artifactLocation": artifact_location(base, related_file.display),
                            "region": region(related_file, &related.span, false),
                        },
                    })
                })
                .collect();
            let fixes: Vec<Value> = finding
                .fixes
                .iter()
                .map(|fix| {
                    let changes: Vec<Value> = fix
                        .edits
                        .iter()
                        .map(|edit| {
                            let edit_file = &files[edit.draft];
                            json!({
                                "artifactLocation": artifact_location(base, edit_file.display),
                                "replacements": [{
                                    "deletedRegion": region(edit_file, &edit.span, false),
                                    "insertedContent": {"text": edit.new_text},
                                }],
                            })
                        })
                        .collect();
                    json!({"description": {"text": fix.title}, "artifactChanges": changes})
                })
                .collect();
            json!({
                "ruleId": finding.rule,
                "ruleIndex": rule_index,
                "level": level(finding.severity),
                "message": {"text": finding.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact_location(base, file.display),
                        "region": region(file, &finding.span, true),
                    },
                }],
                "relatedLocations": related,
                "fixes": fixes,
            })
        })
        .collect()
}

impl Reporter for Sarif {
    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        let tool = json!({"driver": {
            "name": "copydesk",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": env!("CARGO_PKG_REPOSITORY"),
            "rules": rules(),
        }});
        let bases = match &self.base {
            Some(base) => json!({SRCROOT: {"uri": base.as_str()}}),
            None => json!({}),
        };
        // The envelope is written by hand so that results can stream into it.
        write!(
            out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"originalUriBaseIds\": {},\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [",
            serde_json::to_string(&tool).map_err(io::Error::other)?,
            serde_json::to_string(&bases).map_err(io::Error::other)?
        )
    }

    fn render(&self, findings: &[LocatedFinding], files: &[ReportFile<'_>]) -> Vec<String> {
        results(self.base.as_ref(), findings, files)
            .iter()
            .map(|result| format!("        {}", serde_json::to_string(result).unwrap_or_default()))
            .collect()
    }

    fn separator(&self, first: bool) -> &'static str {
        if first { "\n" } else { ",\n" }
    }

    fn end(&self, out: &mut dyn Write, _written: usize, omitted: &[super::Omitted]) -> io::Result<()> {
        out.write_all(b"\n      ]")?;
        if !omitted.is_empty() {
            // A run-level notification per draft with findings left out.
            let notifications: Vec<Value> = omitted
                .iter()
                .map(|omitted| {
                    json!({
                        "level": "warning",
                        "descriptor": {"id": "omitted-findings"},
                        "message": {"text": super::omitted_message(&omitted.display, omitted.count)},
                        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(self.base.as_ref(), &omitted.display)}}],
                    })
                })
                .collect();
            let invocations = json!([{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }]);
            write!(
                out,
                ",\n      \"invocations\": {}",
                serde_json::to_string(&invocations).map_err(io::Error::other)?
            )?;
        }
        out.write_all(b"\n    }\n  ]\n}\n")
    }
}
