//! The features the line model reads: the shape of a line and of its neighbours, hashed into a
//! fixed table so that extracting them allocates nothing and costs a few dozen integer
//! operations per line (structure recovery must run at tens of megabytes a second).
//!
//! A feature is a *template* (what is measured) and a *value* (what was measured); the pair is
//! hashed to a row of the weight table. The pair is kept (not only its row) so that a decision
//! can name the features that made it ([`describe`]).

use super::super::lines::{Line, Page};
use super::super::markers::{self, Lead};
use super::super::punct;
use crate::i18n::Lang;

/// Rows of the weight table (a power of two).
pub const ROWS: usize = 1 << 17;

/// One measured feature of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Feature {
    pub template: Template,
    pub value: u64,
}

impl Feature {
    /// The row of the weight table this feature reads.
    pub fn row(self) -> usize {
        let mut h = ((self.template as u64) << 56) ^ self.value;
        h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
        h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h ^= h >> 32;
        (h as usize) & (ROWS - 1)
    }
}

/// What a feature measures. The numbering is part of the shipped weights: append, never reorder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Template {
    Bias,
    Length,
    RelativeLength,
    Ending,
    LastChar,
    LastTwo,
    FirstChar,
    FirstTwo,
    Marks,
    LeadMarker,
    ListItem,
    Caption,
    Byline,
    Dash,
    Bracketed,
    Indent,
    Credit,
    PrevLength,
    PrevEnding,
    PrevMarks,
    NextLength,
    NextEnding,
    NextMarks,
    PrevPrevLength,
    NextNextLength,
    NextNextMarks,
    Position,
    JoinShape,
    ShortRun,
    SinceTitleShaped,
    UntilTitleShaped,
    EndingByLength,
    NextMarksByLength,
    PrevEndingByLength,
    FirstCharByLength,
    AgainstNeighbours,
    TitleRunShape,
    ProseCut,
    NextFirstTwo,
    PrevLastTwo,
}

/// Marks of a line, one bit each (for [`Template::Marks`] and the neighbour templates).
mod bit {
    pub const LEAD: u64 = 1;
    pub const BYLINE: u64 = 2;
    pub const LIST: u64 = 4;
    pub const CAPTION: u64 = 8;
    pub const DASH: u64 = 16;
    pub const BRACKETED: u64 = 32;
    pub const INDENTED: u64 = 64;
    pub const TERMINAL_INSIDE: u64 = 128;
    pub const CLAUSE: u64 = 256;
}

/// What a line's own text says, computed once per line and read by its neighbours too.
#[derive(Clone, Copy, Debug, Default)]
pub struct LineFacts {
    pub length: u64,
    pub relative: u64,
    pub ending: u64,
    pub marks: u64,
    /// Short, without sentence or clause marks: the shape of a headline or crosshead.
    pub title_shaped: bool,
    pub first: char,
    pub second: char,
    pub last: char,
    pub before_last: char,
}

/// Length buckets in chars.
fn length_bucket(chars: usize) -> u64 {
    match chars {
        0..=2 => 0,
        3..=4 => 1,
        5..=6 => 2,
        7..=8 => 3,
        9..=10 => 4,
        11..=12 => 5,
        13..=15 => 6,
        16..=18 => 7,
        19..=22 => 8,
        23..=27 => 9,
        28..=34 => 10,
        35..=45 => 11,
        46..=60 => 12,
        61..=90 => 13,
        91..=150 => 14,
        _ => 15,
    }
}

/// Length against the page's median prose line, in buckets of roughly a tenth.
fn relative_bucket(chars: usize, page: &Page) -> u64 {
    let Some(median) = page.median_chars.filter(|&m| m > 0) else {
        return 99;
    };
    let tenths = chars * 10 / median;
    match tenths {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4 => 4,
        5..=6 => 5,
        7..=8 => 6,
        9..=11 => 7,
        12..=15 => 8,
        _ => 9,
    }
}

