//! # second-reference
//!
//! ## What it flags
//! The newsroom rule for names: the full name on first reference, the surname alone after
//! it. Two things break it:
//! - a surname (or another single part of a name) used before the full name appears,
//!   with a cue that it names a person ("Kovalevskyi said …" two paragraphs before
//!   "Taras Kovalevskyi, the director of operations, …"); in a story of several drafts,
//!   a person named in a sidebar who is introduced only in another draft;
//! - the full name repeated after the first reference ("Taras Kovalevskyi said" in the
//!   ninth paragraph).
//!
//! An initial with the surname ("R. Vaidyanathan"), or a surname with a title, a role or an
//! age ("Managing director Vaidyanathan, 63,"), is a first reference too: the reader has
//! met the person, and a later full name with another given name ("his son, Karthik
//! Vaidyanathan") is someone else. Name particles, listed or not, belong to the surname
//! ("Dr. Lorenzo dela Cruz" … "Dela Cruz").
//!
//! ## Why it matters
//! Readers meet a person once, by full name and role, and then follow the surname. A
//! surname before the introduction sends them looking for someone they have not met; a
//! repeated full name reads as a second person.
//!
//! ## Example
//! ```text
//! Taras Kovalevskyi, CityLink's director of operations, said only 40 buses ran.
//! …
//! Taras Kovalevskyi said the company would not reopen talks.
//! ```
//! Use instead: `Kovalevskyi said the company would not reopen talks.`
//!
//! Not flagged: relatives and others who share a surname (the full name tells them
//! apart: Claire Doyle and Margaret Doyle, Huang Chih-ming and Huang Chih-hao, and
//! gendered forms such as Wiśniewska and Wiśniewski), names in headlines and inside
//! quotations, a surname used as a modifier ("a Biden administration official"), a name
//! repeated in a paragraph that is a copy of the one that introduced it, word for word
//! or nearly (that is a duplicate paragraph, and the later copy may be the one kept),
//! bylines, picture captions ("Photo: …", "(AP Photo/…)"), agate (a list item that is
//! not a sentence, such as a results line, and table rows), and companies and places
//! named like people ("Hanlon Coaches", "Dolní Bukovec", "Goldman Sachs said", "Hong
//! Kong said", "Fort Worth", "Hyde Park", "grew up in Kelso"): a full name is taken for
//! a person's when it has a title or a role somewhere ("Chief financial officer Anil
//! Siddiqui", "chief executive Maria Borg"), an age, an appositive that describes a
//! person ("Maria Borg, the chief executive,", "Ewa Nowicka, who chairs…"), or when its
//! surname alone is used for someone who speaks. A repeated initial and surname is left
//! alone.
//!
//! ## Fix
//! For a repeated full name: replace it with the reference form the story uses ("van der
//! Linden"; "Huang" for Huang Chih-ming, when the story refers to him so). Safe when the
//! story already uses that form for the person; unsafe when the rule had to work it out.
//! No fix for a surname before the full name: the introduction has to move, and that is
//! the writer's call.
//!
//! ## Configuration
//! - `[rules] second-reference = "warning"`

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Ctx, DraftContext, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix};
use crate::text::BlockKind;
use crate::text::fold::fold;
use crate::text::names::NameMention;
use crate::text::spans::SpanSet;
use crate::text::words::WordList;

const RULE: &str = "second-reference";

