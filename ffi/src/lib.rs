//! The C ABI (see issue: C ABI).
