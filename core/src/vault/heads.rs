//! Where a label may start in a text: the word starts where an enabled type's id begins
//! ("email", "credit", "us ssn"). Redaction reads labels only there (see
//! [`super::label::readings_from`]), so it never hands out a label the text already holds.
//!
//! A policy with classification keywords or many types finds the heads in its trigger
//! automaton, which reads every byte anyway. A small policy's trigger pass jumps between a few
//! bytes and never sees them, so they are found here instead, and only when there is something
//! to redact: a search for the first two letters of each head, sixteen bytes at a time.

use super::label::is_word;

/// Most distinct two-letter openings searched for; more cost more than the trigger automaton.
const MAX_PAIRS: usize = 8;

/// The first two letters (lower case) of a few id heads.
#[derive(Debug)]
pub(crate) struct PairSearch {
    pairs: Vec<[u8; 2]>,
}

impl PairSearch {
    /// The search for `heads` (lower case, at least two bytes each), or `None` when they open
    /// with too many different pairs.
    pub(crate) fn new(heads: &[String]) -> Option<PairSearch> {
        let mut pairs: Vec<[u8; 2]> = heads
            .iter()
            .map(|h| {
                let b = h.as_bytes();
                [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()]
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        (pairs.len() <= MAX_PAIRS).then_some(PairSearch { pairs })
    }

    /// Appends, in ascending order, every word start of `text` whose first two bytes are one
    /// of the pairs, ignoring ASCII case: every head, and words that only begin like one
    /// (reading a label there finds none).
    pub(crate) fn find(&self, text: &[u8], out: &mut Vec<usize>) {
        #[cfg(target_arch = "x86_64")]
        let at = sse2::find(&self.pairs, text, out);
        #[cfg(not(target_arch = "x86_64"))]
        let at = 0;
        for i in at..text.len().saturating_sub(1) {
            if self.opens_word(text, i) {
                out.push(i);
            }
        }
    }

    #[inline]
    fn opens_word(&self, text: &[u8], i: usize) -> bool {
        (i == 0 || !is_word(text[i - 1]))
            && self.pairs.contains(&[text[i] | 0x20, text[i + 1] | 0x20])
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_setzero_si128,
    };

    /// The vector part of [`super::PairSearch::find`]: blocks of sixteen starts while
    /// seventeen bytes are left. Returns where the scalar tail takes over.
    pub(super) fn find(pairs: &[[u8; 2]], text: &[u8], out: &mut Vec<usize>) -> usize {
        debug_assert!(pairs.len() <= super::MAX_PAIRS);
        // SAFETY (every intrinsic below): SSE2 is part of the x86_64 baseline.
        let splat = |b: u8| unsafe { _mm_set1_epi8(b as i8) };
        let mut wanted = [(splat(0), splat(0)); super::MAX_PAIRS];
        for (w, &[a, b]) in wanted.iter_mut().zip(pairs) {
            *w = (splat(a), splat(b));
        }
        let wanted = &wanted[..pairs.len()];
        let case = splat(0x20);
        let mut at = 0;
        while let Some(block) = text.get(at..at + 17) {
            // SAFETY: both loads read inside `block`.
            let mut mask = unsafe {
                let first = _mm_or_si128(_mm_loadu_si128(block.as_ptr().cast::<__m128i>()), case);
                let second =
                    _mm_or_si128(_mm_loadu_si128(block[1..].as_ptr().cast::<__m128i>()), case);
                let mut hits = _mm_setzero_si128();
                for &(a, b) in wanted {
                    let both = _mm_and_si128(_mm_cmpeq_epi8(first, a), _mm_cmpeq_epi8(second, b));
                    hits = _mm_or_si128(hits, both);
                }
                _mm_movemask_epi8(hits) as u32
            };
            while mask != 0 {
                let i = at + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if i == 0 || !super::is_word(text[i - 1]) {
                    out.push(i);
                }
            }
            at += 16;
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::EntityKind;
    use crate::vault::label::id_heads;
    use proptest::prelude::*;

    fn search(kinds: &[EntityKind]) -> PairSearch {
        PairSearch::new(&id_heads(kinds.iter().copied())).expect("few pairs")
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
        ], 0..90)) {
            let s = search(&[EntityKind::Email, EntityKind::Iban]);
            let mut found = Vec::new();
            s.find(&text, &mut found);
            let want: Vec<usize> =
                (0..text.len().saturating_sub(1)).filter(|&i| s.opens_word(&text, i)).collect();
            prop_assert_eq!(found, want);
        }
    }
}
