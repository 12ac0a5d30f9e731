//! Keyboard shortcuts of the window, taken before the widgets see them.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::{Edit, EntityKind, FieldSlot, Span};

use super::App;
use crate::ui::state::{Action, Command, Cursor, FileAction};

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
        if pressed(Modifiers::SHIFT, Key::F3) {
            commands.push(Command::FindStep(false));
        }
        if pressed(Modifiers::NONE, Key::F3) {
            commands.push(Command::FindStep(true));
        }
        if pressed(Modifiers::NONE, Key::F1) {
            commands.push(Command::ShowHelp);
        }
        let mut actions = Vec::new();
        if pressed(cmd_shift, Key::Enter) {
            actions.push(Action::SplitArticleHere);
        }
        if pressed(cmd_shift, Key::M) {
            actions.push(Action::MergeWithNextArticle);
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
        for action in actions {
            commands.extend(action.command(&self.project, self.selection, self.cursor, lang));
        }
        self.take_tagging_keys(ctx, commands);
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
        if let Some(index) = tagged
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete))
        {
            commands.push(Command::Apply {
                edit: Edit::RemoveSpan {
                    at: cursor.at,
                    index,
                },
                label: self.lang().pick("删除标注", "Remove tag").to_string(),
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
        commands.push(self.tag_command(cursor, kind));
    }

    fn tag_command(&self, cursor: Cursor, kind: EntityKind) -> Command {
        let lang = self.lang();
        let ty = self.project.entity_type(&kind);
        Command::Apply {
            edit: Edit::AddSpan {
                at: cursor.at,
                span: Span::by_editor(cursor.start, cursor.end, kind),
            },
            label: format!(
                "{} {}",
                lang.pick("标注", "Tag as"),
                lang.pick(&ty.name_zh, &ty.name_en)
            ),
            select: None,
        }
    }
}
