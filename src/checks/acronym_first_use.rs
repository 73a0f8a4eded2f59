//! # acronym-first-use
//!
//! ## What it flags
//! An acronym or initialism on its first use in a draft when the draft has not spelled it
//! out before: either the full name comes later ("the NTWU said …" before "the National
//! Transport Workers' Union"), or it never comes. Acronyms readers know without help
//! (FBI, CIA, NATO, UN, U.S., EU, BBC, CEO, GDP, COVID, …) are not flagged, nor are the
//! ones in the house list.
//!
//! ## Why it matters
//! Every unexplained set of capitals is a small wall between the reader and the story.
//! News style spells a name out on first reference and uses the short form after it,
//! unless the short form is better known than the name.
//!
//! ## Example
//! ```text
//! The NTWU said members had rejected the offer. … The National Transport Workers'
//! Union represents 2,300 drivers.
//! ```
//! Use instead: `The National Transport Workers' Union (NTWU) said members had rejected
//! the offer.` and `the NTWU` afterwards.
//!
//! A full name counts as the spelling-out when its capitalised words give the acronym's
//! letters in order ("of", "and", "for", "the" and other small words may be skipped;
//! "Anti-Corruption" may give A or AC). An acronym in parentheses after a name, "(WRC)",
//! is taken as its own definition.
//!
//! Not flagged: words in capitals that are ordinary words ("NOT", "SWAT"), roman numerals
//! ("Louis XV"), placeholders ("TK", left to `placeholder`), headlines and datelines
//! (with a date, "DUBLIN, 18 September —", and the wire or station credit, "TULSA, Okla.
//! (KTUV) —", which also introduces that acronym for the rest of the story), an acronym
//! the writer introduces by what it is (a noun for the kind of thing right before it,
//! "the broadcaster SBN", "the pilots' union SNPAM", or a noun for a kind of organisation
//! right after it, "told ERT television"; an appositive ending in such a noun,
//! "France's civil aviation authority, the DGAC," or "the DGAC, France's aviation
//! regulator,"; a definition, "known as NTWU"), one that begins a name ("the FAI Cup") or
//! ends one after a connecting word ("Transport for NSW"), acronyms inside quotations,
//! an abbreviation that ends a name ("Galata SK", "Volkswagen AG"), a region after a place ("Vancouver, BC"),
//! a code before a number or currency ("IMO 9812345", "NT$18.6 billion"), and plurals and
//! possessives of known acronyms ("NGOs", "NATO's").
//!
//! ## Fix
//! None: the full name has to come from the writer.
//!
//! ## Configuration
//! - `[rules] acronym-first-use = "warning"`
//! - `[acronyms] known = ["NTWU", "RTÉ"]`: more acronyms your readers know.

use std::ops::Range;

use super::{Ctx, DraftContext, FixAvailability, Rule};
use crate::finding::Finding;
use crate::text::dateline::find_dateline;
use crate::text::lexicon::is_common_word;
use crate::text::spans::SpanSet;
use crate::text::words::WordList;
use crate::text::{BlockKind, ParsedDraft, TokenKind};

const RULE: &str = "acronym-first-use";

