//! One analysis of a story: the drafts' texts as they were, the engine's findings, and the
//! diagnostics made from them. Plain data computed on a blocking thread; no async here.

use std::sync::{Arc, OnceLock};

use tower_lsp_server::ls_types::{Diagnostic, Uri};

use super::documents::DraftSnapshot;
use super::to_proto::{self, EditTarget, IndexedText};
use crate::config::Config;
use crate::finding::Finding;
use crate::story::{DraftInput, analyze_parsed, parse_story};
use crate::style_sheet::{Place, StyleSheet};
use crate::text::{LineIndex, PositionEncoding};

/// The most diagnostics a draft gets: past this many findings, the rest are left out and
/// one information diagnostic says how many (a client slows to a crawl with hundreds of
/// thousands, and each costs the server memory twice over on the way out). Code actions
/// still see every finding.
pub const MAX_DIAGNOSTICS: usize = crate::story::MAX_FINDINGS_PER_DRAFT;

/// A story analysed at one moment.
#[derive(Debug)]
pub struct StoryAnalysis {
    /// The story's drafts as analysed, open ones first-class and unopened ones from disk.
    pub drafts: Vec<DraftSnapshot>,
    pub config: Arc<Config>,
    pub encoding: PositionEncoding,
    /// The findings, with draft indices into `drafts`.
    pub findings: Vec<Finding>,
    pub line_indexes: Vec<LineIndex>,
    /// The diagnostics of each draft: those of its first [`MAX_DIAGNOSTICS`] findings, and
    /// a note when there were more.
    pub diagnostics: Vec<Vec<Diagnostic>>,
    /// How many findings each draft has, shown or not.
    pub finding_counts: Vec<usize>,
    /// Drafts left out because they are larger than `[files] max_size`.
    pub too_large: Vec<usize>,
    style_sheet: OnceLock<StyleSheet>,
}

/// The drafts within the size limit, as engine inputs, with their story indices.
fn engine_inputs<'a>(
    drafts: &'a [DraftSnapshot],
    names: &'a [String],
    config: &Config,
) -> (Vec<usize>, Vec<DraftInput<'a>>) {
    let included: Vec<usize> = (0..drafts.len())
        .filter(|&index| drafts[index].text.len() as u64 <= config.workspace.max_file_size)
        .collect();
    let inputs = included
        .iter()
        .map(|&index| DraftInput {
            path: &names[index],
            text: drafts[index].text.as_str(),
            format: drafts[index].format,
        })
        .collect();
    (included, inputs)
}

/// Maps a finding's engine draft indices to story indices.
fn remap_finding(finding: &mut Finding, included: &[usize]) {
    let map = |draft: usize| included.get(draft).copied().unwrap_or(draft);
    finding.draft = map(finding.draft);
    for related in &mut finding.related {
        related.draft = map(related.draft);
    }
    for fix in &mut finding.fixes {
        for edit in &mut fix.edits {
            edit.draft = map(edit.draft);
        }
    }
}

fn remap_place(place: &mut Place, included: &[usize]) {
    place.draft = included.get(place.draft).copied().unwrap_or(place.draft);
}

