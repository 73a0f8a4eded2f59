//! The story style sheet: what a copy editor keeps beside a story.
//!
//! Every name with its canonical spelling, its variants and every mention; every figure
//! with the sentence it sits in and its source, or "unattributed". The language server
//! shows it on hover and returns it from the `copydesk.styleSheet` command; the command
//! line prints it with `copydesk style-sheet`. Like the rest of the analysis core this
//! module is pure: it reads parsed drafts and the [`EngineSettings`] and returns data.
//!
//! How names are grouped, simply and predictably:
//! - A mention's *key* is its last name word with the particles before it ("Kovalevskyi"
//!   in "Taras Kovalevskyi", "van der Linden" in "Pieter van der Linden"), possessive
//!   stripped. Mentions with the same key are one entry, whatever given names they use, so
//!   two people who share a surname share an entry; its mentions tell them apart.
//! - Entries whose keys the `name-consistency` rule holds to be one name spelled two ways
//!   (`name_consistency::variant_spellings`) are merged, so "Kovalevsky" is listed as a
//!   variant of "Kovalevskyi". The check's
//!   canonical spelling (the most used, or the house spelling from `[names] known`) is the
//!   entry's canonical spelling; without a finding, the most used spelling is (on a tie,
//!   the first used).
//!
//! How figures get their source: as `unattributed-figure` decides it
//! (`unattributed_figure::sourced_figures`); the style sheet words the source. A figure's
//! source is the clause of its sentence that names one ("the union said", "according to
//! the ministry"), the attribution of the direct quotation it sits in, or the attributed
//! lead-in of the list it belongs to; a figure with none of these is "unattributed".

use crate::text::lexicon::class;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use serde_json::{Value, json};

use crate::checks::{self, DraftContext};
use crate::config::EngineSettings;
use crate::text::attribution::find_attribution;
use crate::text::calendar;
use crate::text::figures::FigureKind;
use crate::text::figures::context::{Decision, Scope, decide};
use crate::text::lexicon::is_common_word;
use crate::text::names::NameMention;
use crate::text::{BlockKind, LineIndex, ParsedDraft, PositionEncoding, TokenKind};

/// The most words of a source kept on either side of its cue.
const SOURCE_CONTEXT_WORDS: usize = 5;

/// One place in the story: a draft (its index in the story) and a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub draft: usize,
    pub span: Range<usize>,
}

/// One mention of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMentionEntry {
    pub place: Place,
    /// The whole mention as written, titles excluded ("Taras Kovalevskyi").
    pub text: String,
    /// The spelling of the entry's key in this mention ("Kovalevskyi").
    pub spelling: String,
}

/// A spelling of a name and how often the story uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpellingCount {
    pub text: String,
    pub count: usize,
}

/// A name in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    /// The spelling to use.
    pub canonical: String,
    /// The canonical spelling is a house spelling from `[names] known`.
    pub house_spelling: bool,
    /// Every spelling used, the canonical first (unless it is a house spelling the story
    /// never uses), then by use.
    pub spellings: Vec<SpellingCount>,
    /// Every mention, in story order.
    pub mentions: Vec<NameMentionEntry>,
}

impl NameEntry {
    /// The spellings other than the canonical one.
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        self.spellings
            .iter()
            .map(|spelling| spelling.text.as_str())
            .filter(|text| *text != self.canonical)
    }

    /// The first mention: the name's first reference.
    pub fn first_reference(&self) -> Option<&NameMentionEntry> {
        self.mentions.first()
    }

    /// The mention at byte `offset` of draft `draft`, if any.
    pub fn mention_at(&self, draft: usize, offset: usize) -> Option<&NameMentionEntry> {
        self.mentions
            .iter()
            .find(|mention| mention.place.draft == draft && mention.place.span.contains(&offset))
    }
}

/// Where a figure's source is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureSource {
    /// The clause that names the source ("the union said").
    pub text: String,
    pub place: Place,
}

