//! Tokens and sentences, with byte spans into the draft's masked copy.
//!
//! The tokenizer is built for news prose: `O'Rourke`, `Al-Mansouri` and `Kertész's` are one
//! word; `U.S.` and `a.m.` are one abbreviation; `2,300`, `3.5`, `4:30` and `4-1` are one
//! number; `46A`, `4G`, `CL-415` and `18th` mix letters and digits; `24-bed` is a number
//! compound. The sentence splitter survives news abbreviations, initials, decimals,
//! ellipses and a period inside a closing quote.

use crate::text::calendar;
use crate::text::lexicon;
use crate::text::words::{WordList, eq_any};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, with internal apostrophes and hyphens: `O'Rourke`, `hat-trick`.
    Word,
    /// A dotted abbreviation, final period included: `U.S.`, `a.m.`, `e.g.`.
    Abbrev,
    /// Digits with separators, ranges and fractions: `2,300`, `3.5`, `4:30`, `4-1`, `6½`.
    Number,
    /// Letters and digits in one token: `46A`, `4G`, `A35`, `18th`, `1990s`, `CL-415`.
    AlphaNum,
    /// A number joined by a hyphen to a word: `24-bed`, `1,450-kilogram`, `18th-century`.
    NumberCompound,
    /// A currency sign or `%`.
    Symbol,
    /// Any other single character that is not white space.
    Punct,
}

/// A token: its kind and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn text<'a>(&self, copy: &'a str) -> &'a str {
        &copy[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Abbrev)
    }
}

/// A sentence: its byte span and the range of its tokens in the draft's token list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    pub tokens: Range<usize>,
}

pub fn is_currency_symbol(character: char) -> bool {
    matches!(
        character,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '₦'
            | '₩'
            | '₽'
            | '₺'
            | '₱'
            | '₪'
            | '₫'
            | '฿'
            | '₴'
            | '₵'
            | '₲'
            | '₡'
            | '¢'
    )
}

fn is_vulgar_fraction(character: char) -> bool {
    matches!(character, '½' | '¼' | '¾' | '⅓' | '⅔' | '⅛' | '⅜' | '⅝' | '⅞')
}

fn is_word_char(character: char) -> bool {
    character.is_alphabetic() || is_combining_mark(character)
}

