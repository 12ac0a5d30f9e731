//! The raw text (left of centre): every line with its number, blank lines and repaired scan
//! breaks marked, the lines behind the selection highlighted, find matches marked.
//!
//! Only the lines on screen are laid out (`ScrollArea::show_rows`), so a megabyte of raw text
//! scrolls as smoothly as a page.

use std::collections::HashMap;
use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Sense, TextStyle};

use crate::i18n::Lang;
use crate::model::{FieldRef, LineRange, Project};

use super::describe_rule;
use super::layout::match_color;
use super::state::{Command, Selection};

/// Facts about the raw lines derived from the project, rebuilt when the project changes.
#[derive(Default)]
struct LineIndex {
    revision: Option<u64>,
    /// Byte range of each line in `source.text`.
    lines: Vec<Range<usize>>,
    /// The field each line belongs to (the first one, when several share it).
    owner: Vec<Option<FieldRef>>,
    /// Lines whose end the import joined to the next line, with the rule.
    joined_below: HashMap<usize, String>,
}

impl LineIndex {
    fn rebuild(&mut self, project: &Project, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        let text = &project.source.text;
        if self.lines.is_empty() || self.lines.last().map(|r| r.end) != Some(text.len()) {
            self.lines.clear();
            let mut start = 0;
            for line in text.split('\n') {
                self.lines.push(start..start + line.len());
                start += line.len() + 1;
            }
        }
        self.owner = vec![None; self.lines.len()];
        self.joined_below.clear();
        for (a, article) in project.articles.iter().enumerate() {
            for (slot, field) in article.fields() {
                for range in &field.source_lines {
                    for line in range.first..=range.last {
                        if let Some(owner) = self.owner.get_mut(line.wrapping_sub(1)) {
                            owner.get_or_insert(FieldRef::new(a, slot));
                        }
                    }
                }
                for join in &field.joins {
                    self.joined_below.insert(join.upper_line, join.rule.clone());
                }
            }
        }
        self.revision = Some(revision);
    }
}

/// Heights of wrapped lines as last laid out, for the width and find text they were laid out
/// with; lines not drawn yet are estimated from their length.
#[derive(Default)]
struct WrapHeights {
    key: Option<(u32, Option<String>)>,
    /// Per line: whether it has been laid out, and its height (measured, or estimated).
    heights: Vec<(bool, f32)>,
}

/// The raw pane's own state.
#[derive(Default)]
pub struct RawPane {
    index: LineIndex,
    /// A line (1-based) to bring into view on the next frame.
    scroll_to_line: Option<usize>,
    /// Long lines wrap at the pane's width instead of running off its edge.
    pub wrap: bool,
    wrapped: WrapHeights,
}

/// One line as drawn: its number, whether it lies in the selected field or article, its text.
struct LineLook<'a> {
    line_no: usize,
    line: &'a str,
    in_field: bool,
    in_article: bool,
    joined: Option<&'a String>,
}

impl RawPane {
    /// Scrolls so that `line` (1-based) is near the top on the next frame.
    pub fn reveal_line(&mut self, line: usize) {
        self.scroll_to_line = Some(line);
    }

