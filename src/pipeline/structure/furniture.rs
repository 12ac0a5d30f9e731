//! Page furniture: page numbers, dates, separators and running heads that the scan picked up
//! between articles or in the middle of a sentence. They are set aside (kept, with their rule),
//! so that the text around them can be joined as if they were not there.

use std::collections::HashMap;

use super::lines::Line;
use super::punct::{is_cjk_numeral, is_digit};
use super::rules;
use crate::model::FurnitureLine;

/// Longest line that can be a running head, in chars.
const RUNNING_HEAD_MAX_CHARS: usize = 40;
/// Longest jump line without brackets (`上接第12版` `下转第3版第2栏`).
const JUMP_LINE_MAX_CHARS: usize = 12;
/// Longest page-number line once separators are removed (`第2页共8页`).
const PAGE_NUMBER_MAX_CHARS: usize = 12;

/// Splits the non-blank lines into content and furniture, in raw order.
pub fn set_aside<'a>(lines: Vec<Line<'a>>) -> (Vec<Line<'a>>, Vec<FurnitureLine>) {
    let mut rules: Vec<Option<&'static str>> = lines.iter().map(single_line_rule).collect();
    for index in running_heads(&lines, &rules) {
        rules[index] = Some(rules::FURNITURE_RUNNING_HEAD);
    }
    let mut content = Vec::with_capacity(lines.len());
    let mut furniture = Vec::new();
    for (line, rule) in lines.into_iter().zip(rules) {
        match rule {
            Some(rule) => furniture.push(FurnitureLine {
                line: line.number,
                text: line.text.to_string(),
                rule: rule.to_string(),
            }),
            None => content.push(line),
        }
    }
    (content, furniture)
}

/// The furniture rule a line meets on its own, if any.
fn single_line_rule(line: &Line) -> Option<&'static str> {
    if line.chars > RUNNING_HEAD_MAX_CHARS {
        None
    } else if !line.shape.has_word
        && !line.shape.starts_with_closing
        && !line.text.chars().any(is_digit)
    {
        Some(rules::FURNITURE_SEPARATOR)
    } else if is_page_number(line.text) {
        Some(rules::FURNITURE_PAGE_NUMBER)
    } else if is_date_line(line.text) {
        Some(rules::FURNITURE_DATE_LINE)
    } else if is_jump_line(line.text) {
        Some(rules::FURNITURE_JUMP_LINE)
    } else {
        None
    }
}

/// A page, section or issue number alone on its line: `-2-`, `— 2 —`, `2`, `(2)`, `第3版`,
/// `第 3 页`, `第2页 共8页`, `2/8`, `G02`, `A3版`, `Page 2`, `2021年第6期`.
pub fn is_page_number(text: &str) -> bool {
    let core: String = text
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_page_separator(c))
        .collect();
    let core = strip_ascii_prefix(&core);
    let count = core.chars().count();
    let numbered = core.chars().any(is_digit)
        || (core.contains(['版', '页']) && core.chars().any(is_cjk_numeral));
    (1..=PAGE_NUMBER_MAX_CHARS).contains(&count)
        && numbered
        && core
            .chars()
            .all(|c| is_digit(c) || is_cjk_numeral(c) || is_number_word(c))
}

/// The words of page, section and issue numbers: `第3版`, `第2页 共8页`, `2021年第6期`, `总第120期`.
fn is_number_word(c: char) -> bool {
    matches!(c, '第' | '版' | '页' | '共' | '期' | '总' | '年')
}

/// Dashes, brackets and slashes around or between page numbers.
fn is_page_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '—'
            | '－'
            | '–'
            | '_'
            | '·'
            | '•'
            | '('
            | ')'
            | '（'
            | '）'
            | '/'
            | '／'
            | '|'
            | '.'
    )
}

/// Drops a section letter or `Page`/`P` before the number (`G02`, `Page 2`).
fn strip_ascii_prefix(core: &str) -> &str {
    let lower = core.to_ascii_lowercase();
    if lower.starts_with("page") {
        return &core[4..];
    }
    let letters = core.chars().take_while(char::is_ascii_alphabetic).count();
    if letters <= 2 { &core[letters..] } else { core }
}

