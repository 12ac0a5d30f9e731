//! Punctuation normalisation (GB/T 15834) as an editor-controlled, previewed, undoable step.
//!
//! OCR often reads Chinese full-width punctuation as its half-width look-alike (`,` for `，`,
//! `(` for `（`). GB/T 15834 asks for the full-width forms in Chinese text. This module never
//! rewrites text on its own: [`preview`] lists every change it proposes, with context, for the
//! editor to review; [`edit_for`] turns the changes the editor accepts into one undoable edit
//! (and [`normalise_edit`] does so for all of them).
//!
//! The rules, applied to `, . ? ! ; : ( )`:
//! - A mark is Chinese when the nearest character before or after it (looking past spaces and
//!   quotation marks) is Chinese: a Han character, CJK punctuation or a full-width form.
//! - `.` is a full stop only after Chinese and not before a Latin letter or digit; runs of
//!   dots (`...`) are left alone.
//! - Numbers are left alone: `,` `.` `:` between two digits (`1,000`, `3.14`, `10:30`).
//! - URLs and e-mail addresses are left alone entirely, as is Latin text.
//! - Parentheses change in matched pairs, so a pair never ends up half converted: a pair is
//!   Chinese when the text just outside or just inside it is.
//!
//! Every change replaces one char with one char, so the offsets of spans, join marks and
//! everything after a change stay exactly where they were.

use crate::model::{Edit, FieldRef, Project, TextField};

/// One proposed replacement of a half-width mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The field it is in.
    pub at: FieldRef,
    /// Char offsets of the mark in the field (`end == start + 1`).
    pub start: usize,
    pub end: usize,
    /// The mark as it is (`,`).
    pub before: String,
    /// The mark it becomes (`，`).
    pub after: String,
    /// The text around the mark, for the preview list (up to [`CONTEXT_CHARS`] each side).
    pub context: String,
    /// Char offset of the mark within `context`.
    pub context_offset: usize,
}

/// How many chars of context the preview shows on each side of a change.
pub const CONTEXT_CHARS: usize = 12;

/// Every change the normalisation proposes, field by field in reading order.
pub fn preview(project: &Project) -> Vec<Change> {
    let mut changes = Vec::new();
    for (a, article) in project.articles.iter().enumerate() {
        for (slot, field) in article.fields() {
            let at = FieldRef::new(a, slot);
            let chars: Vec<char> = field.text.chars().collect();
            for (i, full) in field_changes(&chars) {
                let from = i.saturating_sub(CONTEXT_CHARS);
                let to = (i + 1 + CONTEXT_CHARS).min(chars.len());
                changes.push(Change {
                    at,
                    start: i,
                    end: i + 1,
                    before: chars[i].to_string(),
                    after: full.to_string(),
                    context: chars[from..to].iter().collect(),
                    context_offset: i - from,
                });
            }
        }
    }
    changes
}

/// All proposed changes as one undoable edit.
pub fn normalise_edit(project: &Project) -> Edit {
    edit_for(project, &preview(project))
}

/// The given changes (those the editor accepted from [`preview`] of this project state) as one
/// undoable [`Edit::Batch`]: a [`Edit::SetField`] per changed field, carrying the field's
/// spans, source lines and join marks unchanged — the replacements are one char for one char, so
/// every offset stays valid. A change that no longer matches its field's text is skipped.
pub fn edit_for(project: &Project, changes: &[Change]) -> Edit {
    let mut edits = Vec::new();
    let mut fields: Vec<FieldRef> = changes.iter().map(|c| c.at).collect();
    fields.sort();
    fields.dedup();
    for at in fields {
        let Some(field) = project.field(at) else {
            continue;
        };
        let mut chars: Vec<char> = field.text.chars().collect();
        let mut changed = false;
        for change in changes.iter().filter(|c| c.at == at) {
            let (Some(&now), Some(new)) = (chars.get(change.start), single(&change.after)) else {
                continue;
            };
            if single(&change.before) == Some(now) && change.end == change.start + 1 {
                chars[change.start] = new;
                changed = true;
            }
        }
        if changed {
            edits.push(Edit::SetField {
                at,
                field: TextField {
                    text: chars.into_iter().collect(),
                    ..field.clone()
                },
            });
        }
    }
    Edit::Batch(edits)
}

