//! NHS numbers: the tenth digit is 11 minus the weighted (10..2) sum modulo 11, so any single
//! wrong digit or swap changes the remainder; a remainder giving 10 is never issued.

/// True when `digits` (10 ASCII digits) is a valid NHS number.
pub fn is_valid(digits: &[u8]) -> bool {
    if digits.len() != 10 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == u32::from(digits[9] - b'0') && digits.iter().any(|&b| b != digits[0])
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        assert!(is_valid(b"9434765919"));
        assert!(is_valid(b"4010232137"));
        assert!(!is_valid(b"9434765918"));
        assert!(!is_valid(b"4343434343"), "weighted sum gives check 10");
        assert!(!is_valid(b"943476591"));
    }
}
