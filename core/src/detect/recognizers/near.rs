//! Whole-word keyword search near a candidate, for types whose shape alone is too weak.
//!
//! Unlike the substring test of [`crate::detect::context`], a keyword here must not be glued to
//! ASCII letters ("sin" must not match "business", "ein" not "keine"), so short keywords are safe.

/// How far before a candidate a keyword may stand.
pub(crate) const BEFORE: usize = 48;
/// How far after a candidate a keyword may stand ("123456789 (BSN)").
pub(crate) const AFTER: usize = 16;

/// True when any of `words` (lower case, starting with an ASCII letter) stands as a whole word
/// within [`BEFORE`] bytes before `start` or [`AFTER`] bytes after `end`, with no other number
/// or line break in between ("SSN 536-22-8514. Order 407666141": the keyword is not the order
/// number's).
pub(crate) fn keyword(text: &[u8], start: usize, end: usize, words: &Keywords) -> bool {
    Around::new(text, start, end).any(words)
}

/// A keyword list (lower case, each starting with an ASCII letter) with a 128-bit filter of
/// its openings (first three bytes, see [`opening`]), computed at compile time so that a list
/// none of whose openings stands in a window is rejected with one AND.
#[derive(Clone, Copy)]
pub(crate) struct Keywords {
    words: &'static [&'static str],
    openings: u128,
    /// One bit per initial letter, to skip the word starts no keyword begins with.
    initials: u32,
}

impl Keywords {
    pub(crate) const fn new(words: &'static [&'static str]) -> Keywords {
        let (mut openings, mut initials) = (0, 0);
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            assert!(
                word[0].is_ascii_lowercase(),
                "keywords start with a lower-case letter"
            );
            // A keyword of one or two letters is followed by any non-letter: no opening of
            // three bytes to filter on.
            openings |= if word.len() < 3 {
                u128::MAX
            } else {
                opening(word[0], word[1], word[2])
            };
            initials |= 1 << (word[0] - b'a');
            i += 1;
        }
        Keywords {
            words,
            openings,
            initials,
        }
    }
}

/// The filter bit of a word opening with `a`, `b`, `c`, each compared with bit 5 set: bytes
/// that are equal ignoring ASCII case stay equal, so a keyword's bit is always among the bits
/// of the words it matches (other openings may share it; the words are compared). Three bytes,
/// because two do not tell "invoice" from "individual".
#[inline]
const fn opening(a: u8, b: u8, c: u8) -> u128 {
    let (a, b, c) = (a as u32 | 0x20, b as u32 | 0x20, c as u32 | 0x20);
    1 << (((a * 31 + b) * 31 + c) % 128)
}

/// True when the bytes `start..end` of `text` are not glued to ASCII letters on either side.
pub(crate) fn is_word(text: &[u8], start: usize, end: usize) -> bool {
    (start == 0 || !text[start - 1].is_ascii_alphabetic())
        && text.get(end).map_or(true, |b| !b.is_ascii_alphabetic())
}

/// The word starts around one candidate, found once so that several types can test their
/// keywords against the same windows cheaply (a plain 9-digit number is checked for a dozen).
/// Starts are kept as bit masks over the windows: nothing to fill or copy but a few words.
pub(crate) struct Around<'t> {
    text: &'t [u8],
    before: Starts,
    after: Starts,
    /// The [`opening`] bits of the word starts, to reject keyword lists at once.
    openings: u128,
}

