//! `jiaodui stats PROJECT`: the figures of a project, for a quick look or a script.

use std::collections::BTreeMap;
use std::path::Path;

use super::{CliError, load_project};
use crate::i18n::Lang;
use crate::model::{ParagraphKind, Project, SpanStatus};

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
    // Paragraphs that are not body text, by kind.
    for kind in ParagraphKind::ALL.into_iter().filter(|k| !k.is_body()) {
        let count = project
            .articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .filter(|p| p.kind == kind)
            .count();
        if count > 0 {
            line(&format!("  {}", kind.name(lang)), count.to_string());
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, Source, TextField};

    #[test]
    fn paragraphs_other_than_body_text_are_counted_by_kind() {
        let mut project = Project::new(Source::default());
        let mut article = Article::new(ArticleId(0));
        article.paragraphs = vec![
            TextField::plain("正文。"),
            TextField::plain("难点"),
            TextField::plain("亮点"),
        ];
        article.paragraphs[1].kind = ParagraphKind::Crosshead;
        article.paragraphs[2].kind = ParagraphKind::Crosshead;
        project.articles.push(article);
        let report = render(&project, Lang::En);
        assert!(
            report.contains("paragraphs: 3\n  Crosshead: 2\n"),
            "{report}"
        );
        assert!(!report.contains("Body") && !report.contains("Note"));
    }
}
