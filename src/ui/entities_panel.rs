//! The entities panel (right): the mentions of the shown article grouped by type, with
//! confirm/reject for suggestions, and the officials of the whole project.

use std::collections::BTreeMap;

use egui::RichText;

use crate::i18n::Lang;
use crate::model::{Edit, EntityKind, FieldRef, Project, SpanStatus};

use super::describe_rule;
use super::layout::kind_color;
use super::state::Command;

/// The rows drawn last frame, kept in egui's memory: while the pointer is over the list, rows
/// stay where they were (a handled row leaves a faded gap) so a second click never lands on the
/// row that moved up under the pointer; they close up once the pointer leaves.
#[derive(Clone, Default)]
struct ShownRows {
    article: usize,
    /// Type, text and height of each row, in drawing order.
    rows: Vec<(EntityKind, String, f32)>,
    hovered: bool,
}

/// All mentions of one text as one type in an article.
struct Mention {
    places: Vec<(FieldRef, usize)>,
    suggested: usize,
    rule: Option<String>,
}

/// The edit confirming every suggested mention in `places`.
pub fn confirm_edit(project: &Project, places: &[(FieldRef, usize)]) -> Edit {
    crate::model::tagging::confirm(project, places)
}

/// The edit removing every suggested mention in `places` (all of them `text` as `kind`) and
/// remembering the rejection, so the suggestion is not made again.
pub fn reject_edit(
    project: &Project,
    text: &str,
    kind: &EntityKind,
    places: &[(FieldRef, usize)],
) -> Edit {
    let mine: Vec<(FieldRef, usize)> = places
        .iter()
        .copied()
        .filter(|&place| {
            crate::model::tagging::span_text(project, place) == Some(text)
                && project
                    .field(place.0)
                    .is_some_and(|f| &f.spans[place.1].kind == kind)
        })
        .collect();
    crate::model::tagging::reject(project, &mine)
}

