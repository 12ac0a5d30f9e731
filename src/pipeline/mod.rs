//! The first pass over a raw bulletin: bytes → text ([`decode`], or the text of a Word document
//! read by [`crate::formats::docx::read`]), text → articles and repaired paragraphs
//! ([`structure`]), articles → suggested entities ([`entities`]).

pub mod decode;
pub mod entities;
pub mod punctuation;
pub mod structure;

use crate::i18n::Lang;
use crate::model::{Project, Source};

/// Why a raw file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Decode(decode::DecodeError),
    /// A Word document whose text could not be read.
    Word(crate::formats::docx::read::ReadError),
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge {
        bytes: usize,
    },
}

/// The largest raw file imported at once: 64 MB, several years of a weekly bulletin. Larger
/// files are refused at once with a clear message instead of tying up the window for minutes.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

impl ImportError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Decode(error) => error.message(lang),
            ImportError::Word(error) => error.message(lang),
            ImportError::TooLarge { bytes } => {
                let (mb, limit) = (bytes / (1024 * 1024), MAX_IMPORT_BYTES / (1024 * 1024));
                match lang {
                    Lang::Zh => format!(
                        "文件过大({mb} MB,上限 {limit} MB)。请先把它按月或按期分成几个文件再导入。"
                    ),
                    Lang::En => format!(
                        "the file is too large ({mb} MB; the limit is {limit} MB). Split it into several files (by month or issue) and import those."
                    ),
                }
            }
        }
    }
}

/// Decodes and structures a raw bulletin, without entity suggestions (fast: no dictionary).
/// `name` is the file's name: with the first bytes it tells a Word document (`.docx`) from a
/// text, and it is kept as the project's source.
pub fn import_structure(bytes: &[u8], name: &str) -> Result<Project, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let decoded = decode_file(bytes, name)?;
    let structure = structure::recover(&decoded.text);
    let mut project = Project::new(Source {
        name: name.to_string(),
        sha256: sha256_hex(bytes),
        encoding: decoded.encoding,
        text: decoded.text,
    });
    project.articles = structure.articles;
    project.furniture = structure.furniture;
    Ok(project)
}

/// The whole import: decoding, structure and entity suggestions with the shared tagger, loaded
/// (on first use) while the text is decoded and structured.
pub fn import(bytes: &[u8], name: &str) -> Result<Project, ImportError> {
    import_loading(bytes, name, entities::Tagger::shared)
}

/// The whole import with the tagger `load` gives, called on another thread while this one
/// decodes and structures the text: loading the tagger and structure need nothing of each
/// other, so the import takes the longer of the two, not their sum.
pub fn import_loading<T>(
    bytes: &[u8],
    name: &str,
    load: impl FnOnce() -> T + Send,
) -> Result<Project, ImportError>
where
    T: std::borrow::Borrow<entities::Tagger> + Send,
{
    let (project, tagger) = std::thread::scope(|scope| {
        let loading = scope.spawn(load);
        let project = import_structure(bytes, name);
        (
            project,
            loading.join().expect("loading the tagger panicked"),
        )
    });
    let mut project = project?;
    let suggestions = entities::suggest_project(&project, tagger.borrow());
    suggestions
        .apply(&mut project)
        .expect("suggestions are made for the project they apply to");
    Ok(project)
}

/// The whole import with a given tagger (benchmarks measure a freshly loaded one).
pub fn import_with(
    bytes: &[u8],
    name: &str,
    tagger: &entities::Tagger,
) -> Result<Project, ImportError> {
    import_prepared_with(bytes, name, tagger, |_| {})
}

/// The whole import with `prepare` run on the structured project before the suggestions are
/// made: a collection adds there what the editor decided in other issues (confirmed names,
/// rejections, merged entities), so the suggestions already follow it.
pub fn import_prepared_with(
    bytes: &[u8],
    name: &str,
    tagger: &entities::Tagger,
    prepare: impl FnOnce(&mut Project),
) -> Result<Project, ImportError> {
    let mut project = import_structure(bytes, name)?;
    prepare(&mut project);
    let suggestions = entities::suggest_project(&project, tagger);
    suggestions
        .apply(&mut project)
        .expect("suggestions are made for the project they apply to");
    Ok(project)
}

/// The text of a raw file: a Word document's paragraphs, or the decoded bytes of a text file.
/// Either way the text is normalised the same way (line ends, control characters, blank).
fn decode_file(bytes: &[u8], name: &str) -> Result<decode::Decoded, ImportError> {
    use crate::formats::docx;
    if !docx::is_word_file(bytes, name) {
        return decode::decode(bytes).map_err(ImportError::Decode);
    }
    let text = docx::read::text(bytes, MAX_IMPORT_BYTES).map_err(ImportError::Word)?;
    Ok(decode::Decoded {
        text: decode::normalise(&text).map_err(ImportError::Decode)?,
        encoding: docx::ENCODING_LABEL.to_string(),
    })
}

/// Hex SHA-256 of `bytes`, stored so a project can tell whether its raw file changed.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
