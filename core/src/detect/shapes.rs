//! Word shapes: the digit words a narrow policy reads at all.
//!
//! With every type enabled nearly every digit word interests some rule (a postcode, a house
//! number, an IPv4 part), so each is offered to all of them. A policy limited to phones, cards
//! and IBANs only reads words of a few shapes, and shop text is full of the others (quantities,
//! SKUs, codes): one test of the word's shape, with the bytes around it, replaces every rule's
//! own entry check for them.
//!
//! The shapes are a superset of what those entry checks accept, and of the dates and amounts
//! the word pass steps over, so a policy finds exactly what it finds when every word is offered
//! (a proptest in `detector` holds the two equal):
//!
//! - a word of digits followed by one byte that is no letter or digit, then a digit (`4111 1111`,
//!   `030-901820`, `2024-03-19`, `149.90`);
//! - a word of at least [`Shapes::long`] digits (plain phones and cards);
//! - a word of digits right after `+` or `(` (phones);
//! - a word that opens with a registered IBAN country code and two digits (IBANs).

use super::recognizers::opens_iban;
use super::Word;

/// The shapes of the digit words a policy reads, compiled from its word rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shapes {
    /// Fewest digits of a plain word that a rule reads (`usize::MAX`: no rule reads plain words).
    pub long: usize,
    /// Numbers after `+` or `(` are read (phones).
    pub opened: bool,
    /// Words opening like an IBAN are read (see [`opens_iban`]).
    pub iban: bool,
}

impl Shapes {
    /// True when `word` has one of the shapes: only then can a rule, or a step over a date or
    /// an amount, do anything with it.
    #[inline(always)]
    pub(crate) fn fits(&self, text: &[u8], word: &Word) -> bool {
        if word.letters > 0 {
            return self.iban && opens_iban(word.bytes(text));
        }
        // A word ends before a byte that is no letter or digit (or at the end of the text).
        word.len() >= self.long
            || text.get(word.end + 1).is_some_and(u8::is_ascii_digit)
            || (self.opened && word.start > 0 && matches!(text[word.start - 1], b'+' | b'('))
    }
}
