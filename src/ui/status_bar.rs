//! The status bar: which file, saved or not, the encoding, counts and background work.

use std::path::Path;

use crate::i18n::Lang;
use crate::model::{History, Project};

/// What the status bar shows.
pub struct StatusInput<'a> {
    pub project: &'a Project,
    pub history: &'a History,
    pub path: Option<&'a Path>,
    pub progress: Option<String>,
    pub lang: Lang,
}

/// "已校对 3/16 篇": how far the editor has got through the bulletin.
pub fn progress_text(checked: usize, articles: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已校对 {checked}/{articles} 篇"),
        Lang::En => format!("Checked {checked}/{articles} articles"),
    }
}

/// Draws the status bar.
pub fn show(ui: &mut egui::Ui, input: &StatusInput<'_>) {
    let lang = input.lang;
    let project = input.project;
    ui.horizontal(|ui| {
        let file = match input.path {
            Some(path) => path.display().to_string(),
            None => format!(
                "{} ({})",
                project.source.name,
                lang.pick("未保存为项目", "not yet saved as a project")
            ),
        };
        ui.label(file);
        ui.separator();
        if input.path.is_none() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                lang.pick("尚未保存", "not saved yet"),
            );
        } else if input.history.is_dirty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                lang.pick("有未保存的修改", "unsaved changes"),
            );
        } else {
            ui.label(lang.pick("已保存", "saved"));
        }
        ui.separator();
        ui.label(format!(
            "{} {}",
            lang.pick("编码", "Encoding"),
            project.source.encoding
        ));
        ui.separator();
        let checked = project.articles.iter().filter(|a| a.checked).count();
        ui.strong(progress_text(checked, project.articles.len(), lang));
        ui.separator();
        ui.label(format!(
            "{} · {} · {}",
            lang.count(project.paragraph_count(), "段", "paragraph", "paragraphs"),
            lang.count(project.span_count(), "实体", "entity", "entities"),
            match lang {
                Lang::Zh => format!("{} 处断行修复", project.join_count()),
                Lang::En => lang.count(
                    project.join_count(),
                    "",
                    "scan break repaired",
                    "scan breaks repaired",
                ),
            }
        ));
        if let Some(progress) = &input.progress {
            ui.separator();
            ui.spinner();
            ui.label(progress);
        }
    });
}
