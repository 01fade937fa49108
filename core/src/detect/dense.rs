//! A dense, premultiplied copy of an Aho-Corasick DFA for the hottest loop of the scan.
//!
//! `aho-corasick` builds the automaton (with ASCII case folding and overlapping-match
//! semantics); this module walks it once and lays it out so that the search loop is one class
//! lookup, one table lookup and one comparison per byte: states are renumbered so that every
//! match state comes after every other state, and ids are premultiplied by the class count.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::Anchored;
use std::collections::HashMap;

pub(crate) struct DenseDfa {
    /// Byte → equivalence class.
    classes: [u8; 256],
    /// Number of classes (the stride of `table`).
    stride: usize,
    /// `table[state + class]` is the next state (premultiplied).
    table: Vec<u32>,
    /// Start state (premultiplied).
    start: u32,
    /// Every state `>= first_match` is a match state.
    first_match: u32,
    /// For match state `(s - first_match) / stride`: its (pattern id, pattern length) pairs.
    matches: Vec<Vec<(u32, u32)>>,
    /// Length of the longest pattern: a lane started this many bytes early (minus one) is in
    /// the same state as a scan from the text's start by the time it reaches its own bytes.
    max_len: usize,
    /// The bytes that leave the start state, when they are few (see [`Skip`]).
    skip: Option<Skip>,
}

/// At most three bytes leave the start state (a small policy's triggers: `@`, `://`): from the
/// start state the search jumps to the next of them with `memchr` instead of stepping through
/// every byte, so text without them is passed over at memory speed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Skip {
    /// No pattern: nothing ever leaves the start state.
    Nothing,
    One(u8),
    Two(u8, u8),
    Three(u8, u8, u8),
}

impl Skip {
    /// Picks the jump for `bytes` (the bytes that leave the start state), if they are few.
    fn new(bytes: &[u8]) -> Option<Skip> {
        match *bytes {
            [] => Some(Skip::Nothing),
            [a] => Some(Skip::One(a)),
            [a, b] => Some(Skip::Two(a, b)),
            [a, b, c] => Some(Skip::Three(a, b, c)),
            _ => None,
        }
    }

    #[inline]
    fn find(self, haystack: &[u8]) -> Option<usize> {
        match self {
            Skip::Nothing => None,
            Skip::One(a) => memchr::memchr(a, haystack),
            Skip::Two(a, b) => memchr::memchr2(a, b, haystack),
            Skip::Three(a, b, c) => memchr::memchr3(a, b, c, haystack),
        }
    }
}

/// Lanes of the long-text walk.
const LANES: usize = 4;

/// Texts shorter than this are scanned in one lane: splitting them gains nothing.
const MIN_LANE_TEXT: usize = 256;

