//! # name-consistency
//!
//! ## What it flags
//! A mention of a name spelled differently from the other mentions of the same name in
//! the story: a dropped or added diacritic (Procházka / Prochazka), a transliteration
//! variant (Zelenskyy / Zelensky, Mohammed / Mohammad, Huang / Hwang), a hyphen, space or
//! case slip (Al-Thani / Al Thani / AlThani, el-Sisi / El-Sisi, a surname written as one
//! word and as two: Roychowdhury / Roy Chowdhury, MacLennan / Mac Lennan), a one- or
//! two-letter typo in a longer name (O'Rourke / O'Rouke), and an abbreviation written two
//! ways (U.S. / US).
//!
//! A name used with the same other name word is the same name even with no other cue: the
//! same surname with a given name spelled two ways (Mohammed Salah / Mohammad Salah, Yusuf
//! Karimov / Yousef Karimov), the same given name with a surname a letter or two off
//! (Christopher Bartholomew / Christopher Bartholemew), and a hyphenated name with a slip in
//! one of its parts (Ocasio-Cortez / Ocasio-Cortex). A given name whose vowels alone differ
//! before the same other name word (Husain Iqbal / Hussein Iqbal, for someone named by
//! given names only) is one person's name even when a description comes with the variant
//! ("Hussein Iqbal, whose mother…"), unless each spelling is used at least twice. A
//! given name contracted to its first and last letters and a few between (Mohd /
//! Mohammed, Thos / Thomas) is flagged when the rest of the name, at least two other
//! words, is the same (Wm Ashby Cardona / William Ashby Cardona); short forms that are
//! names of their own (Ed, Del) are not taken alone.
//!
//! Spellings that look the same on the page are one spelling: a name typed with a
//! decomposed accent and with a precomposed one (Unicode normal form C decides), or with a
//! non-breaking hyphen (U+2011) or no-break space and with the plain one. A curly and a
//! straight apostrophe, or an en dash for a hyphen, do look different and are flagged.
//!
//! ## Why it matters
//! A name spelled two ways in one story is the error readers notice first and forgive
//! last, and it is the one most likely to end in a correction. Editors check every name
//! against its first reference; this rule does that for every mention.
//!
//! ## Example
//! ```text
//! Taras Kovalevskyi, CityLink's director of operations, said only 40 buses ran.
//! …
//! Kovalevsky said the company had lost an estimated €1.1 million.
//! ```
//! Use instead: `Kovalevskyi said the company had lost …`
//!
//! The spelling used most often is canonical (on a tie, the one used first); a house
//! spelling from `[names] known` always is, even in the minority. The message names the
//! canonical spelling and how often it appears; related information points at its first
//! mention.
//!
//! These are not flagged:
//! - different people with similar names: when both spellings are used with a given name
//!   and the given names differ (Mark Johnson / Mike Johnston), or when each spelling has
//!   its own full name and is used at least twice (Lena Hoffmann / Lena Hofmann);
//! - relatives sharing a surname, and gendered forms of one surname (Wiśniewska /
//!   Wiśniewski, Procházka / Procházková, -son / -dóttir, and the Irish and Scottish Gaelic
//!   particles with their softened first consonant: Ó Dálaigh / Ní Dhálaigh / Uí Dhálaigh)
//!   or of one given name (Francesco / Francesca, Paul / Paula, Daniel / Danielle); the
//!   particles Ó, Ní, Nic, Uí and Mhic belong to the surname after them, and one written
//!   without its fada (Ni Dhálaigh) is flagged;
//! - a spelling introduced as a second person, with a title, an age or an appositive
//!   ("His cousin, Christopher Bartholemew, 40,");
//! - possessives (Kertész's), a company named like a person (Haugen / Haugen Bank);
//! - a place named like a person: a name opened by a place-type word (Port, Fort, Mount,
//!   Lake, Cape, San, Santa, New…), ended by one that is also a surname (Park, Creek,
//!   Beach, Lane) or after a place cue ("grew up in", "born in", "the town of") is
//!   compared with places only, never with a person's name (Rory McTavish / Port
//!   Mactavish, "lives near Mactavish"); a place spelled two ways is still flagged;
//! - a particle capitalised at the start of a sentence or by Dutch convention
//!   (van der Linden / Van der Linden);
//! - particles and spaces that differ between two people: when every given name used
//!   with one spelling differs from every given name used with the other (Andrés de los
//!   Santos / Teodoro Delos Santos, Pieter van Dorp / Joost Van Dorp), each family writes
//!   its name its own way; a spelling never used with a given name is still a slip;
//! - ALL-CAPS words such as datelines (JESENÍK / Jeseník);
//! - a plural or a name ending in -s beside the same word without it (A-level /
//!   A-levels, Oscar / Oscars, William / Williams): another word form or another name;
//! - a month or a day of the week beside a name a letter away (July / Juul);
//! - addresses: a social-media handle, a hashtag, an e-mail address or a domain written
//!   without its scheme (@InesVarga beside Ines Varga, NY.gov beside N.Y.), and so the
//!   credit line of an embedded post ("— Ines Varga (@InesVarga) May 3, 2024") adds only
//!   the name it credits;
//! - contractions, whatever their apostrophe (We're / We’re, I’ve / Ive): they are words,
//!   not names;
//! - ordinary English words, demonyms (Israel / Israeli) and two well-known different
//!   names (Austria / Australia, Johnson / Johnston);
//! - a difference of a letter or two that is not a regular transliteration (Dolní / Horní,
//!   Faroes / Faroese) unless the name is used for a person somewhere (with a title, an
//!   age after it or a speech verb next to it) or with the same other name word.
//!
//! ## Fix
//! Replace this mention with the canonical spelling, or use the canonical spelling for
//! every variant in the story (the language server applies it across drafts; the first
//! finding of each draft offers it). Both are unsafe: whether two spellings are one name
//! is a heuristic's call, so `copydesk check --fix` applies them only with
//! `--unsafe-fixes`.
//!
//! ## Configuration
//! - `[rules] name-consistency = "warning"`
//! - `[names] known = ["Volodymyr Zelenskyy", "Abdel Fattah el-Sisi"]`: house spellings.
//!   A variant of a known name is flagged even when it is the majority.
//! - `story = "folder"`: compare names across the drafts of a folder.
//!
//! Abbreviations that the `house-spelling` table lists (U.S. / US, U.N. / UN) are left to
//! that rule when it is on and a house form is set for them (`style = "ap"` or
//! `[house-spelling] prefer`), so they get one finding, with the house preference.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

use super::{Ctx, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Edit, Finding, Fix};
use crate::text::fold::{fold, fold_each, written_form};
use crate::text::lexicon::{class, is_common_word, is_proper_noun};
use crate::text::names::{NameMention, PARTICLES, in_address};
use crate::text::{TokenKind, one_line};

const RULE: &str = "name-consistency";

/// One written occurrence of a name unit (a name word with its particles).
#[derive(Debug, Clone)]
struct Occurrence {
    draft: usize,
    span: Range<usize>,
    /// Starts its sentence, or follows a closing quote: a capital here may be sentence
    /// case, not a slip.
    sentence_initial: bool,
    /// No given name before it ("Van der Linden said", not "Marieke van der Linden").
    standalone: bool,
    /// The mention names a place (see `NameMention::place`).
    place: bool,
}

/// A distinct spelling and everything known about its uses.
#[derive(Debug, Clone)]
struct Spelling {
    /// As first written, in Unicode normal form C (the form the message shows and a fix
    /// writes).
    text: String,
    /// What a reader sees (see `written_form`): spellings that differ only in Unicode
    /// composition or in a no-break hyphen are one spelling.
    written: String,
    /// Folded, with hyphens, spaces, apostrophes and periods removed.
    loose: String,
    /// `loose` with transliteration differences normalised.
    phonetic: String,
    occurrences: Vec<Occurrence>,
    /// Folded other name words used with it ("yasmin" for "Al-Mansouri").
    partners: Vec<u64>,
    /// The other name words used with this spelling or with any spelling that differs
    /// from it only in case ("Andrés de los Santos" and "De los Santos said"): the given names of
    /// everyone the spelling, capitalised either way, stands for.
    family_partners: Vec<u64>,
    /// Every use names a place ("grew up in Kelso", "Fort Worth").
    place: bool,
    person_cue: bool,
    /// Used in a full name that introduces someone ("City councillor Ewa Nowicka, who…").
    introduced_full: bool,
    /// Starts with a space-separated particle ("van der Linden", "De Groot").
    spaced_particle: bool,
    /// Used before another name word ("Taras" in "Taras Kovalevskyi"): a given name.
    given: bool,
    /// A house spelling from the configuration.
    known: bool,
    /// Order of first use in the story.
    first_seen: usize,
}

impl Spelling {
    fn count(&self) -> usize {
        if self.known {
            usize::MAX / 2
        } else {
            self.occurrences.len()
        }
    }
}

/// How two spellings relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Difference {
    /// Only the case of some letters.
    Case,
    /// Diacritics, hyphens, spaces or apostrophes.
    Marks,
    /// A regular transliteration difference (ou/u, y/i, w/u, oe/ö, Mac/Mc, doubled letters).
    Transliteration,
    /// One edit apart.
    OneLetter,
    /// Two edits apart in a long name.
    TwoLetters,
    /// A given name contracted to its first and last letters and a few between (Mohd /
    /// Mohammed, Wm / William, Thos / Thomas), in a name otherwise written the same.
    Contraction,
}

