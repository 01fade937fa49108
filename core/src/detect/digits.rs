//! The digit-word pass: finds every maximal ASCII alphanumeric run that holds a digit.
//!
//! Most prose has few digits, so the search for the next digit runs eight bytes at a time
//! (a SWAR range test) and only the words around digits are looked at byte by byte.

use super::Word;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7f;

/// Bit 7 of each byte of the result is set when that byte of `x` is an ASCII digit.
#[inline]
fn digit_mask(x: u64) -> u64 {
    // "hasbetween(x, '0' - 1, '9' + 1)" from Sean Anderson's bit hacks: exact for bytes < 0x80,
    // and bytes >= 0x80 are cleared by the `!x` term.
    let lo = x & LOW7;
    (ONES * (127 + 0x3a) - lo) & !x & (lo + ONES * (127 - 0x2f)) & HIGH
}

/// Position of the first ASCII digit at or after `from`.
#[inline]
pub(crate) fn next_digit(text: &[u8], from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    let from = match sse2::next_digit(text, from) {
        Ok(found) => return Some(found),
        Err(rest) => rest,
    };
    next_digit_swar(text, from)
}

/// Eight bytes at a time: the portable search, and the tail of the vector one.
#[inline]
fn next_digit_swar(text: &[u8], mut from: usize) -> Option<usize> {
    while from + 8 <= text.len() {
        let chunk = u64::from_le_bytes(text[from..from + 8].try_into().unwrap());
        let mask = digit_mask(chunk);
        if mask != 0 {
            return Some(from + (mask.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    text[from..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|i| from + i)
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use crate::simd::in_range16;
    use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128};

    /// The first digit at or after `from`, 32 bytes per step (digits are sparse in prose);
    /// `Err(position)` where fewer than 32 bytes are left.
    #[inline]
    pub(super) fn next_digit(text: &[u8], mut from: usize) -> Result<usize, usize> {
        while let Some(block) = text.get(from..from + 32) {
            // SAFETY: SSE2 is part of the x86_64 baseline; both loads read inside `block`.
            let mask = unsafe {
                let lo = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
                let hi = _mm_loadu_si128(block[16..].as_ptr().cast::<__m128i>());
                let lo = in_range16(lo, b'0', 10);
                let hi = in_range16(hi, b'0', 10);
                if _mm_movemask_epi8(_mm_or_si128(lo, hi)) == 0 {
                    0
                } else {
                    _mm_movemask_epi8(lo) as u32 | (_mm_movemask_epi8(hi) as u32) << 16
                }
            };
            if mask != 0 {
                return Ok(from + mask.trailing_zeros() as usize);
            }
            from += 32;
        }
        Err(from)
    }
}

/// Iterator over the digit words of a text.
pub(crate) struct Words<'t> {
    text: &'t [u8],
    pos: usize,
}

impl<'t> Words<'t> {
    pub(crate) fn new(text: &'t [u8]) -> Self {
        Words { text, pos: 0 }
    }

    /// Continues the search for digits at `pos` (when it is ahead).
    pub(crate) fn skip_to(&mut self, pos: usize) {
        self.pos = self.pos.max(pos);
    }
}

/// Byte classes of the word pass: 1 for ASCII digits, 2 for ASCII letters, 0 otherwise.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_digit() {
            1
        } else if byte.is_ascii_alphabetic() {
            2
        } else {
            0
        };
        b += 1;
    }
    table
};

impl Iterator for Words<'_> {
    type Item = Word;

    #[inline]
    fn next(&mut self) -> Option<Word> {
        let text = self.text;
        let digit = next_digit(text, self.pos)?;
        let mut start = digit;
        let mut letters = 0u32;
        while start > 0 && CLASS[text[start - 1] as usize] == 2 {
            start -= 1;
            letters += 1;
        }
        let mut end = digit;
        let mut digits = 0u32;
        while let Some(&b) = text.get(end) {
            match CLASS[b as usize] {
                1 => digits += 1,
                2 => letters += 1,
                _ => break,
            }
            end += 1;
        }
        self.pos = end;
        Some(Word {
            start,
            end,
            digits,
            letters,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_digits_in_and_after_chunks() {
        for i in 0..100 {
            let mut text = vec![b'a'; 100];
            text[i] = b'7';
            assert_eq!(next_digit(&text, 0), Some(i));
        }
        assert_eq!(next_digit(b"abcdefghijk", 0), None);
        assert_eq!(next_digit("ééééé/:0".as_bytes(), 0), Some(12));
        assert_eq!(
            next_digit(&[0xb0, 0xb5, 0xb9, 0x2f, 0x3a, 0xff, 0x30, 0], 0),
            Some(6)
        );
    }

    proptest::proptest! {
        /// The vector search finds the first digit a byte walk finds.
        #[test]
        fn finds_the_first_digit(
            text in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..150),
            from in 0usize..160,
        ) {
            let from = from.min(text.len());
            let want = text[from..].iter().position(u8::is_ascii_digit).map(|i| from + i);
            proptest::prop_assert_eq!(next_digit(&text, from), want);
        }
    }

    #[test]
    fn words_hold_digits() {
        let text = b"Order AB12 for 4111-1111 x9 ok";
        let words: Vec<_> = Words::new(text)
            .map(|w| std::str::from_utf8(w.bytes(text)).unwrap().to_string())
            .collect();
        assert_eq!(words, ["AB12", "4111", "1111", "x9"]);
    }
}
