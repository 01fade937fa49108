//! Recognizers, one module per family of entity types. Each module exports four tables that the
//! detector compiles once per engine:
//!
//! - `LITERALS`: rules anchored on a literal (found by the shared trigger automaton);
//! - `WORDS`: rules called on every digit-holding word;
//! - `TEXTS`: rules that need a pass of their own (rare);
//! - `CONTEXT`: words that raise or lower a type's score when near a candidate.

use super::context::ContextWords;
use super::{LiteralRule, TextRule, WordRule};
use crate::catalogue::EntityKind;

mod contact;
mod crypto;
mod national;
mod near;
mod network;
mod payment;
mod person;
mod run;
mod secrets;

/// One family: the catalogue range of types it can produce, and its tables.
struct Family {
    first: EntityKind,
    last: EntityKind,
    literals: &'static [LiteralRule],
    words: &'static [WordRule],
    texts: &'static [TextRule],
    context: &'static [ContextWords],
}

impl Family {
    /// True when the family can produce one of the types `enabled` accepts.
    fn serves(&self, enabled: &impl Fn(EntityKind) -> bool) -> bool {
        any_enabled(self.first, self.last, enabled)
    }
}

macro_rules! family {
    ($module:ident, $first:ident ..= $last:ident) => {
        Family {
            first: EntityKind::$first,
            last: EntityKind::$last,
            literals: $module::LITERALS,
            words: $module::WORDS,
            texts: $module::TEXTS,
            context: $module::CONTEXT,
        }
    };
}

/// True when a type of the catalogue range `first..=last` is enabled.
fn any_enabled(first: EntityKind, last: EntityKind, enabled: &impl Fn(EntityKind) -> bool) -> bool {
    crate::catalogue::ALL[first as usize..=last as usize]
        .iter()
        .any(|&kind| enabled(kind))
}

/// Every family, with the catalogue range of the types it reports (the catalogue lists types
/// family by family). A policy that disables a whole family skips its passes entirely.
static FAMILIES: [Family; 7] = [
    family!(contact, Email..=Phone),
    family!(person, Person..=UkDrivingLicence),
    family!(national, UsSsn..=Imei),
    family!(payment, CreditCard..=UkSortCodeAccount),
    family!(network, Ipv4..=AmqpUrl),
    family!(secrets, AwsAccessKeyId..=GenericSecret),
    family!(crypto, BitcoinAddress..=EthereumAddress),
];

/// The rule tables of the families that can produce an enabled type.
pub(crate) struct Tables {
    pub literals: Vec<&'static LiteralRule>,
    pub words: Vec<&'static WordRule>,
    pub texts: Vec<&'static TextRule>,
    pub context: Vec<&'static ContextWords>,
}

/// Collects the tables of every family that serves an enabled type.
pub(crate) fn tables(enabled: impl Fn(EntityKind) -> bool) -> Tables {
    let families: Vec<&Family> = FAMILIES.iter().filter(|f| f.serves(&enabled)).collect();
    // The shared digit-run pass reads runs for national and payment types: one variant serves
    // whichever of the two families is enabled.
    let national = any_enabled(EntityKind::UsSsn, EntityKind::Imei, &enabled);
    let payment = any_enabled(
        EntityKind::CreditCard,
        EntityKind::UkSortCodeAccount,
        &enabled,
    );
    let runs: &'static [WordRule] = match (payment, national) {
        (true, true) => &[run::RULE],
        (true, false) => &[run::PAYMENT_RULE],
        (false, true) => &[run::NATIONAL_RULE],
        (false, false) => &[],
    };
    Tables {
        literals: families.iter().flat_map(|f| f.literals).collect(),
        words: families.iter().flat_map(|f| f.words).chain(runs).collect(),
        texts: families.iter().flat_map(|f| f.texts).collect(),
        context: families.iter().flat_map(|f| f.context).collect(),
    }
}