impl Difference {
    fn describe(self) -> &'static str {
        match self {
            Difference::Case => "the capitalisation differs",
            Difference::Marks => "the accents, hyphens or spaces differ",
            Difference::Transliteration => "it is transliterated differently",
            Difference::OneLetter => "one letter differs",
            Difference::TwoLetters => "two letters differ",
            Difference::Contraction => "it is abbreviated",
        }
    }

    /// Differences of a letter or two, which also separate distinct names (Dolní /
    /// Horní, Faroes / Faroese): flagged only for names used for a person.
    fn is_typo(self) -> bool {
        matches!(self, Difference::OneLetter | Difference::TwoLetters)
    }

    /// Differences that are slips whoever the name belongs to.
    fn is_mechanical(self) -> bool {
        matches!(self, Difference::Case | Difference::Marks)
    }
}

/// "mohd" / "mohammed", "wm" / "william": the short form keeps the long one's first and
/// last letters and some of the letters between, in order.
fn is_contraction(short: &str, long: &str) -> bool {
    let short_length = short.chars().count();
    let long_length = long.chars().count();
    if !(2..=4).contains(&short_length) || long_length < short_length + 2 {
        return false;
    }
    if short.chars().next() != long.chars().next() || short.chars().last() != long.chars().last() {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|wanted| rest.any(|c| c == wanted))
}

/// How many other name words two spellings share.
fn shared_partners(a: &Spelling, b: &Spelling) -> usize {
    a.partners
        .iter()
        .filter(|partner| b.partners.contains(partner))
        .count()
}

fn loose_form(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| !matches!(c, '-' | '\'' | ' ' | '.' | '\u{a0}'))
        .collect()
}

/// Normalises regular transliteration differences so that Zelenskyy, Zelensky and
/// Zelenskiy, Yousef and Yusef, Huang and Hwang, Köhler and Koehler, MacAllister and
/// McAllister meet.
fn phonetic_form(loose: &str) -> String {
    let chars: Vec<char> = loose.chars().collect();
    let at = |index: usize| chars.get(index).copied();
    let mut folded: Vec<char> = Vec::with_capacity(chars.len());
    let mut index = 0;
    if chars.starts_with(&['m', 'a', 'c']) {
        folded.extend(['m', 'c']);
        index = 3;
    } else if chars.starts_with(&['z', 'h']) {
        // Pinyin and Wade-Giles write one initial two ways: Zhou / Chou, Zhang / Chang.
        folded.extend(['c', 'h']);
        index = 2;
    }
    while index < chars.len() {
        let character = chars[index];
        let pair = (character, at(index + 1).unwrap_or(' '));
        let replacement = match pair {
            ('o', 'u') | ('o', 'o') => Some('u'),
            ('p', 'h') => Some('f'),
            ('k', 'h') => Some('h'),
            ('t', 'h') => Some('t'),
            ('c', 'k') => Some('k'),
            // German umlauts written out (Koehler, Mueller, Jaeger) inside a name, not at
            // its end (Choe): oe → o, ue → u, ae → a before a consonant.
            ('o' | 'u' | 'a', 'e') if at(index + 2).is_some_and(|next| !is_vowel(next)) => Some(character),
            _ => None,
        };
        match replacement {
            Some(replacement) => {
                folded.push(replacement);
                index += 2;
            }
            None => {
                folded.push(character);
                index += 1;
            }
        }
    }
    let mut out = String::with_capacity(folded.len());
    let mut last: Option<char> = None;
    for (index, &character) in folded.iter().enumerate() {
        let previous = index.checked_sub(1).map(|i| folded[i]);
        let mapped = match character {
            // y after the first letter sounds as i: Zelenskyy, Zelenskiy.
            'y' if index > 0 => 'i',
            // w between a consonant and a vowel is u: Hwang, Huang.
            'w' if previous.is_some_and(|p| !is_vowel(p))
                && folded.get(index + 1).is_some_and(|n| is_vowel(*n)) =>
            {
                'u'
            }
            other => other,
        };
        // Doubled letters count once: Adeyemmi, Hoffmann.
        if last == Some(mapped) {
            continue;
        }
        out.push(mapped);
        last = Some(mapped);
    }
    out
}

