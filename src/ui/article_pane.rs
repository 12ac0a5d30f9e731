//! The corrected article (right of centre): the headline stack and byline as fields, then the
//! paragraphs, every one an editable text with its entity spans coloured and its repaired scan
//! breaks marked.
//!
//! One article is shown at a time, and of it only the paragraphs in view are laid out: heights
//! of paragraphs off screen are remembered from when they were last drawn (or estimated), so an
//! article of thousands of paragraphs scrolls without laying them all out.

use std::collections::HashMap;

use egui::text::LayoutJob;
use egui::{Sense, TextStyle, UiBuilder};

use crate::i18n::Lang;
use crate::model::tagging::Occurrence;
use crate::model::{ArticleId, Edit, FieldRef, FieldSlot, ParagraphKind, Project, TextField};

use super::describe_rule;
use super::find::Find;
use super::layout::{FieldLook, GalleyCache, Highlight};
use super::state::{Action, Command, Cursor, Selection, text_change};

/// What the pane reports besides commands.
#[derive(Default)]
pub struct PaneOutput {
    pub commands: Vec<Command>,
    /// The field holding keyboard focus, if any.
    pub focused: Option<FieldRef>,
    /// The topmost paragraph in view, when it changed because the user scrolled.
    pub scrolled_to: Option<FieldRef>,
}

/// The article pane's own state.
#[derive(Default)]
pub struct ArticlePane {
    cache: GalleyCache,
    /// Measured heights of items: 0 is the header block, `i + 1` paragraph `i`.
    heights: HashMap<(ArticleId, usize), f32>,
    /// An item to scroll to on the next frame.
    scroll_to_item: Option<usize>,
    /// The topmost item in view last frame.
    top_item: Option<(ArticleId, usize)>,
    /// A field to give keyboard focus, with the text cursor at this char, once it is drawn.
    focus_at: Option<(FieldRef, usize)>,
    /// The part of the article in view last frame (top and bottom), to scroll only when what
    /// is to be shown is not already in view.
    viewport: Option<(ArticleId, f32, f32)>,
}

/// The header fields in display order with their names.
fn header_slots(lang: Lang) -> [(FieldSlot, &'static str); 4] {
    [
        (FieldSlot::Kicker, lang.pick("引题", "Kicker")),
        (FieldSlot::Headline, lang.pick("标题", "Headline")),
        (FieldSlot::Subheadline, lang.pick("副题", "Deck")),
        (FieldSlot::Byline, lang.pick("署名", "Byline")),
    ]
}

/// Everything a field editor needs from the app for one frame.
struct FieldContext<'a> {
    project: &'a Project,
    find: &'a Find,
    selection: Selection,
    cursor: Option<Cursor>,
    /// A stretch to highlight: the suggestion under review, or a mention jumped to.
    mark: Option<Occurrence>,
    lang: Lang,
}

/// The widget id of a field's text editor, so the app can set its text selection.
pub fn field_widget_id(project: &Project, at: FieldRef) -> Option<egui::Id> {
    let article = project.articles.get(at.article)?;
    Some(egui::Id::unique(("field", article.id, at.slot)))
}

impl ArticlePane {
    /// Scrolls to a field of the shown article on the next frame.
    pub fn reveal(&mut self, slot: FieldSlot) {
        self.scroll_to_item = Some(slot.paragraph().map_or(0, |p| p + 1));
    }

    /// The paragraph at the top of the view (0-based), once the pane has been drawn.
    pub fn top_paragraph(&self) -> Option<usize> {
        self.top_item.map(|(_, item)| item.saturating_sub(1))
    }

    /// Puts the text cursor into field `at` at char `at_char` (and scrolls to it), as a word
    /// processor does after splitting or joining paragraphs.
    pub fn place_cursor(&mut self, at: FieldRef, at_char: usize) {
        self.reveal(at.slot);
        self.focus_at = Some((at, at_char));
    }

