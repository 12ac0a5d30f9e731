//! The fixed shapes of newspaper text: bylines, lead markers (本报讯, datelines), list markers.
//! Each recogniser looks at one trimmed line and reads at most a short prefix of it, so that a
//! megabyte-long line costs no more than a short one.

use super::punct::{is_cjk_numeral, is_digit, is_ideograph};

/// Role words of a byline that stand alone as a token (`文/图 王某`, `王某 摄`).
const ROLE_WORDS: &[&str] = &[
    "文",
    "图",
    "摄",
    "摄影",
    "文/图",
    "图/文",
    "文／图",
    "图／文",
    "文图",
    "图文",
    "撰稿",
    "供稿",
    "整理",
    "通讯员",
    "实习生",
    "记者",
    "报道",
    "摄影报道",
    "编辑",
    "责任编辑",
    "审核",
    "校对",
    "签发",
];

/// Endings of role words with a free prefix (`本报记者`, `新华社记者`, `特约通讯员`).
const ROLE_ENDINGS: &[&str] = &["记者", "通讯员", "实习生", "评论员", "摄影"];

/// Longest prefix before a role ending (`人民日报社记者` has five).
const MAX_ROLE_PREFIX: usize = 6;

/// Longest byline line, in chars (`本报记者 王某某 李某 通讯员 赵某某 钱某 实习生 孙某`).
const MAX_BYLINE_CHARS: usize = 48;

/// Whether the whole line is a byline: role words (记者, 本报记者, 通讯员, 实习生, 文/图, 摄 …)
/// and personal names of 2–4 ideographs, separated by spaces, `、` or commas, with at least one
/// of each; optionally the whole line in brackets (`（记者 王某）`).
pub fn is_byline(text: &str) -> bool {
    let inner = strip_enclosing_brackets(text.trim_start_matches(is_decoration).trim_start());
    if inner.chars().nth(MAX_BYLINE_CHARS).is_some() {
        return false;
    }
    let (mut roles, mut names) = (0, 0);
    for token in inner
        .split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '：' | ':'))
        .filter(|t| !t.is_empty())
    {
        let (r, n) = match classify_token(token) {
            Some(counts) => counts,
            None => return false,
        };
        roles += r;
        names += n;
    }
    roles > 0 && names > 0
}

/// Boxes and bullets that some papers set before a byline (`□本报记者 王某`).
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '□' | '■' | '◇' | '◆' | '○' | '●' | '★' | '☆' | '▲' | '△' | '▼' | '◎'
    )
}

/// The text inside `（…）`, `(…)` or `【…】` when those enclose the whole line.
pub fn strip_enclosing_brackets(text: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】')] {
        if let Some(inner) = text
            .strip_prefix(open)
            .and_then(|rest| rest.strip_suffix(close))
        {
            return inner.trim();
        }
    }
    text
}

/// (roles, names) in one byline token, or `None` when the token is neither.
fn classify_token(token: &str) -> Option<(usize, usize)> {
    if is_role(token) {
        return Some((1, 0));
    }
    // A role written together with its name (`记者王某`, `王某摄`) before a bare name.
    if token.strip_suffix('摄').is_some_and(is_name) {
        return Some((1, 1));
    }
    for ending in ROLE_ENDINGS {
        if let Some(at) = token.find(ending) {
            let (role, name) = token.split_at(at + ending.len());
            if is_role(role) && is_name(name) {
                return Some((1, 1));
            }
        }
    }
    is_name(token).then_some((0, 1))
}

/// A role word: one of [`ROLE_WORDS`], or a short ideograph prefix plus one of [`ROLE_ENDINGS`].
fn is_role(token: &str) -> bool {
    ROLE_WORDS.contains(&token)
        || ROLE_ENDINGS.iter().any(|ending| {
            token.strip_suffix(ending).is_some_and(|prefix| {
                prefix.chars().count() <= MAX_ROLE_PREFIX && prefix.chars().all(is_ideograph)
            })
        })
}

/// A personal name: 2–4 ideographs, or a transcribed name with a middle dot (`阿不都·热合曼`).
fn is_name(token: &str) -> bool {
    let count = token.chars().count();
    let dotted = token.contains(['·', '•']);
    let ideographs = token
        .chars()
        .all(|c| is_ideograph(c) || (dotted && matches!(c, '·' | '•')));
    ideographs && ((2..=4).contains(&count) || (dotted && (4..=12).contains(&count)))
}

