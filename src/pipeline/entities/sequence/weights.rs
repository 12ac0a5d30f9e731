//! The model's weights: one row of label scores per hashed feature, and the label-to-label
//! transition scores. Weights being trained are dense rows that change. The file stores them
//! packed for scoring ([`PackedRows`]: non-zero weights only, quantised to 16 bits, laid out as
//! the table that scores them), and weights read from a file stay in that form — the shipped
//! ones where the program holds them, without parsing or copying.
//!
//! File: `JDSEQ002`, the label count (u32), the scale of the quantised weights (f32), the
//! transitions (f32, from-major), then the packed table's image. Files of the first version
//! (`JDSEQ001`: the rows one after another, each its key, its count of non-zero weights and
//! those as (label u8, weight i16)) are still read.

use super::decode::{Scores, Transitions};
use super::features::Observation;
use super::labels::LABELS;
use super::packed::PackedRows;
use super::table::FeatureTable;

/// First bytes of a weights file.
const MAGIC: &[u8; 8] = b"JDSEQ002";

/// First bytes of a weights file of the first version, read still.
const MAGIC_ROWS: &[u8; 8] = b"JDSEQ001";

/// Bytes before the packed table: magic, label count, scale, transitions.
const HEADER: usize = 16 + LABELS * LABELS * 4;

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
    /// Dense rows (weights being trained): feature → row index into `values`.
    pub(crate) rows: FeatureTable,
    pub(crate) values: Vec<f32>,
    /// Rows read from a file; a weights value has these or dense rows, never both.
    packed: PackedRows,
    pub(crate) transitions: Transitions,
}

impl Weights {
    /// Number of features with a row.
    pub fn features(&self) -> usize {
        self.rows.len() + self.packed.len()
    }

    /// Whether no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.packed.is_empty()
    }

    /// Bytes held in memory by the rows (keys, indices and values), roughly.
    pub fn memory_bytes(&self) -> usize {
        self.rows.capacity() * 16 + self.values.capacity() * 4 + self.packed.memory_bytes()
    }

    /// The row of `feature`, if it has one.
    pub fn row(&self, feature: u64) -> Option<[f32; LABELS]> {
        if !self.packed.is_empty() {
            return self.packed.row(feature);
        }
        self.rows.get(feature).map(|r| {
            self.values[r as usize * LABELS..(r as usize + 1) * LABELS]
                .try_into()
                .expect("a row has a weight per label")
        })
    }

    /// Every (feature, row), in no particular order.
    fn all_rows(&self) -> Vec<(u64, [f32; LABELS])> {
        if !self.packed.is_empty() {
            return self.packed.iter().collect();
        }
        self.rows
            .iter()
            .map(|(key, r)| {
                let row = &self.values[r as usize * LABELS..(r as usize + 1) * LABELS];
                (key, row.try_into().expect("a row has a weight per label"))
            })
            .collect()
    }

    /// A mutable row for `feature`, created at zero. Packed rows (read from a file) are made
    /// dense first, so that weights read from a file can be trained further.
    pub fn row_mut(&mut self, feature: u64) -> &mut [f32] {
        if !self.packed.is_empty() {
            let mut rows = self.all_rows();
            rows.sort_unstable_by_key(|&(key, _)| key);
            self.packed = PackedRows::default();
            for (key, row) in rows {
                self.row_mut(key).copy_from_slice(&row);
            }
        }
        let next = self.rows.len() as u32;
        let r = self.rows.get_or_insert(feature, next) as usize;
        if r == next as usize {
            self.values.extend([0.0; LABELS]);
        }
        &mut self.values[r * LABELS..(r + 1) * LABELS]
    }

    /// Adds to `scores[c]` the rows of every char's features in `obs`.
    pub fn add_all(&self, obs: &Observation, scores: &mut [Scores]) {
        if !self.packed.is_empty() {
            self.packed.add_all(&obs.features, &obs.starts, scores);
            return;
        }
        for (c, out) in scores.iter_mut().enumerate() {
            self.add_scores(obs.at(c), out);
        }
    }

    /// Adds the rows of `features` to `scores`.
    pub fn add_scores(&self, features: &[u64], scores: &mut Scores) {
        if !self.packed.is_empty() {
            self.packed.add_scores(features, scores);
            return;
        }
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
        let packed;
        let table = if self.packed.is_empty() {
            packed = self.quantised();
            &packed
        } else {
            &self.packed
        };
        let mut out = Vec::with_capacity(HEADER + table.image().len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(LABELS as u32).to_le_bytes());
        out.extend_from_slice(&table.scale().to_le_bytes());
        for v in self.transitions.iter().flatten() {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(table.image());
        out
    }

    /// The dense rows quantised to 16 bits (the largest weight, transitions included, at
    /// ±32767) and packed.
    fn quantised(&self) -> PackedRows {
        let mut rows = self.all_rows();
        rows.sort_unstable_by_key(|&(key, _)| key);
        let largest = rows
            .iter()
            .flat_map(|(_, row)| row.iter())
            .chain(self.transitions.iter().flatten())
            .fold(0f32, |m, v| m.max(v.abs()));
        let scale = if largest > 0.0 {
            largest / 32767.0
        } else {
            1.0
        };
        let cells: Vec<(u64, Vec<(u8, i16)>)> = rows
            .into_iter()
            .map(|(key, row)| {
                let quantised = row
                    .iter()
                    .enumerate()
                    .map(|(l, v)| (l as u8, (v / scale).round() as i16))
                    .filter(|&(_, q)| q != 0)
                    .collect();
                (key, quantised)
            })
            .collect();
        PackedRows::build(&cells, scale)
    }

    /// The label count, scale and transitions of a weights file, and where its rows start.
    fn read_header(bytes: &[u8]) -> Result<(Weights, f32, &[u8]), WeightsError> {
        if bytes.len() < HEADER {
            return Err(
                if bytes.len() >= 8 && (&bytes[..8] == MAGIC || &bytes[..8] == MAGIC_ROWS) {
                    WeightsError::Truncated
                } else {
                    WeightsError::BadMagic
                },
            );
        }
        let labels = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes")) as usize;
        if labels != LABELS {
            return Err(WeightsError::BadMagic);
        }
        let scale = f32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes"));
        let mut weights = Weights::default();
        for (v, b) in weights
            .transitions
            .iter_mut()
            .flatten()
            .zip(bytes[16..HEADER].chunks_exact(4))
        {
            *v = f32::from_le_bytes(b.try_into().expect("4 bytes"));
        }
        Ok((weights, scale, &bytes[HEADER..]))
    }

    /// Reads weights compiled into the program, where they lie: the rows are not parsed or
    /// copied, and only the pages that texts touch are ever loaded.
    pub fn from_static(bytes: &'static [u8]) -> Result<Weights, WeightsError> {
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Weights::from_bytes(bytes);
        }
        let (mut weights, scale, image) = Weights::read_header(bytes)?;
        weights.packed =
            PackedRows::from_static(image, scale).map_err(|_| WeightsError::Truncated)?;
        Ok(weights)
    }

    /// Reads a weights file written by [`Weights::to_bytes`] (or by the first version).
    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, WeightsError> {
        let magic = bytes.get(..8).ok_or(WeightsError::BadMagic)?;
        if magic != MAGIC && magic != MAGIC_ROWS {
            return Err(WeightsError::BadMagic);
        }
        let (mut weights, scale, rest) = Weights::read_header(bytes)?;
        weights.packed = if magic == MAGIC {
            PackedRows::from_bytes(rest, scale).map_err(|_| WeightsError::Truncated)?
        } else {
            read_rows(rest, scale)?
        };
        Ok(weights)
    }
}

