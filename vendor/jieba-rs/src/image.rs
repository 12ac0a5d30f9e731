//! A dictionary image: the loaded state of a [`Jieba`] written as flat arrays, which
//! [`Jieba::read_image`] reads back without parsing a dictionary text or building the trie.
//! Loading the default dictionary parses 350 000 lines and inserts each word into the trie;
//! reading its image copies a few arrays. The image holds everything segmentation reads, so a
//! segmenter read from an image cuts and tags exactly as the one that wrote it.
//!
//! Layout, little-endian: magic, header counts, tags, records, log frequencies, the trie's root
//! table and slots, and a checksum of every value written.

use std::io::{Read, Write};

use crate::trie::{CharTrie, RootEntry, Slot};
use crate::{Error, FxHashMap, Jieba, Record};

/// First bytes of an image; the digit changes with the layout.
const MAGIC: &[u8; 8] = b"JIEBAIM1";

/// Elements decoded per read, so that reading needs no buffer the size of the image.
const CHUNK: usize = 8192;

/// Fletcher-style checksum over the values of an image, cheap enough to compute while reading.
#[derive(Default)]
struct Checksum {
    sum: u64,
    sum_of_sums: u64,
}

impl Checksum {
    #[inline(always)]
    fn add(&mut self, value: u64) {
        self.sum = self.sum.wrapping_add(value);
        self.sum_of_sums = self.sum_of_sums.wrapping_add(self.sum);
    }

    fn value(&self) -> u64 {
        self.sum ^ self.sum_of_sums.rotate_left(32)
    }
}

fn invalid(what: &str) -> Error {
    Error::InvalidImage(what.to_string())
}

/// Writes values and keeps their checksum.
struct Writer<W: Write> {
    out: W,
    check: Checksum,
}

impl<W: Write> Writer<W> {
    fn u32(&mut self, v: u32) -> std::io::Result<()> {
        self.check.add(v as u64);
        self.out.write_all(&v.to_le_bytes())
    }

    fn u64(&mut self, v: u64) -> std::io::Result<()> {
        self.check.add(v);
        self.out.write_all(&v.to_le_bytes())
    }
}

/// Reads values and keeps their checksum.
struct Reader<R: Read> {
    input: R,
    check: Checksum,
    buffer: Vec<u8>,
}

impl<R: Read> Reader<R> {
    fn bytes<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let mut b = [0u8; N];
        self.input
            .read_exact(&mut b)
            .map_err(|_| invalid("the image ends early"))?;
        Ok(b)
    }

    fn u32(&mut self) -> Result<u32, Error> {
        let v = u32::from_le_bytes(self.bytes()?);
        self.check.add(v as u64);
        Ok(v)
    }

    fn u64(&mut self) -> Result<u64, Error> {
        let v = u64::from_le_bytes(self.bytes()?);
        self.check.add(v);
        Ok(v)
    }

    /// `count` elements of `SIZE` bytes each, decoded by `decode`, which adds what it reads to
    /// the checksum.
    fn array<T, const SIZE: usize>(
        &mut self,
        count: usize,
        mut decode: impl FnMut(&[u8; SIZE], &mut Checksum) -> T,
    ) -> Result<Vec<T>, Error> {
        let mut out = Vec::with_capacity(count);
        let mut left = count;
        while left > 0 {
            let n = left.min(CHUNK);
            self.buffer.resize(n * SIZE, 0);
            self.input
                .read_exact(&mut self.buffer)
                .map_err(|_| invalid("the image ends early"))?;
            for chunk in self.buffer.chunks_exact(SIZE) {
                let chunk: &[u8; SIZE] = chunk.try_into().expect("chunks of SIZE bytes");
                out.push(decode(chunk, &mut self.check));
            }
            left -= n;
        }
        Ok(out)
    }
}

#[inline(always)]
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

#[inline(always)]
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

impl Jieba {
    /// Writes the segmenter's whole state (dictionary, frequencies, tags, trie) as an image
    /// that [`Jieba::read_image`] reads back. A segmenter with a custom HMM model (see
    /// [`Jieba::set_hmm_model`]) has no image: the model is not part of it.
    pub fn write_image<W: Write>(&self, out: W) -> Result<(), Error> {
        if self.hmm_model.is_some() {
            return Err(invalid("a segmenter with a custom HMM model has no image"));
        }
        let trie = self.trie.parts();
        let mut w = Writer {
            out,
            check: Checksum::default(),
        };
        w.out.write_all(MAGIC)?;
        w.u64(self.total as u64)?;
        w.u64(self.log_total.to_bits())?;
        w.u64(self.tags.len() as u64)?;
        w.u64(self.records.len() as u64)?;
        w.u64(trie.root.len() as u64)?;
        w.u64(trie.slots.len() as u64)?;
        w.u64(trie.len as u64)?;
        w.u32(trie.shift)?;
        w.u32(trie.next_node)?;
        for tag in &self.tags {
            w.u32(tag.len() as u32)?;
            for &b in tag.as_bytes() {
                w.check.add(b as u64);
            }
            w.out.write_all(tag.as_bytes())?;
        }
        for r in &self.records {
            w.u64(r.freq as u64)?;
            w.u32(r.tag)?;
        }
        for f in &self.log_freqs {
            w.u64(f.to_bits())?;
        }
        for e in trie.root {
            w.u32(e.child)?;
            w.u32(e.word_id as u32)?;
        }
        for s in trie.slots {
            w.u64(s.key)?;
            w.u32(s.child)?;
            w.u32(s.word_id as u32)?;
        }
        let check = w.check.value();
        w.out.write_all(&check.to_le_bytes())?;
        w.out.flush()?;
        Ok(())
    }

