//! The one match type every detector produces.

use crate::catalogue::{Category, EntityKind};
use crate::level::Level;
use std::ops::Range;

/// One sensitive value found in a text.
///
/// Offsets are into the scanned bytes. `start..end` never splits a UTF-8 character of valid text;
/// `char_start..char_end` count characters as defined by [`crate::text::char_offset`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Finding {
    /// What was found.
    pub kind: EntityKind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Character offset of the first character.
    pub char_start: usize,
    /// Character offset one past the last character.
    pub char_end: usize,
    /// Sensitivity the engine's policy gives [`Finding::kind`].
    pub level: Level,
    /// Confidence in `0.0..=1.0`, after context adjustments.
    pub score: f32,
    /// Name of the rule that fired, e.g. `"credit_card.luhn"`.
    pub rule: &'static str,
    /// True when a checksum or structural validator confirmed the value.
    pub validated: bool,
}

impl Finding {
    /// The byte span.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The character span.
    pub fn char_span(&self) -> Range<usize> {
        self.char_start..self.char_end
    }

    /// The family of [`Finding::kind`].
    pub fn category(&self) -> Category {
        self.kind.category()
    }

    /// The value's bytes in the text it was found in.
    pub fn value<'t>(&self, text: &'t [u8]) -> &'t [u8] {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span (never produced by the engine).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}
