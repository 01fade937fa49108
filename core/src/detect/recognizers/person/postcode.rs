//! UK_POSTCODE: outward code (area, district, optional sub-district) and inward code (sector
//! digit, two unit letters), checked against the list of postcode areas.
//!
//! The area list is what keeps SKU-like codes out: "MB1 2AB" has the right shape but MB is no
//! postcode area, so it is not a postcode. Letters the Royal Mail never uses in a position
//! (inward C I K M O V, district suffixes outside the allowed sets) are rejected too.

use super::text::alnum_end;
use crate::catalogue::EntityKind;
use crate::detect::{Candidate, Word};

/// The 124 postcode areas of the UK, Channel Islands and Isle of Man.
const AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH",
    "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",
    "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS",
    "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL",
    "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX",
    "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM",
    "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
    "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

/// True for an outward code: area, district digit(s), optional sub-district letter
/// (A9, A99, A9A, AA9, AA99, AA9A). Expects upper-case ASCII.
fn is_outward(code: &[u8]) -> bool {
    let area_len = code.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if !(1..=2).contains(&area_len) || code.len() <= area_len {
        return false;
    }
    let area = &code[..area_len];
    if !AREAS.iter().any(|a| a.as_bytes() == area) {
        return false;
    }
    match &code[area_len..] {
        [d] => d.is_ascii_digit(),
        [d, e] if d.is_ascii_digit() && e.is_ascii_digit() => true,
        [d, l] if d.is_ascii_digit() => {
            let allowed: &[u8] = if area_len == 1 {
                b"ABCDEFGHJKPSTUW"
            } else {
                b"ABEHMNPRVWXY"
            };
            allowed.contains(l)
        }
        _ => false,
    }
}

/// True for an inward code: a digit and two letters other than C I K M O V.
fn is_inward(code: &[u8]) -> bool {
    match code {
        [d, a, b] => {
            d.is_ascii_digit()
                && [a, b]
                    .iter()
                    .all(|l| l.is_ascii_uppercase() && !b"CIKMOV".contains(l))
        }
        _ => false,
    }
}

/// True when the byte glues a code to an SKU or path ("ABC-SW1A", "SW1A/1AA").
fn is_glue(b: Option<&u8>) -> bool {
    matches!(
        b,
        Some(b'-' | b'_' | b'/' | b'.' | b'#' | b'@' | b'&' | b'=' | b'+')
    )
}

fn upper<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    if bytes.len() > N {
        return None;
    }
    let mut out = [0u8; N];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_uppercase();
    }
    Some(out)
}

/// Word rule: `word` is the outward code followed by a space and the inward code, or a whole
/// postcode written without the space.
///
/// Most digit words are numbers with no letter, rejected here; the shape checks are a tail call
/// so this entry saves no registers.
#[inline(always)]
pub(super) fn postcode(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.letters != 0 && (2..=7).contains(&word.len()) && text[word.start].is_ascii_alphabetic()
    {
        postcode_shapes(text, word, out);
    }
}

#[inline(never)]
fn postcode_shapes(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    let len = word.len();
    if word.start > 0 && is_glue(text.get(word.start - 1)) {
        return;
    }
    let bytes = word.bytes(text);
    let upper_case = bytes.iter().all(|b| !b.is_ascii_lowercase());
    if len <= 4 && text.get(word.end) == Some(&b' ') {
        let inward_start = word.end + 1;
        let inward_end = alnum_end(text, inward_start);
        if inward_end - inward_start != 3 || is_glue(text.get(inward_end)) {
            return;
        }
        let inward = &text[inward_start..inward_end];
        let (Some(o), Some(i)) = (upper::<4>(bytes), upper::<3>(inward)) else {
            return;
        };
        if is_outward(&o[..len]) && is_inward(&i) {
            let all_upper = upper_case && inward.iter().all(|b| !b.is_ascii_lowercase());
            let score = if all_upper { 0.8 } else { 0.45 };
            out.push(Candidate::new(
                EntityKind::UkPostcode,
                word.start,
                inward_end,
                score,
                "uk_postcode.format",
            ));
        }
    } else if len >= 5 && upper_case && !is_glue(text.get(word.end)) {
        let Some(code) = upper::<7>(bytes) else {
            return;
        };
        if is_outward(&code[..len - 3]) && is_inward(&code[len - 3..len]) {
            out.push(Candidate::new(
                EntityKind::UkPostcode,
                word.start,
                word.end,
                0.45,
                "uk_postcode.format",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outward_and_inward_codes() {
        for ok in ["SW1A", "EC1A", "M1", "B33", "CR2", "W1A", "DN55"] {
            assert!(is_outward(ok.as_bytes()), "{ok}");
        }
        for bad in ["MB1", "Q1", "SW", "1A", "SW1AA", "W1Z", "EC1C"] {
            assert!(!is_outward(bad.as_bytes()), "{bad}");
        }
        assert!(is_inward(b"1AA"));
        assert!(!is_inward(b"1AC"));
        assert!(!is_inward(b"AA1"));
    }
}
