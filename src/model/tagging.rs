//! Builders of the [`Edit`]s behind tagging and the registry: tag a stretch, retype or resize a
//! span, tag every occurrence of a name, accept or reject suggestions, merge and rename entities,
//! edit an official's roles, link or unlink a mention, change the entity types.
//!
//! The window, the CLI and the tests all build these edits the same way, so "tag all" or "merge"
//! means one thing everywhere and is always one step of undo. Builders only read the project;
//! nothing changes until the edit is applied.

use std::collections::{BTreeMap, HashSet};

use super::edit::Edit;
use super::project::{EntityType, FieldRef, Project, Rejection};
use super::registry::{EntityId, Registry, Role};
use super::text::{EntityKind, Span, SpanStatus, TextField};
use crate::i18n::Lang;

/// One span of the project: its field and its index in that field's spans.
pub type Place = (FieldRef, usize);

/// A stretch of a field's text, in chars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Occurrence {
    pub at: FieldRef,
    pub start: usize,
    pub end: usize,
}

/// Why a registry or type change was refused. Nothing is changed when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaggingError {
    /// No entity with this id.
    NoEntity(EntityId),
    /// Merging an entity with itself, or two entities of different kinds.
    CannotMerge,
    /// A name that is empty once trimmed.
    EmptyName,
    /// The span does not exist.
    NoSpan,
    /// The span's type and the entity's kind differ.
    KindMismatch,
    /// An entity type list with a duplicate code or key, an empty name, or a key outside 1–9.
    BadTypes(String),
    /// A type removed from the list is still used by spans.
    TypeInUse(String),
}

impl TaggingError {
    /// The message shown to the editor.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TaggingError::NoEntity(id) => match lang {
                Lang::Zh => format!("登记表中没有编号为 {} 的实体。", id.0),
                Lang::En => format!("The registry has no entity {}.", id.0),
            },
            TaggingError::CannotMerge => lang
                .pick(
                    "只能合并两个不同的、同一类型的实体。",
                    "Only two different entities of the same type can be merged.",
                )
                .to_string(),
            TaggingError::EmptyName => lang
                .pick("名称不能为空。", "The name cannot be empty.")
                .to_string(),
            TaggingError::NoSpan => lang
                .pick("这处标注已不存在。", "That tag no longer exists.")
                .to_string(),
            TaggingError::KindMismatch => lang
                .pick(
                    "标注的类型与实体的类型不同,不能关联。",
                    "The tag's type differs from the entity's type; they cannot be linked.",
                )
                .to_string(),
            TaggingError::BadTypes(detail) => match lang {
                Lang::Zh => format!("实体类型表有误:{detail}"),
                Lang::En => format!("The entity types are not valid: {detail}"),
            },
            TaggingError::TypeInUse(code) => match lang {
                Lang::Zh => format!("类型 {code} 仍有标注在用,不能删除。"),
                Lang::En => format!("Type {code} is still used by tags and cannot be removed."),
            },
        }
    }
}

/// Whether spans of `kind` are linked to registry entities (people, organizations, places).
pub fn links_to_registry(kind: &EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person | EntityKind::Org | EntityKind::Place
    )
}

/// The text of a span, if it exists.
pub fn span_text(project: &Project, (at, index): Place) -> Option<&str> {
    let field = project.field(at)?;
    let span = field.spans.get(index)?;
    Some(field.slice(span.start, span.end))
}

/// The registry entity for `text` as `kind` (found, or added to `registry` when missing), for
/// kinds that link; `None` for titles and custom types.
fn entity_for(registry: &mut Registry, kind: &EntityKind, text: &str) -> Option<EntityId> {
    links_to_registry(kind).then(|| registry.find_or_add(kind, text))
}

/// Tags chars `start..end` of a field as `kind`: a confirmed span (replacing any it overlaps),
/// linked to the registry entity of that name, which is created when missing.
pub fn tag(project: &Project, at: FieldRef, start: usize, end: usize, kind: EntityKind) -> Edit {
    tag_occurrences(project, &[Occurrence { at, start, end }], kind)
}

