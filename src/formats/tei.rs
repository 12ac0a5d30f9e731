//! TEI P5 XML: the archival form of the edited bulletin.
//!
//! ```text
//! <TEI xmlns="http://www.tei-c.org/ns/1.0">
//!   <teiHeader> title; source file, its SHA-256 and encoding; the registry as <listPerson>
//!               (persons with their roles as <affiliation>), <listOrg>, <listPlace>, <list> </teiHeader>
//!   <text><body><div type="article" n="1"> <head type="kicker"> <head> <head type="sub">
//!               <byline> <p> … </div> … </body></text>
//! </TEI>
//! ```
//!
//! Paragraphs are written by kind: body text as `<p>`; a crosshead opens a section,
//! `<div type="section"><head type="sub">…</head>`, that runs to the next crosshead or the end of
//! the article; a note as `<note>`; a caption as `<figure><figDesc>…</figDesc></figure>`; a run of
//! box paragraphs as one `<note type="box">` holding a `<p>` each. Every paragraph stays in
//! document order.
//!
//! Mentions are `<persName>`, `<roleName>`, `<orgName>`, `<placeName>`, or `<name type="CODE">`
//! for custom types; a mention linked to the registry points at its entity (`ref="#e12"`), and a
//! suggestion the editor has not confirmed carries `cert="low"`. Mixed content is written without
//! any added whitespace, so the text of every `<head>`, `<byline>` and `<p>` is exactly the
//! field's text. Characters XML 1.0 cannot hold at all (C0 controls other than tab and line
//! feed, U+FFFE, U+FFFF) are written as `<g type="U+000C"/>`, TEI's element for a character
//! that cannot be given as itself, so nothing is dropped and the file stays well-formed.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::export::ExportOptions;
use crate::model::{
    Article, Entity, EntityKind, FieldSlot, ParagraphKind, Project, Span, SpanStatus, TextField,
};

/// The TEI namespace.
pub const TEI_NAMESPACE: &str = "http://www.tei-c.org/ns/1.0";

/// The XML `xml:id` of a registry entity, and (with `#`) the `ref` of its mentions.
pub fn entity_xml_id(id: crate::model::EntityId) -> String {
    format!("e{}", id.0)
}

/// The whole project as one TEI document.
pub fn render(project: &Project, options: &ExportOptions) -> String {
    let mut tei = TeiWriter::new();
    tei.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    tei.newline(0);
    tei.open("TEI", &[("xmlns", TEI_NAMESPACE)]);
    tei.newline(1);
    write_header(&mut tei, project, options);
    tei.newline(1);
    tei.open("text", &[("xml:lang", "zh")]);
    tei.newline(2);
    tei.open("body", &[]);
    for (index, article) in project.articles.iter().enumerate() {
        tei.newline(3);
        let n = (index + 1).to_string();
        tei.open("div", &[("type", "article"), ("n", &n)]);
        for slot in FieldSlot::HEADER {
            let field = article.field(slot).expect("header fields always exist");
            if field.is_empty() {
                continue;
            }
            tei.newline(4);
            let (name, attributes): (&str, &[(&str, &str)]) = match slot {
                FieldSlot::Kicker => ("head", &[("type", "kicker")]),
                FieldSlot::Subheadline => ("head", &[("type", "sub")]),
                FieldSlot::Byline => ("byline", &[]),
                _ => ("head", &[]),
            };
            tei.open(name, attributes);
            write_field(&mut tei, field, options);
            tei.close(name);
        }
        write_paragraphs(&mut tei, article, options);
        tei.newline(3);
        tei.close("div");
    }
    tei.newline(2);
    tei.close("body");
    tei.newline(1);
    tei.close("text");
    tei.newline(0);
    tei.close("TEI");
    tei.newline(0);
    tei.finish()
}

