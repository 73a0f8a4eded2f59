//! Figures: the statistics in a sentence, told apart from numbers that are not statistics.
//!
//! A figure is a percentage, an amount of money, a count of people or things ("2,300
//! drivers", "Forty-one houses", "dozens of"), a proportion ("four in ten"), a measurement
//! ("70 kilometers per hour") or a statistical duration ("a median of 14.2 weeks").
//!
//! Not figures: dates, years (also as a modifier: "the 2026 local elections"), times, ages
//! ("Okafor, 62,", "she turned 40", "he was 12 when", "signed at 16"), addresses ("21
//! Haddington Road"), scores ("4-1") and the parts of a game ("after two periods"), vote
//! tallies ("passed 52 to 48"), rankings ("No. 9") and standings ("second in Group C with
//! 19 points", "12 games behind"), ordinals, numbers with a slash ("9/11", "24/7",
//! "HC/CV/2211/2024"), numbers that are part of a name ("Route 46A", "Room 14", "the iPhone
//! 15", "COVID-19", "move 43", "737-8 and 737-10"), compound modifiers ("a 24-bed ward", "a
//! 10-year term"), and narrative durations ("for two weeks", "in 40 years"). A capitalised
//! word before a number names it ("Apollo 11") unless it is a function word or an adverb
//! opening the sentence ("Then 300 cars").

use crate::text::words::WordList;
use std::cell::OnceCell;
use std::ops::Range;

use super::lexicon::{is_common_word, is_proper_noun};
use super::segment::{is_currency_symbol, is_function_word_or_adverb};
use super::{ParsedDraft, TokenKind};

/// What kind of statistic a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureKind {
    Percentage,
    Money,
    Count,
    Proportion,
    Measurement,
    Duration,
    Quantity,
}

/// A figure: the span of its text ("2,300 drivers", "C$14.3 million") and its first token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub span: Range<usize>,
    pub token: usize,
    pub kind: FigureKind,
}

static MONTHS: WordList = WordList::new(&[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
]);

static WEEKDAYS: WordList = WordList::new(&[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
]);

static TIME_UNITS: WordList = WordList::new(&[
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
    "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries",
    "night", "nights", "weekend", "weekends", "fortnight", "fortnights", "semester", "semesters", "season",
    "seasons", "term", "terms", "generation", "generations", "quarter", "quarters", "moment", "moments",
    "morning", "mornings", "evening", "evenings", "afternoon", "afternoons",
]);

static MEASUREMENT_UNITS: WordList = WordList::new(&[
    "kilometers", "kilometres", "kilometer", "kilometre", "km", "miles", "mile", "meters", "metres", "meter",
    "metre", "m", "feet", "foot", "ft", "inches", "inch", "in", "centimeters", "centimetres", "cm",
    "millimeters", "millimetres", "mm", "hectares", "hectare", "ha", "acres", "acre", "tonnes", "tonne",
    "tons", "ton", "kilograms", "kilogram", "kg", "kilos", "grams", "gram", "g", "lbs", "lb", "ounces", "oz",
    "liters", "litres", "liter", "litre", "gallons", "gallon", "barrels", "barrel", "bpd", "megawatts",
    "megawatt", "mw", "gigawatts", "gw", "kilowatts", "kw", "kwh", "mwh", "gwh", "twh", "degrees", "degree",
    "mph", "kph", "km/h", "knots", "knot", "square", "cubic", "calories", "volts", "watts", "bytes",
    "gigabytes", "terabytes", "decibels",
]);

static CURRENCY_WORDS: WordList = WordList::new(&[
    "dollars", "dollar", "euros", "euro", "pounds", "sterling", "yen", "yuan", "renminbi", "rupees", "rupee",
    "naira", "kwacha", "dong", "kroner", "krone", "kronor", "krona", "koruna", "korun", "rand", "shillings",
    "shilling", "pesos", "peso", "francs", "franc", "won", "lira", "liras", "riyals", "riyal", "rial",
    "rials", "dirhams", "dirham", "baht", "ringgit", "zloty", "zlotys", "forint", "forints", "cedis", "cedi",
    "hryvnias", "hryvnia", "rubles", "roubles", "ruble", "rouble", "shekels", "shekel", "pence", "cents",
    "cent", "taka", "rupiah", "reais", "real", "lei", "leu", "dinars", "dinar", "birr", "kyat", "soles",
    "bolivars", "usd", "eur", "gbp", "jpy", "cny", "inr", "chf", "cad", "aud",
]);

static MAGNITUDES: WordList = WordList::new(&[
    "thousand", "million", "billion", "trillion", "bn", "mn", "m", "k", "crore", "lakh", "millions",
    "billions",
]);

static PERCENT_WORDS: WordList = WordList::new(&["percent", "pct"]);

/// Irregular plurals and collective nouns that count people or things.
static COUNT_NOUNS: WordList = WordList::new(&[
    "people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep", "fish", "deer",
    "feet", "teeth", "mice", "geese", "aircraft", "livestock", "offspring", "species", "crew", "poultry",
    "infantry", "militia", "clergy", "youth", "faculty",
]);

/// Nouns after which a number is a label, not a quantity: "move 43", "page 5".
static LABEL_NOUNS: WordList = WordList::new(&[
    "move", "page", "pages", "room", "route", "gate", "flight", "bus", "line", "platform", "exit",
    "district", "ward", "chapter", "article", "section", "clause", "game", "round", "stage", "level",
    "phase", "act", "episode", "lane", "highway", "pier", "berth", "hole", "lap", "race", "heat", "match",
    "model", "version", "grade", "band", "tier", "category", "class", "zone", "terminal", "shaft", "block",
    "building", "unit", "apartment", "flat", "floor", "suite", "seat", "row", "table", "exhibit", "count",
    "item", "question", "proposition", "amendment", "number", "no", "nos", "pier", "track", "channel",
    "frequency", "box", "lot", "plot", "bay", "hangar", "dock", "junction", "mile", "kilometre", "kilometer",
    "marker", "bed", "cell", "court", "field", "pitch", "stand", "door", "window", "car", "carriage",
    "coach", "ticket", "code", "volume", "issue", "part", "step", "figure", "appendix", "annex", "schedule",
    "rule", "regulation", "resolution", "bill", "week", "day", "year", "season", "term", "session", "series",
    "hurricane", "storm", "typhoon", "cyclone", "mission", "sector", "division", "battalion", "brigade",
    "regiment", "squadron", "fleet", "precinct", "station",
]);

/// Street words that end an address: "21 Haddington Road".
static STREET_WORDS: WordList = WordList::new(&[
    "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "ln", "drive", "dr", "way",
    "place", "pl", "square", "sq", "terrace", "court", "ct", "crescent", "close", "highway", "hwy",
    "parkway", "quay", "row", "walk", "embankment", "strasse", "straße", "allee", "gardens", "grove", "hill",
    "mews", "parade", "circle", "plaza", "promenade", "esplanade", "wharf", "green", "broadway", "alley",
    "rue", "via", "calle", "ulica", "avenida", "prospekt",
]);

/// Words before a number that make it a quantity, not a label.
static QUANTITY_LEADS: WordList = WordList::new(&[
    "about", "around", "nearly", "almost", "roughly", "approximately", "some", "only", "just", "more",
    "fewer", "less", "over", "under", "up", "at", "by", "to", "from", "of", "than", "exactly", "least",
    "most", "another", "additional", "extra", "estimated", "and", "or", "with", "without", "reached", "hit",
    "totalled", "totaled", "topped", "surpassed", "exceeded", "passed", "was", "were", "is", "are", "be",
    "been", "rose", "fell", "climbed", "dropped", "gained", "lost", "cut", "added", "paid", "cost", "costs",
    "owes", "owed", "raised", "spent", "earned", "employs", "employed", "killed", "injured", "wounded",
    "among", "between", "for", "in", "on", "into", "per", "as", "the", "a", "an", "these", "those", "all",
    "its", "their", "his", "her", "our", "had", "has", "have", "got", "received", "sold", "bought", "made",
    "took", "gave", "saw", "drew", "attracts", "attracted", "counted", "record", "average", "median", "mean",
    "total", "nearly", "another",
]);

/// Adverbs between a verb and an age: "is now 62", "was only 12".
static AGE_ADVERBS: WordList = WordList::new(&[
    "only", "just", "now", "still", "almost", "nearly", "barely", "already", "then", "not", "about",
    "around", "reportedly",
]);

/// Subjects of "was 12" that are people: pronouns and nouns for a person.
static PERSON_SUBJECTS: WordList = WordList::new(&[
    "he", "she", "i", "who", "boy", "girl", "man", "woman", "child", "son", "daughter", "mother", "father",
    "brother", "sister", "wife", "husband", "baby", "teenager", "victim", "suspect", "driver", "student",
    "pupil", "patient", "grandmother", "grandfather", "mum", "mom", "dad", "twins",
]);

/// What is left of a season or a tournament: "two rounds remaining", "three races left".
static SCHEDULE_NOUNS: WordList = WordList::new(&[
    "rounds", "races", "games", "matches", "fixtures", "legs", "stages", "events", "tests", "meetings",
    "tournaments", "weekends", "heats", "bouts", "innings", "holes", "laps",
]);

/// Words that show a sentence is about a race on a track, a road or in a pool.
static RACING_WORDS: WordList = WordList::new(&[
    "ran", "race", "races", "raced", "final", "finals", "heat", "heats", "semi-final", "semifinal", "sprint",
    "sprinter", "sprints", "hurdles", "relay", "steeplechase", "marathon", "medal", "medals", "gold",
    "silver", "bronze", "swam", "swim", "swimmer", "freestyle", "backstroke", "breaststroke", "butterfly",
    "medley", "clocked", "clocking", "clocks", "finish", "finished", "championships", "won", "win", "wins",
    "title", "titles", "lane", "podium",
]);

/// Words of money before an amount: "costs R45", "a fare of P18".
static MONEY_LEADS: WordList = WordList::new(&[
    "cost", "costs", "costing", "pay", "pays", "paid", "paying", "priced", "price", "charge", "charges",
    "charged", "fee", "fees", "fare", "fares", "earn", "earns", "earned", "worth", "fined", "spend", "spent",
    "sells", "sold", "buys", "bought", "wage", "salary", "tariff", "rate", "of", "for",
]);

/// Words before a glued temperature: "reached 51C", "a high of 40F".
static TEMPERATURE_LEADS: WordList = WordList::new(&[
    "reached", "reach", "reaches", "hit", "hits", "topped", "exceeded", "to", "of", "at", "about", "around",
    "above", "below", "over", "under", "than", "nearly", "almost", "roughly", "minus", "peaked", "between",
    "highs", "lows", "high", "low", "was", "is", "were", "be",
]);

/// Words that show a glued C or F is a temperature.
static TEMPERATURE_WORDS: WordList = WordList::new(&[
    "temperature", "temperatures", "heat", "heatwave", "hottest", "coldest", "warmest", "coolest", "degrees",
    "thermometer", "mercury", "celsius", "fahrenheit", "frost", "freezing", "hot", "cold",
]);

/// Verbs of a reported change, before a statistical duration: "stretched to 11 months".
static CHANGE_VERBS: WordList = WordList::new(&[
    "rose", "risen", "rises", "rising", "fell", "fallen", "falls", "falling", "grew", "grown", "grows",
    "growing", "stretched", "stretches", "stretching", "lengthened", "lengthening", "climbed", "climbs",
    "climbing", "increased", "decreased", "jumped", "soared", "ballooned", "doubled", "tripled", "reached",
    "reaches", "topped", "averaged", "averages", "dropped", "shrank", "shrunk", "slipped", "crept", "blown",
    "blew",
]);

/// Words of a vote: "passed 52 to 48", "voted 7 to 2", "by 312 votes to 254".
static VOTE_WORDS: WordList = WordList::new(&[
    "vote", "votes", "voted", "voting", "ballot", "ballots", "passed", "approved", "rejected", "defeated",
    "confirmed", "adopted", "carried", "ratified", "endorsed", "backed", "margin", "split", "tally",
]);

/// Qualifiers that make a duration a statistic: "a median of 14.2 weeks".
static STATISTICAL_QUALIFIERS: WordList = WordList::new(&[
    "median", "average", "mean", "typical", "typically", "about", "around", "nearly", "almost", "roughly",
    "approximately", "least", "more", "less", "fewer", "over", "under", "up", "estimated", "record", "some",
]);

