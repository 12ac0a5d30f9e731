//! `jiaodui export PROJECT --format F [-o PATH]`: the corrected articles in another format.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CliError, load_project};
use crate::formats::export::{self, ExportFormat, ExportOptions, RegistryFile};
use crate::i18n::Lang;

/// What the export subcommand was asked for.
pub struct ExportRequest<'a> {
    pub project: &'a Path,
    pub format: &'a str,
    pub output: Option<PathBuf>,
    pub options: ExportOptions,
    /// Replace existing files.
    pub force: bool,
}

pub fn run(request: ExportRequest, lang: Lang) -> Result<(), CliError> {
    let format = ExportFormat::from_code(request.format).ok_or_else(|| {
        let known: Vec<&str> = ExportFormat::all().iter().map(|f| f.code()).collect();
        CliError(match lang {
            Lang::Zh => format!(
                "未知的导出格式 “{}”;可用:{}",
                request.format,
                known.join(", ")
            ),
            Lang::En => format!(
                "unknown export format '{}'; use one of: {}",
                request.format,
                known.join(", ")
            ),
        })
    })?;
    let project = load_project(request.project, lang)?;
    match request.output {
        Some(target) => {
            let protected = export::Protected::for_project(&project, Some(request.project), None);
            let written = export::plan(&project, format, &request.options, &target, &protected)
                .and_then(|plan| plan.write(request.force))
                .map_err(|e| match e {
                    export::ExportError::WouldReplace { .. } => CliError(format!(
                        "{} {}",
                        e.message(lang),
                        lang.pick("加 --force 可替换。", "Add --force to replace them.")
                    )),
                    e => CliError(e.message(lang)),
                })?;
            for path in written {
                eprintln!("{}: {}", lang.pick("已写入", "written"), path.display());
            }
        }
        None if !format.is_text() => {
            return Err(CliError(match lang {
                Lang::Zh => format!(
                    "{} 格式写出 Word 文档,请用 -o 指定文件名(例如 -o 文章.docx)",
                    format.code()
                ),
                Lang::En => format!(
                    "the {} format writes a Word document: name the file with -o (for example -o articles.docx)",
                    format.code()
                ),
            }));
        }
        None if format.writes_directory(&request.options) => {
            return Err(CliError(match lang {
                Lang::Zh => format!(
                    "{} 格式会写出多个文件,请用 -o 指定一个文件夹",
                    format.code()
                ),
                Lang::En => format!(
                    "the {} format writes several files: name a folder with -o",
                    format.code()
                ),
            }));
        }
        None => {
            let files = export::render(&project, format, &request.options);
            let mut stdout = std::io::stdout().lock();
            for (_, content) in files {
                stdout
                    .write_all(&content)
                    .map_err(|e| CliError(e.to_string()))?;
            }
        }
    }
    Ok(())
}

/// Builds export options from the command-line flags.
pub fn options(
    per_article: bool,
    bold: bool,
    no_bom: bool,
    with_registry: bool,
    confirmed_only: bool,
    officials_table: bool,
) -> ExportOptions {
    ExportOptions {
        per_article,
        bold_entities: bold,
        csv_bom: !no_bom,
        registry_file: if with_registry {
            RegistryFile::Jsonl
        } else {
            RegistryFile::None
        },
        confirmed_only,
        officials_table,
    }
}
