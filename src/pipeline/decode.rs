//! Bytes → text: detects the encoding of a raw OCR file and refuses what is not text.
//!
//! Chinese OCR files arrive in whatever encoding the scanning station used: UTF-8 (with or
//! without a byte-order mark), UTF-16 from Windows tools, GBK/GB18030 from mainland software,
//! Big5 from Taiwan and Hong Kong. The order of the checks:
//!
//! 1. A byte-order mark decides the encoding outright (`UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`);
//!    content that is malformed in that encoding is refused, never patched.
//! 2. NUL bytes mean binary, unless they sit in the regular pattern of BOM-less UTF-16 text
//!    (every other byte of the ASCII characters), which is then decoded as such.
//! 3. Valid UTF-8 is UTF-8.
//! 4. Otherwise the file is a legacy Chinese encoding: `chardetng` tells GBK from Big5 and the
//!    bytes are decoded strictly (GBK as GB18030, its superset). Before that, each line is
//!    checked on its own, so that a line no encoding decodes (a damaged file) is named in the
//!    error, and a mixed file is recognised (below).
//!
//! **Mixed files** (some lines UTF-8, others GBK, typically two files pasted together) are
//! refused with [`DecodeError::MixedEncodings`], naming one line of each kind: decoding such a
//! file with one encoding garbles the other half without any visible error, and guessing per
//! line would silently turn a GBK line that happens to be valid UTF-8 into nonsense. The editor
//! re-saves the file in one encoding and imports again.
//!
//! Nothing is ever replaced by U+FFFD: bytes that do not decode cleanly are an error.
//! Line ends (`\r\n`, lone `\r`) and form feeds (page breaks in `pdftotext` output) become `\n`,
//! so raw line numbers mean the same thing on every platform.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::i18n::Lang;

/// Decoded raw text with line ends normalised to `\n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name as shown to the user (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, …).
    pub encoding: String,
}

/// Why bytes could not be imported as text. Each variant has its own advice for the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The file holds no bytes, or only whitespace: there is nothing to correct.
    Empty,
    /// The file is not text (NUL bytes, or more than a tenth control characters): a PDF, image
    /// or document was picked instead of the OCR text export.
    Binary,
    /// The file starts with the byte-order mark of `encoding`, but `line` is malformed in it.
    Malformed { encoding: String, line: usize },
    /// Some lines are UTF-8 and others a legacy Chinese encoding (GBK/GB18030/Big5).
    MixedEncodings {
        utf8_line: usize,
        legacy_line: usize,
    },
    /// Neither UTF-8 nor GB18030 nor Big5 decodes the file; `line` is the first line that is not
    /// valid UTF-8.
    Undecodable { line: usize },
}

impl DecodeError {
    /// The message for the user, in their language: what is wrong and what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DecodeError::Empty => lang
                .pick(
                    "文件是空的（或只有空白），没有可校对的文字。请选择 OCR 导出的文本文件。",
                    "The file is empty (or only whitespace): there is no text to correct. \
                     Choose the text file exported by the OCR.",
                )
                .to_string(),
            DecodeError::Binary => lang
                .pick(
                    "这不是文本文件（含有二进制数据）。请在 OCR 软件中把识别结果导出为 .txt 文本后再导入。",
                    "This is not a text file (it contains binary data). Export the OCR result as \
                     a .txt text file and import that.",
                )
                .to_string(),
            DecodeError::Malformed { encoding, line } => match lang {
                Lang::Zh => format!(
                    "文件标明是 {encoding} 编码，但第 {line} 行不是有效的 {encoding}，文件可能已损坏。\
                     请用文本编辑器打开并重新保存为 UTF-8 后再导入。"
                ),
                Lang::En => format!(
                    "The file is marked as {encoding}, but line {line} is not valid {encoding}; the \
                     file may be damaged. Open it in a text editor, save it again as UTF-8 and \
                     import it again."
                ),
            },
            DecodeError::MixedEncodings {
                utf8_line,
                legacy_line,
            } => match lang {
                Lang::Zh => format!(
                    "文件混用了两种编码：第 {utf8_line} 行是 UTF-8，第 {legacy_line} 行是 GBK/GB18030 或 Big5。\
                     请把各部分分别用正确的编码打开，统一另存为 UTF-8 后再导入。"
                ),
                Lang::En => format!(
                    "The file mixes two encodings: line {utf8_line} is UTF-8, line {legacy_line} is \
                     GBK/GB18030 or Big5. Open each part with its own encoding, save everything as \
                     UTF-8 and import again."
                ),
            },
            DecodeError::Undecodable { line } => match lang {
                Lang::Zh => format!(
                    "无法识别文件的编码（从第 {line} 行起既不是 UTF-8，也不是 GBK/GB18030 或 Big5）。\
                     请用文本编辑器另存为 UTF-8 后再导入。"
                ),
                Lang::En => format!(
                    "The file's encoding is not recognised (from line {line} on it is neither UTF-8 \
                     nor GBK/GB18030 nor Big5). Save it as UTF-8 in a text editor and import again."
                ),
            },
        }
    }
}

