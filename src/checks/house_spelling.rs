//! # house-spelling
//!
//! ## What it flags
//! A word written in one of two (or three) accepted ways when the story also uses another
//! way: cease-fire / ceasefire, U.S. / US, health care / healthcare, percent / per cent,
//! OK / okay, email / e-mail, Kyiv / Kiev, website / web site, adviser / advisor, toward /
//! towards and the rest of the table below. Without a house preference the minority form
//! is flagged (on a tie, the form that is not the default). With a preference, from
//! `copydesk.toml` or from `style = "ap"`, every other form is flagged, even alone.
//!
//! ## Why it matters
//! Readers notice a word spelled two ways in one story, and every publication picks one.
//! Drafts assembled from wire copy, notes and older versions drift between them.
//!
//! ## Example
//! ```text
//! Talks on a cease-fire resumed on Monday. … The ceasefire would last six weeks.
//! ```
//! Use instead: one form throughout (`cease-fire`, the AP form, or `ceasefire`).
//!
//! The table, default (AP) form first: cease-fire / ceasefire; U.S. / US; U.K. / UK;
//! U.N. / UN; health care / healthcare / health-care; percent / per cent; OK / okay;
//! email / e-mail; Kyiv / Kiev; Kharkiv / Kharkov; Luhansk / Lugansk; website / web site;
//! online / on-line; adviser / advisor; toward / towards; afterward / afterwards; among /
//! amongst; while / whilst; judgment / judgement; cellphone / cell phone; smartphone /
//! smart phone; livestream / live stream; voicemail / voice mail; nonprofit / non-profit;
//! policymaker / policy maker; firefighter / fire fighter; worldwide / world-wide;
//! e-commerce / ecommerce; co-worker / coworker; Wi-Fi / WiFi / wifi. Plurals, possessives
//! and verb endings follow their word ("ceasefires", "e-mailed", "Kiev's").
//!
//! Percent: AP writes "percent" as a word, but since 2019 uses the % sign with figures
//! ("3%", "4.5%"). With `style = "ap"` (and no preference for another form), a figure
//! followed by "percent" or "per cent" is flagged with a fix to the sign; the word stays
//! where no figure comes before it ("a zero percent chance", "percentage") and where the
//! figure starts its sentence, which `number-style` spells out ("Twelve percent of …").
//! Without AP only the spelling of the word is judged.
//!
//! Abbreviations written with and without periods (U.S. / US, U.K. / UK, U.N. / UN) are
//! flagged here only when a house form is set for them; otherwise a story that writes both
//! is reported by `name-consistency` (the majority form wins), so a word gets one finding.
//!
//! Not flagged: a capitalised form inside a name ("Healthcare Workers Union", "National
//! Security Advisor"), the old form inside a fixed name (the dish "chicken Kiev", "Kiev
//! cake", "the Battle of Kiev"; "Kievan Rus" is another word), ALL-CAPS lines, `US$` as a
//! currency, and the pronoun "us".
//!
//! An abbreviation right after a capitalised word of a name ("Amazon US", "Deloitte UK")
//! is likely part of a company's or body's own name: that finding is a hint.
//!
//! ## Fix
//! Replace with the preferred or majority form, keeping the word's capital and ending
//! ("Ceasefires" → "Cease-fires"; "in the US." → "in the U.S."); under AP, "3 percent" →
//! "3%". Safe for a word that is not part of a name, where a respelling cannot change
//! what the copy says ("towards", "e-mail", "3 percent"). Unsafe where the word is or may
//! be part of a proper noun, which only a human can tell: an abbreviation or a place name
//! ("US" → "U.S." may sit inside a company's name; "Kiev" inside a club's), and a word
//! written with a capital next to another capitalised word ("Healthcare Workers …" at the
//! start of a sentence). Unsafe too where it cannot be told whether "U.S." ended its
//! sentence, and for a range of percentages ("30-60 per cent" → "30-60%": AP writes "30%
//! to 60%", which the writer finishes).
//!
//! ## Configuration
//! - `[rules] house-spelling = "warning"`
//! - `style = "ap"`: the default (AP) form of every entry is the house form.
//! - `[house-spelling] prefer = { "cease-fire" = "ceasefire", "judgement" = "judgment" }`:
//!   for each key, the form to use instead. A key in the table sets that entry's house
//!   form (`"ceasefire" = "ceasefire"` also works); a key that is not in the table adds a
//!   house spelling of your own, flagged wherever it appears.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::{Ctx, Findings, FixAvailability, Rule};
use crate::config::Style;
use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::text::dateline::find_dateline;
use crate::text::lexicon::class;
use crate::text::word_table::WordTable;
use crate::text::{BlockKind, ParsedDraft, TokenKind};

const RULE: &str = "house-spelling";

/// The built-in table: each entry's forms, the default (AP) form first.
static TABLE: &[&[&str]] = &[
    &["cease-fire", "ceasefire"],
    &["U.S.", "US"],
    &["U.K.", "UK"],
    &["U.N.", "UN"],
    &["health care", "healthcare", "health-care"],
    &["percent", "per cent"],
    &["OK", "okay"],
    &["email", "e-mail"],
    &["Kyiv", "Kiev"],
    &["Kharkiv", "Kharkov"],
    &["Luhansk", "Lugansk"],
    &["website", "web site"],
    &["online", "on-line"],
    &["adviser", "advisor"],
    &["toward", "towards"],
    &["afterward", "afterwards"],
    &["among", "amongst"],
    &["while", "whilst"],
    &["judgment", "judgement"],
    &["cellphone", "cell phone"],
    &["smartphone", "smart phone"],
    &["livestream", "live stream"],
    &["voicemail", "voice mail"],
    &["nonprofit", "non-profit"],
    &["policymaker", "policy maker"],
    &["firefighter", "fire fighter"],
    &["worldwide", "world-wide"],
    &["e-commerce", "ecommerce"],
    &["co-worker", "coworker"],
    &["Wi-Fi", "WiFi", "wifi"],
];