/// Tags every occurrence as `kind` in one step (see [`tag`]). All occurrences of one spelling
/// link to the same entity. A person tagged right after titles (`管委会主任张红军`), or a title
/// tagged in front of a tagged person, gives that person the role in the registry, as the
/// suggestions do.
pub fn tag_occurrences(project: &Project, occurrences: &[Occurrence], kind: EntityKind) -> Edit {
    let mut registry = project.registry.clone();
    let mut edits = Vec::with_capacity(occurrences.len() + 1);
    for o in occurrences {
        let Some(field) = project.field(o.at) else {
            continue;
        };
        let text = field.slice(o.start, o.end);
        let mut span = Span::by_editor(o.start, o.end, kind.clone());
        span.entity = entity_for(&mut registry, &kind, text);
        if matches!(kind, EntityKind::Person | EntityKind::Title) {
            let mut after = field.clone();
            after.spans.retain(|s| !s.overlaps(o.start, o.end));
            after.insert_span(span.clone());
            record_roles(&mut registry, &after, o.start);
        }
        edits.push(Edit::AddSpan { at: o.at, span });
    }
    if registry != project.registry {
        edits.push(Edit::SetRegistry(registry));
    }
    Edit::Batch(edits)
}

/// The roles written before the person span `person` of `field`: titles right before the name,
/// each with the organization right before it, in a chain joined by 、 or 兼
/// (`高新区党工委副书记、管委会主任张红军`).
pub fn roles_before(field: &TextField, registry: &Registry, person: &Span) -> Vec<Role> {
    title_chain(field, registry, person)
        .into_iter()
        .map(|(_, role)| role)
        .collect()
}

/// The titles before a person with where each begins, in text order.
fn title_chain(field: &TextField, registry: &Registry, person: &Span) -> Vec<(usize, Role)> {
    let text_of = |s: &Span| field.slice(s.start, s.end).to_string();
    let name_of = |s: &Span| {
        s.entity
            .and_then(|id| registry.get(id))
            .map_or_else(|| text_of(s), |e| e.name.clone())
    };
    let mut chain = Vec::new();
    let mut pos = person.start;
    while let Some(title) = field
        .spans
        .iter()
        .find(|s| s.kind == EntityKind::Title && s.end == pos && s.start < pos)
    {
        let org = field
            .spans
            .iter()
            .find(|s| s.kind == EntityKind::Org && s.end == title.start && s.start < s.end);
        chain.push((
            title.start,
            Role {
                title: text_of(title),
                org: org.map(name_of).unwrap_or_default(),
            },
        ));
        pos = org.map_or(title.start, |o| o.start);
        if pos > 0 && matches!(field.slice(pos - 1, pos), "、" | "兼") {
            pos -= 1;
        }
    }
    chain.reverse();
    chain
}

/// Records in `registry` the roles of the tagged person whose title chain reaches char `from`
/// of `field`: the person itself starts there, or one of the titles before it does.
fn record_roles(registry: &mut Registry, field: &TextField, from: usize) {
    let Some(person) = field
        .spans
        .iter()
        .find(|s| s.kind == EntityKind::Person && s.start >= from)
    else {
        return;
    };
    let chain = title_chain(field, registry, person);
    let reaches = person.start == from || chain.iter().any(|(start, _)| *start == from);
    let Some(entity) = person.entity.and_then(|id| registry.get_mut(id)) else {
        return;
    };
    if !reaches {
        return;
    }
    for (_, role) in chain {
        if !entity.roles.contains(&role) {
            entity.roles.push(role);
        }
    }
}

/// Changes the type of a span; the editor's choice, so it is confirmed and relinked to the
/// entity of its new kind.
pub fn retype(project: &Project, (at, index): Place, kind: EntityKind) -> Option<Edit> {
    let field = project.field(at)?;
    let span = field.spans.get(index)?;
    Some(tag(project, at, span.start, span.end, kind))
}

