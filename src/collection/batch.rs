//! Batch import: many raw bulletins (a folder, a list of files) into one collection, in
//! parallel on every core, resumable, and never stopped by one bad file.
//!
//! Each file becomes a project named after it (`gaoxin-2021-06-10.txt` →
//! `gaoxin-2021-06-10.jiaodui.ron`) in the collection folder, with the collection's decisions
//! applied before its suggestions are made. A file already imported from the same bytes is
//! skipped (unless forced), so an interrupted batch is finished by running it again. The index
//! is written every few files and at the end, atomically.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::Collection;
use super::date::{self, DateSource, IssueDate};
use super::decisions::Decisions;
use super::index::IndexError;
use super::issue::{IssueCounts, IssueEntry, IssueStatus};
use super::registry::IssueContribution;
use crate::formats::project::{self, io_reason};
use crate::i18n::Lang;
use crate::model::Project;
use crate::pipeline::{self, entities::Tagger};

/// The endings of the raw files a folder contributes (case-insensitive).
pub const RAW_ENDINGS: [&str; 2] = ["txt", "docx"];

/// How often the index is written while a batch runs, so that an interruption loses little.
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// What happened to one input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileStatus {
    Imported,
    /// Already in the collection from the same bytes.
    Skipped,
    /// Not imported; the reason is in the user's language.
    Refused(String),
    /// The batch was cancelled before this file.
    Cancelled,
}

/// One input file's result, as the summary table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileOutcome {
    pub path: PathBuf,
    /// The issue key (the project's name without its ending); empty when refused early.
    pub key: String,
    pub status: FileStatus,
    pub date: Option<IssueDate>,
    pub counts: IssueCounts,
}

/// Options of a batch.
#[derive(Clone, Copy, Debug)]
pub struct BatchOptions {
    /// Import again files already in the collection (their projects are replaced, the old file
    /// kept as `.bak`).
    pub force: bool,
    /// Make entity suggestions (off: structure only).
    pub with_entities: bool,
    pub lang: Lang,
}

/// The raw files named by `paths`: files as given, folders walked (sorted, recursively) for
/// `.txt` and `.docx` files. Paths that do not exist are returned as refused outcomes.
pub fn collect_inputs(paths: &[PathBuf], lang: Lang) -> (Vec<PathBuf>, Vec<FileOutcome>) {
    let mut files = Vec::new();
    let mut refused = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut refused, lang);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            refused.push(refusal(path, "", lang.pick("文件不存在", "file not found")));
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    (files, refused)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, refused: &mut Vec<FileOutcome>, lang: Lang) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            refused.push(refusal(dir, "", &io_reason(&e, lang)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, refused, lang);
        } else if is_raw_file(&path) {
            files.push(path);
        }
    }
}

/// Whether a folder's file is a raw bulletin to import (`.txt`, `.docx`).
pub fn is_raw_file(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| RAW_ENDINGS.contains(&e.as_str()))
}

fn refusal(path: &Path, key: &str, reason: &str) -> FileOutcome {
    FileOutcome {
        path: path.to_path_buf(),
        key: key.to_string(),
        status: FileStatus::Refused(reason.to_string()),
        date: None,
        counts: IssueCounts::default(),
    }
}

