//! Recognizers for contact data: e-mail addresses and phone numbers.
//!
//! Phone numbers are digit runs, so they compete with order numbers, prices, dates and ids. A
//! run is a phone only with a `+` and a valid country code, or with national grouping that
//! matches a supported country's shape (US, UK, DE, FR, NL, ES, IT), or, for an unformatted run
//! of plausible length, with a phone word (`tel`, `Handy`, `portable`…) just before it.

use crate::catalogue::{EntityKind, KindSet};
use crate::detect::context::ContextWords;
use crate::detect::{Candidate, LiteralRule, TextRule, Word};

pub(crate) const LITERALS: &[LiteralRule] = literals![
    Email..=Email: email => ["@"],
];
/// The family's digit-word rules (see [`super::WordRules`]).
#[inline(always)]
pub(super) fn on_word(text: &[u8], word: &Word, kinds: KindSet, out: &mut Vec<Candidate>) {
    if kinds.contains(EntityKind::Phone) {
        phone(text, word, out);
    }
}
pub(crate) const TEXTS: &[TextRule] = &[];
pub(crate) const CONTEXT: &[ContextWords] = &[ContextWords {
    kind: EntityKind::Phone,
    raise: &["tel", "phone", "call", "mobil", "handy"],
    lower: &["order", "invoice", "sku", "tracking", "bestell", "rechnung"],
}];

/// Words that announce a phone number, in the shop's languages (lower-case ASCII/UTF-8).
const PHONE_WORDS: &[&str] = &[
    "tel",
    "phone",
    "mobile",
    "call",
    "telefon",
    "handy",
    "tél",
    "portable",
    "móvil",
    "movil",
    "cellulare",
    "cell",
    "fax",
    "whatsapp",
    "telefono",
    "teléfono",
    "mob.",
    "mob:",
];

/// RFC 5322 atom characters, less `/ = ? &`: legal but unseen in real addresses, and leaving
/// them out finds `jane@example.com` in `?email=jane@example.com` rather than the whole query.
fn is_local_byte(b: u8) -> bool {
    LOCAL_BYTES[usize::from(b)]
}

/// [`is_local_byte`] as a table: the local part is read byte by byte, backwards from every `@`.
static LOCAL_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let punctuation = b"!#$%'*+-^_`{|}~.";
    let mut i = 0;
    while i < punctuation.len() {
        table[punctuation[i] as usize] = true;
        i += 1;
    }
    table
};

fn is_domain_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'.'
}

/// Top-level domains that are really file extensions (`logo@2x.png`).
const FILE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "tif", "tiff", "css", "js",
    "php", "html", "htm",
];

/// A top-level domain: two or more letters, or an IDN `xn--` label in punycode.
fn tld_ok(tld: &[u8]) -> bool {
    if let Some(puny) = tld.strip_prefix(b"xn--") {
        return puny.len() >= 2 && puny.iter().all(u8::is_ascii_alphanumeric);
    }
    tld.len() >= 2
        && tld.iter().all(u8::is_ascii_alphabetic)
        && !FILE_EXTENSIONS
            .iter()
            .any(|e| tld.eq_ignore_ascii_case(e.as_bytes()))
}

