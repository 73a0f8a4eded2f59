//! Publishing: which diagnostics reach the client, and when.
//!
//! Diagnostics are published with the version they were computed for, and only while the
//! document still has that text: the same version of the same opening (a draft closed and
//! opened again may start at version 1 again), so a result for an older text is never
//! published. What was last published for each document is remembered as a fingerprint,
//! so an analysis that changes nothing for a draft sends nothing; a client that pulls
//! diagnostics is asked to pull again instead. A draft gets at most `MAX_DIAGNOSTICS` of
//! them (see [`analysis`](crate::lsp::analysis)). A configuration file that fails to parse
//! gets its error as a diagnostic of its own, kept until the file is good again.
//!
//! A closed document's pending analysis never publishes: a publication looks at the
//! document's text and sends under one lock, and a close takes the same lock to send its
//! empty set after the document is gone, so the empty set is always the last word.

use std::path::PathBuf;

use dashmap::DashMap;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, MessageType, Uri};

use super::State;
use crate::lsp::analysis::StoryAnalysis;
use crate::lsp::config_store::ConfigReport;
use crate::lsp::documents::{TextId, file_path};
use crate::lsp::to_proto;

/// What was last published for a document: for which text, and a fingerprint of the
/// diagnostics (not a copy: a draft may have thousands).
#[derive(Debug)]
struct Published {
    id: TextId,
    fingerprint: u64,
}

/// A fingerprint of a list of diagnostics, to tell whether it changed.
fn fingerprint(diagnostics: &[Diagnostic]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    diagnostics.len().hash(&mut hasher);
    for diagnostic in diagnostics {
        diagnostic.range.hash(&mut hasher);
        let severities = [
            DiagnosticSeverity::ERROR,
            DiagnosticSeverity::WARNING,
            DiagnosticSeverity::INFORMATION,
            DiagnosticSeverity::HINT,
        ];
        severities
            .iter()
            .position(|severity| Some(*severity) == diagnostic.severity)
            .hash(&mut hasher);
        diagnostic.code.hash(&mut hasher);
        diagnostic.message.hash(&mut hasher);
        for related in diagnostic.related_information.iter().flatten() {
            related.location.uri.as_str().hash(&mut hasher);
            related.location.range.hash(&mut hasher);
            related.message.hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// What has been published: per document, and the configuration files' errors.
#[derive(Debug, Default)]
pub(super) struct Publisher {
    published: DashMap<Uri, Published>,
    /// Configuration files with an error diagnostic published, and that diagnostic.
    failing_configs: DashMap<PathBuf, Diagnostic>,
    /// Held from the look at a document's text to the end of the send (see the module's
    /// documentation).
    sending: tokio::sync::Mutex<()>,
}

impl State {
    /// Publishes the diagnostics of an analysis for every open draft still at the version
    /// analysed, skipping those already published as they are. A client that pulls
    /// diagnostics is asked to pull again instead.
    pub(super) async fn publish(&self, analysis: &StoryAnalysis, pulled: Option<&Uri>) {
        let facts = self.facts();
        let mut others_changed = false;
        for (index, draft) in analysis.drafts.iter().enumerate() {
            let Some(id) = draft.text_id() else {
                continue;
            };
            let sending = self.publisher.sending.lock().await;
            if self.documents.text_id(&draft.uri) != Some(id) {
                // The draft has changed since (or was closed, and perhaps opened again at
                // the same version): a newer analysis is on its way.
                continue;
            }
            let Some(diagnostics) = analysis.diagnostics.get(index) else {
                continue;
            };
            let print = fingerprint(diagnostics);
            let skip = self.publisher.published.get(&draft.uri).is_some_and(|published| {
                published.id.opening == id.opening
                    && (published.id.version > id.version
                        || (published.id.version == id.version && published.fingerprint == print))
            });
            if skip {
                continue;
            }
            self.publisher.published.insert(
                draft.uri.clone(),
                Published {
                    id,
                    fingerprint: print,
                },
            );
            if facts.pull_diagnostics {
                others_changed |= pulled != Some(&draft.uri);
                continue;
            }
            self.client
                .publish_diagnostics(draft.uri.clone(), diagnostics.clone(), Some(id.version))
                .await;
            drop(sending);
        }
        if facts.pull_diagnostics && others_changed && facts.diagnostic_refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        }
    }

    /// How many documents have a publication remembered (for tests).
    pub fn published_count(&self) -> usize {
        self.publisher.published.len()
    }

    /// Shows a configuration file's error as a diagnostic on it and a message, or clears
    /// the diagnostic when the file is good again.
    pub async fn report_config(&self, report: ConfigReport) {
        let Some(uri) = Uri::from_file_path(&report.path) else {
            return;
        };
        match &report.error {
            Some(error) => {
                let diagnostic = to_proto::config_error_diagnostic(error, &report.text, self.encoding());
                self.publisher
                    .failing_configs
                    .insert(report.path.clone(), diagnostic.clone());
                self.client.publish_diagnostics(uri, vec![diagnostic], None).await;
                self.show(
                    MessageType::ERROR,
                    format!("copydesk: {error}; using the last good configuration until it is fixed"),
                    true,
                )
                .await;
            }
            None => {
                if self.publisher.failing_configs.remove(&report.path).is_some() {
                    self.client.publish_diagnostics(uri, Vec::new(), None).await;
                }
                self.log_info(format!("copydesk: {} is good again", report.path.display()));
            }
        }
    }

    /// Clears what was published for a closed document. A configuration file that still
    /// fails keeps its error: it is published again (a client may drop a closed file's
    /// diagnostics itself).
    pub async fn forget_document(&self, uri: &Uri) {
        // After the close (the caller closed the document first): a publication that saw
        // it open has sent by the time this lock is taken.
        let _sending = self.publisher.sending.lock().await;
        self.publisher.published.remove(uri);
        let config_error = file_path(uri).and_then(|path| {
            self.publisher
                .failing_configs
                .get(&path)
                .map(|entry| entry.value().clone())
        });
        if let Some(diagnostic) = config_error {
            self.client
                .publish_diagnostics(uri.clone(), vec![diagnostic], None)
                .await;
        } else if !self.facts().pull_diagnostics {
            self.client
                .publish_diagnostics(uri.clone(), Vec::new(), None)
                .await;
        }
    }
}
