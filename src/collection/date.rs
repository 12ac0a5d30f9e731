//! The date of an issue: read from the file name (`gaoxin-2021-06-10.txt`) or from the text (the
//! masthead's `2021年6月10日`, a dateline's `二〇二一年六月十日`), and correctable by the editor.
//!
//! Officials over time are told by these dates, so a wrong one is fixed once in the index and
//! every table and export follows.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// A calendar date, written `2021-06-10` in the index and in exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IssueDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl IssueDate {
    /// The date if it exists on the calendar (1900–2199, leap years counted).
    pub fn new(year: u32, month: u32, day: u32) -> Option<IssueDate> {
        if !(1900..2200).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(IssueDate {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses `2021-06-10` (also `2021-6-10`, `2021/06/10`, `2021.06.10`, `20210610`,
    /// `2021年6月10日`): what an editor types to correct a date.
    pub fn parse(text: &str) -> Option<IssueDate> {
        let text: String = text.trim().chars().map(half_width_digit).collect();
        let caps = TYPED.captures(&text)?;
        let number = |i: usize| caps[i].parse::<u32>().ok();
        IssueDate::new(number(1)?, number(2)?, number(3)?)
    }
}

impl fmt::Display for IssueDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<IssueDate> for String {
    fn from(date: IssueDate) -> String {
        date.to_string()
    }
}

impl TryFrom<String> for IssueDate {
    type Error = String;

    fn try_from(text: String) -> Result<IssueDate, String> {
        IssueDate::parse(&text).ok_or_else(|| format!("not a date (YYYY-MM-DD): {text}"))
    }
}

/// Where an issue's date came from; a date the editor set is never replaced by a re-import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum DateSource {
    /// No date was found; the issue sorts last until the editor sets one.
    #[default]
    Unknown,
    FileName,
    Text,
    Editor,
}

static TYPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})\s*[-/._年]?\s*(\d{1,2})\s*[-/._月]?\s*(\d{1,2})\s*日?$").unwrap()
});

/// A date inside a file name: a year from 1900 on, then month and day, with separators
/// (`2021-06-10`, `2021_6_10`, `2021年6月10日`) or without (`20210610`), not glued to other digits.
static IN_NAME: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        Regex::new(r"(?:^|\D)((?:19|20|21)\d{2})[-_.年](\d{1,2})[-_.月](\d{1,2})(?:\D|$)").unwrap(),
        Regex::new(r"(?:^|\D)((?:19|20|21)\d{2})(\d{2})(\d{2})(?:\D|$)").unwrap(),
    ]
});

/// A date as Chinese text writes it, in Arabic or Chinese numerals.
static IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日",
    )
    .unwrap()
});

/// How far into the text a date is looked for: the masthead and the first datelines.
const TEXT_PREFIX_CHARS: usize = 3000;

/// The date in a file name (`gaoxin-2021-06-10.txt`, `高新区报20210610.docx`), if one is there.
pub fn from_file_name(name: &str) -> Option<IssueDate> {
    let name: String = name.chars().map(half_width_digit).collect();
    IN_NAME.iter().find_map(|pattern| {
        pattern.captures_iter(&name).find_map(|caps| {
            let number = |i: usize| caps[i].parse::<u32>().ok();
            IssueDate::new(number(1)?, number(2)?, number(3)?)
        })
    })
}

/// The first full date (year, month and day) near the top of the text.
pub fn from_text(text: &str) -> Option<IssueDate> {
    let head: String = text
        .chars()
        .take(TEXT_PREFIX_CHARS)
        .map(half_width_digit)
        .collect();
    IN_TEXT.captures_iter(&head).find_map(|caps| {
        IssueDate::new(
            year_number(&caps[1])?,
            small_number(&caps[2])?,
            small_number(&caps[3])?,
        )
    })
}

/// The issue date and where it came from: the file name first (editors name files by date on
/// purpose), then the text.
pub fn detect(file_name: &str, text: &str) -> (Option<IssueDate>, DateSource) {
    if let Some(date) = from_file_name(file_name) {
        (Some(date), DateSource::FileName)
    } else if let Some(date) = from_text(text) {
        (Some(date), DateSource::Text)
    } else {
        (None, DateSource::Unknown)
    }
}

fn half_width_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return c.to_digit(10),
    })
}

/// `2021` or `二〇二一`: digit by digit.
fn year_number(text: &str) -> Option<u32> {
    text.chars()
        .try_fold(0u32, |n, c| Some(n * 10 + digit_value(c)?))
}

/// `10`, `十`, `十二`, `二十`, `三十一`: a month or a day.
fn small_number(text: &str) -> Option<u32> {
    if text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    match text.split_once('十') {
        None => digit_value(text.chars().next()?).filter(|_| text.chars().count() == 1),
        Some((tens, ones)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                year_number(tens)?
            };
            let ones = if ones.is_empty() {
                0
            } else {
                year_number(ones)?
            };
            Some(tens * 10 + ones)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: u32, m: u32, d: u32) -> Option<IssueDate> {
        IssueDate::new(y, m, d)
    }

    #[test]
    fn file_names_give_their_dates() {
        assert_eq!(from_file_name("gaoxin-2021-06-10.txt"), date(2021, 6, 10));
        assert_eq!(from_file_name("高新区报20210610.docx"), date(2021, 6, 10));
        assert_eq!(from_file_name("2022_03_02-gaoxin.txt"), date(2022, 3, 2));
        assert_eq!(
            from_file_name("bulletin-2021年6月9日.txt"),
            date(2021, 6, 9)
        );
        assert_eq!(from_file_name("gaoxin-issue-117.txt"), None);
        assert_eq!(from_file_name("scan-2021-13-40.txt"), None, "no 13th month");
        assert_eq!(
            from_file_name("id-1234567890.txt"),
            None,
            "digits glued together"
        );
    }

    #[test]
    fn texts_give_the_first_full_date() {
        assert_eq!(
            from_text("高新区工作简报\n第12期\n2021年6月10日\n本报讯 6月9日……"),
            date(2021, 6, 10)
        );
        assert_eq!(
            from_text("（二〇二一年六月十日）\n会议……"),
            date(2021, 6, 10)
        );
        assert_eq!(from_text("二〇二二年十二月三十一日"), date(2022, 12, 31));
        assert_eq!(from_text("２０２１年６月１０日"), date(2021, 6, 10));
        assert_eq!(from_text("本报讯 6月10日,高新区召开会议"), None, "no year");
        assert_eq!(from_text("2021年2月30日"), None, "not on the calendar");
    }

    #[test]
    fn the_file_name_wins_over_the_text() {
        assert_eq!(
            detect("g-2021-06-10.txt", "2020年1月1日"),
            (date(2021, 6, 10), DateSource::FileName)
        );
        assert_eq!(
            detect("g.txt", "2020年1月1日"),
            (date(2020, 1, 1), DateSource::Text)
        );
        assert_eq!(detect("g.txt", "无日期"), (None, DateSource::Unknown));
    }

    #[test]
    fn typed_dates_parse_and_print_alike() {
        let d = IssueDate::parse("2021-6-10").unwrap();
        assert_eq!(d.to_string(), "2021-06-10");
        assert_eq!(IssueDate::parse("2021/06/10"), Some(d));
        assert_eq!(IssueDate::parse("20210610"), Some(d));
        assert_eq!(IssueDate::parse("2021年6月10日"), Some(d));
        assert_eq!(IssueDate::parse("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(IssueDate::parse("2023-02-29"), None);
        assert_eq!(IssueDate::parse("tomorrow"), None);
        assert!(date(2021, 6, 10) < date(2021, 12, 1));
    }
}
