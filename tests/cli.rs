//! The command line as a user runs it: exit codes, messages in the user's language, files
//! written or, on bad input, not written.

use std::path::Path;
use std::process::{Command, Output};

fn jiaodui(lang: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", lang)
        .env("LANG", lang)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn import_writes_a_project_and_prints_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), jiaodui::SAMPLE_BULLETIN).unwrap();
    let out = jiaodui(
        "en_US.UTF-8",
        &["import", "b.txt", "--no-entities"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("encoding: UTF-8"), "{text}");
    assert!(text.contains("articles: 4"), "{text}");
    assert!(text.contains("paragraphs: 27"), "{text}");
    assert!(text.contains("joins: 8"), "{text}");
    let project = jiaodui::formats::project::load(&dir.path().join("b.jiaodui.ron")).unwrap();
    assert_eq!(project.articles.len(), 4);

    // A second import does not overwrite the project without --force.
    let again = jiaodui("en_US.UTF-8", &["import", "b.txt"], dir.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"));
}

#[test]
fn stats_reads_a_project_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), jiaodui::SAMPLE_BULLETIN).unwrap();
    assert!(
        jiaodui("C", &["import", "b.txt", "--no-entities"], dir.path())
            .status
            .success()
    );
    let out = jiaodui("zh_CN.UTF-8", &["stats", "b.jiaodui.ron"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("文章: 4"), "{}", stdout(&out));
}

/// Each bad file is refused with exit code 1, a message in the user's language, and no project.
#[test]
fn bad_raw_files_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>); 4] = [
        ("empty.txt", Vec::new()),
        ("blank.txt", b"\n\n   \n\r\n".to_vec()),
        ("binary.txt", (0u8..=255).cycle().take(4096).collect()),
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec(),
        ),
    ];
    for (name, bytes) in cases {
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        for lang in ["zh_CN.UTF-8", "en_US.UTF-8"] {
            let out = jiaodui(lang, &["import", name, "-o", "out.jiaodui.ron"], dir.path());
            assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
            let message = stderr(&out);
            if lang.starts_with("zh") {
                assert!(message.starts_with("错误"), "{name}: {message}");
            } else {
                assert!(message.starts_with("error"), "{name}: {message}");
            }
            assert!(
                !dir.path().join("out.jiaodui.ron").exists(),
                "{name}: a project was written"
            );
        }
    }
}

#[test]
fn a_damaged_project_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.jiaodui.ron"),
        "(\n  format: \"jiaodui-project\",\n  version: 1,\n  meta: (,\n",
    )
    .unwrap();
    let out = jiaodui("en_US.UTF-8", &["stats", "p.jiaodui.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line 4"), "{}", stderr(&out));
}

#[test]
fn bad_usage_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = jiaodui("en_US.UTF-8", &["import"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let out = jiaodui("en_US.UTF-8", &["frobnicate", "x", "y"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_reads_like_a_manual() {
    let dir = tempfile::tempdir().unwrap();
    let out = jiaodui("en_US.UTF-8", &["--help"], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    for word in ["import", "export", "stats", "tag", "Examples"] {
        assert!(text.contains(word), "--help lacks {word}");
    }
}
