//! EU VAT identification numbers: a country prefix fixes the length and alphabet, and most member
//! states add a check digit (weighted mod 11, Luhn, mod 97 or ISO 7064) so typos are caught.

use super::{iso7064, luhn, mod23, mod97};

/// How strongly a VAT number was confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vat {
    /// The country's check digit holds.
    Checked,
    /// The format is right; this validator knows no checksum for the country.
    Format,
}

fn all_digits(s: &[u8]) -> bool {
    s.iter().all(u8::is_ascii_digit)
}

fn d(b: u8) -> u32 {
    u32::from(b - b'0')
}

fn weighted(digits: &[u8], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(&b, w)| d(b) * w).sum()
}

/// Classifies `chars` (country prefix + number, upper case, no spaces), `None` when invalid.
pub fn check(chars: &[u8]) -> Option<Vat> {
    if chars.len() < 4 {
        return None;
    }
    let (cc, n) = chars.split_at(2);
    let checked = |ok: bool| ok.then_some(Vat::Checked);
    let format = |ok: bool| ok.then_some(Vat::Format);
    match cc {
        b"AT" => checked(n.len() == 9 && n[0] == b'U' && all_digits(&n[1..]) && at(&n[1..])),
        b"BE" => checked(n.len() == 10 && all_digits(n) && n[0] <= b'1' && be(n)),
        b"DE" => checked(n.len() == 9 && all_digits(n) && n[0] != b'0' && iso7064::is_valid(n)),
        b"DK" => checked(n.len() == 8 && all_digits(n) && n[0] != b'0' && dk(n)),
        b"ES" => checked(n.len() == 9 && es(n)),
        b"FI" => checked(n.len() == 8 && all_digits(n) && fi(n)),
        b"FR" => checked(n.len() == 11 && all_digits(n) && fr(n)),
        b"IT" => checked(n.len() == 11 && all_digits(n) && luhn::is_valid(n)),
        b"NL" => checked(n.len() == 12 && nl(chars)),
        b"PL" => checked(n.len() == 10 && all_digits(n) && pl(n)),
        b"SE" => {
            checked(n.len() == 12 && all_digits(n) && &n[10..] == b"01" && luhn::is_valid(&n[..10]))
        }
        b"HR" => checked(n.len() == 11 && all_digits(n) && iso7064::is_valid(n)),
        b"BG" => format(matches!(n.len(), 9 | 10) && all_digits(n)),
        b"CY" => format(n.len() == 9 && all_digits(&n[..8]) && n[8].is_ascii_uppercase()),
        b"CZ" => format(matches!(n.len(), 8..=10) && all_digits(n)),
        b"EE" | b"EL" | b"PT" => format(n.len() == 9 && all_digits(n)),
        b"HU" | b"LU" | b"MT" | b"SI" => format(n.len() == 8 && all_digits(n)),
        b"IE" => format(ie(n)),
        b"LT" => format(matches!(n.len(), 9 | 12) && all_digits(n)),
        b"LV" => format(n.len() == 11 && all_digits(n)),
        b"RO" => format(matches!(n.len(), 2..=10) && all_digits(n) && n[0] != b'0'),
        b"SK" => format(n.len() == 10 && all_digits(n)),
        _ => None,
    }
}

/// Austria: Luhn-like sum over 7 digits (weights 1,2 with digit sums) plus 4.
fn at(n: &[u8]) -> bool {
    let s: u32 = n[..7]
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if i % 2 == 1 {
                let x = d(b) * 2;
                x / 10 + x % 10
            } else {
                d(b)
            }
        })
        .sum();
    (10 - (s + 4) % 10) % 10 == d(n[7])
}

/// Belgium: last two digits are 97 minus the first eight modulo 97.
fn be(n: &[u8]) -> bool {
    mod97::remainder(&n[..8]).is_some_and(|r| 97 - r == d(n[8]) * 10 + d(n[9]))
}

/// Denmark: weights 2,7,6,5,4,3,2,1 sum to a multiple of 11.
fn dk(n: &[u8]) -> bool {
    weighted(n, &[2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0
}

/// Finland: weights 7,9,10,5,8,4,2; check is 11 - r (0 when r is 0, never 10).
fn fi(n: &[u8]) -> bool {
    match weighted(n, &[7, 9, 10, 5, 8, 4, 2]) % 11 {
        0 => d(n[7]) == 0,
        1 => false,
        r => d(n[7]) == 11 - r,
    }
}

/// France: two key digits = (12 + 3 * (SIREN mod 97)) mod 97.
fn fr(n: &[u8]) -> bool {
    mod97::remainder(&n[2..]).is_some_and(|r| (12 + 3 * r) % 97 == d(n[0]) * 10 + d(n[1]))
}

/// Netherlands: 9 digits passing the 11-test + B + 2 digits, or the 2020 sole-trader form
/// whose whole text (letters as 10..35) is 1 modulo 97.
fn nl(chars: &[u8]) -> bool {
    let n = &chars[2..];
    if !(all_digits(&n[..9]) && n[9] == b'B' && all_digits(&n[10..])) {
        return false;
    }
    let eleven = weighted(&n[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) % 11 == d(n[8]);
    eleven || mod97::remainder(chars) == Some(1)
}

/// Poland: weights 6,5,7,2,3,4,5,6,7 modulo 11 give the tenth digit (10 never issued).
fn pl(n: &[u8]) -> bool {
    weighted(n, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == d(n[9])
}

/// Spain: a DNI/NIE-style NIF, or a company CIF with a Luhn-like digit or letter.
fn es(n: &[u8]) -> bool {
    if mod23::is_dni(n) || mod23::is_nie(n) {
        return true;
    }
    if !b"ABCDEFGHJNPQRSUVW".contains(&n[0]) || !all_digits(&n[1..8]) {
        return false;
    }
    let s: u32 = n[1..8]
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if i % 2 == 0 {
                let x = d(b) * 2;
                x / 10 + x % 10
            } else {
                d(b)
            }
        })
        .sum();
    let c = (10 - s % 10) % 10;
    n[8] == b'0' + c as u8 || n[8] == b"JABCDEFGHI"[c as usize]
}

/// Ireland: 7 digits + 1-2 letters, or the old digit-letter-5 digits-letter form.
fn ie(n: &[u8]) -> bool {
    let modern = matches!(n.len(), 8 | 9)
        && all_digits(&n[..7])
        && n[7..].iter().all(u8::is_ascii_uppercase);
    let old = n.len() == 8
        && n[0].is_ascii_digit()
        && (n[1].is_ascii_uppercase() || matches!(n[1], b'+' | b'*'))
        && all_digits(&n[2..7])
        && n[7].is_ascii_uppercase();
    modern || old
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_countries() {
        for ok in [
            "ATU13585627",
            "BE0411905847",
            "DE136695976",
            "DK13585628",
            "ESA58818501",
            "ESB12345674",
            "FI20774740",
            "FR40303265045",
            "IT00743110157",
            "NL004495445B01",
            "PL5260250274",
            "SE556036079301",
        ] {
            assert_eq!(check(ok.as_bytes()), Some(Vat::Checked), "{ok}");
        }
        for bad in [
            "ATU13585628",
            "BE0411905848",
            "DE136695977",
            "DK13585629",
            "ESA58818502",
            "FI20774741",
            "FR41303265045",
            "IT00743110158",
            "NL004495446B01",
            "PL5260250275",
            "SE556036079401",
            "XX123456789",
            "DE",
        ] {
            assert_eq!(check(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(check(b"LU26375245"), Some(Vat::Format));
    }
}
