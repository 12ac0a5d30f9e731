//! Paragraph editing as in a word processor, through the window: Enter splits and the cursor
//! goes on in the second half, Backspace at the start joins with the paragraph before, Delete at
//! the end with the one after, and undo shows what it brought back.

#![cfg(feature = "window")]

mod common;

use common::{harness, sample_app};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiaodui::model::{FieldRef, FieldSlot};
use jiaodui::ui::App;
use jiaodui::ui::state::{Action, Command, Cursor, Selection};

fn paragraphs(harness: &Harness<'_, App>) -> Vec<String> {
    harness.state().project().articles[0]
        .paragraphs
        .iter()
        .map(|p| p.text.clone())
        .collect()
}

fn at(p: usize) -> FieldRef {
    FieldRef::new(0, FieldSlot::Paragraph(p))
}

fn caret(p: usize, char: usize) -> Option<Cursor> {
    Some(Cursor {
        at: at(p),
        start: char,
        end: char,
    })
}

#[test]
fn split_join_back_and_forth_with_enter_backspace_and_delete() {
    let mut harness = harness(sample_app());
    let before = paragraphs(&harness);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    harness.run_steps(1);
    for _ in 0..5 {
        harness.key_press(Key::ArrowRight);
        harness.run_steps(1);
    }
    harness.key_press(Key::Enter);
    harness.run_steps(4);
    let split = paragraphs(&harness);
    assert_eq!(split.len(), before.len() + 1);
    assert_eq!(format!("{}{}", split[0], split[1]), before[0]);
    // The second half is current and holds the cursor at its start.
    assert_eq!(
        harness.state().selection(),
        Selection::field(at(1)),
        "the second half is the current paragraph"
    );
    assert_eq!(harness.state().cursor(), caret(1, 0));

    let seam = split[0].chars().count();
    harness.key_press(Key::Backspace);
    harness.run_steps(4);
    assert_eq!(
        paragraphs(&harness),
        before,
        "Backspace at the start joins back"
    );
    assert_eq!(harness.state().selection(), Selection::field(at(0)));
    assert_eq!(
        harness.state().cursor(),
        caret(0, seam),
        "the cursor stays at the seam"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    harness.run_steps(2);
    let end = before[0].chars().count();
    assert_eq!(harness.state().cursor(), caret(0, end));
    harness.key_press(Key::Delete);
    harness.run_steps(4);
    let joined = paragraphs(&harness);
    assert_eq!(joined.len(), before.len() - 1);
    assert_eq!(joined[0], format!("{}{}", before[0], before[1]));
    assert_eq!(harness.state().cursor(), caret(0, end));
}

#[test]
fn the_toolbar_joins_both_ways_and_undo_shows_what_came_back() {
    let mut harness = harness(sample_app());
    assert!(harness.query_by_label("与上段合并").is_some());
    assert!(harness.query_by_label("与下段合并").is_some());
    // Move the first paragraph of article 2 to the end of article 1, then look elsewhere.
    let second = harness.state().project().articles[1].paragraphs[0]
        .text
        .clone();
    let project = harness.state().project().clone();
    let selection = Selection::field(FieldRef::new(1, FieldSlot::Paragraph(0)));
    let command = Action::MoveToPreviousArticle
        .command(&project, selection, None, harness.state().lang())
        .expect("a paragraph can move to the previous article");
    harness.state_mut().run_command(command);
    harness.state_mut().run_command(Command::SelectArticle(3));
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection(),
        Selection::field(FieldRef::new(1, FieldSlot::Paragraph(0))),
        "undo shows the paragraph back in article 2"
    );
    assert_eq!(
        harness.state().project().articles[1].paragraphs[0].text,
        second
    );
    assert!(harness.query_by_label_contains("第 2 篇,共").is_some());
}
