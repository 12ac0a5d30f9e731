//! The project: one scanned bulletin, its articles as the editor corrects them, and what the
//! project has learnt (registry, confirmed names, rejected suggestions).

use serde::{Deserialize, Serialize};

use super::lessons::Lesson;
use super::registry::Registry;
use super::text::{EntityKind, LineRange, TextField};

/// The `format` tag at the top of every project file.
pub const FORMAT_TAG: &str = "jiaodui-project";
/// The project format version this build writes. Files with a higher version are refused.
/// Version 2 added paragraph kinds and the structure corrections the project remembers.
pub const FORMAT_VERSION: u32 = 2;

/// Where the project came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Source {
    /// File name of the raw text as imported (no directory: projects move between machines).
    pub name: String,
    /// SHA-256 of the raw bytes, hex.
    pub sha256: String,
    /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, …).
    pub encoding: String,
    /// The decoded raw text with line ends normalised to `\n`; line numbers refer to it.
    /// Saved one raw line per RON line, so that project files diff cleanly.
    #[serde(rename = "lines", with = "as_lines")]
    pub text: String,
}

impl Source {
    /// The raw lines; line `n` (1-based) is `lines()[n - 1]`.
    pub fn lines(&self) -> Vec<&str> {
        self.text.split('\n').collect()
    }
}

/// (De)serialises a text as the list of its lines.
mod as_lines {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(text.split('\n'))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        Ok(Vec::<String>::deserialize(deserializer)?.join("\n"))
    }
}

/// Free-form information about the project.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Meta {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub note: String,
}

/// Stable identifier of an article within its project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleId(pub u32);

/// A structure decision taken by the import (or the editor), kept with its reason so the window
/// can show why the text looks the way it does.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Decision {
    /// What was decided, a rule id such as `headline:short-unpunctuated` (see `pipeline::structure`).
    pub rule: String,
    /// The raw lines it concerns.
    pub lines: LineRange,
    /// Human-readable detail (may be empty).
    #[serde(default)]
    pub note: String,
}

/// One article as corrected: the headline stack, byline and paragraphs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// 引题: the line above the headline.
    #[serde(default)]
    pub kicker: TextField,
    pub headline: TextField,
    /// 副题 / deck.
    #[serde(default)]
    pub subheadline: TextField,
    #[serde(default)]
    pub byline: TextField,
    pub paragraphs: Vec<TextField>,
    /// Set by the editor when the article has been reviewed.
    #[serde(default)]
    pub checked: bool,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

impl Article {
    /// An empty article with the given id.
    pub fn new(id: ArticleId) -> Article {
        Article {
            id,
            kicker: TextField::default(),
            headline: TextField::default(),
            subheadline: TextField::default(),
            byline: TextField::default(),
            paragraphs: Vec::new(),
            checked: false,
            decisions: Vec::new(),
        }
    }

    /// The field addressed by `slot`, if it exists.
    pub fn field(&self, slot: FieldSlot) -> Option<&TextField> {
        match slot {
            FieldSlot::Kicker => Some(&self.kicker),
            FieldSlot::Headline => Some(&self.headline),
            FieldSlot::Subheadline => Some(&self.subheadline),
            FieldSlot::Byline => Some(&self.byline),
            FieldSlot::Paragraph(i) => self.paragraphs.get(i),
        }
    }

    pub fn field_mut(&mut self, slot: FieldSlot) -> Option<&mut TextField> {
        match slot {
            FieldSlot::Kicker => Some(&mut self.kicker),
            FieldSlot::Headline => Some(&mut self.headline),
            FieldSlot::Subheadline => Some(&mut self.subheadline),
            FieldSlot::Byline => Some(&mut self.byline),
            FieldSlot::Paragraph(i) => self.paragraphs.get_mut(i),
        }
    }

