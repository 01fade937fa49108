//! The vault: placeholders back to original values, for one request only.
//!
//! It lives in memory, is wiped on drop (every original is held in `Zeroizing`), and has no
//! serialisation on purpose: originals never leave the process through it.

mod restore;
mod stream;

pub use stream::StreamRestorer;

use crate::catalogue::EntityKind;
use zeroize::Zeroizing;

/// One placeholder and the value it stands for.
struct Entry {
    kind: EntityKind,
    /// Placeholder label without brackets, e.g. `EMAIL_1` (upper case).
    label: String,
    original: Zeroizing<Vec<u8>>,
}

/// Placeholders of one request and their original values.
#[derive(Default)]
pub struct Vault {
    entries: Vec<Entry>,
    /// Next number per entity type (index = `EntityKind as usize`).
    counters: Vec<u32>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print originals.
        f.debug_struct("Vault")
            .field("placeholders", &self.entries.len())
            .finish()
    }
}

impl Vault {
    /// An empty vault.
    pub fn new() -> Vault {
        Vault::default()
    }

    /// The numbered label for `value` (e.g. `EMAIL_2`), reusing the label an equal value of the
    /// same type already has.
    pub(crate) fn numbered_label(&mut self, kind: EntityKind, value: &[u8]) -> &str {
        if let Some(i) = self
            .entries
            .iter()
            .position(|e| e.kind == kind && e.original.as_slice() == value)
        {
            return &self.entries[i].label;
        }
        let index = kind as usize;
        if self.counters.len() <= index {
            self.counters.resize(index + 1, 0);
        }
        self.counters[index] += 1;
        let label = format!("{}_{}", kind.id(), self.counters[index]);
        self.push(kind, label, value)
    }

    /// Records a label chosen elsewhere (a keyed token) for `value`.
    pub(crate) fn record(&mut self, kind: EntityKind, label: String, value: &[u8]) -> &str {
        if let Some(i) = self.entries.iter().position(|e| e.label == label) {
            return &self.entries[i].label;
        }
        self.push(kind, label, value)
    }

    fn push(&mut self, kind: EntityKind, label: String, value: &[u8]) -> &str {
        self.entries.push(Entry {
            kind,
            label,
            original: Zeroizing::new(value.to_vec()),
        });
        &self.entries.last().expect("just pushed").label
    }

    /// Number of placeholders.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was redacted reversibly.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The labels (`EMAIL_1`, ...) in the order they were created.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.label.as_str())
    }

    /// The original value of `label` (ignoring ASCII case).
    pub(crate) fn original(&self, label: &[u8]) -> Option<&[u8]> {
        self.entries
            .iter()
            .find(|e| e.label.as_bytes().eq_ignore_ascii_case(label))
            .map(|e| e.original.as_slice())
    }

    /// Puts original values back into `text` wherever a placeholder of this vault occurs.
    pub fn restore(&self, text: &[u8]) -> Vec<u8> {
        restore::restore(self, text)
    }
}