const SPELLED_UNITS: &[(&str, u32)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

/// Currency written as a word before the amount: ISO codes ("NOK 122 billion", "USD 40")
/// and newsroom abbreviations ("Rs 35,000 crore", "Sh1.2 billion", "R2.3 billion").
fn is_currency_code(word: &str) -> bool {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "NZD", "NOK", "SEK", "DKK",
        "ISK", "ZAR", "BRL", "MXN", "RUB", "TRY", "KRW", "SGD", "HKD", "PHP", "IDR", "MYR", "THB", "VND",
        "NGN", "KES", "GHS", "EGP", "SAR", "AED", "QAR", "KWD", "OMR", "BHD", "ILS", "PLN", "CZK", "HUF",
        "RON", "UAH", "ARS", "CLP", "COP", "PEN", "PKR", "BDT", "LKR", "TWD", "Rs", "Rp", "Sh", "KSh", "Tk",
        "R", "RM", "Ksh",
    ];
    CODES.contains(&word)
}

/// Verbs and nouns of winning and losing, before a margin: "beat England by 45 runs".
static WIN_WORDS: WordList = WordList::new(&[
    "beat", "beats", "beaten", "won", "win", "wins", "winning", "lost", "lose", "loses", "losing",
    "defeated", "defeat", "victory", "triumphed", "edged", "thrashed", "crushed", "margin", "led", "leads",
    "trailed",
]);

/// Words that show a sentence describes play in a game.
static PLAY_WORDS: WordList = WordList::new(&[
    "innings", "inning", "wicket", "wickets", "batter", "batters", "batsman", "batsmen", "batting", "bowler",
    "bowlers", "bowling", "bowled", "stumped", "match", "game", "lap", "laps", "tiebreak", "tie-break",
    "half-time", "halftime", "scorer", "scored", "scoring", "touchdown", "touchdowns", "quarterback",
    "striker", "goalkeeper", "penalty", "overtime", "rally", "serve", "set",
]);

/// Units of scoring: counted in a game, they are its score.
static SCORING_UNITS: WordList = WordList::new(&[
    "runs", "wickets", "goals", "points", "tries", "baskets", "shots", "saves", "laps", "sets", "games",
    "overs", "strokes", "birdies", "assists", "rebounds", "touchdowns", "innings", "balls", "boundaries",
    "sixes", "fours", "aces", "frames", "rounds", "holes", "catches", "tackles", "corners", "fouls",
]);

/// Words that make a count of scoring units a statistic of a season or career.
static SEASON_WORDS: WordList = WordList::new(&[
    "season", "seasons", "career", "league", "campaign", "tournament", "year", "years", "total", "all-time",
    "record", "records", "majors", "nation",
]);

/// Positions in a table: "second in Group C", "top of the ladder".
static STANDING_POSITIONS: WordList = WordList::new(&[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth", "top", "bottom", "last",
]);

/// Nouns that name a table of teams or competitors: "first in the Central Division", "top
/// of the table". "League" is left out: "leads the league with 31 points" may be one
/// player's season total.
static TABLE_NOUNS: WordList = WordList::new(&[
    "table", "tables", "standings", "ladder", "log", "group", "groups", "pool", "pools", "division",
    "divisions", "conference", "conferences", "championship", "rankings", "leaderboard", "pyramid",
]);

/// Verbs of leading a table: "lead the table", "topped Group B".
static TABLE_LEAD_VERBS: WordList = WordList::new(&[
    "lead", "leads", "led", "leading", "top", "tops", "topped", "topping", "head", "heads", "headed",
    "heading",
]);

/// Verbs of leading a competition: "leads the majors with 31 home runs", "topped the NBA in
/// assists".
static COMPETITION_LEAD_VERBS: WordList = WordList::new(&[
    "lead", "leads", "led", "leading", "top", "tops", "topped", "topping", "pace", "paces", "paced", "pacing",
]);

/// The parts of a game, counted in its score: "led 3-2 after two periods", "won in
/// three sets".
static GAME_SEGMENTS: WordList = WordList::new(&[
    "periods", "halves", "quarters", "innings", "sets", "rounds", "laps", "frames", "overs", "holes", "ends",
    "chukkas", "legs", "heats", "bouts",
]);

/// Verbs of a life event before "at 16": "signed with the club at 16", "left school at 15".
static LIFE_EVENT_VERBS: WordList = WordList::new(&[
    "signed", "signs", "joined", "joins", "left", "leaves", "started", "starts", "began", "begins",
    "debuted", "married", "marries", "retired", "retires", "emigrated", "enlisted", "died", "dies", "quit",
    "arrived", "graduated", "became", "becomes", "learned", "learnt", "played", "competed", "diagnosed",
    "orphaned", "widowed", "arrested", "ordained", "elected", "recruited", "drafted", "scouted",
    "discovered",
]);

/// Plural nouns after a year that make it a modifier: "the 2026 local elections", "2019
/// floods".
static YEAR_EVENT_NOUNS: WordList = WordList::new(&[
    "elections", "polls", "games", "olympics", "championships", "finals", "playoffs", "accounts", "results",
    "estimates", "figures", "accords", "protests", "riots", "floods", "fires", "wildfires", "attacks",
    "bombings", "talks", "negotiations", "reforms", "rules", "regulations", "guidelines", "standards",
    "sanctions", "tariffs", "budgets", "plans", "targets", "levels", "prices", "rates", "models", "editions",
    "awards", "nationals", "primaries", "midterms", "census", "hearings", "trials", "earthquakes", "storms",
    "hurricanes", "lockdowns", "strikes", "amendments",
]);

/// Determiners that make a following year-shaped number a modifier: "the 2026 local
/// elections", "its 2030 targets".
static YEAR_DETERMINERS: WordList = WordList::new(&[
    "the", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "next",
    "last", "whose", "each", "every",
]);

/// Every word a spelled figure can start with (the part before a hyphen).
static NUMBER_WORDS: WordList = WordList::new(&[
    "dozen", "twice", "thrice", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
    "million", "billion", "dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores",
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "two", "three",
    "one",
]);

static SPELLED_ONES: WordList = WordList::new(&[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
]);

/// Determiners before a spelled number that make it a reference, not a count ("the three
/// universities", "both sides").
static REFERENCE_DETERMINERS: WordList = WordList::new(&[
    "the", "its", "their", "his", "her", "our", "my", "your", "these", "those", "all", "whose", "each",
    "every", "first", "last", "next", "other", "another", "those", "of",
]);

static VAGUE_MULTIPLES: WordList = WordList::new(&[
    "dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores",
]);

static FRACTIONS: WordList = WordList::new(&[
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "two-thirds",
    "three-quarters", "one-third", "one-quarter", "one-half", "one-fifth",
]);

fn eq_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|candidate| word.eq_ignore_ascii_case(candidate))
}

/// A spelled-out cardinal from two up ("two", "Forty-one", "hundred"), with its value.
fn spelled_number(word: &str) -> Option<u32> {
    // Number words are short and ASCII; most words are neither.
    if word.len() < 3 || word.len() > 13 || !word.is_ascii() {
        return None;
    }
    let unit = |text: &str| {
        SPELLED_UNITS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(text))
            .map(|(_, v)| *v)
    };
    if let Some((tens, ones)) = word.split_once('-') {
        let tens_value = unit(tens)?;
        let ones_index = SPELLED_ONES
            .words()
            .iter()
            .position(|w| w.eq_ignore_ascii_case(ones))?;
        return ((20..=90).contains(&tens_value)).then_some(tens_value + ones_index as u32 + 1);
    }
    unit(word)
}

/// The shape of a name or a product: capitalised ("Route", "Apollo", "IMO") or camel case
/// ("iPhone", "eBay").
fn is_name_shaped(word: &str) -> bool {
    let mut letters = word.chars();
    match letters.next() {
        Some(first) if first.is_uppercase() => true,
        Some(first) if first.is_lowercase() => {
            word.chars().all(char::is_alphabetic) && letters.any(char::is_uppercase)
        }
        _ => false,
    }
}

/// Do two numbers share a model's stem: the part before a hyphen ("737-8", "737-10"), or,
/// unhyphenated, the same number of digits and values within a tenth of each other
/// ("737", "747"; "10", "11")?
fn same_model_stem(first: &str, second: &str) -> bool {
    let stem = |text: &'_ str| -> (bool, String) {
        let mut parts = text.split(['-', '–']);
        let head = parts.next().unwrap_or(text).to_string();
        (parts.next().is_some(), head)
    };
    let (first_hyphenated, first_stem) = stem(first);
    let (second_hyphenated, second_stem) = stem(second);
    if first_hyphenated || second_hyphenated {
        return !first_stem.is_empty() && first_stem == second_stem;
    }
    let digits = |text: &str| !text.is_empty() && text.len() <= 6 && text.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) || !digits(second) || first.len() != second.len() {
        return false;
    }
    let (Ok(a), Ok(b)) = (first.parse::<u32>(), second.parse::<u32>()) else {
        return false;
    };
    a.abs_diff(b) <= (a.max(b) / 10).max(1)
}

/// True for a plural noun that can be counted: ends in -s (not -ss, -us, -is) or is an
/// irregular plural.
fn is_countable_plural(word: &str) -> bool {
    if !word.chars().all(|c| c.is_alphabetic() || c == '-')
        || word.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    if COUNT_NOUNS.contains(word) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    lower.len() >= 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("'s")
        && !matches!(
            lower.as_str(),
            "was"
                | "has"
                | "is"
                | "as"
                | "its"
                | "this"
                | "his"
                | "hers"
                | "ours"
                | "yours"
                | "theirs"
                | "whereas"
                | "unless"
                | "perhaps"
                | "always"
                | "towards"
                | "afterwards"
                | "besides"
                | "sometimes"
                | "does"
                | "goes"
                | "says"
                | "plus"
                | "minus"
                | "versus"
                | "thus"
                | "less"
                | "news"
                | "series"
        )
}

/// Prepositions and adverbs of place or time: after a number they start a phrase ("two
/// behind leaders Mumbai", "40 ahead of schedule"), they do not modify a noun.
static NOT_MODIFIERS: WordList = WordList::new(&[
    "behind", "ahead", "above", "below", "beneath", "beyond", "against", "among", "amid", "across", "along",
    "around", "during", "except", "including", "inside", "outside", "like", "unlike", "through",
    "throughout", "toward", "towards", "upon", "within", "via", "near", "onto", "beside", "despite", "off",
    "out", "up", "down", "back", "clear", "apart", "away", "ago", "later", "earlier", "then", "now", "also",
    "still", "yet", "too", "not", "never", "already", "again", "even", "just", "only", "ever", "here",
    "there", "when", "where", "while", "if", "because", "so", "but", "nor", "adrift", "short",
]);

/// The words that may sit between a number and the noun it counts: lower-case modifiers
/// ("17 league goals", "40 container ships", "14,000 pothole repairs").
fn is_modifier(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase() || c == '-')
        && !NOT_MODIFIERS.contains(word)
        && !matches!(
            word,
            "of" | "and"
                | "or"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "from"
                | "with"
                | "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "have"
                | "has"
                | "be"
                | "been"
                | "than"
                | "that"
                | "which"
                | "who"
                | "the"
                | "a"
                | "an"
                | "per"
                | "more"
                | "less"
                | "a.m."
                | "p.m."
                | "as"
                | "would"
                | "will"
                | "could"
                | "after"
                | "before"
                | "since"
                | "until"
                | "into"
                | "over"
                | "under"
                | "each"
                | "every"
        )
}

struct Scanner<'d, 'a> {
    draft: &'d ParsedDraft<'a>,
    range: Range<usize>,
    /// Facts about the whole sentence, worked out once on first use: asking them for each
    /// figure would make a long sentence quadratic.
    about_play: OnceCell<bool>,
    has_season_word: OnceCell<bool>,
    standing_phrase: OnceCell<bool>,
    has_game_score: OnceCell<bool>,
    about_racing: OnceCell<bool>,
}

impl Scanner<'_, '_> {
    fn text(&self, index: usize) -> &str {
        self.draft.token_text(index)
    }

    fn kind(&self, index: usize) -> TokenKind {
        self.draft.tokens[index].kind
    }

    /// The token `offset` places after `index`, inside the sentence.
    fn after(&self, index: usize, offset: usize) -> Option<usize> {
        let target = index + offset;
        (target < self.range.end).then_some(target)
    }

    fn before(&self, index: usize, offset: usize) -> Option<usize> {
        index
            .checked_sub(offset)
            .filter(|target| *target >= self.range.start)
    }

