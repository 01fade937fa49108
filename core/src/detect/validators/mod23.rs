//! Spanish DNI/NIE control letter: the number modulo 23 indexes a fixed 23-letter table, so a wrong
//! digit almost always changes the letter (the NIE's X/Y/Z prefix counts as 0/1/2).

const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

fn letter(number: u32) -> u8 {
    LETTERS[(number % 23) as usize]
}

fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// True when `chars` is 8 digits followed by the matching upper-case letter (DNI, or NIF).
pub fn is_dni(chars: &[u8]) -> bool {
    chars.len() == 9 && number(&chars[..8]).is_some_and(|n| letter(n) == chars[8])
}

/// True when `chars` is X/Y/Z, 7 digits and the matching upper-case letter (NIE).
pub fn is_nie(chars: &[u8]) -> bool {
    if chars.len() != 9 {
        return false;
    }
    let lead = match chars[0] {
        b'X' => 0,
        b'Y' => 1,
        b'Z' => 2,
        _ => return false,
    };
    number(&chars[1..8]).is_some_and(|n| letter(lead * 10_000_000 + n) == chars[8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert!(is_dni(b"12345678Z"));
        assert!(is_dni(b"00000000T"));
        assert!(!is_dni(b"12345678A"));
        assert!(!is_dni(b"1234567Z"));
        assert!(is_nie(b"X1234567L"));
        assert!(is_nie(b"Y1234567X"));
        assert!(!is_nie(b"X1234567A"));
        assert!(!is_nie(b"A1234567L"));
    }
}
