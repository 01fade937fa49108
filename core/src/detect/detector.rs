//! The compiled detector: every pass, wired together once per engine.

use super::context::{self, Context};
use super::dictionary::{Dictionary, TermList};
use super::digits::Words;
use super::floors::Floors;
use super::recognizers::{self, WordRules};
use super::shapes::Shapes;
use super::triggers::{Hits, Triggers};
use super::{amounts, resolve, timestamps, Candidate, TextRule};
use crate::catalogue::{EntityKind, KindSet};
use std::borrow::Cow;

/// Everything needed to scan a text, compiled from the recognizer tables and a policy.
pub(crate) struct Detector {
    triggers: Triggers,
    word_rules: WordRules,
    /// The shapes of the digit words the word rules read, when a narrow policy reads only a few
    /// (see [`super::shapes`]): the other words are passed over on one test.
    word_shapes: Option<Shapes>,
    text_rules: Vec<&'static TextRule>,
    /// Context words per entity type (index: `EntityKind as usize`).
    context: Vec<Vec<Context>>,
    dictionary: Option<Dictionary>,
    floors: Floors,
}

/// Raw output of one scan: resolved candidates, classification keyword hits and label heads.
#[derive(Default)]
pub(crate) struct Detection {
    pub candidates: Vec<Candidate>,
    pub hits: Hits,
}

