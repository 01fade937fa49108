//! Context words: words near a candidate that make it more or less likely to be what it looks like.
//!
//! "CVV 123" is a security code, "qty 123" is not. Each recognizer family lists, per entity type,
//! words that raise the score and words that lower it; [`adjust`] applies them to every candidate
//! after recognition, so recognizers stay small and the rule is the same for every type.

use super::Candidate;
use crate::catalogue::EntityKind;
use crate::text::contains_ignore_ascii_case;

/// How far (in bytes) before a candidate context words are looked for.
pub(crate) const WINDOW_BEFORE: usize = 48;
/// How far (in bytes) after a candidate context words are looked for.
pub(crate) const WINDOW_AFTER: usize = 24;
/// Score added when a raising word is near.
pub(crate) const RAISE: f32 = 0.25;
/// Score removed when a lowering word is near.
pub(crate) const LOWER: f32 = 0.35;

/// Context words for one entity type. Words are lower-case ASCII, matched case-insensitively.
pub(crate) struct ContextWords {
    pub kind: EntityKind,
    pub raise: &'static [&'static str],
    pub lower: &'static [&'static str],
}

/// The text before `start`, at most `window` bytes.
pub(crate) fn before(text: &[u8], start: usize, window: usize) -> &[u8] {
    &text[start.saturating_sub(window)..start]
}

/// The text after `end`, at most `window` bytes.
pub(crate) fn after(text: &[u8], end: usize, window: usize) -> &[u8] {
    &text[end..(end + window).min(text.len())]
}

/// True when any of `words` occurs in the `window` bytes before `start`.
pub(crate) fn any_before(text: &[u8], start: usize, window: usize, words: &[&str]) -> bool {
    let hay = before(text, start, window);
    words
        .iter()
        .any(|w| contains_ignore_ascii_case(hay, w.as_bytes()))
}

/// True when any of `words` occurs in the `window` bytes after `end`.
pub(crate) fn any_after(text: &[u8], end: usize, window: usize, words: &[&str]) -> bool {
    let hay = after(text, end, window);
    words
        .iter()
        .any(|w| contains_ignore_ascii_case(hay, w.as_bytes()))
}

/// Applies the context words of `table` to `candidate`'s score, clamped to `0.0..=1.0`.
pub(crate) fn adjust(text: &[u8], candidate: &mut Candidate, table: &[&ContextWords]) {
    for words in table.iter().filter(|w| w.kind == candidate.kind) {
        let near = |list: &[&str]| {
            any_before(text, candidate.start, WINDOW_BEFORE, list)
                || any_after(text, candidate.end, WINDOW_AFTER, list)
        };
        if !words.raise.is_empty() && near(words.raise) {
            candidate.score += RAISE;
        }
        if !words.lower.is_empty() && near(words.lower) {
            candidate.score -= LOWER;
        }
    }
    candidate.score = candidate.score.clamp(0.0, 1.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raises_and_lowers() {
        let text = b"my cvv is 123 thanks";
        let table = [&ContextWords {
            kind: EntityKind::CardCvv,
            raise: &["cvv"],
            lower: &["qty"],
        }];
        let mut c = Candidate::new(EntityKind::CardCvv, 10, 13, 0.4, "t");
        adjust(text, &mut c, &table);
        assert!((c.score - 0.65).abs() < 1e-6);
        let text = b"qty 123";
        let mut c = Candidate::new(EntityKind::CardCvv, 4, 7, 0.4, "t");
        adjust(text, &mut c, &table);
        assert!((c.score - 0.05).abs() < 1e-6);
    }
}
