//! The review queue: the suggestions of the shown article (or of the whole project), one at a
//! time. Enter accepts, Backspace or X rejects, the arrows move, and the article pane follows the
//! current suggestion. Whole groups (one type, one rule) can be accepted at once.
//!
//! The queue is recomputed only when the project changes or the scope does, never per frame.

use egui::RichText;

use crate::i18n::Lang;
use crate::model::tagging::{self, Occurrence, Place};
use crate::model::{EntityKind, Project};

use super::describe_rule;
use super::layout::kind_color;
use super::state::{Command, ReviewStep, both_labels, label_in};

/// The queue's state.
#[derive(Debug, Default)]
pub struct Review {
    /// Walk the whole project rather than the shown article.
    pub whole_project: bool,
    current: usize,
    /// The queue, with the revision, scope and article it was computed for.
    queue: Vec<Place>,
    computed_for: Option<(u64, bool, usize)>,
    /// The suggestion the article pane was last moved to, so it moves once per new suggestion.
    pub followed: Option<Place>,
    /// What the last decision did ("已拒绝 全面（16 处）"), shown under the buttons.
    pub last_decision: Option<String>,
}

/// "已拒绝 全面（16 处）": a decision and how many places it changed.
fn counted(zh: &str, en: &str, text: &str, count: usize) -> String {
    both_labels(
        format!("{zh} {text}（{count} 处）"),
        format!(
            "{en} {text} ({count} {})",
            if count == 1 { "place" } else { "places" }
        ),
    )
}

/// What the review shows of one suggestion.
struct Current {
    place: Place,
    text: String,
    kind: EntityKind,
    rule: Option<String>,
}

impl Review {
    /// Recomputes the queue when the project, the scope or the shown article changed.
    pub fn refresh(&mut self, project: &Project, revision: u64, article: usize) {
        let key = (revision, self.whole_project, article);
        if self.computed_for == Some(key) {
            return;
        }
        let scope = (!self.whole_project).then_some(article);
        self.queue = tagging::suggestions(project, scope);
        let other_article = self
            .computed_for
            .is_some_and(|(_, whole, shown)| !whole && shown != article);
        if other_article && !self.whole_project {
            // Another article was chosen: its queue starts at its first suggestion.
            self.current = 0;
        }
        self.current = self.current.min(self.queue.len().saturating_sub(1));
        self.computed_for = Some(key);
    }

    /// How many suggestions are left in the queue.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    /// Whether no suggestion is left.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// The current suggestion.
    pub fn current(&self) -> Option<Place> {
        self.queue.get(self.current).copied()
    }

    /// The current suggestion as a stretch of text, for the article pane to show and highlight.
    pub fn current_occurrence(&self, project: &Project) -> Option<Occurrence> {
        let (at, index) = self.current()?;
        let span = project.field(at)?.spans.get(index)?;
        Some(Occurrence {
            at,
            start: span.start,
            end: span.end,
        })
    }

    /// Moves within the queue (wrapping around).
    pub fn step(&mut self, forward: bool) {
        let n = self.queue.len();
        if n == 0 {
            return;
        }
        self.current = if forward {
            (self.current + 1) % n
        } else {
            (self.current + n - 1) % n
        };
    }

    /// The command that accepts or rejects the current suggestion (the next one becomes current,
    /// since the handled one leaves the queue).
    pub fn decide(&self, project: &Project, step: ReviewStep) -> Option<Command> {
        let place = self.current()?;
        let text = tagging::span_text(project, place)?.to_string();
        let kind = project.field(place.0)?.spans.get(place.1)?.kind.clone();
        let (edit, label) = match step {
            ReviewStep::Accept => (
                tagging::confirm(project, &[place]),
                both_labels(
                    format!("接受建议 {text}"),
                    format!("Accept suggestion {text}"),
                ),
            ),
            ReviewStep::AcceptAll => {
                let alike = tagging::suggested_alike(project, &text, &kind);
                let edit = tagging::confirm(project, &alike);
                (
                    edit,
                    counted("全部确认", "Confirmed all", &text, alike.len()),
                )
            }
            ReviewStep::Reject => {
                let (edit, count) = tagging::reject_everywhere(project, &[place]);
                (edit, counted("已拒绝", "Rejected", &text, count))
            }
            ReviewStep::Next | ReviewStep::Previous => return None,
        };
        Some(Command::Apply {
            edit,
            label,
            select: None,
        })
    }

    fn describe(&self, project: &Project) -> Option<Current> {
        let place = self.current()?;
        let span = project.field(place.0)?.spans.get(place.1)?;
        Some(Current {
            place,
            text: tagging::span_text(project, place)?.to_string(),
            kind: span.kind.clone(),
            rule: span.rule.clone(),
        })
    }

