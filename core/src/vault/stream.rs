//! Streaming restore: model output arrives in chunks, and a placeholder may be split across them.

use super::restore::restore_into;
use super::Vault;
use std::sync::Arc;

/// Restores placeholders in output that arrives in pieces.
///
/// It holds back only what could still become a label of the vault (at most the longest label
/// plus a few spaces and brackets), so the concatenation of everything [`StreamRestorer::push`]
/// and [`StreamRestorer::finish`] return equals [`Vault::restore`] of the whole output, however
/// it is split: inside a label, inside a UTF-8 character, anywhere.
///
/// ```
/// let engine = sovereign::Engine::new();
/// let redaction = engine.redact("Write to jane@example.com");
/// let mut restorer = redaction.restorer();
/// let mut out = restorer.push(b"Sent to [EMA");
/// out.extend(restorer.push(b"IL_1]."));
/// out.extend(restorer.finish());
/// assert_eq!(out, b"Sent to jane@example.com.");
/// ```
pub struct StreamRestorer {
    vault: Arc<Vault>,
    /// Unwritten output, after `context` bytes that were written already but are still read.
    pending: Vec<u8>,
    context: usize,
}

impl std::fmt::Debug for StreamRestorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamRestorer")
            .field("held", &(self.pending.len() - self.context))
            .finish_non_exhaustive()
    }
}

impl StreamRestorer {
    /// A restorer over `vault`.
    pub fn new(vault: Arc<Vault>) -> Self {
        StreamRestorer {
            vault,
            pending: Vec::new(),
            context: 0,
        }
    }

    /// Feeds a chunk; returns the restored output that is now certain.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        self.pending.extend_from_slice(chunk);
        let mut out = Vec::with_capacity(self.pending.len());
        let done = restore_into(&self.vault, &self.pending, self.context, false, &mut out);
        // Keep the last written byte: whether a label may start right after it depends on it.
        let drop = done.saturating_sub(1);
        self.pending.drain(..drop);
        self.context = done - drop;
        out
    }

    /// Ends the stream; returns whatever was held back, restored. The restorer can then start a
    /// new stream.
    pub fn finish(&mut self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.pending.len());
        restore_into(&self.vault, &self.pending, self.context, true, &mut out);
        self.pending.clear();
        self.context = 0;
        out
    }

    /// Bytes held back, waiting for the next chunk.
    pub fn held(&self) -> usize {
        self.pending.len() - self.context
    }
}
