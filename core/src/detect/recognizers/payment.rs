//! Recognizers for the payment family: card numbers, expiry dates and security codes, IBAN, BIC,
//! US routing and account numbers, UK sort codes.
//!
//! Card numbers and IBANs carry checksums and are found on digit words alone. Expiry dates, CVVs,
//! BICs, routing and account numbers look like any other number or code, so they are only
//! reported next to the words that introduce them.

use super::near::{self, Keywords};
use super::run::{Near, Run};
use crate::catalogue::{EntityKind, KindSet};
use crate::detect::context::ContextWords;
use crate::detect::validators::{aba, card, iban, iso3166};
use crate::detect::{Candidate, LiteralRule, TextRule, Word};

pub(crate) const LITERALS: &[LiteralRule] = literals![
    CardExpiry..=CardExpiry: expiry => [
        "exp", "valid thru", "valid through", "good thru", "gültig bis", "ablaufdatum",
    ],
    CardCvv..=CardCvv: cvv => [
        "cvv", "cvc", "csc", "security code", "card verification", "prüfnummer",
    ],
    Bic..=Bic: bic => ["bic", "swift"],
];

/// The family's digit-word rules (see [`super::WordRules`]); digit runs are read by
/// [`super::run`], shared with the national family.
#[inline(always)]
pub(super) fn on_word(text: &[u8], word: &Word, kinds: KindSet, out: &mut Vec<Candidate>) {
    if kinds.contains(EntityKind::Iban) {
        iban_at(text, word, out);
    }
}
pub(crate) const TEXTS: &[TextRule] = &[];
pub(crate) const CONTEXT: &[ContextWords] = &[ContextWords {
    kind: EntityKind::CreditCard,
    raise: &[],
    lower: &["gtin", "isbn", "tracking"],
}];

/// Words that introduce a card number, needed for the rarely used short lengths.
const CARD_WORDS: Keywords = Keywords::new(&[
    "card",
    "visa",
    "maestro",
    "karte",
    "kreditkarte",
    "carte",
    "cc",
]);
const ROUTING_WORDS: Keywords =
    Keywords::new(&["routing", "aba", "rtn", "transit", "routing number"]);
const ACCOUNT_WORDS: Keywords = Keywords::new(&[
    "account number",
    "account no",
    "account #",
    "acct",
    "a/c",
    "bank account",
    "checking account",
    "savings account",
    "kontonummer",
]);
const SORT_CODE_WORDS: Keywords = Keywords::new(&["sort code", "sort-code", "sortcode", "sort"]);

/// Every payment rule on a digit run (called by the shared digit-run pass, [`super::run`]).
pub(super) fn on_run(
    text: &[u8],
    run: &Run,
    near: &mut Near,
    kinds: KindSet,
    out: &mut Vec<Candidate>,
) {
    if kinds.contains(EntityKind::CreditCard) {
        card_run(run, near, out);
    }
    let routing = kinds.contains(EntityKind::UsAbaRouting)
        && run.is_plain(9)
        && aba::is_valid(run.digits())
        && near.around().any(&ROUTING_WORDS);
    if routing {
        out.push(
            Candidate::new(
                EntityKind::UsAbaRouting,
                run.start,
                run.end,
                0.85,
                "aba.checksum",
            )
            .validated(),
        );
    } else if kinds.contains(EntityKind::UsBankAccount)
        && run.groups().len() == 1
        && (8..=17).contains(&run.len())
        && near.any_before(&ACCOUNT_WORDS, 32)
    {
        out.push(Candidate::new(
            EntityKind::UsBankAccount,
            run.start,
            run.end,
            0.7,
            "bank_account.context",
        ));
    }
    if kinds.contains(EntityKind::UkSortCodeAccount) {
        sort_code(text, run, near, out);
    }
}

