//! The registry tab: every person, organization and place of the project. For the chosen entity:
//! rename it, edit an official's titles and organizations, write a note, merge another entity
//! into it (the other spelling becomes an alias), list its mentions (a click jumps there), link
//! the tag under the text cursor to it or unlink a mention.
//!
//! Mention counts come from one pass over the project, redone only when the project changes.

use std::collections::BTreeMap;

use egui::RichText;

use crate::i18n::Lang;
use crate::model::tagging::{self, Occurrence, Place, TaggingError};
use crate::model::{Edit, EntityId, Project, Role};

use super::layout::kind_color;
use super::state::Command;

/// The registry tab's state: the filter, the chosen entity and the fields being edited.
#[derive(Debug, Default)]
pub struct RegistryPanel {
    pub filter: String,
    selected: Option<EntityId>,
    name: String,
    note: String,
    roles: Vec<(String, String)>,
    merge_filter: String,
    /// The entity and revision the edit buffers were loaded from.
    loaded_for: Option<(EntityId, u64)>,
    counts: BTreeMap<EntityId, usize>,
    counted_for: Option<u64>,
    /// The chosen entity's mentions, with the entity and revision they were found for.
    mentions: Vec<Place>,
    mentions_for: Option<(EntityId, u64)>,
}

/// A registry edit as a command, or the builder's refusal as a message.
fn apply(result: Result<Edit, TaggingError>, label: String, lang: Lang) -> Command {
    match result {
        Ok(edit) => Command::Apply {
            edit,
            label,
            select: None,
        },
        Err(error) => Command::ShowError(error.message(lang)),
    }
}

impl RegistryPanel {
    /// Chooses the entity shown.
    pub fn select(&mut self, id: EntityId) {
        self.selected = Some(id);
        self.loaded_for = None;
    }

    /// The entity shown.
    pub fn selected(&self) -> Option<EntityId> {
        self.selected
    }

    fn refresh(&mut self, project: &Project, revision: u64) {
        if self.counted_for != Some(revision) {
            self.counts.clear();
            for article in &project.articles {
                for (_, field) in article.fields() {
                    for id in field.spans.iter().filter_map(|s| s.entity) {
                        *self.counts.entry(id).or_default() += 1;
                    }
                }
            }
            self.counted_for = Some(revision);
        }
        let Some(id) = self.selected else {
            return;
        };
        let Some(entity) = project.registry.get(id) else {
            self.selected = None;
            return;
        };
        if self.mentions_for != Some((id, revision)) {
            self.mentions = tagging::mentions_of(project, id);
            self.mentions_for = Some((id, revision));
        }
        if self.loaded_for != Some((id, revision)) {
            self.name = entity.name.clone();
            self.note = entity.note.clone();
            self.roles = entity
                .roles
                .iter()
                .map(|r| (r.title.clone(), r.org.clone()))
                .collect();
            self.loaded_for = Some((id, revision));
        }
    }

