//! Plain text: the corrected articles as an editor reads them.
//!
//! Each article is its headline stack (kicker, headline, deck) one line each, then the byline
//! and the paragraphs in the order of the raw text (a byline that closes the article in the
//! source closes it here), with a blank line between these blocks and between paragraphs. In the
//! combined file, articles are separated by two blank lines. Empty fields are left out; every
//! char of every other field is written as it is.

use super::export::{ExportOptions, per_article_or_combined};
use crate::model::{Article, FieldSlot, Project};

/// Renders the articles as one combined `articles.txt` or one file per article.
pub fn render(project: &Project, options: &ExportOptions) -> Vec<(String, String)> {
    per_article_or_combined(project, options, "txt", "\n\n", article_text)
}

/// One article as text, ending with a line end.
pub fn article_text(article: &Article) -> String {
    let mut stack: Vec<&str> = Vec::new();
    let mut blocks: Vec<String> = Vec::new();
    for (slot, field) in article.fields_in_reading_order() {
        if field.is_empty() {
            continue;
        }
        match slot {
            FieldSlot::Kicker | FieldSlot::Headline | FieldSlot::Subheadline => {
                stack.push(&field.text)
            }
            _ => blocks.push(field.text.clone()),
        }
    }
    if !stack.is_empty() {
        blocks.insert(0, stack.join("\n"));
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, LineRange, TextField};

    fn article(byline_line: usize) -> Article {
        let mut article = Article::new(ArticleId(1));
        article.headline = TextField::from_lines("标题", vec![LineRange::new(1, 1)]);
        article.byline =
            TextField::from_lines("记者 王某", vec![LineRange::new(byline_line, byline_line)]);
        article.paragraphs = vec![
            TextField::from_lines("第一段。", vec![LineRange::new(3, 3)]),
            TextField::from_lines("第二段。", vec![LineRange::new(4, 4)]),
        ];
        article
    }

    #[test]
    fn a_byline_under_the_headline_stays_before_the_body() {
        assert_eq!(
            article_text(&article(2)),
            "标题\n\n记者 王某\n\n第一段。\n\n第二段。\n"
        );
    }

    #[test]
    fn a_byline_that_closes_the_article_in_the_source_closes_it_in_the_export() {
        assert_eq!(
            article_text(&article(5)),
            "标题\n\n第一段。\n\n第二段。\n\n记者 王某\n"
        );
    }

    #[test]
    fn a_typed_byline_without_raw_lines_stays_before_the_body() {
        let mut typed = article(5);
        typed.byline = TextField::plain("记者 王某");
        assert!(article_text(&typed).starts_with("标题\n\n记者 王某\n\n"));
    }
}