fn is_vowel(character: char) -> bool {
    matches!(character, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn consonant_skeleton(phonetic: &str) -> String {
    phonetic.chars().filter(|c| !is_vowel(*c)).collect()
}

/// Optimal string alignment distance, giving up above `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    const MAX: usize = 48;
    let mut a_chars = ['\0'; MAX];
    let mut b_chars = ['\0'; MAX];
    let mut a_length = 0;
    let mut b_length = 0;
    for character in a.chars() {
        if a_length == MAX {
            return limit + 1;
        }
        a_chars[a_length] = character;
        a_length += 1;
    }
    for character in b.chars() {
        if b_length == MAX {
            return limit + 1;
        }
        b_chars[b_length] = character;
        b_length += 1;
    }
    let (a, b) = (&a_chars[..a_length], &b_chars[..b_length]);
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    // Three rolling rows of the optimal-string-alignment table.
    let mut rows = [[0usize; MAX + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (current, previous, before) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[current][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (rows[previous][j] + 1)
                .min(rows[current][j - 1] + 1)
                .min(rows[previous][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(rows[before][j - 2] + 1);
            }
            rows[current][j] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return limit + 1;
        }
    }
    rows[a.len() % 3][b.len()]
}

/// Surname endings that mark a gender or a patronymic: Wiśniewska / Wiśniewski,
/// Procházková / Procházka, Ivanova / Ivanov, Sigurðardóttir / Sigurðsson.
const GENDERED_ENDINGS: &[(&str, &str)] = &[
    ("ski", "ska"),
    ("sky", "ska"),
    ("skyi", "ska"),
    ("skiy", "skaya"),
    ("sky", "skaya"),
    ("cki", "cka"),
    ("cky", "cka"),
    ("dzki", "dzka"),
    ("ov", "ova"),
    ("ev", "eva"),
    ("in", "ina"),
    ("iy", "aya"),
    ("yi", "aya"),
    ("a", "ova"),
    ("", "ova"),
    ("", "a"),
    ("as", "iene"),
    ("as", "aite"),
    ("is", "iene"),
    ("is", "yte"),
    ("us", "iene"),
    ("os", "ou"),
    ("is", "i"),
    ("son", "dottir"),
    ("sson", "dottir"),
];

/// Feminine forms of given names that are a masculine form with an ending added (Paul /
/// Paula, Louis / Louise, Daniel / Danielle).
const FEMININE_ADDITIONS: &[&str] = &["a", "e", "le", "ne", "ine", "ina", "ia", "ette", "elle"];

/// Two given names (folded) that are the masculine and feminine forms of one name
/// (Mario / Maria, Francesco / Francesca, Paul / Paula, Daniel / Danielle): two people,
/// typically relatives, not one name spelled two ways.
fn is_gendered_given_pair(a: &str, b: &str) -> bool {
    let (shorter, longer) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if let Some(addition) = longer.strip_prefix(shorter) {
        return FEMININE_ADDITIONS.contains(&addition);
    }
    // The final vowel changes: Mario / Maria, Anna / Anne.
    let (mut a_chars, mut b_chars) = (a.chars(), b.chars());
    match (a_chars.next_back(), b_chars.next_back()) {
        (Some(x), Some(y)) => x != y && is_vowel(x) && is_vowel(y) && a_chars.as_str() == b_chars.as_str(),
        _ => false,
    }
}

fn is_gendered_pair(a: &str, b: &str) -> bool {
    GENDERED_ENDINGS.iter().any(|(masculine, feminine)| {
        [(a, b), (b, a)].iter().any(
            |(x, y)| match (x.strip_suffix(masculine), y.strip_suffix(feminine)) {
                (Some(stem_x), Some(stem_y)) => stem_x == stem_y && stem_x.chars().count() >= 4,
                _ => false,
            },
        )
    })
}

/// Gaelic surname particles (folded) that mark a gender or a marriage: Ó and Mac for a man,
/// Ní and Nic for an unmarried woman, Uí and Mhic for a married one, Ua an older form.
const GAELIC_GENDERED_PARTICLES: &[&str] = &["o", "ua", "mac", "ni", "nic", "ui", "mhic"];

/// "Ó Dálaigh" / "Ní Dhálaigh", "Mac Conmara" / "Nic Conmara": the forms of one Irish or
/// Scottish Gaelic surname for a man and for a woman, its particle changed and its first
/// consonant softened (lenited: an h after it) or not. Two people, typically relatives, like
/// Wiśniewski / Wiśniewska; the same particle with and without its fada (Ní / Ni) is still
/// one name.
fn is_gaelic_gendered_pair(a: &str, b: &str) -> bool {
    let split = |text: &str| -> Option<(String, String)> {
        let (particle, rest) = text.split_once([' ', '\u{a0}'])?;
        let particle = fold(particle);
        GAELIC_GENDERED_PARTICLES
            .contains(&particle.as_str())
            .then(|| (particle, unlenited(&loose_form(rest))))
    };
    match (split(a), split(b)) {
        (Some((particle_a, rest_a)), Some((particle_b, rest_b))) => {
            particle_a != particle_b && rest_a == rest_b && !rest_a.is_empty()
        }
        _ => false,
    }
}

/// A loose Gaelic surname without the h of lenition after its first consonant: "bhriain"
/// → "briain", "dhalaigh" → "dalaigh".
fn unlenited(loose: &str) -> String {
    let mut chars = loose.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(first), Some('h')) if !is_vowel(first) && first != 'h' => {
            chars.next();
            std::iter::once(first).chain(chars).collect()
        }
        _ => loose.to_string(),
    }
}

/// "A-level" / "A-levels", "Oscar" / "Oscars", "Williams" / "William": two loose forms of
/// which the longer is the shorter with a plural ending (-s, -es). A plural is another
/// word form, and a name that ends in an s beside one that does not is another name (the
/// patronymic Williams, Edwards, Roberts), never a letter slipped.
fn is_plural(shorter: &str, longer: &str) -> bool {
    longer
        .strip_prefix(shorter)
        .is_some_and(|suffix| matches!(suffix, "s" | "es"))
        && shorter.chars().count() >= 2
}

/// A month or a day of the week ("July", "May", "Monday"): a word of the calendar, not a
/// name one letter away from it ("Juul" / "July").
fn is_calendar_word(text: &str) -> bool {
    class::MONTHS.contains(text) || class::WEEKDAYS.contains(text)
}

/// "Israel" / "Israeli", "Kenya" / "Kenyan", "Qatar" / "Qatari", "South Dakota" / "South
/// Dakotans": a word and its derivative, or the derivative's plural. The word (the last of
/// a place's words) is a dictionary word or proper noun.
fn is_derivation(shorter_text: &str, shorter: &str, longer: &str) -> bool {
    let Some(suffix) = longer.strip_prefix(shorter) else {
        return false;
    };
    let derivative = |suffix: &str| matches!(suffix, "i" | "n" | "an" | "ian" | "ese" | "ish" | "ite" | "ic");
    let word = shorter_text
        .rsplit([' ', '\u{a0}'])
        .next()
        .unwrap_or(shorter_text);
    (derivative(suffix) || matches!(suffix, "s" | "es") || suffix.strip_suffix('s').is_some_and(derivative))
        && (is_proper_noun(word) || is_common_word(word))
}

/// How `variant` differs from `canonical`, or `None` when they are not the same name.
fn difference(canonical: &Spelling, variant: &Spelling) -> Option<Difference> {
    if canonical.written == variant.written {
        return None;
    }
    if canonical.loose == variant.loose {
        if canonical.written.to_lowercase() == variant.written.to_lowercase() {
            // Case only; whether a capital particle is a slip depends on where it stands,
            // judged mention by mention (see `is_conventional_capital`).
            return Some(Difference::Case);
        }
        if is_common_word(&canonical.text) && is_common_word(&variant.text) {
            return None;
        }
        return Some(Difference::Marks);
    }
    if is_common_word(&canonical.text) || is_common_word(&variant.text) {
        return None;
    }
    if is_calendar_word(&canonical.text) || is_calendar_word(&variant.text) {
        return None;
    }
    let length = canonical.loose.chars().count().min(variant.loose.chars().count());
    let (shorter, longer, shorter_text) = if canonical.loose.len() <= variant.loose.len() {
        (&canonical.loose, &variant.loose, &canonical.text)
    } else {
        (&variant.loose, &canonical.loose, &variant.text)
    };
    if is_plural(shorter, longer)
        || is_derivation(shorter_text, shorter, longer)
        || is_gendered_pair(&canonical.loose, &variant.loose)
        || is_gendered_pair(&canonical.phonetic, &variant.phonetic)
        || is_gaelic_gendered_pair(&canonical.text, &variant.text)
        || ((canonical.given && variant.given)
            || (is_proper_noun(&canonical.text) && is_proper_noun(&variant.text)))
            && is_gendered_given_pair(&canonical.loose, &variant.loose)
    {
        return None;
    }
    if is_contraction(shorter, longer) {
        // Whether the rest of the name agrees is `choose_canonicals`' question.
        return Some(Difference::Contraction);
    }
    let kind = if canonical.phonetic == variant.phonetic {
        // Yoon / Yun, Huang / Hwang: a transliteration, even in a short name.
        if length < 3 {
            return None;
        }
        Difference::Transliteration
    } else {
        let same_consonants =
            consonant_skeleton(&canonical.phonetic) == consonant_skeleton(&variant.phonetic);
        let same_first_letter = canonical.loose.chars().next() == variant.loose.chars().next();
        match edit_distance(&canonical.phonetic, &variant.phonetic, 2) {
            1 if length >= 5 => Difference::OneLetter,
            // Choi / Choe: in a four-letter name only a vowel may differ.
            1 if length == 4 && same_consonants => Difference::Transliteration,
            // Two slips in a long name keep its first letter and survive without the
            // transliteration folding (which can bring unrelated names together).
            2 if length >= 7
                && same_first_letter
                && edit_distance(&canonical.loose, &variant.loose, 2) <= 2 =>
            {
                Difference::TwoLetters
            }
            // Two vowels transliterated differently in a long name, its consonants kept
            // (Muhammad / Mohamed, Sulayman / Sulaiman).
            2 if length >= 6
                && same_first_letter
                && same_consonants
                && canonical.phonetic.chars().count() == variant.phonetic.chars().count() =>
            {
                Difference::TwoLetters
            }
            _ => return None,
        }
    };
    // Two established names (Austria / Australia, Johnson / Johnston) differ on purpose,
    // unless only their vowels differ (Mohammed / Mohammad).
    if is_proper_noun(&canonical.text)
        && is_proper_noun(&variant.text)
        && kind != Difference::Transliteration
        && consonant_skeleton(&canonical.phonetic) != consonant_skeleton(&variant.phonetic)
    {
        return None;
    }
    Some(kind)
}

/// Dutch name particles, capitalised when the surname stands alone.
const DUTCH_PARTICLES: &[&str] = &["van", "de", "der", "den", "ter", "ten", "te", "het", "'t"];

/// Is this capitalisation difference a convention rather than a slip? A capital at the
/// start of a sentence or after a quote is sentence case ("Van der Linden said", `"…,"
/// Ter Horst said`, "El-Sisi's government"); a Dutch particle is lower case after a given
/// name and capitalised when the surname stands alone ("Annelies ter Horst", "Ter Horst
/// said"). Elsewhere a particle's case is a slip ("Mr Ap Rhys" beside "Mr ap Rhys").
fn is_conventional_capital(
    canonical: &str,
    variant: &str,
    spaced_particle: bool,
    occurrence: &Occurrence,
) -> bool {
    if !first_letter_only_case(canonical, variant) {
        return false;
    }
    let variant_capital = variant.chars().next().is_some_and(char::is_uppercase);
    if variant_capital && occurrence.sentence_initial {
        return true;
    }
    if spaced_particle {
        let particle = variant.split(' ').next().unwrap_or("");
        if DUTCH_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(particle)) {
            return variant_capital == occurrence.standalone;
        }
    }
    false
}

fn first_letter_only_case(a: &str, b: &str) -> bool {
    let mut a_chars = a.chars();
    let mut b_chars = b.chars();
    let first_differs = match (a_chars.next(), b_chars.next()) {
        (Some(x), Some(y)) => x != y && x.to_lowercase().eq(y.to_lowercase()),
        _ => false,
    };
    first_differs && a_chars.as_str() == b_chars.as_str()
}

/// Whether the two spellings belong to different people, judged from the given names
/// used with them and from how often each is used.
fn different_people(canonical: &Spelling, variant: &Spelling, kind: Difference) -> bool {
    // A place ("grew up in Kelso") and a person ("Rory Kelsoe said") are two
    // things, however alike they are written.
    if canonical.place != variant.place
        && (if canonical.place {
            variant.person_cue
        } else {
            canonical.person_cue
        })
    {
        return true;
    }
    // Particles and spaces in a surname are a family's own convention: "Andrés de los
    // Santos" and "Teodoro Delos Santos", "Pieter van Dijk" and "Joost Van Dijk" are two people when the
    // given names used with each spelling, capitalised either way, are all different.
    // A spelling used with no given name ("Delos Santos said") is still a slip.
    // (Spellings that differ only in case pool their given names for the spacing test;
    // for a difference of case itself each spelling's own given names are compared.)
    let given_names = match kind {
        Difference::Case if canonical.spaced_particle || variant.spaced_particle => {
            Some((&canonical.partners, &variant.partners))
        }
        Difference::Marks if only_spacing_differs(&canonical.text, &variant.text) => {
            Some((&canonical.family_partners, &variant.family_partners))
        }
        _ => None,
    };
    if let Some((canonical_given, variant_given)) = given_names
        && !canonical_given.is_empty()
        && !variant_given.is_empty()
        && !canonical_given.iter().any(|p| variant_given.contains(p))
    {
        return true;
    }
    if kind.is_mechanical() {
        return false;
    }
    if canonical.partners.is_empty() || variant.partners.is_empty() {
        return false;
    }
    let shared = canonical.partners.iter().any(|p| variant.partners.contains(p));
    if !shared {
        return true;
    }
    if canonical.known {
        // A house spelling settles the question.
        return false;
    }
    // The same given name with two surnames that differ by a letter or two ("Ewa
    // Nowacka" and "Ewa Nowicka"), each introduced in full: two people. A regular
    // transliteration difference with the same given name ("Volodymyr Zelenskyy" and
    // "Volodymyr Zelensky") is one person, unless each spelling is introduced and then
    // used again ("Lena Hoffmann" and "Lena Hofmann").
    let both_established = canonical.count() >= 2 && variant.occurrences.len() >= 2;
    // A given name whose vowels alone differ, before the same other name words (Husain
    // Iqbal / Hussein Iqbal, Yusuf / Yousef), is one name transliterated two ways, as a
    // four-letter one is (Lena / Lina): a description with it ("Hussein Iqbal, whose
    // mother…") tells more about the same person.
    let given_name_vowels = canonical.given
        && variant.given
        && consonant_skeleton(&canonical.phonetic) == consonant_skeleton(&variant.phonetic);
    match kind {
        // A second person is introduced ("Deputy Mayor Mykola Hrytsai"), not a name
        // mistyped on a later reference ("Wanjiru Kamua told the rally").
        Difference::OneLetter | Difference::TwoLetters if !given_name_vowels => {
            variant.introduced_full || both_established
        }
        _ => both_established,
    }
}