/// Fixed names that keep an old form: a dish ("chicken Kiev", "Kiev cake") and historical
/// events ("the Battle of Kharkov"). Each is the form, the words that may stand right
/// before it, and the words that may stand right after it.
static FIXED_NAMES: &[(&str, &[&str], &[&str])] = &[
    ("Kiev", &["chicken", "chickens"], &["cake", "cakes"]),
    ("Kiev", &["battle of", "siege of", "sack of"], &[]),
    ("Kharkov", &["battle of", "battles of", "siege of"], &[]),
];

/// True when this table entry is an abbreviation with and without periods (U.S. / US).
fn is_abbreviation_entry(forms: &[&str]) -> bool {
    forms.iter().any(|dotted| {
        dotted.contains('.')
            && forms
                .iter()
                .any(|f| !f.contains('.') && *f == dotted.replace('.', ""))
    })
}

/// The table entry with a dotted and an undotted form of these letters ("US" for U.S. / US).
fn abbreviation_entry(letters: &str) -> Option<usize> {
    TABLE.iter().position(|forms| {
        is_abbreviation_entry(forms) && forms.iter().any(|f| !f.contains('.') && *f == letters)
    })
}

/// True when this rule owns an abbreviation written two ways: the configuration or the
/// style sets a house form for it. Without one, a story that writes "U.S." and "US" is
/// `name-consistency`'s to flag (the majority wins there), so the two rules never report
/// the same word.
pub(crate) fn owns_abbreviation(ctx: &Ctx<'_>, letters: &str) -> bool {
    abbreviation_entry(letters)
        .is_some_and(|entry| table_entry_with_preferences(ctx, entry).preferred.is_some())
}

fn name_consistency_on(ctx: &Ctx<'_>) -> bool {
    super::rule("name-consistency")
        .is_some_and(|rule| matches!(ctx.config.rule_level(rule), crate::config::RuleLevel::On(_)))
}

/// The table entry holding `form`, and the form's index in it.
fn table_entry(form: &str) -> Option<(usize, usize)> {
    TABLE.iter().enumerate().find_map(|(entry, forms)| {
        forms
            .iter()
            .position(|f| forms_equal(f, form))
            .map(|position| (entry, position))
    })
}

/// Forms with capitals compare exactly; lower-case forms ignore case.
fn forms_equal(table_form: &str, written: &str) -> bool {
    if table_form.chars().any(char::is_uppercase) {
        table_form == written
    } else {
        table_form.eq_ignore_ascii_case(written)
    }
}

/// Checks a `[house-spelling] prefer` pair from `copydesk.toml`: an error message when it
/// cannot be used.
pub(crate) fn validate_preference(variant: &str, preferred: &str) -> Result<(), String> {
    let variant_entry = table_entry(variant);
    let preferred_entry = table_entry(preferred);
    if variant.trim().is_empty() || preferred.trim().is_empty() {
        return Err("house spellings cannot be empty".to_string());
    }
    if variant == preferred {
        return match variant_entry {
            Some(_) => Ok(()),
            None => Err(format!(
                "\"{variant}\" = \"{preferred}\" names no variant: the key is the spelling to replace"
            )),
        };
    }
    if let (Some((a, _)), Some((b, _))) = (variant_entry, preferred_entry)
        && a != b
    {
        return Err(format!(
            "\"{variant}\" and \"{preferred}\" are not two spellings of one word (the table pairs \"{variant}\" with \"{}\")",
            TABLE[a].iter().find(|f| !forms_equal(f, variant)).unwrap_or(&"")
        ));
    }
    Ok(())
}

/// One entry as the check uses it: the table's, or one from the configuration.
struct Entry {
    forms: Vec<String>,
    /// The house form, when there is one.
    preferred: Option<usize>,
}

/// A table entry with the preferences of the configuration and the style applied.
fn table_entry_with_preferences(ctx: &Ctx<'_>, entry: usize) -> Entry {
    let mut result = Entry {
        forms: TABLE[entry].iter().map(|f| f.to_string()).collect(),
        preferred: (ctx.config.style == Style::Ap).then_some(0),
    };
    for (variant, preferred) in &ctx.config.house_spelling_prefer {
        let Some((found, position)) = table_entry(variant) else {
            continue;
        };
        if found != entry {
            continue;
        }
        if variant == preferred {
            result.preferred = Some(position);
            continue;
        }
        let index = match result.forms.iter().position(|f| forms_equal(f, preferred)) {
            Some(index) => index,
            None => {
                result.forms.push(preferred.clone());
                result.forms.len() - 1
            }
        };
        result.preferred = Some(index);
    }
    result
}

/// House spellings from the configuration that are not in the table: the spelling to use
/// first, then the one to replace.
fn custom_entries(ctx: &Ctx<'_>) -> Vec<Entry> {
    ctx.config
        .house_spelling_prefer
        .iter()
        .filter(|(variant, preferred)| variant != preferred && table_entry(variant).is_none())
        .map(|(variant, preferred)| Entry {
            forms: vec![preferred.clone(), variant.clone()],
            preferred: Some(0),
        })
        .collect()
}

