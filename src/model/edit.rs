//! Edits: the one door through which anything changes a project.
//!
//! The window, the CLI and the tests never mutate a [`Project`] directly; they build an [`Edit`]
//! and [`Edit::apply`] it. Applying returns the inverse edit, which is what undo applies. Inverses
//! restore the exact previous state of what the edit touched (a field, a run of articles, the
//! registry), so undo is exact by construction rather than by careful bookkeeping.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::lessons::Lesson;
use super::project::{
    Article, EntityType, FieldRef, FieldSlot, FurnitureLine, LexiconEntry, Project, Rejection,
};
use super::registry::Registry;
use super::text::{ParagraphKind, Span, TextField};

/// Which neighbouring article a paragraph moves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// To the end of the previous article.
    Previous,
    /// To the start of the next article.
    Next,
}

/// A change to a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Replaces chars `start..end` of a field with `text`; spans and join marks move with it.
    ReplaceText {
        at: FieldRef,
        start: usize,
        end: usize,
        text: String,
    },
    /// Replaces a whole field (sets a kicker, headline, deck or byline; restores a paragraph).
    SetField { at: FieldRef, field: TextField },
    /// Joins paragraph `paragraph` with the one after it.
    JoinParagraphs { article: usize, paragraph: usize },
    /// Splits paragraph `paragraph` at char `at`; the text from `at` on becomes a new paragraph.
    SplitParagraph {
        article: usize,
        paragraph: usize,
        at: usize,
    },
    /// Starts a new article at paragraph `before_paragraph` of `article`.
    SplitArticle {
        article: usize,
        before_paragraph: usize,
    },
    /// Merges the article after `article` into it. The next article's headline stack becomes
    /// its first paragraphs, so nothing is lost; its byline is kept when `article` has none.
    MergeWithNext { article: usize },
    /// Moves a paragraph to the neighbouring article.
    MoveParagraph {
        article: usize,
        paragraph: usize,
        to: Direction,
    },
    /// Makes a paragraph the article's kicker, headline, deck or byline. A field already there
    /// becomes a paragraph in its place, so nothing is lost.
    ParagraphToField {
        article: usize,
        paragraph: usize,
        slot: FieldSlot,
    },
    /// Turns a header field (kicker, headline, deck, byline) into paragraph `index`.
    FieldToParagraph {
        article: usize,
        slot: FieldSlot,
        index: usize,
    },
    /// Adds a span. Spans it overlaps are removed: spans are flat, never nested.
    AddSpan { at: FieldRef, span: Span },
    /// Removes span `index` of a field.
    RemoveSpan { at: FieldRef, index: usize },
    /// Replaces span `index` of a field (retype, resize, confirm, link to an entity).
    SetSpan {
        at: FieldRef,
        index: usize,
        span: Span,
    },
    /// Sets what a paragraph is: body text, crosshead, note, caption or box.
    SetParagraphKind {
        article: usize,
        paragraph: usize,
        kind: ParagraphKind,
    },
    /// Replaces the structure corrections the project remembers (see [`super::lessons`]).
    SetLessons(Vec<Lesson>),
    /// Sets the editor's "checked" mark of an article.
    SetChecked { article: usize, checked: bool },
    /// Replaces `remove` articles starting at `start` with `insert` (the inverse of structure edits).
    ReplaceArticles {
        start: usize,
        remove: usize,
        insert: Vec<Article>,
    },
    /// Replaces the registry.
    SetRegistry(Registry),
    /// Replaces what the project has learnt: confirmed names and rejected suggestions.
    SetLearning {
        lexicon: Vec<LexiconEntry>,
        rejected: Vec<Rejection>,
    },
    /// Replaces the list of entity types.
    SetEntityTypes(Vec<EntityType>),
    /// Replaces the lines set aside as page furniture.
    SetFurniture(Vec<FurnitureLine>),
    /// Several edits as one step of undo, applied in order.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied. The project is unchanged when this is returned.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    #[error("no article {0}")]
    NoArticle(usize),
    #[error("no such field {0:?}")]
    NoField(FieldRef),
    #[error("offset {at} is outside the text ({len} chars)")]
    OutOfRange { at: usize, len: usize },
    #[error("no span {0} in that field")]
    NoSpan(usize),
    #[error("the span is empty or reversed")]
    EmptySpan,
    #[error("there is no neighbouring article in that direction")]
    NoNeighbour,
    #[error("{0:?} is not a header field")]
    NotHeader(FieldSlot),
    #[error("an article must keep at least one paragraph or field")]
    WouldEmpty,
}