/// The two spellings differ only in where spaces and hyphens fall ("de los Santos" /
/// "Delos Santos", "Roy Chowdhury" / "Roychowdhury"), case aside.
fn only_spacing_differs(a: &str, b: &str) -> bool {
    let joined = |text: &str| -> String {
        fold(text)
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
            .collect()
    };
    fold(a) != fold(b) && joined(a) == joined(b)
}

/// Builds the story's spellings from the drafts' name mentions and the house names.
fn collect_spellings(ctx: &Ctx<'_>) -> Vec<Spelling> {
    let mut spellings: Vec<Spelling> = Vec::new();
    let mut by_text: FxHashMap<String, usize> = FxHashMap::default();
    let mut seen = 0usize;

    let mut add = |text: &str,
                   occurrence: Option<Occurrence>,
                   partners: Vec<u64>,
                   (person_cue, introduced_full, given): (bool, bool, bool),
                   spaced_particle: bool,
                   known: bool,
                   spellings: &mut Vec<Spelling>| {
        let written = written_form(text);
        let existing = by_text.get(written.as_ref()).copied();
        let index = existing.unwrap_or_else(|| {
            by_text.insert(written.to_string(), spellings.len());
            let loose = loose_form(text);
            spellings.push(Spelling {
                text: text.nfc().collect(),
                written: written.to_string(),
                phonetic: phonetic_form(&loose),
                loose,
                occurrences: Vec::new(),
                partners: Vec::new(),
                family_partners: Vec::new(),
                place: occurrence.as_ref().is_some_and(|o| o.place),
                person_cue: false,
                introduced_full: false,
                spaced_particle,
                given: false,
                known: false,
                first_seen: seen,
            });
            seen += 1;
            spellings.len() - 1
        });
        let spelling = &mut spellings[index];
        if let Some(occurrence) = occurrence {
            spelling.place &= occurrence.place;
            spelling.occurrences.push(occurrence);
        } else {
            spelling.place = false;
        }
        for partner in partners {
            if !spelling.partners.contains(&partner) {
                spelling.partners.push(partner);
            }
        }
        spelling.person_cue |= person_cue;
        spelling.introduced_full |= introduced_full;
        spelling.given |= given;
        spelling.known |= known;
    };

    for known in &ctx.config.known_names {
        let words: Vec<&str> = known.split_whitespace().collect();
        for (text, partners, spaced) in units_of_words(&words) {
            add(
                &text,
                None,
                partners,
                (true, false, false),
                spaced,
                true,
                &mut spellings,
            );
        }
    }

    // Hyphenated names ("Nwosu-Bello", "Anne-Sophie") and names written as one word
    // ("Roychowdhury", "MacDonald"), so that the same words written apart ("Nwosu Bello", "Roy
    // Chowdhury", "Mac Donald") are read as one unit and compared with them.
    let mut compounds: FxHashSet<u64> = FxHashSet::default();
    for known in &ctx.config.known_names {
        for word in known
            .split_whitespace()
            .filter(|w| w.contains('-') || (w.chars().count() >= 5 && !is_common_word(w)))
        {
            compounds.insert(loose_hash(word));
        }
    }
    for draft in ctx.drafts {
        let source = draft.parsed.source;
        for mention in draft.mentions() {
            for part in mention.name_parts() {
                let text = &source[part.span.clone()];
                if text.contains(['-', '‐']) || (text.chars().count() >= 5 && !is_common_word(text)) {
                    compounds.insert(loose_hash(text));
                }
            }
        }
    }

    for (draft_index, draft) in ctx.drafts.iter().enumerate() {
        let source = draft.parsed.source;
        // An organisation named after a person or family ("Al Harthy Transport", "Haugen
        // Bank") writes the name its own way; it is not a mention of the person.
        for mention in draft.mentions().iter().filter(|m| !m.organisation) {
            for unit in units_of_mention(mention, source, &compounds) {
                let occurrence = Occurrence {
                    draft: draft_index,
                    span: unit.span.clone(),
                    sentence_initial: unit.at_mention_start
                        && (mention.sentence_initial || mention.after_quote),
                    standalone: unit.at_mention_start,
                    place: mention.place.is_some(),
                };
                let person = mention.person_cue;
                let introduced_full = mention.introduced && !unit.partners.is_empty();
                add(
                    &source[unit.span.clone()],
                    Some(occurrence),
                    unit.partners,
                    (person, introduced_full, unit.given),
                    unit.spaced_particle,
                    false,
                    &mut spellings,
                );
            }
        }
    }
    let mut by_case: FxHashMap<String, Vec<u64>> = FxHashMap::default();
    for spelling in &spellings {
        let family = by_case.entry(spelling.written.to_lowercase()).or_default();
        for partner in &spelling.partners {
            if !family.contains(partner) {
                family.push(*partner);
            }
        }
    }
    for spelling in &mut spellings {
        spelling.family_partners = by_case[&spelling.written.to_lowercase()].clone();
    }
    spellings
}

struct Unit {
    span: Range<usize>,
    /// Loose hashes of the other name words of the mention (its given name).
    partners: Vec<u64>,
    spaced_particle: bool,
    at_mention_start: bool,
    /// Another unit follows it in the mention: a given name.
    given: bool,
}

/// The units of a mention: each name word with the particles before it, and two name
/// words written apart that the story also writes hyphenated or as one word ("Nwosu
/// Bello", "Roy Chowdhury"). A place is one unit, its place-type word included ("Fort
/// Worth"): it is compared with places, not with the people it resembles.
fn units_of_mention(mention: &NameMention, source: &str, compounds: &FxHashSet<u64>) -> Vec<Unit> {
    if let Some(place) = &mention.place {
        return vec![Unit {
            span: place.clone(),
            partners: Vec::new(),
            spaced_particle: false,
            at_mention_start: true,
            given: false,
        }];
    }
    let mut units = Vec::new();
    // The name words that can tell people apart, as loose hashes (ordinary words such as
    // "Rose" in "Rose Hanlon" are kept out: they are too often titles or roles).
    let name_words: Vec<(usize, u64)> = mention
        .parts
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.particle && !p.initial && !is_common_word(&source[p.span.clone()]))
        .map(|(i, p)| (i, loose_hash(&source[p.span.clone()])))
        .collect();
    let partners_without = |skip: &[usize]| -> Vec<u64> {
        name_words
            .iter()
            .filter(|(i, _)| !skip.contains(i))
            .map(|(_, hash)| *hash)
            .collect()
    };
    let mut unit_start: Option<usize> = None;
    let mut merged_into_previous = false;
    // "Sen Sharma" where the story has "Sensharma": the word read as a title ("Sen", for
    // senator) is the first half of the surname.
    if let (Some(title), Some(first)) = (&mention.title_word, mention.parts.first())
        && !first.particle
        && !first.initial
        && source
            .get(title.end..first.span.start)
            .is_some_and(|gap| gap == " ")
        && compounds.contains(&loose_hash(&source[title.start..first.span.end]))
    {
        units.push(Unit {
            span: title.start..first.span.end,
            partners: partners_without(&[0]),
            spaced_particle: false,
            at_mention_start: true,
            given: false,
        });
        merged_into_previous = true;
    }
    for (index, part) in mention.parts.iter().enumerate() {
        if merged_into_previous {
            merged_into_previous = false;
            continue;
        }
        if part.initial {
            unit_start = None;
            continue;
        }
        if part.particle {
            unit_start.get_or_insert(index);
            continue;
        }
        let start_index = unit_start.take().unwrap_or(index);
        // "Nwosu Bello" where the story has "Nwosu-Bello", "Roy Chowdhury" where it has
        // "Roychowdhury": one unit of two words.
        if let Some(next) = mention.parts.get(index + 1).filter(|n| !n.particle && !n.initial) {
            let joined = &source[part.span.start..next.span.end];
            if !compounds.is_empty()
                && !joined.contains(['-', '‐'])
                && compounds.contains(&loose_hash(joined))
            {
                units.push(Unit {
                    span: mention.parts[start_index].span.start..next.span.end,
                    partners: partners_without(&[index, index + 1]),
                    spaced_particle: start_index != index,
                    at_mention_start: start_index == 0,
                    given: false,
                });
                merged_into_previous = true;
                continue;
            }
        }
        units.push(Unit {
            span: mention.parts[start_index].span.start..part.span.end,
            partners: partners_without(&[index]),
            spaced_particle: start_index != index,
            at_mention_start: start_index == 0,
            given: false,
        });
    }
    let last = units.len().saturating_sub(1);
    for unit in &mut units[..last] {
        unit.given = true;
    }
    units
}

/// The units of a house name from the configuration.
fn units_of_words(words: &[&str]) -> Vec<(String, Vec<u64>, bool)> {
    let is_particle = |word: &str| PARTICLES.contains(word);
    let name_words: Vec<(usize, u64)> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| !(is_particle(w) && *i + 1 < words.len()))
        .map(|(i, w)| (i, loose_hash(w)))
        .collect();
    let mut units = Vec::new();
    let mut start: Option<usize> = None;
    for (index, word) in words.iter().enumerate() {
        if is_particle(word) && index + 1 < words.len() {
            start.get_or_insert(index);
            continue;
        }
        let first = start.take().unwrap_or(index);
        let partners = name_words
            .iter()
            .filter(|(i, _)| *i != index)
            .map(|(_, w)| *w)
            .collect();
        units.push((words[first..=index].join(" "), partners, first != index));
    }
    units
}

