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
pub(crate) fn keyword(text: &[u8], start: usize, end: usize, words: &[&str]) -> bool {
    Around::new(text, start, end).any(words)
}

/// True when the bytes `start..end` of `text` are not glued to ASCII letters on either side.
pub(crate) fn is_word(text: &[u8], start: usize, end: usize) -> bool {
    (start == 0 || !text[start - 1].is_ascii_alphabetic())
        && text.get(end).map_or(true, |b| !b.is_ascii_alphabetic())
}

/// Room for every word start of both windows: a word start needs a letter and the byte before
/// it, so 48 + 16 bytes hold at most 32 (nothing is ever dropped).
const MAX_STARTS: usize = (BEFORE + AFTER) / 2;

/// The word starts around one candidate, collected once so that several types can test their
/// keywords against the same window cheaply (a plain 9-digit number is checked for a dozen).
pub(crate) struct Around<'t> {
    text: &'t [u8],
    /// (word start, end of the window it lies in).
    starts: [(u32, u32); MAX_STARTS],
    n: usize,
    /// One bit per initial letter of the collected words, to reject keyword lists at once.
    initials: u32,
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

/// Letter and window-stop bits of `text[lo..hi]` (at most 64 bytes), bit k for byte `lo + k`:
/// eight bytes per step instead of one, as every checksum-valid number pays for its window.
fn classify(text: &[u8], lo: usize, hi: usize) -> (u64, u64) {
    debug_assert!(hi - lo <= 64);
    let (mut alpha, mut stop) = (0u64, 0u64);
    let mut p = lo;
    while p < hi {
        let mut chunk = [0u8; 8];
        let n = (hi - p).min(8);
        if n == 8 {
            chunk.copy_from_slice(&text[p..p + 8]);
        } else {
            for (c, &b) in chunk.iter_mut().zip(&text[p..hi]) {
                *c = b;
            }
        }
        let x = u64::from_le_bytes(chunk);
        let shift = p - lo;
        alpha |= pack(between(x | ONES * 0x20, b'a' - 1, b'z' + 1)) << shift;
        stop |= pack(between(x, b'0' - 1, b'9' + 1) | equal(x, b'\n')) << shift;
        p += 8;
    }
    (alpha, stop)
}

/// One bit per initial letter of `words` (see [`initial_bit`]).
fn initials(words: &[&str]) -> u32 {
    words
        .iter()
        .filter_map(|w| w.as_bytes().first())
        .fold(0, |m, &b| m | initial_bit(b))
}