    /// Draws the article at `selection.article`.
    #[allow(clippy::too_many_arguments)]
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        selection: Selection,
        find: &Find,
        cursor: Option<Cursor>,
        mark: Option<Occurrence>,
        lang: Lang,
    ) -> PaneOutput {
        let mut out = PaneOutput::default();
        let Some(article) = project.articles.get(selection.article) else {
            ui.label(lang.pick("项目中没有文章。", "The project has no articles."));
            return out;
        };
        let fc = FieldContext {
            project,
            find,
            selection,
            cursor,
            mark,
            lang,
        };
        ui.horizontal(|ui| {
            ui.strong(match lang {
                Lang::Zh => format!(
                    "第 {} 篇,共 {} 篇",
                    selection.article + 1,
                    project.articles.len()
                ),
                Lang::En => format!(
                    "Article {} of {}",
                    selection.article + 1,
                    project.articles.len()
                ),
            });
            if !article.decisions.is_empty() {
                ui.weak(format!(
                    "({})",
                    lang.pick("结构决定", "structure decisions")
                ))
                .on_hover_ui(|ui| {
                    for decision in &article.decisions {
                        ui.label(format!(
                            "{}–{}: {} {}",
                            decision.lines.first,
                            decision.lines.last,
                            describe_rule(&decision.rule, lang),
                            decision.note
                        ));
                    }
                });
            }
        });
        ui.separator();

        let id = article.id;
        let n_items = article.paragraphs.len() + 1;
        let width = ui.available_width();
        let body = TextStyle::Body.resolve(ui.style());
        let row = ui.ctx().fonts_mut(|f| f.row_height(&body));
        let char_width = body.size;
        // A little air between paragraphs, so each reads as a block.
        let spacing = ui.spacing().item_spacing.y + 6.0;
        let estimate = |item: usize| -> f32 {
            if item == 0 {
                return 4.0 * (row + 12.0);
            }
            let chars = article.paragraphs[item - 1].char_len() as f32;
            let per_row = ((width - 80.0) / char_width).max(8.0);
            (chars / per_row).ceil().max(1.0) * row + 12.0
        };
        let heights: Vec<f32> = (0..n_items)
            .map(|i| {
                self.heights
                    .get(&(id, i))
                    .copied()
                    .unwrap_or_else(|| estimate(i))
            })
            .collect();
        let mut tops = Vec::with_capacity(n_items + 1);
        let mut y = 0.0;
        for h in &heights {
            tops.push(y);
            y += h + spacing;
        }
        let total = y;

        let mut area = egui::ScrollArea::vertical()
            .id_salt(("article-pane", id))
            .auto_shrink([false, false]);
        if let Some(item) = self.scroll_to_item.take().filter(|&i| i < n_items) {
            let in_view = self.viewport.is_some_and(|(shown, top, bottom)| {
                shown == id
                    && tops[item] >= top
                    && tops[item] + heights[item].min(bottom - top) <= bottom
            });
            if !in_view {
                area = area.vertical_scroll_offset((tops[item] - 8.0).max(0.0));
            }
        }
        let mut measured = Vec::new();
        let mut top_item = None;
        let mut seen = None;
        area.show_viewport(ui, |ui, viewport| {
            seen = Some((id, viewport.min.y, viewport.max.y));
            ui.set_height(total);
            let origin = ui.max_rect().min;
            for item in 0..n_items {
                let (top, height) = (tops[item], heights[item]);
                if top + height < viewport.min.y || top > viewport.max.y {
                    continue;
                }
                if top_item.is_none() && top + height * 0.5 >= viewport.min.y {
                    top_item = Some(item);
                }
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(0.0, top),
                    egui::vec2(width, height),
                );
                let drawn = ui
                    .scope_builder(
                        UiBuilder::new().max_rect(rect).id_salt(("item", id, item)),
                        |ui| {
                            if item == 0 {
                                self.header(ui, &fc, &mut out);
                            } else {
                                self.paragraph(ui, &fc, item - 1, &mut out);
                            }
                        },
                    )
                    .response
                    .rect;
                measured.push((item, drawn.height()));
            }
        });
        self.viewport = seen;
        for (item, height) in measured {
            let old = self.heights.insert((id, item), height);
            if old.is_none_or(|old| (old - height).abs() > 0.5) {
                ui.ctx().request_repaint();
            }
        }
        if let Some(item) = top_item {
            let key = (id, item);
            if self.top_item.is_some_and(|(a, _)| a == id) && self.top_item != Some(key) && item > 0
            {
                out.scrolled_to = Some(FieldRef::new(
                    selection.article,
                    FieldSlot::Paragraph(item - 1),
                ));
            }
            self.top_item = Some(key);
        }
        self.cache.end_frame();
        out
    }

    fn header(&mut self, ui: &mut egui::Ui, fc: &FieldContext<'_>, out: &mut PaneOutput) {
        let article = &fc.project.articles[fc.selection.article];
        egui::Grid::new(("header", article.id))
            .num_columns(2)
            .spacing([8.0, 6.0])
            .min_col_width(48.0)
            .show(ui, |ui| {
                for (slot, name) in header_slots(fc.lang) {
                    let at = FieldRef::new(fc.selection.article, slot);
                    let selected = fc.selection.field == Some(slot);
                    let label = ui.add(egui::Button::selectable(selected, name).frame(false));
                    if label.clicked() {
                        out.commands.push(Command::SelectField(at));
                    }
                    let style = if slot == FieldSlot::Headline {
                        TextStyle::Heading
                    } else {
                        TextStyle::Body
                    };
                    let field = article.field(slot).expect("header fields always exist");
                    let response = self.field_editor(ui, fc, at, field, style, label.id, out);
                    response.context_menu(|ui| {
                        action_menu(ui, fc, at, out);
                    });
                    ui.end_row();
                }
            });
    }

    fn paragraph(
        &mut self,
        ui: &mut egui::Ui,
        fc: &FieldContext<'_>,
        index: usize,
        out: &mut PaneOutput,
    ) {
        let article = &fc.project.articles[fc.selection.article];
        let field = &article.paragraphs[index];
        let at = FieldRef::new(fc.selection.article, FieldSlot::Paragraph(index));
        ui.horizontal_top(|ui| {
            let selected = fc.selection.field == Some(at.slot);
            let gutter = ui
                .vertical(|ui| {
                    ui.set_width(40.0);
                    let gutter = ui
                        .add_sized(
                            [40.0, ui.spacing().interact_size.y],
                            egui::Button::selectable(selected, format!("¶{}", index + 1))
                                .frame(false),
                        )
                        .on_hover_text(source_lines_text(field, fc.lang));
                    if !field.kind.is_body() {
                        ui.label(egui::RichText::new(field.kind.name(fc.lang)).small().weak());
                    }
                    gutter
                })
                .inner;
            if gutter.clicked() {
                out.commands.push(Command::SelectField(at));
            }
            let response = if field.kind == ParagraphKind::Box {
                // A box is set apart from the running text by a tinted frame.
                let tint = ui.visuals().faint_bg_color;
                let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
                egui::Frame::new()
                    .fill(tint)
                    .stroke(stroke)
                    .inner_margin(6.0)
                    .corner_radius(4.0)
                    .show(ui, |ui| {
                        self.field_editor(ui, fc, at, field, TextStyle::Body, gutter.id, out)
                    })
                    .inner
            } else {
                self.field_editor(ui, fc, at, field, TextStyle::Body, gutter.id, out)
            };
            response.context_menu(|ui| {
                action_menu(ui, fc, at, out);
            });
        });
    }

    /// One editable field: returns the editor's response (for a context menu).
    #[allow(clippy::too_many_arguments)]
    fn field_editor(
        &mut self,
        ui: &mut egui::Ui,
        fc: &FieldContext<'_>,
        at: FieldRef,
        field: &TextField,
        style: TextStyle,
        label: egui::Id,
        out: &mut PaneOutput,
    ) -> egui::Response {
        let (font, color) = kind_font(ui, style, field.kind);
        let dark = ui.visuals().dark_mode;
        let mut highlights = fc.find.highlights(at);
        if let Some(mark) = fc.mark.filter(|m| m.at == at) {
            highlights.push(Highlight {
                start: mark.start,
                end: mark.end,
                current: true,
            });
        }
        let cache = &mut self.cache;
        let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
            if text.as_str() == field.text {
                let look = FieldLook {
                    field,
                    project: fc.project,
                    highlights: &highlights,
                    font: font.clone(),
                    color,
                    dark,
                    wrap_width,
                    italics: field.kind == ParagraphKind::Caption,
                };
                cache.galley(ui.ctx(), &look)
            } else {
                let job =
                    LayoutJob::simple(text.as_str().to_owned(), font.clone(), color, wrap_width);
                ui.ctx().fonts_mut(|f| f.layout_job(job))
            }
        };
        let mut buffer = field.text.clone();
        let is_paragraph = at.slot.paragraph().is_some();
        let id = egui::Id::unique(("field", fc.project.articles[at.article].id, at.slot));
        if let Some(join) = join_at_edge(ui, fc, at, field, id) {
            out.commands.push(join.command);
            self.focus_at = Some(join.cursor);
        }
        let place = self.focus_at.filter(|(f, _)| *f == at).map(|(_, c)| c);
        if let Some(char) = place {
            let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(
                    egui::text::CCursor::new(char.min(field.char_len())),
                )));
            state.store(ui.ctx(), id);
            self.focus_at = None;
        }
        let editor = if is_paragraph {
            egui::TextEdit::multiline(&mut buffer).desired_rows(1)
        } else {
            egui::TextEdit::singleline(&mut buffer)
        };
        let output = editor
            .id(id)
            .desired_width(f32::INFINITY)
            .layouter(&mut layouter)
            .show(ui);
        let response = output.response.response.clone().labelled_by(label);
        if place.is_some() {
            response.request_focus();
        }
        let kept = keep_selection_on_right_click(ui, fc, at, &response, &output);
        if response.has_focus() {
            out.focused = Some(at);
            if let Some(range) = output.cursor_range.filter(|_| !kept) {
                let chars = range.as_sorted_char_range();
                let cursor = Cursor {
                    at,
                    start: chars.start.0,
                    end: chars.end.0,
                };
                if fc.cursor != Some(cursor) {
                    out.commands.push(Command::SetCursor(cursor));
                }
            }
        }
        if response.gained_focus() && fc.selection.field_ref() != Some(at) {
            out.commands.push(Command::SelectField(at));
        }
        if response.changed()
            && let Some((start, end, inserted)) = text_change(&field.text, &buffer)
        {
            if is_paragraph && inserted == "\n" && start == end {
                // Enter splits the paragraph at the cursor, which goes to the start of the second
                // half: that paragraph is now the current one.
                if start > 0 && start < field.char_len() {
                    let paragraph = at.slot.paragraph().unwrap_or_default();
                    self.focus_at = Some((
                        FieldRef::new(at.article, FieldSlot::Paragraph(paragraph + 1)),
                        0,
                    ));
                    out.commands.push(Command::Apply {
                        edit: Edit::SplitParagraph {
                            article: at.article,
                            paragraph: at.slot.paragraph().unwrap_or_default(),
                            at: start,
                        },
                        label: super::state::both_labels(
                            Action::SplitParagraphAtCursor.label(Lang::Zh),
                            Action::SplitParagraphAtCursor.label(Lang::En),
                        ),
                        select: Some(Selection::field(FieldRef::new(
                            at.article,
                            FieldSlot::Paragraph(at.slot.paragraph().unwrap_or_default() + 1),
                        ))),
                    });
                }
            } else {
                let text: String = inserted
                    .chars()
                    .filter(|c| *c != '\n' && *c != '\r')
                    .collect();
                if start != end || !text.is_empty() {
                    out.commands.push(Command::Type {
                        at,
                        edit: Edit::ReplaceText {
                            at,
                            start,
                            end,
                            text,
                        },
                    });
                }
            }
        }
        suggestion_underlines(ui, fc.project, field, &output);
        join_marks(ui, fc, at, field, &output, out);
        response
    }
}

