//! Training and development pages for the line model, rebuilt from a newspaper archive that
//! keeps one article per file (`YYYYMMDD/YYYYMMDD-PP-NN.txt`: line 1 the kicker or empty, line 2
//! the headline, line 3 the deck or empty, then paragraphs indented with `　　`). The files of
//! one date and page, in article order, form a printed page; it is laid out as an editor
//! receives it, in one of two layouts, with the right role of every line.
//!
//! Shared by `train_structure` and `eval_structure`; deterministic for a given seed.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiaodui::pipeline::structure::LineRole;

/// One article of the archive, its paragraphs already given their role.
#[derive(Clone, Debug)]
pub struct Article {
    pub kicker: String,
    pub headline: String,
    pub deck: String,
    pub paragraphs: Vec<(String, LineRole)>,
}

/// A small deterministic generator (SplitMix64): the pages must be the same for a given seed on
/// every machine, without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// The printed pages of the months under `root` (e.g. `2020-01`), each the articles of one date
/// and page in article order, sorted by date and page.
pub fn read_pages(root: &Path, months: &[&str]) -> Vec<Vec<Article>> {
    let mut files: BTreeMap<(String, String), Vec<(String, PathBuf)>> = BTreeMap::new();
    for month in months {
        let mut stack = vec![root.join(month)];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                let parts: Vec<&str> = name.split('-').collect();
                if let [date, page, order] = parts[..] {
                    files
                        .entry((date.to_string(), page.to_string()))
                        .or_default()
                        .push((order.to_string(), path));
                }
            }
        }
    }
    files
        .into_values()
        .map(|mut articles| {
            articles.sort();
            articles
                .iter()
                .filter_map(|(_, path)| read_article(path))
                .collect::<Vec<_>>()
        })
        .filter(|page: &Vec<Article>| !page.is_empty())
        .collect()
}

/// Reads one article file; `None` without a headline or paragraphs.
pub fn read_article(path: &Path) -> Option<Article> {
    let text = std::fs::read_to_string(path).ok()?;
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let field = |i: usize| clean(lines.get(i).copied().unwrap_or(""));
    let headline = field(1);
    let paragraphs: Vec<String> = lines
        .iter()
        .skip(3)
        .map(|l| clean(l))
        .filter(|l| !l.is_empty())
        .collect();
    if headline.is_empty() || paragraphs.is_empty() {
        return None;
    }
    let roles = paragraph_roles(&paragraphs);
    Some(Article {
        kicker: field(0),
        headline,
        deck: field(2),
        paragraphs: paragraphs.into_iter().zip(roles).collect(),
    })
}

/// A line without its indent and trailing spaces; runs of spaces inside become one.
fn clean(line: &str) -> String {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace());
    let mut out = String::with_capacity(trimmed.len());
    let mut space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn is_sentence_mark(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '；' | ';')
}

fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '。')
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}')
}

/// Short, without sentence or clause marks, not introducing what follows (`：`).
fn heading_shaped(text: &str) -> bool {
    let chars = text.chars().count();
    (2..=30).contains(&chars)
        && !text
            .chars()
            .any(|c| is_sentence_mark(c) || is_clause_mark(c))
        && !text.ends_with(['：', ':'])
        && text.chars().any(is_ideograph)
}

/// The whole line in brackets of one kind.
fn bracketed(text: &str, open: char, close: char) -> bool {
    text.starts_with(open) && text.ends_with(close) && text.chars().count() >= 3
}

/// A credit or note that closes an article: a bracketed note (`（作者为…）`, `（新华社电）`), an
/// editor's signature (`——编 者`), a role and a name around a colon (`制图：王某`), or a
/// photographer's signature (`…摄`, `新华社发`).
fn note_shaped(text: &str) -> bool {
    let chars = text.chars().count();
    if bracketed(text, '（', '）') && chars <= 80 {
        return true;
    }
    if text.starts_with("——") && chars <= 12 {
        return true;
    }
    if chars > 40 || text.chars().any(is_sentence_mark) {
        return false;
    }
    if let Some(at) = text.find(['：', ':']) {
        let head: String = text[..at].chars().filter(|c| !c.is_whitespace()).collect();
        let head_chars = head.chars().count();
        if (1..=6).contains(&head_chars)
            && head.chars().all(is_ideograph)
            && !text[at..].contains('，')
        {
            return true;
        }
    }
    ["摄", "摄影", "摄影报道", "发", "供图", "制图", "绘"]
        .iter()
        .any(|end| text.ends_with(end))
        && chars <= 30
}

