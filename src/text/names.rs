//! Name mentions: runs of capitalised words that name a person, place or organisation.
//!
//! A mention is a run of capitalised words separated only by spaces ("Taras Kovalevskyi",
//! "Dr. Yasmin Al-Mansouri"), with name particles ("van der Linden", "bin Hamad", and the
//! capitalised Gaelic ones: "Ó Dálaigh", "Ní Dhálaigh", "Nic Conmara"),
//! initials ("William J. Burns", "R. Vaidyanathan") and a possessive stripped ("Kertész's"
//! → "Kertész"). A short lower-case word that is not English between a given name and a
//! surname is a particle even when the list lacks it ("Lorenzo dela Cruz"). Titles before
//! a name ("Interior Minister", "Lt. Col.") and capitalised ordinary words at the start of
//! a sentence ("The", "Police") are not part of it. ALL-CAPS words (datelines, acronyms)
//! never are. A title, a lower-case role or kinship noun before the name ("chief executive
//! Maria Borg", "his son Karthik") or an appositive describing a person after it ("Maria
//! Borg, the chief executive,") marks a person. A name opened by a place-type word ("Port
//! Lincoln", "Mount Kenya"), ended by one that is also a surname ("Hyde Park") or after a
//! place cue ("grew up in Kelso") names a place, unless a title, a description or an age
//! says it is a person; a compass word opens a place's name too ("North Macedonia", "South
//! Sudan"). Two classes of capitalised words are not names at all: a word that is part of
//! an address (a handle, a hashtag, a domain or a link without its scheme: "@InesVarga",
//! "#MeToo", "NY.gov", "pic.twitter.com/InesVarga"; see [`in_address`]) and a
//! contraction ("I’ve", "We’re", "We'll"; see [`is_contraction`]).

use crate::text::words::{WordList, eq_any};
use std::ops::Range;

use super::lexicon::{class, is_common_word, is_proper_noun};
use super::{ParsedDraft, TokenKind};

/// Lower-case particles that belong to the surname after them. A short lower-case word
/// that is not English between two name words is read as one too (see
/// `is_unlisted_particle`), so a particle missing here still joins its surname.
pub static PARTICLES: WordList = WordList::new(&[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "do", "du", "des", "la",
    "le", "ter", "ten", "te", "bin", "bint", "ibn", "al", "el", "abu", "af", "av", "zu", "við", "y", "st",
    "ap", "ab", "ben", "ould", "dei", "degli", "delle", "lo", "los", "las", "vom", "zum", "zur", "het",
    "dela", "delos", "dalla", "dal", "dello", "binti", "bte",
]);

/// Irish and Scottish Gaelic surname particles, always capitalised and written apart from
/// the surname: Ó and Mac for a man, Ní and Nic for an unmarried woman, Uí and Mhic for a
/// married one ("Dónal Ó Briain", "Siobhán Ní Bhriain"). The forms without the fada are
/// listed too, since a dropped accent is a slip in the same name, not another name. Mac is
/// left out: it also opens a surname written apart by mistake ("Mac Lennan") and is a
/// given name of its own.
static GAELIC_PARTICLES: &[&str] = &["Ó", "O", "Ní", "Ni", "Nic", "Uí", "Ui", "Mhic"];

/// A Gaelic particle ("Ó", "Ní", "Nic") written before a name word, with only spaces
/// between: a particle of the surname after it.
fn starts_gaelic_particle(draft: &ParsedDraft<'_>, index: usize, end: usize) -> bool {
    let tokens = &draft.tokens;
    GAELIC_PARTICLES.contains(&draft.token_text(index))
        && index + 1 < end
        && tokens[index + 1].kind == TokenKind::Word
        && only_spaces_between(&draft.copy, tokens[index].end, tokens[index + 1].start)
        && is_name_word(draft.token_text(index + 1))
        && !GAELIC_PARTICLES.contains(&draft.token_text(index + 1))
}

/// Short lower-case words between two names that join them rather than belong to one
/// ("Marx und Engels", "Obama vs Romney").
static CONJUNCTIONS: WordList = WordList::new(&[
    "und", "et", "och", "og", "ou", "ve", "va", "vs", "oder", "ja", "és", "eta", "ta",
]);

/// A short lower-case word, not English and not a conjunction, written between a given
/// name and a surname: a particle the list does not have ("Lorenzo dela Cruz").
fn is_unlisted_particle(text: &str) -> bool {
    (2..=4).contains(&text.chars().count())
        && text.chars().all(char::is_lowercase)
        && !is_common_word(text)
        && !CONJUNCTIONS.contains(text)
}

/// Lower-case role and kinship nouns that, right before a name, show it names a person
/// ("chief executive Maria Borg", "managing director R. Vaidyanathan", "his son Karthik").
/// Words that are also adjectives ("general", "major", "private", "chief") are left out,
/// and so is "partner", which precedes companies as often as people.
static ROLE_NOUNS: WordList = WordList::new(&[
    "president", "minister", "secretary", "senator", "governor", "mayor", "doctor", "professor", "judge",
    "justice", "director", "chairman", "chairwoman", "chair", "chairperson", "commissioner", "inspector",
    "detective", "officer", "sergeant", "lieutenant", "colonel", "captain", "commander", "admiral",
    "corporal", "reverend", "rabbi", "imam", "ambassador", "councillor", "councilor", "alderman", "nurse",
    "coach", "curator", "chancellor", "speaker", "leader", "spokesman", "spokeswoman", "spokesperson",
    "editor", "superintendent", "constable", "trooper", "attorney", "prosecutor", "magistrate", "consul",
    "envoy", "congressman", "congresswoman", "dean", "pastor", "sheriff", "marshal", "auditor", "treasurer",
    "economist", "analyst", "ceo", "manager", "founder", "executive", "lawmaker", "legislator",
    "councilwoman", "councilman", "owner", "lawyer", "researcher", "scientist", "historian", "author",
    "novelist", "artist", "singer", "actor", "actress", "striker", "midfielder", "goalkeeper", "defender",
    "teacher", "farmer", "engineer", "activist", "campaigner", "organiser", "organizer", "surgeon",
    "physician", "pilot", "chef", "architect", "journalist", "correspondent", "reporter", "photographer",
    "diplomat", "negotiator", "adviser", "advisor", "strategist", "investor", "entrepreneur", "banker",
    "broker", "trader", "accountant", "consultant", "cardiologist", "epidemiologist", "virologist",
    "psychologist", "psychiatrist", "pharmacist", "paramedic", "firefighter", "priest", "vicar", "bishop",
    "archbishop", "cardinal", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
    "uncle", "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter", "grandmother", "grandfather",
    "widow", "widower", "fiancé", "fiancée", "stepson", "stepdaughter", "stepfather", "stepmother",
    "boyfriend", "girlfriend", "namesake", "administrator", "aide", "staffer",
]);

