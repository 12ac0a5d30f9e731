//! 编辑 → 查找和替换 (Ctrl+H) through the window: across the whole project, one step of undo.

#![cfg(feature = "window")]

mod common;

use common::{harness, sample_app};

use egui_kittest::kittest::Queryable;
use jiaodui::ui::state::Command;

/// The articles whose text contains `needle`.
fn articles_with(project: &jiaodui::model::Project, needle: &str) -> Vec<usize> {
    project
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.fields().any(|(_, f)| f.text.contains(needle)))
        .map(|(i, _)| i)
        .collect()
}

/// Focuses the text field labelled `label`, then types `text` into it.
fn type_into(harness: &mut egui_kittest::Harness<'_, jiaodui::ui::App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .type_text(text);
}

#[test]
fn replace_all_changes_every_article_in_one_undoable_step() {
    let mut harness = harness(sample_app());
    let before = harness.state().project().clone();
    let holding = articles_with(&before, "高新区");
    assert!(holding.len() >= 3, "the sample names 高新区 in {holding:?}");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    harness.run_steps(2);
    // Ctrl+H puts the cursor in the query field.
    type_into(&mut harness, "查找", "高新区");
    harness.run_steps(2);
    type_into(&mut harness, "替换为", "高新技术开发区");
    harness.run_steps(2);
    // Every hit is listed with its article.
    for article in &holding {
        let place = format!("第 {} 篇 · ", article + 1);
        assert!(
            harness.query_all_by_label_contains(&place).count() > 0,
            "{place} listed"
        );
    }

    harness.get_by_label("全部替换").click();
    harness.run_steps(2);
    let after = harness.state().project().clone();
    assert!(articles_with(&after, "高新区").is_empty(), "no hit left");
    assert_eq!(articles_with(&after, "高新技术开发区"), holding);
    assert_eq!(after.articles.len(), before.articles.len());
    // Spans moved with the text: each still covers the same words.
    for (old, new) in before.articles.iter().zip(&after.articles) {
        for ((_, f_old), (_, f_new)) in old.fields().zip(new.fields()) {
            let words = |f: &jiaodui::model::TextField| -> Vec<String> {
                f.spans
                    .iter()
                    .map(|s| f.slice(s.start, s.end).replace("高新区", "高新技术开发区"))
                    .collect()
            };
            assert_eq!(words(f_old), words(f_new));
        }
    }
    let label = harness.state().undo_label().unwrap().to_string();
    assert!(
        label.starts_with("全部替换 高新区→高新技术开发区"),
        "{label}"
    );

    harness.state_mut().run_command(Command::Undo);
    harness.run_steps(1);
    assert_eq!(
        harness.state().project(),
        &before,
        "one undo restores everything"
    );
}

#[test]
fn replace_one_changes_only_the_current_hit_and_a_bad_regex_is_reported() {
    let mut harness = harness(sample_app());
    let before = harness.state().project().clone();
    harness.state_mut().run_command(Command::ShowReplace);
    harness.run_steps(2);
    type_into(&mut harness, "查找", "会议");
    harness.run_steps(1);
    type_into(&mut harness, "替换为", "大会");
    harness.run_steps(2);
    let count = |p: &jiaodui::model::Project, needle: &str| -> usize {
        p.articles
            .iter()
            .flat_map(|a| a.fields().map(|(_, f)| f.text.matches(needle).count()))
            .sum()
    };
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "替换")
        .click();
    harness.run_steps(2);
    let after = harness.state().project().clone();
    assert_eq!(count(&after, "会议"), count(&before, "会议") - 1);
    assert_eq!(count(&after, "大会"), count(&before, "大会") + 1);

    harness.get_by_label("正则表达式").click();
    harness.run_steps(1);
    type_into(&mut harness, "查找", "(");
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("正则表达式有误").is_some());
}
