//! ABA routing transit numbers: weights 3-7-1 repeated make the digit sum a multiple of 10, and
//! the first two digits must be a Federal Reserve routing symbol (00-12, 21-32, 61-72, 80).

/// True when `digits` is a 9-digit ABA routing number with a valid prefix and checksum.
pub fn is_valid(digits: &[u8]) -> bool {
    if digits.len() != 9 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let d = |i: usize| u32::from(digits[i] - b'0');
    let prefix = d(0) * 10 + d(1);
    if !matches!(prefix, 0..=12 | 21..=32 | 61..=72 | 80) {
        return false;
    }
    let sum: u32 = (0..9).map(|i| d(i) * [3, 7, 1][i % 3]).sum();
    sum % 10 == 0 && digits.iter().any(|&b| b != b'0')
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        // JPMorgan Chase NY and Wells Fargo CA routing numbers are public.
        assert!(is_valid(b"021000021"));
        assert!(is_valid(b"121000248"));
        assert!(!is_valid(b"021000022"));
        assert!(!is_valid(b"000000000"));
        // Checksum holds (3*5 + 1*1 + 1*4 = 20) but prefix 50 is not a Fed symbol.
        assert!(!is_valid(b"501000004"));
    }
}
