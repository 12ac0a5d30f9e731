//! "Tag all occurrences": after the editor tags a name, every other place the same text appears in
//! the project, each in context, to tag all at once (one undo step) or one by one.
//!
//! The list is computed when offered and again only when the project changes while it is open.

use std::collections::HashSet;

use egui::RichText;

use crate::i18n::Lang;
use crate::model::tagging::{self, Occurrence};
use crate::model::{EntityKind, Project};

use super::state::Command;

/// The tag-all list.
#[derive(Debug, Default)]
pub struct TagAll {
    pub open: bool,
    text: String,
    kind: Option<EntityKind>,
    rows: Vec<Occurrence>,
    /// Occurrences the editor unticked: left out of "tag all".
    skipped: HashSet<Occurrence>,
    computed_for: u64,
}

impl TagAll {
    /// Lists the untagged occurrences of `text` for `kind`; opens the list when there are any.
    /// Returns how many were found.
    pub fn offer(
        &mut self,
        project: &Project,
        revision: u64,
        text: &str,
        kind: EntityKind,
    ) -> usize {
        self.text = text.to_string();
        self.rows = tagging::occurrences(project, text, &kind);
        self.kind = Some(kind);
        self.skipped.clear();
        self.computed_for = revision;
        self.open = !self.rows.is_empty();
        self.rows.len()
    }

    /// Follows changes of the project while the list is open (offsets move when text is edited).
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        if !self.open || self.computed_for == revision {
            return;
        }
        if let Some(kind) = &self.kind {
            self.rows = tagging::occurrences(project, &self.text, kind);
        }
        self.computed_for = revision;
    }

    /// The occurrences listed.
    pub fn rows(&self) -> &[Occurrence] {
        &self.rows
    }

    /// The command tagging every ticked occurrence, as one step.
    pub fn tag_all(&self, project: &Project, lang: Lang) -> Option<Command> {
        let kind = self.kind.clone()?;
        let chosen: Vec<Occurrence> = self
            .rows
            .iter()
            .filter(|o| !self.skipped.contains(o))
            .copied()
            .collect();
        if chosen.is_empty() {
            return None;
        }
        Some(Command::Apply {
            edit: tagging::tag_occurrences(project, &chosen, kind),
            label: match lang {
                Lang::Zh => format!("全部标注 {}({} 处)", self.text, chosen.len()),
                Lang::En => format!("Tag all {} ({} places)", self.text, chosen.len()),
            },
            select: None,
        })
    }

    /// Draws the list as a window.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, lang: Lang) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(kind) = self.kind.clone() else {
            return commands;
        };
        let ty = project.entity_type(&kind);
        let mut open = self.open;
        egui::Window::new(lang.pick("标注所有出现", "Tag all occurrences"))
            .id(egui::Id::unique("tag-all"))
            .open(&mut open)
            .default_width(440.0)
            .pivot(egui::Align2::RIGHT_BOTTOM)
            .default_pos(ctx.content_rect().right_bottom() - egui::vec2(330.0, 40.0))
            .show(ctx, |ui| {
                ui.label(match lang {
                    Lang::Zh => format!(
                        "“{}”在项目中还有 {} 处未标为{}:",
                        self.text,
                        self.rows.len(),
                        ty.name_zh
                    ),
                    Lang::En => format!(
                        "“{}” appears {} more times not tagged as {}:",
                        self.text,
                        self.rows.len(),
                        ty.name_en
                    ),
                });
                ui.horizontal(|ui| {
                    let all = ui
                        .button(lang.pick("全部标注", "Tag all"))
                        .on_hover_text("Ctrl+Shift+T");
                    if all.clicked() {
                        commands.extend(self.tag_all(project, lang));
                    }
                    if ui.button(lang.pick("关闭", "Close")).clicked() {
                        self.open = false;
                    }
                });
                ui.separator();
                let row_height = ui.spacing().interact_size.y + 4.0;
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .auto_shrink([false, true])
                    .show_rows(ui, row_height, self.rows.len(), |ui, range| {
                        for &o in &self.rows[range] {
                            ui.horizontal(|ui| {
                                let mut ticked = !self.skipped.contains(&o);
                                if ui.checkbox(&mut ticked, "").changed() {
                                    if ticked {
                                        self.skipped.remove(&o);
                                    } else {
                                        self.skipped.insert(o);
                                    }
                                }
                                if ui.small_button(lang.pick("标注", "Tag")).clicked() {
                                    commands.push(Command::Apply {
                                        edit: tagging::tag(
                                            project,
                                            o.at,
                                            o.start,
                                            o.end,
                                            kind.clone(),
                                        ),
                                        label: format!(
                                            "{} {}",
                                            lang.pick("标注", "Tag"),
                                            self.text
                                        ),
                                        select: None,
                                    });
                                }
                                let (before, name, after) = tagging::context(project, &o, 10);
                                let text = RichText::new(format!(
                                    "{}. …{before}【{name}】{after}…",
                                    o.at.article + 1
                                ));
                                if ui
                                    .add(egui::Button::new(text).frame(false))
                                    .on_hover_text(lang.pick("跳到此处", "Go there"))
                                    .clicked()
                                {
                                    commands.push(Command::Reveal(o));
                                }
                            });
                        }
                    });
            });
        self.open &= open;
        commands
    }
}