    fn word_after(&self, index: usize, offset: usize) -> Option<&str> {
        self.after(index, offset)
            .filter(|&i| self.draft.tokens[i].is_word())
            .map(|i| self.text(i))
    }

    fn word_before(&self, index: usize, offset: usize) -> Option<&str> {
        self.before(index, offset)
            .filter(|&i| self.draft.tokens[i].is_word())
            .map(|i| self.text(i))
    }

    fn is_month(&self, index: Option<usize>) -> bool {
        index.is_some_and(|i| self.draft.tokens[i].kind == TokenKind::Word && MONTHS.contains(self.text(i)))
    }

    /// A month right before `index`, allowing its abbreviation period ("Dec. 10").
    fn month_before(&self, index: usize) -> bool {
        let previous = self.before(index, 1);
        if self.is_month(previous) {
            return true;
        }
        previous.is_some_and(|p| self.text(p) == ".") && self.is_month(self.before(index, 2))
    }

    /// Is the number at `index` a date ("Dec. 10", "5 June", "Dec. 10 and 11")?
    fn is_date(&self, index: usize) -> bool {
        if self.month_before(index) || self.is_month(self.after(index, 1)) {
            return true;
        }
        // "Dec. 10 and 11", "March 3-5": the second number of a date pair.
        if let Some(joiner) = self.before(index, 1)
            && matches!(self.text(joiner), "and" | "to" | "through" | "or" | "&")
            && let Some(first) = self.before(index, 2)
            && self.kind(first) == TokenKind::Number
            && self.month_before(first)
        {
            return true;
        }
        false
    }

    fn is_time(&self, index: usize, text: &str) -> bool {
        if text.contains(':') && !text.contains(',') {
            return true;
        }
        match self.after(index, 1) {
            Some(next) => {
                let next_text = self.text(next);
                eq_any(
                    next_text,
                    &[
                        "a.m.", "p.m.", "am", "pm", "o'clock", "o’clock", "gmt", "utc", "bst", "est", "edt",
                        "cet", "hrs", "h",
                    ],
                ) || (next_text == "a" && self.word_after(index, 2) == Some("m"))
            }
            None => false,
        }
    }

    /// "Okafor, 62," / "his daughter, 9," / "said Liu, 19." / "aged 40" / "(62)".
    fn is_age(&self, index: usize, value: f64) -> bool {
        if value.fract() != 0.0 || value > 125.0 {
            return false;
        }
        let previous = self.before(index, 1).map(|i| self.text(i));
        let next = self.after(index, 1).map(|i| self.text(i));
        if previous.is_some_and(|p| eq_any(p, &["aged", "age", "ages"])) {
            return true;
        }
        if self.is_stated_age(index) {
            return true;
        }
        // "aged between 24 and 51", "aged 18 to 25": both ends of an age range.
        let range_word = |offset: usize| self.word_before(index, offset);
        if (previous.is_some_and(|p| p == "between")
            && range_word(2).is_some_and(|w| eq_any(w, &["aged", "ages"])))
            || (previous.is_some_and(|p| matches!(p, "and" | "to" | "-"))
                && self
                    .before(index, 2)
                    .is_some_and(|i| self.kind(i) == TokenKind::Number)
                && (range_word(3).is_some_and(|w| eq_any(w, &["aged", "ages"]))
                    || (range_word(3) == Some("between")
                        && range_word(4).is_some_and(|w| eq_any(w, &["aged", "ages"])))))
        {
            return true;
        }
        // "signed with the club at 16", "left school at 15": a life event at an age.
        if self.is_age_of_an_event(index) {
            return true;
        }
        // "at the age of 84".
        if previous == Some("of")
            && self
                .word_before(index, 2)
                .is_some_and(|w| eq_any(w, &["age", "ages"]))
        {
            return true;
        }
        if next == Some("years") && self.word_after(index, 2) == Some("old") {
            return true;
        }
        let closes = next.is_none() || next.is_some_and(|n| matches!(n, "," | "." | ")" | ";" | "—"));
        // The ages of a plural subject: "The cousins, both 19, …", "The two men, 31 and 28,
        // …".
        if (closes && self.is_plural_age(index)) || self.opens_plural_age(index) {
            return true;
        }
        if previous == Some(",") && closes {
            // The word before the comma is a name or a person noun.
            return self.word_before(index, 2).is_some();
        }
        if previous == Some("(") && next == Some(")") {
            return self
                .word_before(index, 2)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        }
        false
    }

    /// The ages of a plural subject, in an aside after it: "both 19" or "all 16" right
    /// after a comma ("The cousins, both 19, …"), or a pair of bare whole numbers set off by
    /// commas ("The two men, 31 and 28, …"). The caller has checked the number closes the
    /// aside.
    fn is_plural_age(&self, index: usize) -> bool {
        let comma = |i: Option<usize>| i.is_some_and(|i| self.text(i) == ",");
        let bare_age = |i: Option<usize>| {
            i.is_some_and(|i| {
                self.kind(i) == TokenKind::Number
                    && self.text(i).bytes().all(|b| b.is_ascii_digit())
                    && self.text(i).parse::<u32>().is_ok_and(|v| v <= 125)
            })
        };
        if self
            .word_before(index, 1)
            .is_some_and(|w| eq_any(w, &["both", "all", "each"]))
        {
            return comma(self.before(index, 2)) && self.word_before(index, 3).is_some();
        }
        // The second of the pair: ", 31 and 28,".
        self.word_before(index, 1) == Some("and")
            && bare_age(self.before(index, 2))
            && self
                .before(index, 2)
                .is_some_and(|first| self.opens_plural_age(first))
    }

    /// The first of a pair of ages set off by commas: ", 31 and 28,".
    fn opens_plural_age(&self, index: usize) -> bool {
        let Some(second) = self.after(index, 2) else {
            return false;
        };
        self.before(index, 1).is_some_and(|i| self.text(i) == ",")
            && self.word_before(index, 2).is_some()
            && self.word_after(index, 1) == Some("and")
            && self.kind(second) == TokenKind::Number
            && self.text(second).bytes().all(|b| b.is_ascii_digit())
            && self.text(second).parse::<u32>().is_ok_and(|v| v <= 125)
            && self
                .after(second, 1)
                .is_none_or(|n| matches!(self.text(n), "," | ")" | ";" | "—"))
    }

    /// "at 16" after a verb of a life event in the same clause ("signed with Hartford out
    /// of the Dominican Republic at 16", "died at 84", "left school at just 15"), with
    /// nothing counted after the number. "The toll stood at 16" is a count.
    fn is_age_of_an_event(&self, index: usize) -> bool {
        let mut at = 1;
        if self
            .word_before(index, 1)
            .is_some_and(|w| AGE_ADVERBS.contains(w))
        {
            at = 2;
        }
        if self.word_before(index, at) != Some("at") {
            return false;
        }
        let bare = self.unit_after(index).is_none() && self.magnitude_after(index).is_none();
        // The age ends its phrase: "at 16.", "at 16, when", "at 14 with his brother".
        let clause_ends = self.after(index, 1).is_none_or(|next| {
            self.kind(next) == TokenKind::Punct
                || eq_any(
                    self.text(next),
                    &[
                        "when", "and", "but", "after", "before", "with", "in", "while", "as", "from", "for",
                    ],
                )
        });
        if !bare || !clause_ends {
            return false;
        }
        (at + 1..=at + 12)
            .map_while(|offset| self.before(index, offset))
            .take_while(|&i| !matches!(self.text(i), ";" | ":" | "—"))
            .any(|i| self.kind(i) == TokenKind::Word && LIFE_EVENT_VERBS.contains(self.text(i)))
    }

    /// An age told by a verb rather than after a name: "She turned 40 last year", "He was
    /// 12 when he left", "Smith, who is 62, was hurt", "she is now 40", "He's 40". The
    /// number stands bare (nothing counted or measured after it), and the verb is "turn"
    /// or a form of "be" with a person as its subject.
    fn is_stated_age(&self, index: usize) -> bool {
        let bare = self.unit_after(index).is_none() && self.magnitude_after(index).is_none();
        if !bare {
            return false;
        }
        // Past one adverb: "is now 62", "was only 12".
        let mut verb_offset = 1;
        if self
            .word_before(index, 1)
            .is_some_and(|w| AGE_ADVERBS.contains(w))
        {
            verb_offset = 2;
        }
        let Some(verb) = self.word_before(index, verb_offset) else {
            return false;
        };
        // "turned 40", "turns 100": a birthday or an anniversary.
        if eq_any(verb, &["turned", "turns", "turning", "turn"]) {
            return true;
        }
        // "He's 40", "who's 62".
        if let Some(subject) = verb.strip_suffix("'s").or_else(|| verb.strip_suffix("’s")) {
            return eq_any(subject, &["he", "she", "who"]);
        }
        if !eq_any(verb, &["is", "was", "am", "are", "were", "be", "been"]) {
            return false;
        }
        let Some(subject_index) = self.before(index, verb_offset + 1) else {
            return false;
        };
        let subject = self.text(subject_index);
        if !self.draft.tokens[subject_index].is_word() {
            return false;
        }
        if PERSON_SUBJECTS.contains(subject) {
            return true;
        }
        // A name: capitalised, and not an ordinary word at the start of the sentence
        // ("Turnout was 58" is a figure; "Okafor was 58" and "Smith was 58" are ages).
        let capitalised = subject.chars().next().is_some_and(char::is_uppercase);
        let ordinary = is_common_word(subject) && !is_proper_noun(subject);
        capitalised && !ordinary && !is_function_word_or_adverb(subject)
    }

    /// "21 Haddington Road", "1 Bordesley Green Road", "12 Tân Mai Street".
    /// "21 Haddington Road", "1 Bordesley Green Road", "9140 E. 21st St.": a number, then
    /// capitalised words, direction letters or an ordinal, then a street word.
    fn is_address(&self, index: usize) -> bool {
        let mut words = 0;
        // "the 1400 block of Elm Avenue": a US police and court idiom for an address.
        let start = if self
            .word_after(index, 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("block"))
            && self.word_after(index, 2) == Some("of")
        {
            3
        } else {
            1
        };
        for offset in start..=start + 7 {
            let Some(next) = self.after(index, offset) else {
                return false;
            };
            let token = self.draft.tokens[next];
            let word = self.text(next);
            if token.kind == TokenKind::Punct && word == "." {
                continue;
            }
            let ordinal = token.kind == TokenKind::AlphaNum
                && word.ends_with(|c: char| c.is_ascii_alphabetic())
                && word.starts_with(|c: char| c.is_ascii_digit());
            if !(ordinal || (token.is_word() && word.chars().next().is_some_and(char::is_uppercase))) {
                return false;
            }
            words += 1;
            if words >= 2 && STREET_WORDS.contains(word) {
                return true;
            }
            if words >= 5 {
                return false;
            }
        }
        false
    }

    /// A year-shaped number before a counted noun is a year when a determiner or a
    /// possessive comes before it ("the 2026 local elections", "its 2030 targets",
    /// "Kenya's 2027 polls") or the noun names an event or a document ("2019 floods").
    /// "2026 voters", with neither, stays a count.
    fn is_year_modifier(&self, index: usize, noun: usize) -> bool {
        let determined = self.word_before(index, 1).is_some_and(|w| {
            YEAR_DETERMINERS.contains(w) || w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'")
        });
        determined || YEAR_EVENT_NOUNS.contains(self.text(noun))
    }

    /// "Route 46A", "Room 14", "move 43", "world No. 9", "IMO 9812345", "fraud over $5,000",
    /// and the numbers coordinated with such a label ("Boeing 737-8 and 737-10 panels").
    fn is_label(&self, index: usize) -> bool {
        self.is_own_label(index) || self.is_coordinated_label(index)
    }

    /// A number joined by "and", "or", "&" or a comma to a label with the same stem: the
    /// second model of "Boeing 737-8 and 737-10 panels", "Windows 10 and 11 machines". A
    /// number of another shape is a quantity: "Flight 370 and 239 passengers".
    fn is_coordinated_label(&self, index: usize) -> bool {
        if self.kind(index) != TokenKind::Number {
            return false;
        }
        let text = self.text(index);
        let mut current = index;
        // A few steps back along a list: "737-7, 737-8 and 737-10".
        for _ in 0..4 {
            let mut cursor = current;
            let mut joiners = 0;
            while let Some(previous) = self.before(cursor, 1)
                && joiners < 2
                && matches!(self.text(previous), "and" | "or" | "&" | ",")
            {
                cursor = previous;
                joiners += 1;
            }
            let Some(first) = self.before(cursor, 1).filter(|_| joiners > 0) else {
                return false;
            };
            if self.kind(first) != TokenKind::Number || !same_model_stem(self.text(first), text) {
                return false;
            }
            if self.is_own_label(first) {
                return true;
            }
            current = first;
        }
        false
    }

