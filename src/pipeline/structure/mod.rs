//! Text → articles: classifies lines, sets page furniture aside, repairs scan breaks and splits
//! the text into articles at their headlines.
//!
//! Raw OCR text of a bulletin runs its articles together, cuts paragraphs where a page or column
//! ended, and mixes in page numbers and running heads. [`recover`] rebuilds the articles of the
//! model from the text alone; every decision carries a rule id (below) so the window can show
//! why it was taken ([`describe_rule`]) and the editor can reverse it.
//!
//! # How a text is read
//! 1. Each non-blank line is trimmed and measured (module `lines`): how it ends and begins
//!    (GB/T 15834: a line cannot begin with `，。、；：？！”’）》` or their half-width forms
//!    `, . ; : ? ! )`, nor end with `“‘（《`), whether it holds commas or sentence marks, whether
//!    it is indented, and whether it is a byline, lead marker, list item or photo caption
//!    (module `markers`).
//! 2. Furniture is set aside (module `furniture`); the lines around it are read as neighbours.
//! 3. The page is measured: whether it is hard-wrapped at a fixed width (most prose lines within
//!    15% of their median length; a headline is then clearly shorter than that width, while a
//!    line the scan broke is near it), and whether paragraphs start with an indent (`　　`).
//! 4. One pass gives each line its role (module `roles`); a second builds the articles
//!    (module `assemble`). Both are linear in the size of the text.
//!
//! # Rules
//! | rule id | recorded in | triggered by |
//! | --- | --- | --- |
//! | `article:starts-at-headline` | decisions | a headline stack begins a new article |
//! | `article:no-headline` | decisions | body text at the start of the file, or after an article's closing byline |
//! | `headline:short-unpunctuated` | decisions | a line of at most 48 chars (and under 4/5 of the line width on a hard-wrapped page), without commas, sentence marks, lead/list/caption markers or a byline shape, not ending in `：` `、` or another mark that cannot end a title |
//! | `headline:before-lead` | decisions | a short line with commas but no sentence mark, or whose only sentence mark is a final `？`/`！`, directly followed by a lead marker (`稳字当头，进中求好` or `垃圾分类，你做对了吗？` above `本报讯 …`) |
//! | `kicker:above-headline` | decisions | 引题: a short line (commas allowed) right above a headline (3-line stacks; in 2-line stacks of headline-shaped lines when the second line is the shorter one) |
//! | `subheadline:dash` | decisions | 副题 starting with `——` below the headline |
//! | `subheadline:below-headline` | decisions | a line below the headline, shorter than the median prose line and at most 64 chars, that does not end a sentence (commas allowed) and is not a lead, list item, caption or byline |
//! | `paragraph:crosshead` | decisions | in a bulletin whose clear article starts (at the top or after a byline; three or more) mostly open with a lead marker and mostly end in a byline: a lone headline line inside an article no byline has closed, followed by a paragraph without a lead marker, stays in the article as a paragraph (小标题) |
//! | `byline:reporter-line` | decisions | a line of role words (记者, 本报记者, 通讯员, 实习生, 文/图, 摄, 责任编辑 …) and names of 2–4 ideographs, separated by spaces, `、`, commas or colons, optionally in brackets or after a box (`□本报记者 王某`); a second such line right below extends the byline |
//! | `byline:closing-parenthesis` | decisions | `（记者 王某）` closing the last paragraph of an article that has no byline |
//! | `lead:news-marker` | decisions | the first paragraph opens with 本报讯 / 本刊讯 / 本网讯 / `XX网消息：` (with an optional `（记者 王某）`) |
//! | `lead:dateline` | decisions | the first paragraph opens with a dateline `…6月10日电` |
//! | `lead:according-to` | decisions | the first paragraph opens with `据…报道` / `据…消息` |
//! | `lead:first-paragraph` | decisions | the first paragraph, without a marker |
//! | `join:line-starts-with-closing-punct` | `Join.rule` | the lower line begins with a mark that cannot begin a line |
//! | `join:line-ends-with-opening-punct` | `Join.rule` | the upper line ends with a mark that cannot end a line |
//! | `join:lead-marker-alone` | `Join.rule` | the upper line is only a lead marker (`新华社北京6月10日电`), its text on the next line |
//! | `join:no-sentence-end` | `Join.rule` | the upper body line does not end a sentence (`。！？…` behind any closing quotes) and the lower line does not start a block |
//! | `join:not-indented` | `Join.rule` | on a page whose paragraphs are indented, an unindented line that starts no block continues the paragraph above |
//! | `furniture:page-number` | `FurnitureLine.rule` | a page, section or issue number alone: `-2-`, `— 2 —`, `第3版`, `第2页 共8页`, `G02`, `A3版`, `Page 2`, `2021年第6期`, a lone number (either digit width) |
//! | `furniture:jump-line` | `FurnitureLine.rule` | `（下转第2版）`, `（上接第1版）` |
//! | `furniture:date-line` | `FurnitureLine.rule` | a line that is only a date, optionally with the weekday |
//! | `furniture:separator` | `FurnitureLine.rule` | a line of symbols only (`＊＊＊`, `——————`) |
//! | `furniture:running-head` | `FurnitureLine.rule` | a short line repeated (compared without digits, whitespace and the words 第/期/版/页/年, so the masthead `高新区工作简报` matches `高新区工作简报 第6期`) whose occurrences mostly sit at page boundaries: next to other furniture, at the start or end of the text, or inside a cut sentence; never a byline or a finished sentence |
//!
//! A line *starts a block* (and is never joined to the line above, except by the two
//! punctuation rules and `join:lead-marker-alone`) when it is indented, opens with a lead or
//! list marker, is a photo caption (`图为…`, `▲…`) or an end mark (`（完）`, `（未完待续）`), is
//! a byline, or begins a headline stack. A caption or end mark, and a list item without commas that fits a deck's length
//! (`三、选举产生新一届委员会`), are complete without a full stop and are not joined to what
//! follows. When (nearly) every line is indented, the indent is the OCR tool's margin and is
//! ignored.
//!
//! # Bylines closing the last paragraph
//! `……圆满完成。（记者 王某）` is split at the opening bracket: the paragraph keeps the text
//! before it and the byline field holds `（记者 王某）` *with its brackets*, so that both fields
//! still concatenate to the raw line. Both fields list that raw line in `source_lines`. This is
//! done only for the last paragraph of an article that has no byline yet. Lead markers with a
//! bracketed byline (`本报讯（记者 王某）6月10日，……`) stay whole in the lead paragraph.
//!
//! # Lossless
//! For every article, its non-empty fields (kicker, headline, deck, paragraphs, byline, in raw
//! line order) concatenate to its non-blank, non-furniture raw lines, each trimmed of leading
//! and trailing whitespace. Joined lines are concatenated without a separator (Chinese has no
//! spaces between words). Furniture lines are kept in [`Structure::furniture`].
//!
//! # Known limits
//! Crossheads inside an article (小标题) are kept only in bulletins whose articles open with lead
//! markers and close with bylines (or when they carry a list marker, `一、…`); elsewhere they
//! look like headlines and start a new article. A headline ending with `！` or `？` is recognised
//! only right above a lead marker; elsewhere it reads as a sentence. Two short lines in a stack
//! are told apart by length only (kicker + headline when the second is shorter, otherwise
//! headline + deck). A short unfinished first line right below a headline is taken for a deck.
//! A paragraph whose final full stop the OCR lost is joined to the next paragraph unless that
//! one starts a block.