/// Draws the panel.
pub fn show(ui: &mut egui::Ui, project: &Project, article: usize, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading(lang.pick("本篇实体", "Entities here"));
    ui.separator();
    let mut groups: BTreeMap<EntityKind, BTreeMap<String, Mention>> = BTreeMap::new();
    if let Some(a) = project.articles.get(article) {
        for (slot, field) in a.fields() {
            for (index, span) in field.spans.iter().enumerate() {
                let mention = groups
                    .entry(span.kind.clone())
                    .or_default()
                    .entry(field.slice(span.start, span.end).to_string())
                    .or_insert(Mention {
                        places: Vec::new(),
                        suggested: 0,
                        rule: span.rule.clone(),
                    });
                mention.places.push((FieldRef::new(article, slot), index));
                if span.status == SpanStatus::Suggested {
                    mention.suggested += 1;
                }
            }
        }
    }
    let memory = egui::Id::unique("entities-panel-rows");
    let previous: ShownRows = ui.data(|d| d.get_temp(memory)).unwrap_or_default();
    let hold = previous.hovered && previous.article == article;
    // The rows in the order to draw: as last drawn while held (new ones after), else by type.
    let mut order: Vec<(EntityKind, String)> = if hold {
        previous
            .rows
            .iter()
            .map(|(kind, text, _)| (kind.clone(), text.clone()))
            .collect()
    } else {
        Vec::new()
    };
    for (kind, mentions) in &groups {
        for text in mentions.keys() {
            if !order.iter().any(|(k, t)| k == kind && t == text) {
                let at = order
                    .iter()
                    .rposition(|(k, _)| k == kind)
                    .map_or(order.len(), |i| i + 1);
                order.insert(at, (kind.clone(), text.clone()));
            }
        }
    }
    let mut drawn: Vec<(EntityKind, String, f32)> = Vec::new();
    let area = egui::ScrollArea::vertical()
        .id_salt("entities")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if groups.is_empty() && order.is_empty() {
                ui.weak(lang.pick("本篇尚无实体。", "No entities in this article yet."));
            }
            let mut last_kind: Option<&EntityKind> = None;
            for (kind, text) in &order {
                if last_kind != Some(kind) {
                    if last_kind.is_some() {
                        ui.add_space(6.0);
                    }
                    let ty = project.entity_type(kind);
                    let name = lang.pick(&ty.name_zh, &ty.name_en);
                    let count = groups.get(kind).map_or(0, BTreeMap::len);
                    ui.label(
                        RichText::new(format!("{name} ({count})"))
                            .strong()
                            .color(kind_color(project, kind)),
                    );
                    last_kind = Some(kind);
                }
                let Some(mention) = groups.get(kind).and_then(|m| m.get(text)) else {
                    // Handled while the pointer is over the list: a faded gap of the same height.
                    let height = previous
                        .rows
                        .iter()
                        .find(|(k, t, _)| k == kind && t == text)
                        .map_or(ui.spacing().interact_size.y, |(_, _, h)| *h);
                    let (rect, _) = ui.allocate_exact_size(
                        egui::vec2(ui.available_width(), height),
                        egui::Sense::hover(),
                    );
                    ui.painter().text(
                        rect.left_top(),
                        egui::Align2::LEFT_TOP,
                        text,
                        egui::TextStyle::Body.resolve(ui.style()),
                        ui.visuals().weak_text_color().gamma_multiply(0.5),
                    );
                    drawn.push((kind.clone(), text.clone(), height));
                    continue;
                };
                let height = ui.horizontal_wrapped(|ui| {
                        let count = mention.places.len();
                        let shown = if count > 1 {
                            format!("{text} ×{count}")
                        } else {
                            text.clone()
                        };
                        let label = if mention.suggested == 0 {
                            ui.label(RichText::new(shown).strong())
                        } else {
                            ui.label(shown)
                        };
                        if let Some(rule) = &mention.rule {
                            label.on_hover_text(describe_rule(rule, lang));
                        }
                        if mention.suggested > 0 {
                            if ui
                                .small_button(lang.pick("确认", "Confirm"))
                                .on_hover_text(lang.pick("确认这个建议", "Confirm this suggestion"))
                                .clicked()
                            {
                                commands.push(Command::Apply {
                                    edit: confirm_edit(project, &mention.places),
                                    label: super::state::both_labels(
                                        format!("确认实体 {text}"),
                                        format!("Confirm entity {text}"),
                                    ),
                                    select: None,
                                });
                            }
                            let alike =
                                crate::model::tagging::suggested_alike(project, text, kind);
                            if alike.len() > mention.suggested
                                && ui
                                    .small_button(match lang {
                                        Lang::Zh => format!("全部确认（{} 处）", alike.len()),
                                        Lang::En => format!("Confirm all ({})", alike.len()),
                                    })
                                    .on_hover_text(lang.pick(
                                        "确认所有文章中的这个建议",
                                        "Confirm this suggestion in every article",
                                    ))
                                    .clicked()
                            {
                                commands.push(Command::Apply {
                                    edit: confirm_edit(project, &alike),
                                    label: super::state::both_labels(
                                        format!("全部确认 {text}（{} 处）", alike.len()),
                                        format!("Confirmed all {text} ({} places)", alike.len()),
                                    ),
                                    select: None,
                                });
                            }
                            if ui
                                .small_button(lang.pick("拒绝", "Reject"))
                                .on_hover_text(lang.pick(
                                    "删除这个建议,本项目中不再建议",
                                    "Remove this suggestion and never suggest it again in this project",
                                ))
                                .clicked()
                            {
                                commands.push(Command::Apply {
                                    edit: reject_edit(project, text, kind, &mention.places),
                                    label: super::state::both_labels(
                                        format!("已拒绝 {text}（{} 处）", alike.len()),
                                        format!(
                                            "Rejected {text} ({} {})",
                                            alike.len(),
                                            if alike.len() == 1 { "place" } else { "places" }
                                        ),
                                    ),
                                    select: None,
                                });
                            }
                        }
                    })
                    .response
                    .rect
                    .height();
                drawn.push((kind.clone(), text.clone(), height));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                ui.heading(lang.pick("领导名录", "Officials"));
                if ui
                    .small_button(lang.pick("表格", "Table"))
                    .on_hover_text(lang.pick(
                        "打开可排序、可复制的名录表 (Ctrl+L)",
                        "Open the sortable, copyable table (Ctrl+L)",
                    ))
                    .clicked()
                {
                    commands.push(Command::ShowOfficials);
                }
            });
            ui.separator();
            let mut any = false;
            let mentioned = crate::model::tagging::articles_by_entity(project);
            for person in project
                .registry
                .officials()
                .filter(|e| mentioned.contains_key(&e.id))
            {
                any = true;
                let roles: Vec<String> = person.roles.iter().map(|r| r.display()).collect();
                ui.label(RichText::new(&person.name).strong());
                ui.indent(("roles", person.id.0), |ui| {
                    for role in roles {
                        ui.weak(role);
                    }
                });
            }
            if !any {
                ui.weak(lang.pick("尚无带职务的人物。", "No persons with roles yet."));
            }
        });
    let hovered = ui.rect_contains_pointer(area.inner_rect);
    ui.data_mut(|d| {
        d.insert_temp(
            memory,
            ShownRows {
                article,
                rows: drawn,
                hovered,
            },
        )
    });
    commands
}