    fn is_own_label(&self, index: usize) -> bool {
        let Some(previous) = self.before(index, 1) else {
            return false;
        };
        let previous_text = self.text(previous);
        if previous_text == "."
            && self
                .word_before(index, 2)
                .is_some_and(|w| eq_any(w, &["no", "nos"]))
        {
            return true;
        }
        if previous_text == "#" {
            return true;
        }
        if self.kind(previous) == TokenKind::Symbol {
            // "fraud over $5,000": the name of an offence.
            return self
                .word_before(index, 2)
                .is_some_and(|w| eq_any(w, &["over", "under"]))
                && self
                    .word_before(index, 3)
                    .is_some_and(|w| eq_any(w, &["fraud", "theft", "mischief", "possession"]));
        }
        if !self.draft.tokens[previous].is_word() {
            return false;
        }
        if eq_any(
            previous_text,
            &["ranked", "seeded", "rank", "seed", "number", "no"],
        ) {
            return true;
        }
        if is_name_shaped(previous_text) {
            if is_currency_code(previous_text)
                || MONTHS.contains(previous_text)
                || WEEKDAYS.contains(previous_text)
                || QUANTITY_LEADS.contains(previous_text)
            {
                return false;
            }
            if !self.starts_sentence(previous) {
                // Mid-sentence, a capitalised or camel-case word names a label ("Route 46",
                // "Room 14", "IMO 9812345", "the iPhone 15").
                return true;
            }
            // At the start of a sentence a capital says nothing about the word: a function
            // word or an adverb leads a quantity ("Then 300 cars", "Reportedly 300 people"),
            // while a noun or a name still names a label ("Route 66", "Apollo 11", "Area 51",
            // "Pixel 9 phones", "Boeing 737").
            return !is_function_word_or_adverb(previous_text);
        }
        LABEL_NOUNS.contains(previous_text) && !self.is_quantity_context(index)
    }

    /// Is the number at `index` one part of a slashed number or code ("9/11", "24/7",
    /// "3/4", "HC/CV/1418/2023", "2023/CR/77")? A part is a number, or letters starting
    /// with a capital; "40/hour" is a rate, and stays a figure.
    fn in_slashed_number(&self, index: usize) -> bool {
        let glued = |a: usize, b: usize| self.draft.tokens[a].end == self.draft.tokens[b].start;
        let part = |i: usize| match self.kind(i) {
            TokenKind::Number | TokenKind::AlphaNum => true,
            TokenKind::Word => self.text(i).chars().next().is_some_and(char::is_uppercase),
            _ => false,
        };
        let slash_before = self.before(index, 1).is_some_and(|slash| {
            self.text(slash) == "/"
                && glued(slash, index)
                && self.before(index, 2).is_some_and(|n| part(n) && glued(n, slash))
        });
        let slash_after = self.after(index, 1).is_some_and(|slash| {
            self.text(slash) == "/"
                && glued(index, slash)
                && self.after(index, 2).is_some_and(|n| part(n) && glued(slash, n))
        });
        slash_before || slash_after
    }

    /// Is the number at `index` one side of a vote's tally: "passed 52 to 48", "voted 7 to
    /// 2", "by 312 votes to 254", "confirmed 50-49"? The result of a vote is a record, not
    /// a statistic someone must vouch for.
    fn is_vote_tally(&self, index: usize) -> bool {
        let integer =
            |i: usize| self.kind(i) == TokenKind::Number && self.text(i).bytes().all(|b| b.is_ascii_digit());
        if !integer(index) {
            return false;
        }
        let joiner = |i: usize| matches!(self.text(i), "to" | "against" | "-" | "–");
        let votes = |i: usize| self.draft.tokens[i].is_word() && eq_any(self.text(i), &["votes", "vote"]);
        // The two numbers of the tally: "52 to 48" or "312 votes to 254".
        let pair = |first: usize| -> Option<usize> {
            let mut joiner_index = self.after(first, 1)?;
            if votes(joiner_index) {
                joiner_index = self.after(joiner_index, 1)?;
            }
            let second = self.after(joiner_index, 1)?;
            (joiner(joiner_index) && integer(second)).then_some(second)
        };
        let candidates = [Some(index), self.before(index, 2), self.before(index, 3)];
        let Some((first, second)) = candidates
            .into_iter()
            .flatten()
            .filter(|&first| integer(first))
            .find_map(|first| {
                pair(first)
                    .filter(|&second| first == index || second == index)
                    .map(|s| (first, s))
            })
        else {
            return false;
        };
        // "cut 300 to 400 jobs" is a range of a count, not a tally.
        if self.unit_after(second).is_some_and(|(end, _)| !votes(end)) {
            return false;
        }
        // A vote word just before the tally ("passed 52 to 48", "by a vote of 7 to 2"), or
        // "votes" in it.
        (1..=4).any(|offset| {
            self.word_before(first, offset)
                .is_some_and(|w| VOTE_WORDS.contains(w))
        }) || (first + 1..second).any(votes)
            || self.after(second, 1).is_some_and(votes)
    }

    /// Is token `index` the first word of its sentence, allowing opening quotes, brackets and
    /// emphasis marks before it?
    fn starts_sentence(&self, index: usize) -> bool {
        (self.range.start..index).all(|i| {
            self.kind(i) == TokenKind::Punct
                && matches!(
                    self.text(i),
                    "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "„" | "*" | "_" | "—"
                )
        })
    }

    /// A number followed by a counted noun is a quantity even after a label noun
    /// ("round 3 voters" is odd; "lost 3 games" is a quantity).
    fn is_quantity_context(&self, index: usize) -> bool {
        self.word_after(index, 1).is_some_and(is_countable_plural)
    }

    /// The end of the unit or counted noun after a number (or after its magnitude word),
    /// with the figure's kind; `None` when nothing quantitative follows.
    fn unit_after(&self, last: usize) -> Option<(usize, FigureKind)> {
        let next = self.after(last, 1)?;
        let next_text = self.text(next);
        if next_text == "%" {
            return Some((next, FigureKind::Percentage));
        }
        if !self.draft.tokens[next].is_word() {
            return None;
        }
        if PERCENT_WORDS.contains(next_text) {
            // "percentage points" counts too.
            return Some((next, FigureKind::Percentage));
        }
        if next_text == "per" && self.word_after(next, 1) == Some("cent") {
            return Some((next + 1, FigureKind::Percentage));
        }
        if next_text.eq_ignore_ascii_case("percentage")
            && self.word_after(next, 1).is_some_and(|w| w.starts_with("point"))
        {
            return Some((next + 1, FigureKind::Percentage));
        }
        if CURRENCY_WORDS.contains(next_text) && !next_text.chars().next().is_some_and(char::is_uppercase) {
            return Some((next, FigureKind::Money));
        }
        if MEASUREMENT_UNITS.contains(next_text) && next_text != "in" {
            let mut end = next;
            // "kilometers per hour", "square meters".
            if self.word_after(end, 1) == Some("per") && self.word_after(end, 2).is_some() {
                end += 2;
            } else if eq_any(next_text, &["square", "cubic"]) && self.word_after(end, 1).is_some() {
                end += 1;
            }
            return Some((end, FigureKind::Measurement));
        }
        if TIME_UNITS.contains(next_text) {
            return Some((next, FigureKind::Duration));
        }
        // A counted noun, possibly after up to two modifiers.
        let mut cursor = next;
        for _ in 0..3 {
            let word = self.text(cursor);
            if !self.draft.tokens[cursor].is_word() {
                return None;
            }
            if is_countable_plural(word) {
                if TIME_UNITS.contains(word) {
                    return Some((cursor, FigureKind::Duration));
                }
                return Some((cursor, FigureKind::Count));
            }
            if !is_modifier(word) {
                return None;
            }
            cursor = self.after(cursor, 1)?;
        }
        None
    }

    /// The first token of a currency prefix right before `index` ("$", "C$", "NT$", "US$",
    /// "€", "Rs"), if any.
    fn currency_before(&self, index: usize) -> Option<usize> {
        let previous = self.before(index, 1)?;
        let attached = self.draft.tokens[previous].end == self.draft.tokens[index].start;
        let previous_text = self.text(previous);
        if self.kind(previous) == TokenKind::Symbol && previous_text != "%" && attached {
            // Letters glued to the symbol: "C$", "NT$", "HK$", "US$", "R$".
            if let Some(letters) = self.before(index, 2) {
                let letters_token = self.draft.tokens[letters];
                if letters_token.kind == TokenKind::Word
                    && letters_token.end == self.draft.tokens[previous].start
                    && self.text(letters).chars().all(|c| c.is_ascii_uppercase())
                    && self.text(letters).len() <= 3
                {
                    return Some(letters);
                }
            }
            return Some(previous);
        }
        if self.draft.tokens[previous].is_word() && is_currency_code(previous_text) {
            return Some(previous);
        }
        None
    }

    /// The last token of a fraction that completes a mixed number: "12 1/2 games".
    fn fraction_after(&self, index: usize) -> Option<usize> {
        let glued = |a: usize, b: usize| self.draft.tokens[a].end == self.draft.tokens[b].start;
        let numerator = self.after(index, 1)?;
        let slash = self.after(index, 2)?;
        let denominator = self.after(index, 3)?;
        let small = |i: usize| {
            (self.kind(i) == TokenKind::Number)
                .then(|| self.text(i).parse::<u32>().ok())
                .flatten()
        };
        let (top, bottom) = (small(numerator)?, small(denominator)?);
        (!glued(index, numerator)
            && self.text(slash) == "/"
            && glued(numerator, slash)
            && glued(slash, denominator)
            && top < bottom
            && bottom <= 16)
            .then_some(denominator)
    }

    fn magnitude_after(&self, index: usize) -> Option<usize> {
        let next = self.after(index, 1)?;
        let text = self.text(next);
        (self.draft.tokens[next].is_word() && MAGNITUDES.contains(text)).then_some(next)
    }

    fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.draft.tokens[first].start..self.draft.tokens[last].end
    }

    /// The figure a numeric token starts, if it is one.
    fn numeric_figure(&self, index: usize) -> Option<Figure> {
        let text = self.text(index);
        if self.is_time(index, text) {
            return None;
        }
        let is_range = text.contains(['-', '–']);
        let digits: String = text
            .split(['-', '–'])
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let value: f64 = digits.parse().unwrap_or(0.0);
        let has_separator = text.contains(',');
        let has_decimal = digits.contains('.');
        let fraction_only = text.chars().all(|c| !c.is_ascii_digit());
        if fraction_only {
            return None;
        }
        // "9/11", "24/7", "12/05": a date or a code written with a slash.
        if self.in_slashed_number(index) {
            return None;
        }
        if self.is_vote_tally(index) {
            return None;
        }
        // "08600 10111", "0207": a leading zero marks a phone number or a code, and the digit
        // groups that follow it belong to it.
        let identifier =
            |text: &str| text.len() >= 3 && text.starts_with('0') && text.as_bytes()[1].is_ascii_digit();
        if identifier(text) {
            return None;
        }
        if let Some(previous) = self.before(index, 1)
            && self.kind(previous) == TokenKind::Number
            && identifier(self.text(previous))
        {
            return None;
        }

        let currency = self.currency_before(index);
        let magnitude = self.magnitude_after(index);
        let last_number_token = magnitude.or_else(|| self.fraction_after(index)).unwrap_or(index);
        let unit = self.unit_after(last_number_token);
        let first = currency.unwrap_or(index);

        if let Some(currency_start) = currency {
            if !self.is_label(index) {
                return Some(Figure {
                    span: self.span(currency_start, last_number_token),
                    token: index,
                    kind: FigureKind::Money,
                });
            }
            return None;
        }
        if let Some((end, kind @ (FigureKind::Percentage | FigureKind::Money))) = unit {
            return Some(Figure {
                span: self.span(first, end),
                token: index,
                kind,
            });
        }
        if is_range {
            // "4-1", "½-½", "2020-21": scores and seasons, unless a unit follows; "Boeing
            // 737-8 jets" is a model.
            return match unit {
                _ if self.is_label(index) => None,
                Some((end, kind @ (FigureKind::Count | FigureKind::Measurement))) => Some(Figure {
                    span: self.span(first, end),
                    token: index,
                    kind,
                }),
                _ => None,
            };
        }
        let is_year = !has_separator && !has_decimal && text.len() == 4 && (1800.0..=2100.0).contains(&value);
        if is_year && unit.is_none_or(|(_, kind)| kind != FigureKind::Count) {
            return None;
        }
        if is_year && unit.is_some_and(|(end, _)| self.is_year_modifier(index, end)) {
            return None;
        }
        if self.is_date(index) || self.is_age(index, value) || self.is_address(index) || self.is_label(index)
        {
            return None;
        }
        // "Four in ten", "1 in 4", "14 of 17".
        if let Some(joiner) = self.word_after(index, 1)
            && (joiner == "in" || joiner == "of" || joiner == "out")
            && self
                .after(index, 2)
                .is_some_and(|i| self.kind(i) == TokenKind::Number || spelled_number(self.text(i)).is_some())
        {
            let end = self.after(index, 2).unwrap_or(index);
            return Some(Figure {
                span: self.span(index, end),
                token: index,
                kind: FigureKind::Proportion,
            });
        }
        match unit {
            Some((end, FigureKind::Duration)) => {
                let qualified = (1..=3).any(|offset| {
                    self.word_before(index, offset)
                        .is_some_and(|w| STATISTICAL_QUALIFIERS.contains(w))
                });
                // "reached 90 years of age" is an age.
                let of_age = self.word_after(end, 1) == Some("old")
                    || (self.word_after(end, 1) == Some("of") && self.word_after(end, 2) == Some("age"));
                let changed = self.after_a_change(index) && !of_age;
                (has_decimal || qualified || changed || value >= 100.0).then(|| Figure {
                    span: self.span(first, end),
                    token: index,
                    kind: FigureKind::Duration,
                })
            }
            Some((end, kind)) => Some(Figure {
                span: self.span(first, end),
                token: index,
                kind,
            }),
            None => {
                // A bare quantity: "up from 779,000", "About 41,000 of those patients".
                (value >= 10.0 || has_decimal || magnitude.is_some()).then(|| Figure {
                    span: self.span(first, last_number_token),
                    token: index,
                    kind: FigureKind::Quantity,
                })
            }
        }
    }

    /// Is the duration at `index` the quantity a sentence reports as changed: "waits have
    /// stretched to 11 months", "delays grew to six weeks", "the backlog reached 18 weeks",
    /// "waiting lists of 40 weeks"? "He was jailed for 11 months" and "for two weeks" are
    /// narrative, and "was cut to 11 months" or "extended to two years" are decisions.
    fn after_a_change(&self, index: usize) -> bool {
        let mut verb = 1;
        if self.word_before(index, 1) == Some("to") {
            verb = 2;
        } else if self.word_before(index, 1) == Some("of") {
            return self.word_before(index, 2).is_some_and(|w| {
                eq_any(
                    w,
                    &[
                        "wait", "waits", "waiting", "delay", "delays", "backlog", "backlogs", "lists",
                    ],
                )
            });
        }
        self.word_before(index, verb)
            .is_some_and(|w| CHANGE_VERBS.contains(w))
    }

    /// Is the figure the score or result of the game being reported rather than a
    /// statistic? A winning margin ("beat England by 45 runs"), a cricket score ("131 for
    /// four", "six for 58", "all out for 204"), and, in a sentence about play (innings,
    /// wickets, a match, a lap…), a bare number ("a brave 71") or a count of scoring units
    /// ("nine wickets") unless a season or career qualifies it ("17 league goals last
    /// season" stays a figure).
    fn is_game_score(&self, figure: &Figure) -> bool {
        if figure.kind == FigureKind::Money {
            return false;
        }
        let index = figure.token;
        let small = |token: Option<usize>| {
            token.is_some_and(|i| {
                let text = self.text(i);
                match self.kind(i) {
                    TokenKind::Number => text.parse::<u32>().is_ok_and(|v| v <= 10),
                    TokenKind::Word => {
                        text == "no" || spelled_number(text).is_some_and(|v| v <= 10) || text == "one"
                    }
                    _ => false,
                }
            })
        };
        if self.word_before(index, 1) == Some("by")
            && (2..=7).any(|k| self.word_before(index, k).is_some_and(|w| WIN_WORDS.contains(w)))
        {
            return true;
        }
        if self.word_after(index, 1) == Some("for") && small(self.after(index, 2)) {
            return true;
        }
        if self.word_before(index, 1) == Some("for")
            && (small(self.before(index, 2))
                || (self.word_before(index, 2) == Some("out") && self.word_before(index, 3) == Some("all")))
        {
            return true;
        }
        if self.word_after(index, 1) == Some("all") && self.word_after(index, 2) == Some("out") {
            return true;
        }
        if !self.about_play() {
            return false;
        }
        match figure.kind {
            FigureKind::Quantity => true,
            // "won 81% of points behind her first serve": a statistic of the game itself.
            FigureKind::Percentage => !self.has_season_word(),
            FigureKind::Count => {
                let noun = self.draft.source[figure.span.clone()]
                    .split_whitespace()
                    .last()
                    .unwrap_or("");
                SCORING_UNITS.contains(noun) && !self.has_season_word()
            }
            _ => false,
        }
    }

    /// Does the sentence name a season, a career or a record ("17 league goals last
    /// season")?
    fn has_season_word(&self) -> bool {
        *self.has_season_word.get_or_init(|| {
            (self.range.start..self.range.end).any(|i| {
                self.draft.tokens[i].is_word()
                    && (SEASON_WORDS.contains(self.text(i)) || self.leads_a_competition(i))
            })
        })
    }

    /// "leads the NHL", "topped the NBA": a leader of a whole competition, named by its
    /// acronym, holds a season's total, not a game's.
    fn leads_a_competition(&self, index: usize) -> bool {
        if !COMPETITION_LEAD_VERBS.contains(self.text(index)) {
            return false;
        }
        let mut next = index + 1;
        if self
            .word_after(index, 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            next += 1;
        }
        self.after(next, 0)
            .filter(|&i| self.draft.tokens[i].is_word())
            .is_some_and(|i| {
                let word = self.text(i);
                word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
            })
    }

    /// Is the figure a team's place in a table rather than a statistic? Points in a
    /// standings row ("Penrith Redbacks – 32 points"), points beside a place in a table
    /// ("second in Group C with 19 points", "top of the ladder on 40 points", "finished
    /// fourth with 61 points"), and games behind a leader ("12 games ahead of Boston").
    /// "He was 40 points clear" and "leads the league with 31 points" stay figures: the
    /// first names no table, and a league leader may be one player with a season's total.
    fn is_standing(&self, figure: &Figure) -> bool {
        if figure.kind != FigureKind::Count {
            return false;
        }
        let last = self.last_token(figure);
        let noun = self.text(last);
        if noun.eq_ignore_ascii_case("games") {
            return match self.word_after(last, 1) {
                Some(w) if eq_any(w, &["ahead", "behind", "back", "clear", "adrift"]) => true,
                Some("out") => self.word_after(last, 2) == Some("of"),
                _ => false,
            };
        }
        if !eq_any(noun, &["points", "pts"]) {
            return false;
        }
        self.is_table_row(figure.token, last) || self.place_before(figure.token) || self.standing_phrase()
    }

    /// The last token of a figure.
    fn last_token(&self, figure: &Figure) -> usize {
        let mut last = figure.token;
        while last + 1 < self.range.end && self.draft.tokens[last + 1].end <= figure.span.end {
            last += 1;
        }
        last
    }

    /// A sentence that is a row of a table: a name, a separator, the number and its unit,
    /// and nothing else ("Penrith Redbacks – 32 points", "Kingston: 40 pts").
    fn is_table_row(&self, number: usize, last: usize) -> bool {
        let Some(separator) = self.before(number, 1) else {
            return false;
        };
        if !matches!(self.text(separator), "–" | "—" | "-" | ":" | "," | "|") || separator == self.range.start
        {
            return false;
        }
        let name = (self.range.start..separator).all(|i| {
            let token = self.draft.tokens[i];
            matches!(
                token.kind,
                TokenKind::Word | TokenKind::Abbrev | TokenKind::AlphaNum
            ) && self.text(i).chars().next().is_some_and(char::is_uppercase)
        });
        name && (last + 1..self.range.end).all(|i| self.kind(i) == TokenKind::Punct)
    }

    /// A place right before the points: "second with 19 points", "fourth on 40 points",
    /// "third place with 12 points".
    fn place_before(&self, number: usize) -> bool {
        if !self
            .word_before(number, 1)
            .is_some_and(|w| eq_any(w, &["with", "on"]))
        {
            return false;
        }
        let place = match self.word_before(number, 2) {
            Some(w) if eq_any(w, &["place", "spot", "position"]) => self.before(number, 3),
            _ => self.before(number, 2),
        };
        place.is_some_and(|i| self.is_position(i))
    }

    /// "second", "top", "3rd": a place in a table.
    fn is_position(&self, index: usize) -> bool {
        let text = self.text(index);
        match self.kind(index) {
            TokenKind::Word => STANDING_POSITIONS.contains(text),
            TokenKind::AlphaNum => {
                let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let suffix = &text[digits.len()..];
                !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && eq_any(suffix, &["st", "nd", "rd", "th"])
            }
            _ => false,
        }
    }

    /// Does the sentence name a place in a table ("second in Group C", "top of the
    /// ladder", "atop the standings") or a team leading one ("lead the table", "topped
    /// the Eastern Conference")?
    fn standing_phrase(&self) -> bool {
        *self.standing_phrase.get_or_init(|| {
            let table_within = |from: usize, words: usize| {
                (from..self.range.end.min(from + words))
                    .take_while(|&i| !matches!(self.text(i), "," | ";" | ":" | "(" | ")"))
                    .any(|i| self.draft.tokens[i].is_word() && TABLE_NOUNS.contains(self.text(i)))
            };
            (self.range.start..self.range.end).any(|i| {
                let word = self.text(i);
                if self.is_position(i)
                    && self
                        .word_after(i, 1)
                        .is_some_and(|w| eq_any(w, &["in", "of", "on"]))
                {
                    return table_within(i + 2, 4);
                }
                if self.kind(i) == TokenKind::Word && word.eq_ignore_ascii_case("atop") {
                    return table_within(i + 1, 4);
                }
                if self.kind(i) == TokenKind::Word && TABLE_LEAD_VERBS.contains(word) {
                    return table_within(i + 1, 3);
                }
                false
            })
        })
    }

    /// Is the figure a count of the parts of a game in a sentence about play, with a
    /// game's score, or after a verb of winning: "led 3-2 after two periods", "won the
    /// final in three sets"?
    fn is_game_segment(&self, figure: &Figure) -> bool {
        if figure.kind != FigureKind::Count {
            return false;
        }
        let noun = self.text(self.last_token(figure));
        let after_a_win = || {
            (1..=5).any(|offset| {
                self.word_before(figure.token, offset)
                    .is_some_and(|w| WIN_WORDS.contains(w))
            })
        };
        GAME_SEGMENTS.contains(noun) && (self.about_play() || self.has_game_score() || after_a_win())
    }

    /// Does the sentence give a game's score after a verb of winning or leading ("led 3-2",
    /// "beat the Pilots 5-3", "drew 1-1")?
    fn has_game_score(&self) -> bool {
        *self.has_game_score.get_or_init(|| {
            (self.range.start..self.range.end).any(|i| {
                if self.kind(i) != TokenKind::Number {
                    return false;
                }
                let mut sides = self.text(i).split(['-', '–']);
                let score = |side: Option<&str>| {
                    side.is_some_and(|s| {
                        s.len() <= 3 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
                    })
                };
                if !(score(sides.next()) && score(sides.next()) && sides.next().is_none()) {
                    return false;
                }
                (1..=4).any(|offset| {
                    self.word_before(i, offset).is_some_and(|w| {
                        WIN_WORDS.contains(w)
                            || eq_any(w, &["drew", "draw", "tied", "tie", "trail", "trails", "lead"])
                    })
                })
            })
        })
    }

    /// Does the sentence describe play: innings, wickets, a match, a lap, a tie-break?
    fn about_play(&self) -> bool {
        *self.about_play.get_or_init(|| self.find_play())
    }

    fn find_play(&self) -> bool {
        (self.range.start..self.range.end).any(|i| {
            let token = self.draft.tokens[i];
            match token.kind {
                TokenKind::Word => {
                    let text = self.text(i);
                    (text == "Test" && i > self.range.start)
                        || text.split('-').any(|part| PLAY_WORDS.contains(part))
                        || self.is_golf_scoring(i)
                }
                TokenKind::NumberCompound | TokenKind::AlphaNum => self.is_golf_scoring(i),
                // A cricket score elsewhere in the sentence: "96 for five", "287 all out".
                TokenKind::Number => {
                    (self.word_after(i, 1) == Some("for")
                        && self.after(i, 2).is_some_and(|n| {
                            let text = self.text(n);
                            text.parse::<u32>().is_ok_and(|v| v <= 10)
                                || spelled_number(text).is_some_and(|v| v <= 10)
                                || text == "one"
                        }))
                        || (self.word_after(i, 1) == Some("all") && self.word_after(i, 2) == Some("out"))
                }
                _ => false,
            }
        })
    }

    /// Is the figure what is left of a season or a tournament: "with two rounds
    /// remaining", "three races left", "four games to play"? A fixture list is a schedule,
    /// not a statistic.
    fn is_schedule(&self, figure: &Figure) -> bool {
        if figure.kind != FigureKind::Count {
            return false;
        }
        let last = self.last_token(figure);
        if !SCHEDULE_NOUNS.contains(self.text(last)) {
            return false;
        }
        match self.word_after(last, 1) {
            Some(w) if eq_any(w, &["remaining", "left"]) => true,
            Some("to") => self
                .word_after(last, 2)
                .is_some_and(|w| eq_any(w, &["go", "play", "come", "run"])),
            Some("still") => self
                .word_after(last, 2)
                .is_some_and(|w| eq_any(w, &["remaining", "left", "to"])),
            _ => false,
        }
    }

    /// Is the figure the name of a race: a standard track or pool distance after a
    /// gendered or possessive word ("the women's 400 metres", "her 200m title"), or after
    /// "the" or "a" in a sentence about racing ("won the 1,500 metres", "ran the fastest
    /// 100 metres")? "The river rose 3 metres" and "the 800 metres of fencing" are
    /// measurements.
    fn is_event_name(&self, figure: &Figure) -> bool {
        if figure.kind != FigureKind::Measurement {
            return false;
        }
        let number = self.text(figure.token);
        let last = self.last_token(figure);
        let (digits, unit) = if last == figure.token {
            // Glued: "200m", "5km".
            let end = number
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(number.len());
            (&number[..end], &number[end..])
        } else {
            (number, self.text(last))
        };
        let value: String = digits.chars().filter(char::is_ascii_digit).collect();
        let track = matches!(
            value.as_str(),
            "50" | "60"
                | "100"
                | "110"
                | "200"
                | "300"
                | "400"
                | "800"
                | "1500"
                | "1600"
                | "3000"
                | "5000"
                | "10000"
        );
        let road = eq_any(unit, &["km", "k", "mile", "miles"])
            && matches!(value.as_str(), "5" | "10" | "15" | "21" | "42");
        if !(track || road) {
            return false;
        }
        if !eq_any(
            unit,
            &[
                "metres", "meters", "metre", "meter", "m", "km", "k", "mile", "miles", "kilometres",
                "kilometers",
            ],
        ) {
            return false;
        }
        // A stretch of something, or a distance from somewhere, is a measurement.
        if self.word_after(last, 1).is_some_and(|w| {
            eq_any(
                w,
                &[
                    "of", "from", "away", "long", "wide", "deep", "high", "tall", "between", "above",
                    "below", "beneath", "under", "downstream", "upstream", "offshore", "inland", "north",
                    "south", "east", "west", "short",
                ],
            )
        }) {
            return false;
        }
        let mut lead = figure.token;
        // Past a superlative: "the fastest 100 metres".
        if self
            .word_before(lead, 1)
            .is_some_and(|w| w.len() > 4 && w.ends_with("est") && w.chars().all(|c| c.is_lowercase()))
        {
            lead -= 1;
        }
        let Some(before) = self.word_before(lead, 1) else {
            return false;
        };
        let gendered = eq_any(
            before,
            &[
                "men's", "women's", "men’s", "women’s", "boys'", "girls'", "boys’", "girls’", "mens",
                "womens", "his", "her", "their",
            ],
        ) || ((before.ends_with("'s") || before.ends_with("’s")) && is_name_shaped(before));
        gendered || (eq_any(before, &["the", "a"]) && self.about_racing())
    }

    /// Is the figure a race time given as a result: a time with hundredths (or in
    /// seconds) after "in", "ran", "clocked" or the like, in a sentence about racing
    /// ("won in 10.94", "second in 9.94", "clocking 9.81 seconds to win")?
    fn is_race_time(&self, figure: &Figure) -> bool {
        let text = self.text(figure.token);
        let last = self.last_token(figure);
        let hundredths = text
            .split_once('.')
            .is_some_and(|(whole, part)| part.len() == 2 && whole.len() <= 3 && !whole.is_empty());
        let in_seconds = last != figure.token
            && eq_any(self.text(last), &["seconds", "second", "sec", "secs"])
            && text.contains('.');
        let bare = last == figure.token && figure.kind == FigureKind::Quantity;
        if !((bare && hundredths) || (figure.kind == FigureKind::Duration && in_seconds)) {
            return false;
        }
        let lead = self.word_before(figure.token, 1).is_some_and(|w| {
            eq_any(
                w,
                &[
                    "in", "ran", "run", "runs", "clocked", "clocking", "clocks", "timed", "swam", "given",
                    "posted", "recorded", "stopped",
                ],
            )
        }) || (self.word_before(figure.token, 1) == Some("of")
            && self
                .word_before(figure.token, 2)
                .is_some_and(|w| eq_any(w, &["time", "times", "best", "record"])));
        lead && (self.about_racing() || self.has_placing())
    }

    /// Does the sentence name a place in a finish ("second in", "edged third") or a win?
    fn has_placing(&self) -> bool {
        (self.range.start..self.range.end).any(|i| {
            self.draft.tokens[i].is_word()
                && (WIN_WORDS.contains(self.text(i))
                    || (self.is_position(i)
                        && self.word_after(i, 1).is_some_and(|w| eq_any(w, &["in", "place"]))))
        })
    }

    /// Does the sentence describe a race: a final, a heat, a sprint, a medal, a stroke?
    fn about_racing(&self) -> bool {
        *self.about_racing.get_or_init(|| {
            (self.range.start..self.range.end)
                .any(|i| self.draft.tokens[i].is_word() && RACING_WORDS.contains(self.text(i)))
        })
    }

    /// Golf's scoring idiom at token `index`: a score against par ("four-under-par",
    /// "12 under par", "level par", "a par-72 course", "par 72"), a birdie or a bogey, a
    /// card ("carded a 68"), or rounds with their scores ("rounds of 70 and 69"). "On a par
    /// with" and "below par" are ordinary English.
    fn is_golf_scoring(&self, index: usize) -> bool {
        let text = self.text(index);
        let number_like = |word: &str| {
            word.bytes().all(|b| b.is_ascii_digit()) && !word.is_empty()
                || spelled_number(word).is_some()
                || eq_any(word, &["one", "level", "even"])
        };
        if text.contains('-') {
            let parts: Vec<&str> = text.split('-').collect();
            if parts.iter().any(|p| p.eq_ignore_ascii_case("par")) {
                // "four-under-par", "par-72", "two-over-par", "under-par".
                return parts
                    .iter()
                    .any(|p| number_like(p) || eq_any(p, &["under", "over", "level", "even"]));
            }
            return parts
                .iter()
                .any(|p| eq_any(p, &["birdie", "birdies", "bogey", "bogeys", "eagle"]))
                && parts
                    .iter()
                    .any(|p| number_like(p) || eq_any(p, &["double", "triple"]));
        }
        if eq_any(
            text,
            &[
                "birdie", "birdies", "birdied", "bogey", "bogeys", "bogeyed", "carded", "eagled",
            ],
        ) {
            return true;
        }
        if text.eq_ignore_ascii_case("par") {
            // "par 72", "par five".
            if self.after(index, 1).is_some_and(|n| number_like(self.text(n))) {
                return true;
            }
            // "12 under par", "level par", "one over par".
            return self
                .word_before(index, 1)
                .is_some_and(|w| eq_any(w, &["under", "over", "level", "even"]))
                && self.before(index, 2).is_some_and(|n| number_like(self.text(n)));
        }
        // "rounds of 70, 69, 69 and 68", "a round of 65".
        eq_any(text, &["round", "rounds"])
            && self.word_after(index, 1) == Some("of")
            && self.after(index, 2).is_some_and(|n| {
                self.kind(n) == TokenKind::Number
                    && self.text(n).parse::<u32>().is_ok_and(|v| (55..=95).contains(&v))
                    && self.unit_after(n).is_none()
            })
    }

    /// A number with its magnitude or unit glued on: "$450m", "£3.2bn", "€4.2m", "40km",
    /// "12kg". Labels ("46A", "4G", "A35"), ordinals ("18th"), decades ("1990s") and times
    /// ("10am") are not figures.
    fn glued_unit_figure(&self, index: usize) -> Option<Figure> {
        let text = self.text(index);
        let digits_end = text.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))?;
        if digits_end == 0 {
            return self.glued_currency_figure(index);
        }
        if !text[..digits_end].ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let suffix = &text[digits_end..];
        let lower = suffix.to_ascii_lowercase();
        if self.is_label(index) {
            return None;
        }
        // "reached 51C", "a low of 40F": a temperature, when the sentence says so or a
        // word of quantity leads it. "Room 12C" and "seat 4F" are labels (above).
        if matches!(suffix, "C" | "F") {
            let led = self
                .word_before(index, 1)
                .is_some_and(|w| TEMPERATURE_LEADS.contains(w));
            let about_heat = (self.range.start..self.range.end)
                .any(|i| self.draft.tokens[i].is_word() && TEMPERATURE_WORDS.contains(self.text(i)));
            return (led || about_heat).then(|| Figure {
                span: self.span(index, index),
                token: index,
                kind: FigureKind::Measurement,
            });
        }
        if matches!(lower.as_str(), "m" | "bn" | "mn" | "tn" | "b" | "k") {
            // A magnitude needs money around it: "$450m", "3bn euros".
            if let Some(currency) = self.currency_before(index) {
                return Some(Figure {
                    span: self.span(currency, index),
                    token: index,
                    kind: FigureKind::Money,
                });
            }
            let next = self.word_after(index, 1)?;
            if CURRENCY_WORDS.contains(next) {
                return Some(Figure {
                    span: self.span(index, index + 1),
                    token: index,
                    kind: FigureKind::Money,
                });
            }
            return None;
        }
        let unit = matches!(
            lower.as_str(),
            "km" | "kg"
                | "cm"
                | "mm"
                | "mph"
                | "kph"
                | "kw"
                | "mw"
                | "gw"
                | "kwh"
                | "mwh"
                | "gwh"
                | "ha"
                | "ml"
                | "ft"
                | "lb"
                | "lbs"
                | "oz"
                | "kmh"
                | "km/h"
                | "mm/h"
        );
        unit.then(|| Figure {
            span: self.span(index, index),
            token: index,
            kind: FigureKind::Measurement,
        })
    }

    /// Money written with its currency code glued to the amount: "Rs48", "Sh200",
    /// "KSh1,500", "Tk500", "Rs2.5bn". A one-letter code ("R45", "P18", "K20") is also a
    /// road, a form or a grade, so it needs a word of money or quantity before it ("costs
    /// R45", "about P18") or a magnitude or rate after it.
    fn glued_currency_figure(&self, index: usize) -> Option<Figure> {
        let text = self.text(index);
        let digits_start = text.find(|c: char| c.is_ascii_digit())?;
        let (code, rest) = text.split_at(digits_start);
        let magnitude_start = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let glued_magnitude = &rest[magnitude_start..];
        if !(is_currency_code(code) || code == "P")
            || !(glued_magnitude.is_empty()
                || matches!(
                    glued_magnitude.to_ascii_lowercase().as_str(),
                    "m" | "bn" | "mn" | "k" | "tn"
                ))
        {
            return None;
        }
        // The rest of the amount when the tokenizer stopped at a separator: "KSh1" "," "500".
        let glued = |a: usize, b: usize| self.draft.tokens[a].end == self.draft.tokens[b].start;
        let mut last = index;
        while let (Some(separator), Some(more)) = (self.after(last, 1), self.after(last, 2)) {
            if matches!(self.text(separator), "," | ".")
                && glued(last, separator)
                && glued(separator, more)
                && matches!(self.kind(more), TokenKind::Number | TokenKind::AlphaNum)
                && self.text(more).starts_with(|c: char| c.is_ascii_digit())
            {
                last = more;
            } else {
                break;
            }
        }
        let magnitude = self.magnitude_after(last);
        if code.chars().count() == 1 {
            let led = self.word_before(index, 1).is_some_and(|w| {
                MONEY_LEADS.contains(w)
                    || (QUANTITY_LEADS.contains(w)
                        && !eq_any(w, &["the", "a", "an", "in", "on", "and", "or"]))
            });
            let rate = self.word_after(last, 1) == Some("per") || self.word_after(last, 1) == Some("a");
            if !(led || rate || magnitude.is_some() || !glued_magnitude.is_empty()) {
                return None;
            }
        }
        Some(Figure {
            span: self.span(index, magnitude.unwrap_or(last)),
            token: index,
            kind: FigureKind::Money,
        })
    }

    /// The figure a spelled-out number or vague multiple starts ("Forty-one houses",
    /// "dozens of", "four in ten", "a third of voters").
    fn spelled_figure(&self, index: usize) -> Option<Figure> {
        let word = self.text(index);
        // One lookup rules out almost every word.
        let head = word.split('-').next().unwrap_or(word);
        if !NUMBER_WORDS.contains(head) {
            return None;
        }
        let previous = self.word_before(index, 1);
        if VAGUE_MULTIPLES.contains(word) {
            if self.word_after(index, 1) == Some("of") {
                // "tens of millions of euros": take the whole phrase.
                let mut end = index + 1;
                if let Some(after) = self.after(end, 1)
                    && VAGUE_MULTIPLES.contains(self.text(after))
                    && self.word_after(after, 1) == Some("of")
                {
                    end = after + 1;
                }
                let noun = self.after(end, 1).filter(|&i| self.draft.tokens[i].is_word())?;
                if TIME_UNITS.contains(self.text(noun)) {
                    return None;
                }
                return Some(Figure {
                    span: self.span(index, noun),
                    token: index,
                    kind: FigureKind::Count,
                });
            }
            return None;
        }
        // "a dozen women", "More than a dozen women", "two dozen houses".
        if word.eq_ignore_ascii_case("dozen") {
            let first = match previous {
                Some(p) if eq_any(p, &["a", "half", "two", "three", "four", "five", "six"]) => index - 1,
                _ => index,
            };
            let noun = self
                .word_after(index, 1)
                .filter(|w| is_countable_plural(w) && !TIME_UNITS.contains(w))?;
            let _ = noun;
            return Some(Figure {
                span: self.span(first, index + 1),
                token: first,
                kind: FigureKind::Count,
            });
        }
        // "twice as often", "three times as many", "four times higher": a comparison that
        // is a statistic.
        let comparison_word = |offset: usize| self.word_after(index, offset);
        if word.eq_ignore_ascii_case("twice") || word.eq_ignore_ascii_case("thrice") {
            if comparison_word(1).is_some_and(|w| w == "as") {
                return Some(Figure {
                    span: self.span(index, index + 2),
                    token: index,
                    kind: FigureKind::Proportion,
                });
            }
            return None;
        }
        if spelled_number(word).is_some()
            && comparison_word(1) == Some("times")
            && comparison_word(2).is_some_and(|w| {
                eq_any(
                    w,
                    &[
                        "as", "more", "higher", "lower", "larger", "bigger", "faster", "greater", "smaller",
                        "fewer", "less", "the",
                    ],
                )
            })
        {
            return Some(Figure {
                span: self.span(index, index + 2),
                token: index,
                kind: FigureKind::Proportion,
            });
        }
        if FRACTIONS.contains(word) {
            // "a third of voters", "nearly a fifth of the fibre", "half of all households";
            // not "the second half of the game" or "half an hour".
            if self.word_after(index, 1) != Some("of") {
                return None;
            }
            let quantified = match previous {
                None => true,
                Some(p) => eq_any(
                    p,
                    &[
                        "a", "an", "one", "two", "three", "four", "nearly", "almost", "about", "around",
                        "roughly", "over", "under", "than", "some", "just", "only",
                    ],
                ),
            };
            if !quantified {
                return None;
            }
            let mut noun = self.after(index, 2)?;
            while eq_any(
                self.text(noun),
                &[
                    "the", "all", "its", "their", "those", "these", "a", "an", "his", "her", "our",
                ],
            ) {
                noun = self.after(noun, 1)?;
            }
            let noun_token = self.draft.tokens[noun];
            let noun_text = self.text(noun);
            if !noun_token.is_word()
                || TIME_UNITS.contains(noun_text)
                || eq_any(noun_text, &["way", "time", "century", "distance"])
            {
                return None;
            }
            let first = if previous.is_some_and(|p| eq_any(p, &["a", "an", "one"])) {
                index - 1
            } else {
                index
            };
            return Some(Figure {
                span: self.span(first, noun),
                token: first,
                kind: FigureKind::Proportion,
            });
        }
        let value = spelled_number(word)?;
        if previous.is_some_and(|p| REFERENCE_DETERMINERS.contains(p)) {
            return None;
        }
        // "four in ten".
        if self.word_after(index, 1) == Some("in")
            && self
                .word_after(index, 2)
                .is_some_and(|w| spelled_number(w).is_some() || w == "ten")
        {
            return Some(Figure {
                span: self.span(index, index + 2),
                token: index,
                kind: FigureKind::Proportion,
            });
        }
        let mut last = index;
        // "two million people", "three hundred".
        while let Some(next) = self.word_after(last, 1) {
            if spelled_number(next).is_some_and(|v| v >= 100) || MAGNITUDES.contains(next) {
                last += 1;
            } else {
                break;
            }
        }
        let _ = value;
        match self.unit_after(last) {
            Some((
                end,
                kind @ (FigureKind::Count
                | FigureKind::Percentage
                | FigureKind::Money
                | FigureKind::Measurement),
            )) => Some(Figure {
                span: self.span(index, end),
                token: index,
                kind,
            }),
            _ => None,
        }
    }
}

