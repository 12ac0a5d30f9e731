//! The project file: round trips, atomic saving with a backup, and refusal of damaged, foreign
//! or newer files without touching them.

use std::fs;

use jiaodui::formats::project::{self, ProjectError, backup_path, from_ron, load, save, to_ron};
use jiaodui::i18n::Lang;
use jiaodui::model::*;
use proptest::prelude::*;

fn handmade() -> Project {
    let mut p = Project::new(Source {
        name: "bulletin.txt".into(),
        sha256: "00ff".into(),
        encoding: "GB18030".into(),
        text: "标题\n\n本报讯 管委会主任张红军主持会议。\n\"引号\" \\ 反斜杠 𠀀 🙂".into(),
    });
    let mut a = Article::new(ArticleId(0));
    a.headline = TextField::from_lines("标题", vec![LineRange::single(1)]);
    let mut lead = TextField::from_lines(
        "本报讯 管委会主任张红军主持会议。",
        vec![LineRange::single(3)],
    );
    lead.insert_span(Span::suggested(4, 7, EntityKind::Org, "org:suffix"));
    lead.insert_span(Span::by_editor(9, 12, EntityKind::Person));
    a.paragraphs.push(lead);
    a.paragraphs
        .push(TextField::plain("\"引号\" \\ 反斜杠 𠀀 🙂"));
    a.decisions.push(Decision {
        rule: "headline:short-unpunctuated".into(),
        lines: LineRange::single(1),
        note: String::new(),
    });
    p.articles.push(a);
    let id = p.registry.add(EntityKind::Person, "张红军");
    p.registry.get_mut(id).unwrap().roles.push(Role {
        title: "主任".into(),
        org: "管委会".into(),
    });
    p.rejected.push(Rejection {
        text: "明白".into(),
        kind: EntityKind::Person,
    });
    p.furniture.push(FurnitureLine {
        line: 2,
        text: "第3版".into(),
        rule: "furniture:page-number".into(),
    });
    p
}

#[test]
fn a_project_round_trips_through_ron() {
    let p = handmade();
    let text = to_ron(&p);
    assert!(
        text.starts_with("(\n  format: \"jiaodui-project\",\n  version: 2,"),
        "{}",
        &text[..80]
    );
    assert!(
        text.contains("张红军"),
        "Chinese is written as is, not escaped"
    );
    assert_eq!(from_ron(&text).unwrap(), p);
}

#[test]
fn the_raw_text_is_one_ron_line_per_raw_line() {
    let text = to_ron(&handmade());
    assert!(text.contains("\"本报讯 管委会主任张红军主持会议。\",\n"));
}

#[test]
fn saving_twice_keeps_the_previous_file_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.jiaodui.ron");
    let mut p = handmade();
    save(&p, &path).unwrap();
    assert!(!backup_path(&path).exists());
    p.meta.title = "第二版".into();
    save(&p, &path).unwrap();
    assert_eq!(load(&path).unwrap(), p);
    assert_eq!(load(&backup_path(&path)).unwrap().meta.title, "");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

fn write(dir: &tempfile::TempDir, text: &str) -> std::path::PathBuf {
    let path = dir.path().join("p.jiaodui.ron");
    fs::write(&path, text).unwrap();
    path
}

/// Loads a damaged file, checks the error, and that the file is byte for byte unchanged.
fn refused(text: &str) -> ProjectError {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, text);
    let error = load(&path).expect_err("must be refused");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        text,
        "the file must not change"
    );
    error
}

#[test]
fn a_truncated_file_is_refused_with_line_and_column() {
    let text = to_ron(&handmade());
    let cut = &text[..text.len() / 2];
    match refused(cut) {
        ProjectError::Corrupt { line, column, .. } => assert!(line > 1 && column >= 1),
        other => panic!("{other:?}"),
    }
}

/// Loads `bytes` as a project file and checks that it is refused as cut short, naming a line
/// in both languages, and that the file is byte for byte unchanged.
fn refused_as_cut_short(bytes: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.jiaodui.ron");
    fs::write(&path, bytes).unwrap();
    let error = load(&path).expect_err("must be refused");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file must not change");
    let line = match error {
        ProjectError::Corrupt {
            line,
            cut_short: true,
            ..
        } => line,
        ref other => panic!("not reported as cut short: {other:?}"),
    };
    let zh = error.message(Lang::Zh);
    let en = error.message(Lang::En);
    assert!(
        zh.contains("不完整") && zh.contains(&format!("第 {line} 行")),
        "{zh}"
    );
    assert!(
        en.contains("cut short") && en.contains(&format!("line {line}")),
        "{en}"
    );
    line
}

