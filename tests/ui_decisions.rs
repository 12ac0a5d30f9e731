//! Decisions that follow the editor across the project, driven through the review panel: a
//! rejection removes the suggestion from every article, 全部确认 confirms every mention, and a
//! person left without mentions is no official anywhere (table, side panel, exports).

#![cfg(feature = "window")]

mod common;

use common::harness;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiaodui::formats::export::{ExportFormat, ExportOptions, render};
use jiaodui::model::{
    Article, ArticleId, EntityKind, Project, Role, Source, Span, SpanStatus, TextField,
};
use jiaodui::ui::App;

const TEXTS: [&str; 3] = [
    "全面落实,张红军主持会议。",
    "要全面推进,全面从严。",
    "张红军强调全面发展。",
];

/// Three articles: `全面` suggested as an organization four times, the person `张红军` (an
/// official in the registry) suggested in articles 1 and 3, linked to his entry.
fn project() -> Project {
    let mut project = Project::new(Source {
        name: "decisions.txt".into(),
        text: TEXTS.join("\n"),
        ..Source::default()
    });
    let zhang = project.registry.add(EntityKind::Person, "张红军");
    project.registry.get_mut(zhang).unwrap().roles = vec![Role {
        title: "主任".into(),
        org: "管委会".into(),
    }];
    for (i, text) in TEXTS.into_iter().enumerate() {
        let mut article = Article::new(ArticleId(i as u32));
        article.headline = TextField::plain(format!("标题{}", i + 1));
        let mut field = TextField::plain(text);
        let chars: Vec<char> = text.chars().collect();
        for start in 0..chars.len() {
            let rest: String = chars[start..].iter().collect();
            if rest.starts_with("全面") {
                field.insert_span(Span::suggested(
                    start,
                    start + 2,
                    EntityKind::Org,
                    "org:test",
                ));
            }
            if rest.starts_with("张红军") {
                let mut span = Span::suggested(start, start + 3, EntityKind::Person, "person:test");
                span.entity = Some(zhang);
                field.insert_span(span);
            }
        }
        article.paragraphs.push(field);
        project.articles.push(article);
    }
    project
}

fn count(project: &Project, text: &str, status: SpanStatus) -> usize {
    project
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter())
        .flat_map(|f| f.spans.iter().map(move |s| (f, s)))
        .filter(|(f, s)| f.slice(s.start, s.end) == text && s.status == status)
        .count()
}

fn review_whole_project(harness: &mut Harness<'_, App>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run_steps(3);
    harness.get_by_label("全项目").click();
    harness.run_steps(3);
}

#[test]
fn rejecting_removes_the_suggestion_in_every_article_in_one_step() {
    let mut harness = harness(App::new_for_test(project()));
    let before = harness.state().project().clone();
    assert_eq!(count(&before, "全面", SpanStatus::Suggested), 4);
    review_whole_project(&mut harness);
    // The first suggestion of the project is 全面 in article 1.
    assert!(
        harness
            .query_by_label_contains("拒绝建议(全项目 4 处)")
            .is_some()
    );
    harness.key_press(Key::X);
    harness.run_steps(3);
    let after = harness.state().project().clone();
    assert_eq!(count(&after, "全面", SpanStatus::Suggested), 0);
    assert_eq!(
        count(&after, "张红军", SpanStatus::Suggested),
        2,
        "others stay"
    );
    assert!(after.is_rejected("全面", &EntityKind::Org));
    assert_eq!(harness.state().undo_label(), Some("已拒绝 全面（4 处）"));
    assert!(
        harness.query_by_label("已拒绝 全面（4 处）").is_some(),
        "the count is shown"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        harness.state().project(),
        &before,
        "one undo brings all four back"
    );
}

#[test]
fn confirm_all_confirms_every_mention_with_a_key() {
    let mut harness = harness(App::new_for_test(project()));
    review_whole_project(&mut harness);
    // Past 全面 to 张红军.
    harness.key_press(Key::ArrowDown);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("全部确认(全项目 2 处)")
            .is_some()
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run_steps(3);
    let project = harness.state().project();
    assert_eq!(count(project, "张红军", SpanStatus::Confirmed), 2);
    assert_eq!(
        count(project, "全面", SpanStatus::Suggested),
        4,
        "others untouched"
    );
}

#[test]
fn a_person_without_mentions_is_no_official_and_is_not_exported() {
    let mut harness = harness(App::new_for_test(project()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run_steps(3);
    let shown = |h: &Harness<'_, App>| h.query_all_by_label("管委会主任").count();
    assert!(shown(&harness) > 0, "listed while mentioned");
    review_whole_project(&mut harness);
    harness.key_press(Key::ArrowDown);
    harness.run_steps(3);
    harness.key_press(Key::X);
    harness.run_steps(3);
    let project = harness.state().project().clone();
    assert_eq!(count(&project, "张红军", SpanStatus::Suggested), 0);
    assert!(
        project.registry.entities.iter().all(|e| e.name != "张红军"),
        "the entry only its rejected suggestions mentioned is gone"
    );
    assert_eq!(shown(&harness), 0, "no longer an official");
    let csv = render(&project, ExportFormat::Csv, &ExportOptions::default());
    assert!(
        csv.iter()
            .all(|(_, c)| !String::from_utf8_lossy(c).contains("张红军")),
        "{csv:?}"
    );
}

#[test]
fn rows_hold_still_under_the_pointer_until_it_leaves() {
    let mut harness = harness(App::new_for_test(project()));
    let rejects = |h: &Harness<'_, App>| -> Vec<egui::Rect> {
        h.query_all_by_label("拒绝").map(|n| n.rect()).collect()
    };
    let before = rejects(&harness);
    assert_eq!(before.len(), 2, "two suggested rows in article 1");
    harness.query_all_by_label("拒绝").next().unwrap().click();
    harness.run_steps(3);
    let held = rejects(&harness);
    assert_eq!(held.len(), 1, "the first row was handled");
    assert_eq!(
        held[0], before[1],
        "the next row did not move under the pointer"
    );
    // Once the pointer leaves the list, the rows close up.
    harness.get_by_label("文章").hover();
    harness.run_steps(3);
    let closed = rejects(&harness);
    assert!(
        closed[0].top() < before[1].top(),
        "{closed:?} vs {before:?}"
    );
}
