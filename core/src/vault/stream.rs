//! Streaming restore: model output arrives in chunks, and a placeholder may be split across them.

use super::Vault;
use std::sync::Arc;

/// Restores placeholders in output that arrives in pieces, holding back only what could still
/// become a placeholder.
pub struct StreamRestorer {
    vault: Arc<Vault>,
    pending: Vec<u8>,
}

impl StreamRestorer {
    /// A restorer over `vault`.
    pub fn new(vault: Arc<Vault>) -> Self {
        StreamRestorer {
            vault,
            pending: Vec::new(),
        }
    }

    /// Feeds a chunk; returns the restored text that is now certain.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        self.pending.extend_from_slice(chunk);
        let cut = match self.pending.iter().rposition(|&b| b == b'[') {
            Some(open)
                if !self.pending[open..].contains(&b']') && self.pending.len() - open < 80 =>
            {
                open
            }
            _ => self.pending.len(),
        };
        let ready: Vec<u8> = self.pending.drain(..cut).collect();
        self.vault.restore(&ready)
    }

    /// Ends the stream; returns whatever was held back, restored.
    pub fn finish(&mut self) -> Vec<u8> {
        let rest = std::mem::take(&mut self.pending);
        self.vault.restore(&rest)
    }
}