/// A right-click would collapse the text selection (egui's text editor places the cursor on any
/// button press), and the context menu could no longer tag it: the selection the app knew is put
/// back. Returns whether it was.
fn keep_selection_on_right_click(
    ui: &egui::Ui,
    fc: &FieldContext<'_>,
    at: FieldRef,
    response: &egui::Response,
    output: &egui::text_edit::TextEditOutput,
) -> bool {
    let Some(cursor) = fc.cursor.filter(|c| c.at == at && c.start < c.end) else {
        return false;
    };
    let right_press = ui.input(|i| {
        i.pointer.button_pressed(egui::PointerButton::Secondary)
            || i.pointer.button_down(egui::PointerButton::Secondary)
    });
    if !right_press || !response.hovered() {
        return false;
    }
    let mut state = output.state.clone();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(cursor.start),
            egui::text::CCursor::new(cursor.end),
        )));
    state.store(ui.ctx(), response.id);
    true
}

/// Dashed underlines under suggested spans, in their type's colour: a suggestion is still a
/// question, unlike the solid background of a confirmed name.
fn suggestion_underlines(
    ui: &egui::Ui,
    project: &Project,
    field: &TextField,
    output: &egui::text_edit::TextEditOutput,
) {
    if output.galley.job.text != field.text {
        return;
    }
    let suggested = field
        .spans
        .iter()
        .filter(|s| s.status == crate::model::SpanStatus::Suggested);
    for span in suggested {
        let color = super::layout::kind_color(project, &span.kind);
        let stroke = egui::Stroke::new(1.5, color);
        let mut segment: Option<(egui::Pos2, egui::Pos2)> = None;
        for index in span.start..=span.end {
            let rect = output
                .galley
                .pos_from_cursor(egui::text::CCursor::new(index));
            let point = output.galley_pos + egui::vec2(rect.min.x, rect.max.y - 1.0);
            segment = match segment {
                Some((start, end)) if (end.y - point.y).abs() < 0.5 => Some((start, point)),
                Some((start, end)) => {
                    // The span wraps onto the next row: finish this row's line.
                    dashed(ui, start, end, stroke);
                    Some((point, point))
                }
                None => Some((point, point)),
            };
        }
        if let Some((start, end)) = segment {
            dashed(ui, start, end, stroke);
        }
    }
}