/// Moves a span's start and end by `start_by` and `end_by` chars (negative: to the left). The span
/// is confirmed and keeps its type; it is relinked to the entity of its new text. `None` when the
/// result would be empty or leave the field.
pub fn resize(
    project: &Project,
    (at, index): Place,
    start_by: isize,
    end_by: isize,
) -> Option<Edit> {
    let field = project.field(at)?;
    let span = field.spans.get(index)?;
    let start = span.start.checked_add_signed(start_by)?;
    let end = span.end.checked_add_signed(end_by)?;
    if start >= end || end > field.char_len() {
        return None;
    }
    let mut registry = project.registry.clone();
    let mut resized = Span::by_editor(start, end, span.kind.clone());
    resized.entity = entity_for(&mut registry, &span.kind, field.slice(start, end));
    let mut edits = vec![Edit::SetSpan {
        at,
        index,
        span: resized,
    }];
    if registry != project.registry {
        edits.push(Edit::SetRegistry(registry));
    }
    Some(Edit::Batch(edits))
}

/// Every place in the project where `text` appears and is not yet tagged as `kind`, skipping
/// places that overlap a span the editor confirmed (the editor's decision stands). In reading
/// order. Computed on demand: a plain substring scan of each field.
pub fn occurrences(project: &Project, text: &str, kind: &EntityKind) -> Vec<Occurrence> {
    let mut found = Vec::new();
    if text.is_empty() {
        return found;
    }
    let len = text.chars().count();
    for (a, article) in project.articles.iter().enumerate() {
        for (slot, field) in article.fields() {
            let mut last_byte = 0;
            let mut last_char = 0;
            for (byte, _) in field.text.match_indices(text) {
                last_char += field.text[last_byte..byte].chars().count();
                last_byte = byte;
                let (start, end) = (last_char, last_char + len);
                let taken = field.spans.iter().any(|s| {
                    (s.start == start && s.end == end && &s.kind == kind)
                        || (s.status == SpanStatus::Confirmed && s.overlaps(start, end))
                });
                if !taken {
                    found.push(Occurrence {
                        at: FieldRef::new(a, slot),
                        start,
                        end,
                    });
                }
            }
        }
    }
    found
}

/// Every suggested span, in reading order: of article `article`, or of the whole project.
pub fn suggestions(project: &Project, article: Option<usize>) -> Vec<Place> {
    let mut places = Vec::new();
    for (a, art) in project.articles.iter().enumerate() {
        if article.is_some_and(|only| only != a) {
            continue;
        }
        for (slot, field) in art.fields() {
            for (index, span) in field.spans.iter().enumerate() {
                if span.status == SpanStatus::Suggested {
                    places.push((FieldRef::new(a, slot), index));
                }
            }
        }
    }
    places
}

/// Confirms every suggested span in `places`.
pub fn confirm(project: &Project, places: &[Place]) -> Edit {
    let edits = places
        .iter()
        .filter_map(|&(at, index)| {
            let span = project.field(at)?.spans.get(index)?;
            (span.status == SpanStatus::Suggested).then(|| Edit::SetSpan {
                at,
                index,
                span: Span {
                    status: SpanStatus::Confirmed,
                    ..span.clone()
                },
            })
        })
        .collect();
    Edit::Batch(edits)
}

/// Every suggested span spelled `text` with type `kind`, anywhere in the project, in reading
/// order: what one decision about that suggestion applies to.
pub fn suggested_alike(project: &Project, text: &str, kind: &EntityKind) -> Vec<Place> {
    suggestions(project, None)
        .into_iter()
        .filter(|&(at, index)| {
            project.field(at).is_some_and(|f| {
                let span = &f.spans[index];
                &span.kind == kind && f.slice(span.start, span.end) == text
            })
        })
        .collect()
}

