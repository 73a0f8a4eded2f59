//! # quote-balance
//!
//! ## What it flags
//! - A double quotation mark with no partner in its paragraph: a quote opened and never
//!   closed, a closing mark with no opening one, or a quote opened again while one is
//!   still open; and a reversed mark, a closing mark where a quote opens (`said: ”Yes`)
//!   or an opening mark where it closes. A reversed mark is reported once: the quote it
//!   opens then closes at its own closing mark, which is not flagged.
//! - Straight quotation marks (`"`, `'`) mixed with curly ones (`“ ” ‘ ’`) in one draft,
//!   and straight apostrophes mixed with curly ones. Each paragraph that uses the draft's
//!   minority style is flagged once.
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
//! newsroom convention, and it is not flagged, also when an embedded post stands between
//! the two paragraphs. Single quotation marks are not checked for
//! balance, because the same mark is an apostrophe far more often. Inch and foot marks
//! (`5'11"`, `3" of rain`, `a 12' boat`) are not quotation marks: a double mark right
//! after a figure is one only when it closes an open quote (`"Plan 9"`).
//!
//! Quotation marks and apostrophes are told apart: a single mark between letters
//! (`don't`), before a figure or an elision (`'90s`, `'n'`), or closing when no single quote
//! is open (`drivers'`) is an apostrophe. The quotation marks' style is the majority of the
//! quotation marks alone, so a draft whose quotation marks are curly keeps them however
//! many straight apostrophes it has. When the apostrophes themselves come in both styles,
//! the odd ones are put right to the majority of all the marks, so they end up matching the
//! quotation marks. A draft whose quotation marks are all one style and apostrophes all the
//! other (curly quotes, straight apostrophes) is consistent within each kind and is not
//! flagged: that mix is a weaker, typographic matter, usually a keyboard's, and fixing it
//! would touch every word with an apostrophe.
//!
//! An embedded social-media post (its text above a signature line such as "— Jo Borg
//! (@joborg) November 19, 2019") is the poster's text as the platform shows it: its marks
//! are neither checked nor counted.
//!
//! ## Fix
//! For mixed styles, convert the paragraph's odd marks to the style chosen for their kind
//! (on a tie, curly):
//! straight to curly by position (an opening mark after a space, a closing mark or
//! apostrophe after a letter; `’90s` and `’em` take an apostrophe). Safe. An unbalanced
//! quote has no fix: only the writer knows where the quote ends.
//!
//! ## Configuration
//! - `[rules] quote-balance = "warning"`

use super::{Ctx, Findings, FixAvailability, Rule};
use crate::finding::{Applicability, Edit, Finding, Fix};
use crate::text::BlockKind;
use crate::text::embeds::embedded_blocks;

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

    /// An inch or foot mark after a figure (`5'11"`, `12' boat`, `3" of rain`), not a
    /// quotation mark. A double mark after a figure is a closing quotation mark when a
    /// quote is open (`“Apollo 13”`), which only the caller knows.
    fn is_prime(&self, copy: &str, quote_open: bool) -> bool {
        let Some(previous) = self.previous else {
            return false;
        };
        if !previous.is_ascii_digit() {
            return false;
        }
        match self.character {
            '\'' | '’' => !self.next.is_some_and(char::is_alphabetic),
            '"' | '”' => {
                // 5'11": with a foot mark before it in the same figure, always.
                let before = &copy[..self.offset];
                let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
                let feet = (digits.ends_with('\'') || digits.ends_with('’'))
                    && digits[..digits.len() - digits.chars().next_back().map_or(1, char::len_utf8)]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_digit());
                feet || (!quote_open && !self.next.is_some_and(char::is_alphanumeric))
            }
            _ => false,
        }
    }
}

/// What a mark is: a double quotation mark, a single quotation mark, or an apostrophe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Double,
    Single,
    Apostrophe,
}

