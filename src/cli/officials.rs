//! `jiaodui officials COLLECTION --format csv|jsonl [-o FILE]`: officials over time — each
//! person's posts with first and last issue date (CSV), or every appearance (JSONL).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;
use crate::collection::{Collection, officials};
use crate::formats::export::ExportError;
use crate::i18n::Lang;

/// What the officials subcommand was asked for.
pub struct OfficialsRequest<'a> {
    pub collection: &'a Path,
    pub format: &'a str,
    pub output: Option<PathBuf>,
    pub org: Option<&'a str>,
    pub bom: bool,
    pub force: bool,
}

pub fn run(request: OfficialsRequest, lang: Lang) -> Result<(), CliError> {
    let collection = Collection::open(request.collection).map_err(|e| CliError(e.message(lang)))?;
    let content = match request.format.trim().to_ascii_lowercase().as_str() {
        "csv" => officials::render_csv(
            &officials::posts(&collection, request.org),
            request.bom && request.output.is_some(),
        ),
        "jsonl" => {
            let (appearances, failed) = officials::appearances(&collection, request.org);
            for (key, error) in failed {
                eprintln!("{key}: {}", error.message(lang));
            }
            officials::render_jsonl(&appearances)
        }
        other => {
            return Err(CliError(match lang {
                Lang::Zh => format!("未知的格式 “{other}”;可用:csv, jsonl"),
                Lang::En => format!("unknown format '{other}'; use csv or jsonl"),
            }));
        }
    };
    match request.output {
        Some(target) => {
            officials::write(&collection, &target, content, request.force).map_err(
                |e| match e {
                    ExportError::WouldReplace { .. } => CliError(format!(
                        "{} {}",
                        e.message(lang),
                        lang.pick("加 --force 可替换。", "Add --force to replace it.")
                    )),
                    e => CliError(e.message(lang)),
                },
            )?;
            eprintln!("{}: {}", lang.pick("已写入", "written"), target.display());
        }
        None => std::io::stdout()
            .lock()
            .write_all(content.as_bytes())
            .map_err(|e| CliError(e.to_string()))?,
    }
    Ok(())
}
