//! Vehicle identification numbers (ISO 3779, North American check digit): letters map to 1-9,
//! weights 8..2,10,0,9..2 and the sum modulo 11 (10 written X) is the ninth character.

/// Transliteration of a VIN character, `None` for I, O, Q and non-alphanumerics.
fn value(b: u8) -> Option<u32> {
    Some(match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'A' | b'J' => 1,
        b'B' | b'K' | b'S' => 2,
        b'C' | b'L' | b'T' => 3,
        b'D' | b'M' | b'U' => 4,
        b'E' | b'N' | b'V' => 5,
        b'F' | b'W' => 6,
        b'G' | b'P' | b'X' => 7,
        b'H' | b'Y' => 8,
        b'R' | b'Z' => 9,
        _ => return None,
    })
}

const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// True when `chars` is 17 upper-case VIN characters (no I, O, Q).
pub fn is_well_formed(chars: &[u8]) -> bool {
    chars.len() == 17 && chars.iter().all(|&b| value(b).is_some())
}

/// True when `chars` is well formed and its ninth character is the check digit.
pub fn is_valid(chars: &[u8]) -> bool {
    if !is_well_formed(chars) || chars.iter().all(|&b| b == chars[0]) {
        return false;
    }
    let sum: u32 = chars
        .iter()
        .zip(WEIGHTS)
        .map(|(&b, w)| value(b).unwrap_or(0) * w)
        .sum();
    let check = match sum % 11 {
        10 => b'X',
        d => b'0' + d as u8,
    };
    chars[8] == check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert!(is_valid(b"1M8GDM9AXKP042788"));
        assert!(is_valid(b"1HGCM82633A004352"));
        assert!(!is_valid(b"1M8GDM9A1KP042788"));
        assert!(!is_valid(b"1M8GDM9AXKP04278O"), "letter O is not allowed");
        assert!(!is_valid(b"11111111111111111"));
    }
}
