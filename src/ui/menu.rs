//! The menu bar (文件 编辑 视图 帮助) and the toolbar below it.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::{History, Project};

use super::settings::ViewSettings;
use super::state::{Action, Command, Cursor, FileAction, Selection, SideTab};

/// What the menus need to know to show items enabled or not.
pub struct MenuInput<'a> {
    pub project: &'a Project,
    pub history: &'a History,
    pub selection: Selection,
    pub cursor: Option<Cursor>,
    pub recent: &'a [PathBuf],
    pub view: ViewSettings,
    pub lang: Lang,
}

fn item(ui: &mut egui::Ui, enabled: bool, text: &str, shortcut: &str) -> bool {
    let mut button = egui::Button::new(text);
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    let clicked = ui.add_enabled(enabled, button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

/// One menu item per structure action, enabled where the action applies to the selection.
fn action_items(
    ui: &mut egui::Ui,
    actions: &[Action],
    input: &MenuInput<'_>,
    commands: &mut Vec<Command>,
) {
    for action in actions {
        let command = action.command(input.project, input.selection, input.cursor, input.lang);
        if item(
            ui,
            command.is_some(),
            action.label(input.lang),
            action.shortcut_text(),
        ) {
            commands.extend(command);
        }
    }
}

/// The undo menu text, naming the step.
pub fn undo_text(history: &History, lang: Lang) -> String {
    match history.undo_label() {
        Some(label) => format!(
            "{} {}",
            lang.pick("撤销", "Undo"),
            super::state::label_in(label, lang)
        ),
        None => lang.pick("撤销", "Undo").to_string(),
    }
}

/// The redo menu text, naming the step.
pub fn redo_text(history: &History, lang: Lang) -> String {
    match history.redo_label() {
        Some(label) => format!(
            "{} {}",
            lang.pick("重做", "Redo"),
            super::state::label_in(label, lang)
        ),
        None => lang.pick("重做", "Redo").to_string(),
    }
}

/// Draws the menu bar.
pub fn menu_bar(ui: &mut egui::Ui, input: &MenuInput<'_>) -> Vec<Command> {
    let lang = input.lang;
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(lang.pick("文件", "File"), |ui| {
            if item(
                ui,
                true,
                lang.pick("从原始文本新建项目…", "New project from raw text…"),
                "Ctrl+N",
            ) {
                commands.push(Command::File(FileAction::NewFromRaw));
            }
            if item(ui, true, lang.pick("打开…", "Open…"), "Ctrl+O") {
                commands.push(Command::File(FileAction::OpenDialog));
            }
            ui.menu_button(lang.pick("最近文件", "Recent files"), |ui| {
                if input.recent.is_empty() {
                    ui.weak(lang.pick("(无)", "(none)"));
                }
                for path in input.recent {
                    if item(ui, true, &path.display().to_string(), "") {
                        commands.push(Command::File(FileAction::OpenPath(path.clone())));
                    }
                }
            });
            if item(ui, true, lang.pick("合集…", "Collection…"), "") {
                commands.push(Command::ShowCollection);
            }
            ui.separator();
            if item(ui, true, lang.pick("保存", "Save"), "Ctrl+S") {
                commands.push(Command::Save);
            }
            if item(ui, true, lang.pick("另存为…", "Save as…"), "Ctrl+Shift+S") {
                commands.push(Command::SaveAs);
            }
            ui.separator();
            if item(ui, true, lang.pick("导出…", "Export…"), "") {
                commands.push(Command::ShowExport);
            }
            ui.separator();
            if item(ui, true, lang.pick("退出", "Quit"), "") {
                commands.push(Command::File(FileAction::Quit));
            }
        });
        ui.menu_button(lang.pick("编辑", "Edit"), |ui| {
            if item(
                ui,
                input.history.can_undo(),
                &undo_text(input.history, lang),
                "Ctrl+Z",
            ) {
                commands.push(Command::Undo);
            }
            if item(
                ui,
                input.history.can_redo(),
                &redo_text(input.history, lang),
                "Ctrl+Shift+Z / Ctrl+Y",
            ) {
                commands.push(Command::Redo);
            }
            ui.separator();
            action_items(ui, Action::STRUCTURE, input, &mut commands);
            action_items(ui, Action::HEADINGS, input, &mut commands);
            ui.menu_button(lang.pick("段落类型", "Paragraph kind"), |ui| {
                action_items(ui, Action::KINDS, input, &mut commands);
            });
            ui.separator();
            if item(ui, true, lang.pick("查找…", "Find…"), "Ctrl+F") {
                commands.push(Command::ShowFind);
            }
            if item(
                ui,
                true,
                lang.pick("查找和替换…", "Find and replace…"),
                "Ctrl+H",
            ) {
                commands.push(Command::ShowReplace);
            }
            if item(
                ui,
                true,
                lang.pick("规范标点…", "Normalise punctuation…"),
                "",
            ) {
                commands.push(Command::ShowPunctuation);
            }
            if item(
                ui,
                true,
                lang.pick("重新建议实体", "Suggest entities again"),
                "",
            ) {
                commands.push(Command::SuggestEntities);
            }
        });
        ui.menu_button(lang.pick("标注", "Tagging"), |ui| {
            let entries = [
                (
                    lang.pick("审阅建议队列", "Review queue"),
                    "Ctrl+R",
                    Command::ShowTab(SideTab::Review),
                ),
                (
                    lang.pick("实体登记表", "Registry"),
                    "Ctrl+E",
                    Command::ShowTab(SideTab::Registry),
                ),
                (
                    lang.pick("本篇实体", "Entities of this article"),
                    "Ctrl+Shift+L",
                    Command::ShowTab(SideTab::Entities),
                ),
                (
                    lang.pick("领导名录", "Officials table"),
                    "Ctrl+L",
                    Command::ShowOfficials,
                ),
                (
                    lang.pick(
                        "列出光标处名称的其他出现",
                        "Other occurrences of the name at the cursor",
                    ),
                    "Ctrl+T",
                    Command::OfferOccurrences,
                ),
                (
                    lang.pick("实体类型…", "Entity types…"),
                    "Ctrl+Shift+E",
                    Command::ShowEntityTypes,
                ),
            ];
            for (text, keys, command) in entries {
                if item(ui, true, text, keys) {
                    commands.push(command);
                }
            }
        });
        ui.menu_button(lang.pick("视图", "View"), |ui| {
            let mut view = input.view;
            ui.checkbox(&mut view.outline, lang.pick("文章目录", "Outline"));
            ui.checkbox(&mut view.raw, lang.pick("原始文本", "Raw text"));
            ui.checkbox(&mut view.side, lang.pick("右侧面板", "Right panel"));
            ui.checkbox(
                &mut view.wrap_raw,
                lang.pick("原始文本自动换行", "Wrap raw lines"),
            );
            if view != input.view {
                commands.push(Command::SetView(view));
            }
            ui.separator();
            if ui.radio(lang == Lang::Zh, "中文界面").clicked() {
                commands.push(Command::SetLang(Lang::Zh));
                ui.close();
            }
            if ui.radio(lang == Lang::En, "English interface").clicked() {
                commands.push(Command::SetLang(Lang::En));
                ui.close();
            }
        });
        ui.menu_button(lang.pick("帮助", "Help"), |ui| {
            if item(
                ui,
                true,
                lang.pick("快捷键与说明", "Shortcuts and help"),
                "F1",
            ) {
                commands.push(Command::ShowHelp);
            }
        });
    });
    commands
}

