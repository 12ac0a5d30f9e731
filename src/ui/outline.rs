//! The article outline (left): one row per article with its headline, counts and the editor's
//! "checked" mark. Rows are virtualised, so a bulletin of hundreds of articles costs no more than
//! the rows on screen.

use crate::i18n::Lang;
use crate::model::{Article, Edit, Project};

use super::state::{Command, Selection};

/// The headline of an article as the outline shows it.
pub fn article_title(article: &Article, lang: Lang) -> String {
    let headline = article.headline.text.trim();
    if !headline.is_empty() {
        return headline.to_string();
    }
    match article.paragraphs.first() {
        Some(first) => {
            let start: String = first.text.chars().take(18).collect();
            format!("({}){start}…", lang.pick("无标题", "no headline"))
        }
        None => lang.pick("(空文章)", "(empty article)").to_string(),
    }
}

/// The counts shown under each headline.
pub fn article_counts(article: &Article, lang: Lang) -> String {
    format!(
        "{} · {}",
        lang.count(article.paragraphs.len(), "段", "paragraph", "paragraphs"),
        lang.count(article.span_count(), "实体", "entity", "entities")
    )
}

/// Draws the outline.
pub fn show(
    ui: &mut egui::Ui,
    project: &Project,
    selection: Selection,
    lang: Lang,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading(lang.pick("文章", "Articles"));
    ui.separator();
    let row_height = ui.spacing().interact_size.y * 2.0 + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("outline")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, project.articles.len(), |ui, rows| {
            for index in rows {
                let article = &project.articles[index];
                ui.vertical(|ui| {
                    ui.set_height(row_height);
                    let title = format!("{}. {}", index + 1, article_title(article, lang));
                    let row = ui.add(
                        egui::Button::selectable(selection.article == index, title).truncate(),
                    );
                    if row.clicked() {
                        commands.push(Command::SelectArticle(index));
                    }
                    ui.horizontal(|ui| {
                        // Labelled, so screen readers and tests name it; under its headline, so
                        // the headline keeps the row's width.
                        let mut checked = article.checked;
                        let check = ui
                            .checkbox(&mut checked, lang.pick("已校对", "Checked"))
                            .on_hover_text(lang.pick(
                                "勾选表示本篇已校对完毕",
                                "Tick when this article is fully checked",
                            ));
                        if check.changed() {
                            commands.push(Command::Apply {
                                edit: Edit::SetChecked {
                                    article: index,
                                    checked,
                                },
                                label: super::state::both_labels("标记已校对", "Mark checked"),
                                select: None,
                            });
                        }
                        ui.weak(article_counts(article, lang));
                    });
                });
            }
        });
    commands
}
