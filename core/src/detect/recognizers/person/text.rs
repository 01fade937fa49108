//! Small byte-level helpers shared by the person-family recognizers. Text is arbitrary bytes, so
//! every helper bounds-checks and treats invalid UTF-8 as "not a letter".

/// Decodes the character starting at `at`: `(char, byte length)`, or `None` for invalid UTF-8,
/// a continuation byte or the end of the text.
pub(super) fn char_at(text: &[u8], at: usize) -> Option<(char, usize)> {
    let lead = *text.get(at)?;
    let len = match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let bytes = text.get(at..at + len)?;
    let s = std::str::from_utf8(bytes).ok()?;
    s.chars().next().map(|c| (c, len))
}

/// The character ending at `end` (the last one before it), if valid UTF-8.
pub(super) fn char_before(text: &[u8], end: usize) -> Option<(char, usize)> {
    let mut start = end.checked_sub(1)?;
    while start > 0 && end - start < 4 && crate::text::is_continuation(text[start]) {
        start -= 1;
    }
    match char_at(text, start) {
        Some((c, len)) if start + len == end => Some((c, len)),
        _ => None,
    }
}

/// True when a word may start at `at`: the text starts there or the character before is not a
/// letter, digit or apostrophe.
pub(super) fn word_starts_at(text: &[u8], at: usize) -> bool {
    match char_before(text, at) {
        None => at == 0 || !text[at - 1].is_ascii_alphanumeric(),
        Some((c, _)) => !(c.is_alphanumeric() || c == '\''),
    }
}

/// End of the run of letters starting at `at` (ASCII or any alphabetic character), with inner
/// apostrophes and hyphens when a letter follows them ("O'Brien", "Jean-Luc", "D’Angelo").
/// Returns `at` when no letter starts there.
pub(super) fn letters_end(text: &[u8], at: usize) -> usize {
    let mut i = at;
    loop {
        // ASCII letters first, eight at a time, without decoding.
        i = ascii_letters_end(text, i).0;
        match text.get(i) {
            Some(b) if b.is_ascii() && !matches!(b, b'\'' | b'-') => return i,
            None => return i,
            _ => {}
        }
        match char_at(text, i) {
            Some((c, len)) if c.is_alphabetic() => i += len,
            Some(('\'' | '’' | '-', len)) if i > at => match char_at(text, i + len) {
                Some((c, _)) if c.is_alphabetic() => i += len,
                _ => return i,
            },
            _ => return i,
        }
    }
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7f;

/// Bit 7 of each byte of `x` that lies in `lo..=hi` (ASCII bounds), with carry-free adds on
/// the low seven bits.
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & LOW7;
    let at_least = low + ONES * u64::from(0x80 - lo);
    let above = low + ONES * u64::from(0x7f - hi);
    at_least & !above & !x & HIGH
}

/// End of the run of ASCII letters starting at `at`, and whether any of them is upper-case;
/// eight bytes at a time.
#[inline]
pub(super) fn ascii_letters_end(text: &[u8], at: usize) -> (usize, bool) {
    let mut i = at;
    let mut upper = false;
    while let Some(chunk) = text.get(i..i + 8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let x = u64::from_le_bytes(bytes);
        let capitals = in_range(x, b'A', b'Z');
        let letters = capitals | in_range(x, b'a', b'z');
        let others = !letters & HIGH;
        if others == 0 {
            upper |= capitals != 0;
            i += 8;
            continue;
        }
        // Bit 7 of the first non-letter byte: the letters before it are the bits below.
        let before = (others & others.wrapping_neg()) - 1;
        upper |= capitals & before != 0;
        return (i + (others.trailing_zeros() / 8) as usize, upper);
    }
    while i < text.len() && text[i].is_ascii_alphabetic() {
        upper |= text[i].is_ascii_uppercase();
        i += 1;
    }
    (i, upper)
}

/// End of the run of ASCII letters and digits starting at `at`.
pub(super) fn alnum_end(text: &[u8], at: usize) -> usize {
    let mut i = at;
    while i < text.len() && text[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// Skips spaces and tabs (not newlines) from `at`.
pub(super) fn skip_blanks(text: &[u8], mut at: usize) -> usize {
    while at < text.len() && matches!(text[at], b' ' | b'\t') {
        at += 1;
    }
    at
}

/// Skips spaces and tabs backwards from `at` (exclusive).
pub(super) fn skip_blanks_back(text: &[u8], mut at: usize) -> usize {
    while at > 0 && matches!(text[at - 1], b' ' | b'\t') {
        at -= 1;
    }
    at
}

/// True when only spaces and tabs stand between the start of the line and `at`.
pub(super) fn at_line_start(text: &[u8], at: usize) -> bool {
    let i = skip_blanks_back(text, at);
    i == 0 || matches!(text[i - 1], b'\n' | b'\r')
}

/// True when `word` equals one of `list` (lower-case ASCII), ignoring ASCII case.
pub(super) fn is_one_of(word: &[u8], list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// `word` with ASCII letters lower-cased, in a buffer for a `match` on `&buf[..word.len()]`;
/// `None` when the word is longer than `N` (so no entry of the `match` can equal it).
#[inline]
pub(super) fn fold<const N: usize>(word: &[u8]) -> Option<[u8; N]> {
    if word.len() > N {
        return None;
    }
    let mut buf = [0u8; N];
    for (o, b) in buf.iter_mut().zip(word) {
        *o = b.to_ascii_lowercase();
    }
    Some(buf)
}

/// Parses 1 to `max` ASCII digits at `at` as a number: `(value, end)`.
pub(super) fn number_at(text: &[u8], at: usize, max: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut i = at;
    while i < text.len() && i - at < max && text[i].is_ascii_digit() {
        value = value * 10 + u32::from(text[i] - b'0');
        i += 1;
    }
    if i == at || text.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((value, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_runs() {
        let t = "O'Brien-Smith, Müller’s x".as_bytes();
        assert_eq!(&t[..letters_end(t, 0)], b"O'Brien-Smith");
        let m = "Müller’s".as_bytes();
        assert_eq!(letters_end(t, 15), 15 + m.len());
        assert_eq!(letters_end(b"'x", 0), 0);
        assert_eq!(letters_end(b"ab-", 0), 2);
    }

    #[test]
    fn ascii_letter_runs() {
        let slow = |t: &[u8], at: usize| {
            let e = at
                + t[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
            (e, t[at..e].iter().any(u8::is_ascii_uppercase))
        };
        let t = b"abcdefghIjklmnop qrstuvwx@yzABCDEFGH[`{ Zz\xc3\xa9t0 end";
        for at in 0..t.len() {
            assert_eq!(ascii_letters_end(t, at), slow(t, at), "{at}");
        }
        for b in 0..=255u8 {
            let t = [b'a', b'b', b'c', b, b'd', b'e', b'f', b'g', b'h', b'i'];
            assert_eq!(ascii_letters_end(&t, 0), slow(&t, 0), "{b}");
        }
    }

    #[test]
    fn chars_and_boundaries() {
        let t = "aé b".as_bytes();
        assert_eq!(char_at(t, 1), Some(('é', 2)));
        assert_eq!(char_at(t, 2), None);
        assert_eq!(char_before(t, 3), Some(('é', 2)));
        assert!(word_starts_at(t, 4));
        assert!(!word_starts_at(t, 3));
        assert!(at_line_start(b"x\n  y", 4));
        assert!(!at_line_start(b"x y", 2));
        assert_eq!(number_at(b"123a", 0, 4), Some((123, 3)));
        assert_eq!(number_at(b"12345", 0, 4), None);
    }
}
