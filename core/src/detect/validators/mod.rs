//! Validators: pure functions that confirm a candidate by checksum or structure. One small module
//! per algorithm, each documenting in one line why the check works. They take ASCII bytes (digits
//! or alphanumerics with separators already removed unless stated otherwise) and never panic.

pub mod aba;
pub mod australia;
pub mod base58check;
pub mod base64url;
pub mod be_national;
pub mod bech32;
pub mod brazil;
pub mod card;
pub mod codice_fiscale;
pub mod eip55;
pub mod elfproef;
pub mod entropy;
pub mod iban;
pub mod iso3166;
pub mod iso7064;
pub mod keccak;
pub mod luhn;
pub mod mod23;
pub mod mod97;
pub mod nhs;
pub mod nir;
pub mod personnummer;
pub mod pesel;
pub mod steuer_id;
pub mod us_tin;
pub mod vat;
pub mod verhoeff;
pub mod vin;
