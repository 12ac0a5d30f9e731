//! Markdown: the articles for publishing or pasting into documents.
//!
//! An article is its kicker in italics, the headline as a level-1 heading, the deck in italics,
//! the byline and the paragraphs in the order of the raw text (a byline that closes the article
//! in the source closes it here); the paragraphs: a crosshead as a level-3 heading (`###`; a heading is one
//! line, so a line end inside a crosshead ends the heading there), a caption in italics, the
//! paragraphs of a box as one block quote, notes and body text as plain paragraphs. In the
//! combined file a thematic break (`---`) separates articles. Text is escaped so that no character of the corrected text turns into Markdown
//! syntax: ASCII punctuation that Markdown gives a meaning anywhere on a line gets a backslash,
//! and so do the characters that start a block (`#`, `>`, `-`, `+`, `=`, `1.`) at the start of a
//! line. A line break inside a field is written as a hard break (backslash, line end), and
//! spaces or tabs at the start or end of a line, which Markdown would drop (or turn into a code
//! block), as character references (`&#32;`).
//!
//! With bold entities, a mention is written `**张红军**` where CommonMark's emphasis rules
//! let `**` work (not touching punctuation on a letter side, not next to another mention), and
//! `<strong>张红军</strong>` where they do not, so bold never fails to render.

use super::export::{ExportOptions, per_article_or_combined};
use crate::model::{Article, FieldSlot, ParagraphKind, Project, TextField};

/// Renders the articles as one combined `articles.md` or one file per article.
pub fn render(project: &Project, options: &ExportOptions) -> Vec<(String, String)> {
    per_article_or_combined(project, options, "md", "\n---\n\n", |a| {
        article_markdown(a, options)
    })
}

/// One article as Markdown, ending with a line end.
pub fn article_markdown(article: &Article, options: &ExportOptions) -> String {
    let mut text = String::new();
    let mut previous_was_box = false;
    for (slot, field) in article.fields_in_reading_order() {
        if field.is_empty() {
            continue;
        }
        let is_box = slot.paragraph().is_some() && field.kind == ParagraphKind::Box;
        if !text.is_empty() {
            // The paragraphs of one box stay in one block quote.
            text.push_str(if is_box && previous_was_box {
                "\n>\n"
            } else {
                "\n\n"
            });
        }
        previous_was_box = is_box;
        let inline = field_markdown(field, options);
        text.push_str(&match slot {
            FieldSlot::Kicker | FieldSlot::Subheadline => format!("*{inline}*"),
            FieldSlot::Headline => format!("# {inline}"),
            FieldSlot::Byline => inline,
            FieldSlot::Paragraph(_) => match field.kind {
                ParagraphKind::Crosshead => format!("### {inline}"),
                ParagraphKind::Caption => format!("*{inline}*"),
                ParagraphKind::Box => format!("> {inline}"),
                ParagraphKind::Body | ParagraphKind::Note => inline,
            },
        });
    }
    text.push('\n');
    text
}

/// A field's text, escaped, with its exported spans in bold when the options ask for it.
pub fn field_markdown(field: &TextField, options: &ExportOptions) -> String {
    let chars: Vec<char> = field.text.chars().collect();
    if !options.bold_entities {
        return escape(&chars, 0, chars.len());
    }
    let spans: Vec<(usize, usize)> = options
        .spans(field)
        .map(|s| (s.start.min(chars.len()), s.end.min(chars.len())))
        .filter(|(s, e)| s < e)
        .collect();
    let mut out = String::new();
    let mut pos = 0;
    for (i, &(start, end)) in spans.iter().enumerate() {
        out.push_str(&escape(&chars, pos, start));
        let touches_previous = i > 0 && spans[i - 1].1 == start;
        let touches_next = spans.get(i + 1).is_some_and(|next| next.0 == end);
        let inner = escape(&chars, start, end);
        let asterisks_work = !touches_previous
            && !touches_next
            && opens_emphasis(start.checked_sub(1).map(|p| chars[p]), chars[start])
            && closes_emphasis(chars[end - 1], chars.get(end).copied());
        if asterisks_work {
            out.push_str("**");
            out.push_str(&inner);
            out.push_str("**");
        } else {
            out.push_str("<strong>");
            out.push_str(&inner);
            out.push_str("</strong>");
        }
        pos = end;
    }
    out.push_str(&escape(&chars, pos, chars.len()));
    out
}

