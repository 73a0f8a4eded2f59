//! `workspace/executeCommand`: the style sheet, fix-all, and adding a house name.
//!
//! - `copydesk.styleSheet [uri]` returns the story's style sheet as JSON (the same shape as
//!   `copydesk style-sheet --format json`, with ranges in the negotiated encoding).
//! - `copydesk.fixAll [uri]` applies every safe fix to the draft through
//!   `workspace/applyEdit` and returns `{"applied": bool}`.
//! - `copydesk.addHouseName [{"name", "uri"}]` adds the name to `[names] known` in the
//!   draft's `copydesk.toml`, keeping the file's comments: written whole on disk (a new
//!   file in the workspace root when there is none), and read again at once; or, when the
//!   file is open in the editor, as an edit of that buffer (`workspace/applyEdit`).

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{
    DocumentChanges, FileChangeType, FileEvent, MessageType, OneOf, OptionalVersionedTextDocumentIdentifier,
    TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::code_actions::{ADD_HOUSE_NAME_COMMAND, fix_all_edit};
use super::documents::file_path;
use super::house_names::{minimal_replacement, with_house_name, write_config_file};
use super::state::State;
use super::to_proto::IndexedText;
use crate::style_sheet::{DraftLocation, to_json};
use crate::text::LineIndex;

pub const STYLE_SHEET_COMMAND: &str = "copydesk.styleSheet";
pub const FIX_ALL_COMMAND: &str = "copydesk.fixAll";
/// A command that panics, to prove the server survives it. Only with
/// `COPYDESK_LSP_DEBUG_COMMANDS=1` in the environment; never advertised.
pub const DEBUG_PANIC_COMMAND: &str = "copydesk.debug.panic";
/// A command that returns how much per-document and per-story state the server holds,
/// to prove it is freed. Debug only, like [`DEBUG_PANIC_COMMAND`].
pub const DEBUG_HELD_COMMAND: &str = "copydesk.debug.held";

/// The commands the server advertises.
pub fn advertised() -> Vec<String> {
    [STYLE_SHEET_COMMAND, FIX_ALL_COMMAND, ADD_HOUSE_NAME_COMMAND]
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn invalid(message: impl Into<String>) -> Error {
    let mut error = Error::invalid_params(message.into());
    error.data = None;
    error
}

/// The document a command names: `"uri"` or `{"uri": "…"}` as its first argument.
fn uri_argument(arguments: &[Value]) -> Result<Uri> {
    let text = match arguments.first() {
        Some(Value::String(text)) => text.as_str(),
        Some(Value::Object(map)) => map.get("uri").and_then(Value::as_str).unwrap_or_default(),
        _ => "",
    };
    text.parse::<Uri>()
        .map_err(|_| invalid("pass the draft's URI as the first argument"))
}

pub async fn execute(state: &Arc<State>, command: &str, arguments: &[Value]) -> Result<Option<Value>> {
    match command {
        STYLE_SHEET_COMMAND => style_sheet(state, arguments).await.map(Some),
        FIX_ALL_COMMAND => fix_all(state, arguments).await.map(Some),
        ADD_HOUSE_NAME_COMMAND => add_house_name(state, arguments).await.map(Some),
        DEBUG_PANIC_COMMAND if std::env::var("COPYDESK_LSP_DEBUG_COMMANDS").as_deref() == Ok("1") => {
            panic!("copydesk.debug.panic was asked to panic")
        }
        DEBUG_HELD_COMMAND if std::env::var("COPYDESK_LSP_DEBUG_COMMANDS").as_deref() == Ok("1") => {
            let (config_folders, config_files) = state.configs.held();
            Ok(Some(json!({
                "documents": state.documents.len(),
                "stories": state.story_count(),
                "foldersRead": state.folders_held(),
                "published": state.published_count(),
                "configFolders": config_folders,
                "configFiles": config_files,
            })))
        }
        other => Err(invalid(format!(
            "unknown command \"{other}\": copydesk knows {}",
            advertised().join(", ")
        ))),
    }
}

async fn style_sheet(state: &Arc<State>, arguments: &[Value]) -> Result<Value> {
    let uri = uri_argument(arguments)?;
    let Some((key, true)) = state.story_of(&uri) else {
        return Err(invalid(format!("{} is not an open draft", uri.as_str())));
    };
    let analysis = state
        .analysis(&key, None)
        .await
        .ok_or_else(Error::internal_error)?;
    let value = tokio::task::spawn_blocking(move || {
        let sheet = analysis.style_sheet();
        let names: Vec<&str> = analysis.drafts.iter().map(|draft| draft.uri.as_str()).collect();
        let locations: Vec<DraftLocation<'_>> = analysis
            .drafts
            .iter()
            .zip(&analysis.line_indexes)
            .zip(&names)
            .map(|((draft, line_index), name)| DraftLocation {
                name,
                text: draft.text.as_str(),
                line_index,
            })
            .collect();
        to_json(sheet, &locations, analysis.encoding)
    })
    .await
    .map_err(|_| Error::internal_error())?;
    Ok(value)
}

async fn fix_all(state: &Arc<State>, arguments: &[Value]) -> Result<Value> {
    let uri = uri_argument(arguments)?;
    let Some((key, true)) = state.story_of(&uri) else {
        return Err(invalid(format!("{} is not an open draft", uri.as_str())));
    };
    // The edit is for the text the document has now (not one it had before a reopen).
    let Some((analysis, draft)) = state.wait_for_analysis(key, &uri, false).await else {
        return Err(Error::content_modified());
    };
    let Some(edit) = fix_all_edit(&analysis, draft, state.facts().document_changes) else {
        return Ok(json!({"applied": false, "reason": "nothing to fix"}));
    };
    let applied = state
        .client
        .apply_edit(edit)
        .await
        .map(|response| response.applied)
        .unwrap_or(false);
    Ok(json!({"applied": applied}))
}

/// How a house name was added.
enum HouseNameChange {
    /// `copydesk.toml` is open in the editor: an edit of its buffer, for the editor to apply.
    Edit(WorkspaceEdit),
    /// Written on disk (created when `created`).
    Written { path: PathBuf, created: bool },
}

/// Adds a house name: to the buffer of `copydesk.toml` when the editor has it open (the
/// writer's unsaved changes are theirs), else to the file on disk, written whole (an edit
/// the editor applied to a new file stayed in an unsaved buffer and left the file empty).
fn add_house_name_to_config(
    state: &State,
    draft_uri: &Uri,
    name: &str,
) -> std::result::Result<Option<HouseNameChange>, String> {
    let draft_path = file_path(draft_uri)
        .ok_or_else(|| "the draft is not a file, so it has no copydesk.toml".to_string())?;
    let folder = draft_path
        .parent()
        .ok_or_else(|| "the draft has no folder".to_string())?;
    let existing_path = state.configs.file_for_folder(folder);
    let facts = state.facts();
    match existing_path {
        Some(path) => {
            let uri = Uri::from_file_path(&path).ok_or_else(|| format!("{} has no URI", path.display()))?;
            // The editor's copy when the file is open (with its version), else the disk's.
            let Some((open_text, version)) = state.documents.text(&uri) else {
                let text = std::fs::read_to_string(&path)
                    .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
                let Some(updated) = with_house_name(Some(&text), name)? else {
                    return Ok(None);
                };
                write_config_file(&path, Some(&text), &updated)?;
                return Ok(Some(HouseNameChange::Written { path, created: false }));
            };
            let text = open_text.as_str().to_string();
            let version = Some(version);
            let Some(updated) = with_house_name(Some(&text), name)? else {
                return Ok(None);
            };
            let (span, new_text) = minimal_replacement(&text, &updated);
            let line_index = LineIndex::new(&text);
            let indexed = IndexedText {
                text: &text,
                line_index: &line_index,
            };
            let edit = TextEdit {
                range: indexed.range(&span, state.encoding()),
                new_text,
            };
            Ok(Some(HouseNameChange::Edit(if facts.document_changes {
                WorkspaceEdit {
                    document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier { uri, version },
                        edits: vec![OneOf::Left(edit)],
                    }])),
                    ..WorkspaceEdit::default()
                }
            } else {
                WorkspaceEdit {
                    changes: Some([(uri, vec![edit])].into_iter().collect()),
                    ..WorkspaceEdit::default()
                }
            })))
        }
        None => {
            let path = state
                .new_config_path(&draft_path)
                .ok_or_else(|| "no folder for copydesk.toml".to_string())?;
            let Some(text) = with_house_name(None, name)? else {
                return Ok(None);
            };
            write_config_file(&path, None, &text)?;
            Ok(Some(HouseNameChange::Written { path, created: true }))
        }
    }
}

