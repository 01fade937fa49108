//! The vault: placeholders back to original values, for one request only.
//!
//! It lives in memory, is wiped on drop (every original is held in `Zeroizing`), and has no
//! serialisation and no `Debug` output of values on purpose: originals never leave the process
//! through it.
//!
//! # What restoration accepts
//!
//! A label is `KIND_SUFFIX` (`EMAIL_1`, or `EMAIL_9f86d081e4` for a keyed token). Models echo
//! labels loosely, so restoration accepts, for each label of the vault:
//!
//! - any ASCII case: `[email_1]`, `[Email_1]`;
//! - a bracket pair `[]`, `()`, `{}` or `<>`, up to two spaces inside it (`[ EMAIL_1 ]`), and one
//!   more pair of the same kind directly around it (`[[EMAIL_1]]`, `{{ EMAIL_1 }}`);
//! - inside a bracket pair, `-` or a space for any `_` (`[EMAIL-1]`, `[EMAIL 1]`,
//!   `(credit card 1)`);
//! - a bare label (`EMAIL_1`), only with `_` separators: `email 1` is ordinary prose.
//!
//! A label is always a whole token: no ASCII letter, digit or `_` directly before or after it,
//! so neither `XEMAIL_1` nor `EMAIL_10` restores `EMAIL_1`. Mismatched brackets (`[EMAIL_1)`)
//! stay in the text around the restored value.
//!
//! Redaction never hands out a label that the text already holds in any of these spellings, and
//! writes `{EMAIL_1}` for a value that stands in square brackets (`[jane@example.com]`), so that
//! restoring a redacted text always gives back exactly its input.

pub(crate) mod heads;
pub(crate) mod label;
mod labelset;
mod restore;
mod stream;
mod trie;

pub use stream::StreamRestorer;

use crate::catalogue::EntityKind;
use crate::keys::hex;
use label::Labels;
use labelset::LabelSet;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::sync::OnceLock;
use zeroize::Zeroizing;

/// Hex digits of a keyed token's MAC (40 bits: collisions are negligible per tenant, and the vault
/// lengthens a token that collides anyway).
const TOKEN_HEX: usize = 10;

/// Up to this many entries (or labels of a [`LabelSet`]), one is found by comparing them all,
/// which costs less than hashing it (see `by_value`).
const SCANNED: usize = 16;

/// The hasher of `by_value`, whose keys are already keyed hashes: hashing them again would only
/// cost time.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Last number handed out per entity type, inline: a vault is made per redaction.
struct Counters([u32; crate::catalogue::ALL.len()]);

impl Default for Counters {
    fn default() -> Self {
        Counters([0; crate::catalogue::ALL.len()])
    }
}

/// Decimal digits of `n`, written at the end of `buf`: every label handed out needs them, and
/// `write!` through the formatting machinery costs ~2 % of a `prose_1mb` redaction.
fn itoa(mut n: u32, buf: &mut [u8; 10]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).expect("ASCII digits")
}

/// One placeholder and the value it stands for.
struct Entry {
    kind: EntityKind,
    /// The label as written into the text, without brackets: `EMAIL_1`, `EMAIL_9f86d081e4`.
    label: String,
    original: Zeroizing<Vec<u8>>,
}

