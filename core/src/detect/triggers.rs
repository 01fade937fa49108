//! The literal-trigger pass: one Aho-Corasick automaton over every recognizer's literal and every
//! classification keyword, run once over the text.
//!
//! The automaton is a DFA driven by a hand-written loop (one table lookup per byte, a branch only
//! in match states) rather than the crate's overlapping iterator, which does several times more
//! work per byte. Every literal ending at a position is reported, as overlapping search would.

use super::{Candidate, LiteralRule};
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

/// What a literal in the automaton stands for.
#[derive(Clone, Copy)]
enum Target {
    Rule(&'static LiteralRule),
    Keyword(usize),
}

/// A hit of a classification keyword: its index in the list given to [`Triggers::new`] and span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeywordHit {
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

pub(crate) struct Triggers {
    automaton: DFA,
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
        let all = patterns
            .into_iter()
            .chain(keyword_patterns.iter().map(Vec::as_slice));
        // A few hundred short literals: the full DFA stays well under a megabyte.
        let automaton = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(all)
            .expect("trigger literals are few and short");
        Triggers { automaton, targets }
    }

    /// Runs every literal rule at its hits and reports keyword hits.
    pub(crate) fn run(
        &self,
        text: &[u8],
        out: &mut Vec<Candidate>,
        keywords: &mut Vec<KeywordHit>,
    ) {
        let dfa = &self.automaton;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return;
        };
        for (i, &byte) in text.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, byte);
            if dfa.is_special(sid) && dfa.is_match(sid) {
                let end = i + 1;
                for k in 0..dfa.match_len(sid) {
                    let pattern = dfa.match_pattern(sid, k);
                    let start = end - dfa.pattern_len(pattern);
                    self.dispatch(text, pattern.as_usize(), start, end, out, keywords);
                }
            }
        }
    }

    fn dispatch(
        &self,
        text: &[u8],
        pattern: usize,
        start: usize,
        end: usize,
        out: &mut Vec<Candidate>,
        keywords: &mut Vec<KeywordHit>,
    ) {
        match self.targets[pattern] {
            Target::Rule(rule) => (rule.recognize)(text, start, end, out),
            Target::Keyword(index) => {
                if is_word_at(text, start, end) {
                    keywords.push(KeywordHit { index, start, end });
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
