//! The registry across issues: each person, organization and place once for the whole
//! collection, with its spellings, the issues it is mentioned in (and how often), and for each
//! post a person holds the issues where the text gives it. Officials over time are read from it.
//!
//! It is built by folding in one issue at a time ([`IssueContribution`], computed from a project
//! that can then be dropped), and an issue can be taken out again before it is re-imported, so
//! the whole archive never has to be loaded to keep it right.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::decisions::Decisions;
use crate::model::{EntityId, EntityKind, Project, Role};

/// How often one issue mentions an entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IssueMentions {
    pub issue: String,
    pub mentions: usize,
}

/// A post (title in an organization) and the issues that give it to the person.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Post {
    pub role: Role,
    pub issues: Vec<String>,
}

/// One entity across the collection.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SharedEntity {
    pub id: EntityId,
    pub kind: EntityKind,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For a namesake the editor split off: the organization that tells it apart.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub distinguished_by: String,
    pub issues: Vec<IssueMentions>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<Post>,
}

impl SharedEntity {
    pub fn is_called(&self, text: &str) -> bool {
        self.name == text || self.aliases.iter().any(|a| a == text)
    }

    /// Mentions in all issues together.
    pub fn total_mentions(&self) -> usize {
        self.issues.iter().map(|i| i.mentions).sum()
    }

    fn add_spelling(&mut self, text: &str) {
        if !self.is_called(text) {
            self.aliases.push(text.to_string());
        }
    }
}

/// What one issue adds to the shared registry: its mentioned entities with their spellings,
/// posts and mention counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueContribution {
    pub issue: String,
    pub entities: Vec<ContributedEntity>,
}

/// One entity of one issue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributedEntity {
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
    pub mentions: usize,
}

impl IssueContribution {
    /// The entities `project` mentions at least once.
    pub fn of(issue: &str, project: &Project) -> IssueContribution {
        let mut counts: HashMap<EntityId, usize> = HashMap::new();
        for article in &project.articles {
            for (_, field) in article.fields() {
                for id in field.spans.iter().filter_map(|s| s.entity) {
                    *counts.entry(id).or_default() += 1;
                }
            }
        }
        let entities = project
            .registry
            .entities
            .iter()
            .filter_map(|e| {
                let mentions = *counts.get(&e.id)?;
                Some(ContributedEntity {
                    kind: e.kind.clone(),
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    roles: e.roles.clone(),
                    mentions,
                })
            })
            .collect();
        IssueContribution {
            issue: issue.to_string(),
            entities,
        }
    }
}

/// All entities of the collection.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct SharedRegistry {
    pub entities: Vec<SharedEntity>,
    #[serde(default)]
    pub next_id: u32,
    /// Positions of the entities by kind and spelling, rebuilt when missing.
    #[serde(skip)]
    names: Option<HashMap<(EntityKind, String), Vec<usize>>>,
}

impl PartialEq for SharedRegistry {
    fn eq(&self, other: &Self) -> bool {
        self.entities == other.entities && self.next_id == other.next_id
    }
}

impl SharedRegistry {
    pub fn get(&self, id: EntityId) -> Option<&SharedEntity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The entities of `kind` called `text` (several only for split namesakes).
    pub fn called(&mut self, kind: &EntityKind, text: &str) -> Vec<usize> {
        self.names()
            .get(&(kind.clone(), text.to_string()))
            .cloned()
            .unwrap_or_default()
    }

    fn names(&mut self) -> &mut HashMap<(EntityKind, String), Vec<usize>> {
        let entities = &self.entities;
        self.names.get_or_insert_with(|| {
            let mut names: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
            for (i, e) in entities.iter().enumerate() {
                for name in std::iter::once(&e.name).chain(&e.aliases) {
                    let slot = names.entry((e.kind.clone(), name.clone())).or_default();
                    if !slot.contains(&i) {
                        slot.push(i);
                    }
                }
            }
            names
        })
    }

