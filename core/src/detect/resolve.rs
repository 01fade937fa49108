//! Overlap resolution: one finding per span, chosen deterministically.
//!
//! Preference order: validated beats unvalidated, longer beats shorter, higher score beats lower,
//! then earlier start and catalogue order break ties, so the same input always gives the same
//! findings whatever order recognizers ran in.

use super::Candidate;
use std::cmp::Ordering;
use std::collections::BTreeMap;

fn preference(a: &Candidate, b: &Candidate) -> Ordering {
    b.validated
        .cmp(&a.validated)
        .then_with(|| (b.end - b.start).cmp(&(a.end - a.start)))
        .then_with(|| b.score.total_cmp(&a.score))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| a.kind.cmp(&b.kind))
}

/// Keeps the preferred candidate of every overlapping group; returns them sorted by start.
/// Every candidate must be non-empty (`start < end`).
pub(crate) fn resolve(candidates: &mut Vec<Candidate>) {
    if candidates.len() < 2 {
        return;
    }
    // Mostly no two candidates overlap (recognizers rarely read the same bytes): then every one
    // is kept, and sorting them by start is all there is to do. Non-empty spans with one start
    // overlap, so the order is fully decided.
    candidates.sort_unstable_by_key(|c| c.start);
    if candidates
        .windows(2)
        .all(|pair| pair[0].end <= pair[1].start)
    {
        return;
    }
    resolve_overlaps(candidates);
}

/// [`resolve`] for candidates of which some overlap.
fn resolve_overlaps(candidates: &mut Vec<Candidate>) {
    candidates.sort_unstable_by(preference);
    // Accepted spans by start: an ordered map, so each overlap test and insertion is
    // logarithmic (a sorted vector would shift half of itself per insertion: quadratic in the
    // number of candidates of a large text).
    let mut accepted: BTreeMap<usize, Candidate> = BTreeMap::new();
    for c in candidates.drain(..) {
        let overlaps_prev = accepted
            .range(..=c.start)
            .next_back()
            .is_some_and(|(_, a)| a.end > c.start);
        let overlaps_next = accepted
            .range(c.start..)
            .next()
            .is_some_and(|(&start, _)| start < c.end);
        if !overlaps_prev && !overlaps_next {
            accepted.insert(c.start, c);
        }
    }
    candidates.extend(accepted.into_values());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::EntityKind;

    proptest::proptest! {
        /// Candidates none of which overlap are kept as they are, sorted by start: what the
        /// general pass gives them too.
        #[test]
        fn disjoint_candidates_skip_the_general_pass(
            spans in proptest::collection::vec((0usize..60, 1usize..8, 0usize..3), 0..24),
        ) {
            let kinds = [EntityKind::Phone, EntityKind::Email, EntityKind::CreditCard];
            let candidates: Vec<Candidate> = spans
                .iter()
                .map(|&(start, len, k)| Candidate::new(kinds[k], start, start + len, 0.5, "t"))
                .collect();
            let mut fast = candidates.clone();
            resolve(&mut fast);
            let mut general = candidates;
            if general.len() >= 2 {
                resolve_overlaps(&mut general);
            }
            proptest::prop_assert_eq!(fast, general);
        }
    }

    #[test]
    fn validated_and_longer_win() {
        let mut v = vec![
            Candidate::new(EntityKind::Phone, 0, 10, 0.9, "phone"),
            Candidate::new(EntityKind::CreditCard, 0, 19, 0.9, "card").validated(),
            Candidate::new(EntityKind::UsBankAccount, 5, 12, 0.99, "acct"),
            Candidate::new(EntityKind::Email, 20, 30, 0.9, "email"),
        ];
        resolve(&mut v);
        let kinds: Vec<_> = v.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [EntityKind::CreditCard, EntityKind::Email]);
    }
}