/// The paragraphs of an article by kind: sections opened by crossheads, notes, figures with
/// their captions, and runs of box paragraphs as one box.
fn write_paragraphs(tei: &mut TeiWriter, article: &Article, options: &ExportOptions) {
    let mut in_section = false;
    let mut in_box = false;
    for field in article.paragraphs.iter().filter(|p| !p.is_empty()) {
        let depth = 4 + usize::from(in_section);
        if in_box && field.kind != ParagraphKind::Box {
            tei.newline(depth);
            tei.close("note");
            in_box = false;
        }
        match field.kind {
            ParagraphKind::Crosshead => {
                if in_section {
                    tei.newline(4);
                    tei.close("div");
                }
                in_section = true;
                tei.newline(4);
                tei.open("div", &[("type", "section")]);
                tei.newline(5);
                tei.open("head", &[("type", "sub")]);
                write_field(tei, field, options);
                tei.close("head");
            }
            ParagraphKind::Body => {
                tei.newline(depth);
                tei.open("p", &[]);
                write_field(tei, field, options);
                tei.close("p");
            }
            ParagraphKind::Note => {
                tei.newline(depth);
                tei.open("note", &[]);
                write_field(tei, field, options);
                tei.close("note");
            }
            ParagraphKind::Caption => {
                tei.newline(depth);
                tei.open("figure", &[]);
                tei.open("figDesc", &[]);
                write_field(tei, field, options);
                tei.close("figDesc");
                tei.close("figure");
            }
            ParagraphKind::Box => {
                if !in_box {
                    tei.newline(depth);
                    tei.open("note", &[("type", "box")]);
                    in_box = true;
                }
                tei.newline(depth + 1);
                tei.open("p", &[]);
                write_field(tei, field, options);
                tei.close("p");
            }
        }
    }
    if in_box {
        tei.newline(4 + usize::from(in_section));
        tei.close("note");
    }
    if in_section {
        tei.newline(4);
        tei.close("div");
    }
}

fn write_header(tei: &mut TeiWriter, project: &Project, options: &ExportOptions) {
    let source = &project.source;
    let title = if project.meta.title.is_empty() {
        &source.name
    } else {
        &project.meta.title
    };
    tei.open("teiHeader", &[]);
    tei.newline(2);
    tei.open("fileDesc", &[]);
    tei.newline(3);
    tei.open("titleStmt", &[]);
    tei.element("title", &[], title);
    tei.close("titleStmt");
    tei.newline(3);
    tei.open("publicationStmt", &[]);
    tei.element("p", &[], "Exported from a Jiaodui project.");
    tei.close("publicationStmt");
    tei.newline(3);
    tei.open("sourceDesc", &[]);
    tei.newline(4);
    tei.open("bibl", &[]);
    tei.element("idno", &[("type", "filename")], &source.name);
    tei.element("idno", &[("type", "sha256")], &source.sha256);
    tei.element("note", &[("type", "encoding")], &source.encoding);
    tei.close("bibl");
    write_registry(tei, project, options);
    tei.newline(3);
    tei.close("sourceDesc");
    tei.newline(2);
    tei.close("fileDesc");
    tei.newline(2);
    tei.open("encodingDesc", &[]);
    tei.element(
        "p",
        &[],
        "Names are tagged as persName, roleName, orgName, placeName or name; ref points to the entity in sourceDesc; cert=\"low\" marks a suggestion not yet confirmed by the editor.",
    );
    tei.close("encodingDesc");
    tei.newline(1);
    tei.close("teiHeader");
}

/// The registry as TEI lists: people (with their roles), organizations, places, and one plain
/// list for titles and custom types.
fn write_registry(tei: &mut TeiWriter, project: &Project, options: &ExportOptions) {
    let mentioned = super::export::mentioned_entities(project, options);
    let entities: Vec<Entity> = project
        .registry
        .entities
        .iter()
        .filter(|e| mentioned.contains(&e.id))
        .cloned()
        .collect();
    let entities = entities.as_slice();
    fn of<'a>(
        entities: &'a [Entity],
        kind: &'a EntityKind,
    ) -> impl Iterator<Item = &'a Entity> + 'a {
        entities.iter().filter(move |e| &e.kind == kind)
    }
    if of(entities, &EntityKind::Person).next().is_some() {
        tei.newline(4);
        tei.open("listPerson", &[]);
        for person in of(entities, &EntityKind::Person) {
            let id = entity_xml_id(person.id);
            tei.newline(5);
            tei.open("person", &[("xml:id", &id)]);
            tei.element("persName", &[], &person.name);
            for alias in &person.aliases {
                tei.element("persName", &[("type", "alias")], alias);
            }
            for role in &person.roles {
                tei.open("affiliation", &[]);
                if !role.org.is_empty() {
                    tei.element("orgName", &[], &role.org);
                }
                if !role.title.is_empty() {
                    tei.element("roleName", &[], &role.title);
                }
                tei.close("affiliation");
            }
            write_note(tei, &person.note);
            tei.close("person");
        }
        tei.newline(4);
        tei.close("listPerson");
    }
    for (kind, list, item, name) in [
        (EntityKind::Org, "listOrg", "org", "orgName"),
        (EntityKind::Place, "listPlace", "place", "placeName"),
    ] {
        if of(entities, &kind).next().is_none() {
            continue;
        }
        tei.newline(4);
        tei.open(list, &[]);
        for entity in of(entities, &kind) {
            let id = entity_xml_id(entity.id);
            tei.newline(5);
            tei.open(item, &[("xml:id", &id)]);
            tei.element(name, &[], &entity.name);
            for alias in &entity.aliases {
                tei.element(name, &[("type", "alias")], alias);
            }
            write_note(tei, &entity.note);
            tei.close(item);
        }
        tei.newline(4);
        tei.close(list);
    }
    let others: Vec<_> = entities
        .iter()
        .filter(|e| {
            !matches!(
                e.kind,
                EntityKind::Person | EntityKind::Org | EntityKind::Place
            )
        })
        .collect();
    if !others.is_empty() {
        tei.newline(4);
        tei.open("list", &[("type", "entities")]);
        for entity in others {
            let id = entity_xml_id(entity.id);
            tei.newline(5);
            tei.open("item", &[("xml:id", &id), ("n", entity.kind.code())]);
            tei.element("name", &[("type", entity.kind.code())], &entity.name);
            for alias in &entity.aliases {
                tei.element("name", &[("type", "alias")], alias);
            }
            write_note(tei, &entity.note);
            tei.close("item");
        }
        tei.newline(4);
        tei.close("list");
    }
}

