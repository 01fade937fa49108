//! Recognizers, one module per family of entity types. Each module exports four tables that the
//! detector compiles once per engine:
//!
//! - `LITERALS`: rules anchored on a literal (found by the shared trigger automaton);
//! - `WORDS`: rules called on every digit-holding word;
//! - `TEXTS`: rules that need a pass of their own (rare);
//! - `CONTEXT`: words that raise or lower a type's score when near a candidate.

use super::context::ContextWords;
use super::{LiteralRule, TextRule, WordRule};

mod contact;
mod crypto;
mod national;
mod near;
mod network;
mod payment;
mod person;
mod run;
mod secrets;

macro_rules! families {
    ($table:ident: $ty:ty) => {
        [
            contact::$table,
            crypto::$table,
            national::$table,
            network::$table,
            payment::$table,
            person::$table,
            secrets::$table,
        ]
        .into_iter()
        .flat_map(|t: &'static [$ty]| t.iter())
    };
}

/// Every literal-anchored rule.
pub(crate) fn literal_rules() -> impl Iterator<Item = &'static LiteralRule> {
    families!(LITERALS: LiteralRule)
}

/// Every digit-word rule.
pub(crate) fn word_rules() -> impl Iterator<Item = &'static WordRule> {
    families!(WORDS: WordRule)
}

/// Every whole-text rule.
pub(crate) fn text_rules() -> impl Iterator<Item = &'static TextRule> {
    families!(TEXTS: TextRule)
}

/// Every context-word table.
pub(crate) fn context_words() -> impl Iterator<Item = &'static ContextWords> {
    families!(CONTEXT: ContextWords)
}