/// Titles and roles written before a name.
static TITLES: WordList = WordList::new(&[
    "president", "prime", "minister", "secretary", "senator", "sen", "rep", "representative", "gov",
    "governor", "mayor", "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame", "lord",
    "lady", "judge", "justice", "chief", "director", "chairman", "chairwoman", "chair", "commissioner",
    "inspector", "detective", "officer", "sergeant", "sgt", "lt", "lieutenant", "col", "colonel", "gen",
    "general", "capt", "captain", "cmdr", "commander", "adm", "admiral", "maj", "major", "cpl", "corporal",
    "pvt", "private", "rev", "reverend", "father", "sister", "brother", "rabbi", "imam", "sheikh", "king",
    "queen", "prince", "princess", "pope", "cardinal", "bishop", "archbishop", "ambassador", "councillor",
    "councilor", "alderman", "deputy", "vice", "nurse", "coach", "curator", "chancellor", "speaker",
    "leader", "chairperson", "spokesman", "spokeswoman", "spokesperson", "editor", "grandmaster", "skipper",
    "superintendent", "supt", "constable", "trooper", "agent", "attorney", "prosecutor", "magistrate",
    "consul", "envoy", "emir", "sultan", "congressman", "congresswoman", "assemblyman", "assemblywoman",
    "premier", "chancellor", "dean", "principal", "pastor", "sheriff", "marshal", "auditor", "treasurer",
    "economist", "analyst", "ceo", "mp", "mep", "msp", "head", "manager", "founder", "executive", "officer",
    "minister", "councilwoman", "councilman", "lawmaker", "legislator", "gov", "insp", "det", "supt",
    "messrs", "mme", "mlle", "herr", "frau", "señor", "señora", "monsieur", "madame",
]);

/// Capitalised words that open the name of a place: "Port Lincoln", "Fort Erie", "Mount
/// Kenya", "Lake Geneva", "San Remo", "New Ross". The name after one is a place's, not a
/// mention of a person it may honour or resemble.
static PLACE_PREFIXES: WordList = WordList::new(&[
    "port", "fort", "mount", "mt", "lake", "cape", "point", "isle", "loch", "lough", "saint", "sainte",
    "san", "santa", "santo", "são", "sao", "puerto", "porto", "ciudad", "sankt", "new",
]);

/// Place prefixes that are also given names ("Glen Innes" the town, "Glen Innes" the
/// man): a place only after a preposition ("grew up in Glen Innes").
static GIVEN_NAME_PLACE_PREFIXES: WordList = WordList::new(&["glen"]);

/// Place-type words that end a place's name and are surnames too ("Hyde Park", "Rudd
/// Creek", "Palm Beach"). Those that are only ordinary words ("Street", "Bay") already
/// make a mention an organisation or a place (see `NameMention::organisation`).
static PLACE_SUFFIXES: WordList = WordList::new(&["park", "creek", "beach", "lane"]);

/// Prepositions that put a name in a place after a word of living or staying: "in",
/// "near" ("born in", "lives near", "based at").
static PLACE_PREPOSITIONS: WordList = WordList::new(&["in", "near", "at", "outside"]);

/// Words of living or staying that, before such a preposition, say a place follows
/// ("born in", "grew up in", "lives near"). "born to" and "the home of" are left out:
/// people follow them.
static PLACE_VERBS: WordList = WordList::new(&[
    "born", "raised", "lives", "lived", "live", "living", "based", "settled", "headquartered", "stationed",
]);

/// Nouns for a kind of place that, before "of", say a place follows ("the town of",
/// "a native of").
static PLACE_NOUNS: WordList = WordList::new(&[
    "native", "natives", "resident", "residents", "town", "city", "village", "suburb", "hamlet", "township",
    "municipality", "province", "state", "county", "district", "region", "outskirts", "capital",
]);

/// Words that, next to a mention, show it names a person who speaks.
static SPEECH_VERBS: WordList = WordList::new(&[
    "said", "says", "told", "added", "asked", "wrote", "testified", "explained", "recalled", "insisted",
    "warned", "argued", "announced", "confirmed", "noted", "replied", "declined", "denied", "described",
]);

/// One word of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePart {
    pub token: usize,
    /// The written span, a possessive `'s` excluded.
    pub span: Range<usize>,
    /// A lower-case particle ("van", "bin"), or its capitalised form at a sentence start.
    pub particle: bool,
    /// A single-letter initial ("J.").
    pub initial: bool,
}

