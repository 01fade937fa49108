//! Base58Check (Bitcoin): the last four bytes of the decoded payload are the first four bytes of
//! SHA-256(SHA-256(rest)), so a mistyped or invented address fails with probability 1 - 2^-32.

use sha2::{Digest, Sha256};

const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

fn digit(b: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == b).map(|i| i as u32)
}

/// Decodes base58 into `out`, returning the decoded length; `None` on a bad character or when the
/// value does not fit in `out`.
pub fn decode_into(input: &[u8], out: &mut [u8]) -> Option<usize> {
    let zeros = input.iter().take_while(|&&b| b == b'1').count();
    // Big-endian number accumulated in the tail of `out`; `len` bytes are in use.
    let mut len = 0usize;
    let cap = out.len();
    for &b in &input[zeros..] {
        let mut carry = digit(b)?;
        for byte in out[cap - len..].iter_mut().rev() {
            carry += (*byte as u32) * 58;
            *byte = carry as u8;
            carry >>= 8;
        }
        while carry > 0 {
            if len == cap {
                return None;
            }
            len += 1;
            out[cap - len] = carry as u8;
            carry >>= 8;
        }
    }
    let total = zeros + len;
    if total > cap {
        return None;
    }
    out.copy_within(cap - len.., zeros);
    out[..zeros].fill(0);
    Some(total)
}

/// True when `payload` (version + data + 4-byte checksum) carries a valid double-SHA-256 checksum.
pub fn checksum_ok(payload: &[u8]) -> bool {
    if payload.len() < 5 {
        return false;
    }
    let (data, check) = payload.split_at(payload.len() - 4);
    let hash = Sha256::digest(Sha256::digest(data));
    hash[..4] == *check
}

/// Decodes a Base58Check string of exactly 25 bytes (a Bitcoin address) and returns its version
/// byte when the checksum holds.
pub fn address_version(input: &[u8]) -> Option<u8> {
    let mut buf = [0u8; 25];
    let n = decode_into(input, &mut buf)?;
    (n == 25 && checksum_ok(&buf)).then_some(buf[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes `payload` + checksum as base58 (test-only, to build fresh valid values).
    pub(crate) fn encode_check(payload: &[u8]) -> Vec<u8> {
        let mut data = payload.to_vec();
        let hash = Sha256::digest(Sha256::digest(payload));
        data.extend_from_slice(&hash[..4]);
        let zeros = data.iter().take_while(|&&b| b == 0).count();
        let mut digits: Vec<u8> = Vec::new();
        for &byte in &data {
            let mut carry = byte as u32;
            for d in digits.iter_mut() {
                carry += (*d as u32) << 8;
                *d = (carry % 58) as u8;
                carry /= 58;
            }
            while carry > 0 {
                digits.push((carry % 58) as u8);
                carry /= 58;
            }
        }
        let mut out = vec![b'1'; zeros];
        out.extend(digits.iter().rev().map(|&d| ALPHABET[d as usize]));
        out
    }

    #[test]
    fn known_addresses() {
        assert_eq!(
            address_version(b"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
            Some(0)
        );
        assert_eq!(
            address_version(b"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
            Some(0)
        );
        assert_eq!(
            address_version(b"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
            Some(5)
        );
        assert_eq!(address_version(b"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"), None);
        assert_eq!(address_version(b"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0"), None);
        assert_eq!(address_version(b""), None);
    }

    #[test]
    fn round_trip() {
        let mut payload = [0u8; 21];
        for (i, b) in payload.iter_mut().enumerate().skip(1) {
            *b = (i * 37) as u8;
        }
        let text = encode_check(&payload);
        assert_eq!(address_version(&text), Some(0));
        payload[0] = 5;
        assert_eq!(address_version(&encode_check(&payload)), Some(5));
    }
}
