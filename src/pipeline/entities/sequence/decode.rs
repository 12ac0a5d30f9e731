//! Decoding a text's char scores: the best legal label path (Viterbi), optionally restricted to
//! allowed labels per char, and the confidence of each span of that path (forward-backward over
//! the same scores read as log-potentials).

// The dynamic programmes read best as the recurrences they implement, over label indices.
#![allow(clippy::needless_range_loop)]

use super::labels::{self, LABELS, Mask, OUTSIDE};

/// Per-char scores of every label.
pub type Scores = [f32; LABELS];

/// Label-to-label scores: `transitions[from][to]`.
pub type Transitions = [[f32; LABELS]; LABELS];

/// The legal label pairs, `legal[from][to]`.
fn legal() -> &'static [[bool; LABELS]; LABELS] {
    static LEGAL: std::sync::OnceLock<[[bool; LABELS]; LABELS]> = std::sync::OnceLock::new();
    LEGAL.get_or_init(|| {
        let mut legal = [[false; LABELS]; LABELS];
        for (from, row) in legal.iter_mut().enumerate() {
            for (to, cell) in row.iter_mut().enumerate() {
                *cell = labels::allowed(from, to);
            }
        }
        legal
    })
}

/// For each label, the labels that may come before it: most pairs are illegal, and the
/// recurrences only visit the legal ones.
fn predecessors() -> &'static [Vec<usize>; LABELS] {
    static BEFORE: std::sync::OnceLock<[Vec<usize>; LABELS]> = std::sync::OnceLock::new();
    BEFORE.get_or_init(|| {
        std::array::from_fn(|to| {
            (0..LABELS)
                .filter(|&from| labels::allowed(from, to))
                .collect()
        })
    })
}

/// For each label, the labels that may come after it, for the backward recurrence.
fn successors() -> &'static [Vec<usize>; LABELS] {
    static AFTER: std::sync::OnceLock<[Vec<usize>; LABELS]> = std::sync::OnceLock::new();
    AFTER.get_or_init(|| {
        std::array::from_fn(|from| {
            (0..LABELS)
                .filter(|&to| labels::allowed(from, to))
                .collect()
        })
    })
}

fn permitted(masks: Option<&[Mask]>, at: usize, label: usize) -> bool {
    masks.is_none_or(|m| m[at] & (1 << label) != 0)
}

/// The highest-scoring legal path whose label at each char is in `masks[char]` (any label when
/// `masks` is `None`). A mask that leaves no legal path falls back to all-outside.
pub fn viterbi(
    emissions: &[Scores],
    transitions: &Transitions,
    masks: Option<&[Mask]>,
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let before = predecessors();
    let mut best = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    for l in 0..LABELS {
        if labels::may_start(l) && permitted(masks, 0, l) {
            best[0][l] = emissions[0][l];
        }
    }
    for t in 1..n {
        for to in 0..LABELS {
            if !permitted(masks, t, to) {
                continue;
            }
            let mut top = f32::NEG_INFINITY;
            let mut arg = 0;
            for &from in &before[to] {
                let s = best[t - 1][from] + transitions[from][to];
                if s > top {
                    top = s;
                    arg = from;
                }
            }
            best[t][to] = top + emissions[t][to];
            back[t][to] = arg as u8;
        }
    }
    let mut last = OUTSIDE;
    let mut top = f32::NEG_INFINITY;
    for l in 0..LABELS {
        if labels::may_end(l) && best[n - 1][l] > top {
            top = best[n - 1][l];
            last = l;
        }
    }
    if top == f32::NEG_INFINITY {
        return vec![OUTSIDE; n];
    }
    let mut path = vec![OUTSIDE; n];
    path[n - 1] = last;
    for t in (1..n).rev() {
        path[t - 1] = back[t][path[t]] as usize;
    }
    path
}