/// A name as mentioned in the copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    pub block: usize,
    pub sentence: usize,
    /// From the first part to the last.
    pub span: Range<usize>,
    pub parts: Vec<NamePart>,
    /// The first part starts its sentence (or a quotation at its start).
    pub sentence_initial: bool,
    /// A title or role came before it ("Interior Minister", "Dr.", "chief executive").
    pub titled: bool,
    /// An appositive after it describes a person: a role ("Maria Borg, the chief
    /// executive,", "Taras Kovalevskyi, CityLink's director of operations,") or a clause
    /// about someone ("Ewa Nowicka, who chairs…").
    pub described: bool,
    /// Context shows a person: a title, an age after it, a speech verb next to it.
    pub person_cue: bool,
    /// The mention introduces someone: a title before it, an age or an appositive after it
    /// ("Ewa Nowicka, who chairs…", "Lena Hofmann, the senator,"), or it is itself the
    /// appositive ("the senator, Lena Hofmann, said").
    pub introduced: bool,
    /// It follows a closing quotation mark (`"…," Ter Horst said`): capitalised as at
    /// a sentence start.
    pub after_quote: bool,
    /// It names an organisation or a place after a person or a family: its last word is
    /// an ordinary word ("Al Harthy Transport", "Haugen Bank", "Hanlon Coaches").
    pub organisation: bool,
    /// It names a place, with no person cue: the span of the place's whole name, a
    /// place-type word included ("Port Lincoln", "Hyde Park"), or the mention itself
    /// after a place cue ("grew up in Kelso", "the town of Kelso").
    pub place: Option<Range<usize>>,
    /// A title word written without a period right before the name ("Sen" in "Sen
    /// Gupta"), which may be part of the name instead.
    pub title_word: Option<Range<usize>>,
}

impl NameMention {
    /// The parts that carry a name (not particles, not initials).
    pub fn name_parts(&self) -> impl Iterator<Item = &NamePart> {
        self.parts.iter().filter(|p| !p.particle && !p.initial)
    }
}

/// True for a token that can be part of a name by itself: capitalised but not ALL-CAPS
/// ("Kovalevskyi", "McAllister", "O'Rourke"), or a particle-hyphen form ("el-Sisi").
fn is_name_word(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_uppercase() {
        // ALL-CAPS (datelines, acronyms) is not a name; a single capital is an initial.
        return chars.any(char::is_lowercase);
    }
    // "el-Sisi", "al-Assad": a lower-case particle hyphenated to a capitalised name.
    if let Some((head, tail)) = text.split_once(['-', '‐']) {
        return PARTICLES.contains(head) && tail.chars().next().is_some_and(char::is_uppercase);
    }
    false
}

/// Removes a possessive ending: "Kertész's" → "Kertész".
pub fn strip_possessive(text: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stripped) = text.strip_suffix(suffix) {
            return stripped;
        }
    }
    text
}

/// How far [`in_address`] looks either side of a word for the white space that ends its
/// chunk. A chunk longer than this is no prose either.
const ADDRESS_REACH: usize = 128;

/// A word that is part of an address rather than of the copy: a social-media handle or a
/// hashtag ("@InesVarga", "(@KarlBrandt_)", "#MeToo"), an e-mail address, or a domain or
/// a link written without its scheme ("NY.gov", "HarbourNews.com",
/// "pic.twitter.com/InesVarga"). The chunk of text between white space that holds the
/// word tells: it has an "@", it opens with "#", or it has a period glued to two or more
/// lower-case letters after a letter or a digit (a top-level domain: ".gov", ".com"; not
/// "a.m." or "U.S."). Bare links with a scheme are already blank in the masked copy.
pub fn in_address(copy: &str, span: Range<usize>) -> bool {
    let Some(word) = copy.get(span.clone()) else {
        return false;
    };
    if word.is_empty() {
        return false;
    }
    let before = &copy[..span.start];
    let after = &copy[span.end..];
    let mut start = span.start;
    for (index, character) in before.char_indices().rev() {
        if character.is_whitespace() {
            break;
        }
        if span.start - index > ADDRESS_REACH {
            return true;
        }
        start = index;
    }
    let mut end = span.end;
    for (index, character) in after.char_indices() {
        if character.is_whitespace() {
            break;
        }
        if index > ADDRESS_REACH {
            return true;
        }
        end = span.end + index + character.len_utf8();
    }
    let chunk = copy[start..end].trim_start_matches(['(', '[', '{', '"', '\'', '“', '‘', '«']);
    if chunk.contains('@') || chunk.starts_with('#') {
        return true;
    }
    has_domain(chunk)
}

/// A period between a letter or digit and two or more lower-case ASCII letters that end
/// the chunk (closing punctuation aside) or go on with a "/", a "." or a ":": "NY.gov",
/// "twitter.com/x", "pic.twitter.com". ("a.m." and "e.g." have one letter after each
/// period; "U.S." none.)
fn has_domain(chunk: &str) -> bool {
    let bytes = chunk.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        if byte != b'.' || index == 0 || !bytes[index - 1].is_ascii_alphanumeric() {
            continue;
        }
        let letters = bytes[index + 1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        let next = bytes.get(index + 1 + letters).copied();
        if letters >= 2
            && matches!(
                next,
                None | Some(b'/' | b'.' | b':' | b')' | b']' | b',' | b';' | b'"' | b'\'' | 0xE2)
            )
        {
            return true;
        }
    }
    false
}

/// Endings that an apostrophe joins to a word to make a contraction: "I’ve", "We’re",
/// "We'll", "I'd", "I’m", "Don't".
const CONTRACTION_ENDINGS: &[&str] = &["ve", "re", "ll", "d", "m", "t"];

