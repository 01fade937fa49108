//! Finds where a capitalised word may start: an ASCII capital or a non-ASCII byte right after a
//! word boundary (the start of the text, a blank, a line break, `(`, `"` or `>`).
//!
//! The name pass visits every such byte, so this is its inner loop. Capitals inside words
//! ("SQLSTATE", "WJ-10-M", hex ids) are the common case in logs and never reach the pass: a
//! block of 32 bytes (AVX2, detected at run time) or 16 bytes (SSE2, the x86_64 baseline) is
//! classified with one compare per class and three movemasks, the boundary bits are shifted
//! onto the byte after them, and the resulting bit mask is handed out one start at a time, so
//! a block is classified once however many starts it holds.
//!
//! The vector test is a prefilter: it takes every byte below `#` as a boundary, so the caller
//! still checks the exact boundary byte. It never misses a start the exact test would take.

/// True for the bytes after which a capitalised word may start (the exact test).
#[inline]
pub(super) fn is_boundary(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b'(' | b'"' | b'>')
}

/// The prefilter's boundary class: every byte below `#` (blanks, line breaks, `"`, other
/// controls), `(` and `>`. A superset of [`is_boundary`].
#[inline]
fn is_loose_boundary(b: u8) -> bool {
    b < b'#' || b == b'(' || b == b'>'
}

/// True for a byte that may open a capitalised word: an ASCII capital or any non-ASCII byte.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn is_opener(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0x80
}

/// Opener and loose-boundary bit masks (bit `i` for byte `i`) of up to 32 bytes.
type Classes = (u32, u32);

/// A cursor over the starts of one text: bytes that open a word (an ASCII capital or any
/// non-ASCII byte) and follow a loose boundary or the start of the text.
pub(super) struct Starts<'t> {
    text: &'t [u8],
    /// Where the current block starts.
    base: usize,
    /// Starts of the current block not handed out yet.
    mask: u32,
    /// Where the next block starts.
    next: usize,
    /// Whether the byte before `next` is a boundary (bit 0).
    carry: u32,
    wide: bool,
}

