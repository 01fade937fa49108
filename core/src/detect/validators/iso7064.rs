//! ISO 7064 MOD 11,10 (hybrid system): alternating mod 10 and mod 11 steps give one decimal check
//! digit that catches all single errors and most swaps (German Steuer-ID and USt-IdNr, Croatian OIB).

/// The MOD 11,10 check digit for `digits` (ASCII digits), or `None` for other bytes.
pub fn check_digit(digits: &[u8]) -> Option<u8> {
    let mut product = 10u32;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        let mut sum = (u32::from(b - b'0') + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let check = (11 - product) % 10;
    Some(check as u8)
}

/// True when the last digit of `digits` is the MOD 11,10 check digit of the others.
pub fn is_valid(digits: &[u8]) -> bool {
    match digits.split_last() {
        Some((&last, body)) if !body.is_empty() && last.is_ascii_digit() => {
            check_digit(body) == Some(last - b'0')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // German USt-IdNr DE136695976 and Croatian OIB 69435151530 are published examples.
        assert!(is_valid(b"136695976"));
        assert!(is_valid(b"69435151530"));
        assert!(!is_valid(b"136695977"));
        assert!(!is_valid(b"6943515153x"));
        assert!(!is_valid(b"1"));
    }
}
