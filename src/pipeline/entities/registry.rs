//! Mentions → registry entities: one entity per person, organization or place across the project
//! (a company and its short form are one entity with an alias), and for each person the titles
//! found next to the name with the organization each is held in.

use std::collections::HashMap;

use super::lexicons::FxMap;

use crate::model::{EntityId, EntityKind, Registry, Role, Span};

use super::Tagger;
use super::candidates::RoleLink;
use super::orgs;

/// A field's final spans with their texts, and the roles found in it.
pub(crate) struct LinkedField {
    pub spans: Vec<Span>,
    /// `texts[i]` is the text of `spans[i]`.
    pub texts: Vec<String>,
    pub roles: Vec<RoleLink>,
}

impl LinkedField {
    /// The field's spans and roles, with the span texts cut from `text`.
    pub fn new(text: &str, spans: Vec<Span>, roles: Vec<RoleLink>) -> LinkedField {
        let chars: Vec<char> = text.chars().collect();
        let texts = spans
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect();
        LinkedField {
            spans,
            texts,
            roles,
        }
    }
}

fn links_to_registry(kind: &EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person | EntityKind::Org | EntityKind::Place
    )
}

/// Links every person, organization and place span to a registry entity (existing entities keep
/// their ids; missing ones are added) and records the roles.
pub(crate) fn link(registry: &mut Registry, tagger: &Tagger, fields: &mut [LinkedField]) {
    let full_names = company_full_names(registry, tagger, fields);
    let mut known = Names::of(registry);
    for field in fields.iter_mut() {
        for (span, text) in field.spans.iter_mut().zip(&field.texts) {
            if !links_to_registry(&span.kind) || span.entity.is_some_and(|id| known.has_id(id)) {
                continue;
            }
            let id = match known.get(&span.kind, text) {
                Some(id) => id,
                None => {
                    let id = entity_for(registry, &span.kind, text, &full_names);
                    known.add(registry, id);
                    id
                }
            };
            span.entity = Some(id);
        }
    }
    for field in fields.iter() {
        for role in &field.roles {
            let entity_at = |range: (usize, usize), kind: EntityKind| {
                field
                    .spans
                    .iter()
                    .find(|s| (s.start, s.end) == range && s.kind == kind)
                    .and_then(|s| s.entity)
            };
            let Some(person) = entity_at(role.person, EntityKind::Person) else {
                continue;
            };
            let Some(title) = field
                .spans
                .iter()
                .position(|s| (s.start, s.end) == role.title && s.kind == EntityKind::Title)
                .map(|i| field.texts[i].clone())
            else {
                continue;
            };
            let org = role
                .org
                .and_then(|range| entity_at(range, EntityKind::Org))
                .and_then(|id| registry.get(id))
                .map(|e| e.name.clone())
                .unwrap_or_default();
            let role = Role { title, org };
            if let Some(entity) = registry.get_mut(person)
                && !entity.roles.contains(&role)
            {
                entity.roles.push(role);
            }
        }
    }
}

/// The entities by kind and spelling (name or alias), so that thousands of mentions are linked
/// without scanning the registry for each.
struct Names {
    ids: FxMap<EntityKind, FxMap<String, EntityId>>,
    all: FxMap<EntityId, ()>,
}

impl Names {
    fn of(registry: &Registry) -> Names {
        let mut names = Names {
            ids: FxMap::default(),
            all: FxMap::default(),
        };
        for entity in &registry.entities {
            names.add(registry, entity.id);
        }
        names
    }

    /// Records the spellings of entity `id` (the first entity keeps a spelling two share).
    fn add(&mut self, registry: &Registry, id: EntityId) {
        self.all.insert(id, ());
        if let Some(entity) = registry.get(id) {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                self.ids
                    .entry(entity.kind.clone())
                    .or_default()
                    .entry(name.clone())
                    .or_insert(id);
            }
        }
    }

    fn has_id(&self, id: EntityId) -> bool {
        self.all.contains_key(&id)
    }

    fn get(&self, kind: &EntityKind, text: &str) -> Option<EntityId> {
        self.ids.get(kind)?.get(text).copied()
    }
}

/// Short form → full name of the companies named in the project (百川畅银 → 百川畅银公司).
fn company_full_names(
    registry: &Registry,
    tagger: &Tagger,
    fields: &[LinkedField],
) -> HashMap<String, String> {
    let mut full_names: HashMap<String, String> = HashMap::new();
    let mut note = |name: String| {
        if let Some(short) =
            orgs::company_short_form(&name, tagger.lexicons(), |w| tagger.is_word(w))
        {
            let entry = full_names.entry(short).or_insert_with(|| name.clone());
            if name.chars().count() > entry.chars().count() {
                *entry = name;
            }
        }
    };
    for entity in registry
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Org)
    {
        note(entity.name.clone());
    }
    for field in fields {
        for (span, text) in field.spans.iter().zip(&field.texts) {
            if span.kind == EntityKind::Org {
                note(text.clone());
            }
        }
    }
    full_names
}

/// The entity a mention `text` of `kind` refers to, created (under its full name, the mention
/// as an alias) when the registry has none.
fn entity_for(
    registry: &mut Registry,
    kind: &EntityKind,
    text: &str,
    full_names: &HashMap<String, String>,
) -> EntityId {
    let full = match kind {
        EntityKind::Org => full_names.get(text).map_or(text, String::as_str),
        _ => text,
    };
    let found = registry
        .find(kind, text)
        .or_else(|| registry.find(kind, full))
        .or_else(|| {
            // A short form already registered for this full name (an older run saw it first).
            full_names
                .iter()
                .filter(|(_, f)| f.as_str() == text)
                .find_map(|(short, _)| registry.find(kind, short))
        })
        .map(|e| e.id);
    let id = found.unwrap_or_else(|| registry.add(kind.clone(), full));
    let entity = registry
        .get_mut(id)
        .expect("the id was just found or added");
    for name in [full, text] {
        if !entity.is_called(name) {
            entity.aliases.push(name.to_string());
        }
    }
    id
}
