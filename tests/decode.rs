//! Decoding real encoded bytes: every encoding the scanning stations produce, and the files that
//! must be refused.

use encoding_rs::{BIG5, GBK, UTF_16BE, UTF_16LE};
use jiaodui::i18n::Lang;
use jiaodui::pipeline::decode::{DecodeError, decode};

const SIMPLIFIED: &str = "高新区召开党工委（扩大）会议\r\n\r\n本报讯 6月10日，会议强调，要重统筹、善谋划。\r\n记者 孙庆辉\r\n";
const TRADITIONAL: &str =
    "高新區召開黨工委（擴大）會議\n\n本報訊 6月10日，會議強調，要重統籌、善謀劃。\n記者 孫慶輝\n";

fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(
        !unmappable,
        "test text must be encodable in {}",
        encoding.name()
    );
    bytes.into_owned()
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|unit| {
            if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            }
        })
        .collect()
}

fn expected(text: &str) -> String {
    text.replace("\r\n", "\n")
}

#[test]
fn gbk_bytes_decode_as_gb18030() {
    let decoded = decode(&encode(GBK, SIMPLIFIED)).expect("GBK decodes");
    assert_eq!(decoded.encoding, "GB18030");
    assert_eq!(decoded.text, expected(SIMPLIFIED));
}

#[test]
fn gb18030_four_byte_characters_decode() {
    // 𠀀 (U+20000) and 㐀 exist only in GB18030's four-byte range, not in GBK.
    let text = "古籍用字𠀀与㐀并存，会议记录如下。\n".repeat(5);
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let decoded = decode(&bytes).expect("GB18030 decodes");
    assert_eq!(decoded.text, text);
    assert_eq!(decoded.encoding, "GB18030");
}

#[test]
fn big5_bytes_decode_as_big5() {
    let text = TRADITIONAL.repeat(4);
    let decoded = decode(&encode(BIG5, &text)).expect("Big5 decodes");
    assert_eq!(decoded.encoding, "Big5");
    assert_eq!(decoded.text, text);
    // Larger than the detector's sample.
    let long = TRADITIONAL.repeat(1500);
    let bytes = encode(BIG5, &long);
    assert!(bytes.len() > 100 * 1024);
    assert_eq!(decode(&bytes).unwrap().encoding, "Big5");
}

#[test]
fn utf16_with_bom_in_both_byte_orders() {
    let mut le = vec![0xFF, 0xFE];
    le.extend(utf16(SIMPLIFIED, true));
    let decoded = decode(&le).expect("UTF-16LE decodes");
    assert_eq!(decoded.encoding, "UTF-16LE");
    assert_eq!(decoded.text, expected(SIMPLIFIED));

    let mut be = vec![0xFE, 0xFF];
    be.extend(utf16(SIMPLIFIED, false));
    let decoded = decode(&be).expect("UTF-16BE decodes");
    assert_eq!(decoded.encoding, "UTF-16BE");
    assert_eq!(decoded.text, expected(SIMPLIFIED));
    // encoding_rs agrees with the hand-made bytes.
    assert_eq!(UTF_16LE.decode(&le).0, UTF_16BE.decode(&be).0);
}

#[test]
fn utf8_with_bom_and_line_ends() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend("第一行\r第二行\r\n第三行\n".as_bytes());
    let decoded = decode(&bytes).unwrap();
    assert_eq!(decoded.encoding, "UTF-8 (BOM)");
    assert_eq!(decoded.text, "第一行\n第二行\n第三行\n");
}

#[test]
fn the_sample_bulletin_is_utf8() {
    let decoded = decode(jiaodui::SAMPLE_BULLETIN.as_bytes()).unwrap();
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(decoded.text, jiaodui::SAMPLE_BULLETIN);
}

#[test]
fn a_mix_of_gbk_and_utf8_lines_is_refused_naming_both() {
    let mut bytes = encode(GBK, "高新区召开党工委会议\n");
    bytes.extend("传达学习省委精神\n".as_bytes());
    bytes.extend(encode(GBK, "记者 孙庆辉\n"));
    let error = decode(&bytes).unwrap_err();
    assert_eq!(
        error,
        DecodeError::MixedEncodings {
            utf8_line: 2,
            legacy_line: 1
        }
    );
    let message = error.message(Lang::Zh);
    assert!(
        message.contains("第 2 行") && message.contains("第 1 行"),
        "{message}"
    );
}

#[test]
fn bytes_no_encoding_decodes_are_refused_without_replacement() {
    // A lone GBK lead byte at the end and a lone 0x80 are malformed in GB18030 and in Big5.
    let bytes = b"abc\n\x80\x80 \xFF";
    let error = decode(bytes).unwrap_err();
    assert_eq!(error, DecodeError::Undecodable { line: 2 });
    assert!(error.message(Lang::En).contains("line 2"));
}

#[test]
fn a_damaged_utf8_file_names_the_damaged_line_not_a_mix() {
    let mut bytes = "第一行文字\n第二行文字\n".as_bytes().to_vec();
    bytes.extend(b"\xFF\xFE\xFF\n");
    bytes.extend("第四行文字\n".as_bytes());
    assert_eq!(decode(&bytes), Err(DecodeError::Undecodable { line: 3 }));
}

#[test]
fn malformed_utf16_after_bom_is_refused() {
    // An unpaired high surrogate on the second line.
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(utf16("第一行\n", true));
    bytes.extend([0x00, 0xD8, 0x41, 0x00]);
    assert_eq!(
        decode(&bytes),
        Err(DecodeError::Malformed {
            encoding: "UTF-16LE".into(),
            line: 2
        })
    );
}

#[test]
fn binary_and_empty_files_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01";
    assert_eq!(decode(png), Err(DecodeError::Binary));
    assert_eq!(decode(&[0x07; 64]), Err(DecodeError::Binary));
    assert_eq!(decode(b"\n\n   \r\n"), Err(DecodeError::Empty));
    let mut blank_utf16 = vec![0xFF, 0xFE];
    blank_utf16.extend(utf16(" \n\u{3000}\n", true));
    assert_eq!(decode(&blank_utf16), Err(DecodeError::Empty));
}

#[test]
fn decoded_text_never_contains_replacement_characters() {
    for bytes in [
        encode(GBK, SIMPLIFIED),
        encode(BIG5, &TRADITIONAL.repeat(4)),
        SIMPLIFIED.as_bytes().to_vec(),
    ] {
        let decoded = decode(&bytes).unwrap();
        assert!(!decoded.text.contains('\u{FFFD}'));
        assert!(!decoded.text.contains('\r'));
    }
}

#[test]
fn a_megabyte_of_gbk_decodes() {
    let text = jiaodui::SAMPLE_BULLETIN.repeat(160);
    let bytes = encode(GBK, &text);
    assert!(bytes.len() > 1_000_000);
    assert_eq!(decode(&bytes).unwrap().text, text);
}