    fn note_spelling(&mut self, index: usize, text: &str) {
        let kind = self.entities[index].kind.clone();
        let slot = self.names().entry((kind, text.to_string())).or_default();
        if !slot.contains(&index) {
            slot.push(index);
        }
    }

    /// Adds the issue's entities: each joins the shared entity it is called like (by name or
    /// alias, through the editor's merges, and for split namesakes by organization) or becomes
    /// a new one.
    pub fn fold(&mut self, contribution: &IssueContribution, decisions: &Decisions) {
        for entity in &contribution.entities {
            let index = match self.resolve(entity, decisions) {
                Some(index) => index,
                None => self.create(entity, decisions),
            };
            let spellings: Vec<&String> = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .collect();
            for spelling in spellings {
                if !self.entities[index].is_called(spelling) {
                    self.entities[index].add_spelling(spelling);
                    self.note_spelling(index, spelling);
                }
            }
            let shared = &mut self.entities[index];
            match shared
                .issues
                .iter_mut()
                .find(|i| i.issue == contribution.issue)
            {
                Some(seen) => seen.mentions += entity.mentions,
                None => shared.issues.push(IssueMentions {
                    issue: contribution.issue.clone(),
                    mentions: entity.mentions,
                }),
            }
            for role in &entity.roles {
                match shared.posts.iter_mut().find(|p| &p.role == role) {
                    Some(post) if post.issues.contains(&contribution.issue) => {}
                    Some(post) => post.issues.push(contribution.issue.clone()),
                    None => shared.posts.push(Post {
                        role: role.clone(),
                        issues: vec![contribution.issue.clone()],
                    }),
                }
            }
        }
    }

    /// The organization that tells this entity apart, when its name was split by the editor.
    fn distinction(entity: &ContributedEntity, decisions: &Decisions) -> Option<String> {
        let split = decisions.split_of(&entity.kind, &entity.name)?;
        Some(
            entity
                .roles
                .iter()
                .find(|r| split.orgs.contains(&r.org))
                .map(|r| r.org.clone())
                .unwrap_or_default(),
        )
    }

    /// The shared entity an issue's entity belongs to, if the collection has it.
    pub fn resolve(&mut self, entity: &ContributedEntity, decisions: &Decisions) -> Option<usize> {
        let distinction = Self::distinction(entity, decisions).unwrap_or_default();
        let mut spellings: Vec<String> = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .cloned()
            .collect();
        if let Some(merge) = decisions.merge_of(&entity.kind, &entity.name) {
            spellings.extend(merge.names().cloned());
        }
        spellings.iter().find_map(|spelling| {
            self.called(&entity.kind, spelling)
                .into_iter()
                .find(|&i| self.entities[i].distinguished_by == distinction)
        })
    }

    fn create(&mut self, entity: &ContributedEntity, decisions: &Decisions) -> usize {
        let used = self.entities.iter().map(|e| e.id.0 + 1).max().unwrap_or(0);
        self.next_id = self.next_id.max(used);
        let id = EntityId(self.next_id);
        self.next_id += 1;
        let name = decisions
            .merge_of(&entity.kind, &entity.name)
            .map_or(entity.name.clone(), |m| m.name.clone());
        self.entities.push(SharedEntity {
            id,
            kind: entity.kind.clone(),
            name: name.clone(),
            aliases: Vec::new(),
            distinguished_by: Self::distinction(entity, decisions).unwrap_or_default(),
            issues: Vec::new(),
            posts: Vec::new(),
        });
        let index = self.entities.len() - 1;
        self.note_spelling(index, &name);
        index
    }

    /// Takes an issue out (before it is imported again, or when it leaves the collection):
    /// its mentions and posts go, and entities only it mentioned go with them.
    pub fn remove_issue(&mut self, issue: &str) {
        for entity in &mut self.entities {
            entity.issues.retain(|i| i.issue != issue);
            for post in &mut entity.posts {
                post.issues.retain(|i| i != issue);
            }
            entity.posts.retain(|p| !p.issues.is_empty());
        }
        let before = self.entities.len();
        self.entities.retain(|e| !e.issues.is_empty());
        if self.entities.len() != before {
            // Positions moved: the spelling index is rebuilt when next needed.
            self.names = None;
        }
    }

