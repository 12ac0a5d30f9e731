//! The app's side of tagging: tagging a selection and offering its other occurrences, resizing a
//! span, the review queue's steps, jumping to a mention, and the side panel's tabs and windows.

use egui::text::{CCursor, CCursorRange};

use crate::model::tagging::{self, Occurrence};
use crate::ui::entities_panel;
use crate::ui::state::{Command, Cursor, ReviewStep, Selection, SideTab};

use super::App;

impl App {
    /// The side panel's tab shown.
    pub fn side_tab(&self) -> SideTab {
        self.side
    }

    /// The highlighted stretch of text: the review queue's current suggestion while the queue is
    /// shown, otherwise the last mention jumped to.
    pub fn mark(&self) -> Option<Occurrence> {
        if self.side == SideTab::Review {
            self.review.current_occurrence(&self.project)
        } else {
            self.mark
                .filter(|(_, revision)| *revision == self.revision)
                .map(|(o, _)| o)
        }
    }

    /// The occurrences listed by "tag all", if the list is open.
    pub fn tag_all_rows(&self) -> Option<&[Occurrence]> {
        self.tag_all.open.then(|| self.tag_all.rows())
    }

    /// The text the officials table is filtered by.
    pub fn officials_filter(&self) -> &str {
        &self.officials.filter
    }

    /// The span the text selection covers exactly, or the one under the caret when nothing is
    /// selected.
    pub(super) fn span_at_cursor(&self) -> Option<tagging::Place> {
        let cursor = self.cursor?;
        let field = self.project.field(cursor.at)?;
        if cursor.start == cursor.end {
            return field.span_at(cursor.start).map(|i| (cursor.at, i));
        }
        field
            .spans
            .iter()
            .position(|s| s.start == cursor.start && s.end == cursor.end)
            .map(|i| (cursor.at, i))
    }

    pub(super) fn run_tagging_command(&mut self, ctx: &egui::Context, command: Command) {
        let lang = self.lang();
        match command {
            Command::TagSelection { cursor, kind } => {
                let Some(text) = self
                    .project
                    .field(cursor.at)
                    .map(|f| f.slice(cursor.start, cursor.end).to_string())
                else {
                    return;
                };
                let ty = self.project.entity_type(&kind);
                let edit = tagging::tag(
                    &self.project,
                    cursor.at,
                    cursor.start,
                    cursor.end,
                    kind.clone(),
                );
                let label = crate::ui::state::both_labels(
                    format!("标注 {} {text}", ty.name_zh),
                    format!("Tag as {} {text}", ty.name_en),
                );
                self.apply_edit(edit, &label, None);
                self.cursor = Some(cursor);
                self.tag_all
                    .offer(&self.project, self.revision, &text, kind);
            }
            Command::OfferOccurrences => {
                let Some(place) = self.span_at_cursor() else {
                    self.show_error(
                        lang.pick(
                            "先把光标放在一个标注上(或选中它)。",
                            "Put the cursor on a tag (or select it) first.",
                        )
                        .into(),
                    );
                    return;
                };
                let kind = self
                    .project
                    .field(place.0)
                    .map(|f| f.spans[place.1].kind.clone());
                let text = tagging::span_text(&self.project, place).map(str::to_string);
                if let (Some(kind), Some(text)) = (kind, text)
                    && self
                        .tag_all
                        .offer(&self.project, self.revision, &text, kind)
                        == 0
                {
                    self.notice = Some(super::Notice::both(
                        format!("“{text}”没有其他未标注的出现。"),
                        format!("“{text}” has no other untagged occurrences."),
                        false,
                    ));
                }
            }
            Command::TagAllListed => {
                if self.tag_all.open
                    && let Some(Command::Apply { edit, label, .. }) =
                        self.tag_all.tag_all(&self.project, lang)
                {
                    self.apply_edit(edit, &label, None);
                    self.tag_all.open = false;
                }
            }
            Command::Reveal(o) => {
                self.selection = Selection::field(o.at).clamped(&self.project);
                self.article.reveal(o.at.slot);
                self.reveal_raw(Some(o.at));
                self.mark = Some((o, self.revision));
            }
            Command::ResizeSpan { start_by, end_by } => self.resize_span(ctx, start_by, end_by),
            Command::ShowTab(tab) => {
                self.side = tab;
                if tab == SideTab::Review {
                    // The queue's keys work outside text fields: leave the one being edited.
                    ctx.memory_mut(|m| m.stop_text_input());
                }
            }
            Command::ShowOfficials => self.officials.open = true,
            Command::ShowEntityTypes => self.types_dialog.open(&self.project),
            Command::ShowEntity(id) => self.registry.select(id),
            Command::ShowError(message) => self.show_error(message),
            Command::Review(step) => self.review_step(step),
            // Every other command is handled by `run_command_with`, which sends only these here.
            _ => {}
        }
    }

