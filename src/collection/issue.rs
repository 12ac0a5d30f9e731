//! One issue of a collection as the index knows it: which files, which date, and the counts the
//! list of issues shows, so that a year of issues is listed without opening any project.

use serde::{Deserialize, Serialize};

use super::date::{DateSource, IssueDate};
use crate::i18n::Lang;
use crate::model::Project;

/// How far the editor has got with an issue, from its reviewed (已校对) articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum IssueStatus {
    /// No article reviewed yet.
    #[default]
    New,
    /// Some articles reviewed.
    InProgress,
    /// Every article reviewed.
    Reviewed,
}

impl IssueStatus {
    /// The status of an issue with `reviewed` of `articles` articles reviewed.
    pub fn of(reviewed: usize, articles: usize) -> IssueStatus {
        if reviewed == 0 {
            IssueStatus::New
        } else if reviewed < articles {
            IssueStatus::InProgress
        } else {
            IssueStatus::Reviewed
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            IssueStatus::New => lang.pick("未校对", "new"),
            IssueStatus::InProgress => lang.pick("校对中", "in progress"),
            IssueStatus::Reviewed => lang.pick("已校对", "reviewed"),
        }
    }
}

/// The index's entry for one issue. `key` names the issue everywhere in the index (the shared
/// registry's appearances, the officials' issues): the project's file name without its ending.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IssueEntry {
    pub key: String,
    /// The project file, relative to the collection folder.
    pub project: String,
    /// The raw file it was imported from (name only) and the SHA-256 of its bytes, so a second
    /// import of the same file is recognised and skipped.
    pub source: String,
    pub source_sha256: String,
    #[serde(default)]
    pub date: Option<IssueDate>,
    #[serde(default)]
    pub date_from: DateSource,
    #[serde(default)]
    pub counts: IssueCounts,
    #[serde(default)]
    pub status: IssueStatus,
}

/// The figures of an issue shown in the list without loading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct IssueCounts {
    pub articles: usize,
    /// Articles the editor marked as reviewed (已校对).
    pub reviewed: usize,
    pub paragraphs: usize,
    /// Paragraphs cut by the scan and joined again.
    pub joins: usize,
    /// Entity mentions (tagged spans).
    pub mentions: usize,
    /// Registry entities (people, organizations, places).
    pub entities: usize,
}

impl IssueCounts {
    pub fn of(project: &Project) -> IssueCounts {
        IssueCounts {
            articles: project.articles.len(),
            reviewed: project.articles.iter().filter(|a| a.checked).count(),
            paragraphs: project.paragraph_count(),
            joins: project.join_count(),
            mentions: project.span_count(),
            entities: project.registry.entities.len(),
        }
    }
}

impl IssueEntry {
    /// Updates the counts and status from the project as it is now.
    pub fn refresh(&mut self, project: &Project) {
        self.counts = IssueCounts::of(project);
        self.status = IssueStatus::of(self.counts.reviewed, self.counts.articles);
    }

    /// Sets the date the editor gives; re-imports keep it.
    pub fn set_date(&mut self, date: IssueDate) {
        self.date = Some(date);
        self.date_from = DateSource::Editor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_the_reviewed_articles() {
        assert_eq!(IssueStatus::of(0, 5), IssueStatus::New);
        assert_eq!(IssueStatus::of(2, 5), IssueStatus::InProgress);
        assert_eq!(IssueStatus::of(5, 5), IssueStatus::Reviewed);
        assert_eq!(IssueStatus::Reviewed.label(Lang::Zh), "已校对");
    }
}
