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
    let legal = legal();
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
            for from in 0..LABELS {
                if !legal[from][to] {
                    continue;
                }
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

fn log_sum_exp(values: impl Iterator<Item = f32>) -> f32 {
    let mut buffer = [f32::NEG_INFINITY; LABELS];
    for (slot, v) in buffer.iter_mut().zip(values) {
        *slot = v;
    }
    let values = buffer;
    let top = values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if top == f32::NEG_INFINITY {
        return top;
    }
    top + values.iter().map(|v| (v - top).exp()).sum::<f32>().ln()
}

/// The probability of each span `(kind, start, end)` under the distribution over legal paths
/// whose log-weight is the path's score times `sharpness`.
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
    let e = |t: usize, l: usize| emissions[t][l] * sharpness;
    let tr = |a: usize, b: usize| {
        if legal[a][b] {
            transitions[a][b] * sharpness
        } else {
            f32::NEG_INFINITY
        }
    };
    let mut alpha = vec![[f32::NEG_INFINITY; LABELS]; n];
    for l in 0..LABELS {
        if labels::may_start(l) {
            alpha[0][l] = e(0, l);
        }
    }
    for t in 1..n {
        for to in 0..LABELS {
            alpha[t][to] =
                log_sum_exp((0..LABELS).map(|from| alpha[t - 1][from] + tr(from, to))) + e(t, to);
        }
    }
    let mut beta = vec![[f32::NEG_INFINITY; LABELS]; n];
    for l in 0..LABELS {
        if labels::may_end(l) {
            beta[n - 1][l] = 0.0;
        }
    }
    for t in (0..n - 1).rev() {
        for from in 0..LABELS {
            beta[t][from] =
                log_sum_exp((0..LABELS).map(|to| tr(from, to) + e(t + 1, to) + beta[t + 1][to]));
        }
    }
    let z = log_sum_exp((0..LABELS).map(|l| alpha[n - 1][l] + beta[n - 1][l]));
    spans
        .iter()
        .map(|&(kind, start, end)| {
            let mut prev = labels::span_label(kind, start, end, start);
            let mut score = alpha[start][prev];
            for t in start + 1..end {
                let l = labels::span_label(kind, start, end, t);
                score += tr(prev, l) + e(t, l);
                prev = l;
            }
            score += beta[end - 1][prev];
            (score - z).exp().clamp(0.0, 1.0)
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