/// Acronyms readers know: organisations, countries, media, and everyday terms.
static WELL_KNOWN: WordList = WordList::new(&[
    // Governments, agencies and international bodies.
    "fbi", "cia", "nsa", "nato", "un", "us", "usa", "uk", "eu", "ussr", "uae", "nasa", "esa", "who", "wto",
    "imf", "opec", "oecd", "unicef", "unesco", "unhcr", "icc", "icj", "iaea", "asean", "apec", "osce",
    "nafta", "usmca", "brics", "ecb", "fda", "epa", "cdc", "nih", "irs", "sec", "faa", "fcc", "ftc", "doj",
    "dhs", "ice", "tsa", "dea", "atf", "fema", "ntsb", "usda", "va", "nypd", "lapd", "rcmp", "raf", "kgb",
    "mi5", "mi6", "ira", "anc", "plo", "isis", "isil", "nhs", "gop", "dc", "nyc", "la", "au", "cern",
    "interpol", "europol", "ifc", "ilo", "fao", "wfp", "undp", "unrwa", "icrc",
    // Media and news agencies.
    "bbc", "cnn", "cbs", "nbc", "abc", "ap", "afp", "pbs", "npr", "msnbc", "itv", "cctv", "espn", "hbo",
    "mtv", "cbc", "sbs", "nhk", "rte", "dpa", "ani", "pti", "bbc's", // Sport.
    "nfl", "nba", "mlb", "nhl", "ncaa", "fifa", "uefa", "ioc", "nascar", "pga", "wwe", "ufc", "atp", "wta",
    "mvp", // Companies best known by their initials.
    "ibm", "hp", "bmw", "vw", "gm", "ge", "hsbc", "ubs", "kpmg", "ey", "bp", "bhp", "amd", "tsmc", "lg",
    "ups", "dhl", "ikea", "aig", "axa", "ing", "bnp", "bbva", "klm", "cvs", "att", "ftse", "dax", "nasdaq",
    "nyse", "s&p", // Everyday terms.
    "tv", "ceo", "cfo", "coo", "cto", "gdp", "gnp", "cpi", "vat", "gst", "ipo", "etf", "lng", "aids", "hiv",
    "dna", "rna", "covid", "sars", "mers", "id", "iq", "phd", "mba", "md", "gp", "icu", "er", "atm", "pin",
    "pdf", "usb", "gps", "sms", "suv", "ufo", "vip", "diy", "faq", "ai", "it", "ok", "lgbt", "lgbtq",
    "lgbtqia", "am", "pm", "fm", "hq", "pr", "hr", "rsvp", "awol", "pow", "mia", "swat", "sos", "rip", "bc",
    "ad", "ce", "bce", "est", "edt", "gmt", "utc", "bst", "cet", "pst", "mst", "cst", "et", "pt", "obe",
    "mbe", "cbe", "kbe", "qc", "kc", "mp", "mps", "msp", "mep", "mla", "td", "pc", "cd", "dvd", "led", "lcd",
    "cpu", "sim", "wifi", "vpn", "url", "api", "app", "nft", "ev", "evs", "suvs", "ac", "dj", "mc", "ps",
    "ot", "ko", "vs", "rv", "4x4", "cv", "ipa", "bbq", "ptsd", "adhd", "ocd", "ivf", "mri", "ct", "cpr",
    "ems", "ngo", "ngos", "ceos", "uk's", "us's", "eu's", "un's", "nato's", "mp's", "pm's", "pow", "wwi",
    "wwii", "emt", "fyi", "bff", "lol", "asap", "tbd", "tba", "aka", "diy", "ap's",
]);

/// Month names, for a dateline's date.
static MONTHS: WordList = WordList::new(&[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
]);

/// Connecting words inside an official name ("Transport for NSW", "Bank of NZ").
static NAME_CONNECTORS: WordList = WordList::new(&[
    "for", "of", "de", "du", "des", "del", "della", "di", "da", "van", "von",
]);

/// Small words an expansion may include without giving a letter.
static SMALL_WORDS: WordList = WordList::new(&[
    "of", "and", "for", "the", "on", "in", "de", "du", "des", "la", "le", "y", "et", "to", "da", "do", "di",
    "van", "von", "der", "del", "at", "a", "an", "&",
]);

