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
}

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

        // Renumber: non-match states first, then match states.
        let is_match = |sid: StateID| dfa.is_special(sid) && dfa.is_match(sid);
        let mut dense = vec![0u32; order.len()];
        let (plain, matching): (Vec<usize>, Vec<usize>) =
            (0..order.len()).partition(|&k| !is_match(order[k]));
        for (n, &k) in plain.iter().chain(&matching).enumerate() {
            dense[k] = (n * stride) as u32;
        }
        let mut table = vec![0u32; order.len() * stride];
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
        DenseDfa {
            classes,
            stride,
            table,
            start: dense[0],
            first_match: (plain.len() * stride) as u32,
            matches,
        }
    }

    /// Calls `on_match(pattern, start, end)` for every pattern occurrence, overlapping ones too,
    /// in order of their end.
    #[inline]
    pub(crate) fn for_each_match(
        &self,
        text: &[u8],
        mut on_match: impl FnMut(usize, usize, usize),
    ) {
        let (table, classes) = (&self.table[..], &self.classes);
        let mut state = self.start;
        for (i, &byte) in text.iter().enumerate() {
            let at = state as usize + classes[byte as usize] as usize;
            debug_assert!(at < table.len());
            // SAFETY: every state id in the table (and `start`) is `k * stride` for a state
            // `k < table.len() / stride`, and every class is `< stride` (see `new`), so `at` is
            // in bounds. This is the innermost loop of every scan; the bounds check costs ~30%.
            state = unsafe { *table.get_unchecked(at) };
            if state >= self.first_match {
                let k = (state - self.first_match) as usize / self.stride;
                for &(pattern, len) in &self.matches[k] {
                    on_match(pattern as usize, i + 1 - len as usize, i + 1);
                }
            }
        }
    }
}
