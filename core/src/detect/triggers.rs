//! The literal-trigger pass: one Aho-Corasick automaton over every recognizer's literal and every
//! classification keyword, run once over the text.
//!
//! The automaton is built by `aho-corasick` and then copied into a [`DenseDfa`] whose search loop
//! does one table lookup per byte; the crate's own overlapping iterator does several times more
//! work per byte. Every literal ending at a position is reported, as overlapping search would.

use super::dense::DenseDfa;
use super::{Candidate, LiteralRule};
use aho_corasick::dfa::DFA;
use aho_corasick::{MatchKind, StartKind};

/// What a literal in the automaton stands for.
#[derive(Clone, Copy)]
enum Target {
    Rule(&'static LiteralRule),
    Keyword(usize),
    /// The first segment of an entity id, where a placeholder-shaped label could be read.
    LabelHead,
}

/// What the literal pass reports besides candidates.
#[derive(Debug, Default)]
pub(crate) struct Hits {
    /// Classification keyword hits, whole words only.
    pub keywords: Vec<KeywordHit>,
    /// Word starts where an entity id's first segment begins (see `vault::label::id_heads`).
    pub label_heads: Vec<usize>,
}

/// A hit of a classification keyword: its index in the list given to [`Triggers::new`] and span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeywordHit {
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

pub(crate) struct Triggers {
    automaton: DenseDfa,
    targets: Vec<Target>,
}

impl Triggers {
    /// Builds the automaton from recognizer literals and classification keywords (both matched
    /// ignoring ASCII case).
    pub(crate) fn new<'r>(
        rules: impl IntoIterator<Item = &'static LiteralRule>,
        keywords: impl IntoIterator<Item = &'r str>,
    ) -> Triggers {
        let mut patterns: Vec<&[u8]> = Vec::new();
        let mut targets = Vec::new();
        let mut keyword_patterns: Vec<Vec<u8>> = Vec::new();
        for rule in rules {
            patterns.push(rule.literal.as_bytes());
            targets.push(Target::Rule(rule));
        }
        for (i, keyword) in keywords.into_iter().enumerate() {
            keyword_patterns.push(keyword.as_bytes().to_vec());
            targets.push(Target::Keyword(i));
        }
        let heads = crate::vault::label::id_heads();
        targets.extend(heads.iter().map(|_| Target::LabelHead));
        patterns.extend(keyword_patterns.iter().map(Vec::as_slice));
        patterns.extend(heads.iter().map(|h| h.as_bytes()));
        // A few hundred short literals: the full DFA stays well under a megabyte.
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(&patterns)
            .expect("trigger literals are few and short");
        Triggers {
            automaton: DenseDfa::new(&dfa, &patterns),
            targets,
        }
    }

    /// Runs every literal rule at its hits and reports keyword and label-head hits.
    pub(crate) fn run(&self, text: &[u8], out: &mut Vec<Candidate>, hits: &mut Hits) {
        self.automaton.for_each_match(text, |pattern, start, end| {
            self.dispatch(text, pattern, start, end, out, hits)
        });
        // Heads of different lengths are reported in order of their end.
        hits.label_heads.sort_unstable();
    }

    fn dispatch(
        &self,
        text: &[u8],
        pattern: usize,
        start: usize,
        end: usize,
        out: &mut Vec<Candidate>,
        hits: &mut Hits,
    ) {
        match self.targets[pattern] {
            Target::Rule(rule) => (rule.recognize)(text, start, end, out),
            Target::Keyword(index) => {
                if is_word_at(text, start, end) {
                    hits.keywords.push(KeywordHit { index, start, end });
                }
            }
            Target::LabelHead => {
                if start == 0 || !crate::vault::label::is_word(text[start - 1]) {
                    hits.label_heads.push(start);
                }
            }
        }
    }
}

/// True when `start..end` is not glued to ASCII alphanumerics on either side.
pub(crate) fn is_word_at(text: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || !text[start - 1].is_ascii_alphanumeric();
    let after_ok = end >= text.len() || !text[end].is_ascii_alphanumeric();
    before_ok && after_ok
}
