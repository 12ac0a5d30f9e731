//! The editor's decisions that hold across issues: names confirmed, suggestions rejected,
//! entities merged (one person under several spellings) and split (two namesakes told apart by
//! their organization).
//!
//! A project keeps its own lexicon, rejections and registry; the collection's decisions are
//! added to them when an issue is imported (before the suggestions are made) and when an issue
//! is opened, so that rejecting `高新区党` once keeps it out of every issue.

use serde::{Deserialize, Serialize};

use crate::model::tagging;
use crate::model::{Edit, EntityId, EntityKind, LexiconEntry, Project, Rejection, SpanStatus};
use crate::pipeline::entities::{Tagger, suggest_project};

/// Several spellings of one entity: `name` is the preferred one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Merge {
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
}

impl Merge {
    /// The preferred name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

/// Namesakes told apart: a `kind` entity called `name` is a different entity in each of `orgs`
/// (two 张伟, one at 管委会, one at 财政局).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Split {
    pub kind: EntityKind,
    pub name: String,
    pub orgs: Vec<String>,
}

/// Everything the editor decided that applies to every issue.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Decisions {
    #[serde(default)]
    pub confirmed: Vec<LexiconEntry>,
    #[serde(default)]
    pub rejected: Vec<Rejection>,
    #[serde(default)]
    pub merged: Vec<Merge>,
    #[serde(default)]
    pub split: Vec<Split>,
}

impl Decisions {
    pub fn is_empty(&self) -> bool {
        self.confirmed.is_empty()
            && self.rejected.is_empty()
            && self.merged.is_empty()
            && self.split.is_empty()
    }

    /// Remembers that `text` as `kind` is a name (and no longer a rejected one).
    pub fn confirm(&mut self, text: &str, kind: EntityKind) {
        self.rejected
            .retain(|r| !(r.text == text && r.kind == kind));
        let entry = LexiconEntry {
            text: text.to_string(),
            kind,
        };
        if !self.confirmed.contains(&entry) {
            self.confirmed.push(entry);
        }
    }

    /// Remembers that `text` as `kind` is never suggested again (and no longer confirmed).
    pub fn reject(&mut self, text: &str, kind: EntityKind) {
        self.confirmed
            .retain(|c| !(c.text == text && c.kind == kind));
        let rejection = Rejection {
            text: text.to_string(),
            kind,
        };
        if !self.rejected.contains(&rejection) {
            self.rejected.push(rejection);
        }
    }

    /// Remembers that `aliases` are other spellings of `name`; merges already recorded that
    /// share a spelling with this one become one.
    pub fn merge(&mut self, kind: EntityKind, name: &str, aliases: &[String]) {
        let mut merge = Merge {
            kind: kind.clone(),
            name: name.to_string(),
            aliases: Vec::new(),
        };
        let mut spellings: Vec<String> = aliases.to_vec();
        self.merged.retain(|m| {
            let overlaps = m.kind == kind && m.names().any(|n| n == name || aliases.contains(n));
            if overlaps {
                spellings.extend(m.names().cloned());
            }
            !overlaps
        });
        for spelling in spellings {
            if spelling != merge.name && !merge.aliases.contains(&spelling) {
                merge.aliases.push(spelling);
            }
        }
        self.merged.push(merge);
    }

    /// Remembers that `name` in `org` is an entity of its own.
    pub fn split(&mut self, kind: EntityKind, name: &str, org: &str) {
        match self
            .split
            .iter_mut()
            .find(|s| s.kind == kind && s.name == name)
        {
            Some(split) if !split.orgs.iter().any(|o| o == org) => split.orgs.push(org.into()),
            Some(_) => {}
            None => self.split.push(Split {
                kind,
                name: name.to_string(),
                orgs: vec![org.to_string()],
            }),
        }
    }

    /// The merge that `text` of `kind` belongs to, if any.
    pub fn merge_of(&self, kind: &EntityKind, text: &str) -> Option<&Merge> {
        self.merged
            .iter()
            .find(|m| &m.kind == kind && m.names().any(|n| n == text))
    }

    /// The organizations that tell namesakes called `name` apart, if the editor split them.
    pub fn split_of(&self, kind: &EntityKind, name: &str) -> Option<&Split> {
        self.split
            .iter()
            .find(|s| &s.kind == kind && s.name == name)
    }

    /// Takes in what the editor decided inside one issue: its confirmed names and rejections
    /// then hold in every issue.
    pub fn learn_from(&mut self, project: &Project) {
        for entry in &project.lexicon {
            if !self.rejected_has(&entry.text, &entry.kind) {
                self.confirm(&entry.text, entry.kind.clone());
            }
        }
        for rejection in &project.rejected {
            self.reject(&rejection.text, rejection.kind.clone());
        }
    }

    fn rejected_has(&self, text: &str, kind: &EntityKind) -> bool {
        self.rejected
            .iter()
            .any(|r| r.text == text && &r.kind == kind)
    }

    /// The project's lexicon and rejections with these decisions added, or `None` when it
    /// already holds them all.
    fn learning_for(&self, project: &Project) -> Option<(Vec<LexiconEntry>, Vec<Rejection>)> {
        let mut lexicon = project.lexicon.clone();
        let mut rejected = project.rejected.clone();
        for entry in &self.confirmed {
            if !lexicon.contains(entry) && !project.is_rejected(&entry.text, &entry.kind) {
                lexicon.push(entry.clone());
            }
        }
        for rejection in &self.rejected {
            lexicon.retain(|e| !(e.text == rejection.text && e.kind == rejection.kind));
            if !rejected.contains(rejection) {
                rejected.push(rejection.clone());
            }
        }
        (lexicon != project.lexicon || rejected != project.rejected).then_some((lexicon, rejected))
    }