/// Decodes raw bytes into text with `\n` line ends, or says why they are not an OCR text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        decode_after_bom(encoding, &bytes[bom_len..])?
    } else if bytes.contains(&0) {
        decode_utf16_without_bom(bytes).ok_or(DecodeError::Binary)?
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (Cow::Borrowed(text), "UTF-8")
    } else {
        decode_legacy(bytes)?
    };
    let text = normalise(&text)?;
    Ok(Decoded {
        text,
        encoding: encoding.to_string(),
    })
}

/// Strictly decodes the bytes after a byte-order mark in the encoding it names.
fn decode_after_bom<'a>(
    encoding: &'static Encoding,
    bytes: &'a [u8],
) -> Result<(Cow<'a, str>, &'static str), DecodeError> {
    let name = if encoding == UTF_8 {
        "UTF-8 (BOM)"
    } else {
        encoding.name()
    };
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text, name)),
        None => Err(DecodeError::Malformed {
            encoding: name.to_string(),
            line: first_malformed_line(encoding, bytes),
        }),
    }
}

/// The 1-based line of the first malformed sequence (found by a replacing decode; error path only).
fn first_malformed_line(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let end = text.find('\u{FFFD}').unwrap_or(text.len());
    line_of_offset(&text[..end])
}

/// 1-based number of the line that `prefix`'s end falls on.
fn line_of_offset(prefix: &str) -> usize {
    1 + prefix.bytes().filter(|&b| b == b'\n').count()
}

/// BOM-less UTF-16: NUL bytes are the high bytes of ASCII characters, so nearly all sit at odd
/// offsets (little-endian) or at even offsets (big-endian; the few others are low bytes such as
/// that of U+4E00), and they make up a good share of the file. Anything else with NULs is binary.
fn decode_utf16_without_bom(bytes: &[u8]) -> Option<(Cow<'_, str>, &'static str)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == 0) {
        if i.is_multiple_of(2) {
            even += 1;
        } else {
            odd += 1;
        }
    }
    let pairs = bytes.len() / 2;
    let encoding = if odd >= 9 * even && odd * 8 >= pairs {
        UTF_16LE
    } else if even >= 9 * odd && even * 8 >= pairs {
        UTF_16BE
    } else {
        return None;
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some((text, encoding.name()))
}

/// Decodes a file that is not UTF-8 as GB18030 or Big5, whichever `chardetng` finds likelier.
fn decode_legacy(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str), DecodeError> {
    check_lines(bytes)?;
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(detection_sample(bytes), true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    let order = if guess == BIG5 {
        [BIG5, GB18030]
    } else {
        [GB18030, BIG5]
    };
    for encoding in order {
        if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
            return Ok((text, display_name(encoding)));
        }
    }
    // Every line decodes in one of the two, but not all in the same one.
    Err(DecodeError::Undecodable {
        line: first_malformed_line(order[0], bytes),
    })
}

/// How much of a file `chardetng` reads: plenty to tell GBK from Big5, and it keeps a large
/// import fast.
const DETECTION_BYTES: usize = 64 * 1024;

/// The first [`DETECTION_BYTES`] of the file, extended to the end of that line so no character
/// is cut (in GBK and Big5 a newline byte is never part of a character).
fn detection_sample(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= DETECTION_BYTES {
        return bytes;
    }
    let end = bytes[DETECTION_BYTES..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |at| DETECTION_BYTES + at);
    &bytes[..end]
}

/// The name shown to the user: GBK files are decoded as GB18030, their superset.
fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 || encoding == GBK {
        "GB18030"
    } else if encoding == BIG5 {
        "Big5"
    } else {
        encoding.name()
    }
}

