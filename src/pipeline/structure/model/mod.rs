//! The learned line model: every content line gets a role (kicker, headline, deck, byline,
//! lead, body, continuation of the paragraph above, crosshead, note, caption, box label) from a
//! linear model over the features of the line and its neighbours (module `features`), decoded
//! as a sequence with Viterbi over the allowed role transitions (a kicker is followed by its
//! headline, a deck follows a headline, only running text continues across a scan break).
//!
//! Why learned: hand-written rules for where an article starts broke on every new page shape
//! (crossheads read as headlines, author notes as the next kicker). Newspaper archives with one
//! file per article show where articles start, so the weights are learned from pages rebuilt
//! from them (`examples/train_structure.rs`; `assets/models/structure/README.md` says how).
//! The few rules of typesetting that always hold (GB/T 15834: a line cannot begin with `，`)
//! are hard constraints of the decoder, not a second decision path.

mod decode;
pub mod features;
#[cfg(test)]
mod tests;
mod train;

use std::sync::OnceLock;

use super::lines::{Line, Page};
use crate::i18n::Lang;
use features::{Feature, ROWS};

pub use train::{Sequence, Trainer};

/// The role of one content line, as the model decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LineRole {
    /// 引题: above the headline.
    Kicker,
    Headline,
    /// 副题: below the headline.
    Deck,
    Byline,
    /// The first paragraph of an article (with or without a dateline).
    Lead,
    /// A paragraph of running text.
    Body,
    /// Continues the paragraph of the line above (a scan or page break cut it).
    Join,
    /// 小标题 inside an article.
    Crosshead,
    /// Author note, credit, editor's note closing an article.
    Note,
    /// Photo or figure text.
    Caption,
    /// The label of a side box (核心阅读, 【点评】); the paragraph after it is the box text.
    BoxLabel,
}

impl LineRole {
    pub const COUNT: usize = 11;
    pub const ALL: [LineRole; LineRole::COUNT] = [
        LineRole::Kicker,
        LineRole::Headline,
        LineRole::Deck,
        LineRole::Byline,
        LineRole::Lead,
        LineRole::Body,
        LineRole::Join,
        LineRole::Crosshead,
        LineRole::Note,
        LineRole::Caption,
        LineRole::BoxLabel,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// Short English name (for the evaluator's tables and the weights file).
    pub fn name(self) -> &'static str {
        match self {
            LineRole::Kicker => "kicker",
            LineRole::Headline => "headline",
            LineRole::Deck => "deck",
            LineRole::Byline => "byline",
            LineRole::Lead => "lead",
            LineRole::Body => "body",
            LineRole::Join => "join",
            LineRole::Crosshead => "crosshead",
            LineRole::Note => "note",
            LineRole::Caption => "caption",
            LineRole::BoxLabel => "box-label",
        }
    }

    fn words(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            LineRole::Kicker => ("引题", "kicker"),
            LineRole::Headline => ("标题", "headline"),
            LineRole::Deck => ("副题", "deck"),
            LineRole::Byline => ("署名", "byline"),
            LineRole::Lead => ("导语", "lead"),
            LineRole::Body => ("正文", "body"),
            LineRole::Join => ("续行", "continuation"),
            LineRole::Crosshead => ("小标题", "crosshead"),
            LineRole::Note => ("注释", "note"),
            LineRole::Caption => ("图片说明", "caption"),
            LineRole::BoxLabel => ("栏目标签", "box label"),
        };
        lang.pick(zh, en)
    }

    /// Running text: a paragraph that a scan break may cut (so `Join` may follow it).
    pub fn is_running_text(self) -> bool {
        matches!(
            self,
            LineRole::Lead | LineRole::Body | LineRole::Join | LineRole::Note | LineRole::Caption
        )
    }
}

/// Weights of the line model: one row of per-role weights per hashed feature, and the
/// transition weights between roles (row `COUNT` is the start of the page).
#[derive(Clone)]
pub struct Model {
    pub(crate) weights: Vec<f32>,
    pub(crate) transitions: Vec<f32>,
    /// The read-only form of a loaded model (see [`Compact`]); `None` while training.
    compact: Option<Compact>,
}

/// The rows of a loaded model that hold weights, packed: a small index from hashed row to
/// packed row, and the quantised weights. Decoding touches ~50 rows a line; in the dense table
/// (megabytes) nearly each is a cache miss, in this form most are not, and features the model
/// never saw cost one look-up in the index.
#[derive(Clone)]
struct Compact {
    index: Vec<u32>,
    weights: Vec<i16>,
    scale: f32,
}

impl Compact {
    const ABSENT: u32 = u32::MAX;

    /// Adds the weights of `row` to `sums`.
    #[inline]
    fn add(&self, row: usize, sums: &mut [i32; LineRole::COUNT]) {
        let packed = self.index[row];
        if packed != Compact::ABSENT {
            let weights = &self.weights[packed as usize * LineRole::COUNT..][..LineRole::COUNT];
            for (s, &w) in sums.iter_mut().zip(weights) {
                *s += w as i32;
            }
        }
    }
}

const MAGIC: &[u8; 8] = b"JDSTRUC1";

impl Model {
    /// A model with all weights zero (the trainer's starting point).
    pub fn empty() -> Model {
        Model {
            weights: vec![0.0; ROWS * LineRole::COUNT],
            transitions: vec![0.0; (LineRole::COUNT + 1) * LineRole::COUNT],
            compact: None,
        }
    }

