//! Plain text: the corrected articles as an editor reads them.
//!
//! Each article is its headline stack (kicker, headline, deck) one line each, then the byline,
//! then the paragraphs, with a blank line between these blocks and between paragraphs. In the
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
    let stack: Vec<&str> = [
        FieldSlot::Kicker,
        FieldSlot::Headline,
        FieldSlot::Subheadline,
    ]
    .into_iter()
    .filter_map(|slot| article.field(slot))
    .filter(|f| !f.is_empty())
    .map(|f| f.text.as_str())
    .collect();
    let mut blocks: Vec<String> = Vec::new();
    if !stack.is_empty() {
        blocks.push(stack.join("\n"));
    }
    if !article.byline.is_empty() {
        blocks.push(article.byline.text.clone());
    }
    blocks.extend(
        article
            .paragraphs
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.text.clone()),
    );
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}
