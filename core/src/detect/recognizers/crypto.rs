//! Recognizers for cryptocurrency addresses. Both kinds carry checksums (Base58Check, Bech32,
//! EIP-55), so a match that validates is almost never a coincidence.

use crate::catalogue::EntityKind;
use crate::detect::context::ContextWords;
use crate::detect::validators::{base58check, bech32, eip55};
use crate::detect::{Candidate, LiteralRule, TextRule, Word};

pub(crate) const LITERALS: &[LiteralRule] = &[];
/// The family's digit-word rules (see [`super::WordRules`]).
#[inline(always)]
pub(super) fn on_word(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    crypto_word(text, word, out);
}
pub(crate) const TEXTS: &[TextRule] = &[];
pub(crate) const CONTEXT: &[ContextWords] = &[];

/// One entry point for both address kinds: most words are far shorter than 26 bytes. The
/// length test is all that runs for them; the rest is a tail call, so this entry saves no
/// registers.
#[inline(always)]
fn crypto_word(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if (26..=90).contains(&(word.end - word.start)) {
        address(text, word, out);
    }
}

/// A word of address length: both kinds are tried.
#[inline(never)]
fn address(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.end - word.start == 42 {
        ethereum(text, word, out);
    }
    bitcoin(text, word, out);
}

/// True when the word is not part of a longer token (`path/to/1Abc…`, `x-1Abc…`).
fn standalone(text: &[u8], word: &Word) -> bool {
    let glued = |b: u8| matches!(b, b'_' | b'-' | b'/' | b'+' | b'=');
    (word.start == 0 || !glued(text[word.start - 1]))
        && !text.get(word.end).is_some_and(|&b| glued(b))
}

/// P2PKH (`1…`) and P2SH (`3…`) Base58Check addresses, and SegWit `bc1…` addresses.
#[inline(never)]
fn bitcoin(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    let len = word.end - word.start;
    if !(26..=90).contains(&len) {
        return;
    }
    let bytes = &text[word.start..word.end];
    let ok = match bytes[0] {
        b'1' | b'3' if len <= 35 => {
            let want = if bytes[0] == b'1' { 0 } else { 5 };
            base58check::address_version(bytes) == Some(want)
        }
        b'b' | b'B' if len >= 42 && bytes[..3].eq_ignore_ascii_case(b"bc1") => {
            bech32::segwit_ok(bytes, b"bc")
        }
        _ => return,
    };
    if ok && standalone(text, word) {
        out.push(
            Candidate::new(
                EntityKind::BitcoinAddress,
                word.start,
                word.end,
                0.95,
                "bitcoin.address",
            )
            .validated(),
        );
    }
}

/// `0x` + 40 hex digits. Mixed case must satisfy EIP-55 (then validated); single-case addresses
/// carry no checksum and score lower.
#[inline(never)]
fn ethereum(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.end - word.start != 42 {
        return;
    }
    let bytes = &text[word.start..word.end];
    if !bytes.starts_with(b"0x") || !standalone(text, word) {
        return;
    }
    let hex = &bytes[2..];
    if !hex.iter().all(u8::is_ascii_hexdigit) {
        return;
    }
    let lower = hex.iter().any(u8::is_ascii_lowercase);
    let upper = hex.iter().any(u8::is_ascii_uppercase);
    let candidate = |score| {
        Candidate::new(
            EntityKind::EthereumAddress,
            word.start,
            word.end,
            score,
            "ethereum.address",
        )
    };
    if lower && upper {
        if eip55::checksum_ok(hex) {
            out.push(candidate(0.95).validated());
        }
    } else if hex.iter().any(u8::is_ascii_digit) && hex.iter().any(u8::is_ascii_alphabetic) {
        out.push(candidate(0.8));
    }
}
