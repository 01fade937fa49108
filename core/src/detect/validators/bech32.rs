//! Bech32 / Bech32m (BIP 173, BIP 350): a BCH code over GF(32) whose checksum detects any four
//! substituted characters, so a random `bc1…` string passes with probability about 2^-30.

const CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32: u32 = 1;
const BECH32M: u32 = 0x2bc8_30a3;

/// Which checksum constant a string satisfies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// BIP 173 constant 1 (SegWit v0).
    Bech32,
    /// BIP 350 constant 0x2bc830a3 (SegWit v1+).
    Bech32m,
}

fn polymod_step(chk: u32, value: u8) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let top = chk >> 25;
    let mut chk = ((chk & 0x01ff_ffff) << 5) ^ value as u32;
    for (i, g) in GEN.iter().enumerate() {
        if (top >> i) & 1 == 1 {
            chk ^= g;
        }
    }
    chk
}

fn value(b: u8) -> Option<u8> {
    let lower = b.to_ascii_lowercase();
    CHARSET.iter().position(|&c| c == lower).map(|i| i as u8)
}

/// Checks a whole bech32 string (`hrp 1 data checksum`, one case only, ≤ 90 chars) and returns
/// the variant whose constant it satisfies.
pub fn verify(input: &[u8]) -> Option<Variant> {
    if input.len() > 90 {
        return None;
    }
    let has_lower = input.iter().any(u8::is_ascii_lowercase);
    let has_upper = input.iter().any(u8::is_ascii_uppercase);
    if has_lower && has_upper {
        return None;
    }
    let sep = input.iter().rposition(|&b| b == b'1')?;
    let (hrp, data) = (&input[..sep], &input[sep + 1..]);
    if hrp.is_empty() || data.len() < 6 || !hrp.iter().all(|&b| (33..=126).contains(&b)) {
        return None;
    }
    let mut chk = 1u32;
    for &b in hrp {
        chk = polymod_step(chk, b.to_ascii_lowercase() >> 5);
    }
    chk = polymod_step(chk, 0);
    for &b in hrp {
        chk = polymod_step(chk, b.to_ascii_lowercase() & 31);
    }
    for &b in data {
        chk = polymod_step(chk, value(b)?);
    }
    match chk {
        BECH32 => Some(Variant::Bech32),
        BECH32M => Some(Variant::Bech32m),
        _ => None,
    }
}

/// True for a valid SegWit address with human-readable part `hrp` (e.g. `bc`): v0 programs use
/// Bech32 and are 20 or 32 bytes, v1–v16 use Bech32m and are 2–40 bytes.
pub fn segwit_ok(input: &[u8], hrp: &[u8]) -> bool {
    let Some(variant) = verify(input) else {
        return false;
    };
    let sep = match input.iter().rposition(|&b| b == b'1') {
        Some(s) => s,
        None => return false,
    };
    if !input[..sep].eq_ignore_ascii_case(hrp) {
        return false;
    }
    let data = &input[sep + 1..input.len() - 6];
    let Some((&first, program)) = data.split_first() else {
        return false;
    };
    let Some(version) = value(first) else {
        return false;
    };
    // Program length in bytes after regrouping 5-bit values into 8-bit ones; leftover bits must
    // be fewer than 5 (and zero, not checked: the checksum already covers them).
    let bits = program.len() * 5;
    if bits % 8 >= 5 {
        return false;
    }
    let len = bits / 8;
    match (version, variant) {
        (0, Variant::Bech32) => len == 20 || len == 32,
        (1..=16, Variant::Bech32m) => (2..=40).contains(&len),
        _ => false,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Builds a checksummed string from an hrp and 5-bit data (test-only).
    pub(crate) fn encode(hrp: &[u8], data: &[u8], variant: Variant) -> Vec<u8> {
        let mut chk = 1u32;
        for &b in hrp {
            chk = polymod_step(chk, b >> 5);
        }
        chk = polymod_step(chk, 0);
        for &b in hrp {
            chk = polymod_step(chk, b & 31);
        }
        for &d in data {
            chk = polymod_step(chk, d);
        }
        for _ in 0..6 {
            chk = polymod_step(chk, 0);
        }
        chk ^= match variant {
            Variant::Bech32 => BECH32,
            Variant::Bech32m => BECH32M,
        };
        let mut out = hrp.to_vec();
        out.push(b'1');
        out.extend(data.iter().map(|&d| CHARSET[d as usize]));
        out.extend((0..6).map(|i| CHARSET[((chk >> (5 * (5 - i))) & 31) as usize]));
        out
    }

    #[test]
    fn bip_vectors() {
        assert!(segwit_ok(
            b"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            b"bc"
        ));
        assert!(segwit_ok(
            b"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            b"bc"
        ));
        assert!(!segwit_ok(
            b"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
            b"bc"
        ));
        assert!(!segwit_ok(
            b"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            b"tb"
        ));
        assert!(!segwit_ok(
            b"Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            b"bc"
        ));
    }

    #[test]
    fn round_trips() {
        let program: Vec<u8> = (0..52).map(|i| (i * 7 % 32) as u8).collect(); // 32 bytes
        let mut v0 = vec![0u8];
        v0.extend(&program);
        let a = encode(b"bc", &v0, Variant::Bech32);
        assert!(segwit_ok(&a, b"bc"));
        let b = encode(b"bc", &v0, Variant::Bech32m);
        assert!(!segwit_ok(&b, b"bc"), "v0 must use bech32");
        let mut v1 = vec![1u8];
        v1.extend(&program);
        assert!(segwit_ok(&encode(b"bc", &v1, Variant::Bech32m), b"bc"));
        assert_eq!(verify(b"a12uel5l"), Some(Variant::Bech32));
        assert_eq!(verify(b"a1lqfn3a"), Some(Variant::Bech32m));
    }
}