/// The word starts of one window: bit k of `bits` for byte `lo + k`; the window ends at `to`.
#[derive(Clone, Copy)]
struct Starts {
    lo: usize,
    bits: u64,
    to: usize,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7f;

/// Bit 7 of each byte of the result is set when that byte of `x` lies strictly between `below`
/// and `above` (both at most 0x80; exact for every byte, bytes >= 0x80 are never inside).
#[inline]
fn between(x: u64, below: u8, above: u8) -> u64 {
    // "hasbetween" from Sean Anderson's bit hacks, restricted to 7-bit bytes by the `!x` term.
    let low = x & LOW7;
    (ONES * (127 + u64::from(above)) - low) & !x & (low + ONES * (127 - u64::from(below))) & HIGH
}

/// Bit 7 of each byte of the result is set when that byte of `x` equals `b`.
#[inline]
fn equal(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    !(((y & LOW7) + LOW7) | y) & HIGH
}

/// Packs bit 7 of each byte into one bit per byte (byte k to bit k).
#[inline]
fn pack(mask: u64) -> u64 {
    (mask >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Letter and window-stop bits of `text[lo..hi]` (at most 8 bytes), bit k for byte `lo + k`.
#[inline]
fn classify(text: &[u8], lo: usize, hi: usize) -> (u64, u64) {
    let mut chunk = [0u8; 8];
    if hi - lo == 8 {
        chunk.copy_from_slice(&text[lo..hi]);
    } else {
        for (c, &b) in chunk.iter_mut().zip(&text[lo..hi]) {
            *c = b;
        }
    }
    let x = u64::from_le_bytes(chunk);
    let alpha = pack(between(x | (ONES * 0x20), b'a' - 1, b'z' + 1));
    let stop = pack(between(x, b'0' - 1, b'9' + 1) | equal(x, b'\n'));
    (alpha, stop)
}

/// ASCII letter test with one compare.
#[inline]
fn is_alpha(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

impl<'t> Around<'t> {
    /// Finds the word starts of the windows before `start` and after `end`, as [`keyword`].
    pub(crate) fn new(text: &'t [u8], start: usize, end: usize) -> Around<'t> {
        let mut around = Around::before(text, start);
        around.add_after(end);
        around
    }

    /// Adds the window after `end` to the window found by [`Around::before`] (making them
    /// [`Around::new`]'s), so that a run asked first about the bytes before it
    /// and then about both sides reads the bytes before it once.
    pub(crate) fn add_after(&mut self, end: usize) {
        self.after = after(self.text, end.min(self.text.len()));
        self.openings |= self.after.openings(self.text);
    }

    /// Finds the word starts of the window before `start` only ([`Around::any_before`] reads
    /// a shorter one out of it).
    pub(crate) fn before(text: &'t [u8], start: usize) -> Around<'t> {
        let before = before(text, start.min(text.len()));
        Around {
            text,
            before,
            after: Starts {
                lo: 0,
                bits: 0,
                to: 0,
            },
            openings: before.openings(text),
        }
    }

    /// True when one of `words` (lower case, starting with an ASCII letter) stands at a word
    /// start of the windows.
    #[inline]
    pub(crate) fn any(&self, words: &Keywords) -> bool {
        self.may_hold(words) && self.any_in(&[self.before, self.after], words)
    }

    /// True when one of `words` stands at a word start of the window before the candidate,
    /// within `max` (at most [`BEFORE`]) bytes of it.
    #[inline]
    pub(crate) fn any_before(&self, words: &Keywords, max: usize) -> bool {
        if !self.may_hold(words) {
            return false;
        }
        let mut window = self.before;
        let cut = window.to.saturating_sub(max);
        if cut > window.lo {
            window.bits &= u64::MAX << (cut - window.lo);
        }
        self.any_in(&[window], words)
    }

    /// False when no word of the windows opens like one of `words`: most lists are rejected
    /// here, inline, without a call.
    #[inline]
    fn may_hold(&self, words: &Keywords) -> bool {
        words.openings & self.openings != 0
    }

    /// The word-by-word test of [`Around::any`] and [`Around::any_before`].
    #[inline(never)]
    fn any_in(&self, windows: &[Starts], words: &Keywords) -> bool {
        windows.iter().any(|window| {
            let mut bits = window.bits;
            while bits != 0 {
                let i = window.lo + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                // A word start is an ASCII letter.
                let lower = self.text[i] | 0x20;
                if words.initials & (1 << (lower - b'a')) != 0
                    && self.word_at(i, window.to, lower, words.words)
                {
                    return true;
                }
            }
            false
        })
    }

    /// True when one of `words` starts at `i` (whose lower-cased byte is `lower`), ends by
    /// `to` and is not glued to a following letter.
    fn word_at(&self, i: usize, to: usize, lower: u8, words: &[&str]) -> bool {
        words.iter().map(|w| w.as_bytes()).any(|w| {
            w.first() == Some(&lower)
                && i + w.len() <= to
                && self.text[i..i + w.len()].eq_ignore_ascii_case(w)
                && self
                    .text
                    .get(i + w.len())
                    .map_or(true, |c| !c.is_ascii_alphabetic())
        })
    }
}

impl Starts {
    /// The [`opening`] bits of the words starting in this window (bytes past the text's end
    /// count as 0: only a keyword shorter than three bytes, which the filter passes, can match
    /// a word that short).
    fn openings(&self, text: &[u8]) -> u128 {
        let (mut bits, mut openings) = (self.bits, 0);
        while bits != 0 {
            let i = self.lo + bits.trailing_zeros() as usize;
            let byte = |k: usize| text.get(i + k).copied().unwrap_or(0);
            openings |= opening(text[i], byte(1), byte(2));
            bits &= bits - 1;
        }
        openings
    }
}

/// Word starts in the [`BEFORE`] bytes before `start`, after the nearest digit or newline
/// ("SSN 536-22-8514. Order 407666141": the keyword is not the order number's). Read eight
/// bytes at a time backwards, so digit-dense text (logs) stops after a chunk or two.
fn before(text: &[u8], start: usize) -> Starts {
    #[cfg(target_arch = "x86_64")]
    if start >= BEFORE && start <= text.len() {
        return sse2::before(text, start);
    }
    let lo = start.saturating_sub(BEFORE);
    let (mut alpha, mut from) = (0u64, lo);
    let mut hi = start;
    while hi > lo {
        let p = hi.saturating_sub(8).max(lo);
        let (a, stop) = classify(text, p, hi);
        alpha |= a << (p - lo);
        if stop != 0 {
            from = p + (64 - stop.leading_zeros()) as usize;
            break;
        }
        hi = p;
    }
    // Bit 0's letter neighbour is outside the chunks; after a stop it is the stop itself.
    let prev = from == lo && lo > 0 && is_alpha(text[lo - 1]);
    Starts {
        lo,
        bits: alpha & !((alpha << 1) | u64::from(prev)) & (u64::MAX << (from - lo)),
        to: start,
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::{Starts, BEFORE};
    use crate::simd::in_range16;
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    const _: () = assert!(BEFORE == 48, "three 16-byte blocks");

    /// Letter and stop (digit, newline) bits of the 16 bytes at `block`.
    #[inline(always)]
    fn classes(block: &[u8]) -> (u64, u64) {
        debug_assert!(block.len() >= 16);
        // SAFETY: SSE2 is part of the x86_64 baseline; the load reads `block`'s first 16 bytes.
        unsafe {
            let x = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            let letters = in_range16(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', 26);
            let digits = in_range16(x, b'0', 10);
            let stops = _mm_or_si128(digits, _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\n' as i8)));
            (
                _mm_movemask_epi8(letters) as u16 as u64,
                _mm_movemask_epi8(stops) as u16 as u64,
            )
        }
    }

    /// [`super::after`] when the 16 bytes after `end` exist: one load.
    #[inline]
    pub(super) fn after(text: &[u8], end: usize) -> Starts {
        const _: () = assert!(super::AFTER == 16, "one 16-byte block");
        let (alpha, stop) = classes(&text[end..]);
        let to = end + (stop | 1 << 16).trailing_zeros() as usize;
        let prev = end > 0 && super::is_alpha(text[end - 1]);
        Starts {
            lo: end,
            bits: alpha & !((alpha << 1) | u64::from(prev)) & ((1u64 << (to - end)) - 1),
            to,
        }
    }

    /// [`super::before`] when the 48 bytes before `start` exist: the window is classified with
    /// three loads, without a loop.
    #[inline]
    pub(super) fn before(text: &[u8], start: usize) -> Starts {
        // Bit k stands for byte `lo + k`.
        let lo = start - BEFORE;
        let (mut alpha, mut stop) = (0u64, 0u64);
        for k in 0..3 {
            let (a, s) = classes(&text[lo + 16 * k..]);
            alpha |= a << (16 * k);
            stop |= s << (16 * k);
        }
        let from = if stop == 0 {
            0
        } else {
            64 - stop.leading_zeros() as usize
        };
        // Bit 0's letter neighbour is outside the loads; after a stop it is the stop itself.
        let prev = from == 0 && lo > 0 && super::is_alpha(text[lo - 1]);
        Starts {
            lo,
            bits: alpha & !((alpha << 1) | u64::from(prev)) & (u64::MAX << from),
            to: start,
        }
    }
}

/// Word starts in the [`AFTER`] bytes after `end`, before the nearest digit or newline.
fn after(text: &[u8], end: usize) -> Starts {
    #[cfg(target_arch = "x86_64")]
    if end + AFTER <= text.len() {
        return sse2::after(text, end);
    }
    let limit = (end + AFTER).min(text.len());
    let (mut alpha, mut to) = (0u64, limit);
    let mut p = end;
    while p < limit {
        let hi = (p + 8).min(limit);
        let (a, stop) = classify(text, p, hi);
        alpha |= a << (p - end);
        if stop != 0 {
            to = p + stop.trailing_zeros() as usize;
            break;
        }
        p = hi;
    }
    let prev = end > 0 && is_alpha(text[end - 1]);
    Starts {
        lo: end,
        bits: alpha & !((alpha << 1) | u64::from(prev)) & ((1u64 << (to - end)) - 1),
        to,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The plain byte-at-a-time definition that [`Around`] computes eight bytes at a time.

    /// True when one of `words` occurs as a whole word inside `text[from..to]`.
    fn any_word(text: &[u8], from: usize, to: usize, words: &[&str]) -> bool {
        let to = to.min(text.len());
        for i in from..to {
            let b = text[i];
            if !b.is_ascii_alphabetic() || (i > 0 && text[i - 1].is_ascii_alphabetic()) {
                continue;
            }
            let lower = b | 0x20;
            for w in words.iter().map(|w| w.as_bytes()) {
                if w.first() == Some(&lower)
                    && i + w.len() <= to
                    && text[i..i + w.len()].eq_ignore_ascii_case(w)
                    && text
                        .get(i + w.len())
                        .map_or(true, |c| !c.is_ascii_alphabetic())
                {
                    return true;
                }
            }
        }
        false
    }

    fn stops(b: u8) -> bool {
        b.is_ascii_digit() || b == b'\n'
    }

    fn window_start(text: &[u8], start: usize, max: usize) -> usize {
        let start = start.min(text.len());
        let from = start.saturating_sub(max);
        text[from..start]
            .iter()
            .rposition(|&b| stops(b))
            .map_or(from, |i| from + i + 1)
    }

    fn window_end(text: &[u8], end: usize, max: usize) -> usize {
        let end = end.min(text.len());
        let to = (end + max).min(text.len());
        text[end..to]
            .iter()
            .position(|&b| stops(b))
            .map_or(to, |i| end + i)
    }

    fn reference(text: &[u8], start: usize, end: usize, words: &[&str]) -> bool {
        let (from, to) = (
            window_start(text, start, BEFORE),
            window_end(text, end, AFTER),
        );
        any_word(text, from, start, words) || any_word(text, end, to, words)
    }

    #[test]
    fn around_matches_the_byte_loop() {
        // Every start/end over texts mixing letters, digits, newlines, UTF-8 and punctuation.
        const ALPHABET: &[u8] = b"aAbBcsnzZ /0123\n\xc3\xa9-.:Bs";
        let words: &'static [&'static str] =
            &["ab", "b", "abc", "z", "bsn", "ssn", "a/c", "sort code"];
        let mut state = 12345u32;
        for _ in 0..300 {
            let len = (state % 150) as usize;
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ALPHABET[(state >> 16) as usize % ALPHABET.len()]
                })
                .collect();
            for start in 0..=text.len() {
                for end in [start, start + 1, start + 9, text.len()] {
                    let end = end.min(text.len());
                    for w in words.chunks(2).chain([words]) {
                        assert_eq!(
                            Around::new(&text, start, end).any(&Keywords::new(w)),
                            reference(&text, start, end, w),
                            "{:?} {start} {end} {w:?}",
                            String::from_utf8_lossy(&text)
                        );
                    }
                    let from = window_start(&text, start, 32);
                    assert_eq!(
                        Around::new(&text, start, end).any_before(&Keywords::new(words), 32),
                        any_word(&text, from, start, words)
                    );
                    assert_eq!(
                        Around::before(&text, start).any_before(&Keywords::new(words), 32),
                        any_word(&text, from, start, words)
                    );
                }
            }
        }
    }

    #[test]
    fn whole_words_only() {
        let text = b"business 123456782";
        assert!(!keyword(text, 9, 18, &Keywords::new(&["sin"])));
        let text = b"SIN: 123456782";
        assert!(keyword(text, 5, 14, &Keywords::new(&["sin"])));
        let text = b"123456782 (BSN)";
        assert!(keyword(text, 0, 9, &Keywords::new(&["bsn"])));
        assert!(!keyword(b"", 0, 0, &Keywords::new(&["x"])));
        let text = b"SSN 536-22-8514. Order 407666141";
        assert!(!keyword(text, 23, 32, &Keywords::new(&["ssn"])));
        let dense = b"a b c d e f g h i j k l m n o p q r s t u v bsn 123456782";
        let at = dense.len() - 9;
        assert!(
            Around::new(dense, at, dense.len()).any(&Keywords::new(&["bsn"])),
            "the nearest word is kept"
        );
        assert!(
            !Around::new(dense, 70, 80).any(&Keywords::new(&["bsn"])),
            "out-of-range spans are safe"
        );
        let around = Around::new(b"Your BSN: 111222333 (burger)", 10, 19);
        assert!(
            around.any(&Keywords::new(&["bsn"]))
                && around.any(&Keywords::new(&["burger"]))
                && !around.any(&Keywords::new(&["ssn"]))
        );
        assert!(!Around::new(b"busin 1", 6, 7).any(&Keywords::new(&["sin"])));
    }
}
