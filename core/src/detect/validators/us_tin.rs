//! US taxpayer numbers have no check digit; validity is structural: the SSA never issues SSN area
//! 000, 666 or 9xx, group 00 or serial 0000, ITINs are 9xx with reserved group ranges, and EIN
//! prefixes are the IRS campus codes.

/// Numbers printed on sample cards and in advertising, never valid for a person.
const DUMMY_SSNS: &[&[u8; 9]] = &[
    b"123456789",
    b"078051120",
    b"219099999",
    b"457555462",
    b"111111111",
    b"333333333",
];

fn num(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |acc, &b| acc * 10 + u32::from(b.wrapping_sub(b'0')))
}

fn nine_digits(digits: &[u8]) -> bool {
    digits.len() == 9 && digits.iter().all(u8::is_ascii_digit)
}

/// True when `digits` (9 ASCII digits) is an issuable Social Security number.
pub fn is_ssn(digits: &[u8]) -> bool {
    if !nine_digits(digits) {
        return false;
    }
    let (area, group, serial) = (num(&digits[..3]), num(&digits[3..5]), num(&digits[5..]));
    area != 0
        && area != 666
        && area < 900
        && group != 0
        && serial != 0
        && !DUMMY_SSNS.iter().any(|d| d.as_slice() == digits)
}

/// True when `digits` (9 ASCII digits) has the ITIN structure: 9xx with group 50-65, 70-88,
/// 90-92 or 94-99.
pub fn is_itin(digits: &[u8]) -> bool {
    if !nine_digits(digits) || digits[0] != b'9' {
        return false;
    }
    matches!(num(&digits[3..5]), 50..=65 | 70..=88 | 90..=92 | 94..=99)
}

/// True when `digits` (9 ASCII digits) starts with an IRS-assigned EIN prefix.
pub fn is_ein(digits: &[u8]) -> bool {
    if !nine_digits(digits) {
        return false;
    }
    matches!(
        num(&digits[..2]),
        1..=6 | 10..=16 | 20..=27 | 30..=48 | 50..=68 | 71..=77 | 80..=88 | 90..=95 | 98 | 99
    ) && num(&digits[2..]) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssn_rules() {
        assert!(is_ssn(b"536228514"));
        for bad in [
            "000123456",
            "666123456",
            "900123456",
            "536008514",
            "536220000",
            "123456789",
            "078051120",
            "53622851",
        ] {
            assert!(!is_ssn(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn itin_and_ein_rules() {
        assert!(is_itin(b"912701234"));
        assert!(!is_itin(b"912931234"));
        assert!(!is_itin(b"812701234"));
        assert!(is_ein(b"123456789"));
        assert!(!is_ein(b"073456789"));
        assert!(!is_ein(b"963456789"));
    }
}
