//! The averaged structured perceptron: decode a sentence with the current weights, and where the
//! path differs from the gold path move the weights of the features involved towards gold. The
//! gold path may be partial — a set of allowed labels per char — and is then the best path the
//! current weights find within it, so a corpus that never marks titles does not teach that titles
//! are nothing. The final weights are the average over all steps, which generalises better than
//! the last ones.

use super::decode::{Scores, viterbi};
use super::features::{Observation, is_specific};
use super::labels::{LABELS, Mask};
use super::weights::Weights;

/// The scores of every char of `obs` under `layers` added up.
/// Layer after layer over the whole text: each char's scores still add its rows layer by layer
/// in feature order, as one char at a time would.
pub fn emissions(layers: &[&Weights], obs: &Observation) -> Vec<Scores> {
    let mut scores = vec![[0f32; LABELS]; obs.len()];
    for layer in layers {
        layer.add_all(obs, &mut scores);
    }
    scores
}

/// The transitions of `layers` added up.
pub fn transitions(layers: &[&Weights]) -> [[f32; LABELS]; LABELS] {
    let mut t = [[0f32; LABELS]; LABELS];
    for layer in layers {
        for (row, add) in t.iter_mut().zip(&layer.transitions) {
            for (cell, a) in row.iter_mut().zip(add) {
                *cell += a;
            }
        }
    }
    t
}

/// A perceptron being trained, on top of fixed `base` weights if any.
#[derive(Default)]
pub struct Learner {
    pub weights: Weights,
    /// Step-weighted sums of the updates, for averaging.
    sums: Vec<f32>,
    transition_sums: [[f32; LABELS]; LABELS],
    step: f32,
    /// Update only the features that name particular text (see [`is_specific`]), and no
    /// transitions.
    pub specific_only: bool,
}

impl Learner {
    pub fn new() -> Learner {
        Learner {
            step: 1.0,
            ..Learner::default()
        }
    }

    /// One sentence: decodes it (within `hard` masks) and, if the path differs from the best path
    /// inside `gold` masks, updates by `rate`. Returns whether it erred.
    pub fn learn(
        &mut self,
        base: Option<&Weights>,
        obs: &Observation,
        gold: &[Mask],
        hard: Option<&[Mask]>,
        rate: f32,
    ) -> bool {
        self.learn_with_margin(base, obs, gold, hard, rate, 0.0)
    }

    /// [`Learner::learn`], where the gold path must also win by `margin` per char against any
    /// label outside the gold masks (the prediction is decoded with that much added to them), so
    /// that a few taught sentences are learned firmly enough to carry to the next ones.
    pub fn learn_with_margin(
        &mut self,
        base: Option<&Weights>,
        obs: &Observation,
        gold: &[Mask],
        hard: Option<&[Mask]>,
        rate: f32,
        margin: f32,
    ) -> bool {
        let layers: Vec<&Weights> = base.into_iter().chain([&self.weights]).collect();
        let em = emissions(&layers, obs);
        let tr = transitions(&layers);
        let mut augmented = em.clone();
        if margin > 0.0 {
            for (scores, &mask) in augmented.iter_mut().zip(gold) {
                for (l, s) in scores.iter_mut().enumerate() {
                    if mask & (1 << l) == 0 {
                        *s += margin;
                    }
                }
            }
        }
        let predicted = viterbi(&augmented, &tr, hard);
        // The gold path obeys the hard constraints too wherever the annotation leaves room.
        let gold: Vec<Mask> = match hard {
            Some(hard) => gold
                .iter()
                .zip(hard)
                .map(|(&g, &h)| if g & h != 0 { g & h } else { g })
                .collect(),
            None => gold.to_vec(),
        };
        let target = viterbi(&em, &tr, Some(&gold));
        let erred = predicted != target;
        if erred {
            self.update(obs, &target, rate);
            self.update(obs, &predicted, -rate);
        }
        self.step += 1.0;
        erred
    }

    fn update(&mut self, obs: &Observation, path: &[usize], rate: f32) {
        let step = self.step;
        for (c, &label) in path.iter().enumerate() {
            for &f in obs.at(c) {
                if self.specific_only && !is_specific(f) {
                    continue;
                }
                let before = self.weights.features();
                let row = self.weights.row_mut(f);
                row[label] += rate;
                if self.weights.features() > before {
                    self.sums.extend([0.0; LABELS]);
                }
                let r = self.weights.rows.get(f).expect("row_mut made the row") as usize;
                self.sums[r * LABELS + label] += step * rate;
            }
            if c > 0 && !self.specific_only {
                self.weights.transitions[path[c - 1]][label] += rate;
                self.transition_sums[path[c - 1]][label] += step * rate;
            }
        }
    }

    /// The averaged weights, rows whose every weight is below `prune` in size left out.
    pub fn averaged(&self, prune: f32) -> Weights {
        let step = self.step;
        let mut out = Weights::default();
        let mut keys: Vec<(u64, u32)> = self.weights.rows.iter().collect();
        keys.sort_unstable();
        for (key, r) in keys {
            let r = r as usize;
            let mut row = [0f32; LABELS];
            for (l, cell) in row.iter_mut().enumerate() {
                let i = r * LABELS + l;
                let v = self.weights.values[i] - self.sums[i] / step;
                *cell = if v.abs() >= prune { v } else { 0.0 };
            }
            if row.iter().any(|&v| v != 0.0) {
                out.row_mut(key).copy_from_slice(&row);
            }
        }
        for (from, row) in out.transitions.iter_mut().enumerate() {
            for (to, cell) in row.iter_mut().enumerate() {
                *cell = self.weights.transitions[from][to] - self.transition_sums[from][to] / step;
            }
        }
        out
    }

    /// The current (not averaged) weights, for layers that keep learning.
    pub fn current(&self) -> &Weights {
        &self.weights
    }
}
