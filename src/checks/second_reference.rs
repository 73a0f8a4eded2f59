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
//! and full names given side by side ("Maria Borg and Deval Okafor", "Ana Reyes and
//! Tom Castell's campaign"), where a surname among full names would read as someone
//! else.
//!
//! Names outside the running copy are no references, first or later: headlines and
//! subheads; bylines and lines about the writer ("Maria Borg is a staff writer …",
//! "Follow Maria Borg @mariaborg"); picture captions and credits (an opener such as
//! "Photo:", a credit such as "AP Photo/…", "Karl Brandt / AFP" or a closing
//! "(Reuters)", where the people stand: "Maria Borg, left, and …", a caption's weekday and
//! full date: "Tuesday, March 5, 2024", or a caption's one sentence, its verb a present
//! tense of visible action: "Maria Borg speaks during a rally."); lines that are not
//! sentences (no closing punctuation: a teaser, a related headline, a caption's fragment,
//! a credit); lines opened by a furniture label ("Watch:", "Video:", "Related:"); credit
//! lines opened by a dash and the embedded post above one ("— Maria Borg (@mariaborg) May
//! 3, 2024"); pull quotes (“…” — Maria Borg) and a sentence or two set apart that the
//! story prints again inside a longer paragraph (a pull quote, a highlight); and agate (a
//! list item that is not a sentence, such as a results line, and table rows).
//!
//! Companies, clubs and places named like people are not people ("Hanlon Coaches",
//! "Dolní Bukovec", "Goldman Sachs said", "Hong Kong said", "Fort Worth", "Hyde Park",
//! "grew up in Kelso", "North Macedonia"): a full name is taken for a person's when it has
//! a title or a role somewhere ("Chief financial officer Anil Siddiqui", "chief executive
//! Maria Borg"), an age, an appositive that describes a person ("Maria Borg, the chief
//! executive,", "Ewa Nowicka, who chairs…"), or when its surname, its last word, is used
//! alone for someone who speaks. The first word alone is no such cue ("Orlan says" beside
//! a product called "Orlan Thunderbolt", "Kelsey said" beside the club "Kelsey Rovers"), and
//! a name with a word of organisations after its first word ("Lakeside City Rovers") or
//! an ordinary word at its end is an organisation. A surname is flagged before the full
//! name only when something besides that surname says the full name is a person's: its
//! own title, role, age or description, or the surname speaking again after it. A repeated
//! initial and surname is left alone.
//!
//! A full name repeated after a long gap (about 250 words since the person was last
//! named) or in a new section (after a subhead) may be the writer reintroducing the
//! person: that is a hint, not a warning.
//!
//! ## Fix
//! For a repeated full name: replace it with the reference form the story uses ("van der
//! Linden"; "Huang" for Huang Chih-ming, when the story refers to him so), or the surname.
//! Unsafe: who a full name stands for, and which form the story uses for them, are a
//! heuristic's call, so `copydesk check --fix` applies it only with `--unsafe-fixes`. No
//! fix for a surname before the full name: the introduction has to move, and that is the
//! writer's call.
//!
//! ## Configuration
//! - `[rules] second-reference = "warning"`

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Ctx, DraftContext, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::text::BlockKind;
use crate::text::fold::fold;
use crate::text::lexicon::class;
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
    sentence: usize,
    person_cue: bool,
    /// A title or role before it, an age after it or an appositive that describes a
    /// person ("Councillor Grace Okafor", "chief executive Maria Borg", "Okafor, 58,",
    /// "Maria Borg, the chief executive,"): it introduces someone.
    titled_or_aged: bool,
    sentence_initial: bool,
    /// Follows "&" or "+": part of a firm's name ("Pemberton & Lowe").
    after_ampersand: bool,
    /// Names a company, a club, an institution or a place (see `names_an_organisation`).
    organisation: bool,
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