/// A contraction ("I’ve", "We’re", "We'll", "Don’t"), whatever its apostrophe: an ordinary
/// word, capitalised because it starts a sentence or holds "I", never a name. A name's
/// apostrophe comes before a capital ("O'Rourke", "D’Angelo") or joins longer parts
/// ("Sa'id"), so a name is no contraction, except one written like an ordinary
/// contraction.
pub fn is_contraction(text: &str) -> bool {
    let Some((stem, ending)) = text.rsplit_once(['\'', '’']) else {
        return false;
    };
    if !CONTRACTION_ENDINGS.contains(&ending) || stem.is_empty() {
        return false;
    }
    let stem = if ending == "t" {
        match stem.strip_suffix(['n', 'N']) {
            Some(stem) if !stem.is_empty() => stem,
            _ => return false,
        }
    } else {
        stem
    };
    stem.eq_ignore_ascii_case("i")
        || stem.eq_ignore_ascii_case("ca")
        || stem.eq_ignore_ascii_case("wo")
        || is_common_word(stem)
}

/// Finds every name mention in the draft's copy, in order.
pub fn find_mentions(draft: &ParsedDraft<'_>) -> Vec<NameMention> {
    let mut mentions = Vec::new();
    for (block_index, block) in draft.blocks.iter().enumerate() {
        for sentence_index in block.sentences.clone() {
            let sentence = &draft.sentences[sentence_index];
            find_in_sentence(
                draft,
                block_index,
                sentence_index,
                sentence.tokens.clone(),
                &mut mentions,
            );
        }
    }
    mentions
}