    /// Merges entity `absorb` into `keep` (same kind): spellings, issues and posts joined.
    /// Returns false, changing nothing, when either is missing or the kinds differ.
    pub fn merge(&mut self, keep: EntityId, absorb: EntityId) -> bool {
        let (Some(k), Some(a)) = (
            self.entities.iter().position(|e| e.id == keep),
            self.entities.iter().position(|e| e.id == absorb),
        ) else {
            return false;
        };
        if k == a || self.entities[k].kind != self.entities[a].kind {
            return false;
        }
        let gone = self.entities.remove(a);
        let kept = self
            .entities
            .iter_mut()
            .find(|e| e.id == keep)
            .expect("checked above");
        for spelling in std::iter::once(&gone.name).chain(&gone.aliases) {
            kept.add_spelling(spelling);
        }
        for mentions in gone.issues {
            match kept.issues.iter_mut().find(|i| i.issue == mentions.issue) {
                Some(seen) => seen.mentions += mentions.mentions,
                None => kept.issues.push(mentions),
            }
        }
        for post in gone.posts {
            match kept.posts.iter_mut().find(|p| p.role == post.role) {
                Some(held) => {
                    for issue in post.issues {
                        if !held.issues.contains(&issue) {
                            held.issues.push(issue);
                        }
                    }
                }
                None => kept.posts.push(post),
            }
        }
        self.names = None;
        true
    }

    /// Splits off from `id` the namesake of organization `org`: the posts held in `org` and
    /// the issues that give them move to a new entity. Returns its id, or `None` when the
    /// entity has no post in `org`.
    pub fn split(&mut self, id: EntityId, org: &str) -> Option<EntityId> {
        let index = self.entities.iter().position(|e| e.id == id)?;
        let source = &mut self.entities[index];
        let (moved, kept): (Vec<Post>, Vec<Post>) =
            source.posts.drain(..).partition(|p| p.role.org == org);
        source.posts = kept;
        if moved.is_empty() {
            return None;
        }
        let moved_issues: Vec<String> = moved
            .iter()
            .flat_map(|p| p.issues.iter().cloned())
            .collect();
        let still_posted: Vec<String> = source
            .posts
            .iter()
            .flat_map(|p| p.issues.iter().cloned())
            .collect();
        let (issues, stay): (Vec<IssueMentions>, Vec<IssueMentions>) = source
            .issues
            .drain(..)
            .partition(|i| moved_issues.contains(&i.issue) && !still_posted.contains(&i.issue));
        source.issues = stay;
        let new = SharedEntity {
            id: EntityId(0),
            kind: source.kind.clone(),
            name: source.name.clone(),
            aliases: Vec::new(),
            distinguished_by: org.to_string(),
            issues,
            posts: moved,
        };
        let used = self.entities.iter().map(|e| e.id.0 + 1).max().unwrap_or(0);
        self.next_id = self.next_id.max(used);
        let new_id = EntityId(self.next_id);
        self.next_id += 1;
        self.entities.push(SharedEntity { id: new_id, ..new });
        self.entities
            .retain(|e| !e.issues.is_empty() || !e.posts.is_empty());
        self.names = None;
        Some(new_id)
    }