/// A reporter line: role words and names only (`本报记者 王某 李某`).
pub fn byline_shaped(text: &str) -> bool {
    let chars = text.chars().count();
    chars <= 30
        && (text.starts_with("本报记者")
            || text.starts_with("记者")
            || text.starts_with("本报特约记者"))
        && !text.chars().any(|c| is_sentence_mark(c) || c == '，')
}

fn caption_shaped(text: &str) -> bool {
    [
        "图为",
        "上图",
        "下图",
        "左图",
        "右图",
        "图①",
        "图片说明",
        "▲",
    ]
    .iter()
    .any(|start| text.starts_with(start))
}

/// A box label: `【…】` alone on its line, or a short label right after the headline stack
/// (`核心阅读`, `内容提要`, `编者的话`) with the box text below it.
fn box_label_shaped(text: &str, index: usize, count: usize) -> bool {
    let chars = text.chars().count();
    (bracketed(text, '【', '】') && chars <= 16)
        || (index == 0 && count > 2 && chars <= 6 && heading_shaped(text))
}

/// The role of each paragraph of an article, from its shape and place: the archive marks every
/// paragraph alike, so crossheads, notes, captions and box labels are told by general shapes.
pub fn paragraph_roles(paragraphs: &[String]) -> Vec<LineRole> {
    let count = paragraphs.len();
    let mut roles = vec![LineRole::Body; count];
    let mut lead_done = false;
    let mut after_box_label = false;
    for (i, text) in paragraphs.iter().enumerate() {
        let near_end = i + 3 >= count && i > 0;
        let role = if box_label_shaped(text, i, count) {
            LineRole::BoxLabel
        } else if after_box_label {
            LineRole::Body
        } else if byline_shaped(text) && (i <= 1 || near_end) {
            LineRole::Byline
        } else if caption_shaped(text) {
            LineRole::Caption
        } else if (near_end && note_shaped(text))
            || (i > 0 && bracketed(text, '（', '）') && text.chars().count() <= 80)
        {
            LineRole::Note
        } else if !lead_done {
            LineRole::Lead
        } else if heading_shaped(text) && i + 1 < count {
            LineRole::Crosshead
        } else {
            LineRole::Body
        };
        after_box_label = role == LineRole::BoxLabel;
        if role == LineRole::Lead {
            lead_done = true;
        }
        roles[i] = role;
    }
    // Once a note closes the article, what follows it is notes too (`——编 者` below a bracket).
    if let Some(first) = roles
        .iter()
        .enumerate()
        .position(|(i, &r)| r == LineRole::Note && i + 3 >= count)
    {
        for role in &mut roles[first..] {
            if matches!(role, LineRole::Body | LineRole::Crosshead) {
                *role = LineRole::Note;
            }
        }
    }
    roles
}

/// How the page reaches the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The site's own text: paragraphs indented with `　　`, headline lines not indented.
    Clean,
    /// From a scan: a blank line after every line, no indent, long paragraphs cut by page or
    /// column breaks, half-width commas.
    Scanned,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Clean => "clean",
            Layout::Scanned => "scanned",
        }
    }
}

/// A page laid out, with the gold: the role of each raw line (1-based, `None` for blank lines),
/// the article starts and each article's headline block.
pub struct Page {
    pub text: String,
    pub roles: Vec<Option<LineRole>>,
    /// (first raw line, kicker + headline + deck) per article.
    pub articles: Vec<(usize, String)>,
}

impl Page {
    pub fn role(&self, line: usize) -> Option<LineRole> {
        self.roles.get(line.wrapping_sub(1)).copied().flatten()
    }
}

struct Writer {
    layout: Layout,
    half_width: bool,
    text: String,
    roles: Vec<Option<LineRole>>,
}

impl Writer {
    fn line(&mut self, text: &str, role: LineRole, indent: bool) {
        let indent = indent && role != LineRole::Join;
        let mut text = text.to_string();
        if self.half_width {
            text = text.replace('，', ",");
        }
        if indent && self.layout == Layout::Clean {
            self.text.push_str("　　");
        }
        self.text.push_str(&text);
        self.text.push('\n');
        self.roles.push(Some(role));
        if self.layout == Layout::Scanned {
            self.blank();
        }
    }

    fn blank(&mut self) {
        self.text.push('\n');
        self.roles.push(None);
    }

    /// 1-based number of the next line written.
    fn next_line(&self) -> usize {
        self.roles.len() + 1
    }
}