/// The issue key of a raw file: its name without the ending (`gaoxin-2021-06-10`).
pub fn issue_key(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The project file name of an issue key.
pub fn project_file_name(key: &str) -> String {
    format!("{key}.{}", project::EXTENSION)
}

/// One file to import, once names are checked.
struct Work {
    path: PathBuf,
    key: String,
    existing: Option<IssueEntry>,
}

/// What a worker found for one file, to be taken into the index.
struct Done {
    outcome: FileOutcome,
    entry: Option<IssueEntry>,
    contribution: Option<IssueContribution>,
}

/// Imports `files` into `collection` in parallel (on the current rayon pool), calling
/// `progress` after each file and stopping early when `cancel` is set. Writes projects and the
/// index; returns one outcome per file, in the order of `files`. Only a failure to write the
/// index stops the batch with an error (the projects written so far stay, and a second run
/// picks them up).
pub fn import(
    collection: &mut Collection,
    files: &[PathBuf],
    options: BatchOptions,
    progress: &(dyn Fn(&FileOutcome) + Sync),
    cancel: &AtomicBool,
) -> Result<Vec<FileOutcome>, IndexError> {
    let lang = options.lang;
    std::fs::create_dir_all(&collection.dir).map_err(|error| IndexError::Io {
        path: collection.dir.clone(),
        error,
    })?;
    let mut planned: Vec<Result<Work, FileOutcome>> = Vec::with_capacity(files.len());
    let mut keys = std::collections::HashMap::new();
    for path in files {
        let key = issue_key(path);
        if let Some(first) = keys.insert(key.clone(), path.clone()) {
            let reason = match lang {
                Lang::Zh => format!(
                    "与 {} 同名,会写入同一个项目;请改名后再导入",
                    first.display()
                ),
                Lang::En => format!(
                    "has the same name as {} and would write the same project; rename one",
                    first.display()
                ),
            };
            keys.insert(key.clone(), first);
            planned.push(Err(refusal(path, &key, &reason)));
            continue;
        }
        planned.push(Ok(Work {
            path: path.clone(),
            existing: collection.index.issue(&key).cloned(),
            key,
        }));
    }

    let decisions = collection.index.decisions.clone();
    let dir = collection.dir.clone();
    let state = Mutex::new((collection, Instant::now(), None::<IndexError>));
    let outcomes: Vec<FileOutcome> = planned
        .into_par_iter()
        .map(|work| {
            let done = match work {
                Err(outcome) => Done {
                    outcome,
                    entry: None,
                    contribution: None,
                },
                Ok(work) if cancel.load(Ordering::Relaxed) => Done {
                    outcome: FileOutcome {
                        status: FileStatus::Cancelled,
                        ..refusal(&work.path, &work.key, "")
                    },
                    entry: None,
                    contribution: None,
                },
                Ok(work) => import_one(&work, &dir, &decisions, options),
            };
            let mut state = state.lock().unwrap_or_else(|p| p.into_inner());
            let (collection, last_save, failure) = &mut *state;
            if let (Some(entry), Some(contribution)) = (done.entry, &done.contribution) {
                let index = &mut collection.index;
                if index.issue(&entry.key).is_some() {
                    index.registry.remove_issue(&entry.key);
                }
                index.registry.fold(contribution, &decisions);
                match index.issue_mut(&entry.key) {
                    Some(old) => *old = entry,
                    None => index.issues.push(entry),
                }
                if last_save.elapsed() > SAVE_EVERY {
                    index.sort_issues();
                    if let Err(e) = collection.save() {
                        *failure = Some(e);
                    }
                    *last_save = Instant::now();
                }
            }
            progress(&done.outcome);
            done.outcome
        })
        .collect();
    let (collection, _, failure) = state.into_inner().unwrap_or_else(|p| p.into_inner());
    if let Some(error) = failure {
        return Err(error);
    }
    collection.index.sort_issues();
    collection.save()?;
    Ok(outcomes)
}

/// Imports one file, turning a panic inside the pipeline into a refusal so that the rest of the
/// batch goes on.
fn import_one(work: &Work, dir: &Path, decisions: &Decisions, options: BatchOptions) -> Done {
    let lang = options.lang;
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        import_unguarded(work, dir, decisions, options)
    }));
    match caught {
        Ok(done) => done,
        Err(_) => Done {
            outcome: refusal(
                &work.path,
                &work.key,
                lang.pick(
                    "导入时程序内部出错;其他文件照常导入。请把这个文件报告给开发者",
                    "an internal error while importing; the other files went on. Please report this file",
                ),
            ),
            entry: None,
            contribution: None,
        },
    }
}

