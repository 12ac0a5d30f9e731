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

/// The text input of the export dialog whose value ends with `ending`.
fn target_field<'a>(
    harness: &'a egui_kittest::Harness<'static, jiaodui::ui::App>,
    ending: &'a str,
) -> egui_kittest::Node<'a> {
    harness.get_by(move |n| {
        n.role() == egui::accesskit::Role::TextInput
            && n.value().is_some_and(|v| v.ends_with(ending))
    })
}

#[test]
fn plain_text_export_proposes_a_new_name_and_asks_before_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("corrected.txt");
    std::fs::write(&target, "an earlier export").unwrap();
    let mut harness = harness(sample_app());
    harness.state_mut().run_command(Command::ShowExport);
    harness.run_steps(2);
    harness.get_by_label("纯文本 (.txt)").click();
    harness.run_steps(2);
    // Never the raw text (sample.txt): a name of its own.
    let proposed = target_field(&harness, ".corrected.txt").value().unwrap();
    let source = &harness.state().project().source.name;
    assert!(!proposed.ends_with(&format!("/{source}")), "{proposed}");
    target_field(&harness, ".corrected.txt").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    target_field(&harness, ".corrected.txt").type_text(&target.display().to_string());
    harness.run_steps(2);
    // The preview names the file really written and warns that it exists.
    assert!(
        harness
            .query_by_label_contains("将写入 1 个文件:corrected.txt")
            .is_some()
    );
    assert!(harness.query_by_label_contains("将替换已有文件").is_some());
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "导出")
        .click();
    harness.run_steps(2);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "an earlier export"
    );
    harness.get_by_label("替换并导出").click();
    harness.run_steps(2);
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("高新区召开党工委(扩大)会议"), "{written}");
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
