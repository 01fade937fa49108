//! The Dutch "11-proef" for the BSN: digits weighted 9..2 and the last digit weighted -1 must sum
//! to a multiple of 11, which catches every single-digit error.

/// True when `digits` (9 ASCII digits, or 8 with a leading zero implied) pass the BSN 11-test.
pub fn is_bsn(digits: &[u8]) -> bool {
    if !(8..=9).contains(&digits.len()) || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut padded = [b'0'; 9];
    padded[9 - digits.len()..].copy_from_slice(digits);
    let sum: i32 = padded[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(&b, w)| i32::from(b - b'0') * w)
        .sum::<i32>()
        - i32::from(padded[8] - b'0');
    sum % 11 == 0 && sum != 0
}

#[cfg(test)]
mod tests {
    use super::is_bsn;

    #[test]
    fn known_values() {
        assert!(is_bsn(b"111222333"));
        assert!(is_bsn(b"123456782"));
        assert!(!is_bsn(b"123456789"));
        assert!(!is_bsn(b"000000000"));
        assert!(!is_bsn(b"12345678x"));
    }
}
