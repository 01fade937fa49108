//! Sovereign finds sensitive data in text (personal data, card data, secrets, proprietary business
//! terms), classifies the text, and redacts it reversibly, so that a shop can use AI models
//! without sending what must stay on its own machine.
//!
//! The pipeline: **detect → classify → decide → redact → infer locally → scan output → restore →
//! audit**. This crate holds all of it; the PHP extension and the C ABI only translate.
//!
//! ```
//! use sovereign::{Engine, Request, EntityKind};
//!
//! let engine = Engine::new(); // compile once, share across threads
//! let request = Request::new()
//!     .surface("customer_service")
//!     .tenant("store-de")
//!     .known_value(EntityKind::Person, "Jane Doe");
//! let redaction = engine.redact_request(
//!     b"Jane Doe (jane@example.com) asks about her refund",
//!     &request,
//! );
//! assert_eq!(
//!     redaction.text_str(),
//!     Some("[PERSON_1] ([EMAIL_1]) asks about her refund")
//! );
//! let answer = b"Dear [PERSON_1], we wrote to [EMAIL_1].";
//! assert_eq!(
//!     redaction.restore(answer),
//!     b"Dear Jane Doe, we wrote to jane@example.com.".to_vec()
//! );
//! ```

#![warn(missing_docs)]

pub mod catalogue;
pub mod classify;
pub mod detect;
mod engine;
mod error;
mod finding;
#[cfg(feature = "inference")]
pub mod inference;
pub mod keys;
mod level;
pub mod policy;
pub mod redact;
mod request;
#[cfg(target_arch = "x86_64")]
mod simd;
pub mod text;
pub mod vault;

pub use catalogue::{Category, EntityInfo, EntityKind};
pub use classify::{Classification, KeywordRule, Reason};
pub use engine::{Analysis, Engine, EngineBuilder};
pub use error::{Error, Location, Result};
pub use finding::Finding;
pub use level::Level;
pub use policy::Policy;
pub use redact::{Operator, Redaction};
pub use request::{KnownValue, Request};
pub use vault::{StreamRestorer, Vault};

/// The library version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
