//! Candidate spans from the rules and the choice among them: spans are flat, so where two
//! candidates overlap the stronger (then the longer) one wins.

use crate::model::{EntityKind, Span};

/// A span some rule proposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub rule: &'static str,
    /// Higher wins an overlap.
    pub priority: u8,
}

impl Candidate {
    pub fn new(
        start: usize,
        end: usize,
        kind: EntityKind,
        rule: &'static str,
        priority: u8,
    ) -> Candidate {
        Candidate {
            start,
            end,
            kind,
            rule,
            priority,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// The suggested span for this candidate.
    pub fn to_span(&self) -> Span {
        Span::suggested(self.start, self.end, self.kind.clone(), self.rule)
    }
}

/// Priorities of the rule families: an official's chain (title next to a name) is the surest,
/// then what the editor taught the project, then the grammars, then plain dictionary look-ups.
pub mod priority {
    pub const CHAIN: u8 = 6;
    pub const LEARNT: u8 = 7;
    pub const GRAMMAR: u8 = 4;
    pub const NAME: u8 = 3;
    pub const REPEATED: u8 = 2;
    pub const LOOKUP: u8 = 1;
}

/// A person's title and the organization it is held in, as char ranges of one text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleLink {
    pub person: (usize, usize),
    pub title: (usize, usize),
    pub org: Option<(usize, usize)>,
}

/// Chooses non-overlapping candidates: by priority, then length, then position. `blocked` chars
/// (an editor's confirmed spans) take no candidate. The result is sorted by start.
pub fn select(
    mut candidates: Vec<Candidate>,
    text_len: usize,
    blocked: &[(usize, usize)],
) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(b.len().cmp(&a.len()))
            .then(a.start.cmp(&b.start))
    });
    let mut taken = vec![false; text_len];
    for &(start, end) in blocked {
        for slot in taken.iter_mut().take(end.min(text_len)).skip(start) {
            *slot = true;
        }
    }
    let mut chosen = Vec::new();
    for candidate in candidates {
        if candidate.start >= candidate.end || candidate.end > text_len {
            continue;
        }
        if taken[candidate.start..candidate.end].iter().any(|&t| t) {
            continue;
        }
        taken[candidate.start..candidate.end].fill(true);
        chosen.push(candidate);
    }
    chosen.sort_by_key(|c| (c.start, c.end));
    chosen.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stronger_then_longer_candidates_win() {
        let chosen = select(
            vec![
                Candidate::new(0, 3, EntityKind::Place, "p", 1),
                Candidate::new(0, 6, EntityKind::Org, "o", 4),
                Candidate::new(6, 8, EntityKind::Title, "t", 6),
                Candidate::new(5, 9, EntityKind::Org, "x", 4),
            ],
            10,
            &[],
        );
        let spans: Vec<(usize, usize)> = chosen.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(0, 6), (6, 8)]);
    }

    #[test]
    fn blocked_chars_take_nothing() {
        let chosen = select(
            vec![Candidate::new(0, 3, EntityKind::Person, "p", 3)],
            5,
            &[(2, 4)],
        );
        assert!(chosen.is_empty());
    }
}
