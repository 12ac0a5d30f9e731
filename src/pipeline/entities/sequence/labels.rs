//! The label of each char: outside any entity, or the Begin / Inside / End of a longer entity, or
//! a Single-char entity (BIOES), for each of the four kinds. Legal transitions keep every decoded
//! path a sequence of whole spans.

use crate::model::EntityKind;

/// The kinds the model tags, in label order.
pub const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Title,
    EntityKind::Org,
    EntityKind::Place,
];

/// Number of labels: O, then B I E S for each kind.
pub const LABELS: usize = 1 + 4 * KINDS.len();

/// The label outside every entity.
pub const OUTSIDE: usize = 0;

/// A label's place inside its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    End,
    Single,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::End, Part::Single];

/// The label of `part` of an entity of kind index `kind`.
pub const fn label(kind: usize, part: Part) -> usize {
    1 + 4 * kind
        + match part {
            Part::Begin => 0,
            Part::Inside => 1,
            Part::End => 2,
            Part::Single => 3,
        }
}

/// (kind index, part) of a label other than [`OUTSIDE`].
pub fn split(label: usize) -> Option<(usize, Part)> {
    (label != OUTSIDE && label < LABELS).then(|| ((label - 1) / 4, PARTS[(label - 1) % 4]))
}

/// The index of `kind` in [`KINDS`].
pub fn kind_index(kind: &EntityKind) -> Option<usize> {
    KINDS.iter().position(|k| k == kind)
}

/// Whether label `to` may follow label `from`.
pub fn allowed(from: usize, to: usize) -> bool {
    let open = match split(from) {
        Some((kind, Part::Begin | Part::Inside)) => Some(kind),
        _ => None,
    };
    match split(to) {
        Some((kind, Part::Inside | Part::End)) => open == Some(kind),
        _ => open.is_none(),
    }
}

/// Whether a path may start with `label`.
pub fn may_start(label: usize) -> bool {
    !matches!(split(label), Some((_, Part::Inside | Part::End)))
}

/// Whether a path may end with `label`.
pub fn may_end(label: usize) -> bool {
    !matches!(split(label), Some((_, Part::Begin | Part::Inside)))
}

/// A set of labels, one bit each.
pub type Mask = u32;

/// Every label.
pub const ANY: Mask = (1 << LABELS) - 1;

/// The labels of one kind.
pub fn kind_mask(kind: usize) -> Mask {
    0b1111 << (1 + 4 * kind)
}

/// The labels of a span `start..end` of kind `kind` at char `at` inside it.
pub fn span_label(kind: usize, start: usize, end: usize, at: usize) -> usize {
    let part = if end - start == 1 {
        Part::Single
    } else if at == start {
        Part::Begin
    } else if at + 1 == end {
        Part::End
    } else {
        Part::Inside
    };
    label(kind, part)
}

/// The labels of a text with the given spans (kind index, start, end); chars outside them are O.
pub fn from_spans(len: usize, spans: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut labels = vec![OUTSIDE; len];
    for &(kind, start, end) in spans {
        for (at, slot) in labels.iter_mut().enumerate().take(end).skip(start) {
            *slot = span_label(kind, start, end, at);
        }
    }
    labels
}

/// The spans (kind index, start, end) a legal label sequence spells.
pub fn to_spans(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (at, &l) in labels.iter().enumerate() {
        match split(l) {
            Some((kind, Part::Single)) => {
                spans.push((kind, at, at + 1));
                open = None;
            }
            Some((kind, Part::Begin)) => open = Some((kind, at)),
            Some((kind, Part::End)) => {
                if let Some((k, start)) = open.take()
                    && k == kind
                {
                    spans.push((kind, start, at + 1));
                }
            }
            Some((_, Part::Inside)) => {}
            None => open = None,
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_survive_labelling() {
        let spans = vec![(0, 0, 3), (1, 3, 4), (3, 6, 8)];
        let labels = from_spans(9, &spans);
        assert_eq!(to_spans(&labels), spans);
        for pair in labels.windows(2) {
            assert!(allowed(pair[0], pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn an_open_span_must_close_in_its_own_kind() {
        let b_person = label(0, Part::Begin);
        assert!(!allowed(b_person, OUTSIDE));
        assert!(!allowed(b_person, label(2, Part::End)));
        assert!(allowed(b_person, label(0, Part::End)));
        assert!(!allowed(OUTSIDE, label(0, Part::Inside)));
        assert!(!may_end(b_person) && !may_start(label(0, Part::End)));
    }
}