/// Placeholders of one request and their original values.
#[derive(Default)]
pub struct Vault {
    entries: Vec<Entry>,
    /// Normalised label (ASCII upper case) → entry, built on first lookup.
    by_label: OnceLock<HashMap<Box<[u8]>, usize>>,
    /// Normalised keyed-token labels handed out: two values may share a token prefix. (Numbered
    /// labels cannot collide with each other: each type's numbers only grow.)
    tokens: LabelSet,
    /// Hash of (kind, value) → the first entry with that hash, so an equal value gets the same
    /// label without a scan. Keyed per vault, so the hashes say nothing about the values.
    /// Kept only once the vault holds more than [`SCANNED`] entries: a few are compared faster
    /// than one is hashed.
    by_value: HashMap<u64, usize, BuildHasherDefault<Prehashed>>,
    value_hasher: RandomState,
    /// Labels the redacted text already holds (normalised): never handed out, so restoring a
    /// redaction gives back exactly its input.
    reserved: LabelSet,
    /// Last number handed out per entity type (index = `EntityKind as usize`).
    counters: Counters,
    /// The labels sorted for matching, built on first restore.
    labels: OnceLock<Labels>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print originals.
        f.debug_struct("Vault")
            .field("placeholders", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl Vault {
    /// An empty vault.
    pub fn new() -> Vault {
        Vault::default()
    }

    /// Reserves every label restoration could read in `text` from one of `starts`, so none is
    /// handed out. `starts` must include every word start where an entity id begins.
    pub(crate) fn reserve_labels_at(
        &mut self,
        text: &[u8],
        starts: impl IntoIterator<Item = usize>,
    ) {
        for start in starts {
            self.reserve_labels_from(text, start, false);
        }
    }

    /// Reserves every label restoration could read at `start` in `text`. `text` ends where a
    /// reading must end (the end of the redacted text, or a slot: a placeholder being written);
    /// `after_slot` says a slot stands right before `start`, which then begins a word whatever
    /// the input holds there.
    pub(crate) fn reserve_labels_from(&mut self, text: &[u8], start: usize, after_slot: bool) {
        let reserved = &mut self.reserved;
        let mut reserve = |norm: &[u8]| reserved.insert(norm);
        if after_slot {
            label::readings_after_slot(text, start, &mut reserve);
        } else {
            label::readings_from(text, start, &mut reserve);
        }
    }

    /// Reserves every label restoration could read anywhere in `text`.
    #[cfg(test)]
    pub(crate) fn reserve_labels_in(&mut self, text: &[u8]) {
        self.reserve_labels_at(text, 0..text.len());
    }

    /// Makes room for `additional` more entries at once (redaction knows how many it may add).
    pub(crate) fn reserve_entries(&mut self, additional: usize) {
        self.entries.reserve(additional);
        if self.entries.len() + additional > SCANNED {
            self.by_value.reserve(additional);
        }
    }

    /// Frees what only redaction needed. Called once the redacted text is complete.
    pub(crate) fn seal(&mut self) {
        self.reserved = LabelSet::default();
    }

    /// [`Vault::numbered_entry`]'s label.
    #[cfg(test)]
    pub(crate) fn numbered_label(&mut self, kind: EntityKind, value: &[u8]) -> &str {
        let i = self.numbered_entry(kind, value);
        self.label(i)
    }

    /// The entry (its index) of the numbered label for `value` (e.g. `EMAIL_2`): the one an
    /// equal value of the same type already has, or the next free number.
    pub(crate) fn numbered_entry(&mut self, kind: EntityKind, value: &[u8]) -> usize {
        if let Some(i) = self.find_value(kind, value) {
            return i;
        }
        let index = kind as usize;
        let mut number = self.counters.0[index];
        let mut label = String::with_capacity(kind.id().len() + 11);
        // A new number is above the type's counter, so only a label the text holds or a token
        // can take it. Ids are upper case: the label is its own normal form.
        loop {
            number = number.saturating_add(1);
            label.clear();
            label.push_str(kind.id());
            label.push('_');
            label.push_str(itoa(number, &mut [0u8; 10]));
            if !self.taken(label.as_bytes()) || number == u32::MAX {
                break;
            }
        }
        self.counters.0[index] = number;
        self.push(kind, label, value)
    }

    /// The label of entry `i` (from [`Vault::numbered_entry`] or [`Vault::token_entry`]).
    pub(crate) fn label(&self, i: usize) -> &str {
        &self.entries[i].label
    }

    /// [`Vault::token_entry`]'s label.
    #[cfg(test)]
    pub(crate) fn token_label(&mut self, kind: EntityKind, value: &[u8], mac: &[u8]) -> &str {
        let i = self.token_entry(kind, value, mac);
        self.label(i)
    }

    /// The entry (its index) of the keyed token label for `value`: `KIND_` and the first hex
    /// digits of `mac`, lengthened in the rare case that label is taken by another value or
    /// already in the text.
    pub(crate) fn token_entry(&mut self, kind: EntityKind, value: &[u8], mac: &[u8]) -> usize {
        if let Some(i) = self.find_value(kind, value) {
            return i;
        }
        let digits = hex(mac);
        let free = (TOKEN_HEX..=digits.len())
            .step_by(2)
            .map(|n| format!("{}_{}", kind.id(), &digits[..n]))
            .find(|label| self.is_free(kind, label));
        match free {
            Some(label) => {
                self.tokens.insert(&label::normalize(label.as_bytes()));
                self.push(kind, label, value)
            }
            None => self.numbered_entry(kind, value),
        }
    }

    /// True when `label` (of type `kind`) is neither handed out nor held by the text.
    fn is_free(&self, kind: EntityKind, label: &str) -> bool {
        // Normalised on the stack: this runs for every label handed out.
        let mut buf = [0u8; label::MAX_LABEL];
        let heap;
        let norm: &[u8] = match buf.get_mut(..label.len()) {
            Some(norm) => {
                norm.copy_from_slice(label.as_bytes());
                norm.make_ascii_uppercase();
                norm
            }
            None => {
                heap = label::normalize(label.as_bytes());
                &heap
            }
        };
        !self.taken(norm) && !self.numbered(kind, norm)
    }

    /// True when the text holds `norm` (a normalised label) or a token took it.
    fn taken(&self, norm: &[u8]) -> bool {
        self.reserved.contains(norm) || self.tokens.contains(norm)
    }

    /// True when `norm` is a numbered label of `kind` already handed out: `KIND_n` with `n` up to
    /// the type's counter (a token whose hex digits are all decimal could read like one).
    fn numbered(&self, kind: EntityKind, norm: &[u8]) -> bool {
        let Some(suffix) = norm
            .strip_prefix(kind.id().as_bytes())
            .and_then(|s| s.strip_prefix(b"_"))
        else {
            return false;
        };
        let decimal =
            !suffix.is_empty() && suffix[0] != b'0' && suffix.iter().all(u8::is_ascii_digit);
        let counter = self.counters.0[kind as usize];
        decimal
            && std::str::from_utf8(suffix)
                .ok()
                .and_then(|s| s.parse::<u32>().ok())
                .is_some_and(|n| n <= counter)
    }

    fn value_hash(&self, kind: EntityKind, value: &[u8]) -> u64 {
        let mut hasher = self.value_hasher.build_hasher();
        hasher.write_u16(kind as u16);
        hasher.write(value);
        hasher.finish()
    }

    /// The entry holding `value` as a `kind`.
    fn find_value(&self, kind: EntityKind, value: &[u8]) -> Option<usize> {
        let same = |e: &Entry| e.kind == kind && e.original.as_slice() == value;
        if self.entries.len() <= SCANNED {
            return self.entries.iter().position(same);
        }
        let i = *self.by_value.get(&self.value_hash(kind, value))?;
        if same(&self.entries[i]) {
            return Some(i);
        }
        // Two values with one hash: rare enough for a scan.
        self.entries.iter().position(same)
    }

    fn push(&mut self, kind: EntityKind, label: String, value: &[u8]) -> usize {
        let i = self.entries.len();
        if i == SCANNED {
            // From now on equal values are found by hash: index the entries so far.
            for (j, e) in self.entries.iter().enumerate() {
                let hash = self.value_hash(e.kind, &e.original);
                self.by_value.entry(hash).or_insert(j);
            }
        }
        if i >= SCANNED {
            let hash = self.value_hash(kind, value);
            self.by_value.entry(hash).or_insert(i);
        }
        self.by_label = OnceLock::new();
        self.labels = OnceLock::new();
        self.entries.push(Entry {
            kind,
            label,
            original: Zeroizing::new(value.to_vec()),
        });
        i
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

    /// The type a label (any ASCII case, without brackets) stands for.
    pub fn kind_of(&self, label: &str) -> Option<EntityKind> {
        let by_label = self
            .by_label
            .get_or_init(|| self.normalised_labels().collect());
        let i = *by_label.get(&label::normalize(label.as_bytes()))?;
        Some(self.entries[i].kind)
    }

    fn normalised_labels(&self) -> impl Iterator<Item = (Box<[u8]>, usize)> + '_ {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| (label::normalize(e.label.as_bytes()), i))
    }

    fn matcher(&self) -> &Labels {
        self.labels
            .get_or_init(|| Labels::new(self.normalised_labels().collect()))
    }

    fn original(&self, entry: usize) -> &[u8] {
        &self.entries[entry].original
    }

    /// Puts original values back into `text` wherever a label of this vault occurs, in any of
    /// the spellings described in the module documentation. Linear in `text`; other bytes,
    /// including invalid UTF-8, are copied unchanged.
    pub fn restore(&self, text: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + text.len() / 8);
        restore::restore_into(self, text, 0, true, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_labels_handed_out_are_known_by_their_number() {
        let mut vault = Vault::new();
        for n in 0..12u8 {
            vault.numbered_label(EntityKind::Email, &[n]);
        }
        let taken = |label: &str| vault.numbered(EntityKind::Email, label.as_bytes());
        assert!(taken("EMAIL_12") && taken("EMAIL_1"));
        assert!(!taken("EMAIL_13") && !taken("EMAIL_012") && !taken("EMAIL_1A"));
        assert!(
            !vault.numbered(EntityKind::Iban, b"EMAIL_3"),
            "another type's id"
        );
        assert!(!vault.is_free(EntityKind::Email, "email_7"), "any case");
        assert!(vault.is_free(EntityKind::Email, "EMAIL_13"));
    }

    #[test]
    fn equal_values_share_a_label_and_reserved_labels_are_skipped() {
        let mut vault = Vault::new();
        vault.reserve_labels_in(b"see [email_1] and EMAIL-3 (not email_2x)");
        assert_eq!(
            vault.numbered_label(EntityKind::Email, b"a@x.de"),
            "EMAIL_2"
        );
        assert_eq!(
            vault.numbered_label(EntityKind::Email, b"b@x.de"),
            "EMAIL_4"
        );
        assert_eq!(
            vault.numbered_label(EntityKind::Email, b"a@x.de"),
            "EMAIL_2"
        );
        assert_eq!(
            vault.numbered_label(EntityKind::Person, b"a@x.de"),
            "PERSON_1"
        );
        assert_eq!(vault.len(), 3);
        assert_eq!(vault.kind_of("email_4"), Some(EntityKind::Email));
    }

    #[test]
    fn equal_values_share_a_label_in_large_vaults() {
        let mut vault = Vault::new();
        let value = |n: usize| format!("user{n}@example.com").into_bytes();
        let first: Vec<String> = (0..40)
            .map(|n| {
                vault
                    .numbered_label(EntityKind::Email, &value(n))
                    .to_string()
            })
            .collect();
        for n in (0..40).rev() {
            assert_eq!(vault.numbered_label(EntityKind::Email, &value(n)), first[n]);
        }
        assert_eq!(vault.len(), 40);
        assert_eq!(first[39], "EMAIL_40");
        assert_eq!(
            vault.numbered_label(EntityKind::Person, &value(3)),
            "PERSON_1"
        );
    }

    #[test]
    fn colliding_tokens_are_lengthened() {
        let mut vault = Vault::new();
        let mac = [0xabu8; 32];
        let a = vault.token_label(EntityKind::Email, b"a", &mac).to_string();
        let b = vault.token_label(EntityKind::Email, b"b", &mac).to_string();
        assert_eq!(a, "EMAIL_ababababab");
        assert_eq!(b, "EMAIL_abababababab");
        assert_eq!(vault.restore(b"[EMAIL_ABABABABAB]"), b"a");
    }

    #[test]
    fn debug_shows_no_values() {
        let mut vault = Vault::new();
        vault.numbered_label(EntityKind::Email, b"secret@example.com");
        let shown = format!("{vault:?}");
        assert!(!shown.contains("secret"), "{shown}");
    }
}