/// Last words that make a name a company, an institution or a place ("Hanlon Coaches",
/// "Haugen Bank", "Nordhav Line"). Words that are also common surnames (Hall, Park,
/// Church, Banks) are left out.
static ORGANISATION_WORDS: WordList = WordList::new(&[
    "bank", "coaches", "holding", "holdings", "line", "lines", "platinum", "transport", "dynamics",
    "biotech", "capital", "group", "airlines", "airways", "motors", "energy", "partners", "media", "foods",
    "systems", "solutions", "technologies", "technology", "services", "insurance", "pharmaceuticals",
    "pharma", "mining", "resources", "oil", "gas", "power", "steel", "rail", "shipping", "logistics",
    "hotels", "properties", "foundation", "trust", "institute", "university", "college", "school",
    "hospital", "clinic", "council", "party", "union", "association", "federation", "league", "club",
    "society", "agency", "authority", "commission", "ministry", "department", "court", "stadium", "airport",
    "station", "street", "road", "avenue", "square", "bridge", "tower", "centre", "center", "market",
    "museum", "theatre", "theater", "cathedral", "mosque", "temple", "river", "mountains", "islands",
    "valley", "bay", "coast", "district", "county", "province", "region", "city", "town", "village",
    "microsystems", "inc", "corp", "ltd", "llc", "gmbh", "securities", "assurances", "ventures", "labs",
    "studios", "records", "films", "press", "news", "times", "post", "herald", "journal", "telegraph",
    "network", "channel", "radio", "television", "cup", "open", "championship", "games", "festival", "prize",
    "fund", "exchange", "index", "motorway", "highway", "port", "harbour", "harbor", "parliament",
    "government", "army", "police", "brigade", "regiment",
]);

/// A name mention, as this rule reads it.
#[derive(Debug, Clone)]
struct Reference<'a> {
    draft: usize,
    span: Range<usize>,
    /// The name's first and last words, particles and initials left out, and how many
    /// such words it has; for an initial and a surname ("R. Vaidyanathan"), the initial
    /// and the surname.
    first: &'a str,
    last: &'a str,
    words: usize,
    /// The full name's first and last words: the identity of a person. Spellings that
    /// differ are `name-consistency`'s business, not this rule's.
    key: (&'a str, &'a str),
    /// The surname with the particles before it ("van der Linden").
    surname_span: Range<usize>,
    /// An initial stands for the given name ("R. Vaidyanathan"): a first reference of its
    /// own, though not a full name to shorten.
    given_initial: bool,
    block: usize,
    person_cue: bool,
    /// A title or role before it, an age after it or an appositive that describes a
    /// person ("Councillor Grace Okafor", "chief executive Maria Borg", "Okafor, 58,",
    /// "Maria Borg, the chief executive,"): it introduces someone.
    titled_or_aged: bool,
    sentence_initial: bool,
    /// Follows "&" or "+": part of a firm's name ("Pemberton & Lowe").
    after_ampersand: bool,
}

impl<'a> Reference<'a> {
    fn is_full(&self) -> bool {
        self.words >= 2 || self.given_initial
    }

    fn first(&self) -> &'a str {
        self.first
    }

    fn last(&self) -> &'a str {
        self.last
    }

    fn holds(&self, part: &str) -> bool {
        self.is_full() && (self.first() == part || self.last() == part)
    }
}

fn references<'a>(draft_index: usize, draft: &'a DraftContext<'a>, quotes: &SpanSet) -> Vec<Reference<'a>> {
    let parsed = &draft.parsed;
    let furniture: Vec<bool> = parsed
        .blocks
        .iter()
        .map(|block| {
            let text = &parsed.copy[block.span.clone()];
            block.kind == BlockKind::Heading || is_caption_or_byline(text) || is_agate(block.kind, text)
        })
        .collect();
    draft
        .mentions()
        .iter()
        // A place ("Fort Worth", "Hyde Park", "grew up in Kelso") is no one's
        // reference.
        .filter(|m| !furniture[m.block] && !quotes.overlaps(&m.span) && m.place.is_none())
        .filter_map(|m| reference(draft_index, draft, m))
        .collect()
}

/// A list item or table row that is not a sentence ("Men: Tesfaye Gebremariam (Ethiopia)
/// 2:05:17; …", a line-up, a results table): agate, where names are given in full.
fn is_agate(kind: BlockKind, block: &str) -> bool {
    let text = block.trim_end();
    (kind == BlockKind::ListItem && !text.ends_with(['.', '!', '?', '"', '”', '’']))
        || text.matches('|').count() >= 2
}

