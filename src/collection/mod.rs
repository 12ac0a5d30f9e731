//! Collections: a folder of issue projects plus one small index file that holds what spans
//! issues — the shared registry of people, organizations and places with the issues and posts
//! where each appears, the editor's cross-issue decisions, and each issue's date, counts and
//! status.
//!
//! Projects stay self-contained and openable on their own; the index lets a year of issues be
//! listed, searched for officials and exported without loading every project, and projects are
//! loaded only when one is opened or searched.

pub mod batch;
pub mod date;
pub mod decisions;
pub mod find;
pub mod index;
pub mod issue;
pub mod officials;
pub mod registry;

use std::path::{Path, PathBuf};

pub use date::{DateSource, IssueDate};
pub use decisions::Decisions;
pub use index::{CollectionIndex, INDEX_FILE, IndexError};
pub use issue::{IssueCounts, IssueEntry, IssueStatus};
pub use registry::{IssueContribution, SharedRegistry};

use crate::formats::project::{self, ProjectError};
use crate::i18n::Lang;
use crate::model::{Edit, Project};
use crate::pipeline::entities::Tagger;

/// An open collection: its folder and its index (the projects stay on disk).
#[derive(Clone, Debug)]
pub struct Collection {
    pub dir: PathBuf,
    pub index: CollectionIndex,
}

/// Why an issue could not be opened or changed.
#[derive(Debug)]
pub enum CollectionError {
    Index(IndexError),
    Project(ProjectError),
    /// No issue with this key.
    NoIssue(String),
}

impl CollectionError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CollectionError::Index(e) => e.message(lang),
            CollectionError::Project(e) => e.message(lang),
            CollectionError::NoIssue(key) => match lang {
                Lang::Zh => format!("合集中没有“{key}”这一期。"),
                Lang::En => format!("the collection has no issue '{key}'."),
            },
        }
    }
}

impl std::fmt::Display for CollectionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CollectionError {}

impl From<IndexError> for CollectionError {
    fn from(e: IndexError) -> Self {
        CollectionError::Index(e)
    }
}

impl From<ProjectError> for CollectionError {
    fn from(e: ProjectError) -> Self {
        CollectionError::Project(e)
    }
}

impl Collection {
    /// The folder of a collection given as the folder or as its index file.
    pub fn folder_of(path: &Path) -> PathBuf {
        if path.file_name().is_some_and(|n| n == INDEX_FILE) {
            path.parent().map_or_else(PathBuf::new, Path::to_path_buf)
        } else {
            path.to_path_buf()
        }
    }

    pub fn index_path(&self) -> PathBuf {
        self.dir.join(INDEX_FILE)
    }

    /// Opens the collection in `path` (its folder or its index file). Only the index is read.
    pub fn open(path: &Path) -> Result<Collection, IndexError> {
        let dir = Collection::folder_of(path);
        let index = CollectionIndex::load(&dir.join(INDEX_FILE))?;
        Ok(Collection { dir, index })
    }

    /// Opens the collection in `dir`, or starts an empty one there when the folder has no index
    /// yet (nothing is written until [`Collection::save`]).
    pub fn open_or_new(dir: &Path) -> Result<Collection, IndexError> {
        let dir = Collection::folder_of(dir);
        if dir.join(INDEX_FILE).exists() {
            Collection::open(&dir)
        } else {
            Ok(Collection {
                dir,
                index: CollectionIndex::default(),
            })
        }
    }

    /// Writes the index atomically.
    pub fn save(&self) -> Result<(), IndexError> {
        self.index.save(&self.index_path())
    }

    /// The project file of an issue.
    pub fn project_path(&self, entry: &IssueEntry) -> PathBuf {
        self.dir.join(&entry.project)
    }

    /// Loads an issue's project as it is on disk.
    pub fn load_issue(&self, key: &str) -> Result<Project, CollectionError> {
        let entry = self
            .index
            .issue(key)
            .ok_or_else(|| CollectionError::NoIssue(key.to_string()))?;
        Ok(project::load(&self.project_path(entry))?)
    }

    /// Loads an issue with the edit that brings it in line with the collection's decisions
    /// (see [`Decisions::edit_for`]), not yet applied: the window applies it through its
    /// history, so the editor can undo it, and the project shows as changed.
    pub fn open_issue(
        &self,
        key: &str,
        tagger: &Tagger,
    ) -> Result<(Project, Option<Edit>), CollectionError> {
        let project = self.load_issue(key)?;
        let edit = self.index.decisions.edit_for(&project, tagger);
        Ok((project, edit))
    }

    /// Takes in an issue as the editor saved it: counts and status, its place in the shared
    /// registry, and the confirmed names and rejections it holds, which then apply to every
    /// issue.
    pub fn record_issue(&mut self, key: &str, project: &Project) -> Result<(), CollectionError> {
        let entry = self
            .index
            .issue_mut(key)
            .ok_or_else(|| CollectionError::NoIssue(key.to_string()))?;
        entry.refresh(project);
        self.index.decisions.learn_from(project);
        self.index.registry.remove_issue(key);
        let contribution = IssueContribution::of(key, project);
        let decisions = self.index.decisions.clone();
        self.index.registry.fold(&contribution, &decisions);
        Ok(())
    }

    /// Records that `aliases` are other spellings of `name` (a decision for every issue) and
    /// merges the shared entities so called into one.
    pub fn merge(&mut self, kind: crate::model::EntityKind, name: &str, aliases: &[String]) {
        self.index.decisions.merge(kind.clone(), name, aliases);
        let registry = &mut self.index.registry;
        let positions: Vec<usize> = std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .flat_map(|n| registry.called(&kind, n))
            .collect();
        let mut ids: Vec<crate::model::EntityId> =
            positions.iter().map(|&i| registry.entities[i].id).collect();
        ids.sort();
        ids.dedup();
        let keep = registry
            .entities
            .iter()
            .find(|e| e.kind == kind && e.name == name)
            .map(|e| e.id)
            .or_else(|| ids.first().copied());
        if let Some(keep) = keep {
            for id in ids {
                registry.merge(keep, id);
            }
        }
    }

    /// Records that `name` in `org` is a namesake of its own (a decision for every issue) and
    /// splits the shared entity accordingly.
    pub fn split(&mut self, kind: crate::model::EntityKind, name: &str, org: &str) {
        self.index.decisions.split(kind.clone(), name, org);
        let registry = &mut self.index.registry;
        let found: Vec<crate::model::EntityId> = registry
            .called(&kind, name)
            .into_iter()
            .map(|i| &registry.entities[i])
            .filter(|e| e.distinguished_by.is_empty())
            .map(|e| e.id)
            .collect();
        for id in found {
            registry.split(id, org);
        }
    }

    /// Corrects the date of an issue; the issue list and officials follow it.
    pub fn set_date(&mut self, key: &str, date: IssueDate) -> Result<(), CollectionError> {
        self.index
            .issue_mut(key)
            .ok_or_else(|| CollectionError::NoIssue(key.to_string()))?
            .set_date(date);
        self.index.sort_issues();
        Ok(())
    }

    /// The date of each issue by key, for tables over the shared registry.
    pub fn dates(&self) -> std::collections::HashMap<&str, Option<IssueDate>> {
        self.index
            .issues
            .iter()
            .map(|i| (i.key.as_str(), i.date))
            .collect()
    }
}