fn references<'a>(
    draft_index: usize,
    draft: &'a DraftContext<'a>,
    quotes: &SpanSet,
    furniture: &[Option<Furniture>],
) -> Vec<Reference<'a>> {
    draft
        .mentions()
        .iter()
        // A place ("Fort Worth", "Hyde Park", "grew up in Kelso") is no one's
        // reference.
        .filter(|m| furniture[m.block].is_none() && !quotes.overlaps(&m.span) && m.place.is_none())
        .filter_map(|m| reference(draft_index, draft, m))
        .collect()
}

/// Blocks that are not running copy. A name in one is no reference, first or later: the
/// reader of the story meets people in its sentences, and a caption, a byline or a credit
/// writes a name in full whatever the copy did before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Furniture {
    /// A headline, a kicker or a subhead.
    Heading,
    /// "By Maria Borg, Staff Writer".
    Byline,
    /// A line about the writer: a bio ("Maria Borg is a staff writer …") or a contact
    /// line ("Follow Maria Borg on X @mariaborg").
    AboutTheWriter,
    /// A picture caption or credit (see [`is_caption`]).
    Caption,
    /// A list item or table row that is not a sentence: a results line, a line-up.
    Agate,
    /// A line that is not a sentence, with no closing punctuation: a teaser, a related
    /// headline, a caption's fragment, a credit, a timestamp, a byline in another form
    /// ("Maria Borg, AP Sports Writer").
    Fragment,
    /// A line opened by a label of page furniture ("Watch: …", "Video: …", "Related: …").
    Label,
    /// A credit line opened by a dash: the author of an embedded post ("— Maria Borg
    /// (@mariaborg) May 3, 2024") or the speaker of a pull quote or an epigraph.
    DashCredit,
    /// A quotation set apart with its speaker after a dash (“Fares will rise.” — Maria Borg).
    PullQuote,
    /// The text of an embedded social-media post, the line above its credit line.
    EmbeddedPost,
    /// A sentence or two set apart that the story prints again inside a longer paragraph:
    /// a pull quote, a highlight, a summary above the story (see `echoed_blocks`).
    Echo,
}

/// What each block of a draft is, when it is not running copy.
fn furniture_of_blocks(parsed: &crate::text::ParsedDraft<'_>) -> Vec<Option<Furniture>> {
    let texts: Vec<&str> = parsed
        .blocks
        .iter()
        .map(|block| parsed.copy[block.span.clone()].trim())
        .collect();
    let mut furniture: Vec<Option<Furniture>> = parsed
        .blocks
        .iter()
        .zip(&texts)
        .map(|(block, text)| furniture_of(block.kind, text, block.sentences.len()))
        .collect();
    for block in echoed_blocks(parsed) {
        furniture[block].get_or_insert(Furniture::Echo);
    }
    // The post above an embedded post's credit line ("— Maria Borg (@mariaborg) …").
    for index in 1..texts.len() {
        if furniture[index] == Some(Furniture::DashCredit)
            && texts[index].contains('@')
            && furniture[index - 1].is_none()
            && parsed.blocks[index - 1].kind != BlockKind::Separator
        {
            furniture[index - 1] = Some(Furniture::EmbeddedPost);
        }
    }
    furniture
}

/// The class of furniture a block of copy belongs to, if any.
fn furniture_of(kind: BlockKind, text: &str, sentences: usize) -> Option<Furniture> {
    if kind == BlockKind::Heading {
        return Some(Furniture::Heading);
    }
    if kind == BlockKind::Separator || text.is_empty() {
        return None;
    }
    if is_agate(kind, text) {
        return Some(Furniture::Agate);
    }
    if is_dash_credit(text) {
        return Some(Furniture::DashCredit);
    }
    if is_pull_quote(text) {
        return Some(Furniture::PullQuote);
    }
    if is_byline(text) {
        return Some(Furniture::Byline);
    }
    if is_about_the_writer(text) {
        return Some(Furniture::AboutTheWriter);
    }
    if is_caption(text, sentences) {
        return Some(Furniture::Caption);
    }
    if is_furniture_label(text) {
        return Some(Furniture::Label);
    }
    if !ends_a_sentence(text) {
        return Some(Furniture::Fragment);
    }
    None
}

