//! Luhn (mod 10): doubling every second digit from the right makes every single-digit error and
//! almost every adjacent swap change the sum modulo 10.

/// True when `digits` (ASCII digits only, at least two) pass the Luhn check.
pub fn is_valid(digits: &[u8]) -> bool {
    /// A doubled digit with its two decimal digits added (7 -> 14 -> 5).
    const DOUBLED: [u8; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    if digits.len() < 2 {
        return false;
    }
    let mut sum = 0u32;
    for (i, &b) in digits.iter().rev().enumerate() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return false;
        }
        sum += u32::from(if i % 2 == 1 {
            DOUBLED[usize::from(d)]
        } else {
            d
        });
    }
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        for ok in [
            "4111111111111111",
            "5555555555554444",
            "378282246310005",
            "79927398713",
        ] {
            assert!(is_valid(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "4111111111111112",
            "79927398710",
            "",
            "7",
            "41111111x1111111",
        ] {
            assert!(!is_valid(bad.as_bytes()), "{bad}");
        }
    }
}
