//! ISO 3166-1 alpha-2 country codes, for structures that embed one (BIC positions 5-6): a code
//! outside the list means the text is not such an identifier.

/// Every assigned alpha-2 code, concatenated and sorted, plus XK (Kosovo, used by SWIFT).
const CODES: &[u8] = b"ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ\
CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGL\
GMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLR\
LSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPK\
PLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTR\
TTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

/// True when `code` is an assigned upper-case alpha-2 country code.
pub fn is_country(code: &[u8]) -> bool {
    code.len() == 2 && CODES.chunks_exact(2).any(|c| c == code)
}

/// True when `chars` is a BIC (ISO 9362): 4 letters (institution), a country code, 2 alphanumerics
/// (location) and an optional 3-character branch; upper case only.
pub fn is_bic(chars: &[u8]) -> bool {
    (chars.len() == 8 || chars.len() == 11)
        && chars[..4].iter().all(u8::is_ascii_uppercase)
        && is_country(&chars[4..6])
        && chars[6..]
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_bics() {
        assert_eq!(CODES.len(), 250 * 2);
        assert!(CODES
            .chunks_exact(2)
            .zip(CODES.chunks_exact(2).skip(1))
            .all(|(a, b)| a < b));
        assert!(is_country(b"DE") && is_country(b"ZW") && !is_country(b"ZZ") && !is_country(b"de"));
        assert!(is_bic(b"COBADEFFXXX"));
        assert!(is_bic(b"DEUTDEFF"));
        assert!(is_bic(b"NWBKGB2L"));
        assert!(!is_bic(b"COBAZZFFXXX"));
        assert!(!is_bic(b"COBADEFFXX"));
        assert!(!is_bic(b"C0BADEFF"));
    }
}
