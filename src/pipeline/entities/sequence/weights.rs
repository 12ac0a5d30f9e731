//! The model's weights: one row of label scores per hashed feature, and the label-to-label
//! transition scores. Stored as a compact binary file: rows keep only their non-zero labels,
//! weights are quantised to 16 bits.

use super::decode::{Scores, Transitions};
use super::labels::LABELS;
use super::table::FeatureTable;

/// First bytes of a weights file.
const MAGIC: &[u8; 8] = b"JDSEQ001";

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WeightsError {
    #[error("not a weights file of this version")]
    BadMagic,
    #[error("the weights file ends early")]
    Truncated,
}

/// Weights of the sequence model.
#[derive(Clone, Default)]
pub struct Weights {
    pub(crate) rows: FeatureTable,
    pub(crate) values: Vec<f32>,
    pub(crate) transitions: Transitions,
}

impl Weights {
    /// Number of features with a row.
    pub fn features(&self) -> usize {
        self.rows.len()
    }

    /// Whether no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Bytes held in memory by the rows (keys, indices and values), roughly.
    pub fn memory_bytes(&self) -> usize {
        self.rows.capacity() * 16 + self.values.capacity() * 4
    }

    /// The row of `feature`, if it has one.
    pub fn row(&self, feature: u64) -> Option<&[f32]> {
        self.rows
            .get(feature)
            .map(|r| &self.values[r as usize * LABELS..(r as usize + 1) * LABELS])
    }

    /// A mutable row for `feature`, created at zero.
    pub fn row_mut(&mut self, feature: u64) -> &mut [f32] {
        let next = self.rows.len() as u32;
        let r = self.rows.get_or_insert(feature, next) as usize;
        if r == next as usize {
            self.values.extend([0.0; LABELS]);
        }
        &mut self.values[r * LABELS..(r + 1) * LABELS]
    }

    /// Adds the rows of `features` to `scores`.
    pub fn add_scores(&self, features: &[u64], scores: &mut Scores) {
        for &f in features {
            if let Some(row) = self.row(f) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The weights as a file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<(u64, u32)> = self.rows.iter().collect();
        keys.sort_unstable();
        let largest = self
            .values
            .iter()
            .chain(self.transitions.iter().flatten())
            .fold(0f32, |m, v| m.max(v.abs()));
        let scale = if largest > 0.0 {
            largest / 32767.0
        } else {
            1.0
        };
        let mut out = Vec::with_capacity(16 + keys.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(LABELS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for v in self.transitions.iter().flatten() {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(keys.len() as u64).to_le_bytes());
        for (key, r) in keys {
            let row = &self.values[r as usize * LABELS..(r as usize + 1) * LABELS];
            let quantised: Vec<(u8, i16)> = row
                .iter()
                .enumerate()
                .map(|(l, v)| (l as u8, (v / scale).round() as i16))
                .filter(|&(_, q)| q != 0)
                .collect();
            out.extend_from_slice(&key.to_le_bytes());
            out.push(quantised.len() as u8);
            for (l, q) in quantised {
                out.push(l);
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a weights file written by [`Weights::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, WeightsError> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], WeightsError> {
            let slice = bytes.get(at..at + n).ok_or(WeightsError::Truncated)?;
            at += n;
            Ok(slice)
        };
        if take(8)? != MAGIC {
            return Err(WeightsError::BadMagic);
        }
        let labels = u32::from_le_bytes(take(4)?.try_into().expect("4 bytes")) as usize;
        if labels != LABELS {
            return Err(WeightsError::BadMagic);
        }
        let scale = f32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
        let mut weights = Weights::default();
        for v in weights.transitions.iter_mut().flatten() {
            *v = f32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
        }
        let count = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes")) as usize;
        weights.rows.reserve(count);
        weights.values.reserve(count * LABELS);
        for r in 0..count {
            let key = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
            let n = take(1)?[0] as usize;
            let mut row = [0f32; LABELS];
            for _ in 0..n {
                let cell = take(3)?;
                let l = cell[0] as usize;
                let q = i16::from_le_bytes([cell[1], cell[2]]);
                if l < LABELS {
                    row[l] = q as f32 * scale;
                }
            }
            weights.rows.get_or_insert(key, r as u32);
            weights.values.extend_from_slice(&row);
        }
        Ok(weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_the_file_within_quantisation() {
        let mut w = Weights::default();
        w.row_mut(42)[3] = 1.5;
        w.row_mut(7)[0] = -0.25;
        w.transitions[1][2] = 0.5;
        let back = Weights::from_bytes(&w.to_bytes()).unwrap();
        assert_eq!(back.features(), 2);
        assert!((back.row(42).unwrap()[3] - 1.5).abs() < 1e-3);
        assert!((back.row(7).unwrap()[0] + 0.25).abs() < 1e-3);
        assert!((back.transitions[1][2] - 0.5).abs() < 1e-6);
        assert!(matches!(
            Weights::from_bytes(b"nonsense"),
            Err(WeightsError::BadMagic)
        ));
    }
}
