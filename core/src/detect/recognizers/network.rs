//! Recognizers for network identifiers (IPv4, IPv6, MAC addresses) and for URLs that carry a
//! password in their userinfo (`scheme://user:password@host`).
//!
//! A credential-bearing URL is reported from the start of its scheme to the end of its authority
//! (`host[:port]`, several comma-separated hosts for MongoDB): the password alone would leave the
//! user and host in clear, and the path (database name, query) is not secret. It is marked
//! validated because the structure (scheme, `:`, password, `@`, host) is unambiguous, which also
//! lets it win over the e-mail-looking `password@host` inside it.

use crate::catalogue::EntityKind;
use crate::detect::context::ContextWords;
use crate::detect::{Candidate, LiteralRule, TextRule, Word};

pub(crate) const LITERALS: &[LiteralRule] = literals![
    UrlCredentials..=AmqpUrl: url => ["://"],
];
/// The family's digit-word rules (see [`super::WordRules`]): addresses are made of short
/// groups joined by `.`, `:` or `-`, so only such words are looked at.
#[inline(always)]
pub(super) fn on_word(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.len() > 4 {
        return;
    }
    let next = text.get(word.end).copied().unwrap_or(b' ');
    let prev = if word.start > 0 {
        text[word.start - 1]
    } else {
        b' '
    };
    if matches!(next, b'.' | b':' | b'-') || matches!(prev, b':' | b'-') {
        network_word(text, word, out);
    }
}
pub(crate) const TEXTS: &[TextRule] = &[];
pub(crate) const CONTEXT: &[ContextWords] = &[ContextWords {
    kind: EntityKind::MacAddress,
    raise: &["mac", "hwaddr"],
    lower: &[],
}];

/// One entry point for the three address shapes, so the common digit word (a price, a year)
/// costs one call and one look at its neighbours: every address word touches `.`, `:` or `-`.
#[inline(never)]
fn network_word(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    let len = word.end - word.start;
    if len > 4 {
        return;
    }
    let next = text.get(word.end).copied();
    let prev = word.start.checked_sub(1).map(|i| text[i]);
    if next == Some(b'.') && len <= 3 && word.letters == 0 {
        ipv4(text, word, out);
    }
    // A later group of a colon run (`:21` in `11:21:01`) was parsed with the run's first
    // digit word: ipv6 would walk back onto that digit and stop.
    let after_digit_colon =
        prev == Some(b':') && word.start >= 2 && text[word.start - 2].is_ascii_digit();
    if (next == Some(b':') || prev == Some(b':')) && !after_digit_colon {
        ipv6(text, word, out);
    }
    let is_sep = |b: Option<u8>| matches!(b, Some(b':' | b'-'));
    if len == 2 && (is_sep(next) || is_sep(prev)) && !after_digit_pair(text, word, next, prev) {
        mac(text, word, out);
    }
}

/// True when the pair before `word` (through the separator [`mac`] would use) holds a digit:
/// the address, if any, was parsed from that pair's word (`06` in `2022-06-23`).
fn after_digit_pair(text: &[u8], word: &Word, next: Option<u8>, prev: Option<u8>) -> bool {
    let sep = if matches!(next, Some(b':' | b'-')) {
        next
    } else {
        prev
    };
    let s = word.start;
    s >= 3
        && prev == sep
        && text[s - 3..s - 1].iter().all(u8::is_ascii_hexdigit)
        && text[s - 3..s - 1].iter().any(u8::is_ascii_digit)
}

/// Bytes that glue a token to a neighbour, making it part of something longer.
fn glue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Parses a decimal octet (`0`–`255`, no leading zero) at `i`; returns the index after it.
fn octet(text: &[u8], i: usize) -> Option<usize> {
    let (mut value, mut digits) = (0u32, 0);
    while digits < 4 {
        match text.get(i + digits) {
            Some(b) if b.is_ascii_digit() => value = value * 10 + u32::from(b - b'0'),
            _ => break,
        }
        digits += 1;
    }
    if digits == 0 || digits > 3 || (digits > 1 && text[i] == b'0') || value > 255 {
        return None;
    }
    Some(i + digits)
}