/// Which kind of lead marker opens a paragraph, and how many bytes of the line it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lead {
    /// 本报讯, 本刊讯, 本网讯, 央视网消息： (optionally followed by `（记者 王某）`).
    NewsMarker,
    /// 新华社北京6月10日电 (optionally followed by `（记者 王某）`).
    Dateline,
    /// 据新华社报道, 据《人民日报》消息.
    AccordingTo,
}

/// Stems of `X讯` markers: the paper's own news, by medium.
const NEWS_STEMS: &[&str] = &["本报", "本刊", "本网", "本台", "本报综合", "本报专"];

/// How far into a line a dateline's `日电` may sit (`中国新闻社北京6月10日电`).
const DATELINE_WINDOW: usize = 24;

/// The lead marker that opens `text`, with the byte length of the marker (including a bracketed
/// byline right after it), or `None`.
pub fn lead_marker(text: &str) -> Option<(Lead, usize)> {
    if let Some(end) = news_marker_end(text) {
        return Some((Lead::NewsMarker, with_bracket_group(text, end)));
    }
    if let Some(end) = dateline_end(text) {
        return Some((Lead::Dateline, with_bracket_group(text, end)));
    }
    according_to(text).map(|end| (Lead::AccordingTo, end))
}

/// `本报讯` and kin, or `XX网消息：`.
fn news_marker_end(text: &str) -> Option<usize> {
    for stem in NEWS_STEMS {
        if text
            .strip_prefix(stem)
            .is_some_and(|rest| rest.starts_with('讯'))
        {
            return Some(stem.len() + '讯'.len_utf8());
        }
    }
    let window: String = text.chars().take(12).collect();
    let at = window.find("消息")?;
    let after = &text[at + "消息".len()..];
    let prefix = &text[..at];
    (prefix.chars().count() >= 2
        && prefix.chars().all(is_ideograph)
        && after.starts_with(['：', ':']))
    .then(|| at + "消息".len() + after.chars().next().map_or(0, char::len_utf8))
}

/// `…6月10日电` / `…十日电` within the first [`DATELINE_WINDOW`] chars.
fn dateline_end(text: &str) -> Option<usize> {
    let mut previous = None;
    let mut chars = text.char_indices().take(DATELINE_WINDOW).peekable();
    while let Some((at, c)) = chars.next() {
        if c == '日' && matches!(chars.peek(), Some((_, '电'))) {
            let day = previous.is_some_and(|p: char| is_digit(p) || is_cjk_numeral(p));
            if day && text[..at].contains('月') {
                return Some(at + "日电".len());
            }
        }
        previous = Some(c);
    }
    None
}

/// `据……报道` / `据……消息` opening the line.
fn according_to(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('据')?;
    let window: String = rest.chars().take(16).collect();
    ["报道", "消息"]
        .iter()
        .filter_map(|word| {
            window
                .find(word)
                .map(|at| '据'.len_utf8() + at + word.len())
        })
        .min()
}

/// Extends a marker over a bracket group that directly follows it (`本报讯（记者 王某）`).
fn with_bracket_group(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if trimmed.starts_with(open) {
            let window: String = trimmed.chars().take(MAX_BYLINE_CHARS).collect();
            if let Some(at) = window.find(close) {
                return end + skipped + at + close.len_utf8();
            }
        }
    }
    end
}

/// Whether the line opens with a list marker: `一、` `（一）` `(1)` `1.` `1、` `①` `一是` `第一，`.
pub fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '\u{2460}'..='\u{249B}' | '\u{2776}'..='\u{2793}') {
        return true;
    }
    let rest = chars.as_str();
    match first {
        '（' | '(' => bracketed_number(rest),
        '第' => numeral_then(
            rest,
            is_cjk_numeral,
            &['，', ',', '、', '是', '条', '章', '节'],
        ),
        c if is_digit(c) => numeral_then(text, is_digit, &['、', '．', '.', '）', ')']),
        c if is_cjk_numeral(c) => numeral_then(text, is_cjk_numeral, &['、', '是', '．', '.']),
        _ => false,
    }
}

/// `一）`, `12)`: a short number closed by a bracket.
fn bracketed_number(rest: &str) -> bool {
    let digits = rest
        .chars()
        .take_while(|&c| is_digit(c) || is_cjk_numeral(c))
        .count();
    (1..=3).contains(&digits)
        && rest
            .chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '）' | ')'))
}

