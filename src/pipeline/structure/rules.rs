//! The rule ids recorded with every structure decision, and their explanation for the window's
//! "why" tooltip. Ids are stable: they are saved in project files.

use crate::i18n::Lang;

pub const ARTICLE_AT_HEADLINE: &str = "article:starts-at-headline";
pub const ARTICLE_WITHOUT_HEADLINE: &str = "article:no-headline";
pub const HEADLINE: &str = "headline:short-unpunctuated";
pub const HEADLINE_BEFORE_LEAD: &str = "headline:before-lead";
pub const KICKER: &str = "kicker:above-headline";
pub const DECK_DASH: &str = "subheadline:dash";
pub const DECK_BELOW: &str = "subheadline:below-headline";
pub const CROSSHEAD: &str = "paragraph:crosshead";
pub const PARAGRAPH_NOTE: &str = "paragraph:note";
pub const PARAGRAPH_CAPTION: &str = "paragraph:caption";
pub const PARAGRAPH_BOX: &str = "paragraph:box";
pub const JOIN_MODEL: &str = "join:line-model";
pub const BYLINE_LINE: &str = "byline:reporter-line";
pub const BYLINE_CLOSING: &str = "byline:closing-parenthesis";
pub const LEAD_NEWS: &str = "lead:news-marker";
pub const LEAD_DATELINE: &str = "lead:dateline";
pub const LEAD_ACCORDING_TO: &str = "lead:according-to";
pub const LEAD_FIRST: &str = "lead:first-paragraph";
pub const JOIN_NO_SENTENCE_END: &str = "join:no-sentence-end";
pub const JOIN_CLOSING_PUNCT: &str = "join:line-starts-with-closing-punct";
pub const JOIN_OPENING_PUNCT: &str = "join:line-ends-with-opening-punct";
pub const JOIN_NOT_INDENTED: &str = "join:not-indented";
pub const JOIN_BARE_LEAD: &str = "join:lead-marker-alone";
pub const FURNITURE_PAGE_NUMBER: &str = "furniture:page-number";
pub const FURNITURE_DATE_LINE: &str = "furniture:date-line";
pub const FURNITURE_SEPARATOR: &str = "furniture:separator";
pub const FURNITURE_JUMP_LINE: &str = "furniture:jump-line";
pub const FURNITURE_RUNNING_HEAD: &str = "furniture:running-head";

/// Every rule id this module records, for tests and for the window's rule list.
pub const ALL: &[&str] = &[
    ARTICLE_AT_HEADLINE,
    ARTICLE_WITHOUT_HEADLINE,
    HEADLINE,
    HEADLINE_BEFORE_LEAD,
    KICKER,
    DECK_DASH,
    DECK_BELOW,
    CROSSHEAD,
    PARAGRAPH_NOTE,
    PARAGRAPH_CAPTION,
    PARAGRAPH_BOX,
    BYLINE_LINE,
    BYLINE_CLOSING,
    LEAD_NEWS,
    LEAD_DATELINE,
    LEAD_ACCORDING_TO,
    LEAD_FIRST,
    JOIN_NO_SENTENCE_END,
    JOIN_CLOSING_PUNCT,
    JOIN_OPENING_PUNCT,
    JOIN_NOT_INDENTED,
    JOIN_BARE_LEAD,
    JOIN_MODEL,
    FURNITURE_PAGE_NUMBER,
    FURNITURE_DATE_LINE,
    FURNITURE_SEPARATOR,
    FURNITURE_JUMP_LINE,
    FURNITURE_RUNNING_HEAD,
];

