//! `Sovereign\Redaction` and `Sovereign\StreamRestorer`: a redacted text and the way back.

use crate::errors::guard;
use crate::level::Level;
use crate::types::{findings, Classification, Finding};
use ext_php_rs::binary::Binary;
use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;

/// A redacted text, its findings and the per-request vault that restores placeholders. The vault
/// lives only in this object's memory and is wiped when it is freed.
#[php_class]
#[php(name = "Sovereign\\Redaction")]
#[php(flags = ClassFlags::Final)]
pub struct Redaction {
    inner: sovereign::Redaction,
}

impl Redaction {
    pub fn new(inner: sovereign::Redaction) -> Self {
        Redaction { inner }
    }
}

#[php_impl]
impl Redaction {
    /// The redacted text (bytes outside findings are unchanged).
    pub fn text(&self) -> PhpResult<Binary<u8>> {
        guard(|| Ok(Binary::from(self.inner.text().to_vec())))
    }

    /// Findings in the original text, sorted by position.
    ///
    /// @return list<Finding>
    pub fn findings(&self) -> PhpResult<Vec<Finding>> {
        guard(|| Ok(findings(self.inner.findings())))
    }

    /// Level of the original text.
    pub fn level(&self) -> Level {
        Level(self.inner.level())
    }

    /// Classification of the original text.
    pub fn classification(&self) -> PhpResult<Classification> {
        guard(|| Ok(Classification::from(self.inner.classification())))
    }

    /// Puts the original values back into `$output` (typically the model's answer).
    pub fn restore(&self, output: BinarySlice<u8>) -> PhpResult<Binary<u8>> {
        guard(|| Ok(Binary::from(self.inner.restore(*output))))
    }

    /// A restorer for output that arrives in chunks (streamed model answers).
    pub fn restorer(&self) -> PhpResult<StreamRestorer> {
        guard(|| {
            Ok(StreamRestorer {
                inner: self.inner.restorer(),
            })
        })
    }
}

/// Restores placeholders in output that arrives in chunks: a placeholder split across chunks
/// is held back until it is complete.
#[php_class]
#[php(name = "Sovereign\\StreamRestorer")]
#[php(flags = ClassFlags::Final)]
pub struct StreamRestorer {
    inner: sovereign::StreamRestorer,
}

#[php_impl]
impl StreamRestorer {
    /// Restores what can be restored of `$chunk` so far.
    pub fn push(&mut self, chunk: BinarySlice<u8>) -> PhpResult<Binary<u8>> {
        guard(|| Ok(Binary::from(self.inner.push(*chunk))))
    }

    /// Flushes what is held back at the end of the stream.
    pub fn finish(&mut self) -> PhpResult<Binary<u8>> {
        guard(|| Ok(Binary::from(self.inner.finish())))
    }
}
