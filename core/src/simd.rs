//! Vector byte-class tests shared by the passes that read 16 or 32 bytes at a time (the
//! digit-word search, keyword windows, name starts, label heads).
//!
//! A range `first..first + len` is moved to the bottom of the signed bytes (`-128..`), so one
//! signed compare tests it. The ranges are ASCII, and bytes >= 0x80 land above them.

use std::arch::x86_64::{
    __m128i, __m256i, _mm256_add_epi8, _mm256_cmpgt_epi8, _mm256_set1_epi8, _mm_add_epi8,
    _mm_cmplt_epi8, _mm_set1_epi8,
};

/// 0xff for each byte of `x` in `first..first + len`, else 0 (SSE2: the x86_64 baseline).
#[inline(always)]
pub(crate) fn in_range16(x: __m128i, first: u8, len: u8) -> __m128i {
    debug_assert!(
        usize::from(first) + usize::from(len) <= 0x80,
        "an ASCII range"
    );
    // SAFETY: SSE2 is part of the x86_64 baseline; nothing here touches memory.
    unsafe {
        let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(first) as i8));
        _mm_cmplt_epi8(shifted, _mm_set1_epi8(0x80u8.wrapping_add(len) as i8))
    }
}

/// [`in_range16`] on 32 bytes (AVX2).
#[inline]
#[target_feature(enable = "avx2")]
pub(crate) fn in_range32(x: __m256i, first: u8, len: u8) -> __m256i {
    debug_assert!(
        usize::from(first) + usize::from(len) <= 0x80,
        "an ASCII range"
    );
    let shifted = _mm256_add_epi8(x, _mm256_set1_epi8(0x80u8.wrapping_sub(first) as i8));
    _mm256_cmpgt_epi8(_mm256_set1_epi8(0x80u8.wrapping_add(len) as i8), shifted)
}

/// A set of bytes tested 32 at a time with two table lookups ("shufti"): a byte is in the set
/// when the bucket bits of its low nibble and of its high nibble meet. Each high nibble of the
/// set has a bucket of its own while there are at most eight, and then the test is exact;
/// beyond eight, buckets are shared and the test may also pass bytes outside the set, so
/// callers treat a pass as "maybe" and verify.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NibbleSet {
    /// Bucket bits per low nibble, then per high nibble; each table twice, once per 128-bit
    /// lane (the byte shuffle looks up within a lane).
    low: [u8; 32],
    high: [u8; 32],
}

impl NibbleSet {
    pub(crate) fn new(bytes: impl IntoIterator<Item = u8>) -> NibbleSet {
        let mut set = NibbleSet {
            low: [0; 32],
            high: [0; 32],
        };
        let mut buckets = 0;
        for byte in bytes {
            let (lo, hi) = (usize::from(byte & 0x0f), usize::from(byte >> 4));
            if set.high[hi] == 0 {
                set.high[hi] = 1 << (buckets % 8);
                set.high[hi + 16] = set.high[hi];
                buckets += 1;
            }
            set.low[lo] |= set.high[hi];
            set.low[lo + 16] = set.low[lo];
        }
        set
    }

    /// True when the vector test passes `byte` (the scalar form of [`Self::outside32`]).
    #[cfg(test)]
    pub(crate) fn may_hold(&self, byte: u8) -> bool {
        self.low[usize::from(byte & 0x0f)] & self.high[usize::from(byte >> 4)] != 0
    }

    /// 0xff for each byte of `x` the set does not hold, else 0.
    #[inline]
    #[target_feature(enable = "avx2")]
    pub(crate) fn outside32(&self, x: __m256i) -> __m256i {
        use std::arch::x86_64::{
            _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_setzero_si256,
            _mm256_shuffle_epi8, _mm256_srli_epi16,
        };
        let nibble = _mm256_set1_epi8(0x0f);
        // SAFETY: both tables are 32 bytes.
        let (low, high) = unsafe {
            (
                _mm256_loadu_si256(self.low.as_ptr().cast::<__m256i>()),
                _mm256_loadu_si256(self.high.as_ptr().cast::<__m256i>()),
            )
        };
        let lo = _mm256_and_si256(x, nibble);
        let hi = _mm256_and_si256(_mm256_srli_epi16::<4>(x), nibble);
        let both = _mm256_and_si256(_mm256_shuffle_epi8(low, lo), _mm256_shuffle_epi8(high, hi));
        _mm256_cmpeq_epi8(both, _mm256_setzero_si256())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The set holds every byte given; with at most eight high nibbles it holds no other, and
        /// the vector test says what the scalar one says.
        #[test]
        fn nibble_sets_hold_their_bytes(
            bytes in prop::collection::vec(any::<u8>(), 0..40),
            probe in prop::collection::vec(any::<u8>(), 32),
        ) {
            let set = NibbleSet::new(bytes.iter().copied());
            let highs = bytes.iter().map(|b| b >> 4).collect::<std::collections::HashSet<_>>();
            for b in 0..=255u8 {
                let given = bytes.contains(&b);
                prop_assert!(!given || set.may_hold(b));
                if highs.len() <= 8 {
                    prop_assert_eq!(set.may_hold(b), given, "byte {:#x}", b);
                }
            }
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: AVX2 was detected; the probe is 32 bytes.
                let outside = unsafe {
                    let x = std::arch::x86_64::_mm256_loadu_si256(probe.as_ptr().cast());
                    std::arch::x86_64::_mm256_movemask_epi8(set.outside32(x)) as u32
                };
                for (i, &b) in probe.iter().enumerate() {
                    prop_assert_eq!(outside >> i & 1 == 0, set.may_hold(b));
                }
            }
        }
    }
}
