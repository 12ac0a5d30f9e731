//! The index file of a collection (`collection.jiaodui-index.ron` in the folder): per-issue
//! entries, the editor's cross-issue decisions and the shared registry, as readable RON that
//! diffs cleanly. It holds counts and dates, never the articles, so a year of issues opens at
//! once; each project stays a self-contained file beside it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::decisions::Decisions;
use super::issue::IssueEntry;
use super::registry::SharedRegistry;
use crate::formats::project::{ProjectError, io_reason, write_atomically};
use crate::i18n::Lang;

/// The file name of the index inside a collection folder.
pub const INDEX_FILE: &str = "collection.jiaodui-index.ron";
/// The `format` tag at the top of every index.
pub const INDEX_FORMAT: &str = "jiaodui-collection";
/// The index version this build writes; newer ones are refused.
pub const INDEX_VERSION: u32 = 1;

/// Everything a collection knows beyond its projects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CollectionIndex {
    pub format: String,
    pub version: u32,
    /// The issues, by date (undated ones last), then by key.
    pub issues: Vec<IssueEntry>,
    #[serde(default)]
    pub decisions: Decisions,
    #[serde(default)]
    pub registry: SharedRegistry,
}

impl Default for CollectionIndex {
    fn default() -> Self {
        CollectionIndex {
            format: INDEX_FORMAT.to_string(),
            version: INDEX_VERSION,
            issues: Vec::new(),
            decisions: Decisions::default(),
            registry: SharedRegistry::default(),
        }
    }
}

/// Why a collection index could not be read or written.
#[derive(Debug)]
pub enum IndexError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The file is not a collection index.
    NotAnIndex { path: PathBuf },
    /// Written by a newer version of the program.
    Newer { version: u32 },
    /// RON syntax or a field of the wrong shape at `line`:`column`.
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
}

impl IndexError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            IndexError::Io { path, error } => match lang {
                Lang::Zh => format!("无法读写 {}:{}", path.display(), io_reason(error, lang)),
                Lang::En => format!(
                    "cannot read or write {}: {}",
                    path.display(),
                    io_reason(error, lang)
                ),
            },
            IndexError::NotAnIndex { path } => match lang {
                Lang::Zh => format!("{} 不是校对合集的索引文件。", path.display()),
                Lang::En => format!("{} is not a Jiaodui collection index.", path.display()),
            },
            IndexError::Newer { version } => match lang {
                Lang::Zh => format!(
                    "这个合集由更新版本的校对写成(索引版本 {version});请升级程序后再打开。没有改动任何文件。"
                ),
                Lang::En => format!(
                    "this collection was written by a newer Jiaodui (index version {version}); upgrade to open it. Nothing was changed."
                ),
            },
            IndexError::Corrupt {
                path,
                line,
                column,
                detail,
            } => match lang {
                Lang::Zh => format!(
                    "合集索引 {} 已损坏(第 {line} 行第 {column} 列:{detail});文件未被改动。",
                    path.display()
                ),
                Lang::En => format!(
                    "the collection index {} is damaged (line {line}, column {column}: {detail}); it was left untouched.",
                    path.display()
                ),
            },
        }
    }
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for IndexError {}

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

impl CollectionIndex {
    /// The index as the RON text [`CollectionIndex::save`] writes.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .struct_names(false)
            .escape_strings(false)
            .indentor("  ")
            .new_line("\n");
        ron::ser::to_string_pretty(self, config).expect("an index always serialises") + "\n"
    }

    /// Parses an index read from `path` (named in messages).
    pub fn from_ron(text: &str, path: &Path) -> Result<CollectionIndex, IndexError> {
        let corrupt = |e: ron::error::SpannedError| IndexError::Corrupt {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            detail: e.code.to_string(),
        };
        let header: Header = ron::from_str(text).map_err(|e| {
            if text.contains(INDEX_FORMAT) {
                corrupt(e)
            } else {
                IndexError::NotAnIndex {
                    path: path.to_path_buf(),
                }
            }
        })?;
        if header.format != INDEX_FORMAT {
            return Err(IndexError::NotAnIndex {
                path: path.to_path_buf(),
            });
        }
        if header.version > INDEX_VERSION {
            return Err(IndexError::Newer {
                version: header.version,
            });
        }
        ron::from_str(text).map_err(corrupt)
    }

    /// Reads the index at `path`; the file is never changed.
    pub fn load(path: &Path) -> Result<CollectionIndex, IndexError> {
        let bytes = std::fs::read(path).map_err(|error| IndexError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| IndexError::NotAnIndex {
            path: path.to_path_buf(),
        })?;
        CollectionIndex::from_ron(&text, path)
    }

    /// Writes the index atomically (temporary file, then rename), keeping the previous one as
    /// `.bak`.
    pub fn save(&self, path: &Path) -> Result<(), IndexError> {
        write_atomically(path, self.to_ron().as_bytes(), true).map_err(|e| match e {
            ProjectError::Io { path, error } => IndexError::Io { path, error },
            other => IndexError::Io {
                path: path.to_path_buf(),
                error: std::io::Error::other(other.to_string()),
            },
        })
    }

    /// Keeps the issues in date order (undated last), then by key.
    pub fn sort_issues(&mut self) {
        self.issues.sort_by(|a, b| {
            (a.date.is_none(), a.date, &a.key).cmp(&(b.date.is_none(), b.date, &b.key))
        });
    }

    pub fn issue(&self, key: &str) -> Option<&IssueEntry> {
        self.issues.iter().find(|i| i.key == key)
    }

    pub fn issue_mut(&mut self, key: &str) -> Option<&mut IssueEntry> {
        self.issues.iter_mut().find(|i| i.key == key)
    }
}
