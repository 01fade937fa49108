//! Whole-word keyword search near a candidate, for types whose shape alone is too weak.
//!
//! Unlike the substring test of [`crate::detect::context`], a keyword here must not be glued to
//! ASCII letters ("sin" must not match "business", "ein" not "keine"), so short keywords are safe.

/// How far before a candidate a keyword may stand.
pub(crate) const BEFORE: usize = 48;
/// How far after a candidate a keyword may stand ("123456789 (BSN)").
pub(crate) const AFTER: usize = 16;

/// True when one of `words` (lower case, starting with an ASCII letter) occurs as a whole word
/// inside `text[from..to]`. One pass over the window: only word starts are compared.
pub(crate) fn any_word(text: &[u8], from: usize, to: usize, words: &[&str]) -> bool {
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

/// Bytes that end a keyword window: a keyword beyond another number or line belongs to that.
fn stops(b: u8) -> bool {
    b.is_ascii_digit() || b == b'\n'
}

/// Start of the window of at most `max` bytes before `start`, cut after the nearest digit or
/// newline ("SSN 536-22-8514. Order 407666141": the keyword is not the order number's).
pub(crate) fn window_start(text: &[u8], start: usize, max: usize) -> usize {
    let start = start.min(text.len());
    let from = start.saturating_sub(max);
    text[from..start]
        .iter()
        .rposition(|&b| stops(b))
        .map_or(from, |i| from + i + 1)
}

/// End of the window of at most `max` bytes after `end`, cut at the nearest digit or newline.
pub(crate) fn window_end(text: &[u8], end: usize, max: usize) -> usize {
    let end = end.min(text.len());
    let to = (end + max).min(text.len());
    text[end..to]
        .iter()
        .position(|&b| stops(b))
        .map_or(to, |i| end + i)
}

/// True when any of `words` stands as a whole word within [`BEFORE`] bytes before `start` or
/// [`AFTER`] bytes after `end`, with no other number or line break in between.
pub(crate) fn keyword(text: &[u8], start: usize, end: usize, words: &[&str]) -> bool {
    let (from, to) = (
        window_start(text, start, BEFORE),
        window_end(text, end, AFTER),
    );
    any_word(text, from, start, words) || any_word(text, end, to, words)
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
        let (start, end) = (start.min(text.len()), end.min(text.len()));
        let mut around = Around {
            text,
            starts: [(0, 0); MAX_STARTS],
            n: 0,
            initials: 0,
        };
        let windows = [
            (window_start(text, start, BEFORE), start),
            (end, window_end(text, end, AFTER)),
        ];
        for (from, to) in windows {
            let mut prev_alpha = from > 0 && text[from - 1].is_ascii_alphabetic();
            for (i, &b) in text.iter().enumerate().take(to).skip(from) {
                let alpha = b.is_ascii_alphabetic();
                if alpha && !prev_alpha && around.n < MAX_STARTS {
                    around.starts[around.n] = (i as u32, to as u32);
                    around.n += 1;
                    around.initials |= initial_bit(b);
                }
                prev_alpha = alpha;
            }
        }
        around
    }

    /// True when one of `words` (lower case, starting with an ASCII letter) stands at a word
    /// start of the windows.
    pub(crate) fn any(&self, words: &[&str]) -> bool {
        let initials = words
            .iter()
            .filter_map(|w| w.as_bytes().first())
            .fold(0, |m, &b| m | initial_bit(b));
        if initials & self.initials == 0 {
            return false;
        }
        self.starts[..self.n].iter().any(|&(i, to)| {
            let (i, to) = (i as usize, to as usize);
            let lower = self.text[i] | 0x20;
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