impl Edit {
    /// Applies the edit and returns its inverse. On error nothing has changed.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::ReplaceText {
                at,
                start,
                end,
                text,
            } => {
                let field = field_mut(project, at)?;
                let len = field.char_len();
                if start > end || end > len {
                    return Err(EditError::OutOfRange { at: end, len });
                }
                let old = field.clone();
                field.replace(start, end, &text);
                Ok(Edit::SetField { at, field: old })
            }
            Edit::SetField { at, field } => {
                let slot = field_mut(project, at)?;
                let old = std::mem::replace(slot, field);
                Ok(Edit::SetField { at, field: old })
            }
            Edit::JoinParagraphs { article, paragraph } => edit_article(project, article, |a| {
                if paragraph + 1 >= a.paragraphs.len() {
                    return Err(EditError::NoField(FieldRef::new(
                        article,
                        FieldSlot::Paragraph(paragraph + 1),
                    )));
                }
                let next = a.paragraphs.remove(paragraph + 1);
                a.paragraphs[paragraph].append(next);
                Ok(())
            }),
            Edit::SplitParagraph {
                article,
                paragraph,
                at,
            } => {
                edit_article(project, article, |a| {
                    let field = a.paragraphs.get_mut(paragraph).ok_or(EditError::NoField(
                        FieldRef::new(article, FieldSlot::Paragraph(paragraph)),
                    ))?;
                    let len = field.char_len();
                    if at == 0 || at >= len {
                        return Err(EditError::OutOfRange { at, len });
                    }
                    let tail = field.split_off(at);
                    a.paragraphs.insert(paragraph + 1, tail);
                    Ok(())
                })
            }
            Edit::SplitArticle {
                article,
                before_paragraph,
            } => {
                let source = project
                    .articles
                    .get(article)
                    .ok_or(EditError::NoArticle(article))?;
                if before_paragraph >= source.paragraphs.len() {
                    return Err(EditError::OutOfRange {
                        at: before_paragraph,
                        len: source.paragraphs.len(),
                    });
                }
                let old = source.clone();
                let id = project.allocate_article_id();
                let first = &mut project.articles[article];
                let mut second = Article::new(id);
                second.paragraphs = first.paragraphs.split_off(before_paragraph);
                project.articles.insert(article + 1, second);
                Ok(Edit::ReplaceArticles {
                    start: article,
                    remove: 2,
                    insert: vec![old],
                })
            }
            Edit::MergeWithNext { article } => {
                if article + 1 >= project.articles.len() {
                    return Err(EditError::NoNeighbour);
                }
                let old = project.articles[article..article + 2].to_vec();
                let mut next = project.articles.remove(article + 1);
                let first = &mut project.articles[article];
                let mut moved: Vec<TextField> = Vec::new();
                for slot in [
                    FieldSlot::Kicker,
                    FieldSlot::Headline,
                    FieldSlot::Subheadline,
                ] {
                    let field = std::mem::take(next.field_mut(slot).expect("header field"));
                    if !field.is_empty() {
                        moved.push(field);
                    }
                }
                if first.byline.is_empty() {
                    first.byline = std::mem::take(&mut next.byline);
                } else if !next.byline.is_empty() {
                    next.paragraphs.push(std::mem::take(&mut next.byline));
                }
                first.paragraphs.extend(moved);
                first.paragraphs.append(&mut next.paragraphs);
                first.decisions.append(&mut next.decisions);
                first.checked = first.checked && next.checked;
                Ok(Edit::ReplaceArticles {
                    start: article,
                    remove: 1,
                    insert: old,
                })
            }
            Edit::MoveParagraph {
                article,
                paragraph,
                to,
            } => {
                let target = match to {
                    Direction::Previous => article.checked_sub(1),
                    Direction::Next => Some(article + 1),
                }
                .filter(|&t| t < project.articles.len())
                .ok_or(EditError::NoNeighbour)?;
                let source = project
                    .articles
                    .get(article)
                    .ok_or(EditError::NoArticle(article))?;
                if paragraph >= source.paragraphs.len() {
                    return Err(EditError::NoField(FieldRef::new(
                        article,
                        FieldSlot::Paragraph(paragraph),
                    )));
                }
                let start = article.min(target);
                let old = project.articles[start..start + 2].to_vec();
                let moved = project.articles[article].paragraphs.remove(paragraph);
                let target_article = &mut project.articles[target];
                match to {
                    Direction::Previous => target_article.paragraphs.push(moved),
                    Direction::Next => target_article.paragraphs.insert(0, moved),
                }
                Ok(Edit::ReplaceArticles {
                    start,
                    remove: 2,
                    insert: old,
                })
            }
            Edit::ParagraphToField {
                article,
                paragraph,
                slot,
            } => {
                if slot.paragraph().is_some() {
                    return Err(EditError::NotHeader(slot));
                }
                edit_article(project, article, |a| {
                    if paragraph >= a.paragraphs.len() {
                        return Err(EditError::NoField(FieldRef::new(
                            article,
                            FieldSlot::Paragraph(paragraph),
                        )));
                    }
                    let field = a.paragraphs.remove(paragraph);
                    let previous =
                        std::mem::replace(a.field_mut(slot).expect("header field"), field);
                    if !previous.is_empty() {
                        a.paragraphs.insert(paragraph, previous);
                    }
                    Ok(())
                })
            }
            Edit::FieldToParagraph {
                article,
                slot,
                index,
            } => {
                if slot.paragraph().is_some() {
                    return Err(EditError::NotHeader(slot));
                }
                edit_article(project, article, |a| {
                    if index > a.paragraphs.len() {
                        return Err(EditError::OutOfRange {
                            at: index,
                            len: a.paragraphs.len(),
                        });
                    }
                    let field = std::mem::take(a.field_mut(slot).expect("header field"));
                    if field.is_empty() {
                        return Err(EditError::NoField(FieldRef::new(article, slot)));
                    }
                    a.paragraphs.insert(index, field);
                    Ok(())
                })
            }
            Edit::AddSpan { at, span } => {
                let field = field_mut(project, at)?;
                check_span(&span, field)?;
                let old = field.clone();
                field.spans.retain(|s| !s.overlaps(span.start, span.end));
                field.insert_span(span);
                Ok(Edit::SetField { at, field: old })
            }
            Edit::RemoveSpan { at, index } => {
                let field = field_mut(project, at)?;
                if index >= field.spans.len() {
                    return Err(EditError::NoSpan(index));
                }
                let old = field.clone();
                field.spans.remove(index);
                Ok(Edit::SetField { at, field: old })
            }
            Edit::SetSpan { at, index, span } => {
                let field = field_mut(project, at)?;
                if index >= field.spans.len() {
                    return Err(EditError::NoSpan(index));
                }
                check_span(&span, field)?;
                let old = field.clone();
                field.spans.remove(index);
                field.spans.retain(|s| !s.overlaps(span.start, span.end));
                field.insert_span(span);
                Ok(Edit::SetField { at, field: old })
            }
            Edit::SetParagraphKind {
                article,
                paragraph,
                kind,
            } => {
                let at = FieldRef::new(article, FieldSlot::Paragraph(paragraph));
                let field = field_mut(project, at)?;
                let old = std::mem::replace(&mut field.kind, kind);
                Ok(Edit::SetParagraphKind {
                    article,
                    paragraph,
                    kind: old,
                })
            }
            Edit::SetLessons(lessons) => Ok(Edit::SetLessons(std::mem::replace(
                &mut project.lessons,
                lessons,
            ))),
            Edit::SetChecked { article, checked } => {
                let a = project
                    .articles
                    .get_mut(article)
                    .ok_or(EditError::NoArticle(article))?;
                let old = std::mem::replace(&mut a.checked, checked);
                Ok(Edit::SetChecked {
                    article,
                    checked: old,
                })
            }
            Edit::ReplaceArticles {
                start,
                remove,
                insert,
            } => {
                if start + remove > project.articles.len() {
                    return Err(EditError::NoArticle(start + remove));
                }
                let inserted = insert.len();
                let old: Vec<Article> = project
                    .articles
                    .splice(start..start + remove, insert)
                    .collect();
                Ok(Edit::ReplaceArticles {
                    start,
                    remove: inserted,
                    insert: old,
                })
            }
            Edit::SetRegistry(registry) => Ok(Edit::SetRegistry(std::mem::replace(
                &mut project.registry,
                registry,
            ))),
            Edit::SetLearning { lexicon, rejected } => Ok(Edit::SetLearning {
                lexicon: std::mem::replace(&mut project.lexicon, lexicon),
                rejected: std::mem::replace(&mut project.rejected, rejected),
            }),
            Edit::SetEntityTypes(types) => Ok(Edit::SetEntityTypes(std::mem::replace(
                &mut project.entity_types,
                types,
            ))),
            Edit::SetFurniture(lines) => Ok(Edit::SetFurniture(std::mem::replace(
                &mut project.furniture,
                lines,
            ))),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(project) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Roll back what this batch already did, so a failed batch changes nothing.
                            for inverse in inverses.into_iter().rev() {
                                inverse
                                    .apply(project)
                                    .expect("an inverse applies to the state it was made from");
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }

    /// Where in `project` this edit, about to be applied, changes something: an article and,
    /// when it can be told, the field. Undo and redo show the editor this place, so what they
    /// restored is in view. Edits of the registry, the types or the furniture have no place.
    pub fn place(&self, project: &Project) -> Option<(usize, Option<FieldSlot>)> {
        match self {
            Edit::ReplaceText { at, .. }
            | Edit::SetField { at, .. }
            | Edit::AddSpan { at, .. }
            | Edit::RemoveSpan { at, .. }
            | Edit::SetSpan { at, .. } => Some((at.article, Some(at.slot))),
            Edit::JoinParagraphs { article, paragraph }
            | Edit::SplitParagraph {
                article, paragraph, ..
            }
            | Edit::MoveParagraph {
                article, paragraph, ..
            }
            | Edit::SetParagraphKind {
                article, paragraph, ..
            } => Some((*article, Some(FieldSlot::Paragraph(*paragraph)))),
            Edit::ParagraphToField { article, slot, .. } => Some((*article, Some(*slot))),
            Edit::FieldToParagraph { article, index, .. } => {
                Some((*article, Some(FieldSlot::Paragraph(*index))))
            }
            Edit::SplitArticle { article, .. }
            | Edit::MergeWithNext { article }
            | Edit::SetChecked { article, .. } => Some((*article, None)),
            Edit::ReplaceArticles { start, insert, .. } => {
                // The first field that will come back or change; failing that (only removals),
                // the first article that will differ.
                let mut first_differing = None;
                for (i, new) in insert.iter().enumerate() {
                    let Some(old) = project.articles.get(start + i) else {
                        return Some((start + i, None));
                    };
                    if old == new {
                        continue;
                    }
                    first_differing.get_or_insert(start + i);
                    let mut old_fields = old.fields();
                    let changed = new
                        .fields()
                        .find_map(|(slot, field)| match old_fields.next() {
                            Some((_, was)) if was == field => None,
                            _ => Some(slot),
                        });
                    if changed.is_some() {
                        return Some((start + i, changed));
                    }
                }
                Some((first_differing.unwrap_or(*start), None))
            }
            Edit::Batch(edits) => edits.iter().find_map(|e| e.place(project)),
            Edit::SetRegistry(_)
            | Edit::SetLearning { .. }
            | Edit::SetEntityTypes(_)
            | Edit::SetFurniture(_)
            | Edit::SetLessons(_) => None,
        }
    }

    /// A rough count of the bytes this edit holds, for the undo memory budget.
    pub fn weight(&self) -> usize {
        fn field_weight(f: &TextField) -> usize {
            f.text.len() + f.spans.len() * 48 + f.source_lines.len() * 16 + f.joins.len() * 48
        }
        fn article_weight(a: &Article) -> usize {
            a.fields().map(|(_, f)| field_weight(f)).sum::<usize>() + 128
        }
        64 + match self {
            Edit::ReplaceText { text, .. } => text.len(),
            Edit::SetField { field, .. } => field_weight(field),
            Edit::ReplaceArticles { insert, .. } => insert.iter().map(article_weight).sum(),
            Edit::SetRegistry(r) => r.entities.len() * 128,
            Edit::SetLearning { lexicon, rejected } => (lexicon.len() + rejected.len()) * 48,
            Edit::SetEntityTypes(t) => t.len() * 64,
            Edit::SetFurniture(f) => f.iter().map(|l| l.text.len() + 48).sum(),
            Edit::SetLessons(l) => l.len() * 32,
            Edit::Batch(edits) => edits.iter().map(Edit::weight).sum(),
            _ => 0,
        }
    }
}

fn field_mut(project: &mut Project, at: FieldRef) -> Result<&mut TextField, EditError> {
    if at.article >= project.articles.len() {
        return Err(EditError::NoArticle(at.article));
    }
    project.field_mut(at).ok_or(EditError::NoField(at))
}

/// Runs `change` on a copy-protected article: on success the inverse restores the old article,
/// on failure the article is put back as it was.
fn edit_article(
    project: &mut Project,
    article: usize,
    change: impl FnOnce(&mut Article) -> Result<(), EditError>,
) -> Result<Edit, EditError> {
    let target = project
        .articles
        .get_mut(article)
        .ok_or(EditError::NoArticle(article))?;
    let old = target.clone();
    if let Err(error) = change(target) {
        *target = old;
        return Err(error);
    }
    Ok(Edit::ReplaceArticles {
        start: article,
        remove: 1,
        insert: vec![old],
    })
}

fn check_span(span: &Span, field: &TextField) -> Result<(), EditError> {
    if span.start >= span.end {
        return Err(EditError::EmptySpan);
    }
    let len = field.char_len();
    if span.end > len {
        return Err(EditError::OutOfRange { at: span.end, len });
    }
    Ok(())
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
