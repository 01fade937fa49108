//! The literal-trigger pass: one Aho-Corasick automaton over every recognizer's literal and every
//! classification keyword, run once over the text.
//!
//! The automaton is built by `aho-corasick` and then copied into a [`DenseDfa`] whose search loop
//! does one table lookup per byte; the crate's own overlapping iterator does several times more
//! work per byte. Every literal ending at a position is reported, as overlapping search would.

use super::dense::DenseDfa;
use super::{Candidate, LiteralRule};
use crate::catalogue::KindSet;
use crate::vault::heads::PairSearch;
use crate::vault::label;
use aho_corasick::dfa::DFA;
use aho_corasick::{MatchKind, StartKind};
use std::borrow::Cow;

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
    /// Set when the label heads are not in the automaton (see [`crate::vault::heads`]).
    heads: Option<PairSearch>,
}

impl Triggers {
    /// Builds the automaton from recognizer literals and classification keywords (both matched
    /// ignoring ASCII case), and the label heads of the `kinds` labels may be handed out for.
    ///
    /// The heads go into the automaton unless leaving them out lets the walk jump between a
    /// few bytes (a small policy: `@` for e-mail and nothing else): then they are searched for
    /// apart, and only when a text has something to redact.
    pub(crate) fn new<'r>(
        rules: impl IntoIterator<Item = &'static LiteralRule>,
        keywords: impl IntoIterator<Item = &'r str>,
        kinds: KindSet,
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
        patterns.extend(keyword_patterns.iter().map(Vec::as_slice));
        let heads = crate::vault::label::id_heads(kinds.iter());
        let search = PairSearch::new(&heads).filter(|_| few_first_bytes(&patterns));
        if search.is_none() {
            targets.extend(heads.iter().map(|_| Target::LabelHead));
            patterns.extend(heads.iter().map(|h| h.as_bytes()));
        }
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
            heads: search,
        }
    }

    /// The label heads of `text` (ascending): those the scan reported in `hits`, or, when
    /// they are not in the automaton, a search of their own.
    pub(crate) fn label_heads<'h>(&self, text: &[u8], hits: &'h Hits) -> Cow<'h, [usize]> {
        match &self.heads {
            None => Cow::Borrowed(&hits.label_heads),
            Some(search) => {
                let mut heads = Vec::with_capacity(16);
                search.find(text, &mut heads);
                Cow::Owned(heads)
            }
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
                // An id's first segment is followed by a separator in every spelling of a
                // label ("mac address 1", "IBAN_2"): "Machine" or "Credited" start none.
                let word_start = start == 0 || !label::is_word(text[start - 1]);
                if word_start && text.get(end).is_some_and(|&b| label::is_separator(b)) {
                    hits.label_heads.push(start);
                }
            }
        }
    }
}

/// True when the patterns start with at most three different bytes, counting both ASCII cases:
/// then the walk can jump between them (see `DenseDfa`).
fn few_first_bytes(patterns: &[&[u8]]) -> bool {
    let mut first: Vec<u8> = patterns
        .iter()
        .filter_map(|p| p.first())
        .flat_map(|b| [b.to_ascii_lowercase(), b.to_ascii_uppercase()])
        .collect();
    first.sort_unstable();
    first.dedup();
    first.len() <= 3
}

/// True when `start..end` is not glued to ASCII alphanumerics on either side.
pub(crate) fn is_word_at(text: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || !text[start - 1].is_ascii_alphanumeric();
    let after_ok = end >= text.len() || !text[end].is_ascii_alphanumeric();
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::EntityKind;
    use crate::detect::recognizers;

    fn triggers(kinds: &[EntityKind], keywords: &[&str]) -> Triggers {
        let kinds = KindSet::from_fn(|k| kinds.contains(&k));
        Triggers::new(
            recognizers::tables(kinds).literals,
            keywords.iter().copied(),
            kinds,
        )
    }

    #[test]
    fn a_small_policy_jumps_and_searches_heads_apart() {
        let email = triggers(&[EntityKind::Email, EntityKind::CreditCard], &[]);
        assert!(email.automaton.skips(), "only '@' starts a trigger");
        assert!(email.heads.is_some());
        let text = b"mail jane@example.com, not [EMAIL_1] or credit card 4";
        let hits = Hits::default();
        let heads: Vec<&[u8]> = email
            .label_heads(text, &hits)
            .iter()
            .map(|&i| &text[i..i + 4])
            .collect();
        assert_eq!(heads, [&b"EMAI"[..], b"cred"]);
    }

    #[test]
    fn keywords_or_many_types_keep_heads_in_the_automaton() {
        let keyworded = triggers(&[EntityKind::Email], &["confidential", "salary"]);
        assert!(keyworded.heads.is_none() && !keyworded.automaton.skips());
        let all = triggers(crate::catalogue::ALL, &[]);
        assert!(all.heads.is_none());
        let mut hits = Hits::default();
        let text = b"see EMAIL_1 here";
        all.run(text, &mut Vec::new(), &mut hits);
        assert_eq!(&*all.label_heads(text, &hits), &[4]);
    }
}
