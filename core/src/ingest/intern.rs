//! Customer ids → dense numbers `0, 1, 2, …` in order of first appearance, the reader's only
//! per-customer memory. Ids of up to 15 bytes (most exports' `C0000123`, `42`, `acme-17`) are
//! kept inline in the hash table, so a lookup touches one table slot instead of the slot and a
//! separately allocated key: on a 2 M-row file that second cache miss was about a quarter of the
//! reading time (`perf annotate` of `Sink::accept_row`, docs/BENCHMARKS.md).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash with a finaliser: customer ids are the user's own data, so hash flooding is no threat,
/// and SipHash would cost a good part of the reading time.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.write_u8(b);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write_u64(u64::from(b));
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        // The multiply only carries low bits upwards, so ids differing in their last characters
        // (`C0000001`, `C0000002`: the high bytes of a little-endian word) would share their low
        // bits, which pick the bucket. MurmurHash3's finaliser mixes every bit into every other.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

type Fx = BuildHasherDefault<FxHasher>;

/// The longest id kept inline: 15 bytes and a length byte fill two words.
const INLINE: usize = 15;

/// An id of at most [`INLINE`] bytes, zero-padded, its length in the last byte (so `a` and
/// `a\0` differ).
fn inline_key(id: &[u8]) -> Option<(u64, u64)> {
    if id.len() > INLINE {
        return None;
    }
    let mut buf = [0u8; 16];
    buf.get_mut(..id.len())?.copy_from_slice(id);
    buf[INLINE] = id.len() as u8;
    let (lo, hi) = buf.split_at(8);
    Some((
        u64::from_le_bytes(lo.try_into().ok()?),
        u64::from_le_bytes(hi.try_into().ok()?),
    ))
}

#[derive(Default)]
pub struct Interner {
    short: HashMap<(u64, u64), u32, Fx>,
    long: HashMap<Box<[u8]>, u32, Fx>,
    /// The previous id and its number: exports often list a customer's events together.
    last: Vec<u8>,
    last_number: Option<u32>,
}

impl Interner {
    /// Distinct ids seen.
    pub fn count(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The number of `id`, a new one for an id not seen before; `None` only past `u32::MAX`
    /// distinct ids.
    pub fn number(&mut self, id: &[u8]) -> Option<u32> {
        if let Some(n) = self.last_number.filter(|_| self.last == id) {
            return Some(n);
        }
        let next = u32::try_from(self.count()).ok();
        let n = match inline_key(id) {
            Some(key) => match self.short.get(&key) {
                Some(&n) => n,
                None => *self.short.entry(key).or_insert(next?),
            },
            None => match self.long.get(id) {
                Some(&n) => n,
                None => *self.long.entry(Box::from(id)).or_insert(next?),
            },
        };
        self.last.clear();
        self.last.extend_from_slice(id);
        self.last_number = Some(n);
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_dense_in_order_of_first_appearance() {
        let mut ids = Interner::default();
        let long = b"0f8fad5b-d9cb-469f-a165-70867728950e";
        let seen: Vec<u32> = [&b"b"[..], b"a", b"b", long, b"a\0", b"a", long, b"", b"b"]
            .iter()
            .map(|id| ids.number(id).unwrap())
            .collect();
        assert_eq!(seen, [0, 1, 0, 2, 3, 1, 2, 4, 0]);
        assert_eq!(ids.count(), 5);
    }

    #[test]
    fn fifteen_and_sixteen_bytes_are_different_tables_and_ids() {
        let mut ids = Interner::default();
        assert_eq!(ids.number(b"123456789012345"), Some(0));
        assert_eq!(ids.number(b"1234567890123456"), Some(1));
        assert_eq!(ids.number(b"123456789012345"), Some(0));
        assert_eq!((ids.short.len(), ids.long.len()), (1, 1));
    }
}
