//! The text of a Word document, as import reads it: one line per paragraph, in document order.
//!
//! A paragraph (`w:p`) becomes one line: the text of its runs (`w:t`), a tab for `w:tab`, a line
//! end for a line or page break inside it (`w:br`, `w:cr`). An empty paragraph is an empty line,
//! as the blank lines of an OCR text are. A table is read row by row and, in each row, cell by
//! cell, each paragraph of a cell on its own line; a table inside a cell is read where it stands.
//! A text box is read where its anchor stands, once (`mc:Fallback`, the copy of the same content
//! for old readers, is skipped). Deleted text of tracked changes (`w:delText`) and field codes
//! (`w:instrText`) are not text the reader sees, so they are left out; inserted text is kept.
//!
//! The document is read as it streams out of the zip, so a large document is never held in
//! memory as XML, and the text read is capped (a zip can expand a thousandfold).

use std::io::{BufReader, Cursor, Read};

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use super::{
    DOCUMENT_PART, MARKUP_COMPATIBILITY_NS, OLE_MAGIC, WORDPROCESSING_NS, WORDPROCESSING_STRICT_NS,
    ZIP_MAGIC,
};
use crate::i18n::Lang;

/// Why the text of a Word document could not be read. Nothing is imported in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// A zip archive that holds no Word document (no `word/document.xml`).
    NotWord,
    /// The package or its document part cannot be read: cut short, corrupted, or not a zip at
    /// all though named `.docx`.
    Damaged,
    /// A Word 97–2003 `.doc` or a password-protected `.docx` (both are OLE compound files).
    OldOrEncrypted,
    /// The text is larger than the import limit.
    TooLarge { bytes: usize },
}

impl ReadError {
    /// The message for the user, in their language: what is wrong and what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReadError::NotWord => lang
                .pick(
                    "这是一个 zip 压缩包，但不是 Word 文档（其中没有 word/document.xml）。\
                     请选择 .docx 文档或 OCR 导出的 .txt 文本。没有导入任何内容。",
                    "This is a zip archive but not a Word document (it holds no \
                     word/document.xml). Choose a .docx document or the .txt text exported by \
                     the OCR. Nothing was imported.",
                )
                .to_string(),
            ReadError::Damaged => lang
                .pick(
                    "Word 文档（.docx）已损坏或不完整，无法读取。请在 Word 或 WPS 中打开它，\
                     重新另存为 .docx 后再导入。没有导入任何内容。",
                    "The Word document (.docx) is damaged or incomplete and cannot be read. Open \
                     it in Word or WPS, save it again as .docx and import that. Nothing was \
                     imported.",
                )
                .to_string(),
            ReadError::OldOrEncrypted => lang
                .pick(
                    "这是旧版 Word 文档（.doc）或设了密码的文档，无法读取。请在 Word 或 WPS 中\
                     另存为不设密码的 .docx 后再导入。没有导入任何内容。",
                    "This is an old Word document (.doc) or a password-protected one, which \
                     cannot be read. Save it in Word or WPS as a .docx without a password and \
                     import that. Nothing was imported.",
                )
                .to_string(),
            ReadError::TooLarge { bytes } => {
                let (mb, limit) = (
                    bytes / (1024 * 1024),
                    crate::pipeline::MAX_IMPORT_BYTES / (1024 * 1024),
                );
                match lang {
                    Lang::Zh => format!(
                        "Word 文档的文字过多（超过 {mb} MB，上限 {limit} MB）。请把它分成几个文档再导入。"
                    ),
                    Lang::En => format!(
                        "the Word document holds too much text (over {mb} MB; the limit is {limit} MB). Split it into several documents and import those."
                    ),
                }
            }
        }
    }
}

/// One paragraph of a Word document: its style id (`Heading1`, …; none for the default style)
/// and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub style: Option<String>,
    pub text: String,
}

/// The text of the Word document in `bytes`, one line per paragraph (see the module doc), at
/// most `max_bytes` of it.
pub fn text(bytes: &[u8], max_bytes: usize) -> Result<String, ReadError> {
    let paragraphs = paragraphs(bytes, max_bytes)?;
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.text.len() + 1).sum());
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&paragraph.text);
    }
    Ok(text)
}

/// The paragraphs of the Word document in `bytes`, in document order (see the module doc), with
/// at most `max_bytes` of text.
pub fn paragraphs(bytes: &[u8], max_bytes: usize) -> Result<Vec<Paragraph>, ReadError> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ReadError::OldOrEncrypted);
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(ReadError::Damaged);
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ReadError::Damaged)?;
    let part = match archive.by_name(DOCUMENT_PART) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Err(ReadError::NotWord),
        Err(_) => return Err(ReadError::Damaged),
    };
    document_paragraphs(BufReader::new(part), max_bytes)
}