impl Detector {
    /// Compiles the detector. `keywords` are the classification phrases (matched ignoring ASCII
    /// case, as whole words); `dictionaries` the operator term lists; `threshold` each type's
    /// threshold, `None` for a disabled type.
    /// Only recognizer families that can produce an enabled type are compiled in, so a policy
    /// limited to a few types pays only for their passes.
    pub(crate) fn new<'k>(
        keywords: impl IntoIterator<Item = &'k str>,
        dictionaries: &[TermList],
        threshold: impl Fn(EntityKind) -> Option<f32>,
    ) -> Detector {
        let kinds = KindSet::from_fn(|kind| threshold(kind).is_some());
        let tables = recognizers::tables(kinds);
        let floors = Floors::new(&threshold, |kind| {
            tables
                .context
                .iter()
                .filter(|c| c.kind == kind && !c.raise.is_empty())
                .count()
        });
        Detector {
            triggers: Triggers::new(tables.literals, keywords, kinds),
            word_rules: tables.words,
            word_shapes: tables.words.shapes(),
            text_rules: tables.texts,
            context: crate::catalogue::ALL
                .iter()
                .map(|&kind| {
                    tables
                        .context
                        .iter()
                        .filter(|c| c.kind == kind)
                        .filter_map(|c| Context::new(c))
                        .collect()
                })
                .collect(),
            dictionary: Dictionary::new(dictionaries),
            floors,
        }
    }

    /// Where labels may start in `text` (see [`Triggers::label_heads`]).
    pub(crate) fn label_heads<'h>(&self, text: &[u8], hits: &'h Hits) -> Cow<'h, [usize]> {
        self.triggers.label_heads(text, hits)
    }

    /// Scans `text` once with every pass. `known` holds request-scoped values (already compiled).
    /// `keep` decides, after context scoring, whether a candidate survives (type enabled and
    /// score above its threshold).
    pub(crate) fn detect(
        &self,
        text: &[u8],
        known: Option<&Dictionary>,
        keep: impl Fn(&Candidate) -> bool,
    ) -> Detection {
        // Room for the findings of a typical prompt at once, instead of growing by doubling.
        let mut out = Detection {
            candidates: Vec::with_capacity(16),
            ..Detection::default()
        };
        let candidates = &mut out.candidates;
        self.triggers.run(text, candidates, &mut out.hits);
        if self.word_rules.any() {
            let rules = self.word_rules;
            let mut words = Words::new(text);
            while let Some(word) = words.next() {
                if self
                    .word_shapes
                    .is_some_and(|shapes| !shapes.fits(text, &word))
                {
                    continue;
                }
                if word.len() == 4 && word.is_all_digits() {
                    if let Some(end) = timestamps::iso_end(text, word.start) {
                        words.skip_to(end);
                        continue;
                    }
                }
                if let Some(end) = amounts::fraction_end(text, &word) {
                    words.skip_to(end);
                    continue;
                }
                rules.recognize(text, &word, &self.floors, candidates);
            }
        }
        for rule in &self.text_rules {
            (rule.recognize)(text, candidates);
        }
        for candidate in candidates.iter_mut() {
            context::adjust(text, candidate, &self.context[candidate.kind as usize]);
        }
        if let Some(dictionary) = &self.dictionary {
            dictionary.find(text, "dictionary", candidates);
        }
        if let Some(known) = known {
            known.find(text, "known_value", candidates);
        }
        candidates.retain(|c| c.start < c.end && c.end <= text.len() && keep(c));
        resolve::resolve(candidates);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_families_of_enabled_types_are_compiled() {
        let email_only = Detector::new([], &[], |k| (k == EntityKind::Email).then_some(0.5));
        assert!(email_only.text_rules.is_empty(), "no name pass for e-mail");
        assert_eq!(
            email_only.word_rules.count(),
            1,
            "only the contact family's phone rule"
        );
        let cards = Detector::new([], &[], |k| (k == EntityKind::CreditCard).then_some(0.5));
        assert!(cards.word_rules.any(), "the digit-run pass serves cards");
        assert!(cards.text_rules.is_empty(), "no name pass for cards");
        let all = Detector::new([], &[], |_| Some(0.5));
        assert!(all.word_rules.count() > cards.word_rules.count() && !all.text_rules.is_empty());
    }

    /// Pieces of shop text around the word shapes: grouped and plain numbers, dates, amounts,
    /// codes, the words that raise a phone or an account, and single bytes that glue them.
    const PIECES: &[&str] = &[
        "4111 1111 1111 1111",
        "4111111111111111",
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "GB82WEST12345698765432",
        "+49 30 901820",
        "(030) 1234",
        "+1 (555) 234-5678",
        "030-901820",
        "0301234567",
        "2024-03-19 14:22:05",
        "149.90",
        "1.299,00",
        "2.31s5",
        "2.31DE89370400440532013000",
        "100000231",
        "021000021",
        "12345678",
        "24-MB01",
        "SPRING10",
        "tel ",
        "card ",
        "routing ",
        "acct ",
        "invoice ",
        "cvv ",
        "exp ",
        "09/27",
        "sort code ",
        "12-34-56",
        "0",
        "1",
        "7",
        "42",
        "0049",
        " ",
        "-",
        ".",
        "/",
        "+",
        "(",
        ")",
        ",",
        "a",
        "Z",
        "\n",
    ];

    /// Subsets of the types that only phones, IBANs and payment runs read words for.
    fn narrow_kinds() -> impl proptest::strategy::Strategy<Value = Vec<EntityKind>> {
        let narrow: Vec<EntityKind> = crate::catalogue::ALL
            .iter()
            .copied()
            .filter(|&k| {
                (EntityKind::Email..=EntityKind::Phone).contains(&k)
                    || (EntityKind::CreditCard..=EntityKind::UkSortCodeAccount).contains(&k)
            })
            .collect();
        proptest::sample::subsequence(narrow.clone(), 1..=narrow.len())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// A narrow policy passes over the words of no shape it reads, and finds exactly what it
        /// finds when every word is offered to its rules.
        #[test]
        fn shapes_pass_over_only_words_no_rule_reads(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
            kinds in narrow_kinds(),
        ) {
            let text = pieces.concat();
            let threshold = |k| kinds.contains(&k).then_some(0.01);
            let narrow = Detector::new([], &[], threshold);
            proptest::prop_assert!(narrow.word_shapes.is_some());
            let mut every_word = Detector::new([], &[], threshold);
            every_word.word_shapes = None;
            proptest::prop_assert_eq!(
                narrow.detect(text.as_bytes(), None, |_| true).candidates,
                every_word.detect(text.as_bytes(), None, |_| true).candidates
            );
        }
    }

    #[test]
    fn wide_policies_offer_every_word() {
        let all = Detector::new([], &[], |_| Some(0.5));
        assert_eq!(all.word_shapes, None);
        let postcodes = Detector::new([], &[], |k| (k == EntityKind::UkPostcode).then_some(0.5));
        assert_eq!(
            postcodes.word_shapes, None,
            "a postcode is any short number"
        );
    }
}