/// The rows of a first-version file, packed.
fn read_rows(bytes: &[u8], scale: f32) -> Result<PackedRows, WeightsError> {
    let mut at = 0usize;
    let mut take = |n: usize| -> Result<&[u8], WeightsError> {
        let slice = bytes.get(at..at + n).ok_or(WeightsError::Truncated)?;
        at += n;
        Ok(slice)
    };
    let count = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes")) as usize;
    // Each row takes at least 9 bytes: a count beyond that is a damaged file, not a reason to
    // reserve gigabytes.
    if count > bytes.len() / 9 {
        return Err(WeightsError::Truncated);
    }
    let mut rows = Vec::with_capacity(count);
    for _ in 0..count {
        let key = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
        let n = take(1)?[0] as usize;
        let mut cells = Vec::with_capacity(n);
        for _ in 0..n {
            let cell = take(3)?;
            let q = i16::from_le_bytes([cell[1], cell[2]]);
            if (cell[0] as usize) < LABELS && q != 0 {
                cells.push((cell[0], q));
            }
        }
        rows.push((key, cells));
    }
    Ok(PackedRows::build(&rows, scale))
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
        let bytes = w.to_bytes();
        assert!(matches!(
            Weights::from_bytes(&bytes[..bytes.len() - 4]),
            Err(WeightsError::Truncated)
        ));
        // Written again, weights read from a file are the same file.
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn a_first_version_file_reads_as_the_same_weights() {
        let mut old = Vec::new();
        old.extend_from_slice(MAGIC_ROWS);
        old.extend_from_slice(&(LABELS as u32).to_le_bytes());
        old.extend_from_slice(&0.5f32.to_le_bytes());
        old.extend(std::iter::repeat_n(0u8, LABELS * LABELS * 4));
        old.extend_from_slice(&2u64.to_le_bytes());
        for (key, cells) in [(42u64, vec![(3u8, 3i16)]), (7, vec![(0, -1), (16, 2)])] {
            old.extend_from_slice(&key.to_le_bytes());
            old.push(cells.len() as u8);
            for (l, q) in cells {
                old.push(l);
                old.extend_from_slice(&q.to_le_bytes());
            }
        }
        let w = Weights::from_bytes(&old).unwrap();
        assert_eq!(w.features(), 2);
        assert_eq!(w.row(42).unwrap()[3], 1.5);
        assert_eq!((w.row(7).unwrap()[0], w.row(7).unwrap()[16]), (-0.5, 1.0));
        let again = Weights::from_bytes(&w.to_bytes()).unwrap();
        assert_eq!(again.row(7), w.row(7));
    }

    #[test]
    fn the_shipped_weights_are_well_formed() {
        let shipped = super::super::SHIPPED;
        let checked = Weights::from_bytes(shipped).expect("every slot checks");
        let lying = Weights::from_static(shipped).unwrap();
        assert_eq!(checked.features(), lying.features());
        assert!(checked.features() > 100_000);
    }
}
