//! Small things of a working day: the shortcut sheet closes with Esc and F1, the status bar
//! counts the checked articles, messages follow the interface language.

#![cfg(feature = "window")]

mod common;

use common::{harness, sample_app};

use egui::Key;
use egui_kittest::kittest::Queryable;
use jiaodui::i18n::Lang;
use jiaodui::ui::state::Command;

#[test]
fn the_shortcut_sheet_closes_with_f1_and_esc() {
    let mut harness = harness(sample_app());
    let open = |h: &egui_kittest::Harness<'_, jiaodui::ui::App>| {
        h.query_by_label("打开审阅队列").is_some()
    };
    harness.key_press(Key::F1);
    harness.run_steps(2);
    assert!(open(&harness));
    harness.key_press(Key::F1);
    harness.run_steps(2);
    assert!(!open(&harness), "F1 closes it again");
    harness.key_press(Key::F1);
    harness.run_steps(2);
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!open(&harness), "Esc closes it");
}

#[test]
fn the_status_bar_counts_checked_articles_and_the_checkboxes_are_labelled() {
    let mut harness = harness(sample_app());
    let n = harness.state().project().articles.len();
    assert!(
        harness
            .query_by_label(&format!("已校对 0/{n} 篇"))
            .is_some()
    );
    harness
        .query_all_by_label("已校对")
        .next()
        .expect("a labelled checkbox per article")
        .click();
    harness.run_steps(2);
    assert!(harness.state().project().articles[0].checked);
    assert!(
        harness
            .query_by_label(&format!("已校对 1/{n} 篇"))
            .is_some()
    );
    assert_eq!(harness.state().undo_label(), Some("标记已校对"));
    harness.state_mut().run_command(Command::SetLang(Lang::En));
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label(&format!("Checked 1/{n} articles"))
            .is_some()
    );
    // The undo step is named in the new language too.
    assert_eq!(harness.state().undo_label(), Some("Mark checked"));
}

#[test]
fn the_save_banner_follows_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.jiaodui.ron");
    let mut harness = harness(sample_app());
    assert!(harness.state_mut().save_to(&path));
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("已保存到").is_some());
    harness.state_mut().run_command(Command::SetLang(Lang::En));
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("已保存到").is_none());
    assert!(harness.query_by_label_contains("Saved to").is_some());
}
