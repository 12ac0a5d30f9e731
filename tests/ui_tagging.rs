//! Tagging flows in the window, driven as a user would: keys over a selection, the review queue,
//! "tag all occurrences", the registry's merge, the officials table and the shortcut sheet.

#![cfg(feature = "window")]

mod common;

use common::harness;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiaodui::model::tagging;
use jiaodui::model::{
    Article, ArticleId, EntityKind, FieldRef, FieldSlot, Project, Source, Span, SpanStatus,
    TextField,
};
use jiaodui::ui::App;
use jiaodui::ui::state::SideTab;

const FIRST: &str = "张红军主持会议,张红军指出,要抓好落实。";
const SECOND: &str = "会后张红军来到百川畅银公司调研。";

fn project() -> Project {
    let mut project = Project::new(Source {
        name: "tagging.txt".into(),
        text: format!("{FIRST}\n{SECOND}"),
        ..Source::default()
    });
    for (i, text) in [FIRST, SECOND].into_iter().enumerate() {
        let mut article = Article::new(ArticleId(i as u32));
        article.headline = TextField::plain(format!("标题{}", i + 1));
        article.paragraphs.push(TextField::plain(text));
        project.articles.push(article);
    }
    project
}

fn p(article: usize) -> FieldRef {
    FieldRef::new(article, FieldSlot::Paragraph(0))
}

fn spans(harness: &Harness<'_, App>, article: usize) -> Vec<Span> {
    harness.state().project().articles[article].paragraphs[0]
        .spans
        .clone()
}

/// Focuses paragraph 1 of the shown article and selects its first `n` chars with the keyboard.
fn select_first_chars(harness: &mut Harness<'_, App>, n: usize) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    harness.run_steps(1);
    for _ in 0..n {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
        harness.run_steps(1);
    }
}

fn type_digit(harness: &mut Harness<'_, App>, digit: &str) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .type_text(digit);
    harness.run_steps(2);
}

#[test]
fn tag_by_key_retype_resize_remove_and_undo() {
    let mut harness = harness(App::new_for_test(project()));
    let before = harness.state().project().clone();
    select_first_chars(&mut harness, 3);
    type_digit(&mut harness, "1");
    let tagged = spans(&harness, 0);
    assert_eq!(tagged.len(), 1);
    assert_eq!((tagged[0].start, tagged[0].end), (0, 3));
    assert_eq!(tagged[0].kind, EntityKind::Person);
    assert!(tagged[0].entity.is_some(), "linked to the registry");
    assert_eq!(
        harness.state().project().articles[0].paragraphs[0].text,
        FIRST
    );

    // The selection still covers the tag: another number changes its type.
    type_digit(&mut harness, "3");
    assert_eq!(spans(&harness, 0)[0].kind, EntityKind::Org);
    type_digit(&mut harness, "1");

    // Shift+→ grows the tag by one char, Shift+← shrinks it back.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(
        (spans(&harness, 0)[0].start, spans(&harness, 0)[0].end),
        (0, 4)
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(
        (spans(&harness, 0)[0].start, spans(&harness, 0)[0].end),
        (0, 3)
    );

    // Delete removes the tag and keeps the text.
    harness.key_press(Key::Delete);
    harness.run_steps(2);
    assert!(spans(&harness, 0).is_empty());
    assert_eq!(
        harness.state().project().articles[0].paragraphs[0].text,
        FIRST
    );

    // Every step undoes, back to the project as it was.
    for _ in 0..6 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(2);
    }
    assert_eq!(harness.state().project(), &before);
}

#[test]
fn tagging_a_name_offers_its_other_occurrences_and_tags_all_in_one_step() {
    let mut harness = harness(App::new_for_test(project()));
    select_first_chars(&mut harness, 3);
    type_digit(&mut harness, "1");
    harness.run_steps(2);
    let rows = harness
        .state()
        .tag_all_rows()
        .expect("the list is offered")
        .len();
    assert_eq!(
        rows, 2,
        "the second 张红军 of article 1 and the one of article 2"
    );
    assert!(harness.query_by_label_contains("还有 2 处").is_some());

    harness.get_by_label("全部标注").click();
    harness.run_steps(2);
    assert_eq!(spans(&harness, 0).len(), 2);
    assert_eq!(spans(&harness, 1).len(), 1);
    let id = spans(&harness, 0)[0].entity;
    assert!(
        spans(&harness, 1).iter().all(|s| s.entity == id),
        "one entity"
    );
    assert_eq!(harness.state().project().registry.entities.len(), 1);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(spans(&harness, 0).len(), 1, "tag all is one undo step");
    assert!(spans(&harness, 1).is_empty());
}

