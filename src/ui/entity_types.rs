//! The entity types dialog: the project's list of types (Chinese and English name, colour, number
//! key), extended by the editor with types such as DATE or MEETING. Applied as one
//! `Edit::SetEntityTypes` after [`crate::model::tagging::set_entity_types`] checked it.

use crate::i18n::Lang;
use crate::model::tagging;
use crate::model::{EntityKind, EntityType, Project};

use super::state::Command;

/// One row being edited.
#[derive(Clone, Debug)]
struct Row {
    code: String,
    built_in: bool,
    name_zh: String,
    name_en: String,
    color: [u8; 3],
    key: String,
}

/// The dialog's state.
#[derive(Debug, Default)]
pub struct EntityTypesDialog {
    pub open: bool,
    rows: Vec<Row>,
    error: Option<String>,
}

impl EntityTypesDialog {
    /// Opens the dialog on the project's current types.
    pub fn open(&mut self, project: &Project) {
        self.rows = project
            .entity_types
            .iter()
            .map(|t| Row {
                code: t.kind.code().to_string(),
                built_in: !matches!(t.kind, EntityKind::Other(_)),
                name_zh: t.name_zh.clone(),
                name_en: t.name_en.clone(),
                color: t.color,
                key: if t.key == 0 {
                    String::new()
                } else {
                    t.key.to_string()
                },
            })
            .collect();
        self.error = None;
        self.open = true;
    }

    fn types(&self, lang: Lang) -> Result<Vec<EntityType>, String> {
        self.rows
            .iter()
            .map(|row| {
                let key = match row.key.trim() {
                    "" => 0,
                    text => text.parse::<u8>().map_err(|_| match lang {
                        Lang::Zh => format!("按键“{text}”不是 1–9 的数字。"),
                        Lang::En => format!("Key “{text}” is not a digit 1–9."),
                    })?,
                };
                let code = row.code.trim().to_uppercase();
                Ok(EntityType {
                    kind: EntityKind::from_code(&code),
                    name_zh: row.name_zh.trim().to_string(),
                    name_en: row.name_en.trim().to_string(),
                    color: row.color,
                    key,
                })
            })
            .collect()
    }

    /// Draws the dialog.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, lang: Lang) -> Vec<Command> {
        let mut commands = Vec::new();
        if !self.open {
            return commands;
        }
        let mut open = self.open;
        egui::Window::new(lang.pick("实体类型", "Entity types"))
            .id(egui::Id::unique("entity-types"))
            .open(&mut open)
            .show(ctx, |ui| {
                egui::Grid::new("entity-types-grid")
                    .num_columns(5)
                    .spacing([8.0, 4.0])
                    .show(ui, |ui| {
                        for title in [
                            lang.pick("代码", "Code"),
                            lang.pick("中文名", "Chinese name"),
                            lang.pick("英文名", "English name"),
                            lang.pick("颜色", "Colour"),
                            lang.pick("按键", "Key"),
                        ] {
                            ui.strong(title);
                        }
                        ui.end_row();
                        for row in &mut self.rows {
                            ui.add_enabled(
                                !row.built_in,
                                egui::TextEdit::singleline(&mut row.code).desired_width(80.0),
                            );
                            ui.add(egui::TextEdit::singleline(&mut row.name_zh).desired_width(70.0));
                            ui.add(egui::TextEdit::singleline(&mut row.name_en).desired_width(90.0));
                            ui.color_edit_button_srgb(&mut row.color);
                            ui.add(egui::TextEdit::singleline(&mut row.key).desired_width(24.0));
                            ui.end_row();
                        }
                    });
                ui.horizontal(|ui| {
                    if ui.button(lang.pick("添加类型", "Add a type")).clicked() {
                        let used: Vec<String> = self.rows.iter().map(|r| r.key.clone()).collect();
                        let key = (1..=9u8)
                            .map(|k| k.to_string())
                            .find(|k| !used.contains(k))
                            .unwrap_or_default();
                        self.rows.push(Row {
                            code: String::new(),
                            built_in: false,
                            name_zh: String::new(),
                            name_en: String::new(),
                            color: [120, 90, 200],
                            key,
                        });
                    }
                    if ui.button(lang.pick("应用", "Apply")).clicked() {
                        let checked = self.types(lang).and_then(|types| {
                            tagging::set_entity_types(project, types).map_err(|e| e.message(lang))
                        });
                        match checked {
                            Ok(edit) => {
                                commands.push(Command::Apply {
                                    edit,
                                    label: lang.pick("修改实体类型", "Change entity types").into(),
                                    select: None,
                                });
                                self.error = None;
                                self.open = false;
                            }
                            Err(message) => self.error = Some(message),
                        }
                    }
                });
                if let Some(error) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                ui.weak(lang.pick(
                    "选中文字后按类型的数字键即可标注。内置的四种类型代码不可改。",
                    "Select text and press a type's number key to tag it. The four built-in codes cannot change.",
                ));
            });
        self.open &= open;
        commands
    }
}