fn dashed(ui: &egui::Ui, start: egui::Pos2, end: egui::Pos2, stroke: egui::Stroke) {
    if end.x > start.x {
        ui.painter()
            .extend(egui::Shape::dashed_line(&[start, end], stroke, 3.0, 2.0));
    }
}

/// Marks where the import joined two raw lines; a click on a mark splits the paragraph there.
fn join_marks(
    ui: &mut egui::Ui,
    fc: &FieldContext<'_>,
    at: FieldRef,
    field: &TextField,
    output: &egui::text_edit::TextEditOutput,
    out: &mut PaneOutput,
) {
    if field.joins.is_empty() || output.galley.job.text != field.text {
        return;
    }
    let mark_color = egui::Color32::from_rgb(200, 90, 40);
    for (n, join) in field.joins.iter().enumerate() {
        let cursor_rect = output
            .galley
            .pos_from_cursor(egui::text::CCursor::new(join.at));
        let top = output.galley_pos + cursor_rect.min.to_vec2();
        let rect = egui::Rect::from_min_size(
            top - egui::vec2(3.0, 0.0),
            egui::vec2(6.0, cursor_rect.height()),
        );
        let response = ui.interact(
            rect,
            ui.scope_id().with(("join", at.slot, n)),
            Sense::click(),
        );
        let strong = response.hovered();
        ui.painter().line_segment(
            [rect.center_top(), rect.center_bottom()],
            egui::Stroke::new(if strong { 3.0 } else { 2.0 }, mark_color),
        );
        ui.painter()
            .circle_filled(rect.center_top(), 2.5, mark_color);
        let hover = match fc.lang {
            Lang::Zh => format!(
                "扫描断行已修复:第 {} 行与第 {} 行接为一段。\n原因:{}\n点击在此处重新拆开。",
                join.upper_line,
                join.lower_line,
                describe_rule(&join.rule, fc.lang)
            ),
            Lang::En => format!(
                "Repaired scan break: lines {} and {} joined.\nWhy: {}\nClick to split here again.",
                join.upper_line,
                join.lower_line,
                describe_rule(&join.rule, fc.lang)
            ),
        };
        let name = fc.lang.pick("断行修复", "Scan break join");
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, name));
        let response = response.on_hover_text(hover);
        if let Some(paragraph) = at.slot.paragraph()
            && response.clicked()
            && join.at > 0
            && join.at < field.char_len()
        {
            out.commands.push(Command::Apply {
                edit: Edit::SplitParagraph {
                    article: at.article,
                    paragraph,
                    at: join.at,
                },
                label: super::state::both_labels("拆开断行修复", "Undo scan-break join"),
                select: Some(Selection::field(at)),
            });
        }
    }
}

