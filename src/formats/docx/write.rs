//! The corrected articles as a Word document, laid out as Chinese offices lay out a bulletin.
//!
//! Each article: the kicker (引题), the headline as 标题 1 (`Heading1`), the deck as 副标题
//! (`Subtitle`), the byline and the paragraphs in the order of the raw text (a byline that closes
//! the article in the source closes it here, set to the right); body paragraphs in 正文文本
//! (`BodyText`) with the two-character first-line indent of Chinese documents
//! (`w:firstLineChars="200"`), crossheads as 标题 2 (`Heading2`), captions as 题注, notes in a
//! smaller 楷体, the paragraphs of a side box framed and shaded. With highlighted entities each
//! mention is bold and shaded in its type's colour, as in the window. With the officials table,
//! the document ends with 本期官员: the officials mentioned in its articles, one row per post,
//! with the numbers of the articles that mention them. The document is for Chinese readers, so
//! its few words of its own (that heading, the column titles) are in Chinese.
//!
//! The package is the least Word, WPS and LibreOffice need: `[Content_Types].xml`,
//! `_rels/.rels`, `word/document.xml`, `word/_rels/document.xml.rels` and `word/styles.xml`
//! (from `assets/docx/styles.xml`). Every entry has the same fixed date, so the same project
//! always gives the same bytes. Characters XML 1.0 cannot hold (stray control characters of the
//! OCR) are left out; a line end inside a field is a line break (`w:br`), a tab a `w:tab`.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use quick_xml::escape::escape;

use super::{DOCUMENT_PART, WORDPROCESSING_NS, style};
use crate::formats::export::{ExportOptions, article_file_stem, mentioned_entity};
use crate::model::{Article, EntityId, FieldSlot, ParagraphKind, Project, TextField};

/// The styles of every exported document.
const STYLES: &str = include_str!("../../../assets/docx/styles.xml");

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "</Types>\n"
);

const PACKAGE_RELATIONSHIPS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "</Relationships>\n"
);

const DOCUMENT_RELATIONSHIPS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "</Relationships>\n"
);

/// A4 portrait with the margins of Word's Chinese template. No line grid: snapping to it would double the 1.5 line spacing.
const SECTION: &str = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
    <w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" \
    w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:linePitch=\"312\"/></w:sectPr>";

/// The heading and column titles of the officials table.
const OFFICIALS_HEADING: &str = "本期官员";
const OFFICIALS_COLUMNS: [&str; 4] = ["姓名", "职务", "单位", "文章"];

/// Renders the articles as one combined `articles.docx` or one document per article.
pub fn render(project: &Project, options: &ExportOptions) -> Vec<(String, Vec<u8>)> {
    if options.per_article {
        (0..project.articles.len())
            .map(|i| {
                (
                    format!("{}.docx", article_file_stem(project, i)),
                    package(&document_xml(project, &[i], options)),
                )
            })
            .collect()
    } else {
        let all: Vec<usize> = (0..project.articles.len()).collect();
        vec![(
            "articles.docx".to_string(),
            package(&document_xml(project, &all, options)),
        )]
    }
}

/// The zip package around a document part.
pub fn package(document: &str) -> Vec<u8> {
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS),
        (DOCUMENT_PART, document),
        ("word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS),
        ("word/styles.xml", STYLES),
    ];
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(name, options)
            .and_then(|()| zip.write_all(content.as_bytes()).map_err(Into::into))
            .expect("writing a zip into memory cannot fail");
    }
    zip.finish()
        .expect("writing a zip into memory cannot fail")
        .into_inner()
}

/// `word/document.xml` for the articles at `indices`.
pub fn document_xml(project: &Project, indices: &[usize], options: &ExportOptions) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{WORDPROCESSING_NS}\"><w:body>"
    );
    for &index in indices {
        if let Some(article) = project.articles.get(index) {
            article_xml(&mut xml, project, article, options);
        }
    }
    if options.officials_table {
        officials_xml(&mut xml, project, indices, options);
    }
    xml.push_str(SECTION);
    xml.push_str("</w:body></w:document>\n");
    xml
}

