//! What an editor's project teaches the model, as partial gold: in every field with a confirmed
//! span, the confirmed spans are certain; a rejected (text, kind) is not that kind wherever the
//! text appears; every other char is left open (the editor may not have looked at it), so the
//! model keeps its own reading there and learns only from what the editor decided.

use crate::model::{Project, SpanStatus};

use super::labels::{self, ANY, Mask, kind_index};

/// One taught text and its allowed labels per char.
pub struct Taught {
    pub text: String,
    pub masks: Vec<Mask>,
}

/// The fields of `project` the editor decided something in.
pub fn from_project(project: &Project) -> Vec<Taught> {
    let rejected: Vec<(Vec<char>, usize)> = project
        .rejected
        .iter()
        .filter_map(|r| Some((r.text.chars().collect::<Vec<char>>(), kind_index(&r.kind)?)))
        .filter(|(chars, _)| !chars.is_empty())
        .collect();
    let mut taught = Vec::new();
    for article in &project.articles {
        for (_, field) in article.fields() {
            if field.text.is_empty() {
                continue;
            }
            let chars: Vec<char> = field.text.chars().collect();
            let mut masks = vec![ANY; chars.len()];
            let mut decided = false;
            for span in field
                .spans
                .iter()
                .filter(|s| s.status == SpanStatus::Confirmed)
            {
                let Some(kind) = kind_index(&span.kind) else {
                    continue;
                };
                if span.end > chars.len() || span.start >= span.end {
                    continue;
                }
                for (at, mask) in masks.iter_mut().enumerate().take(span.end).skip(span.start) {
                    *mask = 1 << labels::span_label(kind, span.start, span.end, at);
                }
                decided = true;
            }
            for (name, kind) in &rejected {
                let mut from = 0;
                while from + name.len() <= chars.len() {
                    if chars[from..from + name.len()] == name[..] {
                        for mask in &mut masks[from..from + name.len()] {
                            if mask.count_ones() > 1 {
                                *mask &= !labels::kind_mask(*kind);
                            }
                        }
                        decided = true;
                    }
                    from += 1;
                }
            }
            if decided {
                taught.push(Taught {
                    text: field.text.clone(),
                    masks,
                });
            }
        }
    }
    taught
}
