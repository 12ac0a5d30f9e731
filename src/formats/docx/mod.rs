//! Word documents (`.docx`): reading the text of one for import ([`read`]), writing the
//! corrected articles as one ([`write`]).
//!
//! OCR stations in Chinese offices often deliver their output as Word documents, and corrected
//! articles are expected back in Word. A `.docx` is a zip package of XML parts (ECMA-376, Office
//! Open XML); both directions need only a few of them, so they are handled with the `zip` crate
//! and `quick-xml` (already used for TEI) rather than `docx-rs`: reading needs the text of the
//! paragraphs and table cells in document order, which a streaming pass over
//! `word/document.xml` gives without building a model of the whole document, and writing needs
//! a small fixed package whose every element the tests can check. `docx-rs` would also bring its
//! own older `zip` and `quick-xml` and an image library into the build for none of that.
//!
//! The part names, namespaces and style ids shared by both directions live here, once.

pub mod read;
pub mod write;

/// The main document part, where Word and WPS keep the body text.
pub const DOCUMENT_PART: &str = "word/document.xml";

/// The WordprocessingML namespace of transitional documents (what Word, WPS and LibreOffice
/// write).
pub const WORDPROCESSING_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The WordprocessingML namespace of strict documents (Word's "Strict Open XML" save option).
pub const WORDPROCESSING_STRICT_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/// The markup-compatibility namespace: `mc:AlternateContent` holds the same content twice (a
/// `Choice` for new readers and a `Fallback` for old ones), so a reader takes one of them.
pub const MARKUP_COMPATIBILITY_NS: &str =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// What the first bytes of every zip archive are (a local file header), `.docx` included.
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// What the first bytes of an OLE compound file are: Word 97–2003 `.doc`, and also a `.docx`
/// protected by a password (Word encrypts the package into such a file).
pub const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// What import shows as the "encoding" of a Word document's text.
pub const ENCODING_LABEL: &str = "Word (.docx)";

/// Whether a file is to be read as a Word document rather than as text: a zip archive (no text
/// file starts with those bytes), a file named `.docx`, or an old-format file named `.doc`
/// (refused with its own advice instead of as binary).
pub fn is_word_file(bytes: &[u8], name: &str) -> bool {
    let name = name.to_lowercase();
    bytes.starts_with(ZIP_MAGIC)
        || name.ends_with(".docx")
        || (name.ends_with(".doc") && bytes.starts_with(OLE_MAGIC))
}

/// The style ids of exported documents, defined in `assets/docx/styles.xml` (which the tests
/// check holds every one of them). Word shows the built-in ones (`Heading1`, `Subtitle`,
/// `Caption`, `BodyText`) under its own localised names, 标题 1, 副标题, 题注, 正文文本.
pub mod style {
    /// 引题: the line above the headline.
    pub const KICKER: &str = "Kicker";
    /// The headline.
    pub const HEADLINE: &str = "Heading1";
    /// The deck (副题).
    pub const DECK: &str = "Subtitle";
    pub const BYLINE: &str = "Byline";
    /// Body text, with the first line indented by two characters.
    pub const BODY: &str = "BodyText";
    /// A crosshead (小标题) inside an article.
    pub const CROSSHEAD: &str = "Heading2";
    pub const NOTE: &str = "Note";
    pub const CAPTION: &str = "Caption";
    /// A paragraph of a side box: framed and shaded, so that consecutive ones form one box.
    pub const BOX: &str = "Box";
    /// The character style of a highlighted entity mention (bold; the shading is its type's
    /// colour, set on the run).
    pub const ENTITY: &str = "Entity";
    /// The grid of the officials table.
    pub const TABLE: &str = "TableGrid";
}