    /// Prepares a freshly structured issue for its suggestions: the confirmed names and
    /// rejections go into its lexicon, and each merge becomes one registry entity with its
    /// aliases, so every spelling links to it. Entities that end up with no mention are
    /// removed by [`Decisions::prune_unmentioned`] once the suggestions are made.
    pub fn prepare(&self, project: &mut Project) {
        if let Some((lexicon, rejected)) = self.learning_for(project) {
            project.lexicon = lexicon;
            project.rejected = rejected;
        }
        for merge in &self.merged {
            if merge
                .names()
                .any(|n| project.registry.find(&merge.kind, n).is_some())
            {
                continue;
            }
            let id = project.registry.add(merge.kind.clone(), merge.name.clone());
            if let Some(entity) = project.registry.get_mut(id) {
                entity.aliases = merge.aliases.clone();
            }
        }
    }

    /// Removes the registry entities no span mentions (those [`Decisions::prepare`] added for
    /// names this issue does not contain).
    pub fn prune_unmentioned(project: &mut Project) {
        let mentioned: std::collections::HashSet<EntityId> = project
            .articles
            .iter()
            .flat_map(|a| a.fields())
            .flat_map(|(_, f)| f.spans.iter().filter_map(|s| s.entity))
            .collect();
        project
            .registry
            .entities
            .retain(|e| mentioned.contains(&e.id));
    }

    /// The edit that brings an issue opened from the collection in line with these decisions:
    /// the lexicon and rejections added, entities merged by the editor merged here too, and the
    /// suggestions made again (rejected ones go, confirmed names are suggested wherever they
    /// appear; the editor's confirmed spans stay). `None` when the issue already agrees.
    pub fn edit_for(&self, project: &Project, tagger: &Tagger) -> Option<Edit> {
        let mut work = project.clone();
        let mut edits = Vec::new();
        let apply = |work: &mut Project, edit: Edit, edits: &mut Vec<Edit>| {
            if edit.clone().apply(work).is_ok() {
                edits.push(edit);
            }
        };
        if let Some((lexicon, rejected)) = self.learning_for(&work) {
            apply(
                &mut work,
                Edit::SetLearning { lexicon, rejected },
                &mut edits,
            );
        }
        for merge in &self.merged {
            let ids: Vec<EntityId> = work
                .registry
                .entities
                .iter()
                .filter(|e| e.kind == merge.kind && merge.names().any(|n| e.is_called(n)))
                .map(|e| e.id)
                .collect();
            let Some((&keep, rest)) = ids.split_first() else {
                continue;
            };
            for &absorb in rest {
                if let Ok(edit) = tagging::merge_entities(&work, keep, absorb) {
                    apply(&mut work, edit, &mut edits);
                }
            }
            let entity = work.registry.get(keep).expect("found above");
            if merge.names().any(|n| !entity.is_called(n)) {
                let mut registry = work.registry.clone();
                let entity = registry.get_mut(keep).expect("found above");
                for name in merge.names() {
                    if !entity.is_called(name) {
                        entity.aliases.push(name.clone());
                    }
                }
                apply(&mut work, Edit::SetRegistry(registry), &mut edits);
            }
        }
        if edits.is_empty() && !self.has_stale_suggestions(project) {
            return None;
        }
        let suggest = suggest_project(&work, tagger);
        apply(&mut work, suggest, &mut edits);
        Some(Edit::Batch(edits))
    }

    /// Whether a suggestion the collection rejects is still in the project.
    fn has_stale_suggestions(&self, project: &Project) -> bool {
        project
            .articles
            .iter()
            .flat_map(|a| a.fields())
            .any(|(_, f)| {
                f.spans.iter().any(|s| {
                    s.status == SpanStatus::Suggested
                        && self.rejected_has(f.slice(s.start, s.end), &s.kind)
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirming_and_rejecting_undo_each_other() {
        let mut d = Decisions::default();
        d.reject("高新区党", EntityKind::Org);
        d.confirm("高新区党", EntityKind::Org);
        assert!(d.rejected.is_empty());
        assert_eq!(d.confirmed.len(), 1);
        d.reject("高新区党", EntityKind::Org);
        assert!(d.confirmed.is_empty());
        assert_eq!(d.rejected.len(), 1);
    }

    #[test]
    fn merges_that_share_a_spelling_become_one() {
        let mut d = Decisions::default();
        d.merge(EntityKind::Org, "百川畅银公司", &["百川畅银".into()]);
        d.merge(EntityKind::Org, "百川畅银", &["百川公司".into()]);
        assert_eq!(d.merged.len(), 1);
        let merge = d.merge_of(&EntityKind::Org, "百川公司").unwrap();
        assert_eq!(merge.name, "百川畅银");
        assert!(merge.aliases.contains(&"百川畅银公司".to_string()));
        assert!(d.merge_of(&EntityKind::Person, "百川公司").is_none());
    }

    #[test]
    fn splits_collect_their_organizations() {
        let mut d = Decisions::default();
        d.split(EntityKind::Person, "张伟", "管委会");
        d.split(EntityKind::Person, "张伟", "财政局");
        d.split(EntityKind::Person, "张伟", "管委会");
        assert_eq!(
            d.split_of(&EntityKind::Person, "张伟").unwrap().orgs,
            ["管委会", "财政局"]
        );
    }
}