fn single(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The full-width form of a half-width mark this module handles.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        '.' => '。',
        '?' => '？',
        '!' => '！',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// The changes in one field's chars: (position, full-width mark), in order.
///
/// A converted mark is itself Chinese context for its neighbours (`a,(中` becomes `a，（中`), so
/// the rules are applied until nothing more changes: normalising twice changes nothing.
/// Marks only ever turn full-width, so this ends after at most one pass per mark.
pub fn field_changes(chars: &[char]) -> Vec<(usize, char)> {
    let mut current = chars.to_vec();
    loop {
        let step = one_pass(&current);
        if step.is_empty() {
            break;
        }
        for (i, full) in step {
            current[i] = full;
        }
    }
    chars
        .iter()
        .zip(&current)
        .enumerate()
        .filter(|(_, (before, after))| before != after)
        .map(|(i, (_, &after))| (i, after))
        .collect()
}

/// One application of the rules to every half-width mark.
fn one_pass(chars: &[char]) -> Vec<(usize, char)> {
    let protected = protected_ranges(chars);
    let is_protected = |i: usize| protected.iter().any(|&(s, e)| s <= i && i < e);
    let mut changes = Vec::new();
    let pairs = parenthesis_pairs(chars);
    for (i, &c) in chars.iter().enumerate() {
        let Some(full) = full_width(c) else { continue };
        if is_protected(i) {
            continue;
        }
        let convert = match c {
            '(' | ')' => match pairs.iter().find(|&&(open, close)| open == i || close == i) {
                Some(&(open, close)) => pair_is_chinese(chars, open, close),
                None => near_chinese(chars, i),
            },
            ',' | ':' => !between_digits(chars, i) && near_chinese(chars, i),
            '.' => is_full_stop(chars, i),
            _ => near_chinese(chars, i),
        };
        if convert {
            changes.push((i, full));
        }
    }
    changes
}

/// Whether `c` makes its surroundings Chinese text: Han characters, CJK punctuation and
/// symbols, full-width forms.
pub fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'     // CJK symbols and punctuation
        | '\u{3400}'..='\u{4DBF}'   // Extension A
        | '\u{4E00}'..='\u{9FFF}'   // Unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // Compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // CJK compatibility forms
        | '\u{FF01}'..='\u{FF60}'   // Full-width ASCII forms
        | '\u{20000}'..='\u{3FFFF}' // Extensions B and later
    )
}

/// Chars looked past when deciding what a mark stands next to.
fn is_transparent(c: char) -> bool {
    matches!(c, ' ' | '\t' | '"' | '\'' | '“' | '”' | '‘' | '’')
}

fn nearest(chars: &[char], i: usize, forward: bool) -> Option<char> {
    if forward {
        chars[i + 1..].iter().copied().find(|&c| !is_transparent(c))
    } else {
        chars[..i]
            .iter()
            .rev()
            .copied()
            .find(|&c| !is_transparent(c))
    }
}

fn near_chinese(chars: &[char], i: usize) -> bool {
    nearest(chars, i, false).is_some_and(is_chinese)
        || nearest(chars, i, true).is_some_and(is_chinese)
}

fn between_digits(chars: &[char], i: usize) -> bool {
    i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())
}

/// A `.` ending a Chinese sentence: after Chinese, not before a Latin letter or digit, not part
/// of a run of dots.
fn is_full_stop(chars: &[char], i: usize) -> bool {
    let before_dot = i > 0 && chars[i - 1] == '.';
    let after_dot = chars.get(i + 1) == Some(&'.');
    let before_latin = chars.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric());
    !before_dot
        && !after_dot
        && !before_latin
        && !between_digits(chars, i)
        && nearest(chars, i, false).is_some_and(is_chinese)
}

/// Matched `(`…`)` pairs (innermost first), by position.
fn parenthesis_pairs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut open = Vec::new();
    let mut pairs = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(start) = open.pop() {
                    pairs.push((start, i));
                }
            }
            _ => {}
        }
    }
    pairs
}

