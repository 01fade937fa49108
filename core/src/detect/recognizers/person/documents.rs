//! Identity documents: PASSPORT and DRIVING_LICENCE numbers after their labels, and the UK
//! DVLA driving licence number, whose structure (surname, birth date, initials) is strong enough
//! to need no label.

use super::text::{alnum_end, is_one_of, letters_end, word_starts_at};
use crate::catalogue::EntityKind;
use crate::detect::{Candidate, Word};

/// How far after the label the number may start.
const WINDOW: usize = 40;

/// Words allowed between a document label and its number ("passport number is", "n°").
const LABEL_WORDS: &[&str] = &[
    "no",
    "nr",
    "num",
    "number",
    "nummer",
    "numero",
    "numéro",
    "número",
    "n",
    "id",
    "is",
    "was",
    "de",
    "du",
    "des",
    "del",
    "di",
    "la",
    "le",
    "el",
    "il",
    "the",
    "my",
    "your",
    "our",
    "his",
    "her",
    "their",
    "ist",
    "lautet",
    "est",
    "es",
    "è",
    "se",
    "ce",
    "s",
    "card",
    "holder",
    "doc",
    "document",
    "details",
    "ref",
    "reference",
    "nº",
    "n°",
    "nro",
];

/// The span of the first document number after a label: only label words, blanks and
/// punctuation may come between. `shape` decides whether a token is a number.
fn number_after(text: &[u8], end: usize, shape: fn(&[u8]) -> bool) -> Option<(usize, usize)> {
    let limit = (end + WINDOW).min(text.len());
    // The rest of a word glued to the label ("Reisepassnummer", "licence"/"license").
    let mut i = letters_end(text, end);
    let mut newlines = 0;
    while i < limit {
        let b = text[i];
        if b.is_ascii_alphanumeric() {
            let token_end = number_end(text, i);
            let token = &text[i..token_end];
            if token.iter().any(u8::is_ascii_digit) {
                return shape(token).then_some((i, token_end));
            }
            let word_end = letters_end(text, i);
            if !is_one_of(&text[i..word_end.max(i + 1)], LABEL_WORDS) {
                return None;
            }
            i = word_end.max(i + 1);
        } else if b >= 0x80 {
            let word_end = letters_end(text, i);
            if word_end == i || !is_one_of(&text[i..word_end], LABEL_WORDS) {
                return None;
            }
            i = word_end;
        } else {
            if b == b'\n' {
                newlines += 1;
                if newlines > 1 {
                    return None;
                }
            }
            if !matches!(
                b,
                b' ' | b'\t'
                    | b'\n'
                    | b'\r'
                    | b':'
                    | b'.'
                    | b'#'
                    | b'-'
                    | b'('
                    | b')'
                    | b'='
                    | b'/'
                    | b'\''
                    | b'"'
            ) {
                return None;
            }
            i += 1;
        }
    }
    None
}

/// End of a document number at `at`: alphanumeric groups joined by single hyphens.
fn number_end(text: &[u8], at: usize) -> usize {
    let mut end = alnum_end(text, at);
    while text.get(end) == Some(&b'-') && text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
        end = alnum_end(text, end + 1);
    }
    end
}

/// Passport numbers: 6 to 10 upper-case letters and digits, at least three digits and at
/// most four letters (US/UK 9 digits, DE "C01X00T47", FR "12AB34567", IT "YA1234567").
fn passport_shape(token: &[u8]) -> bool {
    let letters = token.iter().filter(|b| b.is_ascii_uppercase()).count();
    let digits = token.iter().filter(|b| b.is_ascii_digit()).count();
    (6..=10).contains(&token.len())
        && letters + digits == token.len()
        && digits >= 3
        && letters <= 4
}

/// Driving licence numbers: 5 to 18 upper-case letters and digits, optionally in hyphenated
/// groups, at least four digits (US state formats such as "D1234567", DE "B072RRE2I55").
fn licence_shape(token: &[u8]) -> bool {
    let alnum = token.iter().filter(|b| **b != b'-').count();
    let digits = token.iter().filter(|b| b.is_ascii_digit()).count();
    (5..=18).contains(&alnum)
        && digits >= 4
        && token
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase() || *b == b'-')
}

/// Literal rule at a passport label.
pub(super) fn passport(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !word_starts_at(text, start) {
        return;
    }
    if let Some((s, e)) = number_after(text, end, passport_shape) {
        out.push(Candidate::new(
            EntityKind::Passport,
            s,
            e,
            0.8,
            "passport.label",
        ));
    }
}

