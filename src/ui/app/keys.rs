//! Keyboard shortcuts of the window, taken before the widgets see them.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::{Edit, FieldSlot, ParagraphKind};

use super::App;
use crate::ui::state::{Action, Command, FileAction, ReviewStep, SideTab};

impl App {
    /// Keyboard shortcuts, taken before the widgets see them (so Ctrl+Z undoes the project, not
    /// just the text field, and digits that tag a selection are not typed).
    pub(super) fn take_shortcuts(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let cmd_alt = Modifiers::COMMAND | Modifiers::ALT;
        let lang = self.lang();
        let pressed = |modifiers: Modifiers, key: Key| {
            ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)))
        };
        // Shift variants first: a pattern without Shift also matches with Shift held.
        if pressed(cmd_shift, Key::Z) || pressed(cmd, Key::Y) {
            commands.push(Command::Redo);
        }
        if pressed(cmd, Key::Z) {
            commands.push(Command::Undo);
        }
        if pressed(cmd_shift, Key::S) {
            commands.push(Command::SaveAs);
        }
        if pressed(cmd, Key::S) {
            commands.push(Command::Save);
        }
        if pressed(cmd, Key::O) {
            commands.push(Command::File(FileAction::OpenDialog));
        }
        if pressed(cmd, Key::N) {
            commands.push(Command::File(FileAction::NewFromRaw));
        }
        if pressed(cmd, Key::F) {
            commands.push(Command::ShowFind);
        }
        if pressed(cmd, Key::H) {
            commands.push(Command::ShowReplace);
        }
        if pressed(Modifiers::SHIFT, Key::F3) {
            commands.push(Command::FindStep(false));
        }
        if pressed(Modifiers::NONE, Key::F3) {
            commands.push(Command::FindStep(true));
        }
        if pressed(Modifiers::NONE, Key::F1) {
            commands.push(Command::ShowHelp);
        }
        // Shift and Alt variants before the plain ones, as above.
        let tagging_keys = [
            (cmd_shift, Key::L, Command::ShowTab(SideTab::Entities)),
            (cmd, Key::L, Command::ShowOfficials),
            (cmd_shift, Key::E, Command::ShowEntityTypes),
            (cmd, Key::E, Command::ShowTab(SideTab::Registry)),
            (cmd, Key::R, Command::ShowTab(SideTab::Review)),
            (cmd_shift, Key::T, Command::TagAllListed),
            (cmd, Key::T, Command::OfferOccurrences),
        ];
        for (modifiers, key, command) in tagging_keys {
            if pressed(modifiers, key) {
                commands.push(command);
            }
        }
        if !ctx.text_edit_focused() {
            self.take_keys_outside_text(ctx, commands);
        }
        let mut actions = Vec::new();
        if pressed(cmd_shift, Key::Enter) {
            actions.push(Action::SplitArticleHere);
        }
        if pressed(cmd_shift, Key::Backspace) {
            actions.push(Action::MergeWithPreviousArticle);
        }
        if pressed(cmd_shift, Key::M) {
            actions.push(Action::MergeWithNextArticle);
        }
        if pressed(cmd_shift, Key::J) {
            actions.push(Action::JoinWithPreviousParagraph);
        }
        if pressed(cmd, Key::J) {
            actions.push(Action::JoinWithNextParagraph);
        }
        if pressed(Modifiers::ALT, Key::ArrowUp) {
            actions.push(Action::MoveToPreviousArticle);
        }
        if pressed(Modifiers::ALT, Key::ArrowDown) {
            actions.push(Action::MoveToNextArticle);
        }
        for (key, slot) in [
            (Key::Num1, FieldSlot::Headline),
            (Key::Num2, FieldSlot::Kicker),
            (Key::Num3, FieldSlot::Subheadline),
            (Key::Num4, FieldSlot::Byline),
        ] {
            if pressed(cmd_alt, key) {
                actions.push(Action::MakeHeader(slot));
            }
        }
        if pressed(cmd_alt, Key::Num0) {
            actions.push(Action::HeaderToParagraph);
        }
        // Ctrl+1–5 after Ctrl+Alt+digit: a pattern without Alt also matches with Alt held.
        let kind_keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
        for (key, kind) in kind_keys.into_iter().zip(ParagraphKind::ALL) {
            if pressed(cmd, key) {
                actions.push(Action::SetKind(kind));
            }
        }
        for action in actions {
            commands.extend(action.command(&self.project, self.selection, self.cursor, lang));
        }
        self.take_tagging_keys(ctx, commands);
    }

    /// Keys that mean something only while no text field has focus: `?` for the shortcut sheet,
    /// and the review queue's Enter, Backspace/X and arrows.
    fn take_keys_outside_text(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let question = ctx.input_mut(|i| {
            let found = i
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if t == "?" || t == "\u{ff1f}"));
            i.events
                .retain(|e| !matches!(e, egui::Event::Text(t) if t == "?" || t == "\u{ff1f}"));
            found || i.consume_key(Modifiers::NONE, Key::Questionmark)
        });
        if question {
            commands.push(Command::ShowHelp);
        }
        // A question on screen (unsaved changes, work to restore) takes the keys first.
        if self.side != SideTab::Review
            || self.restore_offer.is_some()
            || self.unsaved_prompt.is_some()
        {
            return;
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Enter)) {
            commands.push(Command::Review(ReviewStep::AcceptAll));
        }
        let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        let steps = [
            (Key::Enter, ReviewStep::Accept),
            (Key::Backspace, ReviewStep::Reject),
            (Key::X, ReviewStep::Reject),
            (Key::ArrowDown, ReviewStep::Next),
            (Key::ArrowRight, ReviewStep::Next),
            (Key::ArrowUp, ReviewStep::Previous),
            (Key::ArrowLeft, ReviewStep::Previous),
        ];
        for (key, step) in steps {
            if pressed(key) {
                commands.push(Command::Review(step));
            }
        }
    }

    /// Number keys 1–9 over a text selection tag it with the entity type of that key; Delete
    /// over a selection that is exactly a tagged name removes the tag and keeps the text.
    fn take_tagging_keys(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(cursor) = self
            .cursor
            .filter(|c| c.start < c.end && self.focused == Some(c.at))
        else {
            return;
        };
        let tagged = self.project.field(cursor.at).and_then(|f| {
            f.spans
                .iter()
                .position(|s| s.start == cursor.start && s.end == cursor.end)
        });
        if tagged.is_some() {
            let alt_shift = Modifiers::ALT | Modifiers::SHIFT;
            let resize = [
                (alt_shift, Key::ArrowLeft, -1, 0),
                (alt_shift, Key::ArrowRight, 1, 0),
                (Modifiers::SHIFT, Key::ArrowLeft, 0, -1),
                (Modifiers::SHIFT, Key::ArrowRight, 0, 1),
            ];
            for (modifiers, key, start_by, end_by) in resize {
                if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key))) {
                    commands.push(Command::ResizeSpan { start_by, end_by });
                    return;
                }
            }
        }
        if let Some(index) = tagged
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete))
        {
            commands.push(Command::Apply {
                edit: Edit::RemoveSpan {
                    at: cursor.at,
                    index,
                },
                label: crate::ui::state::both_labels("删除标注", "Remove tag"),
                select: None,
            });
            return;
        }
        // Correcting a number (select 6, type 7) must stay typing: digits over a selection that
        // holds a digit are text, not tags (names and titles have no digits).
        let selected_has_digit = self.project.field(cursor.at).is_some_and(|f| {
            f.slice(cursor.start, cursor.end)
                .chars()
                .any(|c| c.is_numeric())
        });
        if selected_has_digit {
            return;
        }
        let typed = ctx.input(|i| {
            i.events.iter().find_map(|event| match event {
                egui::Event::Text(text) if i.modifiers.is_none() => {
                    let digit = text.parse::<u8>().ok()?;
                    self.project
                        .entity_types
                        .iter()
                        .find(|t| t.key == digit)
                        .map(|t| (text.clone(), t.kind.clone()))
                }
                _ => None,
            })
        });
        let Some((text, kind)) = typed else {
            return;
        };
        ctx.input_mut(|i| {
            i.events.retain(|event| match event {
                egui::Event::Text(t) => t != &text,
                egui::Event::Key { key, .. } => key.symbol_or_name() != text,
                _ => true,
            })
        });
        commands.push(Command::TagSelection { cursor, kind });
    }
}