/// A list item or table row that is not a sentence ("Men: Tesfaye Gebremariam (Ethiopia)
/// 2:05:17; …", a line-up, a results table): agate, where names are given in full.
fn is_agate(kind: BlockKind, block: &str) -> bool {
    let text = block.trim_end();
    (kind == BlockKind::ListItem && !text.ends_with(['.', '!', '?', '"', '”', '’']))
        || text.matches('|').count() >= 2
}

/// The text ends as a sentence does: with a period, a question or exclamation mark, an
/// ellipsis, a colon (a paragraph that leads into a quotation or a list) or a semicolon,
/// closing quotation marks and brackets aside.
fn ends_a_sentence(text: &str) -> bool {
    let text = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*' | '_')
    });
    text.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// A byline: "By Maria Borg, Staff Writer", "By Maria Borg and Joseph Camilleri".
fn is_byline(text: &str) -> bool {
    let words = text.split_whitespace().count();
    text.get(..3).is_some_and(|by| by.eq_ignore_ascii_case("by ")) && words <= 12 && !text.ends_with('.')
}

/// A line about the writer: a bio ("Maria Borg is a staff writer at the Herald.", "Maria
/// Borg is the paper's health correspondent") or a contact line with an address ("Follow
/// Maria Borg on X @mariaborg", "Contact Maria Borg at mborg@herald.example").
fn is_about_the_writer(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 40 {
        return false;
    }
    let lower: Vec<String> = words
        .iter()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let bio = lower.windows(2).enumerate().any(|(index, pair)| {
        pair[0] == "is"
            && matches!(pair[1].as_str(), "a" | "an" | "the")
            && lower[index + 2..]
                .iter()
                .take(4)
                .any(|word| word != "by" && class::FURNITURE_BYLINE.contains(word))
    });
    let contact = lower.first().is_some_and(|first| {
        matches!(
            first.as_str(),
            "follow" | "contact" | "reach" | "email" | "e-mail" | "write"
        )
    }) && text.contains('@');
    bio || contact
}

/// A picture caption or its credit, where a name is written in full whatever the copy did
/// before: a caption's opener ("Photo: …", `data/lexicon/caption-openers.txt`), a picture
/// credit ("AP Photo/…", "Photo by", "Getty Images": `caption-picture-credits.txt`; a
/// credit after a slash: "Karl Brandt / AFP", or in closing brackets: "(Reuters)"), where
/// the people in the picture stand ("Maria Borg, left, and …", "(from left)":
/// `caption-picture-positions.txt`), the caption's dateline, a weekday with a full date
/// ("Tuesday, March 5, 2024"), which running copy does not write, or a caption's sentence
/// (see [`is_caption_sentence`]).
fn is_caption(text: &str, sentences: usize) -> bool {
    let words = text.split_whitespace().count();
    if words > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    class::CAPTION_OPENERS
        .entries()
        .any(|opener| lower.starts_with(opener))
        || class::CAPTION_PICTURE_CREDITS
            .entries()
            .any(|credit| lower.contains(credit))
        || class::CAPTION_PICTURE_POSITIONS
            .entries()
            .any(|position| lower.contains(position))
        || has_agency_credit(&lower)
        || has_closing_credit(&lower)
        || caption_dateline().is_match(text)
        || is_caption_sentence(text, sentences)
}

/// A credit after a slash naming a picture agency or a wire ("Karl Brandt / AFP",
/// "(Ewa Nowicka/AP)", "J. Karl Brandt / AP file").
fn has_agency_credit(lower: &str) -> bool {
    lower.match_indices('/').any(|(at, _)| {
        let after = lower[at + 1..].trim_start();
        let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        !word.is_empty() && class::FURNITURE_MEDIA.contains(&word)
    })
}

