//! The PHP extension (see issue: PHP extension).