    fn review_step(&mut self, step: ReviewStep) {
        self.review
            .refresh(&self.project, self.revision, self.selection.article);
        match step {
            ReviewStep::Next => self.review.step(true),
            ReviewStep::Previous => self.review.step(false),
            ReviewStep::Accept | ReviewStep::AcceptAll | ReviewStep::Reject => {
                if let Some(Command::Apply { edit, label, .. }) =
                    self.review.decide(&self.project, step)
                {
                    self.apply_edit(edit, &label, None);
                    self.review.last_decision = Some(label);
                    self.review
                        .refresh(&self.project, self.revision, self.selection.article);
                }
            }
        }
        self.follow_review();
    }

    /// Shows the review queue's current suggestion in the article pane.
    pub(super) fn follow_review(&mut self) {
        if let Some(o) = self.review.current_occurrence(&self.project) {
            if self.review.whole_project || o.at.article == self.selection.article {
                self.selection = Selection::field(o.at).clamped(&self.project);
                self.article.reveal(o.at.slot);
            }
            self.reveal_raw(Some(o.at));
        }
    }

    fn resize_span(&mut self, ctx: &egui::Context, start_by: isize, end_by: isize) {
        let Some(place) = self.span_at_cursor() else {
            return;
        };
        let Some(edit) = tagging::resize(&self.project, place, start_by, end_by) else {
            return;
        };
        let label = self.lang().pick("调整标注范围", "Resize tag").to_string();
        let Some(old) = self
            .project
            .field(place.0)
            .map(|f| f.spans[place.1].clone())
        else {
            return;
        };
        self.apply_edit(edit, &label, None);
        let (start, end) = (
            old.start.saturating_add_signed(start_by),
            old.end.saturating_add_signed(end_by),
        );
        // The text selection follows the span, so the next Shift+arrow resizes it again.
        let cursor = Cursor {
            at: place.0,
            start,
            end,
        };
        self.cursor = Some(cursor);
        if let Some(id) = crate::ui::article_pane::field_widget_id(&self.project, place.0)
            && let Some(mut state) = egui::TextEdit::load_state(ctx, id)
        {
            state.cursor.set_char_range(Some(CCursorRange::two(
                CCursor::new(start),
                CCursor::new(end),
            )));
            state.store(ctx, id);
        }
    }

    /// The side panel: its tabs and the one shown.
    pub(super) fn side_panel(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = self.lang();
        let mut commands = Vec::new();
        // Wrapped, so a narrow panel (small screens) keeps its tabs inside.
        ui.horizontal_wrapped(|ui| {
            for (tab, name, keys) in [
                (
                    SideTab::Entities,
                    lang.pick("本篇实体", "Entities"),
                    "Ctrl+Shift+L",
                ),
                (SideTab::Review, lang.pick("审阅", "Review"), "Ctrl+R"),
                (SideTab::Registry, lang.pick("登记表", "Registry"), "Ctrl+E"),
            ] {
                if ui
                    .selectable_label(self.side == tab, name)
                    .on_hover_text(keys)
                    .clicked()
                {
                    commands.push(Command::ShowTab(tab));
                }
            }
            if ui
                .button(lang.pick("名录", "Officials"))
                .on_hover_text("Ctrl+L")
                .clicked()
            {
                commands.push(Command::ShowOfficials);
            }
        });
        ui.separator();
        match self.side {
            SideTab::Entities => commands.extend(entities_panel::show(
                ui,
                &self.project,
                self.selection.article,
                lang,
            )),
            SideTab::Review => {
                self.review
                    .refresh(&self.project, self.revision, self.selection.article);
                commands.extend(
                    self.review
                        .show(ui, &self.project, self.selection.article, lang),
                );
                let current = self.review.current();
                if current != self.review.followed {
                    self.review.followed = current;
                    self.follow_review();
                }
            }
            SideTab::Registry => {
                let under_cursor = self.span_at_cursor();
                commands.extend(self.registry.show(
                    ui,
                    &self.project,
                    self.revision,
                    under_cursor,
                    lang,
                ));
            }
        }
        commands
    }
}
