//! Byte-level text helpers. Sovereign scans bytes, not `&str`: PHP strings may hold invalid UTF-8
//! or binary, and no byte may be lost. Character offsets are counted the way a UTF-8 decoder
//! starts characters: every byte that is not a continuation byte (`0b10xx_xxxx`) starts one. For
//! valid UTF-8 that is exactly the number of `char`s; an invalid byte counts as one character.

/// True when `byte` continues a multi-byte UTF-8 sequence.
#[inline]
pub fn is_continuation(byte: u8) -> bool {
    (byte as i8) < -0x40
}

/// True when `at` is a character boundary of `text` (or its end).
#[inline]
pub fn is_char_boundary(text: &[u8], at: usize) -> bool {
    at == text.len() || (at < text.len() && !is_continuation(text[at]))
}

/// Number of characters in `bytes`: bytes that are not UTF-8 continuation bytes (so an invalid
/// sequence counts each stray byte, as the scanner's offsets do).
#[inline]
pub fn char_count(bytes: &[u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let (tail, continuations) = sse2::continuations(bytes);
        bytes.len() - continuations - (tail.len() - char_count_swar(tail))
    }
    #[cfg(not(target_arch = "x86_64"))]
    char_count_swar(bytes)
}

/// [`char_count`] eight bytes at a time: the portable count, and the tail of the vector one.
#[inline]
fn char_count_swar(bytes: &[u8]) -> usize {
    // Eight bytes at a time: a continuation byte is 0b10xx_xxxx, i.e. bit 7 set and bit 6 clear;
    // `x & !(x << 1)` has bit 7 of a byte set exactly then. Per-byte flags add up in the lanes of
    // a u64 for at most 255 words, then the lanes are summed.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const PAIRS: u64 = 0x00ff_00ff_00ff_00ff;
    let mut continuations = 0;
    for block in bytes.chunks(255 * 8) {
        let words = block.chunks_exact(8);
        let tail = words.remainder();
        let mut lanes = 0u64;
        for word in words {
            let x = u64::from_ne_bytes(word.try_into().expect("chunks of eight"));
            lanes += (x & !(x << 1)) >> 7 & ONES;
        }
        let pairs = (lanes & PAIRS) + (lanes >> 8 & PAIRS); // four lanes of at most 510
        continuations += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
        continuations += tail.iter().filter(|&&b| is_continuation(b)).count();
    }
    bytes.len() - continuations
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_cmplt_epi8, _mm_cvtsi128_si64, _mm_loadu_si128, _mm_sad_epu8, _mm_set1_epi8,
        _mm_setzero_si128, _mm_srli_si128, _mm_sub_epi8,
    };

    /// Continuation bytes of `bytes` counted sixteen at a time: `(the tail not counted, count)`.
    #[inline]
    pub(super) fn continuations(bytes: &[u8]) -> (&[u8], usize) {
        let whole = bytes.len() / 16;
        let mut total = 0usize;
        let mut i = 0;
        while i < whole {
            // Per-byte counters (each compare adds one where it holds) for at most 255 blocks,
            // then summed.
            let n = (whole - i).min(255);
            // SAFETY: SSE2 is part of the x86_64 baseline; block `k < whole` lies in `bytes`.
            unsafe {
                let below = _mm_set1_epi8(-0x40);
                let mut lanes = _mm_setzero_si128();
                for k in i..i + n {
                    let x = _mm_loadu_si128(bytes.as_ptr().add(16 * k).cast::<__m128i>());
                    lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(x, below));
                }
                let sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
                total +=
                    (_mm_cvtsi128_si64(sums) + _mm_cvtsi128_si64(_mm_srli_si128(sums, 8))) as usize;
            }
            i += n;
        }
        (&bytes[16 * whole..], total)
    }
}

/// Character offset of byte offset `at`.
pub fn char_offset(text: &[u8], at: usize) -> usize {
    char_count(&text[..at])
}

/// Converts increasing byte offsets to character offsets in one pass over the text.
pub(crate) struct CharOffsets<'t> {
    text: &'t [u8],
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    pub(crate) fn new(text: &'t [u8]) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Character offset of `at`; calls must not go backwards by much (it rescans from 0 if they do).
    pub(crate) fn at(&mut self, at: usize) -> usize {
        if at < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += char_count(&self.text[self.byte..at]);
        self.byte = at;
        self.chars
    }
}

/// ASCII-case-insensitive search for `needle` (lower-case ASCII) in `haystack`.
pub(crate) fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    if haystack.len() < needle.len() {
        return false;
    }
    // Context windows are short and most of their bytes do not start the needle: test the
    // first byte before comparing the rest.
    let (first, rest) = (needle[0].to_ascii_lowercase(), &needle[1..]);
    haystack
        .windows(needle.len())
        .any(|w| w[0].to_ascii_lowercase() == first && w[1..].eq_ignore_ascii_case(rest))
}

#[cfg(test)]
mod tests {
    #[test]
    fn char_count_equals_counting_byte_by_byte() {
        let mut bytes: Vec<u8> = "aé€😀\u{80}".bytes().cycle().take(5000).collect();
        bytes.extend((0..=255u8).cycle().take(3000));
        for end in [0, 1, 7, 8, 9, 63, 2039, 2040, 2041, 4096, bytes.len()] {
            let slice = &bytes[..end];
            let naive = slice.iter().filter(|&&b| !is_continuation(b)).count();
            assert_eq!(char_count(slice), naive, "first {end} bytes");
        }
        assert_eq!(char_count(&[0x80; 4099]), 0, "every lane full");
        assert_eq!(
            char_count(&[0x80; 255 * 16 * 3 + 21]),
            0,
            "vector counters full, thrice"
        );
        let long: Vec<u8> = "€a".bytes().cycle().take(255 * 16 * 2 + 7).collect();
        let naive = long.iter().filter(|&&b| !is_continuation(b)).count();
        assert_eq!(char_count(&long), naive);
    }

    use super::*;

    #[test]
    fn counts_chars_of_valid_utf8() {
        let s = "añ€😀x";
        assert_eq!(char_count(s.as_bytes()), s.chars().count());
        assert_eq!(char_offset(s.as_bytes(), s.len()), 5);
    }

    #[test]
    fn invalid_bytes_count_as_one_char_each() {
        assert_eq!(char_count(b"a\xffb\xc3"), 4);
    }

    #[test]
    fn offsets_can_go_forward_and_back() {
        let s = "é-é-é".as_bytes();
        let mut offsets = CharOffsets::new(s);
        assert_eq!(offsets.at(3), 2);
        assert_eq!(offsets.at(6), 4);
        assert_eq!(offsets.at(0), 0);
    }
}