/// A pair is Chinese when the text just outside or just inside it is.
fn pair_is_chinese(chars: &[char], open: usize, close: usize) -> bool {
    let outside_before = nearest(chars, open, false);
    let inside_first = chars[open + 1..close]
        .iter()
        .copied()
        .find(|&c| !is_transparent(c));
    let inside_last = chars[open + 1..close]
        .iter()
        .rev()
        .copied()
        .find(|&c| !is_transparent(c));
    let outside_after = nearest(chars, close, true);
    [outside_before, inside_first, inside_last, outside_after]
        .into_iter()
        .flatten()
        .any(is_chinese)
}

/// Char ranges of URLs and e-mail addresses, which keep their punctuation.
fn protected_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = url_at(chars, i) {
            ranges.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        if let Some(range) = email_around(chars, at) {
            ranges.push(range);
        }
    }
    ranges
}

/// Chars a URL or e-mail address is made of (ASCII, no spaces or angle brackets).
fn is_address_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\'')
}

/// The end of a URL starting at `i` (`scheme://…` or `www.…`), trailing punctuation excluded.
fn url_at(chars: &[char], i: usize) -> Option<usize> {
    if !matches!(chars[i], 'h' | 'H' | 'f' | 'F' | 'w' | 'W')
        || (i > 0 && chars[i - 1].is_ascii_alphanumeric())
    {
        return None;
    }
    let rest: String = chars[i..]
        .iter()
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    let prefix_len = ["https://", "http://", "ftp://", "www."]
        .iter()
        .find(|p| rest.starts_with(*p))?
        .len();
    let mut end = i + prefix_len;
    while end < chars.len() && is_address_char(chars[end]) {
        end += 1;
    }
    Some(trim_trailing_punctuation(chars, i + prefix_len, end))
}

/// The range of an e-mail address around the `@` at `at`.
fn email_around(chars: &[char], at: usize) -> Option<(usize, usize)> {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut start = at;
    while start > 0 && local(chars[start - 1]) {
        start -= 1;
    }
    let mut end = at + 1;
    while end < chars.len() && domain(chars[end]) {
        end += 1;
    }
    let end = trim_trailing_punctuation(chars, at + 1, end);
    let domain_text: String = chars[at + 1..end].iter().collect();
    (start < at && domain_text.contains('.')).then_some((start, end))
}

/// Moves `end` back over punctuation that ends a sentence rather than an address.
fn trim_trailing_punctuation(chars: &[char], floor: usize, mut end: usize) -> usize {
    while end > floor && matches!(chars[end - 1], '.' | ',' | ';' | ':' | '!' | '?' | ')') {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalised(text: &str) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        for (i, full) in field_changes(&chars) {
            chars[i] = full;
        }
        chars.into_iter().collect()
    }

    #[test]
    fn chinese_punctuation_becomes_full_width() {
        assert_eq!(
            normalised("6月10日,高新区召开会议."),
            "6月10日，高新区召开会议。"
        );
        assert_eq!(normalised("党工委(扩大)会议"), "党工委（扩大）会议");
        assert_eq!(normalised("真的吗?好!"), "真的吗？好！");
        assert_eq!(
            normalised("学和悟包含四个方面:一是;二是"),
            "学和悟包含四个方面：一是；二是"
        );
        assert_eq!(normalised("“两个维护”,体现"), "“两个维护”，体现");
    }

    #[test]
    fn numbers_latin_urls_and_emails_are_left_alone() {
        for text in [
            "圆周率3.14",
            "共1,000人",
            "10:30开会",
            "Hello, world. (Yes!)",
            "见https://example.com/a,b?x=1.",
            "联系admin@example.org。",
            "等等...",
        ] {
            assert_eq!(normalised(text), text);
        }
        assert_eq!(
            normalised("见https://example.com/a,b?x=1。"),
            "见https://example.com/a,b?x=1。"
        );
        assert_eq!(normalised("时间:10:30"), "时间：10:30");
    }

    #[test]
    fn parentheses_change_in_pairs() {
        assert_eq!(
            normalised("高新区(Gaoxin District)"),
            "高新区（Gaoxin District）"
        );
        assert_eq!(normalised("f(x) = 1"), "f(x) = 1");
        assert_eq!(
            normalised("a,(中)"),
            "a，（中）",
            "a converted mark is Chinese context"
        );
    }
}
