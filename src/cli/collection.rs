//! `jiaodui collection DIR`: the issues of a collection by date with their progress; corrects
//! issue dates (`--set-date KEY=2021-06-10`), records decisions that hold in every issue
//! (`--merge`, `--split`, `--reject`) and takes in what editors changed in the projects
//! (`--refresh`).

use std::path::Path;

use rayon::prelude::*;

use super::CliError;
use super::table;
use crate::collection::{Collection, IssueDate};
use crate::i18n::Lang;
use crate::model::EntityKind;

/// The changes asked for on the command line, as typed.
pub struct Changes<'a> {
    pub set_dates: &'a [String],
    pub merges: &'a [String],
    pub splits: &'a [String],
    pub rejections: &'a [String],
}

pub fn run(dir: &Path, changes: &Changes, refresh: bool, lang: Lang) -> Result<(), CliError> {
    let mut collection = Collection::open(dir).map_err(|e| CliError(e.message(lang)))?;
    let mut changed = false;
    for assignment in changes.set_dates {
        let (key, date) = parse_assignment(assignment, lang)?;
        collection
            .set_date(key, date)
            .map_err(|e| CliError(e.message(lang)))?;
        changed = true;
    }
    for text in changes.merges {
        let (kind, rest) = kind_prefix(text);
        let (name, aliases) = rest
            .split_once('=')
            .filter(|(n, a)| !n.trim().is_empty() && !a.trim().is_empty())
            .ok_or_else(|| {
                CliError(match lang {
                    Lang::Zh => format!("“{text}”应写作 名称=别名,例如 张红军=张宏军"),
                    Lang::En => format!("'{text}' should read NAME=ALIAS, e.g. 张红军=张宏军"),
                })
            })?;
        let aliases: Vec<String> = aliases.split(',').map(|a| a.trim().to_string()).collect();
        collection.merge(kind, name.trim(), &aliases);
        changed = true;
    }
    for text in changes.splits {
        let (name, org) = text
            .split_once('@')
            .filter(|(n, o)| !n.trim().is_empty() && !o.trim().is_empty())
            .ok_or_else(|| {
                CliError(match lang {
                    Lang::Zh => format!("“{text}”应写作 姓名@机构,例如 张伟@财政局"),
                    Lang::En => format!("'{text}' should read NAME@ORG, e.g. 张伟@财政局"),
                })
            })?;
        collection.split(EntityKind::Person, name.trim(), org.trim());
        changed = true;
    }
    for text in changes.rejections {
        let (kind, text) = kind_prefix(text);
        collection.index.decisions.reject(text.trim(), kind);
        changed = true;
    }
    if refresh {
        let loaded: Vec<_> = collection
            .index
            .issues
            .par_iter()
            .map(|entry| (entry.key.clone(), collection.load_issue(&entry.key)))
            .collect();
        for (key, project) in loaded {
            match project {
                Ok(project) => collection
                    .record_issue(&key, &project)
                    .map_err(|e| CliError(e.message(lang)))?,
                Err(e) => eprintln!("{key}: {}", e.message(lang)),
            }
        }
        changed = true;
    }
    if changed {
        collection.save().map_err(|e| CliError(e.message(lang)))?;
    }
    print!("{}", issue_table(&collection, lang));
    Ok(())
}

/// `org:百川畅银` → (organization, `百川畅银`); no prefix means a person.
fn kind_prefix(text: &str) -> (EntityKind, &str) {
    for (prefix, kind) in [
        ("org:", EntityKind::Org),
        ("place:", EntityKind::Place),
        ("title:", EntityKind::Title),
        ("person:", EntityKind::Person),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (kind, rest);
        }
    }
    (EntityKind::Person, text)
}

/// `KEY=DATE` → the issue key and the date.
fn parse_assignment(text: &str, lang: Lang) -> Result<(&str, IssueDate), CliError> {
    let bad = || {
        CliError(match lang {
            Lang::Zh => format!("“{text}”应写作 期名=日期,例如 gaoxin-12=2021-06-10"),
            Lang::En => format!("'{text}' should read ISSUE=DATE, e.g. gaoxin-12=2021-06-10"),
        })
    };
    let (key, date) = text.rsplit_once('=').ok_or_else(bad)?;
    let date = IssueDate::parse(date).ok_or_else(bad)?;
    Ok((key.trim(), date))
}

/// The issues by date: date, issue, reviewed/articles, status, mentions, project file.
pub fn issue_table(collection: &Collection, lang: Lang) -> String {
    let header = [
        lang.pick("日期", "date"),
        lang.pick("期", "issue"),
        lang.pick("已校对/文章", "reviewed/articles"),
        lang.pick("状态", "status"),
        lang.pick("实体", "entities"),
        lang.pick("项目文件", "project"),
    ];
    let rows: Vec<Vec<String>> = collection
        .index
        .issues
        .iter()
        .map(|i| {
            vec![
                i.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| lang.pick("(无日期)", "(no date)").into()),
                i.key.clone(),
                format!("{}/{}", i.counts.reviewed, i.counts.articles),
                i.status.label(lang).to_string(),
                i.counts.mentions.to_string(),
                i.project.clone(),
            ]
        })
        .collect();
    table::render(&header, &rows, &[2, 4])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_assignments_parse() {
        let (key, date) = parse_assignment("gaoxin-12=2021-6-10", Lang::En).unwrap();
        assert_eq!(
            (key, date.to_string().as_str()),
            ("gaoxin-12", "2021-06-10")
        );
        assert!(parse_assignment("gaoxin-12", Lang::En).is_err());
        assert!(parse_assignment("g=2021-02-30", Lang::Zh).is_err());
    }

    #[test]
    fn kinds_are_read_from_their_prefix() {
        assert_eq!(kind_prefix("org:百川"), (EntityKind::Org, "百川"));
        assert_eq!(kind_prefix("张伟"), (EntityKind::Person, "张伟"));
        assert_eq!(kind_prefix("place:高新区"), (EntityKind::Place, "高新区"));
    }
}