/// Parses a dotted quad at `i`; returns the index after it.
fn quad(text: &[u8], mut i: usize) -> Option<usize> {
    for n in 0..4 {
        if n > 0 {
            if text.get(i) != Some(&b'.') {
                return None;
            }
            i += 1;
        }
        i = octet(text, i)?;
    }
    Some(i)
}

/// Dotted quads, called on the first octet. Version strings (`v1.2.3.4`, `version 1.2.3.4`),
/// longer dotted numbers (OIDs, `1.2.3.4.5`) and leading zeros are rejected.
#[inline(never)]
fn ipv4(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.letters != 0 || word.end - word.start > 3 || text.get(word.end) != Some(&b'.') {
        return;
    }
    let start = word.start;
    if start > 0 && matches!(text[start - 1], b'.' | b'-' | b'_' | b'+') {
        return;
    }
    let Some(end) = quad(text, start) else {
        return;
    };
    match text.get(end..) {
        Some([b'.', d, ..]) if d.is_ascii_digit() => return,
        Some([b, ..]) if glue(*b) || *b == b'-' => return,
        _ => {}
    }
    let before = &text[start.saturating_sub(12)..start];
    let version = (0..before.len()).any(|i| {
        matches!(before[i] | 0x20, b'v' | b'r' | b'b' | b'o')
            && ["version", "ver ", "ver.", "release", "build", "oid"]
                .iter()
                .any(|w| {
                    before[i..].len() >= w.len()
                        && before[i..i + w.len()].eq_ignore_ascii_case(w.as_bytes())
                })
    });
    if version {
        return;
    }
    out.push(Candidate::new(EntityKind::Ipv4, start, end, 0.85, "ipv4"));
}

fn is_v6_byte(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':' || b == b'.'
}

/// Checks the RFC 4291 text form: 1–4 hex digits per group, at most one `::`, an optional
/// trailing dotted quad counting as two groups, eight groups in all (fewer with `::`).
fn ipv6_ok(s: &[u8]) -> bool {
    // One pass for the counts that reject most colon runs (times, ratios) at once.
    let (mut colons, mut doubles, mut dot) = (0, 0, false);
    let mut double = None;
    for (i, &b) in s.iter().enumerate() {
        if b == b':' {
            colons += 1;
            if i > 0 && s[i - 1] == b':' {
                doubles += 1;
                double.get_or_insert(i - 1);
            }
        }
        dot |= b == b'.';
    }
    // A second `::` (or `:::`) is invalid; without `::`, eight groups need seven colons, or
    // six before a trailing dotted quad.
    if doubles > 1 || (double.is_none() && (colons < 6 || (colons == 6 && !dot))) {
        return false;
    }
    let (head, tail): (&[u8], &[u8]) = match double {
        Some(i) => (&s[..i], &s[i + 2..]),
        None => (s, &[]),
    };
    let mut groups = 0usize;
    let mut small_decimal = true;
    for (part, is_tail) in [(head, false), (tail, true)] {
        if part.is_empty() {
            continue;
        }
        let mut pieces = part.split(|&b| b == b':').peekable();
        while let Some(piece) = pieces.next() {
            let last = pieces.peek().is_none();
            let ends_address = last && (is_tail || double.is_none());
            if ends_address && piece.contains(&b'.') {
                if quad(piece, 0) != Some(piece.len()) {
                    return false;
                }
                groups += 2;
                small_decimal = false;
                continue;
            }
            if piece.is_empty() || piece.len() > 4 || !piece.iter().all(u8::is_ascii_hexdigit) {
                return false;
            }
            if piece.len() > 2 || !piece.iter().all(u8::is_ascii_digit) {
                small_decimal = false;
            }
            groups += 1;
        }
    }
    let shape = if double.is_some() {
        groups <= 7
    } else {
        groups == 8
    };
    // `10::30` or `1:2:3:4:5:6:7:8` look like times and counters more than addresses; `::1` is
    // the loopback address and is kept.
    shape && (!small_decimal || s == b"::1")
}

