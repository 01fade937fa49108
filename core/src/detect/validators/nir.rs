//! French NIR (numéro de sécurité sociale): the two-digit key is 97 minus the first 13 digits
//! modulo 97, with Corsican departments 2A/2B read as 19/18.

use super::mod97;

/// True when `chars` (15 characters: 13 digits, or 2A/2B at positions 6-7, then the key) is a
/// valid NIR with a plausible sex digit and month.
pub fn is_valid(chars: &[u8]) -> bool {
    if chars.len() != 15 || !matches!(chars[0], b'1' | b'2' | b'3' | b'4' | b'7' | b'8') {
        return false;
    }
    let mut body = [0u8; 13];
    body.copy_from_slice(&chars[..13]);
    match (body[5], body[6]) {
        (b'2', b'A' | b'a') => body[5..7].copy_from_slice(b"19"),
        (b'2', b'B' | b'b') => body[5..7].copy_from_slice(b"18"),
        _ => {}
    }
    if !body.iter().all(u8::is_ascii_digit) || !chars[13..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let month = u32::from(body[3] - b'0') * 10 + u32::from(body[4] - b'0');
    if !matches!(month, 1..=12 | 20..=42 | 50..=99) {
        return false;
    }
    let key = u32::from(chars[13] - b'0') * 10 + u32::from(chars[14] - b'0');
    mod97::remainder(&body).is_some_and(|r| 97 - r == key)
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn known_values() {
        assert!(is_valid(b"185057800608491"));
        assert!(is_valid(b"185052A00608435"), "Corsica 2A counts as 19");
        assert!(!is_valid(b"185052B00608435"));
        assert!(!is_valid(b"185057800608492"));
        assert!(!is_valid(b"585057800608491"), "sex digit");
        assert!(!is_valid(b"18505780060843"));
    }
}
