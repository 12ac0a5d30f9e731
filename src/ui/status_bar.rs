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
        ui.label(match lang {
            Lang::Zh => format!(
                "{} 篇 · {} 段 · {} 实体 · {} 处断行修复",
                project.articles.len(),
                project.paragraph_count(),
                project.span_count(),
                project.join_count()
            ),
            Lang::En => format!(
                "{} articles · {} paragraphs · {} entities · {} scan breaks repaired",
                project.articles.len(),
                project.paragraph_count(),
                project.span_count(),
                project.join_count()
            ),
        });
        if let Some(progress) = &input.progress {
            ui.separator();
            ui.spinner();
            ui.label(progress);
        }
    });
}
