//! Findings: a list handle with indexed access to plain C structs.

use crate::engine::{SovereignLevel, SovereignStr};
use crate::error::{guard, Failure, SovereignStatus};
use crate::handles::{write_out, Registry};
use sovereign::Finding;

/// A list of findings.
pub struct SovereignFindings(Vec<Finding>);

impl SovereignFindings {
    pub(crate) fn new(findings: Vec<Finding>) -> Self {
        SovereignFindings(findings)
    }
}

pub(crate) static FINDINGS: Registry = Registry::new("findings");

/// One finding. String fields point to static data (valid for the life of the process).
#[repr(C)]
pub struct SovereignFinding {
    /// Entity type id, e.g. "CREDIT_CARD".
    pub kind: SovereignStr,
    /// Category: "pii", "payment", "secret", "network" or "business".
    pub category: SovereignStr,
    /// Level of the type under the engine's policy.
    pub level: SovereignLevel,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Character offset of the first character.
    pub char_start: usize,
    /// Character offset one past the end.
    pub char_end: usize,
    /// Confidence in 0..1.
    pub score: f32,
    /// 1 when a checksum or structural validator confirmed the value.
    pub validated: u8,
    /// Name of the rule that fired.
    pub rule: SovereignStr,
}

fn static_str(s: &'static str) -> SovereignStr {
    SovereignStr {
        ptr: s.as_ptr(),
        len: s.len(),
    }
}

/// Number of findings in the list.
#[no_mangle]
pub unsafe extern "C" fn sovereign_findings_len(
    findings: *const SovereignFindings,
    len: *mut usize,
) -> SovereignStatus {
    guard(|| write_out(len, FINDINGS.get(findings)?.0.len(), "len"))
}

/// Copies finding `index` into `out`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_findings_get(
    findings: *const SovereignFindings,
    index: usize,
    out: *mut SovereignFinding,
) -> SovereignStatus {
    guard(|| {
        let list = &FINDINGS.get(findings)?.0;
        let f = list.get(index).ok_or_else(|| {
            Failure(
                SovereignStatus::SOVEREIGN_INVALID_ARGUMENT,
                format!("index {index} out of range (len {})", list.len()),
            )
        })?;
        let finding = SovereignFinding {
            kind: static_str(f.kind.id()),
            category: static_str(f.category().as_str()),
            level: f.level.into(),
            start: f.start,
            end: f.end,
            char_start: f.char_start,
            char_end: f.char_end,
            score: f.score,
            validated: u8::from(f.validated),
            rule: static_str(f.rule),
        };
        write_out(out, finding, "out")
    })
}

/// Frees a findings list. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn sovereign_findings_free(
    findings: *mut SovereignFindings,
) -> SovereignStatus {
    guard(|| FINDINGS.remove(findings))
}