/// Analyses a story: parses its drafts once, runs the engine, and converts the findings
/// to diagnostics in `encoding`.
pub fn analyze_story(
    drafts: Vec<DraftSnapshot>,
    config: Arc<Config>,
    encoding: PositionEncoding,
) -> StoryAnalysis {
    let names: Vec<String> = drafts.iter().map(DraftSnapshot::name).collect();
    let (included, inputs) = engine_inputs(&drafts, &names, &config);
    let contexts = parse_story(&inputs);
    // The editor shows a run of grouped findings (a block of page furniture) as one
    // diagnostic with one fix.
    let mut findings = crate::finding::collapse_groups(&analyze_parsed(&contexts, &config.engine));
    let all_included = included.len() == drafts.len();
    if !all_included {
        for finding in &mut findings {
            remap_finding(finding, &included);
        }
    }
    // The parse already built each included draft's line index; keep it.
    let mut line_indexes: Vec<Option<LineIndex>> = vec![None; drafts.len()];
    for (context, &index) in contexts.iter().zip(&included) {
        line_indexes[index] = Some(context.parsed.line_index.clone());
    }
    drop(contexts);
    let line_indexes: Vec<LineIndex> = line_indexes
        .into_iter()
        .zip(&drafts)
        .map(|(index, draft)| index.unwrap_or_else(|| LineIndex::new(&draft.text)))
        .collect();
    let too_large: Vec<usize> = (0..drafts.len())
        .filter(|index| !included.contains(index))
        .collect();

    let mut diagnostics: Vec<Vec<Diagnostic>> = vec![Vec::new(); drafts.len()];
    let mut finding_counts = vec![0usize; drafts.len()];
    {
        let targets: Vec<(&Uri, IndexedText<'_>)> = drafts
            .iter()
            .zip(&line_indexes)
            .map(|(draft, line_index)| {
                (
                    &draft.uri,
                    IndexedText {
                        text: draft.text.as_str(),
                        line_index,
                    },
                )
            })
            .collect();
        let mut first_omitted: Vec<Option<&Finding>> = vec![None; drafts.len()];
        for finding in &findings {
            let Some(count) = finding_counts.get_mut(finding.draft) else {
                continue;
            };
            *count += 1;
            if *count > MAX_DIAGNOSTICS {
                first_omitted[finding.draft].get_or_insert(finding);
                continue;
            }
            if let Some(diagnostic) = to_proto::diagnostic(finding, &targets, encoding)
                && let Some(list) = diagnostics.get_mut(finding.draft)
            {
                list.push(diagnostic);
            }
        }
        for (draft, first) in first_omitted.iter().enumerate() {
            if let Some(first) = first
                && let Some((_, text)) = targets.get(draft)
            {
                let at = text.position(first.span.start, encoding);
                diagnostics[draft].push(to_proto::omitted_diagnostic(
                    MAX_DIAGNOSTICS, finding_counts[draft], at,
                ));
            }
        }
    }
    StoryAnalysis {
        drafts,
        config,
        encoding,
        findings,
        line_indexes,
        diagnostics,
        finding_counts,
        too_large,
        style_sheet: OnceLock::new(),
    }
}

impl StoryAnalysis {
    /// True when this analysis is of exactly these drafts' texts, this configuration and
    /// this encoding.
    pub fn is_of(&self, drafts: &[DraftSnapshot], config: &Arc<Config>, encoding: PositionEncoding) -> bool {
        self.encoding == encoding
            && Arc::ptr_eq(&self.config, config)
            && self.drafts.len() == drafts.len()
            && self.drafts.iter().zip(drafts).all(|(old, new)| {
                old.uri == new.uri && old.text_id() == new.text_id() && Arc::ptr_eq(&old.text, &new.text)
            })
    }

    /// How many findings of a draft were left out of its diagnostics.
    pub fn omitted(&self, draft: usize) -> usize {
        self.finding_counts
            .get(draft)
            .map_or(0, |count| count.saturating_sub(MAX_DIAGNOSTICS))
    }

    /// The index of a draft in the story.
    pub fn draft_index(&self, uri: &Uri) -> Option<usize> {
        self.drafts.iter().position(|draft| &draft.uri == uri)
    }

    /// A draft's text with its line index.
    pub fn indexed(&self, draft: usize) -> Option<IndexedText<'_>> {
        Some(IndexedText {
            text: self.drafts.get(draft)?.text.as_str(),
            line_index: self.line_indexes.get(draft)?,
        })
    }

    /// Every draft as a workspace-edit target.
    pub fn edit_targets(&self) -> Vec<EditTarget<'_>> {
        self.drafts
            .iter()
            .zip(&self.line_indexes)
            .map(|(draft, line_index)| EditTarget {
                uri: &draft.uri,
                version: draft.version,
                text: IndexedText {
                    text: draft.text.as_str(),
                    line_index,
                },
            })
            .collect()
    }

    /// The story's style sheet, built the first time it is asked for.
    pub fn style_sheet(&self) -> &StyleSheet {
        self.style_sheet.get_or_init(|| {
            let names: Vec<String> = self.drafts.iter().map(DraftSnapshot::name).collect();
            let (included, inputs) = engine_inputs(&self.drafts, &names, &self.config);
            let contexts = parse_story(&inputs);
            let mut sheet = StyleSheet::build(&contexts, &self.config.engine);
            if included.len() != self.drafts.len() {
                for entry in &mut sheet.names {
                    for mention in &mut entry.mentions {
                        remap_place(&mut mention.place, &included);
                    }
                }
                for figure in &mut sheet.figures {
                    remap_place(&mut figure.place, &included);
                    if let Some(source) = &mut figure.source {
                        remap_place(&mut source.place, &included);
                    }
                }
            }
            sheet
        })
    }
}