/// Nouns that say what kind of thing an acronym names. Right before it ("the broadcaster
/// SBN", "the pilots' union SNPAM"), or in an appositive beside it ("France's civil
/// aviation authority, the DGAC," and "the DGAC, France's aviation regulator,"), they tell
/// readers what it is.
static IDENTIFYING_NOUNS: WordList = WordList::new(&[
    // Companies and brands.
    "company", "firm", "bank", "lender", "insurer", "carmaker", "automaker", "airline", "carrier", "group",
    "conglomerate", "retailer", "chain", "brand", "label", "manufacturer", "maker", "developer", "publisher",
    "chipmaker", "startup", "start-up", "fund", "exchange", "app", "platform", "service", "operator",
    "utility", "giant", "consultancy", "subsidiary", "supplier", "distributor", "producer", "miner",
    "refiner", "shipper", "shipbuilder", "contractor", "telecom", "telco", "broker", "brokerage", "venture",
    "cooperative", "co-op", // Media.
    "broadcaster", "broadcasters", "network", "channel", "station", "newspaper", "paper", "daily", "weekly",
    "tabloid", "magazine", "outlet", "agency", "wire", "website", "site", "blog", "podcast", "radio",
    "television", "newswire", // Public bodies.
    "authority", "regulator", "watchdog", "ministry", "department", "office", "bureau", "commission",
    "committee", "council", "board", "court", "tribunal", "parliament", "assembly", "legislature",
    "government", "administration", "inspectorate", "directorate", "militia", "body", "institute",
    "institution", "university", "college", "academy", "hospital", "laboratory", "lab", "centre", "center",
    "observatory", "museum", "programme", "program", "scheme", "initiative", "mission", "taskforce",
    // Unions, parties and other organisations.
    "union", "federation", "confederation", "association", "society", "league", "organisation",
    "organization", "foundation", "trust", "charity", "party", "movement", "alliance", "coalition", "bloc",
    "caucus", "club", "team", "band", "rebels", "faction", "syndicate", "guild", "chamber", "forum", "panel",
    "think-tank", "thinktank", "nonprofit", "cartel", "gang", // Things an acronym names.
    "disease", "virus", "syndrome", "disorder", "vaccine", "drug", "rocket", "satellite", "telescope",
    "missile", "software", "format", "index", "currency", "token", "exam", "qualification", "chip",
    "processor",
]);

/// Nouns for a kind of organisation that say what an acronym is when they follow it: "told
/// ERT television", "the SNPAM union". Nouns for a part of one ("office", "board") do
/// not: "the NTWU office" says nothing of what the NTWU is.
static KIND_NOUNS_AFTER: WordList = WordList::new(&[
    "television", "tv", "radio", "broadcaster", "network", "channel", "station", "newspaper", "daily",
    "magazine", "agency", "union", "party", "airline", "carrier", "bank", "lender", "insurer", "carmaker",
    "automaker", "retailer", "regulator", "watchdog", "militia", "charity",
]);

/// Words that name the kind of thing as a definition: "known as NTWU".
fn is_definition_lead(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let text_at = |i: Option<usize>| {
        i.filter(|i| tokens.contains(i))
            .map(|i| parsed.token_text(i).to_ascii_lowercase())
    };
    let mut back = index.checked_sub(1);
    if text_at(back).as_deref() == Some("the") {
        back = back.and_then(|b| b.checked_sub(1));
    }
    let before = back.and_then(|b| b.checked_sub(1));
    match text_at(back).as_deref() {
        Some("as") => matches!(text_at(before).as_deref(), Some("known" | "abbreviated")),
        Some("to") => matches!(text_at(before).as_deref(), Some("abbreviated" | "shortened")),
        _ => false,
    }
}

/// True when the words at `index` are a lower-case identifying noun ("union").
fn is_identifying_noun(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: Option<usize>) -> bool {
    index.filter(|i| tokens.contains(i)).is_some_and(|i| {
        let text = parsed.token_text(i);
        parsed.tokens[i].kind == TokenKind::Word
            && text.starts_with(|c: char| c.is_lowercase())
            && IDENTIFYING_NOUNS.contains(text)
    })
}

/// Marks that close an appositive.
fn closes_phrase(text: &str) -> bool {
    matches!(text, "," | "." | ";" | ":" | ")" | "—" | "–" | "!" | "?")
}