    /// The people with at least one post, by name.
    pub fn officials(&self) -> Vec<&SharedEntity> {
        let mut people: Vec<&SharedEntity> = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && !e.posts.is_empty())
            .collect();
        people.sort_by(|a, b| (&a.name, &a.distinguished_by).cmp(&(&b.name, &b.distinguished_by)));
        people
    }

    /// Mention counts by entity and issue, for a table of who appears where.
    pub fn mentions_by_issue(&self) -> BTreeMap<EntityId, BTreeMap<&str, usize>> {
        self.entities
            .iter()
            .map(|e| {
                (
                    e.id,
                    e.issues
                        .iter()
                        .map(|i| (i.issue.as_str(), i.mentions))
                        .collect(),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, org: &str, title: &str, mentions: usize) -> ContributedEntity {
        ContributedEntity {
            kind: EntityKind::Person,
            name: name.into(),
            aliases: Vec::new(),
            roles: vec![Role {
                title: title.into(),
                org: org.into(),
            }],
            mentions,
        }
    }

    fn issue(key: &str, entities: Vec<ContributedEntity>) -> IssueContribution {
        IssueContribution {
            issue: key.into(),
            entities,
        }
    }

    #[test]
    fn one_person_across_issues_is_one_entity_with_posts_by_issue() {
        let mut registry = SharedRegistry::default();
        let d = Decisions::default();
        registry.fold(&issue("a", vec![person("张红军", "管委会", "主任", 2)]), &d);
        registry.fold(&issue("b", vec![person("张红军", "管委会", "主任", 1)]), &d);
        registry.fold(&issue("c", vec![person("张红军", "党工委", "书记", 3)]), &d);
        assert_eq!(registry.entities.len(), 1);
        let e = &registry.entities[0];
        assert_eq!(e.total_mentions(), 6);
        assert_eq!(e.posts.len(), 2);
        assert_eq!(e.posts[0].issues, ["a", "b"]);
        registry.remove_issue("c");
        assert_eq!(registry.entities[0].posts.len(), 1);
        registry.remove_issue("a");
        registry.remove_issue("b");
        assert!(registry.entities.is_empty());
    }

    #[test]
    fn merges_and_splits_of_the_editor_decide_where_a_mention_goes() {
        let mut d = Decisions::default();
        d.merge(EntityKind::Person, "张红军", &["张宏军".into()]);
        d.split(EntityKind::Person, "张伟", "财政局");
        let mut registry = SharedRegistry::default();
        registry.fold(&issue("a", vec![person("张宏军", "管委会", "主任", 1)]), &d);
        registry.fold(&issue("b", vec![person("张红军", "管委会", "主任", 1)]), &d);
        registry.fold(&issue("a", vec![person("张伟", "管委会", "副主任", 1)]), &d);
        registry.fold(&issue("b", vec![person("张伟", "财政局", "局长", 1)]), &d);
        let names: Vec<(&str, &str, usize)> = registry
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.distinguished_by.as_str(), e.issues.len()))
            .collect();
        assert_eq!(
            names,
            [("张红军", "", 2), ("张伟", "", 1), ("张伟", "财政局", 1)]
        );
    }

    #[test]
    fn merging_and_splitting_shared_entities() {
        let mut registry = SharedRegistry::default();
        let d = Decisions::default();
        registry.fold(&issue("a", vec![person("张伟", "管委会", "副主任", 1)]), &d);
        registry.fold(&issue("b", vec![person("张伟", "财政局", "局长", 2)]), &d);
        registry.fold(&issue("b", vec![person("张卫", "管委会", "副主任", 1)]), &d);
        let (zw, zw2) = (registry.entities[0].id, registry.entities[1].id);
        assert!(registry.merge(zw, zw2));
        assert!(!registry.merge(zw, zw), "not with itself");
        assert_eq!(registry.entities.len(), 1);
        assert!(registry.entities[0].is_called("张卫"));
        let split = registry.split(zw, "财政局").expect("a post there");
        let new = registry.get(split).unwrap();
        assert_eq!(new.distinguished_by, "财政局");
        assert_eq!(new.posts[0].role.title, "局长");
        let old = registry.get(zw).unwrap();
        assert_eq!(old.posts.len(), 1);
        assert_eq!(
            old.issues.len(),
            2,
            "issue b still gives it 副主任 (as 张卫)"
        );
        assert_eq!(registry.split(zw, "没有的机构"), None);
        assert!(registry.called(&EntityKind::Person, "张卫").contains(&0));
    }
}
