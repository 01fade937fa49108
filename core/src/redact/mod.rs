//! Redaction: replaces findings by what their operator says, recording reversible ones in the vault.
//!
//! Reversible findings (placeholder, token) get their labels only after every label the
//! redacted text will already hold is reserved in the vault. So a shop text that happens to
//! contain `[EMAIL_1]` gets `[EMAIL_2]` for its address, and restoring a redaction always gives
//! back its input, whatever the input holds. When every finding becomes a label, those labels
//! are read from the input between the findings and the output is written in one copy; other
//! operators (mask, hash, remove, keep) write bytes that may form labels, so the text is first
//! built with a marker byte for each label, read, and then widened.

mod mask;
mod operator;

pub use operator::Operator;

use crate::catalogue::EntityKind;
use crate::classify::Classification;
use crate::finding::Finding;
use crate::keys::{hex, TenantKey};
use crate::level::Level;
use crate::vault::{label, StreamRestorer, Vault};
use std::sync::Arc;

/// Stands for a reversible finding until its label is known. Any byte that is neither a word
/// byte nor a bracket reads the same to the label grammar as the `[` that replaces it.
const SLOT: u8 = 0;

/// Applies `operator_for` to every finding of `text` (sorted, non-overlapping; others are
/// skipped), returning the new text. Keyed operators use `key`; the engine checks one is
/// configured when the policy uses them, and without one they fall back to a placeholder, which
/// also hides the value.
///
/// `label_heads` are the word starts of `text` where an entity id begins, in ascending order
/// (the scan finds them): the only places of the copied text where a label can be read.
pub(crate) fn apply(
    text: &[u8],
    findings: &[Finding],
    label_heads: &[usize],
    operator_for: impl Fn(EntityKind) -> Operator,
    key: Option<&TenantKey>,
    vault: &mut Vault,
) -> Vec<u8> {
    if let Some(out) = apply_labels_only(text, findings, label_heads, &operator_for, key, vault) {
        return out;
    }
    let substituted = substitute(text, findings, label_heads, operator_for, key);
    widen(text, substituted, key, vault)
}

/// The second step of [`apply`] for any operators: the labels the substituted text holds are
/// reserved, then its [`SLOT`] bytes are widened into labels in place.
fn widen(
    text: &[u8],
    substituted: Substituted<'_>,
    key: Option<&TenantKey>,
    vault: &mut Vault,
) -> Vec<u8> {
    let Substituted {
        mut out,
        slots,
        label_starts,
    } = substituted;
    if slots.is_empty() {
        return out;
    }
    vault.reserve_labels_at(&out, label_starts);
    vault.reserve_entries(slots.len());
    // Each slot becomes its bracketed label. The labels are handed out first (in text order, so
    // numbers grow along the text), then the text is widened in place from its end: no second
    // buffer as large as the text.
    let labels: Vec<(usize, [u8; 2], usize)> = slots
        .iter()
        .map(|&(at, finding, keyed)| {
            let entry = entry_for(text, finding, key.filter(|_| keyed), vault);
            // `[[value]]` would read back as a doubled bracket and lose a pair: use braces.
            let doubled = at > 0 && out[at - 1] == b'[' && out.get(at + 1) == Some(&b']');
            let brackets = if doubled { *b"{}" } else { *b"[]" };
            (at, brackets, entry)
        })
        .collect();
    vault.seal();
    let growth: usize = labels.iter().map(|&(.., i)| vault.label(i).len() + 1).sum();
    let mut end = out.len();
    out.resize(end + growth, 0);
    let mut to = out.len();
    for &(at, [open, close], entry) in labels.iter().rev() {
        let label = vault.label(entry);
        // Move the text after this slot to its final place, then write the label before it.
        let tail = at + 1..end;
        to -= tail.len();
        out.copy_within(tail, to);
        to -= label.len() + 2;
        out[to] = open;
        out[to + 1..to + 1 + label.len()].copy_from_slice(label.as_bytes());
        out[to + 1 + label.len()] = close;
        end = at;
    }
    debug_assert_eq!(to, end, "the text before the first slot stays in place");
    out
}