/// A line that is only a date, with or without the weekday: `2021年6月10日 星期四`.
fn is_date_line(text: &str) -> bool {
    let core: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut at = 0;
    for (unit, max_digits) in [('年', 4), ('月', 2), ('日', 2)] {
        let digits = core[at..].iter().take_while(|&&c| is_digit(c)).count();
        if digits == 0 || digits > max_digits || core.get(at + digits) != Some(&unit) {
            return false;
        }
        at += digits + 1;
    }
    let rest: String = core[at..].iter().collect();
    let weekday = ["星期", "周", "礼拜"]
        .iter()
        .find_map(|prefix| rest.strip_prefix(prefix));
    rest.is_empty() || weekday.is_some_and(|day| day.chars().count() == 1)
}

/// A jump line (转版说明) such as `（下转第2版）` or `（上接第1版）`.
fn is_jump_line(text: &str) -> bool {
    let inner = text
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    [
        "上接", "下转", "接上", "转下", "接第", "转第", "上转", "下接",
    ]
    .iter()
    .any(|start| inner.starts_with(start))
        && inner.contains(['版', '页'])
        && inner.chars().count() <= JUMP_LINE_MAX_CHARS
}

/// Lines repeated on several pages (numbers blurred, so `第2期`/`第3期` match) that sit
/// at page boundaries: next to a page number, date or separator, at the start or end of the
/// text, or inside a sentence that the page break cut. Bylines and finished sentences never
/// count: a reporter signs many articles, and a headline repeated in a pasted-twice text is
/// still a headline because it does not sit at page boundaries.
fn running_heads(lines: &[Line], rules: &[Option<&'static str>]) -> Vec<usize> {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, line) in lines.iter().enumerate() {
        if rules[index].is_none()
            && line.chars <= RUNNING_HEAD_MAX_CHARS
            && !line.shape.byline
            && !line.shape.ends_sentence
            && line.shape.has_word
        {
            groups
                .entry(blur_numbers(line.text))
                .or_default()
                .push(index);
        }
    }
    let mut heads = Vec::new();
    for indices in groups.into_values().filter(|group| group.len() >= 2) {
        let at_boundary = indices
            .iter()
            .filter(|&&i| at_page_boundary(lines, rules, i))
            .count();
        if at_boundary * 2 >= indices.len() {
            heads.extend(indices);
        }
    }
    heads
}

/// The text without whitespace, digits and the words of page and issue numbers, so that the
/// masthead `高新区工作简报` and the running head `高新区工作简报 第6期` fall together.
fn blur_numbers(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !is_digit(c) && !is_number_word(c))
        .collect()
}

/// Whether line `i` sits where a page ends or begins.
fn at_page_boundary(lines: &[Line], rules: &[Option<&'static str>], i: usize) -> bool {
    let before = i.checked_sub(1);
    let after = (i + 1 < lines.len()).then_some(i + 1);
    let furniture = |j: Option<usize>| j.is_none_or(|j| rules[j].is_some());
    if furniture(before) || furniture(after) {
        return true;
    }
    let (upper, lower) = (&lines[i - 1], &lines[i + 1]);
    let cut_sentence = upper.is_prose() && !upper.shape.ends_sentence;
    cut_sentence && lower.is_prose() && lower.shape.lead.is_none() && !lower.indented
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_their_usual_shapes() {
        for text in [
            "-2-",
            "— 2 —",
            "－ 12 －",
            "2",
            "(3)",
            "第3版",
            "第 3 页",
            "第2页 共8页",
            "2/8",
            "G02",
            "A3版",
            "Page 2",
            "第三版",
            "2021年第6期",
            "总第120期",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["2021年度", "第一次", "高新区", "G20峰会", "一", "1.5亿元"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("2021年6月10日 星期四"));
        assert!(is_date_line("2021年6月10日"));
        assert!(is_date_line("２０２１年６月１０日"));
        assert!(!is_date_line("2021年6月10日召开会议"));
        assert!(is_jump_line("（下转第2版）") && is_jump_line("上接第1版"));
        assert!(!is_jump_line("下转变发展方式的重要一步，"));
    }
}