/// A credit in brackets that closes the block: "(Reuters)", "(Getty Images)", "(Photo
/// courtesy of the family)".
fn has_closing_credit(lower: &str) -> bool {
    let text = lower.trim_end_matches(['.', ' ']);
    let Some(inner) = text
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .map(|(_, inner)| inner)
    else {
        return false;
    };
    inner
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| class::FURNITURE_MEDIA.contains(word) && !matches!(word, "watch" | "listen"))
}

/// A weekday with a full date and year: "Tuesday, March 5, 2024", "Sunday, March 3, 2024".
fn caption_dateline() -> &'static regex::Regex {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b",
        )
        .expect("the caption dateline pattern compiles")
    })
}

/// A caption's one sentence: short, with no quotation and no "said", its verb a present
/// tense of visible action (`data/lexicon/caption-verbs.txt`) among its first words
/// ("Maria Borg speaks during a rally in Valletta.", "Fans of the club wave flags before
/// the match."). Running copy tells what happened in the past tense.
fn is_caption_sentence(text: &str, sentences: usize) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    if sentences != 1 || words.len() > 40 || text.contains(['"', '“', '”']) {
        return false;
    }
    let speech = |word: &&str| {
        ["said", "says", "told", "according"]
            .iter()
            .any(|verb| word.eq_ignore_ascii_case(verb))
    };
    if words.iter().any(speech) {
        return false;
    }
    words
        .iter()
        .take(16)
        .skip(1)
        .any(|word| word.chars().all(char::is_lowercase) && class::CAPTION_VERBS.contains(word))
}

/// Labels that open a line of page furniture: "Watch: …", "Video: …", "Related: …",
/// "Read more: …", "Photos | …" (the vocabulary of media and related content).
fn is_furniture_label(text: &str) -> bool {
    let Some(end) = text.find([':', '|']) else {
        return false;
    };
    let words: Vec<&str> = text[..end].split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .any(|word| class::FURNITURE_MEDIA.contains(word) || class::FURNITURE_RELATED.contains(word))
}

/// Dashes that open a credit line.
const CREDIT_DASHES: &[&str] = &["—", "–", "―", "--"];

/// A credit line opened by a dash: "— Maria Borg (@mariaborg) May 3, 2024", "— Maria
/// Borg, chief executive".
fn is_dash_credit(text: &str) -> bool {
    CREDIT_DASHES.iter().any(|dash| text.starts_with(dash))
}

/// A quotation set apart with its speaker after a dash: “Fares will rise.” — Maria Borg.
fn is_pull_quote(text: &str) -> bool {
    if !text.starts_with(['"', '“', '«']) {
        return false;
    }
    let Some(close) = text.rfind(['"', '”', '»']) else {
        return false;
    };
    let rest = text[close..].trim_start_matches(['"', '”', '»']).trim_start();
    is_dash_credit(rest)
}

