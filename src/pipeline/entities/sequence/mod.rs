//! The learned core of the entity suggestions: a character-level sequence tagger (BIOES labels
//! over PERSON / TITLE / ORG / PLACE), an averaged structured perceptron over hashed features,
//! decoded by Viterbi over legal label transitions. Its weights are trained by
//! `examples/train_tagger.rs` and shipped in `assets/models/entities.bin`; see
//! `assets/models/README.md` for the data they come from and how to reproduce them.

pub mod adapt;
pub mod decode;
pub mod features;
pub mod labels;
pub mod learn;
pub mod packed;
pub mod table;
pub mod taught;
pub mod weights;

use std::sync::OnceLock;

pub use features::{LexiconMatcher, Observation};
pub use labels::Mask;
pub use weights::Weights;

/// The shipped weights, compiled into the program.
pub(crate) const SHIPPED: &[u8] = include_bytes!("../../../../assets/models/entities.bin");

/// Environment variable naming a weights file to use instead of the shipped one (to try a model
/// just trained without rebuilding the program).
pub const WEIGHTS_VAR: &str = "JIAODUI_ENTITY_WEIGHTS";

/// How far scores are sharpened before they are read as probabilities for a span's confidence.
pub const SHARPNESS: f32 = 1.0;

/// The weights of the process, read once: from [`WEIGHTS_VAR`] if it names a readable file,
/// otherwise the shipped ones.
pub fn shipped() -> &'static Weights {
    static WEIGHTS: OnceLock<Weights> = OnceLock::new();
    WEIGHTS.get_or_init(load_shipped)
}

/// Reads the weights [`shipped`] keeps, anew: what loading them costs a process.
pub fn load_shipped() -> Weights {
    if let Some(path) = std::env::var_os(WEIGHTS_VAR) {
        match std::fs::read(&path).map(|b| Weights::from_bytes(&b)) {
            Ok(Ok(weights)) => return weights,
            Ok(Err(error)) => eprintln!("{}: {error}", path.to_string_lossy()),
            Err(error) => eprintln!("{}: {error}", path.to_string_lossy()),
        }
    }
    Weights::from_static(SHIPPED).expect("the shipped weights are well formed")
}

/// A span the model suggests: kind index (of [`labels::KINDS`]), chars, confidence 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Suggestion {
    pub kind: usize,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
}

/// The spans of the best path for `obs` under the added-up `layers`, within `masks`.
pub fn suggest(layers: &[&Weights], obs: &Observation, masks: Option<&[Mask]>) -> Vec<Suggestion> {
    let em = learn::emissions(layers, obs);
    let tr = learn::transitions(layers);
    let path = decode::viterbi(&em, &tr, masks);
    let spans = labels::to_spans(&path);
    let confidences = decode::span_confidences(&em, &tr, &spans, SHARPNESS);
    spans
        .into_iter()
        .zip(confidences)
        .map(|((kind, start, end), confidence)| Suggestion {
            kind,
            start,
            end,
            confidence,
        })
        .collect()
}
