//! EIP-55 mixed-case checksum for Ethereum addresses: each hex letter is upper-case exactly when
//! the matching nibble of Keccak-256(lower-case address) is ≥ 8, so a random capitalisation of
//! an address with ~15 letters passes with probability about 2^-15.

use super::keccak::keccak256;

/// True when the 40 hex digits (without `0x`) are correctly EIP-55 capitalised.
pub fn checksum_ok(hex: &[u8]) -> bool {
    if hex.len() != 40 || !hex.iter().all(u8::is_ascii_hexdigit) {
        return false;
    }
    let mut lower = [0u8; 40];
    for (l, h) in lower.iter_mut().zip(hex) {
        *l = h.to_ascii_lowercase();
    }
    let hash = keccak256(&lower);
    hex.iter().enumerate().all(|(i, &c)| {
        let nibble = if i % 2 == 0 {
            hash[i / 2] >> 4
        } else {
            hash[i / 2] & 0x0f
        };
        !c.is_ascii_alphabetic() || c.is_ascii_uppercase() == (nibble >= 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eip55_vectors() {
        for a in [
            "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        ] {
            assert!(checksum_ok(a.as_bytes()), "{a}");
        }
        assert!(!checksum_ok(b"5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        assert!(!checksum_ok(b"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe"));
    }
}
