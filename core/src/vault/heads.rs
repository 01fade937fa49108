//! Where a label may start in a text: the word starts where an enabled type's id begins
//! ("email", "credit", "us ssn"). Redaction reads labels only there (see
//! [`super::label::readings_from`]), so it never hands out a label the text already holds.
//!
//! A policy with classification keywords or many types finds the heads in its trigger
//! automaton, which reads every byte anyway. A small policy's trigger pass jumps between a few
//! bytes and never sees them, so they are found here instead, and only when there is something
//! to redact: a search for the first two letters of each head, thirty-two bytes at a time.
//!
//! Restoration uses the same search for the openings of a vault's labels (see
//! [`super::label::Labels::starts`]).

use super::label::is_word;

/// Most distinct two-letter openings searched for; more cost more than the trigger automaton.
const MAX_PAIRS: usize = 8;

/// The first two letters (lower case) of a few id heads.
#[derive(Debug)]
pub(crate) struct PairSearch {
    /// The pairs, then `[0, 0]` up to [`MAX_PAIRS`]: the vector search compares a padded
    /// number of pairs, and a padding pair never matches (a byte with bit 5 set is never zero).
    pairs: [[u8; 2]; MAX_PAIRS],
    len: usize,
}

impl PairSearch {
    /// The search for `heads` (at least two bytes each, any ASCII case), or `None` when they
    /// open with too many different pairs or one is shorter than a pair.
    pub(crate) fn new<H: AsRef<[u8]>>(heads: impl IntoIterator<Item = H>) -> Option<PairSearch> {
        let mut pairs = Vec::new();
        for head in heads {
            let &[a, b, ..] = head.as_ref() else {
                return None;
            };
            pairs.push([a.to_ascii_lowercase(), b.to_ascii_lowercase()]);
        }
        pairs.sort_unstable();
        pairs.dedup();
        if pairs.len() > MAX_PAIRS {
            return None;
        }
        let mut padded = [[0u8; 2]; MAX_PAIRS];
        padded[..pairs.len()].copy_from_slice(&pairs);
        Some(PairSearch {
            pairs: padded,
            len: pairs.len(),
        })
    }

    /// Appends, in ascending order, every word start of `text` whose first two bytes are one
    /// of the pairs, ignoring ASCII case: every head, and words that only begin like one
    /// (reading a label there finds none).
    pub(crate) fn find(&self, text: &[u8], out: &mut Vec<usize>) {
        if text.len() < 2 {
            return;
        }
        if self.opens_word(text, 0) {
            out.push(0);
        }
        #[cfg(target_arch = "x86_64")]
        let from = x86::find(&self.pairs, self.len, text, out);
        #[cfg(not(target_arch = "x86_64"))]
        let from = 1;
        for i in from..text.len() - 1 {
            if self.opens_word(text, i) {
                out.push(i);
            }
        }
    }

    #[inline]
    fn opens_word(&self, text: &[u8], i: usize) -> bool {
        (i == 0 || !is_word(text[i - 1]))
            && self.pairs[..self.len].contains(&[text[i] | 0x20, text[i + 1] | 0x20])
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use crate::simd::in_range32;
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm256_setzero_si256,
        _mm256_testz_si256,
    };

    /// The vector part of [`super::PairSearch::find`] from position 1 on, when the CPU has
    /// AVX2 (else nothing): returns where the byte-by-byte test takes over (the text's end, or
    /// 1 without AVX2).
    pub(super) fn find(
        pairs: &[[u8; 2]; super::MAX_PAIRS],
        len: usize,
        text: &[u8],
        out: &mut Vec<usize>,
    ) -> usize {
        if !std::is_x86_feature_detected!("avx2") {
            return 1;
        }
        // SAFETY: AVX2 was detected above.
        unsafe {
            match len {
                0..=2 => find_avx2::<2>(&pairs[..2], text, out),
                3..=4 => find_avx2::<4>(&pairs[..4], text, out),
                _ => find_avx2::<8>(&pairs[..], text, out),
            }
        }
    }

