//! The mask operator: hides a value's characters but keeps its shape and, when the value is long
//! enough, its last few characters (`**** **** **** 1111`), so a person can still tell which
//! card or phone was meant.

use crate::text::is_continuation;

/// Writes `value` to `out` with every letter, digit and non-ASCII character replaced by one `*`,
/// except the last `keep_last` of them when the value has more than `2 * keep_last`: a value
/// must stay mostly hidden, so shorter ones are hidden whole. ASCII punctuation and spaces stay,
/// so the shape stays readable. The output is ASCII plus the kept characters.
pub(super) fn mask(out: &mut Vec<u8>, value: &[u8], keep_last: usize) {
    let maskable = units(value).filter(|unit| is_maskable(unit)).count();
    let hide = if maskable > keep_last.saturating_mul(2) {
        maskable - keep_last
    } else {
        maskable
    };
    let mut seen = 0;
    for unit in units(value) {
        if !is_maskable(unit) {
            out.extend_from_slice(unit);
            continue;
        }
        seen += 1;
        if seen <= hide {
            out.push(b'*');
        } else {
            out.extend_from_slice(unit);
        }
    }
}

/// A letter, digit or anything non-ASCII: what identifies a value. ASCII punctuation, spaces and
/// control bytes only give it its shape.
fn is_maskable(unit: &[u8]) -> bool {
    unit.first()
        .is_some_and(|&b| b.is_ascii_alphanumeric() || !b.is_ascii())
}

/// Splits `value` into characters: an ASCII byte, or a non-ASCII byte with the continuation
/// bytes that follow it (for invalid UTF-8 this is a best effort, never a panic).
fn units(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = value;
    std::iter::from_fn(move || {
        let first = *rest.first()?;
        let mut len = 1;
        if !first.is_ascii() {
            while len < rest.len() && len < 4 && is_continuation(rest[len]) {
                len += 1;
            }
        }
        let (unit, tail) = rest.split_at(len);
        rest = tail;
        Some(unit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(value: &str, keep: usize) -> String {
        let mut out = Vec::new();
        mask(&mut out, value.as_bytes(), keep);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn cards_keep_their_last_four_and_their_shape() {
        assert_eq!(masked("4111 1111 1111 1111", 4), "**** **** **** 1111");
        assert_eq!(masked("4111-1111-1111-1111", 4), "****-****-****-1111");
        assert_eq!(masked("4111111111111111", 0), "****************");
    }

    #[test]
    fn short_values_are_hidden_whole() {
        assert_eq!(masked("123", 4), "***");
        assert_eq!(masked("12345678", 4), "********");
        assert_eq!(masked("123456789", 4), "*****6789");
    }

    #[test]
    fn non_ascii_characters_count_once() {
        assert_eq!(masked("Jürgen Müller", 2), "****** ****er");
        assert_eq!(masked("Zoë", 0), "***");
        let mut out = Vec::new();
        mask(&mut out, b"\xff\x80ab", 0);
        assert_eq!(out, b"***");
    }
}
