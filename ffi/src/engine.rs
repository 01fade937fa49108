//! Engines: built from the default policy, a policy file or policy text; shared across threads.

use crate::classification::{SovereignClassification, CLASSIFICATIONS};
use crate::error::{guard, null, Failure, SovereignStatus};
use crate::findings::{SovereignFindings, FINDINGS};
use crate::handles::{bytes, utf8, write_out, Registry};
use sovereign::{Engine, EntityKind, Request};
use std::sync::Arc;

/// An engine: a compiled policy. Thread-safe: one handle may be used from many threads at once.
pub struct SovereignEngine(pub(crate) Arc<Engine>);

pub(crate) static ENGINES: Registry = Registry::new("engine");

/// Sensitivity levels, lowest first.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SovereignLevel {
    /// May be published.
    SOVEREIGN_PUBLIC = 0,
    /// For staff and trusted processors.
    SOVEREIGN_INTERNAL = 1,
    /// Personal or commercially sensitive.
    SOVEREIGN_CONFIDENTIAL = 2,
    /// Card data, credentials, government ids.
    SOVEREIGN_RESTRICTED = 3,
}

impl From<sovereign::Level> for SovereignLevel {
    fn from(level: sovereign::Level) -> Self {
        match level {
            sovereign::Level::Public => SovereignLevel::SOVEREIGN_PUBLIC,
            sovereign::Level::Internal => SovereignLevel::SOVEREIGN_INTERNAL,
            sovereign::Level::Confidential => SovereignLevel::SOVEREIGN_CONFIDENTIAL,
            sovereign::Level::Restricted => SovereignLevel::SOVEREIGN_RESTRICTED,
        }
    }
}

/// A string given as pointer + length.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SovereignStr {
    /// The bytes (may be NULL when `len` is 0).
    pub ptr: *const u8,
    /// Number of bytes.
    pub len: usize,
}

/// An exact value to protect for one request.
#[repr(C)]
pub struct SovereignKnownValue {
    /// Entity type id, e.g. "PERSON" (UTF-8).
    pub kind: SovereignStr,
    /// The value (UTF-8).
    pub value: SovereignStr,
}

/// Who asks, from where, for which tenant. Every field may be empty (NULL/0) for the default.
#[repr(C)]
pub struct SovereignRequest {
    /// Surface, e.g. "checkout".
    pub surface: SovereignStr,
    /// Caller's role.
    pub role: SovereignStr,
    /// Tenant (store view).
    pub tenant: SovereignStr,
    /// Known values (may be NULL when `known_values_len` is 0).
    pub known_values: *const SovereignKnownValue,
    /// Number of known values.
    pub known_values_len: usize,
}

/// Converts an optional C request into a core request.
pub(crate) unsafe fn request<'a>(req: *const SovereignRequest) -> Result<Request<'a>, Failure> {
    let mut out = Request::new();
    let Some(req) = req.as_ref() else {
        return Ok(out);
    };
    let field = |s: SovereignStr, what| utf8(s.ptr, s.len, what);
    if req.surface.len > 0 {
        out = out.surface(field(req.surface, "request.surface")?);
    }
    if req.role.len > 0 {
        out = out.role(field(req.role, "request.role")?);
    }
    if req.tenant.len > 0 {
        out = out.tenant(field(req.tenant, "request.tenant")?);
    }
    if req.known_values_len > 0 {
        if req.known_values.is_null() {
            return Err(null("request.known_values"));
        }
        let values = std::slice::from_raw_parts(req.known_values, req.known_values_len);
        for v in values {
            let id = field(v.kind, "known value type")?;
            let kind = EntityKind::from_id(id).ok_or_else(|| {
                Failure(
                    SovereignStatus::SOVEREIGN_INVALID_ARGUMENT,
                    format!("unknown entity type `{id}`"),
                )
            })?;
            out = out.known_value(kind, field(v.value, "known value")?);
        }
    }
    Ok(out)
}

fn publish(engine: Engine, out: *mut *mut SovereignEngine) -> Result<(), Failure> {
    if out.is_null() {
        return Err(null("out"));
    }
    let handle = ENGINES.insert(SovereignEngine(Arc::new(engine)));
    unsafe { out.write(handle) };
    Ok(())
}

/// Creates an engine with the built-in default policy.
#[no_mangle]
pub unsafe extern "C" fn sovereign_engine_new(out: *mut *mut SovereignEngine) -> SovereignStatus {
    guard(|| publish(Engine::new(), out))
}

/// Creates an engine from a policy file (path as UTF-8 pointer + length).
#[no_mangle]
pub unsafe extern "C" fn sovereign_engine_from_file(
    path: *const u8,
    path_len: usize,
    out: *mut *mut SovereignEngine,
) -> SovereignStatus {
    guard(|| {
        let path = utf8(path, path_len, "path")?;
        publish(Engine::builder().policy_file(path).build()?, out)
    })
}

/// Creates an engine from policy TOML text.
#[no_mangle]
pub unsafe extern "C" fn sovereign_engine_from_text(
    toml: *const u8,
    toml_len: usize,
    out: *mut *mut SovereignEngine,
) -> SovereignStatus {
    guard(|| {
        let text = utf8(toml, toml_len, "toml")?;
        publish(Engine::builder().policy_text(text).build()?, out)
    })
}

/// Frees an engine. Redactions made with it stay valid. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn sovereign_engine_free(engine: *mut SovereignEngine) -> SovereignStatus {
    guard(|| ENGINES.remove(engine))
}

/// Finds sensitive values in `text` (any bytes). Free the result with `sovereign_findings_free`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_scan(
    engine: *const SovereignEngine,
    text: *const u8,
    text_len: usize,
    out: *mut *mut SovereignFindings,
) -> SovereignStatus {
    guard(|| {
        let engine = ENGINES.get(engine)?;
        let text = bytes(text, text_len, "text")?;
        if out.is_null() {
            return Err(null("out"));
        }
        let findings = engine.0.scan(text);
        write_out(
            out,
            FINDINGS.insert(SovereignFindings::new(findings)),
            "out",
        )
    })
}

/// Classifies `text`. Free the result with `sovereign_classification_free`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_classify(
    engine: *const SovereignEngine,
    text: *const u8,
    text_len: usize,
    out: *mut *mut SovereignClassification,
) -> SovereignStatus {
    guard(|| {
        let engine = ENGINES.get(engine)?;
        let text = bytes(text, text_len, "text")?;
        if out.is_null() {
            return Err(null("out"));
        }
        let classification = SovereignClassification(engine.0.classify(text));
        write_out(out, CLASSIFICATIONS.insert(classification), "out")
    })
}
