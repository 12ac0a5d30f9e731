//! `jiaodui import DIR_OR_FILES… --collection OUT`: many raw bulletins into one collection, on
//! every core, with a progress bar and a summary table at the end.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use indicatif::{ProgressBar, ProgressStyle};

use super::CliError;
use super::table;
use crate::collection::Collection;
use crate::collection::batch::{self, BatchOptions, FileOutcome, FileStatus};
use crate::i18n::Lang;

pub fn run(
    inputs: &[PathBuf],
    out: &std::path::Path,
    force: bool,
    with_entities: bool,
    lang: Lang,
) -> Result<(), CliError> {
    if out.is_file() && !out.ends_with(crate::collection::INDEX_FILE) {
        return Err(CliError(match lang {
            Lang::Zh => format!("{} 是一个文件;--collection 需要一个文件夹", out.display()),
            Lang::En => format!("{} is a file; --collection takes a folder", out.display()),
        }));
    }
    let mut collection = Collection::open_or_new(out).map_err(|e| CliError(e.message(lang)))?;
    let (files, mut refused) = batch::collect_inputs(inputs, lang);
    if files.is_empty() && refused.is_empty() {
        return Err(CliError(
            lang.pick(
                "没有找到可导入的文件(.txt 或 .docx)",
                "no files to import (.txt or .docx) were found",
            )
            .into(),
        ));
    }
    let bar = ProgressBar::new(files.len() as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40.cyan/blue} {pos}/{len} {elapsed_precise} (ETA {eta}) {wide_msg}",
        )
        .expect("the template is valid")
        .progress_chars("█▉░"),
    );
    let cancel = AtomicBool::new(false);
    let progress = |outcome: &FileOutcome| {
        bar.inc(1);
        bar.set_message(
            outcome
                .path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
        );
    };
    let outcomes = batch::import(
        &mut collection,
        &files,
        BatchOptions {
            force,
            with_entities,
            lang,
        },
        &progress,
        &cancel,
    )
    .map_err(|e| CliError(e.message(lang)))?;
    bar.finish_and_clear();
    let mut all = outcomes;
    all.append(&mut refused);
    print!("{}", summary(&all, lang));
    println!(
        "{}: {}",
        lang.pick("合集", "collection"),
        collection.index_path().display()
    );
    let refused = all
        .iter()
        .filter(|o| matches!(o.status, FileStatus::Refused(_)))
        .count();
    if refused > 0 {
        return Err(CliError(match lang {
            Lang::Zh => format!("{refused} 个文件未能导入(原因见上表);其余文件已导入"),
            Lang::En => format!(
                "{refused} of the files could not be imported (see the reasons above); the others were"
            ),
        }));
    }
    Ok(())
}

/// The table printed after a batch: one row per file, then the totals.
pub fn summary(outcomes: &[FileOutcome], lang: Lang) -> String {
    let header = [
        lang.pick("文件", "file"),
        lang.pick("状态", "status"),
        lang.pick("日期", "date"),
        lang.pick("文章", "articles"),
        lang.pick("修复断行", "joins"),
        lang.pick("实体", "entities"),
        lang.pick("原因", "reason"),
    ];
    let status = |s: &FileStatus| match s {
        FileStatus::Imported => lang.pick("已导入", "imported"),
        FileStatus::Skipped => lang.pick("已存在,跳过", "skipped"),
        FileStatus::Refused(_) => lang.pick("拒绝", "refused"),
        FileStatus::Cancelled => lang.pick("已取消", "cancelled"),
    };
    let mut rows: Vec<Vec<String>> = outcomes
        .iter()
        .map(|o| {
            let reason = match &o.status {
                FileStatus::Refused(reason) => reason.clone(),
                _ => String::new(),
            };
            let counted = matches!(o.status, FileStatus::Imported | FileStatus::Skipped);
            let n = |v: usize| {
                if counted {
                    v.to_string()
                } else {
                    String::new()
                }
            };
            vec![
                o.path.display().to_string(),
                status(&o.status).to_string(),
                o.date.map(|d| d.to_string()).unwrap_or_default(),
                n(o.counts.articles),
                n(o.counts.joins),
                n(o.counts.mentions),
                reason,
            ]
        })
        .collect();
    let count = |f: fn(&FileStatus) -> bool| outcomes.iter().filter(|o| f(&o.status)).count();
    let imported = count(|s| *s == FileStatus::Imported);
    let skipped = count(|s| *s == FileStatus::Skipped);
    let refused = count(|s| matches!(s, FileStatus::Refused(_)));
    let done = outcomes
        .iter()
        .filter(|o| matches!(o.status, FileStatus::Imported | FileStatus::Skipped));
    let sum = |f: fn(&FileOutcome) -> usize| done.clone().map(f).sum::<usize>().to_string();
    rows.push(vec![
        match lang {
            Lang::Zh => format!("合计 {} 个文件", outcomes.len()),
            Lang::En => format!("total: {} files", outcomes.len()),
        },
        match lang {
            Lang::Zh => format!("导入 {imported},跳过 {skipped},拒绝 {refused}"),
            Lang::En => format!("{imported} imported, {skipped} skipped, {refused} refused"),
        },
        String::new(),
        sum(|o| o.counts.articles),
        sum(|o| o.counts.joins),
        sum(|o| o.counts.mentions),
        String::new(),
    ]);
    table::render(&header, &rows, &[3, 4, 5])
}
