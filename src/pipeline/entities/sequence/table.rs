//! The map from feature hash to row index that every char's score reads tens of times: a flat
//! open-addressing table (linear probing, at most half full), so that a lookup is usually one
//! read of one slot holding both the key and its row.

/// A slot's row when the slot is free.
const FREE: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    row: u32,
}

const EMPTY_SLOT: Slot = Slot { key: 0, row: FREE };

/// Feature hash → row index.
#[derive(Clone, Default)]
pub struct FeatureTable {
    slots: Vec<Slot>,
    len: usize,
}

impl FeatureTable {
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of slots.
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// Where `key`'s probe starts. Feature hashes keep a flag in their low bit, so the slot is
    /// taken from the high bits of a multiplicative mix.
    fn home(&self, key: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    /// The slot holding `key`, or the free slot where it would go. The table is never full.
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = self.home(key);
        loop {
            let slot = self.slots[at];
            if slot.row == FREE || slot.key == key {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The row of `key`, if it has one.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = self.slots[self.find(key)];
        (slot.row != FREE).then_some(slot.row)
    }

    /// The row of `key`, given `row` first if it had none.
    pub fn get_or_insert(&mut self, key: u64, row: u32) -> u32 {
        self.reserve(1);
        let at = self.find(key);
        if self.slots[at].row == FREE {
            self.slots[at] = Slot { key, row };
            self.len += 1;
        }
        self.slots[at].row
    }

    /// Room for `more` keys without growing.
    pub fn reserve(&mut self, more: usize) {
        let wanted = ((self.len + more) * 2).next_power_of_two().max(16);
        if wanted <= self.slots.len() {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![EMPTY_SLOT; wanted]);
        for slot in old.into_iter().filter(|s| s.row != FREE) {
            let at = self.find(slot.key);
            self.slots[at] = slot;
        }
    }

    /// Every (key, row), in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.row != FREE)
            .map(|s| (s.key, s.row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_their_rows_through_growth() {
        let mut table = FeatureTable::default();
        assert_eq!(table.get(5), None);
        for key in 0..1000u64 {
            assert_eq!(table.get_or_insert(key * 7919, key as u32), key as u32);
        }
        assert_eq!(
            table.get_or_insert(7919, 99),
            1,
            "an existing key keeps its row"
        );
        assert_eq!(table.len(), 1000);
        assert!(table.capacity() >= 2000);
        for key in 0..1000u64 {
            assert_eq!(table.get(key * 7919), Some(key as u32));
        }
        assert_eq!(table.get(1), None);
        assert_eq!(table.iter().count(), 1000);
    }
}
