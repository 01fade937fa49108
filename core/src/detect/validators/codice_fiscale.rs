//! Italian codice fiscale: the 16th character is the sum of per-position values (odd positions
//! through a fixed table) modulo 26; digits of the date and place may be replaced by the
//! "omocodia" letters L-V when two people would otherwise share a code.

/// Values of characters in odd (1st, 3rd, ...) positions, indexed by digit value or letter index.
const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
/// Letters that stand for digits 0-9 in omocodic codes.
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// Month letters A (January) to T (December).
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";

/// Index of a character for both tables: digits 0-9, letters 0-25.
fn index(b: u8) -> u32 {
    if b.is_ascii_digit() {
        u32::from(b - b'0')
    } else {
        u32::from(b - b'A')
    }
}

/// Digit value of a date/place position, accepting omocodia letters.
fn digit(b: u8) -> Option<u8> {
    if b.is_ascii_digit() {
        Some(b - b'0')
    } else {
        OMOCODIA.iter().position(|&l| l == b).map(|i| i as u8)
    }
}

/// True when `chars` (16 upper-case characters) is a structurally valid codice fiscale with the
/// right check character.
pub fn is_valid(chars: &[u8]) -> bool {
    if chars.len() != 16
        || !chars
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return false;
    }
    let letters_ok = [0, 1, 2, 3, 4, 5, 11, 15]
        .iter()
        .all(|&i| chars[i].is_ascii_uppercase());
    let mut d = [0u8; 7];
    for (slot, &i) in d.iter_mut().zip(&[6, 7, 9, 10, 12, 13, 14]) {
        match digit(chars[i]) {
            Some(v) => *slot = v,
            None => return false,
        }
    }
    let day = d[2] * 10 + d[3];
    let day_ok = (1..=31).contains(&day) || (41..=71).contains(&day);
    if !letters_ok || !MONTHS.contains(&chars[8]) || !day_ok {
        return false;
    }
    let sum: u32 = chars[..15]
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if i % 2 == 0 {
                ODD[index(b) as usize]
            } else {
                index(b)
            }
        })
        .sum();
    chars[15] == b'A' + (sum % 26) as u8
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        assert!(is_valid(b"RSSMRA85T10A562S"));
        assert!(is_valid(b"RSSMRA85T10A56NH"), "omocodic variant");
        assert!(!is_valid(b"RSSMRA85T10A562T"));
        assert!(!is_valid(b"RSSMRA85Z10A562S"), "month letter");
        assert!(!is_valid(b"rssmra85t10a562s"));
    }
}
