//! The workbench window driven through its accessibility tree, as a user would: clicks, typing,
//! shortcuts. No GPU needed.

#![cfg(feature = "window")]

mod common;

use common::{harness, sample_app};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use jiaodui::model::{FieldRef, FieldSlot};
use jiaodui::ui::App;
use jiaodui::ui::state::{Command, Selection};

/// An outline row is labelled "N. headline".
fn is_outline_row(label: &str) -> bool {
    label
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn paragraph_count(app: &App, article: usize) -> usize {
    app.project().articles[article].paragraphs.len()
}

#[test]
fn the_outline_lists_the_four_articles_of_the_sample() {
    let harness = harness(sample_app());
    let rows = harness
        .query_all_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| is_outline_row(&l))
        })
        .count();
    assert_eq!(rows, 4, "one outline row per article of the sample");
}

/// Two articles with headlines, independent of how the import splits the sample.
fn two_article_app() -> App {
    use jiaodui::model::{Article, ArticleId, LineRange, Project, Source, TextField};
    let mut project = Project::new(Source {
        name: "two.txt".into(),
        text: "甲篇标题\n甲篇正文。\n乙篇标题\n乙篇正文。".into(),
        ..Source::default()
    });
    for (i, (headline, body)) in [("甲篇标题", "甲篇正文。"), ("乙篇标题", "乙篇正文。")]
        .into_iter()
        .enumerate()
    {
        let mut article = Article::new(ArticleId(i as u32));
        article.headline = TextField::from_lines(headline, vec![LineRange::single(2 * i + 1)]);
        article.paragraphs.push(TextField::from_lines(
            body,
            vec![LineRange::single(2 * i + 2)],
        ));
        project.articles.push(article);
    }
    App::new_for_test(project)
}

#[test]
fn clicking_an_article_shows_its_headline() {
    let mut harness = harness(two_article_app());
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "标题")
            .value()
            .as_deref(),
        Some("甲篇标题")
    );
    harness.get_by_label("2. 乙篇标题").click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection().article, 1);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "标题")
            .value()
            .as_deref(),
        Some("乙篇标题")
    );
    assert!(harness.query_by_label_contains("第 2 篇").is_some());
}

#[test]
fn join_and_split_a_paragraph_then_undo_restores_it() {
    let mut harness = harness(sample_app());
    let before = harness.state().project().clone();
    let paragraphs = paragraph_count(harness.state(), 0);
    assert!(paragraphs >= 2);

    // Select the first paragraph by its number and join it with the next.
    harness.get_by_label("¶1").click();
    harness.run_steps(2);
    harness.get_by_label("与下段合并").click();
    harness.run_steps(2);
    assert_eq!(paragraph_count(harness.state(), 0), paragraphs - 1);

    // Put the cursor inside the joined paragraph and split it there.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .click();
    harness.run_steps(2);
    harness.get_by_label("在光标处拆分段落").click();
    harness.run_steps(2);
    assert_eq!(paragraph_count(harness.state(), 0), paragraphs);
    assert_ne!(
        harness.state().project(),
        &before,
        "the split is not at the old boundary"
    );

    // Two undo steps give back the project exactly.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().project(), &before);

    // And redo brings the join back.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(2);
    assert_eq!(paragraph_count(harness.state(), 0), paragraphs - 1);
}

#[test]
fn typing_into_the_headline_changes_the_project_as_one_undo_step() {
    let mut harness = harness(sample_app());
    let original = harness.state().project().articles[0].headline.text.clone();
    let field = harness.get_by_role_and_label(Role::TextInput, "标题");
    field.focus();
    harness.run_steps(1);
    harness.key_press(egui::Key::End);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "标题")
        .type_text("续");
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "标题")
        .type_text("篇");
    harness.run_steps(2);
    let headline = harness.state().project().articles[0].headline.text.clone();
    assert_eq!(headline, format!("{original}续篇"));
    assert!(harness.state().history().is_dirty());
    assert_eq!(harness.state().undo_label(), Some("输入文字"));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(
        harness.state().project().articles[0].headline.text,
        original
    );
    assert!(
        !harness.state().history().can_undo(),
        "the typing was one step"
    );
}