/// IPv6 addresses, called on each digit word; the address is parsed once, from the first digit
/// word it contains.
#[inline(never)]
fn ipv6(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.end - word.start > 4 {
        return;
    }
    let colon_after = text.get(word.end) == Some(&b':');
    let colon_before = word.start > 0 && text[word.start - 1] == b':';
    if !(colon_after || colon_before) {
        return;
    }
    // Walk back to the address start; a digit on the way means an earlier digit word of the
    // same colon run already parsed it (the later groups of `10:22:31` stop after two bytes).
    let mut start = word.start;
    while start > 0 && word.start - start < 40 && is_v6_byte(text[start - 1]) {
        if text[start - 1].is_ascii_digit() {
            return;
        }
        start -= 1;
    }
    if start > 0 && (glue(text[start - 1]) || text[start - 1] == b'\\') {
        return;
    }
    let mut end = word.end;
    while end < text.len() && end - start < 45 && is_v6_byte(text[end]) {
        end += 1;
    }
    if end < text.len() && glue(text[end]) {
        return;
    }
    while end > start && text[end - 1] == b'.' {
        end -= 1;
    }
    if end - start >= 2 && text[end - 1] == b':' && text[end - 2] != b':' {
        end -= 1;
    }
    let s = &text[start..end];
    if s.len() >= 3 && ipv6_ok(s) {
        out.push(Candidate::new(EntityKind::Ipv6, start, end, 0.85, "ipv6"));
    }
}

/// MAC addresses: six hex octets separated by `:` or `-` (one separator throughout).
#[inline(never)]
fn mac(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.end - word.start > 2 {
        return;
    }
    let sep_at = |i: usize| text.get(i).copied().filter(|&b| b == b':' || b == b'-');
    let Some(sep) = sep_at(word.end).or_else(|| word.start.checked_sub(1).and_then(sep_at)) else {
        return;
    };
    let pair = |i: usize| {
        text.get(i..i + 2)
            .is_some_and(|p| p.iter().all(u8::is_ascii_hexdigit))
    };
    let mut start = word.start;
    if word.end - word.start == 1 {
        return;
    }
    while start >= 3 && text[start - 1] == sep && pair(start - 3) && word.start - start < 15 {
        // A digit in an earlier pair: the address was parsed from that pair's word.
        if text[start - 3..start - 1].iter().any(u8::is_ascii_digit) {
            return;
        }
        start -= 3;
    }
    if start > 0 && (glue(text[start - 1]) || text[start - 1] == sep) {
        return;
    }
    for n in 0..6 {
        let i = start + 3 * n;
        if !pair(i) || (n < 5 && text.get(i + 2) != Some(&sep)) {
            return;
        }
    }
    let end = start + 17;
    match text.get(end..) {
        Some([b, ..]) if glue(*b) => return,
        Some([s, h, ..]) if *s == sep && h.is_ascii_hexdigit() => return,
        _ => {}
    }
    let letters = text[start..end].iter().any(u8::is_ascii_alphabetic);
    let score = if sep == b':' || letters { 0.8 } else { 0.4 };
    out.push(Candidate::new(
        EntityKind::MacAddress,
        start,
        end,
        score,
        "mac",
    ));
}

/// Passwords that are documentation placeholders rather than real credentials.
fn placeholder(password: &[u8]) -> bool {
    let masked = password
        .iter()
        .all(|&b| b == b'*' || b == b'x' || b == b'X');
    let template = password.starts_with(b"${")
        || password.starts_with(b"{{")
        || password.starts_with(b"%")
        || (password.starts_with(b"<") && password.ends_with(b">"))
        || (password.starts_with(b"[") && password.ends_with(b"]"));
    let stock = ["password", "pass", "passwd", "pwd", "secret", "changeme"]
        .iter()
        .any(|w| password.eq_ignore_ascii_case(w.as_bytes()));
    masked || template || stock
}

