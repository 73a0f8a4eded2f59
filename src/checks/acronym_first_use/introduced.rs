//! What the words around an acronym say about it: that the writer says what it is ("the
//! broadcaster SBN", "known as NTWU"), that it is part of a name ("the FAI Cup", "Galata
//! SK", "Transport for NSW", "Vancouver, BC"), or that it is used as the name of an
//! institution ("the IG said", "the NTWU's members").

use std::ops::Range;

use crate::text::lexicon::class::{FUNCTION_WORDS, REPORTING_PARTICIPLES};
use crate::text::lexicon::is_common_word;
use crate::text::words::WordList;
use crate::text::{ParsedDraft, TokenKind};

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
    "cooperative", "co-op", "studio", // Media.
    "broadcaster", "broadcasters", "network", "channel", "station", "newspaper", "paper", "daily", "weekly",
    "tabloid", "magazine", "journal", "outlet", "agency", "wire", "website", "site", "blog", "podcast",
    "radio", "television", "newswire", // Public bodies.
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
    "missile", "software", "format", "index", "currency", "token", "exam", "test", "qualification", "chip",
    "processor", "standard",
]);

/// Nouns for a kind of organisation that say what an acronym is when they follow it: "told
/// ERT television", "the SNPAM union". Nouns for a part of one ("office", "board") do
/// not: "the NTWU office" says nothing of what the NTWU is.
static KIND_NOUNS_AFTER: WordList = WordList::new(&[
    "television", "tv", "radio", "broadcaster", "network", "channel", "station", "newspaper", "daily",
    "magazine", "journal", "agency", "union", "party", "airline", "carrier", "bank", "lender", "insurer",
    "carmaker", "automaker", "retailer", "regulator", "watchdog", "militia", "charity",
]);

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

