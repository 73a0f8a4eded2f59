//! # quote-balance
//!
//! ## What it flags
//! - A double quotation mark with no partner in its paragraph: a quote opened and never
//!   closed, a closing mark with no opening one, or a quote opened again while one is
//!   still open.
//! - Straight quotation marks and apostrophes (`"`, `'`) mixed with curly ones (`“ ” ‘ ’`)
//!   in one draft. Each paragraph that uses the draft's minority style is flagged once.
//!
//! ## Why it matters
//! A quote that never closes leaves the reader unsure where the speaker's words end and the
//! reporter's begin, which is an accuracy problem, not a cosmetic one. Mixed quotation
//! marks show copy pasted from several sources and look careless in print.
//!
//! ## Example
//! ```text
//! The ministry said it was “reviewing the figures and would respond.
//! ```
//! Use instead: `The ministry said it was “reviewing the figures” and would respond.`
//!
//! A quote that runs on into the next paragraph is left open at the end of the first and
//! opened again at the start of the next, with no closing mark in between; that is the
//! newsroom convention, and it is not flagged. Single quotation marks are not checked for
//! balance, because the same mark is an apostrophe far more often. Inch and foot marks
//! (`5'11"`) are not quotation marks.
//!
//! ## Fix
//! For mixed styles, convert the paragraph's marks to the draft's majority style (on a
//! tie, curly): straight to curly by position (an opening mark after a space, a closing
//! mark or apostrophe after a letter; `’90s` and `’em` take an apostrophe). Safe. An
//! unbalanced quote has no fix: only the writer knows where the quote ends.
//!
//! ## Configuration
//! - `[rules] quote-balance = "warning"`

use super::Ctx;
use crate::finding::{Applicability, Edit, Finding, Fix};
use crate::text::BlockKind;

const RULE: &str = "quote-balance";

/// One quotation mark or apostrophe in the copy.
#[derive(Debug, Clone, Copy)]
struct Mark {
    offset: usize,
    character: char,
    previous: Option<char>,
    next: Option<char>,
}

impl Mark {
    fn is_straight(&self) -> bool {
        matches!(self.character, '"' | '\'')
    }

    fn is_curly(&self) -> bool {
        matches!(self.character, '“' | '”' | '‘' | '’' | '„')
    }

    fn is_double(&self) -> bool {
        matches!(self.character, '"' | '“' | '”' | '„')
    }

    /// The mark follows white space or an opening bracket: it can open a quote.
    fn opens(&self) -> bool {
        self.previous
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '/' | '‘' | '“'))
    }

    /// The mark precedes white space or punctuation: it can close a quote.
    fn closes(&self) -> bool {
        self.next.is_none_or(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '’' | '”'
                )
        })
    }

    /// An inch or foot mark after a figure (`5'11"`, `12' boat`), not a quotation mark.
    fn is_prime(&self, copy: &str) -> bool {
        let Some(previous) = self.previous else {
            return false;
        };
        if !previous.is_ascii_digit() {
            return false;
        }
        match self.character {
            '\'' => !self.next.is_some_and(char::is_alphabetic),
            '"' => {
                // Only with a foot mark before it in the same figure: 5'11".
                let before = &copy[..self.offset];
                let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
                digits.ends_with('\'')
                    && digits[..digits.len() - 1]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_digit())
            }
            _ => false,
        }
    }
}

/// Words an apostrophe stands in front of ("’em", "’til", "rock ’n’ roll").
fn is_elision(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        word.as_str(),
        "em" | "til" | "tis" | "twas" | "n" | "cause" | "bout" | "round" | "nuff" | "cept" | "s"
    )
}

/// The curly form of a straight mark, by position.
fn curly_form(mark: &Mark, copy: &str) -> char {
    match mark.character {
        '"' => {
            if mark.opens() && !mark.next.is_some_and(char::is_whitespace) {
                '“'
            } else {
                '”'
            }
        }
        '\'' => {
            let after = &copy[mark.offset + 1..];
            if mark.opens()
                && !mark.next.is_some_and(|c| c.is_whitespace() || c.is_ascii_digit())
                && !is_elision(after)
            {
                '‘'
            } else {
                '’'
            }
        }
        other => other,
    }
}

fn straight_form(character: char) -> char {
    match character {
        '“' | '”' | '„' => '"',
        '‘' | '’' => '\'',
        other => other,
    }
}