impl DenseDfa {
    /// Copies `dfa`, whose patterns are `patterns` (used for the byte classes).
    pub(crate) fn new(dfa: &DFA, patterns: &[&[u8]]) -> DenseDfa {
        // Bytes that occur in no pattern (in either ASCII case) behave identically everywhere.
        let mut classes = [0u8; 256];
        let mut next_class = 1u16;
        for byte in patterns.iter().flat_map(|p| p.iter()) {
            for b in [byte.to_ascii_lowercase(), byte.to_ascii_uppercase()] {
                if classes[b as usize] == 0 {
                    let lower = b.to_ascii_lowercase() as usize;
                    let upper = b.to_ascii_uppercase() as usize;
                    let class = if classes[lower] != 0 {
                        classes[lower]
                    } else if classes[upper] != 0 {
                        classes[upper]
                    } else {
                        let c = next_class as u8;
                        next_class += 1;
                        c
                    };
                    classes[b as usize] = class;
                }
            }
        }
        let stride = next_class as usize;
        assert!(stride <= 256, "more byte classes than bytes");
        let mut representative = vec![0u8; stride];
        for b in (0..=255u8).rev() {
            representative[classes[b as usize] as usize] = b;
        }

        // Breadth-first walk from the start state.
        let start = dfa
            .start_state(Anchored::No)
            .expect("unanchored start state exists");
        let mut order: Vec<StateID> = vec![start];
        let mut index: HashMap<StateID, usize> = HashMap::from([(start, 0)]);
        let mut next: Vec<Vec<StateID>> = Vec::new();
        let mut i = 0;
        while i < order.len() {
            let sid = order[i];
            let row: Vec<StateID> = representative
                .iter()
                .map(|&b| dfa.next_state(Anchored::No, sid, b))
                .collect();
            for &to in &row {
                index.entry(to).or_insert_with(|| {
                    order.push(to);
                    order.len() - 1
                });
            }
            next.push(row);
            i += 1;
        }

        // Renumber: non-match states first, then match states from the next power of two on,
        // so that "is any of the lanes' states a match" is one OR and one comparison (every
        // non-match id has only the bits below it). The gap is never read.
        let is_match = |sid: StateID| dfa.is_special(sid) && dfa.is_match(sid);
        let mut dense = vec![0u32; order.len()];
        let (plain, matching): (Vec<usize>, Vec<usize>) =
            (0..order.len()).partition(|&k| !is_match(order[k]));
        let first_match = (plain.len() * stride).next_power_of_two();
        for (n, &k) in plain.iter().enumerate() {
            dense[k] = (n * stride) as u32;
        }
        for (n, &k) in matching.iter().enumerate() {
            dense[k] = (first_match + n * stride) as u32;
        }
        let mut table = vec![0u32; first_match + matching.len() * stride];
        for (k, row) in next.iter().enumerate() {
            let base = dense[k] as usize;
            for (class, to) in row.iter().enumerate() {
                table[base + class] = dense[index[to]];
            }
        }
        let matches = matching
            .iter()
            .map(|&k| {
                let sid = order[k];
                (0..dfa.match_len(sid))
                    .map(|m| {
                        let pid = dfa.match_pattern(sid, m);
                        (pid.as_u32(), dfa.pattern_len(pid) as u32)
                    })
                    .collect()
            })
            .collect();
        let start = dense[0];
        let leaving: Vec<u8> = (0..=255u8)
            .filter(|&b| table[start as usize + classes[b as usize] as usize] != start)
            .collect();
        DenseDfa {
            classes,
            stride,
            table,
            start,
            first_match: first_match as u32,
            matches,
            max_len: patterns.iter().map(|p| p.len()).max().unwrap_or(0),
            skip: Skip::new(&leaving),
        }
    }

    /// Calls `on_match(pattern, start, end)` for every pattern occurrence, overlapping ones too,
    /// in order of their end.
    ///
    /// One DFA walk is a chain of dependent loads (each state is needed to find the next), so a
    /// single walk waits on memory latency at every byte. The text is cut into four lanes walked
    /// in lockstep: four independent chains keep the load ports busy and run about as fast per
    /// byte as one. Each lane after the first starts `max_len - 1` bytes before its own part, so
    /// it is in the right state there, and reports only matches ending inside its part; its
    /// matches are buffered (they are rare) and handed out lane after lane, in text order.
    #[inline]
    pub(crate) fn for_each_match(
        &self,
        text: &[u8],
        mut on_match: impl FnMut(usize, usize, usize),
    ) {
        if let Some(skip) = self.skip {
            self.walk_skipping(skip, text, &mut on_match);
            return;
        }
        if text.len() < MIN_LANE_TEXT || text.len() < 8 * self.max_len {
            self.walk(text, &mut on_match);
            return;
        }
        for found in &self.walk_lanes(text) {
            for &(pattern, len, end) in found {
                on_match(pattern as usize, end - len as usize, end);
            }
        }
    }

