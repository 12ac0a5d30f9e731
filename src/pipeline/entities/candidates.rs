//! Candidate spans from the rules and the choice among them: spans are flat, so where two
//! candidates overlap the stronger (then the longer) one wins.

use crate::model::{EntityKind, Span};

/// A span some rule proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub rule: &'static str,
    /// Higher wins an overlap.
    pub priority: u8,
    /// The sequence model's probability for the span, for the model's suggestions.
    pub confidence: Option<f32>,
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
            confidence: None,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// The suggested span for this candidate.
    pub fn to_span(&self) -> Span {
        match self.confidence {
            Some(p) => Span::suggested(
                self.start,
                self.end,
                self.kind.clone(),
                &super::model_rule(p),
            ),
            None => Span::suggested(self.start, self.end, self.kind.clone(), self.rule),
        }
    }
}

/// Priorities of the candidate families: what the editor taught the project is the surest, then
/// bylines, then the sequence model; the guessing rules' own priorities only order the firings
/// the model sees as features.
pub mod priority {
    pub const CHAIN: u8 = 6;
    pub const LEARNT: u8 = 7;
    pub const MODEL: u8 = 5;
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

/// Separators of a chain of titles held by one person (副书记、管委会主任; 副组长兼办公室主任).
const CHAIN_SEPARATORS: &[char] = &['、', '兼', '，', ',', ' ', '　'];

/// The project tags a title only next to the name it belongs to: directly before or after a
/// person (管委会主任张红军, 钟南山院士), or in a chain of titles joined by 、 or 兼 — each with
/// the organization written before it — that ends at a person. Titles standing alone
/// (各总师参会) are dropped. `chosen` is sorted by start.
pub fn anchor_titles(chosen: Vec<Candidate>, chars: &[char]) -> Vec<Candidate> {
    let is = |c: &Candidate, kind: EntityKind| c.kind == kind;
    let mut keep = vec![true; chosen.len()];
    // Right to left, so that a title learns whether the chain after it reaches a person.
    let mut anchored = vec![false; chosen.len()];
    for i in (0..chosen.len()).rev() {
        if !is(&chosen[i], EntityKind::Title) {
            continue;
        }
        let title = &chosen[i];
        let next = chosen.get(i + 1);
        let prev = i.checked_sub(1).map(|p| &chosen[p]);
        // Right before a person, spaces allowed (bylines: 记者 王某).
        let gap_ok = |from: usize, to: usize| chars[from..to].iter().all(|c| c.is_whitespace());
        let before_person = next.is_some_and(|n| {
            is(n, EntityKind::Person) && n.start >= title.end && gap_ok(title.end, n.start)
        });
        let after_person = prev.is_some_and(|p| is(p, EntityKind::Person) && p.end == title.start);
        // In a chain: a separator, then organizations or places, then an anchored title.
        let mut in_chain = false;
        if chars
            .get(title.end)
            .is_some_and(|c| CHAIN_SEPARATORS.contains(c))
        {
            let mut at = title.end + 1;
            let mut j = i + 1;
            while let Some(n) = chosen.get(j) {
                if n.start != at {
                    break;
                }
                if is(n, EntityKind::Title) {
                    in_chain = anchored[j];
                    break;
                }
                if !(is(n, EntityKind::Org) || is(n, EntityKind::Place)) {
                    break;
                }
                at = n.end;
                j += 1;
            }
        }
        anchored[i] = before_person || after_person || in_chain;
        if !anchored[i] && title.rule == super::MODEL {
            keep[i] = false;
        }
    }
    chosen
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
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