/// Blocks of a sentence or two that the story prints again inside a longer paragraph: a
/// pull quote, a highlight or a summary set apart. Each of their sentences (of five words
/// or more, compared word by word, case and apostrophes aside) is in another block with
/// more sentences.
fn echoed_blocks(parsed: &crate::text::ParsedDraft<'_>) -> Vec<usize> {
    use std::hash::Hasher;
    let sentence_hash = |sentence: &crate::text::Sentence| -> Option<u64> {
        let mut hasher = rustc_hash::FxHasher::default();
        let mut words = 0;
        for index in sentence.tokens.clone() {
            let token = parsed.tokens[index];
            if token.kind != crate::text::TokenKind::Word {
                continue;
            }
            words += 1;
            for character in token.text(&parsed.copy).chars() {
                let character = if character == '’' { '\'' } else { character };
                for lower in character.to_lowercase() {
                    hasher.write_u32(lower as u32);
                }
            }
            hasher.write_u8(0);
        }
        (words >= 5).then(|| hasher.finish())
    };
    // Each sentence's hash, with (up to four of) the blocks that hold it and their sizes
    // in sentences.
    let mut holders: FxHashMap<u64, Vec<(usize, usize)>> = FxHashMap::default();
    let mut hashes: Vec<Vec<Option<u64>>> = Vec::with_capacity(parsed.blocks.len());
    for (block_index, block) in parsed.blocks.iter().enumerate() {
        let size = block.sentences.len();
        let block_hashes: Vec<Option<u64>> = block
            .sentences
            .clone()
            .map(|sentence| sentence_hash(&parsed.sentences[sentence]))
            .collect();
        for hash in block_hashes.iter().flatten() {
            let list = holders.entry(*hash).or_default();
            if list.len() < 4 && !list.iter().any(|(b, _)| *b == block_index) {
                list.push((block_index, size));
            }
        }
        hashes.push(block_hashes);
    }
    hashes
        .iter()
        .enumerate()
        .filter(|(block_index, block_hashes)| {
            let size = block_hashes.len();
            (1..=2).contains(&size)
                && block_hashes.iter().all(|hash| {
                    hash.and_then(|hash| holders.get(&hash)).is_some_and(|list| {
                        list.iter()
                            .any(|(other, other_size)| other != block_index && *other_size > size)
                    })
                })
        })
        .map(|(block_index, _)| block_index)
        .collect()
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
        sentence: mention.sentence,
        person_cue: mention.person_cue,
        titled_or_aged: mention.titled || mention.described || aged(&draft.parsed, mention),
        sentence_initial: mention.sentence_initial,
        after_ampersand: mention.parts[0]
            .token
            .checked_sub(1)
            .is_some_and(|t| matches!(draft.parsed.token_text(t), "&" | "+")),
        organisation: words >= 2
            && (mention.organisation
                || mention
                    .name_parts()
                    .skip(1)
                    .any(|p| ORGANISATION_WORDS.contains(&copy[p.span.clone()]))),
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

/// A full name that names a company, a club, an institution or a place rather than a
/// person: a word after its first is a word of organisations or places ("Hanlon Coaches",
/// "Lakeside City Rovers"), or its last word is an ordinary word ("Orlan Thunderbolt",
/// "Orlan Harbour"; see `NameMention::organisation`).
fn names_an_organisation(reference: &Reference) -> bool {
    reference.organisation
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
/// somewhere ("Councillor Grace Okafor", "Okafor, 58,"), or when its surname, its last
/// word, is used alone for someone who speaks ("Okafor said"). The first word alone
/// speaking is no such cue: it is how a company, a club or a place is named short
/// ("Orlan says" beside the product "Orlan Thunderbolt", "Kelsey said" beside the
/// club "Kelsey Rovers").
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
                && (cued_keys.contains(&full.key) || cued_parts.contains(full.last()))
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
        // A repeated full name has a fix; a surname before the full name needs the writer.
        FixAvailability::Sometimes
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Findings<'_>) {
        check_story(ctx, out);
    }
}