/// Rejects the suggestions in `places` everywhere: every suggested span with the same text and
/// type, in every article, is removed, and the text and type are remembered so the suggestion is
/// never made again in this project. Registry entries that only these suggestions mentioned go
/// too. Returns the edit and how many spans it removes.
pub fn reject_everywhere(project: &Project, places: &[Place]) -> (Edit, usize) {
    let mut rejected = project.rejected.clone();
    let mut removals: Vec<Place> = Vec::new();
    for &(at, index) in places {
        let Some(field) = project.field(at) else {
            continue;
        };
        let Some(span) = field.spans.get(index) else {
            continue;
        };
        if span.status != SpanStatus::Suggested {
            continue;
        }
        let rejection = Rejection {
            text: field.slice(span.start, span.end).to_string(),
            kind: span.kind.clone(),
        };
        removals.extend(suggested_alike(project, &rejection.text, &rejection.kind));
        if !rejected.contains(&rejection) {
            rejected.push(rejection);
        }
    }
    // Later spans first, so earlier indices stay valid.
    removals.sort_by(|a, b| b.cmp(a));
    removals.dedup();
    let count = removals.len();
    let linked: HashSet<EntityId> = removals
        .iter()
        .filter_map(|&(at, index)| project.field(at)?.spans.get(index)?.entity)
        .collect();
    let removed: HashSet<Place> = removals.iter().copied().collect();
    let mut edits: Vec<Edit> = removals
        .into_iter()
        .map(|(at, index)| Edit::RemoveSpan { at, index })
        .collect();
    if !linked.is_empty() {
        let still_mentioned = mentioned_except(project, &removed);
        let mut registry = project.registry.clone();
        registry
            .entities
            .retain(|e| !linked.contains(&e.id) || still_mentioned.contains(&e.id));
        if registry != project.registry {
            edits.push(Edit::SetRegistry(registry));
        }
    }
    if rejected != project.rejected {
        edits.push(Edit::SetLearning {
            lexicon: project.lexicon.clone(),
            rejected,
        });
    }
    (Edit::Batch(edits), count)
}

/// The entities linked from some span other than those in `removed`.
fn mentioned_except(project: &Project, removed: &HashSet<Place>) -> HashSet<EntityId> {
    let mut mentioned = HashSet::new();
    for (a, article) in project.articles.iter().enumerate() {
        for (slot, field) in article.fields() {
            let at = FieldRef::new(a, slot);
            for (index, span) in field.spans.iter().enumerate() {
                if !removed.contains(&(at, index)) {
                    mentioned.extend(span.entity);
                }
            }
        }
    }
    mentioned
}

/// [`reject_everywhere`] without the count.
pub fn reject(project: &Project, places: &[Place]) -> Edit {
    reject_everywhere(project, places).0
}

/// Confirms the suggestions of article `article` (or of the project) that `matches` picks, e.g.
/// all of one type or all made by one rule.
pub fn accept_where(
    project: &Project,
    article: Option<usize>,
    matches: impl Fn(&Span) -> bool,
) -> Edit {
    let places: Vec<Place> = suggestions(project, article)
        .into_iter()
        .filter(|&(at, index)| {
            project
                .field(at)
                .and_then(|f| f.spans.get(index))
                .is_some_and(&matches)
        })
        .collect();
    confirm(project, &places)
}

/// Every span linked to entity `id`, in reading order.
pub fn mentions_of(project: &Project, id: EntityId) -> Vec<Place> {
    let mut places = Vec::new();
    for (a, article) in project.articles.iter().enumerate() {
        for (slot, field) in article.fields() {
            for (index, span) in field.spans.iter().enumerate() {
                if span.entity == Some(id) {
                    places.push((FieldRef::new(a, slot), index));
                }
            }
        }
    }
    places
}

/// For each entity, the articles (indices, ascending) its mentions appear in: one pass over the
/// project, for tables that show many entities at once.
pub fn articles_by_entity(project: &Project) -> BTreeMap<EntityId, Vec<usize>> {
    let mut map: BTreeMap<EntityId, Vec<usize>> = BTreeMap::new();
    for (a, article) in project.articles.iter().enumerate() {
        for (_, field) in article.fields() {
            for id in field.spans.iter().filter_map(|s| s.entity) {
                let list = map.entry(id).or_default();
                if list.last() != Some(&a) {
                    list.push(a);
                }
            }
        }
    }
    map
}

/// The fields whose spans link to `from`, relinked to `to` (or unlinked when `to` is `None`).
fn relink(project: &Project, from: EntityId, to: Option<EntityId>) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (a, article) in project.articles.iter().enumerate() {
        for (slot, field) in article.fields() {
            if !field.spans.iter().any(|s| s.entity == Some(from)) {
                continue;
            }
            let mut updated = field.clone();
            for span in &mut updated.spans {
                if span.entity == Some(from) {
                    span.entity = to;
                }
            }
            edits.push(Edit::SetField {
                at: FieldRef::new(a, slot),
                field: updated,
            });
        }
    }
    edits
}

