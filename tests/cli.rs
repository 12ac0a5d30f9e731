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

#[test]
fn tag_prints_one_json_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .arg("tag")
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all("管委会主任张红军主持会议。\n\n".as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["text"], "管委会主任张红军主持会议。");
    let person = lines[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "PERSON")
        .expect("a person");
    assert_eq!(
        (person["start"].as_u64(), person["end"].as_u64()),
        (Some(5), Some(8))
    );
    assert_eq!(person["text"], "张红军");
    assert_eq!(lines[1]["entities"].as_array().unwrap().len(), 0);
}

#[test]
fn export_writes_jsonl_with_the_agreed_keys() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), jiaodui::SAMPLE_BULLETIN).unwrap();
    assert!(
        jiaodui("C", &["import", "b.txt"], dir.path())
            .status
            .success()
    );
    let out = jiaodui(
        "C",
        &["export", "b.jiaodui.ron", "--format", "jsonl"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let articles: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(articles.len(), 4);
    for key in [
        "id",
        "kicker",
        "headline",
        "subheadline",
        "byline",
        "paragraphs",
        "entities",
    ] {
        assert!(articles[0].get(key).is_some(), "missing {key}");
    }
    let entity = &articles[0]["entities"][0];
    for key in [
        "type",
        "text",
        "field",
        "paragraph",
        "start",
        "end",
        "status",
        "entity",
    ] {
        assert!(entity.get(key).is_some(), "entity lacks {key}");
    }
    let out = jiaodui(
        "C",
        &["export", "b.jiaodui.ron", "--format", "brat"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "a multi-file format needs -o");
    let out = jiaodui(
        "C",
        &["export", "b.jiaodui.ron", "--format", "brat", "-o", "brat"],
        dir.path(),
    );
    assert!(out.status.success());
    assert!(dir.path().join("brat").read_dir().unwrap().count() >= 8);
}

#[test]
fn export_never_replaces_a_file_without_force_and_never_the_source_or_project() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), jiaodui::SAMPLE_BULLETIN).unwrap();
    assert!(
        jiaodui("C", &["import", "b.txt"], dir.path())
            .status
            .success()
    );
    let project_before = std::fs::read(dir.path().join("b.jiaodui.ron")).unwrap();
    std::fs::write(dir.path().join("out.md"), "keep").unwrap();
    let out = jiaodui(
        "C",
        &["export", "b.jiaodui.ron", "--format", "md", "-o", "out.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.md")).unwrap(),
        "keep"
    );
    let out = jiaodui(
        "zh_CN.UTF-8",
        &[
            "export",
            "b.jiaodui.ron",
            "--format",
            "md",
            "-o",
            "out.md",
            "--force",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(dir.path().join("out.md"))
            .unwrap()
            .starts_with("# ")
    );
    // The raw text and the project, even with --force, even spelled another way.
    for target in ["b.txt", "./b.txt", "b.jiaodui.ron"] {
        let out = jiaodui(
            "zh_CN.UTF-8",
            &[
                "export",
                "b.jiaodui.ron",
                "--format",
                "txt",
                "-o",
                target,
                "--force",
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{target}");
        assert!(stderr(&out).contains("没有写入"), "{}", stderr(&out));
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.txt")).unwrap(),
        jiaodui::SAMPLE_BULLETIN
    );
    assert_eq!(
        std::fs::read(dir.path().join("b.jiaodui.ron")).unwrap(),
        project_before
    );
    // A folder export lists nothing it may not replace: a second brat export needs --force.
    let brat = ["export", "b.jiaodui.ron", "--format", "brat", "-o", "brat"];
    assert!(jiaodui("C", &brat, dir.path()).status.success());
    assert_eq!(jiaodui("C", &brat, dir.path()).status.code(), Some(1));
}

#[test]
fn import_never_writes_over_its_raw_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), jiaodui::SAMPLE_BULLETIN).unwrap();
    let out = jiaodui(
        "C",
        &["import", "b.txt", "-o", "b.txt", "--force"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("raw text"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.txt")).unwrap(),
        jiaodui::SAMPLE_BULLETIN
    );
}
