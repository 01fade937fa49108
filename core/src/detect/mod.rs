//! Detection: find candidate values, validate them, score them with context, resolve overlaps.
//!
//! The text is scanned once by each of two cheap passes, never by N regexes in turn:
//!
//! 1. one Aho-Corasick automaton over every *literal trigger* (secret prefixes such as `AKIA`,
//!    `@` for e-mail, context keywords such as `iban` or `passport`, salutations) plus the
//!    classification keywords; each hit calls the recognizer that registered the literal;
//! 2. one pass over the *digit words* (maximal ASCII alphanumeric runs holding a digit): cards,
//!    IBANs, national ids, phones and dates all contain digits, so text without digits costs
//!    one vectorised byte scan.
//!
//! Recognizers (`recognizers`) only look at the bytes around their trigger, run validators
//! ([`validators`]) and push `Candidate`s. Operator dictionaries ([`dictionary`]) run as a
//! separate automaton. `resolve` then keeps one finding per span.

pub(crate) mod amounts;
pub(crate) mod context;
pub(crate) mod dense;
pub(crate) mod detector;
pub mod dictionary;
pub(crate) mod digits;
pub(crate) mod floors;
pub(crate) mod recognizers;
pub(crate) mod resolve;
pub(crate) mod shapes;
pub(crate) mod timestamps;
pub(crate) mod triggers;
pub mod validators;

use crate::catalogue::EntityKind;

/// A possible finding, before thresholds and overlap resolution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Candidate {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub score: f32,
    pub rule: &'static str,
    pub validated: bool,
}

impl Candidate {
    pub(crate) fn new(
        kind: EntityKind,
        start: usize,
        end: usize,
        score: f32,
        rule: &'static str,
    ) -> Self {
        Candidate {
            kind,
            start,
            end,
            score,
            rule,
            validated: false,
        }
    }

    /// Marks the candidate as confirmed by a checksum or structural validator.
    pub(crate) fn validated(mut self) -> Self {
        self.validated = true;
        self
    }
}

/// A maximal run of ASCII letters and digits that holds at least one digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub digits: u32,
    pub letters: u32,
}

impl Word {
    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }

    pub(crate) fn bytes<'t>(&self, text: &'t [u8]) -> &'t [u8] {
        &text[self.start..self.end]
    }

    pub(crate) fn is_all_digits(&self) -> bool {
        self.letters == 0
    }
}

/// A recognizer anchored on a literal. `recognize` is called for every ASCII-case-insensitive
/// occurrence of `literal` with the occurrence's byte span.
pub(crate) struct LiteralRule {
    pub literal: &'static str,
    pub recognize: fn(&[u8], usize, usize, &mut Vec<Candidate>),
    /// The catalogue range of the types `recognize` may report: the rule is compiled in only
    /// when one of them is enabled, so a small policy's trigger pass stays small.
    pub kinds: (EntityKind, EntityKind),
}

/// A recognizer that needs its own pass over the whole text (use sparingly: it costs a pass).
pub(crate) struct TextRule {
    /// Identifies the rule in debug output and profiles.
    #[allow(dead_code)]
    pub name: &'static str,
    pub recognize: fn(&[u8], &mut Vec<Candidate>),
}
