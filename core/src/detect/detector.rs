//! The compiled detector: every pass, wired together once per engine.

use super::context::{self, ContextWords};
use super::dictionary::{Dictionary, TermList};
use super::digits::Words;
use super::triggers::{KeywordHit, Triggers};
use super::{recognizers, resolve, Candidate, TextRule, WordRule};

/// Everything needed to scan a text, compiled from the recognizer tables and a policy.
pub(crate) struct Detector {
    triggers: Triggers,
    word_rules: Vec<&'static WordRule>,
    text_rules: Vec<&'static TextRule>,
    context: Vec<&'static ContextWords>,
    dictionary: Option<Dictionary>,
}

/// Raw output of one scan: resolved candidates and classification keyword hits.
#[derive(Default)]
pub(crate) struct Detection {
    pub candidates: Vec<Candidate>,
    pub keywords: Vec<KeywordHit>,
}

impl Detector {
    /// Compiles the detector. `keywords` are the classification phrases (matched ignoring ASCII
    /// case, as whole words); `dictionaries` the operator term lists.
    pub(crate) fn new<'k>(
        keywords: impl IntoIterator<Item = &'k str>,
        dictionaries: &[TermList],
    ) -> Detector {
        Detector {
            triggers: Triggers::new(recognizers::literal_rules(), keywords),
            word_rules: recognizers::word_rules().collect(),
            text_rules: recognizers::text_rules().collect(),
            context: recognizers::context_words().collect(),
            dictionary: Dictionary::new(dictionaries),
        }
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
        let mut out = Detection::default();
        let candidates = &mut out.candidates;
        self.triggers.run(text, candidates, &mut out.keywords);
        if !self.word_rules.is_empty() {
            for word in Words::new(text) {
                for rule in &self.word_rules {
                    (rule.recognize)(text, &word, candidates);
                }
            }
        }
        for rule in &self.text_rules {
            (rule.recognize)(text, candidates);
        }
        for candidate in candidates.iter_mut() {
            context::adjust(text, candidate, &self.context);
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
