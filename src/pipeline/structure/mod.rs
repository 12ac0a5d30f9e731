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
//! 3. The page is measured: the median length of its prose lines, whether it is hard-wrapped,
//!    whether paragraphs start with an indent (`　　`; when every line is indented, the indent is
//!    the OCR tool's margin and is ignored).
//! 4. The line model (module `model`, weights in `assets/models/structure/`) gives every line a
//!    role — kicker, headline, deck, byline, lead, body, continuation, crosshead, note, caption,
//!    box label — decoded over the whole page with Viterbi, so that a kicker is followed by its
//!    headline, a deck follows a headline and only running text continues across a break. The
//!    typesetting rules that always hold are hard constraints of the decoder: a line beginning
//!    with `，` or following one ending with `“` continues the paragraph, as does the text after
//!    a dateline alone on its line; an indented line on an indented page, the line after a
//!    caption or end mark, and the line after a short line without any mark begin a paragraph.
//! 5. The articles are built from the roles (module `assemble`): an article starts at a kicker
//!    or at a headline not below a kicker (or, untitled, at body text after a closing byline);
//!    crossheads, notes, captions and box labels (with the paragraph below a label) stay in the
//!    article as paragraphs of that kind. Every step is linear in the size of the text.
//!
//! Each decision the model takes records its reason in the decision's note: the role and its
//! strongest features against the next best role, in Chinese and English
//! (`小标题：有缩进，没有句末标点 / crosshead: is indented; has no sentence mark at the end`).
//!
//! # Rules
//! The rule ids name the kind of decision (they are saved in project files and stay stable); the
//! line model takes the decisions.
//!
//! | rule id | recorded in | what was decided |
//! | --- | --- | --- |
//! | `article:starts-at-headline` | decisions | a headline stack begins a new article |
//! | `article:no-headline` | decisions | body text at the start of the file, or after an article's closing byline |
//! | `headline:short-unpunctuated` | decisions | a headline |
//! | `headline:before-lead` | decisions | a headline with a comma or a final `？`/`！`, directly above a lead marker |
//! | `kicker:above-headline` | decisions | 引题 above the headline |
//! | `subheadline:dash` | decisions | 副题 starting with `——` |
//! | `subheadline:below-headline` | decisions | 副题 below the headline |
//! | `paragraph:crosshead` | decisions | 小标题: a heading inside the article (paragraph kind `Crosshead`) |
//! | `paragraph:note` | decisions | an author note, credit or editor's note (`Note`) |
//! | `paragraph:caption` | decisions | photo or figure text (`Caption`) |
//! | `paragraph:box` | decisions | a box label (`核心阅读`, `【点评】`) and the paragraph below it (`Box`) |
//! | `byline:reporter-line` | decisions | a byline line (its shape, read by the model: role words such as 记者, 本报记者, 通讯员, 文/图, 摄 and names of 2–4 ideographs); a second byline line right below extends the byline |
//! | `byline:closing-parenthesis` | decisions | `（记者 王某）` closing the last paragraph of an article that has no byline |
//! | `lead:news-marker` | decisions | the first paragraph opens with 本报讯 / 本刊讯 / 本网讯 / `XX网消息：` (with an optional `（记者 王某）`) |
//! | `lead:dateline` | decisions | the first paragraph opens with a dateline `…6月10日电` |
//! | `lead:according-to` | decisions | the first paragraph opens with `据…报道` / `据…消息` |
//! | `lead:first-paragraph` | decisions | the first paragraph, without a marker |
//! | `join:line-starts-with-closing-punct` | `Join.rule` | the lower line begins with a mark that cannot begin a line |
//! | `join:line-ends-with-opening-punct` | `Join.rule` | the upper line ends with a mark that cannot end a line |
//! | `join:lead-marker-alone` | `Join.rule` | the upper line is only a lead marker (`新华社北京6月10日电`), its text on the next line |
//! | `join:no-sentence-end` | `Join.rule` | the model joined the lines; the upper one does not end a sentence |
//! | `join:not-indented` | `Join.rule` | the model joined the lines; paragraphs are indented and the lower one is not |
//! | `join:line-model` | `Join.rule` | the model joined the lines for other reasons of shape |
//! | `furniture:page-number` | `FurnitureLine.rule` | a page, section or issue number alone: `-2-`, `— 2 —`, `第3版`, `第2页 共8页`, `G02`, `A3版`, `Page 2`, `2021年第6期`, a lone number (either digit width) |
//! | `furniture:jump-line` | `FurnitureLine.rule` | `（下转第2版）`, `（上接第1版）` |
//! | `furniture:date-line` | `FurnitureLine.rule` | a line that is only a date, optionally with the weekday |
//! | `furniture:separator` | `FurnitureLine.rule` | a line of symbols only (`＊＊＊`, `——————`) |
//! | `furniture:running-head` | `FurnitureLine.rule` | a short line repeated (compared without digits, whitespace and the words 第/期/版/页/年, so the masthead `高新区工作简报` matches `高新区工作简报 第6期`) whose occurrences mostly sit at page boundaries: next to other furniture, at the start or end of the text, or inside a cut sentence; never a byline or a finished sentence |
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
//! On pages without indentation, a short line between two paragraphs may be a crosshead or the
//! headline of a new article; without a dateline or byline around it the model often cannot tell
//! (see the figures in `assets/models/structure/README.md`). A two-line stack is read as kicker +
//! headline or headline + deck mostly from the lines' lengths.

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
