//! The entities panel (right): the mentions of the shown article grouped by type, with
//! confirm/reject for suggestions, and the officials of the whole project.

use std::collections::BTreeMap;

use egui::RichText;

use crate::i18n::Lang;
use crate::model::{Edit, EntityKind, FieldRef, Project, SpanStatus};

use super::describe_rule;
use super::layout::kind_color;
use super::state::Command;

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
    egui::ScrollArea::vertical()
        .id_salt("entities")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if groups.is_empty() {
                ui.weak(lang.pick("本篇尚无实体。", "No entities in this article yet."));
            }
            for (kind, mentions) in &groups {
                let ty = project.entity_type(kind);
                let name = lang.pick(&ty.name_zh, &ty.name_en);
                ui.label(
                    RichText::new(format!("{name} ({})", mentions.len()))
                        .strong()
                        .color(kind_color(project, kind)),
                );
                for (text, mention) in mentions {
                    ui.horizontal_wrapped(|ui| {
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
                                    label: format!("{} {text}", lang.pick("确认实体", "Confirm entity")),
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
                                    label: match lang {
                                        Lang::Zh => format!("全部确认 {text}（{} 处）", alike.len()),
                                        Lang::En => {
                                            format!("Confirmed all {text} ({} places)", alike.len())
                                        }
                                    },
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
                                    label: match lang {
                                        Lang::Zh => format!("已拒绝 {text}（{} 处）", alike.len()),
                                        Lang::En => format!(
                                            "Rejected {text} ({} {})",
                                            alike.len(),
                                            if alike.len() == 1 { "place" } else { "places" }
                                        ),
                                    },
                                    select: None,
                                });
                            }
                        }
                    });
                }
                ui.add_space(6.0);
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
    commands
}
