//! `jiaodui import RAW [-o OUT]`: raw OCR text → project file.
//! (Many files into a collection: see `batch`.)

use std::path::{Path, PathBuf};

use super::CliError;
use crate::formats::project::{self, io_reason};
use crate::i18n::Lang;
use crate::pipeline;

/// The single-file form: exactly one raw file.
pub fn run_single(
    inputs: &[PathBuf],
    output: Option<PathBuf>,
    force: bool,
    with_entities: bool,
    lang: Lang,
) -> Result<(), CliError> {
    match inputs {
        [raw] if !raw.is_dir() => run(raw, output, force, with_entities, lang),
        _ => Err(CliError(
            lang.pick(
                "要导入多个文件或一个文件夹,请用 --collection 指定合集文件夹",
                "to import several files or a folder, name a collection folder with --collection",
            )
            .into(),
        )),
    }
}

pub fn run(
    raw: &Path,
    output: Option<PathBuf>,
    force: bool,
    with_entities: bool,
    lang: Lang,
) -> Result<(), CliError> {
    let output = output.unwrap_or_else(|| default_output(raw));
    if crate::formats::export::Protected::new([raw.to_path_buf()]).covers_file(&output) {
        return Err(CliError(match lang {
            Lang::Zh => format!(
                "{} 是要导入的原始文本,不能被项目覆盖;请用 -o 另选文件名",
                output.display()
            ),
            Lang::En => format!(
                "{} is the raw text being imported and is never overwritten; choose another name with -o",
                output.display()
            ),
        }));
    }
    if output.exists() && !force {
        return Err(CliError(match lang {
            Lang::Zh => format!(
                "{} 已存在;加 --force 覆盖(旧文件保留为 .bak)",
                output.display()
            ),
            Lang::En => format!(
                "{} already exists; add --force to replace it (the old file is kept as .bak)",
                output.display()
            ),
        }));
    }
    let bytes = std::fs::read(raw)
        .map_err(|e| CliError(format!("{}: {}", raw.display(), io_reason(&e, lang))))?;
    let name = raw
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = if with_entities {
        pipeline::import(&bytes, &name)
    } else {
        pipeline::import_structure(&bytes, &name)
    };
    let project =
        imported.map_err(|e| CliError(format!("{}: {}", raw.display(), e.message(lang))))?;
    project::save(&project, &output).map_err(|e| CliError(e.message(lang)))?;
    let figures = [
        (
            lang.pick("编码", "encoding"),
            project.source.encoding.clone(),
        ),
        (
            lang.pick("文章", "articles"),
            project.articles.len().to_string(),
        ),
        (
            lang.pick("段落", "paragraphs"),
            project.paragraph_count().to_string(),
        ),
        (
            lang.pick("修复断行", "joins"),
            project.join_count().to_string(),
        ),
        (
            lang.pick("版面杂项行", "furniture lines"),
            project.furniture.len().to_string(),
        ),
        (
            lang.pick("实体", "entities"),
            project.span_count().to_string(),
        ),
    ];
    for (label, value) in figures {
        println!("{label}: {value}");
    }
    println!("{}: {}", lang.pick("已写入", "written"), output.display());
    Ok(())
}

/// `dir/bulletin.txt` → `dir/bulletin.jiaodui.ron`.
fn default_output(raw: &Path) -> PathBuf {
    let stem = raw.file_stem().unwrap_or_default().to_string_lossy();
    raw.with_file_name(format!("{stem}.{}", project::EXTENSION))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_output_replaces_the_ending() {
        assert_eq!(
            default_output(Path::new("a/b/bulletin.txt")),
            PathBuf::from("a/b/bulletin.jiaodui.ron")
        );
    }
}