/// Every figure among the tokens `range` of a sentence, in order.
pub fn figures_in(draft: &ParsedDraft<'_>, range: Range<usize>) -> Vec<Figure> {
    let scanner = Scanner {
        draft,
        range: range.clone(),
        about_play: OnceCell::new(),
        has_season_word: OnceCell::new(),
        standing_phrase: OnceCell::new(),
        has_game_score: OnceCell::new(),
        about_racing: OnceCell::new(),
    };
    let mut figures = Vec::new();
    let mut index = range.start;
    while index < range.end {
        let token = draft.tokens[index];
        let figure = match token.kind {
            TokenKind::Number => scanner.numeric_figure(index),
            TokenKind::AlphaNum => scanner.glued_unit_figure(index),
            TokenKind::Word => scanner.spelled_figure(index),
            _ => None,
        };
        if let Some(figure) = figure.filter(|f| {
            !scanner.is_game_score(f)
                && !scanner.is_standing(f)
                && !scanner.is_game_segment(f)
                && !scanner.is_schedule(f)
                && !scanner.is_event_name(f)
                && !scanner.is_race_time(f)
        }) {
            let end = figure.span.end;
            figures.push(figure);
            // Continue after the figure so "C$14.3 million" is one figure, not two.
            while index < range.end && draft.tokens[index].start < end {
                index += 1;
            }
        } else {
            index += 1;
        }
    }
    figures
}