/// What an element of the document means to the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Element {
    Paragraph,
    /// `w:pStyle`, whose `w:val` names the paragraph's style.
    ParagraphStyle,
    Text,
    Tab,
    LineBreak,
    NonBreakingHyphen,
    /// `mc:Fallback`: a second copy of content already read in its `mc:Choice`.
    Fallback,
    Other,
}

fn element(namespace: &ResolveResult, local: &str) -> Element {
    let ResolveResult::Bound(namespace) = namespace else {
        return Element::Other;
    };
    let namespace = namespace.0;
    if namespace == MARKUP_COMPATIBILITY_NS {
        return if local == "Fallback" {
            Element::Fallback
        } else {
            Element::Other
        };
    }
    if namespace != WORDPROCESSING_NS && namespace != WORDPROCESSING_STRICT_NS {
        return Element::Other;
    }
    match local {
        "p" => Element::Paragraph,
        "pStyle" => Element::ParagraphStyle,
        "t" => Element::Text,
        "tab" | "ptab" => Element::Tab,
        "br" | "cr" => Element::LineBreak,
        "noBreakHyphen" => Element::NonBreakingHyphen,
        _ => Element::Other,
    }
}

/// Reads `word/document.xml` as it streams: open paragraphs on a stack (a text box's paragraphs
/// sit inside a paragraph of the body), the text of `w:t` added to the innermost one.
fn document_paragraphs(
    source: impl std::io::BufRead,
    max_bytes: usize,
) -> Result<Vec<Paragraph>, ReadError> {
    let mut reader = NsReader::from_reader(source);
    let mut buf = Vec::new();
    let mut lines: Vec<Paragraph> = Vec::new();
    let mut open: Vec<Paragraph> = Vec::new();
    let new_paragraph = || Paragraph {
        style: None,
        text: String::new(),
    };
    let mut text_depth = 0usize;
    let mut fallback_depth = 0usize;
    let mut total = 0usize;
    loop {
        let (namespace, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|_| ReadError::Damaged)?;
        match event {
            Event::Eof => break,
            Event::Start(start) => {
                let kind = element(&namespace, start.local_name().as_ref());
                if fallback_depth > 0 || kind == Element::Fallback {
                    fallback_depth += 1;
                } else {
                    match kind {
                        Element::Paragraph => open.push(new_paragraph()),
                        Element::Text => text_depth += 1,
                        Element::ParagraphStyle => {
                            if let Some(paragraph) = open.last_mut() {
                                paragraph.style = style_value(&start);
                            }
                        }
                        _ => {}
                    }
                }
            }
            Event::End(end) => {
                let kind = element(&namespace, end.local_name().as_ref());
                if fallback_depth > 0 {
                    fallback_depth -= 1;
                } else {
                    match kind {
                        Element::Paragraph => {
                            let line = open.pop().ok_or(ReadError::Damaged)?;
                            total += line.text.len() + 1;
                            lines.push(line);
                        }
                        Element::Text => text_depth = text_depth.saturating_sub(1),
                        _ => {}
                    }
                }
            }
            Event::Empty(empty) if fallback_depth == 0 => {
                let kind = element(&namespace, empty.local_name().as_ref());
                let added = match kind {
                    Element::Paragraph => {
                        lines.push(new_paragraph());
                        total += 1;
                        None
                    }
                    Element::ParagraphStyle => {
                        if let Some(paragraph) = open.last_mut() {
                            paragraph.style = style_value(&empty);
                        }
                        None
                    }
                    Element::Tab => Some('\t'),
                    Element::LineBreak => Some('\n'),
                    Element::NonBreakingHyphen => Some('\u{2011}'),
                    _ => None,
                };
                if let (Some(c), Some(line)) = (added, open.last_mut()) {
                    line.text.push(c);
                    total += c.len_utf8();
                }
            }
            Event::Text(text) if fallback_depth == 0 && text_depth > 0 => {
                if let Some(line) = open.last_mut() {
                    let text = text.xml10_content();
                    total += text.len();
                    line.text.push_str(&text);
                }
            }
            Event::GeneralRef(reference) if fallback_depth == 0 && text_depth > 0 => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        quick_xml::escape::resolve_predefined_entity(&reference.xml10_content())
                            .ok_or(ReadError::Damaged)?
                            .to_string()
                    }
                    Err(_) => return Err(ReadError::Damaged),
                };
                if let Some(line) = open.last_mut() {
                    total += resolved.len();
                    line.text.push_str(&resolved);
                }
            }
            _ => {}
        }
        if total > max_bytes {
            return Err(ReadError::TooLarge { bytes: total });
        }
        buf.clear();
    }
    if !open.is_empty() {
        return Err(ReadError::Damaged);
    }
    Ok(lines)
}