/// A table form as the matcher sees it: its entry, its index, and its words.
struct FormWords {
    entry: usize,
    form: usize,
    words: Vec<&'static str>,
}

/// The table's forms, found by their first word ("health" for "health care").
fn form_starts() -> &'static (WordTable<usize>, Vec<Vec<FormWords>>) {
    static STARTS: OnceLock<(WordTable<usize>, Vec<Vec<FormWords>>)> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut groups: Vec<(&'static str, Vec<FormWords>)> = Vec::new();
        for (entry, forms) in TABLE.iter().enumerate() {
            for (form, text) in forms.iter().enumerate() {
                let words: Vec<&'static str> = text.split(' ').collect();
                let key = words[0];
                let lower_key: &'static str = Box::leak(key.to_ascii_lowercase().into_boxed_str());
                let found = FormWords { entry, form, words };
                match groups.iter_mut().find(|(k, _)| *k == lower_key) {
                    Some((_, list)) => list.push(found),
                    None => groups.push((lower_key, vec![found])),
                }
            }
        }
        let table = WordTable::new(groups.iter().enumerate().map(|(index, (key, _))| (*key, index)));
        (table, groups.into_iter().map(|(_, list)| list).collect())
    })
}

/// Endings a word of the table may carry ("ceasefires", "e-mailed", "livestreaming").
const ENDINGS: [&str; 3] = ["s", "ed", "ing"];

/// Whether `written` is `word` (ignoring ASCII case), with an ending when `ending_allowed`;
/// returns the length of the word part.
fn word_matches(written: &str, word: &str, ending_allowed: bool) -> Option<usize> {
    if written.eq_ignore_ascii_case(word) {
        return Some(written.len());
    }
    if !ending_allowed {
        return None;
    }
    ENDINGS.iter().find_map(|ending| {
        let stem = written.len().checked_sub(ending.len())?;
        (written.is_char_boundary(stem)
            && written[stem..].eq_ignore_ascii_case(ending)
            && written[..stem].eq_ignore_ascii_case(word))
        .then_some(stem)
    })
}

/// A form as written in the copy.
#[derive(Debug, Clone)]
struct Occurrence {
    draft: usize,
    entry: usize,
    form: usize,
    /// The form itself, without its ending.
    span: Range<usize>,
    /// Written with a capital first letter (at the start of a sentence).
    capitalised: bool,
}

fn collapse_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The index of the token that starts at `offset`, if one does.
fn token_at(parsed: &ParsedDraft<'_>, offset: usize) -> Option<usize> {
    let index = parsed.tokens.partition_point(|t| t.start < offset);
    (parsed.tokens.get(index)?.start == offset).then_some(index)
}

/// True when the token starts its sentence (after any opening marks).
fn starts_sentence(parsed: &ParsedDraft<'_>, token: usize) -> bool {
    let Some(sentence) = parsed.sentence_of_token(token) else {
        return false;
    };
    let range = parsed.sentences[sentence].tokens.clone();
    range
        .clone()
        .find(|&i| parsed.tokens[i].kind != TokenKind::Punct)
        .is_some_and(|first| first == token)
}

/// True when a neighbouring word is in capitals too: a headline or dateline in capitals.
fn in_capitals_run(parsed: &ParsedDraft<'_>, first: usize, last: usize) -> bool {
    let capitals = |index: Option<usize>| {
        index.and_then(|i| parsed.tokens.get(i)).is_some_and(|t| {
            let text = t.text(&parsed.copy);
            t.kind == TokenKind::Word
                && text.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !text.chars().any(char::is_lowercase)
        })
    };
    let same_block = |index: usize| parsed.block_of_token(index) == parsed.block_of_token(first);
    capitals(first.checked_sub(1).filter(|&i| same_block(i)))
        || capitals(Some(last + 1).filter(|&i| same_block(i)))
}