/// A hash of the loose form of `text` (see `loose_form`), computed without allocating.
fn loose_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    fold_each(text, |character| {
        if !matches!(character, '-' | '\'' | ' ' | '.' | '\u{a0}') {
            hasher.write_u32(character as u32);
        }
    });
    hasher.finish()
}

/// Pairs of spellings looked at per story: this many, plus `PAIR_BUDGET_PER_SPELLING` for
/// each spelling. A story of real copy compares a few hundred pairs; a draft made of
/// thousands of variants of a few names (a hostile input) stops comparing there, so the
/// rule stays linear in the draft's size. Pairs in the most specific groups (the fewest
/// spellings sharing a key) are compared first.
const PAIR_BUDGET_BASE: usize = 100_000;
const PAIR_BUDGET_PER_SPELLING: usize = 8;

/// The longest phonetic form `edit_distance` compares (see its `MAX`).
const LONGEST_COMPARED: usize = 48;

/// The keys under which a spelling is filed for the edit-distance pass: its phonetic form
/// with up to `depth` letters deleted (a symmetric deletion neighbourhood). Two forms
/// within `k` edits (insertions, deletions, substitutions or transpositions of adjacent
/// letters) share a key with at most `k` letters deleted from each, so comparing only the
/// spellings that share a key finds every pair `edit_distance` would accept.
fn deletion_keys(phonetic: &[char], depth: usize, keys: &mut Vec<u64>) {
    use std::hash::Hasher;
    let hash_without = |skip: &[usize]| {
        let mut hasher = rustc_hash::FxHasher::default();
        for (index, &character) in phonetic.iter().enumerate() {
            if !skip.contains(&index) {
                hasher.write_u32(character as u32);
            }
        }
        hasher.write_usize(phonetic.len() - skip.len());
        hasher.finish()
    };
    let start = keys.len();
    keys.push(hash_without(&[]));
    if depth >= 1 {
        for first in 0..phonetic.len() {
            keys.push(hash_without(&[first]));
            if depth >= 2 {
                for second in first + 1..phonetic.len() {
                    keys.push(hash_without(&[first, second]));
                }
            }
        }
    }
    let own = &mut keys[start..];
    own.sort_unstable();
    let unique = {
        let mut write = 0;
        for read in 0..own.len() {
            if read == 0 || own[read] != own[write - 1] {
                own[write] = own[read];
                write += 1;
            }
        }
        write
    };
    keys.truncate(start + unique);
}

/// The spellings each spelling might be a variant of, found without comparing every pair:
/// spellings that share a loose form (case, marks) or a phonetic form (transliteration),
/// and, for a letter or two of difference, pairs with at least one side used for a person,
/// used with another name word or hyphenated (the only typos the rule flags, see
/// `same_name_evidence`) or a short name (Choi / Choe), found through their deletion
/// keys (see `deletion_keys`) and filtered by the letters they contain before the edit
/// distance is computed. Pairs `difference` cannot accept (one letter apart in a name of
/// fewer than four letters, two in one of fewer than six) are not looked for. Everything
/// within the story's pair budget (see `PAIR_BUDGET_BASE`).
fn candidate_pairs(spellings: &[Spelling]) -> Vec<Vec<usize>> {
    let mut candidates: Vec<Vec<usize>> = vec![Vec::new(); spellings.len()];
    let mut budget = PAIR_BUDGET_BASE + PAIR_BUDGET_PER_SPELLING * spellings.len();
    let hash = |text: &str| {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        text.hash(&mut hasher);
        hasher.finish()
    };
    // Groups of spellings filed under one key, smallest first (ties in key order).
    let groups_of = |mut filed: Vec<(u64, usize)>| -> Vec<Vec<usize>> {
        filed.sort_unstable();
        let mut groups: Vec<Vec<usize>> = filed
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|g| g.len() > 1)
            .map(|g| g.iter().map(|&(_, index)| index).collect())
            .collect();
        groups.sort_by_key(Vec::len);
        groups
    };
    let mut filed: Vec<(u64, usize)> = Vec::with_capacity(spellings.len() * 2);
    for (index, spelling) in spellings.iter().enumerate() {
        filed.push((hash(&spelling.loose), index));
        filed.push((hash(&spelling.phonetic) ^ 0x9e37_79b9_7f4a_7c15, index));
    }
    'same: for group in groups_of(filed) {
        for (position, &a) in group.iter().enumerate() {
            for &b in &group[position + 1..] {
                if budget == 0 {
                    break 'same;
                }
                budget -= 1;
                if a != b {
                    candidates[a].push(b);
                    candidates[b].push(a);
                }
            }
        }
    }
    // A letter signature: one bit per letter (mod 64). Two spellings within two edits
    // differ in at most four bits.
    let signature = |text: &str| text.chars().fold(0u64, |bits, c| bits | 1 << (c as u32 % 64));
    struct Name {
        bits: u64,
        length: usize,
        /// At least one side of a pair must be one (see above).
        probe: bool,
    }
    let mut names: FxHashMap<usize, Name> = FxHashMap::default();
    let mut filed: Vec<(u64, usize)> = Vec::new();
    let mut keys: Vec<u64> = Vec::new();
    for (index, spelling) in spellings.iter().enumerate() {
        if is_common_word(&spelling.text) {
            continue;
        }
        let phonetic: Vec<char> = spelling.phonetic.chars().collect();
        // `difference` takes one edit in a name of four letters or more, two in one of six
        // or more (counted in the loose form).
        let depth = match spelling.loose.chars().count() {
            0..=3 => continue,
            4 | 5 => 1,
            _ => 2,
        };
        if phonetic.len() > LONGEST_COMPARED {
            continue;
        }
        let evidence_possible = !spelling.partners.is_empty() || spelling.written.contains('-');
        names.insert(
            index,
            Name {
                bits: signature(&spelling.phonetic),
                length: phonetic.len(),
                probe: spelling.person_cue || spelling.known || phonetic.len() == 4 || evidence_possible,
            },
        );
        keys.clear();
        deletion_keys(&phonetic, depth, &mut keys);
        filed.extend(keys.iter().map(|&key| (key, index)));
    }
    let mut compared: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    'near: for group in groups_of(filed) {
        for (position, &a) in group.iter().enumerate() {
            for &b in &group[position + 1..] {
                if budget == 0 {
                    break 'near;
                }
                budget -= 1;
                let (first, second) = (&names[&a], &names[&b]);
                if !(first.probe || second.probe)
                    || first.length.abs_diff(second.length) > 2
                    || (first.bits ^ second.bits).count_ones() > 4
                    || !compared.insert((a.min(b), a.max(b)))
                {
                    continue;
                }
                if edit_distance(&spellings[a].phonetic, &spellings[b].phonetic, 2) <= 2 {
                    candidates[a].push(b);
                    candidates[b].push(a);
                }
            }
        }
    }
    // Contractions (Wm / William), only among spellings used with two other name words,
    // which share their first and last letters.
    let mut filed: Vec<(u64, usize)> = (0..spellings.len())
        .filter(|&i| spellings[i].partners.len() >= 2)
        .map(|i| {
            let loose = &spellings[i].loose;
            let ends = (loose.chars().next(), loose.chars().last());
            let key = ends.0.map_or(0, |c| c as u64) << 32 | ends.1.map_or(0, |c| c as u64);
            (key, i)
        })
        .collect();
    filed.sort_unstable();
    'contractions: for group in filed.chunk_by(|a, b| a.0 == b.0) {
        for &(_, short) in group {
            if spellings[short].loose.chars().count() > 4 {
                continue;
            }
            for &(_, long) in group {
                if budget == 0 {
                    break 'contractions;
                }
                budget -= 1;
                if is_contraction(&spellings[short].loose, &spellings[long].loose) {
                    candidates[short].push(long);
                    candidates[long].push(short);
                }
            }
        }
    }
    for list in &mut candidates {
        list.sort_unstable();
        list.dedup();
    }
    candidates
}

/// Evidence that two spellings a letter or two apart name the same thing, whoever it is:
/// they are used with the same other name word (Mohammed Salah / Mohammad Salah,
/// Christopher Bartholomew / Christopher Bartholemew), or they are hyphenated names whose
/// parts are the same but one (Ocasio-Cortez / Ocasio-Cortex). Whether the other name
/// word makes them two people is `different_people`'s question.
fn same_name_evidence(a: &Spelling, b: &Spelling) -> bool {
    if a.partners.iter().any(|partner| b.partners.contains(partner)) {
        return true;
    }
    let a_parts: Vec<&str> = a.written.split('-').collect();
    let b_parts: Vec<&str> = b.written.split('-').collect();
    if a_parts.len() < 2 || a_parts.len() != b_parts.len() {
        return false;
    }
    let differing: Vec<(&str, &str)> = a_parts
        .iter()
        .zip(&b_parts)
        .filter(|(x, y)| fold(x) != fold(y))
        .map(|(x, y)| (*x, *y))
        .collect();
    // Two established names in the differing part (Jean-Luc / Jean-Lou) are two names.
    matches!(differing.as_slice(), [(x, y)] if !(is_proper_noun(x) && is_proper_noun(y)))
}