    /// The four-lane walk of [`Self::for_each_match`]: each lane's matches, in text order.
    /// Out of line, so that what the caller inlines around it does not take its registers.
    #[inline(never)]
    fn walk_lanes(&self, text: &[u8]) -> [Vec<(u32, u32, usize)>; LANES] {
        let bounds: [usize; LANES + 1] = std::array::from_fn(|k| k * text.len() / LANES);
        // Lane k walks from `from[k]` and reports matches ending after `bounds[k]`.
        let from: [usize; LANES] =
            std::array::from_fn(|k| bounds[k].saturating_sub(self.max_len.saturating_sub(1)));
        let common = (0..LANES)
            .map(|k| bounds[k + 1] - from[k])
            .min()
            .unwrap_or(0);
        let mut found: [Vec<(u32, u32, usize)>; LANES] = Default::default();
        // States are held as `usize` in the loop: a loaded `u32` is already zero-extended, so a
        // step is load, load, add, load, with no widening move.
        let mut states = [self.start as usize; LANES];
        let lanes: [&[u8]; LANES] = std::array::from_fn(|k| &text[from[k]..from[k] + common]);
        let (classes, table) = (&self.classes, &self.table[..]);
        let first_match = self.first_match as usize;
        // Only indices, the four states and the tables live in the loop: the rare match is
        // handled out of line, so nothing spills to the stack.
        for i in 0..common {
            let step = |state: usize, lane: &[u8]| {
                // SAFETY: every lane holds `common` bytes; states and classes as in `step`.
                unsafe {
                    let class = *classes.get_unchecked(*lane.get_unchecked(i) as usize);
                    *table.get_unchecked(state + class as usize) as usize
                }
            };
            states = [
                step(states[0], lanes[0]),
                step(states[1], lanes[1]),
                step(states[2], lanes[2]),
                step(states[3], lanes[3]),
            ];
            if (states[0] | states[1] | states[2] | states[3]) >= first_match {
                self.record_lanes(states.map(|s| s as u32), i, &from, &bounds, &mut found);
            }
        }
        for k in 0..LANES {
            let mut state = states[k] as u32;
            let rest = from[k] + common..bounds[k + 1];
            for (at, &byte) in rest.clone().zip(&text[rest]) {
                state = self.step(state, byte);
                if state >= self.first_match {
                    self.record(state, at, bounds[k], &mut found[k]);
                }
            }
        }
        found
    }

    /// One lane over the whole text, reporting as it goes: used for short texts.
    #[inline]
    fn walk(&self, text: &[u8], on_match: &mut impl FnMut(usize, usize, usize)) {
        let mut state = self.start;
        for (at, &byte) in text.iter().enumerate() {
            state = self.step(state, byte);
            if state >= self.first_match {
                let k = (state - self.first_match) as usize / self.stride;
                for &(pattern, len) in &self.matches[k] {
                    on_match(pattern as usize, at + 1 - len as usize, at + 1);
                }
            }
        }
    }

    /// One walk that jumps over the bytes that cannot leave the start state. Out of line: the
    /// lane loop of [`Self::for_each_match`] keeps its registers to itself.
    #[inline(never)]
    fn walk_skipping(
        &self,
        skip: Skip,
        text: &[u8],
        on_match: &mut impl FnMut(usize, usize, usize),
    ) {
        let mut state = self.start;
        let mut at = 0;
        while at < text.len() {
            if state == self.start {
                match skip.find(&text[at..]) {
                    Some(next) => at += next,
                    None => return,
                }
            }
            state = self.step(state, text[at]);
            if state >= self.first_match {
                let k = (state - self.first_match) as usize / self.stride;
                for &(pattern, len) in &self.matches[k] {
                    on_match(pattern as usize, at + 1 - len as usize, at + 1);
                }
            }
            at += 1;
        }
    }

    /// True when the walk jumps between the few bytes that start a pattern.
    #[cfg(test)]
    pub(crate) fn skips(&self) -> bool {
        self.skip.is_some()
    }

    #[inline(always)]
    fn step(&self, state: u32, byte: u8) -> u32 {
        let at = state as usize + self.classes[byte as usize] as usize;
        debug_assert!(at < self.table.len());
        // SAFETY: every state id in the table (and `start`) is the start of a row of `stride`
        // entries inside the table (`k * stride`, or `first_match + k * stride` for match
        // states), and every class is `< stride` (see `new`), so `at` is in bounds. This is the
        // innermost loop of every scan; the bounds check costs ~30%.
        unsafe { *self.table.get_unchecked(at) }
    }

