//! The registry across issues, in the collection window: every entity with the issues that
//! mention it and how often; two spellings merged into one entity, or a namesake split off by
//! organization — each recorded as a decision for every issue, saved at once, and undoable.

use crate::collection::{Collection, CollectionIndex};
use crate::i18n::Lang;
use crate::model::{EntityId, EntityKind};

/// The most entities listed at once (the filter finds the others).
const ROW_LIMIT: usize = 300;

/// The registry tab's state.
#[derive(Default)]
pub struct RegistryTab {
    pub filter: String,
    /// The entities ticked for a merge, in the order ticked (the first keeps its name).
    chosen: Vec<EntityId>,
    /// The index before each change, for undo.
    undo: Vec<CollectionIndex>,
}

fn kind_name(kind: &EntityKind, lang: Lang) -> String {
    match kind {
        EntityKind::Person => lang.pick("人名", "Person").into(),
        EntityKind::Title => lang.pick("职务", "Title").into(),
        EntityKind::Org => lang.pick("机构", "Organization").into(),
        EntityKind::Place => lang.pick("地名", "Place").into(),
        EntityKind::Other(code) => code.clone(),
    }
}

enum Change {
    Merge,
    Split(EntityId, String),
    Undo,
}

impl RegistryTab {
    /// Draws the tab; returns an error message when saving the index failed.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        collection: &mut Collection,
        lang: Lang,
    ) -> Option<String> {
        let mut change = None;
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("筛选", "Filter"));
            ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(180.0))
                .labelled_by(label.id);
            let mergeable = self.mergeable(collection);
            if ui
                .add_enabled(mergeable, egui::Button::new(lang.pick("合并所选", "Merge selected")))
                .on_hover_text(lang.pick(
                    "勾选的实体合为一个(第一个勾选的保留名称),对每期有效",
                    "The ticked entities become one (the first ticked keeps its name), in every issue",
                ))
                .clicked()
            {
                change = Some(Change::Merge);
            }
            if ui
                .add_enabled(!self.undo.is_empty(), egui::Button::new(lang.pick("撤销合并或拆分", "Undo merge or split")))
                .clicked()
            {
                change = Some(Change::Undo);
            }
        });
        let filter = self.filter.trim();
        let mut rows: Vec<_> = collection
            .index
            .registry
            .entities
            .iter()
            .filter(|e| filter.is_empty() || e.is_called(filter) || e.name.contains(filter))
            .collect();
        rows.sort_by_key(|e| std::cmp::Reverse(e.total_mentions()));
        let dates = collection.dates();
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Grid::new("collection-registry")
                    .striped(true)
                    .num_columns(5)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        ui.strong(lang.pick("实体", "Entity"));
                        ui.strong(lang.pick("类型", "Type"));
                        ui.strong(lang.pick("期数", "Issues"));
                        ui.strong(lang.pick("提及", "Mentions"));
                        ui.label("");
                        ui.end_row();
                        for entity in rows.into_iter().take(ROW_LIMIT) {
                            let mut ticked = self.chosen.contains(&entity.id);
                            let name = if entity.distinguished_by.is_empty() {
                                entity.name.clone()
                            } else {
                                format!("{}({})", entity.name, entity.distinguished_by)
                            };
                            let per_issue: Vec<String> = entity
                                .issues
                                .iter()
                                .map(|i| {
                                    let date = dates
                                        .get(i.issue.as_str())
                                        .copied()
                                        .flatten()
                                        .map_or(i.issue.clone(), |d| d.to_string());
                                    format!("{date}: {}", i.mentions)
                                })
                                .collect();
                            let response = ui.checkbox(&mut ticked, name).on_hover_text(format!(
                                "{}{}\n{}",
                                lang.pick("别名:", "Aliases: "),
                                entity.aliases.join("、"),
                                per_issue.join("\n")
                            ));
                            if response.changed() {
                                if ticked {
                                    self.chosen.push(entity.id);
                                } else {
                                    self.chosen.retain(|&id| id != entity.id);
                                }
                            }
                            ui.label(kind_name(&entity.kind, lang));
                            ui.label(entity.issues.len().to_string());
                            ui.label(entity.total_mentions().to_string());
                            let orgs: Vec<&str> = entity
                                .posts
                                .iter()
                                .map(|p| p.role.org.as_str())
                                .filter(|o| !o.is_empty())
                                .collect();
                            if entity.kind == EntityKind::Person
                                && entity.distinguished_by.is_empty()
                                && !orgs.is_empty()
                            {
                                ui.menu_button(lang.pick("拆分…", "Split…"), |ui| {
                                    for org in orgs {
                                        let text = match lang {
                                            Lang::Zh => format!("{org}的{}是另一人", entity.name),
                                            Lang::En => {
                                                format!(
                                                    "The {} of {org} is someone else",
                                                    entity.name
                                                )
                                            }
                                        };
                                        if ui.button(text).clicked() {
                                            change =
                                                Some(Change::Split(entity.id, org.to_string()));
                                        }
                                    }
                                });
                            } else {
                                ui.label("");
                            }
                            ui.end_row();
                        }
                    });
            });
        let change = change?;
        self.apply(change, collection);
        collection.save().err().map(|e| e.message(lang))
    }

    /// Whether the ticked entities can be merged: two or more, all of one kind.
    fn mergeable(&self, collection: &Collection) -> bool {
        let kinds: Vec<&EntityKind> = self
            .chosen
            .iter()
            .filter_map(|&id| collection.index.registry.get(id).map(|e| &e.kind))
            .collect();
        kinds.len() >= 2 && kinds.iter().all(|k| *k == kinds[0])
    }

    fn apply(&mut self, change: Change, collection: &mut Collection) {
        match change {
            Change::Undo => {
                if let Some(index) = self.undo.pop() {
                    collection.index = index;
                }
            }
            Change::Merge => {
                let entities: Vec<_> = self
                    .chosen
                    .iter()
                    .filter_map(|&id| collection.index.registry.get(id).cloned())
                    .collect();
                let Some((keep, rest)) = entities.split_first() else {
                    return;
                };
                self.undo.push(collection.index.clone());
                let aliases: Vec<String> = rest
                    .iter()
                    .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.clone()))
                    .collect();
                collection.merge(keep.kind.clone(), &keep.name, &aliases);
            }
            Change::Split(id, org) => {
                let Some(entity) = collection.index.registry.get(id).cloned() else {
                    return;
                };
                self.undo.push(collection.index.clone());
                collection.split(entity.kind, &entity.name, &org);
            }
        }
        self.chosen.clear();
    }
}