fn check_story(ctx: &Ctx<'_>, out: &mut Findings<'_>) {
    let furniture: Vec<Vec<Option<Furniture>>> = ctx
        .drafts
        .iter()
        .map(|draft| furniture_of_blocks(&draft.parsed))
        .collect();
    let all: Vec<Vec<Reference>> = ctx
        .drafts
        .iter()
        .enumerate()
        .map(|(index, draft)| {
            let quotes = SpanSet::of_quotations(draft.quotations(ctx.config));
            references(index, draft, &quotes, &furniture[index])
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
        repeated_full_name(
            &ctx.drafts[draft_index], draft_index, &drafts[draft_index], &furniture[draft_index], out,
        );
    }
}

/// A single name part with a person cue before the full name that holds it.
fn surname_before_full_name(ctx: &Ctx<'_>, draft_index: usize, drafts: &[Draft<'_>], out: &mut Findings<'_>) {
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
    // What says a full name is a person's, besides the surname flagged before it: a title,
    // a role, an age or a description with the full name, or the surname speaking again
    // after it. ("Brandt said …" and then "named for Karl Brandt" is no introduction
    // come late: nothing says Karl Brandt is the Brandt who spoke.)
    let introduced_keys: FxHashSet<(&str, &str)> = references
        .iter()
        .filter(|r| r.is_full() && r.titled_or_aged)
        .map(|r| r.key)
        .collect();
    let mut last_speaking: FxHashMap<&str, usize> = FxHashMap::default();
    for reference in references.iter().filter(|r| !r.is_full() && r.person_cue) {
        last_speaking.insert(reference.first(), reference.span.start);
    }
    let independently_a_person = |full: &Reference| {
        introduced_keys.contains(&full.key)
            || last_speaking
                .get(full.last())
                .is_some_and(|&start| start > full.span.start)
    };
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
            .find(|full| full.span.start > single.span.start && full.holds(part))
            .filter(|full| independently_a_person(full));
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
    furniture: &[Option<Furniture>],
    out: &mut Findings<'_>,
) {
    let parsed = &context.parsed;
    let references = draft.references;
    let previous = previous_references(references);
    let words_before = words_before_tokens(parsed);
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
        // Names given in full side by side ("Maria Borg and Deval Okafor", "Ana Reyes
        // and Tom Castell's"): a surname among full names would read as someone else.
        if in_parallel(parsed.copy.as_str(), references, index) {
            continue;
        }
        // Named again after a long gap or in a new section: reintroducing the person is
        // the writer's call, so this is only a hint.
        let reintroduced = previous[index].is_some_and(|before| {
            let before = &references[before];
            words_between(parsed, &words_before, before.span.end, full.span.start) >= LONG_GAP_WORDS
                || section_break_between(parsed, furniture, before.block, full.block)
        });
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
        let message = if reintroduced {
            format!(
                "{name} was introduced at line {line}: after the first reference, {advice}, unless the story means to reintroduce the person here."
            )
        } else {
            format!("{name} was introduced at line {line}: after the first reference, {advice}.")
        };
        // Who the full name stands for, and the form to use, are a heuristic's call:
        // the rewrite is unsafe.
        let mut finding = Finding::new(RULE, draft_index, full.span.clone(), message)
            .with_related(draft_index, first.span.clone(), "first reference")
            .with_fix(Fix::replace(
                format!("Replace with ‘{replacement}’"),
                draft_index,
                full.span.clone(),
                replacement.clone(),
                Applicability::Unsafe,
            ));
        if reintroduced {
            finding.severity = Severity::Hint;
        }
        out.push(finding);
    }
}

/// How many words of copy since the person was last named make a full name a
/// reintroduction rather than a slip: about six paragraphs of news copy.
const LONG_GAP_WORDS: usize = 250;

/// For each reference, the reference to the same person just before it, if any: the same
/// full name, or the surname (or the first word) alone.
fn previous_references(references: &[Reference]) -> Vec<Option<usize>> {
    let mut by_key: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    let mut by_part: FxHashMap<&str, usize> = FxHashMap::default();
    let mut previous = Vec::with_capacity(references.len());
    for (index, reference) in references.iter().enumerate() {
        if reference.is_full() {
            let last = [
                by_key.get(&reference.key),
                by_part.get(reference.last()),
                by_part.get(reference.first()),
            ]
            .into_iter()
            .flatten()
            .max()
            .copied();
            previous.push(last);
            by_key.insert(reference.key, index);
        } else {
            previous.push(by_part.get(reference.first()).copied());
            by_part.insert(reference.first(), index);
        }
    }
    previous
}

/// The number of word tokens before each token of the draft (and one past the end).
fn words_before_tokens(parsed: &crate::text::ParsedDraft<'_>) -> Vec<usize> {
    let mut counts = Vec::with_capacity(parsed.tokens.len() + 1);
    let mut words = 0;
    for token in &parsed.tokens {
        counts.push(words);
        if token.kind == crate::text::TokenKind::Word {
            words += 1;
        }
    }
    counts.push(words);
    counts
}

