//! Keccak-256 (the pre-standard padding Ethereum uses, not SHA3-256): needed to check EIP-55
//! address capitalisation. Round constants and rotation offsets are derived from the
//! specification's LFSR and (x, y) walk at compile time rather than copied as tables.

const fn round_constants() -> [u64; 24] {
    let mut rc = [0u64; 24];
    let mut r: u32 = 1; // LFSR state, bit i = R[i]
    let mut round = 0;
    while round < 24 {
        let mut j = 0;
        while j < 7 {
            // rc(t) is R[0] after t LFSR steps; bit 2^j - 1 of round i takes rc(7i + j).
            if r & 1 == 1 {
                rc[round] |= 1u64 << ((1u32 << j) - 1);
            }
            r <<= 1;
            if r & 0x100 != 0 {
                r ^= 0x171;
            }
            j += 1;
        }
        round += 1;
    }
    rc
}

const fn rotations() -> [u32; 25] {
    let mut rot = [0u32; 25];
    let (mut x, mut y) = (1usize, 0usize);
    let mut t = 0u32;
    while t < 24 {
        rot[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
        let nx = y;
        let ny = (2 * x + 3 * y) % 5;
        x = nx;
        y = ny;
        t += 1;
    }
    rot
}

const RC: [u64; 24] = round_constants();
const ROT: [u32; 25] = rotations();

fn permute(a: &mut [u64; 25]) {
    for rc in RC {
        let mut c = [0u64; 5];
        for x in 0..5 {
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = c[(x + 4) % 5] ^ c[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[x + 5 * y] ^= d;
            }
        }
        let mut b = [0u64; 25];
        for x in 0..5 {
            for y in 0..5 {
                b[y + 5 * ((2 * x + 3 * y) % 5)] = a[x + 5 * y].rotate_left(ROT[x + 5 * y]);
            }
        }
        for y in 0..5 {
            for x in 0..5 {
                a[x + 5 * y] = b[x + 5 * y] ^ (!b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
            }
        }
        a[0] ^= rc;
    }
}

/// Keccak-256 of `input`.
pub fn keccak256(input: &[u8]) -> [u8; 32] {
    const RATE: usize = 136;
    let mut state = [0u64; 25];
    let absorb = |state: &mut [u64; 25], block: &[u8; RATE]| {
        for (lane, chunk) in state.iter_mut().zip(block.chunks_exact(8)) {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(chunk);
            *lane ^= u64::from_le_bytes(bytes);
        }
        permute(state);
    };
    let mut chunks = input.chunks_exact(RATE);
    for chunk in &mut chunks {
        let mut block = [0u8; RATE];
        block.copy_from_slice(chunk);
        absorb(&mut state, &block);
    }
    let rest = chunks.remainder();
    let mut block = [0u8; RATE];
    block[..rest.len()].copy_from_slice(rest);
    block[rest.len()] ^= 0x01;
    block[RATE - 1] ^= 0x80;
    absorb(&mut state, &block);
    let mut out = [0u8; 32];
    for (chunk, lane) in out.chunks_exact_mut(8).zip(state.iter()) {
        chunk.copy_from_slice(&lane.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        assert_eq!(RC[0], 1);
        assert_eq!(RC[1], 0x8082);
        assert_eq!(RC[23], 0x8000_0000_8000_8008);
        assert_eq!(
            hex(&keccak256(b"")),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
        );
        assert_eq!(
            hex(&keccak256(b"abc")),
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
        );
        // Longer than one block: exercises the multi-block path.
        let long = vec![b'a'; 200];
        assert_ne!(keccak256(&long), keccak256(&long[..199]));
    }
}
