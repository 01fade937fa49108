//! Classifications: a level and the reasons for it.

use crate::engine::{SovereignLevel, SovereignStr};
use crate::error::{guard, Failure, SovereignStatus};
use crate::handles::{write_out, Registry};
use sovereign::{Classification, Reason};

/// A text's level and the reasons for it, highest level first.
pub struct SovereignClassification(pub(crate) Classification);

pub(crate) static CLASSIFICATIONS: Registry = Registry::new("classification");

/// What a reason is about.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SovereignReasonSource {
    /// An entity type was found (`name` is its id).
    SOVEREIGN_REASON_ENTITY = 0,
    /// A keyword rule matched (`name` is its phrase).
    SOVEREIGN_REASON_KEYWORD = 1,
}

/// One reason. `name` is valid until the classification is freed.
#[repr(C)]
pub struct SovereignReason {
    /// Entity or keyword.
    pub source: SovereignReasonSource,
    /// Entity type id or keyword phrase (UTF-8).
    pub name: SovereignStr,
    /// How many times it occurs.
    pub count: usize,
    /// The level it gives.
    pub level: SovereignLevel,
}

/// The level of a classification.
#[no_mangle]
pub unsafe extern "C" fn sovereign_classification_level(
    classification: *const SovereignClassification,
    level: *mut SovereignLevel,
) -> SovereignStatus {
    guard(|| {
        write_out(
            level,
            CLASSIFICATIONS.get(classification)?.0.level.into(),
            "level",
        )
    })
}

/// Number of reasons.
#[no_mangle]
pub unsafe extern "C" fn sovereign_classification_reasons_len(
    classification: *const SovereignClassification,
    len: *mut usize,
) -> SovereignStatus {
    guard(|| {
        write_out(
            len,
            CLASSIFICATIONS.get(classification)?.0.reasons.len(),
            "len",
        )
    })
}

/// Copies reason `index` into `out`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_classification_reason(
    classification: *const SovereignClassification,
    index: usize,
    out: *mut SovereignReason,
) -> SovereignStatus {
    guard(|| {
        let reasons = &CLASSIFICATIONS.get(classification)?.0.reasons;
        let reason = reasons.get(index).ok_or_else(|| {
            Failure(
                SovereignStatus::SOVEREIGN_INVALID_ARGUMENT,
                format!("index {index} out of range (len {})", reasons.len()),
            )
        })?;
        let (source, name, count) = match reason {
            Reason::Entity { kind, count, .. } => (
                SovereignReasonSource::SOVEREIGN_REASON_ENTITY,
                kind.id(),
                *count,
            ),
            Reason::Keyword { phrase, count, .. } => (
                SovereignReasonSource::SOVEREIGN_REASON_KEYWORD,
                phrase.as_str(),
                *count,
            ),
        };
        let out_reason = SovereignReason {
            source,
            name: SovereignStr {
                ptr: name.as_ptr(),
                len: name.len(),
            },
            count,
            level: reason.level().into(),
        };
        write_out(out, out_reason, "out")
    })
}

/// Frees a classification. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn sovereign_classification_free(
    classification: *mut SovereignClassification,
) -> SovereignStatus {
    guard(|| CLASSIFICATIONS.remove(classification))
}
