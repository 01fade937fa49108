//! Redactions and streaming restorers.

use crate::buffer::SovereignBuffer;
use crate::classification::{SovereignClassification, CLASSIFICATIONS};
use crate::engine::{request, SovereignEngine, SovereignLevel, SovereignRequest, ENGINES};
use crate::error::{guard, null, SovereignStatus};
use crate::findings::{SovereignFindings, FINDINGS};
use crate::handles::{bytes, write_out, Registry};
use sovereign::{Redaction, StreamRestorer};

/// A redacted text with its findings, level and vault. Wipes the vault when freed.
pub struct SovereignRedaction(Redaction);

/// Restores placeholders in output that arrives in chunks.
pub struct SovereignRestorer(StreamRestorer);

static REDACTIONS: Registry = Registry::new("redaction");
static RESTORERS: Registry = Registry::new("restorer");

/// Redacts `text` for `request` (NULL for the default request). Free with
/// `sovereign_redaction_free`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_redact(
    engine: *const SovereignEngine,
    text: *const u8,
    text_len: usize,
    req: *const SovereignRequest,
    out: *mut *mut SovereignRedaction,
) -> SovereignStatus {
    guard(|| {
        let engine = ENGINES.get(engine)?;
        let text = bytes(text, text_len, "text")?;
        let req = request(req)?;
        if out.is_null() {
            return Err(null("out"));
        }
        let redaction = engine.0.redact_request(text, &req);
        write_out(out, REDACTIONS.insert(SovereignRedaction(redaction)), "out")
    })
}

/// Borrows the redacted text; valid until the redaction is freed.
#[no_mangle]
pub unsafe extern "C" fn sovereign_redaction_text(
    redaction: *const SovereignRedaction,
    ptr: *mut *const u8,
    len: *mut usize,
) -> SovereignStatus {
    guard(|| {
        let text = REDACTIONS.get(redaction)?.0.text();
        if ptr.is_null() || len.is_null() {
            return Err(null("ptr/len"));
        }
        ptr.write(text.as_ptr());
        len.write(text.len());
        Ok(())
    })
}

/// The level of the original text.
#[no_mangle]
pub unsafe extern "C" fn sovereign_redaction_level(
    redaction: *const SovereignRedaction,
    level: *mut SovereignLevel,
) -> SovereignStatus {
    guard(|| write_out(level, REDACTIONS.get(redaction)?.0.level().into(), "level"))
}

/// The classification of the original text (a new handle: free with
/// `sovereign_classification_free`).
#[no_mangle]
pub unsafe extern "C" fn sovereign_redaction_classification(
    redaction: *const SovereignRedaction,
    out: *mut *mut SovereignClassification,
) -> SovereignStatus {
    guard(|| {
        let classification = REDACTIONS.get(redaction)?.0.classification().clone();
        if out.is_null() {
            return Err(null("out"));
        }
        write_out(
            out,
            CLASSIFICATIONS.insert(SovereignClassification(classification)),
            "out",
        )
    })
}

/// The findings of the original text (a new list: free with `sovereign_findings_free`).
#[no_mangle]
pub unsafe extern "C" fn sovereign_redaction_findings(
    redaction: *const SovereignRedaction,
    out: *mut *mut SovereignFindings,
) -> SovereignStatus {
    guard(|| {
        let findings = REDACTIONS.get(redaction)?.0.findings().to_vec();
        if out.is_null() {
            return Err(null("out"));
        }
        write_out(
            out,
            FINDINGS.insert(SovereignFindings::new(findings)),
            "out",
        )
    })
}

/// Puts original values back into `text` (e.g. a model's answer). Free `out` with
/// `sovereign_buffer_free`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_redaction_restore(
    redaction: *const SovereignRedaction,
    text: *const u8,
    text_len: usize,
    out: *mut SovereignBuffer,
) -> SovereignStatus {
    guard(|| {
        let redaction = &REDACTIONS.get(redaction)?.0;
        let text = bytes(text, text_len, "text")?;
        if out.is_null() {
            return Err(null("out"));
        }
        write_out(
            out,
            SovereignBuffer::from_vec(redaction.restore(text)),
            "out",
        )
    })
}

/// Frees a redaction and wipes its vault. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn sovereign_redaction_free(
    redaction: *mut SovereignRedaction,
) -> SovereignStatus {
    guard(|| REDACTIONS.remove(redaction))
}

/// Starts a streaming restorer over a redaction's vault (it stays valid after the redaction is
/// freed). Free with `sovereign_restorer_free`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_restorer_new(
    redaction: *const SovereignRedaction,
    out: *mut *mut SovereignRestorer,
) -> SovereignStatus {
    guard(|| {
        let restorer = REDACTIONS.get(redaction)?.0.restorer();
        if out.is_null() {
            return Err(null("out"));
        }
        write_out(out, RESTORERS.insert(SovereignRestorer(restorer)), "out")
    })
}

/// Feeds a chunk; writes the restored text that is now certain into `out`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_restorer_push(
    restorer: *mut SovereignRestorer,
    chunk: *const u8,
    chunk_len: usize,
    out: *mut SovereignBuffer,
) -> SovereignStatus {
    guard(|| {
        let restorer = RESTORERS.get_mut(restorer)?;
        let chunk = bytes(chunk, chunk_len, "chunk")?;
        if out.is_null() {
            return Err(null("out"));
        }
        write_out(
            out,
            SovereignBuffer::from_vec(restorer.0.push(chunk)),
            "out",
        )
    })
}

/// Ends the stream; writes what was held back, restored.
#[no_mangle]
pub unsafe extern "C" fn sovereign_restorer_finish(
    restorer: *mut SovereignRestorer,
    out: *mut SovereignBuffer,
) -> SovereignStatus {
    guard(|| {
        let restorer = RESTORERS.get_mut(restorer)?;
        if out.is_null() {
            return Err(null("out"));
        }
        write_out(out, SovereignBuffer::from_vec(restorer.0.finish()), "out")
    })
}

/// Frees a restorer. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn sovereign_restorer_free(
    restorer: *mut SovereignRestorer,
) -> SovereignStatus {
    guard(|| RESTORERS.remove(restorer))
}
