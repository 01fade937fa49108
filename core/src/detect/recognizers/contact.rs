//! Recognizers for the contact family.

use crate::detect::context::ContextWords;
use crate::detect::{LiteralRule, TextRule, WordRule};

pub(crate) const LITERALS: &[LiteralRule] = &[];
pub(crate) const WORDS: &[WordRule] = &[];
pub(crate) const TEXTS: &[TextRule] = &[];
pub(crate) const CONTEXT: &[ContextWords] = &[];
