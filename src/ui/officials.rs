//! The officials table: every person holding a title, with the titles and organizations and the
//! articles they appear in (a click jumps there); sortable, filterable, copied as text.
//!
//! The rows are built in one pass over the project when it changes, not per frame.

use crate::i18n::Lang;
use crate::model::tagging;
use crate::model::{EntityId, Project};

use super::state::{Command, SideTab};

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Titles,
    /// By first appearance, the order a reader meets them in: the default.
    #[default]
    Articles,
}

/// One official as the table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficialRow {
    pub id: EntityId,
    pub name: String,
    /// `organization + title`, one per role.
    pub titles: Vec<String>,
    /// Indices of the articles the official is mentioned in.
    pub articles: Vec<usize>,
}

/// The officials window's state.
#[derive(Debug, Default)]
pub struct Officials {
    pub open: bool,
    pub filter: String,
    pub sort: SortBy,
    pub descending: bool,
    rows: Vec<OfficialRow>,
    computed_for: Option<u64>,
}

impl Officials {
    /// Rebuilds the rows when the project changed.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        if self.computed_for == Some(revision) {
            return;
        }
        let articles = tagging::articles_by_entity(project);
        // A person mentioned nowhere (all mentions rejected or deleted) is no official of the
        // bulletin, whatever the registry still remembers.
        self.rows = project
            .registry
            .officials()
            .filter(|e| articles.contains_key(&e.id))
            .map(|e| OfficialRow {
                id: e.id,
                name: e.name.clone(),
                titles: e.roles.iter().map(|r| r.display()).collect(),
                articles: articles.get(&e.id).cloned().unwrap_or_default(),
            })
            .collect();
        self.computed_for = Some(revision);
    }

    /// The rows shown: filtered by name, title or organization, in the chosen order.
    pub fn visible_rows(&self) -> Vec<&OfficialRow> {
        let filter = self.filter.trim();
        let mut rows: Vec<&OfficialRow> = self
            .rows
            .iter()
            .filter(|r| {
                filter.is_empty()
                    || r.name.contains(filter)
                    || r.titles.iter().any(|t| t.contains(filter))
            })
            .collect();
        match self.sort {
            SortBy::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
            SortBy::Titles => rows.sort_by(|a, b| a.titles.cmp(&b.titles)),
            SortBy::Articles => rows.sort_by(|a, b| {
                (a.articles.first(), a.articles.len()).cmp(&(b.articles.first(), b.articles.len()))
            }),
        }
        if self.descending {
            rows.reverse();
        }
        rows
    }

    /// The shown rows as tab-separated text, one official a line, with a header line.
    pub fn as_text(&self, lang: Lang) -> String {
        let mut text = format!(
            "{}\t{}\t{}\n",
            lang.pick("姓名", "Name"),
            lang.pick("职务", "Titles"),
            lang.pick("文章", "Articles")
        );
        for row in self.visible_rows() {
            let articles: Vec<String> = row.articles.iter().map(|a| (a + 1).to_string()).collect();
            text.push_str(&format!(
                "{}\t{}\t{}\n",
                row.name,
                row.titles.join("、"),
                articles.join(",")
            ));
        }
        text
    }

    fn header(&mut self, ui: &mut egui::Ui, column: SortBy, name: &str, lang: Lang) {
        let arrow = match (self.sort == column, self.descending) {
            (true, false) => lang.pick("(升序)", " (ascending)"),
            (true, true) => lang.pick("(降序)", " (descending)"),
            (false, _) => "",
        };
        if ui
            .add(
                egui::Button::new(egui::RichText::new(format!("{name}{arrow}")).strong())
                    .frame(false),
            )
            .clicked()
        {
            if self.sort == column {
                self.descending = !self.descending;
            } else {
                self.sort = column;
                self.descending = false;
            }
        }
    }

    /// Draws the table as a window.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        revision: u64,
        lang: Lang,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        if !self.open {
            return commands;
        }
        self.refresh(project, revision);
        let mut open = self.open;
        egui::Window::new(lang.pick("领导名录", "Officials"))
            .id(egui::Id::unique("officials-table"))
            .open(&mut open)
            .default_pos([240.0, 130.0])
            .default_size([620.0, 460.0])
            .show(ctx, |ui| {
                // Titles read as one line each; the window grows rather than breaking them.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                ui.horizontal(|ui| {
                    let label = ui.label(lang.pick("筛选名录", "Filter officials"));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.filter)
                            .hint_text(lang.pick("姓名、职务或机构", "name, title or organization"))
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id);
                    if ui
                        .button(lang.pick("复制为文本", "Copy as text"))
                        .on_hover_text(lang.pick(
                            "以制表符分隔,可直接粘贴到表格软件",
                            "Tab-separated, pastes straight into a spreadsheet",
                        ))
                        .clicked()
                    {
                        ui.ctx().copy_text(self.as_text(lang));
                    }
                });
                ui.separator();
                let rows: Vec<OfficialRow> = self.visible_rows().into_iter().cloned().collect();
                if rows.is_empty() {
                    ui.weak(lang.pick(
                        "尚无带职务的人物。标注人名和职务后运行“重新建议实体”,或在实体登记中添加职务。",
                        "No persons with titles yet. Tag names and titles and run “Suggest entities again”, or add titles in the registry.",
                    ));
                }
                egui::ScrollArea::vertical()
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        egui::Grid::new("officials-grid")
                            .striped(true)
                            .num_columns(3)
                            .spacing([16.0, 6.0])
                            .show(ui, |ui| {
                                self.header(ui, SortBy::Name, lang.pick("姓名", "Name"), lang);
                                self.header(ui, SortBy::Titles, lang.pick("职务", "Titles"), lang);
                                self.header(ui, SortBy::Articles, lang.pick("文章", "Articles"), lang);
                                ui.end_row();
                                for row in &rows {
                                    if ui
                                        .add(egui::Button::new(&row.name).frame(false))
                                        .on_hover_text(lang.pick("在实体登记中查看", "Show in the registry"))
                                        .clicked()
                                    {
                                        commands.push(Command::ShowEntity(row.id));
                                        commands.push(Command::ShowTab(SideTab::Registry));
                                    }
                                    ui.vertical(|ui| {
                                        for title in &row.titles {
                                            ui.label(title);
                                        }
                                    });
                                    ui.horizontal_wrapped(|ui| {
                                        for &article in &row.articles {
                                            if ui
                                                .small_button((article + 1).to_string())
                                                .on_hover_text(
                                                    project.articles[article].headline.text.clone(),
                                                )
                                                .clicked()
                                            {
                                                commands.push(Command::SelectArticle(article));
                                            }
                                        }
                                    });
                                    ui.end_row();
                                }
                            });
                    });
            });
        self.open &= open;
        commands
    }
}