/// How a line ends: 0 sentence end, 1 comma or semicolon, 2 colon, 3 closing bracket or quote
/// without a sentence end, 4 dash, 5 ideograph, 6 digit, 7 latin letter, 8 enumeration comma,
/// 9 opening mark, 10 anything else.
fn ending_class(text: &str, last: char) -> u64 {
    if punct::ends_sentence(text) {
        return 0;
    }
    match last {
        '，' | ',' | '；' | ';' => 1,
        '：' | ':' => 2,
        '、' => 8,
        '—' | '-' | '－' => 4,
        c if punct::is_trailing_closer(c) => 3,
        c if punct::is_opening(c) => 9,
        c if punct::is_ideograph(c) => 5,
        c if punct::is_digit(c) => 6,
        c if c.is_ascii_alphabetic() => 7,
        _ => 10,
    }
}

/// Whether a short line names a credit or a role before a colon (`制图：王某`, `执笔：李某`):
/// at most six ideographs, a colon, and a short remainder.
fn credit_shaped(text: &str, chars: usize) -> bool {
    if chars > 30 {
        return false;
    }
    let Some(at) = text.find(['：', ':']) else {
        return false;
    };
    let head = &text[..at];
    let head_chars = head.chars().count();
    (1..=6).contains(&head_chars) && head.chars().all(punct::is_ideograph) && at + 3 < text.len()
}

impl LineFacts {
    pub fn of(line: &Line, page: &Page) -> LineFacts {
        let text = line.text;
        let shape = &line.shape;
        let mut chars = text.chars();
        let first = chars.next().unwrap_or(' ');
        let second = chars.next().unwrap_or(' ');
        let mut back = text.chars().rev();
        let last = back.next().unwrap_or(' ');
        let before_last = back.next().unwrap_or(' ');
        let mut marks = 0;
        let mut set = |on: bool, b: u64| {
            if on {
                marks |= b;
            }
        };
        set(shape.lead.is_some(), bit::LEAD);
        set(shape.byline, bit::BYLINE);
        set(shape.list_item, bit::LIST);
        set(shape.standalone, bit::CAPTION);
        set(shape.dash_prefix, bit::DASH);
        set(
            markers::strip_enclosing_brackets(text).len() < text.len(),
            bit::BRACKETED,
        );
        set(line.indented, bit::INDENTED);
        set(
            shape.has_terminal && !shape.ends_sentence,
            bit::TERMINAL_INSIDE,
        );
        set(shape.has_clause_mark, bit::CLAUSE);
        let relative = relative_bucket(line.chars, page);
        LineFacts {
            length: length_bucket(line.chars),
            relative,
            ending: ending_class(text, last),
            marks,
            title_shaped: line.chars <= 40
                && !shape.has_terminal
                && !shape.has_clause_mark
                && shape.has_word,
            first,
            second,
            last,
            before_last,
        }
    }
}

fn pair(a: char, b: char) -> u64 {
    ((a as u64) << 21) | b as u64
}