/// The quotation marks and apostrophes of the copy, in order. One pass over the bytes:
/// the marks are `"`, `'` and three-byte sequences that start with 0xE2.
fn marks_in(copy: &str) -> Vec<(usize, char)> {
    let bytes = copy.as_bytes();
    let mut found: Vec<(usize, char)> = Vec::new();
    for (offset, &byte) in bytes.iter().enumerate() {
        let mark = match byte {
            b'"' => '"',
            b'\'' => '\'',
            0xE2 if bytes.get(offset + 1) == Some(&0x80) => match bytes.get(offset + 2) {
                Some(0x9C) => '“',
                Some(0x9D) => '”',
                Some(0x98) => '‘',
                Some(0x99) => '’',
                Some(0x9E) => '„',
                _ => continue,
            },
            _ => continue,
        };
        found.push((offset, mark));
    }
    found
}

/// The marks of `all` that fall in a block, with their neighbouring characters.
fn marks_of(copy: &str, span: std::ops::Range<usize>, all: &[(usize, char)], out: &mut Vec<Mark>) {
    let first = all.partition_point(|(offset, _)| *offset < span.start);
    for &(offset, character) in all[first..].iter().take_while(|(offset, _)| *offset < span.end) {
        out.push(Mark {
            offset,
            character,
            previous: copy[span.start..offset].chars().next_back(),
            next: copy[offset + character.len_utf8()..span.end].chars().next(),
        });
    }
}

