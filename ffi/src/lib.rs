//! C ABI over the `sovereign` core: opaque handles, pointer + length strings, status codes and a
//! thread-local last error. This crate only translates; every behaviour lives in the core.
//!
//! Conventions (see `include/sovereign.h`):
//! - every function returns a [`SovereignStatus`]; on failure `sovereign_last_error()` says why;
//! - strings are a pointer plus a length: no NUL terminator is assumed, and embedded NULs and
//!   invalid UTF-8 are scanned as bytes exactly as the core does;
//! - buffers the library returns are freed with `sovereign_buffer_free`, handles with their own
//!   `*_free`; freeing `NULL` is a no-op;
//! - a handle that was freed (or never created) is detected and reported as
//!   `SOVEREIGN_INVALID_HANDLE`, not dereferenced;
//! - no Rust panic unwinds across the boundary: it becomes `SOVEREIGN_INTERNAL`.
//!
//! Thread safety: engine and model handles may be used from many threads at once. Redaction, findings and
//! restorer handles belong to one thread at a time (they may move between threads).

#![allow(clippy::missing_safety_doc, non_camel_case_types)]

mod buffer;
mod classification;
mod engine;
mod error;
mod findings;
mod handles;
mod model;
mod redaction;

pub use buffer::*;
pub use classification::*;
pub use engine::*;
pub use error::*;
pub use findings::*;
pub use model::*;
pub use redaction::*;

/// ABI version: bumped on every incompatible change of the C interface.
pub const SOVEREIGN_ABI_VERSION: u32 = 1;
