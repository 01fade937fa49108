//! Belgian national register number: the last two digits are 97 minus the first nine modulo 97;
//! for people born from 2000 the nine digits are prefixed with a 2 before taking the remainder.

use super::mod97;

/// True when `digits` (11 ASCII digits, YYMMDDSSSCC) has a plausible date and a valid check.
pub fn is_valid(digits: &[u8]) -> bool {
    if digits.len() != 11 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let two = |i: usize| u32::from(digits[i] - b'0') * 10 + u32::from(digits[i + 1] - b'0');
    // Months 20-32 and 40-52 are used by bis numbers; 00 means an unknown month or day.
    if !matches!(two(2), 0..=12 | 20..=32 | 40..=52) || two(4) > 31 {
        return false;
    }
    let check = two(9);
    let before = mod97::remainder(&digits[..9]).map(|r| 97 - r);
    let after = mod97::remainder_from(2, &digits[..9]).map(|r| 97 - r);
    before == Some(check) || after == Some(check)
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        assert!(is_valid(b"85073003328"));
        assert!(is_valid(b"17073003384"), "born after 2000");
        assert!(!is_valid(b"85073003329"));
        assert!(!is_valid(b"85133003328"), "month 13");
    }
}
