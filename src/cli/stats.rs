//! `jiaodui stats PROJECT`: the figures of a project, for a quick look or a script.

use std::collections::BTreeMap;
use std::path::Path;

use super::{CliError, load_project};
use crate::i18n::Lang;
use crate::model::{Project, SpanStatus};

pub fn run(path: &Path, lang: Lang) -> Result<(), CliError> {
    let project = load_project(path, lang)?;
    print!("{}", render(&project, lang));
    Ok(())
}

/// The report as text, one `label: value` a line.
pub fn render(project: &Project, lang: Lang) -> String {
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for article in &project.articles {
        for (_, field) in article.fields() {
            for span in &field.spans {
                let entry = by_kind.entry(span.kind.code().to_string()).or_default();
                match span.status {
                    SpanStatus::Suggested => entry.0 += 1,
                    SpanStatus::Confirmed => entry.1 += 1,
                }
            }
        }
    }
    let checked = project.articles.iter().filter(|a| a.checked).count();
    let mut out = String::new();
    let mut line = |label: &str, value: String| out.push_str(&format!("{label}: {value}\n"));
    line(lang.pick("来源", "source"), project.source.name.clone());
    line(
        lang.pick("编码", "encoding"),
        project.source.encoding.clone(),
    );
    line(
        lang.pick("原文行数", "raw lines"),
        project.source.text.split('\n').count().to_string(),
    );
    line(
        lang.pick("文章", "articles"),
        format!(
            "{} ({} {})",
            project.articles.len(),
            checked,
            lang.pick("已校", "checked")
        ),
    );
    line(
        lang.pick("段落", "paragraphs"),
        project.paragraph_count().to_string(),
    );
    line(
        lang.pick("修复断行", "joins"),
        project.join_count().to_string(),
    );
    line(
        lang.pick("版面杂项行", "furniture lines"),
        project.furniture.len().to_string(),
    );
    line(
        lang.pick("实体", "entities"),
        project.span_count().to_string(),
    );
    for (kind, (suggested, confirmed)) in by_kind {
        line(
            &format!("  {kind}"),
            format!(
                "{suggested} {}, {confirmed} {}",
                lang.pick("建议", "suggested"),
                lang.pick("已确认", "confirmed")
            ),
        );
    }
    line(
        lang.pick("登记实体", "registry entities"),
        project.registry.entities.len().to_string(),
    );
    line(
        lang.pick("官员", "officials"),
        project.registry.officials().count().to_string(),
    );
    line(
        lang.pick("已拒绝建议", "rejected suggestions"),
        project.rejected.len().to_string(),
    );
    out
}