impl<'t> Starts<'t> {
    pub(super) fn new(text: &'t [u8]) -> Starts<'t> {
        Starts {
            text,
            base: 0,
            mask: 0,
            next: 0,
            carry: 1,
            wide: wide_available(),
        }
    }

    /// The first start at or after `from`, or `None`.
    #[inline]
    pub(super) fn next_from(&mut self, from: usize) -> Option<usize> {
        loop {
            let skip = from.saturating_sub(self.base);
            self.mask = if skip >= 32 {
                0
            } else {
                self.mask & (u32::MAX << skip)
            };
            if self.mask != 0 {
                let at = self.base + self.mask.trailing_zeros() as usize;
                self.mask &= self.mask - 1;
                return Some(at);
            }
            if from > self.next {
                // The caller jumped past the next block: start a block at `from`.
                self.next = from;
                self.carry = u32::from(
                    self.text
                        .get(from - 1)
                        .is_some_and(|&b| is_loose_boundary(b)),
                );
            }
            if self.next >= self.text.len() {
                return None;
            }
            self.load();
        }
    }

    /// Classifies blocks from `next` on until one holds a start or the text ends; leaves that
    /// block's starts in `mask`.
    fn load(&mut self) {
        let at = self.next;
        if self.wide && at + 32 <= self.text.len() {
            let (base, mask, carry) = seek32(self.text, at, self.carry);
            self.base = base;
            self.mask = mask;
            self.carry = carry;
            // With no start found, fewer than 32 bytes are left from `base`: 16-byte blocks
            // take over on the next call.
            self.next = if mask != 0 { base + 32 } else { base };
            return;
        }
        let (openers, boundaries) = classes16(self.text, at);
        self.base = at;
        self.mask = openers & ((boundaries << 1) | self.carry);
        self.carry = (boundaries >> 15) & 1;
        self.next = at + 16;
    }
}

/// Byte-at-a-time classes of up to 16 bytes from `at`: the portable block.
#[cfg(not(target_arch = "x86_64"))]
fn classes16(text: &[u8], at: usize) -> Classes {
    let mut classes = (0, 0);
    for (i, &b) in text[at..].iter().take(16).enumerate() {
        classes.0 |= u32::from(is_opener(b)) << i;
        classes.1 |= u32::from(is_loose_boundary(b)) << i;
    }
    classes
}

#[cfg(not(target_arch = "x86_64"))]
fn seek32(_: &[u8], at: usize, carry: u32) -> (usize, u32, u32) {
    (at, 0, carry)
}

#[cfg(not(target_arch = "x86_64"))]
fn wide_available() -> bool {
    false
}

#[cfg(target_arch = "x86_64")]
use x86::{classes16, seek32, wide_available};

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::Classes;
    use crate::simd::{in_range16, in_range32};
    use std::arch::x86_64::{
        __m128i, __m256i, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    pub(super) fn wide_available() -> bool {
        std::is_x86_feature_detected!("avx2")
    }

    /// Classes of the 16 bytes from `at`; past the end of the text the block is padded with
    /// zeros, a boundary that opens nothing.
    #[inline]
    pub(super) fn classes16(text: &[u8], at: usize) -> Classes {
        let mut block = [0u8; 16];
        match text.get(at..at + 16) {
            Some(bytes) => block.copy_from_slice(bytes),
            None => {
                let rest = text.get(at..).unwrap_or_default();
                block[..rest.len()].copy_from_slice(rest);
            }
        }
        // SAFETY: SSE2 is part of the x86_64 baseline, and `block` holds the 16 bytes that
        // the unaligned load reads.
        unsafe {
            let x = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            let capitals = in_range16(x, b'A', 26);
            // Signed: below '#' also holds every byte >= 0x80; those are masked off below.
            let low = _mm_cmplt_epi8(x, _mm_set1_epi8(b'#' as i8));
            let marks = _mm_or_si128(
                _mm_cmpeq_epi8(x, _mm_set1_epi8(b'(' as i8)),
                _mm_cmpeq_epi8(x, _mm_set1_epi8(b'>' as i8)),
            );
            let high = _mm_movemask_epi8(x) as u32;
            let capitals = _mm_movemask_epi8(capitals) as u32;
            let low = _mm_movemask_epi8(low) as u32 & !high;
            let marks = _mm_movemask_epi8(marks) as u32;
            (capitals | high, low | marks)
        }
    }

    /// From `at`, the first 32-byte block that holds a start: `(block start, starts, carry
    /// after the block)`; when none does, the mask is zero and the block start is where fewer
    /// than 32 bytes are left. Only called when [`wide_available`].
    pub(super) fn seek32(text: &[u8], at: usize, carry: u32) -> (usize, u32, u32) {
        // SAFETY: the cursor calls this only after detecting AVX2.
        unsafe { seek32_avx2(text, at, carry) }
    }

    #[target_feature(enable = "avx2")]
    unsafe fn seek32_avx2(text: &[u8], mut at: usize, mut carry: u32) -> (usize, u32, u32) {
        while let Some(block) = text.get(at..at + 32) {
            // SAFETY: the caller checked AVX2; `block` holds the 32 bytes the load reads.
            let (openers, boundaries) = unsafe {
                let x = _mm256_loadu_si256(block.as_ptr().cast::<__m256i>());
                let capitals = in_range32(x, b'A', 26);
                let low = _mm256_cmpgt_epi8(_mm256_set1_epi8(b'#' as i8), x);
                let marks = _mm256_or_si256(
                    _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'(' as i8)),
                    _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'>' as i8)),
                );
                let high = _mm256_movemask_epi8(x) as u32;
                let capitals = _mm256_movemask_epi8(capitals) as u32;
                let low = _mm256_movemask_epi8(low) as u32 & !high;
                let marks = _mm256_movemask_epi8(marks) as u32;
                (capitals | high, low | marks)
            };
            let starts = openers & ((boundaries << 1) | carry);
            carry = boundaries >> 31;
            if starts != 0 {
                return (at, starts, carry);
            }
            at += 32;
        }
        (at, 0, carry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Byte-at-a-time oracle: the first start at or after `from`.
    fn next_start_scalar(text: &[u8], from: usize) -> Option<usize> {
        let mut prev_ok = from == 0 || text.get(from - 1).is_some_and(|&b| is_loose_boundary(b));
        for (i, &b) in text.iter().enumerate().skip(from) {
            if prev_ok && is_opener(b) {
                return Some(i);
            }
            prev_ok = is_loose_boundary(b);
        }
        None
    }

    /// Walks the cursor with the given jumps after each start (like the name pass, which
    /// resumes after the word it read).
    fn walk(text: &[u8], wide: bool, jumps: &[usize]) -> Vec<usize> {
        let mut starts = Starts::new(text);
        starts.wide &= wide;
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(p) = starts.next_from(i) {
            found.push(p);
            i = p + 1 + jumps.get(found.len()).copied().unwrap_or(0);
        }
        found
    }

    fn oracle(text: &[u8], jumps: &[usize]) -> Vec<usize> {
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(p) = next_start_scalar(text, i) {
            found.push(p);
            i = p + 1 + jumps.get(found.len()).copied().unwrap_or(0);
        }
        found
    }

    #[test]
    fn finds_word_starts_only() {
        let t = "Dear Anna, SQLSTATE(HY000) \"Jo\" <b>Max x\nÉmile".as_bytes();
        let starts: Vec<&[u8]> = walk(t, true, &[]).iter().map(|&p| &t[p..p + 2]).collect();
        assert_eq!(
            starts,
            [&b"De"[..], b"An", b"SQ", b"HY", b"Jo", b"Ma", b"\xc3\x89"]
        );
        assert!(is_boundary(b'>') && !is_boundary(b'!'));
    }

    proptest! {
        #[test]
        fn blocks_equal_byte_scan(
            text in prop::collection::vec(
                prop_oneof![
                    Just(b' '), Just(b'\n'), Just(b'('), Just(b'>'), Just(b'"'), Just(b'A'),
                    Just(b'Z'), Just(b'@'), Just(b'['), Just(b'a'), Just(0xc3u8), Just(0x80u8),
                    any::<u8>(),
                ],
                0..200,
            ),
            jumps in prop::collection::vec(
                prop_oneof![Just(0usize), 0usize..8, 0usize..70], 0..40),
        ) {
            let want = oracle(&text, &jumps);
            prop_assert_eq!(&walk(&text, true, &jumps), &want);
            prop_assert_eq!(&walk(&text, false, &jumps), &want);
        }
    }
}