/// The `val` attribute of a `w:pStyle` (namespace prefixes aside).
fn style_value(element: &quick_xml::events::BytesStart) -> Option<String> {
    element
        .attributes()
        .filter_map(Result::ok)
        .find(|a| a.key.local_name().as_ref() == "val")
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// The whole of a part of a package, for tests and the export preview (which read back what
/// was written). `None` when the package or the part cannot be read.
pub fn part(package: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).ok()?;
    let mut file = archive.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(xml_body: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"{WORDPROCESSING_NS}\" xmlns:mc=\"{MARKUP_COMPATIBILITY_NS}\">\
             <w:body>{xml_body}</w:body></w:document>"
        )
    }

    fn read(xml_body: &str) -> Result<String, ReadError> {
        document_text(body(xml_body).as_bytes(), usize::MAX)
    }

    fn document_text(xml: &[u8], max_bytes: usize) -> Result<String, ReadError> {
        let paragraphs = document_paragraphs(xml, max_bytes)?;
        Ok(paragraphs
            .into_iter()
            .map(|p| p.text)
            .collect::<Vec<_>>()
            .join("\n"))
    }

    #[test]
    fn paragraph_styles_are_read() {
        let xml = body(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>题</w:t></w:r></w:p><w:p><w:r><w:t>文</w:t></w:r></w:p>",
        );
        let paragraphs = document_paragraphs(xml.as_bytes(), usize::MAX).unwrap();
        assert_eq!(paragraphs[0].style.as_deref(), Some("Heading1"));
        assert_eq!(paragraphs[0].text, "题");
        assert_eq!(paragraphs[1].style, None);
    }

    #[test]
    fn runs_tabs_breaks_and_entities_make_one_line_per_paragraph() {
        let text = read(
            "<w:p><w:r><w:t>高新区</w:t></w:r><w:r><w:t xml:space=\"preserve\"> 召开&amp;会议</w:t></w:r></w:p>\
             <w:p/>\
             <w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙&#x4E01;</w:t></w:r></w:p>",
        )
        .unwrap();
        assert_eq!(text, "高新区 召开&会议\n\n甲\t乙\n丙丁");
    }

    #[test]
    fn deleted_text_field_codes_and_fallback_copies_are_left_out() {
        let text = read(
            "<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins>\
             <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>1</w:t></w:r></w:p>\
             <w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
             <mc:Fallback><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>\
             <w:r><w:t>正文</w:t></w:r></w:p>",
        )
        .unwrap();
        assert_eq!(text, "新1\n框内\n正文");
    }

    #[test]
    fn text_in_another_namespace_is_not_read() {
        let text = read(
            "<w:p xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"><w:r><w:t>a</w:t></w:r><m:r><m:t>x</m:t></m:r></w:p>",
        )
        .unwrap();
        assert_eq!(text, "a");
    }

    #[test]
    fn malformed_xml_and_a_paragraph_left_open_are_damage() {
        assert_eq!(
            read("<w:p><w:r><w:t>a</w:r></w:p>"),
            Err(ReadError::Damaged)
        );
        let cut = body("<w:p><w:r><w:t>a</w:t></w:r></w:p>");
        let cut = &cut[..cut.find("</w:p>").unwrap()];
        assert_eq!(
            document_text(cut.as_bytes(), usize::MAX),
            Err(ReadError::Damaged)
        );
    }

    #[test]
    fn text_over_the_cap_is_refused() {
        let paragraph = "<w:p><w:r><w:t>一二三四五六七八九十</w:t></w:r></w:p>".repeat(10);
        let xml = body(&paragraph);
        assert!(matches!(
            document_text(xml.as_bytes(), 100),
            Err(ReadError::TooLarge { .. })
        ));
        assert!(document_text(xml.as_bytes(), 1000).is_ok());
    }

    #[test]
    fn old_word_files_and_non_zips_are_refused_with_their_reason() {
        let mut doc = OLE_MAGIC.to_vec();
        doc.extend_from_slice(&[0; 64]);
        assert_eq!(text(&doc, usize::MAX), Err(ReadError::OldOrEncrypted));
        assert_eq!(text(b"plain text", usize::MAX), Err(ReadError::Damaged));
        assert_eq!(
            text(b"PK\x03\x04 cut short", usize::MAX),
            Err(ReadError::Damaged)
        );
    }

    #[test]
    fn messages_differ_per_error_and_language() {
        let errors = [
            ReadError::NotWord,
            ReadError::Damaged,
            ReadError::OldOrEncrypted,
            ReadError::TooLarge { bytes: 1 << 30 },
        ];
        let mut seen = std::collections::HashSet::new();
        for error in &errors {
            for lang in [Lang::Zh, Lang::En] {
                assert!(seen.insert(error.message(lang)), "{error:?} repeats");
            }
        }
    }
}