    /// Every field with its slot, headline stack first, then byline, then paragraphs.
    pub fn fields(&self) -> impl Iterator<Item = (FieldSlot, &TextField)> {
        FieldSlot::HEADER
            .into_iter()
            .map(|slot| (slot, self.field(slot).expect("header fields always exist")))
            .chain(
                self.paragraphs
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (FieldSlot::Paragraph(i), p)),
            )
    }

    /// Every field in the order a reader meets it in the raw text: the headline stack, then the
    /// byline before the paragraphs where the source has it there, after them where it closes
    /// the article (as `记者 王某` closes a bulletin piece). A byline the editor typed, with no
    /// raw line, stays before the paragraphs.
    pub fn fields_in_reading_order(&self) -> impl Iterator<Item = (FieldSlot, &TextField)> {
        let closes = self.byline_closes_article();
        let stack = [
            FieldSlot::Kicker,
            FieldSlot::Headline,
            FieldSlot::Subheadline,
        ]
        .map(|slot| (slot, self.field(slot).expect("header fields always exist")));
        let byline = (FieldSlot::Byline, &self.byline);
        stack
            .into_iter()
            .chain((!closes).then_some(byline))
            .chain(
                self.paragraphs
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (FieldSlot::Paragraph(i), p)),
            )
            .chain(closes.then_some(byline))
    }

    /// Whether the byline comes from a raw line after some of the article's paragraphs.
    pub fn byline_closes_article(&self) -> bool {
        let Some(byline_line) = self.byline.source_lines.iter().map(|r| r.first).min() else {
            return false;
        };
        self.paragraphs
            .iter()
            .flat_map(|p| &p.source_lines)
            .any(|r| r.first < byline_line)
    }

    /// Every raw line this article was built from, as sorted, merged ranges.
    pub fn source_lines(&self) -> Vec<LineRange> {
        let mut ranges: Vec<LineRange> = self
            .fields()
            .flat_map(|(_, f)| f.source_lines.iter().copied())
            .collect();
        ranges.sort_by_key(|r| (r.first, r.last));
        let mut merged: Vec<LineRange> = Vec::new();
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.first <= last.last + 1 => last.last = last.last.max(range.last),
                _ => merged.push(range),
            }
        }
        merged
    }

    /// Number of entity spans in all fields.
    pub fn span_count(&self) -> usize {
        self.fields().map(|(_, f)| f.spans.len()).sum()
    }
}

/// Which field of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FieldSlot {
    Kicker,
    Headline,
    Subheadline,
    Byline,
    Paragraph(usize),
}

impl FieldSlot {
    /// The single-valued fields of an article.
    pub const HEADER: [FieldSlot; 4] = [
        FieldSlot::Kicker,
        FieldSlot::Headline,
        FieldSlot::Subheadline,
        FieldSlot::Byline,
    ];

    /// The name used in exports (`kicker`, `headline`, `subheadline`, `byline`, `paragraph`).
    pub fn code(self) -> &'static str {
        match self {
            FieldSlot::Kicker => "kicker",
            FieldSlot::Headline => "headline",
            FieldSlot::Subheadline => "subheadline",
            FieldSlot::Byline => "byline",
            FieldSlot::Paragraph(_) => "paragraph",
        }
    }

    /// The paragraph index, for paragraph slots.
    pub fn paragraph(self) -> Option<usize> {
        match self {
            FieldSlot::Paragraph(i) => Some(i),
            _ => None,
        }
    }
}

/// Addresses one field of one article (by position in the project).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldRef {
    pub article: usize,
    pub slot: FieldSlot,
}

impl FieldRef {
    pub fn new(article: usize, slot: FieldSlot) -> FieldRef {
        FieldRef { article, slot }
    }
}

/// A raw line the import set aside as page furniture (page numbers, running heads): kept, not
/// lost, so the editor can see and restore it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FurnitureLine {
    pub line: usize,
    pub text: String,
    pub rule: String,
}

/// A name the editor confirmed: suggested from then on wherever it appears in the project.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LexiconEntry {
    pub text: String,
    pub kind: EntityKind,
}

/// A suggestion the editor turned down (text + type): never suggested again in this project.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Rejection {
    pub text: String,
    pub kind: EntityKind,
}

