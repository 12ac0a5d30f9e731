//! What each content line is, as the line model (module `model`) decides it, in the terms the
//! assembly reads: part of a headline stack, a byline, the start of a paragraph of some kind, or
//! the continuation of the paragraph above (a scan break, joined, with the rule that names why).

use super::lines::{Line, Page};
use super::model::{LineRole, Model};
use super::rules;
use crate::model::ParagraphKind;

/// The role of one content line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Kicker,
    /// A headline, with the rule that names why.
    Headline(&'static str),
    /// A deck, with the rule that names why.
    Deck(&'static str),
    Byline,
    /// The first line of a paragraph of the given kind.
    Paragraph(ParagraphKind),
    /// Continues the paragraph of the line above, joined by the rule given.
    Continuation(&'static str),
}

/// The roles of the content lines (furniture already set aside), and for the lines whose role
/// is recorded as a decision, the model's reason.
pub fn assign(model: &Model, lines: &[Line], page: &Page) -> (Vec<Role>, Vec<Option<String>>) {
    let decided = model.roles(lines, page);
    let reasons = model.reasons(lines, page, &decided, |i| {
        !matches!(decided[i], LineRole::Lead | LineRole::Body | LineRole::Join)
    });
    let mut roles = Vec::with_capacity(lines.len());
    let mut box_text_next = false;
    for (i, role) in decided.iter().enumerate() {
        let mapped = match role {
            LineRole::Kicker => Role::Kicker,
            LineRole::Headline => {
                let before_lead = lines.get(i + 1).is_some_and(|n| n.shape.lead.is_some())
                    && (lines[i].shape.has_clause_mark || lines[i].shape.has_terminal);
                Role::Headline(if before_lead {
                    rules::HEADLINE_BEFORE_LEAD
                } else {
                    rules::HEADLINE
                })
            }
            LineRole::Deck => Role::Deck(if lines[i].shape.dash_prefix {
                rules::DECK_DASH
            } else {
                rules::DECK_BELOW
            }),
            LineRole::Byline => Role::Byline,
            LineRole::Lead | LineRole::Body if box_text_next => Role::Paragraph(ParagraphKind::Box),
            LineRole::Lead | LineRole::Body => Role::Paragraph(ParagraphKind::Body),
            LineRole::Join => Role::Continuation(join_rule(lines, page, i)),
            LineRole::Crosshead => Role::Paragraph(ParagraphKind::Crosshead),
            LineRole::Note => Role::Paragraph(ParagraphKind::Note),
            LineRole::Caption => Role::Paragraph(ParagraphKind::Caption),
            LineRole::BoxLabel => Role::Paragraph(ParagraphKind::Box),
        };
        if *role != LineRole::Join {
            box_text_next = *role == LineRole::BoxLabel;
        }
        roles.push(mapped);
    }
    (roles, reasons)
}

/// The rule that names why line `i` continues the paragraph above: the typesetting rule that
/// forces it when there is one, else the shape the model read.
fn join_rule(lines: &[Line], page: &Page, i: usize) -> &'static str {
    let (up, low) = (&lines[i - 1], &lines[i]);
    if low.shape.starts_with_closing {
        rules::JOIN_CLOSING_PUNCT
    } else if up.shape.ends_with_opening {
        rules::JOIN_OPENING_PUNCT
    } else if up.shape.lead_is_bare {
        rules::JOIN_BARE_LEAD
    } else if !up.shape.ends_sentence {
        rules::JOIN_NO_SENTENCE_END
    } else if page.indented_paragraphs && !low.indented {
        rules::JOIN_NOT_INDENTED
    } else {
        rules::JOIN_MODEL
    }
}
