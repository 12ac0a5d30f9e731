//! The project's own layer of weights, learned from what the editor decided in it: confirmed and
//! hand-made spans, and rejected suggestions ([`super::taught`]). It is added to the shipped
//! weights when the project's articles are tagged, so a pattern the editor taught three times is
//! suggested in the next article, and a kind of suggestion they kept rejecting stops appearing.
//!
//! The layer is learned again from the project each time suggestions run: the project file holds
//! the editor's decisions, which are the layer's whole source, so nothing new needs saving.

use super::features::{Observation, hard_masks};
use super::learn::Learner;
use super::taught::Taught;
use super::weights::Weights;

/// Passes over the taught fields at most; learning stops earlier once they are all decoded as
/// taught.
const PASSES: usize = 20;

/// How far one correction moves the weights: the taught fields must win over the shipped
/// weights, which were learned from many thousands of sentences.
const RATE: f32 = 1.0;

/// By how much, per char, the taught labels must beat every other label before learning stops.
const MARGIN: f32 = 10.0;

/// The layer learned from `taught`, given the observations of their texts (`observe`) and the
/// shipped weights it is added to. `None` when nothing was taught.
pub fn learn(
    base: &Weights,
    taught: &[Taught],
    observe: impl Fn(&str) -> Observation,
) -> Option<Weights> {
    if taught.is_empty() {
        return None;
    }
    let examples: Vec<(Observation, Vec<u32>, &Taught)> = taught
        .iter()
        .map(|t| {
            let chars: Vec<char> = t.text.chars().collect();
            (observe(&t.text), hard_masks(&chars), t)
        })
        .filter(|(obs, _, t)| obs.len() == t.masks.len())
        .collect();
    let mut learner = Learner::new();
    learner.specific_only = true;
    for _ in 0..PASSES {
        let mut errors = 0;
        for (obs, hard, t) in &examples {
            if learner.learn_with_margin(Some(base), obs, &t.masks, Some(hard), RATE, MARGIN) {
                errors += 1;
            }
        }
        if errors == 0 {
            break;
        }
    }
    let layer = learner.current().clone();
    (!layer.is_empty()).then_some(layer)
}