/// True when the word before `start` (across one blank) begins with "driv": "driver's",
/// "drivers", "driving". "licen" alone is any licence (software, music).
fn after_driver(text: &[u8], start: usize) -> bool {
    let Some(end) = start.checked_sub(1).filter(|&i| text[i] == b' ') else {
        return false;
    };
    let mut s = end;
    while s > 0 && end - s < 12 && !matches!(text[s - 1], b' ' | b'\n' | b'\t' | b'(') {
        s -= 1;
    }
    text[s..end].len() >= 6 && text[s..s + 4].eq_ignore_ascii_case(b"driv")
}

/// Literal rule at a driving-licence label.
pub(super) fn licence(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !word_starts_at(text, start) {
        return;
    }
    if text[start..end].eq_ignore_ascii_case(b"licen") && !after_driver(text, start) {
        return;
    }
    if let Some((s, e)) = number_after(text, end, licence_shape) {
        out.push(Candidate::new(
            EntityKind::DrivingLicence,
            s,
            e,
            0.8,
            "driving_licence.label",
        ));
    }
}

/// True for a DVLA licence number (16 upper-case characters):
/// 1–5 surname padded with 9s, 6 decade of birth, 7–8 month (+50 for women), 9–10 day,
/// 11 year digit, 12–13 initials (second padded with 9), 14 a digit, 15–16 check letters.
fn is_dvla(s: &[u8; 16]) -> bool {
    let surname = &s[..5];
    let letters = surname
        .iter()
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    if letters == 0 || surname[letters..].iter().any(|&b| b != b'9') {
        return false;
    }
    if !s[5..11].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let two = |i: usize| u32::from(s[i] - b'0') * 10 + u32::from(s[i + 1] - b'0');
    let month = match two(6) {
        m @ 1..=12 => m,
        m @ 51..=62 => m - 50,
        _ => return false,
    };
    let day = two(8);
    let max_day = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=max_day).contains(&day)
        && s[11].is_ascii_uppercase()
        && (s[12].is_ascii_uppercase() || s[12] == b'9')
        && s[13].is_ascii_digit()
        && s[14].is_ascii_uppercase()
        && s[15].is_ascii_uppercase()
}

/// Word rule: a DVLA number written as one word ("MORGA753116SM9IJ") or in its printed groups
/// ("MORGA 753116 SM9IJ", found from the six-digit middle group).
///
/// Only two word lengths can fit; every other digit word stops at this test, and the rest is a
/// tail call so this entry saves no registers.
#[inline(always)]
pub(super) fn uk_licence(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if matches!((word.len(), word.digits), (16, 6..=11) | (6, 6)) {
        dvla_at(text, word, out);
    }
}

#[inline(never)]
fn dvla_at(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    let (start, end, code) = match (word.len(), word.digits) {
        (16, 6..=11) => {
            let Ok(code) = <[u8; 16]>::try_from(word.bytes(text)) else {
                return;
            };
            (word.start, word.end, code)
        }
        (6, 6) if word.start >= 6 => {
            let (s, e) = (word.start - 6, word.end + 6);
            if e > text.len() || text[word.start - 1] != b' ' || text[word.end] != b' ' {
                return;
            }
            if (s > 0 && text[s - 1].is_ascii_alphanumeric())
                || text.get(e).is_some_and(u8::is_ascii_alphanumeric)
            {
                return;
            }
            let mut code = [0u8; 16];
            code[..5].copy_from_slice(&text[s..s + 5]);
            code[5..11].copy_from_slice(word.bytes(text));
            code[11..].copy_from_slice(&text[word.end + 1..e]);
            (s, e, code)
        }
        _ => return,
    };
    if is_dvla(&code) {
        out.push(
            Candidate::new(
                EntityKind::UkDrivingLicence,
                start,
                end,
                0.9,
                "uk_driving_licence.dvla",
            )
            .validated(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dvla_structure() {
        assert!(is_dvla(b"MORGA753116SM9IJ"));
        assert!(is_dvla(b"LI999802155J99AB"));
        assert!(!is_dvla(b"MORGA713116SM9IJ")); // month 13
        assert!(!is_dvla(b"MORGA753416SM9IJ")); // 32nd day
        assert!(!is_dvla(b"MO9GA753116SM9IJ")); // letter after padding
        assert!(!is_dvla(b"MORGA753116SM9I1"));
    }

    #[test]
    fn shapes() {
        assert!(passport_shape(b"C01X00T47"));
        assert!(passport_shape(b"123456789"));
        assert!(!passport_shape(b"2030"));
        assert!(!passport_shape(b"ABCDE12"));
        assert!(licence_shape(b"D1234567"));
        assert!(licence_shape(b"S123-4567-8901"));
        assert!(!licence_shape(b"d1234567"));
    }
}
