//! The bad-input catalogue for raw texts: each case gets a clear message in the user's language
//! and produces no project, or imports cleanly (no U+FFFD, nothing lost, no hang).
//! Damaged project files are covered in `project_file.rs`, failing saves in `formats::project`.

use jiaodui::i18n::Lang;
use jiaodui::pipeline::{ImportError, MAX_IMPORT_BYTES, import_structure};

/// The import is refused, with a distinct message in both languages.
fn refused(bytes: &[u8]) -> ImportError {
    let error = import_structure(bytes, "bad.txt").expect_err("must be refused");
    let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "not Chinese: {zh}"
    );
    assert!(
        en.is_ascii() || en.chars().filter(|c| !c.is_ascii()).count() < 10,
        "not English: {en}"
    );
    assert_ne!(zh, en);
    error
}

#[test]
fn empty_file() {
    refused(b"");
}

#[test]
fn only_blank_lines() {
    refused(b"\n\n \n\t\r\n\xe3\x80\x80\n");
}

#[test]
fn binary_file() {
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    bytes.extend((0u8..=255).cycle().take(8192));
    refused(&bytes);
}

#[test]
fn truncated_utf8_is_decoded_without_the_broken_tail_or_refused() {
    let text = "高新区召开党工委会议\n\n本报讯 会议强调,要抓重点。";
    let bytes = &text.as_bytes()[..text.len() - 1];
    match import_structure(bytes, "t.txt") {
        Ok(project) => assert!(!project.source.text.contains('\u{fffd}')),
        Err(error) => assert!(!error.message(Lang::En).is_empty()),
    }
}

#[test]
fn gbk_and_utf8_lines_mixed_do_not_import_garbage() {
    let (gbk, _, _) = encoding_rs::GBK.encode("第一段用国标码写成。");
    let mut bytes = gbk.into_owned();
    bytes.extend_from_slice("\n\n第二段用统一码写成。\n".as_bytes());
    match import_structure(&bytes, "mixed.txt") {
        Ok(project) => {
            assert!(
                !project.source.text.contains('\u{fffd}'),
                "{}",
                project.source.text
            );
            assert!(project.source.text.contains("第一段用国标码写成"));
            assert!(project.source.text.contains("第二段用统一码写成"));
        }
        Err(error) => assert!(!error.message(Lang::Zh).is_empty()),
    }
}

#[test]
fn cr_only_line_ends_become_lines() {
    let text = jiaodui::SAMPLE_BULLETIN.replace('\n', "\r");
    let project = import_structure(text.as_bytes(), "cr.txt").unwrap();
    assert!(!project.source.text.contains('\r'));
    assert_eq!(project.articles.len(), 4);
}

#[test]
fn a_file_over_the_limit_is_refused_at_once() {
    let bytes = vec![b'a'; MAX_IMPORT_BYTES + 1];
    let error = refused(&bytes);
    assert!(matches!(error, ImportError::TooLarge { .. }));
    assert!(error.message(Lang::En).contains("limit"));
}

#[test]
fn a_line_of_a_million_characters_imports() {
    let line = "会议强调,要抓重点、攻难点,".repeat(1_000_000 / 14);
    let text = format!("标题\n\n{line}。\n");
    let project = import_structure(text.as_bytes(), "long.txt").unwrap();
    let total: usize = project
        .articles
        .iter()
        .flat_map(|a| a.fields().map(|(_, f)| f.char_len()).collect::<Vec<_>>())
        .sum();
    assert!(total >= 1_000_000 - 14, "text was lost: {total} chars");
}