    /// Buffers the matches of the lanes in a match state after their `i`-th byte.
    #[cold]
    #[inline(never)]
    fn record_lanes(
        &self,
        states: [u32; LANES],
        i: usize,
        from: &[usize; LANES],
        bounds: &[usize; LANES + 1],
        found: &mut [Vec<(u32, u32, usize)>; LANES],
    ) {
        for k in 0..LANES {
            if states[k] >= self.first_match {
                self.record(states[k], from[k] + i, bounds[k], &mut found[k]);
            }
        }
    }

    /// Buffers the matches of match state `state` reached at byte `at`, keeping those that end
    /// after `report_after` (earlier ones belong to the previous lane).
    #[cold]
    fn record(
        &self,
        state: u32,
        at: usize,
        report_after: usize,
        found: &mut Vec<(u32, u32, usize)>,
    ) {
        if at < report_after {
            return;
        }
        let k = (state - self.first_match) as usize / self.stride;
        found.extend(
            self.matches[k]
                .iter()
                .map(|&(pattern, len)| (pattern, len, at + 1)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dense(patterns: &[&[u8]]) -> DenseDfa {
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .prefilter(false)
            .build(patterns)
            .unwrap();
        DenseDfa::new(&dfa, patterns)
    }

    fn all(dfa: &DenseDfa, text: &[u8], lanes: bool) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        if lanes {
            dfa.for_each_match(text, |p, s, e| out.push((p, s, e)));
        } else {
            dfa.walk(text, &mut |p, s, e| out.push((p, s, e)));
        }
        out
    }

    proptest! {
        /// Lanes find exactly what one walk finds, in the same order, matches across lane
        /// boundaries included (the text is made of pattern pieces, so matches are dense).
        #[test]
        fn lanes_equal_one_walk(pieces in proptest::collection::vec(0usize..6, 0..900)) {
            let patterns: [&[u8]; 5] = [b"ab", b"abcab", b"hooks.slack.com/services/", b"B", b"ca"];
            let alphabet: [&[u8]; 6] = [b"a", b"b", b"c", b"hooks.slack.com/", b"SERVICES/", b" "];
            let text: Vec<u8> = pieces.iter().flat_map(|&i| alphabet[i].iter().copied()).collect();
            let dfa = dense(&patterns);
            prop_assert_eq!(all(&dfa, &text, true), all(&dfa, &text, false));
        }

        /// Jumping between the bytes that start a pattern finds what stepping through every
        /// byte finds.
        #[test]
        fn skipping_equals_one_walk(pieces in proptest::collection::vec(0usize..7, 0..300)) {
            let patterns: [&[u8]; 4] = [b"@", b"://", b"@@x", b":/:"];
            let alphabet: [&[u8]; 7] = [b"@", b":", b"/", b"x", b"X", b"abc ", b"://"];
            let text: Vec<u8> = pieces.iter().flat_map(|&i| alphabet[i].iter().copied()).collect();
            let dfa = dense(&patterns);
            prop_assert_eq!(dfa.skip, Some(Skip::Two(b':', b'@')));
            let mut skipped = Vec::new();
            dfa.walk_skipping(dfa.skip.unwrap(), &text, &mut |p, s, e| skipped.push((p, s, e)));
            prop_assert_eq!(skipped, all(&dfa, &text, false));
        }
    }

    #[test]
    fn many_start_bytes_or_none() {
        assert_eq!(dense(&[b"ab", b"cd", b"ef", b"gh"]).skip, None);
        assert_eq!(
            dense(&[b"ab"]).skip,
            Some(Skip::Two(b'A', b'a')),
            "both cases leave start"
        );
        let nothing = dense(&[]);
        assert_eq!(nothing.skip, Some(Skip::Nothing));
        assert!(all(&nothing, b"anything at all", true).is_empty());
    }
}