/// The probability of each span `(kind, start, end)` under the distribution over legal paths
/// whose log-weight is the path's score times `sharpness`: forward-backward in probability space,
/// rescaled at every char, so that the inner loops multiply and add and take no logarithm.
/// The backward pass visits only legal successors (an illegal one would add an exact zero) and
/// stops at the earliest span's last char, the first char whose backward value is read.
pub fn span_confidences(
    emissions: &[Scores],
    transitions: &Transitions,
    spans: &[(usize, usize, usize)],
    sharpness: f32,
) -> Vec<f32> {
    let n = emissions.len();
    if n == 0 || spans.is_empty() {
        return vec![0.0; spans.len()];
    }
    let legal = legal();
    let before = predecessors();
    let after = successors();
    let mut trans = [[0f64; LABELS]; LABELS];
    for a in 0..LABELS {
        for b in 0..LABELS {
            if legal[a][b] {
                trans[a][b] = ((transitions[a][b] * sharpness) as f64).exp();
            }
        }
    }
    // Each char's emissions, shifted by their maximum (the shift cancels out in the rescaling).
    let emit: Vec<[f64; LABELS]> = emissions
        .iter()
        .map(|row| {
            let top = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let mut out = [0f64; LABELS];
            for (o, &v) in out.iter_mut().zip(row) {
                *o = (((v - top) * sharpness) as f64).exp();
            }
            out
        })
        .collect();
    let mut alpha = vec![[0f64; LABELS]; n];
    let mut scale = vec![1f64; n];
    for l in 0..LABELS {
        if labels::may_start(l) {
            alpha[0][l] = emit[0][l];
        }
    }
    for t in 0..n {
        if t > 0 {
            for b in 0..LABELS {
                let mut s = 0.0;
                for &a in &before[b] {
                    s += alpha[t - 1][a] * trans[a][b];
                }
                alpha[t][b] = s * emit[t][b];
            }
        }
        let total: f64 = alpha[t].iter().sum();
        scale[t] = if total > 0.0 { total } else { 1.0 };
        for v in &mut alpha[t] {
            *v /= scale[t];
        }
    }
    let mut beta = vec![[0f64; LABELS]; n];
    for l in 0..LABELS {
        if labels::may_end(l) {
            beta[n - 1][l] = 1.0;
        }
    }
    // Only the probability mass of paths that end legally counts.
    let end_mass: f64 = (0..LABELS).map(|l| alpha[n - 1][l] * beta[n - 1][l]).sum();
    if end_mass <= 0.0 {
        return vec![0.0; spans.len()];
    }
    let first_read = spans.iter().map(|&(_, _, end)| end - 1).min().unwrap_or(0);
    for t in (first_read..n - 1).rev() {
        for a in 0..LABELS {
            let mut s = 0.0;
            for &b in &after[a] {
                s += trans[a][b] * emit[t + 1][b] * beta[t + 1][b];
            }
            beta[t][a] = s / scale[t + 1];
        }
    }
    spans
        .iter()
        .map(|&(kind, start, end)| {
            let mut prev = labels::span_label(kind, start, end, start);
            let mut p = alpha[start][prev];
            for t in start + 1..end {
                let l = labels::span_label(kind, start, end, t);
                p *= trans[prev][l] * emit[t][l] / scale[t];
                prev = l;
            }
            p *= beta[end - 1][prev];
            ((p / end_mass) as f32).clamp(0.0, 1.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::entities::sequence::labels::{Part, label};

    #[test]
    fn viterbi_follows_the_scores_within_legal_paths() {
        let mut emissions = vec![[0.0f32; LABELS]; 3];
        emissions[0][label(0, Part::Begin)] = 2.0;
        emissions[1][label(0, Part::End)] = 2.0;
        // An Inside with no Begin before it is illegal however high it scores.
        emissions[2][label(1, Part::Inside)] = 5.0;
        let path = viterbi(&emissions, &[[0.0; LABELS]; LABELS], None);
        assert_eq!(
            path,
            vec![label(0, Part::Begin), label(0, Part::End), OUTSIDE]
        );
        let masks = vec![1 << OUTSIDE; 3];
        assert_eq!(
            viterbi(&emissions, &[[0.0; LABELS]; LABELS], Some(&masks)),
            vec![OUTSIDE; 3]
        );
    }

    #[test]
    fn a_clear_span_is_confident_and_a_doubtful_one_is_not() {
        let mut emissions = vec![[0.0f32; LABELS]; 2];
        emissions[0][label(0, Part::Begin)] = 10.0;
        emissions[1][label(0, Part::End)] = 10.0;
        let t = [[0.0; LABELS]; LABELS];
        let sure = span_confidences(&emissions, &t, &[(0, 0, 2)], 1.0)[0];
        assert!(sure > 0.99, "{sure}");
        let flat = vec![[0.0f32; LABELS]; 2];
        let doubt = span_confidences(&flat, &t, &[(0, 0, 2)], 1.0)[0];
        assert!(doubt < 0.2, "{doubt}");
    }
}
