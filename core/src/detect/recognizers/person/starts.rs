//! Finds where a capitalised word may start: an ASCII capital or a non-ASCII byte right after a
//! word boundary (the start of the text, a blank, a line break, `(`, `"` or `>`).
//!
//! The name pass visits every such byte, so this is its inner loop. Capitals inside words
//! ("SQLSTATE", "WJ-10-M", hex ids) are the common case in logs and are skipped sixteen bytes at
//! a time with SSE2 (always present on x86_64): one compare per class, three movemasks, a shift
//! to line the boundary bits up with the byte after them.
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
#[inline]
fn is_opener(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0x80
}

/// Position of the first byte at or after `from` that opens a word ([`is_opener`]) and follows
/// a loose boundary (or the start of the text).
#[inline]
pub(super) fn next_start(text: &[u8], from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        sse2::next_start(text, from)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        next_start_scalar(text, from)
    }
}

/// Byte-at-a-time [`next_start`]: the fallback, the tail of the vector loop and its test oracle.
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

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };

    pub(super) fn next_start(text: &[u8], mut from: usize) -> Option<usize> {
        if from > text.len() {
            return None;
        }
        // Bit 0: whether the byte before the current chunk is a boundary.
        let mut carry = u32::from(
            from == 0
                || text
                    .get(from - 1)
                    .is_some_and(|&b| super::is_loose_boundary(b)),
        );
        while from + 16 <= text.len() {
            let chunk = &text[from..from + 16];
            // SAFETY: SSE2 is part of the x86_64 baseline, and `chunk` holds exactly the 16
            // bytes that the unaligned load reads.
            let (openers, boundaries) = unsafe {
                let x = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
                // 'A'..='Z' moved to -128..=-103: one signed compare tests the range.
                let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x3f));
                let capitals = _mm_cmplt_epi8(shifted, _mm_set1_epi8(-102));
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
            };
            let starts = openers & ((boundaries << 1) | carry) & 0xffff;
            if starts != 0 {
                return Some(from + starts.trailing_zeros() as usize);
            }
            carry = (boundaries >> 15) & 1;
            from += 16;
        }
        super::next_start_scalar(text, from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all(text: &[u8], f: fn(&[u8], usize) -> Option<usize>) -> Vec<usize> {
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(p) = f(text, i) {
            found.push(p);
            i = p + 1;
        }
        found
    }

    #[test]
    fn finds_word_starts_only() {
        let t = "Dear Anna, SQLSTATE(HY000) \"Jo\" <b>Max x\nÉmile".as_bytes();
        let starts: Vec<&[u8]> = all(t, next_start).iter().map(|&p| &t[p..p + 2]).collect();
        assert_eq!(
            starts,
            [&b"De"[..], b"An", b"SQ", b"HY", b"Jo", b"Ma", b"\xc3\x89"]
        );
        assert!(is_boundary(b'>') && !is_boundary(b'!'));
    }

    proptest! {
        #[test]
        fn vector_scan_equals_byte_scan(
            text in prop::collection::vec(
                prop_oneof![
                    Just(b' '), Just(b'\n'), Just(b'('), Just(b'>'), Just(b'"'), Just(b'A'),
                    Just(b'Z'), Just(b'@'), Just(b'['), Just(b'a'), Just(0xc3u8), Just(0x80u8),
                    any::<u8>(),
                ],
                0..80,
            ),
            from in 0usize..90,
        ) {
            prop_assert_eq!(next_start(&text, from), next_start_scalar(&text, from));
            prop_assert_eq!(all(&text, next_start), all(&text, next_start_scalar));
        }
    }
}
