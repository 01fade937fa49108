//! Redaction: replaces findings by what their operator says, recording reversible ones in the vault.

mod operator;

pub use operator::Operator;

use crate::catalogue::EntityKind;
use crate::classify::Classification;
use crate::finding::Finding;
use crate::keys::{hex, TenantKey};
use crate::level::Level;
use crate::vault::{StreamRestorer, Vault};
use std::sync::Arc;

/// Number of MAC bytes in a keyed token (10 hex characters: collisions are negligible per tenant).
const TOKEN_BYTES: usize = 5;

/// Applies `operator_for` to every finding of `text` (sorted, non-overlapping), returning the new
/// text. Keyed operators use `key`; the engine guarantees one is present when the policy uses them.
pub(crate) fn apply(
    text: &[u8],
    findings: &[Finding],
    operator_for: impl Fn(EntityKind) -> Operator,
    key: Option<&TenantKey>,
    vault: &mut Vault,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + findings.len() * 8);
    let mut last = 0;
    for finding in findings {
        out.extend_from_slice(&text[last..finding.start]);
        let value = &text[finding.start..finding.end];
        match operator_for(finding.kind) {
            Operator::Placeholder => {
                let label = vault.numbered_label(finding.kind, value);
                push_bracketed(&mut out, label);
            }
            Operator::Token => {
                let key = key.expect("engine checks keyed operators have a key");
                let mac = key.mac(&[finding.kind.id().as_bytes(), value]);
                let label = format!("{}_{}", finding.kind.id(), hex(&mac[..TOKEN_BYTES]));
                let label = vault.record(finding.kind, label, value);
                push_bracketed(&mut out, label);
            }
            Operator::Mask { keep_last } => mask(&mut out, value, keep_last),
            Operator::Hash => {
                let key = key.expect("engine checks keyed operators have a key");
                let mac = key.mac(&[finding.kind.id().as_bytes(), value]);
                out.extend_from_slice(hex(&mac).as_bytes());
            }
            Operator::Remove => {}
            Operator::Keep => out.extend_from_slice(value),
        }
        last = finding.end;
    }
    out.extend_from_slice(&text[last..]);
    out
}

fn push_bracketed(out: &mut Vec<u8>, label: &str) {
    out.push(b'[');
    out.extend_from_slice(label.as_bytes());
    out.push(b']');
}

/// Replaces every character but separators and the last `keep_last` alphanumerics with `*`.
/// Separators (spaces, dashes) are kept so the shape stays readable: `**** **** **** 1111`.
/// A value too short to hide at least as much as it shows is masked whole.
fn mask(out: &mut Vec<u8>, value: &[u8], keep_last: usize) {
    let alnum = value.iter().filter(|b| b.is_ascii_alphanumeric()).count();
    let hide = if alnum > keep_last * 2 {
        alnum - keep_last
    } else {
        alnum
    };
    let mut seen = 0;
    for &b in value {
        if b.is_ascii_alphanumeric() {
            seen += 1;
            out.push(if seen <= hide { b'*' } else { b });
        } else if b.is_ascii() && !b.is_ascii_control() && b != b'@' {
            out.push(b);
        } else {
            out.push(b'*');
        }
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