/// Chooses, for each spelling, the canonical spelling it is a variant of.
fn choose_canonicals(spellings: &[Spelling]) -> Vec<Option<(usize, Difference)>> {
    let mut canonical: Vec<Option<(usize, Difference)>> = vec![None; spellings.len()];
    let ranks_before = |a: &Spelling, b: &Spelling| {
        a.count() > b.count() || (a.count() == b.count() && a.first_seen < b.first_seen)
    };
    let candidates = candidate_pairs(spellings);
    for (variant_index, variant) in spellings.iter().enumerate() {
        if variant.known || variant.occurrences.is_empty() {
            continue;
        }
        let mut best: Option<(usize, Difference)> = None;
        for &candidate_index in &candidates[variant_index] {
            let candidate = &spellings[candidate_index];
            if !ranks_before(candidate, variant) {
                continue;
            }
            if candidate.loose.len().abs_diff(variant.loose.len()) > 4
                && !is_contraction(&variant.loose, &candidate.loose)
            {
                continue;
            }
            let Some(kind) = difference(candidate, variant) else {
                continue;
            };
            if kind.is_typo()
                && !(candidate.person_cue || variant.person_cue || same_name_evidence(candidate, variant))
            {
                continue;
            }
            // A contraction is taken for the name only beside the same two other name
            // words ("Wm Ashby Cardona", "William Ashby Cardona"): short forms such as "Ed" or
            // "Del" are names of their own.
            if kind == Difference::Contraction && shared_partners(candidate, variant) < 2 {
                continue;
            }
            if different_people(candidate, variant, kind) {
                continue;
            }
            let better = match best {
                None => true,
                Some((current, current_kind)) => {
                    let current_spelling = &spellings[current];
                    (candidate.known, std::cmp::Reverse(kind), candidate.count())
                        > (
                            current_spelling.known,
                            std::cmp::Reverse(current_kind),
                            current_spelling.count(),
                        )
                }
            };
            if better {
                best = Some((candidate_index, kind));
            }
        }
        canonical[variant_index] = best;
    }
    // Follow chains (Zelenskiy → Zelensky → Zelenskyy) to the top spelling when that is
    // a variant of this spelling too.
    let mut resolved = canonical.clone();
    for (index, target) in canonical.iter().enumerate() {
        let Some((mut top, _)) = *target else {
            continue;
        };
        for _ in 0..8 {
            match canonical[top] {
                Some((next, _)) if next != index => top = next,
                _ => break,
            }
        }
        // A spelling that is only a variant of another variant is not flagged: the
        // story's canonical spelling must be a variant of it too.
        resolved[index] = difference(&spellings[top], &spellings[index])
            .filter(|kind| !different_people(&spellings[top], &spellings[index], *kind))
            .map(|kind| (top, kind));
    }
    resolved
}

/// Each spelling the rule reads as a variant, with its canonical spelling: the pairs
/// behind its findings, before inline suppressions apply. The story style sheet groups
/// names with it.
pub fn variant_spellings(ctx: &Ctx<'_>) -> Vec<(String, String)> {
    let spellings = collect_spellings(ctx);
    choose_canonicals(&spellings)
        .into_iter()
        .enumerate()
        .filter_map(|(index, target)| {
            target.map(|(canonical, _)| (spellings[index].text.clone(), spellings[canonical].text.clone()))
        })
        .collect()
}

/// The `name-consistency` rule: it compares the drafts of a story, so it checks the story whole.
pub struct NameConsistency;

impl Rule for NameConsistency {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A name spelled differently from its other mentions in the story."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Always
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Findings<'_>) {
        check_story(ctx, out);
    }
}

fn check_story(ctx: &Ctx<'_>, out: &mut Findings<'_>) {
    let spellings = collect_spellings(ctx);
    let canonicals = choose_canonicals(&spellings);

    // The variants of each canonical spelling, in order of the canonical's first use.
    let mut groups: Vec<(usize, Vec<(usize, Difference)>)> = Vec::new();
    let mut group_of: FxHashMap<usize, usize> = FxHashMap::default();
    for (variant_index, target) in canonicals.iter().enumerate() {
        let Some((canonical_index, kind)) = *target else {
            continue;
        };
        let group = *group_of.entry(canonical_index).or_insert_with(|| {
            groups.push((canonical_index, Vec::new()));
            groups.len() - 1
        });
        groups[group].1.push((variant_index, kind));
    }
    for (canonical_index, variants) in &groups {
        report_group(&spellings, *canonical_index, variants, out);
    }
    check_abbreviations(ctx, out);
}

/// The findings for the variants of one canonical spelling. Each finding offers to
/// replace its own mention; the story-wide fix ("use X everywhere") is built once for the
/// canonical spelling and carried by the first finding in each draft, so that a draft full
/// of variants holds one copy of it, not one per finding (memory stays linear in the
/// number of mentions).
fn report_group(
    spellings: &[Spelling],
    canonical_index: usize,
    variants: &[(usize, Difference)],
    out: &mut Findings<'_>,
) {
    let canonical = &spellings[canonical_index];
    let how_often = if canonical.known {
        "the house spelling".to_string()
    } else {
        let count = canonical.occurrences.len();
        format!(
            "used {count} time{} in this story",
            if count == 1 { "" } else { "s" }
        )
    };
    let mut findings: Vec<Finding> = Vec::new();
    for &(variant_index, kind) in variants {
        let variant = &spellings[variant_index];
        for occurrence in &variant.occurrences {
            if kind == Difference::Case
                && is_conventional_capital(
                    &canonical.written, &variant.written, variant.spaced_particle, occurrence,
                )
            {
                continue;
            }
            let message = format!(
                "‘{}’ is spelled ‘{}’ elsewhere ({how_often}): {}.",
                one_line(&variant.text),
                canonical.text,
                kind.describe()
            );
            // Which mentions are one name is a heuristic's call: the respelling is unsafe.
            let mut finding = Finding::new(RULE, occurrence.draft, occurrence.span.clone(), message)
                .with_fix(Fix::replace(
                    format!("Replace with ‘{}’", canonical.text),
                    occurrence.draft,
                    occurrence.span.clone(),
                    canonical.text.clone(),
                    Applicability::Unsafe,
                ));
            if let Some(first) = canonical.occurrences.first() {
                finding = finding.with_related(
                    first.draft,
                    first.span.clone(),
                    format!("canonical spelling ‘{}’", canonical.text),
                );
            }
            findings.push(finding);
        }
    }
    // Every occurrence of every spelling that maps to this canonical, for the story-wide
    // fix.
    let story_edits: Vec<Edit> = variants
        .iter()
        .flat_map(|&(index, _)| spellings[index].occurrences.iter())
        .map(|o| Edit {
            draft: o.draft,
            span: o.span.clone(),
            new_text: canonical.text.clone(),
        })
        .collect();
    if story_edits.len() > 1 {
        let mut first_in_draft: FxHashMap<usize, usize> = FxHashMap::default();
        for (index, finding) in findings.iter().enumerate() {
            let entry = first_in_draft.entry(finding.draft).or_insert(index);
            if finding.span.start < findings[*entry].span.start {
                *entry = index;
            }
        }
        let mut carriers: Vec<usize> = first_in_draft.into_values().collect();
        carriers.sort_unstable();
        for index in carriers {
            let fix = Fix {
                title: format!("Use ‘{}’ everywhere in this story", canonical.text),
                edits: story_edits.clone(),
                applicability: Applicability::Unsafe,
            };
            findings[index].fixes.push(fix);
        }
    }
    out.extend(findings);
}

