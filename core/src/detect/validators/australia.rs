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
    let sum = match digits.len() {
        9 => tfn_sum(digits, &[1, 4, 3, 7, 5, 8, 6, 9, 10]),
        8 => tfn_sum(digits, &[10, 7, 8, 4, 6, 3, 5, 1]),
        _ => None,
    };
    sum.is_some_and(|(sum, nonzero)| nonzero && sum % 11 == 0)
}

/// The weighted sum and whether any digit is non-zero, or `None` when a byte is not an ASCII
/// digit (fixed length, so the loop unrolls).
fn tfn_sum<const N: usize>(digits: &[u8], weights: &[u32; N]) -> Option<(u32, bool)> {
    let digits: &[u8; N] = digits.try_into().ok()?;
    let (mut sum, mut nonzero) = (0u32, false);
    for (&b, &w) in digits.iter().zip(weights) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        nonzero |= d != 0;
        sum += u32::from(d) * w;
    }
    Some((sum, nonzero))
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