#[test]
fn find_highlights_and_moves_between_matches() {
    let mut harness = harness(sample_app());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "查找")
        .type_text("会议");
    harness.run_steps(2);
    harness.get_by_label("下一个").click();
    harness.run_steps(2);
    let first = harness.state().selection();
    assert!(first.field.is_some(), "find selects the field of the match");
    harness.get_by_label("下一个").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("2 / ").is_some());
}

#[test]
fn save_and_reopen_round_trips_the_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bulletin.jiaodui.ron");
    let mut app = sample_app();
    app.run_command(Command::Apply {
        edit: jiaodui::model::Edit::SetChecked {
            article: 0,
            checked: true,
        },
        label: "check".into(),
        select: Some(Selection::field(FieldRef::new(0, FieldSlot::Headline))),
    });
    assert!(app.history().is_dirty());
    assert!(app.save_to(&path));
    assert!(!app.history().is_dirty());
    assert_eq!(app.path(), Some(path.as_path()));

    let mut reopened = App::new_for_test(jiaodui::model::Project::new(Default::default()));
    assert!(reopened.open_path(&path));
    assert_eq!(reopened.project(), app.project());
    assert!(!reopened.history().is_dirty());
}

#[test]
fn a_damaged_project_shows_a_message_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.jiaodui.ron");
    std::fs::write(
        &path,
        "(format: \"jiaodui-project\", version: 1, articles: [",
    )
    .unwrap();
    let mut app = sample_app();
    let before = app.project().clone();
    assert!(!app.open_path(&path));
    assert_eq!(app.project(), &before);
    let notice = app.notice().expect("a visible message");
    assert!(notice.error);
    assert!(
        notice.text(app.lang()).contains("不完整"),
        "message in Chinese, saying the file was cut short: {}",
        notice.text(app.lang())
    );
}

#[test]
fn a_raw_text_opens_as_a_new_unsaved_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bulletin.txt");
    std::fs::write(&path, jiaodui::SAMPLE_BULLETIN).unwrap();
    let mut app = App::new_for_test(jiaodui::model::Project::new(Default::default()));
    assert!(app.open_path(&path));
    assert_eq!(app.project().source.name, "bulletin.txt");
    assert_eq!(
        app.path(),
        None,
        "a raw text has no project file until saved"
    );
    assert!(!app.project().articles.is_empty());
}

#[test]
fn the_interface_switches_to_english() {
    let mut harness = harness(sample_app());
    harness
        .state_mut()
        .run_command(Command::SetLang(jiaodui::i18n::Lang::En));
    harness.run_steps(2);
    assert!(harness.query_by_label("File").is_some());
    assert!(harness.query_by_label("Join with next paragraph").is_some());
}

#[test]
fn every_glyph_of_the_sample_renders_in_both_families() {
    let harness = harness(sample_app());
    let text: String = jiaodui::SAMPLE_BULLETIN
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    for font in [
        egui::FontId::proportional(14.0),
        egui::FontId::monospace(14.0),
    ] {
        let missing: Vec<char> = harness
            .ctx
            .fonts_mut(|f| text.chars().filter(|&c| !f.has_glyph(&font, c)).collect());
        assert!(missing.is_empty(), "{:?} lacks {missing:?}", font.family);
    }
}

/// One article whose single paragraph was joined from two raw lines.
fn joined_paragraph_app() -> App {
    use jiaodui::model::{Article, ArticleId, Join, LineRange, Project, Source, TextField};
    let mut project = Project::new(Source {
        name: "join.txt".into(),
        text: "标题\n会议强调,作为领导干部,关\n键少数,要带头学。".into(),
        ..Source::default()
    });
    let mut article = Article::new(ArticleId(0));
    article.headline = TextField::from_lines("标题", vec![LineRange::single(1)]);
    let mut paragraph = TextField::from_lines(
        "会议强调,作为领导干部,关键少数,要带头学。",
        vec![LineRange::new(2, 3)],
    );
    paragraph.joins.push(Join {
        at: 13,
        upper_line: 2,
        lower_line: 3,
        rule: "join:mid-sentence".into(),
    });
    article.paragraphs.push(paragraph);
    project.articles.push(article);
    App::new_for_test(project)
}