/// Double quotation marks with no partner in their block: (offset, problem).
fn unbalanced(marks: &[Mark], continues_next: bool) -> Vec<(usize, &'static str)> {
    let mut problems = Vec::new();
    let mut open: Option<Mark> = None;
    for mark in marks.iter().filter(|m| m.is_double()) {
        match mark.character {
            '“' | '„' => {
                if let Some(previous) = open
                    && !(previous.character == '„' && mark.character == '“')
                {
                    problems.push((
                        previous.offset,
                        "opens a quote that is not closed before the next one opens",
                    ));
                }
                if open.is_some_and(|p| p.character == '„' && mark.character == '“') {
                    open = None;
                } else {
                    open = Some(*mark);
                }
            }
            '”' => {
                if open.is_some() {
                    open = None;
                } else {
                    problems.push((mark.offset, "closes a quote that was never opened"));
                }
            }
            _ => {
                let only_opens = mark.opens() && !mark.closes();
                let only_closes = mark.closes() && !mark.opens();
                match open {
                    Some(previous) if only_opens => {
                        problems.push((
                            previous.offset,
                            "opens a quote that is not closed before the next one opens",
                        ));
                        open = Some(*mark);
                    }
                    Some(_) => open = None,
                    None if only_closes => {
                        problems.push((mark.offset, "closes a quote that was never opened"))
                    }
                    None => open = Some(*mark),
                }
            }
        }
    }
    if let Some(previous) = open
        && !continues_next
    {
        problems.push((
            previous.offset,
            "opens a quote that is never closed in its paragraph",
        ));
    }
    problems
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (draft_index, draft) in ctx.drafts.iter().enumerate() {
        let parsed = &draft.parsed;
        let copy = &parsed.copy;
        let blocks: Vec<usize> = (0..parsed.blocks.len())
            .filter(|&i| parsed.blocks[i].kind != BlockKind::Separator)
            .collect();
        // Every mark of the draft in one list; each block's marks are a range of it.
        let all = marks_in(copy);
        let mut marks: Vec<Mark> = Vec::with_capacity(all.len());
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(blocks.len());
        for &index in &blocks {
            let start = marks.len();
            marks_of(copy, parsed.blocks[index].span.clone(), &all, &mut marks);
            let mut kept = start;
            for position in start..marks.len() {
                if !marks[position].is_prime(copy) {
                    marks[kept] = marks[position];
                    kept += 1;
                }
            }
            marks.truncate(kept);
            ranges.push(start..marks.len());
        }
        let straight = marks.iter().filter(|m| m.is_straight()).count();
        let curly = marks.iter().filter(|m| m.is_curly()).count();

        for position in 0..blocks.len() {
            let block_marks = &marks[ranges[position].clone()];
            if !block_marks.iter().any(Mark::is_double) {
                continue;
            }
            // The next block opens with a quotation mark: this quote continues into it.
            let continues_next = blocks.get(position + 1).is_some_and(|&next| {
                let block = &parsed.blocks[next];
                block.kind != BlockKind::Heading && copy[block.span.clone()].starts_with(['“', '"', '„', '«'])
            });
            for (offset, problem) in unbalanced(block_marks, continues_next) {
                let character = copy[offset..].chars().next().unwrap_or('"');
                out.push(Finding::new(
                    RULE,
                    draft_index,
                    offset..offset + character.len_utf8(),
                    format!("This quotation mark {problem}."),
                ));
            }
        }

        if straight == 0 || curly == 0 {
            continue;
        }
        let to_curly = curly >= straight;
        let (majority, minority, majority_count, minority_count) = if to_curly {
            ("curly", "straight", curly, straight)
        } else {
            ("straight", "curly", straight, curly)
        };
        for range in &ranges {
            let odd: Vec<&Mark> = marks[range.clone()]
                .iter()
                .filter(|m| if to_curly { m.is_straight() } else { m.is_curly() })
                .collect();
            let Some(first) = odd.first() else {
                continue;
            };
            let edits: Vec<Edit> = odd
                .iter()
                .map(|mark| {
                    let replacement = if to_curly {
                        curly_form(mark, copy)
                    } else {
                        straight_form(mark.character)
                    };
                    Edit {
                        draft: draft_index,
                        span: mark.offset..mark.offset + mark.character.len_utf8(),
                        new_text: replacement.to_string(),
                    }
                })
                .collect();
            let count = odd.len();
            let message = format!(
                "This paragraph uses {minority} quotation marks or apostrophes ({count} here); the draft \
                 mostly uses {majority} ones ({majority_count} to {minority_count})."
            );
            out.push(
                Finding::new(
                    RULE,
                    draft_index,
                    first.offset..first.offset + first.character.len_utf8(),
                    message,
                )
                .with_fix(Fix {
                    title: format!("Use {majority} quotation marks in this paragraph"),
                    edits,
                    applicability: Applicability::Safe,
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{apply_safe_fixes, assert_fixture, findings_for};

    #[test]
    fn flags_unclosed_and_stray_quotes() {
        assert_fixture(
            "quote-balance",
            "Ministry headline

The ministry said it was “reviewing the figures and would respond.
                         ^ quote-balance

He called the offer “final and “fair,” then left.
                    ^ quote-balance

She said the plan was dead” and walked out.
                          ^ quote-balance
",
        );
    }

    #[test]
    fn continued_quotes_and_balanced_marks_are_not_flagged() {
        assert_fixture(
            "quote-balance",
            "Hospital headline

“We have the surgeons,” she said. “What we lack is beds.

“On Tuesday we had 96 patients in beds who did not need them.”

He is 5'11\" tall, drives a 12' boat and said: “It’s the ’90s again.”

The word “fine” and the ‘scare’ quotes are fine. Kertész’s rook was lost.
",
        );
    }

    #[test]
    fn straight_quotes_balance_by_position() {
        assert_fixture(
            "quote-balance",
            "Plain headline

\"We paid,\" he said. \"The labs are not built.\"

\"First part of a long quote.

\"Second part, closed.\"

She said \"never and left.
         ^ quote-balance
",
        );
    }

    #[test]
    fn mixed_styles_convert_to_the_majority() {
        let source = "Headline\n\n“We paid,” she said. “It’s over. We’re done. They’re gone.”\n\nHe said \"no\" and 'maybe' in the '90s, rock 'n' roll, O'Brien's.\n\n“Yes,” he said, “it’s the ’80s and we’re ‘back.’”\n";
        let findings = findings_for("quote-balance", source);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(
            apply_safe_fixes(source, "quote-balance"),
            "Headline\n\n“We paid,” she said. “It’s over. We’re done. They’re gone.”\n\nHe said “no” and ‘maybe’ in the ’90s, rock ’n’ roll, O’Brien’s.\n\n“Yes,” he said, “it’s the ’80s and we’re ‘back.’”\n"
        );
        let straight = "Headline\n\n\"We paid,\" she said. \"It's over, isn't it?\"\n\nHe said “no.”\n";
        assert_eq!(
            apply_safe_fixes(straight, "quote-balance"),
            "Headline\n\n\"We paid,\" she said. \"It's over, isn't it?\"\n\nHe said \"no.\"\n"
        );
    }
}
