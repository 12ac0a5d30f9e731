//! Officials over time: for each person of the collection, the posts held, with the
//! organization and the first and last issue date and the number of issues of each
//! (`张红军 · 高新区党工委副书记、管委会主任 · 2021-06-10 — 2022-03-02 · 37 issues`), and every
//! appearance of an official (date, issue, article, headline) for a closer look.
//!
//! The table comes from the index alone; the appearances open the projects that mention an
//! official, in parallel.

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::registry::ContributedEntity;
use super::{Collection, CollectionError, IssueDate};
use crate::formats::csv_tables::guard_formula;
use crate::formats::export::{ExportError, Plan, PlannedFile, Protected};
use crate::model::tagging::roles_before;
use crate::model::{EntityId, EntityKind};

/// One post of one person across the collection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficialPost {
    pub entity: EntityId,
    pub person: String,
    /// Tells split namesakes apart (their organization); empty otherwise.
    pub distinguished_by: String,
    pub post: String,
    pub organization: String,
    pub first: Option<IssueDate>,
    pub last: Option<IssueDate>,
    pub issues: usize,
}

/// Every post of every official, by person and then by first date; only posts in an
/// organization containing `org` when given.
pub fn posts(collection: &Collection, org: Option<&str>) -> Vec<OfficialPost> {
    let dates = collection.dates();
    let mut rows = Vec::new();
    for person in collection.index.registry.officials() {
        for post in &person.posts {
            if org.is_some_and(|o| !post.role.org.contains(o)) {
                continue;
            }
            let mut when: Vec<IssueDate> = post
                .issues
                .iter()
                .filter_map(|i| dates.get(i.as_str()).copied().flatten())
                .collect();
            when.sort();
            rows.push(OfficialPost {
                entity: person.id,
                person: person.name.clone(),
                distinguished_by: person.distinguished_by.clone(),
                post: post.role.title.clone(),
                organization: post.role.org.clone(),
                first: when.first().copied(),
                last: when.last().copied(),
                issues: post.issues.len(),
            });
        }
    }
    rows.sort_by(|a, b| {
        (
            &a.person,
            &a.distinguished_by,
            a.first.is_none(),
            a.first,
            &a.post,
        )
            .cmp(&(
                &b.person,
                &b.distinguished_by,
                b.first.is_none(),
                b.first,
                &b.post,
            ))
    });
    rows
}