/// True when the form at `token` is part of a fixed name ("chicken Kiev").
fn in_fixed_name(parsed: &ParsedDraft<'_>, table_form: &str, token: usize, end: usize) -> bool {
    let before = &parsed.copy[..parsed.tokens[token].start];
    let after = &parsed.copy[end..];
    FIXED_NAMES
        .iter()
        .filter(|(form, _, _)| *form == table_form)
        .any(|(_, befores, afters)| {
            let before_matches = befores.iter().any(|words| {
                let trimmed = before.trim_end_matches(' ');
                trimmed.len() < before.len()
                    && trimmed.len() >= words.len()
                    && trimmed.is_char_boundary(trimmed.len() - words.len())
                    && trimmed[trimmed.len() - words.len()..].eq_ignore_ascii_case(words)
                    && !trimmed[..trimmed.len() - words.len()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            });
            let after_matches = afters.iter().any(|word| {
                let rest = after.strip_prefix(' ').unwrap_or("");
                rest.len() >= word.len()
                    && rest.is_char_boundary(word.len())
                    && rest[..word.len()].eq_ignore_ascii_case(word)
                    && !rest[word.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            });
            before_matches || after_matches
        })
}

/// Decides whether a match of `written` (a form of entry `entry`) is the word, not a name
/// or another word, and returns the occurrence.
#[allow(clippy::too_many_arguments)]
fn accept(
    parsed: &ParsedDraft<'_>,
    draft: usize,
    entry: usize,
    form: usize,
    table_form: &str,
    span: Range<usize>,
    suffix_end: usize,
) -> Option<Occurrence> {
    let written = &parsed.copy[span.clone()];
    let after = parsed.copy[suffix_end..].chars().next();
    // The match must end where the word ends ("Kievan" is not "Kiev").
    if after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let first_token = token_at(parsed, span.start)?;
    if in_fixed_name(parsed, table_form, first_token, suffix_end) {
        return None;
    }
    let case_sensitive = table_form.chars().any(char::is_uppercase);
    let capitalised = starts_sentence(parsed, first_token);
    if case_sensitive {
        if collapse_space(written) != table_form || suffix_end != span.end {
            return None;
        }
        let abbreviation = written.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if abbreviation {
            let last_token = parsed
                .tokens
                .partition_point(|t| t.end <= span.end)
                .saturating_sub(1)
                .max(first_token);
            if in_capitals_run(parsed, first_token, last_token) {
                return None;
            }
            // "US$5 million": a currency.
            if matches!(after, Some('$')) {
                return None;
            }
        }
    } else {
        let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
            return None; // ALL CAPS: a headline or a label.
        }
        // A capital inside a sentence marks a name ("Healthcare Workers Union"); a form of
        // two words is a name only when both are capitalised.
        let words: Vec<&str> = written.split_whitespace().collect();
        let all_capitalised = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let any_capital = words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        if any_capital && !capitalised && (words.len() == 1 || all_capitalised) {
            return None;
        }
        if any_capital && capitalised && words.len() > 1 && all_capitalised {
            // "Health Care Workers Union" at the start of a sentence.
            return None;
        }
        let in_heading = parsed
            .block_of_token(first_token)
            .is_some_and(|b| parsed.blocks[b].kind == BlockKind::Heading);
        if in_heading && any_capital && !capitalised {
            return None;
        }
    }
    Some(Occurrence {
        draft,
        entry,
        form,
        span,
        capitalised: written.chars().next().is_some_and(char::is_uppercase),
    })
}

fn find_occurrences(ctx: &Ctx<'_>, custom_entries: &[Entry]) -> Vec<Occurrence> {
    let (starts, groups) = form_starts();
    let mut found_occurrences = Vec::new();
    // Spellings from the configuration that are not in the table.
    let custom: Vec<(usize, usize, String)> = custom_entries
        .iter()
        .enumerate()
        .map(|(index, e)| (TABLE.len() + index, e))
        .flat_map(|(entry, e)| {
            e.forms
                .iter()
                .enumerate()
                .skip(1)
                .map(move |(form, text)| (entry, form, text.to_ascii_lowercase()))
        })
        .collect();
    for (draft_index, draft) in ctx.drafts.iter().enumerate() {
        let parsed = &draft.parsed;
        for block in &parsed.blocks {
            for index in block.tokens.clone() {
                let token = parsed.tokens[index];
                if !matches!(token.kind, TokenKind::Word | TokenKind::Abbrev) {
                    continue;
                }
                // Cheap test on the bytes first: can the word, less a possessive and an
                // ending, start a form at all?
                let mut bytes = &parsed.copy.as_bytes()[token.start..token.end];
                if bytes.ends_with(b"'s") {
                    bytes = &bytes[..bytes.len() - 2];
                } else if bytes.ends_with("’s".as_bytes()) {
                    bytes = &bytes[..bytes.len() - "’s".len()];
                }
                let ending = match bytes.last().map(u8::to_ascii_lowercase) {
                    Some(b's') => 1,
                    Some(b'd') => 2,
                    Some(b'g') => 3,
                    _ => 0,
                };
                let possible = starts.might_contain_bytes(bytes)
                    || (ending > 0
                        && bytes.len() > ending
                        && starts.might_contain_bytes(&bytes[..bytes.len() - ending]));
                if !possible {
                    continue;
                }
                let raw = token.text(&parsed.copy);
                let written = if raw.len() > 2 && matches!(raw.as_bytes()[raw.len() - 2], b'\'' | 0x99) {
                    crate::text::names::strip_possessive(raw)
                } else {
                    raw
                };
                // The word itself, or the word less an ending, starts a form.
                let ends_like_an_ending = matches!(
                    written.as_bytes().last(),
                    Some(b's' | b'S' | b'd' | b'D' | b'g' | b'G')
                );
                let group = starts.get(written).or_else(|| {
                    if !ends_like_an_ending {
                        return None;
                    }
                    ENDINGS.iter().find_map(|ending| {
                        let stem = written.len().checked_sub(ending.len())?;
                        (written.is_char_boundary(stem) && written[stem..].eq_ignore_ascii_case(ending))
                            .then(|| starts.get(&written[..stem]))
                            .flatten()
                    })
                });
                let Some(group) = group else {
                    continue;
                };
                for candidate in &groups[group] {
                    let table_form = TABLE[candidate.entry][candidate.form];
                    let ending_allowed = !table_form.chars().any(char::is_uppercase);
                    let count = candidate.words.len();
                    // Every word of the form, on consecutive tokens with only white space
                    // between; only the last may carry an ending.
                    let mut end = None;
                    for (offset, word) in candidate.words.iter().enumerate() {
                        let position = index + offset;
                        if position >= block.tokens.end {
                            break;
                        }
                        let current = parsed.tokens[position];
                        if offset > 0
                            && !parsed.copy[parsed.tokens[position - 1].end..current.start]
                                .chars()
                                .all(char::is_whitespace)
                        {
                            break;
                        }
                        let text = current.text(&parsed.copy);
                        let text = if offset + 1 == count {
                            crate::text::names::strip_possessive(text)
                        } else {
                            text
                        };
                        let Some(length) = word_matches(text, word, ending_allowed && offset + 1 == count)
                        else {
                            break;
                        };
                        if offset + 1 == count {
                            end = Some((current.start + length, current.start + text.len()));
                        }
                    }
                    let Some((form_end, word_end)) = end else {
                        continue;
                    };
                    if let Some(occurrence) = accept(
                        parsed,
                        draft_index,
                        candidate.entry,
                        candidate.form,
                        table_form,
                        token.start..form_end,
                        word_end,
                    ) {
                        found_occurrences.push(occurrence);
                        break;
                    }
                }
            }
        }
        if custom.is_empty() {
            continue;
        }
        for block in &parsed.blocks {
            if block.kind == BlockKind::Separator {
                continue;
            }
            let text = &parsed.copy[block.span.clone()];
            let base = block.span.start;
            let lower = text.to_ascii_lowercase();
            for (entry, form, needle) in &custom {
                for (offset, _) in lower.match_indices(needle.as_str()) {
                    let before = lower[..offset].chars().next_back();
                    if before.is_some_and(char::is_alphanumeric) {
                        continue;
                    }
                    let span = base + offset..base + offset + needle.len();
                    if let Some(occurrence) = accept(
                        parsed,
                        draft_index,
                        *entry,
                        *form,
                        &custom_entries[*entry - TABLE.len()].forms[*form],
                        span.clone(),
                        span.end,
                    ) {
                        found_occurrences.push(occurrence);
                    }
                }
            }
        }
    }
    found_occurrences.sort_by_key(|o| (o.draft, o.span.start));
    found_occurrences
}

/// The replacement for `occurrence`: `target` in the occurrence's case, and the period an
/// abbreviation shares with the end of its sentence. Unsafe when it cannot be told whether
/// "U.S." ended its sentence ("the U.S. Senate" or "the U.S. Then …").
fn replacement(
    ctx: &Ctx<'_>,
    occurrence: &Occurrence,
    target: &str,
) -> (Range<usize>, String, Applicability) {
    let parsed = &ctx.drafts[occurrence.draft].parsed;
    let written = &parsed.copy[occurrence.span.clone()];
    let mut text = target.to_string();
    if occurrence.capitalised
        && !target.chars().any(char::is_uppercase)
        && let Some(first) = text.chars().next()
    {
        text = first
            .to_uppercase()
            .chain(text[first.len_utf8()..].chars())
            .collect();
    }
    let mut span = occurrence.span.clone();
    let mut applicability = Applicability::Safe;
    let after = parsed.copy[span.end..].chars().next();
    if target.ends_with('.') && after == Some('.') {
        // "in the US." → "in the U.S.": one period ends both.
        span.end += 1;
    } else if written.ends_with('.') && !target.ends_with('.') {
        // "in the U.S. He left" → "in the US. He left": keep the sentence's period.
        let ends_sentence = token_at(parsed, occurrence.span.start).is_some_and(|token| {
            parsed
                .sentence_of_token(token)
                .is_some_and(|s| parsed.sentences[s].tokens.end == token + 1)
        });
        let next_word = parsed.copy[span.end..].trim_start().chars().next();
        if ends_sentence || next_word.is_none() {
            text.push('.');
        } else if next_word.is_some_and(char::is_uppercase) {
            applicability = Applicability::Unsafe;
        }
    }
    (span, text, applicability)
}

/// A capitalised word of a name right before `token`, in the same block with only a space
/// between: not the first word of its sentence (which is capitalised anyway), not a month
/// or a weekday ("on Monday US officials"), not a possessive ("Trump's").
fn name_word_before(parsed: &ParsedDraft<'_>, token: usize) -> bool {
    let Some(previous) = token.checked_sub(1) else {
        return false;
    };
    let (before, current) = (parsed.tokens[previous], parsed.tokens[token]);
    let text = before.text(&parsed.copy);
    before.kind == TokenKind::Word
        && parsed.block_of_token(previous) == parsed.block_of_token(token)
        && parsed.copy[before.end..current.start] == *" "
        && text.starts_with(|c: char| c.is_uppercase())
        && !text.ends_with("'s")
        && !text.ends_with("’s")
        && !starts_sentence(parsed, previous)
        && !class::MONTHS.contains(text)
        && !class::WEEKDAYS.contains(text)
}

/// A capitalised word of a name right after `end`: the next token, with only a space
/// between, starting with a capital.
fn name_word_after(parsed: &ParsedDraft<'_>, end: usize) -> bool {
    let next = parsed.tokens.partition_point(|t| t.start < end);
    parsed.tokens.get(next).is_some_and(|after| {
        after.kind == TokenKind::Word
            && parsed.copy[end..after.start] == *" "
            && after.text(&parsed.copy).starts_with(|c: char| c.is_uppercase())
    })
}

/// Whether the occurrence is, or may be, part of a proper noun, where respelling it is a
/// guess: an abbreviation or a place name (a table form with a capital: "US", "Kiev"), or
/// a word written with a capital next to another capitalised word, inside a multi-word name
/// ("Healthcare Workers Union" at the start of a sentence). Its fix is unsafe.
fn may_be_in_name(parsed: &ParsedDraft<'_>, occurrence: &Occurrence, table_form: &str) -> bool {
    if table_form.chars().any(char::is_uppercase) {
        return true;
    }
    let Some(token) = token_at(parsed, occurrence.span.start) else {
        return true;
    };
    occurrence.capitalised
        && (name_word_before(parsed, token) || name_word_after(parsed, occurrence.span.end))
}

/// An abbreviation right after a capitalised word of a name ("Amazon US", "Deloitte UK"):
/// the letters are part of a company's or body's own name, written as it writes it, more
/// likely than the country in the house form. Such a finding is a hint.
fn abbreviation_in_name(parsed: &ParsedDraft<'_>, occurrence: &Occurrence, table_form: &str) -> bool {
    table_form.len() >= 2
        && table_form.chars().all(|c| c.is_ascii_uppercase())
        && token_at(parsed, occurrence.span.start).is_some_and(|token| name_word_before(parsed, token))
}

/// The `house-spelling` rule: it compares the drafts of a story, so it checks the story whole.
pub struct HouseSpelling;

impl Rule for HouseSpelling {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A word spelled two ways in one story, or not in the house form."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Always
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Findings<'_>) {
        check_story(ctx, out);
    }
}