fn import_unguarded(work: &Work, dir: &Path, decisions: &Decisions, options: BatchOptions) -> Done {
    let lang = options.lang;
    let refused = |reason: String| Done {
        outcome: refusal(&work.path, &work.key, &reason),
        entry: None,
        contribution: None,
    };
    let bytes = match std::fs::read(&work.path) {
        Ok(bytes) => bytes,
        Err(e) => return refused(io_reason(&e, lang)),
    };
    let sha = pipeline::sha256_hex(&bytes);
    let file_name = work.path.file_name().unwrap_or_default().to_string_lossy();
    let project_name = project_file_name(&work.key);
    let project_path = dir.join(&project_name);

    if !options.force {
        match &work.existing {
            Some(entry) if entry.source_sha256 == sha && dir.join(&entry.project).exists() => {
                return Done {
                    outcome: FileOutcome {
                        path: work.path.clone(),
                        key: work.key.clone(),
                        status: FileStatus::Skipped,
                        date: entry.date,
                        counts: entry.counts,
                    },
                    entry: None,
                    contribution: None,
                };
            }
            Some(_) if project_path.exists() => {
                return refused(
                    lang.pick(
                        "合集中已有同名的一期,但原始文本不同;加 --force 重新导入(旧项目保留为 .bak)",
                        "the collection has an issue of this name from a different text; add --force to import it again (the old project is kept as .bak)",
                    )
                    .to_string(),
                );
            }
            _ if project_path.exists() => {
                // A project left by an interrupted batch: taken in if it is of these bytes.
                return match project::load(&project_path) {
                    Ok(project) if project.source.sha256 == sha => finished(
                        work,
                        &project_name,
                        &project,
                        &file_name,
                        &sha,
                        FileStatus::Skipped,
                    ),
                    _ => refused(match lang {
                        Lang::Zh => format!(
                            "{} 已存在且不是由这个文件导入的;加 --force 覆盖(旧文件保留为 .bak)",
                            project_path.display()
                        ),
                        Lang::En => format!(
                            "{} exists and was not imported from this file; add --force to replace it (the old file is kept as .bak)",
                            project_path.display()
                        ),
                    }),
                };
            }
            _ => {}
        }
    }

    let imported = if options.with_entities {
        pipeline::import_prepared_with(&bytes, &file_name, Tagger::shared(), |project| {
            decisions.prepare(project)
        })
    } else {
        pipeline::import_structure(&bytes, &file_name)
    };
    let mut project = match imported {
        Ok(project) => project,
        Err(e) => return refused(e.message(lang)),
    };
    Decisions::prune_unmentioned(&mut project);
    if let Err(e) = project::save(&project, &project_path) {
        return refused(e.message(lang));
    }
    let mut done = finished(
        work,
        &project_name,
        &project,
        &file_name,
        &sha,
        FileStatus::Imported,
    );
    if let (Some(entry), Some(old)) = (&mut done.entry, &work.existing)
        && old.date_from == DateSource::Editor
    {
        entry.date = old.date;
        entry.date_from = DateSource::Editor;
        done.outcome.date = old.date;
    }
    done
}

/// The index entry and registry contribution of an imported (or recovered) project.
fn finished(
    work: &Work,
    project_name: &str,
    project: &Project,
    file_name: &str,
    sha: &str,
    status: FileStatus,
) -> Done {
    let (date, date_from) = date::detect(file_name, &project.source.text);
    let mut entry = IssueEntry {
        key: work.key.clone(),
        project: project_name.to_string(),
        source: file_name.to_string(),
        source_sha256: sha.to_string(),
        date,
        date_from,
        counts: IssueCounts::default(),
        status: IssueStatus::New,
    };
    entry.refresh(project);
    Done {
        outcome: FileOutcome {
            path: work.path.clone(),
            key: work.key.clone(),
            status,
            date,
            counts: entry.counts,
        },
        contribution: Some(IssueContribution::of(&work.key, project)),
        entry: Some(entry),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_project_names_follow_the_source() {
        let path = Path::new("in/gaoxin-2021-06-10.txt");
        assert_eq!(issue_key(path), "gaoxin-2021-06-10");
        assert_eq!(
            project_file_name(&issue_key(path)),
            "gaoxin-2021-06-10.jiaodui.ron"
        );
        assert!(is_raw_file(Path::new("a/B.TXT")));
        assert!(is_raw_file(Path::new("a/b.docx")));
        assert!(!is_raw_file(Path::new("a/b.jiaodui.ron")));
    }
}
