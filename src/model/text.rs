//! Text fields and the entity spans that live on them.
//!
//! Offsets are counted in chars (Unicode scalar values), never bytes: that is what the gold
//! annotation, the JSONL export and every NER toolkit use, and it keeps a span valid whatever
//! encoding the text is later written in. Byte offsets exist only inside the UI for layout.

use serde::{Deserialize, Serialize};

use super::registry::EntityId;
use crate::i18n::Lang;

/// The type of an entity span. The four built-in types follow the CLUENER2020-style conventions of
/// the gold annotation; editors may add their own types (DATE, MEETING, …) per project.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Title,
    Org,
    Place,
    /// A user-defined type, named by its code (e.g. `DATE`).
    Other(String),
}

impl EntityKind {
    /// The code used in exports (`PERSON`, `TITLE`, `ORG`, `PLACE`, or the custom code).
    pub fn code(&self) -> &str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Title => "TITLE",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
            EntityKind::Other(code) => code,
        }
    }

    /// Parses an export code back into a kind; unknown codes become [`EntityKind::Other`].
    pub fn from_code(code: &str) -> EntityKind {
        match code {
            "PERSON" | "PER" => EntityKind::Person,
            "TITLE" => EntityKind::Title,
            "ORG" => EntityKind::Org,
            "PLACE" | "LOC" | "GPE" => EntityKind::Place,
            other => EntityKind::Other(other.to_string()),
        }
    }

    /// The built-in kinds, in the order of their number keys (1–4).
    pub const BUILT_IN: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Title,
        EntityKind::Org,
        EntityKind::Place,
    ];
}

/// Whether a span is still a suggestion of the program or has been confirmed by the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum SpanStatus {
    #[default]
    Suggested,
    Confirmed,
}

impl SpanStatus {
    /// The value written in exports (`suggested` / `confirmed`).
    pub fn code(self) -> &'static str {
        match self {
            SpanStatus::Suggested => "suggested",
            SpanStatus::Confirmed => "confirmed",
        }
    }
}

/// One tagged stretch of a field's text, `start..end` in chars.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub status: SpanStatus,
    /// The rule that suggested it (shown to the editor as "why"); `None` when the editor tagged it.
    #[serde(default)]
    pub rule: Option<String>,
    /// The registry entity this mention refers to, once linked.
    #[serde(default)]
    pub entity: Option<EntityId>,
}

impl Span {
    /// A span the editor made by hand: confirmed from the start, no rule.
    pub fn by_editor(start: usize, end: usize, kind: EntityKind) -> Span {
        Span {
            start,
            end,
            kind,
            status: SpanStatus::Confirmed,
            rule: None,
            entity: None,
        }
    }

    /// A span suggested by `rule`.
    pub fn suggested(start: usize, end: usize, kind: EntityKind, rule: &str) -> Span {
        Span {
            start,
            end,
            kind,
            status: SpanStatus::Suggested,
            rule: Some(rule.to_string()),
            entity: None,
        }
    }

    /// Whether two spans share at least one char.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// An inclusive range of 1-based raw line numbers that a field was built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LineRange {
    pub first: usize,
    pub last: usize,
}

impl LineRange {
    pub fn new(first: usize, last: usize) -> LineRange {
        LineRange { first, last }
    }

    pub fn single(line: usize) -> LineRange {
        LineRange::new(line, line)
    }

    pub fn contains(&self, line: usize) -> bool {
        self.first <= line && line <= self.last
    }
}

/// A place where the import joined two raw lines that the scan had cut apart, kept so that the
/// editor sees the join and can reverse it with one click (a split at `at`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Join {
    /// Char offset in the field where the lower line's text begins.
    pub at: usize,
    /// The raw line that ended without finishing its sentence.
    pub upper_line: usize,
    /// The raw line that continued it.
    pub lower_line: usize,
    /// Why the lines were joined (a rule id, see `pipeline::structure`).
    pub rule: String,
}

