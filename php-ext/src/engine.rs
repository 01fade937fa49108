//! `Sovereign\Engine`: a compiled policy, shared by every request of the worker process.

use crate::cache;
use crate::errors::{guard, input, to_exception};
use crate::ini;
use crate::redaction::Redaction;
use crate::request;
use crate::types::{findings, Classification, Finding};
use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;
use std::sync::Arc;

/// Finds, classifies and redacts sensitive data. Cheap to construct: engines are compiled once
/// per worker process and cached (by policy path, modification time and size).
#[php_class]
#[php(name = "Sovereign\\Engine")]
#[php(flags = ClassFlags::Final)]
pub struct Engine {
    inner: Arc<sovereign::Engine>,
}

#[php_impl]
impl Engine {
    /// The engine of the `sovereign.policy` ini file, or of the built-in default policy when the
    /// directive is empty.
    ///
    /// @throws PolicyException
    pub fn __construct() -> PhpResult<Self> {
        guard(|| {
            let inner = ini::with(ini::POLICY, |path| match path {
                Some(path) => cache::file_engine(path).map_err(to_exception),
                None => Ok(cache::default_engine()),
            })?;
            Ok(Engine { inner })
        })
    }

    /// The engine of a policy file.
    ///
    /// @throws PolicyException
    pub fn from_file(path: String) -> PhpResult<Self> {
        guard(|| {
            if path.is_empty() {
                return Err(input("policy path is empty"));
            }
            let inner = cache::file_engine(path.as_bytes()).map_err(to_exception)?;
            Ok(Engine { inner })
        })
    }

    /// The engine of policy TOML text.
    ///
    /// @throws PolicyException
    pub fn from_string(toml: String) -> PhpResult<Self> {
        guard(|| {
            let inner = cache::text_engine(&toml).map_err(to_exception)?;
            Ok(Engine { inner })
        })
    }

    /// The sensitive values in `$text` (any bytes), sorted by position.
    ///
    /// @return list<Finding>
    pub fn scan(&self, text: BinarySlice<u8>) -> PhpResult<Vec<Finding>> {
        guard(|| Ok(findings(&self.inner.scan(*text))))
    }

    /// The level of `$text` and the reasons for it.
    pub fn classify(&self, text: BinarySlice<u8>) -> PhpResult<Classification> {
        guard(|| Ok(Classification::from(&self.inner.classify(*text))))
    }

    /// Redacts `$text`. `$context` may give `surface`, `role`, `tenant` (strings) and
    /// `knownValues` (entity type => value or list of values) to redact as well.
    ///
    /// @param array{surface?: string, role?: string, tenant?: string, knownValues?: array<string, string|list<string>>}|null $context
    /// @throws InputException
    pub fn redact(
        &self,
        text: BinarySlice<u8>,
        context: Option<&ZendHashTable>,
    ) -> PhpResult<Redaction> {
        guard(|| {
            let redaction = match context {
                Some(context) => {
                    let request = request::from_context(context)?;
                    self.inner.redact_request(*text, &request)
                }
                None => self.inner.redact(*text),
            };
            Ok(Redaction::new(redaction))
        })
    }

    /// The policy file this engine was compiled from (`null` for the default or in-memory policy).
    pub fn policy_path(&self) -> Option<String> {
        self.inner
            .policy()
            .source()
            .map(|p| p.to_string_lossy().into_owned())
    }

    /// Number of compiled engines cached in this worker process (the default engine aside).
    pub fn cached_engines() -> i64 {
        cache::len() as i64
    }
}
