//! Key material for keyed operators (token, hash). A per-tenant key is derived from the engine's
//! secret with HMAC-SHA256, so tenants never share a key and nothing per-tenant is stored.
//!
//! Tokens and hashes are MACs, never plain digests: a plain SHA-256 of an e-mail address or a
//! card number is reversed by hashing every candidate value, a MAC needs the key.

use crate::catalogue::EntityKind;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

type HmacSha256 = Hmac<Sha256>;

/// The engine's secret; wiped from memory on drop.
#[derive(Clone)]
pub struct Secret(Zeroizing<Vec<u8>>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

impl Secret {
    /// Wraps key bytes (at least 16).
    pub fn new(bytes: impl Into<Vec<u8>>) -> Result<Secret, crate::Error> {
        let bytes = Zeroizing::new(bytes.into());
        if bytes.len() < 16 {
            return Err(crate::Error::Config(format!(
                "the secret key must be at least 16 bytes, got {}",
                bytes.len()
            )));
        }
        Ok(Secret(bytes))
    }

    /// The key of one tenant: HMAC-SHA256(secret, "sovereign/tenant/" + tenant).
    pub fn tenant_key(&self, tenant: &str) -> TenantKey {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(b"sovereign/tenant/");
        mac.update(tenant.as_bytes());
        TenantKey(Zeroizing::new(mac.finalize().into_bytes().into()))
    }
}

/// A tenant's key; wiped on drop.
pub struct TenantKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for TenantKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TenantKey(..)")
    }
}

impl TenantKey {
    /// The MAC a keyed token is cut from. Domain-separated from [`TenantKey::hash`], so a
    /// hash never reveals the token of the same value.
    pub fn token(&self, kind: EntityKind, value: &[u8]) -> [u8; 32] {
        self.mac(&[b"sovereign/token", kind.id().as_bytes(), value])
    }

    /// The MAC the hash operator writes (hex-encoded).
    pub fn hash(&self, kind: EntityKind, value: &[u8]) -> [u8; 32] {
        self.mac(&[b"sovereign/hash", kind.id().as_bytes(), value])
    }

    /// HMAC-SHA256 of `parts` (each length-prefixed, so boundaries cannot be shifted).
    pub fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = HmacSha256::new_from_slice(&*self.0).expect("HMAC takes any key length");
        for part in parts {
            mac.update(&(part.len() as u64).to_le_bytes());
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenants_get_different_keys() {
        let secret = Secret::new(b"0123456789abcdef".to_vec()).unwrap();
        let a = secret.tenant_key("store-a").mac(&[b"x"]);
        let b = secret.tenant_key("store-b").mac(&[b"x"]);
        assert_ne!(a, b);
        assert_eq!(a, secret.tenant_key("store-a").mac(&[b"x"]));
        assert!(Secret::new(b"short".to_vec()).is_err());
    }

    #[test]
    fn tokens_and_hashes_are_separate_macs() {
        let key = Secret::new(b"0123456789abcdef".to_vec())
            .unwrap()
            .tenant_key("store");
        let token = key.token(EntityKind::Email, b"a@b.de");
        assert_ne!(token, key.hash(EntityKind::Email, b"a@b.de"));
        assert_ne!(token, key.token(EntityKind::Person, b"a@b.de"));
        assert_eq!(token, key.token(EntityKind::Email, b"a@b.de"));
        assert_eq!(format!("{key:?}"), "TenantKey(..)");
    }
}