/// An acronym the writer says what it is: an identifying noun right before it ("the
/// pilots' union SNPAM"), a definition ("known as NTWU"), or an appositive of an
/// identifying noun before it ("the civil aviation authority, the DGAC,") or after it
/// ("the DGAC, France's aviation regulator,").
fn is_described(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let text_at = |i: Option<usize>| i.filter(|i| tokens.contains(i)).map(|i| parsed.token_text(i));
    let previous = index.checked_sub(1);
    if is_identifying_noun(parsed, tokens, previous) || is_definition_lead(parsed, tokens, index) {
        return true;
    }
    // "told ERT television": the kind of organisation right after it.
    let kind_after = tokens.contains(&(index + 1)) && {
        let next = parsed.tokens[index + 1];
        let text = next.text(&parsed.copy);
        next.kind == TokenKind::Word
            && next.start == parsed.tokens[index].end + 1
            && text.starts_with(|c: char| c.is_lowercase())
            && KIND_NOUNS_AFTER.contains(text)
    };
    if kind_after {
        return true;
    }
    // "France's civil aviation authority, the DGAC," or "… authority, DGAC,": the
    // acronym closes its appositive.
    let mut back = previous;
    if text_at(back).is_some_and(|t| t.eq_ignore_ascii_case("the")) {
        back = back.and_then(|b| b.checked_sub(1));
    }
    let closed_after = text_at(Some(index + 1)).is_none_or(closes_phrase);
    if text_at(back) == Some(",")
        && closed_after
        && is_identifying_noun(parsed, tokens, back.and_then(|b| b.checked_sub(1)))
    {
        return true;
    }
    // "the DGAC, France's aviation regulator,": a short phrase after a comma that ends in
    // an identifying noun and closes before anything else is said.
    if text_at(Some(index + 1)) != Some(",") {
        return false;
    }
    let first = index + 2;
    let opener = text_at(Some(first));
    let opens_phrase = opener.is_some_and(|t| {
        matches!(
            t.to_ascii_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "their"
        ) || t.ends_with("'s")
            || t.ends_with("’s")
            || t.starts_with(|c: char| c.is_lowercase())
    });
    if !opens_phrase {
        return false;
    }
    for end in first + 1..(first + 9).min(tokens.end) {
        if closes_phrase(parsed.token_text(end)) {
            return is_identifying_noun(parsed, tokens, Some(end - 1));
        }
    }
    false
}

/// Capitalised words after an acronym that are a title, not the rest of a name ("the
/// NTWU President said" still needs the union spelled out; "the FAI Cup" is a name).
static TITLES_AFTER: WordList = WordList::new(&[
    "president", "director", "chairman", "chairwoman", "chair", "chief", "secretary", "general", "minister",
    "spokesman", "spokeswoman", "spokesperson", "head", "leader", "commissioner", "governor", "ambassador",
    "envoy", "official", "officials", "member", "members", "executive", "deputy", "vice", "treasurer",
    "boss", "founder", "coach", "manager", "captain", "senator", "representative", "mp",
]);

/// Abbreviations that end a company or club name ("Galata SK", "Volkswagen AG").
static NAME_SUFFIXES: WordList = WordList::new(&[
    "ag", "sa", "se", "as", "asa", "ab", "nv", "bv", "plc", "llc", "llp", "lp", "sk", "fk", "fc", "ac", "sc",
    "cf", "afc", "kg", "spa", "srl", "oyj", "ltd", "inc", "co", "sl", "sas", "sarl", "pty", "bhd", "tbk",
    "jsc", "pjsc", "ojsc", "oao", "ooo", "ad", "doo", "kk", "ii", "iii", "jr", "sr",
]);

/// TK, TKTK and XX are placeholders (the `placeholder` rule's), not acronyms.
fn is_placeholder(letters: &str) -> bool {
    let bytes = letters.as_bytes();
    (bytes.len().is_multiple_of(2) && bytes.chunks(2).all(|pair| pair == b"TK"))
        || bytes.iter().all(|&b| b == b'X')
}