/// Card numbers: brand IIN and length, Luhn, and the usual groupings (4-4-4-4[-3], 4-6-5,
/// 4-6-4) with one kind of separator, or no separator at all.
fn card_run(run: &Run, near: &mut Near, out: &mut Vec<Candidate>) {
    if !(12..=19).contains(&run.len()) || !run.uniform() {
        return;
    }
    let groups = run.groups();
    let plain = groups.len() == 1;
    let fours = groups.len() >= 3
        && groups[..groups.len() - 1].iter().all(|&g| g == 4)
        && (1..=4).contains(&groups[groups.len() - 1]);
    let amex_like = groups == [4, 6, 5] || groups == [4, 6, 4];
    let seps_ok = run.seps().iter().all(|&s| s == b' ' || s == b'-');
    if !(plain || (seps_ok && (fours || amex_like))) {
        return;
    }
    let digits = run.digits();
    let Some(brand) = card::brand(digits) else {
        return;
    };
    if !card::is_valid(digits) {
        return;
    }
    // 12- and 13-digit numbers (old Visa, some Maestro) collide with EAN-13 barcodes.
    let short = digits.len() <= 13 || (brand == card::Brand::Maestro && digits.len() < 16);
    if short && !near.around().any(&CARD_WORDS) {
        return;
    }
    let score = if plain { 0.9 } else { 0.95 };
    out.push(
        Candidate::new(
            EntityKind::CreditCard,
            run.start,
            run.end,
            score,
            "card.luhn",
        )
        .validated(),
    );
}

/// IBANs, compact ("DE89370400440532013000") or in groups of four separated by single spaces.
#[inline(always)]
fn iban_at(text: &[u8], w: &Word, out: &mut Vec<Candidate>) {
    if w.letters == 0 || !opens_iban(w.bytes(text)) {
        return;
    }
    iban_word(text, w, out);
}

/// True when `word` opens like an IBAN: a registered country code and two check digits. Shop
/// codes ("MB01", "WS12") mostly fail the registry lookup, which costs less than a call.
#[inline(always)]
pub(crate) fn opens_iban(word: &[u8]) -> bool {
    word.len() >= 4
        && word[2].is_ascii_digit()
        && word[3].is_ascii_digit()
        && iban::length(&word[..2]).is_some()
}

/// The slow path of [`iban_at`], out of line so that rejecting a word needs no stack frame.
#[inline(never)]
fn iban_word(text: &[u8], w: &Word, out: &mut Vec<Candidate>) {
    let b = w.bytes(text);
    // Grouped IBANs start with a 4-character word followed by a space; compact ones are long.
    let grouped = b.len() == 4 && text.get(w.end) == Some(&b' ');
    if !grouped && b.len() < 15 {
        return;
    }
    let Some(expected) = iban::length(&b[..2]) else {
        return;
    };
    if b.len() == expected {
        if iban::is_valid(b) {
            out.push(
                Candidate::new(EntityKind::Iban, w.start, w.end, 0.95, "iban.mod97").validated(),
            );
        }
        return;
    }
    if b.len() != 4 {
        return;
    }
    let mut compact = [0u8; 34];
    compact[..4].copy_from_slice(b);
    let (mut n, mut end) = (4, w.end);
    while n < expected {
        if text.get(end) != Some(&b' ') {
            return;
        }
        let start = end + 1;
        let mut stop = start;
        while stop < text.len() && text[stop].is_ascii_alphanumeric() {
            stop += 1;
        }
        let len = stop - start;
        if len == 0 || len > 4 || n + len > expected || (len < 4 && n + len != expected) {
            return;
        }
        compact[n..n + len].copy_from_slice(&text[start..stop]);
        n += len;
        end = stop;
    }
    if iban::is_valid(&compact[..n]) {
        out.push(Candidate::new(EntityKind::Iban, w.start, end, 0.95, "iban.mod97").validated());
    }
}

/// UK sort codes NN-NN-NN, after "sort code" or followed closely by an 8-digit account number
/// (which is reported too).
fn sort_code(text: &[u8], run: &Run, near: &mut Near, out: &mut Vec<Candidate>) {
    if !run.is_exactly(&[2, 2, 2], b"--") {
        return;
    }
    let context = near.any_before(&SORT_CODE_WORDS, near::BEFORE);
    let account = account_after(text, run.end);
    if !context && account.is_none() {
        return;
    }
    let score = if context { 0.85 } else { 0.7 };
    let rule = "uk_sort_code";
    out.push(Candidate::new(
        EntityKind::UkSortCodeAccount,
        run.start,
        run.end,
        score,
        rule,
    ));
    if let Some((start, end)) = account {
        out.push(Candidate::new(
            EntityKind::UkSortCodeAccount,
            start,
            end,
            score,
            rule,
        ));
    }
}