/// What a paragraph is within its article. Only paragraphs carry a kind other than `Body`; the
/// headline stack and the byline have their own slots.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ParagraphKind {
    /// Running text (the default).
    #[default]
    Body,
    /// 小标题: a heading inside the article.
    Crosshead,
    /// What closes an article without being its text: author notes, credits, editor's notes.
    Note,
    /// Photo or figure text.
    Caption,
    /// A labelled side box (核心阅读, 延伸阅读, 【点评】) and its text.
    Box,
}

impl ParagraphKind {
    /// Every kind, in the order menus list them.
    pub const ALL: [ParagraphKind; 5] = [
        ParagraphKind::Body,
        ParagraphKind::Crosshead,
        ParagraphKind::Note,
        ParagraphKind::Caption,
        ParagraphKind::Box,
    ];

    /// True for the default kind, which project files leave out.
    pub fn is_body(&self) -> bool {
        *self == ParagraphKind::Body
    }

    /// The name used in exports and on the command line (`body`, `crosshead`, `note`,
    /// `caption`, `box`).
    pub fn code(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Crosshead => "crosshead",
            ParagraphKind::Note => "note",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Box => "box",
        }
    }

    /// The kind with the given code, if there is one.
    pub fn from_code(code: &str) -> Option<ParagraphKind> {
        ParagraphKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The name the editor sees.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ParagraphKind::Body => lang.pick("正文", "Body"),
            ParagraphKind::Crosshead => lang.pick("小标题", "Crosshead"),
            ParagraphKind::Note => lang.pick("注释", "Note"),
            ParagraphKind::Caption => lang.pick("图片说明", "Caption"),
            ParagraphKind::Box => lang.pick("专栏框", "Box"),
        }
    }

    /// The kind of the second half when a paragraph of this kind is split. A split separates
    /// text the scan had glued together: what follows a crosshead, a note or a caption is
    /// running text again, while the text after a box's label is still the box.
    pub fn after_split(self) -> ParagraphKind {
        match self {
            ParagraphKind::Box => ParagraphKind::Box,
            _ => ParagraphKind::Body,
        }
    }
}

/// A piece of article text (kicker, headline, deck, byline or paragraph) with its spans and the
/// raw lines it came from. An empty `text` means the field is absent.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct TextField {
    pub text: String,
    #[serde(default)]
    pub spans: Vec<Span>,
    #[serde(default)]
    pub source_lines: Vec<LineRange>,
    #[serde(default)]
    pub joins: Vec<Join>,
    /// The paragraph's kind (always `Body` for the headline stack and the byline).
    #[serde(default, skip_serializing_if = "ParagraphKind::is_body")]
    pub kind: ParagraphKind,
}

impl TextField {
    /// A field with text only, no spans and no source lines (typed by the editor).
    pub fn plain(text: impl Into<String>) -> TextField {
        TextField {
            text: text.into(),
            ..TextField::default()
        }
    }