fn is_roman_numeral(letters: &str) -> bool {
    !letters.is_empty()
        && letters
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// The letters of an acronym token and how it is written, or `None` for other tokens.
/// Plurals and possessives are stripped ("NGOs" → "NGO", "NATO's" → "NATO").
fn acronym_letters(text: &str, kind: TokenKind) -> Option<String> {
    let stem = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .or_else(|| text.strip_suffix('s'))
        .unwrap_or(text);
    let letters: String = match kind {
        TokenKind::Word => {
            if !stem.chars().all(|c| c.is_uppercase()) {
                return None;
            }
            stem.to_string()
        }
        TokenKind::Abbrev => {
            if !stem.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
                return None;
            }
            stem.chars().filter(|c| c.is_alphabetic()).collect()
        }
        _ => return None,
    };
    let count = letters.chars().count();
    (2..=6).contains(&count).then_some(letters)
}

/// How one word can contribute letters to an expansion.
fn initials(word: &str) -> Option<Vec<String>> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let fold_initial = |c: char| {
        if c.is_ascii() {
            c.to_ascii_uppercase().to_string()
        } else {
            crate::text::fold::fold(&c.to_string()).to_uppercase()
        }
    };
    let mut options = vec![fold_initial(first)];
    // "Anti-Corruption" gives "A" or "AC"; "Bakare-Ige" gives "B" or "BI".
    let parts: Vec<&str> = word.split(['-', '‐']).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1
        && parts
            .iter()
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
    {
        options.push(
            parts
                .iter()
                .filter_map(|p| p.chars().next())
                .map(fold_initial)
                .collect(),
        );
    }
    Some(options)
}

