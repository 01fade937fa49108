//! IBAN (ISO 13616): moving the country code and check digits to the end and reading letters as
//! 10..35 must leave remainder 1 modulo 97; the length is fixed per country by the IBAN registry.

use super::mod97;

/// IBAN length per country code (SWIFT IBAN registry, French territories included).
const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BL", 27),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GF", 27),
    (b"GI", 23),
    (b"GL", 18),
    (b"GP", 27),
    (b"GR", 27),
    (b"GT", 28),
    (b"HN", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MF", 27),
    (b"MK", 19),
    (b"MN", 20),
    (b"MQ", 27),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NC", 27),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PF", 27),
    (b"PK", 24),
    (b"PL", 28),
    (b"PM", 27),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RE", 27),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TF", 27),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"WF", 27),
    (b"XK", 20),
    (b"YE", 30),
    (b"YT", 27),
];

/// [`LENGTHS`] as a table indexed by the two letters, built at compile time: every word shaped
/// like an IBAN's start ("MB01") asks, and a lookup must cost less than the word.
static BY_CODE: [u8; 26 * 26] = {
    let mut table = [0u8; 26 * 26];
    let mut i = 0;
    while i < LENGTHS.len() {
        let (cc, len) = LENGTHS[i];
        table[(cc[0] - b'A') as usize * 26 + (cc[1] - b'A') as usize] = len as u8;
        i += 1;
    }
    table
};

/// The registered IBAN length for an upper-case country code.
pub fn length(country: &[u8]) -> Option<usize> {
    let &[a, b] = country else {
        return None;
    };
    if !a.is_ascii_uppercase() || !b.is_ascii_uppercase() {
        return None;
    }
    match BY_CODE[(a - b'A') as usize * 26 + (b - b'A') as usize] {
        0 => None,
        len => Some(len as usize),
    }
}

/// True when `compact` (no spaces, upper-case) is a valid IBAN: registered country, its length,
/// digits for the check digits, alphanumeric BBAN and remainder 1.
pub fn is_valid(compact: &[u8]) -> bool {
    if compact.len() < 5 || length(&compact[..2]) != Some(compact.len()) {
        return false;
    }
    if !compact[2..4].iter().all(u8::is_ascii_digit)
        || !compact[4..]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return false;
    }
    let moved =
        mod97::remainder(&compact[4..]).and_then(|r| mod97::remainder_from(r, &compact[..4]));
    moved == Some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted() {
        assert!(LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(length(b"DE"), Some(22));
        assert_eq!(length(b"AD"), Some(24));
        assert_eq!(length(b"YT"), Some(27));
        assert_eq!(length(b"US"), None);
    }

    #[test]
    fn known_values() {
        for ok in [
            "DE89370400440532013000",
            "GB82WEST12345698765432",
            "FR1420041010050500013M02606",
            "NL91ABNA0417164300",
            "BE68539007547034",
            "NO9386011117947",
        ] {
            assert!(is_valid(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "DE89370400440532013001",
            "GB82WEST1234569876543",
            "XX89370400440532013000",
            "DE8937040044053201300A",
            "de89370400440532013000",
            "",
        ] {
            assert!(!is_valid(bad.as_bytes()), "{bad}");
        }
    }
}
