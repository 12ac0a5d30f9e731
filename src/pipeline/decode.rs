//! Bytes → text: detects the encoding of a raw OCR file and refuses what is not text.

use crate::i18n::Lang;

/// Decoded raw text with line ends normalised to `\n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name as shown to the user (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, …).
    pub encoding: String,
}

/// Why bytes could not be imported as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
    Undecodable,
}

impl DecodeError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        lang.pick("无法读取", "cannot read").to_string()
    }
}

/// Decodes raw bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::Undecodable)?;
    Ok(Decoded {
        text: text.replace("\r\n", "\n"),
        encoding: "UTF-8".into(),
    })
}
