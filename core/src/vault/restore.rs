//! Restoring placeholders in model output.

use super::Vault;

/// Replaces every `[LABEL]` of the vault in `text` with its original.
pub(crate) fn restore(vault: &Vault, text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'[' {
            if let Some(close) = text[i + 1..].iter().take(80).position(|&b| b == b']') {
                if let Some(original) = vault.original(&text[i + 1..i + 1 + close]) {
                    out.extend_from_slice(original);
                    i += close + 2;
                    continue;
                }
            }
        }
        out.push(text[i]);
        i += 1;
    }
    out
}
