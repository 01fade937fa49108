//! Redaction: replaces findings by what their operator says, recording reversible ones in the vault.
//!
//! Reversible findings (placeholder, token) are written in a second step: first the text is
//! built with a marker byte in their place, then every label that text already holds is
//! reserved in the vault, then the labels are handed out. So a shop text that happens to contain
//! `[EMAIL_1]` gets `[EMAIL_2]` for its address, and restoring a redaction always gives back its
//! input, whatever the input holds.

mod mask;
mod operator;

pub use operator::Operator;

use crate::catalogue::EntityKind;
use crate::classify::Classification;
use crate::finding::Finding;
use crate::keys::{hex, TenantKey};
use crate::level::Level;
use crate::vault::{StreamRestorer, Vault};
use std::sync::Arc;

/// Stands for a reversible finding until its label is known. Any byte that is neither a word
/// byte nor a bracket reads the same to the label grammar as the `[` that replaces it.
const SLOT: u8 = 0;

/// Applies `operator_for` to every finding of `text` (sorted, non-overlapping; others are
/// skipped), returning the new text. Keyed operators use `key`; the engine checks one is
/// configured when the policy uses them, and without one they fall back to a placeholder, which
/// also hides the value.
pub(crate) fn apply(
    text: &[u8],
    findings: &[Finding],
    operator_for: impl Fn(EntityKind) -> Operator,
    key: Option<&TenantKey>,
    vault: &mut Vault,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + findings.len() * 8);
    // (offset of the slot in `out`, finding, keyed token or not)
    let mut slots: Vec<(usize, &Finding, bool)> = Vec::new();
    let mut last = 0;
    for finding in findings {
        if finding.start < last || finding.start >= finding.end || finding.end > text.len() {
            continue;
        }
        out.extend_from_slice(&text[last..finding.start]);
        let value = &text[finding.start..finding.end];
        let operator = match operator_for(finding.kind) {
            Operator::Token | Operator::Hash if key.is_none() => Operator::Placeholder,
            operator => operator,
        };
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
        last = finding.end;
    }
    out.extend_from_slice(&text[last..]);
    if slots.is_empty() {
        return out;
    }
    vault.reserve_labels_in(&out, slots.iter().map(|(_, finding, _)| finding.kind));
    let mut text_out = Vec::with_capacity(out.len() + slots.len() * 16);
    let mut last = 0;
    for &(at, finding, keyed) in &slots {
        text_out.extend_from_slice(&out[last..at]);
        let value = &text[finding.start..finding.end];
        let label = match key.filter(|_| keyed) {
            Some(key) => vault.token_label(finding.kind, value, &key.token(finding.kind, value)),
            None => vault.numbered_label(finding.kind, value),
        };
        // `[[value]]` would read back as a doubled bracket and lose a pair: use braces there.
        let (open, close) = if at > 0 && out[at - 1] == b'[' && out.get(at + 1) == Some(&b']') {
            (b'{', b'}')
        } else {
            (b'[', b']')
        };
        text_out.push(open);
        text_out.extend_from_slice(label.as_bytes());
        text_out.push(close);
        last = at + 1;
    }
    text_out.extend_from_slice(&out[last..]);
    vault.seal();
    text_out
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
