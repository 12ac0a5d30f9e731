//! The RON project file: load, save (atomic, with a `.bak`), versions.
//!
//! A project is one human-readable RON file that diffs cleanly in git: `format` and `version`
//! first, fields in a fixed order, the raw text one line per RON line. Saving writes a temporary
//! file beside the target, flushes it to disk and renames it over the target, so a crash at any
//! moment leaves either the old or the new project, never a half-written one; the previous file
//! is kept as `NAME.bak`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;
use crate::model::{FORMAT_TAG, FORMAT_VERSION, Project};

/// The file name ending of project files.
pub const EXTENSION: &str = "jiaodui.ron";

/// Why a project could not be loaded or saved.
#[derive(Debug)]
pub enum ProjectError {
    /// The file could not be read or written.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The file is not a Jiaodui project at all (wrong `format`, not text).
    NotAProject,
    /// The file was written by a newer version of the program.
    Newer { version: u32 },
    /// The file is damaged: RON syntax or a field of the wrong shape, at `line`:`column`.
    /// `cut_short` when the file simply stops (a copy or save interrupted half-way), which
    /// tells the editor to look for the rest rather than for a typo.
    Corrupt {
        line: usize,
        column: usize,
        detail: String,
        cut_short: bool,
    },
    /// The file parses but its content is inconsistent (a span outside its text, …).
    Invalid { detail: String },
}

impl ProjectError {
    /// The message for the user, in their language, saying what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProjectError::Io { path, error } => match lang {
                Lang::Zh => format!("无法读写文件 {}:{}", path.display(), io_reason(error, lang)),
                Lang::En => format!("cannot read or write {}: {}", path.display(), io_reason(error, lang)),
            },
            ProjectError::NotAProject => lang
                .pick(
                    "这不是校对项目文件(.jiaodui.ron)。要打开原始文本,请用“新建项目”或 import。",
                    "this is not a Jiaodui project file (.jiaodui.ron). To open a raw text, use New project or `import`.",
                )
                .to_string(),
            ProjectError::Newer { version } => match lang {
                Lang::Zh => format!(
                    "此项目由更新版本的校对保存(格式版本 {version},本程序支持到 {FORMAT_VERSION})。请升级程序后再打开;文件未作任何改动。"
                ),
                Lang::En => format!(
                    "this project was saved by a newer Jiaodui (format version {version}; this program reads up to {FORMAT_VERSION}). Update the program to open it; the file was not changed."
                ),
            },
            ProjectError::Corrupt {
                line,
                column,
                cut_short: true,
                ..
            } => match lang {
                Lang::Zh => format!(
                    "项目文件不完整,在第 {line} 行第 {column} 列被截断。文件未作改动;可尝试打开同目录下的 .bak 备份。"
                ),
                Lang::En => format!(
                    "the project file was cut short: it stops at line {line}, column {column}. The file was not changed; try the .bak copy beside it."
                ),
            },
            ProjectError::Corrupt {
                line,
                column,
                detail,
                cut_short: false,
            } => match lang {
                Lang::Zh => format!(
                    "项目文件已损坏(第 {line} 行第 {column} 列:{detail})。文件未作改动;可尝试打开同目录下的 .bak 备份。"
                ),
                Lang::En => format!(
                    "the project file is damaged (line {line}, column {column}: {detail}). The file was not changed; try the .bak copy beside it."
                ),
            },
            ProjectError::Invalid { detail } => match lang {
                Lang::Zh => format!("项目文件内容不一致:{detail}。文件未作改动。"),
                Lang::En => format!("the project file is inconsistent: {detail}. The file was not changed."),
            },
        }
    }
}

impl std::fmt::Display for ProjectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ProjectError {}

/// A short reason for an I/O failure, naming the usual suspects (disk full, no permission).
pub fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => lang.pick("文件不存在", "file not found").into(),
        ErrorKind::PermissionDenied => lang.pick("没有权限", "permission denied").into(),
        ErrorKind::StorageFull => lang.pick("磁盘已满", "the disk is full").into(),
        ErrorKind::ReadOnlyFilesystem => lang.pick("只读文件系统", "read-only file system").into(),
        _ => error.to_string(),
    }
}

/// Just enough of a file to decide whether and how to read the rest.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Serialises a project as pretty RON, the exact text [`save`] writes.
pub fn to_ron(project: &Project) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .escape_strings(false)
        .indentor("  ")
        .new_line("\n");
    ron::ser::to_string_pretty(project, config).expect("a project always serialises") + "\n"
}

/// Parses a project from RON text: checks the format tag and version, then every field, then
/// the consistency of spans with their text.
pub fn from_ron(text: &str) -> Result<Project, ProjectError> {
    let header: Header = ron::from_str(text).map_err(|error| {
        // A file without a readable header is either not ours or damaged at the very top.
        if text.contains(FORMAT_TAG) {
            corrupt(&error, text)
        } else {
            ProjectError::NotAProject
        }
    })?;
    if header.format != FORMAT_TAG {
        return Err(ProjectError::NotAProject);
    }
    if header.version > FORMAT_VERSION {
        return Err(ProjectError::Newer {
            version: header.version,
        });
    }
    let project = migrate(header.version, text)?;
    validate(&project)?;
    Ok(project)
}