/// An 8-digit account number within a few bytes after a sort code, with no other digits between.
fn account_after(text: &[u8], from: usize) -> Option<(usize, usize)> {
    let limit = (from + 24).min(text.len());
    let start = (from..limit).find(|&i| text[i].is_ascii_digit())?;
    let gap = &text[from..start];
    if gap.contains(&b'\n') {
        return None;
    }
    let mut end = start;
    while end < text.len() && text[end].is_ascii_digit() {
        end += 1;
    }
    let glued = text.get(end).is_some_and(u8::is_ascii_alphanumeric)
        || (start > 0 && text[start - 1].is_ascii_alphabetic());
    (end - start == 8 && !glued).then_some((start, end))
}

/// The first digit at or after `from`, looking at most `window` bytes ahead, with no newline.
fn first_digit(text: &[u8], from: usize, window: usize) -> Option<usize> {
    let limit = (from + window).min(text.len());
    (from..limit)
        .take_while(|&i| text[i] != b'\n')
        .find(|&i| text[i].is_ascii_digit())
}

/// The end of the run of ASCII letters starting at `at`.
fn letters_end(text: &[u8], mut at: usize) -> usize {
    while at < text.len() && text[at].is_ascii_alphabetic() {
        at += 1;
    }
    at
}

/// Reads `count` digits at `at`, returning their value.
fn number(text: &[u8], at: usize, count: usize) -> Option<u32> {
    let digits = text.get(at..at + count)?;
    digits.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Card expiry dates MM/YY or MM/YYYY after "exp", "expiry", "expires", "valid thru",
/// "gültig bis"...
fn expiry(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if start > 0 && text[start - 1].is_ascii_alphabetic() {
        return;
    }
    let word_end = if end - start == 3 {
        letters_end(text, start)
    } else {
        end
    };
    if word_end != end {
        // "exp" may only grow into one of the expiry words.
        let w = &text[start..word_end];
        let ok = ["expiry", "expires", "expiration", "expiring", "expire"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k.as_bytes()));
        if !ok {
            return;
        }
    }
    let Some(at) = first_digit(text, word_end, 24) else {
        return;
    };
    if text[at - 1].is_ascii_alphanumeric() {
        return;
    }
    let month_len = if number(text, at, 2).is_some() { 2 } else { 1 };
    let Some(month) = number(text, at, month_len) else {
        return;
    };
    let mut i = at + month_len;
    while text.get(i) == Some(&b' ') && i < at + month_len + 1 {
        i += 1;
    }
    if !matches!(text.get(i), Some(b'/' | b'-' | b'.')) {
        return;
    }
    i += 1;
    if text.get(i) == Some(&b' ') {
        i += 1;
    }
    let year_len = (0..5).take_while(|&k| is_digit(text, i + k)).count();
    let year_ok = match year_len {
        2 => true,
        4 => number(text, i, 2).is_some_and(|c| c == 19 || c == 20),
        _ => false,
    };
    let stop = i + year_len;
    // "03/15/2024" or "12.03.2026" are full dates, not expiries.
    let continues = matches!(text.get(stop), Some(b'/' | b'-' | b'.')) && is_digit(text, stop + 1);
    let glued = text.get(stop).is_some_and(u8::is_ascii_alphanumeric);
    if (1..=12).contains(&month) && year_ok && !continues && !glued {
        out.push(Candidate::new(
            EntityKind::CardExpiry,
            at,
            stop,
            0.8,
            "card_expiry.context",
        ));
    }
}

fn is_digit(text: &[u8], i: usize) -> bool {
    text.get(i).is_some_and(u8::is_ascii_digit)
}

