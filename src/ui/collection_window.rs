//! The collection window: a year of issues in one place. Issues listed by date with their
//! progress (已校对 articles / all), each opened in place; a find across every issue (Enter opens
//! the hit); the officials over time as a table and as a timeline, one bar per post; the
//! registry across issues, where entities are merged and split.
//!
//! The window reads the collection's index only; the texts are loaded the first time a find
//! runs, and a project when it is opened. It returns [`CollectionAction`]s, which the app
//! carries out (opening an issue goes through the usual questions about unsaved work).

use std::path::{Path, PathBuf};

use super::collection_registry::RegistryTab;
use crate::collection::find::{Archive, CollectionHit};
use crate::collection::officials::{self, OfficialPost};
use crate::collection::{Collection, IssueDate};
use crate::i18n::Lang;
use crate::model::search::{Query, SearchOptions};

/// The tabs of the collection window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CollectionTab {
    #[default]
    Issues,
    Find,
    Officials,
    Registry,
}

/// What the editor asked the collection window for.
#[derive(Clone, Debug, PartialEq)]
pub enum CollectionAction {
    /// Open an issue's project in the workbench, at a place if given.
    OpenIssue {
        key: String,
        at: Option<crate::model::FieldRef>,
    },
}

/// The most hits a find lists.
const HIT_LIMIT: usize = 1000;

/// The collection window's state.
#[derive(Default)]
pub struct CollectionWindow {
    pub open: bool,
    pub tab: CollectionTab,
    /// The folder typed in the window's path box.
    pub folder: String,
    collection: Option<Collection>,
    /// The texts of the issues, loaded by the first find.
    archive: Option<Archive>,
    pub query: String,
    hits: Vec<CollectionHit>,
    /// The hit Enter opens.
    pub current_hit: usize,
    /// The text the hits were found for.
    searched: Option<String>,
    pub org_filter: String,
    registry: RegistryTab,
    message: Option<String>,
}

impl CollectionWindow {
    /// The open collection, if any.
    pub fn collection(&self) -> Option<&Collection> {
        self.collection.as_ref()
    }

    pub fn collection_mut(&mut self) -> Option<&mut Collection> {
        self.collection.as_mut()
    }

    /// The hits of the last find.
    pub fn hits(&self) -> &[CollectionHit] {
        &self.hits
    }

    /// Opens the collection in `dir` (its index only) and shows the window. On failure the
    /// message is shown in the window and the collection open before stays.
    pub fn open_folder(&mut self, dir: &Path, lang: Lang) -> bool {
        self.open = true;
        self.folder = dir.display().to_string();
        match Collection::open(dir) {
            Ok(collection) => {
                self.collection = Some(collection);
                self.archive = None;
                self.hits.clear();
                self.message = None;
                true
            }
            Err(error) => {
                self.message = Some(error.message(lang));
                false
            }
        }
    }

    /// The project file of an issue of the open collection.
    pub fn project_path(&self, key: &str) -> Option<PathBuf> {
        let collection = self.collection.as_ref()?;
        Some(collection.project_path(collection.index.issue(key)?))
    }