mod assemble;
mod furniture;
mod lines;
mod markers;
pub mod model;
mod punct;
mod roles;
mod rules;

use crate::model::{Article, FurnitureLine};
pub use model::{LineRole, Model, Sequence, Trainer};

pub use rules::{ALL as RULE_IDS, describe_rule};

/// The articles recovered from a raw text, and the lines set aside as page furniture.
#[derive(Clone, Debug, Default)]
pub struct Structure {
    pub articles: Vec<Article>,
    pub furniture: Vec<FurnitureLine>,
}

/// Recovers the article structure of a decoded raw text. Line ends are `\n` (as
/// [`decode`](super::decode) produces); `\r\n`, lone `\r` and form feeds are read the same way,
/// so line numbers agree with the decoded text either way.
pub fn recover(text: &str) -> Structure {
    recover_with(Model::shipped(), text)
}

/// [`recover`] with other weights than the shipped ones (the trainer and evaluator use this).
pub fn recover_with(model: &Model, text: &str) -> Structure {
    let (content, furniture) = content_lines(text);
    let page = lines::Page::measure(&content);
    let (roles, reasons) = roles::assign(model, &content, &page);
    Structure {
        articles: assemble::articles(&content, &roles, &reasons),
        furniture,
    }
}

/// The non-blank lines that are not page furniture, measured.
fn content_lines(text: &str) -> (Vec<lines::Line<'_>>, Vec<FurnitureLine>) {
    let lines = raw_lines(text)
        .enumerate()
        .filter_map(|(i, raw)| lines::Line::new(i + 1, raw))
        .collect();
    let (mut content, furniture) = furniture::set_aside(lines);
    lines::discount_uniform_indent(&mut content);
    (content, furniture)
}

/// The role `model` gives each content line of `text`, with its 1-based raw line number.
pub fn line_roles(model: &Model, text: &str) -> Vec<(usize, LineRole)> {
    let (content, _) = content_lines(text);
    let page = lines::Page::measure(&content);
    let numbers = content.iter().map(|l| l.number);
    numbers.zip(model.roles(&content, &page)).collect()
}

/// [`line_roles`] with the reason for each role (its strongest features, in Chinese and English).
pub fn explain_lines(model: &Model, text: &str) -> Vec<(usize, LineRole, String)> {
    let (content, _) = content_lines(text);
    let page = lines::Page::measure(&content);
    let roles = model.roles(&content, &page);
    let reasons = model.reasons(&content, &page, &roles, |_| true);
    content
        .iter()
        .zip(roles)
        .zip(reasons)
        .map(|((line, role), reason)| (line.number, role, reason.unwrap_or_default()))
        .collect()
}

/// A training page: the content lines of `text` as the model reads them, with the gold role of
/// each (`gold` maps a 1-based raw line number to its role; furniture lines are skipped, and a
/// content line without a gold role makes the page unusable: `None`).
pub fn training_sequence(text: &str, gold: impl Fn(usize) -> Option<LineRole>) -> Option<Sequence> {
    let (content, _) = content_lines(text);
    let page = lines::Page::measure(&content);
    let roles: Option<Vec<LineRole>> = content.iter().map(|l| gold(l.number)).collect();
    Some(Sequence::of(&content, &page, Some(roles?)))
}

/// The raw lines of `text`, split at `\n`, `\r\n`, `\r` and form feed.
fn raw_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\n', '\r', '\u{0C}']) {
            Some(at) => {
                let skip = if current[at..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&current[at + skip..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}
