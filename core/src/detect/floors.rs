//! The lowest score a candidate of each type can be recognized with and still be kept: the
//! policy's threshold, less what context words can add afterwards ([`super::context::adjust`]);
//! infinite for a disabled type. A rule whose candidate can only be kept with its keyword near
//! looks for the keyword first and skips the checksum when it is absent, which is the common
//! case: a shop's text is full of 9-digit order numbers that pass some national id's checksum.

use crate::catalogue::{EntityKind, ALL};

pub(crate) struct Floors([f32; ALL.len()]);

impl Floors {
    /// `threshold` gives each type's threshold (`None` when disabled); `raises` how many
    /// context entries can raise its score by [`super::context::RAISE`].
    pub(crate) fn new(
        threshold: impl Fn(EntityKind) -> Option<f32>,
        raises: impl Fn(EntityKind) -> usize,
    ) -> Floors {
        Floors(std::array::from_fn(|i| {
            let kind = ALL[i];
            match threshold(kind) {
                // A hair lower than the exact difference: `s + r >= t` and `s >= t - r` may
                // round apart, and a floor must never drop what the threshold keeps.
                Some(t) => t - raises(kind) as f32 * super::context::RAISE - 1e-4,
                None => f32::INFINITY,
            }
        }))
    }

    /// True when a candidate of `kind` scored `score` may still be kept.
    #[inline]
    pub(crate) fn may_keep(&self, kind: EntityKind, score: f32) -> bool {
        score >= self.0[kind as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_follow_thresholds_raises_and_disabled_types() {
        let floors = Floors::new(
            |k| (k != EntityKind::Iban).then_some(0.5),
            |k| usize::from(k == EntityKind::CardCvv),
        );
        assert!(
            floors.may_keep(EntityKind::UsSsn, 0.5) && !floors.may_keep(EntityKind::UsSsn, 0.3)
        );
        assert!(
            floors.may_keep(EntityKind::CardCvv, 0.25),
            "a raising word adds 0.25"
        );
        assert!(!floors.may_keep(EntityKind::CardCvv, 0.2));
        assert!(!floors.may_keep(EntityKind::Iban, 1.0), "disabled");
    }
}