/// ASCII letter test with one compare.
#[inline]
fn is_alpha(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

/// The bit of an ASCII letter's lower-case form (other bytes share bit 31).
fn initial_bit(b: u8) -> u32 {
    let lower = b | 0x20;
    if lower.is_ascii_lowercase() {
        1 << (lower - b'a')
    } else {
        1 << 31
    }
}

impl<'t> Around<'t> {
    /// Collects the word starts of the windows before `start` and after `end`, as [`keyword`].
    pub(crate) fn new(text: &'t [u8], start: usize, end: usize) -> Around<'t> {
        let mut around = Around::before(text, start, BEFORE);
        around.collect_after(end.min(text.len()));
        around
    }

    /// Collects the word starts of the window of at most `max` (at most [`BEFORE`]) bytes
    /// before `start` only, cut after the nearest digit or newline.
    pub(crate) fn before(text: &'t [u8], start: usize, max: usize) -> Around<'t> {
        let start = start.min(text.len());
        let mut around = Around {
            text,
            starts: [(0, 0); MAX_STARTS],
            n: 0,
            initials: 0,
        };
        let lo = start.saturating_sub(max.min(BEFORE));
        let (alpha, stop) = classify(text, lo, start);
        // The window begins after the last digit or newline.
        let from = if stop == 0 {
            0
        } else {
            64 - stop.leading_zeros()
        };
        let prev = lo > 0 && is_alpha(text[lo - 1]);
        let starts = alpha & !((alpha << 1) | u64::from(prev)) & (u64::MAX << from);
        around.record(lo, starts, start);
        around
    }

    /// Adds the word starts of the window of at most [`AFTER`] bytes after `end`, cut at the
    /// nearest digit or newline.
    fn collect_after(&mut self, end: usize) {
        let text = self.text;
        let hi = (end + AFTER).min(text.len());
        let (alpha, stop) = classify(text, end, hi);
        let len = if stop == 0 {
            hi - end
        } else {
            stop.trailing_zeros() as usize
        };
        let prev = end > 0 && is_alpha(text[end - 1]);
        let starts = alpha & !((alpha << 1) | u64::from(prev)) & ((1u64 << len) - 1);
        self.record(end, starts, end + len);
    }

    /// Records the word starts whose bits are set in `starts` (bit k for byte `lo + k`), in a
    /// window ending at `to`.
    fn record(&mut self, lo: usize, mut starts: u64, to: usize) {
        while starts != 0 && self.n < MAX_STARTS {
            let i = lo + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            self.starts[self.n] = (i as u32, to as u32);
            self.n += 1;
            self.initials |= initial_bit(self.text[i]);
        }
    }

    /// True when one of `words` (lower case, starting with an ASCII letter) stands at a word
    /// start of the windows.
    pub(crate) fn any(&self, words: &[&str]) -> bool {
        let wanted = initials(words);
        if wanted & self.initials == 0 {
            return false;
        }
        self.starts[..self.n].iter().any(|&(i, to)| {
            let (i, to) = (i as usize, to as usize);
            let lower = self.text[i] | 0x20;
            if wanted & initial_bit(lower) == 0 {
                return false;
            }
            words.iter().map(|w| w.as_bytes()).any(|w| {
                w.first() == Some(&lower)
                    && i + w.len() <= to
                    && self.text[i..i + w.len()].eq_ignore_ascii_case(w)
                    && self
                        .text
                        .get(i + w.len())
                        .map_or(true, |c| !c.is_ascii_alphabetic())
            })
        })
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
        let words: &[&str] = &["ab", "b", "abc", "z", "bsn", "ssn", "a/c", "sort code"];
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
                            Around::new(&text, start, end).any(w),
                            reference(&text, start, end, w),
                            "{:?} {start} {end} {w:?}",
                            String::from_utf8_lossy(&text)
                        );
                    }
                    let from = window_start(&text, start, 32);
                    assert_eq!(
                        Around::before(&text, start, 32).any(words),
                        any_word(&text, from, start, words)
                    );
                }
            }
        }
    }

    #[test]
    fn whole_words_only() {
        let text = b"business 123456782";
        assert!(!keyword(text, 9, 18, &["sin"]));
        let text = b"SIN: 123456782";
        assert!(keyword(text, 5, 14, &["sin"]));
        let text = b"123456782 (BSN)";
        assert!(keyword(text, 0, 9, &["bsn"]));
        assert!(!keyword(b"", 0, 0, &["x"]));
        let text = b"SSN 536-22-8514. Order 407666141";
        assert!(!keyword(text, 23, 32, &["ssn"]));
        let dense = b"a b c d e f g h i j k l m n o p q r s t u v bsn 123456782";
        let at = dense.len() - 9;
        assert!(
            Around::new(dense, at, dense.len()).any(&["bsn"]),
            "the nearest word is kept"
        );
        assert!(
            !Around::new(dense, 70, 80).any(&["bsn"]),
            "out-of-range spans are safe"
        );
        let around = Around::new(b"Your BSN: 111222333 (burger)", 10, 19);
        assert!(around.any(&["bsn"]) && around.any(&["burger"]) && !around.any(&["ssn"]));
        assert!(!Around::new(b"busin 1", 6, 7).any(&["sin"]));
    }
}