/// Which entity type a URL scheme's credentials belong to.
fn scheme_kind(scheme: &[u8]) -> Option<EntityKind> {
    let mut lower = [0u8; 16];
    let n = scheme.len().min(16);
    for (l, s) in lower.iter_mut().zip(&scheme[..n]) {
        *l = s.to_ascii_lowercase();
    }
    Some(match &lower[..n] {
        b"http" | b"https" | b"ftp" | b"ftps" | b"sftp" | b"ssh" => EntityKind::UrlCredentials,
        b"mysql" | b"mysql2" | b"mysqlx" | b"mariadb" | b"postgres" | b"postgresql" | b"pgsql"
        | b"mongodb" | b"mongodb+srv" | b"sqlserver" | b"mssql" | b"oracle" => {
            EntityKind::DatabaseUrl
        }
        b"redis" | b"rediss" => EntityKind::RedisUrl,
        b"amqp" | b"amqps" => EntityKind::AmqpUrl,
        _ => return None,
    })
}

/// `scheme://user:password@host`, called at each `://`.
fn url(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    let scheme_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'+';
    let mut s = start;
    while s > 0 && start - s < 16 && scheme_byte(text[s - 1]) {
        s -= 1;
    }
    if s == start || !text[s].is_ascii_alphabetic() || (s > 0 && glue(text[s - 1])) {
        return;
    }
    let Some(kind) = scheme_kind(&text[s..start]) else {
        return;
    };
    if s >= 5 && text[s - 5..s].eq_ignore_ascii_case(b"jdbc:") {
        s -= 5;
    }
    // A `match`, not a search of a byte list: it runs for every byte of the authority.
    let stop = |b: u8| {
        b.is_ascii_whitespace()
            || matches!(
                b,
                b'/' | b'?' | b'#' | b';' | b'"' | b'\'' | b'<' | b'>' | b'`' | b'\\'
            )
    };
    let limit = text.len().min(end + 512);
    let auth_end = end + text[end..limit].iter().take_while(|&&b| !stop(b)).count();
    let authority = &text[end..auth_end];
    let Some(at) = authority.iter().rposition(|&b| b == b'@') else {
        return;
    };
    let userinfo = &authority[..at];
    let Some(colon) = userinfo.iter().position(|&b| b == b':') else {
        return;
    };
    let (user, password) = (&userinfo[..colon], &userinfo[colon + 1..]);
    let mut host_end = authority.len();
    while host_end > at + 1 && matches!(authority[host_end - 1], b'.' | b',' | b':' | b';' | b')') {
        host_end -= 1;
    }
    let host = &authority[at + 1..host_end];
    let host_ok = host
        .first()
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'[');
    let user_ok = !user.is_empty() || kind == EntityKind::RedisUrl;
    if password.is_empty() || placeholder(password) || !host_ok || !user_ok {
        return;
    }
    let rule = match kind {
        EntityKind::UrlCredentials => "url.userinfo",
        EntityKind::DatabaseUrl => "url.database",
        EntityKind::RedisUrl => "url.redis",
        _ => "url.amqp",
    };
    out.push(Candidate::new(kind, s, end + host_end, 0.95, rule).validated());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_text_forms() {
        for ok in [
            "2001:db8::1",
            "::1",
            "::",
            "fe80::",
            "a:2:3:4:5:6:7::",
            "::ffff:192.0.2.1",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "64:ff9b::192.0.2.33",
        ] {
            assert!(ipv6_ok(ok.as_bytes()) || ok == "::", "{ok}");
        }
        // Valid text forms made only of one- or two-digit decimal groups are left out on purpose:
        // `1:2:3:4:5:6:7::` reads as a list of ratios or times far more often than an address.
        for bad in [
            "1:2:3:4:5:6:7::",
            "10:22:31",
            "1::2::3",
            "12345::1",
            "2001:db8:::1",
            "1:2:3:4:5:6:7:8:9",
            "::ffff:192.0.2.256",
            "10::30",
            "1.2.3.4::1",
        ] {
            assert!(!ipv6_ok(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn octets() {
        assert_eq!(quad(b"255.255.255.255", 0), Some(15));
        assert_eq!(quad(b"1.2.3.04", 0), None);
        assert_eq!(quad(b"1.2.3", 0), None);
        assert_eq!(quad(b"1.2.3.256", 0), None);
    }
}
