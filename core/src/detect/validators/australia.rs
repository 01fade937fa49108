//! Australian tax identifiers: TFN digits weighted (1,4,3,7,5,8,6,9,10) sum to a multiple of 11;
//! ABN digits (first minus one) weighted (10,1,3,...,19) sum to a multiple of 89.

fn weighted(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum()
}

/// True when `digits` (8 or 9 ASCII digits) is a valid Tax File Number.
pub fn is_tfn(digits: &[u8]) -> bool {
    let weights: &[u32] = match digits.len() {
        9 => &[1, 4, 3, 7, 5, 8, 6, 9, 10],
        8 => &[10, 7, 8, 4, 6, 3, 5, 1],
        _ => return false,
    };
    let (mut sum, mut nonzero) = (0u32, false);
    for (&b, &w) in digits.iter().zip(weights) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return false;
        }
        nonzero |= d != 0;
        sum += u32::from(d) * w;
    }
    nonzero && sum % 11 == 0
}

/// True when `digits` (11 ASCII digits, first not 0) is a valid Australian Business Number.
pub fn is_abn(digits: &[u8]) -> bool {
    if digits.len() != 11 || !digits.iter().all(u8::is_ascii_digit) || digits[0] == b'0' {
        return false;
    }
    const W: [u32; 11] = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    // Subtracting one from the leading digit is part of the scheme (it cannot underflow: >= 1).
    let sum = weighted(digits, &W) - W[0];
    sum % 89 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert!(is_tfn(b"123456782"));
        assert!(is_tfn(b"876543210"));
        assert!(!is_tfn(b"123456789"));
        assert!(is_abn(b"51824753556"));
        assert!(is_abn(b"53004085616"));
        assert!(!is_abn(b"51824753557"));
        assert!(!is_abn(b"01824753556"));
    }
}
