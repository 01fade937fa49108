//! Validators: pure functions that confirm a candidate by checksum or structure. One small module
//! per algorithm, each documenting in one line why the check works. They take ASCII bytes (digits
//! or alphanumerics with separators already removed unless stated otherwise) and never panic.

pub mod base58check;
pub mod base64url;
pub mod bech32;
pub mod eip55;
pub mod entropy;
pub mod keccak;
