//! The questions and messages the window puts to the editor: unsaved changes, work to restore,
//! the help, the message banner, the drop overlay.

use egui::Key;

use crate::formats::recovery::Recovered;
use crate::i18n::Lang;
use crate::model::Project;

use super::{App, Notice};
use crate::ui::autosave;
use crate::ui::files::Opened;
use crate::ui::state::Command;

impl App {
    pub(super) fn hovered_files_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop-overlay"),
        ));
        let rect = ctx.content_rect();
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            self.lang()
                .pick("松开鼠标以打开此文件", "Drop to open this file"),
            egui::TextStyle::Heading.resolve(&ctx.global_style()),
            egui::Color32::WHITE,
        );
    }

    pub(super) fn unsaved_dialog(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let Some(action) = self.unsaved_prompt.clone() else {
            return Vec::new();
        };
        let lang = self.lang();
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
            ui.heading(lang.pick("有未保存的修改", "Unsaved changes"));
            ui.label(lang.pick(
                "当前项目有未保存的修改。继续之前要保存吗?",
                "The project has unsaved changes. Save them before continuing?",
            ));
            ui.horizontal(|ui| {
                if ui.button(lang.pick("保存", "Save")).clicked() {
                    choice = Some(0);
                }
                if ui.button(lang.pick("不保存", "Don't save")).clicked() {
                    choice = Some(1);
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked()
                    || ui.input(|i| i.key_pressed(Key::Escape))
                {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.unsaved_prompt = None;
                match self.path.clone() {
                    Some(path) => {
                        if self.save_to(&path) {
                            self.perform_file_action(ctx, action);
                        }
                    }
                    None => {
                        self.after_save = Some(action);
                        self.start_save_as(ctx);
                    }
                }
            }
            Some(1) => {
                self.unsaved_prompt = None;
                self.perform_file_action(ctx, action);
            }
            Some(_) => self.unsaved_prompt = None,
            None => {}
        }
        Vec::new()
    }

    pub(super) fn restore_dialog(&mut self, ctx: &egui::Context) {
        let Some(offer) = &self.restore_offer else {
            return;
        };
        let lang = self.lang();
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("restore-recovery")).show(ctx, |ui| {
            ui.heading(lang.pick("发现未保存的工作", "Unsaved work found"));
            ui.label(lang.pick(
                "上次程序意外退出时,这个项目还有未保存的修改。要恢复吗?",
                "The program stopped unexpectedly while this project had unsaved changes. Restore them?",
            ));
            ui.weak(autosave::age_text(offer.written, lang));
            ui.horizontal(|ui| {
                if ui.button(lang.pick("恢复", "Restore")).clicked() {
                    choice = Some(true);
                }
                if ui.button(lang.pick("丢弃", "Discard")).clicked() {
                    choice = Some(false);
                }
            });
        });
        match choice {
            Some(true) => {
                if let Some(offer) = self.restore_offer.take() {
                    self.restore(offer);
                }
            }
            Some(false) => {
                self.restore_offer = None;
                self.autosave.discard_for(self.path.as_deref());
                if self.path.is_none() {
                    self.autosave.discard_for(None);
                }
            }
            None => {}
        }
    }

    /// Brings back the work of a recovery file as one undoable step, leaving the project unsaved.
    fn restore(&mut self, recovered: Recovered) {
        if recovered.project.source != self.project.source {
            // Work on another raw text (a project never saved): start from that raw text.
            let mut base = Project::new(recovered.project.source.clone());
            base.meta = recovered.project.meta.clone();
            let path = self.path.clone();
            self.replace_project(Opened {
                project: base,
                path,
                source: None,
                needs_suggestions: false,
            });
        }
        let edit = autosave::restore_edit(&self.project, &recovered.project);
        let label = self
            .lang()
            .pick("恢复未保存的工作", "Restore unsaved work")
            .to_string();
        self.apply_edit(edit, &label, None);
    }
}

pub(super) fn notice_banner(ui: &mut egui::Ui, notice: &Notice, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    let fill = if notice.error {
        egui::Color32::from_rgb(170, 40, 40)
    } else {
        egui::Color32::from_rgb(40, 110, 60)
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.colored_label(egui::Color32::WHITE, notice.text(lang));
                if ui.button(lang.pick("关闭消息", "Dismiss")).clicked() {
                    commands.push(Command::DismissNotice);
                }
            });
        });
    commands
}