/// Up to three numerals followed by one of `marks`, and then not by a digit (`1.5亿` is no list).
fn numeral_then(text: &str, numeral: impl Fn(char) -> bool, marks: &[char]) -> bool {
    let count = text.chars().take_while(|&c| numeral(c)).count();
    let mut after = text.chars().skip(count);
    (1..=3).contains(&count)
        && after.next().is_some_and(|c| marks.contains(&c))
        && !after.next().is_some_and(is_digit)
}

/// Openings of photo captions.
const CAPTION_STARTS: &[&str] = &[
    "图为",
    "上图",
    "下图",
    "左图",
    "右图",
    "图：",
    "图:",
    "图片：",
    "▲",
    "△",
    "（图为",
    "(图为",
];

/// A photo caption: `图为会议现场`, `▲ 会议现场`, `上图：…`.
pub fn is_caption(text: &str) -> bool {
    CAPTION_STARTS.iter().any(|start| text.starts_with(start))
}

/// Words that close an article or announce its continuation, set in brackets on their own line.
const END_MARKS: &[&str] = &["完", "全文完", "本文完", "待续", "未完待续", "续完"];

/// `（完）`, `（未完待续）`: the end of an article, not a headline.
pub fn is_end_mark(text: &str) -> bool {
    let inner = strip_enclosing_brackets(text);
    inner.len() < text.len() && END_MARKS.contains(&inner)
}

/// A deck (副题) is introduced by a dash: `——记…`, `—— 高新区…`.
pub fn has_dash_prefix(text: &str) -> bool {
    text.starts_with("——")
        || text.starts_with("──")
        || text.starts_with("--")
        || text.starts_with("－－")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_in_their_usual_shapes() {
        for text in [
            "记者 孙庆辉",
            "本报记者 王某",
            "记者 王某 通讯员 李某",
            "记者 王某 文/图",
            "文/图 王某",
            "王某 摄",
            "本报记者 王某 李某某",
            "记者 王某、李某",
            "（记者 王某）",
            "(记者 王某 通讯员 李某)",
            "记者王某",
            "新华社记者 张三 李四",
            "实习生 阿不都·热合曼",
            "□本报记者 王晓明",
            "责任编辑：李某",
            "记者 王某 报道",
        ] {
            assert!(is_byline(text), "{text}");
        }
        for text in [
            "高新区积极办理 中央环保督察组交办群众举报件",
            "记者",
            "王某 李某",
            "记者 王某出席会议并讲话。",
            "图书馆",
            "记者节 高新区举行座谈会",
        ] {
            assert!(!is_byline(text), "{text}");
        }
    }

    #[test]
    fn lead_markers_cover_their_bracketed_byline() {
        let text = "本报讯（记者 王某）6月10日，";
        let (kind, end) = lead_marker(text).unwrap();
        assert_eq!(
            (kind, &text[..end]),
            (Lead::NewsMarker, "本报讯（记者 王某）")
        );
        let text = "新华社北京6月10日电 国务院";
        let (kind, end) = lead_marker(text).unwrap();
        assert_eq!(
            (kind, &text[..end]),
            (Lead::Dateline, "新华社北京6月10日电")
        );
        assert_eq!(
            lead_marker("据新华社报道，").map(|l| l.0),
            Some(Lead::AccordingTo)
        );
        assert_eq!(
            lead_marker("央视网消息：近日").map(|l| l.0),
            Some(Lead::NewsMarker)
        );
        assert_eq!(lead_marker("节日电影展映活动"), None);
        assert_eq!(
            lead_marker("新华社北京６月１０日电").map(|l| l.0),
            Some(Lead::Dateline)
        );
        assert_eq!(lead_marker("会议指出，本报讯"), None);
    }

    #[test]
    fn list_markers_but_not_numbers() {
        for text in [
            "一、听取报告",
            "（一）总体要求",
            "(2)时间",
            "1.地点",
            "3、议程",
            "①开幕",
            "二是坚持",
            "第一，要",
        ] {
            assert!(is_list_item(text), "{text}");
        }
        for text in [
            "1.5亿元投资",
            "2021年",
            "一流创新",
            "十分重要",
            "第一次会议",
        ] {
            assert!(!is_list_item(text), "{text}");
        }
    }
}