/// A figure in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureEntry {
    pub place: Place,
    /// The figure as written ("about 2,300 drivers" is "2,300 drivers").
    pub text: String,
    pub kind: FigureKind,
    /// The sentence it sits in, white space collapsed.
    pub sentence: String,
    /// Its source, or `None` when it is unattributed.
    pub source: Option<FigureSource>,
}

/// The story's style sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StyleSheet {
    /// Names in order of first reference.
    pub names: Vec<NameEntry>,
    /// Figures in story order.
    pub figures: Vec<FigureEntry>,
}

impl StyleSheet {
    /// Builds the style sheet of a story from its parsed drafts.
    pub fn build(drafts: &[DraftContext<'_>], config: &EngineSettings) -> StyleSheet {
        StyleSheet {
            names: collect_names(drafts, config),
            figures: drafts
                .iter()
                .enumerate()
                .flat_map(|(index, draft)| collect_figures(index, draft, config))
                .collect(),
        }
    }

    /// The name entry with a mention at byte `offset` of draft `draft`.
    pub fn name_at(&self, draft: usize, offset: usize) -> Option<&NameEntry> {
        self.names
            .iter()
            .find(|entry| entry.mention_at(draft, offset).is_some())
    }
}

/// The lower-case name of a figure kind, as the JSON and Markdown outputs print it.
pub fn figure_kind_name(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Percentage => "percentage",
        FigureKind::Money => "money",
        FigureKind::Count => "count",
        FigureKind::Proportion => "proportion",
        FigureKind::Measurement => "measurement",
        FigureKind::Duration => "duration",
        FigureKind::Quantity => "quantity",
    }
}

/// True for a capitalised ordinary word ("Park", "Union", "Forty-one") or a day or month.
fn is_ordinary_word(word: &str) -> bool {
    calendar::is_weekday_spelled_out(word)
        || calendar::is_month_spelled_out(word)
        || word.split(['-', '‐']).all(is_common_word)
}

/// The byte range of a mention's key: its last name word with the particles before it
/// ("Kovalevskyi", "van der Linden"). When that word is an ordinary word ("Phoenix Park",
/// "Czech Republic"), the whole mention is the key; a mention that is one ordinary word
/// ("Union", "Monday") has none.
fn key_span(mention: &NameMention, source: &str) -> Option<Range<usize>> {
    let last = mention
        .parts
        .iter()
        .rposition(|part| !part.particle && !part.initial)?;
    let last_word = source.get(mention.parts[last].span.clone())?;
    if is_ordinary_word(last_word) {
        let name_words = mention.name_parts().count();
        return (name_words > 1).then(|| mention.span.clone());
    }
    let mut first = last;
    while first > 0 && mention.parts[first - 1].particle {
        first -= 1;
    }
    Some(mention.parts[first].span.start..mention.parts[last].span.end)
}

/// Collapses runs of white space (and masked markup, which the copy holds as spaces).
fn collapse_white_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A small union-find over spelling groups.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, mut index: usize) -> usize {
        while self.parent[index] != index {
            self.parent[index] = self.parent[self.parent[index]];
            index = self.parent[index];
        }
        index
    }

    fn union(&mut self, a: usize, b: usize) {
        let (root_a, root_b) = (self.find(a), self.find(b));
        if root_a != root_b {
            // The earlier spelling stays the root, so groups keep story order.
            let (low, high) = if root_a < root_b {
                (root_a, root_b)
            } else {
                (root_b, root_a)
            };
            self.parent[high] = low;
        }
    }
}

