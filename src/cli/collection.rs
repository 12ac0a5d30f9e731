//! `jiaodui collection DIR`: the issues of a collection by date with their progress; corrects
//! issue dates (`--set-date KEY=2021-06-10`) and takes in what editors changed in the projects
//! (`--refresh`).

use std::path::Path;

use rayon::prelude::*;

use super::CliError;
use super::table;
use crate::collection::{Collection, IssueDate};
use crate::i18n::Lang;

pub fn run(dir: &Path, set_dates: &[String], refresh: bool, lang: Lang) -> Result<(), CliError> {
    let mut collection = Collection::open(dir).map_err(|e| CliError(e.message(lang)))?;
    let mut changed = false;
    for assignment in set_dates {
        let (key, date) = parse_assignment(assignment, lang)?;
        collection
            .set_date(key, date)
            .map_err(|e| CliError(e.message(lang)))?;
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
}