/// Words of the draft between two byte offsets.
fn words_between(
    parsed: &crate::text::ParsedDraft<'_>,
    words_before: &[usize],
    start: usize,
    end: usize,
) -> usize {
    let at = |offset: usize| parsed.tokens.partition_point(|token| token.start < offset);
    let (from, to) = (at(start), at(end));
    words_before
        .get(to)
        .zip(words_before.get(from))
        .map_or(0, |(to, from)| to.saturating_sub(*from))
}

/// A heading, a subhead or a separator between two blocks: a new section, where a person
/// may be introduced again.
fn section_break_between(
    parsed: &crate::text::ParsedDraft<'_>,
    furniture: &[Option<Furniture>],
    before: usize,
    after: usize,
) -> bool {
    (before + 1..after).any(|block| {
        parsed.blocks[block].kind == BlockKind::Separator
            || matches!(furniture[block], Some(Furniture::Heading | Furniture::Fragment))
            || is_all_capitals(parsed.copy[parsed.blocks[block].span.clone()].trim())
    })
}

/// A line in capitals ("WHAT COMES NEXT?"), as subheads are set.
fn is_all_capitals(text: &str) -> bool {
    let (mut upper, mut total) = (0usize, 0usize);
    for letter in text.chars().filter(|c| c.is_alphabetic()) {
        total += 1;
        upper += usize::from(letter.is_uppercase());
    }
    total >= 6 && upper == total
}

/// Words that join names given side by side: "and", "or", "nor", "&", "as well as",
/// "with", "vs", "versus", and commas.
const COORDINATORS: &[&str] = &[
    "and", "or", "nor", "&", "as well as", "with", "vs", "vs.", "versus", "v.",
];

