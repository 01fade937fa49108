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

/// Number of characters in `bytes`.
#[inline]
pub fn char_count(bytes: &[u8]) -> usize {
    // Written as a filter/count so the compiler vectorises it.
    bytes.iter().filter(|&&b| !is_continuation(b)).count()
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
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
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
