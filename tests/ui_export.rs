//! 文件 → 导出… and 编辑 → 规范标点… through the window, as a user clicks them.

#![cfg(feature = "window")]

mod common;

use common::{harness, sample_app};

use egui_kittest::kittest::Queryable;
use jiaodui::ui::state::Command;

#[test]
fn the_export_dialog_previews_and_writes_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("articles.md");
    let mut harness = harness(sample_app());
    harness.state_mut().run_command(Command::ShowExport);
    harness.run_steps(2);
    harness.get_by_label("Markdown (.md)").click();
    harness.run_steps(2);
    // The preview shows the first article as Markdown before anything is written.
    assert!(
        harness
            .query_by_label_contains("# 高新区召开党工委(扩大)会议")
            .is_some(),
        "the preview shows the Markdown heading"
    );
    let field = harness.get_by(|n| {
        n.role() == egui::accesskit::Role::TextInput
            && n.value().is_some_and(|v| v.ends_with(".md"))
    });
    field.click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by(|n| {
            n.role() == egui::accesskit::Role::TextInput
                && n.value().is_some_and(|v| v.ends_with(".md"))
        })
        .type_text(&target.display().to_string());
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "导出")
        .click();
    harness.run_steps(2);
    let written = std::fs::read_to_string(&target).expect("the file was written");
    assert!(
        written.starts_with("# 高新区召开党工委(扩大)会议"),
        "{}",
        &written[..80]
    );
    assert!(harness.query_by_label_contains("已写入 1 个文件").is_some());
}

#[test]
fn punctuation_is_normalised_only_when_applied_and_undoes_in_one_step() {
    let mut harness = harness(sample_app());
    let before = harness.state().project().clone();
    harness.state_mut().run_command(Command::ShowPunctuation);
    harness.run_steps(2);
    assert_eq!(
        harness.state().project(),
        &before,
        "opening the dialog changes nothing"
    );
    harness.get_by_label("应用(可撤销)").click();
    harness.run_steps(2);
    let after = harness.state().project().clone();
    assert_ne!(after, before);
    let lead = &after.articles[0].paragraphs[0].text;
    assert!(lead.contains("6月10日，高新区"), "{lead}");
    harness.state_mut().run_command(Command::Undo);
    harness.run_steps(1);
    assert_eq!(harness.state().project(), &before);
}
