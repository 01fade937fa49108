//! Redaction operators: what replaces a finding in the text sent on.

use std::fmt;
use std::str::FromStr;

/// How one finding is replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Operator {
    /// A typed, numbered placeholder such as `[EMAIL_1]`; the same value gets the same placeholder
    /// within one request, and the vault restores it.
    #[default]
    Placeholder,
    /// A deterministic keyed token such as `[EMAIL_9f86d081e4]` (HMAC-SHA256 under the tenant's
    /// key): the same value gets the same token for the same tenant across requests, without
    /// storing anything, and a different token for another tenant. Restorable within the request.
    Token,
    /// Replaces letters, digits and other characters by `*`, keeping punctuation and spaces (the
    /// shape) and, for values with more than `2 * keep_last` of them, the last `keep_last`:
    /// `**** **** **** 1111`. One-way.
    Mask {
        /// Characters left visible at the end.
        keep_last: usize,
    },
    /// HMAC-SHA256 of the value under the tenant's key, hex-encoded (64 digits). Never a plain
    /// digest, which anyone could reverse by hashing candidate values. One-way.
    Hash,
    /// Deletes the value.
    Remove,
    /// Leaves the value in place (the finding is still reported and audited).
    Keep,
}

impl Operator {
    /// Default number of characters a mask leaves visible.
    pub const DEFAULT_MASK_KEEP: usize = 4;

    /// Name used in policy files.
    pub fn name(self) -> &'static str {
        match self {
            Operator::Placeholder => "placeholder",
            Operator::Token => "token",
            Operator::Mask { .. } => "mask",
            Operator::Hash => "hash",
            Operator::Remove => "remove",
            Operator::Keep => "keep",
        }
    }

    /// True when the operator needs a tenant key.
    pub fn is_keyed(self) -> bool {
        matches!(self, Operator::Token | Operator::Hash)
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operator::Mask { keep_last } => write!(f, "mask:{keep_last}"),
            other => f.write_str(other.name()),
        }
    }
}

impl FromStr for Operator {
    type Err = String;

    /// Parses `placeholder`, `token`, `mask`, `mask:N`, `hash`, `remove` or `keep`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let expected = "expected one of placeholder, token, mask, mask:N, hash, remove, keep";
        let lower = s.trim().to_ascii_lowercase();
        Ok(match lower.as_str() {
            "placeholder" => Operator::Placeholder,
            "token" => Operator::Token,
            "mask" => Operator::Mask {
                keep_last: Self::DEFAULT_MASK_KEEP,
            },
            "hash" => Operator::Hash,
            "remove" => Operator::Remove,
            "keep" => Operator::Keep,
            other => match other.strip_prefix("mask:").map(str::parse::<usize>) {
                Some(Ok(keep_last)) => Operator::Mask { keep_last },
                _ => return Err(format!("unknown operator `{s}`: {expected}")),
            },
        })
    }
}
