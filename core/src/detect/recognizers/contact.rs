//! Recognizers for contact data: e-mail addresses and phone numbers.

use crate::catalogue::EntityKind;
use crate::detect::context::ContextWords;
use crate::detect::{Candidate, LiteralRule, TextRule, WordRule};

pub(crate) const LITERALS: &[LiteralRule] = &[LiteralRule {
    literal: "@",
    recognize: email,
}];
pub(crate) const WORDS: &[WordRule] = &[];
pub(crate) const TEXTS: &[TextRule] = &[];
pub(crate) const CONTEXT: &[ContextWords] = &[];

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b)
}

fn is_domain_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'.'
}

/// An address around the `@` at `at`: a local part of RFC 5322 atom characters, a domain of
/// dot-separated labels and an alphabetic top-level domain of at least two letters.
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
    let tld = &domain[dot + 1..];
    let labels_ok = domain
        .split(|&b| b == b'.')
        .all(|label| !label.is_empty() && label[0] != b'-' && label[label.len() - 1] != b'-');
    if tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic) && labels_ok {
        out.push(Candidate::new(EntityKind::Email, start, end, 0.95, "email.rfc5322").validated());
    }
}