/// Where a scan may cut a paragraph: a char boundary at least two chars from either end whose
/// char before is not the end of a sentence (`anywhere`: a line break of a page's own layout,
/// which may fall after a full stop too). A page or column ends anywhere in a paragraph, but
/// a paragraph that begins on the last line of a column leaves only its first chars there, and
/// one that ends on the first line of the next leaves only its last: a third of the cuts leave
/// one column line (12–30 chars) above, a third leave 2–25 chars below. One paragraph in five
/// that opens with a dateline has it alone on a line.
fn cut_point(text: &str, rng: &mut Rng, anywhere: bool) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    if n < 40 {
        return None;
    }
    if let Some(end) = dateline_end(text)
        && rng.chance(0.2)
    {
        return Some(end);
    }
    for _ in 0..8 {
        let at = match rng.below(3) {
            0 => 12 + rng.below(19),
            1 => n - 2 - rng.below(24),
            _ => 2 + rng.below(n - 4),
        };
        let before = chars[at - 1].1;
        // A piece short enough to pass for a title and without a single mark is rare in
        // prose; drawn, it would teach the model to doubt every title.
        let head = &text[..chars[at].0];
        let bare_head = at <= 30 && !head.chars().any(|c| is_clause_mark(c) || c == '、');
        let sentence_end = is_sentence_mark(before) || matches!(before, '”' | '’' | '）');
        if (anywhere || !sentence_end) && !bare_head {
            return Some(chars[at].0);
        }
    }
    None
}

/// Rewrites an article as a local bulletin prints it: the lead opens with `本报讯`, and the
/// reporters sign on a line of their own at the end (`记者 王某`).
pub fn as_bulletin(article: &Article, names: &[String], rng: &mut Rng) -> Article {
    let mut out = article.clone();
    // Bulletin pieces are short and plain: half of them keep only their first paragraphs of
    // running text (no crossheads, boxes or notes).
    if rng.chance(0.5) {
        let keep = 2 + rng.below(5);
        out.paragraphs
            .retain(|(_, role)| matches!(role, LineRole::Lead | LineRole::Body));
        out.paragraphs.truncate(keep);
        out.kicker.clear();
    }
    let Some(lead) = out
        .paragraphs
        .iter_mut()
        .find(|(_, r)| *r == LineRole::Lead)
    else {
        return out;
    };
    let mut reporters = Vec::new();
    if let Some(end) = dateline_end(&lead.0) {
        let rest = lead.0[end..].trim_start();
        let rest = match rest.strip_prefix('（').and_then(|r| r.split_once('）')) {
            Some((inside, after)) => {
                reporters = reporter_names(inside);
                after.trim_start()
            }
            None => rest,
        };
        // Half of the bulletins open the lead with 本报讯, the others with its text alone.
        lead.0 = if rng.chance(0.5) {
            format!("本报讯 {rest}")
        } else {
            rest.to_string()
        };
    } else if rng.chance(0.5) {
        lead.0 = format!("本报讯 {}", lead.0);
    }
    if reporters.is_empty() && !names.is_empty() {
        reporters.push(names[rng.below(names.len())].clone());
        if rng.chance(0.3) {
            reporters.push(names[rng.below(names.len())].clone());
        }
    }
    if !reporters.is_empty() && rng.chance(0.8) {
        let role = if rng.chance(0.5) {
            "记者"
        } else {
            "本报记者"
        };
        let mut bylines = vec![(format!("{role} {}", reporters.join(" ")), LineRole::Byline)];
        if rng.chance(0.3) && !names.is_empty() {
            let name = &names[rng.below(names.len())];
            bylines.push((format!("通讯员 {name}"), LineRole::Byline));
        }
        // Most bulletins sign at the end; some below the headline.
        if rng.chance(0.25) {
            out.paragraphs.splice(0..0, bylines);
        } else {
            out.paragraphs.extend(bylines);
        }
    }
    out
}

/// Byte end of a dateline (`本报北京1月18日电`, `新华社南宁1月18日电`) in the first 30 chars.
pub fn dateline_end(text: &str) -> Option<usize> {
    let window: String = text.chars().take(30).collect();
    let at = window.find("日电")?;
    Some(at + "日电".len())
}

/// The names in a bracketed reporter note (`记者余俊杰、王某`).
pub fn reporter_names(inside: &str) -> Vec<String> {
    let Some(rest) = inside.strip_prefix("记者") else {
        return Vec::new();
    };
    rest.split(['、', ' ', '　'])
        .filter(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_ideograph))
        .map(str::to_string)
        .collect()
}

/// Every reporter name seen in the leads of `pages`, sorted (for the bulletin bylines).
pub fn reporter_pool(pages: &[Vec<Article>]) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    for article in pages.iter().flatten() {
        for (text, _) in article.paragraphs.iter().take(2) {
            if let Some(end) = dateline_end(text)
                && let Some((inside, _)) = text[end..]
                    .trim_start()
                    .strip_prefix('（')
                    .and_then(|r| r.split_once('）'))
            {
                names.extend(reporter_names(inside));
            }
        }
    }
    names.into_iter().collect()
}