/// A join asked for with the keyboard, and where the cursor goes after it.
struct EdgeJoin {
    command: Command,
    cursor: (FieldRef, usize),
}

/// Backspace at the start of a paragraph joins it with the previous one, Delete at its end with
/// the next one, the cursor staying at the seam — as in a word processor. The key is taken so
/// the text editor does not also act on it.
fn join_at_edge(
    ui: &egui::Ui,
    fc: &FieldContext<'_>,
    at: FieldRef,
    field: &TextField,
    id: egui::Id,
) -> Option<EdgeJoin> {
    let paragraph = at.slot.paragraph()?;
    if !ui.memory(|m| m.has_focus(id)) {
        return None;
    }
    let range = egui::TextEdit::load_state(ui.ctx(), id)?
        .cursor
        .char_range()?;
    if range.primary != range.secondary {
        return None;
    }
    let position = range.primary.index.0;
    let article = &fc.project.articles[at.article];
    let (action, key, seam) = if position == 0 && paragraph > 0 {
        let previous = article.paragraphs[paragraph - 1].char_len();
        (
            Action::JoinWithPreviousParagraph,
            egui::Key::Backspace,
            (
                FieldRef::new(at.article, FieldSlot::Paragraph(paragraph - 1)),
                previous,
            ),
        )
    } else if position == field.char_len() && paragraph + 1 < article.paragraphs.len() {
        (
            Action::JoinWithNextParagraph,
            egui::Key::Delete,
            (at, field.char_len()),
        )
    } else {
        return None;
    };
    if !ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
        return None;
    }
    let command = action.command(fc.project, Selection::field(at), fc.cursor, fc.lang)?;
    Some(EdgeJoin {
        command,
        cursor: seam,
    })
}

