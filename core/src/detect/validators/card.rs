//! Payment card numbers: the issuer identification number (IIN, first digits) fixes the brand and
//! the allowed lengths, and the last digit is a Luhn check digit, so random numbers rarely pass.

use super::luhn;

/// A card brand recognised from its IIN range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Brand {
    /// Visa: 4.
    Visa,
    /// Mastercard: 51-55 and 2221-2720.
    Mastercard,
    /// American Express: 34, 37.
    Amex,
    /// Discover: 6011, 644-649, 65, 622126-622925.
    Discover,
    /// JCB: 3528-3589.
    Jcb,
    /// Diners Club: 300-305, 3095, 36, 38, 39.
    Diners,
    /// UnionPay: 62.
    UnionPay,
    /// Maestro: 5018, 5020, 5038, 5893, 6304, 6759, 6761-6763.
    Maestro,
}

/// The number formed by the first `n` digits (`digits` must hold ASCII digits).
fn prefix(digits: &[u8], n: usize) -> u32 {
    digits
        .iter()
        .take(n)
        .fold(0, |acc, &b| acc * 10 + u32::from(b.wrapping_sub(b'0')))
}

/// The brand whose IIN range and lengths fit `digits`, if any (Luhn not checked).
pub fn brand(digits: &[u8]) -> Option<Brand> {
    let n = digits.len();
    if !(12..=19).contains(&n) || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (p2, p3, p4, p6) = (
        prefix(digits, 2),
        prefix(digits, 3),
        prefix(digits, 4),
        prefix(digits, 6),
    );
    if digits[0] == b'4' {
        matches!(n, 13 | 16 | 19).then_some(Brand::Visa)
    } else if (51..=55).contains(&p2) || (2221..=2720).contains(&p4) {
        (n == 16).then_some(Brand::Mastercard)
    } else if p2 == 34 || p2 == 37 {
        (n == 15).then_some(Brand::Amex)
    } else if matches!(p4, 5018 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761..=6763) {
        Some(Brand::Maestro)
    } else if p4 == 6011 || (644..=649).contains(&p3) || p2 == 65 || (622126..=622925).contains(&p6)
    {
        (n >= 16).then_some(Brand::Discover)
    } else if (3528..=3589).contains(&p4) {
        (n >= 16).then_some(Brand::Jcb)
    } else if (300..=305).contains(&p3) || p4 == 3095 || matches!(p2, 36 | 38 | 39) {
        (n >= 14).then_some(Brand::Diners)
    } else if p2 == 62 {
        (n >= 16).then_some(Brand::UnionPay)
    } else {
        None
    }
}

/// True when `digits` have a known brand's IIN and length and pass Luhn.
pub fn is_valid(digits: &[u8]) -> bool {
    brand(digits).is_some() && luhn::is_valid(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_and_checks() {
        let cases = [
            ("4111111111111111", Brand::Visa),
            ("5555555555554444", Brand::Mastercard),
            ("2223003122003222", Brand::Mastercard),
            ("378282246310005", Brand::Amex),
            ("6011111111111117", Brand::Discover),
            ("3530111333300000", Brand::Jcb),
            ("30569309025904", Brand::Diners),
            ("6200000000000005", Brand::UnionPay),
            ("6759649826438453", Brand::Maestro),
        ];
        for (number, want) in cases {
            assert_eq!(brand(number.as_bytes()), Some(want), "{number}");
            assert!(is_valid(number.as_bytes()), "{number}");
        }
        // Luhn failures, unknown IINs and wrong lengths.
        for bad in [
            "4111111111111112",
            "1234567812345670",
            "37828224631000",
            "555555555555444",
        ] {
            assert!(!is_valid(bad.as_bytes()), "{bad}");
        }
    }
}