/// Connecting words inside an official name ("Transport for NSW", "Bank of NZ").
static NAME_CONNECTORS: WordList = WordList::new(&[
    "for", "of", "de", "du", "des", "del", "della", "di", "da", "van", "von",
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
/// pilots' union SNPAM"), a definition ("known as NTWU"), the kind of organisation right
/// after it ("told ERT television"), or an appositive of an identifying noun before it
/// ("the civil aviation authority, the DGAC,") or after it ("the DGAC, France's aviation
/// regulator,").
pub fn is_described(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let text_at = |i: Option<usize>| i.filter(|i| tokens.contains(i)).map(|i| parsed.token_text(i));
    let previous = index.checked_sub(1);
    if is_identifying_noun(parsed, tokens, previous) || is_definition_lead(parsed, tokens, index) {
        return true;
    }
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

/// True when the word is a capitalised part of a name ("Galata", not "The").
fn is_name_word(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase)
        && text.chars().any(char::is_lowercase)
        && !is_common_word(text)
}

/// Letters that are part of a longer name: the first word of one ("the FAI Cup", "KCB
/// Bank"), a company or club ending after a name ("Galata SK", "Volkswagen AG"), a region
/// after a place and a comma ("Vancouver, BC"), or the end of an official name after a
/// connecting word ("Transport for NSW").
pub fn is_part_of_name(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize, letters: &str) -> bool {
    let token = parsed.tokens[index];
    let text_at = |i: usize| tokens.contains(&i).then(|| parsed.token_text(i));
    let previous = index.checked_sub(1);
    let begins_name = text_at(index + 1).is_some_and(|t| {
        t.starts_with(|c: char| c.is_uppercase())
            && t.chars().any(char::is_lowercase)
            && !TITLES_AFTER.contains(t)
    }) && parsed
        .tokens
        .get(index + 1)
        .is_some_and(|t| t.start == token.end + 1);
    if begins_name {
        return true;
    }
    let after_name = previous.and_then(text_at).is_some_and(is_name_word)
        && previous.is_some_and(|p| parsed.tokens[p].end + 1 == token.start);
    if after_name && NAME_SUFFIXES.contains(letters) {
        return true;
    }
    let after_comma_place = previous.and_then(text_at) == Some(",")
        && index
            .checked_sub(2)
            .and_then(text_at)
            .is_some_and(|t| t.starts_with(|c: char| c.is_uppercase()));
    if after_comma_place && letters.chars().count() <= 3 {
        return true;
    }
    let connector = previous.filter(|&p| {
        tokens.contains(&p)
            && NAME_CONNECTORS.contains(parsed.token_text(p))
            && parsed.tokens[p].end + 1 == token.start
    });
    connector.and_then(|p| p.checked_sub(1)).is_some_and(|name| {
        let text = parsed.token_text(name);
        // "Shares of QRZ": an ordinary word capitalised because it opens the sentence.
        let opens_sentence = parsed
            .sentence_of_token(name)
            .is_some_and(|s| parsed.sentences[s].tokens.start == name);
        tokens.contains(&name)
            && !(opens_sentence && is_common_word(text))
            && parsed.tokens[name].end + 1 == parsed.tokens[name + 1].start
            && text.starts_with(|c: char| c.is_uppercase())
            && text.chars().any(char::is_lowercase)
            && !TITLES_AFTER.contains(text)
    })
}

/// Nouns that a roman numeral numbers: "phase III", "Chapter XI", "Title IX".
static NUMBERED_NOUNS: WordList = WordList::new(&[
    "phase", "part", "chapter", "stage", "type", "class", "grade", "level", "category", "section", "article",
    "volume", "act", "book", "round", "series", "title", "schedule", "tier", "division",
]);

/// A roman numeral numbers the name or the noun right before it: "Louis XV", "World War
/// II", "Super Bowl LIV", "phase III trials", "Chapter XI".
pub fn numbers_what_precedes(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    index
        .checked_sub(1)
        .filter(|p| tokens.contains(p))
        .is_some_and(|p| {
            let text = parsed.token_text(p);
            parsed.tokens[p].kind == TokenKind::Word
                && parsed.tokens[p].end + 1 == parsed.tokens[index].start
                && ((text.starts_with(|c: char| c.is_uppercase())
                    && text.chars().any(char::is_lowercase)
                    && !FUNCTION_WORDS.contains(text))
                    || NUMBERED_NOUNS.contains(text))
        })
}

/// Words that follow the head of a noun phrase and not a modifier: auxiliaries and verbs
/// of saying ("the IG said", "the IG has"), relative pronouns ("the IG, which") and
/// prepositions ("a report by the IG on", "the IG of the department"). "and" and "or" are
/// not here: "the CPU and GPU cores" coordinates modifiers.
static AFTER_HEAD: WordList = WordList::new(&[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may",
    "might", "must", "does", "did", "said", "says", "also", "which", "who", "that", "of", "in", "on", "at",
    "for", "to", "with", "by", "from", "over", "against", "into", // Irregular past tenses.
    "found", "told", "made", "gave", "took", "sent", "wrote", "began", "became", "won", "lost", "held",
    "kept", "left", "brought", "sought", "led", "met", "paid", "ran", "spent", "struck", "went", "came",
    "saw", "knew", "thought", "chose", "drew", "grew", "fell", "rose", "sold", "bought", "hired", "fired",
]);

/// The letters are used as the name of an institution or an office: with "the" and as the
/// head of their phrase, not as a modifier ("the IG said", "the NTWU’s members", "a report
/// by the NTWU.", "the PBWU President"; not "the HDMI port", "the BSE and NSE indices").
/// What follows is a mark, a word that follows a head ([`AFTER_HEAD`]), a verb of saying or
/// doing ("said", "found", "announced", "recommended"), or a title.
/// Jargon is rarely written so (a reader says "the port", not "the HDMI"); a body whose
/// letters the story never explains is.
pub fn is_used_as_institution(parsed: &ParsedDraft<'_>, tokens: &Range<usize>, index: usize) -> bool {
    let previous = index.checked_sub(1).filter(|p| tokens.contains(p));
    if !previous.is_some_and(|p| parsed.token_text(p).eq_ignore_ascii_case("the")) {
        return false;
    }
    let written = parsed.token_text(index);
    if written.ends_with("'s") || written.ends_with("’s") {
        return true;
    }
    let Some(next) = Some(index + 1).filter(|n| tokens.contains(n)) else {
        return true;
    };
    let text = parsed.token_text(next);
    match parsed.tokens[next].kind {
        TokenKind::Punct => !matches!(text, "/" | "-" | "&" | "(" | "“" | "\"" | "‘" | "'"),
        TokenKind::Word if text.starts_with(|c: char| c.is_uppercase()) => TITLES_AFTER.contains(text),
        TokenKind::Word => {
            AFTER_HEAD.contains(text)
                || REPORTING_PARTICIPLES.contains(text)
                || (text.ends_with("ed") && text.len() > 4)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    fn check(text: &str, word: &str, class: fn(&ParsedDraft<'_>, &Range<usize>, usize) -> bool) -> bool {
        let parsed = ParsedDraft::parse(text, DraftFormat::PlainText);
        for block in &parsed.blocks {
            if let Some(i) = block.tokens.clone().find(|&i| parsed.token_text(i) == word) {
                return class(&parsed, &block.tokens, i);
            }
        }
        panic!("{word} not found");
    }

    #[test]
    fn described_by_what_they_are() {
        assert!(check(
            "Headline\n\nThe strike was called by the pilots' union SNPAM.\n",
            "SNPAM",
            is_described
        ));
        assert!(check(
            "Headline\n\nShe told ERTV television.\n",
            "ERTV",
            is_described
        ));
        assert!(check(
            "Headline\n\nIt was published in the journal BMJX.\n",
            "BMJX",
            is_described
        ));
        assert!(check(
            "Headline\n\nThe DGAC, France's aviation regulator, said.\n",
            "DGAC",
            is_described
        ));
        assert!(check(
            "Headline\n\nThe union, known as NTWU, met.\n",
            "NTWU",
            is_described
        ));
        assert!(!check(
            "Headline\n\nPickets stood outside the HTWU office.\n",
            "HTWU",
            is_described
        ));
    }

    #[test]
    fn parts_of_names() {
        let name = |text: &str, word: &str| {
            let parsed = ParsedDraft::parse(text, DraftFormat::PlainText);
            let tokens = parsed.blocks[1].tokens.clone();
            let i = tokens.clone().find(|&i| parsed.token_text(i) == word).unwrap();
            is_part_of_name(&parsed, &tokens, i, word)
        };
        assert!(name("Headline\n\nRovers reached the FAI Cup final.\n", "FAI"));
        assert!(name("Headline\n\nGalata SK signed him.\n", "SK"));
        assert!(name("Headline\n\nShe moved to Vancouver, BC, in 2020.\n", "BC"));
        assert!(name(
            "Headline\n\nThe route, which Transport for NSW backs, opened.\n",
            "NSW"
        ));
        assert!(!name("Headline\n\nThe PBWU President has not said.\n", "PBWU"));
        assert!(!name("Headline\n\nShares of QRZ rose.\n", "QRZ"));
    }

    #[test]
    fn roman_numerals_number_a_name_or_a_noun() {
        assert!(check(
            "Headline\n\nLouis XV owned it.\n",
            "XV",
            numbers_what_precedes
        ));
        assert!(check(
            "Headline\n\nThe phase III trial ended.\n",
            "III",
            numbers_what_precedes
        ));
        assert!(!check(
            "Headline\n\nThe MDC won the vote.\n",
            "MDC",
            numbers_what_precedes
        ));
    }

    #[test]
    fn letters_used_as_an_institution() {
        assert!(check(
            "Headline\n\nThe IG said the review was over.\n",
            "IG",
            is_used_as_institution
        ));
        assert!(check(
            "Headline\n\nA report by the IG.\n",
            "IG",
            is_used_as_institution
        ));
        assert!(check(
            "Headline\n\nThe IG's report came out.\n",
            "IG's",
            is_used_as_institution
        ));
        assert!(check(
            "Headline\n\nThe IG found no fault.\n",
            "IG",
            is_used_as_institution
        ));
        assert!(check(
            "Headline\n\nThe PBWU President spoke.\n",
            "PBWU",
            is_used_as_institution
        ));
        assert!(!check(
            "Headline\n\nThe HDMI port is gone.\n",
            "HDMI",
            is_used_as_institution
        ));
        assert!(!check(
            "Headline\n\nThey met NTWU members.\n",
            "NTWU",
            is_used_as_institution
        ));
        assert!(!check(
            "Headline\n\nThe VR/AR market grew.\n",
            "VR",
            is_used_as_institution
        ));
        assert!(!check(
            "Headline\n\nThe CPXU and GPXU cores.\n",
            "CPXU",
            is_used_as_institution
        ));
    }
}
