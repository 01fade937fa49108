//! German tax id (Steuerliche Identifikationsnummer): an ISO 7064 MOD 11,10 check digit, and in the
//! first ten digits exactly one digit repeats (twice, or three times but never three in a row).

use super::iso7064;

/// True when `digits` (11 ASCII digits, first not 0) is a valid Steuer-ID.
pub fn is_valid(digits: &[u8]) -> bool {
    if digits.len() != 11 || !digits.iter().all(u8::is_ascii_digit) || digits[0] == b'0' {
        return false;
    }
    let mut counts = [0u8; 10];
    for &b in &digits[..10] {
        counts[usize::from(b - b'0')] += 1;
    }
    let repeated = counts.iter().filter(|&&c| c > 1).count();
    let most = counts.iter().copied().max().unwrap_or(0);
    let shape_ok = repeated == 1
        && match most {
            2 => true,
            3 => !digits[..10]
                .windows(3)
                .any(|w| w[0] == w[1] && w[1] == w[2]),
            _ => false,
        };
    shape_ok && iso7064::is_valid(digits)
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        assert!(is_valid(b"86095742719"));
        assert!(!is_valid(b"86095742718"), "check digit");
        assert!(!is_valid(b"12345678903"), "no repeated digit");
        assert!(!is_valid(b"06095742719"), "leading zero");
    }
}
