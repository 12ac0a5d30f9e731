//! Viterbi over line roles: the best-scoring sequence of roles under the allowed transitions and
//! the hard constraints of each line.

use super::train::{Sequence, constraint};
use super::{LineRole, Model};

/// Score that rules a choice out without making the page undecodable.
const FORBIDDEN: f32 = -1.0e6;

/// Whether role `to` may follow role `from` (`None`: the start of the page).
pub fn allowed(from: Option<LineRole>, to: LineRole) -> bool {
    use LineRole::*;
    if from == Some(Kicker) {
        return to == Headline;
    }
    match to {
        Deck => matches!(from, Some(Headline | Deck)),
        Join => from.is_some_and(LineRole::is_running_text),
        _ => true,
    }
}

impl Model {
    /// The best roles for the lines of `sequence`.
    pub fn decode(&self, sequence: &Sequence) -> Vec<LineRole> {
        const N: usize = LineRole::COUNT;
        let len = sequence.len();
        if len == 0 {
            return Vec::new();
        }
        let mut transition = [[0f32; N]; N + 1];
        for (from, row) in transition.iter_mut().enumerate() {
            for (to, cell) in row.iter_mut().enumerate() {
                let previous = (from < N).then(|| LineRole::ALL[from]);
                *cell = if allowed(previous, LineRole::ALL[to]) {
                    self.transitions[from * N + to]
                } else {
                    FORBIDDEN
                };
            }
        }
        let mut back = vec![[0u8; N]; len];
        let mut score = [0f32; N];
        let mut emission = [0f32; N];
        for (i, pointers) in back.iter_mut().enumerate() {
            self.emission_of_rows(sequence.line_rows(i), &mut emission);
            let c = sequence.constraints[i];
            if c & constraint::MUST_JOIN != 0 {
                for (k, e) in emission.iter_mut().enumerate() {
                    if k != LineRole::Join.index() {
                        *e += FORBIDDEN;
                    }
                }
            }
            if c & constraint::NO_JOIN != 0 {
                emission[LineRole::Join.index()] += FORBIDDEN;
            }
            if c & constraint::NO_TITLE != 0 {
                for role in [LineRole::Kicker, LineRole::Headline, LineRole::Deck] {
                    emission[role.index()] += FORBIDDEN;
                }
            }
            let mut next = [0f32; N];
            for to in 0..N {
                if i == 0 {
                    next[to] = transition[N][to] + emission[to];
                    continue;
                }
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
                for from in 0..N {
                    let s = score[from] + transition[from][to];
                    if s > best {
                        best = s;
                        arg = from;
                    }
                }
                next[to] = best + emission[to];
                pointers[to] = arg as u8;
            }
            score = next;
        }
        // A kicker must be followed by its headline, so a page cannot end on one.
        score[LineRole::Kicker.index()] += FORBIDDEN;
        let mut state = (0..N)
            .max_by(|&a, &b| score[a].total_cmp(&score[b]))
            .unwrap_or(0);
        let mut roles = vec![LineRole::Body; len];
        for i in (0..len).rev() {
            roles[i] = LineRole::ALL[state];
            state = back[i][state] as usize;
        }
        roles
    }
}