/// Whether the words from `index` spell `letters` (from `position` on); returns the index
/// after the last word used.
fn spells(
    parsed: &ParsedDraft<'_>,
    end: usize,
    index: usize,
    letters: &[u8],
    position: usize,
    budget: &mut usize,
) -> Option<usize> {
    if position == letters.len() {
        return Some(index);
    }
    if index >= end || *budget == 0 {
        return None;
    }
    *budget -= 1;
    let token = parsed.tokens[index];
    let text = token.text(&parsed.copy);
    match token.kind {
        TokenKind::Punct if matches!(text, "'" | "’") => {
            spells(parsed, end, index + 1, letters, position, budget)
        }
        TokenKind::Symbol | TokenKind::Punct if text == "&" => {
            spells(parsed, end, index + 1, letters, position, budget)
        }
        TokenKind::Word => {
            let word = crate::text::names::strip_possessive(text);
            if let Some(options) = initials(word) {
                for option in options {
                    let bytes = option.as_bytes();
                    if letters[position..].starts_with(bytes)
                        && let Some(after) =
                            spells(parsed, end, index + 1, letters, position + bytes.len(), budget)
                    {
                        return Some(after);
                    }
                }
                None
            } else if SMALL_WORDS.contains(text) && position > 0 {
                let initial = text.as_bytes()[0].to_ascii_uppercase();
                if letters[position] == initial
                    && let Some(after) = spells(parsed, end, index + 1, letters, position + 1, budget)
                {
                    return Some(after);
                }
                spells(parsed, end, index + 1, letters, position, budget)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Where the draft first spells out `letters`: the byte range of the full name.
fn find_expansion(parsed: &ParsedDraft<'_>, letters: &str) -> Option<Range<usize>> {
    let bytes = letters.as_bytes();
    let first_letter = letters.chars().next()?;
    for block in &parsed.blocks {
        if block.kind == BlockKind::Heading || block.kind == BlockKind::Separator {
            continue;
        }
        for index in block.tokens.clone() {
            let token = parsed.tokens[index];
            if token.kind != TokenKind::Word {
                continue;
            }
            let text = token.text(&parsed.copy);
            let Some(initial) = text.chars().next() else {
                continue;
            };
            let same_letter = if initial.is_ascii() {
                initial == first_letter
            } else {
                initial.is_uppercase()
                    && crate::text::fold::fold(&initial.to_string()).to_uppercase()
                        == first_letter.to_string()
            };
            if !same_letter {
                continue;
            }
            // A word in capitals is the acronym, not its name.
            if text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && text.chars().count() > 1
            {
                continue;
            }
            let mut budget = 64;
            if let Some(after) = spells(parsed, block.tokens.end, index, bytes, 0, &mut budget) {
                // The name must be more than one word, so "Nato" is not NATO's expansion.
                let words = (index..after)
                    .filter(|&i| parsed.tokens[i].kind == TokenKind::Word)
                    .count();
                if words >= 2 {
                    return Some(token.start..parsed.tokens[after - 1].end);
                }
            }
        }
    }
    None
}

/// True when the word is a capitalised part of a name ("Galata", not "The").
fn is_name_word(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase)
        && text.chars().any(char::is_lowercase)
        && !is_common_word(text)
}

/// A word in capitals that opens a paragraph as a dateline does: a dash or a wire credit
/// follows it, after at most a comma and a few capitalised words.
fn is_dateline_shaped(parsed: &ParsedDraft<'_>, index: usize, tokens: &Range<usize>) -> bool {
    for next in index + 1..(index + 8).min(tokens.end) {
        let text = parsed.token_text(next);
        match text {
            "—" | "–" | "-" | "(" | ":" => return true,
            "," | "." => continue,
            _ if text.starts_with(|c: char| c.is_uppercase()) => continue,
            // "DUBLIN, 18 September —": a day before a month.
            _ if parsed.tokens[next].kind == TokenKind::Number
                && text.len() <= 2
                && next + 1 < tokens.end
                && MONTHS.contains(parsed.token_text(next + 1).trim_end_matches('.')) =>
            {
                continue;
            }
            _ => return false,
        }
    }
    false
}

fn check_draft(ctx: &Ctx<'_>, draft_index: usize, draft: &DraftContext<'_>, out: &mut Vec<Finding>) {
    let parsed = &draft.parsed;
    let quotes = SpanSet::of_quotations(draft.quotations(ctx.config));
    let found_dateline = find_dateline(parsed);
    let dateline = found_dateline.as_ref().map(|d| d.span.clone());
    // The wire or station credit of the dateline names the source: "TULSA, Okla. (KTUV) —".
    let credit = found_dateline.as_ref().and_then(|d| d.credit.clone());
    let known = |written: &str, letters: &str| {
        WELL_KNOWN.contains(letters)
            || WELL_KNOWN.contains(written)
            || ctx.config.known_acronyms.iter().any(|k| {
                k == written || k == letters || k.chars().filter(|c| c.is_alphanumeric()).eq(letters.chars())
            })
    };
    let mut seen: Vec<String> = Vec::new();
    for block in &parsed.blocks {
        if !block.is_prose() {
            continue;
        }
        let tokens = block.tokens.clone();
        for index in tokens.clone() {
            let token = parsed.tokens[index];
            if !matches!(token.kind, TokenKind::Word | TokenKind::Abbrev) {
                continue;
            }
            // An acronym's first two letters are capitals (or not ASCII at all).
            let bytes = &parsed.copy.as_bytes()[token.start..token.end];
            if bytes.len() < 2 || bytes[0].is_ascii_lowercase() || bytes[1].is_ascii_lowercase() {
                continue;
            }
            let written = token.text(&parsed.copy);
            if !written.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let Some(letters) = acronym_letters(written, token.kind) else {
                continue;
            };
            if seen.contains(&letters) {
                continue;
            }
            let stem = crate::text::names::strip_possessive(written);
            if known(stem, &letters)
                || known(written, &letters)
                || is_roman_numeral(&letters)
                || is_placeholder(&letters)
                || (token.kind == TokenKind::Word && is_common_word(stem))
            {
                continue;
            }
            if credit.as_ref().is_some_and(|c| c.contains(&token.start)) {
                seen.push(letters.clone());
                continue;
            }
            if quotes.contains(token.start) || dateline.as_ref().is_some_and(|d| d.contains(&token.start)) {
                continue;
            }
            let text_at = |i: usize| tokens.contains(&i).then(|| parsed.token_text(i));
            // A paragraph that opens with a place in capitals and a comma or dash has a
            // dateline, wherever it is ("DUBLIN, Ireland —", "LONDON (Reuters) -").
            if index == tokens.start && is_dateline_shaped(parsed, index, &tokens) {
                continue;
            }
            let kind_at = |i: usize| tokens.contains(&i).then(|| parsed.tokens[i].kind);
            let previous = index.checked_sub(1);
            // A run of capitals is a headline or a shouted phrase, not an acronym.
            let capitals = |i: Option<usize>| {
                i.and_then(&text_at).is_some_and(|t| {
                    t.chars().filter(|c| c.is_alphabetic()).count() > 1 && !t.chars().any(char::is_lowercase)
                })
            };
            if capitals(previous) || capitals(Some(index + 1)) {
                continue;
            }
            // "NT$18.6 billion", "IMO 9812345": a code before a figure.
            if matches!(
                kind_at(index + 1),
                Some(TokenKind::Symbol | TokenKind::Number | TokenKind::AlphaNum)
            ) {
                continue;
            }
            // "FAI Cup", "KCB Bank": the acronym begins a name.
            let next_is_name = text_at(index + 1).is_some_and(|t| {
                t.starts_with(|c: char| c.is_uppercase())
                    && t.chars().any(char::is_lowercase)
                    && !TITLES_AFTER.contains(t)
            }) && parsed
                .tokens
                .get(index + 1)
                .is_some_and(|t| t.start == token.end + 1);
            if next_is_name {
                continue;
            }
            // "Galata SK": the end of a name. "Vancouver, BC": a region.
            let after_name = previous.and_then(&text_at).is_some_and(is_name_word)
                && previous.is_some_and(|p| parsed.tokens[p].end + 1 == token.start);
            if after_name && NAME_SUFFIXES.contains(&letters) {
                continue;
            }
            let after_comma_place = previous.and_then(&text_at) == Some(",")
                && index
                    .checked_sub(2)
                    .and_then(&text_at)
                    .is_some_and(|t| t.starts_with(|c: char| c.is_uppercase()));
            if after_comma_place && letters.chars().count() <= 3 {
                continue;
            }
            // "Transport for NSW": the end of an official name.
            let connector = previous.filter(|&p| {
                tokens.contains(&p)
                    && NAME_CONNECTORS.contains(parsed.token_text(p))
                    && parsed.tokens[p].end + 1 == token.start
            });
            let in_name = connector.and_then(|p| p.checked_sub(1)).is_some_and(|name| {
                let text = parsed.token_text(name);
                tokens.contains(&name)
                    && parsed.tokens[name].end + 1 == parsed.tokens[name + 1].start
                    && text.starts_with(|c: char| c.is_uppercase())
                    && text.chars().any(char::is_lowercase)
                    && !TITLES_AFTER.contains(text)
            });
            if in_name {
                continue;
            }
            // "the broadcaster SBN", "known as NTWU", "the aviation authority, the DGAC":
            // introduced by what it is.
            if is_described(parsed, &tokens, index) {
                seen.push(letters.clone());
                continue;
            }
            seen.push(letters.clone());
            // "(WRC)" after a name defines it.
            if previous.and_then(&text_at) == Some("(") && text_at(index + 1) == Some(")") {
                continue;
            }
            let expansion = find_expansion(parsed, &letters);
            let message = match &expansion {
                Some(span) if span.start < token.start => continue,
                Some(span) => {
                    let line = parsed.line_of(span.start) + 1;
                    let name = crate::text::one_line(&parsed.copy[span.clone()]);
                    format!(
                        "‘{stem}’ is used before it is spelled out ({name}, line {line}): give the full name on first reference."
                    )
                }
                None => format!(
                    "‘{stem}’ is not spelled out: give the full name on first reference, or add it to `[acronyms] known` if readers know it."
                ),
            };
            let mut finding = Finding::new(RULE, draft_index, token.start..token.start + stem.len(), message);
            if let Some(span) = expansion {
                finding = finding.with_related(draft_index, span, "spelled out here");
            }
            out.push(finding);
        }
    }
}

/// The `acronym-first-use` rule.
pub struct AcronymFirstUse;

impl Rule for AcronymFirstUse {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "An acronym used before it is spelled out, unless readers know it."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Never
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Vec<Finding>) {
        check_draft(ctx, draft_index, &ctx.drafts[draft_index], out);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fixture, findings_with_config};

    #[test]
    fn flags_acronyms_before_their_full_names() {
        assert_fixture(
            "acronym-first-use",
            "Strike headline

DUBLIN, Ireland — The NTWU said members had rejected the offer on Monday.
                      ^^^^ acronym-first-use

NTWU, the drivers' union, said it would strike again.

The National Transport Workers' Union represents 2,300 drivers. The NTWU will meet again.

Talks at the WRC broke down. The PBWU President has not said how it will vote.
             ^^^ acronym-first-use
                                 ^^^^ acronym-first-use

The Workplace Relations Commission said it would try again.
",
        );
    }

    #[test]
    fn known_defined_and_look_alike_capitals_are_not_flagged() {
        assert_fixture(
            "acronym-first-use",
            "NATO AND THE EU MEET

BRUSSELS, Belgium — NATO and EU officials met the FBI, the CIA and the U.N. on Monday.

The Lagos State Universities Academic Staff Association (LSUASA) met. LSUASA's chair spoke.

Galata SK signed him. Louis XV owned it. He did NOT agree. The ship, IMO 9812345, sailed.

The cost was TK, and TKTK people came.

Revenue fell to NT$18.6 billion. She moved to Vancouver, BC, in 2020. NGOs and CEOs met.

The broadcaster SBN dropped him from a series. Rovers reached the FAI Cup final.

LUSAKA, Zambia — Power cuts were extended.

“The PBWU will never agree,” she said. The National Anti-Corruption Bureau of Ukraine (NABU) said.
",
        );
    }

    #[test]
    fn acronyms_introduced_by_what_they_are_or_inside_names_are_not_flagged() {
        assert_fixture(
            "acronym-first-use",
            "Strike headline

DUBLIN, 18 September — The strike was called by the pilots' union SNPAM on Monday.

France's civil aviation authority, the DGAC, asked airlines to cut flights. The BVRA, the
national rail regulator, said trains would run.

The route, which Transport for NSW says would take trucks off the road, was approved.

Drivers are represented by the transport workers' union, known as NTWU, which met.

The University of NZEU said nothing. The grid operator ESBN cut power. She told ERTV television.
",
        );
        assert_fixture(
            "acronym-first-use",
            "Fire headline

TULSA, Okla. (KTUV) — A fire tore through two buildings overnight.

“I have been through a tornado,” she told KTUV.
",
        );
    }

    #[test]
    fn look_alike_descriptions_do_not_excuse_an_acronym() {
        assert_fixture(
            "acronym-first-use",
            "Strike headline

Earlier this week, the NTWU said talks had failed. Talks with PBWU, the company said, had stalled.
                       ^^^^ acronym-first-use
                                                              ^^^^ acronym-first-use

Members of CTWU voted. The President of DTWU spoke. The Ministry of Health and ETWU met.
           ^^^^ acronym-first-use
                                        ^^^^ acronym-first-use
                                                                               ^^^^ acronym-first-use

In a dispute with the airline, the FTWU walked out. The union said GTWU would strike.
                                   ^^^^ acronym-first-use
                                                                   ^^^^ acronym-first-use

Pickets stood outside the HTWU office.
                          ^^^^ acronym-first-use
",
        );
    }

    #[test]
    fn house_list_extends_the_known_acronyms() {
        let text = "Headline\n\nThe NTWU said members had rejected the offer.\n";
        assert_eq!(findings_with_config(text, "", "acronym-first-use").len(), 1);
        assert!(
            findings_with_config(text, "[acronyms]\nknown = [\"NTWU\"]\n", "acronym-first-use").is_empty()
        );
    }
}
