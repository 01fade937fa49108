//! Recognizers, one module per family of entity types. Each module exports four tables that the
//! detector compiles once per engine:
//!
//! - `LITERALS`: rules anchored on a literal (found by the shared trigger automaton);
//! - `on_word`: the rules called on every digit-holding word (see [`WordRules`]);
//! - `TEXTS`: rules that need a pass of their own (rare);
//! - `CONTEXT`: words that raise or lower a type's score when near a candidate.

use super::context::ContextWords;
use super::floors::Floors;
use super::shapes::Shapes;
use super::{Candidate, LiteralRule, TextRule, Word};
use crate::catalogue::{EntityKind, KindSet};

/// Literal rules grouped by recognizer, each group with the catalogue range of the types its
/// recognizer reports: `First..=Last: recognize => ["literal", ...]`.
macro_rules! literals {
    ($($first:ident ..= $last:ident : $recognize:path => [$($literal:literal),* $(,)?]),* $(,)?) => {
        &[$($(crate::detect::LiteralRule {
            literal: $literal,
            recognize: $recognize,
            kinds: (
                crate::catalogue::EntityKind::$first,
                crate::catalogue::EntityKind::$last,
            ),
        },)*)*]
    };
}

mod contact;
mod crypto;
mod national;
mod near;
mod network;
mod payment;
mod person;
mod run;

pub(crate) use payment::opens_iban;
pub(crate) use run::continues;
mod secrets;

/// One family: the catalogue range of types it can produce, and its tables.
struct Family {
    first: EntityKind,
    last: EntityKind,
    literals: &'static [LiteralRule],
    texts: &'static [TextRule],
    context: &'static [ContextWords],
}

impl Family {
    /// True when the family can produce one of the `enabled` types.
    fn serves(&self, enabled: KindSet) -> bool {
        enabled.any_in((self.first, self.last))
    }
}

macro_rules! family {
    ($module:ident, $first:ident ..= $last:ident) => {
        Family {
            first: EntityKind::$first,
            last: EntityKind::$last,
            literals: $module::LITERALS,
            texts: $module::TEXTS,
            context: $module::CONTEXT,
        }
    };
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
    pub words: WordRules,
    pub texts: Vec<&'static TextRule>,
    pub context: Vec<&'static ContextWords>,
}

/// Collects the tables of every family that serves an enabled type.
pub(crate) fn tables(enabled: KindSet) -> Tables {
    let on: [bool; 7] = std::array::from_fn(|i| FAMILIES[i].serves(enabled));
    let families: Vec<&Family> = (0..7).filter(|&i| on[i]).map(|i| &FAMILIES[i]).collect();
    Tables {
        literals: families
            .iter()
            .flat_map(|f| f.literals)
            .filter(|rule| enabled.any_in(rule.kinds))
            .collect(),
        words: WordRules {
            kinds: enabled,
            run_min: run::MinDigits::new(enabled, on[2]),
            contact: on[0],
            person: on[1],
            national: on[2],
            payment: on[3],
            network: on[4],
            secrets: on[5],
            crypto: on[6],
        },
        texts: families.iter().flat_map(|f| f.texts).collect(),
        context: families.iter().flat_map(|f| f.context).collect(),
    }
}

/// Which families' digit-word rules run (indexed like [`FAMILIES`]).
///
/// Every digit word is offered to every rule, and most rules reject most words (prices, years,
/// times) after a comparison or two; an indirect call per rule would cost more than the rules.
/// So the rules are called from one statically dispatched function whose cheap entry checks
/// are inlined, and only the words that pass them reach a rule's out-of-line body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordRules {
    /// The enabled types, for rules that serve several (a card-only policy skips bank
    /// accounts and routing numbers).
    kinds: KindSet,
    /// Fewest digits of a run that an enabled type reads (see [`run::MinDigits`]).
    run_min: run::MinDigits,
    contact: bool,
    person: bool,
    national: bool,
    payment: bool,
    network: bool,
    secrets: bool,
    crypto: bool,
}

impl WordRules {
    /// Whether each family reads digit words, in [`FAMILIES`] order.
    fn families(&self) -> [bool; 7] {
        [
            self.contact,
            self.person,
            self.national,
            self.payment,
            self.network,
            self.secrets,
            self.crypto,
        ]
    }

    /// True when at least one family reads digit words.
    pub(crate) fn any(&self) -> bool {
        self.families().contains(&true)
    }

    /// Number of families that read digit words.
    #[cfg(test)]
    pub(crate) fn count(&self) -> usize {
        self.families().iter().filter(|&&on| on).count()
    }

    /// The shapes of the digit words these rules read, when only phones, IBANs and payment runs
    /// read words (see [`crate::detect::shapes`]); `None` when a family reads words of any
    /// shape (postcodes, house numbers, IPv4 parts, national ids, secrets).
    pub(crate) fn shapes(&self) -> Option<Shapes> {
        if self.person || self.national || self.network || self.secrets || self.crypto {
            return None;
        }
        let phone = self.contact && self.kinds.contains(EntityKind::Phone);
        let plain_phone = if phone {
            *contact::PLAIN_PHONE.start()
        } else {
            usize::MAX
        };
        let plain_run = if self.payment {
            self.run_min.plain
        } else {
            usize::MAX
        };
        Some(Shapes {
            long: plain_phone.min(plain_run),
            opened: phone,
            iban: self.payment && self.kinds.contains(EntityKind::Iban),
        })
    }

    /// Offers `word` to the rules of every enabled family.
    #[inline(always)]
    pub(crate) fn recognize(
        &self,
        text: &[u8],
        word: &Word,
        floors: &Floors,
        out: &mut Vec<Candidate>,
    ) {
        if self.contact {
            contact::on_word(text, word, self.kinds, out);
        }
        if self.person {
            person::on_word(text, word, out);
        }
        if self.national {
            national::on_word(text, word, out);
        }
        if self.payment {
            payment::on_word(text, word, self.kinds, out);
        }
        // National ids and payment numbers share one parse of each digit run.
        let (kinds, min) = (self.kinds, self.run_min);
        match (self.payment, self.national) {
            (true, true) => run::recognize::<true, true>(text, word, kinds, min, floors, out),
            (true, false) => run::recognize::<true, false>(text, word, kinds, min, floors, out),
            (false, true) => run::recognize::<false, true>(text, word, kinds, min, floors, out),
            (false, false) => {}
        }
        if self.network {
            network::on_word(text, word, out);
        }
        if self.secrets {
            secrets::on_word(text, word, out);
        }
        if self.crypto {
            crypto::on_word(text, word, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(kinds: &[EntityKind]) -> Vec<&'static str> {
        tables(KindSet::from_fn(|k| kinds.contains(&k)))
            .literals
            .iter()
            .map(|rule| rule.literal)
            .collect()
    }

    #[test]
    fn only_literals_of_enabled_types_are_compiled() {
        assert!(literals(&[EntityKind::CreditCard, EntityKind::Iban]).is_empty());
        assert_eq!(literals(&[EntityKind::Email, EntityKind::Phone]), ["@"]);
        assert_eq!(literals(&[EntityKind::Bic]), ["bic", "swift"]);
        let all = literals(crate::catalogue::ALL);
        assert!(all.contains(&"cvv") && all.contains(&"://") && all.contains(&"passport"));
    }
}