fn is_combining_mark(character: char) -> bool {
    matches!(character as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(character: char) -> bool {
    matches!(character, '\'' | '’' | 'ʼ')
}

fn is_hyphen(character: char) -> bool {
    matches!(character, '-' | '‐' | '‑')
}

/// Splits `copy[range]` into tokens, appending them to `out`.
pub fn tokenize(copy: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let text = &copy[range.clone()];
    let base = range.start;
    let mut chars = text.char_indices().peekable();
    // Lookahead helper over the text by byte offset.
    let char_at = |offset: usize| text[offset..].chars().next();

    while let Some((start, character)) = chars.next() {
        if character.is_whitespace() {
            continue;
        }
        let mut end = start + character.len_utf8();
        let kind;
        if is_word_char(character) {
            // Dotted abbreviation: up to two letters and a period, at least twice (U.S., a.m.).
            if let Some(abbrev_end) = dotted_abbreviation(text, start) {
                while chars.peek().is_some_and(|(offset, _)| *offset < abbrev_end) {
                    chars.next();
                }
                out.push(Token {
                    start: base + start,
                    end: base + abbrev_end,
                    kind: TokenKind::Abbrev,
                });
                continue;
            }
            let mut has_digit = false;
            loop {
                match char_at(end) {
                    Some(next) if is_word_char(next) || next.is_ascii_digit() => {
                        has_digit |= next.is_ascii_digit();
                        end += next.len_utf8();
                    }
                    Some(next) if is_apostrophe(next) || is_hyphen(next) => {
                        let after = end + next.len_utf8();
                        match char_at(after) {
                            Some(following) if is_word_char(following) || following.is_ascii_digit() => {
                                has_digit |= following.is_ascii_digit();
                                end = after + following.len_utf8();
                            }
                            _ => break,
                        }
                    }
                    _ => break,
                }
            }
            kind = if has_digit {
                TokenKind::AlphaNum
            } else {
                TokenKind::Word
            };
        } else if character.is_ascii_digit() || is_vulgar_fraction(character) {
            let mut has_letter = false;
            let mut compound = false;
            loop {
                match char_at(end) {
                    Some(next) if next.is_ascii_digit() || is_vulgar_fraction(next) => {
                        end += next.len_utf8();
                    }
                    Some(next @ (',' | '.' | ':')) => match char_at(end + 1) {
                        Some(following) if following.is_ascii_digit() && !has_letter => {
                            end += next.len_utf8() + following.len_utf8();
                        }
                        _ => break,
                    },
                    Some(next) if is_hyphen(next) || next == '–' => {
                        let after = end + next.len_utf8();
                        match char_at(after) {
                            Some(following)
                                if following.is_ascii_digit() || is_vulgar_fraction(following) =>
                            {
                                if compound {
                                    break;
                                }
                                end = after + following.len_utf8();
                            }
                            Some(following) if is_word_char(following) && next != '–' => {
                                compound = true;
                                end = after + following.len_utf8();
                                while let Some(more) = char_at(end) {
                                    let joins = is_word_char(more)
                                        || (is_hyphen(more) && char_at(end + 1).is_some_and(is_word_char));
                                    if !joins {
                                        break;
                                    }
                                    end += more.len_utf8();
                                }
                            }
                            _ => break,
                        }
                    }
                    Some(next) if is_word_char(next) && !compound => {
                        has_letter = true;
                        end += next.len_utf8();
                    }
                    _ => break,
                }
            }
            kind = if compound {
                TokenKind::NumberCompound
            } else if has_letter {
                TokenKind::AlphaNum
            } else {
                TokenKind::Number
            };
        } else if is_currency_symbol(character) || character == '%' {
            kind = TokenKind::Symbol;
        } else {
            kind = TokenKind::Punct;
        }
        while chars.peek().is_some_and(|(offset, _)| *offset < end) {
            chars.next();
        }
        out.push(Token {
            start: base + start,
            end: base + end,
            kind,
        });
    }
}

/// If a dotted abbreviation (`U.S.`, `a.m.`, `Ph.D.`) starts at `start`, returns its end.
fn dotted_abbreviation(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut index = start;
    let mut groups = 0;
    loop {
        let letters_start = index;
        while index < bytes.len() && bytes[index].is_ascii_alphabetic() && index - letters_start < 2 {
            index += 1;
        }
        let letters = index - letters_start;
        if letters == 0 || bytes.get(index) != Some(&b'.') {
            break;
        }
        index += 1;
        groups += 1;
        if !bytes.get(index).is_some_and(u8::is_ascii_alphabetic) {
            break;
        }
    }
    // The abbreviation must end at a period and not run into more letters.
    let ends_cleanly = bytes.get(index.saturating_sub(1)) == Some(&b'.');
    (groups >= 2 && ends_cleanly && !bytes.get(index).is_some_and(|b| b.is_ascii_alphanumeric()))
        .then_some(index)
}

/// Abbreviations that are never the end of a sentence, besides the months' ("Jan."): titles,
/// `No.`, street types.
static NEVER_FINAL: WordList = WordList::new(&[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "gov", "sen", "rep", "gen", "lt", "col", "capt", "sgt",
    "cpl", "pvt", "cmdr", "adm", "maj", "rev", "hon", "fr", "supt", "insp", "det", "no", "nos", "vol", "fig",
    "ft", "mt", "pt", "approx", "vs", "v", "messrs", "mme", "mlle", "sr", "jr", "pres", "atty", "dept",
    "assn", "ave", "blvd", "rd", "hwy",
]);

/// True for an abbreviation that never ends a sentence: a title ("Dr."), a month's
/// ("Jan."), `No.`.
fn is_never_final(word: &str) -> bool {
    NEVER_FINAL.contains(word) || calendar::is_month_abbreviation(word)
}

/// Abbreviations that may end a sentence: they do when the next word is a sentence
/// starter such as "The" or "He".
static MAYBE_FINAL: WordList = WordList::new(&[
    "inc", "corp", "ltd", "co", "plc", "bros", "etc", "llc", "llp", "gmbh",
]);

/// True for a word that, with a period after it, is an abbreviation ("Inc", "Dr", "Jan").
pub fn is_abbreviation_word(word: &str) -> bool {
    is_never_final(word) || MAYBE_FINAL.contains(word)
}

/// Function words that start sentences; used to decide whether `a.m.` or `U.S.` ended one.
static SENTENCE_STARTERS: WordList = WordList::new(&[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "this",
    "that", "these", "those", "there", "here", "his", "her", "their", "its", "our", "my", "your", "in", "on",
    "at", "for", "after", "before", "when", "while", "if", "as", "some", "many", "most", "all", "both",
    "each", "every", "no", "none", "one", "two", "three", "police", "officials", "however", "meanwhile",
    "still", "since", "until", "by", "from", "with", "without", "about", "more", "other", "such", "what",
    "who", "how", "why", "where",
]);

/// Function words and sentence adverbs beyond [`SENTENCE_STARTERS`]: capitalised, they open a
/// sentence and never continue a name ("in the U.S. Another 40 homes", "Then 300 cars").
static FUNCTION_WORDS: WordList = WordList::new(&[
    // Determiners and quantifiers.
    "another", "any", "few", "several", "much", "neither", "either", "last", "next", "whose", "which",
    "whatever", "whichever", // Pronouns.
    "him", "them", "us", "me", "everyone", "everybody", "someone", "somebody", "nobody", "anyone", "anybody",
    "nothing", "something", "everything", "anything", "itself", "themselves",
    // Conjunctions.
    "because", "although", "though", "whereas", "unless", "whether", "nor", "once", "whilst", "till",
    "then", // Prepositions.
    "against", "among", "amid", "amidst", "across", "along", "around", "despite", "during", "except",
    "including", "excluding", "inside", "outside", "over", "under", "like", "unlike", "through",
    "throughout", "toward", "towards", "upon", "within", "beyond", "via", "near", "onto", "into", "beside",
    "besides", "behind", "below", "above", "beneath", "plus", "amongst", "following", "regarding",
    // Adverbs.
    "now", "later", "earlier", "overall", "also", "thus", "hence", "meanwhile", "elsewhere", "today",
    "tonight", "tomorrow", "yesterday", "overnight", "nationwide", "worldwide", "statewide", "altogether",
    "together", "instead", "otherwise", "again", "already", "soon", "afterwards", "afterward", "further",
    "furthermore", "moreover", "likewise", "nevertheless", "nonetheless", "indeed", "perhaps", "maybe",
    "even", "just", "only", "nearly", "almost", "too", "not", "never", "always", "often", "sometimes",
    "seldom", "ago", "anyway", "anyhow", "instead", "nowadays", "currently", "roughly", "about",
]);

/// True for a function word or an adverb ("Then", "Another", "Reportedly", "Overall"): a
/// word that can open a sentence but cannot be, or continue, a name. An adverb in -ly
/// counts when its stem is an English word ("reportedly" from "reported", "officially"
/// from "official", "happily" from "happy") and it has no plural in -lies, which leaves out
/// nouns like "family" and "assembly".
pub fn is_function_word_or_adverb(word: &str) -> bool {
    if SENTENCE_STARTERS.contains(word) || FUNCTION_WORDS.contains(word) {
        return true;
    }
    if word.len() <= 4 || !word.is_ascii() || !word.to_ascii_lowercase().ends_with("ly") {
        return false;
    }
    if !lexicon::is_common_word(word) {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    // A noun in -ly has a plural in -lies: "families", "assemblies", "supplies".
    if lexicon::is_common_word(&format!("{}ies", &lower[..lower.len() - 1])) {
        return false;
    }
    let stem = &lower[..lower.len() - 2];
    let stem_is_word = |candidate: &str| candidate.len() >= 3 && lexicon::is_common_word(candidate);
    stem_is_word(stem)
        // "happily" from "happy", "probably" from "probable", "fully" from "full".
        || stem.strip_suffix('i').is_some_and(|s| stem_is_word(&format!("{s}y")))
        || stem_is_word(&format!("{stem}le"))
        || stem_is_word(&format!("{stem}l"))
}

/// Time zones: after "5 p.m." they continue the sentence ("10 a.m. Eastern"), as days and
/// months do ("5 p.m. Monday"; see [`continues_a_time`]).
static TIME_ZONE_WORDS: WordList = WordList::new(&[
    "eastern", "central", "pacific", "mountain", "atlantic", "alaska", "hawaii", "greenwich",
]);

/// A day, a month or a time zone: after "5 p.m." it continues the sentence.
fn continues_a_time(word: &str) -> bool {
    calendar::is_weekday(word) || calendar::is_month(word) || TIME_ZONE_WORDS.contains(word)
}

/// Titles and roles after a company name: "Acme Inc. Chairman John Smith".
static COMPANY_CONTINUERS: WordList = WordList::new(&[
    "chairman", "chairwoman", "chairperson", "chair", "chief", "ceo", "cfo", "coo", "president", "vice",
    "founder", "co-founder", "executive", "director", "spokesman", "spokeswoman", "spokesperson", "head",
    "owner", "managing", "senior", "deputy", "general", "ltd", "limited", "plc", "llc", "co", "corp", "inc",
]);

/// Verbs that, right after a closing quote, continue the sentence: `"Why?" she asked.`
static QUOTE_CONTINUERS: WordList = WordList::new(&[
    "said", "says", "asked", "asks", "told", "added", "adds", "shouted", "replied", "wrote", "writes",
    "explained", "continued", "recalled", "insisted", "cried", "yelled", "wondered", "joked", "noted",
]);

fn is_opening_mark(text: &str) -> bool {
    matches!(
        text,
        "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "„" | "¿" | "¡" | "—" | "*" | "_"
    )
}

fn is_closing_mark(text: &str) -> bool {
    matches!(text, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "*" | "_")
}

/// If a Markdown footnote reference (`[^1]`, `[^note]`) starts at token `start`, the index
/// of its closing bracket.
pub fn footnote_reference(copy: &str, tokens: &[Token], start: usize, end: usize) -> Option<usize> {
    let attached = |index: usize| tokens[index].start == tokens[index - 1].end;
    if start + 2 >= end.min(tokens.len()) || tokens[start].text(copy) != "[" {
        return None;
    }
    if tokens[start + 1].text(copy) != "^" || !attached(start + 1) {
        return None;
    }
    // A short label of letters, digits, hyphens or underscores.
    (start + 2..end.min(tokens.len()).min(start + 8))
        .take_while(|&index| attached(index))
        .find(|&index| tokens[index].text(copy) == "]")
        .filter(|&close| close > start + 2)
}

/// Splits the tokens `tokens[range]` (one block) into sentences, appending them to `out`.
pub fn split_sentences(copy: &str, tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    let mut sentence_start = range.start;
    let mut index = range.start;
    while index < range.end {
        let token = tokens[index];
        let text = token.text(copy);
        let terminal = match token.kind {
            TokenKind::Punct => matches!(text, "." | "!" | "?" | "…"),
            TokenKind::Abbrev => true,
            _ => false,
        };
        if !terminal {
            index += 1;
            continue;
        }
        // Absorb further terminal marks and closing quotes or brackets.
        let mut last = index;
        let mut closed_quote = false;
        while last + 1 < range.end {
            let next = tokens[last + 1];
            let next_text = next.text(copy);
            let attached = next.start == tokens[last].end;
            if next.kind == TokenKind::Punct
                && (matches!(next_text, "." | "!" | "?" | "…") || (attached && is_closing_mark(next_text)))
            {
                closed_quote |= is_closing_mark(next_text);
                last += 1;
            } else if attached && let Some(close) = footnote_reference(copy, tokens, last + 1, range.end) {
                // "… 40 bodies.[^1] Police said": a Markdown footnote mark ends with its
                // sentence.
                last = close;
            } else {
                break;
            }
        }
        let ends_here = if last + 1 >= range.end {
            true
        } else {
            is_boundary(copy, tokens, index, last, closed_quote, range.end)
        };
        if ends_here {
            out.push(Sentence {
                span: tokens[sentence_start].start..tokens[last].end,
                tokens: sentence_start..last + 1,
            });
            sentence_start = last + 1;
        }
        index = last + 1;
    }
    if sentence_start < range.end {
        out.push(Sentence {
            span: tokens[sentence_start].start..tokens[range.end - 1].end,
            tokens: sentence_start..range.end,
        });
    }
}

/// What an abbreviation that may end a sentence abbreviates, which decides what can follow
/// it inside the same sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbreviationKind {
    /// `a.m.`, `p.m.`: a day, a month or a time zone may follow ("5 p.m. Monday").
    Time,
    /// `Inc.`, `Corp.`, `Ltd.`, `etc.`: a title may follow ("Acme Inc. Chairman John Smith").
    Company,
    /// `U.S.`, `U.K.`, `D.C.`: a capitalised noun continues a name ("U.S. Navy", "U.S. Rep.").
    Name,
    /// `e.g.`, `i.e.`, `Ph.D.`.
    Other,
}

/// Does the capitalised `word` (token `index`) after an abbreviation of `kind` start a new
/// sentence? A function word or an adverb always does ("5 p.m. The", "U.S. Another"). After
/// a time, only a day, a month or a time zone continues ("5 p.m. Eastern", "5 p.m.
/// Firefighters" starts anew); after a company, only a title; after a name like "U.S.", a
/// word English knows continues the name ("U.S. Navy", "U.S. Senate", "U.S. Rep."), while
/// a surname English does not know starts anew ("… in the U.S. Okafor said").
fn starts_after_abbreviation(
    copy: &str,
    tokens: &[Token],
    index: usize,
    end: usize,
    word: Token,
    kind: AbbreviationKind,
) -> bool {
    let text = word.text(copy);
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if is_function_word_or_adverb(text) {
        return true;
    }
    let bare = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(text);
    // "ET", "GMT", "EPA", "NFL": an acronym.
    let acronym = bare.len() >= 2 && bare.chars().all(|c| c.is_ascii_uppercase());
    // "Sen.", "Rep.", "Gen.": a title abbreviation.
    let title_abbreviation = word.kind == TokenKind::Word
        && is_never_final(bare)
        && index + 1 < end
        && tokens[index + 1].start == word.end
        && tokens[index + 1].text(copy) == ".";
    match kind {
        AbbreviationKind::Time => !(continues_a_time(bare) || acronym),
        AbbreviationKind::Company => !COMPANY_CONTINUERS.contains(bare),
        AbbreviationKind::Name => {
            let known = word.kind == TokenKind::Abbrev
                || lexicon::is_common_word(bare)
                || lexicon::is_proper_noun(bare)
                || acronym
                || title_abbreviation;
            !known
        }
        AbbreviationKind::Other => false,
    }
}

fn is_boundary(
    copy: &str,
    tokens: &[Token],
    terminal: usize,
    last: usize,
    closed_quote: bool,
    end: usize,
) -> bool {
    let next = tokens[last + 1];
    // No space after the mark ("end.Next", "3.5"): not a boundary.
    if next.start == tokens[last].end {
        return false;
    }
    let next_text = next.text(copy);
    let first_char = next_text.chars().next().unwrap_or(' ');
    let opens = next.kind == TokenKind::Punct && is_opening_mark(next_text);
    let starts_upper =
        first_char.is_uppercase() || first_char.is_ascii_digit() || next.kind == TokenKind::Symbol;
    if !(starts_upper || opens) {
        return false;
    }
    let terminal_token = tokens[terminal];
    let terminal_text = terminal_token.text(copy);
    // The word the period follows, for abbreviation checks.
    let previous_word = if terminal_token.kind == TokenKind::Abbrev {
        None
    } else if terminal > 0 && tokens[terminal - 1].end == terminal_token.start {
        Some(tokens[terminal - 1])
    } else {
        None
    };
    // The word after the mark (past an opening quote or bracket).
    let next_word_index = if opens { last + 2 } else { last + 1 };
    let next_word = tokens
        .get(next_word_index)
        .filter(|t| next_word_index < end && t.is_word());
    let starts_after = |kind: AbbreviationKind| {
        next_word
            .is_some_and(|word| starts_after_abbreviation(copy, tokens, next_word_index, end, *word, kind))
    };
    if terminal_text == "."
        && let Some(word) = previous_word
    {
        let word_text = word.text(copy);
        if word.kind == TokenKind::Word {
            if is_never_final(word_text) {
                return false;
            }
            // A single capital letter is an initial: "William J. Burns".
            let mut letters = word_text.chars();
            if letters.next().is_some_and(char::is_uppercase) && letters.next().is_none() {
                return false;
            }
            if MAYBE_FINAL.contains(word_text) {
                return starts_after(AbbreviationKind::Company);
            }
        }
    }
    if terminal_token.kind == TokenKind::Abbrev {
        let kind = if eq_any(terminal_text, &["a.m.", "p.m."]) {
            AbbreviationKind::Time
        } else if terminal_text.chars().all(|c| c == '.' || c.is_uppercase()) {
            AbbreviationKind::Name
        } else {
            AbbreviationKind::Other
        };
        return starts_after(kind);
    }
    // `"Why?" she asked.` and `"We paid." Adeyemo said.`: the attribution continues it.
    if closed_quote {
        let mut words_seen = 0;
        for token in tokens.iter().take(end).skip(last + 1) {
            if token.kind == TokenKind::Punct {
                break;
            }
            if token.is_word() {
                if QUOTE_CONTINUERS.contains(token.text(copy)) {
                    return false;
                }
                words_seen += 1;
                if words_seen >= 4 {
                    break;
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens_of(text: &str) -> Vec<(TokenKind, &str)> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        out.iter().map(|t| (t.kind, t.text(text))).collect()
    }

    fn sentences_of(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        let mut sentences = Vec::new();
        split_sentences(text, &tokens, 0..tokens.len(), &mut sentences);
        sentences.iter().map(|s| &text[s.span.clone()]).collect()
    }

    #[test]
    fn news_tokens() {
        use TokenKind::*;
        assert_eq!(
            tokens_of(
                "O'Rourke’s Al-Mansouri U.S. a.m. 2,300 3.5% 4:30 4-1 46A CL-415 24-bed C$14.3 6½ Kertész"
            ),
            vec![
                (Word, "O'Rourke’s"),
                (Word, "Al-Mansouri"),
                (Abbrev, "U.S."),
                (Abbrev, "a.m."),
                (Number, "2,300"),
                (Number, "3.5"),
                (Symbol, "%"),
                (Number, "4:30"),
                (Number, "4-1"),
                (AlphaNum, "46A"),
                (AlphaNum, "CL-415"),
                (NumberCompound, "24-bed"),
                (Word, "C"),
                (Symbol, "$"),
                (Number, "14.3"),
                (Number, "6½"),
                (Word, "Kertész"),
            ]
        );
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_a_number() {
        assert_eq!(
            tokens_of("rose 18%. In 2019, then 3."),
            vec![
                (TokenKind::Word, "rose"),
                (TokenKind::Number, "18"),
                (TokenKind::Symbol, "%"),
                (TokenKind::Punct, "."),
                (TokenKind::Word, "In"),
                (TokenKind::Number, "2019"),
                (TokenKind::Punct, ","),
                (TokenKind::Word, "then"),
                (TokenKind::Number, "3"),
                (TokenKind::Punct, "."),
            ]
        );
    }

    #[test]
    fn sentences_survive_abbreviations_and_initials() {
        assert_eq!(
            sentences_of(
                "Sen. Rose Hanlon met Dr. Lee at 10 a.m. Monday in the U.S. Senate. CIA Director William J. Burns said No. 9 was 3.5 times bigger. The end."
            ),
            vec![
                "Sen. Rose Hanlon met Dr. Lee at 10 a.m. Monday in the U.S. Senate.",
                "CIA Director William J. Burns said No. 9 was 3.5 times bigger.",
                "The end."
            ]
        );
    }

    #[test]
    fn sentences_end_after_abbreviations_before_a_starter() {
        assert_eq!(
            sentences_of("He arrived at 8 a.m. The talks began. They moved to the U.S. He stayed."),
            vec![
                "He arrived at 8 a.m.", "The talks began.", "They moved to the U.S.", "He stayed."
            ]
        );
    }

    #[test]
    fn abbreviations_end_sentences_before_ordinary_words() {
        assert_eq!(
            sentences_of("Police said it happened at 5 p.m. Firefighters found 40 bodies."),
            vec![
                "Police said it happened at 5 p.m.",
                "Firefighters found 40 bodies."
            ]
        );
        assert_eq!(
            sentences_of("Fires broke out in the U.S. Another 40 homes burned. Then it rained."),
            vec![
                "Fires broke out in the U.S.",
                "Another 40 homes burned.",
                "Then it rained."
            ]
        );
        assert_eq!(
            sentences_of(
                "It was sold to Acme Inc. Shares rose. The deal closed at 9 a.m. Reportedly it leaked."
            ),
            vec![
                "It was sold to Acme Inc.",
                "Shares rose.",
                "The deal closed at 9 a.m.",
                "Reportedly it leaked."
            ]
        );
        assert_eq!(
            sentences_of("She moved to the U.S. Okafor stayed. They met at 6 p.m. Smith left."),
            vec![
                "She moved to the U.S.", "Okafor stayed.", "They met at 6 p.m.", "Smith left."
            ]
        );
    }

    #[test]
    fn abbreviations_inside_names_and_times_do_not_end_sentences() {
        for text in [
            "The U.S. Navy and the U.S. Army sent 40 ships to the U.S. Virgin Islands.",
            "U.S. Sen. John Smith and U.S. Rep. Ann Lee met U.S. District Judge Amy Berman.",
            "The vote closes at 5 p.m. Eastern and reopens at 9 a.m. Monday or 10 a.m. ET on Jan. 4.",
            "Acme Inc. Chairman John Smith and Widget Corp. Chief Executive Ann Lee spoke.",
            "He joined the U.S. EPA after a Ph.D. in the U.K. in 2004.",
            "The dispute at Acme Co. Ltd. dragged on.",
        ] {
            assert_eq!(sentences_of(text), vec![text]);
        }
    }

    #[test]
    fn a_footnote_mark_ends_with_its_sentence() {
        assert_eq!(
            sentences_of("The blaze destroyed 300 cars.[^1] Police said 40 were hurt.[^note-2] The end."),
            vec![
                "The blaze destroyed 300 cars.[^1]",
                "Police said 40 were hurt.[^note-2]",
                "The end."
            ]
        );
        // A bracket that is not a footnote mark stays as it was.
        assert_eq!(
            sentences_of("It was over.[1] Then it rained."),
            vec!["It was over.[1] Then it rained."]
        );
    }

    #[test]
    fn adverbs_are_told_from_nouns_in_ly() {
        for adverb in [
            "Reportedly", "allegedly", "Officially", "happily", "probably", "Then", "Overall",
        ] {
            assert!(is_function_word_or_adverb(adverb), "{adverb}");
        }
        for noun in [
            "Family", "Assembly", "Rally", "Supply", "Route", "Apollo", "Italy", "July",
        ] {
            assert!(!is_function_word_or_adverb(noun), "{noun}");
        }
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            sentences_of(
                "He called it \"regrettable.\" Talks ended. “Where is the money?” Adeyemo said. We will … wait. Then… Silence."
            ),
            vec![
                "He called it \"regrettable.\"",
                "Talks ended.",
                "“Where is the money?” Adeyemo said.",
                "We will … wait.",
                "Then…",
                "Silence."
            ]
        );
    }

    #[test]
    fn quote_sentences_split_inside_the_quote() {
        assert_eq!(
            sentences_of("“We lost. It hurt,” she said. “Next year.”"),
            vec!["“We lost.", "It hurt,” she said.", "“Next year.”"]
        );
    }
}