async fn add_house_name(state: &Arc<State>, arguments: &[Value]) -> Result<Value> {
    let argument = arguments.first().cloned().unwrap_or(Value::Null);
    let name = argument
        .get("name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .ok_or_else(|| invalid("pass {\"name\": \"…\", \"uri\": \"…\"}"))?
        .to_string();
    let uri = uri_argument(arguments)?;
    let worker_state = state.clone();
    let worker_name = name.clone();
    let change =
        tokio::task::spawn_blocking(move || add_house_name_to_config(&worker_state, &uri, &worker_name))
            .await
            .map_err(|_| Error::internal_error())?;
    let edit = match change {
        Ok(Some(HouseNameChange::Edit(edit))) => edit,
        Ok(Some(HouseNameChange::Written { path, created })) => {
            // Read the file again now rather than when (or whether) the editor's watcher
            // reports it: every open draft is checked again under the new name.
            if let Some(uri) = Uri::from_file_path(&path) {
                let typ = if created {
                    FileChangeType::CREATED
                } else {
                    FileChangeType::CHANGED
                };
                state.files_changed(vec![FileEvent { uri, typ }]).await;
            }
            let verb = if created { "created" } else { "updated" };
            state
                .show(
                    MessageType::INFO,
                    format!(
                        "copydesk: ‘{name}’ is a house name now ({verb} {})",
                        path.display()
                    ),
                    true,
                )
                .await;
            return Ok(json!({"applied": true, "name": name, "path": path.display().to_string()}));
        }
        Ok(None) => {
            return Ok(json!({"applied": false, "reason": format!("‘{name}’ is already a house name")}));
        }
        Err(message) => {
            state
                .show(MessageType::ERROR, format!("copydesk: {message}"), true)
                .await;
            return Ok(json!({"applied": false, "reason": message}));
        }
    };
    let applied = state
        .client
        .apply_edit(edit)
        .await
        .map(|response| response.applied)
        .unwrap_or(false);
    Ok(json!({"applied": applied, "name": name}))
}
