//! The Dutch "11-proef" for the BSN: digits weighted 9..2 and the last digit weighted -1 must sum
//! to a multiple of 11, which catches every single-digit error.

/// True when `digits` (9 ASCII digits, or 8 with a leading zero implied) pass the BSN 11-test.
pub fn is_bsn(digits: &[u8]) -> bool {
    // An implied leading zero weighs nothing: the digits have weights n..2, the last -1.
    let sum = match digits.len() {
        9 => weigh(digits, &[9, 8, 7, 6, 5, 4, 3, 2, -1]),
        8 => weigh(digits, &[8, 7, 6, 5, 4, 3, 2, -1]),
        _ => None,
    };
    sum.is_some_and(|sum| sum % 11 == 0 && sum != 0)
}

/// The weighted digit sum, or `None` when a byte is not an ASCII digit (fixed length, so the
/// loop unrolls).
fn weigh<const N: usize>(digits: &[u8], weights: &[i32; N]) -> Option<i32> {
    let digits: &[u8; N] = digits.try_into().ok()?;
    let mut sum = 0;
    for (&b, &w) in digits.iter().zip(weights) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        sum += i32::from(d) * w;
    }
    Some(sum)
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