/// The role of each mark of a block, in order, with the inch and foot marks left out:
/// a single mark between letters, before a figure or an elision ("’90s", "’n’"), or
/// closing when no single quote is open ("drivers’"), is an apostrophe.
fn roles(marks: &[Mark], copy: &str, out: &mut Vec<(Mark, Role)>) {
    let mut double_open = false;
    let mut single_open = false;
    for mark in marks {
        if mark.is_double() {
            if mark.is_prime(copy, double_open) {
                continue;
            }
            double_open = match mark.character {
                '“' | '„' => true,
                '”' => false,
                _ => !double_open,
            };
            out.push((*mark, Role::Double));
            continue;
        }
        if mark.is_prime(copy, false) {
            continue;
        }
        let after = &copy[mark.offset + mark.character.len_utf8()..];
        let between_letters =
            mark.previous.is_some_and(char::is_alphanumeric) && mark.next.is_some_and(char::is_alphanumeric);
        let role = if between_letters {
            Role::Apostrophe
        } else if mark.opens() && !mark.next.is_some_and(char::is_whitespace) {
            if mark.next.is_some_and(|c| c.is_ascii_digit()) || is_elision(after) {
                Role::Apostrophe
            } else {
                single_open = true;
                Role::Single
            }
        } else if single_open {
            single_open = false;
            Role::Single
        } else {
            Role::Apostrophe
        };
        out.push((*mark, role));
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
            // A reversed mark: an opening mark where a quote closes ("flu.“ He said").
            '“' if open.is_some() && mark.closes() && !mark.opens() => {
                problems.push((
                    mark.offset,
                    "is an opening mark where the quote closes: it should be a closing mark",
                ));
                open = None;
            }
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
                } else if mark.opens() && !mark.closes() {
                    // A reversed mark: a closing mark where a quote opens (": ”Bird flu"). It
                    // is reported once, and the quote it opens closes at its closing mark.
                    problems.push((
                        mark.offset,
                        "is a closing mark where a quote opens: it should be an opening mark",
                    ));
                    open = Some(*mark);
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
    // A mark is reported once: a reversed mark that opened a quote left open is not
    // reported again for the quote.
    let mut seen: Vec<usize> = Vec::with_capacity(problems.len());
    problems.retain(|(offset, _)| {
        let new = !seen.contains(offset);
        seen.push(*offset);
        new
    });
    problems
}

/// The majority style of one kind of mark: `Some(true)` for curly, `Some(false)` for
/// straight, `None` when the draft uses only one style. A tie goes to `tie`.
fn majority_style(straight: usize, curly: usize, tie: bool) -> Option<bool> {
    if straight == 0 || curly == 0 {
        return None;
    }
    Some(if curly == straight { tie } else { curly > straight })
}

/// The `quote-balance` rule.
pub struct QuoteBalance;

impl Rule for QuoteBalance {
    fn id(&self) -> &'static str {
        RULE
    }

    fn summary(&self) -> &'static str {
        "A quotation mark with no partner, or straight and curly quotes mixed."
    }

    fn fix_availability(&self) -> FixAvailability {
        FixAvailability::Sometimes
    }

    fn check_draft(&self, ctx: &Ctx<'_>, draft_index: usize, out: &mut Findings<'_>) {
        let draft = &ctx.drafts[draft_index];
        let parsed = &draft.parsed;
        let copy = &parsed.copy;
        // An embedded post's text is the poster's, as the platform shows it: its marks are
        // neither balanced nor counted here, and a quote the story runs on past the post
        // continues in the next paragraph of the story's own.
        let embedded = embedded_blocks(parsed);
        let blocks: Vec<usize> = (0..parsed.blocks.len())
            .filter(|&i| parsed.blocks[i].kind != BlockKind::Separator && !embedded[i])
            .collect();
        // Every mark of the draft in one list; each block's marks are a range of it.
        let all = marks_in(copy);
        let mut block_marks: Vec<Mark> = Vec::new();
        let mut marks: Vec<(Mark, Role)> = Vec::with_capacity(all.len());
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(blocks.len());
        for &index in &blocks {
            let start = marks.len();
            block_marks.clear();
            marks_of(copy, parsed.blocks[index].span.clone(), &all, &mut block_marks);
            roles(&block_marks, copy, &mut marks);
            ranges.push(start..marks.len());
        }

        let mut doubles: Vec<Mark> = Vec::new();
        for position in 0..blocks.len() {
            doubles.clear();
            doubles.extend(
                marks[ranges[position].clone()]
                    .iter()
                    .filter(|(_, role)| *role == Role::Double)
                    .map(|(mark, _)| *mark),
            );
            if doubles.is_empty() {
                continue;
            }
            // The next block opens with a quotation mark: this quote continues into it.
            let continues_next = blocks.get(position + 1).is_some_and(|&next| {
                let block = &parsed.blocks[next];
                block.kind != BlockKind::Heading && copy[block.span.clone()].starts_with(['“', '"', '„', '«'])
            });
            for (offset, problem) in unbalanced(&doubles, continues_next) {
                let character = copy[offset..].chars().next().unwrap_or('"');
                out.push(Finding::new(
                    RULE,
                    draft_index,
                    offset..offset + character.len_utf8(),
                    format!("This quotation mark {problem}."),
                ));
            }
        }

        // Quotation marks and apostrophes are counted apart: a draft whose quotation marks
        // are all curly keeps them, whatever its apostrophes do.
        let count = |quotation: bool, curly: bool| {
            marks
                .iter()
                .filter(|(mark, role)| {
                    (*role != Role::Apostrophe) == quotation
                        && if curly {
                            mark.is_curly()
                        } else {
                            mark.is_straight()
                        }
                })
                .count()
        };
        let (quotes_straight, quotes_curly) = (count(true, false), count(true, true));
        let (apostrophes_straight, apostrophes_curly) = (count(false, false), count(false, true));
        let quotes_style = majority_style(quotes_straight, quotes_curly, true);
        // Apostrophes of both styles are put right to the style of all the marks, so they
        // end up matching the quotation marks too.
        let (all_straight, all_curly) = (
            quotes_straight + apostrophes_straight,
            quotes_curly + apostrophes_curly,
        );
        let apostrophes_style =
            majority_style(apostrophes_straight, apostrophes_curly, true).map(|_| all_curly >= all_straight);
        if quotes_style.is_none() && apostrophes_style.is_none() {
            return;
        }
        let style_name = |curly: bool| if curly { "curly" } else { "straight" };
        for range in &ranges {
            let odd: Vec<&(Mark, Role)> = marks[range.clone()]
                .iter()
                .filter(|(mark, role)| {
                    let style = if *role == Role::Apostrophe {
                        apostrophes_style
                    } else {
                        quotes_style
                    };
                    style.is_some_and(|curly| {
                        if curly {
                            mark.is_straight()
                        } else {
                            mark.is_curly()
                        }
                    })
                })
                .collect();
            let Some((first, _)) = odd.first() else {
                continue;
            };
            let edits: Vec<Edit> = odd
                .iter()
                .map(|(mark, role)| {
                    let to_curly = mark.is_straight();
                    let replacement = match (to_curly, role) {
                        (true, Role::Apostrophe) => '’',
                        (true, _) => curly_form(mark, copy),
                        (false, _) => straight_form(mark.character),
                    };
                    Edit {
                        draft: draft_index,
                        span: mark.offset..mark.offset + mark.character.len_utf8(),
                        new_text: replacement.to_string(),
                    }
                })
                .collect();
            let mut parts: Vec<String> = Vec::new();
            let mut targets: Vec<&str> = Vec::new();
            for (quotation, style, majority_count, minority_count) in [
                (
                    true,
                    quotes_style,
                    quotes_curly.max(quotes_straight),
                    quotes_curly.min(quotes_straight),
                ),
                (
                    false,
                    apostrophes_style,
                    all_curly.max(all_straight),
                    all_curly.min(all_straight),
                ),
            ] {
                let here = odd
                    .iter()
                    .filter(|(_, role)| (*role != Role::Apostrophe) == quotation)
                    .count();
                let Some(curly) = style else {
                    continue;
                };
                if here == 0 {
                    continue;
                }
                let (what, whole) = if quotation {
                    ("quotation marks", "quotation marks")
                } else {
                    ("apostrophes", "quotation marks and apostrophes")
                };
                parts.push(format!(
                    "{} {what} ({here} here) where the draft's {whole} are mostly {} ({majority_count} to {minority_count})",
                    style_name(!curly),
                    style_name(curly),
                ));
                targets.push(if quotation {
                    if curly {
                        "curly quotation marks"
                    } else {
                        "straight quotation marks"
                    }
                } else if curly {
                    "curly apostrophes"
                } else {
                    "straight apostrophes"
                });
            }
            let message = format!("This paragraph uses {}.", parts.join(", and "));
            out.push(
                Finding::new(
                    RULE,
                    draft_index,
                    first.offset..first.offset + first.character.len_utf8(),
                    message,
                )
                .with_fix(Fix {
                    title: format!("Use {} in this paragraph", targets.join(" and ")),
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
    fn a_reversed_mark_is_flagged_once() {
        assert_fixture(
            "quote-balance",
            "Ministry headline

One official said: ”The fares will rise in the spring... and again in the autumn.”
                   ^ quote-balance

“The fares will rise,“ the minister said.
                     ^ quote-balance
",
        );
    }

    #[test]
    fn embedded_posts_are_the_posters_text() {
        // The post's straight marks and its open quote are the poster's; the club's statement
        // runs on past the embedded post.
        assert_fixture(
            "quote-balance",
            "Manager headline

The club said in a statement: “Jo is one of the most accomplished managers in the game.

“She has won titles in four countries.

Club statement: \"Welcome Jo\" and \"the new era

— Valletta FC (@vallettafc) November 20, 2019

“She starts on Monday.”

The club’s fans were delighted, and the manager’s first match is on Saturday.
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
    fn inch_and_foot_marks_after_figures_are_not_quotes() {
        assert_fixture(
            "quote-balance",
            "Storm headline

Rain totaled 3\" in the storm, and 2” fell on Monday on a 12' boat.

She called it \"Plan 9\" on Monday, and the film \"Apollo 13\" opened.

He said \"the hail was 3\" and left.

The gauge read 4\" when she said \"stop.
                                ^ quote-balance
",
        );
    }

    #[test]
    fn apostrophes_do_not_outvote_quotation_marks() {
        // Curly quotation marks, straight apostrophes: the quotation marks stay curly,
        // and the one straight quotation is made curly.
        let source = "Fares rise\n\n“We held prices,” Borg said. “It is rock 'n' roll.”\n\n“Fuel doubled,” she said.\n\nIn the '90s the operator's fares were lower, and the drivers' union said \"no\" to cuts.\n";
        let findings = findings_for("quote-balance", source);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("straight quotation marks (2 here)"),
            "{}",
            findings[0].message
        );
        assert_eq!(
            apply_safe_fixes(source, "quote-balance"),
            "Fares rise\n\n“We held prices,” Borg said. “It is rock 'n' roll.”\n\n“Fuel doubled,” she said.\n\nIn the '90s the operator's fares were lower, and the drivers' union said “no” to cuts.\n"
        );
        // Each kind consistent on its own (curly quotation marks, straight apostrophes):
        // not flagged.
        assert!(
            findings_for(
                "quote-balance",
                "Headline\n\n“We held prices,” Borg said. “It's over.”\n\nThe drivers' union said “no.”\n"
            )
            .is_empty()
        );
        // Apostrophes of both styles: they follow all the marks, quotation marks included.
        let source = "Headline\n\n“It's over,” Borg said. “We're done.”\n\n“No,” the union’s chair said.\n";
        assert_eq!(
            apply_safe_fixes(source, "quote-balance"),
            "Headline\n\n“It’s over,” Borg said. “We’re done.”\n\n“No,” the union’s chair said.\n"
        );
        let source = "Headline\n\n“It’s over,” Borg said. “We’re done.”\n\nThe union’s view: “no.” The drivers' view too.\n";
        let findings = findings_for("quote-balance", source);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("straight apostrophes (1 here)"),
            "{}",
            findings[0].message
        );
        assert_eq!(
            apply_safe_fixes(source, "quote-balance"),
            "Headline\n\n“It’s over,” Borg said. “We’re done.”\n\nThe union’s view: “no.” The drivers’ view too.\n"
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
