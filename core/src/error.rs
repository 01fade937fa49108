//! Errors: one enum, precise variants, messages that say what was expected.

use std::fmt;
use std::path::PathBuf;

/// Where in a policy file an error is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file, or `None` for policy text passed in memory.
    pub file: Option<PathBuf>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(path) => write!(f, "{}:{}:{}", path.display(), self.line, self.column),
            None => write!(f, "<policy>:{}:{}", self.line, self.column),
        }
    }
}

/// Everything that can go wrong in Sovereign.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A policy file or text is malformed or names something unknown.
    #[error("policy error at {location}: {message}")]
    Policy {
        /// Where.
        location: Location,
        /// What was expected.
        message: String,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Invalid input to an API call (not a text being scanned: any bytes are valid there).
    #[error("invalid input: {0}")]
    Input(String),
    /// The engine was configured inconsistently (e.g. a keyed operator without a key).
    #[error("configuration error: {0}")]
    Config(String),
    /// A model could not be loaded or run.
    #[error("model error: {0}")]
    Model(String),
    /// A bug: a panic caught at an API boundary.
    #[error("internal error: {0}")]
    Internal(String),
}

/// `Result` with Sovereign's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
