//! CoNLL-style character BIO tags, for training Chinese NER models.
//!
//! One character a line, a space, its tag: `B-PER`/`I-PER`, `B-TITLE`/`I-TITLE`,
//! `B-ORG`/`I-ORG`, `B-LOC`/`I-LOC` for places, `B-CODE`/`I-CODE` for a custom type, `O`
//! otherwise. A blank line ends each sentence: after `。！？` (and `!?`), together with any
//! closing quotes or brackets that follow, and at the end of every field — but never inside a
//! mention. Fields are taken in reading order: kicker, headline, deck, byline, paragraphs.
//!
//! Characters that would break the one-token-per-line layout are written as an escape token
//! instead of themselves, so no character is lost and every line still has exactly two columns:
//! whitespace and control characters become `U+XXXX` (a space is `U+0020 O`). A real character
//! is always a single char, so a token longer than one char is always such an escape.

use super::export::{ExportOptions, per_article_or_combined, short_tag};
use crate::model::{Article, Project, TextField};

/// Renders one combined `articles.conll` or one file per article.
pub fn render(project: &Project, options: &ExportOptions) -> Vec<(String, String)> {
    per_article_or_combined(project, options, "conll", "", |a| article_conll(a, options))
}

/// One article's sentences, each followed by a blank line.
pub fn article_conll(article: &Article, options: &ExportOptions) -> String {
    let mut out = String::new();
    for (_, field) in article.fields() {
        if !field.is_empty() {
            write_field(&mut out, field, options);
        }
    }
    out
}

/// The tags of a field's chars, one per char.
pub fn field_tags(field: &TextField, options: &ExportOptions) -> Vec<String> {
    let len = field.char_len();
    let mut tags = vec!["O".to_string(); len];
    for span in options.spans(field) {
        let tag = short_tag(&span.kind);
        for (i, slot) in tags
            .iter_mut()
            .enumerate()
            .take(span.end.min(len))
            .skip(span.start)
        {
            *slot = if i == span.start {
                format!("B-{tag}")
            } else {
                format!("I-{tag}")
            };
        }
    }
    tags
}

fn write_field(out: &mut String, field: &TextField, options: &ExportOptions) {
    let chars: Vec<char> = field.text.chars().collect();
    let tags = field_tags(field, options);
    for (i, (&c, tag)) in chars.iter().zip(&tags).enumerate() {
        out.push_str(&token(c));
        out.push(' ');
        out.push_str(tag);
        out.push('\n');
        let last = i + 1 == chars.len();
        if last || (ends_sentence(&chars, i) && !tags[i + 1].starts_with("I-")) {
            out.push('\n');
        }
    }
}

/// The token written for a char: itself, or `U+XXXX` for whitespace and control characters.
pub fn token(c: char) -> String {
    if c.is_whitespace() || c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// The char a token stands for (the inverse of [`token`]).
pub fn token_char(token: &str) -> Option<char> {
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => token
            .strip_prefix("U+")
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32),
    }
}

/// Whether a sentence ends after char `i`: it is a closing quote or bracket or a sentence-ending
/// mark, preceded (through closing marks) by a sentence-ending mark, and the next char does not
/// close anything.
fn ends_sentence(chars: &[char], i: usize) -> bool {
    const ENDS: &[char] = &['。', '！', '？', '!', '?'];
    const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '"', '\''];
    if chars
        .get(i + 1)
        .is_some_and(|c| CLOSERS.contains(c) || ENDS.contains(c))
    {
        return false;
    }
    let mut j = i;
    while CLOSERS.contains(&chars[j]) {
        if j == 0 {
            return false;
        }
        j -= 1;
    }
    ENDS.contains(&chars[j])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(text: &str) -> Vec<usize> {
        let chars: Vec<char> = text.chars().collect();
        (0..chars.len())
            .filter(|&i| ends_sentence(&chars, i))
            .collect()
    }

    #[test]
    fn sentences_end_after_the_closing_quote() {
        assert_eq!(ends("他说:“好。”然后走了。"), vec![6, 11]);
        assert_eq!(ends("真的？！是"), vec![3]);
        assert_eq!(ends("3.14"), Vec::<usize>::new());
    }

    #[test]
    fn tokens_round_trip() {
        for c in ['张', ' ', '\u{3000}', '\t', '𠀀', '🙂', '"'] {
            assert_eq!(token_char(&token(c)), Some(c));
        }
        assert_eq!(token(' '), "U+0020");
    }
}