/// Words that open a caption ("Photo: …", "Pictured: …").
const CAPTION_OPENERS: &[&str] = &[
    "photo:", "photograph:", "picture:", "pictured:", "caption:", "image:", "above:", "below:", "top:",
    "left:", "right:", "inset:", "main picture:", "file photo", "video:",
];

/// Words that credit a picture inside a caption ("(Photo: Reuters)", "AP Photo/…").
const PICTURE_CREDITS: &[&str] = &[
    "photo:", "photo/", "photograph:", "photo credit", "picture:", "credit:",
];

/// A byline ("By Maria Borg, Staff Writer") or a picture caption, where a name is written
/// in full whatever the copy did before.
fn is_caption_or_byline(block: &str) -> bool {
    let text = block.trim();
    let words = text.split_whitespace().count();
    if words > 60 {
        return false;
    }
    let lower = text.to_lowercase();
    let byline = lower.starts_with("by ") && words <= 12 && !text.ends_with('.');
    byline
        || CAPTION_OPENERS.iter().any(|opener| lower.starts_with(opener))
        || PICTURE_CREDITS.iter().any(|credit| lower.contains(credit))
}

fn reference<'a>(
    draft_index: usize,
    draft: &'a DraftContext<'a>,
    mention: &NameMention,
) -> Option<Reference<'a>> {
    let copy = draft.parsed.copy.as_str();
    let mut parts = mention.name_parts().map(|p| &copy[p.span.clone()]);
    let mut first = parts.next()?;
    let mut last = first;
    let mut words = 1;
    for part in parts {
        last = part;
        words += 1;
    }
    let last_part = mention.parts.iter().rposition(|p| !p.particle && !p.initial)?;
    // "R. Vaidyanathan": the initial stands for the given name. (A title abbreviation is
    // an initial-like part too, but the mention has its titles stripped.)
    let initial = mention.parts[..last_part]
        .iter()
        .find(|p| p.initial && copy[p.span.clone()].chars().count() == 1);
    let given_initial = words == 1 && initial.is_some();
    if let Some(initial) = initial.filter(|_| given_initial) {
        first = &copy[initial.span.clone()];
    }
    // Particles directly before the surname belong to it.
    let mut surname_start = last_part;
    while surname_start > 0 && mention.parts[surname_start - 1].particle {
        surname_start -= 1;
    }
    let key = (first, last);
    Some(Reference {
        draft: draft_index,
        span: mention.span.clone(),
        first,
        last,
        words,
        key,
        surname_span: mention.parts[surname_start].span.start..mention.parts[last_part].span.end,
        given_initial,
        block: mention.block,
        person_cue: mention.person_cue,
        titled_or_aged: mention.titled || mention.described || aged(&draft.parsed, mention),
        sentence_initial: mention.sentence_initial,
        after_ampersand: mention.parts[0]
            .token
            .checked_sub(1)
            .is_some_and(|t| matches!(draft.parsed.token_text(t), "&" | "+")),
    })
}

/// An age after the name: "Okafor, 58," or "Okafor, 58." (the comma, a number to 120, and
/// the end of the apposition).
fn aged(parsed: &crate::text::ParsedDraft<'_>, mention: &NameMention) -> bool {
    let Some(last) = mention.parts.last() else {
        return false;
    };
    let text = |index: usize| parsed.tokens.get(index).map(|t| t.text(&parsed.copy));
    let after = last.token + 1;
    text(after) == Some(",")
        && text(after + 1).is_some_and(|t| t.len() <= 3 && t.parse::<u32>().is_ok_and(|age| age <= 120))
        && matches!(text(after + 2), Some("," | "." | ")" | ";") | None)
}

/// A full name that names a company or place rather than a person ("Hanlon Coaches").
fn names_an_organisation(reference: &Reference) -> bool {
    ORGANISATION_WORDS.contains(reference.last())
}

