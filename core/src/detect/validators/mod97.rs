//! ISO 7064 MOD 97-10 remainders: 97 is prime and larger than any two-digit number, so a
//! two-digit check catches all single errors and all adjacent swaps.

/// Remainder modulo 97 of the decimal number written by `chars`, where letters count as the
/// two-digit numbers 10 (A) to 35 (Z) as in ISO 13616. `None` for any other byte.
pub fn remainder(chars: &[u8]) -> Option<u32> {
    remainder_from(0, chars)
}

/// Like [`remainder`] for the number `prefix` followed by `chars`: `prefix * 10^k + chars`
/// (used to move an IBAN's head to its end, and for the Belgian post-2000 "2" prefix).
pub fn remainder_from(prefix: u32, chars: &[u8]) -> Option<u32> {
    let mut r = prefix % 97;
    for &b in chars {
        r = match b {
            b'0'..=b'9' => (r * 10 + u32::from(b - b'0')) % 97,
            b'A'..=b'Z' => (r * 100 + u32::from(b - b'A') + 10) % 97,
            b'a'..=b'z' => (r * 100 + u32::from(b - b'a') + 10) % 97,
            _ => return None,
        };
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remainders() {
        assert_eq!(remainder(b"1234567890"), Some(1234567890 % 97));
        assert_eq!(remainder(b"A"), Some(10));
        assert_eq!(remainder(b"z"), Some(35));
        assert_eq!(remainder(b"12-3"), None);
        assert_eq!(remainder_from(2, b"000000001"), Some(2_000_000_001 % 97));
    }
}
