//! The Dutch "11-proef" for the BSN: digits weighted 9..2 and the last digit weighted -1 must sum
//! to a multiple of 11, which catches every single-digit error.

/// True when `digits` (9 ASCII digits, or 8 with a leading zero implied) pass the BSN 11-test.
pub fn is_bsn(digits: &[u8]) -> bool {
    let n = digits.len();
    if !(8..=9).contains(&n) {
        return false;
    }
    // An implied leading zero weighs nothing: the digit at index i has weight n - i, the last -1.
    let mut sum = 0i32;
    for (i, &b) in digits.iter().enumerate() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return false;
        }
        let weight = if i == n - 1 { -1 } else { (n - i) as i32 };
        sum += i32::from(d) * weight;
    }
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