fn check_story(ctx: &Ctx<'_>, out: &mut Findings<'_>) {
    let custom = custom_entries(ctx);
    let occurrences = find_occurrences(ctx, &custom);
    if occurrences.is_empty() {
        return;
    }
    let mut by_entry: FxHashMap<usize, Vec<&Occurrence>> = FxHashMap::default();
    for occurrence in &occurrences {
        by_entry.entry(occurrence.entry).or_default().push(occurrence);
    }
    let mut entry_ids: Vec<usize> = by_entry.keys().copied().collect();
    entry_ids.sort_unstable();
    for entry_id in entry_ids {
        let mut list = by_entry[&entry_id].clone();
        let table_entry;
        let entry = if entry_id < TABLE.len() {
            table_entry = table_entry_with_preferences(ctx, entry_id);
            &table_entry
        } else {
            &custom[entry_id - TABLE.len()]
        };
        // AP uses the % sign with figures ("3%"): a figure's "percent" is flagged for the
        // sign, and the word is judged only where no figure comes before it.
        if ctx.config.style == Style::Ap
            && TABLE.get(entry_id).is_some_and(|forms| forms[0] == "percent")
            && entry.preferred == Some(0)
        {
            list.retain(|occurrence| match figure_before(ctx, occurrence) {
                Some(figure_end) => {
                    push_percent_sign(ctx, occurrence, figure_end, out);
                    false
                }
                None => true,
            });
            if list.is_empty() {
                continue;
            }
        }
        let list = &list;
        let mut counts = vec![0usize; entry.forms.len()];
        for occurrence in list {
            counts[occurrence.form] += 1;
        }
        let used = counts.iter().filter(|&&c| c > 0).count();
        let (target, reason) = match entry.preferred {
            Some(preferred) => (preferred, None),
            None => {
                if used < 2 {
                    continue;
                }
                // With no house form, an abbreviation written two ways is a name spelled
                // two ways: name-consistency reports it.
                if TABLE
                    .get(entry_id)
                    .is_some_and(|forms| is_abbreviation_entry(forms))
                    && name_consistency_on(ctx)
                {
                    continue;
                }
                let most = counts.iter().copied().max().unwrap_or(0);
                // On a tie, the default form wins; otherwise the first used.
                let target = if counts[0] == most {
                    0
                } else {
                    list.iter()
                        .map(|o| o.form)
                        .find(|&f| counts[f] == most)
                        .unwrap_or(0)
                };
                (target, Some(most))
            }
        };
        let target_text = entry.forms[target].as_str();
        let first_target = list.iter().find(|o| o.form == target);
        for occurrence in list.iter().filter(|o| o.form != target) {
            let parsed = &ctx.drafts[occurrence.draft].parsed;
            let written = crate::text::one_line(&parsed.copy[occurrence.span.clone()]);
            let message = match reason {
                Some(most) => format!(
                    "‘{written}’ is written ‘{target_text}’ elsewhere in this story ({most} to {}).",
                    counts[occurrence.form]
                ),
                None => format!("House style is ‘{target_text}’, not ‘{written}’."),
            };
            let (span, new_text, mut applicability) = replacement(ctx, occurrence, target_text);
            let written_form = entry.forms[occurrence.form].as_str();
            if may_be_in_name(parsed, occurrence, written_form) {
                applicability = Applicability::Unsafe;
            }
            let mut finding = Finding::new(RULE, occurrence.draft, occurrence.span.clone(), message)
                .with_fix(Fix::replace(
                    format!("Write ‘{target_text}’"),
                    occurrence.draft,
                    span,
                    new_text,
                    applicability,
                ));
            if abbreviation_in_name(parsed, occurrence, written_form) {
                finding.severity = Severity::Hint;
            }
            if let Some(first) = first_target {
                finding = finding.with_related(
                    first.draft,
                    first.span.clone(),
                    format!("‘{target_text}’ used here"),
                );
            }
            out.push(finding);
        }
    }
}