    /// Runs the find over every issue (loading their texts the first time).
    pub fn run_find(&mut self, lang: Lang) {
        let Some(collection) = &self.collection else {
            return;
        };
        let query = match Query::new(&self.query, SearchOptions::default()) {
            Ok(query) => query,
            Err(e) => {
                self.message = Some(e.0);
                return;
            }
        };
        let archive = self.archive.get_or_insert_with(|| {
            let (archive, failed) = Archive::load(collection);
            if !failed.is_empty() {
                self.message = Some(
                    failed
                        .iter()
                        .map(|(key, e)| format!("{key}: {}", e.message(lang)))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            archive
        });
        self.hits = archive.find(&query, HIT_LIMIT);
        self.current_hit = 0;
    }

    /// Forgets the loaded texts (after an issue was saved), so the next find reads them again.
    pub fn texts_changed(&mut self) {
        self.archive = None;
    }

    /// Draws the window; returns what the editor asked for.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Vec<CollectionAction> {
        let mut actions = Vec::new();
        if !self.open {
            return actions;
        }
        let mut open = self.open;
        egui::Window::new(lang.pick("合集", "Collection"))
            .id(egui::Id::unique("collection-window"))
            .open(&mut open)
            .default_pos([200.0, 100.0])
            .default_size([760.0, 520.0])
            .show(ctx, |ui| {
                self.folder_row(ui, lang);
                if let Some(message) = &self.message {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
                if self.collection.is_none() {
                    return;
                }
                ui.horizontal(|ui| {
                    for (tab, zh, en) in [
                        (CollectionTab::Issues, "各期", "Issues"),
                        (CollectionTab::Find, "跨期查找", "Find across issues"),
                        (CollectionTab::Officials, "领导任职", "Officials over time"),
                        (
                            CollectionTab::Registry,
                            "跨期登记表",
                            "Registry across issues",
                        ),
                    ] {
                        if ui
                            .selectable_label(self.tab == tab, lang.pick(zh, en))
                            .clicked()
                        {
                            self.tab = tab;
                        }
                    }
                });
                ui.separator();
                match self.tab {
                    CollectionTab::Issues => self.issues(ui, lang, &mut actions),
                    CollectionTab::Find => self.find(ui, lang, &mut actions),
                    CollectionTab::Officials => self.officials(ui, lang),
                    CollectionTab::Registry => {
                        if let Some(collection) = &mut self.collection
                            && let Some(error) = self.registry.show(ui, collection, lang)
                        {
                            self.message = Some(error);
                        }
                    }
                }
            });
        self.open = open;
        actions
    }

    fn folder_row(&mut self, ui: &mut egui::Ui, lang: Lang) {
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("合集文件夹", "Collection folder"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.folder).desired_width(360.0))
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui
                .button(lang.pick("打开合集", "Open collection"))
                .clicked()
                || entered
            {
                let folder = PathBuf::from(self.folder.trim());
                self.open_folder(&folder, lang);
            }
        });
    }

    fn issues(&mut self, ui: &mut egui::Ui, lang: Lang, actions: &mut Vec<CollectionAction>) {
        let Some(collection) = &self.collection else {
            return;
        };
        let issues = &collection.index.issues;
        let reviewed: usize = issues.iter().map(|i| i.counts.reviewed).sum();
        let articles: usize = issues.iter().map(|i| i.counts.articles).sum();
        ui.label(match lang {
            Lang::Zh => format!("{} 期,已校对 {reviewed}/{articles} 篇", issues.len()),
            Lang::En => format!(
                "{} issues, {reviewed} of {articles} articles reviewed",
                issues.len()
            ),
        });
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Grid::new("collection-issues")
                    .striped(true)
                    .num_columns(5)
                    .spacing([14.0, 6.0])
                    .show(ui, |ui| {
                        ui.strong(lang.pick("日期", "Date"));
                        ui.strong(lang.pick("期", "Issue"));
                        ui.strong(lang.pick("已校对", "Reviewed"));
                        ui.strong(lang.pick("实体", "Entities"));
                        ui.label("");
                        ui.end_row();
                        for issue in issues {
                            ui.label(date_text(issue.date, lang));
                            ui.label(&issue.key);
                            let fraction = if issue.counts.articles == 0 {
                                0.0
                            } else {
                                issue.counts.reviewed as f32 / issue.counts.articles as f32
                            };
                            ui.add(egui::ProgressBar::new(fraction).desired_width(120.0).text(
                                format!("{}/{}", issue.counts.reviewed, issue.counts.articles),
                            ))
                            .on_hover_text(issue.status.label(lang));
                            ui.label(issue.counts.mentions.to_string());
                            if ui
                                .button(lang.pick("打开", "Open"))
                                .on_hover_text(&issue.project)
                                .clicked()
                            {
                                actions.push(CollectionAction::OpenIssue {
                                    key: issue.key.clone(),
                                    at: None,
                                });
                            }
                            ui.end_row();
                        }
                    });
            });
    }

    fn find(&mut self, ui: &mut egui::Ui, lang: Lang, actions: &mut Vec<CollectionAction>) {
        let mut run = false;
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("查找", "Find"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text(lang.pick("在所有各期中查找", "search every issue"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if entered && !self.hits.is_empty() && self.hits_for_query() {
                // Enter again on the same text opens the current hit.
                if let Some(hit) = self.hits.get(self.current_hit) {
                    actions.push(open_hit(hit));
                }
            } else if entered || ui.button(lang.pick("查找", "Find")).clicked() {
                run = true;
            }
            if entered {
                // The field keeps the keyboard, so a second Enter opens the hit.
                field.request_focus();
            }
        });
        if run {
            self.run_find(lang);
            self.searched = Some(self.query.clone());
        }
        if self.searched.is_some() {
            ui.label(match lang {
                Lang::Zh => format!("{} 处(回车打开选中的一处)", self.hits.len()),
                Lang::En => format!("{} hits (Enter opens the selected one)", self.hits.len()),
            });
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, hit) in self.hits.iter().enumerate() {
                    let (before, found, after) = &hit.context;
                    let text = format!(
                        "{} · {} · {} {} · {before}【{found}】{after}",
                        date_text(hit.date, lang),
                        hit.issue,
                        lang.pick("文章", "article"),
                        hit.at.article + 1,
                    );
                    let response = ui
                        .selectable_label(self.current_hit == i, text)
                        .on_hover_text(&hit.headline);
                    if response.clicked() {
                        self.current_hit = i;
                        actions.push(open_hit(hit));
                    }
                }
            });
    }

    fn hits_for_query(&self) -> bool {
        self.searched.as_deref() == Some(self.query.as_str())
    }

    fn officials(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let Some(collection) = &self.collection else {
            return;
        };
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("机构筛选", "Organization"));
            ui.add(
                egui::TextEdit::singleline(&mut self.org_filter)
                    .hint_text(lang.pick("机构名称中含有…", "name contains…"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        });
        let filter = self.org_filter.trim();
        let rows = officials::posts(collection, (!filter.is_empty()).then_some(filter));
        if rows.is_empty() {
            ui.weak(lang.pick("没有带职务的人物。", "No persons with posts."));
            return;
        }
        let span = date_range(&rows);
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Grid::new("collection-officials")
                    .striped(true)
                    .num_columns(5)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        ui.strong(lang.pick("姓名", "Person"));
                        ui.strong(lang.pick("职务", "Post"));
                        ui.strong(lang.pick("时间", "Dates"));
                        ui.strong(lang.pick("期数", "Issues"));
                        ui.strong(lang.pick("时间线", "Timeline"));
                        ui.end_row();
                        for row in &rows {
                            ui.label(&row.person);
                            ui.label(format!("{}{}", row.organization, row.post));
                            ui.label(format!(
                                "{} — {}",
                                date_text(row.first, lang),
                                date_text(row.last, lang)
                            ));
                            ui.label(row.issues.to_string());
                            timeline_bar(ui, row, span);
                            ui.end_row();
                        }
                    });
            });
    }
}