/// True for a currency sign, exported for other checks.
pub fn is_currency(character: char) -> bool {
    is_currency_symbol(character)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DraftFormat;

    fn figures(text: &str) -> Vec<String> {
        let source = format!("Intro sentence here.\n\n{text}");
        let draft = ParsedDraft::parse(&source, DraftFormat::PlainText);
        let block = draft.blocks.last().unwrap();
        figures_in(&draft, block.tokens.clone())
            .into_iter()
            .map(|f| draft.source[f.span].to_string())
            .collect()
    }

    #[test]
    fn statistics_are_figures() {
        assert_eq!(
            figures("The dispute affects about 2,300 drivers and staff."),
            vec!["2,300 drivers"]
        );
        assert_eq!(figures("Ridership fell 18% in the first hour."), vec!["18%"]);
        assert_eq!(
            figures("Forty-one houses were evacuated."),
            vec!["Forty-one houses"]
        );
        assert_eq!(
            figures("Gusts reached 70 kilometers per hour."),
            vec!["70 kilometers per hour"]
        );
        assert_eq!(
            figures("The scheme took in about C$14.3 million."),
            vec!["C$14.3 million"]
        );
        assert_eq!(
            figures("Revenue fell to NT$18.6 billion."),
            vec!["NT$18.6 billion"]
        );
        assert_eq!(
            figures("The university owes 2.3 billion naira."),
            vec!["2.3 billion naira"]
        );
        assert_eq!(
            figures("Patients waited a median of 14.2 weeks."),
            vec!["14.2 weeks"]
        );
        assert_eq!(figures("About 41,000 of those patients waited."), vec!["41,000"]);
        assert_eq!(figures("He scored 17 league goals."), vec!["17 league goals"]);
        assert_eq!(figures("Hundreds of fans came."), vec!["Hundreds of fans"]);
        assert_eq!(
            figures("Four in ten are on temporary contracts."),
            vec!["Four in ten"]
        );
        assert_eq!(figures("It costs £41 million a year."), vec!["£41 million"]);
        assert_eq!(
            figures("A third of voters stayed home."),
            vec!["A third of voters"]
        );
    }

    #[test]
    fn other_numbers_are_not_figures() {
        assert!(figures("Pickets went up at 4:30 a.m. on Dec. 10 and 11 in 2019.").is_empty());
        assert!(figures("Declan O'Rourke, 58, and his daughter, 9, left.").is_empty());
        assert!(figures("They met at 21 Haddington Road and 1 Bordesley Green Road.").is_empty());
        assert!(figures("He scored in a 4-1 win; Liu ½-½ Lu.").is_empty());
        assert!(figures("Tavares will wear the No. 9 shirt on Route 46A at Gate 4.").is_empty());
        assert!(figures("He resigned on move 43 of the third game on the A35.").is_empty());
        assert!(figures("He pleaded guilty to fraud over $5,000.").is_empty());
        assert!(figures("The accused, aged between 24 and 51, were silent. Call 08600 10111.").is_empty());
        assert!(
            figures("Crews went to the Willow Bend Apartments, 9140 E. 21st St., at 2:47 a.m.").is_empty()
        );
        assert!(figures("She served 11 aces and won 81% of points behind her first serve.").is_empty());
        assert!(figures("It opened a 24-bed ward for the seven-month war.").is_empty());
        assert!(figures("He stayed for two weeks and 40 years after the three universities.").is_empty());
        assert!(figures("Students watched from the 18th-century hall with 4G modems.").is_empty());
        assert!(figures("Sri Lanka beat England by 45 runs, wrapping up a 1-0 series win.").is_empty());
        assert!(figures("England resumed on 131 for four, needing another 119 to win the match.").is_empty());
        assert!(
            figures("He finished with six for 58, and nine wickets in the match; they were all out for 204.")
                .is_empty()
        );
        assert_eq!(
            figures("Tavares scored 17 league goals for the side last season."),
            vec!["17 league goals"]
        );
    }

    #[test]
    fn a_sentence_opening_adverb_is_not_a_name() {
        for (text, figure) in [
            ("Then 300 cars burned.", "300 cars"),
            ("Later 300 cars burned.", "300 cars"),
            ("Now 300 cars burned.", "300 cars"),
            ("Still 300 cars burned.", "300 cars"),
            ("Overall 300 cars burned.", "300 cars"),
            ("Yesterday 300 cars burned.", "300 cars"),
            ("But 300 cars burned.", "300 cars"),
            ("Reportedly 300 people died.", "300 people"),
            ("Allegedly 300 people died.", "300 people"),
            ("Officially 300 people died.", "300 people"),
            ("“Then 300 cars burned.”", "300 cars"),
            ("Then 300 burned.", "300"),
        ] {
            assert_eq!(figures(text), vec![figure], "{text}");
        }
    }

    #[test]
    fn names_with_numbers_stay_labels() {
        for text in [
            "Route 66 is closed.",
            "Apollo 11 landed.",
            "Flight 370 vanished.",
            "Gate 4 is shut.",
            "Highway 401 is shut.",
            "Boeing 737 jets are grounded.",
            "Section 144 applies.",
            "Area 51 is a base.",
            "Windows 11 is out.",
            "Pixel 9 phones sold.",
            "Assembly 12 met.",
            "The iPhone 15 sold well.",
            "Fans bought the eBay 40 lots.",
            "They rebuilt the Then 300 Arena.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
    }

    #[test]
    fn ages_told_by_a_verb_are_not_figures() {
        for text in [
            "She turned 40 last year.",
            "He was 12 when he left.",
            "Smith, who is 62, was hurt.",
            "Okafor was 58 when she died.",
            "He's 40.",
            "She is now 40 and lives in Leeds.",
            "A man aged 40 was hurt.",
            "The victim, aged 40, died.",
            "The firm turns 100 this year.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // Look-alikes: a rate, a count or a lead after the same verbs.
        assert_eq!(figures("Turnout was 58 on Monday."), vec!["58"]);
        assert_eq!(figures("He was 40 points clear."), vec!["40 points"]);
        assert_eq!(figures("She was 300 metres away."), vec!["300 metres"]);
        assert_eq!(figures("Inflation was 12 percent."), vec!["12 percent"]);
        assert_eq!(figures("They were 12 in all."), vec!["12"]);
    }

    #[test]
    fn standings_are_rankings_not_statistics() {
        for text in [
            "Harbour City Gulls – 41 points",
            "Westfield: 18 pts",
            "The draw leaves Riverton third in Pool B with 14 points, level with Dunmore.",
            "Ashby sit top of the table on 40 points.",
            "The Owls finished fourth with 61 points.",
            "The Owls are 3rd place with 61 points.",
            "The Cardinals lead the Western Conference with 44 points.",
            "Riverton sit atop the Eastern Division standings with 70 points.",
            "The Cardinals are 11 games back of Denver.",
            "The Cardinals are 12 1/2 games behind Denver.",
            "The Cardinals are six games out of first place.",
            "The win lifts the Owls to fifth, two behind rivals Ashby.",
            "The Cardinals improved to 31-12-4.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // Look-alikes: a poll lead, a margin, a league leader's season total, an index.
        assert_eq!(
            figures("Labour is 12 points ahead of the Tories."),
            vec!["12 points"]
        );
        assert_eq!(
            figures("Labour is second in the polls with 31 points."),
            vec!["31 points"]
        );
        assert_eq!(
            figures("Okoro leads the league with 58 points."),
            vec!["58 points"]
        );
        assert_eq!(
            figures("The index gained 40 points on Monday."),
            vec!["40 points"]
        );
        assert_eq!(figures("The Cardinals played 11 games in May."), vec!["11 games"]);
        assert_eq!(
            figures("Ticket sales – 41 points higher than a year ago."),
            vec!["41 points"]
        );
    }

    #[test]
    fn a_year_before_a_noun_is_a_year() {
        for text in [
            "Voters return for the 2027 provincial elections.",
            "Kenya's 2027 polls will be close.",
            "Its 2035 emission targets were scrapped.",
            "Planners blamed 2019 floods for the delay.",
            "The 2031 census will count everyone.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // With neither a determiner nor an event noun, the number is a count.
        assert_eq!(figures("About 2026 voters turned out."), vec!["2026 voters"]);
        assert_eq!(figures("Some 1900 people attended."), vec!["1900 people"]);
        assert_eq!(figures("The 1,950 workers walked out."), vec!["1,950 workers"]);
    }

    #[test]
    fn codes_and_coordinated_models_are_labels() {
        for text in [
            "The court listed the matter as HC/CV/2211/2024 on Friday.",
            "The complaint, filed as Ref/77/2023, was dropped.",
            "Airbus A350-900 and A350-1000 jets are parked.",
            "The carrier flies Boeing 777 and 787 aircraft.",
            "The plant builds Embraer 190-E2, 195-E2 and 175-E2 wings.",
            "The plant builds Boeing 737-7, 737-8 and 737-10 panels.",
            "The Boeing 737-8 jets were grounded.",
            "Windows 10 and 11 machines need the patch.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // A rate with a slash, and a number of another shape beside a label, are figures.
        assert_eq!(
            figures("Wages rose to 40/hour for 300 workers."),
            vec!["40", "300 workers"]
        );
        assert_eq!(
            figures("Flight 370 and 239 passengers vanished."),
            vec!["239 passengers"]
        );
        assert_eq!(
            figures("Boeing 737 and 3,000 other jets were grounded."),
            vec!["3,000 other jets"]
        );
    }

    #[test]
    fn parts_of_a_game_and_ages_at_a_life_event_are_not_figures() {
        for text in [
            "The Otters trailed 2-1 after two periods.",
            "Nadal won 6-4 in three sets.",
            "She won the final in three sets.",
            "Mensah joined the academy at 14.",
            "She left school at just 15, when her father fell ill.",
            "The novelist died at 84.",
            "Mensah signed with Leeds out of a Lagos academy at 17 in 2011.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // Periods with no game in the sentence, and "at 16" after other verbs, are figures.
        assert_eq!(
            figures("After two periods of decline, output grew 0.4%."),
            vec!["two periods", "0.4%"]
        );
        assert_eq!(figures("The death toll stood at 16."), vec!["16"]);
        assert_eq!(figures("Shares closed at 16."), vec!["16"]);
        assert_eq!(
            figures("Mensah joined the academy at 14 with 30 other boys."),
            vec!["30 other boys"]
        );
    }

    #[test]
    fn a_season_leader_holds_a_statistic() {
        assert_eq!(
            figures(
                "Okafor, 29, leads the majors with 38 stolen bases and is hitting .301 in the batting race."
            ),
            vec!["38 stolen bases"]
        );
        assert_eq!(
            figures("Okafor leads the NHL with 41 goals, scoring in the match."),
            vec!["41 goals"]
        );
        // A game's own count stays its score.
        assert!(figures("Okafor scored 4 goals in the match.").is_empty());
    }

    #[test]
    fn slashed_numbers_and_vote_tallies_are_not_figures() {
        for text in [
            "The 9/11 attacks changed travel.",
            "The desk runs 24/7.",
            "The bill passed 52 to 48.",
            "The Senate voted 52 to 48 to confirm her.",
            "The motion passed by 312 votes to 254.",
            "The council voted 7-2 to approve it.",
            "It was approved by a vote of 30 to 12.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        assert_eq!(figures("It runs 24/7 with 300 staff."), vec!["300 staff"]);
        assert_eq!(
            figures("Prices rose from 52 to 48 cents."),
            vec!["52", "48 cents"]
        );
        assert_eq!(
            figures("The council approved a plan to cut 300 to 400 jobs."),
            vec!["300", "400 jobs"]
        );
        assert_eq!(figures("The 11 attacks were separate."), vec!["11 attacks"]);
    }

    #[test]
    fn ages_of_a_plural_subject_are_not_figures() {
        assert!(figures("Cousins Ama Boateng and Efua Boateng, both 17, waited outside.").is_empty());
        assert!(figures("The two climbers, 31 and 28, were rescued.").is_empty());
        assert!(figures("The sisters, aged 14 and 19, were unhurt.").is_empty());
        assert!(figures("The couple, both in their 40s, moved north.").is_empty());
        // Look-alikes: a pair of counts, and a shared rise, are still figures.
        assert_eq!(
            figures("Sales and profits, both 16 per cent higher, beat forecasts."),
            vec!["16 per cent"]
        );
        assert_eq!(
            figures("The two depots, 31 and 28 buses, were closed."),
            vec!["31", "28 buses"]
        );
    }

    #[test]
    fn golf_scores_are_not_figures() {
        assert!(figures("Okonjo shot a three-under-par 69 to win by two shots.").is_empty());
        assert!(figures("She finished on nine under par after rounds of 71, 68, 70 and 70.").is_empty());
        assert!(figures("He ended at 14 under (-14) on a par-71 layout.").is_empty());
        assert!(figures("A closing 66 with six birdies gave him a one-shot win.").is_empty());
        // "On a par with" and "below par" are not golf, nor are rounds of cuts: the
        // figures stay.
        assert_eq!(
            figures("Two rounds of 60 job cuts left 120 posts empty."),
            vec!["Two rounds", "60 job cuts", "120 posts"]
        );
        assert_eq!(
            figures("Wages rose 3% and are now on a par with inflation."),
            vec!["3%"]
        );
        assert_eq!(
            figures("Output was below par, at 68 units a day."),
            vec!["68 units"]
        );
    }

    #[test]
    fn race_names_and_race_results_are_not_figures() {
        assert!(figures("Adeyemi won the men's 200 metres in 20.12 on Friday.").is_empty());
        assert!(figures("In the women's 800 metres, Okoro ran 1:58.40.").is_empty());
        assert!(figures("Lindqvist was third in 20.31 and Moreau edged fourth in 20.35.").is_empty());
        assert!(figures("She swam the fastest 400 metres freestyle of the year to win gold.").is_empty());
        assert!(figures("Mwangi won in 27.45 and Tanaka was given 27.46.").is_empty());
        assert!(figures("Pereira defended his 1,500 metres title in 3:33.90.").is_empty());
        assert!(figures("Haddad clocked 10.08 seconds to win the final.").is_empty());
        // Measurements and plain decimals stay figures.
        assert_eq!(figures("The river rose 3 metres overnight."), vec!["3 metres"]);
        assert_eq!(
            figures("The council resurfaced the 400 metres of road by the school."),
            vec!["400 metres"]
        );
        assert_eq!(figures("The lake is 100 metres deep."), vec!["100 metres"]);
        assert_eq!(
            figures("Processing took 12.45 seconds on the new servers."),
            vec!["12.45 seconds"]
        );
        assert_eq!(
            figures("The index rose in 12.45 minutes of trading."),
            vec!["12.45 minutes"]
        );
    }

    #[test]
    fn a_block_address_and_a_schedule_are_not_figures() {
        assert!(figures("Police were called to the 2300 block of Lindell Boulevard.").is_empty());
        assert!(figures("Rovers lead the table with three games remaining.").is_empty());
        assert!(figures("She is champion-elect with two races left in the season.").is_empty());
        // A block of flats, and tickets remaining, are counts.
        assert_eq!(
            figures("The 1400 block of flats houses 300 families."),
            vec!["1400", "300 families"]
        );
        assert_eq!(
            figures("There are 2,000 tickets remaining."),
            vec!["2,000 tickets"]
        );
    }

    #[test]
    fn glued_currencies_and_temperatures_are_figures() {
        assert_eq!(figures("Bread now costs Sh120 a loaf."), vec!["Sh120"]);
        assert_eq!(figures("Farmers were paid KSh2,750 a bag."), vec!["KSh2,750"]);
        assert_eq!(figures("Diesel is Rs312.50 a litre."), vec!["Rs312.50"]);
        assert_eq!(figures("The fare rose to R45 a trip."), vec!["R45"]);
        assert_eq!(figures("A loan of Tk500 went unpaid."), vec!["Tk500"]);
        assert_eq!(figures("The road reached 47C at noon."), vec!["47C"]);
        assert_eq!(figures("Temperatures dipped to -5C overnight."), vec!["5C"]);
        assert_eq!(figures("It was 104F in the shade."), vec!["104F"]);
        assert_eq!(figures("She hauled 25kg of rice."), vec!["25kg"]);
        // A one-letter road, a class and a seat are labels.
        assert!(figures("Traffic backed up on the R45 near the junction.").is_empty());
        assert!(figures("Pupils in 12C sat the paper, and he took seat 4F.").is_empty());
    }

    #[test]
    fn a_duration_reported_as_changed_is_a_figure() {
        assert_eq!(
            figures("Waits for hip operations have grown to 14 months."),
            vec!["14 months"]
        );
        assert_eq!(
            figures("The backlog reached 18 weeks in March."),
            vec!["18 weeks"]
        );
        assert_eq!(
            figures("Families face waiting lists of 40 weeks."),
            vec!["40 weeks"]
        );
        // Narrative durations and sentence lengths are not statistics.
        assert!(figures("He was jailed for 11 months.").is_empty());
        assert!(figures("They stayed for 14 months before moving.").is_empty());
        assert!(figures("The ban was cut to 18 months on appeal.").is_empty());
        assert!(figures("She reached 90 years of age.").is_empty());
    }
}
