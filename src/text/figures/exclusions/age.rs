//! Ages: "Okafor, 62,", "his daughter, 9,", "aged 40", "(62)", "aged between 24 and 51",
//! "at the age of 84", "40 years old", "She turned 40", "He was 12 when he left", "Smith,
//! who is 62,", "signed with the club at 16", "The cousins, both 19,", "The two men, 31 and
//! 28,".
//!
//! A person's age describes them, like a name or a job title; it is not a measurement of
//! the world that a source must stand behind. Look-alikes stay figures: "Turnout was 58"
//! (an ordinary word, not a person, is the subject), "He was 40 points clear" (something is
//! counted), "The death toll stood at 16" (no verb of a life event).
//!
//! Excuse: `age`.

use crate::text::TokenKind;
use crate::text::figures::scan::Scanner;
use crate::text::lexicon::class;
use crate::text::lexicon::{is_common_word, is_proper_noun};
use crate::text::segment::is_function_word_or_adverb;
use crate::text::words::eq_any;

impl Scanner<'_, '_> {
    /// "Okafor, 62," / "his daughter, 9," / "said Liu, 19." / "aged 40" / "(62)".
    pub(in crate::text::figures) fn is_age(&self, index: usize, value: f64) -> bool {
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
            // The word before the comma is a name or a person noun, or a name's suffix
            // ("Patrick Carlineo Jr., 55,").
            return self.word_before(index, 2).is_some()
                || self
                    .before(index, 2)
                    .is_some_and(|i| matches!(self.text(i), "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III"));
        }
        if previous == Some("(") && next == Some(")") {
            return self
                .word_before(index, 2)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        }
        false
    }

    /// Does a unit of time that ends at `unit_end` give someone's age: "90 years of age",
    /// "12 weeks old"?
    pub(in crate::text::figures) fn is_age_in_units(&self, unit_end: usize) -> bool {
        self.word_after(unit_end, 1) == Some("old")
            || (self.word_after(unit_end, 1) == Some("of") && self.word_after(unit_end, 2) == Some("age"))
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
            .is_some_and(|w| class::AGE_AGE_ADVERBS.contains(w))
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
            .any(|i| self.kind(i) == TokenKind::Word && class::AGE_LIFE_EVENT_VERBS.contains(self.text(i)))
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
            .is_some_and(|w| class::AGE_AGE_ADVERBS.contains(w))
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
        if class::AGE_PERSON_SUBJECTS.contains(subject) {
            return true;
        }
        // A name: capitalised, and not an ordinary word at the start of the sentence
        // ("Turnout was 58" is a figure; "Okafor was 58" and "Smith was 58" are ages).
        let capitalised = subject.chars().next().is_some_and(char::is_uppercase);
        let ordinary = is_common_word(subject) && !is_proper_noun(subject);
        capitalised && !ordinary && !is_function_word_or_adverb(subject)
    }
}

#[cfg(test)]
mod tests {
    use crate::text::figures::test_support::{excuse, figures};

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
    fn ages_at_a_life_event_are_not_figures() {
        for text in [
            "Mensah joined the academy at 14.",
            "She left school at just 15, when her father fell ill.",
            "The novelist died at 84.",
            "Mensah signed with Leeds out of a Lagos academy at 17 in 2011.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // "at 16" after other verbs is a figure.
        assert_eq!(figures("The death toll stood at 16."), vec!["16"]);
        assert_eq!(figures("Shares closed at 16."), vec!["16"]);
        assert_eq!(
            figures("Mensah joined the academy at 14 with 30 other boys."),
            vec!["30 other boys"]
        );
    }

    #[test]
    fn ages_are_excused_as_ages() {
        for (text, number) in [
            ("Declan O'Rourke, 58, left.", "58"),
            ("A man aged 40 was hurt.", "40"),
            ("She turned 40 last year.", "40"),
            ("The novelist died at 84.", "84"),
            ("The two climbers, 31 and 28, were rescued.", "28"),
        ] {
            assert_eq!(excuse(text, number), Some("age"), "{text}");
        }
        assert_eq!(excuse("Turnout was 58 on Monday.", "58"), None);
    }
}