/// Draws the toolbar: files, undo/redo, structure actions, find.
pub fn toolbar(ui: &mut egui::Ui, input: &MenuInput<'_>) -> Vec<Command> {
    let lang = input.lang;
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(lang.pick("打开", "Open"))
            .on_hover_text("Ctrl+O")
            .clicked()
        {
            commands.push(Command::File(FileAction::OpenDialog));
        }
        if ui
            .button(lang.pick("保存", "Save"))
            .on_hover_text("Ctrl+S")
            .clicked()
        {
            commands.push(Command::Save);
        }
        ui.separator();
        let undo = ui
            .add_enabled(
                input.history.can_undo(),
                egui::Button::new(lang.pick("撤销", "Undo")),
            )
            .on_hover_text(undo_text(input.history, lang) + " (Ctrl+Z)");
        if undo.clicked() {
            commands.push(Command::Undo);
        }
        let redo = ui
            .add_enabled(
                input.history.can_redo(),
                egui::Button::new(lang.pick("重做", "Redo")),
            )
            .on_hover_text(redo_text(input.history, lang) + " (Ctrl+Shift+Z)");
        if redo.clicked() {
            commands.push(Command::Redo);
        }
        ui.separator();
        for &action in Action::STRUCTURE {
            let command = action.command(input.project, input.selection, input.cursor, lang);
            let button = ui
                .add_enabled(command.is_some(), egui::Button::new(action.label(lang)))
                .on_hover_text(action.shortcut_text())
                .on_disabled_hover_text(lang.pick(
                    "先在右侧选中一个段落(点击段落或其编号)",
                    "Select a paragraph first (click it or its number)",
                ));
            if button.clicked() {
                commands.extend(command);
            }
        }
        ui.menu_button(lang.pick("标题栏…", "Headings…"), |ui| {
            action_items(ui, Action::HEADINGS, input, &mut commands);
        });
        ui.menu_button(lang.pick("段落类型…", "Paragraph kind…"), |ui| {
            action_items(ui, Action::KINDS, input, &mut commands);
        });
        ui.separator();
        if ui
            .button(lang.pick("查找", "Find"))
            .on_hover_text("Ctrl+F")
            .clicked()
        {
            commands.push(Command::ShowFind);
        }
    });
    commands
}