/// Appends the features of line `i` to `out`. `facts` holds every line's [`LineFacts`];
/// `since`/`until` the distance in lines to the previous and next title-shaped line.
pub fn extract(
    lines: &[Line],
    facts: &[LineFacts],
    i: usize,
    since: usize,
    until: usize,
    run: usize,
    out: &mut Vec<Feature>,
) {
    let line = &lines[i];
    let f = &facts[i];
    let mut push = |template: Template, value: u64| out.push(Feature { template, value });
    push(Template::Bias, 0);
    push(Template::Length, f.length);
    push(Template::RelativeLength, f.relative);
    push(Template::Ending, f.ending);
    push(Template::LastChar, f.last as u64);
    push(Template::LastTwo, pair(f.before_last, f.last));
    push(Template::FirstChar, f.first as u64);
    push(Template::FirstTwo, pair(f.first, f.second));
    push(Template::Marks, f.marks);
    if let Some(lead) = line.shape.lead {
        let kind = match lead {
            Lead::NewsMarker => 0,
            Lead::Dateline => 1,
            Lead::AccordingTo => 2,
        };
        push(
            Template::LeadMarker,
            kind * 2 + line.shape.lead_is_bare as u64,
        );
    }
    if line.shape.list_item {
        push(Template::ListItem, f.length.min(8));
    }
    if line.shape.standalone {
        push(Template::Caption, 0);
    }
    if line.shape.byline {
        push(Template::Byline, 0);
    }
    if line.shape.dash_prefix {
        push(Template::Dash, f.length.min(10));
    }
    if f.marks & bit::BRACKETED != 0 {
        push(Template::Bracketed, pair(f.first, f.second));
    }
    push(Template::Indent, f.marks & bit::INDENTED);
    if credit_shaped(line.text, line.chars) {
        push(Template::Credit, 0);
    }
    let none = 1000;
    let prev = i.checked_sub(1).map(|j| &facts[j]);
    let next = facts.get(i + 1);
    push(Template::PrevLength, prev.map_or(none, |p| p.relative));
    push(Template::PrevEnding, prev.map_or(none, |p| p.ending));
    push(Template::PrevMarks, prev.map_or(none, |p| p.marks));
    push(Template::NextLength, next.map_or(none, |n| n.relative));
    push(Template::NextEnding, next.map_or(none, |n| n.ending));
    push(Template::NextMarks, next.map_or(none, |n| n.marks));
    let prev2 = i.checked_sub(2).map(|j| &facts[j]);
    let next2 = facts.get(i + 2);
    push(Template::PrevPrevLength, prev2.map_or(none, |p| p.relative));
    push(Template::NextNextLength, next2.map_or(none, |n| n.relative));
    push(Template::NextNextMarks, next2.map_or(none, |n| n.marks));
    let position = match (i, lines.len() - i) {
        (0, _) => 0,
        (_, 1) => 1,
        (1, _) => 2,
        _ => 3,
    };
    push(Template::Position, position);
    // A line that the scan cut from the one above: that one ends mid-sentence, this one is
    // not indented, or begins with a mark that cannot begin a line.
    let join = prev.map_or(none, |p| {
        let shape = &line.shape;
        (p.ending)
            | (p.relative.min(9) << 4)
            | ((shape.starts_with_closing as u64) << 8)
            | ((line.indented as u64) << 9)
            | ((lines[i - 1].shape.ends_with_opening as u64) << 10)
    });
    push(Template::JoinShape, join);
    push(
        Template::ShortRun,
        (run.min(5) as u64) | ((f.title_shaped as u64) << 4),
    );
    push(Template::SinceTitleShaped, since.min(8) as u64);
    push(Template::UntilTitleShaped, until.min(8) as u64);
    push(Template::EndingByLength, f.ending | (f.relative << 4));
    push(
        Template::NextMarksByLength,
        next.map_or(none, |n| n.marks) | (f.relative << 10),
    );
    push(
        Template::PrevEndingByLength,
        prev.map_or(none, |p| p.ending) | (f.relative << 10),
    );
    push(
        Template::FirstCharByLength,
        (f.first as u64) | (f.length << 21),
    );
    // Within a stack of short lines, the kicker is usually shorter than the headline below it
    // and a deck longer: the line's length against both neighbours.
    let compare = |other: Option<&LineFacts>, chars_other: Option<usize>| -> u64 {
        match (other, chars_other) {
            (Some(o), Some(c)) => {
                let sign = match line.chars.cmp(&c) {
                    std::cmp::Ordering::Less => 0,
                    std::cmp::Ordering::Equal => 1,
                    std::cmp::Ordering::Greater => 2,
                };
                sign | ((o.title_shaped as u64) << 2)
            }
            _ => 7,
        }
    };
    let prev_chars = i.checked_sub(1).map(|j| lines[j].chars);
    let next_chars = lines.get(i + 1).map(|l| l.chars);
    let against = compare(prev, prev_chars) | (compare(next, next_chars) << 3);
    push(
        Template::AgainstNeighbours,
        against | ((f.title_shaped as u64) << 6),
    );
    // Running text that stops mid-sentence above this line: the scan cut a paragraph.
    let prose =
        |f: &LineFacts| f.marks & (bit::CLAUSE | bit::TERMINAL_INSIDE) != 0 || f.ending == 0;
    push(
        Template::ProseCut,
        prev.map_or(none, |p| {
            p.ending
                | ((prose(p) as u64) << 4)
                | ((prose(f) as u64) << 5)
                | ((f.title_shaped as u64) << 6)
                | ((f.marks & bit::INDENTED != 0) as u64) << 7
        }),
    );
    push(
        Template::NextFirstTwo,
        next.map_or(none, |n| pair(n.first, n.second)),
    );
    push(
        Template::PrevLastTwo,
        prev.map_or(none, |p| pair(p.before_last, p.last)),
    );
    push(
        Template::TitleRunShape,
        (run.min(4) as u64)
            | ((since.min(4) as u64) << 3)
            | ((f.title_shaped as u64) << 6)
            | (next.map_or(3, |n| {
                (n.marks & bit::LEAD != 0) as u64 + 2 * n.title_shaped as u64
            }) << 7),
    );
}

