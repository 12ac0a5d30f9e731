//! `jiaodui find COLLECTION TEXT`: every place a text appears across the issues of a collection.

use std::path::Path;

use super::CliError;
use crate::collection::Collection;
use crate::collection::find::Archive;
use crate::i18n::Lang;
use crate::model::search::{Query, SearchOptions};

pub fn run(dir: &Path, text: &str, regex: bool, limit: usize, lang: Lang) -> Result<(), CliError> {
    let collection = Collection::open(dir).map_err(|e| CliError(e.message(lang)))?;
    let query = Query::new(
        text,
        SearchOptions {
            regex,
            ..SearchOptions::default()
        },
    )
    .map_err(|e| {
        CliError(match lang {
            Lang::Zh => format!("正则表达式有误:{}", e.0),
            Lang::En => format!("the regular expression does not parse: {}", e.0),
        })
    })?;
    let (archive, failed) = Archive::load(&collection);
    for (key, error) in failed {
        eprintln!("{key}: {}", error.message(lang));
    }
    let hits = archive.find(&query, limit);
    for hit in &hits {
        let (before, found, after) = &hit.context;
        println!(
            "{}\t{}\t{} {}\t{}\t{before}【{found}】{after}",
            hit.date.map(|d| d.to_string()).unwrap_or_default(),
            hit.issue,
            lang.pick("文章", "article"),
            hit.at.article + 1,
            hit.headline,
        );
    }
    eprintln!(
        "{}",
        match lang {
            Lang::Zh => format!("{} 处,共 {} 期", hits.len(), archive.len()),
            Lang::En => format!("{} hits in {} issues", hits.len(), archive.len()),
        }
    );
    Ok(())
}