/// The spellings the `name-consistency` rule reads as variants, with their canonical
/// spellings, whatever the rule's configured level.
fn spelling_merges(drafts: &[DraftContext<'_>], config: &EngineSettings) -> Vec<(String, String)> {
    checks::name_consistency::variant_spellings(&checks::Ctx::new(drafts, config))
}

fn is_house_spelling(config: &EngineSettings, spelling: &str) -> bool {
    config.known_names.iter().any(|known| {
        let words: Vec<&str> = known.split_whitespace().collect();
        (0..words.len())
            .any(|start| (start + 1..=words.len()).any(|end| words[start..end].join(" ") == spelling))
    })
}

fn collect_names(drafts: &[DraftContext<'_>], config: &EngineSettings) -> Vec<NameEntry> {
    // Every mention with its key spelling, grouped by spelling.
    let mut spelling_ids: HashMap<String, usize> = HashMap::new();
    let mut spelling_texts: Vec<String> = Vec::new();
    let mut mentions_by_spelling: Vec<Vec<NameMentionEntry>> = Vec::new();
    for (draft_index, draft) in drafts.iter().enumerate() {
        let source = draft.parsed.source;
        for mention in draft.mentions() {
            let Some(key) = key_span(mention, source) else {
                continue;
            };
            let (Some(spelling), Some(text)) = (source.get(key), source.get(mention.span.clone())) else {
                continue;
            };
            let id = *spelling_ids.entry(spelling.to_string()).or_insert_with(|| {
                spelling_texts.push(spelling.to_string());
                mentions_by_spelling.push(Vec::new());
                spelling_texts.len() - 1
            });
            mentions_by_spelling[id].push(NameMentionEntry {
                place: Place {
                    draft: draft_index,
                    span: mention.span.clone(),
                },
                text: text.to_string(),
                spelling: spelling.to_string(),
            });
        }
    }
    if spelling_texts.is_empty() {
        return Vec::new();
    }

    // Merge the spellings that the name check holds to be one name.
    let mut groups = Groups {
        parent: (0..spelling_texts.len()).collect(),
    };
    let mut canonical_targets: Vec<String> = Vec::new();
    // A variant whose canonical spelling the story never uses (a house spelling from
    // `[names] known`), with that spelling.
    let mut unused_canonicals: Vec<(usize, String)> = Vec::new();
    for (variant, canonical) in spelling_merges(drafts, config) {
        if let (Some(&variant_id), None) = (spelling_ids.get(&variant), spelling_ids.get(&canonical)) {
            unused_canonicals.push((variant_id, canonical.clone()));
        }
        if let (Some(&a), Some(&b)) = (spelling_ids.get(&variant), spelling_ids.get(&canonical)) {
            groups.union(a, b);
        }
        if !canonical_targets.contains(&canonical) {
            canonical_targets.push(canonical);
        }
    }

    let mut members: Vec<Vec<usize>> = vec![Vec::new(); spelling_texts.len()];
    for id in 0..spelling_texts.len() {
        let root = groups.find(id);
        members[root].push(id);
    }
    let mut entries: Vec<NameEntry> = Vec::new();
    for group in members.into_iter().filter(|group| !group.is_empty()) {
        let mut spellings: Vec<(usize, SpellingCount)> = group
            .iter()
            .map(|&id| {
                (
                    id,
                    SpellingCount {
                        text: spelling_texts[id].clone(),
                        count: mentions_by_spelling[id].len(),
                    },
                )
            })
            .collect();
        // The check's canonical spelling when it named one, used in the story or not (a
        // house spelling the story never uses), else the most used (on a tie, the first
        // used: spelling ids are in order of first use).
        let canonical = spellings
            .iter()
            .filter(|(_, spelling)| canonical_targets.contains(&spelling.text))
            .max_by(|(id_a, a), (id_b, b)| a.count.cmp(&b.count).then(id_b.cmp(id_a)))
            .map(|(_, spelling)| spelling.text.clone())
            .or_else(|| {
                unused_canonicals
                    .iter()
                    .find(|(variant_id, _)| group.contains(variant_id))
                    .map(|(_, canonical)| canonical.clone())
            })
            .or_else(|| {
                spellings
                    .iter()
                    .max_by(|(id_a, a), (id_b, b)| a.count.cmp(&b.count).then(id_b.cmp(id_a)))
                    .map(|(_, spelling)| spelling.text.clone())
            })
            .unwrap_or_default();
        spellings.sort_by(|(id_a, a), (id_b, b)| {
            (b.text == canonical)
                .cmp(&(a.text == canonical))
                .then(b.count.cmp(&a.count))
                .then(id_a.cmp(id_b))
        });
        let mut mentions: Vec<NameMentionEntry> = group
            .iter()
            .flat_map(|&id| mentions_by_spelling[id].iter().cloned())
            .collect();
        mentions.sort_by_key(|mention| (mention.place.draft, mention.place.span.start));
        entries.push(NameEntry {
            house_spelling: is_house_spelling(config, &canonical),
            canonical,
            spellings: spellings.into_iter().map(|(_, spelling)| spelling).collect(),
            mentions,
        });
    }
    entries.sort_by_key(|entry| {
        entry
            .first_reference()
            .map(|mention| (mention.place.draft, mention.place.span.start))
    });
    entries
}

/// True for punctuation that ends a clause: a source clause does not cross it.
fn is_clause_boundary(text: &str) -> bool {
    matches!(
        text,
        "," | ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\"" | "«" | "»" | "„" | "." | "!" | "?"
    )
}

/// The words of a sentence (its tokens `sentence`) that name the source an attribution
/// cue points to.
///
/// After a speech or reporting verb, its subject: the words before it in its clause ("the
/// union said"), a name right after it ("said Okafor"), or, when an apposition stands
/// between, the sentence's first clause ("Taras Kovalevskyi … said"). After any other cue
/// ("according to", "data from", "(Eurostat)"), the cue and the rest of its clause.
fn source_clause(
    parsed: &ParsedDraft<'_>,
    draft: usize,
    sentence: Range<usize>,
    cue: &Range<usize>,
    verbs: &[String],
) -> FigureSource {
    let tokens = &parsed.tokens;
    let text_of = |index: usize| tokens[index].text(&parsed.copy);
    let boundary =
        |index: usize| tokens[index].kind == TokenKind::Punct && is_clause_boundary(text_of(index));
    let is_word = |index: usize| tokens[index].kind != TokenKind::Punct;
    let source_of = |span: Range<usize>, text: String| FigureSource {
        text,
        place: Place { draft, span },
    };
    let cue_tokens: Vec<usize> = sentence
        .clone()
        .filter(|&index| tokens[index].start < cue.end && tokens[index].end > cue.start)
        .collect();
    let (Some(&cue_first), Some(&cue_last)) = (cue_tokens.first(), cue_tokens.last()) else {
        let text = collapse_white_space(parsed.copy.get(cue.clone()).unwrap_or_default());
        return source_of(cue.clone(), text);
    };
    let copy_of = |first: usize, last: usize| {
        let span = tokens[first].start..tokens[last].end;
        let text = collapse_white_space(parsed.copy.get(span.clone()).unwrap_or_default());
        (span, text)
    };
    let cue_word = text_of(cue_first).to_lowercase();
    let is_verb = class::ATTRIBUTION_ATTRIBUTION_VERBS.contains(cue_word.as_str())
        || verbs.iter().any(|verb| verb.eq_ignore_ascii_case(&cue_word));
    if !is_verb {
        // The cue and the rest of its clause, a few words at most.
        let mut last = cue_last;
        let mut words_after = 0;
        while last + 1 < sentence.end && !boundary(last + 1) && words_after < SOURCE_CONTEXT_WORDS + 1 {
            last += 1;
            words_after += usize::from(is_word(last));
        }
        let (span, text) = copy_of(cue_first, last);
        return source_of(span, text);
    }
    // The subject before the verb, within its clause.
    let mut first = cue_first;
    let mut words_before = 0;
    while first > sentence.start && !boundary(first - 1) && words_before < SOURCE_CONTEXT_WORDS {
        first -= 1;
        words_before += usize::from(is_word(first));
    }
    if words_before > 0 {
        let (span, text) = copy_of(first, cue_last);
        return source_of(span, text);
    }
    // "said Okafor": a capitalised name right after the verb.
    let mut last = cue_last;
    while last + 1 < sentence.end
        && last - cue_last < 3
        && tokens[last + 1].kind == TokenKind::Word
        && text_of(last + 1).chars().next().is_some_and(char::is_uppercase)
    {
        last += 1;
    }
    if last > cue_last {
        let (span, text) = copy_of(cue_first, last);
        return source_of(span, text);
    }
    // "Taras Kovalevskyi, the director, said": the sentence's first clause is the subject.
    let subject_end = (sentence.start..cue_first).find(|&index| boundary(index));
    let subject_start = (sentence.start..cue_first).find(|&index| is_word(index));
    if let (Some(subject_start), Some(subject_end)) = (subject_start, subject_end)
        && subject_start < subject_end
        && words_before == 0
    {
        let subject_last = subject_end - 1;
        let (_, subject) = copy_of(subject_start, subject_last);
        let (_, verb) = copy_of(cue_first, cue_last);
        let span = tokens[subject_start].start..tokens[cue_last].end;
        return source_of(span, format!("{subject} … {verb}"));
    }
    let (span, text) = copy_of(cue_first, cue_last);
    source_of(span, text)
}

fn collect_figures(
    draft_index: usize,
    draft: &DraftContext<'_>,
    config: &EngineSettings,
) -> Vec<FigureEntry> {
    let parsed = &draft.parsed;
    let verbs = &config.attribution_verbs;
    let quotations = draft.quotations(config);
    // The rule decides where each figure's source is; the style sheet only words it.
    decide(draft, config)
        .into_iter()
        .filter_map(|decided| {
            let kind = decided.kind?;
            let sentence = &parsed.sentences[decided.sentence];
            let source = match decided.decision {
                Decision::Sourced(scope) => Some(match scope {
                    Scope::Sentence(cue) => {
                        source_clause(parsed, draft_index, sentence.tokens.clone(), &cue, verbs)
                    }
                    Scope::ListLeadIn { block, cue } => source_clause(
                        parsed,
                        draft_index,
                        parsed.blocks[block].tokens.clone(),
                        &cue,
                        verbs,
                    ),
                    Scope::Quotation(index) => {
                        quotation_source(parsed, draft_index, quotations, quotations[index].block, verbs)
                    }
                    Scope::Paragraph { sentence, cue } | Scope::NextSentence { sentence, cue } => {
                        source_clause(
                            parsed,
                            draft_index,
                            parsed.sentences[sentence].tokens.clone(),
                            &cue,
                            verbs,
                        )
                    }
                    Scope::DocumentSubject(noun) => FigureSource {
                        text: format!("the {}", parsed.copy.get(noun.clone()).unwrap_or_default()),
                        place: Place {
                            draft: draft_index,
                            span: noun,
                        },
                    },
                    Scope::StoryDocument { noun, .. } => FigureSource {
                        text: format!(
                            "the {} the story reports on",
                            parsed.copy.get(noun.clone()).unwrap_or_default()
                        ),
                        place: Place {
                            draft: draft_index,
                            span: noun,
                        },
                    },
                }),
                _ => None,
            };
            Some(FigureEntry {
                place: Place {
                    draft: draft_index,
                    span: decided.span.clone(),
                },
                text: collapse_white_space(parsed.copy.get(decided.span.clone()).unwrap_or_default()),
                kind,
                sentence: collapse_white_space(parsed.copy.get(sentence.span.clone()).unwrap_or_default()),
                source,
            })
        })
        .collect()
}

/// The source of an attributed quotation: the cue in its block outside the quotes, or, for
/// a quote that continues one from an earlier paragraph or a block quote, a note saying so.
fn quotation_source(
    parsed: &ParsedDraft<'_>,
    draft_index: usize,
    quotations: &[crate::text::quotes::Quotation],
    block_index: usize,
    verbs: &[String],
) -> FigureSource {
    let Some(block) = parsed.blocks.get(block_index) else {
        return quoted_speaker(draft_index, 0..0);
    };
    let inside_a_quote = |token: usize| {
        quotations
            .iter()
            .filter(|quote| quote.block == block_index)
            .any(|quote| quote.tokens.contains(&token))
    };
    if block.kind != BlockKind::BlockQuote
        && let Some(cue) = find_attribution(parsed, block.tokens.clone(), verbs, &inside_a_quote)
    {
        return source_clause(parsed, draft_index, block.tokens.clone(), &cue, verbs);
    }
    quoted_speaker(draft_index, block.span.clone())
}

fn quoted_speaker(draft: usize, span: Range<usize>) -> FigureSource {
    FigureSource {
        text: "the speaker quoted".to_string(),
        place: Place { draft, span },
    }
}

/// A draft as the outputs name and locate it: its display name, text and line index.
pub struct DraftLocation<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub line_index: &'a LineIndex,
}

impl DraftLocation<'_> {
    fn range(&self, span: &Range<usize>, encoding: PositionEncoding) -> Value {
        let start = self.line_index.position(self.text, span.start, encoding);
        let end = self.line_index.position(self.text, span.end, encoding);
        json!({
            "start": {"line": start.line, "character": start.column},
            "end": {"line": end.line, "character": end.column},
        })
    }

    /// `name:line:column`, one-based, columns in characters: for people.
    fn cite(&self, offset: usize) -> String {
        let position = self
            .line_index
            .position(self.text, offset, PositionEncoding::Utf32);
        format!("{}:{}:{}", self.name, position.line + 1, position.column + 1)
    }
}