/// Reads a project written by format `version` (at most [`FORMAT_VERSION`]). Each format change
/// adds a step here that turns the older text into the current model; the project comes back
/// at the current version, and is saved at it.
fn migrate(version: u32, text: &str) -> Result<Project, ProjectError> {
    let parse = |text: &str| ron::from_str::<Project>(text).map_err(|e| corrupt(&e, text));
    let mut project = match version {
        // Version 1 had no paragraph kinds and no remembered structure corrections: every
        // paragraph is body text and nothing is remembered yet, which is what the defaults of
        // the new fields give.
        1 | FORMAT_VERSION => parse(text)?,
        other => {
            return Err(ProjectError::Invalid {
                detail: format!("unknown format version {other}"),
            });
        }
    };
    project.version = FORMAT_VERSION;
    Ok(project)
}

fn corrupt(error: &ron::error::SpannedError, text: &str) -> ProjectError {
    ProjectError::Corrupt {
        line: error.span.start.line,
        column: error.span.start.col,
        detail: error.code.to_string(),
        cut_short: error.code == ron::Error::Eof || ends_open(text),
    }
}

/// Whether `text` stops inside a string or with a bracket still open: what a file cut short
/// looks like, as opposed to one with a wrong character somewhere.
fn ends_open(text: &str) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    in_string || depth > 0
}

/// The error for bytes that are not UTF-8: a file that stops inside a character was cut short
/// there; one with a bad byte elsewhere is damaged at that byte's line — as long as what can be
/// read of it is a Jiaodui project at all.
fn not_utf8(bytes: &[u8], error: &std::str::Utf8Error) -> ProjectError {
    let readable = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
    if !readable.contains(FORMAT_TAG) {
        return ProjectError::NotAProject;
    }
    let line = readable.matches('\n').count() + 1;
    let column = readable.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    ProjectError::Corrupt {
        line,
        column,
        detail: "invalid UTF-8".into(),
        cut_short: error.error_len().is_none(),
    }
}

/// Checks what RON cannot: every span lies inside its field and spans do not overlap.
pub fn validate(project: &Project) -> Result<(), ProjectError> {
    for (a, article) in project.articles.iter().enumerate() {
        for (slot, field) in article.fields() {
            let len = field.char_len();
            let mut last_end = 0;
            for span in &field.spans {
                let place = || format!("article {} {:?}", a + 1, slot);
                if span.start >= span.end || span.end > len {
                    return Err(ProjectError::Invalid {
                        detail: format!(
                            "{}: span {}..{} outside its text ({} chars)",
                            place(),
                            span.start,
                            span.end,
                            len
                        ),
                    });
                }
                if span.start < last_end {
                    return Err(ProjectError::Invalid {
                        detail: format!("{}: overlapping spans at {}", place(), span.start),
                    });
                }
                last_end = span.end;
            }
            if let Some(join) = field.joins.iter().find(|j| j.at > len) {
                return Err(ProjectError::Invalid {
                    detail: format!(
                        "article {} {:?}: join mark at {} outside its text",
                        a + 1,
                        slot,
                        join.at
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Loads a project file. The file is only read, never changed.
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    let bytes = fs::read(path).map_err(|error| ProjectError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return Err(not_utf8(error.as_bytes(), &error.utf8_error())),
    };
    from_ron(&text)
}

/// The backup kept beside a project: `NAME.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling_with_suffix(path, ".bak")
}

/// `path` with `suffix` appended to its file name.
pub fn sibling_with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Saves a project atomically, keeping the previous file as `.bak`.
pub fn save(project: &Project, path: &Path) -> Result<(), ProjectError> {
    write_atomically(path, to_ron(project).as_bytes(), true)
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the new one: a
/// temporary file in the same directory, flushed to disk, then renamed over `path`. With
/// `keep_backup`, the previous file is first copied (atomically too) to `.bak`.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), ProjectError> {
    let io = |error| ProjectError::Io {
        path: path.to_path_buf(),
        error,
    };
    if keep_backup && path.exists() {
        let previous = fs::read(path).map_err(io)?;
        write_via_temp(&backup_path(path), &previous).map_err(io)?;
    }
    write_via_temp(path, bytes).map_err(io)
}

fn write_via_temp(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_via_temp_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// [`write_via_temp`] with the filling of the temporary file given, so tests can make it fail
/// half-way as a full disk would.
fn write_via_temp_with(
    path: &Path,
    bytes: &[u8],
    fill: impl FnOnce(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let temp = sibling_with_suffix(path, &format!(".tmp{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        fill(&mut file, bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_parent_dir(path);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Flushes the directory entry of a rename to disk where the platform allows it (Unix); on
/// Windows the rename itself is durable once it returns.
fn sync_parent_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(handle) = fs::File::open(dir) {
            let _ = handle.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disk_that_fills_during_save_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.jiaodui.ron");
        fs::write(&path, "old").unwrap();
        let result = write_via_temp_with(&path, b"new content that does not fit", |file, bytes| {
            file.write_all(&bytes[..5])?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        });
        let error = result.expect_err("the write fails");
        assert_eq!(io_reason(&error, Lang::Zh), "磁盘已满");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