#[test]
fn a_file_cut_inside_a_character_names_the_line_where_it_stops() {
    let text = to_ron(&handmade());
    let bytes = text.as_bytes();
    // The first byte of a multi-byte character in the second half of the file.
    let start = (bytes.len() / 2..bytes.len())
        .find(|&i| bytes[i] >= 0xc0)
        .expect("the file has Chinese text in its second half");
    let cut = &bytes[..start + 1];
    let expected_line = cut.iter().filter(|&&b| b == b'\n').count() + 1;
    assert_eq!(refused_as_cut_short(cut), expected_line);
}

#[test]
fn a_file_cut_inside_a_line_is_reported_as_cut_short() {
    let text = to_ron(&handmade());
    // Stop half-way through the line of the paragraph text, after its first character.
    let at = text.find("本报讯").expect("the paragraph is in the file") + "本".len();
    let line = refused_as_cut_short(&text.as_bytes()[..at]);
    assert!(
        line > 1 && line <= text[..at].lines().count(),
        "line {line}"
    );
}

#[test]
fn a_bad_byte_inside_a_project_is_damage_at_its_line_not_a_foreign_file() {
    let text = to_ron(&handmade());
    let at = text.find("本报讯").unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes[at] = 0xff;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.jiaodui.ron");
    fs::write(&path, &bytes).unwrap();
    match load(&path) {
        Err(ProjectError::Corrupt {
            line,
            cut_short: false,
            ..
        }) => assert_eq!(line, text[..at].matches('\n').count() + 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_wrong_type_names_its_place() {
    let text = to_ron(&handmade()).replace("checked: false", "checked: \"no\"");
    match refused(&text) {
        ProjectError::Corrupt { line, .. } => {
            let at = text.lines().nth(line - 1).unwrap();
            assert!(at.contains("checked"), "line {line} is {at:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_missing_field_is_refused() {
    let text = to_ron(&handmade());
    let without_source = text.replacen("  articles:", "  articlez:", 1);
    assert!(matches!(
        refused(&without_source),
        ProjectError::Corrupt { .. }
    ));
}

#[test]
fn an_unknown_field_is_ignored() {
    let text = to_ron(&handmade()).replacen("  meta:", "  future_field: 3,\n  meta:", 1);
    assert_eq!(from_ron(&text).unwrap(), handmade());
}

#[test]
fn a_newer_version_is_refused_saying_so() {
    let text = to_ron(&handmade()).replacen("version: 2,", "version: 7,", 1);
    let error = refused(&text);
    assert!(matches!(error, ProjectError::Newer { version: 7 }));
    assert!(error.message(Lang::Zh).contains("更新版本"));
    assert!(error.message(Lang::En).contains("newer"));
}

#[test]
fn a_foreign_file_is_not_a_project() {
    assert!(matches!(
        refused("(name: \"x\")"),
        ProjectError::NotAProject
    ));
    assert!(matches!(
        refused("高新区召开党工委会议"),
        ProjectError::NotAProject
    ));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bin.ron");
    fs::write(&path, [0xff, 0xfe, 0x00, 0x9c]).unwrap();
    assert!(matches!(load(&path), Err(ProjectError::NotAProject)));
}

#[test]
fn a_span_outside_its_text_is_refused() {
    let mut p = handmade();
    p.articles[0].paragraphs[0].spans[1].end = 500;
    let text = to_ron(&p);
    assert!(matches!(refused(&text), ProjectError::Invalid { .. }));
}

#[test]
fn saving_into_a_missing_directory_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/dir/p.jiaodui.ron");
    let error = save(&handmade(), &path).expect_err("cannot save there");
    assert!(matches!(error, ProjectError::Io { .. }));
    assert!(!error.message(Lang::Zh).is_empty());
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn saving_into_a_read_only_directory_leaves_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.jiaodui.ron");
    save(&handmade(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let mut changed = handmade();
    changed.meta.title = "改".into();
    let result = save(&changed, &path);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    // Root may write anywhere; where the write is refused, nothing may have changed.
    if result.is_err() {
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}

prop_compose! {
    fn field_text()(text in "[\\u{4e00}-\\u{4e2f}a-z0-9 ,。“”\"\\\\𠀀🙂<&>]{0,40}") -> String { text }
}

prop_compose! {
    fn text_field()(text in field_text(), cuts in proptest::collection::vec(0usize..40, 0..6), kinds in proptest::collection::vec(0usize..5, 3))
        -> TextField {
        let mut field = TextField::from_lines(text, vec![LineRange::new(1, 2)]);
        let len = field.char_len();
        let mut points: Vec<usize> = cuts.into_iter().map(|c| c.min(len)).collect();
        points.sort();
        points.dedup();
        for (i, pair) in points.chunks(2).enumerate() {
            if let [start, end] = *pair && start < end {
                let kind = match kinds[i % 3] {
                    0 => EntityKind::Person,
                    1 => EntityKind::Title,
                    2 => EntityKind::Org,
                    3 => EntityKind::Place,
                    _ => EntityKind::Other("DATE".into()),
                };
                let span = if i % 2 == 0 { Span::by_editor(start, end, kind) } else { Span::suggested(start, end, kind, "rule") };
                field.insert_span(span);
            }
        }
        field
    }
}

prop_compose! {
    fn article()(headline in text_field(), byline in text_field(), paragraphs in proptest::collection::vec((text_field(), 0usize..5), 0..4), checked in any::<bool>(), id in 0u32..1000) -> Article {
        let mut a = Article::new(ArticleId(id));
        a.headline = headline;
        a.byline = byline;
        a.paragraphs = paragraphs.into_iter().map(|(mut field, kind)| {
            field.kind = ParagraphKind::ALL[kind];
            field
        }).collect();
        a.checked = checked;
        a
    }
}

proptest! {
    #[test]
    fn load_of_save_is_identity(source in "[\\u{4e00}-\\u{4e2f}\\n\"\\\\ a-z]{0,200}", articles in proptest::collection::vec(article(), 0..4), name in "[a-z一-龥]{1,8}") {
        let mut p = Project::new(Source { name, sha256: "ab".into(), encoding: "UTF-8".into(), text: source });
        p.articles = articles;
        p.registry.add(EntityKind::Org, "管委会");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.jiaodui.ron");
        project::save(&p, &path).unwrap();
        prop_assert_eq!(project::load(&path).unwrap(), p);
    }
}

/// The version-1 format is frozen: this file was written by version 1 and must load, with its
/// content, after any change to the format (a migration in `formats::project` if need be).
#[test]
fn the_frozen_version_1_fixture_loads() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/project-v1.jiaodui.ron");
    let p = load(&path).expect("version 1 loads");
    assert_eq!(p.version, FORMAT_VERSION, "migrated to the current version");
    assert_eq!(p.source.encoding, "UTF-8");
    assert_eq!(p.source.text.split('\n').count(), 89);
    assert_eq!(p.articles.len(), 4);
    assert_eq!(p.articles[0].headline.text, "高新区召开党工委(扩大)会议");
    assert_eq!(p.paragraph_count(), 27);
    assert_eq!(p.join_count(), 8);
    assert!(p.span_count() > 50);
    assert!(
        p.registry
            .entities
            .iter()
            .any(|e| e.name == "张红军" && !e.roles.is_empty())
    );
}

/// A version-1 project opens as version 2: every paragraph body text, nothing learnt; and saved
/// again it is written as version 2 and loads back the same.
#[test]
fn a_version_1_project_migrates_to_version_2() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/project-v1.jiaodui.ron");
    let p = load(&path).unwrap();
    assert!(
        p.articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .all(|f| f.kind == ParagraphKind::Body)
    );
    assert!(p.lessons.is_empty());
    let text = to_ron(&p);
    assert!(text.contains("\n  version: 2,"));
    assert_eq!(from_ron(&text).unwrap(), p);
}

/// Kinds and learnt corrections survive save and load; body text is not written out, so a
/// project without kinds looks as before.
#[test]
fn kinds_and_lessons_survive_save_and_load() {
    let mut p = handmade();
    assert!(!to_ron(&p).contains("kind: Body"), "body is the default");
    let edit = lessons::set_kind(&p, 0, 1, ParagraphKind::Note).unwrap();
    edit.apply(&mut p).unwrap();
    let text = to_ron(&p);
    assert!(text.contains("kind: Note"), "{text}");
    assert!(text.contains("lessons: ["));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.jiaodui.ron");
    save(&p, &path).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.articles[0].paragraphs[1].kind, ParagraphKind::Note);
    assert_eq!(loaded.lessons, p.lessons);
    assert_eq!(loaded, p);
}