fn find_in_sentence(
    draft: &ParsedDraft<'_>,
    block: usize,
    sentence: usize,
    range: Range<usize>,
    out: &mut Vec<NameMention>,
) {
    let tokens = &draft.tokens;
    // The first word of the sentence, after any opening marks.
    let first_word =
        (range.start..range.end).find(|&i| tokens[i].is_word() || tokens[i].kind != TokenKind::Punct);
    let mut index = range.start;
    while index < range.end {
        let token = tokens[index];
        let text = token.text(&draft.copy);
        if token.kind != TokenKind::Word
            || is_contraction(text)
            || in_address(&draft.copy, token.span())
            || !(is_name_word(text)
                || starts_particle_run(draft, index, range.end)
                || starts_gaelic_particle(draft, index, range.end)
                || starts_with_initials(draft, index, range.end))
        {
            index += 1;
            continue;
        }
        // Grow the run: words separated by single spaces, initials with their periods,
        // particles before a name word.
        let mut parts: Vec<NamePart> = Vec::new();
        let mut cursor = index;
        let mut last_end = token.start;
        while cursor < range.end {
            let current = tokens[cursor];
            if !parts.is_empty() && !only_spaces_between(&draft.copy, last_end, current.start) {
                break;
            }
            if current.kind != TokenKind::Word {
                break;
            }
            let current_text = current.text(&draft.copy);
            if is_contraction(current_text) || in_address(&draft.copy, current.span()) {
                break;
            }
            // An initial, unless an ordinary word follows it ("Plan B. The end").
            let is_initial = current_text.chars().count() == 1
                && current_text.chars().all(char::is_uppercase)
                && tokens
                    .get(cursor + 1)
                    .is_some_and(|t| t.start == current.end && t.text(&draft.copy) == ".")
                && !tokens.get(cursor + 2).is_some_and(|t| {
                    let next = t.text(&draft.copy);
                    t.kind == TokenKind::Word
                        && next.chars().nth(1).is_some()
                        && is_common_word(next)
                        && !is_proper_noun(next)
                });
            let is_title_abbreviation = TITLES.contains(current_text)
                && tokens
                    .get(cursor + 1)
                    .is_some_and(|t| t.start == current.end && t.text(&draft.copy) == ".");
            // A listed particle, or an unlisted one between a name word and a name.
            let after_name_word = parts.last().is_some_and(|p| !p.particle && !p.initial);
            let lower_particle = current_text.chars().next().is_some_and(char::is_lowercase)
                && (PARTICLES.contains(current_text)
                    || (after_name_word
                        && is_unlisted_particle(current_text)
                        && tokens.get(cursor + 1).is_some_and(|next| {
                            next.kind == TokenKind::Word
                                && only_spaces_between(&draft.copy, current.end, next.start)
                                && (is_name_word(next.text(&draft.copy))
                                    || starts_particle_run(draft, cursor + 1, range.end))
                        })));
            // "St. Clair": an abbreviated particle with its period, before a name word.
            let dotted_particle = matches!(current_text, "St" | "Ste" | "Mt")
                && tokens
                    .get(cursor + 1)
                    .is_some_and(|t| t.start == current.end && t.text(&draft.copy) == ".")
                && tokens.get(cursor + 2).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && is_name_word(t.text(&draft.copy))
                        && only_spaces_between(&draft.copy, tokens[cursor + 1].end, t.start)
                });
            if dotted_particle {
                parts.push(NamePart {
                    token: cursor,
                    span: current.start..tokens[cursor + 1].end,
                    particle: true,
                    initial: false,
                });
                last_end = tokens[cursor + 1].end;
                cursor += 2;
                continue;
            }
            // "Ó Briain", "Ní Bhriain": a capitalised Gaelic particle before its surname.
            if starts_gaelic_particle(draft, cursor, range.end) {
                parts.push(NamePart {
                    token: cursor,
                    span: current.span(),
                    particle: true,
                    initial: false,
                });
                last_end = current.end;
                cursor += 1;
                continue;
            }
            if is_initial || is_title_abbreviation {
                parts.push(NamePart {
                    token: cursor,
                    span: current.span(),
                    particle: false,
                    initial: true,
                });
                last_end = tokens[cursor + 1].end;
                cursor += 2;
                continue;
            }
            if lower_particle {
                if PARTICLES.contains(current_text) && !starts_particle_run(draft, cursor, range.end) {
                    break;
                }
                parts.push(NamePart {
                    token: cursor,
                    span: current.span(),
                    particle: true,
                    initial: false,
                });
                last_end = current.end;
                cursor += 1;
                continue;
            }
            if !is_name_word(current_text) {
                break;
            }
            let stripped = strip_possessive(current_text);
            let capital_particle = PARTICLES.contains(current_text)
                && current_text.len() <= 4
                && tokens.get(cursor + 1).is_some_and(|next| {
                    let next_text = next.text(&draft.copy);
                    only_spaces_between(&draft.copy, current.end, next.start)
                        && (is_name_word(next_text)
                            || (PARTICLES.contains(next_text)
                                && next_text.chars().next().is_some_and(char::is_lowercase)))
                });
            parts.push(NamePart {
                token: cursor,
                span: current.start..current.start + stripped.len(),
                particle: capital_particle,
                initial: false,
            });
            last_end = current.end;
            cursor += 1;
            if stripped.len() != current_text.len() {
                break; // a possessive ends the name
            }
        }
        if parts.is_empty() {
            index += 1;
            continue;
        }
        let next_index = cursor.max(index + 1);

        // Strip titles: everything up to the last title in the run.
        let mut titled = false;
        let mut title_word: Option<Range<usize>> = None;
        if let Some(last_title) = parts.iter().rposition(|p| {
            let word = &draft.copy[p.span.clone()];
            TITLES.contains(word) && (p.initial || word.chars().next().is_some_and(char::is_uppercase))
        }) && last_title + 1 < parts.len()
        {
            if !parts[last_title].initial {
                title_word = Some(parts[last_title].span.clone());
            }
            parts.drain(..=last_title);
            titled = true;
        }
        // A capitalised ordinary word before a name, or at the start of a sentence, is
        // not part of it ("The", "Police"), unless it is also a given name ("Grace Phiri",
        // "Rose Hanlon").
        let mut sentence_initial = Some(parts[0].token) == first_word;
        // Where the name of a place starts, when a place-type word opens it.
        let mut place_start: Option<usize> = None;
        while let Some(first) = parts.first() {
            let word = &draft.copy[first.span.clone()];
            let at_start = Some(first.token) == first_word;
            let ordinary = is_common_word(word) && !is_proper_noun(word);
            let strip = (at_start && is_common_word(word) && !(parts.len() > 1 && is_proper_noun(word)))
                || (ordinary && parts.len() > 1);
            if parts.len() > 1
                && !first.particle
                && !first.initial
                && is_place_prefix(draft, first, range.start)
            {
                place_start = Some(first.span.start);
            }
            if strip && !first.particle && !first.initial {
                parts.remove(0);
                sentence_initial = false;
            } else {
                break;
            }
        }
        // Trailing particles or initials do not end a name.
        while parts.last().is_some_and(|p| p.particle || p.initial) {
            parts.pop();
        }
        if parts.is_empty() || parts.iter().all(|p| p.particle || p.initial) {
            index = next_index;
            continue;
        }
        let first_token = parts[0].token;
        let last_part = parts
            .last()
            .map(|p| (p.token, p.span.end))
            .unwrap_or((first_token, 0));
        // "chief executive Maria Borg", "his son Karthik": a lower-case role or kinship
        // noun right before the name is a title too.
        if !titled
            && first_token > range.start
            && ROLE_NOUNS.contains(draft.token_text(first_token - 1))
            && draft.token_text(first_token - 1).chars().all(char::is_lowercase)
            && only_spaces_between(
                &draft.copy,
                tokens[first_token - 1].end,
                tokens[first_token].start,
            )
        {
            titled = true;
        }
        let described = described_as_person(draft, last_part.0, range.clone());
        let person_cue =
            titled || described || person_context(draft, first_token, last_part.0, range.clone());
        let introduced = titled || introduction(draft, first_token, last_part.0, range.clone());
        let after_quote = first_token > range.start && {
            let mut before = first_token - 1;
            if draft.token_text(before) == "," && before > range.start {
                before -= 1;
            }
            matches!(draft.token_text(before), "”" | "\"" | "’" | "'" | "»")
        };
        let organisation = parts.len() >= 2
            && draft.blocks[block].kind != crate::text::BlockKind::Heading
            && parts.last().is_some_and(|p| {
                let word = strip_possessive(&draft.copy[p.span.clone()]);
                !p.particle && is_common_word(word) && !is_proper_noun(word)
            });
        let span = parts[0].span.start..last_part.1;
        let possessive = tokens[last_part.0].end > last_part.1;
        // A title, a description or an age makes a person of a name that opens like a
        // place; a speech verb does not ("Lake Orlan said", like "Hong Kong said").
        let place = if titled
            || described
            || organisation
            || (place_start.is_none() && person_cue)
            || age_after(draft, last_part.0, range.clone())
        {
            None
        } else if let Some(start) = place_start {
            Some(start..last_part.1)
        } else {
            // "Dunmore Park", "grew up in Kelso": the mention itself names a place.
            let place_suffix = parts.len() > 1
                && parts
                    .last()
                    .is_some_and(|p| !p.particle && PLACE_SUFFIXES.contains(&draft.copy[p.span.clone()]));
            (!possessive && (place_suffix || after_place_cue(draft, first_token, range.start)))
                .then(|| span.clone())
        };
        out.push(NameMention {
            title_word,
            place,
            described,
            organisation,
            block,
            sentence,
            span,
            parts,
            sentence_initial,
            titled,
            person_cue,
            introduced,
            after_quote,
        });
        index = next_index;
    }
}