fn article_xml(xml: &mut String, project: &Project, article: &Article, options: &ExportOptions) {
    let closing_byline = article.byline_closes_article();
    for (slot, field) in article.fields_in_reading_order() {
        if field.is_empty() {
            continue;
        }
        let style = match slot {
            FieldSlot::Kicker => style::KICKER,
            FieldSlot::Headline => style::HEADLINE,
            FieldSlot::Subheadline => style::DECK,
            FieldSlot::Byline => style::BYLINE,
            FieldSlot::Paragraph(_) => paragraph_style(field.kind),
        };
        // A byline that closes the article stands at the right, as it does in print.
        let align = (slot == FieldSlot::Byline && closing_byline).then_some("right");
        paragraph_xml(xml, project, field, style, align, options);
    }
}

/// The style of a paragraph of the given kind.
pub fn paragraph_style(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Body => style::BODY,
        ParagraphKind::Crosshead => style::CROSSHEAD,
        ParagraphKind::Note => style::NOTE,
        ParagraphKind::Caption => style::CAPTION,
        ParagraphKind::Box => style::BOX,
    }
}

fn paragraph_xml(
    xml: &mut String,
    project: &Project,
    field: &TextField,
    style: &str,
    align: Option<&str>,
    options: &ExportOptions,
) {
    xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"");
    xml.push_str(style);
    xml.push_str("\"/>");
    if let Some(align) = align {
        xml.push_str("<w:jc w:val=\"");
        xml.push_str(align);
        xml.push_str("\"/>");
    }
    xml.push_str("</w:pPr>");
    let chars: Vec<char> = field.text.chars().collect();
    let mut pos = 0;
    if options.bold_entities {
        for span in options.spans(field) {
            let (start, end) = (span.start.min(chars.len()), span.end.min(chars.len()));
            if start < pos || start >= end {
                continue;
            }
            run_xml(xml, &chars[pos..start], None);
            let [r, g, b] = tint(project.entity_type(&span.kind).color);
            run_xml(
                xml,
                &chars[start..end],
                Some(&format!("{r:02X}{g:02X}{b:02X}")),
            );
            pos = end;
        }
    }
    run_xml(xml, &chars[pos..], None);
    xml.push_str("</w:p>");
}

/// A run of text; with `shading`, a highlighted entity mention shaded in that colour.
fn run_xml(xml: &mut String, chars: &[char], shading: Option<&str>) {
    if chars.is_empty() {
        return;
    }
    xml.push_str("<w:r>");
    if let Some(fill) = shading {
        xml.push_str("<w:rPr><w:rStyle w:val=\"");
        xml.push_str(style::ENTITY);
        xml.push_str("\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
        xml.push_str(fill);
        xml.push_str("\"/></w:rPr>");
    }
    let mut text = String::new();
    let flush = |xml: &mut String, text: &mut String| {
        if !text.is_empty() {
            xml.push_str("<w:t xml:space=\"preserve\">");
            xml.push_str(&escape(text.as_str()));
            xml.push_str("</w:t>");
            text.clear();
        }
    };
    let mut chars = chars.iter().peekable();
    while let Some(&c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&&'\n') {
                    chars.next();
                }
                flush(xml, &mut text);
                xml.push_str("<w:br/>");
            }
            '\t' => {
                flush(xml, &mut text);
                xml.push_str("<w:tab/>");
            }
            c if allowed_in_xml(c) => text.push(c),
            _ => {}
        }
    }
    flush(xml, &mut text);
    xml.push_str("</w:r>");
}