    /// A field built from the given raw lines.
    pub fn from_lines(text: impl Into<String>, source_lines: Vec<LineRange>) -> TextField {
        TextField {
            text: text.into(),
            source_lines,
            ..TextField::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Length of the text in chars.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// The text of `start..end` (chars). Out-of-range ends are clamped.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let (a, b) = (self.byte_at(start), self.byte_at(end.max(start)));
        &self.text[a..b]
    }

    /// Byte offset of char offset `chars` (clamped to the end of the text).
    pub fn byte_at(&self, chars: usize) -> usize {
        char_to_byte(&self.text, chars)
    }

    /// Replaces the chars `start..end` with `insert`, moving spans and join marks the way an
    /// editor moves marks: those after the change shift, those inside a deleted stretch go,
    /// those around it grow or shrink.
    pub fn replace(&mut self, start: usize, end: usize, insert: &str) {
        let len = self.char_len();
        let start = start.min(len);
        let end = end.clamp(start, len);
        let (a, b) = (self.byte_at(start), self.byte_at(end));
        self.text.replace_range(a..b, insert);
        let inserted = insert.chars().count();
        self.spans
            .retain_mut(|span| map_span(span, start, end, inserted));
        self.joins.retain_mut(|join| {
            if join.at > start && join.at < end {
                return false;
            }
            join.at = map_pos(join.at, start, end, inserted);
            true
        });
    }

    /// Adds a span, keeping spans sorted by start. Returns its index.
    pub fn insert_span(&mut self, span: Span) -> usize {
        let index = self
            .spans
            .partition_point(|s| (s.start, s.end) <= (span.start, span.end));
        self.spans.insert(index, span);
        index
    }

    /// Index of the span covering char `pos`, if any.
    pub fn span_at(&self, pos: usize) -> Option<usize> {
        self.spans
            .iter()
            .position(|s| s.start <= pos && pos < s.end)
    }

    /// Appends another field (a paragraph joined to this one): text, spans shifted, source lines.
    /// Returns the char offset where `other` begins.
    pub fn append(&mut self, other: TextField) -> usize {
        let offset = self.char_len();
        self.text.push_str(&other.text);
        self.spans.extend(other.spans.into_iter().map(|mut s| {
            s.start += offset;
            s.end += offset;
            s
        }));
        self.joins.extend(other.joins.into_iter().map(|mut j| {
            j.at += offset;
            j
        }));
        self.source_lines.extend(other.source_lines);
        offset
    }

    /// Splits this field at char `at`: this keeps `..at` and its kind, the result holds `at..`
    /// with the kind [`ParagraphKind::after_split`] gives. A span that
    /// crosses the split is cut in two; source lines are divided by the join marks when one lies
    /// at `at`, and otherwise kept on both sides (the raw line really holds both halves).
    pub fn split_off(&mut self, at: usize) -> TextField {
        let at = at.min(self.char_len());
        let byte = self.byte_at(at);
        let tail_text = self.text.split_off(byte);
        let mut head_spans = Vec::new();
        let mut tail_spans = Vec::new();
        for span in self.spans.drain(..) {
            if span.end <= at {
                head_spans.push(span);
            } else if span.start >= at {
                tail_spans.push(Span {
                    start: span.start - at,
                    end: span.end - at,
                    ..span
                });
            } else {
                head_spans.push(Span {
                    end: at,
                    ..span.clone()
                });
                tail_spans.push(Span {
                    start: 0,
                    end: span.end - at,
                    ..span
                });
            }
        }
        self.spans = head_spans;
        let mut tail_joins = Vec::new();
        let mut split_line = None;
        self.joins.retain(|join| {
            if join.at == at {
                split_line = Some(join.lower_line);
                false
            } else if join.at > at {
                tail_joins.push(Join {
                    at: join.at - at,
                    ..join.clone()
                });
                false
            } else {
                true
            }
        });
        let (head_lines, tail_lines) = split_source_lines(&self.source_lines, split_line);
        self.source_lines = head_lines;
        TextField {
            text: tail_text,
            spans: tail_spans,
            source_lines: tail_lines,
            joins: tail_joins,
            kind: self.kind.after_split(),
        }
    }

    /// First raw line this field came from, if known.
    pub fn first_line(&self) -> Option<usize> {
        self.source_lines.iter().map(|r| r.first).min()
    }
}

/// Divides source line ranges at `lower_line` (the first line of the lower half); without it both
/// halves keep all ranges.
fn split_source_lines(
    lines: &[LineRange],
    lower_line: Option<usize>,
) -> (Vec<LineRange>, Vec<LineRange>) {
    let Some(cut) = lower_line else {
        return (lines.to_vec(), lines.to_vec());
    };
    let mut head = Vec::new();
    let mut tail = Vec::new();
    for range in lines {
        if range.last < cut {
            head.push(*range);
        } else if range.first >= cut {
            tail.push(*range);
        } else {
            head.push(LineRange::new(range.first, cut - 1));
            tail.push(LineRange::new(cut, range.last));
        }
    }
    (head, tail)
}

/// Maps a position through the replacement of `start..end` by `inserted` chars.
fn map_pos(pos: usize, start: usize, end: usize, inserted: usize) -> usize {
    if pos <= start {
        pos
    } else if pos >= end {
        pos - (end - start) + inserted
    } else {
        start + inserted
    }
}

/// Maps a span through a replacement; returns false when the span must go (its text deleted).
///
/// Text inserted exactly at a span's edge stays outside it (typing after a name does not make the
/// name longer); a change strictly inside a span grows or shrinks it; the part of a span that the
/// change deletes is cut off.
fn map_span(span: &mut Span, start: usize, end: usize, inserted: usize) -> bool {
    if span.end <= start {
        return true;
    }
    if span.start >= end {
        span.start = map_pos(span.start, start, end, inserted);
        span.end = map_pos(span.end, start, end, inserted);
        return true;
    }
    let new_start = if span.start < start {
        span.start
    } else {
        start + inserted
    };
    let new_end = if span.end > end {
        map_pos(span.end, start, end, inserted)
    } else {
        start
    };
    if new_end <= new_start {
        return false;
    }
    span.start = new_start;
    span.end = new_end;
    true
}

/// Byte offset of char offset `chars` in `text`, clamped to its end.
pub fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(byte, _)| byte)
}