/// A capitalised place-type word opening a name ("Port" in "Port Lincoln"); one that is
/// also a given name ("Glen") only after a preposition ("in Glen Innes").
fn is_place_prefix(draft: &ParsedDraft<'_>, part: &NamePart, sentence_start: usize) -> bool {
    let word = &draft.copy[part.span.clone()];
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if PLACE_PREFIXES.contains(word) || is_compass_word(word) {
        return true;
    }
    GIVEN_NAME_PLACE_PREFIXES.contains(word)
        && part.token > sentence_start
        && eq_any(
            draft.token_text(part.token - 1),
            &["in", "near", "at", "outside", "to", "from", "of"],
        )
}

/// A compass word, or its adjective, that opens the name of a place: "North Macedonia",
/// "South Sudan", "East Timor", "Western Australia", "Northern Ireland". Such a name is a
/// place's, and the name inside it ("Macedonia", "Australia") is another place, not a
/// person named in full.
fn is_compass_word(word: &str) -> bool {
    class::COMPASS_DIRECTIONS.contains(word)
        || word
            .strip_suffix("ern")
            .is_some_and(|stem| class::COMPASS_DIRECTIONS.contains(stem))
}

/// The mention follows a place cue: a word of living or staying and a preposition
/// ("grew up in", "born in", "lives near"), a move ("moved to", "hails from") or a kind
/// of place and "of" ("the town of", "a native of").
fn after_place_cue(draft: &ParsedDraft<'_>, first: usize, sentence_start: usize) -> bool {
    if first < sentence_start + 2 {
        return false;
    }
    let preposition = draft.token_text(first - 1);
    let cue = draft.token_text(first - 2);
    if preposition.eq_ignore_ascii_case("of") {
        return PLACE_NOUNS.contains(cue);
    }
    if preposition.eq_ignore_ascii_case("to") {
        return eq_any(cue, &["moved", "moving", "relocated", "relocating"]);
    }
    if preposition.eq_ignore_ascii_case("from") {
        return eq_any(cue, &["hails", "hailing", "hail"]);
    }
    if !PLACE_PREPOSITIONS.contains(preposition) {
        return false;
    }
    if PLACE_VERBS.contains(cue) {
        return true;
    }
    // "grew up in", "brought up in".
    cue.eq_ignore_ascii_case("up")
        && first >= sentence_start + 3
        && eq_any(
            draft.token_text(first - 3),
            &["grew", "grow", "grows", "growing", "grown", "brought"],
        )
}

fn only_spaces_between(copy: &str, start: usize, end: usize) -> bool {
    start <= end && copy[start..end].chars().all(|c| c == ' ' || c == '\u{a0}') && end - start <= 2
}

/// Initials before a surname: "R. Vaidyanathan", "J. K. Rowling". The surname must not be
/// an ordinary word ("Plan B. The").
fn starts_with_initials(draft: &ParsedDraft<'_>, index: usize, end: usize) -> bool {
    let mut cursor = index;
    while cursor + 2 < end {
        let text = draft.token_text(cursor);
        let is_initial = text.chars().count() == 1
            && text.chars().all(char::is_uppercase)
            && draft.token_text(cursor + 1) == "."
            && draft.tokens[cursor + 1].start == draft.tokens[cursor].end
            && only_spaces_between(
                &draft.copy,
                draft.tokens[cursor + 1].end,
                draft.tokens[cursor + 2].start,
            );
        if !is_initial {
            return false;
        }
        cursor += 2;
        let next = draft.token_text(cursor);
        if draft.tokens[cursor].kind == TokenKind::Word && is_name_word(next) {
            return !is_common_word(next) || is_proper_noun(next);
        }
    }
    false
}

/// A lower-case particle run ("van der", "bin") followed by a name word.
fn starts_particle_run(draft: &ParsedDraft<'_>, index: usize, end: usize) -> bool {
    let mut cursor = index;
    while cursor < end {
        let text = draft.token_text(cursor);
        let could_be_particle = text.len() <= 5 && text.chars().next().is_some_and(char::is_lowercase);
        if could_be_particle && PARTICLES.contains(text) {
            let next = cursor + 1;
            if next >= end
                || !only_spaces_between(&draft.copy, draft.tokens[cursor].end, draft.tokens[next].start)
            {
                return false;
            }
            cursor = next;
            continue;
        }
        return cursor > index && draft.tokens[cursor].kind == TokenKind::Word && is_name_word(text);
    }
    false
}

/// An age or an appositive after the name (opened by a word of
/// `data/lexicon/names-appositive-openers.txt`: "Nowicka, who chairs…"), or the name as an
/// appositive itself.
fn introduction(draft: &ParsedDraft<'_>, first: usize, last: usize, range: Range<usize>) -> bool {
    let text_at = |i: usize| (i < range.end && i >= range.start).then(|| draft.token_text(i));
    if text_at(last + 1) == Some(",")
        && let Some(next) = text_at(last + 2)
        && (draft.tokens[last + 2].kind == TokenKind::Number
            || class::NAMES_APPOSITIVE_OPENERS.contains(next)
            || described_as_person(draft, last, range.clone()))
    {
        return true;
    }
    // "the senator for urban development, Lena Hofmann, said"
    first > range.start
        && text_at(first - 1) == Some(",")
        && matches!(text_at(last + 1), Some(","))
        && first >= range.start + 3
}

/// Words that end the head of an appositive: after them the words describe something else
/// ("the town whose mayor…"). Punctuation and relative words, closed classes of grammar, so
/// they stay here rather than in `data/lexicon/`.
const APPOSITIVE_ENDS: &[&str] = &[
    ",", ".", ";", ":", "—", "–", "(", ")", "which", "whose", "that", "where",
];