/// Replaces the organization `old` by `new` in every role of every person (roles name their
/// organization by its preferred spelling).
fn rename_org_in_roles(registry: &mut Registry, old: &str, new: &str) {
    for entity in &mut registry.entities {
        for role in &mut entity.roles {
            if role.org == old {
                role.org = new.to_string();
            }
        }
        dedup_roles(&mut entity.roles);
    }
}

fn dedup_roles(roles: &mut Vec<Role>) {
    let mut seen = HashSet::new();
    roles.retain(|r| seen.insert(r.clone()));
}

/// Merges entity `absorb` into `keep`: `absorb`'s name and aliases become aliases of `keep`, its
/// roles and note are added, its mentions are relinked to `keep`, and it leaves the registry.
pub fn merge_entities(
    project: &Project,
    keep: EntityId,
    absorb: EntityId,
) -> Result<Edit, TaggingError> {
    let kept = project
        .registry
        .get(keep)
        .ok_or(TaggingError::NoEntity(keep))?;
    let gone = project
        .registry
        .get(absorb)
        .ok_or(TaggingError::NoEntity(absorb))?
        .clone();
    if keep == absorb || kept.kind != gone.kind {
        return Err(TaggingError::CannotMerge);
    }
    let kept_name = kept.name.clone();
    let mut registry = project.registry.clone();
    registry.entities.retain(|e| e.id != absorb);
    let entity = registry.get_mut(keep).expect("checked above");
    for name in std::iter::once(gone.name.clone()).chain(gone.aliases) {
        if name != entity.name && !entity.aliases.contains(&name) {
            entity.aliases.push(name);
        }
    }
    entity.roles.extend(gone.roles);
    dedup_roles(&mut entity.roles);
    if !gone.note.is_empty() {
        if !entity.note.is_empty() {
            entity.note.push('\n');
        }
        entity.note.push_str(&gone.note);
    }
    if gone.kind == EntityKind::Org {
        rename_org_in_roles(&mut registry, &gone.name, &kept_name);
    }
    let mut edits = relink(project, absorb, Some(keep));
    edits.push(Edit::SetRegistry(registry));
    Ok(Edit::Batch(edits))
}

/// Gives entity `id` a new preferred name. The old name stays as an alias (mentions written that
/// way still mean it); the new name is no longer an alias. Roles naming a renamed organization
/// follow it.
pub fn rename_entity(project: &Project, id: EntityId, name: &str) -> Result<Edit, TaggingError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TaggingError::EmptyName);
    }
    let mut registry = project.registry.clone();
    let entity = registry.get_mut(id).ok_or(TaggingError::NoEntity(id))?;
    let old = std::mem::replace(&mut entity.name, name.to_string());
    if old != name && !entity.aliases.contains(&old) {
        entity.aliases.push(old.clone());
    }
    entity.aliases.retain(|a| a != name);
    if entity.kind == EntityKind::Org {
        rename_org_in_roles(&mut registry, &old, name);
    }
    Ok(Edit::SetRegistry(registry))
}

/// Replaces the titles-in-organizations of entity `id` (empty roles are dropped, duplicates kept
/// once).
pub fn set_roles(project: &Project, id: EntityId, roles: Vec<Role>) -> Result<Edit, TaggingError> {
    let mut registry = project.registry.clone();
    let entity = registry.get_mut(id).ok_or(TaggingError::NoEntity(id))?;
    entity.roles = roles
        .into_iter()
        .map(|r| Role {
            title: r.title.trim().to_string(),
            org: r.org.trim().to_string(),
        })
        .filter(|r| !r.title.is_empty() || !r.org.is_empty())
        .collect();
    dedup_roles(&mut entity.roles);
    Ok(Edit::SetRegistry(registry))
}

/// Replaces the editor's note on entity `id`.
pub fn set_note(project: &Project, id: EntityId, note: &str) -> Result<Edit, TaggingError> {
    let mut registry = project.registry.clone();
    let entity = registry.get_mut(id).ok_or(TaggingError::NoEntity(id))?;
    entity.note = note.to_string();
    Ok(Edit::SetRegistry(registry))
}

