//! The registry: the people, organizations and places of a whole project, each once, with the
//! spellings it appears under and — for officials — the titles it holds in which organization.

use serde::{Deserialize, Serialize};

use super::text::EntityKind;

/// Stable identifier of a registry entity; never reused within a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub u32);

/// A title held in an organization (`主任` of `管委会`). Either part may be empty when the text
/// names only one of them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Role {
    pub title: String,
    #[serde(default)]
    pub org: String,
}

impl Role {
    /// `org` + `title` as an editor writes it (`高新区党工委副书记`).
    pub fn display(&self) -> String {
        format!("{}{}", self.org, self.title)
    }
}

/// One person, organization or place of the project.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    pub kind: EntityKind,
    /// The preferred spelling.
    pub name: String,
    /// Other spellings that mean the same entity (`百川畅银` for `百川畅银公司`).
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub note: String,
}

impl Entity {
    /// Whether `text` is this entity's name or one of its aliases.
    pub fn is_called(&self, text: &str) -> bool {
        self.name == text || self.aliases.iter().any(|a| a == text)
    }
}

/// All entities of a project.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    /// The next id to hand out; ids of deleted entities are not reused, so old links never point
    /// at a different entity.
    #[serde(default)]
    pub next_id: u32,
}

impl Registry {
    pub fn get(&self, id: EntityId) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn get_mut(&mut self, id: EntityId) -> Option<&mut Entity> {
        self.entities.iter_mut().find(|e| e.id == id)
    }

    /// The entity of `kind` called `text` (by name or alias), if any.
    pub fn find(&self, kind: &EntityKind, text: &str) -> Option<&Entity> {
        self.entities
            .iter()
            .find(|e| &e.kind == kind && e.is_called(text))
    }

    /// Adds an entity and returns its new id.
    pub fn add(&mut self, kind: EntityKind, name: impl Into<String>) -> EntityId {
        let id = self.allocate_id();
        self.entities.push(Entity {
            id,
            kind,
            name: name.into(),
            aliases: Vec::new(),
            roles: Vec::new(),
            note: String::new(),
        });
        id
    }

    /// The entity of `kind` called `text`, created when missing.
    pub fn find_or_add(&mut self, kind: &EntityKind, text: &str) -> EntityId {
        match self.find(kind, text) {
            Some(entity) => entity.id,
            None => self.add(kind.clone(), text),
        }
    }

    /// Hands out a fresh id.
    pub fn allocate_id(&mut self) -> EntityId {
        let used = self.entities.iter().map(|e| e.id.0 + 1).max().unwrap_or(0);
        self.next_id = self.next_id.max(used);
        let id = EntityId(self.next_id);
        self.next_id += 1;
        id
    }

    /// The people who hold at least one role, in registry order: the officials table.
    pub fn officials(&self) -> impl Iterator<Item = &Entity> {
        self.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && !e.roles.is_empty())
    }
}