/// Char offset of byte offset `byte` in `text` (a byte inside a char counts that char).
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_with_span(text: &str, start: usize, end: usize) -> TextField {
        let mut field = TextField::plain(text);
        field.insert_span(Span::by_editor(start, end, EntityKind::Person));
        field
    }

    #[test]
    fn insertion_before_a_span_shifts_it() {
        let mut field = field_with_span("主任张红军讲话", 2, 5);
        field.replace(0, 0, "管委会");
        assert_eq!(field.text, "管委会主任张红军讲话");
        assert_eq!((field.spans[0].start, field.spans[0].end), (5, 8));
        assert_eq!(field.slice(5, 8), "张红军");
    }

    #[test]
    fn insertion_right_after_a_span_leaves_it() {
        let mut field = field_with_span("张红军讲话", 0, 3);
        field.replace(3, 3, "同志");
        assert_eq!((field.spans[0].start, field.spans[0].end), (0, 3));
    }

    #[test]
    fn insertion_inside_a_span_grows_it() {
        let mut field = field_with_span("张军讲话", 0, 2);
        field.replace(1, 1, "红");
        assert_eq!((field.spans[0].start, field.spans[0].end), (0, 3));
    }

    #[test]
    fn deleting_a_spans_text_drops_it() {
        let mut field = field_with_span("主任张红军讲话", 2, 5);
        field.replace(1, 6, "");
        assert!(field.spans.is_empty());
        assert_eq!(field.text, "主话");
    }

    #[test]
    fn deleting_part_of_a_span_shrinks_it() {
        let mut field = field_with_span("主任张红军讲话", 2, 5);
        field.replace(4, 6, "");
        assert_eq!(field.text, "主任张红话");
        assert_eq!((field.spans[0].start, field.spans[0].end), (2, 4));
        let mut field = field_with_span("主任张红军讲话", 2, 5);
        field.replace(1, 3, "");
        assert_eq!(field.text, "主红军讲话");
        assert_eq!((field.spans[0].start, field.spans[0].end), (1, 3));
    }

    #[test]
    fn split_and_append_round_trip() {
        let mut field = field_with_span("一二三四五六", 1, 5);
        field.source_lines = vec![LineRange::single(9), LineRange::single(11)];
        field.joins.push(Join {
            at: 3,
            upper_line: 9,
            lower_line: 11,
            rule: "test".into(),
        });
        let original = field.clone();
        let tail = field.split_off(3);
        assert_eq!(field.text, "一二三");
        assert_eq!(tail.text, "四五六");
        assert_eq!(field.source_lines, vec![LineRange::single(9)]);
        assert_eq!(tail.source_lines, vec![LineRange::single(11)]);
        assert_eq!((field.spans[0].start, field.spans[0].end), (1, 3));
        assert_eq!((tail.spans[0].start, tail.spans[0].end), (0, 2));
        assert!(field.joins.is_empty() && tail.joins.is_empty());
        let at = field.append(tail);
        assert_eq!(at, 3);
        assert_eq!(field.text, original.text);
    }

    #[test]
    fn char_offsets_handle_four_byte_chars() {
        let field = TextField::plain("𠀀张三");
        assert_eq!(field.slice(1, 3), "张三");
        assert_eq!(byte_to_char(&field.text, 4), 1);
    }
}