    /// Draws the pane.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        revision: u64,
        selection: Selection,
        query: Option<&str>,
        lang: Lang,
    ) -> Vec<Command> {
        self.index.rebuild(project, revision);
        let mut commands = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.strong(lang.pick("原始文本", "Raw text"));
            ui.weak(format!(
                "{} · {} {}",
                project.source.name,
                self.index.lines.len(),
                lang.pick("行", "lines")
            ));
        });
        ui.separator();
        let font = TextStyle::Monospace.resolve(ui.style());
        let row_height = ui
            .ctx()
            .fonts_mut(|f| f.row_height(&font))
            .max(font.size * 1.3);
        let spacing = ui.spacing().item_spacing.y;
        // The article as one block from its first to its last line, blank lines included.
        let article_lines: Vec<LineRange> = project
            .articles
            .get(selection.article)
            .map(|a| a.source_lines())
            .and_then(|ranges| Some(LineRange::new(ranges.first()?.first, ranges.last()?.last)))
            .into_iter()
            .collect();
        let field_lines = selection
            .field_ref()
            .and_then(|at| project.field(at))
            .map(|f| f.source_lines.clone())
            .unwrap_or_default();
        let text = &project.source.text;
        let gutter = ui.ctx().fonts_mut(|f| f.glyph_width(&font, '0')) * 6.0;
        let look = |row: usize| {
            let line_no = row + 1;
            LineLook {
                line_no,
                line: &text[self.index.lines[row].clone()],
                in_field: field_lines.iter().any(|r| r.contains(line_no)),
                in_article: article_lines.iter().any(|r| r.contains(line_no)),
                joined: self.index.joined_below.get(&line_no),
            }
        };
        let scroll_to = self.scroll_to_line.take();
        let metrics = (&font, row_height, gutter);
        if self.wrap {
            let wrap_width = (ui.available_width() - gutter - 8.0).max(40.0);
            let key = (wrap_width.round() as u32, query.map(str::to_string));
            if self.wrapped.key.as_ref() != Some(&key)
                || self.wrapped.heights.len() != self.index.lines.len()
            {
                // Lines not laid out yet get a first guess, computed once per width: Chinese
                // glyphs are about as wide as the font is high.
                let per_row = (wrap_width / font.size).max(4.0);
                self.wrapped.key = Some(key);
                self.wrapped.heights = self
                    .index
                    .lines
                    .iter()
                    .map(|range| {
                        let chars = text[range.clone()].chars().count() as f32;
                        (false, (chars / per_row).ceil().max(1.0) * row_height)
                    })
                    .collect();
            }
            let mut tops = Vec::with_capacity(self.index.lines.len() + 1);
            let mut y = 0.0;
            for (_, height) in &self.wrapped.heights {
                tops.push(y);
                y += height + spacing;
            }
            tops.push(y);
            let mut area = egui::ScrollArea::vertical()
                .id_salt("raw-pane-wrapped")
                .auto_shrink([false, false]);
            if let Some(line) = scroll_to {
                let row = line.saturating_sub(3).min(tops.len() - 1);
                area = area.vertical_scroll_offset(tops[row]);
            }
            let mut measured = Vec::new();
            let owners = &self.index.owner;
            let lines = self.index.lines.len();
            area.show_viewport(ui, |ui, viewport| {
                ui.set_height(y);
                let origin = ui.max_rect().min;
                let first = tops
                    .partition_point(|&t| t <= viewport.min.y)
                    .saturating_sub(1);
                for row in first..lines {
                    if tops[row] > viewport.max.y {
                        break;
                    }
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(0.0, tops[row]),
                        egui::vec2(ui.available_width(), tops[row + 1] - tops[row] - spacing),
                    );
                    let height = draw_line(
                        ui,
                        &look(row),
                        rect,
                        Some(wrap_width),
                        metrics,
                        query,
                        lang,
                        owners[row],
                        &mut commands,
                    );
                    measured.push((row, height));
                }
            });
            for (row, height) in measured {
                let (measured_before, old) =
                    std::mem::replace(&mut self.wrapped.heights[row], (true, height));
                if !measured_before || (old - height).abs() > 0.5 {
                    ui.ctx().request_repaint();
                }
            }
            return commands;
        }
        let mut area = egui::ScrollArea::both()
            .id_salt("raw-pane")
            .auto_shrink([false, false]);
        if let Some(line) = scroll_to {
            let offset = (line.saturating_sub(3)) as f32 * (row_height + spacing);
            area = area.vertical_scroll_offset(offset);
        }
        let owners = &self.index.owner;
        area.show_rows(ui, row_height, self.index.lines.len(), |ui, rows| {
            for row in rows {
                let line = look(row);
                let job = line_job(
                    line.line,
                    &font,
                    ui.visuals().text_color(),
                    query,
                    ui.visuals().dark_mode,
                    line.joined.is_some(),
                    lang,
                );
                let galley_width = ui.painter().layout_job(job).size().x;
                let width = gutter + galley_width + 8.0;
                let rect = ui
                    .allocate_exact_size(
                        egui::vec2(width.max(ui.available_width()), row_height),
                        Sense::hover(),
                    )
                    .0;
                draw_line(
                    ui,
                    &line,
                    rect,
                    None,
                    metrics,
                    query,
                    lang,
                    owners[row],
                    &mut commands,
                );
            }
        });
        commands
    }
}

