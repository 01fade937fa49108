//! The digit-word pass: finds every maximal ASCII alphanumeric run that holds a digit.
//!
//! Digits are read 32 bytes at a time, as a bit mask that is then kept: the next digit is the
//! mask's next bit, and a word of digits alone ends where its run of bits ends. Only the bytes
//! around that run (a letter glued to it, a block edge) are looked at one by one. Prose without
//! digits costs one vector test per 32 bytes.

use super::Word;

/// Bytes per digit mask.
const BLOCK: usize = 32;

/// Bit `i` set when byte `i` is an ASCII digit.
#[inline]
fn block_digits(bytes: &[u8; BLOCK]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    return sse2::block_digits(bytes);
    #[cfg(not(target_arch = "x86_64"))]
    bytes
        .iter()
        .enumerate()
        .fold(0, |mask, (i, b)| mask | u32::from(b.is_ascii_digit()) << i)
}

/// Position of the first ASCII digit at or after `from`: 32 bytes per step, then byte by byte.
#[inline]
fn first_digit(text: &[u8], mut from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        from = match sse2::first_digit(text, from) {
            Ok(found) => return Some(found),
            Err(rest) => rest,
        };
    }
    text.get(from..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|i| from + i)
}

/// The digit mask of the 32 bytes at `at`, the bytes past the end of `text` counted as none.
#[inline]
fn digits_at(text: &[u8], at: usize) -> u32 {
    match text.get(at..at + BLOCK) {
        Some(block) => block_digits(block.try_into().expect("a block")),
        None => {
            let mut padded = [0u8; BLOCK];
            let rest = &text[at.min(text.len())..];
            padded[..rest.len()].copy_from_slice(rest);
            block_digits(&padded)
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::BLOCK;
    use crate::simd::in_range16;
    use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128};

    /// The first digit at or after `from`, 32 bytes per step (digits are sparse in prose);
    /// `Err(position)` where fewer than 32 bytes are left.
    #[inline]
    pub(super) fn first_digit(text: &[u8], mut from: usize) -> Result<usize, usize> {
        while let Some(block) = text.get(from..from + BLOCK) {
            // SAFETY: SSE2 is part of the x86_64 baseline; both loads read inside `block`.
            let mask = unsafe {
                let lo = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
                let hi = _mm_loadu_si128(block[16..].as_ptr().cast::<__m128i>());
                let any = _mm_or_si128(in_range16(lo, b'0', 10), in_range16(hi, b'0', 10));
                _mm_movemask_epi8(any) as u32
            };
            if mask != 0 {
                return Ok(from + mask.trailing_zeros() as usize);
            }
            from += BLOCK;
        }
        Err(from)
    }

    #[inline]
    pub(super) fn block_digits(bytes: &[u8; BLOCK]) -> u32 {
        // SAFETY: SSE2 is part of the x86_64 baseline; both loads read inside `bytes`.
        unsafe {
            let lo = _mm_loadu_si128(bytes.as_ptr().cast::<__m128i>());
            let hi = _mm_loadu_si128(bytes[16..].as_ptr().cast::<__m128i>());
            let lo = _mm_movemask_epi8(in_range16(lo, b'0', 10)) as u32;
            let hi = _mm_movemask_epi8(in_range16(hi, b'0', 10)) as u32;
            lo | hi << 16
        }
    }
}

/// Iterator over the digit words of a text.
pub(crate) struct Words<'t> {
    text: &'t [u8],
    pos: usize,
    /// Start of the block last read, and its digits at or after `pos` (bit `i`: byte
    /// `base + i`).
    base: usize,
    digits: u32,
}

impl<'t> Words<'t> {
    pub(crate) fn new(text: &'t [u8]) -> Self {
        Words {
            text,
            pos: 0,
            base: 0,
            digits: digits_at(text, 0),
        }
    }

    /// Continues the search for digits at `pos` (when it is ahead).
    pub(crate) fn skip_to(&mut self, pos: usize) {
        self.pos = self.pos.max(pos);
        self.forget_before(self.pos);
    }

    /// Drops the digits before `pos` from the mask.
    #[inline]
    fn forget_before(&mut self, pos: usize) {
        let offset = pos - self.base;
        self.digits = match offset < BLOCK {
            true => self.digits & (u32::MAX << offset),
            false => 0,
        };
    }

    /// The first digit at or after `pos`, its block loaded.
    #[inline]
    fn next_digit(&mut self) -> Option<usize> {
        if self.digits == 0 {
            // The block is used up. In shop text the next one mostly holds a digit too; past
            // it, the search for the next digit runs at the pace of digit-free prose.
            let next = self.pos.max(self.base + BLOCK);
            (self.base, self.digits) = match digits_at(self.text, next) {
                0 => {
                    let at = first_digit(self.text, next + BLOCK)?;
                    (at, digits_at(self.text, at))
                }
                digits => (next, digits),
            };
        }
        Some(self.base + self.digits.trailing_zeros() as usize)
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
        let digit = self.next_digit()?;
        let mut start = digit;
        let mut letters = 0u32;
        while start > 0 && CLASS[text[start - 1] as usize] == 2 {
            start -= 1;
            letters += 1;
        }
        // The digits in a row from `digit`, read off the mask; a letter after them, or a digit
        // past the block, continues the word byte by byte.
        let run = (!(self.digits >> (digit - self.base))).trailing_zeros();
        let mut end = digit + run as usize;
        let mut digits = run;
        while let Some(&b) = text.get(end) {
            match CLASS[b as usize] {
                1 => digits += 1,
                2 => letters += 1,
                _ => break,
            }
            end += 1;
        }
        self.pos = end;
        self.forget_before(end);
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

    /// The digit words, found byte by byte: what the mask walk must find.
    fn reference(text: &[u8], skips: &[(usize, usize)]) -> Vec<Word> {
        let is_alnum = |b: &u8| b.is_ascii_alphanumeric();
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(digit) = text[pos.min(text.len())..]
            .iter()
            .position(u8::is_ascii_digit)
            .map(|i| pos + i)
        {
            let mut start = digit;
            while start > 0 && text[start - 1].is_ascii_alphabetic() {
                start -= 1;
            }
            let end = digit + text[digit..].iter().take_while(|b| is_alnum(b)).count();
            let word = &text[start..end];
            let digits = word.iter().filter(|b| b.is_ascii_digit()).count() as u32;
            out.push(Word {
                start,
                end,
                digits,
                letters: word.len() as u32 - digits,
            });
            pos = end;
            if let Some(&(_, to)) = skips.iter().find(|&&(after, _)| after == out.len()) {
                pos = pos.max(to);
            }
        }
        out
    }

    proptest::proptest! {
        /// The mask walk finds the words a byte walk finds, across block edges and skips.
        #[test]
        fn finds_the_words_a_byte_walk_finds(
            // Digit-dense text, and text whose digits are rare (long digit-free stretches).
            text in proptest::prop_oneof![
                proptest::collection::vec(
                    proptest::sample::select(b"0123456789aZ -.\xc3\xa9".to_vec()), 0..200),
                proptest::collection::vec(
                    proptest::sample::select(b"7aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa -Z".to_vec()), 0..400),
            ],
            skips in proptest::collection::vec((1usize..40, 0usize..220), 0..4),
        ) {
            let want = reference(&text, &skips);
            let mut words = Words::new(&text);
            let mut got = Vec::new();
            while let Some(word) = words.next() {
                got.push(word);
                if let Some(&(_, to)) = skips.iter().find(|&&(after, _)| after == got.len()) {
                    words.skip_to(to);
                }
            }
            proptest::prop_assert_eq!(got, want);
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
