//! Overlap resolution: one finding per span, chosen deterministically.
//!
//! Preference order: validated beats unvalidated, longer beats shorter, higher score beats lower,
//! then earlier start and catalogue order break ties, so the same input always gives the same
//! findings whatever order recognizers ran in.

use super::Candidate;
use std::cmp::Ordering;

fn preference(a: &Candidate, b: &Candidate) -> Ordering {
    b.validated
        .cmp(&a.validated)
        .then_with(|| (b.end - b.start).cmp(&(a.end - a.start)))
        .then_with(|| b.score.total_cmp(&a.score))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| a.kind.cmp(&b.kind))
}

/// Keeps the preferred candidate of every overlapping group; returns them sorted by start.
pub(crate) fn resolve(candidates: &mut Vec<Candidate>) {
    if candidates.len() < 2 {
        return;
    }
    candidates.sort_unstable_by(preference);
    // Accepted spans, kept sorted by start for a binary-search overlap test.
    let mut accepted: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates.drain(..) {
        let i = accepted.partition_point(|a| a.start < c.start);
        let overlaps_prev = i > 0 && accepted[i - 1].end > c.start;
        let overlaps_next = i < accepted.len() && accepted[i].start < c.end;
        if !overlaps_prev && !overlaps_next {
            accepted.insert(i, c);
        }
    }
    *candidates = accepted;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::EntityKind;

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