/// Draws one raw line in `rect` (wrapped at `wrap_width` when given): the background of the
/// selection, the line number on its first row, the text; a click shows the field it belongs
/// to. Returns the height the line needs.
#[allow(clippy::too_many_arguments)]
fn draw_line(
    ui: &mut egui::Ui,
    look: &LineLook<'_>,
    rect: egui::Rect,
    wrap_width: Option<f32>,
    (font, row_height, gutter): (&FontId, f32, f32),
    query: Option<&str>,
    lang: Lang,
    owner: Option<FieldRef>,
    commands: &mut Vec<Command>,
) -> f32 {
    let mut job = line_job(
        look.line,
        font,
        ui.visuals().text_color(),
        query,
        ui.visuals().dark_mode,
        look.joined.is_some(),
        lang,
    );
    if let Some(width) = wrap_width {
        job.wrap.max_width = width;
    }
    let galley = ui.painter().layout_job(job);
    let height = galley.size().y.max(row_height);
    let rect = egui::Rect::from_min_size(rect.min, egui::vec2(rect.width(), height));
    let response = ui.interact(
        rect,
        ui.scope_id().with(("raw-line", look.line_no)),
        Sense::click(),
    );
    let background = if look.in_field {
        Some(ui.visuals().selection.bg_fill.gamma_multiply(0.6))
    } else if look.in_article {
        Some(ui.visuals().selection.bg_fill.gamma_multiply(0.22))
    } else {
        None
    };
    if let Some(fill) = background {
        ui.painter().rect_filled(rect, 0.0, fill);
    }
    // The number stays on the first row of a wrapped line.
    ui.painter().text(
        egui::pos2(rect.left() + gutter - 8.0, rect.top() + row_height / 2.0),
        egui::Align2::RIGHT_CENTER,
        look.line_no.to_string(),
        font.clone(),
        ui.visuals().weak_text_color(),
    );
    let first_row = galley.rows.first().map_or(row_height, |r| r.height());
    let text_pos = egui::pos2(
        rect.left() + gutter,
        rect.top() + (row_height - first_row) / 2.0,
    );
    ui.painter()
        .galley(text_pos, galley, ui.visuals().text_color());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, look.line));
    let response = match look.joined {
        Some(rule) => response.on_hover_text(match lang {
            Lang::Zh => format!(
                "扫描断行:此行与下一行已接为一段({})",
                describe_rule(rule, lang)
            ),
            Lang::En => format!(
                "Scan break: this line was joined with the next ({})",
                describe_rule(rule, lang)
            ),
        }),
        None => response,
    };
    if response.clicked()
        && let Some(owner) = owner
    {
        commands.push(Command::RevealField(owner));
    }
    height
}

/// One raw line: its text with find matches marked, a pilcrow on blank lines and a join mark at
/// the end of a line the import joined to the next.
fn line_job(
    line: &str,
    font: &FontId,
    color: Color32,
    query: Option<&str>,
    dark: bool,
    joined: bool,
    lang: Lang,
) -> LayoutJob {
    let plain = TextFormat::simple(font.clone(), color);
    let marker = TextFormat::simple(font.clone(), Color32::from_rgb(200, 90, 40));
    let weak = TextFormat::simple(font.clone(), color.gamma_multiply(0.4));
    let mut job = LayoutJob::default();
    if line.trim().is_empty() {
        job.append(lang.pick("(空行)", "(blank)"), 0.0, weak);
        return job;
    }
    let mut last = 0;
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        let found = TextFormat {
            background: match_color(false, dark),
            ..plain.clone()
        };
        for (start, hit) in line.match_indices(query) {
            job.append(&line[last..start], 0.0, plain.clone());
            job.append(hit, 0.0, found.clone());
            last = start + hit.len();
        }
    }
    job.append(&line[last..], 0.0, plain);
    if joined {
        job.append(" ↵", 0.0, marker);
    }
    job
}