fn write_note(tei: &mut TeiWriter, note: &str) {
    if !note.is_empty() {
        tei.element("note", &[], note);
    }
}

/// A field's text with its exported spans as name elements.
fn write_field(tei: &mut TeiWriter, field: &TextField, options: &ExportOptions) {
    let mut pos = 0;
    for span in options.spans(field) {
        tei.text(field.slice(pos, span.start));
        let (name, attributes) = mention_element(span);
        let attributes: Vec<(&str, &str)> =
            attributes.iter().map(|(k, v)| (*k, v.as_ref())).collect();
        tei.open(name, &attributes);
        tei.text(field.slice(span.start, span.end));
        tei.close(name);
        pos = span.end;
    }
    tei.text(field.slice(pos, field.char_len()));
}

/// The element name and attributes of a mention.
fn mention_element(span: &Span) -> (&'static str, Vec<(&'static str, Cow<'_, str>)>) {
    let mut attributes = Vec::new();
    let name = match &span.kind {
        EntityKind::Person => "persName",
        EntityKind::Title => "roleName",
        EntityKind::Org => "orgName",
        EntityKind::Place => "placeName",
        EntityKind::Other(code) => {
            attributes.push(("type", Cow::Borrowed(code.as_str())));
            "name"
        }
    };
    if let Some(id) = span.entity {
        attributes.push(("ref", Cow::Owned(format!("#{}", entity_xml_id(id)))));
    }
    if span.status == SpanStatus::Suggested {
        attributes.push(("cert", Cow::Borrowed("low")));
    }
    (name, attributes)
}

/// Whether XML 1.0 can hold `c` at all, even as a character reference.
fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A thin layer over quick-xml's writer: elements, escaped text and explicit indentation
/// between block elements only (never inside mixed content).
struct TeiWriter {
    writer: Writer<Vec<u8>>,
}

impl TeiWriter {
    fn new() -> TeiWriter {
        TeiWriter {
            writer: Writer::new(Vec::new()),
        }
    }

    fn event(&mut self, event: Event<'_>) {
        self.writer
            .write_event(event)
            .expect("writing to memory cannot fail");
    }

    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.event(Event::Start(start));
    }

    fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        self.text(text);
        self.close(name);
    }

    /// Text, escaped; characters XML cannot hold become `<g type="U+XXXX"/>`.
    fn text(&mut self, text: &str) {
        let mut rest = text;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| !xml_allows(c)) {
            self.plain_text(&rest[..at]);
            let code = format!("U+{:04X}", c as u32);
            let g = BytesStart::new("g").with_attributes([("type", code.as_str())]);
            self.event(Event::Empty(g));
            rest = &rest[at + c.len_utf8()..];
        }
        self.plain_text(rest);
    }

    fn plain_text(&mut self, text: &str) {
        if !text.is_empty() {
            self.event(Event::Text(BytesText::from_escaped(partial_escape(text))));
        }
    }

    /// A line end and `depth` levels of indentation, between block elements.
    fn newline(&mut self, depth: usize) {
        let indent = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::from_escaped(indent)));
    }

    fn finish(self) -> String {
        String::from_utf8(self.writer.into_inner()).expect("the writer is given only UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_are_recognised() {
        assert!(xml_allows('张') && xml_allows('\t') && xml_allows('𠀀'));
        assert!(!xml_allows('\u{C}') && !xml_allows('\u{0}') && !xml_allows('\u{FFFF}'));
    }

    #[test]
    fn forbidden_characters_become_g_elements() {
        let mut tei = TeiWriter::new();
        tei.element("p", &[], "一\u{C}<二>&");
        assert_eq!(tei.finish(), "<p>一<g type=\"U+000C\"/>&lt;二&gt;&amp;</p>");
    }
}