/// Display data of an entity type: the built-in four and any the editor adds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityType {
    pub kind: EntityKind,
    pub name_zh: String,
    pub name_en: String,
    /// sRGB colour used to highlight spans of this type.
    pub color: [u8; 3],
    /// The number key that tags a selection with this type (1–9).
    pub key: u8,
}

impl EntityType {
    /// The four built-in types with their default colours and keys 1–4.
    pub fn defaults() -> Vec<EntityType> {
        let make = |kind, zh: &str, en: &str, color, key| EntityType {
            kind,
            name_zh: zh.into(),
            name_en: en.into(),
            color,
            key,
        };
        vec![
            make(EntityKind::Person, "人名", "Person", [214, 69, 65], 1),
            make(EntityKind::Title, "职务", "Title", [217, 136, 31], 2),
            make(EntityKind::Org, "机构", "Organization", [41, 121, 189], 3),
            make(EntityKind::Place, "地名", "Place", [46, 139, 87], 4),
        ]
    }
}

/// A whole project, as saved in a `.jiaodui.ron` file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Project {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub meta: Meta,
    pub source: Source,
    pub articles: Vec<Article>,
    #[serde(default)]
    pub furniture: Vec<FurnitureLine>,
    #[serde(default)]
    pub registry: Registry,
    /// Names the editor confirmed, suggested in every article from then on.
    #[serde(default)]
    pub lexicon: Vec<LexiconEntry>,
    /// Suggestions the editor rejected, never suggested again.
    #[serde(default)]
    pub rejected: Vec<Rejection>,
    #[serde(default = "EntityType::defaults")]
    pub entity_types: Vec<EntityType>,
    /// Structure corrections of the editor, offered again where lines look the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lessons: Vec<Lesson>,
}

impl Project {
    /// An empty project over `source`.
    pub fn new(source: Source) -> Project {
        Project {
            format: FORMAT_TAG.to_string(),
            version: FORMAT_VERSION,
            meta: Meta::default(),
            source,
            articles: Vec::new(),
            furniture: Vec::new(),
            registry: Registry::default(),
            lexicon: Vec::new(),
            rejected: Vec::new(),
            entity_types: EntityType::defaults(),
            lessons: Vec::new(),
        }
    }

    /// A fresh article id: one past the highest in use. Derived rather than stored, so that
    /// undoing a split gives back exactly the project before it.
    pub fn allocate_article_id(&self) -> ArticleId {
        ArticleId(self.articles.iter().map(|a| a.id.0 + 1).max().unwrap_or(0))
    }

    pub fn field(&self, at: FieldRef) -> Option<&TextField> {
        self.articles.get(at.article)?.field(at.slot)
    }

    pub fn field_mut(&mut self, at: FieldRef) -> Option<&mut TextField> {
        self.articles.get_mut(at.article)?.field_mut(at.slot)
    }

    /// Whether `text` of `kind` was rejected by the editor.
    pub fn is_rejected(&self, text: &str, kind: &EntityKind) -> bool {
        self.rejected
            .iter()
            .any(|r| r.text == text && &r.kind == kind)
    }

    /// Total paragraphs in all articles.
    pub fn paragraph_count(&self) -> usize {
        self.articles.iter().map(|a| a.paragraphs.len()).sum()
    }

    /// Total entity spans in all articles.
    pub fn span_count(&self) -> usize {
        self.articles.iter().map(Article::span_count).sum()
    }

    /// Total scan-break joins in all articles.
    pub fn join_count(&self) -> usize {
        self.articles
            .iter()
            .flat_map(|a| a.fields())
            .map(|(_, f)| f.joins.len())
            .sum()
    }

    /// Display data for `kind` (a neutral grey entry for a type that has none).
    pub fn entity_type(&self, kind: &EntityKind) -> EntityType {
        self.entity_types
            .iter()
            .find(|t| &t.kind == kind)
            .cloned()
            .unwrap_or_else(|| EntityType {
                kind: kind.clone(),
                name_zh: kind.code().to_string(),
                name_en: kind.code().to_string(),
                color: [128, 128, 128],
                key: 0,
            })
    }
}
