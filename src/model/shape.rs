//! The shape of a paragraph: what it looks like on the page, without its words.
//!
//! When the editor corrects the structure of one place (a crosshead taken for a headline, an
//! author's note taken for body text), the same mistake usually repeats wherever the page has
//! the same kind of line: the other crossheads of a long report are as short and as bare, the
//! other notes sit in the same brackets. A [`Shape`] captures exactly that — length bucket, the
//! kind of its first and last char, enclosing brackets, a numbering pattern, a dash or colon —
//! so that "the other places that look the same" can be found without any word list and without
//! remembering the text itself.

use serde::{Deserialize, Serialize};

/// How long a line is, in coarse buckets: siblings such as `难点` / `亮点` or `坚持问题导向` /
/// `推进改革创新` fall into one bucket, a heading and a sentence do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Length {
    /// 1–4 chars.
    Tiny,
    /// 5–8 chars.
    Short,
    /// 9–16 chars.
    Medium,
    /// 17–32 chars.
    Long,
    /// More than 32 chars: running text.
    Running,
}

impl Length {
    fn of(chars: usize) -> Length {
        match chars {
            0..=4 => Length::Tiny,
            5..=8 => Length::Short,
            9..=16 => Length::Medium,
            17..=32 => Length::Long,
            _ => Length::Running,
        }
    }
}

/// The class of a single char at the edge of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CharClass {
    /// A Chinese character.
    Han,
    /// A digit (ASCII or full-width).
    Digit,
    /// A Latin letter.
    Latin,
    /// An opening bracket or quote: `（【《“(["`.
    Open,
    /// A closing bracket or quote.
    Close,
    /// A sentence end: `。！？!?…`.
    SentenceEnd,
    /// A pause inside a sentence: `，、；,;`.
    Pause,
    /// A colon: `：:`.
    Colon,
    /// A dash: `—-─`.
    Dash,
    /// Anything else (spaces, symbols).
    Other,
}

impl CharClass {
    /// The class of `c`.
    pub fn of(c: char) -> CharClass {
        match c {
            '0'..='9' | '０'..='９' => CharClass::Digit,
            'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => CharClass::Latin,
            '（' | '【' | '《' | '“' | '‘' | '(' | '[' | '〔' | '「' | '『' | '〈' => {
                CharClass::Open
            }
            '）' | '】' | '》' | '”' | '’' | ')' | ']' | '〕' | '」' | '』' | '〉' => {
                CharClass::Close
            }
            '。' | '！' | '？' | '!' | '?' | '…' => CharClass::SentenceEnd,
            '，' | '、' | '；' | ',' | ';' => CharClass::Pause,
            '：' | ':' => CharClass::Colon,
            '—' | '-' | '─' | '－' => CharClass::Dash,
            c if is_han(c) => CharClass::Han,
            _ => CharClass::Other,
        }
    }
}

/// Whether `c` is a CJK ideograph (the basic block, extension A and the supplementary planes).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Brackets that wrap the whole line, as author notes (`（作者为…）`) and labels (`【点评】`) are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Enclosure {
    None,
    /// `（…）` or `(…)`.
    Round,
    /// `【…】` or `[…]`.
    Square,
    /// Any other pair: `《…》`, `“…”`, `〔…〕`.
    Other,
}

impl Enclosure {
    fn of(first: Option<char>, last: Option<char>) -> Enclosure {
        match (first, last) {
            (Some('（' | '('), Some('）' | ')')) => Enclosure::Round,
            (Some('【' | '['), Some('】' | ']')) => Enclosure::Square,
            (Some('《'), Some('》'))
            | (Some('“'), Some('”'))
            | (Some('〔'), Some('〕'))
            | (Some('「'), Some('」')) => Enclosure::Other,
            _ => Enclosure::None,
        }
    }
}

/// How a line is numbered, if it is: crossheads of one article share their pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Numbering {
    None,
    /// `一、`, `二、` …
    HanComma,
    /// `（一）`, `(二)` …
    HanParen,
    /// `1.`, `2、`, `3．` …
    DigitMark,
    /// `（1）`, `(2)` …
    DigitParen,
    /// `第一`, `第2` …
    Ordinal,
    /// A short label before a numeral and a colon: `案例一：`, `镜头2：`.
    Labelled,
}

/// Han numerals as used in lists.
fn is_han_numeral(c: char) -> bool {
    "一二三四五六七八九十百零〇两".contains(c)
}

fn is_numeral(c: char) -> bool {
    is_han_numeral(c) || CharClass::of(c) == CharClass::Digit
}