/// One sentence saying why the import decided what a rule id records, for the "why" tooltip.
/// Unknown ids (from a newer version, or the editor's own) are named as they are.
pub fn describe_rule(rule: &str, lang: Lang) -> String {
    let (zh, en) = match rule {
        ARTICLE_AT_HEADLINE => (
            "新文章从这里开始：行模型判断这一行（组）是标题。",
            "A new article starts here: the line model reads this line (or stack of lines) as a headline.",
        ),
        ARTICLE_WITHOUT_HEADLINE => (
            "新文章没有标题：正文出现在文本开头或上一篇的署名之后。",
            "This article has no headline: its text comes at the start of the file or after the previous article's byline.",
        ),
        HEADLINE => (
            "标题：行模型根据这一行及前后行的形状（长度、标点、缩进、电头等）判断为标题。",
            "Headline: the line model reads it as a headline from the shape of the line and its neighbours (length, punctuation, indent, datelines).",
        ),
        HEADLINE_BEFORE_LEAD => (
            "标题：一行带逗号或问号、叹号的短句，下一行就是电头（如“本报讯”），行模型判断为标题。",
            "Headline: a short line with a comma, question or exclamation mark, directly followed by a news marker (such as 本报讯); the line model reads it as a headline.",
        ),
        KICKER => (
            "引题：行模型判断这是标题上方的一行短句。",
            "Kicker: the line model reads it as a short line directly above the headline.",
        ),
        DECK_DASH => (
            "副题：标题下方以“——”开头的一行。",
            "Deck: the line below the headline starts with a dash (——).",
        ),
        DECK_BELOW => (
            "副题：行模型判断这是标题下方、正文之前的一行。",
            "Deck: the line model reads it as a line below the headline and before the body.",
        ),
        CROSSHEAD => (
            "小标题：行模型判断这一行是文章中的小标题，留在文章中作为一段。",
            "Crosshead: the line model reads it as a heading inside the article, so it stays in the article as a paragraph.",
        ),
        PARAGRAPH_NOTE => (
            "注释：行模型判断这是文末的作者说明、制图或摄影署名、编者按等，留在文章中。",
            "Note: the line model reads it as an author note, credit or editor's note closing the article, so it stays in the article.",
        ),
        PARAGRAPH_CAPTION => (
            "图片说明：行模型判断这一段是照片或图表的说明文字。",
            "Caption: the line model reads it as the text of a photo or figure.",
        ),
        PARAGRAPH_BOX => (
            "栏目：行模型判断这是栏目标签（如“核心阅读”“【点评】”）或其后的栏目文字。",
            "Box: the line model reads it as the label of a side box (such as 核心阅读 or 【点评】) or the box text after it.",
        ),
        JOIN_MODEL => (
            "已接续：行模型判断这一行是上一段的续行（排版断行）。",
            "Joined: the line model reads this line as the continuation of the paragraph above (a layout break).",
        ),
        BYLINE_LINE => (
            "署名：这一行只有“记者”“通讯员”“文/图”等身份词和人名。",
            "Byline: the line holds only role words (记者, 通讯员, 文/图 …) and personal names.",
        ),
        BYLINE_CLOSING => (
            "署名：文章末尾括号中的记者署名，已从最后一段中分出（文字不变）。",
            "Byline: the reporter's name in brackets at the end of the article, split off the last paragraph (text unchanged).",
        ),
        LEAD_NEWS => (
            "导语：以“本报讯”等电头开始，是新段落的开头。",
            "Lead: the paragraph opens with a news marker such as 本报讯, so it starts a new paragraph.",
        ),
        LEAD_DATELINE => (
            "导语：以“新华社××月××日电”式电头开始，是新段落的开头。",
            "Lead: the paragraph opens with a dateline such as 新华社北京6月10日电, so it starts a new paragraph.",
        ),
        LEAD_ACCORDING_TO => (
            "导语：以“据……报道”开始，是新段落的开头。",
            "Lead: the paragraph opens with 据…报道 (according to …), so it starts a new paragraph.",
        ),
        LEAD_FIRST => (
            "导语：标题之后的第一段。",
            "Lead: the first paragraph after the headline.",
        ),
        JOIN_NO_SENTENCE_END => (
            "已接续：上一行没有以句号、问号、叹号等结束，下一行也不像新段落的开头，判断为扫描断行。",
            "Joined: the upper line does not end a sentence and the lower line does not look like the start of a paragraph, so the scan cut the sentence.",
        ),
        JOIN_CLOSING_PUNCT => (
            "已接续：下一行以逗号、句号、后引号等不能出现在行首的标点开始（GB/T 15834）。",
            "Joined: the lower line begins with a mark that cannot begin a line (comma, full stop, closing quote …; GB/T 15834).",
        ),
        JOIN_OPENING_PUNCT => (
            "已接续：上一行以前引号、前括号、书名号等不能出现在行末的标点结束（GB/T 15834）。",
            "Joined: the upper line ends with a mark that cannot end a line (opening quote, bracket or title mark; GB/T 15834).",
        ),
        JOIN_NOT_INDENTED => (
            "已接续：本文各段以缩进开始，而下一行没有缩进，是上一段的续行。",
            "Joined: paragraphs in this text begin with an indent and the lower line has none, so it continues the paragraph above.",
        ),
        JOIN_BARE_LEAD => (
            "已接续：上一行只有电头（如“本报讯”），正文在下一行。",
            "Joined: the upper line holds only the news marker (such as 本报讯); its text follows on the next line.",
        ),
        FURNITURE_PAGE_NUMBER => (
            "版面元素：页码或版次，已移出正文。",
            "Page furniture: a page or section number, set aside from the text.",
        ),
        FURNITURE_DATE_LINE => (
            "版面元素：只有日期的一行（报头日期），已移出正文。",
            "Page furniture: a line holding only a date (the issue date), set aside from the text.",
        ),
        FURNITURE_SEPARATOR => (
            "版面元素：只有符号的分隔线，已移出正文。",
            "Page furniture: a separator line of symbols only, set aside from the text.",
        ),
        FURNITURE_JUMP_LINE => (
            "版面元素：转版说明（如“下转第2版”），已移出正文，前后文字可以接续。",
            "Page furniture: a jump line (such as 下转第2版, continued on page 2), set aside so the text around it can be joined.",
        ),
        FURNITURE_RUNNING_HEAD => (
            "版面元素：每页重复的页眉（出现在页码旁或断句处），已移出正文。",
            "Page furniture: a running head repeated on every page (next to page numbers or inside cut sentences), set aside from the text.",
        ),
        other => {
            return match lang {
                Lang::Zh => format!("规则 {other}"),
                Lang::En => format!("rule {other}"),
            };
        }
    };
    lang.pick(zh, en).to_string()
}
