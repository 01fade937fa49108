//! A cheap GGUF header check, done before llama.cpp sees the file.
//!
//! llama.cpp reports most bad files by returning null, but its messages go to a log and some
//! malformed headers make it allocate absurd amounts first. Reading the fixed 24-byte header
//! ourselves gives a precise error ("not a GGUF file", "unsupported version", "truncated") for
//! the common mistakes: a wrong path, an HTML error page saved as `.gguf`, a partial download.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::{Error, Result};

/// The first four bytes of every GGUF file.
const MAGIC: &[u8; 4] = b"GGUF";
/// Versions llama.cpp reads (version 1 was dropped upstream long ago).
const VERSIONS: [u32; 2] = [2, 3];
/// magic (4) + version (4) + tensor count (8) + metadata count (8).
const HEADER_LEN: usize = 24;
/// Far above any real model; larger counts mean a corrupt header.
const MAX_COUNT: u64 = 1 << 20;

/// What the fixed header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GgufHeader {
    /// Format version (2 or 3).
    pub version: u32,
    /// Number of tensors.
    pub tensors: u64,
    /// Number of metadata key/value pairs.
    pub metadata: u64,
    /// File size in bytes.
    pub file_len: u64,
}

/// Reads and checks the header of the GGUF file at `path`.
pub fn check(path: &Path) -> Result<GgufHeader> {
    // A model that cannot be read is a model error (not a policy/config I/O error), so bindings
    // report it as such.
    let unreadable =
        |source: std::io::Error| model_err(path, &format!("cannot read the model file: {source}"));
    let mut file = File::open(path).map_err(unreadable)?;
    let file_len = file.metadata().map_err(unreadable)?.len();
    if !file.metadata().map(|m| m.is_file()).unwrap_or(false) {
        return Err(model_err(path, "not a regular file"));
    }
    let mut head = [0u8; HEADER_LEN];
    let mut got = 0;
    while got < HEADER_LEN {
        match file.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => return Err(unreadable(source)),
        }
    }
    if got < 4 || &head[..4] != MAGIC {
        return Err(model_err(
            path,
            "not a GGUF file (expected the magic bytes \"GGUF\" at offset 0)",
        ));
    }
    if got < HEADER_LEN {
        return Err(model_err(
            path,
            &format!("truncated GGUF file: {got} bytes, the header alone needs {HEADER_LEN}"),
        ));
    }
    let version = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
    if !VERSIONS.contains(&version) {
        return Err(model_err(
            path,
            &format!("unsupported GGUF version {version} (expected 2 or 3)"),
        ));
    }
    let tensors = u64_at(&head, 8);
    let metadata = u64_at(&head, 16);
    if tensors == 0 || tensors > MAX_COUNT || metadata > MAX_COUNT {
        return Err(model_err(
            path,
            &format!("corrupt GGUF header: {tensors} tensors, {metadata} metadata entries"),
        ));
    }
    Ok(GgufHeader {
        version,
        tensors,
        metadata,
        file_len,
    })
}

fn u64_at(bytes: &[u8; HEADER_LEN], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

fn model_err(path: &Path, what: &str) -> Error {
    Error::Model(format!("{}: {what}", path.display()))
}