/// The lines' facts, and for each line the distance to the previous and the next title-shaped
/// line (0 for a title-shaped line itself) and the length of the run of title-shaped lines it
/// belongs to.
pub fn context(lines: &[Line], page: &Page) -> (Vec<LineFacts>, Vec<[usize; 3]>) {
    let facts: Vec<LineFacts> = lines.iter().map(|l| LineFacts::of(l, page)).collect();
    let far = 99;
    let mut around = vec![[far, far, 0]; lines.len()];
    let mut last = None;
    for (i, f) in facts.iter().enumerate() {
        around[i][0] = last.map_or(far, |l| i - l);
        if f.title_shaped {
            last = Some(i);
        }
    }
    let mut next = None;
    for i in (0..facts.len()).rev() {
        around[i][1] = next.map_or(far, |n| n - i);
        if facts[i].title_shaped {
            next = Some(i);
        }
    }
    let mut i = 0;
    while i < facts.len() {
        let mut j = i;
        while j < facts.len() && facts[j].title_shaped {
            j += 1;
        }
        for slot in &mut around[i..j] {
            slot[2] = j - i;
        }
        i = j.max(i + 1);
    }
    (facts, around)
}

/// Words for a feature, for the reasons shown to the editor.
pub fn describe(feature: Feature, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    let v = feature.value;
    let chars = |value: u64| -> String {
        let a = char::from_u32((value >> 21) as u32).unwrap_or(' ');
        let b = char::from_u32((value & 0x1F_FFFF) as u32).unwrap_or(' ');
        format!("{a}{b}").trim().to_string()
    };
    let one = |value: u64| char::from_u32(value as u32).unwrap_or(' ').to_string();
    let length = |value: u64| match value {
        0..=4 => ("很短", "very short"),
        5..=6 => ("较短", "short"),
        7 => ("与正文行等长", "as long as a body line"),
        99 => ("", ""),
        1000 => ("（无）", "(none)"),
        _ => ("较长", "long"),
    };
    let ending = |value: u64| match value {
        0 => ("以句末标点结束", "ends a sentence"),
        1 => ("以逗号结束", "ends with a comma"),
        2 => ("以冒号结束", "ends with a colon"),
        3 => ("以括号或引号结束", "ends with a bracket or quote"),
        4 => ("以破折号结束", "ends with a dash"),
        1000 => ("不存在", "does not exist"),
        _ => ("没有句末标点", "has no sentence mark at the end"),
    };
    let marks = |value: u64| -> (&'static str, &'static str) {
        if value == 1000 {
            ("不存在", "does not exist")
        } else if value & bit::LEAD != 0 {
            (
                "以电头开头（本报讯、…电）",
                "opens with a dateline (本报讯, …电)",
            )
        } else if value & bit::BYLINE != 0 {
            ("是署名", "is a byline")
        } else if value & bit::LIST != 0 {
            ("以序号开头", "opens with a number")
        } else if value & bit::CAPTION != 0 {
            ("是图片说明", "is a caption")
        } else if value & bit::DASH != 0 {
            ("以“——”开头", "opens with a dash")
        } else if value & bit::BRACKETED != 0 {
            ("整行在括号中", "is all in brackets")
        } else if value & bit::INDENTED != 0 {
            ("有缩进", "is indented")
        } else {
            ("是普通文字", "is plain text")
        }
    };
    let pick = |(z, e): (&str, &str)| if zh { z.to_string() } else { e.to_string() };
    let text = match feature.template {
        Template::Bias | Template::Position => return None,
        Template::ProseCut if v & 15 == 0 => {
            pick(("上一行以句末标点结束", "the line above ends a sentence"))
        }
        Template::ProseCut if v & 16 == 0 => return None,
        Template::ProseCut => pick((
            "上一行是在句中断开的正文",
            "the line above is running text cut mid-sentence",
        )),
        Template::NextFirstTwo => format!(
            "{}“{}”{}",
            pick(("下一行以", "the next line begins with ")),
            chars(v),
            pick(("开头", ""))
        ),
        Template::PrevLastTwo => format!(
            "{}“{}”{}",
            pick(("上一行以", "the line above ends with ")),
            chars(v),
            pick(("结尾", ""))
        ),
        Template::AgainstNeighbours => pick((
            "与上下行的长短关系",
            "its length against the lines around it",
        )),
        Template::TitleRunShape => {
            pick(("在一组短行中的位置", "its place in a group of short lines"))
        }
        Template::Length | Template::RelativeLength => {
            let (z, e) = length(match (feature.template, v) {
                (Template::Length, 0..=3) => 0,
                (Template::Length, 4..=7) => 5,
                (Template::Length, _) => 8,
                _ => v,
            });
            if z.is_empty() {
                return None;
            }
            pick((z, e))
        }
        Template::Ending | Template::EndingByLength => pick(ending(v & 15)),
        Template::LastChar => pick(("以“{}”结尾", "ends with “{}”")).replace("{}", &one(v)),
        Template::LastTwo => pick(("以“{}”结尾", "ends with “{}”")).replace("{}", &chars(v)),
        Template::FirstChar | Template::FirstCharByLength => {
            pick(("以“{}”开头", "begins with “{}”")).replace("{}", &one(v & 0x1F_FFFF))
        }
        Template::FirstTwo | Template::Bracketed => {
            pick(("以“{}”开头", "begins with “{}”")).replace("{}", &chars(v))
        }
        Template::Marks => pick(marks(v)),
        Template::LeadMarker => pick(("以电头开头", "opens with a dateline")),
        Template::ListItem => pick(("以序号开头", "opens with a number")),
        Template::Caption => pick(("是图片说明或结束标记", "is a caption or an end mark")),
        Template::Byline => pick(("是署名形式", "has the shape of a byline")),
        Template::Dash => pick(("以“——”开头", "opens with a dash")),
        Template::Indent => pick(if v != 0 {
            ("有缩进", "is indented")
        } else {
            ("没有缩进", "is not indented")
        }),
        Template::Credit => pick(("是“制图：某某”式署名", "is a credit (制图：某某)")),
        Template::PrevLength | Template::PrevPrevLength => {
            let (z, e) = length(v);
            if z.is_empty() {
                return None;
            }
            format!("{}{}", pick(("上一行", "the line above is ")), pick((z, e)))
        }
        Template::NextLength | Template::NextNextLength => {
            let (z, e) = length(v);
            if z.is_empty() {
                return None;
            }
            format!("{}{}", pick(("下一行", "the next line is ")), pick((z, e)))
        }
        Template::PrevEnding | Template::PrevEndingByLength => format!(
            "{}{}",
            pick(("上一行", "the line above ")),
            pick(ending(v & 1023))
        ),
        Template::NextEnding => {
            format!("{}{}", pick(("下一行", "the next line ")), pick(ending(v)))
        }
        Template::PrevMarks => format!("{}{}", pick(("上一行", "the line above ")), pick(marks(v))),
        Template::NextMarks | Template::NextNextMarks | Template::NextMarksByLength => format!(
            "{}{}",
            pick(("下一行", "the next line ")),
            pick(marks(v & 1023))
        ),
        Template::JoinShape => pick(("上一行在句中断开", "the line above stops mid-sentence")),
        Template::ShortRun if v & 16 == 0 => return None,
        Template::ShortRun => pick(("连续的短行", "one of a run of short lines")),
        Template::SinceTitleShaped => pick((
            "离上一个短标题行的距离",
            "its distance from the last short title-like line",
        )),
        Template::UntilTitleShaped => pick((
            "离下一个短标题行的距离",
            "its distance to the next short title-like line",
        )),
    };
    Some(text)
}