#[test]
fn a_join_mark_splits_the_paragraph_back_in_one_click() {
    let mut harness = harness(joined_paragraph_app());
    let before = harness.state().project().clone();
    harness.get_by_label("断行修复").click();
    harness.run_steps(2);
    let paragraphs = &harness.state().project().articles[0].paragraphs;
    assert_eq!(paragraphs.len(), 2);
    assert_eq!(paragraphs[0].text, "会议强调,作为领导干部,关");
    assert_eq!(paragraphs[1].text, "键少数,要带头学。");
    assert_eq!(
        paragraphs[1].source_lines,
        vec![jiaodui::model::LineRange::single(3)]
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().project(), &before);
}

#[test]
fn a_number_key_tags_the_selected_text_and_undo_removes_the_tag() {
    let mut harness = harness(joined_paragraph_app());
    let paragraph = harness.get_by_role_and_label(Role::MultilineTextInput, "¶1");
    paragraph.focus();
    harness.run_steps(1);
    // Select the first two chars (会议) with the keyboard.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Home);
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .type_text("3");
    harness.run_steps(2);
    let field = &harness.state().project().articles[0].paragraphs[0];
    assert_eq!(
        field.text, "会议强调,作为领导干部,关键少数,要带头学。",
        "the digit was not typed"
    );
    assert_eq!(field.spans.len(), 1);
    assert_eq!((field.spans[0].start, field.spans[0].end), (0, 2));
    assert_eq!(field.spans[0].kind, jiaodui::model::EntityKind::Org);
    assert_eq!(field.spans[0].status, jiaodui::model::SpanStatus::Confirmed);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert!(
        harness.state().project().articles[0].paragraphs[0]
            .spans
            .is_empty()
    );
}

/// The joined-paragraph project with two suggested names in it.
fn suggested_spans_app() -> App {
    use jiaodui::model::{EntityKind, Span};
    let mut app = joined_paragraph_app();
    let mut project = app.project().clone();
    let field = &mut project.articles[0].paragraphs[0];
    field.insert_span(Span::suggested(0, 2, EntityKind::Org, "org:suffix"));
    field.insert_span(Span::suggested(6, 10, EntityKind::Title, "title:lexicon"));
    app = App::new_for_test(project);
    app
}

#[test]
fn suggestions_are_confirmed_or_rejected_by_click() {
    use jiaodui::model::{EntityKind, SpanStatus};
    let mut harness = harness(suggested_spans_app());
    harness
        .get_all_by_label("确认")
        .next()
        .expect("a confirm button")
        .click();
    harness.run_steps(2);
    let spans = &harness.state().project().articles[0].paragraphs[0].spans;
    assert_eq!(
        spans
            .iter()
            .filter(|s| s.status == SpanStatus::Confirmed)
            .count(),
        1
    );

    harness.get_by_label("拒绝").click();
    harness.run_steps(2);
    let project = harness.state().project();
    assert_eq!(project.articles[0].paragraphs[0].spans.len(), 1);
    assert_eq!(project.rejected.len(), 1);
    let rejected = &project.rejected[0];
    assert!(rejected.kind == EntityKind::Org || rejected.kind == EntityKind::Title);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert!(
        harness.state().project().rejected.is_empty(),
        "reject is undone in one step"
    );
    assert_eq!(
        harness.state().project().articles[0].paragraphs[0]
            .spans
            .len(),
        2
    );
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "另一份简报\n正文。").unwrap();
    let mut harness = harness(two_article_app());
    harness.state_mut().run_command(Command::Apply {
        edit: jiaodui::model::Edit::SetChecked {
            article: 0,
            checked: true,
        },
        label: "check".into(),
        select: None,
    });
    harness
        .state_mut()
        .run_command(Command::File(jiaodui::ui::state::FileAction::OpenPath(
            other.clone(),
        )));
    harness.run_steps(2);
    assert_eq!(
        harness.state().project().source.name,
        "two.txt",
        "nothing replaced yet"
    );
    harness.get_by_label("取消").click();
    harness.run_steps(2);
    assert_eq!(harness.state().project().source.name, "two.txt");

    harness
        .state_mut()
        .run_command(Command::File(jiaodui::ui::state::FileAction::OpenPath(
            other,
        )));
    harness.run_steps(2);
    harness.get_by_label("不保存").click();
    harness.run_steps(2);
    assert_eq!(harness.state().project().source.name, "other.txt");
}

#[test]
fn closing_the_window_with_unsaved_changes_is_held_back() {
    let mut harness = harness(two_article_app());
    harness.state_mut().run_command(Command::Apply {
        edit: jiaodui::model::Edit::SetChecked {
            article: 1,
            checked: true,
        },
        label: "check".into(),
        select: None,
    });
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let cancelled = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(
        cancelled,
        "the close is cancelled while changes are unsaved"
    );
    harness.run_steps(2);
    assert!(
        harness.query_by_label("不保存").is_some(),
        "the editor is asked"
    );
}