/// Links a mention to entity `id`; a spelling the entity did not have becomes an alias.
pub fn link_mention(project: &Project, place: Place, id: EntityId) -> Result<Edit, TaggingError> {
    let (at, index) = place;
    let field = project.field(at).ok_or(TaggingError::NoSpan)?;
    let span = field.spans.get(index).ok_or(TaggingError::NoSpan)?;
    let entity = project.registry.get(id).ok_or(TaggingError::NoEntity(id))?;
    if entity.kind != span.kind {
        return Err(TaggingError::KindMismatch);
    }
    let text = field.slice(span.start, span.end);
    let mut edits = vec![Edit::SetSpan {
        at,
        index,
        span: Span {
            entity: Some(id),
            ..span.clone()
        },
    }];
    if !entity.is_called(text) {
        let mut registry = project.registry.clone();
        registry
            .get_mut(id)
            .expect("checked above")
            .aliases
            .push(text.to_string());
        edits.push(Edit::SetRegistry(registry));
    }
    Ok(Edit::Batch(edits))
}

/// Unlinks a mention from its entity (the tag stays).
pub fn unlink_mention(project: &Project, (at, index): Place) -> Result<Edit, TaggingError> {
    let span = project
        .field(at)
        .and_then(|f| f.spans.get(index))
        .ok_or(TaggingError::NoSpan)?;
    Ok(Edit::SetSpan {
        at,
        index,
        span: Span {
            entity: None,
            ..span.clone()
        },
    })
}

/// Removes entity `id` from the registry; its mentions stay tagged, unlinked.
pub fn delete_entity(project: &Project, id: EntityId) -> Result<Edit, TaggingError> {
    project.registry.get(id).ok_or(TaggingError::NoEntity(id))?;
    let mut registry = project.registry.clone();
    registry.entities.retain(|e| e.id != id);
    let mut edits = relink(project, id, None);
    edits.push(Edit::SetRegistry(registry));
    Ok(Edit::Batch(edits))
}

/// Replaces the project's entity types after checking them: codes and number keys unique, keys
/// 1–9 (or 0 for none), both names given, and no type removed while spans still use it.
pub fn set_entity_types(project: &Project, types: Vec<EntityType>) -> Result<Edit, TaggingError> {
    let mut codes = HashSet::new();
    let mut keys = HashSet::new();
    for ty in &types {
        let code = ty.kind.code().trim();
        if code.is_empty() || ty.name_zh.trim().is_empty() || ty.name_en.trim().is_empty() {
            return Err(TaggingError::BadTypes(
                "每个类型都要有代码和中英文名称 / every type needs a code and both names".into(),
            ));
        }
        if !codes.insert(code.to_string()) {
            return Err(TaggingError::BadTypes(format!("{code} ×2")));
        }
        if ty.key > 9 {
            return Err(TaggingError::BadTypes(format!("{code}: {} > 9", ty.key)));
        }
        if ty.key != 0 && !keys.insert(ty.key) {
            return Err(TaggingError::BadTypes(format!("{} ×2", ty.key)));
        }
    }
    let kept: HashSet<&EntityKind> = types.iter().map(|t| &t.kind).collect();
    for article in &project.articles {
        for (_, field) in article.fields() {
            if let Some(span) = field.spans.iter().find(|s| !kept.contains(&s.kind)) {
                return Err(TaggingError::TypeInUse(span.kind.code().to_string()));
            }
        }
    }
    Ok(Edit::SetEntityTypes(types))
}

/// A short piece of the text around an occurrence, for lists that show it in context.
pub fn context(project: &Project, o: &Occurrence, around: usize) -> (String, String, String) {
    let Some(field) = project.field(o.at) else {
        return Default::default();
    };
    let len = field.char_len();
    (
        field
            .slice(o.start.saturating_sub(around), o.start)
            .to_string(),
        field.slice(o.start, o.end).to_string(),
        field.slice(o.end, (o.end + around).min(len)).to_string(),
    )
}