/// [`apply`] when every finding becomes a label (placeholder or token, the common policy):
/// the labels the text already holds are read from the input itself, each stretch between
/// findings ending where a slot will stand, so the output is written in one copy. `None` when
/// an operator writes something else (mask, hash, remove, keep), which the two-step path
/// handles.
fn apply_labels_only(
    text: &[u8],
    findings: &[Finding],
    label_heads: &[usize],
    operator_for: &impl Fn(EntityKind) -> Operator,
    key: Option<&TenantKey>,
    vault: &mut Vault,
) -> Option<Vec<u8>> {
    // The findings `substitute` would apply (in order, not overlapping), and which are keyed;
    // each slot's entry and brackets are filled in below, in the same vector.
    let mut slots: Vec<LabelSlot> = Vec::with_capacity(findings.len());
    let mut last = 0;
    for finding in findings {
        if finding.start < last || finding.start >= finding.end || finding.end > text.len() {
            continue;
        }
        let keyed = match effective(operator_for(finding.kind), key) {
            Operator::Placeholder => false,
            Operator::Token => true,
            _ => return None,
        };
        slots.push(LabelSlot {
            finding,
            keyed,
            entry: 0,
            brackets: *b"[]",
        });
        last = finding.end;
    }
    if slots.is_empty() {
        return Some(text.to_vec());
    }
    // Labels the output will hold outside the slots: at the label heads of each stretch and
    // right after each slot, read only up to the next slot.
    let mut heads = label_heads.iter().copied().peekable();
    let mut from = 0;
    for i in 0..=slots.len() {
        let to = slots.get(i).map_or(text.len(), |slot| slot.finding.start);
        let stretch = &text[..to];
        if i > 0 {
            vault.reserve_labels_from(stretch, from, true);
        }
        while let Some(head) = heads.next_if(|&head| head < to) {
            if head > from || (head == from && i == 0) {
                vault.reserve_labels_from(stretch, head, false);
            }
        }
        from = slots.get(i).map_or(to, |slot| slot.finding.end);
    }
    vault.reserve_entries(slots.len());
    for i in 0..slots.len() {
        let LabelSlot { finding, keyed, .. } = slots[i];
        let adjacent = |a: &LabelSlot, b: &LabelSlot| a.finding.end == b.finding.start;
        // `[[value]]` would read back as a doubled bracket and lose a pair: use braces.
        let opened = finding.start > 0
            && !(i > 0 && adjacent(&slots[i - 1], &slots[i]))
            && text[finding.start - 1] == b'[';
        let closed = !(i + 1 < slots.len() && adjacent(&slots[i], &slots[i + 1]))
            && text.get(finding.end) == Some(&b']');
        if opened && closed {
            slots[i].brackets = *b"{}";
        }
        slots[i].entry = entry_for(text, finding, key.filter(|_| keyed), vault);
    }
    vault.seal();
    let removed: usize = slots.iter().map(|s| s.finding.end - s.finding.start).sum();
    let added: usize = slots.iter().map(|s| vault.label(s.entry).len() + 2).sum();
    let mut out = Vec::with_capacity(text.len() - removed + added);
    let mut last = 0;
    for slot in &slots {
        let [open, close] = slot.brackets;
        out.extend_from_slice(&text[last..slot.finding.start]);
        out.push(open);
        out.extend_from_slice(vault.label(slot.entry).as_bytes());
        out.push(close);
        last = slot.finding.end;
    }
    out.extend_from_slice(&text[last..]);
    Some(out)
}

/// A finding that becomes a label in [`apply_labels_only`]: whether its label is keyed, then
/// (once handed out) its vault entry and the brackets written around it.
#[derive(Clone, Copy)]
struct LabelSlot<'f> {
    finding: &'f Finding,
    keyed: bool,
    entry: usize,
    brackets: [u8; 2],
}

/// The vault entry of `finding`'s value: a keyed token when `key` is given, else a numbered
/// label.
fn entry_for(text: &[u8], finding: &Finding, key: Option<&TenantKey>, vault: &mut Vault) -> usize {
    let value = &text[finding.start..finding.end];
    match key {
        Some(key) => vault.token_entry(finding.kind, value, &key.token(finding.kind, value)),
        None => vault.numbered_entry(finding.kind, value),
    }
}

/// The operator actually applied: the keyed ones (token, hash) become a placeholder when no
/// key is configured, which also hides the value.
fn effective(operator: Operator, key: Option<&TenantKey>) -> Operator {
    match operator {
        Operator::Token | Operator::Hash if key.is_none() => Operator::Placeholder,
        operator => operator,
    }
}