/// "Raw lines 12–13" for a paragraph's gutter.
fn source_lines_text(field: &TextField, lang: Lang) -> String {
    let ranges: Vec<String> = field
        .source_lines
        .iter()
        .map(|r| {
            if r.first == r.last {
                r.first.to_string()
            } else {
                format!("{}–{}", r.first, r.last)
            }
        })
        .collect();
    if ranges.is_empty() {
        return lang.pick("编辑者添加", "added by the editor").to_string();
    }
    format!("{} {}", lang.pick("原文行", "Raw lines"), ranges.join(", "))
}

/// The font and colour of a field of `kind`: a crosshead reads as a heading (larger, in the
/// strong text colour), a note is set smaller and greyer; captions are italic (see
/// `FieldLook::italics`) and boxes framed (by the paragraph drawing).
fn kind_font(
    ui: &egui::Ui,
    style: TextStyle,
    kind: ParagraphKind,
) -> (egui::FontId, egui::Color32) {
    let mut font = style.resolve(ui.style());
    let visuals = ui.visuals();
    let color = match kind {
        ParagraphKind::Crosshead => {
            font.size *= 1.2;
            visuals.strong_text_color()
        }
        ParagraphKind::Note => {
            font.size *= 0.85;
            visuals.weak_text_color()
        }
        ParagraphKind::Body | ParagraphKind::Caption | ParagraphKind::Box => visuals.text_color(),
    };
    (font, color)
}

/// The structure actions for one field, as a context menu, after the actions on the entity span
/// under the text cursor, if there is one; for a paragraph, its kinds last.
fn action_menu(ui: &mut egui::Ui, fc: &FieldContext<'_>, at: FieldRef, out: &mut PaneOutput) {
    if let Some(cursor) = fc.cursor.filter(|c| c.at == at) {
        out.commands
            .extend(super::span_menu::show(ui, fc.project, cursor, fc.lang));
    }
    let selection = Selection::field(at);
    let mut item = |ui: &mut egui::Ui, action: Action| {
        let command = action.command(fc.project, selection, fc.cursor, fc.lang);
        let button = egui::Button::new(action.label(fc.lang)).shortcut_text(action.shortcut_text());
        if ui.add_enabled(command.is_some(), button).clicked() {
            out.commands.extend(command);
            ui.close();
        }
    };
    for &action in Action::STRUCTURE.iter().chain(Action::HEADINGS) {
        item(ui, action);
    }
    if at.slot.paragraph().is_some() {
        ui.separator();
        ui.weak(fc.lang.pick("段落类型", "Paragraph kind"));
        for &action in Action::KINDS {
            item(ui, action);
        }
    }
}