/// The style sheet as JSON. Lines are zero-based and columns count `encoding` units, as in
/// LSP (the command line uses UTF-16, like `copydesk check --format json`); `span` holds
/// byte offsets.
pub fn to_json(sheet: &StyleSheet, drafts: &[DraftLocation<'_>], encoding: PositionEncoding) -> Value {
    let place = |place: &Place| -> Value {
        match drafts.get(place.draft) {
            Some(draft) => json!({
                "path": draft.name,
                "range": draft.range(&place.span, encoding),
                "span": {"start": place.span.start, "end": place.span.end},
            }),
            None => Value::Null,
        }
    };
    let names: Vec<Value> = sheet
        .names
        .iter()
        .map(|entry| {
            let mentions: Vec<Value> = entry
                .mentions
                .iter()
                .map(|mention| {
                    let mut value = place(&mention.place);
                    if let Value::Object(map) = &mut value {
                        map.insert("text".into(), json!(mention.text));
                        map.insert("spelling".into(), json!(mention.spelling));
                    }
                    value
                })
                .collect();
            let first_reference = entry.first_reference().map(|mention| {
                let mut value = place(&mention.place);
                if let Value::Object(map) = &mut value {
                    map.insert("text".into(), json!(mention.text));
                }
                value
            });
            json!({
                "canonical": entry.canonical,
                "house_spelling": entry.house_spelling,
                "variants": entry.variants().collect::<Vec<_>>(),
                "spellings": entry.spellings.iter().map(|s| json!({"text": s.text, "count": s.count})).collect::<Vec<_>>(),
                "first_reference": first_reference,
                "mentions": mentions,
            })
        })
        .collect();
    let figures: Vec<Value> = sheet
        .figures
        .iter()
        .map(|figure| {
            let mut value = place(&figure.place);
            if let Value::Object(map) = &mut value {
                map.insert("text".into(), json!(figure.text));
                map.insert("kind".into(), json!(figure_kind_name(figure.kind)));
                map.insert("sentence".into(), json!(figure.sentence));
                match &figure.source {
                    Some(source) => {
                        map.insert("source".into(), json!(source.text));
                        map.insert("source_location".into(), place(&source.place));
                    }
                    None => {
                        map.insert("source".into(), json!("unattributed"));
                    }
                }
            }
            value
        })
        .collect();
    json!({
        "drafts": drafts.iter().map(|draft| draft.name).collect::<Vec<_>>(),
        "names": names,
        "figures": figures,
    })
}

/// Escapes a table cell: pipes and line breaks would end it.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The style sheet as a Markdown document, for people.
pub fn to_markdown(sheet: &StyleSheet, drafts: &[DraftLocation<'_>]) -> String {
    let mut out = String::new();
    let names: Vec<&str> = drafts.iter().map(|draft| draft.name).collect();
    let _ = writeln!(out, "# Style sheet\n");
    let _ = writeln!(out, "Story: {}\n", names.join(", "));
    let _ = writeln!(out, "## Names\n");
    if sheet.names.is_empty() {
        let _ = writeln!(out, "No names.\n");
    } else {
        let _ = writeln!(out, "| Name | Spellings | First reference | Mentions |");
        let _ = writeln!(out, "| --- | --- | --- | --- |");
        for entry in &sheet.names {
            let spellings: Vec<String> = entry
                .spellings
                .iter()
                .map(|spelling| {
                    let marker = if spelling.text == entry.canonical {
                        ""
                    } else {
                        " (variant)"
                    };
                    format!("{} ×{}{marker}", spelling.text, spelling.count)
                })
                .collect();
            let name = if entry.house_spelling {
                format!("{} (house)", entry.canonical)
            } else {
                entry.canonical.clone()
            };
            let first = entry
                .first_reference()
                .and_then(|mention| {
                    let draft = drafts.get(mention.place.draft)?;
                    Some(format!(
                        "{} ({})",
                        mention.text,
                        draft.cite(mention.place.span.start)
                    ))
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&name),
                cell(&spellings.join(", ")),
                cell(&first),
                entry.mentions.len()
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Figures\n");
    if sheet.figures.is_empty() {
        let _ = writeln!(out, "No figures.");
    } else {
        let _ = writeln!(out, "| Figure | Source | Where | Sentence |");
        let _ = writeln!(out, "| --- | --- | --- | --- |");
        for figure in &sheet.figures {
            let source = figure
                .source
                .as_ref()
                .map(|source| source.text.clone())
                .unwrap_or_else(|| "**unattributed**".to_string());
            let place = drafts
                .get(figure.place.draft)
                .map(|draft| draft.cite(figure.place.span.start))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&figure.text),
                cell(&source),
                cell(&place),
                cell(&figure.sentence)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{DraftInput, parse_story};

    fn sheet_of(texts: &[(&str, &str)], config: &EngineSettings) -> StyleSheet {
        let inputs: Vec<DraftInput<'_>> = texts
            .iter()
            .map(|(path, text)| DraftInput::new(path, text))
            .collect();
        let drafts = parse_story(&inputs);
        StyleSheet::build(&drafts, config)
    }

    #[test]
    fn groups_spellings_of_one_name_under_the_canonical() {
        let text = "Taras Kovalevskyi, the director, said only 40 buses ran.\n\n\
                    Kovalevskyi said the company had lost money.\n\n\
                    Kovalevsky said the strike would end.\n";
        let sheet = sheet_of(&[("a.md", text)], &EngineSettings::default());
        let entry = sheet
            .names
            .iter()
            .find(|entry| entry.canonical == "Kovalevskyi")
            .expect("an entry for Kovalevskyi");
        assert_eq!(
            entry.spellings,
            vec![
                SpellingCount {
                    text: "Kovalevskyi".into(),
                    count: 2
                },
                SpellingCount {
                    text: "Kovalevsky".into(),
                    count: 1
                },
            ]
        );
        assert_eq!(entry.variants().collect::<Vec<_>>(), vec!["Kovalevsky"]);
        assert_eq!(entry.mentions.len(), 3);
        assert_eq!(
            entry.first_reference().map(|m| m.text.as_str()),
            Some("Taras Kovalevskyi")
        );
        let offset = text.find("Kovalevsky said").unwrap();
        assert_eq!(
            sheet.name_at(0, offset + 2).map(|e| e.canonical.as_str()),
            Some("Kovalevskyi")
        );
    }

    #[test]
    fn a_variant_of_a_house_spelling_the_story_never_uses_is_listed_under_it() {
        // The story spells the name one way only, and not the house way: the check calls
        // the mention a variant of the house spelling, so the style sheet (and the hover
        // built on it) must too, not call the lone spelling canonical.
        let config = EngineSettings {
            known_names: vec!["Taras Kovalevskyi".to_string()],
            ..EngineSettings::default()
        };
        let text = "Taras Kovalevsky, the director, said only 40 buses ran.\n";
        let sheet = sheet_of(&[("a.md", text)], &config);
        let entry = sheet
            .names
            .iter()
            .find(|entry| entry.spellings.iter().any(|s| s.text == "Kovalevsky"))
            .expect("an entry for Kovalevsky");
        assert_eq!(entry.canonical, "Kovalevskyi");
        assert!(entry.house_spelling);
        assert_eq!(entry.variants().collect::<Vec<_>>(), vec!["Kovalevsky"]);
        assert_eq!(
            entry.spellings,
            vec![SpellingCount {
                text: "Kovalevsky".into(),
                count: 1
            }]
        );
    }

    #[test]
    fn names_are_merged_across_drafts_and_with_the_check_off() {
        let mut config = EngineSettings::default();
        config
            .rules
            .insert("name-consistency".to_string(), crate::config::RuleLevel::Off);
        let sheet = sheet_of(
            &[
                (
                    "main.md",
                    "Taras Kovalevskyi said the talks failed.\n\nKovalevskyi said more.\n",
                ),
                ("side.md", "Kovalevsky said the strike would end.\n"),
            ],
            &config,
        );
        let entry = sheet.names.iter().find(|e| e.canonical == "Kovalevskyi").unwrap();
        assert_eq!(entry.mentions.iter().filter(|m| m.place.draft == 1).count(), 1);
    }

    #[test]
    fn figures_have_their_source_or_are_unattributed() {
        let text = "The dispute affects about 2,300 drivers.\n\n\
                    Ticket sales fell 12% last year, the union said.\n\n\
                    According to the ministry, 40 buses ran on Friday.\n";
        let sheet = sheet_of(&[("a.md", text)], &EngineSettings::default());
        let summary: Vec<(&str, Option<&str>)> = sheet
            .figures
            .iter()
            .map(|f| (f.text.as_str(), f.source.as_ref().map(|s| s.text.as_str())))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("2,300 drivers", None),
                ("12%", Some("the union said")),
                ("40 buses", Some("According to the ministry")),
            ]
        );
        assert_eq!(
            sheet.figures[0].sentence,
            "The dispute affects about 2,300 drivers."
        );
    }

    #[test]
    fn a_figure_in_an_attributed_quote_takes_the_speaker() {
        let text = "“We lost 400 members this year,” Okafor said.\n";
        let sheet = sheet_of(&[("a.md", text)], &EngineSettings::default());
        assert_eq!(sheet.figures.len(), 1);
        let source = sheet.figures[0].source.as_ref().expect("attributed");
        assert!(source.text.contains("said"), "{source:?}");
    }

    #[test]
    fn outputs_name_every_entry() {
        let text = "Taras Kovalevskyi said 40 buses ran.\n\nThe dispute affects about 2,300 drivers.\n";
        let sheet = sheet_of(&[("a.md", text)], &EngineSettings::default());
        let line_index = LineIndex::new(text);
        let drafts = [DraftLocation {
            name: "a.md",
            text,
            line_index: &line_index,
        }];
        let markdown = to_markdown(&sheet, &drafts);
        assert!(
            markdown.contains("| Kovalevskyi | Kovalevskyi ×1 | Taras Kovalevskyi (a.md:1:1) | 1 |"),
            "{markdown}"
        );
        assert!(
            markdown.contains("| 2,300 drivers | **unattributed** | a.md:3:27 |"),
            "{markdown}"
        );
        let json = to_json(&sheet, &drafts, PositionEncoding::Utf16);
        let figures = json["figures"].as_array().unwrap();
        assert_eq!(figures[1]["source"], "unattributed");
        assert_eq!(figures[1]["range"]["start"]["line"], 2);
        assert_eq!(json["names"][0]["canonical"], "Kovalevskyi");
    }
}