fn date_text(date: Option<IssueDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// The posts as CSV: person, post, organization, first date, last date, issues. Cells a
/// spreadsheet would run as formulas are guarded; `bom` for spreadsheets that want it.
pub fn render_csv(rows: &[OfficialPost], bom: bool) -> String {
    let mut buffer = Vec::new();
    if bom {
        buffer.extend_from_slice("\u{FEFF}".as_bytes());
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(buffer);
    let mut row = |cells: [&str; 6]| {
        writer
            .write_record(cells.iter().map(|c| guard_formula(c).into_owned()))
            .expect("writing to memory cannot fail");
    };
    row([
        "person",
        "post",
        "organization",
        "first_date",
        "last_date",
        "issues",
    ]);
    for r in rows {
        let person = if r.distinguished_by.is_empty() {
            r.person.clone()
        } else {
            format!("{}({})", r.person, r.distinguished_by)
        };
        row([
            &person,
            &r.post,
            &r.organization,
            &date_text(r.first),
            &date_text(r.last),
            &r.issues.to_string(),
        ]);
    }
    let bytes = writer.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("the cells are UTF-8")
}

/// One mention of an official in one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Appearance {
    pub person: String,
    pub date: Option<String>,
    pub issue: String,
    /// 1-based position of the article in its issue.
    pub article: usize,
    pub headline: String,
    /// The post written right before the name there (`管委会主任`), if any.
    pub post: String,
    pub organization: String,
}

/// Every appearance of every official, by date, issue and article; one entry per person per
/// article (the first mention's post). Issues whose project cannot be read are returned
/// with the error.
pub fn appearances(
    collection: &Collection,
    org: Option<&str>,
) -> (Vec<Appearance>, Vec<(String, CollectionError)>) {
    let wanted: std::collections::HashSet<EntityId> =
        posts(collection, org).iter().map(|p| p.entity).collect();
    let mut registry = collection.index.registry.clone();
    let decisions = &collection.index.decisions;
    let wanted_issues: std::collections::HashSet<&str> = collection
        .index
        .registry
        .entities
        .iter()
        .filter(|e| wanted.contains(&e.id))
        .flat_map(|e| e.issues.iter().map(|m| m.issue.as_str()))
        .collect();
    let issues: Vec<&super::IssueEntry> = collection
        .index
        .issues
        .iter()
        .filter(|i| wanted_issues.contains(i.key.as_str()))
        .collect();
    let loaded: Vec<_> = issues
        .par_iter()
        .map(|entry| (entry, collection.load_issue(&entry.key)))
        .collect();
    let mut found = Vec::new();
    let mut failed = Vec::new();
    for (entry, project) in loaded {
        let project = match project {
            Ok(project) => project,
            Err(e) => {
                failed.push((entry.key.clone(), e));
                continue;
            }
        };
        // The project's people that are wanted officials, by their project id.
        let mut officials = std::collections::HashMap::new();
        for e in project
            .registry
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
        {
            let as_contributed = ContributedEntity {
                kind: e.kind.clone(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                roles: e.roles.clone(),
                mentions: 0,
            };
            if let Some(index) = registry.resolve(&as_contributed, decisions) {
                let shared = &registry.entities[index];
                if wanted.contains(&shared.id) {
                    officials.insert(e.id, shared.name.clone());
                }
            }
        }
        for (a, article) in project.articles.iter().enumerate() {
            let mut seen = std::collections::HashSet::new();
            for (_, field) in article.fields_in_reading_order() {
                for span in &field.spans {
                    let Some(person) = span.entity.and_then(|id| officials.get(&id)) else {
                        continue;
                    };
                    if !seen.insert(person.clone()) {
                        continue;
                    }
                    let role = roles_before(field, &project.registry, span)
                        .pop()
                        .unwrap_or_default();
                    found.push(Appearance {
                        person: person.clone(),
                        date: entry.date.map(|d| d.to_string()),
                        issue: entry.key.clone(),
                        article: a + 1,
                        headline: article.headline.text.clone(),
                        post: role.title,
                        organization: role.org,
                    });
                }
            }
        }
    }
    (found, failed)
}

/// The appearances as JSON Lines, one object a line.
pub fn render_jsonl(appearances: &[Appearance]) -> String {
    appearances
        .iter()
        .map(|a| serde_json::to_string(a).expect("an appearance serialises") + "\n")
        .collect()
}

/// Writes an officials export to `target` like every other export: atomically, never over the
/// collection's index or any project, and over an existing file only with `replace`.
pub fn write(
    collection: &Collection,
    target: &Path,
    content: String,
    replace: bool,
) -> Result<(), ExportError> {
    if target.is_dir() {
        return Err(ExportError::TargetIsDirectory {
            path: target.to_path_buf(),
        });
    }
    if Protected::new([collection.index_path()]).covers(target) {
        return Err(ExportError::Protected {
            path: target.to_path_buf(),
        });
    }
    let plan = Plan {
        files: vec![PlannedFile {
            path: target.to_path_buf(),
            content: content.into_bytes(),
            exists: target.exists(),
        }],
        left: Vec::new(),
    };
    plan.write(replace).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_the_columns_and_guards_formulas() {
        let rows = [OfficialPost {
            entity: EntityId(0),
            person: "=张红军".into(),
            distinguished_by: String::new(),
            post: "主任".into(),
            organization: "管委会".into(),
            first: IssueDate::new(2021, 6, 10),
            last: IssueDate::new(2022, 3, 2),
            issues: 37,
        }];
        let csv = render_csv(&rows, false);
        assert_eq!(
            csv,
            "person,post,organization,first_date,last_date,issues\n'=张红军,主任,管委会,2021-06-10,2022-03-02,37\n"
        );
        assert!(render_csv(&rows, true).starts_with('\u{FEFF}'));
    }
}
