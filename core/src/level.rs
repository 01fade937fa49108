//! Sensitivity levels, ordered so that `max()` gives a document's level.

use std::fmt;
use std::str::FromStr;

/// How sensitive a piece of data is. Ordered: `Public < Internal < Confidential < Restricted`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Level {
    /// May be published.
    #[default]
    Public,
    /// For the shop's staff and trusted processors.
    Internal,
    /// Personal or commercially sensitive data; needs a lawful purpose.
    Confidential,
    /// Card data, credentials, government ids: must never reach a third party.
    Restricted,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 4] = [
        Level::Public,
        Level::Internal,
        Level::Confidential,
        Level::Restricted,
    ];

    /// Lower-case name used in policy files and bindings.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Public => "public",
            Level::Internal => "internal",
            Level::Confidential => "confidential",
            Level::Restricted => "restricted",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Level::ALL
            .into_iter()
            .find(|level| level.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown level `{s}`: expected one of public, internal, confidential, restricted")
            })
    }
}
