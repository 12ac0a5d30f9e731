//! The collection window as an editor uses it: the issues by date with their progress, an issue
//! opened in place with the collection's decisions applied (and undoable), a find across the
//! issues where Enter opens the hit, and the officials over time.

#![cfg(feature = "window")]

mod common;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use common::{harness, sample_app};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use jiaodui::collection::Collection;
use jiaodui::collection::batch::{self, BatchOptions};
use jiaodui::i18n::Lang;
use jiaodui::model::{EntityKind, SpanStatus};
use jiaodui::ui::state::Command;

/// A collection of two issues of the sample (6 June and 1 July 2021) in `dir/archive`.
fn collection(dir: &Path) -> std::path::PathBuf {
    let raw = dir.join("raw");
    std::fs::create_dir_all(&raw).unwrap();
    for (m, d) in [(6, 10), (7, 1)] {
        std::fs::write(
            raw.join(format!("gaoxin-2021-{m:02}-{d:02}.txt")),
            jiaodui::SAMPLE_BULLETIN.replace("6月10日", &format!("{m}月{d}日")),
        )
        .unwrap();
    }
    let out = dir.join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    let (files, _) = batch::collect_inputs(&[raw], Lang::Zh);
    let options = BatchOptions {
        force: false,
        with_entities: true,
        lang: Lang::Zh,
    };
    batch::import(
        &mut collection,
        &files,
        options,
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    out
}

fn suggested_zhang(project: &jiaodui::model::Project) -> usize {
    project
        .articles
        .iter()
        .flat_map(|a| a.fields())
        .map(|(_, f)| {
            f.spans
                .iter()
                .filter(|s| {
                    s.status == SpanStatus::Suggested
                        && s.kind == EntityKind::Person
                        && f.slice(s.start, s.end) == "张红军"
                })
                .count()
        })
        .sum()
}

#[test]
fn issues_are_listed_by_date_and_open_in_place_with_the_decisions_applied() {
    let dir = tempfile::tempdir().unwrap();
    let out = collection(dir.path());
    let mut index = Collection::open(&out).unwrap();
    index.index.decisions.reject("张红军", EntityKind::Person);
    index.save().unwrap();

    let mut harness = harness(sample_app());
    assert!(harness.state_mut().open_collection(&out));
    harness.run_steps(2);
    assert!(harness.query_by_label("2021-06-10").is_some());
    assert!(harness.query_by_label("gaoxin-2021-07-01").is_some());
    assert!(
        harness
            .query_by_label_contains("2 期,已校对 0/8 篇")
            .is_some()
    );
    harness
        .get_all_by_role_and_label(Role::Button, "打开")
        .last()
        .expect("one button per issue, the last for 1 July")
        .click();
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(
        app.path(),
        Some(out.join("gaoxin-2021-07-01.jiaodui.ron").as_path())
    );
    assert_eq!(
        suggested_zhang(app.project()),
        0,
        "the rejection holds here"
    );
    assert_eq!(app.undo_label(), Some("应用合集的决定"));
    harness.state_mut().run_command(Command::Undo);
    assert!(suggested_zhang(harness.state().project()) > 0, "undone");
    harness.state_mut().run_command(Command::Redo);

    // Reviewing an article and saving shows in the list.
    harness.state_mut().run_command(Command::Apply {
        edit: jiaodui::model::Edit::SetChecked {
            article: 0,
            checked: true,
        },
        label: "review".into(),
        select: None,
    });
    harness.state_mut().run_command(Command::Save);
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("2 期,已校对 1/8 篇")
            .is_some()
    );
    let saved = Collection::open(&out).unwrap();
    assert_eq!(
        saved
            .index
            .issue("gaoxin-2021-07-01")
            .unwrap()
            .counts
            .reviewed,
        1
    );
}

#[test]
fn a_find_across_the_issues_opens_the_hit_on_enter() {
    let dir = tempfile::tempdir().unwrap();
    let out = collection(dir.path());
    let mut harness = harness(sample_app());
    harness.state_mut().open_collection(&out);
    harness.run_steps(2);
    harness.get_by_label("跨期查找").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "查找")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "查找")
        .type_text("7月1日");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let hits = &harness.state().collection_window().hits().to_vec();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.issue == "gaoxin-2021-07-01"));
    assert_eq!(
        harness.query_all_by_label_contains("【7月1日】").count(),
        hits.len()
    );
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(
        app.path(),
        Some(out.join("gaoxin-2021-07-01.jiaodui.ron").as_path())
    );
    assert_eq!(app.selection().article, hits[0].at.article);
    assert_eq!(app.selection().field, Some(hits[0].at.slot));
}

#[test]
fn officials_over_time_show_as_a_table_with_a_timeline_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = collection(dir.path());
    let mut harness = harness(sample_app());
    harness.state_mut().open_collection(&out);
    harness.run_steps(2);
    harness.get_by_label("领导任职").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("管委会主任").is_some());
    assert!(
        harness
            .query_all_by_label("2021-06-10 — 2021-07-01")
            .next()
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::TextInput, "机构筛选")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "机构筛选")
        .type_text("党工委");
    harness.run_steps(2);
    assert!(
        harness.query_by_label("管委会主任").is_none(),
        "filtered out"
    );
    harness.state_mut().run_command(Command::SetLang(Lang::En));
    harness.run_steps(2);
    assert!(harness.query_by_label("Officials over time").is_some());
    assert!(harness.query_by_label("Timeline").is_some());
}

#[test]
fn a_folder_that_is_no_collection_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(sample_app());
    assert!(!harness.state_mut().open_collection(dir.path()));
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("无法读写").is_some());
    assert!(harness.state().collection_window().collection().is_none());
}

#[test]
fn two_spellings_are_merged_across_issues_in_the_window_and_the_merge_undone() {
    let dir = tempfile::tempdir().unwrap();
    let out = collection(dir.path());
    // The second issue spells the name another way.
    let mut index = Collection::open(&out).unwrap();
    let second = "gaoxin-2021-07-01";
    let mut project = index.load_issue(second).unwrap();
    let registry = &mut project.registry;
    let id = registry.find(&EntityKind::Person, "张红军").unwrap().id;
    registry.get_mut(id).unwrap().name = "张宏军".into();
    index.record_issue(second, &project).unwrap();
    index.save().unwrap();
    let people = |c: &Collection| {
        c.index
            .registry
            .entities
            .iter()
            .filter(|e| e.is_called("张红军") || e.is_called("张宏军"))
            .count()
    };
    assert_eq!(people(&index), 2);

    let mut harness = harness(sample_app());
    harness.state_mut().open_collection(&out);
    harness.run_steps(2);
    harness.get_by_label("跨期登记表").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::CheckBox, "张红军")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::CheckBox, "张宏军")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::Button, "合并所选")
        .click();
    harness.run_steps(2);
    let saved = Collection::open(&out).unwrap();
    assert_eq!(people(&saved), 1, "merged and saved");
    assert!(
        saved
            .index
            .decisions
            .merge_of(&EntityKind::Person, "张宏军")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "撤销合并或拆分")
        .click();
    harness.run_steps(2);
    let undone = Collection::open(&out).unwrap();
    assert_eq!(people(&undone), 2);
    assert!(undone.index.decisions.merged.is_empty());
}
