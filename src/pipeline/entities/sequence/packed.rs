//! The rows of weights read from a file, packed for scoring. Every char's score reads tens of
//! rows, nearly each a cache miss: a dense row of 17 floats found through a key table cost two
//! or three misses and 68 bytes of memory per feature. Here a 16-byte slot of an open-addressing
//! table (linear probing, at most half full) holds the feature's hash and, for five rows in six,
//! all of its non-zero weights, quantised as the file stores them — so scoring a feature reads
//! one slot. Rows with more than three non-zero weights keep them in an overflow array.
//!
//! The table is the file's own layout ([`PackedRows::image`]): the weights compiled into the
//! program are read where they lie, with no parsing and no copy, and only the pages a text
//! touches are ever loaded.
//!
//! A weight is added as `q as f32 * scale`, the value a dense row held, in the same feature
//! order: scores come out bit for bit the same.

use super::decode::Scores;
use super::labels::LABELS;

/// Bits of one inline cell: a label (5 bits) and its quantised weight (16 bits).
const CELL_BITS: u32 = 21;
const CELL_MASK: u64 = (1 << CELL_BITS) - 1;
/// Cells a slot holds inline.
const INLINE: usize = 3;
/// The label of an unused inline cell.
const NO_LABEL: u64 = 31;
/// Set in a slot's cells when the row's weights are in the overflow array: then bits 32..40
/// hold their count and bits 0..32 where they start.
const OVERFLOW: u64 = 1 << 63;
/// Bytes of a slot: the key, then the cells, little-endian. A slot whose cells are 0 is free
/// (no row makes 0: an unused cell's label is not 0).
const SLOT: usize = 16;
/// Bytes of the image's header: row count, slot count, overflow length (u64 each).
const HEADER: usize = 24;
/// Largest table an image may declare (2^28 slots, 4 GB).
const MAX_SLOTS: u64 = 1 << 28;

/// The bytes of an image: compiled into the program, or read from a file.
#[derive(Clone)]
enum Bytes {
    Static(&'static [u8]),
    Owned(Vec<u8>),
}

impl Bytes {
    fn get(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Owned(b) => b,
        }
    }
}

/// Feature hash → non-zero quantised label weights.
#[derive(Clone)]
pub struct PackedRows {
    bytes: Bytes,
    scale: f32,
    len: usize,
    /// Slot count − 1 (a power of two less one); 0 with no slots.
    mask: usize,
    slots: usize,
    overflow_at: usize,
    overflow_len: usize,
}

impl Default for PackedRows {
    fn default() -> PackedRows {
        PackedRows {
            bytes: Bytes::Static(&[]),
            scale: 1.0,
            len: 0,
            mask: 0,
            slots: 0,
            overflow_at: HEADER,
            overflow_len: 0,
        }
    }
}

/// Why an image could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadImage;

#[inline(always)]
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

#[inline(always)]
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