/// An address around the `@` at `at`: a local part of RFC 5322 atom characters, a domain of
/// dot-separated labels and a real top-level domain. `mailto:` and display names fall outside
/// the local part's alphabet; `user:password@host` inside a URL is left to the URL rules.
fn email(text: &[u8], at: usize, _end: usize, out: &mut Vec<Candidate>) {
    let mut start = at;
    while start > 0 && at - start < 64 && is_local_byte(text[start - 1]) {
        start -= 1;
    }
    while start < at && text[start] == b'.' {
        start += 1;
    }
    if start == at || text[at - 1] == b'.' {
        return;
    }
    if start > 0 && (text[start - 1] == b':' || text[start - 1] == b'/') {
        let before = &text[start.saturating_sub(80)..start];
        let in_url = memchr::memmem::rfind(before, b"://")
            .is_some_and(|i| !before[i..].iter().any(u8::is_ascii_whitespace));
        if in_url {
            return;
        }
    }
    let mut end = at + 1;
    while end < text.len() && end - at <= 253 && is_domain_byte(text[end]) {
        end += 1;
    }
    while end > at + 1 && matches!(text[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &text[at + 1..end];
    let Some(dot) = domain.iter().rposition(|&b| b == b'.') else {
        return;
    };
    let labels_ok = domain.split(|&b| b == b'.').all(|label| {
        !label.is_empty() && label.len() <= 63 && label[0] != b'-' && label[label.len() - 1] != b'-'
    });
    if tld_ok(&domain[dot + 1..]) && labels_ok {
        out.push(Candidate::new(EntityKind::Email, start, end, 0.95, "email.rfc5322").validated());
    }
}

/// Separators allowed between the groups of a phone number.
fn is_phone_sep(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.' | b'/')
}

const MAX_GROUPS: usize = 8;

/// The digit groups of a candidate phone number.
struct Groups {
    digits: [u8; 16],
    count: usize,
    lens: [u8; MAX_GROUPS],
    /// `seps[i]` separates group `i` from group `i + 1`; `)` stands for a closing parenthesis.
    seps: [u8; MAX_GROUPS],
    groups: usize,
}

impl Groups {
    fn lens(&self) -> &[u8] {
        &self.lens[..self.groups]
    }

    fn digits(&self) -> &[u8] {
        &self.digits[..self.count]
    }

    /// The single separator used between every group, if there is one.
    fn uniform_sep(&self) -> Option<u8> {
        let seps = &self.seps[..self.groups.saturating_sub(1)];
        let first = *seps.first()?;
        seps.iter().all(|&s| s == first).then_some(first)
    }

    fn push(&mut self, group: &[u8]) -> bool {
        if self.groups == MAX_GROUPS || self.count + group.len() > 15 {
            return false;
        }
        self.digits[self.count..self.count + group.len()].copy_from_slice(group);
        self.count += group.len();
        self.lens[self.groups] = group.len() as u8;
        self.groups += 1;
        true
    }
}

fn digit_run(text: &[u8], at: usize) -> usize {
    text[at.min(text.len())..]
        .iter()
        .take(16)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Country calling codes (ITU E.164) recognised after a `+`, with the national significant
/// number lengths allowed for the countries Sovereign formats; other codes accept 6–12 digits.
fn country(digits: &[u8]) -> Option<(usize, std::ops::RangeInclusive<usize>)> {
    let two = |a: u8, b: u8| (a - b'0') as u32 * 10 + (b - b'0') as u32;
    let d = digits;
    if d.len() < 8 {
        return None;
    }
    Some(match d[0] {
        b'1' => (1, 10..=10),
        b'7' => (1, 10..=10),
        _ => match two(d[0], d[1]) {
            44 => (2, 9..=10),
            49 => (2, 6..=13),
            33 | 31 | 34 => (2, 9..=9),
            39 => (2, 6..=11),
            20
            | 27
            | 30
            | 32
            | 36
            | 40
            | 41
            | 43
            | 45
            | 46
            | 47
            | 48
            | 51..=58
            | 60..=66
            | 81
            | 82
            | 84
            | 86
            | 90..=95
            | 98 => (2, 6..=12),
            21..=26 | 29 | 35 | 37 | 38 | 42 | 50 | 59 | 67..=69 | 85 | 87 | 88 | 96 | 97 | 99 => {
                (3, 6..=12)
            }
            _ => return None,
        },
    })
}

/// `+CC …`: a known country code and a national number of that country's length.
fn international(g: &Groups) -> Option<f32> {
    let d = g.digits();
    let (cc_len, nsn) = country(d)?;
    let first_group = g.lens[0] as usize;
    if g.groups > 1 && first_group < cc_len {
        return None;
    }
    let rest = &d[cc_len..];
    if !nsn.contains(&rest.len()) {
        return None;
    }
    let ok = match &d[..cc_len] {
        b"1" => rest[0] >= b'2' && rest[3] >= b'2',
        b"44" => matches!(rest[0], b'1' | b'2' | b'3' | b'5' | b'7' | b'8' | b'9'),
        b"34" => matches!(rest[0], b'6' | b'7' | b'8' | b'9'),
        b"39" => matches!(rest[0], b'0' | b'3'),
        _ => rest[0] != b'0',
    };
    ok.then_some(0.85)
}

/// `0041 44 668 18 00`: the European international prefix `00` in place of `+`.
fn international_00(g: &Groups) -> Option<f32> {
    let d = g.digits();
    if g.groups < 2 || g.lens[0] < 3 || d.len() < 10 || d[..2] != *b"00" || d[2] == b'0' {
        return None;
    }
    let mut shifted = Groups {
        digits: [0; 16],
        count: d.len() - 2,
        lens: g.lens,
        seps: g.seps,
        groups: g.groups,
    };
    shifted.digits[..d.len() - 2].copy_from_slice(&d[2..]);
    shifted.lens[0] -= 2;
    international(&shifted).map(|s| s - 0.05)
}

/// National formats of the supported countries, by digit count, leading digits and grouping.
fn national(g: &Groups, paren: bool) -> bool {
    let d = g.digits();
    let n = d.len();
    let lens = g.lens();
    let sep = g.uniform_sep();
    let nanp = |a: &[u8]| a.len() == 10 && a[0] >= b'2' && a[3] >= b'2';
    if paren {
        // US: (555) 234-5678
        return lens == [3, 3, 4] && nanp(d) && matches!(g.seps[1], b'-' | b' ' | b'.');
    }
    let Some(sep) = sep else {
        return false;
    };
    let trunk = d[0] == b'0' && d[1] != b'0';
    // US: 555-234-5678, 555.234.5678, 1-800-555-0199
    let us = (lens == [3, 3, 4] && nanp(d) && sep != b'/')
        || (lens == [1, 3, 3, 4] && d[0] == b'1' && nanp(&d[1..]) && sep != b'/');
    // UK: 020 7946 0958, 07700 900123, 0161 496 0000
    let uk = trunk
        && n == 11
        && matches!(d[1], b'1' | b'2' | b'3' | b'5' | b'7' | b'8' | b'9')
        && matches!(lens, [3, 4, 4] | [5, 6] | [4, 3, 4] | [4, 7] | [5, 3, 3])
        && matches!(sep, b' ' | b'-');
    // DE: 030 12345678, 0151 23456789, 089/1234567, 030 1234 5678
    let de = trunk
        && (10..=12).contains(&n)
        && (3..=6).contains(&lens[0])
        && (lens.len() == 2 || (lens.len() == 3 && lens[1] >= 3))
        && matches!(sep, b' ' | b'/' | b'-');
    // FR: 01 23 45 67 89
    let fr = trunk && n == 10 && lens == [2, 2, 2, 2, 2] && matches!(sep, b' ' | b'.' | b'-');
    // NL: 06-12345678, 020 123 4567, 020-1234567
    let nl = trunk
        && n == 10
        && matches!(lens, [2, 8] | [3, 3, 4] | [3, 7] | [4, 6])
        && matches!(sep, b' ' | b'-');
    // ES: 612 345 678, 91 123 45 67, 612 34 56 78
    let es = n == 9
        && matches!(d[0], b'6' | b'7' | b'8' | b'9')
        && matches!(lens, [3, 3, 3] | [2, 3, 2, 2] | [3, 2, 2, 2])
        && matches!(sep, b' ' | b'-' | b'.');
    // IT: 06 1234 5678, 02 12345678, 347 123 4567
    let it = ((trunk && (6..=11).contains(&n) && (2..=4).contains(&lens[0]))
        || (d[0] == b'3' && n == 10))
        && matches!(
            lens,
            [2, 4, 4] | [2, 8] | [3, 3, 4] | [3, 7] | [4, 6] | [3, 4, 4]
        )
        && matches!(sep, b' ' | b'-' | b'.');
    us || uk || de || fr || nl || es || it
}

/// An unformatted run that has the length of a national number somewhere we support.
fn plain_plausible(d: &[u8]) -> bool {
    let n = d.len();
    (d[0] == b'0' && d[1] != b'0' && (10..=11).contains(&n))
        || (n == 10 && d[0] >= b'2' && d[3] >= b'2')
        || (n == 11 && d[0] == b'1' && d[1] >= b'2')
        || (n == 9 && matches!(d[0], b'6' | b'7'))
}

/// A necessary condition on the first digit group of a number written without `+` or `(`: the
/// group lengths and leading digits that [`national`], [`international_00`] and
/// [`plain_plausible`] can accept. Years, prices and the parts of dates and IP addresses
/// ("2024-", "49.99", "185.") fail it before any parsing.
fn may_start_number(first: &[u8]) -> bool {
    let n = first.len();
    let national = match n {
        1 => first[0] == b'1',
        2 => matches!(first[0], b'0' | b'3' | b'6'..=b'9'),
        3 => first[0] != b'1',
        4 => matches!(first[0], b'0' | b'3'),
        5 | 6 => first[0] == b'0',
        _ => false,
    };
    national
        || (n >= 3 && first.starts_with(b"00"))
        || (PLAIN_PHONE.contains(&n) && plain_plausible(first))
}

/// One bit per initial letter of [`PHONE_WORDS`] (all ASCII letters).
const PHONE_INITIALS: u32 = {
    let mut bits = 0u32;
    let mut i = 0;
    while i < PHONE_WORDS.len() {
        bits |= 1 << (PHONE_WORDS[i].as_bytes()[0] - b'a');
        i += 1;
    }
    bits
};

/// True when a phone word starts in the 32 bytes before `start` (and does not start mid-word:
/// `hotel`). Only word starts with a phone word's initial are compared.
fn phone_word_before(text: &[u8], start: usize) -> bool {
    let window = &text[start.saturating_sub(32)..start];
    (0..window.len()).any(|i| {
        let b = window[i] | 0x20;
        let starts_word = i == 0 || !window[i - 1].is_ascii_alphabetic();
        starts_word
            && b.is_ascii_lowercase()
            && PHONE_INITIALS & (1 << (b - b'a')) != 0
            && PHONE_WORDS.iter().any(|w| {
                let w = w.as_bytes();
                window[i..].len() >= w.len() && window[i..i + w.len()].eq_ignore_ascii_case(w)
            })
    })
}

/// Digits of a phone number written as one plain group ("0301234567").
pub(super) const PLAIN_PHONE: std::ops::RangeInclusive<usize> = 9..=12;

/// Phone numbers, parsed forward from their first digit group.
#[inline(always)]
fn phone(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    let len = word.end - word.start;
    if word.letters != 0 || len > 15 {
        return;
    }
    let start = word.start;
    let prev = start.checked_sub(1).map(|i| text[i]);
    let plus = prev == Some(b'+');
    let paren = prev == Some(b'(');
    // Fast exit for the common digit words (prices, years, quantities): a phone's first group is
    // followed by another group, or stands alone with a phone's length, or follows `+` / `(`.
    // National first groups have at most six digits (a German area code with its trunk 0).
    let grouped = len <= 6
        && matches!(text.get(word.end..word.end + 2), Some([s, d]) if is_phone_sep(*s) && d.is_ascii_digit());
    if !(plus || paren || grouped || PLAIN_PHONE.contains(&len)) {
        return;
    }
    if !(plus || paren || may_start_number(word.bytes(text))) {
        return;
    }
    // Not the first group of a number (`… 234-5678`): the first group already parsed it.
    if start >= 2 && is_phone_sep(text[start - 1]) && text[start - 2].is_ascii_digit() {
        return;
    }
    parse_phone(text, word, out);
}

/// The slow path of [`phone`], kept out of line so the fast exit above stays a few instructions.
#[inline(never)]
fn parse_phone(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    let len = word.end - word.start;
    let start = word.start;
    let prev = start.checked_sub(1).map(|i| text[i]);
    let plus = prev == Some(b'+');
    let paren = prev == Some(b'(');
    // Not the group after `(555)`, nor glued to other punctuation.
    if start >= 2 && text[start - 1] == b' ' && text[start - 2] == b')' {
        return;
    }
    if matches!(
        prev,
        Some(b'#' | b'$' | b'.' | b',' | b'_' | b'/' | b'-' | b'=' | b'%' | b':')
    ) && !(prev == Some(b':') && start >= 2 && !text[start - 2].is_ascii_digit())
    {
        return;
    }
    if plus && start >= 2 && text[start - 2].is_ascii_alphanumeric() {
        return;
    }
    if paren && (len != 3 || text.get(word.end) != Some(&b')')) {
        return;
    }
    let mut g = Groups {
        digits: [0; 16],
        count: 0,
        lens: [0; MAX_GROUPS],
        seps: [0; MAX_GROUPS],
        groups: 0,
    };
    if !g.push(&text[start..word.end]) {
        return;
    }
    let mut end = word.end;
    let mut pos = word.end;
    if paren {
        pos += 1;
        g.seps[0] = b')';
        if text.get(pos) == Some(&b' ') {
            pos += 1;
        }
        let run = digit_run(text, pos);
        if run == 0 || !g.push(&text[pos..pos + run]) {
            return;
        }
        pos += run;
        end = pos;
    }
    while let Some(&sep) = text.get(pos).filter(|&&b| is_phone_sep(b)) {
        let mut next = pos + 1;
        if plus && g.groups == 1 && text.get(next) == Some(&b'(') {
            // "+49 (0)30 …": the trunk prefix in parentheses is not dialled from abroad;
            // "+1 (555) 234-5678": an area code in parentheses is a group like any other.
            let inner = digit_run(text, next + 1);
            if inner == 0 || inner > 4 || text.get(next + 1 + inner) != Some(&b')') {
                break;
            }
            if !(inner == 1 && text[next + 1] == b'0') {
                g.seps[0] = b' ';
                if !g.push(&text[next + 1..next + 1 + inner]) {
                    return;
                }
            }
            next += inner + 2;
            if text.get(next) == Some(&b' ') {
                next += 1;
            }
        }
        let run = digit_run(text, next);
        if run == 0 {
            break;
        }
        if text
            .get(next + run)
            .is_some_and(|b| b.is_ascii_alphabetic())
        {
            break;
        }
        g.seps[g.groups - 1] = sep;
        if !g.push(&text[next..next + run]) {
            return; // too many digits or groups: a card number, an id, a list
        }
        pos = next + run;
        end = pos;
    }
    // More number right after: a decimal, a longer dotted id, a range.
    match text.get(end..) {
        Some([s, d, ..]) if (is_phone_sep(*s) || *s == b',') && d.is_ascii_digit() => return,
        Some([b, ..]) if b.is_ascii_alphanumeric() || *b == b'_' => return,
        _ => {}
    }
    let d = g.digits();
    if d.len() < 6 {
        return;
    }
    let begin = if plus || paren { start - 1 } else { start };
    let score = if plus {
        match international(&g) {
            Some(s) => s,
            None => return,
        }
    } else if let Some(score) = international_00(&g) {
        score
    } else if g.groups > 1 && national(&g, paren) {
        0.65
    } else if g.groups == 1 && plain_plausible(d) && phone_word_before(text, begin) {
        0.6
    } else {
        return;
    };
    out.push(Candidate::new(
        EntityKind::Phone,
        begin,
        end,
        score,
        "phone",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes() {
        assert_eq!(country(b"15552345678").map(|c| c.0), Some(1));
        assert_eq!(country(b"442079460958").map(|c| c.0), Some(2));
        assert_eq!(country(b"35312345678").map(|c| c.0), Some(3));
        assert_eq!(country(b"80012345678"), None);
        assert_eq!(country(b"4412"), None);
    }

    #[test]
    fn top_level_domains() {
        assert!(tld_ok(b"com") && tld_ok(b"xn--p1ai") && tld_ok(b"DE"));
        assert!(!tld_ok(b"c") && !tld_ok(b"png") && !tld_ok(b"xn--") && !tld_ok(b"c0m"));
    }
}
