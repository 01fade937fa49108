//! Context words: words near a candidate that make it more or less likely to be what it looks like.
//!
//! "CVV 123" is a security code, "qty 123" is not. Each recognizer family lists, per entity type,
//! words that raise the score and words that lower it; [`adjust`] applies them to every candidate
//! after recognition, so recognizers stay small and the rule is the same for every type.

use super::Candidate;
use crate::catalogue::EntityKind;
use aho_corasick::AhoCorasick;

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

/// One [`ContextWords`] entry compiled: its raising and lowering words in one automaton
/// (ASCII case ignored), so a candidate's two windows are each read once, not once per word.
pub(crate) struct Context {
    automaton: AhoCorasick,
    /// Patterns `0..raise` raise the score, the rest lower it.
    raise: usize,
}

impl Context {
    /// Compiles `words` (`None` when it lists no word).
    pub(crate) fn new(words: &ContextWords) -> Option<Context> {
        let patterns: Vec<&str> = words.raise.iter().chain(words.lower).copied().collect();
        if patterns.is_empty() {
            return None;
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("context words are few and short");
        Some(Context {
            automaton,
            raise: words.raise.len(),
        })
    }

    /// Whether a raising and whether a lowering word occurs in the windows around
    /// `start..end` ([`WINDOW_BEFORE`] bytes before, [`WINDOW_AFTER`] after).
    fn near(&self, text: &[u8], start: usize, end: usize) -> (bool, bool) {
        let (mut raised, mut lowered) = (false, false);
        for window in [
            before(text, start, WINDOW_BEFORE),
            after(text, end, WINDOW_AFTER),
        ] {
            for found in self.automaton.find_overlapping_iter(window) {
                if found.pattern().as_usize() < self.raise {
                    raised = true;
                } else {
                    lowered = true;
                }
            }
        }
        (raised, lowered)
    }
}

/// Applies the compiled context words of `candidate`'s type to its score, clamped to
/// `0.0..=1.0`.
pub(crate) fn adjust(text: &[u8], candidate: &mut Candidate, table: &[Context]) {
    for context in table {
        let (raised, lowered) = context.near(text, candidate.start, candidate.end);
        if raised {
            candidate.score += RAISE;
        }
        if lowered {
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
        let table = [Context::new(&ContextWords {
            kind: EntityKind::CardCvv,
            raise: &["cvv"],
            lower: &["qty"],
        })
        .unwrap()];
        let mut c = Candidate::new(EntityKind::CardCvv, 10, 13, 0.4, "t");
        adjust(text, &mut c, &table);
        assert!((c.score - 0.65).abs() < 1e-6);
        let text = b"qty 123";
        let mut c = Candidate::new(EntityKind::CardCvv, 4, 7, 0.4, "t");
        adjust(text, &mut c, &table);
        assert!((c.score - 0.05).abs() < 1e-6);
    }
}