    /// Draws the tab. `under_cursor` is the tagged span at the text cursor, if any.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        revision: u64,
        under_cursor: Option<Place>,
        lang: Lang,
    ) -> Vec<Command> {
        self.refresh(project, revision);
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("筛选实体", "Filter entities"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(lang.pick("名称或别名", "name or alias"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
        let filter = self.filter.trim().to_string();
        let listed: Vec<&crate::model::Entity> = project
            .registry
            .entities
            .iter()
            .filter(|e| {
                filter.is_empty()
                    || e.name.contains(&filter)
                    || e.aliases.iter().any(|a| a.contains(&filter))
            })
            .collect();
        let row_height = ui.spacing().interact_size.y;
        // Only the rows in view are drawn: a registry of thousands scrolls without cost.
        egui::ScrollArea::vertical()
            .id_salt("registry-list")
            .max_height(ui.available_height() * 0.35)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, listed.len(), |ui, range| {
                for entity in &listed[range] {
                    let ty = project.entity_type(&entity.kind);
                    let count = self.counts.get(&entity.id).copied().unwrap_or(0);
                    let text = RichText::new(format!(
                        "{} · {} ×{count}",
                        entity.name,
                        lang.pick(&ty.name_zh, &ty.name_en)
                    ))
                    .color(kind_color(project, &entity.kind));
                    let chosen = self.selected == Some(entity.id);
                    if ui.selectable_label(chosen, text).clicked() {
                        self.select(entity.id);
                    }
                }
            });
        ui.separator();
        let Some(entity) = self.selected.and_then(|id| project.registry.get(id)) else {
            ui.weak(lang.pick(
                "在上面的列表中选择一个实体。",
                "Choose an entity in the list above.",
            ));
            return commands;
        };
        let id = entity.id;
        egui::ScrollArea::vertical()
            .id_salt("registry-entity")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label(lang.pick("名称", "Name"));
                    ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(140.0))
                        .labelled_by(label.id);
                    if ui.button(lang.pick("改名", "Rename")).clicked() {
                        commands.push(apply(
                            tagging::rename_entity(project, id, &self.name),
                            format!("{} {}", lang.pick("改名", "Rename"), entity.name),
                            lang,
                        ));
                    }
                });
                if !entity.aliases.is_empty() {
                    ui.label(format!(
                        "{}{}",
                        lang.pick("别名:", "Also written: "),
                        entity.aliases.join("、")
                    ));
                }
                ui.label(RichText::new(lang.pick("职务", "Titles")).strong());
                let mut remove = None;
                for (i, (title, org)) in self.roles.iter_mut().enumerate() {
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(org)
                                .hint_text(lang.pick("机构", "organization"))
                                .desired_width(110.0),
                        );
                        ui.add(
                            egui::TextEdit::singleline(title)
                                .hint_text(lang.pick("职务", "title"))
                                .desired_width(80.0),
                        );
                        if ui
                            .small_button("×")
                            .on_hover_text(lang.pick("删除此职务", "Remove this title"))
                            .clicked()
                        {
                            remove = Some(i);
                        }
                    });
                }
                if let Some(i) = remove {
                    self.roles.remove(i);
                }
                ui.horizontal(|ui| {
                    if ui.button(lang.pick("添加职务", "Add a title")).clicked() {
                        self.roles.push(Default::default());
                    }
                    if ui.button(lang.pick("保存职务", "Save titles")).clicked() {
                        let roles = self
                            .roles
                            .iter()
                            .map(|(title, org)| Role {
                                title: title.clone(),
                                org: org.clone(),
                            })
                            .collect();
                        commands.push(apply(
                            tagging::set_roles(project, id, roles),
                            format!(
                                "{} {}",
                                lang.pick("编辑职务", "Edit titles of"),
                                entity.name
                            ),
                            lang,
                        ));
                    }
                });
                ui.label(RichText::new(lang.pick("备注", "Note")).strong());
                ui.add(
                    egui::TextEdit::multiline(&mut self.note)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                );
                if ui.button(lang.pick("保存备注", "Save note")).clicked() {
                    commands.push(apply(
                        tagging::set_note(project, id, &self.note),
                        format!("{} {}", lang.pick("编辑备注", "Edit note of"), entity.name),
                        lang,
                    ));
                }
                ui.separator();
                self.merge_section(ui, project, id, lang, &mut commands);
                ui.separator();
                self.mentions_section(ui, project, id, under_cursor, lang, &mut commands);
                ui.separator();
                if ui
                    .button(lang.pick("从登记表删除", "Delete from the registry"))
                    .on_hover_text(lang.pick(
                        "标注保留,只是不再关联到实体",
                        "The tags stay, no longer linked to an entity",
                    ))
                    .clicked()
                {
                    commands.push(apply(
                        tagging::delete_entity(project, id),
                        format!("{} {}", lang.pick("删除实体", "Delete entity"), entity.name),
                        lang,
                    ));
                }
            });
        commands
    }

    fn merge_section(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        id: EntityId,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let Some(entity) = project.registry.get(id) else {
            return;
        };
        ui.label(RichText::new(lang.pick("合并", "Merge")).strong());
        ui.weak(lang.pick(
            "把另一个写法并入此实体:它成为别名,其提及都关联到此实体。",
            "Merge another spelling into this entity: it becomes an alias and its mentions move here.",
        ));
        ui.add(
            egui::TextEdit::singleline(&mut self.merge_filter)
                .hint_text(lang.pick("筛选要并入的实体", "filter entities to merge"))
                .desired_width(f32::INFINITY),
        );
        let filter = self.merge_filter.trim();
        let mut candidates: Vec<_> = project
            .registry
            .entities
            .iter()
            .filter(|e| e.id != id && e.kind == entity.kind)
            .filter(|e| {
                if filter.is_empty() {
                    // Without a filter, the likely ones: spellings that contain one another.
                    e.name.contains(entity.name.as_str()) || entity.name.contains(e.name.as_str())
                } else {
                    e.name.contains(filter) || e.aliases.iter().any(|a| a.contains(filter))
                }
            })
            .collect();
        candidates.truncate(12);
        for other in candidates {
            ui.horizontal(|ui| {
                let button = ui
                    .button(lang.pick("并入", "Merge in"))
                    .on_hover_text(match lang {
                        Lang::Zh => format!("把“{}”并入“{}”", other.name, entity.name),
                        Lang::En => format!("Merge “{}” into “{}”", other.name, entity.name),
                    });
                ui.label(&other.name);
                if button.clicked() {
                    commands.push(apply(
                        tagging::merge_entities(project, id, other.id),
                        match lang {
                            Lang::Zh => format!("合并实体:{} 并入 {}", other.name, entity.name),
                            Lang::En => format!("Merge {} into {}", other.name, entity.name),
                        },
                        lang,
                    ));
                }
            });
        }
    }

    fn mentions_section(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        id: EntityId,
        under_cursor: Option<Place>,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let mentions = self.mentions.clone();
        ui.label(
            RichText::new(match lang {
                Lang::Zh => format!("提及({} 处)", mentions.len()),
                Lang::En => format!("Mentions ({})", mentions.len()),
            })
            .strong(),
        );
        if let Some(place) = under_cursor {
            let linked = project
                .field(place.0)
                .and_then(|f| f.spans.get(place.1))
                .and_then(|s| s.entity);
            if linked != Some(id)
                && let Some(text) = tagging::span_text(project, place)
                && ui
                    .button(match lang {
                        Lang::Zh => format!("把光标处的“{text}”关联到此实体"),
                        Lang::En => format!("Link “{text}” at the cursor to this entity"),
                    })
                    .clicked()
            {
                commands.push(apply(
                    tagging::link_mention(project, place, id),
                    format!("{} {text}", lang.pick("关联提及", "Link mention")),
                    lang,
                ));
            }
        }
        for place in mentions.into_iter().take(200) {
            let Some(span) = project.field(place.0).and_then(|f| f.spans.get(place.1)) else {
                continue;
            };
            let o = Occurrence {
                at: place.0,
                start: span.start,
                end: span.end,
            };
            let (before, name, after) = tagging::context(project, &o, 6);
            ui.horizontal(|ui| {
                if ui
                    .add(
                        egui::Button::new(format!(
                            "{}. …{before}【{name}】{after}…",
                            place.0.article + 1
                        ))
                        .frame(false),
                    )
                    .on_hover_text(lang.pick("跳到此处", "Go there"))
                    .clicked()
                {
                    commands.push(Command::Reveal(o));
                }
                if ui.small_button(lang.pick("取消关联", "Unlink")).clicked() {
                    commands.push(apply(
                        tagging::unlink_mention(project, place),
                        format!("{} {name}", lang.pick("取消关联", "Unlink")),
                        lang,
                    ));
                }
            });
        }
    }
}