#[inline(always)]
fn home(key: u64, slots: usize) -> usize {
    let bits = slots.trailing_zeros();
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// Touches the cache line of `bytes[at]` so that the processor starts bringing it in; nothing
/// waits for the value, so the load overlaps with the work that follows.
#[inline(always)]
fn prefetch(bytes: &[u8], at: usize) {
    if let Some(&byte) = bytes.get(at) {
        std::hint::black_box(byte);
    }
}

impl PackedRows {
    /// Packs `rows` — (feature, its (label, quantised weight) cells) — whose weights are
    /// multiplied by `scale`. A feature given twice keeps its first row.
    pub fn build(rows: &[(u64, Vec<(u8, i16)>)], scale: f32) -> PackedRows {
        let slots = (rows.len() * 2).next_power_of_two().max(16);
        let mut table = vec![(0u64, 0u64); slots];
        let mut overflow: Vec<u32> = Vec::new();
        let mut len = 0;
        for (key, cells) in rows {
            let mut at = home(*key, slots);
            while table[at].1 != 0 && table[at].0 != *key {
                at = (at + 1) & (slots - 1);
            }
            if table[at].1 != 0 {
                continue;
            }
            let packed = if cells.len() <= INLINE {
                let mut packed = 0u64;
                for k in 0..INLINE {
                    let cell = match cells.get(k) {
                        Some(&(label, q)) => label as u64 | ((q as u16 as u64) << 5),
                        None => NO_LABEL,
                    };
                    packed |= cell << (CELL_BITS * k as u32);
                }
                packed
            } else {
                let start = overflow.len() as u64;
                overflow.extend(
                    cells
                        .iter()
                        .map(|&(l, q)| l as u32 | ((q as u16 as u32) << 16)),
                );
                OVERFLOW | ((cells.len() as u64) << 32) | start
            };
            table[at] = (*key, packed);
            len += 1;
        }
        let mut bytes = Vec::with_capacity(HEADER + slots * SLOT + overflow.len() * 4);
        bytes.extend_from_slice(&(len as u64).to_le_bytes());
        bytes.extend_from_slice(&(slots as u64).to_le_bytes());
        bytes.extend_from_slice(&(overflow.len() as u64).to_le_bytes());
        for (key, cells) in table {
            bytes.extend_from_slice(&key.to_le_bytes());
            bytes.extend_from_slice(&cells.to_le_bytes());
        }
        for cell in overflow {
            bytes.extend_from_slice(&cell.to_le_bytes());
        }
        PackedRows::view(Bytes::Owned(bytes), scale).expect("a packed table reads back")
    }

    /// The table's image: what a weights file stores after its header.
    pub fn image(&self) -> &[u8] {
        self.bytes.get()
    }

    /// The scale quantised weights are multiplied by.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Reads an image compiled into the program, where it lies. Only its counts are checked:
    /// the program's own weights are checked by its tests.
    pub fn from_static(image: &'static [u8], scale: f32) -> Result<PackedRows, BadImage> {
        PackedRows::view(Bytes::Static(image), scale)
    }

    /// Reads an image from a file's bytes, checking every slot, so that a damaged file is
    /// refused rather than read wrong.
    pub fn from_bytes(image: &[u8], scale: f32) -> Result<PackedRows, BadImage> {
        let rows = PackedRows::view(Bytes::Owned(image.to_vec()), scale)?;
        rows.check()?;
        Ok(rows)
    }

    fn view(bytes: Bytes, scale: f32) -> Result<PackedRows, BadImage> {
        let b = bytes.get();
        if b.len() < HEADER {
            return Err(BadImage);
        }
        let (len, slots, overflow_len) = (u64_at(b, 0), u64_at(b, 8), u64_at(b, 16));
        if !slots.is_power_of_two() || slots > MAX_SLOTS || len >= slots || overflow_len > 1 << 32 {
            return Err(BadImage);
        }
        let overflow_at = HEADER + slots as usize * SLOT;
        if b.len() != overflow_at + overflow_len as usize * 4 {
            return Err(BadImage);
        }
        Ok(PackedRows {
            scale,
            len: len as usize,
            mask: slots as usize - 1,
            slots: slots as usize,
            overflow_at,
            overflow_len: overflow_len as usize,
            bytes,
        })
    }

    /// Every slot well formed: the declared number of rows, overflow ranges inside the array,
    /// labels in range, and a free slot to end every probe.
    fn check(&self) -> Result<(), BadImage> {
        let mut rows = 0;
        for i in 0..self.slots {
            let cells = self.cells(i);
            if cells == 0 {
                continue;
            }
            rows += 1;
            if cells & OVERFLOW == 0 {
                continue;
            }
            let start = (cells & 0xFFFF_FFFF) as usize;
            let count = ((cells >> 32) & 0xFF) as usize;
            if cells >> 40 != OVERFLOW >> 40 || start + count > self.overflow_len {
                return Err(BadImage);
            }
            let b = self.bytes.get();
            for k in start..start + count {
                if (u32_at(b, self.overflow_at + k * 4) & 0xFF) as usize >= LABELS {
                    return Err(BadImage);
                }
            }
        }
        if rows != self.len || self.len >= self.slots {
            return Err(BadImage);
        }
        Ok(())
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes held in memory: those of an image read from a file, and none of one compiled into
    /// the program, whose pages the system loads as they are read and may drop again.
    pub fn memory_bytes(&self) -> usize {
        match &self.bytes {
            Bytes::Static(_) => 0,
            Bytes::Owned(b) => b.capacity(),
        }
    }

    #[inline(always)]
    fn key(&self, slot: usize) -> u64 {
        u64_at(self.bytes.get(), HEADER + slot * SLOT)
    }

    #[inline(always)]
    fn cells(&self, slot: usize) -> u64 {
        u64_at(self.bytes.get(), HEADER + slot * SLOT + 8)
    }

    /// The cells of `key`'s row, or 0 if it has none.
    #[inline(always)]
    fn find(&self, key: u64) -> u64 {
        if self.slots == 0 {
            return 0;
        }
        let b = self.bytes.get();
        let mut at = home(key, self.slots);
        loop {
            let offset = HEADER + at * SLOT;
            let slot = &b[offset..offset + SLOT];
            let cells = u64_at(slot, 8);
            if cells == 0 || u64_at(slot, 0) == key {
                return cells;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Adds to `scores[c]` the rows of `features[starts[c]..starts[c + 1]]`, in order, for every
    /// char `c` of a text. The slots of the features a little ahead are fetched into the cache
    /// (and, a little nearer, the overflow weights they point to) while the current ones are
    /// added, so that the cache misses of a text overlap instead of coming one after another.
    pub fn add_all(&self, features: &[u64], starts: &[u32], scores: &mut [Scores]) {
        /// How many features ahead a slot is fetched, and its overflow weights.
        const SLOT_AHEAD: usize = 16;
        const OVERFLOW_AHEAD: usize = 8;
        if self.slots == 0 {
            return;
        }
        let b = self.bytes.get();
        for (c, out) in scores.iter_mut().enumerate() {
            let (from, to) = (starts[c] as usize, starts[c + 1] as usize);
            for i in from..to {
                if let Some(&ahead) = features.get(i + SLOT_AHEAD) {
                    prefetch(b, HEADER + home(ahead, self.slots) * SLOT);
                }
                if let Some(&ahead) = features.get(i + OVERFLOW_AHEAD) {
                    let cells = self.find(ahead);
                    if cells & OVERFLOW != 0 {
                        prefetch(b, self.overflow_at + (cells & 0xFFFF_FFFF) as usize * 4);
                    }
                }
                let cells = self.find(features[i]);
                if cells != 0 {
                    self.add_row(cells, out);
                }
            }
        }
    }

    /// Adds the rows of `features` to `scores`, in order.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut Scores) {
        for &f in features {
            let cells = self.find(f);
            if cells != 0 {
                self.add_row(cells, scores);
            }
        }
    }

    #[inline(always)]
    fn add_row(&self, cells: u64, scores: &mut Scores) {
        let scale = self.scale;
        if cells & OVERFLOW == 0 {
            for k in 0..INLINE {
                let cell = (cells >> (CELL_BITS * k as u32)) & CELL_MASK;
                let label = (cell & 31) as usize;
                if label >= LABELS {
                    break;
                }
                let q = (cell >> 5) as u16 as i16;
                scores[label] += q as f32 * scale;
            }
        } else {
            let start = (cells & 0xFFFF_FFFF) as usize;
            let count = ((cells >> 32) & 0xFF) as usize;
            let b = self.bytes.get();
            let from = self.overflow_at + start * 4;
            for cell in b[from..from + count * 4].chunks_exact(4) {
                let cell = u32::from_le_bytes(cell.try_into().expect("4 bytes"));
                let q = (cell >> 16) as u16 as i16;
                scores[(cell & 0xFF) as usize] += q as f32 * scale;
            }
        }
    }

    /// The row of `key` as label weights, if it has one.
    pub fn row(&self, key: u64) -> Option<[f32; LABELS]> {
        let cells = self.find(key);
        (cells != 0).then(|| {
            let mut row = [0f32; LABELS];
            self.add_row(cells, &mut row);
            row
        })
    }

    /// Every (key, row), in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, [f32; LABELS])> + '_ {
        (0..self.slots).filter(|&i| self.cells(i) != 0).map(|i| {
            let mut row = [0f32; LABELS];
            self.add_row(self.cells(i), &mut row);
            (self.key(i), row)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_inline_and_overflowing_read_back_as_their_weights() {
        let rows = PackedRows::build(
            &[
                (7, vec![(0, 3), (16, -2)]),
                (9, vec![(1, 1), (2, 2), (3, 3), (4, -4), (5, 32767)]),
                (11, vec![]),
                (7, vec![(5, 5)]),
            ],
            0.5,
        );
        assert_eq!(rows.len(), 3);
        let seven = rows.row(7).unwrap();
        assert_eq!((seven[0], seven[16], seven[5]), (1.5, -1.0, 0.0));
        let nine = rows.row(9).unwrap();
        assert_eq!(&nine[1..6], &[0.5, 1.0, 1.5, -2.0, 32767.0 * 0.5]);
        assert_eq!(rows.row(11), Some([0.0; LABELS]), "a row of zeros is a row");
        assert_eq!(rows.row(8), None);
        let mut scores = [0f32; LABELS];
        rows.add_scores(&[7, 8, 9, 7], &mut scores);
        assert_eq!(scores[0], 3.0);
        assert_eq!(scores[4], -2.0);
        assert_eq!(rows.iter().count(), 3);

        let again = PackedRows::from_bytes(rows.image(), 0.5).unwrap();
        assert_eq!(again.row(9), rows.row(9));
        let mut damaged = rows.image().to_vec();
        damaged.truncate(damaged.len() - 1);
        assert_eq!(PackedRows::from_bytes(&damaged, 0.5).err(), Some(BadImage));
        let mut damaged = rows.image().to_vec();
        // Claim one row more than the table holds.
        damaged[0] += 1;
        assert_eq!(PackedRows::from_bytes(&damaged, 0.5).err(), Some(BadImage));
    }
}