    /// Draws the queue in the side panel.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        article: usize,
        lang: Lang,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            let mut whole = self.whole_project;
            ui.selectable_value(&mut whole, false, lang.pick("本篇", "This article"));
            ui.selectable_value(&mut whole, true, lang.pick("全项目", "Whole project"));
            if whole != self.whole_project {
                self.whole_project = whole;
                self.current = 0;
            }
        });
        let remaining = match lang {
            Lang::Zh => format!("待审建议 {} 条", self.queue.len()),
            Lang::En => format!("{} suggestions to review", self.queue.len()),
        };
        ui.label(RichText::new(remaining).strong());
        ui.separator();
        let Some(current) = self.describe(project) else {
            ui.weak(lang.pick(
                "没有待审的建议。可在“编辑”菜单中选“重新建议实体”再次运行建议。",
                "No suggestions left. Choose “Suggest entities again” in the Edit menu for more.",
            ));
            return commands;
        };
        let ty = project.entity_type(&current.kind);
        ui.label(format!(
            "{} / {}",
            self.current + 1,
            self.queue.len().max(1)
        ));
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(&current.text)
                    .heading()
                    .color(kind_color(project, &current.kind)),
            );
            ui.label(lang.pick(&ty.name_zh, &ty.name_en));
        });
        let (at, _) = current.place;
        let context = self
            .current_occurrence(project)
            .map(|o| tagging::context(project, &o, 14));
        if let Some((before, name, after)) = context {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 0.0;
                ui.weak(format!("…{before}"));
                ui.label(RichText::new(name).underline());
                ui.weak(format!("{after}…"));
            });
        }
        ui.weak(match lang {
            Lang::Zh => format!("第 {} 篇", at.article + 1),
            Lang::En => format!("Article {}", at.article + 1),
        });
        if let Some(rule) = &current.rule {
            ui.label(format!(
                "{}{}",
                lang.pick("依据:", "Why: "),
                describe_rule(rule, lang)
            ));
        }
        let alike = tagging::suggested_alike(project, &current.text, &current.kind).len();
        ui.horizontal_wrapped(|ui| {
            let accept = egui::Button::new(lang.pick("接受建议", "Accept")).shortcut_text("Enter");
            if ui.add(accept).clicked() {
                commands.push(Command::Review(ReviewStep::Accept));
            }
            let reject = egui::Button::new(match lang {
                Lang::Zh => format!("拒绝建议(全项目 {alike} 处)"),
                Lang::En => format!("Reject ({alike} in the project)"),
            })
            .shortcut_text("Backspace / X");
            if ui.add(reject).clicked() {
                commands.push(Command::Review(ReviewStep::Reject));
            }
        });
        if alike > 1 {
            let all = egui::Button::new(match lang {
                Lang::Zh => format!("全部确认(全项目 {alike} 处)"),
                Lang::En => format!("Confirm all ({alike} in the project)"),
            })
            .shortcut_text("Shift+Enter");
            if ui.add(all).clicked() {
                commands.push(Command::Review(ReviewStep::AcceptAll));
            }
        }
        if let Some(last) = &self.last_decision {
            ui.weak(label_in(last, lang));
        }
        ui.horizontal(|ui| {
            if ui
                .button(lang.pick("上一条", "Previous"))
                .on_hover_text(lang.pick("上或左方向键", "Up or Left arrow"))
                .clicked()
            {
                commands.push(Command::Review(ReviewStep::Previous));
            }
            if ui
                .button(lang.pick("下一条", "Next"))
                .on_hover_text(lang.pick("下或右方向键", "Down or Right arrow"))
                .clicked()
            {
                commands.push(Command::Review(ReviewStep::Next));
            }
        });
        ui.separator();
        let scope = (!self.whole_project).then_some(article);
        let scope_name = if self.whole_project {
            lang.pick("全项目", "in the project")
        } else {
            lang.pick("本篇", "in this article")
        };
        let type_name = lang.pick(&ty.name_zh, &ty.name_en);
        let all_of_type = match lang {
            Lang::Zh => format!("接受{scope_name}全部“{type_name}”建议"),
            Lang::En => format!("Accept all {type_name} suggestions {scope_name}"),
        };
        if ui.button(all_of_type.clone()).clicked() {
            let kind = current.kind.clone();
            commands.push(Command::Apply {
                edit: tagging::accept_where(project, scope, |s| s.kind == kind),
                label: all_of_type,
                select: None,
            });
        }
        if let Some(rule) = &current.rule {
            let all_of_rule = match lang {
                Lang::Zh => format!("接受{scope_name}同一依据的全部建议"),
                Lang::En => format!("Accept all suggestions {scope_name} made by this rule"),
            };
            if ui
                .button(all_of_rule.clone())
                .on_hover_text(describe_rule(rule, lang))
                .clicked()
            {
                let rule = rule.clone();
                commands.push(Command::Apply {
                    edit: tagging::accept_where(project, scope, |s| {
                        s.rule.as_deref() == Some(rule.as_str())
                    }),
                    label: all_of_rule,
                    select: None,
                });
            }
        }
        ui.add_space(6.0);
        ui.weak(lang.pick(
            "不在文字框中时:Enter 接受,Shift+Enter 全部确认,Backspace 或 X 拒绝(所有文章中的同一建议),方向键移动。被拒绝的建议本项目中不再出现。",
            "Outside text fields: Enter accepts, Shift+Enter confirms all alike, Backspace or X rejects (the same suggestion in every article), arrows move. Rejected suggestions never come back in this project.",
        ));
        commands
    }
}