/// U.S. / US, U.N. / UN: an abbreviation written with and without periods.
fn check_abbreviations(ctx: &Ctx<'_>, out: &mut Findings<'_>) {
    struct Form {
        text: String,
        occurrences: Vec<(usize, Range<usize>)>,
        first_seen: usize,
    }
    let mut forms: FxHashMap<String, Vec<Form>> = FxHashMap::default();
    let mut seen = 0;
    for (draft_index, draft) in ctx.drafts.iter().enumerate() {
        let parsed = &draft.parsed;
        for block in &parsed.blocks {
            for index in block.tokens.clone() {
                let token = parsed.tokens[index];
                let text = token.text(&parsed.copy);
                // "NY" in "NY.gov" is part of a domain, not the abbreviation written
                // another way.
                if in_address(&parsed.copy, token.span()) {
                    continue;
                }
                let key: String = match token.kind {
                    TokenKind::Abbrev
                        if text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) =>
                    {
                        text.chars().filter(|c| c.is_alphabetic()).collect()
                    }
                    TokenKind::Word
                        if (2..=5).contains(&text.len()) && text.chars().all(|c| c.is_ascii_uppercase()) =>
                    {
                        // Skip ALL-CAPS runs (headlines, datelines): a neighbour in capitals.
                        let neighbour_caps = |i: Option<usize>| {
                            i.filter(|i| block.tokens.contains(i)).is_some_and(|i| {
                                let t = parsed.tokens[i];
                                t.kind == TokenKind::Word
                                    && t.text(&parsed.copy).chars().count() > 1
                                    && t.text(&parsed.copy).chars().all(|c| !c.is_lowercase())
                            })
                        };
                        if neighbour_caps(index.checked_sub(1)) || neighbour_caps(Some(index + 1)) {
                            continue;
                        }
                        text.to_string()
                    }
                    _ => continue,
                };
                if key.len() < 2 {
                    continue;
                }
                let list = forms.entry(key).or_default();
                match list.iter_mut().find(|f| f.text == text) {
                    Some(form) => form.occurrences.push((draft_index, token.span())),
                    None => {
                        list.push(Form {
                            text: text.to_string(),
                            occurrences: vec![(draft_index, token.span())],
                            first_seen: seen,
                        });
                        seen += 1;
                    }
                }
            }
        }
    }
    // House-spelling owns the pairs in its table (U.S. / US, U.N. / UN) when it is on and a
    // house form is set for them, so a draft gets one finding, with the house preference.
    let house_spelling_on = super::rule("house-spelling")
        .is_some_and(|rule| matches!(ctx.config.rule_level(rule), crate::config::RuleLevel::On(_)));
    let mut keys: Vec<&String> = forms.keys().collect();
    keys.sort();
    for key in keys {
        if house_spelling_on && super::house_spelling::owns_abbreviation(ctx, key) {
            continue;
        }
        let list = &forms[key];
        if list.len() < 2 {
            continue;
        }
        let Some(canonical) = list.iter().max_by(|a, b| {
            a.occurrences
                .len()
                .cmp(&b.occurrences.len())
                .then(b.first_seen.cmp(&a.first_seen))
        }) else {
            continue;
        };
        for form in list.iter().filter(|f| f.text != canonical.text) {
            for (draft, span) in &form.occurrences {
                let count = canonical.occurrences.len();
                let message = format!(
                    "‘{}’ is written ‘{}’ elsewhere (used {count} time{} in this story).",
                    form.text,
                    canonical.text,
                    if count == 1 { "" } else { "s" }
                );
                let (first_draft, first_span) = canonical.occurrences[0].clone();
                out.push(
                    Finding::new(RULE, *draft, span.clone(), message)
                        .with_fix(Fix::replace(
                            format!("Replace with ‘{}’", canonical.text),
                            *draft,
                            span.clone(),
                            canonical.text.clone(),
                            Applicability::Unsafe,
                        ))
                        .with_related(
                            first_draft,
                            first_span,
                            format!("canonical form ‘{}’", canonical.text),
                        ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_fixture, findings_with_config};

    fn share_a_key(a: &str, b: &str, depth: usize) -> bool {
        let (mut ka, mut kb) = (Vec::new(), Vec::new());
        deletion_keys(&a.chars().collect::<Vec<_>>(), depth, &mut ka);
        deletion_keys(&b.chars().collect::<Vec<_>>(), depth, &mut kb);
        ka.iter().any(|key| kb.contains(key))
    }

    #[test]
    fn spellings_within_the_edit_distance_share_a_deletion_key() {
        // Substitution, insertion, deletion, transposition, and two of them.
        for (a, b, distance) in [
            ("kovalevsky", "kovalevski", 1),
            ("kovalevsky", "kovalevskyy", 1),
            ("kovalevsky", "kovlevsky", 1),
            ("kovalevsky", "kovalevksy", 1),
            ("kovalevsky", "kowalevski", 2),
            ("kovalevsky", "kovalesvkyi", 2),
            ("choi", "choe", 1),
            ("ãbcdé", "ãbcde", 1),
        ] {
            assert_eq!(edit_distance(a, b, 2), distance, "{a} / {b}");
            assert!(share_a_key(a, b, distance), "{a} / {b}");
        }
        // Six letters apart: no key in common.
        assert!(!share_a_key("abcdef", "uvwxyz", 2));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn every_pair_within_two_edits_shares_a_key(a in "[a-e]{4,9}", b in "[a-e]{4,9}") {
            let distance = edit_distance(&a, &b, 2);
            if distance <= 2 {
                proptest::prop_assert!(share_a_key(&a, &b, distance.max(1)));
                proptest::prop_assert!(share_a_key(&a, &b, 2));
            }
        }
    }

    #[test]
    fn phonetic_forms_meet() {
        let p = |t: &str| phonetic_form(&loose_form(t));
        assert_eq!(p("Zelenskyy"), p("Zelensky"));
        assert_eq!(p("Zelenskiy"), p("Zelensky"));
        assert_eq!(p("Huang"), p("Hwang"));
        assert_eq!(p("Köhler"), p("Koehler"));
        assert_eq!(p("MacAllister"), p("McAllister"));
        assert_eq!(p("Mahmoud"), p("Mahmud"));
        assert_ne!(p("Rousseau"), p("Rousset"));
        assert_eq!(edit_distance("yusef", "yusuf", 2), 1);
        assert_eq!(edit_distance("tavares", "taveras", 2), 2);
        assert_eq!(edit_distance("abcdef", "ghijkl", 2), 3);
    }

    #[test]
    fn gendered_forms() {
        assert!(is_gendered_pair("wisniewska", "wisniewski"));
        assert!(is_gendered_pair("prochazkova", "prochazka"));
        assert!(is_gendered_pair("sigurdardottir", "sigurdarson"));
        assert!(!is_gendered_pair("kovalevskyi", "kovalevsky"));
        assert!(!is_gendered_pair("kovalevskyi", "kovalevskyx"));
    }

    #[test]
    fn flags_variants_with_the_majority_spelling() {
        assert_fixture(
            "name-consistency",
            "Dublin strike enters second day

Taras Kovalevskyi, the director of operations, said 40 buses ran. Jana Procházková, 71, watched.

Kovalevskyi said talks would resume. Vojtěch Procházka said the fire was out.

Kovalevsky said the company had lost money. Prochazka agreed.
^^^^^^^^^^ name-consistency
                                            ^^^^^^^^^ name-consistency

Procházka said the Egyptian President Abdel Fattah el-Sisi spoke. The El-Sisi government agreed.
                                                                      ^^^^^^^ name-consistency
",
        );
    }

    #[test]
    fn different_people_relatives_and_particles_are_not_variants() {
        assert_fixture(
            "name-consistency",
            "Headline here

Folasade Adeyemi said the levy was spent. Kunle Adeyemo, 23, disagreed.

Adeyemo said students paid. Adeyemi said they did.

Lena Hoffmann, 71, marched. Senator Lena Hofmann said no. Hoffmann said yes. Hofmann said no again.

Justice Marieke van der Linden ruled. Van der Linden said the sentence was fair. The court of van der Linden rose.

Joanna Wiśniewska won. Her husband, Piotr Wiśniewski, cheered. Haugen said Haugen Bank agreed.

DUBLIN, Ireland — Israel said Israeli troops left Austria for Australia.
",
        );
    }

    #[test]
    fn later_references_and_particle_case() {
        assert_fixture(
            "name-consistency",
            "Headline here

Wanjiru Kamau, the branch secretary, said the nurses would strike. Kamau said so twice.

Wanjiru Kamua told the rally that emergencies would be covered.
        ^^^^^ name-consistency

Labour's Gethin ap Rhys conceded. Mr ap Rhys, 61, spoke. Mr Ap Rhys is expected to stand again.
                                                            ^^^^^^^ name-consistency

Annelies ter Horst said the port was shut. \"It costs money,\" Ter Horst said. Ter Horst left.

Mykola Hrytsak, the carpenter, said it was hard. His namesake, Deputy Mayor Mykola Hrytsai, agreed.
",
        );
    }

    #[test]
    fn a_shared_name_word_is_evidence_without_a_person_cue() {
        assert_fixture(
            "name-consistency",
            "Headline here

Mohammed Salah spoke. Mohammed Salah left.

Mohammad Salah returned.
^^^^^^^^ name-consistency

Yusuf Karimov arrived. Yusuf Karimov sat down. Yousef Karimov left.
                                               ^^^^^^ name-consistency

Muhammad Idris spoke. Muhammad Idris left. Mohamed Idris returned.
                                           ^^^^^^^ name-consistency

Christopher Bartholomew spoke. Bartholomew left.

Christopher Bartholemew returned.
            ^^^^^^^^^^^ name-consistency
",
        );
    }

    #[test]
    fn a_shared_name_word_does_not_join_relatives_or_other_people() {
        assert_fixture(
            "name-consistency",
            "Headline here

Francesco Rossi arrived. Francesca Rossi left. Daniel Mifsud spoke. Danielle Mifsud smiled.

Paul Grech waved. Paula Grech waved. Anna Borg and Anne Borg came.

Mohammed Salah met Mohammad Hassan. Mohammed Salah left. Mohammad Hassan stayed.

Mark Johnson spoke. Mike Johnston left. Ewa Nowacka, 40, a nurse, spoke. Ewa Nowicka, the mayor, replied.

Christopher Bartholomew spoke. His cousin, Christopher Bartholemew, 40, left.

Kim Jong-un met the family of Kim Jong-il. Nowy Sacz and Nowy Targ are towns, as are Dolni Bukovec and Horni Bukovec.
",
        );
    }

    #[test]
    fn a_given_name_transliterated_before_the_same_name_word() {
        // Named by given names only: the vowels of the first one differ on a later
        // reference that describes the same person.
        assert_fixture(
            "name-consistency",
            "Headline here

Nurul Aina Zulkifli and Husain Iqbal Sallehuddin topped the cohort. \"It was a shock,\" Husain Iqbal said.

Hussein Iqbal, whose mother runs a stall, said he would study law. Nurul Aina agreed.
^^^^^^^ name-consistency
",
        );
        // Brothers whose given names differ by a vowel, each introduced and used again, are
        // two people; so is a surname a vowel off with the same given name, introduced.
        assert_fixture(
            "name-consistency",
            "Headline here

Kamal Osman, 30, spoke. His brother, Kamil Osman, 28, spoke. Kamal Osman left. Kamil Osman stayed.

Ewa Nowacka, 40, a nurse, spoke. Ewa Nowicka, the mayor, replied.
",
        );
    }

    #[test]
    fn gaelic_surnames_for_a_man_and_a_woman() {
        assert!(is_gaelic_gendered_pair("Ó Dálaigh", "Ní Dhálaigh"));
        assert!(is_gaelic_gendered_pair("Uí Dhálaigh", "Ní Dhálaigh"));
        assert!(is_gaelic_gendered_pair("Mac Conmara", "Nic Conmara"));
        assert!(!is_gaelic_gendered_pair("Ní Dhálaigh", "Ni Dhálaigh"));
        assert!(!is_gaelic_gendered_pair("Ó Dálaigh", "Ó Dálaig"));
        assert!(!is_gaelic_gendered_pair("van Dijk", "de Dijk"));
        // A sister, a mother and a brother of one family; a dropped fada on one of them is
        // still a slip, and so is the particle dropped.
        assert_fixture(
            "name-consistency",
            "Headline here

Ciarán Ó Dálaigh, the harbour master, said the pier was shut. His sister, Máire Ní Dhálaigh, agreed.

Their mother, Bean Uí Dhálaigh, 70, watched. Ó Dálaigh said repairs would take a week.

Ní Dhálaigh said the ferry would wait. Captain Ó Dálaigh thanked the crew.

Later Ni Dhálaigh said the ferry had gone. O Dálaigh left.
      ^^^^^^^^^^^ name-consistency
                                           ^^^^^^^^^ name-consistency
",
        );
    }

    #[test]
    fn a_contracted_given_name_in_an_otherwise_identical_name() {
        assert!(is_contraction("mohd", "mohammed"));
        assert!(is_contraction("wm", "william"));
        assert!(is_contraction("thos", "thomas"));
        assert!(!is_contraction("mohd", "mahmud"));
        assert!(!is_contraction("jo", "johnson"));
        assert_fixture(
            "name-consistency",
            "Headline here

Mohammed Faisal Rahman spoke. Mohammed Faisal Rahman left. Mohd Faisal Rahman stayed.
                                                           ^^^^ name-consistency

William Ashby Cardona wrote. William Ashby Cardona signed. Wm Ashby Cardona witnessed.
                                                           ^^ name-consistency

Thomas Ralph Grech wrote. Thos Grech replied. Del Mifsud met Daniel Mifsud.
",
        );
    }

    #[test]
    fn a_surname_written_as_one_word_and_as_two() {
        // The joined form is the story's spelling: a space slip, even where the first
        // half reads like a title ("Sen" for senator) or a particle ("Mac").
        assert_fixture(
            "name-consistency",
            "Headline here

Chief executive Anika Roychowdhury said shares fell. Roychowdhury said so twice.

Roy Chowdhury, who founded the firm, left.
^^^^^^^^^^^^^ name-consistency

Dr. Tapan Sensharma spoke. Sensharma said the trial ended. Sen Sharma said later it would resume.
                                                           ^^^^^^^^^^ name-consistency

Coach Ewan MacLennan said the game was hard. MacLennan left. Mac Lennan returned.
                                                             ^^^^^^^^^^ name-consistency
",
        );
    }

    #[test]
    fn particles_written_joined_apart_or_capitalised() {
        // A particle written apart, hyphenated or joined is a slip whatever the case; a
        // capital at the start of a sentence is not. Two people whose given names differ
        // write their particles their own way.
        assert_fixture(
            "name-consistency",
            "Headline here

Sheikh Nasser Al-Ghanim spoke. Al-Ghanim left. Al-Ghanim returned. AlGhanim said no.
                                                                   ^^^^^^^^ name-consistency

Later, Al Ghanim said yes.
       ^^^^^^^^^ name-consistency

Coach Lucia da Cunha said the squad was fit. Da Cunha said more. Later da Cunha left.

The DaCunha era ended, and Da Cunha agreed.
    ^^^^^^^ name-consistency
                           ^^^^^^^^ name-consistency

Andrés Felipe de los Santos scored twice. De los Santos, 24, was named player of the match.

Referee Teodoro Delos Santos booked him. Pieter van Dorp met Joost Van Dorp.
",
        );
    }

    #[test]
    fn a_place_named_like_a_person_is_not_a_variant() {
        // A word in a place's name ("Port Mactavish", "lives near Mactavish") is not a
        // mention of the person; the person's own variants and a place's are still found.
        assert_fixture(
            "name-consistency",
            "Headline here

Captain Rory McTavish, who grew up in Port Mactavish, was hurt. McTavish said so.

He now lives near Mactavish, and the town of Mactavish cheered him.

Later MacTavish said the knee was fine.
      ^^^^^^^^^ name-consistency

Port MacTavish council agreed, as did the Port Mactavish mayor.
^^^^^^^^^^^^^^ name-consistency
",
        );
    }

    #[test]
    fn a_typo_in_one_part_of_a_hyphenated_name() {
        assert_fixture(
            "name-consistency",
            "Headline here

Alexandria Ocasio-Cortez spoke. Ocasio-Cortez left.

Ocasio-Cortex returned.
^^^^^^^^^^^^^ name-consistency

Jean-Paul Sartre wrote. Jean-Pierre Sartre read. Anne-Marie Duval and Anne-Sophie Duval sang.
",
        );
    }

    #[test]
    fn canonically_equivalent_spellings_are_one_spelling() {
        // "José" typed decomposed (e and a combining acute) and precomposed; "Al‑Thani"
        // with a non-breaking hyphen and with "-": the same spelling on the page.
        let fixture = "Headline here

Jose\u{301} Martinez said the bill was dead. José Martinez left.

Sheikh Hamad Al\u{2011}Thani spoke. Al-Thani left. Al\u{2011}Thani returned.

Jose Martinez returned.
^^^^ name-consistency
";
        assert_fixture("name-consistency", fixture);
        let findings =
            findings_with_config(&crate::testing::parse_fixture(fixture).0, "", "name-consistency");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(
            findings[0].message.starts_with("‘Jose’ is spelled ‘José"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn house_names_win_even_in_the_minority() {
        let findings = findings_with_config(
            "Headline here\n\nPresident Volodymyr Zelensky said. Zelensky left. Zelensky returned.\n",
            "[names]\nknown = [\"Volodymyr Zelenskyy\"]\n",
            "name-consistency",
        );
        assert_eq!(findings.len(), 3, "{findings:#?}");
        assert!(findings[0].message.contains("‘Zelenskyy’"));
        assert!(findings[0].message.contains("house spelling"));
    }

    #[test]
    fn plurals_calendar_words_addresses_and_contractions_are_not_variants() {
        assert!(is_plural("alevel", "alevels"));
        assert!(is_plural("william", "williams"));
        assert!(!is_plural("kovalevsky", "kovalevskyi"));
        assert!(is_derivation("South Dakota", "southdakota", "southdakotans"));
        assert!(is_derivation("Kenya", "kenya", "kenyan"));
        assert!(!is_derivation("Kovalevsky", "kovalevsky", "kovalevskyi"));
        assert_fixture(
            "name-consistency",
            "Headline here

Pupils sat their A-levels in June. Each A-level costs the school £120, Principal Ines Varga said.

Senator Ines Varga wrote to @InesVarga and #InesVarga fans. — Ines Varga (@InesVarga) May 3, 2024

Varga said she would visit NY.gov, and N.Y. officials agreed. N.Y. officials said so twice.

Rhodri Juul, 40, arrived in July. Juul said the vote was close. We're sure, We’re certain, Juul said.
",
        );
    }

    #[test]
    fn fixes_are_unsafe_and_the_story_wide_fix_is_carried_once_per_draft() {
        let findings = crate::testing::findings_for(
            "name-consistency",
            "Headline\n\nTaras Kovalevskyi, the director, said buses ran. Kovalevskyi said more. Kovalevskyi left.\n\nKovalevsky said no. Kovalevsky said yes. Kovalevskiy agreed.\n",
        );
        assert_eq!(findings.len(), 3, "{findings:#?}");
        assert!(
            findings
                .iter()
                .flat_map(|f| &f.fixes)
                .all(|fix| fix.applicability == Applicability::Unsafe)
        );
        let carriers: Vec<&Finding> = findings.iter().filter(|f| f.fixes.len() == 2).collect();
        assert_eq!(carriers.len(), 1, "{findings:#?}");
        assert_eq!(carriers[0].span, findings[0].span);
        assert_eq!(carriers[0].fixes[1].edits.len(), 3);
    }

    #[test]
    fn a_draft_full_of_variants_keeps_its_fixes_linear() {
        // 2,000 variant mentions of one name: one story-wide fix, not one per finding.
        let mut draft = String::from("Headline\n\nTaras Kovalevskyi, the director, said buses ran.\n\n");
        for index in 0..1000 {
            draft.push_str(&format!(
                "Kovalevskyi said {index} buses ran. Kovalevskyi agreed. Kovalevskyi left. Kovalevsky said no. Kovalevskiy said yes.\n\n"
            ));
        }
        let findings = crate::testing::findings_for("name-consistency", &draft);
        assert_eq!(findings.len(), 2000);
        let edits: usize = findings
            .iter()
            .flat_map(|f| &f.fixes)
            .map(|fix| fix.edits.len())
            .sum();
        assert_eq!(edits, 2000 + 2000);
    }

    #[test]
    fn abbreviations_written_two_ways() {
        assert_fixture(
            "name-consistency",
            "Headline here

U.S. officials met U.N. envoys. The U.S. delegation left. The US embassy shut.
                                                              ^^ name-consistency
",
        );
    }
}
