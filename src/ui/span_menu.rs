//! The context menu of a selection or a tagged span (right-click in the article): tag the
//! selection; confirm or reject a suggestion, change the type, list other occurrences, show or
//! unlink the registry entity, remove the tag. The same edits as the keyboard and the side panel
//! build.

use crate::i18n::Lang;
use crate::model::tagging;
use crate::model::{Edit, Project, SpanStatus};

use super::entities_panel;
use super::state::{Command, Cursor, SideTab};

/// "Tag as …" for a selection that is not a tag yet.
fn tag_selection_menu(
    ui: &mut egui::Ui,
    project: &Project,
    cursor: Cursor,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    for ty in &project.entity_types {
        let name = format!(
            "{} {}",
            lang.pick("标注为", "Tag as"),
            lang.pick(&ty.name_zh, &ty.name_en)
        );
        let key = if ty.key == 0 {
            String::new()
        } else {
            ty.key.to_string()
        };
        if ui.add(egui::Button::new(name).shortcut_text(key)).clicked() {
            commands.push(Command::TagSelection {
                cursor,
                kind: ty.kind.clone(),
            });
            ui.close();
        }
    }
    ui.separator();
}

/// Draws the span part of the context menu for the span under `cursor`, if there is one, and
/// returns what the editor chose.
pub fn show(ui: &mut egui::Ui, project: &Project, cursor: Cursor, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    let at = cursor.at;
    let Some(field) = project.field(at) else {
        return commands;
    };
    let exact = field
        .spans
        .iter()
        .any(|s| s.start == cursor.start && s.end == cursor.end);
    if cursor.start < cursor.end && !exact {
        tag_selection_menu(ui, project, cursor, lang, &mut commands);
        return commands;
    }
    let Some(index) = field.span_at(cursor.start) else {
        return commands;
    };
    let span = &field.spans[index];
    let text = field.slice(span.start, span.end).to_string();
    let ty = project.entity_type(&span.kind);
    ui.label(format!("{text}({})", lang.pick(&ty.name_zh, &ty.name_en)));
    let places = [(at, index)];
    let push = |commands: &mut Vec<Command>, edit: Edit, label: &str| {
        commands.push(Command::Apply {
            edit,
            label: format!("{label} {text}"),
            select: None,
        });
    };
    if span.status == SpanStatus::Suggested {
        if ui.button(lang.pick("确认实体", "Confirm entity")).clicked() {
            push(
                &mut commands,
                entities_panel::confirm_edit(project, &places),
                lang.pick("确认实体", "Confirm entity"),
            );
            ui.close();
        }
        if ui.button(lang.pick("拒绝实体", "Reject entity")).clicked() {
            push(
                &mut commands,
                entities_panel::reject_edit(project, &text, &span.kind, &places),
                lang.pick("拒绝实体", "Reject entity"),
            );
            ui.close();
        }
    }
    ui.menu_button(lang.pick("改为类型", "Change type to"), |ui| {
        for other in &project.entity_types {
            let name = lang.pick(&other.name_zh, &other.name_en);
            let key = if other.key == 0 {
                String::new()
            } else {
                other.key.to_string()
            };
            let button = egui::Button::new(name).shortcut_text(key);
            if ui.add_enabled(other.kind != span.kind, button).clicked()
                && let Some(edit) = tagging::retype(project, (at, index), other.kind.clone())
            {
                push(&mut commands, edit, lang.pick("改类型", "Change type of"));
                ui.close();
            }
        }
    });
    let occurrences =
        egui::Button::new(lang.pick("列出其他出现", "Other occurrences")).shortcut_text("Ctrl+T");
    if ui.add(occurrences).clicked() {
        commands.push(Command::OfferOccurrences);
        ui.close();
    }
    if let Some(id) = span.entity {
        if ui
            .button(lang.pick("在登记表中显示", "Show in the registry"))
            .clicked()
        {
            commands.push(Command::ShowEntity(id));
            commands.push(Command::ShowTab(SideTab::Registry));
            ui.close();
        }
        if ui
            .button(lang.pick("取消与实体的关联", "Unlink from its entity"))
            .clicked()
            && let Ok(edit) = tagging::unlink_mention(project, (at, index))
        {
            push(&mut commands, edit, lang.pick("取消关联", "Unlink"));
            ui.close();
        }
    }
    let remove = egui::Button::new(lang.pick("删除标注", "Remove tag")).shortcut_text("Delete");
    if ui.add(remove).clicked() {
        push(
            &mut commands,
            Edit::RemoveSpan { at, index },
            lang.pick("删除标注", "Remove tag"),
        );
        ui.close();
    }
    ui.separator();
    commands
}