/// The project with suggestions: two in article 1, one in article 2.
fn suggested_project() -> Project {
    let mut project = project();
    let field = &mut project.articles[0].paragraphs[0];
    field.insert_span(Span::suggested(
        0,
        3,
        EntityKind::Person,
        "person:title-before",
    ));
    field.insert_span(Span::suggested(5, 7, EntityKind::Org, "org:suffix"));
    let field = &mut project.articles[1].paragraphs[0];
    field.insert_span(Span::suggested(
        2,
        5,
        EntityKind::Person,
        "person:title-before",
    ));
    project
}

#[test]
fn the_review_queue_accepts_with_enter_and_rejects_with_x() {
    let mut harness = harness(App::new_for_test(suggested_project()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run_steps(3);
    assert_eq!(harness.state().side_tab(), SideTab::Review);
    assert!(harness.query_by_label_contains("待审建议 2 条").is_some());
    let mark = harness
        .state()
        .mark()
        .expect("the current suggestion is highlighted");
    assert_eq!((mark.at, mark.start, mark.end), (p(0), 0, 3));

    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(spans(&harness, 0)[0].status, SpanStatus::Confirmed);
    let mark = harness
        .state()
        .mark()
        .expect("the view follows to the next one");
    assert_eq!((mark.start, mark.end), (5, 7));

    harness.key_press(Key::X);
    harness.run_steps(3);
    let project = harness.state().project();
    assert_eq!(project.articles[0].paragraphs[0].spans.len(), 1);
    assert!(project.is_rejected("会议", &EntityKind::Org));
    assert!(harness.query_by_label_contains("没有待审的建议").is_some());

    // The whole project scope walks on into article 2, and the article pane follows.
    harness.get_by_label("全项目").click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection().article, 1);
    harness.key_press(Key::Backspace);
    harness.run_steps(3);
    assert!(spans(&harness, 1).is_empty());
    assert!(
        harness
            .state()
            .project()
            .is_rejected("张红军", &EntityKind::Person)
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(spans(&harness, 1).len(), 1, "a rejection undoes");
}

#[test]
fn the_review_queue_accepts_all_of_a_type_at_once() {
    let mut project = suggested_project();
    project.articles[0].paragraphs[0].insert_span(Span::suggested(
        8,
        11,
        EntityKind::Person,
        "person:surname",
    ));
    let mut harness = harness(App::new_for_test(project));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run_steps(3);
    harness.get_by_label("接受本篇全部“人名”建议").click();
    harness.run_steps(2);
    let statuses: Vec<(EntityKind, SpanStatus)> = spans(&harness, 0)
        .into_iter()
        .map(|s| (s.kind, s.status))
        .collect();
    assert_eq!(
        statuses,
        vec![
            (EntityKind::Person, SpanStatus::Confirmed),
            (EntityKind::Org, SpanStatus::Suggested),
            (EntityKind::Person, SpanStatus::Confirmed),
        ]
    );
    assert_eq!(
        spans(&harness, 1)[0].status,
        SpanStatus::Suggested,
        "other articles untouched"
    );
}

/// A project where 百川畅银公司 and 百川畅银 are two registry entities.
fn two_spellings_project() -> Project {
    let mut project = Project::new(Source::default());
    let mut article = Article::new(ArticleId(0));
    article.paragraphs.push(TextField::plain(
        "百川畅银公司与高新区签约。百川畅银表示将加大投入。",
    ));
    project.articles.push(article);
    let edit = tagging::tag(&project, p(0), 0, 6, EntityKind::Org);
    edit.apply(&mut project).unwrap();
    let edit = tagging::tag(&project, p(0), 13, 17, EntityKind::Org);
    edit.apply(&mut project).unwrap();
    project
}

#[test]
fn merging_two_spellings_in_the_registry() {
    let mut harness = harness(App::new_for_test(two_spellings_project()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("百川畅银公司 · 机构 ×1").click();
    harness.run_steps(2);
    harness.get_by_label("并入").click();
    harness.run_steps(2);
    let registry = &harness.state().project().registry;
    assert_eq!(registry.entities.len(), 1);
    assert_eq!(registry.entities[0].name, "百川畅银公司");
    assert_eq!(registry.entities[0].aliases, vec!["百川畅银".to_string()]);
    let id = registry.entities[0].id;
    assert!(spans(&harness, 0).iter().all(|s| s.entity == Some(id)));
    assert!(harness.query_by_label_contains("提及(2 处)").is_some());

    // A click on a mention jumps there and highlights it.
    harness
        .get_all_by(|n| n.label().is_some_and(|l| l.contains("【百川畅银】")))
        .next()
        .expect("a mention row")
        .click();
    harness.run_steps(2);
    let mark = harness.state().mark().expect("highlighted");
    assert_eq!((mark.start, mark.end), (13, 17));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        harness.state().project().registry.entities.len(),
        2,
        "merge undoes"
    );
}

#[test]
fn the_officials_table_lists_filters_and_jumps() {
    let mut project = project();
    let edit = tagging::tag(&project, p(0), 0, 3, EntityKind::Person);
    edit.apply(&mut project).unwrap();
    let edit = tagging::tag(&project, p(1), 2, 5, EntityKind::Person);
    edit.apply(&mut project).unwrap();
    let id = project.registry.entities[0].id;
    let edit = tagging::set_roles(
        &project,
        id,
        vec![jiaodui::model::Role {
            title: "主任".into(),
            org: "管委会".into(),
        }],
    )
    .unwrap();
    edit.apply(&mut project).unwrap();
    let mut harness = harness(App::new_for_test(project));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run_steps(3);
    let shown = |h: &Harness<'_, App>| h.query_all_by_label("管委会主任").count();
    assert_eq!(shown(&harness), 2, "in the table and in the side panel");
    harness.get_by_label("2").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection().article,
        1,
        "a click jumps to the article"
    );

    harness
        .get_by_role_and_label(Role::TextInput, "筛选名录")
        .focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "筛选名录")
        .type_text("李");
    harness.run_steps(2);
    assert_eq!(harness.state().officials_filter(), "李");
    assert_eq!(shown(&harness), 1, "filtered out of the table");
}

#[test]
fn the_shortcut_sheet_opens_with_f1_and_question_mark() {
    let harness_fn = harness;
    let mut harness = harness(App::new_for_test(project()));
    harness.key_press(Key::F1);
    harness.run_steps(2);
    assert!(harness.query_by_label("打开审阅队列").is_some());
    assert!(harness.query_by_label("选中文字后标为 人名").is_some());
    let mut harness = harness_fn(App::new_for_test(project()));
    assert!(harness.query_by_label("打开审阅队列").is_none());
    harness.event(egui::Event::Text("?".into()));
    harness.run_steps(4);
    assert!(harness.query_by_label("打开审阅队列").is_some());
}

#[test]
fn ctrl_t_on_a_tag_lists_its_other_occurrences() {
    let mut project = project();
    let edit = tagging::tag(&project, p(0), 0, 3, EntityKind::Person);
    edit.apply(&mut project).unwrap();
    let mut harness = harness(App::new_for_test(project));
    assert!(harness.state().tag_all_rows().is_none());
    // The cursor inside the tag is enough.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    harness.run_steps(1);
    harness.key_press(Key::ArrowRight);
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(3);
    assert_eq!(harness.state().tag_all_rows().map(<[_]>::len), Some(2));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    harness.run_steps(2);
    assert_eq!(
        spans(&harness, 1).len(),
        1,
        "Ctrl+Shift+T tags the listed ones"
    );
}

#[test]
fn a_question_mark_typed_in_a_field_stays_text() {
    let mut harness = harness(App::new_for_test(project()));
    harness
        .get_by_role_and_label(Role::TextInput, "标题")
        .focus();
    harness.run_steps(1);
    harness.key_press(Key::End);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "标题")
        .type_text("?");
    harness.run_steps(3);
    assert_eq!(
        harness.state().project().articles[0].headline.text,
        "标题1?"
    );
    assert!(
        harness.query_by_label("打开审阅队列").is_none(),
        "no shortcut sheet"
    );
}

#[test]
fn the_context_menu_tags_a_selection_and_changes_a_tags_type() {
    let mut harness = harness(App::new_for_test(project()));
    select_first_chars(&mut harness, 3);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .click_secondary();
    harness.run_steps(2);
    // A button's label includes its shortcut text.
    harness
        .get_all_by(|n| n.label().is_some_and(|l| l.starts_with("标注为 人名")))
        .next()
        .expect("a tag-as item")
        .click();
    harness.run_steps(2);
    assert_eq!(spans(&harness, 0)[0].kind, EntityKind::Person);
    assert_eq!(
        (spans(&harness, 0)[0].start, spans(&harness, 0)[0].end),
        (0, 3)
    );

    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .click_secondary();
    harness.run_steps(2);
    harness.get_by_label("改为类型").hover();
    harness.run_steps(2);
    harness
        .get_all_by(|n| n.label().is_some_and(|l| l.starts_with("机构")))
        .next()
        .expect("a type item")
        .click();
    harness.run_steps(2);
    assert_eq!(spans(&harness, 0)[0].kind, EntityKind::Org);
}