impl Numbering {
    fn of(chars: &[char]) -> Numbering {
        let numeral_run = |from: usize, han: bool| {
            chars[from.min(chars.len())..]
                .iter()
                .take_while(|&&c| {
                    if han {
                        is_han_numeral(c)
                    } else {
                        CharClass::of(c) == CharClass::Digit
                    }
                })
                .count()
        };
        let at = |i: usize| chars.get(i).copied();
        let han = numeral_run(0, true);
        if han > 0 && at(han) == Some('、') {
            return Numbering::HanComma;
        }
        let digits = numeral_run(0, false);
        if digits > 0 && matches!(at(digits), Some('.' | '、' | '．')) {
            return Numbering::DigitMark;
        }
        if matches!(at(0), Some('（' | '(')) {
            let han = numeral_run(1, true);
            if han > 0 && matches!(at(1 + han), Some('）' | ')')) {
                return Numbering::HanParen;
            }
            let digits = numeral_run(1, false);
            if digits > 0 && matches!(at(1 + digits), Some('）' | ')')) {
                return Numbering::DigitParen;
            }
        }
        if at(0) == Some('第') && at(1).is_some_and(is_numeral) {
            return Numbering::Ordinal;
        }
        // A label of up to four chars, a numeral, then a colon.
        for label in 1..=4 {
            if !chars[..label.min(chars.len())].iter().all(|&c| is_han(c)) {
                break;
            }
            let numerals = chars[label.min(chars.len())..]
                .iter()
                .take_while(|&&c| is_numeral(c))
                .count();
            if numerals > 0 && matches!(at(label + numerals), Some('：' | ':')) {
                return Numbering::Labelled;
            }
        }
        Numbering::None
    }
}

/// What a paragraph looks like, without its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Shape {
    pub length: Length,
    /// The class of the first char (leading spaces ignored).
    pub first: CharClass,
    /// The class of the last char (trailing spaces ignored).
    pub last: CharClass,
    pub enclosure: Enclosure,
    pub numbering: Numbering,
    /// Whether the line holds a dash (`——`): `美国——`, `——编者`.
    pub dash: bool,
    /// Whether the line holds a colon: `本版制图：王某`, `案例一：…`.
    pub colon: bool,
}

impl Shape {
    /// The shape of `text`. Spaces at either end do not count.
    pub fn of(text: &str) -> Shape {
        let chars: Vec<char> = text.trim().chars().collect();
        let class = |c: Option<&char>| c.map_or(CharClass::Other, |&c| CharClass::of(c));
        Shape {
            length: Length::of(chars.len()),
            first: class(chars.first()),
            last: class(chars.last()),
            enclosure: Enclosure::of(chars.first().copied(), chars.last().copied()),
            numbering: Numbering::of(&chars),
            dash: chars
                .iter()
                .any(|&c| CharClass::of(c) == CharClass::Dash && c != '-'),
            colon: chars.iter().any(|&c| CharClass::of(c) == CharClass::Colon),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sibling_crossheads_share_a_shape_and_differ_from_sentences() {
        assert_eq!(Shape::of("难点"), Shape::of("亮点"));
        assert_eq!(Shape::of("坚持问题导向"), Shape::of("推进改革创新"));
        assert_eq!(Shape::of("一、强化组织领导"), Shape::of("二、压实工作责任"));
        assert_eq!(Shape::of("美国——"), Shape::of("德国——"));
        assert_ne!(
            Shape::of("坚持问题导向"),
            Shape::of("会议要求，要抓重点、攻难点。")
        );
        assert_ne!(Shape::of("一、强化组织领导"), Shape::of("强化组织领导"));
    }

    #[test]
    fn notes_in_brackets_share_a_shape() {
        let a = Shape::of("（作者为某大学教授）");
        assert_eq!(a.enclosure, Enclosure::Round);
        assert_eq!(a, Shape::of("（作者为某研究院院长）"));
        assert_eq!(Shape::of("【点评】").enclosure, Enclosure::Square);
    }

    #[test]
    fn numbering_patterns_are_told_apart() {
        let numbering = |t: &str| Shape::of(t).numbering;
        assert_eq!(numbering("一、强化组织领导"), Numbering::HanComma);
        assert_eq!(numbering("（三）抓好落实"), Numbering::HanParen);
        assert_eq!(numbering("2.加强监管"), Numbering::DigitMark);
        assert_eq!(numbering("(4)完善制度"), Numbering::DigitParen);
        assert_eq!(numbering("第一，要学明白"), Numbering::Ordinal);
        assert_eq!(numbering("案例一：村里来了新书记"), Numbering::Labelled);
        assert_eq!(numbering("会议指出，要学明白"), Numbering::None);
        assert_eq!(numbering("2020年以来"), Numbering::None);
    }

    #[test]
    fn edges_ignore_surrounding_spaces() {
        let shape = Shape::of("  本版制图：王某 ");
        assert_eq!((shape.first, shape.last), (CharClass::Han, CharClass::Han));
        assert!(shape.colon && !shape.dash);
        assert_eq!(Shape::of("").length, Length::Tiny);
    }
}
