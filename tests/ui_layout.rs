//! The window at small sizes (1280×720, 1024×768): nothing overlaps, the article keeps at least
//! half the width, panels can be hidden, raw lines wrap, and a reopened project comes back where
//! the editor stopped.

#![cfg(feature = "window")]

mod common;

use common::sample_app;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiaodui::ui::App;
use jiaodui::ui::settings::{Settings, ViewSettings};

fn harness_at(app: App, size: [f32; 2]) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_context_setup(jiaodui::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run_steps(4);
    harness
}

fn overlap(a: egui::Rect, b: egui::Rect) -> f32 {
    let i = a.intersect(b);
    if i.is_positive() { i.area() } else { 0.0 }
}

#[test]
fn the_panes_fit_small_windows_without_overlapping() {
    for size in [[1280.0, 720.0], [1024.0, 768.0]] {
        let harness = harness_at(sample_app(), size);
        let rects = harness.state().pane_rects();
        let panes = [rects.outline, rects.raw, rects.article, rects.side];
        let panes: Vec<egui::Rect> = panes.into_iter().map(|r| r.expect("shown")).collect();
        for (i, a) in panes.iter().enumerate() {
            assert!(a.width() > 80.0, "{size:?}: pane {i} is usable: {a:?}");
            assert!(
                a.max.x <= size[0] + 0.5,
                "{size:?}: pane {i} inside the window: {panes:?}"
            );
            for b in &panes[i + 1..] {
                assert!(overlap(*a, *b) < 1.0, "{size:?}: {a:?} overlaps {b:?}");
            }
        }
        let article = rects.article.unwrap();
        assert!(
            article.width() >= size[0] / 2.0 - 1.0,
            "{size:?}: the article keeps half the width: {article:?}"
        );
    }
}

#[test]
fn the_view_menu_hides_panels_and_the_article_takes_the_room() {
    let mut harness = harness_at(sample_app(), [1024.0, 768.0]);
    let narrow = harness.state().pane_rects().article.unwrap().width();
    harness.get_by_label("视图").click();
    harness.run_steps(2);
    harness.get_by_label("文章目录").click();
    harness.run_steps(2);
    let view = harness.state().settings().view;
    harness.state_mut().set_view(ViewSettings {
        side: false,
        ..view
    });
    harness.run_steps(3);
    let rects = harness.state().pane_rects();
    assert!(rects.outline.is_none() && rects.side.is_none());
    assert!(rects.article.unwrap().width() > narrow + 200.0);
}

#[test]
fn long_raw_lines_wrap_inside_the_pane() {
    let mut harness = harness_at(sample_app(), [1024.0, 768.0]);
    let project = harness.state().project().clone();
    let (number, longest) = project
        .source
        .text
        .split('\n')
        .enumerate()
        .max_by_key(|(_, l)| l.chars().count())
        .map(|(i, l)| (i + 1, l.to_string()))
        .unwrap();
    // Select the paragraph that holds it: the raw pane follows.
    let at = project
        .articles
        .iter()
        .enumerate()
        .find_map(|(a, article)| {
            article
                .fields()
                .find(|(_, f)| f.source_lines.iter().any(|r| r.contains(number)))
                .map(|(slot, _)| jiaodui::model::FieldRef::new(a, slot))
        })
        .unwrap();
    harness
        .state_mut()
        .run_command(jiaodui::ui::state::Command::SelectField(at));
    harness.run_steps(3);
    let raw = harness.state().pane_rects().raw.unwrap();
    let line = harness.get_by_label(&longest).rect();
    assert!(line.max.x <= raw.max.x + 1.0, "{line:?} inside {raw:?}");
    assert!(
        line.height() > 40.0,
        "the line wraps onto several rows: {line:?}"
    );
    // Without wrapping the line runs on (and the pane scrolls sideways).
    let view = harness.state().settings().view;
    harness.state_mut().set_view(ViewSettings {
        wrap_raw: false,
        ..view
    });
    harness.run_steps(3);
    let line = harness.get_by_label(&longest).rect();
    assert!(line.height() < 40.0, "{line:?}");
}

#[test]
fn a_reopened_project_comes_back_at_the_article_and_shows_its_raw_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.jiaodui.ron");
    let project = sample_app().project().clone();
    jiaodui::formats::project::save(&project, &path).unwrap();
    let app = App::open_for_test(&path, Settings::default()).unwrap();
    let mut harness = harness_at(app, [1280.0, 720.0]);
    harness.state_mut().select_article(2);
    harness.run_steps(3);
    let settings = harness.state().settings().clone();
    drop(harness);
    let reopened = App::open_for_test(&path, settings).unwrap();
    assert_eq!(reopened.selection().article, 2);
    let harness = harness_at(reopened, [1280.0, 720.0]);
    // The raw pane shows the article's first line.
    let first = project.articles[2].source_lines()[0].first;
    let text = project.source.text.split('\n').nth(first - 1).unwrap();
    let shown = harness.query_by_label(text).map(|n| n.rect());
    let raw = harness.state().pane_rects().raw.unwrap();
    assert!(
        shown.is_some_and(|r| raw.intersects(r)),
        "line {first} is in view"
    );
}