/// Two folded surnames that tell people apart only by a form: the same name, a gendered
/// or a transliterated form ("wisniewska" and "wisniewski").
fn same_family(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let longest = a.chars().count().max(b.chars().count());
    shared >= 5 && shared + 3 >= longest
}

/// A full name's identity and its first and last words, folded.
type FoldedName<'a> = ((&'a str, &'a str), String, String);

/// What one draft's references say about its people.
struct Draft<'r> {
    references: &'r [Reference<'r>],
    /// Indices of full names that name people (a cue somewhere says so), in order.
    people: Vec<usize>,
}

/// People among the full names. A speech verb alone does not make one ("Hong Kong said",
/// "Goldman Sachs said"): a full name names a person when it has a title or an age
/// somewhere ("Councillor Grace Okafor", "Okafor, 58,"), or when its surname alone is
/// used for someone who speaks ("Okafor said").
fn people_of(references: &[Reference]) -> Vec<usize> {
    let mut cued_keys: FxHashSet<(&str, &str)> = FxHashSet::default();
    let mut cued_parts: FxHashSet<&str> = FxHashSet::default();
    for reference in references {
        if reference.is_full() {
            if reference.titled_or_aged {
                cued_keys.insert(reference.key);
            }
        } else if reference.person_cue {
            cued_parts.insert(reference.first());
        }
    }
    (0..references.len())
        .filter(|&i| {
            let full = &references[i];
            full.is_full()
                && !names_an_organisation(full)
                && (cued_keys.contains(&full.key)
                    || cued_parts.contains(full.first())
                    || cued_parts.contains(full.last()))
        })
        .collect()
}

/// The `second-reference` rule: it compares the drafts of a story, so it checks the story whole.
pub struct SecondReference;

impl Rule for SecondReference {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A surname before the full name, or the full name repeated after it."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Always
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        check_story(ctx, out);
    }
}

fn check_story(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let all: Vec<Vec<Reference>> = ctx
        .drafts
        .iter()
        .enumerate()
        .map(|(index, draft)| {
            let quotes = SpanSet::of_quotations(draft.quotations(ctx.config));
            references(index, draft, &quotes)
        })
        .collect();
    let drafts: Vec<Draft<'_>> = all
        .iter()
        .map(|references| Draft {
            references,
            people: people_of(references),
        })
        .collect();
    for draft_index in 0..drafts.len() {
        surname_before_full_name(ctx, draft_index, &drafts, out);
        repeated_full_name(&ctx.drafts[draft_index], draft_index, &drafts[draft_index], out);
    }
}

/// A single name part with a person cue before the full name that holds it.
fn surname_before_full_name(ctx: &Ctx<'_>, draft_index: usize, drafts: &[Draft<'_>], out: &mut Vec<Finding>) {
    let parsed = &ctx.drafts[draft_index].parsed;
    let references = drafts[draft_index].references;
    // The first full name holding each part, and the first person's after any point.
    // A surname introduced with a title, a role or an age ("Managing director
    // Vaidyanathan, 63,") is a first reference too: the reader has met the person.
    let mut first_full: FxHashMap<&str, usize> = FxHashMap::default();
    for (position, reference) in references.iter().enumerate() {
        if reference.is_full() {
            first_full.entry(reference.first()).or_insert(position);
            first_full.entry(reference.last()).or_insert(position);
        } else if reference.titled_or_aged {
            first_full.entry(reference.first()).or_insert(position);
        }
    }
    let mut reported: FxHashSet<&str> = FxHashSet::default();
    for (position, single) in references.iter().enumerate() {
        if single.is_full() || !single.person_cue || single.after_ampersand {
            continue;
        }
        let part = single.first();
        if reported.contains(part) || first_full.get(part).is_some_and(|&p| p <= position) {
            continue;
        }
        let later = drafts[draft_index]
            .people
            .iter()
            .map(|&i| &references[i])
            .find(|full| full.span.start > single.span.start && full.holds(part));
        let (message, related) = if let Some(full) = later {
            let line = parsed.line_of(full.span.start) + 1;
            let name = crate::text::one_line(&parsed.copy[full.span.clone()]);
            (
                format!(
                    "‘{part}’ is used before the full name, {name}, appears (line {line}): give the full name on first reference."
                ),
                (full.draft, full.span.clone(), "the full name"),
            )
        } else if !first_full.contains_key(part) {
            // Introduced only in another draft of the story (a sidebar and its main story).
            let elsewhere = drafts
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != draft_index)
                .find_map(|(_, other)| {
                    other
                        .people
                        .iter()
                        .map(|&i| &other.references[i])
                        .find(|full| full.holds(part))
                });
            let Some(full) = elsewhere else {
                continue;
            };
            let other = &ctx.drafts[full.draft];
            let name = crate::text::one_line(&other.parsed.copy[full.span.clone()]);
            (
                format!(
                    "‘{part}’ is never introduced in this draft: the full name, {name}, appears only in {}.",
                    other.path
                ),
                (full.draft, full.span.clone(), "the full name, in another draft"),
            )
        } else {
            continue;
        };
        reported.insert(part);
        out.push(
            Finding::new(RULE, draft_index, single.span.clone(), message)
                .with_related(related.0, related.1, related.2),
        );
    }
}