/// Card security codes: 3 or 4 digits after "CVV", "CVC", "CVV2", "security code"...
fn cvv(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    // German compounds ("Kartenprüfnummer") glue words together; the short acronyms may not be.
    let short = end - start <= 3;
    if short && start > 0 && text[start - 1].is_ascii_alphabetic() {
        return;
    }
    let mut after = end;
    if text.get(after) == Some(&b'2') {
        after += 1;
    }
    if short && text.get(after).is_some_and(u8::is_ascii_alphanumeric) {
        return;
    }
    let Some(at) = first_digit(text, after, 20) else {
        return;
    };
    if text[at - 1].is_ascii_alphanumeric() {
        return;
    }
    let len = (0..5).take_while(|&k| is_digit(text, at + k)).count();
    let stop = at + len;
    let continues = matches!(text.get(stop), Some(b' ' | b'-' | b'.' | b'/' | b','))
        && is_digit(text, stop + 1);
    let glued = text.get(stop).is_some_and(u8::is_ascii_alphabetic);
    if (3..=4).contains(&len) && !continues && !glued {
        out.push(Candidate::new(
            EntityKind::CardCvv,
            at,
            stop,
            0.85,
            "card_cvv.context",
        ));
    }
}

/// BICs (SWIFT codes) in the few words after "BIC" or "SWIFT".
fn bic(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !near::is_word(text, start, end) {
        return;
    }
    let limit = (end + 32).min(text.len());
    let mut i = end;
    while i < limit {
        if !text[i].is_ascii_alphanumeric() {
            if text[i] == b'\n' {
                return;
            }
            i += 1;
            continue;
        }
        let token_start = i;
        while i < text.len() && text[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if iso3166::is_bic(&text[token_start..i]) {
            out.push(Candidate::new(
                EntityKind::Bic,
                token_start,
                i,
                0.85,
                "bic.context",
            ));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::digits::Words;

    fn find(text: &str) -> Vec<(EntityKind, String)> {
        let t = text.as_bytes();
        let mut out = Vec::new();
        for w in Words::new(t) {
            iban_at(t, &w, &mut out);
            if let Some(r) = Run::parse(t, &w) {
                on_run(
                    t,
                    &r,
                    &mut Near::new(t, &r),
                    KindSet::from_fn(|_| true),
                    &mut out,
                );
            }
        }
        for rule in LITERALS {
            let lit = rule.literal.as_bytes();
            for i in 0..t.len().saturating_sub(lit.len() - 1) {
                if t[i..i + lit.len()].eq_ignore_ascii_case(lit) {
                    (rule.recognize)(t, i, i + lit.len(), &mut out);
                }
            }
        }
        out.iter()
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn cards_in_groupings() {
        for (text, value) in [
            ("pay 4111 1111 1111 1111 now", "4111 1111 1111 1111"),
            ("pay 4111-1111-1111-1111.", "4111-1111-1111-1111"),
            ("amex 3782 822463 10005", "3782 822463 10005"),
            ("card:5555555555554444", "5555555555554444"),
        ] {
            assert_eq!(
                find(text),
                [(EntityKind::CreditCard, value.to_string())],
                "{text}"
            );
        }
        assert!(find("id 4111 1111 1111 1112").is_empty());
        assert!(find("tracking 9400 1000 0000 0000 0000 00").is_empty());
    }

    #[test]
    fn ibans_compact_and_grouped() {
        assert_eq!(
            find("IBAN DE89 3704 0044 0532 0130 00, thanks"),
            [(EntityKind::Iban, "DE89 3704 0044 0532 0130 00".to_string())]
        );
        assert_eq!(
            find("to GB82WEST12345698765432."),
            [(EntityKind::Iban, "GB82WEST12345698765432".to_string())]
        );
        assert!(find("DE89 3704 0044 0532 0130 01").is_empty());
    }

    #[test]
    fn context_types() {
        assert_eq!(
            find("Exp: 09/27"),
            [(EntityKind::CardExpiry, "09/27".to_string())]
        );
        assert!(find("exported 09/27").is_empty());
        assert_eq!(
            find("CVV2: 123"),
            [(EntityKind::CardCvv, "123".to_string())]
        );
        assert_eq!(
            find("BIC: COBADEFFXXX"),
            [(EntityKind::Bic, "COBADEFFXXX".to_string())]
        );
        assert!(find("bicycle COBADEFFXXX").is_empty());
    }
}