#[test]
fn delete_over_a_tagged_name_removes_the_tag_and_keeps_the_text() {
    let mut harness = harness(suggested_spans_app());
    let text = harness.state().project().articles[0].paragraphs[0]
        .text
        .clone();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Home);
    harness.run_steps(1);
    for _ in 0..2 {
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
        harness.run_steps(1);
    }
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    let field = &harness.state().project().articles[0].paragraphs[0];
    assert_eq!(field.text, text);
    assert_eq!(
        field.spans.len(),
        1,
        "the tag on 会议 is gone, the other stays"
    );
    assert_eq!(field.spans[0].start, 6);
}

#[test]
fn work_left_by_a_crash_is_offered_back_and_restored_as_one_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bulletin.jiaodui.ron");
    let mut app = two_article_app();
    assert!(app.save_to(&path));
    // The recovery file a crashed session left: the same project with article 2 checked.
    let mut unsaved = app.project().clone();
    unsaved.articles[1].checked = true;
    let recovery = jiaodui::formats::recovery::recovery_path(Some(&path), dir.path());
    jiaodui::formats::recovery::write(&recovery, &unsaved).unwrap();

    let mut opened = App::new_for_test(jiaodui::model::Project::new(Default::default()));
    assert!(opened.open_path(&path));
    let mut harness = harness(opened);
    harness.get_by_label("恢复").click();
    harness.run_steps(2);
    assert_eq!(harness.state().project(), &unsaved);
    assert!(
        harness.state().history().is_dirty(),
        "restored work is unsaved"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert!(
        !harness.state().project().articles[1].checked,
        "undo returns to the saved file"
    );
}

#[test]
fn keyboard_shortcuts_edit_the_structure() {
    let mut harness = harness(two_article_app());
    harness.get_by_label("¶1").click();
    harness.run_steps(2);
    // Alt+↓ moves the paragraph to the start of the next article.
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    harness.run_steps(2);
    let project = harness.state().project();
    assert!(project.articles[0].paragraphs.is_empty());
    assert_eq!(project.articles[1].paragraphs[0].text, "甲篇正文。");
    assert_eq!(
        harness.state().selection().article,
        1,
        "the selection follows the paragraph"
    );
    // Ctrl+J joins it with the paragraph after it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::J);
    harness.run_steps(2);
    assert_eq!(
        harness.state().project().articles[1].paragraphs[0].text,
        "甲篇正文。乙篇正文。"
    );
    assert_eq!(harness.state().undo_label(), Some("与下段合并"));
}

#[test]
fn open_without_a_native_dialog_falls_back_to_a_typed_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let raw = dir.path().join("typed.txt");
    std::fs::write(&raw, "手输路径的简报\n正文。").unwrap();
    let mut harness = harness(two_article_app());
    harness
        .state_mut()
        .run_command(Command::File(jiaodui::ui::state::FileAction::OpenDialog));
    // Either no dialog can be shown here (the path field appears by itself), or one is waiting
    // and the editor chooses to type the path instead; never a silent nothing.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while harness.query_by_label("路径").is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "no path field offered"
        );
        if let Some(button) = harness.query_by_label("改为输入路径") {
            button.click();
        }
        harness.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "路径")
        .focus();
    harness.run_steps(1);
    // The field starts with a folder: replace it with the file's path, Enter opens it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "路径")
        .type_text(raw.to_str().unwrap());
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().project().source.name, "typed.txt");
}

#[test]
fn a_digit_over_a_selected_number_is_typed_not_a_tag() {
    use jiaodui::model::{Article, ArticleId, Project, Source, TextField};
    let mut project = Project::new(Source::default());
    let mut article = Article::new(ArticleId(0));
    article
        .paragraphs
        .push(TextField::plain("6月10日召开会议。"));
    project.articles.push(article);
    let mut harness = harness(App::new_for_test(project));
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Home);
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .type_text("1");
    harness.run_steps(2);
    let field = &harness.state().project().articles[0].paragraphs[0];
    assert_eq!(field.text, "1月10日召开会议。");
    assert!(field.spans.is_empty());
}
