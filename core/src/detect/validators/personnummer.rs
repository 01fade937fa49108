//! Swedish personnummer: YYMMDD-NNNC where C is a Luhn check digit over the ten digits; day + 60
//! marks a samordningsnummer (coordination number).

use super::luhn;

/// True when `digits` (10 ASCII digits, YYMMDDNNNC) has a valid date and Luhn check.
pub fn is_valid(digits: &[u8]) -> bool {
    if digits.len() != 10 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let two = |i: usize| u32::from(digits[i] - b'0') * 10 + u32::from(digits[i + 1] - b'0');
    let day = two(4);
    (1..=12).contains(&two(2))
        && ((1..=31).contains(&day) || (61..=91).contains(&day))
        && luhn::is_valid(digits)
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        assert!(is_valid(b"8112189876"));
        assert!(is_valid(b"8507099805"));
        assert!(!is_valid(b"8112189877"));
        assert!(!is_valid(b"8113189876"), "month 13");
    }
}