/// The text with every finding's operator applied, reversible ones as a [`SLOT`] byte.
struct Substituted<'f> {
    out: Vec<u8>,
    /// (offset of the slot in `out`, finding, keyed token or not)
    slots: Vec<(usize, &'f Finding, bool)>,
    /// Where a label may start in `out`: the label heads of the copied text, moved to their
    /// place in `out`, and every byte in and around what an operator wrote.
    label_starts: Vec<usize>,
}

fn substitute<'f>(
    text: &[u8],
    findings: &'f [Finding],
    label_heads: &[usize],
    operator_for: impl Fn(EntityKind) -> Operator,
    key: Option<&TenantKey>,
) -> Substituted<'f> {
    // Room for the labels that replace slots, so widening the text rarely reallocates.
    let mut out = Vec::with_capacity(text.len() + findings.len() * 24);
    let mut slots = Vec::new();
    let mut label_starts: Vec<usize> = Vec::new();
    let mut heads = label_heads.iter().copied().peekable();
    let mut copy_heads = |from: usize, to: usize, out_at: usize, starts: &mut Vec<usize>| {
        while let Some(head) = heads.next_if(|&head| head < to) {
            if head >= from {
                starts.push(out_at + (head - from));
            }
        }
    };
    let max_id = label::max_id_len();
    let mut last = 0;
    for finding in findings {
        if finding.start < last || finding.start >= finding.end || finding.end > text.len() {
            continue;
        }
        copy_heads(last, finding.start, out.len(), &mut label_starts);
        out.extend_from_slice(&text[last..finding.start]);
        let written = out.len();
        let value = &text[finding.start..finding.end];
        let operator = effective(operator_for(finding.kind), key);
        match operator {
            Operator::Placeholder | Operator::Token => {
                slots.push((out.len(), finding, operator == Operator::Token));
                out.push(SLOT);
            }
            Operator::Mask { keep_last } => mask::mask(&mut out, value, keep_last),
            Operator::Hash => {
                if let Some(key) = key {
                    out.extend_from_slice(hex(&key.hash(finding.kind, value)).as_bytes());
                }
            }
            Operator::Remove => {}
            Operator::Keep => out.extend_from_slice(value),
        }
        // What the operator wrote, and its new neighbours, can form or end a label the input did
        // not hold: an id reaching into it, or a word start right after it. No id reaches into a
        // slot (a byte no label holds), so after a slot only the next byte needs a look.
        let slot = matches!(operator, Operator::Placeholder | Operator::Token);
        let from = if slot {
            out.len()
        } else {
            written.saturating_sub(max_id)
        };
        label_starts.extend(from..=out.len());
        last = finding.end;
    }
    copy_heads(last, text.len(), out.len(), &mut label_starts);
    out.extend_from_slice(&text[last..]);
    Substituted {
        out,
        slots,
        label_starts,
    }
}

/// A redacted text with its findings, classification and the vault to restore it.
#[derive(Debug)]
pub struct Redaction {
    pub(crate) text: Vec<u8>,
    pub(crate) findings: Vec<Finding>,
    pub(crate) classification: Classification,
    pub(crate) vault: Arc<Vault>,
}

impl Redaction {
    /// The redacted text.
    pub fn text(&self) -> &[u8] {
        &self.text
    }