    /// The weights shipped in `assets/models/structure/`, read once.
    pub fn shipped() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(include_bytes!(
                "../../../../assets/models/structure/lines.bin"
            ))
            .expect("the shipped structure weights are well-formed")
        })
    }

    /// Compact binary form: the magic, the transition weights as f32, then every feature row
    /// with a non-zero weight as its index and its weights quantized to i16 with one scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = LineRole::COUNT;
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let rows: Vec<usize> = (0..ROWS)
            .filter(|&r| {
                self.weights[r * n..(r + 1) * n]
                    .iter()
                    .any(|w| (w / scale).round() != 0.0)
            })
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for r in rows {
            out.extend_from_slice(&(r as u32).to_le_bytes());
            for w in &self.weights[r * n..(r + 1) * n] {
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    /// Reads [`Model::to_bytes`]; `None` when the bytes are not such a file.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let n = LineRole::COUNT;
        let mut at = 0;
        let mut take = |len: usize| {
            let slice = bytes.get(at..at + len)?;
            at += len;
            Some(slice)
        };
        if take(8)? != MAGIC {
            return None;
        }
        let u32_of = |s: &[u8]| u32::from_le_bytes(s.try_into().unwrap());
        let f32_of = |s: &[u8]| f32::from_le_bytes(s.try_into().unwrap());
        if u32_of(take(4)?) as usize != n {
            return None;
        }
        let scale = f32_of(take(4)?);
        let mut model = Model::empty();
        for t in model.transitions.iter_mut() {
            *t = f32_of(take(4)?);
        }
        let rows = u32_of(take(4)?) as usize;
        let mut compact = Compact {
            index: vec![Compact::ABSENT; ROWS],
            weights: Vec::with_capacity(rows.min(ROWS) * n),
            scale,
        };
        for packed in 0..rows {
            let r = u32_of(take(4)?) as usize;
            if r >= ROWS {
                return None;
            }
            compact.index[r] = packed as u32;
            for k in 0..n {
                let q = i16::from_le_bytes(take(2)?.try_into().unwrap());
                model.weights[r * n + k] = q as f32 * scale;
                compact.weights.push(q);
            }
        }
        model.compact = Some(compact);
        Some(model)
    }

    fn emission(&self, features: &[Feature], scores: &mut [f32; LineRole::COUNT]) {
        let rows: Vec<u32> = features.iter().map(|f| f.row() as u32).collect();
        self.emission_of_rows(&rows, scores);
    }

    /// The score of each role from the feature rows of one line.
    #[inline]
    pub(super) fn emission_of_rows(&self, rows: &[u32], scores: &mut [f32; LineRole::COUNT]) {
        const N: usize = LineRole::COUNT;
        if let Some(compact) = &self.compact {
            let mut sums = [0i32; N];
            for &row in rows {
                compact.add(row as usize, &mut sums);
            }
            for (s, sum) in scores.iter_mut().zip(sums) {
                *s = sum as f32 * compact.scale;
            }
            return;
        }
        *scores = [0.0; N];
        for &row in rows {
            let weights = &self.weights[row as usize * N..][..N];
            for (s, w) in scores.iter_mut().zip(weights) {
                *s += w;
            }
        }
    }

    /// The roles of the content lines of a page.
    pub fn roles(&self, lines: &[Line], page: &Page) -> Vec<LineRole> {
        let sequence = Sequence::of(lines, page, None);
        self.decode(&sequence)
    }

    /// Why the lines for which `wanted` holds got their role: for each, its two strongest
    /// features against the next best role, in Chinese and English
    /// (`标题：较短，下一行以电头开头 / headline: short; the next line opens with a dateline`).
    pub fn reasons(
        &self,
        lines: &[Line],
        page: &Page,
        roles: &[LineRole],
        wanted: impl Fn(usize) -> bool,
    ) -> Vec<Option<String>> {
        let (facts, around) = features::context(lines, page);
        let mut found = Vec::new();
        (0..lines.len())
            .map(|i| {
                if !wanted(i) {
                    return None;
                }
                found.clear();
                let [since, until, run] = around[i];
                features::extract(lines, &facts, i, since, until, run, &mut found);
                Some(self.reason(&found, roles[i]))
            })
            .collect()
    }

    fn reason(&self, found: &[Feature], role: LineRole) -> String {
        let mut scores = [0.0; LineRole::COUNT];
        self.emission(found, &mut scores);
        let runner_up = LineRole::ALL
            .iter()
            .copied()
            .filter(|&r| r != role)
            .max_by(|a, b| scores[a.index()].total_cmp(&scores[b.index()]))
            .unwrap_or(role);
        let mut ranked: Vec<(f32, Feature)> = found
            .iter()
            .map(|&f| {
                let row = &self.weights[f.row() * LineRole::COUNT..][..LineRole::COUNT];
                (row[role.index()] - row[runner_up.index()], f)
            })
            .filter(|(margin, _)| *margin > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let words = |lang: Lang| {
            let mut parts: Vec<String> = Vec::new();
            for (_, f) in &ranked {
                if let Some(text) = features::describe(*f, lang)
                    && !parts.contains(&text)
                {
                    parts.push(text);
                }
                if parts.len() == 2 {
                    break;
                }
            }
            let sep = lang.pick("，", "; ");
            format!(
                "{}{}{}",
                role.words(lang),
                lang.pick("：", ": "),
                parts.join(sep)
            )
        };
        format!("{} / {}", words(Lang::Zh), words(Lang::En))
    }
}