    /// Reads a segmenter written by [`Jieba::write_image`]. A truncated, damaged or foreign
    /// image is refused with [`Error::InvalidImage`], never read in part.
    pub fn read_image<R: Read>(input: R) -> Result<Jieba, Error> {
        let mut r = Reader {
            input,
            check: Checksum::default(),
            buffer: Vec::new(),
        };
        if &r.bytes::<8>()? != MAGIC {
            return Err(invalid("not a dictionary image of this version"));
        }
        let total = r.u64()? as usize;
        let log_total = f64::from_bits(r.u64()?);
        let tag_count = r.u64()? as usize;
        let record_count = r.u64()? as usize;
        let root_len = r.u64()? as usize;
        let slot_count = r.u64()? as usize;
        let trie_len = r.u64()? as usize;
        let shift = r.u32()?;
        let next_node = r.u32()?;
        // Counts bound the allocations below: refuse absurd ones before allocating.
        if tag_count > 1 << 16
            || record_count > 1 << 28
            || root_len != crate::trie::ROOT_TABLE_LEN
            || slot_count > 1 << 30
            || !slot_count.is_power_of_two()
            || shift != 64 - slot_count.trailing_zeros()
            || trie_len >= slot_count
        {
            return Err(invalid("the header's counts are out of range"));
        }
        let mut tags = Vec::with_capacity(tag_count);
        let mut tag_ids = FxHashMap::default();
        for id in 0..tag_count {
            let len = r.u32()? as usize;
            if len > 1 << 10 {
                return Err(invalid("a tag is too long"));
            }
            let mut bytes = vec![0u8; len];
            r.input
                .read_exact(&mut bytes)
                .map_err(|_| invalid("the image ends early"))?;
            for &b in &bytes {
                r.check.add(b as u64);
            }
            let tag: Box<str> = String::from_utf8(bytes)
                .map_err(|_| invalid("a tag is not UTF-8"))?
                .into();
            tag_ids.insert(tag.clone(), id as u32);
            tags.push(tag);
        }
        let records: Vec<Record> = r.array::<_, 12>(record_count, |b, check| {
            let freq = u64_at(b, 0);
            let tag = u32_at(b, 8);
            check.add(freq);
            check.add(tag as u64);
            Record {
                freq: freq as usize,
                tag,
            }
        })?;
        let log_freqs: Vec<f64> = r.array::<_, 8>(record_count, |b, check| {
            let bits = u64_at(b, 0);
            check.add(bits);
            f64::from_bits(bits)
        })?;
        let root: Vec<RootEntry> = r.array::<_, 8>(root_len, |b, check| {
            let child = u32_at(b, 0);
            let word_id = u32_at(b, 4);
            check.add(child as u64);
            check.add(word_id as u64);
            RootEntry {
                child,
                word_id: word_id as i32,
            }
        })?;
        let slots: Vec<Slot> = r.array::<_, 16>(slot_count, |b, check| {
            let key = u64_at(b, 0);
            let child = u32_at(b, 8);
            let word_id = u32_at(b, 12);
            check.add(key);
            check.add(child as u64);
            check.add(word_id as u64);
            Slot {
                key,
                child,
                word_id: word_id as i32,
            }
        })?;
        let expected = r.check.value();
        let stored = u64::from_le_bytes(r.bytes()?);
        if stored != expected {
            return Err(invalid("the checksum does not match: the image is damaged"));
        }
        if records.iter().any(|rec| rec.tag as usize >= tags.len()) {
            return Err(invalid("a record names a tag the image does not hold"));
        }
        let trie = CharTrie::from_parts(root, slots, trie_len, next_node, record_count)
            .ok_or_else(|| invalid("the trie refers to nodes or words the image does not hold"))?;
        Ok(Jieba {
            records,
            log_freqs,
            tags,
            tag_ids,
            trie,
            total,
            log_total,
            hmm_model: None,
        })
    }
}
