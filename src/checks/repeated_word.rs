//! # repeated-word
//!
//! ## What it flags
//! A word typed twice in a row ("the the", "to to"), also when the second copy starts the
//! next line of a hard-wrapped paragraph, where the eye skips it. The second copy is
//! flagged.
//!
//! ## Why it matters
//! A doubled word is the typo that survives every read-through, because readers see what
//! they expect. It is trivial to fix and embarrassing in print.
//!
//! ## Example
//! ```text
//! The union said the the offer was final.
//! ```
//! Use instead: `The union said the offer was final.`
//!
//! Not flagged: doubles that are grammatical ("had had", "that that", "is is", "do do",
//! "her her"), reduplications used for effect ("very very", "no no", "bye bye"), names
//! ("Sirhan Sirhan", "Bora Bora", "Duran Duran", "the Goo Goo Dolls": a word capitalised
//! both times that is not a function word, even an ordinary word), numbers in tables, two
//! words separated by punctuation or markup, and the text of an embedded social-media
//! post (above a signature line such as "— Jo Borg (@joborg) November 19, 2019"), which is
//! the poster's. A function word capitalised twice ("The The board") is flagged.
//!
//! ## Fix
//! Delete the second copy and the space before it. Safe.
//!
//! ## Configuration
//! - `[rules] repeated-word = "warning"`

use super::{Ctx, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Finding, Fix};
use crate::text::TokenKind;
use crate::text::embeds::embedded_blocks;
use crate::text::lexicon::class;
use crate::text::words::WordList;

const RULE: &str = "repeated-word";

/// Words whose doubling is grammatical or a common reduplication.
static LEGITIMATE_DOUBLES: WordList = WordList::new(&[
    "had", "that", "is", "do", "does", "did", "her", "his", "very", "really", "so", "no", "yes", "bye", "ha",
    "ho", "hee", "la", "tut", "chop", "knock", "yada", "blah", "boo", "bang", "ding", "dum", "tick", "tock",
    "cha", "mama", "papa", "baba", "go", "well", "now", "wait", "come", "many", "more", "again", "ever",
    "far", "long", "round", "over", "out", "on", "off", "yeah", "oh", "ah", "hey", "hip", "woo", "murmur",
    "pooh", "tom", "tsk", "tut", "what", "who", "which", "can", "will", "you", "it", "one", "all", "step",
    "by", "little", "bit", "slowly", "quickly", "night", "day", "deeper", "higher", "faster", "closer",
    "louder", "bigger", "better", "worse", "wider", "harder", "stronger", "further", "fewer", "less", "down",
    "up", "back", "in", "too", "much", "never",
]);

/// A doubled word capitalised both times that is not a function word: a name built by
/// reduplication ("Sirhan Sirhan", "Bora Bora", "Talk Talk", "the Goo Goo Dolls"), whose
/// word may also be an ordinary one. A function word capitalised twice ("The The board")
/// is still a typo.
fn is_capitalised_name_double(first: &str, second: &str) -> bool {
    let capitalised = |text: &str| text.chars().next().is_some_and(char::is_uppercase);
    capitalised(first) && capitalised(second) && !class::FUNCTION_WORDS.contains(second)
}

/// The `repeated-word` rule.
pub struct RepeatedWord;

impl Rule for RepeatedWord {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A word typed twice in a row."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Always
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        let draft = &ctx.drafts[draft_index];
        let parsed = &draft.parsed;
        // An embedded post is the poster's text, shown as the platform shows it.
        let embedded = embedded_blocks(parsed);
        for (block, _) in parsed.blocks.iter().zip(&embedded).filter(|(_, e)| !**e) {
            let tokens = &parsed.tokens[block.tokens.clone()];
            for pair in tokens.windows(2) {
                let (first, second) = (pair[0], pair[1]);
                if first.kind != TokenKind::Word
                    || second.kind != TokenKind::Word
                    || first.end - first.start != second.end - second.start
                {
                    continue;
                }
                let bytes = parsed.copy.as_bytes();
                if !bytes[first.start..first.end].eq_ignore_ascii_case(&bytes[second.start..second.end]) {
                    continue;
                }
                let second_text = second.text(&parsed.copy);
                // Only white space between them, in the source too (no markup, no link).
                let between = &parsed.source[first.end..second.start];
                if between.is_empty() || !between.chars().all(char::is_whitespace) {
                    continue;
                }
                // A blank line between them would end the paragraph; two line breaks in one
                // block mean list or quote markers were stripped: skip to be safe.
                if between.matches('\n').count() > 1 {
                    continue;
                }
                if LEGITIMATE_DOUBLES.contains(second_text) {
                    continue;
                }
                if is_capitalised_name_double(first.text(&parsed.copy), second_text) {
                    continue;
                }
                // One-letter words other than "a" are initials or list labels ("B B").
                if second_text.chars().count() < 2 && !second_text.eq_ignore_ascii_case("a") {
                    continue;
                }
                let message = if between.contains('\n') {
                    format!("‘{second_text}’ is repeated across the line break.")
                } else {
                    format!("‘{second_text}’ is repeated.")
                };
                out.push(
                    Finding::new(RULE, draft_index, second.span(), message).with_fix(Fix::replace(
                        format!("Delete the second ‘{second_text}’"),
                        draft_index,
                        first.end..second.end,
                        "",
                        Applicability::Safe,
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{apply_safe_fixes, assert_fixture};

    #[test]
    fn flags_doubled_words() {
        assert_fixture(
            "repeated-word",
            "Strike headline

The union said the the offer was final. The The board disagreed.
                   ^^^ repeated-word
                                            ^^^ repeated-word

Drivers voted to
to reject it, and a a mediator was named.
^^ repeated-word
                    ^ repeated-word
",
        );
    }

    #[test]
    fn legitimate_doubles_names_and_markup_are_not_flagged() {
        assert_fixture(
            "repeated-word",
            "Strike headline

She had had enough. He said that that was that. What it is is a strike.

Sirhan Sirhan was moved. They flew to Bora Bora and Walla Walla. It was very very cold.

The Goo Goo Dolls and Talk Talk played. Mahi Mahi was served.

Sharing my letter on the the sentencing. pic.twitter.com/abc123

— Jo Borg (@joborg) November 19, 2019

Read the [the report](https://example.com) now. The vote was 4 4 in the table.

The offer, the offer, was final.

The list ends with a list

list items in the next block.
",
        );
    }

    #[test]
    fn fix_deletes_the_second_copy() {
        assert_eq!(
            apply_safe_fixes(
                "Headline\n\nThe union said the the offer\nwas was final.\n",
                "repeated-word"
            ),
            "Headline\n\nThe union said the offer\nwas final.\n"
        );
    }
}