/// Lays out the articles of one page.
pub fn lay_out(articles: &[Article], layout: Layout, rng: &mut Rng) -> Page {
    let mut w = Writer {
        layout,
        half_width: layout == Layout::Scanned && rng.chance(0.5),
        text: String::new(),
        roles: Vec::new(),
    };
    let blank_between = layout == Layout::Clean && rng.chance(0.5);
    let mut heads = Vec::new();
    // One page in ten begins inside an article that started on the page before.
    let mut articles = articles.to_vec();
    if articles.len() > 1 && articles[0].paragraphs.len() > 2 && rng.chance(0.1) {
        let first = &mut articles[0];
        let skip = 1 + rng.below(first.paragraphs.len() - 1);
        first.paragraphs.drain(..skip);
        first.kicker.clear();
        first.headline.clear();
        first.deck.clear();
        if let Some((_, role)) = first.paragraphs.first_mut()
            && *role == LineRole::Lead
        {
            *role = LineRole::Body;
        }
    }
    for (a, article) in articles.iter().enumerate() {
        if a > 0 && blank_between {
            w.blank();
        }
        let start = w.next_line();
        let mut block = String::new();
        for (text, role) in [
            (&article.kicker, LineRole::Kicker),
            (&article.headline, LineRole::Headline),
            (&article.deck, LineRole::Deck),
        ] {
            if !text.is_empty() {
                w.line(text, role, false);
                block.push_str(&text.replace('，', if w.half_width { "," } else { "，" }));
            }
        }
        heads.push((start, block));
        for (text, role) in &article.paragraphs {
            // Scans cut a quarter of the long paragraphs; a copied page now and then keeps a
            // line break of the site's layout (the rest of the paragraph unindented).
            let cut_share = if layout == Layout::Scanned {
                0.25
            } else {
                0.04
            };
            let cut = rng
                .chance(cut_share)
                .then(|| cut_point(text, rng, layout == Layout::Clean))
                .flatten();
            let Some(at) = cut else {
                w.line(text, *role, true);
                continue;
            };
            w.line(&text[..at], *role, true);
            // A long paragraph may run over two breaks.
            let mut rest = &text[at..];
            while rng.chance(0.25) {
                let Some(next) = cut_point(rest, rng, layout == Layout::Clean) else {
                    break;
                };
                w.line(&rest[..next], LineRole::Join, true);
                rest = &rest[next..];
            }
            w.line(rest, LineRole::Join, true);
        }
    }
    Page {
        text: w.text,
        roles: w.roles,
        articles: heads,
    }
}

/// The sample bulletin shipped with the program, with its roles from the hand-made gold
/// (`tests/fixtures/gaoxin-bulletin-2021-06.gold.json`). It is training data: the evaluator
/// never scores it.
pub fn sample_page() -> Page {
    let text = jiaodui::SAMPLE_BULLETIN.to_string();
    let gold: serde_json::Value = serde_json::from_str(include_str!(
        "../../tests/fixtures/gaoxin-bulletin-2021-06.gold.json"
    ))
    .expect("the sample's gold is JSON");
    let raw: Vec<&str> = text.split('\n').map(str::trim).collect();
    let mut roles = vec![None; raw.len()];
    let mut articles = Vec::new();
    for article in gold["articles"].as_array().expect("articles") {
        let range = &article["lines"];
        let (first, last) = (
            range[0].as_u64().unwrap() as usize,
            range[1].as_u64().unwrap() as usize,
        );
        let field = |name: &str| article[name].as_str().unwrap_or("").to_string();
        let (headline, deck, byline) = (field("headline"), field("subheadline"), field("byline"));
        let joined: Vec<usize> = article["joins"]
            .as_array()
            .unwrap()
            .iter()
            .map(|j| j[1].as_u64().unwrap() as usize)
            .collect();
        let mut block = String::new();
        let mut lead_done = false;
        for n in first..=last {
            let line = raw[n - 1];
            if line.is_empty() {
                continue;
            }
            let role = if line == headline {
                block.push_str(line);
                LineRole::Headline
            } else if line == deck {
                block.push_str(line);
                LineRole::Deck
            } else if line == byline {
                LineRole::Byline
            } else if joined.contains(&n) {
                LineRole::Join
            } else if !lead_done {
                lead_done = true;
                LineRole::Lead
            } else {
                LineRole::Body
            };
            roles[n - 1] = Some(role);
        }
        articles.push((first, block));
    }
    Page {
        text,
        roles,
        articles,
    }
}