/// Whether XML 1.0 can hold the character at all (its `Char` production).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A light tint of an entity type's colour (three quarters white), dark text staying readable
/// on it in print.
fn tint(color: [u8; 3]) -> [u8; 3] {
    color.map(|c| (u16::from(c) + 3 * 255).div_ceil(4) as u8)
}

/// 本期官员: the officials mentioned in the articles at `indices`, one row per post.
fn officials_xml(xml: &mut String, project: &Project, indices: &[usize], options: &ExportOptions) {
    let mut articles_of: BTreeMap<EntityId, Vec<usize>> = BTreeMap::new();
    for &index in indices {
        let Some(article) = project.articles.get(index) else {
            continue;
        };
        for (_, field) in article.fields() {
            for span in options.spans(field) {
                if let Some(id) = mentioned_entity(project, field, span) {
                    let list = articles_of.entry(id).or_default();
                    if list.last() != Some(&(index + 1)) {
                        list.push(index + 1);
                    }
                }
            }
        }
    }
    let mut rows: Vec<[String; 4]> = Vec::new();
    for person in project.registry.officials() {
        let Some(articles) = articles_of.get(&person.id) else {
            continue;
        };
        let numbers = articles
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("、");
        for role in &person.roles {
            rows.push([
                person.name.clone(),
                role.title.clone(),
                role.org.clone(),
                numbers.clone(),
            ]);
        }
    }
    if rows.is_empty() {
        return;
    }
    let plain = ExportOptions::default();
    paragraph_xml(
        xml,
        project,
        &TextField::plain(OFFICIALS_HEADING),
        style::HEADLINE,
        None,
        &plain,
    );
    xml.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"");
    xml.push_str(style::TABLE);
    xml.push_str("\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>");
    for width in [1600, 2600, 3000, 1100] {
        xml.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
    }
    xml.push_str("</w:tblGrid>");
    let header = OFFICIALS_COLUMNS.map(String::from);
    for (i, row) in std::iter::once(&header).chain(&rows).enumerate() {
        xml.push_str("<w:tr>");
        if i == 0 {
            xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for cell in row {
            xml.push_str("<w:tc><w:p>");
            if i == 0 {
                xml.push_str("<w:pPr><w:jc w:val=\"center\"/></w:pPr>");
            }
            let chars: Vec<char> = cell.chars().collect();
            if i == 0 {
                xml.push_str("<w:r><w:rPr><w:b/></w:rPr>");
                xml.push_str("<w:t>");
                xml.push_str(&escape(cell.as_str()));
                xml.push_str("</w:t></w:r>");
            } else {
                run_xml(xml, &chars, None);
            }
            xml.push_str("</w:p></w:tc>");
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_hold_are_left_out_and_breaks_become_elements() {
        let mut xml = String::new();
        let chars: Vec<char> = "甲\u{7}乙\n丙\t<丁> ".chars().collect();
        run_xml(&mut xml, &chars, None);
        assert_eq!(
            xml,
            "<w:r><w:t xml:space=\"preserve\">甲乙</w:t><w:br/><w:t xml:space=\"preserve\">丙</w:t>\
             <w:tab/><w:t xml:space=\"preserve\">&lt;丁&gt; </w:t></w:r>"
        );
    }

    #[test]
    fn tints_are_light() {
        assert_eq!(tint([0, 0, 0]), [192, 192, 192]);
        assert_eq!(tint([255, 255, 255]), [255, 255, 255]);
        assert_eq!(tint([214, 69, 65]), [245, 209, 208]);
    }

    #[test]
    fn every_style_used_is_defined() {
        for id in [
            style::KICKER,
            style::HEADLINE,
            style::DECK,
            style::BYLINE,
            style::BODY,
            style::CROSSHEAD,
            style::NOTE,
            style::CAPTION,
            style::BOX,
            style::ENTITY,
            style::TABLE,
        ] {
            assert!(
                STYLES.contains(&format!("w:styleId=\"{id}\"")),
                "{id} is not in styles.xml"
            );
        }
    }
}