fn open_hit(hit: &CollectionHit) -> CollectionAction {
    CollectionAction::OpenIssue {
        key: hit.issue.clone(),
        at: Some(hit.at),
    }
}

fn date_text(date: Option<IssueDate>, lang: Lang) -> String {
    date.map_or_else(
        || lang.pick("无日期", "no date").to_string(),
        |d| d.to_string(),
    )
}

/// Days since 1900-01-01 (a position on the timeline; exact for the Gregorian calendar).
fn day_number(date: IssueDate) -> i64 {
    let (y, m, d) = (date.year as i64, date.month as i64, date.day as i64);
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d
}

/// The first and last day any post covers.
fn date_range(rows: &[OfficialPost]) -> Option<(i64, i64)> {
    let days: Vec<i64> = rows
        .iter()
        .flat_map(|r| [r.first, r.last])
        .flatten()
        .map(day_number)
        .collect();
    Some((*days.iter().min()?, *days.iter().max()?))
}

/// Where a post's bar starts and ends on a timeline of `width` points over `span` days.
pub fn bar_extent(row: &OfficialPost, span: Option<(i64, i64)>, width: f32) -> Option<(f32, f32)> {
    let (from, to) = span?;
    let (first, last) = (day_number(row.first?), day_number(row.last?));
    let days = (to - from).max(1) as f32;
    let x0 = (first - from) as f32 / days * width;
    let x1 = ((last - from) as f32 / days * width).max(x0 + 3.0);
    Some((x0, x1.min(width.max(x0 + 3.0))))
}

/// One bar per post, from its first to its last issue, on the collection's time span.
fn timeline_bar(ui: &mut egui::Ui, row: &OfficialPost, span: Option<(i64, i64)>) {
    let width = 220.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 12.0), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    if let Some((x0, x1)) = bar_extent(row, span, width) {
        let bar = egui::Rect::from_min_max(
            egui::pos2(rect.left() + x0, rect.top() + 2.0),
            egui::pos2(rect.left() + x1, rect.bottom() - 2.0),
        );
        painter.rect_filled(bar, 2.0, ui.visuals().selection.bg_fill);
    }
    response.on_hover_text(format!("{} · {}{}", row.person, row.organization, row.post));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityId;

    fn post(first: (u32, u32, u32), last: (u32, u32, u32)) -> OfficialPost {
        OfficialPost {
            entity: EntityId(0),
            person: "张红军".into(),
            distinguished_by: String::new(),
            post: "主任".into(),
            organization: "管委会".into(),
            first: IssueDate::new(first.0, first.1, first.2),
            last: IssueDate::new(last.0, last.1, last.2),
            issues: 2,
        }
    }

    #[test]
    fn bars_cover_their_posts_share_of_the_time_span() {
        let whole = post((2021, 1, 1), (2021, 12, 31));
        let second_half = post((2021, 7, 2), (2021, 12, 31));
        let span = date_range(&[whole.clone(), second_half.clone()]);
        assert_eq!(bar_extent(&whole, span, 200.0), Some((0.0, 200.0)));
        let (x0, x1) = bar_extent(&second_half, span, 200.0).unwrap();
        assert!((x0 - 100.0).abs() < 1.0, "{x0}");
        assert_eq!(x1, 200.0);
        let one_day = post((2021, 3, 1), (2021, 3, 1));
        let (a, b) = bar_extent(&one_day, span, 200.0).unwrap();
        assert!(b - a >= 3.0, "a single issue still shows");
        assert_eq!(
            day_number(IssueDate::new(2021, 3, 1).unwrap())
                - day_number(IssueDate::new(2021, 2, 28).unwrap()),
            1
        );
    }
}