/// A person's full name used again after the first reference.
fn repeated_full_name(
    context: &DraftContext<'_>,
    draft_index: usize,
    draft: &Draft<'_>,
    out: &mut Vec<Finding>,
) {
    let parsed = &context.parsed;
    let references = draft.references;
    let mut first_of_key: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    // Everyone named in full (not a company), folded once, for the shared-name test; and
    // the test's answer for each name, worked out on its first repeat.
    let mut named: Option<Vec<FoldedName<'_>>> = None;
    let mut shares_cache: FxHashMap<(&str, &str), bool> = FxHashMap::default();
    for &index in &draft.people {
        let full = &references[index];
        // An initial and a surname is a style of its own, not a full name to shorten.
        if full.given_initial {
            continue;
        }
        let first_index = *first_of_key.entry(full.key).or_insert(index);
        if first_index == index {
            continue;
        }
        let first = &references[first_index];
        // Anyone else named in full who shares a name part the story could use: keep
        // full names ("Claire Doyle" and "Margaret Doyle").
        let named = named.get_or_insert_with(|| {
            let mut list: Vec<FoldedName<'_>> = Vec::new();
            for other in references
                .iter()
                .filter(|r| r.is_full() && !names_an_organisation(r))
            {
                if !list.iter().any(|(key, _, _)| *key == other.key) {
                    list.push((other.key, fold(other.first()), fold(other.last())));
                }
            }
            list
        });
        let shares_name = *shares_cache.entry(full.key).or_insert_with(|| {
            let (first_folded, last_folded) = (fold(full.first()), fold(full.last()));
            named.iter().filter(|(key, _, _)| *key != full.key).any(
                |((first, last), other_first, other_last)| {
                    same_family(other_last, &last_folded)
                        || same_family(other_first, &first_folded)
                        || *first == full.last()
                        || *last == full.first()
                },
            )
        });
        if shares_name {
            continue;
        }
        // A paragraph pasted twice, or nearly, repeats its names; duplicate-paragraph
        // reports that, and which copy stays (the later may be the corrected one) decides
        // where the first reference is.
        let block_text = |block: usize| parsed.copy[parsed.blocks[block].span.clone()].trim();
        if first.block != full.block
            && (block_text(first.block) == block_text(full.block)
                || super::duplicate_paragraph::nearly_repeats(
                    block_text(first.block),
                    block_text(full.block),
                ))
        {
            continue;
        }
        // The reference form: the part the story uses alone for this person.
        let used_alone = |text: &str| {
            references
                .iter()
                .any(|r| !r.is_full() && r.first() == text && r.span.start > first.span.start)
        };
        let (form, confirmed) = if used_alone(full.last()) {
            (parsed.copy[full.surname_span.clone()].to_string(), true)
        } else if used_alone(full.first()) {
            (full.first().to_string(), true)
        } else {
            (parsed.copy[full.surname_span.clone()].to_string(), false)
        };
        let mut replacement = form;
        if full.sentence_initial
            && let Some(first_char) = replacement.chars().next()
        {
            replacement = first_char
                .to_uppercase()
                .chain(replacement[first_char.len_utf8()..].chars())
                .collect();
        }
        let name = crate::text::one_line(&parsed.copy[full.span.clone()]);
        let line = parsed.line_of(first.span.start) + 1;
        let advice = if confirmed {
            format!("use ‘{replacement}’, as the story does elsewhere")
        } else {
            "use the surname alone".to_string()
        };
        out.push(
            Finding::new(
                RULE,
                draft_index,
                full.span.clone(),
                format!("{name} was introduced at line {line}: after the first reference, {advice}."),
            )
            .with_related(draft_index, first.span.clone(), "first reference")
            .with_fix(Fix::replace(
                format!("Replace with ‘{replacement}’"),
                draft_index,
                full.span.clone(),
                replacement.clone(),
                if confirmed {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                },
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{apply_safe_fixes, assert_fixture};

    #[test]
    fn flags_early_surnames_and_repeated_full_names() {
        assert_fixture(
            "second-reference",
            "Strike headline

Kovalevskyi said the company would not reopen talks while pickets remained.
^^^^^^^^^^^ second-reference

Taras Kovalevskyi, CityLink's director of operations, said only 40 buses ran.

Declan O'Rourke, the union's general secretary, said members rejected the offer.

O'Rourke said the union would decide on Wednesday. Kovalevskyi said he was ready.

Declan O'Rourke said the executive would meet at 10 a.m. on Wednesday.
^^^^^^^^^^^^^^^ second-reference
",
        );
    }

    #[test]
    fn relatives_quotes_organisations_and_modifiers_are_not_flagged() {
        assert_fixture(
            "second-reference",
            "Kertész takes the lead

Margaret Doyle, 78, has waited since March. Her daughter, Claire Doyle, said she was tired.

“Claire Doyle will tell you,” Margaret Doyle said. Claire Doyle said the wait was long.

A senior Biden administration official said talks would resume. President Joe Biden agreed.

Hanlon Coaches said it added six coaches. Hanlon Coaches runs services from Kildare.

Joanna Wiśniewska, 44, leads the count. Her husband, Piotr Wiśniewski, is a cardiologist.

Piotr Wiśniewski said his wife had gone to bed at 3 a.m.

The auction house Pemberton & Lowe said the sale raised $5 million. Clara Lowe, its head, agreed.

The painter Wu Lanfang died in 1991. Her granddaughter, Wu Mei, 45, said she was pleased.

Wu Mei said the family sold the scroll in the 1980s.

Hong Kong said it would reopen the border. Goldman Sachs said it expected a deal.

Hong Kong said trade had recovered. Goldman Sachs said the deal was done.
",
        );
    }

    #[test]
    fn a_near_copy_of_the_introducing_paragraph_is_left_to_duplicate_paragraph() {
        assert_fixture(
            "second-reference",
            "Port strike

Harbour director Selin Aksoy, 52, said the cranes had stopped at noon and would not restart before the weekend.

Aksoy said talks were over.

Harbour director Selin Aksoy, 52, said the cranes had stopped at noon and would not restart until Monday.

Selin Aksoy said later that she was tired.
^^^^^^^^^^^ second-reference
",
        );
    }

    #[test]
    fn a_place_named_like_a_person_is_no_full_name() {
        // "Ferris Park" is a ground, not the full name of the "Park" who speaks; a real
        // full name after the surname is still found.
        assert_fixture(
            "second-reference",
            "Rain delays the final

Park said the pitch was heavy. The club has played at Ferris Park since 1990.

The final at Ferris Park was moved. Staff at Lake Orlan said the same.

Orlan said the boats were ready.
^^^^^ second-reference

Deputy harbourmaster Nils Orlan, 50, agreed.
",
        );
    }

    #[test]
    fn an_initial_or_a_role_with_the_surname_is_a_first_reference() {
        assert_fixture(
            "second-reference",
            "Knitwear maker files for listing

Managing director R. Vaidyanathan, 63, who founded the company, said the listing would fund a plant.

\"Buyers ask where the water came from,\" Vaidyanathan said.

Vaidyanathan's son, Karthik Vaidyanathan, 36, is joint managing director.

Superintendent Okafor, 58, said the road would reopen. Okafor said so twice.

Grace Okafor, her daughter, said nothing.

Regional director Dr. Lorenzo dela Cruz said cases had risen.

Dela Cruz urged residents to clear standing water. Officials in San Jose del Monte agreed.

Kovalevskyi said talks were over.
^^^^^^^^^^^ second-reference

Taras Kovalevskyi, the director of operations, said 40 buses ran.
",
        );
    }

    #[test]
    fn a_full_name_repeated_after_a_role_or_an_appositive() {
        assert_fixture(
            "second-reference",
            "Ferry fares to rise

Maria Borg, the chief executive, said fares would rise in June.

Maria Borg said the company had no choice.
^^^^^^^^^^ second-reference

Taras Kovalevskyi, CityLink's director of operations, said only 40 buses ran.

Taras Kovalevskyi said the company would not reopen talks.
^^^^^^^^^^^^^^^^^ second-reference

Chief financial officer Anil Siddiqui said costs had doubled.

Anil Siddiqui said the company would borrow.
^^^^^^^^^^^^^ second-reference

Borg's company will raise fares, chief executive Maria Borg said.
                                                 ^^^^^^^^^^ second-reference

\"Maria Borg is right about the fares,\" said a passenger.

Photo: Maria Borg at the harbour on Monday.

Maria Borg at the harbour on Monday. (AP Photo/Jon Smith)
",
        );
    }

    #[test]
    fn relatives_companies_and_agate_keep_full_names() {
        assert_fixture(
            "second-reference",
            "Ferry fares to rise

Maria Borg, the chief executive, said fares would rise. Her brother, Joseph Borg, a captain, agreed.

Maria Borg said the company had no choice. Joseph Borg said so too.

Borg Shipping, the ferry operator, said it would add boats. Borg Shipping runs six.

Goldman Sachs, the investment bank, said it expected a deal. Goldman Sachs said so again.

Joseph Kiprono, 29, a Kenyan, was third.

Results:

- Men: Abebe Tadesse (Ethiopia) 2:05:17; Joseph Kiprono (Kenya) 2:06:02

Kiprono, who is not related to the winner, was running his first marathon.
",
        );
    }

    #[test]
    fn a_sidebar_introduces_its_own_people() {
        let main = "Headline\n\nJoseph Camilleri, the association's president, said pilots were tired.\n\nCamilleri said talks would resume.\n";
        let sidebar = "Sidebar headline\n\nCamilleri said emergency crossings would continue.\n\nCamilleri said so again.\n";
        let findings = crate::story::analyze(
            &[
                crate::story::DraftInput::new("main.md", main),
                crate::story::DraftInput::new("sidebar.md", sidebar),
            ],
            &crate::testing::only_rule("second-reference", crate::Config::default()),
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].draft, 1);
        assert!(
            findings[0].message.contains("appears only in main.md"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn fix_uses_the_reference_form() {
        let source = "Headline\n\nTaras Kovalevskyi, the director, said 40 buses ran.\n\nKovalevskyi said talks were over.\n\nTaras Kovalevskyi said he would not resign.\n";
        assert_eq!(
            apply_safe_fixes(source, "second-reference"),
            "Headline\n\nTaras Kovalevskyi, the director, said 40 buses ran.\n\nKovalevskyi said talks were over.\n\nKovalevskyi said he would not resign.\n"
        );
    }
}
