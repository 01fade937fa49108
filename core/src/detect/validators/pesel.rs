//! PESEL: digits weighted 1,3,7,9 repeating give a mod 10 check digit, and the first six digits
//! are a birth date whose month carries the century (+80 1800s, +0 1900s, +20 2000s, ...).

fn two(d: &[u8]) -> u32 {
    u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0')
}

/// True when `digits` (11 ASCII digits) is a valid PESEL: encoded date and check digit.
pub fn is_valid(digits: &[u8]) -> bool {
    if digits.len() != 11 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let month = two(&digits[2..4]) % 20;
    let day = two(&digits[4..6]);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    const W: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    let sum: u32 = digits[..10]
        .iter()
        .zip(W)
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum();
    (10 - sum % 10) % 10 == u32::from(digits[10] - b'0')
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        assert!(is_valid(b"44051401359"));
        assert!(is_valid(b"02070803628"));
        assert!(!is_valid(b"44051401358"));
        assert!(!is_valid(b"44131401350"), "month 13");
    }
}
