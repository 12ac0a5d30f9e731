//! Finding text across a whole collection: every hit with its issue, article and context.
//!
//! The first search loads the texts of every issue (in parallel) and keeps only the article
//! fields, folded once for width-insensitive matching, so later searches run over memory, one
//! issue per core.

use rayon::prelude::*;

use super::{Collection, CollectionError, IssueDate};
use crate::model::search::{Query, fold_text};
use crate::model::{FieldRef, FieldSlot};

/// The searchable text of one issue.
#[derive(Clone, Debug)]
struct IssueText {
    key: String,
    date: Option<IssueDate>,
    articles: Vec<ArticleText>,
}

#[derive(Clone, Debug)]
struct ArticleText {
    headline: String,
    /// Each field's text and its width-folded form (see [`fold_text`]).
    fields: Vec<(FieldSlot, String, String)>,
}

/// One hit of a search across the collection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectionHit {
    pub issue: String,
    pub date: Option<IssueDate>,
    /// The hit's field; `at.article` is the article's position in its issue.
    pub at: FieldRef,
    pub headline: String,
    /// Chars of the field.
    pub start: usize,
    pub end: usize,
    /// The text before the hit, the hit, and the text after it (a few chars each side).
    pub context: (String, String, String),
}

/// The texts of a collection's issues, loaded once for searching.
#[derive(Clone, Debug, Default)]
pub struct Archive {
    issues: Vec<IssueText>,
}

/// Chars of context shown on each side of a hit.
const CONTEXT_CHARS: usize = 16;

impl Archive {
    /// Loads the article texts of every issue, in date order. Issues whose project cannot be
    /// read are returned beside it, with the reason, and left out.
    pub fn load(collection: &Collection) -> (Archive, Vec<(String, CollectionError)>) {
        let loaded: Vec<_> = collection
            .index
            .issues
            .par_iter()
            .map(|entry| {
                let project = collection.load_issue(&entry.key)?;
                let articles = project
                    .articles
                    .iter()
                    .map(|article| ArticleText {
                        headline: article.headline.text.clone(),
                        fields: article
                            .fields()
                            .filter(|(_, f)| !f.text.is_empty())
                            .map(|(slot, f)| (slot, f.text.clone(), fold_text(&f.text)))
                            .collect(),
                    })
                    .collect();
                Ok::<_, CollectionError>(IssueText {
                    key: entry.key.clone(),
                    date: entry.date,
                    articles,
                })
            })
            .collect();
        let mut archive = Archive::default();
        let mut failed = Vec::new();
        for (entry, result) in collection.index.issues.iter().zip(loaded) {
            match result {
                Ok(text) => archive.issues.push(text),
                Err(e) => failed.push((entry.key.clone(), e)),
            }
        }
        (archive, failed)
    }

    /// How many issues are loaded.
    pub fn len(&self) -> usize {
        self.issues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// Every hit of `query`, issue by issue in date order, at most `limit` of them.
    pub fn find(&self, query: &Query, limit: usize) -> Vec<CollectionHit> {
        let per_issue: Vec<Vec<CollectionHit>> = self
            .issues
            .par_iter()
            .map(|issue| {
                let mut hits = Vec::new();
                for (a, article) in issue.articles.iter().enumerate() {
                    for (slot, text, folded) in &article.fields {
                        let found = query.find_in_folded(text, folded);
                        if found.is_empty() {
                            continue;
                        }
                        let chars: Vec<char> = text.chars().collect();
                        for (start, end) in found {
                            if hits.len() >= limit {
                                return hits;
                            }
                            let from = start.saturating_sub(CONTEXT_CHARS);
                            let to = (end + CONTEXT_CHARS).min(chars.len());
                            hits.push(CollectionHit {
                                issue: issue.key.clone(),
                                date: issue.date,
                                at: FieldRef::new(a, *slot),
                                headline: article.headline.clone(),
                                start,
                                end,
                                context: (
                                    chars[from..start].iter().collect(),
                                    chars[start..end].iter().collect(),
                                    chars[end..to].iter().collect(),
                                ),
                            });
                        }
                    }
                }
                hits
            })
            .collect();
        per_issue.into_iter().flatten().take(limit).collect()
    }
}