/// An appositive after the name that describes a person: "Borg, the chief executive,",
/// "Kovalevskyi, CityLink's director of operations,", "Nowicka, who chairs…". The role
/// noun must come within the appositive's first six words, before anything that starts
/// another clause; "Goldman Sachs, the investment bank," is not a person.
fn described_as_person(draft: &ParsedDraft<'_>, last: usize, range: Range<usize>) -> bool {
    let text_at = |i: usize| (i < range.end).then(|| draft.token_text(i));
    if text_at(last + 1) != Some(",") {
        return false;
    }
    if text_at(last + 2).is_some_and(|w| eq_any(w, &["who", "whose"])) {
        return true;
    }
    for (words, index) in (last + 2..range.end).enumerate() {
        let word = draft.token_text(index);
        if words >= 6 || eq_any(word, APPOSITIVE_ENDS) {
            return false;
        }
        if ROLE_NOUNS.contains(word) && word.chars().all(char::is_lowercase) {
            return true;
        }
    }
    false
}

/// An age after the name: "Okafor, 62,".
fn age_after(draft: &ParsedDraft<'_>, last: usize, range: Range<usize>) -> bool {
    let text_at = |i: usize| (i < range.end && i >= range.start).then(|| draft.token_text(i));
    text_at(last + 1) == Some(",")
        && draft
            .tokens
            .get(last + 2)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && text_at(last + 2)
            .and_then(|t| t.parse::<u32>().ok())
            .is_some_and(|age| age <= 120)
        && matches!(text_at(last + 3), Some(",") | Some(".") | None)
}