/// A full name next to another person's full name, joined by a comma or a coordinator
/// ("Maria Borg and Deval Okafor", "Ana Reyes, Tom Castell and Deval
/// Okafor", "Ana Reyes and Tom Castell's campaign"): the names are given in
/// parallel, and a surname among full names reads as someone else.
fn in_parallel(copy: &str, references: &[Reference], index: usize) -> bool {
    let full = &references[index];
    let joined = |left: &Reference, right: &Reference| {
        if left.sentence != right.sentence || left.span.end > right.span.start {
            return false;
        }
        let between = copy[left.span.end..right.span.start].trim();
        let between = between
            .strip_prefix("’s")
            .or_else(|| between.strip_prefix("'s"))
            .unwrap_or(between)
            .trim();
        let between = between.strip_prefix(',').unwrap_or(between).trim();
        between.is_empty() || COORDINATORS.iter().any(|word| between.eq_ignore_ascii_case(word))
    };
    let other = |other: &Reference| other.is_full() && other.key != full.key && !other.organisation;
    let before = index
        .checked_sub(1)
        .map(|i| &references[i])
        .is_some_and(|left| other(left) && joined(left, full));
    let after = references
        .get(index + 1)
        .is_some_and(|right| other(right) && joined(full, right));
    before || after
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
    fn captions_credits_teasers_and_embedded_posts_are_no_references() {
        assert_fixture(
            "second-reference",
            "Ferry fares to rise

Harbour director Selin Aksoy, left, and pilot Ewa Nowicka inspect a ferry in Valletta, Tuesday, March 5, 2024.

Harbour director Selin Aksoy tours the terminal with inspectors. Karl Brandt / AFP

Selin Aksoy, the harbour director who runs the port

Watch: Selin Aksoy explains the new fares.

Harbour director Selin Aksoy speaks to reporters at the terminal in Valletta.

Selin Aksoy, the harbour director, said fares would rise in June. Aksoy said the company had no choice.

“Fares will rise for every traveller, Selin Aksoy tells us,” the harbour said on its page.

— Selin Aksoy (@SelinAksoy) March 5, 2024

“We had no choice.” — Selin Aksoy

Nowicka said she would keep flying. Aksoy said so too.

Selin Aksoy says she will not resign over the fares.

Pilots met on Monday. Selin Aksoy says she will not resign over the fares. Talks resume on Friday.
                      ^^^^^^^^^^^ second-reference

Selin Aksoy is a staff writer at the Valletta Herald. (Reuters)
",
        );
    }

    #[test]
    fn companies_clubs_and_countries_are_no_people() {
        // The first word of a product's or a club's name said alone is how the company or
        // the club is named short; a country inside another's name is another country.
        assert_fixture(
            "second-reference",
            "Results day

Orlan says the laptop ships in May. Orlan said the price would hold.

The $49 Orlan Thunderbolt adapter connects older docks.

Kelsey said in a statement that the manager had agreed. Kelsey said so again.

The fans of Kelsey Rovers cheered, and Kelsey Rovers said the deal was done.

Vessany said it would reopen the border. Vessany said trade had recovered.

North Vessany said it would not. North Vessany said so again.

Brandt said the plan was sound.

The report was written for Karl Brandt, and the port is named after him.
",
        );
    }

    #[test]
    fn full_names_side_by_side_are_left_alone() {
        assert_fixture(
            "second-reference",
            "Campaign trail

Former governor Deval Okafor leads the polls in the state. Okafor said he was ready.

Voter Ana Reyes said she was also considering Maria Borg and Deval Okafor.

Okafor spoke last. The race, said Reyes, was between Deval Okafor, Maria Borg and Tom Castell.
",
        );
    }

    #[test]
    fn a_full_name_after_a_long_gap_or_a_new_section_is_a_hint() {
        let filler = "The council met again on Monday and the debate about the harbour went on for several hours without a vote being taken by anyone in the chamber. ";
        let long_gap = format!(
            "Harbour plan\n\nHarbour director Selin Aksoy said the cranes had stopped. Aksoy said so twice.\n\n{}\n\nSelin Aksoy said later that she was tired.\n",
            filler.repeat(10)
        );
        let findings = crate::testing::findings_for("second-reference", &long_gap);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].severity, crate::finding::Severity::Hint);
        assert!(
            findings[0].message.contains("reintroduce"),
            "{}",
            findings[0].message
        );

        let new_section = "Harbour plan\n\nHarbour director Selin Aksoy said the cranes had stopped. Aksoy said so twice.\n\nWHAT COMES NEXT?\n\nSelin Aksoy said later that she was tired.\n";
        let findings = crate::testing::findings_for("second-reference", new_section);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].severity, crate::finding::Severity::Hint);

        let short_gap = "Harbour plan\n\nHarbour director Selin Aksoy said the cranes had stopped. Aksoy said so twice.\n\nSelin Aksoy said later that she was tired.\n";
        let findings = crate::testing::findings_for("second-reference", short_gap);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].severity, crate::finding::Severity::Warning);
    }

    #[test]
    fn fix_uses_the_reference_form_and_is_unsafe() {
        // Who a full name stands for is a heuristic's call: the rewrite is offered, never
        // applied as safe.
        let source = "Headline\n\nTaras Kovalevskyi, the director, said 40 buses ran.\n\nKovalevskyi said talks were over.\n\nTaras Kovalevskyi said he would not resign.\n";
        assert_eq!(apply_safe_fixes(source, "second-reference"), source);
        let findings = crate::testing::findings_for("second-reference", source);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(
            findings[0].fixes[0].applicability,
            crate::finding::Applicability::Unsafe
        );
        let edits = crate::fix::edits_for_draft(&findings, 0, crate::fix::FixMode::Unsafe);
        assert_eq!(
            crate::fix::apply_edits(source, &edits),
            "Headline\n\nTaras Kovalevskyi, the director, said 40 buses ran.\n\nKovalevskyi said talks were over.\n\nKovalevskyi said he would not resign.\n"
        );
    }
}