/// Escapes `all[start..end]`; `all` is the whole field, to tell where lines begin and end.
fn escape(all: &[char], start: usize, end: usize) -> String {
    let mut out = String::new();
    for i in start..end {
        let c = all[i];
        if is_line_end(c) {
            // A backslash before a line end is a hard line break.
            out.push('\\');
            out.push(c);
            continue;
        }
        if (c == ' ' || c == '\t') && at_line_edge(all, i) {
            // Markdown drops spaces at the start and end of a line (and four make code):
            // a character reference keeps them.
            out.push_str(&format!("&#{};", c as u32));
            continue;
        }
        let line_start = i == 0 || is_line_end(all[i - 1]);
        let always = "\\`*_[]<>&|~#".contains(c);
        let at_line_start = line_start && "-+=>#".contains(c);
        let after_leading_number = (c == '.' || c == ')')
            && follows_leading_number(all, i)
            && all.get(i + 1).is_none_or(|next| next.is_whitespace());
        if always || at_line_start || after_leading_number {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn is_line_end(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// Whether the space or tab at `i` belongs to the run of spaces and tabs that starts or ends
/// its line.
fn at_line_edge(all: &[char], i: usize) -> bool {
    let blank = |c: &char| *c == ' ' || *c == '\t';
    let before = all[..i].iter().rev().take_while(|c| !is_line_end(**c));
    let after = all[i + 1..].iter().take_while(|c| !is_line_end(**c));
    before.clone().all(blank) || after.clone().all(blank)
}

/// Whether `all[i]` comes right after a run of ASCII digits that starts a line (`1. ` would
/// start an ordered list).
fn follows_leading_number(all: &[char], i: usize) -> bool {
    let mut j = i;
    while j > 0 && all[j - 1].is_ascii_digit() {
        j -= 1;
    }
    j < i && (j == 0 || is_line_end(all[j - 1]))
}

/// CommonMark's "punctuation" for emphasis: Unicode punctuation and symbols, approximated as
/// anything that is neither a letter, a number, whitespace nor a control character.
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control()
}

/// Whether `**` between `before` and `first` is a left-flanking delimiter run.
fn opens_emphasis(before: Option<char>, first: char) -> bool {
    if first.is_whitespace() {
        return false;
    }
    !is_punctuation(first) || before.is_none_or(|b| b.is_whitespace() || is_punctuation(b))
}

/// Whether `**` between `last` and `after` is a right-flanking delimiter run.
fn closes_emphasis(last: char, after: Option<char>) -> bool {
    if last.is_whitespace() {
        return false;
    }
    !is_punctuation(last) || after.is_none_or(|a| a.is_whitespace() || is_punctuation(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        escape(&chars, 0, chars.len())
    }

    #[test]
    fn markdown_syntax_is_escaped() {
        assert_eq!(
            escaped("# 标题 *重要* [链接](x)"),
            "\\# 标题 \\*重要\\* \\[链接\\](x)"
        );
        assert_eq!(escaped("1. 第一"), "1\\. 第一");
        assert_eq!(escaped("- 项"), "\\- 项");
        assert_eq!(escaped("3.14 a-b"), "3.14 a-b");
        assert_eq!(escaped("<&>"), "\\<\\&\\>");
        assert_eq!(escaped("一\n二"), "一\\\n二");
        assert_eq!(
            escaped("    缩进 中 间 "),
            "&#32;&#32;&#32;&#32;缩进 中 间&#32;"
        );
        assert_eq!(escaped("一 \n\t二"), "一&#32;\\\n&#9;二");
    }

    #[test]
    fn emphasis_flanking_follows_commonmark() {
        assert!(opens_emphasis(Some('任'), '张'));
        assert!(!opens_emphasis(Some('议'), '“'));
        assert!(opens_emphasis(Some('，'), '“'));
        assert!(closes_emphasis('军', Some('主')));
        assert!(!closes_emphasis('”', Some('要')));
    }
}