/// Where the figure before a "percent" ends ("3.5 percent"), unless the figure starts its
/// sentence: there `number-style` spells it out ("Twelve percent").
fn figure_before(ctx: &Ctx<'_>, occurrence: &Occurrence) -> Option<usize> {
    let parsed = &ctx.drafts[occurrence.draft].parsed;
    let token = token_at(parsed, occurrence.span.start)?;
    let figure = token.checked_sub(1)?;
    let figure_token = parsed.tokens[figure];
    let between = &parsed.copy[figure_token.end..occurrence.span.start];
    if figure_token.kind != TokenKind::Number
        || !figure_token
            .text(&parsed.copy)
            .starts_with(|c: char| c.is_ascii_digit())
        || !matches!(between, " " | "\u{a0}")
        || parsed.block_of_token(figure) != parsed.block_of_token(token)
    {
        return None;
    }
    let dateline_end = find_dateline(parsed).map(|d| d.span.end);
    if starts_sentence(parsed, figure) || dateline_end == Some(figure_token.start) {
        return None;
    }
    Some(figure_token.end)
}

/// "3 percent" → "3%", the AP form since 2019.
fn push_percent_sign(ctx: &Ctx<'_>, occurrence: &Occurrence, figure_end: usize, out: &mut Findings<'_>) {
    let parsed = &ctx.drafts[occurrence.draft].parsed;
    let written = crate::text::one_line(&parsed.copy[occurrence.span.clone()]);
    let figure_start = token_at(parsed, occurrence.span.start)
        .and_then(|t| t.checked_sub(1))
        .map_or(figure_end, |t| parsed.tokens[t].start);
    let figure = &parsed.copy[figure_start..figure_end];
    // A range ("30-60 per cent") takes the sign on both ends in AP ("30% to 60%"): the
    // rewrite to "30-60%" is only half of it, for the writer to finish.
    let applicability = if figure.contains(['-', '–']) {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    out.push(
        Finding::new(
            RULE,
            occurrence.draft,
            occurrence.span.clone(),
            format!("AP style uses the % sign with figures: ‘{figure}%’, not ‘{figure} {written}’."),
        )
        .with_fix(Fix::replace(
            format!("Write ‘{figure}%’"),
            occurrence.draft,
            figure_end..occurrence.span.end,
            "%",
            applicability,
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{apply_safe_fixes, assert_fixture, findings_with_config};

    #[test]
    fn flags_the_minority_form() {
        assert_fixture(
            "house-spelling",
            "Truce headline

Talks on a cease-fire resumed. The cease-fire would last six weeks.

Officials said the ceasefire could collapse. Health care workers and healthcare
                   ^^^^^^^^^ house-spelling
                                                                     ^^^^^^^^^^ house-spelling
unions agreed; health care costs rose 3 percent. E-mails and emails and
                                                 ^^^^^^ house-spelling
email were sent in the U.S. and the US and the U.S.
                                    ^^ house-spelling
",
        );
    }

    #[test]
    fn names_capitals_and_pronouns_are_not_forms() {
        assert_fixture(
            "house-spelling",
            "HEALTHCARE TALKS IN THE US

The Healthcare Workers Union met health care officials. Give us the US$5 million.

National Security Advisor Jo Smith met an adviser in the U.S. on Tuesday.

The Kievan Rus was old. Kyiv is calm. Towards the end, towards dusk.
",
        );
    }

    #[test]
    fn ap_style_flags_every_other_form() {
        let findings = findings_with_config(
            "Headline\n\nThe ceasefire held in Kiev. Ceasefires rarely do.\n",
            "style = \"ap\"\n",
            "house-spelling",
        );
        let texts: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(findings.len(), 3, "{texts:?}");
        assert!(texts[0].contains("House style is ‘cease-fire’"));
    }

    #[test]
    fn fixed_names_keep_the_old_form() {
        let findings = findings_with_config(
            "Headline\n\nThe cafe in Kyiv serves chicken Kiev and Kiev cake. Chicken Kiev sold out. The Battle of Kiev was in 1941.\n",
            "style = \"ap\"\n",
            "house-spelling",
        );
        assert!(findings.is_empty(), "{findings:?}");
        let findings = findings_with_config(
            "Headline\n\nThe chicken farmers of Kiev met. Kiev chickens were sold.\n",
            "style = \"ap\"\n",
            "house-spelling",
        );
        assert_eq!(findings.len(), 2, "{findings:?}");
    }

    #[test]
    fn a_range_of_percentages_is_left_to_the_writer() {
        let config = "style = \"ap\"\n";
        let findings = findings_with_config(
            "Headline\n\nUp to 30-60 per cent of those infected died.\n",
            config,
            "house-spelling",
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].fixes[0].applicability, Applicability::Unsafe);
    }

    #[test]
    fn ap_style_uses_the_percent_sign_with_figures() {
        let config = "style = \"ap\"\n";
        let source = "Headline\n\nFares rose 3 percent, or 4.5 per cent in real terms, a zero percent chance of relief.\n\n12 percent of voters stayed home. Turnout fell by a percentage point.\n";
        let findings = findings_with_config(source, config, "house-spelling");
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "AP style uses the % sign with figures: ‘3%’, not ‘3 percent’.",
                "AP style uses the % sign with figures: ‘4.5%’, not ‘4.5 per cent’.",
            ]
        );
        let config = crate::Config::from_toml(config, None).unwrap();
        let findings = crate::story::analyze(
            &[crate::story::DraftInput::new("fixture.md", source)],
            &crate::testing::only_rule("house-spelling", config),
        );
        let edits = crate::fix::edits_for_draft(&findings, 0, crate::fix::FixMode::Safe);
        assert_eq!(
            crate::fix::apply_edits(source, &edits),
            "Headline\n\nFares rose 3%, or 4.5% in real terms, a zero percent chance of relief.\n\n12 percent of voters stayed home. Turnout fell by a percentage point.\n"
        );
        // Without AP the word is judged as a spelling only.
        assert!(findings_with_config(source, "", "house-spelling").len() == 1);
    }

    #[test]
    fn configured_preferences_and_spellings() {
        let config =
            "[house-spelling]\nprefer = { \"cease-fire\" = \"ceasefire\", \"judgement\" = \"judgment\" }\n";
        let findings = findings_with_config(
            "Headline\n\nThe cease-fire held. The judgement was final. The ceasefire was signed.\n",
            config,
            "house-spelling",
        );
        assert_eq!(findings.len(), 2, "{findings:?}");
        let source = "Headline\n\nThe cease-fire held. The judgement was final.\n";
        let config = crate::Config::from_toml(config, None).unwrap();
        let fixed = {
            let mut current = source.to_string();
            for _ in 0..3 {
                let findings = crate::story::analyze(
                    &[crate::story::DraftInput::new("fixture.md", &current)],
                    &crate::testing::only_rule("house-spelling", config.clone()),
                );
                let edits = crate::fix::edits_for_draft(&findings, 0, crate::fix::FixMode::Safe);
                if edits.is_empty() {
                    break;
                }
                current = crate::fix::apply_edits(&current, &edits);
            }
            current
        };
        assert_eq!(fixed, "Headline\n\nThe ceasefire held. The judgment was final.\n");
    }

    #[test]
    fn an_abbreviation_written_two_ways_gets_one_finding() {
        use crate::story::{DraftInput, analyze};
        let text = "Trade headline\n\nU.S. officials met. The U.S. delegation left. The US embassy shut.\n";
        let rules_on = |config: &crate::Config| -> Vec<(String, String)> {
            analyze(&[DraftInput::new("draft.md", text)], config)
                .into_iter()
                .filter(|f| f.rule == "house-spelling" || f.rule == "name-consistency")
                .map(|f| (f.rule.to_string(), text[f.span.clone()].to_string()))
                .collect()
        };
        // No house form: the minority spelling is a name spelled two ways.
        assert_eq!(
            rules_on(&crate::Config::default()),
            vec![("name-consistency".to_string(), "US".to_string())]
        );
        // AP sets the house form: this rule reports it, and name-consistency stays quiet.
        let ap = crate::Config::from_toml("style = \"ap\"\n", None).unwrap();
        assert_eq!(
            rules_on(&ap),
            vec![("house-spelling".to_string(), "US".to_string())]
        );
        // With name-consistency off, this rule still holds the story to its majority.
        let names_off = crate::Config::from_toml("[rules]\nname-consistency = \"off\"\n", None).unwrap();
        assert_eq!(
            rules_on(&names_off),
            vec![("house-spelling".to_string(), "US".to_string())]
        );
    }

    /// Applies every fix of the rule, unsafe ones included, until nothing more changes.
    fn apply_all_fixes(text: &str) -> String {
        let mut current = text.to_string();
        for _ in 0..10 {
            let findings = crate::testing::findings_for("house-spelling", &current);
            let edits = crate::fix::edits_for_draft(&findings, 0, crate::fix::FixMode::Unsafe);
            if edits.is_empty() {
                break;
            }
            current = crate::fix::apply_edits(&current, &edits);
        }
        current
    }

    #[test]
    fn fixes_keep_case_endings_and_periods() {
        // Abbreviations are proper nouns: their fixes are unsafe, and a safe run leaves them.
        let source = "Headline\n\nCeasefires failed. A cease-fire held, and cease-fires may follow.\n\nHe flew to the U.S. and the U.S. He left the US.\n";
        assert_eq!(
            apply_safe_fixes(source, "house-spelling"),
            "Headline\n\nCease-fires failed. A cease-fire held, and cease-fires may follow.\n\nHe flew to the U.S. and the U.S. He left the US.\n"
        );
        assert_eq!(
            apply_all_fixes(source),
            "Headline\n\nCease-fires failed. A cease-fire held, and cease-fires may follow.\n\nHe flew to the U.S. and the U.S. He left the U.S.\n"
        );
        assert_eq!(
            apply_all_fixes("Headline\n\nIn the US and the US. He saw the U.S. He then left.\n"),
            "Headline\n\nIn the US and the US. He saw the US. He then left.\n"
        );
    }

    #[test]
    fn respellings_inside_names_are_unsafe_and_words_are_safe() {
        let config = "style = \"ap\"\n";
        let source = "Headline\n\nThe US embassy shut. Sales at Amazon US rose 3 percent. Kiev was calm.\n\nHealthcare Workers Union members walked out. Healthcare costs rose towards the end.\n";
        let findings = findings_with_config(source, config, "house-spelling");
        let summary: Vec<(&str, &str, &str)> = findings
            .iter()
            .map(|f| {
                (
                    &source[f.span.clone()],
                    f.severity.as_str(),
                    match f.fixes[0].applicability {
                        Applicability::Safe => "safe",
                        _ => "unsafe",
                    },
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("US", "warning", "unsafe"),
                ("US", "hint", "unsafe"),
                ("percent", "warning", "safe"),
                ("Kiev", "warning", "unsafe"),
                // At the start of a sentence, before a capitalised word: perhaps a name.
                ("Healthcare", "warning", "unsafe"),
                ("Healthcare", "warning", "safe"),
                ("towards", "warning", "safe"),
            ]
        );
    }

    #[test]
    fn abbreviation_pairs_are_covered() {
        assert!(abbreviation_entry("US").is_some());
        assert!(abbreviation_entry("UN").is_some());
        assert!(abbreviation_entry("EU").is_none());
        assert!(validate_preference("cease-fire", "ceasefire").is_ok());
        assert!(validate_preference("ceasefire", "ceasefire").is_ok());
        assert!(validate_preference("judgement", "judgment").is_ok());
        assert!(validate_preference("US", "UK").is_err());
        assert!(validate_preference("colour", "colour").is_err());
    }
}
