//! Luhn (mod 10): doubling every second digit from the right makes every single-digit error and
//! almost every adjacent swap change the sum modulo 10.

/// True when `digits` (ASCII digits only, at least two) pass the Luhn check.
pub fn is_valid(digits: &[u8]) -> bool {
    if digits.len() < 2 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 {
                    d2 - 9
                } else {
                    d2
                }
            } else {
                d
            }
        })
        .sum();
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