    /// The redacted text as `&str` when it is valid UTF-8 (always, when the input was).
    pub fn text_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.text).ok()
    }

    /// Findings in the original text, sorted by position.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Classification of the original text.
    pub fn classification(&self) -> &Classification {
        &self.classification
    }

    /// Level of the original text.
    pub fn level(&self) -> Level {
        self.classification.level
    }

    /// The vault of this request.
    pub fn vault(&self) -> &Arc<Vault> {
        &self.vault
    }

    /// Puts the original values back into `output` (typically the model's answer).
    pub fn restore(&self, output: impl AsRef<[u8]>) -> Vec<u8> {
        self.vault.restore(output.as_ref())
    }

    /// A restorer for output that arrives in chunks.
    pub fn restorer(&self) -> StreamRestorer {
        StreamRestorer::new(Arc::clone(&self.vault))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::level::Level;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    const PIECES: &[&str] = &[
        "EMAIL", "email", "Email", "credit", "CARD", "_", "-", " ", "  ", "1", "2", "x", "[", "]",
        "{", "}", "é", "\0", "iban", "ab12", ".",
    ];
    const KINDS: &[EntityKind] = &[EntityKind::Email, EntityKind::CreditCard, EntityKind::Iban];
    const OPERATORS: &[Operator] = &[
        Operator::Placeholder,
        Operator::Token,
        Operator::Mask { keep_last: 1 },
        Operator::Hash,
        Operator::Remove,
        Operator::Keep,
    ];

    fn finding(kind: EntityKind, start: usize, end: usize) -> Finding {
        Finding {
            kind,
            start,
            end,
            char_start: start,
            char_end: end,
            level: Level::Confidential,
            score: 1.0,
            rule: "test",
            validated: false,
        }
    }

    /// Where the scan would report label heads: word starts where an id's first segment begins.
    fn heads(text: &[u8]) -> Vec<usize> {
        let heads = label::id_heads(crate::catalogue::ALL.iter().copied());
        (0..text.len())
            .filter(|&i| i == 0 || !label::is_word(text[i - 1]))
            .filter(|&i| {
                heads.iter().any(|h| {
                    text.len() - i >= h.len()
                        && text[i..i + h.len()].eq_ignore_ascii_case(h.as_bytes())
                })
            })
            .collect()
    }

    /// The labels readable at `substitute`'s label starts, for one finding with `operator`.
    fn labels_read(text: &str, span: (usize, usize), operator: Operator) -> Vec<String> {
        let findings = [finding(EntityKind::Email, span.0, span.1)];
        let s = substitute(
            text.as_bytes(),
            &findings,
            &heads(text.as_bytes()),
            |_| operator,
            None,
        );
        let mut read = BTreeSet::new();
        for &start in &s.label_starts {
            label::readings_from(&s.out, start, &mut |l: &[u8]| {
                read.insert(String::from_utf8_lossy(l).into_owned());
            });
        }
        read.into_iter().collect()
    }

    #[test]
    fn labels_made_by_operators_are_read() {
        // A kept value holds a label; removal joins two halves of one; a slot turns the byte
        // before an id into a word boundary.
        let cases = [
            ("see EMAIL_1 now", (4, 11), Operator::Keep),
            ("EMxxAIL_1", (2, 4), Operator::Remove),
            ("a@b.deEMAIL_1", (0, 6), Operator::Placeholder),
            ("x EMAIL_1 a@b.de", (10, 16), Operator::Placeholder),
        ];
        for (text, span, operator) in cases {
            assert_eq!(labels_read(text, span, operator), ["EMAIL_1"], "{text:?}");
        }
    }

    proptest! {
        /// Reading labels only at the scan's label heads and around what operators wrote finds
        /// every label that reading at every byte of the substituted text finds, whatever the
        /// operators (removal joins words, hashes write alphanumerics, masks keep digits).
        #[test]
        fn label_heads_find_every_label(
            pieces in prop::collection::vec(0..PIECES.len(), 0..40),
            spans in prop::collection::vec((any::<prop::sample::Index>(), 1usize..12, 0..KINDS.len()), 0..5),
            operators in prop::collection::vec(0..OPERATORS.len(), KINDS.len()),
        ) {
            let text: Vec<u8> = pieces.iter().flat_map(|&i| PIECES[i].bytes()).collect();
            prop_assume!(!text.is_empty());
            let mut findings: Vec<Finding> = spans
                .iter()
                .map(|(at, len, kind)| {
                    let start = at.index(text.len());
                    finding(KINDS[*kind], start, (start + len).min(text.len()))
                })
                .collect();
            findings.sort_by_key(|f| f.start);
            let key = crate::keys::Secret::new(b"0123456789abcdef0123456789abcdef".to_vec())
                .unwrap()
                .tenant_key("t");
            let operator_for = |kind: EntityKind| {
                OPERATORS[operators[KINDS.iter().position(|&k| k == kind).unwrap()]]
            };
            let s = substitute(&text, &findings, &heads(&text), operator_for, Some(&key));
            let mut anchored = BTreeSet::new();
            for &start in &s.label_starts {
                label::readings_from(&s.out, start, &mut |l: &[u8]| {
                    anchored.insert(l.to_vec());
                });
            }
            let mut everywhere = BTreeSet::new();
            label::readings(&s.out, |l| {
                everywhere.insert(l.to_vec());
            });
            prop_assert_eq!(anchored, everywhere);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// The one-copy path writes what the two-step path writes and hands out the same
        /// labels, whatever labels, brackets and neighbouring findings the text holds.
        /// Findings cover whole pieces, so they touch brackets, ids and each other often.
        #[test]
        fn one_copy_equals_two_steps(
            pieces in prop::collection::vec((0..PIECES.len(), 0usize..4), 0..40),
            tokens in prop::collection::vec(any::<bool>(), KINDS.len()),
            keyed in any::<bool>(),
        ) {
            let mut text = Vec::new();
            let mut findings = Vec::new();
            for &(piece, mark) in &pieces {
                let start = text.len();
                text.extend_from_slice(PIECES[piece].as_bytes());
                // One piece in four is a finding, of a kind its piece picks.
                if mark == 0 {
                    findings.push(finding(KINDS[piece % KINDS.len()], start, text.len()));
                }
            }
            let secret = crate::keys::Secret::new(b"0123456789abcdef0123456789abcdef".to_vec())
                .unwrap();
            let key = secret.tenant_key("t");
            let key = keyed.then_some(&key);
            let operator_for = |kind: EntityKind| {
                let i = KINDS.iter().position(|&k| k == kind).unwrap();
                if tokens[i] { Operator::Token } else { Operator::Placeholder }
            };
            let heads = heads(&text);
            let mut one = Vault::new();
            let fast = apply_labels_only(&text, &findings, &heads, &operator_for, key, &mut one)
                .expect("labels only");
            let mut two = Vault::new();
            let substituted = substitute(&text, &findings, &heads, operator_for, key);
            let slow = widen(&text, substituted, key, &mut two);
            prop_assert_eq!(String::from_utf8_lossy(&fast), String::from_utf8_lossy(&slow));
            prop_assert_eq!(one.labels().collect::<Vec<_>>(), two.labels().collect::<Vec<_>>());
        }
    }

    /// Redacts `text` with `spans` as e-mail findings, in both paths; returns the one-copy text.
    fn both_paths(text: &str, spans: &[(usize, usize)]) -> String {
        let findings: Vec<Finding> = spans
            .iter()
            .map(|&(s, e)| finding(EntityKind::Email, s, e))
            .collect();
        let heads = heads(text.as_bytes());
        let place = |_| Operator::Placeholder;
        let fast = apply_labels_only(
            text.as_bytes(),
            &findings,
            &heads,
            &place,
            None,
            &mut Vault::new(),
        )
        .unwrap();
        let substituted = substitute(text.as_bytes(), &findings, &heads, place, None);
        let slow = widen(text.as_bytes(), substituted, None, &mut Vault::new());
        assert_eq!(fast, slow, "{text:?}");
        String::from_utf8(fast).unwrap()
    }

    #[test]
    fn one_copy_reads_labels_up_to_the_next_slot() {
        // Brackets around a value: braces, so the label is not read with a doubled bracket.
        assert_eq!(
            both_paths("see [a@b.de] now", &[(5, 11)]),
            "see [{EMAIL_1}] now"
        );
        // An id right after a slot starts a word there: EMAIL_1 is taken.
        assert_eq!(
            both_paths("a@b.deEMAIL_1 z", &[(0, 6)]),
            "[EMAIL_2]EMAIL_1 z"
        );
        // A label that runs into the next slot ends there: EMAIL_1 is taken.
        assert_eq!(
            both_paths("EMAIL_1a@b.de z", &[(7, 13)]),
            "EMAIL_1[EMAIL_2] z"
        );
        // Adjacent findings: neither sees the other's bytes as a bracket.
        assert_eq!(
            both_paths("[a@b.dec@d.ef]", &[(1, 7), (7, 13)]),
            "[[EMAIL_1][EMAIL_2]]"
        );
    }

    #[test]
    fn other_operators_take_the_two_step_path() {
        let text = b"mail a@b.de now";
        let findings = [finding(EntityKind::Email, 5, 11)];
        let masked = apply_labels_only(
            text,
            &findings,
            &[],
            &|_| Operator::Remove,
            None,
            &mut Vault::new(),
        );
        assert!(masked.is_none());
        let out = apply(
            text,
            &findings,
            &[],
            |_| Operator::Remove,
            None,
            &mut Vault::new(),
        );
        assert_eq!(out, b"mail  now");
    }
}