/// Checks a file that is not UTF-8 line by line (a newline byte is never part of a GBK, GB18030
/// or Big5 character, so lines can be decoded apart):
/// - a line that neither UTF-8 nor GB18030 nor Big5 decodes makes the file undecodable, and is
///   named (a damaged file, or an encoding we do not read);
/// - a line that is certainly UTF-8 (valid, with at least two CJK characters: legacy Chinese
///   bytes almost never form that by accident) next to a legacy line makes a mixed file.
fn check_lines(bytes: &[u8]) -> Result<(), DecodeError> {
    let mut utf8_line = None;
    let mut legacy_line = None;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(text) => {
                if utf8_line.is_none() && text.chars().filter(|&c| is_cjk(c)).nth(1).is_some() {
                    utf8_line = Some(i + 1);
                }
            }
            Err(_) if !decodes_as_legacy(line) => {
                return Err(DecodeError::Undecodable { line: i + 1 });
            }
            Err(_) => {
                legacy_line.get_or_insert(i + 1);
            }
        }
        if let (Some(utf8_line), Some(legacy_line)) = (utf8_line, legacy_line) {
            return Err(DecodeError::MixedEncodings {
                utf8_line,
                legacy_line,
            });
        }
    }
    Ok(())
}

/// Whether GB18030 or Big5 decodes `line` without a malformed sequence.
fn decodes_as_legacy(line: &[u8]) -> bool {
    [GB18030, BIG5].iter().any(|encoding| {
        encoding
            .decode_without_bom_handling_and_without_replacement(line)
            .is_some()
    })
}

/// CJK ideographs and the full-width punctuation of Chinese text.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Normalises line ends and page breaks to `\n`, then refuses text that is more than a tenth
/// control characters (binary that happened to decode) or holds nothing but whitespace. Fewer
/// stray control characters (OCR noise) are kept: the text is never altered beyond line ends.
/// Text read out of a Word document goes through it too.
pub fn normalise(text: &str) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(text.len());
    let mut chars = 0usize;
    let mut controls = 0usize;
    let mut visible = false;
    let mut iter = text.chars().peekable();
    while let Some(c) = iter.next() {
        chars += 1;
        match c {
            '\r' => {
                if iter.peek() == Some(&'\n') {
                    iter.next();
                }
                out.push('\n');
            }
            '\u{0C}' => out.push('\n'),
            '\0' => return Err(DecodeError::Binary),
            _ => {
                if is_control(c) {
                    controls += 1;
                } else if !c.is_whitespace() {
                    visible = true;
                }
                out.push(c);
            }
        }
    }
    if controls * 10 > chars {
        return Err(DecodeError::Binary);
    }
    if !visible {
        return Err(DecodeError::Empty);
    }
    Ok(out)
}

/// Control characters that have no business in an OCR text (tab and line ends excepted).
fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("高新区\r\n会议".as_bytes()).unwrap();
        assert_eq!(plain.text, "高新区\n会议");
        assert_eq!(plain.encoding, "UTF-8");
        let bom = decode(b"\xEF\xBB\xBF\xE9\xAB\x98").unwrap();
        assert_eq!(bom.text, "高");
        assert_eq!(bom.encoding, "UTF-8 (BOM)");
    }

    #[test]
    fn cr_only_and_form_feed_become_newlines() {
        assert_eq!(decode(b"a\rb\r\rc\x0Cd").unwrap().text, "a\nb\n\nc\nd");
    }

    #[test]
    fn empty_and_blank_input_is_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \r\n\t\n"), Err(DecodeError::Empty));
        assert_eq!(decode("\u{3000}\n".as_bytes()), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Empty));
    }

    #[test]
    fn nul_bytes_and_control_characters_are_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00abc"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x01\x02\x03\x04text"), Err(DecodeError::Binary));
    }

    #[test]
    fn bom_less_utf16_is_recognised_by_its_nul_pattern() {
        let bytes: Vec<u8> = "Page 1 of 2: 第一版 (OCR)\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "Page 1 of 2: 第一版 (OCR)\n");
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn malformed_after_bom_names_the_line() {
        let error = decode(b"\xEF\xBB\xBFok\nok\n\xFF").unwrap_err();
        assert_eq!(
            error,
            DecodeError::Malformed {
                encoding: "UTF-8 (BOM)".into(),
                line: 3
            }
        );
        assert!(error.message(Lang::Zh).contains("第 3 行"));
        assert!(error.message(Lang::En).contains("line 3"));
    }

    #[test]
    fn messages_differ_per_error_and_language() {
        let errors = [
            DecodeError::Empty,
            DecodeError::Binary,
            DecodeError::Undecodable { line: 2 },
            DecodeError::MixedEncodings {
                utf8_line: 1,
                legacy_line: 2,
            },
        ];
        let mut seen = std::collections::HashSet::new();
        for error in &errors {
            for lang in [Lang::Zh, Lang::En] {
                assert!(
                    seen.insert(error.message(lang)),
                    "{error:?} repeats a message"
                );
            }
        }
    }
}
