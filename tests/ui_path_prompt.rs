//! The typed-path box shown when no system file dialog is available: it starts with a suggested
//! folder and name, holds the keyboard focus, Enter confirms and Esc cancels.

#![cfg(feature = "window")]

use std::path::{Path, PathBuf};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiaodui::i18n::Lang;
use jiaodui::ui::files::{Dialogs, Purpose, prefill};

#[derive(Default)]
struct Prompt {
    dialogs: Dialogs,
    chosen: Option<(Purpose, PathBuf)>,
}

fn prompt_for(purpose: Purpose, suggested: Option<&Path>) -> Harness<'static, Prompt> {
    let mut state = Prompt::default();
    state
        .dialogs
        .offer_prompt(purpose, prefill(purpose, suggested), true);
    let mut harness = Harness::builder()
        .with_size([1024.0, 768.0])
        .with_context_setup(jiaodui::ui::fonts::install)
        .build_ui_state(
            |ui, state: &mut Prompt| {
                if let Some(chosen) = state.dialogs.show_prompt(ui.ctx(), Lang::Zh) {
                    state.chosen = Some(chosen);
                }
            },
            state,
        );
    harness.run_steps(3);
    harness
}

#[test]
fn save_as_starts_with_the_suggested_file_focused_and_enter_confirms() {
    let suggested = std::env::temp_dir().join("简报.jiaodui.ron");
    let mut harness = prompt_for(Purpose::SaveAs, Some(&suggested));
    let field = harness.get_by_role_and_label(Role::TextInput, "路径");
    assert_eq!(field.value().as_deref(), Some(suggested.to_str().unwrap()));
    assert!(field.is_focused(), "the field has the keyboard focus");
    assert!(harness.query_by_label("保存").is_some());
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert_eq!(
        harness.state().chosen,
        Some((Purpose::SaveAs, suggested.clone()))
    );
    assert!(harness.state().dialogs.prompt.is_none());
}

#[test]
fn open_starts_in_the_projects_folder_and_esc_cancels() {
    let folder = std::env::temp_dir();
    let mut harness = prompt_for(Purpose::Open, Some(&folder.join("a.jiaodui.ron")));
    let value = harness
        .get_by_role_and_label(Role::TextInput, "路径")
        .value()
        .unwrap();
    assert!(value.starts_with(folder.to_str().unwrap()), "{value}");
    assert!(value.ends_with(std::path::MAIN_SEPARATOR), "{value}");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().dialogs.prompt.is_none());
    assert_eq!(harness.state().chosen, None);
}