    /// Blocks of 32 starts `at..at + 32` while `at + 33` bytes exist (each start needs the
    /// byte before it and the one after it), then the last starts in one block padded with
    /// zeros (a zero byte opens no pair and continues no word). `N` pairs, compared without a
    /// loop. Returns the end of the text: no start is left to test.
    #[target_feature(enable = "avx2")]
    unsafe fn find_avx2<const N: usize>(
        pairs: &[[u8; 2]],
        text: &[u8],
        out: &mut Vec<usize>,
    ) -> usize {
        let pairs: [[u8; 2]; N] = pairs.try_into().expect("padded to N");
        let splat = |b: u8| _mm256_set1_epi8(b as i8);
        let wanted: [(__m256i, __m256i); N] = pairs.map(|[a, b]| (splat(a), splat(b)));
        let mut at = 1;
        let mut push = |at: usize, mut mask: u32| {
            while mask != 0 {
                out.push(at + mask.trailing_zeros() as usize);
                mask &= mask - 1;
            }
        };
        while let Some(block) = text
            .get(at - 1..at - 1 + SPAN)
            .and_then(|b| b.try_into().ok())
        {
            push(at, starts(&wanted, block));
            at += 32;
        }
        // The bytes from the one before `at` to the end: fewer than `SPAN` (the loop ended) and at
        // least one (`at - 1 < len`: the text has two bytes, and `at` grows from 1 by 32 only
        // while 33 bytes follow it).
        let mut padded = [0u8; SPAN];
        let rest = &text[at - 1..];
        padded[..rest.len()].copy_from_slice(rest);
        push(at, starts(&wanted, &padded));
        text.len()
    }

    /// The bytes one vector block of starts reads: 32 starts, the byte before the first and the
    /// byte after the last.
    const SPAN: usize = 34;

    /// The starts `1..33` of `block` that open a word with one of the pairs, as a bit mask.
    #[inline]
    #[target_feature(enable = "avx2")]
    fn starts<const N: usize>(wanted: &[(__m256i, __m256i); N], block: &[u8; SPAN]) -> u32 {
        // SAFETY: the three loads read inside `block` (32 bytes from offset 0, 1 and 2).
        let load = |i: usize| unsafe { _mm256_loadu_si256(block[i..].as_ptr().cast::<__m256i>()) };
        let case = _mm256_set1_epi8(0x20);
        let (before, first, second) = (load(0), load(1), load(2));
        let first = _mm256_or_si256(first, case);
        let second = _mm256_or_si256(second, case);
        let mut hits = _mm256_setzero_si256();
        for &(a, b) in wanted {
            let both = _mm256_and_si256(_mm256_cmpeq_epi8(first, a), _mm256_cmpeq_epi8(second, b));
            hits = _mm256_or_si256(hits, both);
        }
        // Most blocks hold no pair at all: only the others need their word starts.
        if _mm256_testz_si256(hits, hits) != 0 {
            return 0;
        }
        _mm256_movemask_epi8(_mm256_andnot_si256(word_bytes(before), hits)) as u32
    }

    /// 0xff for the bytes that continue a word (ASCII letters, digits, `_`; see `is_word`).
    #[target_feature(enable = "avx2")]
    fn word_bytes(x: __m256i) -> __m256i {
        let splat = |b: u8| _mm256_set1_epi8(b as i8);
        let letters = in_range32(_mm256_or_si256(x, splat(0x20)), b'a', 26);
        let digits = in_range32(x, b'0', 10);
        let underscore = _mm256_cmpeq_epi8(x, splat(b'_'));
        _mm256_or_si256(_mm256_or_si256(letters, digits), underscore)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::EntityKind;
    use crate::vault::label::id_heads;
    use proptest::prelude::*;

    fn search(kinds: &[EntityKind]) -> PairSearch {
        PairSearch::new(id_heads(kinds.iter().copied())).expect("few pairs")
    }

    #[test]
    fn finds_word_starts_that_open_a_head() {
        let s = search(&[EntityKind::Email, EntityKind::CreditCard, EntityKind::UsSsn]);
        let text = b"an EMAIL_1 or [credit-card 2], us ssn 3, system email, Crumbs";
        let mut out = Vec::new();
        s.find(text, &mut out);
        let words: Vec<&[u8]> = out.iter().map(|&i| &text[i..i + 2]).collect();
        assert_eq!(words, [&b"EM"[..], b"cr", b"us", b"em", b"Cr"]);
    }

    #[test]
    fn too_many_openings_fall_back_to_the_automaton() {
        let all = id_heads(crate::catalogue::ALL.iter().copied());
        assert!(PairSearch::new(&all).is_none());
    }

    proptest! {
        /// The vector blocks find exactly what a byte-by-byte test finds.
        #[test]
        fn blocks_equal_byte_test(text in prop::collection::vec(prop_oneof![
            Just(b'e'), Just(b'M'), Just(b'm'), Just(b'i'), Just(b'B'), Just(b' '), Just(b'_'),
            Just(b'['), Just(b'E' | 0x80), any::<u8>(),
        ], 0..200)) {
            let s = search(&[EntityKind::Email, EntityKind::Iban]);
            let mut found = Vec::new();
            s.find(&text, &mut found);
            let want: Vec<usize> =
                (0..text.len().saturating_sub(1)).filter(|&i| s.opens_word(&text, i)).collect();
            prop_assert_eq!(found, want);
        }
    }
}
