//! Brazilian CPF and CNPJ: two trailing mod 11 check digits, each over all digits before it with
//! descending weights, so a single error changes at least one of them.

fn digit(b: u8) -> u32 {
    u32::from(b - b'0')
}

/// Mod 11 check digit as CPF/CNPJ define it: 0 when the remainder is below 2, else 11 - r.
fn check(body: &[u8], weights: impl Iterator<Item = u32>) -> u8 {
    let sum: u32 = body.iter().zip(weights).map(|(&b, w)| digit(b) * w).sum();
    match sum % 11 {
        r if r < 2 => 0,
        r => (11 - r) as u8,
    }
}

fn plain(digits: &[u8], len: usize) -> bool {
    digits.len() == len
        && digits.iter().all(u8::is_ascii_digit)
        && digits.iter().any(|&b| b != digits[0])
}

/// True when `digits` (11 ASCII digits) is a valid CPF; repeated-digit numbers are rejected.
pub fn is_cpf(digits: &[u8]) -> bool {
    if !plain(digits, 11) {
        return false;
    }
    let d10 = check(&digits[..9], (2..=10).rev());
    let d11 = check(&digits[..10], (2..=11).rev());
    digit(digits[9]) == u32::from(d10) && digit(digits[10]) == u32::from(d11)
}

/// True when `digits` (14 ASCII digits) is a valid CNPJ.
pub fn is_cnpj(digits: &[u8]) -> bool {
    if !plain(digits, 14) {
        return false;
    }
    const W: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let d13 = check(&digits[..12], W[1..].iter().copied());
    let d14 = check(&digits[..13], W.iter().copied());
    digit(digits[12]) == u32::from(d13) && digit(digits[13]) == u32::from(d14)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert!(is_cpf(b"52998224725"));
        assert!(is_cpf(b"12345678909"));
        assert!(!is_cpf(b"52998224726"));
        assert!(!is_cpf(b"11111111111"));
        assert!(is_cnpj(b"11222333000181"));
        assert!(!is_cnpj(b"11222333000182"));
        assert!(!is_cnpj(b"00000000000000"));
    }
}