/// An age after the name, or a speech verb next to it: the mention is a person.
fn person_context(draft: &ParsedDraft<'_>, first: usize, last: usize, range: Range<usize>) -> bool {
    let text_at = |i: usize| (i < range.end && i >= range.start).then(|| draft.token_text(i));
    // "Okafor, 62,"
    if age_after(draft, last, range.clone()) {
        return true;
    }
    // "Okafor said", "Okafor also said".
    if text_at(last + 1).is_some_and(|w| SPEECH_VERBS.contains(w)) {
        return true;
    }
    let adverb = text_at(last + 1).is_some_and(|w| {
        w.ends_with("ly")
            || eq_any(
                w,
                &["also", "later", "then", "has", "had", "have", "will", "would"],
            )
    });
    if adverb && text_at(last + 2).is_some_and(|w| SPEECH_VERBS.contains(w)) {
        return true;
    }
    // "said Okafor." / "said Okafor, the union's leader": the name ends a clause.
    first > range.start
        && text_at(first - 1).is_some_and(|w| SPEECH_VERBS.contains(w))
        && matches!(text_at(last + 1), None | Some(".") | Some(",") | Some(";"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    fn mentions(text: &str) -> Vec<(String, bool)> {
        let source = format!("Intro sentence here.\n\n{text}");
        let draft = ParsedDraft::parse(&source, DraftFormat::PlainText);
        find_mentions(&draft)
            .into_iter()
            .map(|m| (draft.source[m.span.clone()].to_string(), m.person_cue))
            .collect()
    }

    #[test]
    fn finds_names_without_titles() {
        assert_eq!(
            mentions(
                "Interior Minister Radek Šťastný said the Jeseníky fire spread. Police said Dr. Yasmin Al-Mansouri, 47, left."
            ),
            vec![
                ("Radek Šťastný".to_string(), true),
                ("Jeseníky".to_string(), false),
                ("Yasmin Al-Mansouri".to_string(), true),
            ]
        );
    }

    #[test]
    fn particles_initials_and_possessives() {
        assert_eq!(
            mentions(
                "Justice Marieke van der Linden met William J. Burns. Van der Linden said Kertész's win was fine."
            ),
            vec![
                ("Marieke van der Linden".to_string(), true),
                ("William J. Burns".to_string(), false),
                ("Van der Linden".to_string(), true),
                ("Kertész".to_string(), false),
            ]
        );
    }

    #[test]
    fn gaelic_particles_belong_to_the_surname() {
        let s = |t: &str| t.to_string();
        assert_eq!(
            mentions(
                "Ciarán Ó Dálaigh met Máire Ní Dhálaigh. Captain Ó Dálaigh said so. Ni Dhálaigh agreed with Úna Nic Conmara."
            ),
            vec![
                (s("Ciarán Ó Dálaigh"), false),
                (s("Máire Ní Dhálaigh"), false),
                (s("Ó Dálaigh"), true),
                (s("Ni Dhálaigh"), false),
                (s("Úna Nic Conmara"), false),
            ]
        );
        // Only before a name word: a capital O before an ordinary word, a grade or a
        // blood group, is not a particle.
        assert_eq!(
            mentions("Tadhg passed with grade O in maths. Blood group O was short, Tadhg said."),
            vec![(s("Tadhg"), false), (s("Tadhg"), true)]
        );
    }

    /// Each mention with its titled, described and introduced flags.
    fn flags(text: &str) -> Vec<(String, bool, bool, bool)> {
        let source = format!("Intro sentence here.\n\n{text}");
        let draft = ParsedDraft::parse(&source, DraftFormat::PlainText);
        find_mentions(&draft)
            .into_iter()
            .map(|m| {
                (
                    draft.source[m.span.clone()].to_string(),
                    m.titled,
                    m.described,
                    m.introduced,
                )
            })
            .collect()
    }

    #[test]
    fn initials_start_a_name() {
        let found = mentions(
            "Managing director R. Vaidyanathan spoke. J. K. Rowling wrote. It was Plan B. The end came.",
        );
        assert_eq!(
            found[..2],
            [
                ("R. Vaidyanathan".to_string(), true),
                ("J. K. Rowling".to_string(), true)
            ]
        );
        // A capital letter before an ordinary word is not an initial.
        assert!(!found.iter().any(|(name, _)| name.contains("B.")), "{found:?}");
    }

    #[test]
    fn unlisted_particles_join_the_surname_but_conjunctions_do_not() {
        assert_eq!(
            mentions(
                "Dr. Lorenzo dela Cruz met Pieter uit den Bogaard. Marx und Engels wrote. Obama vs Romney ran."
            ),
            vec![
                ("Lorenzo dela Cruz".to_string(), true),
                ("Pieter uit den Bogaard".to_string(), false),
                ("Marx".to_string(), false),
                ("Engels".to_string(), true),
                ("Obama".to_string(), false),
                ("Romney".to_string(), false),
            ]
        );
    }

    #[test]
    fn lower_case_roles_and_appositives_mark_a_person() {
        let s = |t: &str| t.to_string();
        assert_eq!(
            flags(
                "Borg's company will raise fares, chief executive Maria Borg said. Taras Kovalevskyi, CityLink's director of operations, spoke."
            ),
            vec![
                (s("Borg"), false, false, false),
                (s("Maria Borg"), true, false, true),
                (s("Taras Kovalevskyi"), false, true, true),
                (s("CityLink"), false, false, false),
            ]
        );
        // Neither a company described as one, nor a role beyond the appositive's head,
        // nor a role word that is also an adjective, marks a person.
        assert_eq!(
            flags(
                "Goldman Sachs, the investment bank, agreed. Jesenik, the town whose mayor resigned, voted. The general Kenyan view held."
            ),
            vec![
                (s("Goldman Sachs"), false, false, true),
                (s("Jesenik"), false, false, true),
                (s("Kenyan"), false, false, false),
            ]
        );
    }

    /// Each mention with the text of the place it names, if any.
    fn places(text: &str) -> Vec<(String, Option<String>)> {
        let source = format!("Intro sentence here.\n\n{text}");
        let draft = ParsedDraft::parse(&source, DraftFormat::PlainText);
        find_mentions(&draft)
            .into_iter()
            .map(|m| {
                (
                    draft.source[m.span.clone()].to_string(),
                    m.place.map(|p| draft.source[p].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn places_named_like_people() {
        let s = |t: &str| t.to_string();
        assert_eq!(
            places(
                "Rory Tavener grew up in Port Tavish and lives near Glen Orrin. The Fort Lachlan club met at Dunmore Park. Fiona was born in Kelso, the town of Ardrey."
            ),
            vec![
                (s("Rory Tavener"), None),
                (s("Tavish"), Some(s("Port Tavish"))),
                (s("Glen Orrin"), Some(s("Glen Orrin"))),
                (s("Lachlan"), Some(s("Fort Lachlan"))),
                (s("Dunmore Park"), Some(s("Dunmore Park"))),
                (s("Fiona"), None),
                (s("Kelso"), Some(s("Kelso"))),
                (s("Ardrey"), Some(s("Ardrey"))),
            ]
        );
        // A person cue keeps a person a person, and a given name that can open a place
        // does so only after a preposition.
        assert_eq!(
            places(
                "Glen Orrin said the vote was close. Dunmore Park, 44, agreed. It was Orrin's idea in Tavish's car. Police searched the home of Ailsa Brodie, who was born to Morag Brodie."
            ),
            vec![
                (s("Glen Orrin"), None),
                (s("Dunmore Park"), None),
                (s("Orrin"), None),
                (s("Tavish"), None),
                (s("Ailsa Brodie"), None),
                (s("Morag Brodie"), None),
            ]
        );
    }

    #[test]
    fn handles_hashtags_and_domains_are_not_names() {
        let s = |t: &str| t.to_string();
        assert_eq!(
            mentions(
                "Governor @LenaVoss thanked #TeamOrlan. — Lena Voss (@LenaVoss_) March 3, 2024. See pic.twitter.com/KarlBrandt or Voss.gov for more, Karl Brandt said."
            ),
            vec![
                (s("Lena Voss"), false),
                (s("March"), false),
                (s("Karl Brandt"), true)
            ]
        );
        let copy = "Write to ana@Orlan.org or see NY.gov, N.Y. and U.S.-based firms at 9 a.m. today.";
        let at = |word: &str| {
            let start = copy.find(word).unwrap();
            in_address(copy, start..start + word.len())
        };
        assert!(at("Orlan"));
        assert!(at("NY"));
        assert!(!at("N.Y."));
        assert!(!at("U.S."));
        assert!(!at("a.m."));
        assert!(!at("today"));
    }

    #[test]
    fn contractions_are_not_names() {
        assert!(is_contraction("I’ve"));
        assert!(is_contraction("We're"));
        assert!(is_contraction("We’ll"));
        assert!(is_contraction("Don’t"));
        assert!(is_contraction("I'd"));
        assert!(!is_contraction("O'Rourke"));
        assert!(!is_contraction("D’Angelo"));
        assert!(!is_contraction("Sa'id"));
        assert_eq!(
            mentions("I’ve met Jony Ive. We’re sure, and We'll see, Ive said."),
            vec![("Jony Ive".to_string(), false), ("Ive".to_string(), true)]
        );
    }

    #[test]
    fn a_compass_word_opens_a_place() {
        let s = |t: &str| t.to_string();
        assert_eq!(
            places("Officials from North Orlania met envoys of Orlania and Western Vessany on Monday."),
            vec![
                (s("North Orlania"), Some(s("North Orlania"))),
                (s("Orlania"), None),
                (s("Western Vessany"), Some(s("Western Vessany"))),
                (s("Monday"), None),
            ]
        );
    }

    #[test]
    fn all_caps_and_sentence_initial_words_are_not_names() {
        assert_eq!(
            mentions("DUBLIN, Ireland — The US and Egyptian President Abdel Fattah el-Sisi met."),
            vec![
                ("Ireland".to_string(), false),
                ("The".to_string(), false),
                ("Abdel Fattah el-Sisi".to_string(), true)
            ]
        );
    }
}
