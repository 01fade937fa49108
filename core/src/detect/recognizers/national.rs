//! Recognizers for national identifiers: tax, social security and citizen numbers, company
//! registrations, VAT numbers, VINs and IMEIs.
//!
//! Most of these are plain digit strings whose checksum passes for about one random number in
//! ten, so order numbers and phone numbers would pass too. Each digit format therefore carries a
//! score without context (below the 0.5 threshold for bare digits, above it for the type's
//! distinctive punctuation such as `123.456.789-09`) and the words that raise it. Formats are
//! data ([`FORMATS`]); one parse of the digit run serves them all.

use super::near::{self, Keywords};
use super::run::{pack, Near, Run};
use crate::catalogue::EntityKind;
use crate::detect::context::ContextWords;
use crate::detect::floors::Floors;
use crate::detect::validators::{
    australia, be_national, brazil, codice_fiscale, elfproef, luhn, mod23, nhs, nir, personnummer,
    pesel, steuer_id, us_tin, vat, verhoeff, vin,
};
use crate::detect::{Candidate, LiteralRule, TextRule, Word};

pub(crate) const LITERALS: &[LiteralRule] = &[];
/// The family's digit-word rules (see [`super::WordRules`]); digit runs are read by
/// [`super::run`], shared with the payment family.
#[inline(always)]
pub(super) fn on_word(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    alphanumeric(text, word, out);
}
pub(crate) const TEXTS: &[TextRule] = &[];
pub(crate) const CONTEXT: &[ContextWords] = &[];

/// Added to a format's score when one of its context words is near (capped at [`MAX`]).
const CONTEXT_BONUS: f32 = 0.45;
const MAX: f32 = 0.95;

const SSN: Keywords = Keywords::new(&["ssn", "social security", "soc sec", "ss#", "ss no"]);
const ITIN: Keywords = Keywords::new(&["itin", "individual taxpayer", "taxpayer identification"]);
const EIN: Keywords = Keywords::new(&[
    "ein",
    "fein",
    "employer identification",
    "employer id",
    "federal tax id",
    "tax id",
]);
const NHS: Keywords = Keywords::new(&["nhs"]);
const DE_TAX: Keywords = Keywords::new(&[
    "steuer-id",
    "steuerid",
    "steuer-identifikationsnummer",
    "steueridentifikationsnummer",
    "identifikationsnummer",
    "idnr",
    "tax id",
]);
const NIR: Keywords = Keywords::new(&[
    "nir",
    "sécurité sociale",
    "securite sociale",
    "sécu",
    "secu",
    "insee",
]);
const SIREN: Keywords = Keywords::new(&["siren", "rcs"]);
const SIRET: Keywords = Keywords::new(&["siret"]);
const BSN: Keywords = Keywords::new(&[
    "bsn",
    "burgerservicenummer",
    "sofinummer",
    "sofi-nummer",
    "citizen service number",
]);
const BE: Keywords = Keywords::new(&[
    "rijksregisternummer",
    "rijksregister",
    "national number",
    "numéro national",
    "registre national",
    "insz",
    "niss",
]);
const PESEL: Keywords = Keywords::new(&["pesel"]);
const SE: Keywords = Keywords::new(&["personnummer", "personnr", "samordningsnummer"]);
const SIN: Keywords = Keywords::new(&["sin", "social insurance", "nas", "assurance sociale"]);
const TFN: Keywords = Keywords::new(&["tfn", "tax file number", "tax file no"]);
const ABN: Keywords = Keywords::new(&["abn", "australian business number"]);
const AADHAAR: Keywords = Keywords::new(&["aadhaar", "aadhar", "uidai", "uid"]);
const CPF: Keywords = Keywords::new(&["cpf"]);
const CNPJ: Keywords = Keywords::new(&["cnpj"]);
const IMEI: Keywords = Keywords::new(&["imei", "device", "handset"]);
const DNI: Keywords = Keywords::new(&["dni", "nif", "nie", "documento"]);
const NINO: Keywords = Keywords::new(&["national insurance", "nino", "ni number", "ni no"]);
const PAN: Keywords = Keywords::new(&["pan", "permanent account number", "income tax"]);
const VIN: Keywords = Keywords::new(&["vin", "vehicle", "fahrgestellnummer", "chassis"]);
const VAT: Keywords = Keywords::new(&[
    "vat",
    "ust-id",
    "ust-idnr",
    "ustid",
    "umsatzsteuer",
    "tva",
    "iva",
    "btw",
    "mwst",
    "nip",
    "moms",
]);
const CF: Keywords = Keywords::new(&["codice fiscale", "cf"]);

/// One printed form of a digit identifier.
struct Format {
    kind: EntityKind,
    /// Total digit count (the sum of the groups), compared first.
    len: usize,
    /// The digit group lengths (`[3, 2, 4]` for an SSN) and the separators between them, in
    /// order (none for a plain number), packed as [`Run::shape`] packs a run's.
    shape: (u64, u64),
    /// Checksum or structure test on the digits.
    check: fn(&[u8]) -> bool,
    /// True when `check` is a checksum (the candidate is marked validated).
    checksum: bool,
    /// Score without context; below 0.5 means the type needs context in this form.
    score: f32,
    context: Keywords,
    rule: &'static str,
}

macro_rules! formats {
    ($( $kind:ident $groups:tt $seps:literal $check:expr, $checksum:literal, $score:literal, $ctx:ident, $rule:literal; )*) => {
        &[ $( Format {
            kind: EntityKind::$kind,
            len: total(&$groups),
            shape: (pack(&$groups), pack($seps)),
            check: $check,
            checksum: $checksum,
            score: $score,
            context: $ctx,
            rule: $rule,
        }, )* ]
    };
}

const fn total(groups: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < groups.len() {
        n += groups[i] as usize;
        i += 1;
    }
    n
}

fn siren(d: &[u8]) -> bool {
    d.len() == 9 && luhn::is_valid(d)
}

/// SIRET: Luhn, except La Poste establishments (SIREN 356000000) whose digit sum is a multiple of 5.
fn siret(d: &[u8]) -> bool {
    if d.starts_with(b"356000000") {
        return d.iter().map(|&b| u32::from(b - b'0')).sum::<u32>() % 5 == 0;
    }
    luhn::is_valid(d)
}

/// Canadian SIN: Luhn; 0 and 8 are not issued as first digits.
fn sin(d: &[u8]) -> bool {
    !matches!(d[0], b'0' | b'8') && luhn::is_valid(d)
}

fn aadhaar(d: &[u8]) -> bool {
    d[0] >= b'2' && verhoeff::is_valid(d)
}

/// Twelve-digit personnummer: century 18-20, then the ten-digit form.
fn personnummer12(d: &[u8]) -> bool {
    matches!(&d[..2], b"18" | b"19" | b"20") && personnummer::is_valid(&d[2..])
}

fn imei(d: &[u8]) -> bool {
    luhn::is_valid(d) && d.iter().any(|&b| b != d[0])
}

const FORMATS: &[Format] = formats! {
    UsSsn [3, 2, 4] b"--" us_tin::is_ssn, false, 0.7, SSN, "us_ssn";
    UsSsn [3, 2, 4] b"  " us_tin::is_ssn, false, 0.4, SSN, "us_ssn";
    UsSsn [9] b"" us_tin::is_ssn, false, 0.3, SSN, "us_ssn";
    UsItin [3, 2, 4] b"--" us_tin::is_itin, false, 0.7, ITIN, "us_itin";
    UsItin [9] b"" us_tin::is_itin, false, 0.3, ITIN, "us_itin";
    UsEin [2, 7] b"-" us_tin::is_ein, false, 0.3, EIN, "us_ein";
    UsEin [9] b"" us_tin::is_ein, false, 0.3, EIN, "us_ein";
    UkNhs [3, 3, 4] b"  " nhs::is_valid, true, 0.45, NHS, "uk_nhs.mod11";
    UkNhs [3, 3, 4] b"--" nhs::is_valid, true, 0.45, NHS, "uk_nhs.mod11";
    UkNhs [10] b"" nhs::is_valid, true, 0.3, NHS, "uk_nhs.mod11";
    DeTaxId [11] b"" steuer_id::is_valid, true, 0.3, DE_TAX, "de_tax_id.iso7064";
    DeTaxId [2, 3, 3, 3] b"   " steuer_id::is_valid, true, 0.4, DE_TAX, "de_tax_id.iso7064";
    FrNir [1, 2, 2, 2, 3, 3, 2] b"      " nir::is_valid, true, 0.85, NIR, "fr_nir.mod97";
    FrNir [13, 2] b" " nir::is_valid, true, 0.7, NIR, "fr_nir.mod97";
    FrNir [15] b"" nir::is_valid, true, 0.45, NIR, "fr_nir.mod97";
    FrSiren [9] b"" siren, true, 0.3, SIREN, "fr_siren.luhn";
    FrSiren [3, 3, 3] b"  " siren, true, 0.3, SIREN, "fr_siren.luhn";
    FrSiret [14] b"" siret, true, 0.3, SIRET, "fr_siret.luhn";
    FrSiret [3, 3, 3, 5] b"   " siret, true, 0.55, SIRET, "fr_siret.luhn";
    NlBsn [9] b"" elfproef::is_bsn, true, 0.3, BSN, "nl_bsn.elfproef";
    NlBsn [4, 2, 3] b".." elfproef::is_bsn, true, 0.3, BSN, "nl_bsn.elfproef";
    BeNationalNumber [2, 2, 2, 3, 2] b"..-." be_national::is_valid, true, 0.9, BE, "be_nn.mod97";
    BeNationalNumber [6, 3, 2] b"-." be_national::is_valid, true, 0.85, BE, "be_nn.mod97";
    BeNationalNumber [6, 3, 2] b"  " be_national::is_valid, true, 0.4, BE, "be_nn.mod97";
    BeNationalNumber [11] b"" be_national::is_valid, true, 0.3, BE, "be_nn.mod97";
    PlPesel [11] b"" pesel::is_valid, true, 0.3, PESEL, "pl_pesel.weights";
    SePersonnummer [6, 4] b"-" personnummer::is_valid, true, 0.6, SE, "se_personnummer.luhn";
    SePersonnummer [6, 4] b"+" personnummer::is_valid, true, 0.6, SE, "se_personnummer.luhn";
    SePersonnummer [8, 4] b"-" personnummer12, true, 0.6, SE, "se_personnummer.luhn";
    SePersonnummer [10] b"" personnummer::is_valid, true, 0.3, SE, "se_personnummer.luhn";
    SePersonnummer [12] b"" personnummer12, true, 0.3, SE, "se_personnummer.luhn";
    CaSin [3, 3, 3] b"  " sin, true, 0.4, SIN, "ca_sin.luhn";
    CaSin [3, 3, 3] b"--" sin, true, 0.45, SIN, "ca_sin.luhn";
    CaSin [9] b"" sin, true, 0.3, SIN, "ca_sin.luhn";
    AuTfn [3, 3, 3] b"  " australia::is_tfn, true, 0.3, TFN, "au_tfn.mod11";
    AuTfn [9] b"" australia::is_tfn, true, 0.3, TFN, "au_tfn.mod11";
    AuTfn [8] b"" australia::is_tfn, true, 0.3, TFN, "au_tfn.mod11";
    AuAbn [2, 3, 3, 3] b"   " australia::is_abn, true, 0.6, ABN, "au_abn.mod89";
    AuAbn [11] b"" australia::is_abn, true, 0.3, ABN, "au_abn.mod89";
    InAadhaar [4, 4, 4] b"  " aadhaar, true, 0.55, AADHAAR, "in_aadhaar.verhoeff";
    InAadhaar [4, 4, 4] b"--" aadhaar, true, 0.55, AADHAAR, "in_aadhaar.verhoeff";
    InAadhaar [12] b"" aadhaar, true, 0.3, AADHAAR, "in_aadhaar.verhoeff";
    BrCpf [3, 3, 3, 2] b"..-" brazil::is_cpf, true, 0.9, CPF, "br_cpf.mod11";
    BrCpf [9, 2] b"-" brazil::is_cpf, true, 0.6, CPF, "br_cpf.mod11";
    BrCpf [11] b"" brazil::is_cpf, true, 0.3, CPF, "br_cpf.mod11";
    BrCnpj [2, 3, 3, 4, 2] b"../-" brazil::is_cnpj, true, 0.9, CNPJ, "br_cnpj.mod11";
    BrCnpj [14] b"" brazil::is_cnpj, true, 0.3, CNPJ, "br_cnpj.mod11";
    Imei [15] b"" imei, true, 0.3, IMEI, "imei.luhn";
    Imei [2, 6, 6, 1] b"---" imei, true, 0.3, IMEI, "imei.luhn";
    Imei [2, 6, 6, 1] b"   " imei, true, 0.3, IMEI, "imei.luhn";
};

/// Longest digit count of any format.
const MAX_LEN: usize = 15;

/// For each digit count, one bit per format of that length (in [`FORMATS`] order), so a run is
/// compared with the few formats it could be rather than with all of them.
const BY_LEN: [u64; MAX_LEN + 1] = {
    assert!(FORMATS.len() <= 64);
    let mut table = [0u64; MAX_LEN + 1];
    let mut i = 0;
    while i < FORMATS.len() {
        assert!(FORMATS[i].len <= MAX_LEN);
        table[FORMATS[i].len] |= 1 << i;
        i += 1;
    }
    table
};

/// Every national rule on a digit run (called by the shared digit-run pass, [`super::run`]).
pub(super) fn on_run(
    text: &[u8],
    run: &Run,
    near: &mut Near,
    floors: &Floors,
    out: &mut Vec<Candidate>,
) {
    if run.len() < 8 {
        if run.is_exactly(&[2, 2, 2], b"  ") || run.is_plain(6) {
            spaced_nino(text, run, out);
        }
        return;
    }
    let mut candidates = BY_LEN.get(run.len()).copied().unwrap_or(0);
    let shape = run.shape();
    while candidates != 0 {
        let f = &FORMATS[candidates.trailing_zeros() as usize];
        candidates &= candidates - 1;
        if shape != f.shape {
            continue;
        }
        let keyed = (f.score + CONTEXT_BONUS).min(MAX);
        if !floors.may_keep(f.kind, keyed) {
            continue;
        }
        // A low-scored format is kept only with its keyword near. Most numbers have none (order
        // numbers), so the keyword is looked for before the checksum.
        let needs_keyword = !floors.may_keep(f.kind, f.score);
        if needs_keyword && !near.around().any(&f.context) {
            continue;
        }
        if (f.check)(run.digits()) {
            let keyword = needs_keyword || near.around().any(&f.context);
            let score = if keyword { keyed } else { f.score };
            let c = Candidate::new(f.kind, run.start, run.end, score, f.rule);
            out.push(if f.checksum { c.validated() } else { c });
        }
    }
    if run.is_plain(8) {
        dni_with_dash(text, run, out);
    }
}

/// Pushes a candidate scored with its context words.
#[allow(clippy::too_many_arguments)]
fn push(
    text: &[u8],
    out: &mut Vec<Candidate>,
    kind: EntityKind,
    start: usize,
    end: usize,
    score: f32,
    context: Keywords,
    rule: &'static str,
    checksum: bool,
) {
    let score = if near::keyword(text, start, end, &context) {
        (score + CONTEXT_BONUS).min(MAX)
    } else {
        score
    };
    let c = Candidate::new(kind, start, end, score, rule);
    out.push(if checksum { c.validated() } else { c });
}

/// Identifiers written as one alphanumeric word: DNI/NIE, NINO, PAN, codice fiscale, VIN, VAT.
#[inline(always)]
fn alphanumeric(text: &[u8], w: &Word, out: &mut Vec<Candidate>) {
    // Every identifier below has 4 to 17 characters.
    if w.letters == 0 || !(4..=17).contains(&w.len()) {
        return;
    }
    alphanumeric_word(text, w, out);
}

/// The slow path of [`alphanumeric`], out of line so that rejecting a word needs no stack frame.
#[inline(never)]
fn alphanumeric_word(text: &[u8], w: &Word, out: &mut Vec<Candidate>) {
    let b = w.bytes(text);
    let (s, e) = (w.start, w.end);
    match b.len() {
        9 if mod23::is_dni(b) => push(
            text,
            out,
            EntityKind::EsDni,
            s,
            e,
            0.6,
            DNI,
            "es_dni.mod23",
            true,
        ),
        9 if mod23::is_nie(b) => push(
            text,
            out,
            EntityKind::EsNie,
            s,
            e,
            0.7,
            DNI,
            "es_nie.mod23",
            true,
        ),
        9 if is_nino(b) => push(
            text,
            out,
            EntityKind::UkNino,
            s,
            e,
            0.6,
            NINO,
            "uk_nino",
            false,
        ),
        10 if is_pan(b) => push(
            text,
            out,
            EntityKind::InPan,
            s,
            e,
            0.55,
            PAN,
            "in_pan",
            false,
        ),
        16 if codice_fiscale::is_valid(b) => push(
            text,
            out,
            EntityKind::ItFiscalCode,
            s,
            e,
            0.9,
            CF,
            "it_cf.check",
            true,
        ),
        // Corsican NIRs carry 2A/2B as the department, so they are words, not digit runs.
        15 if nir::is_valid(b) => push(
            text,
            out,
            EntityKind::FrNir,
            s,
            e,
            0.45,
            NIR,
            "fr_nir.mod97",
            true,
        ),
        17 if vin::is_valid(b) => push(
            text,
            out,
            EntityKind::Vin,
            s,
            e,
            0.8,
            VIN,
            "vin.iso3779",
            true,
        ),
        17 if vin::is_well_formed(b) && w.letters >= 3 => push(
            text,
            out,
            EntityKind::Vin,
            s,
            e,
            0.3,
            VIN,
            "vin.context",
            false,
        ),
        _ => {}
    }
    if (4..=14).contains(&b.len()) && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase() {
        match vat::check(b) {
            Some(vat::Vat::Checked) => push(
                text,
                out,
                EntityKind::EuVat,
                s,
                e,
                0.9,
                VAT,
                "eu_vat.check",
                true,
            ),
            Some(vat::Vat::Format) => push(
                text,
                out,
                EntityKind::EuVat,
                s,
                e,
                0.4,
                VAT,
                "eu_vat.format",
                false,
            ),
            None => {}
        }
    }
}

/// UK National Insurance number: valid prefix letters, six digits, suffix A-D.
fn is_nino(b: &[u8]) -> bool {
    b.len() == 9
        && nino_prefix(&b[..2])
        && b[2..8].iter().all(u8::is_ascii_digit)
        && matches!(b[8], b'A'..=b'D')
}

fn nino_prefix(p: &[u8]) -> bool {
    p.len() == 2
        && p[0].is_ascii_uppercase()
        && p[1].is_ascii_uppercase()
        && !b"DFIQUV".contains(&p[0])
        && !b"DFIOQUV".contains(&p[1])
        && !matches!(p, b"BG" | b"GB" | b"KN" | b"NK" | b"NT" | b"TN" | b"ZZ")
}

/// "AB 12 34 56 C" or "AB 123456 C": the letters are outside the digit run.
fn spaced_nino(text: &[u8], run: &Run, out: &mut Vec<Candidate>) {
    if run.start < 3 || text[run.start - 1] != b' ' {
        return;
    }
    let prefix_start = run.start - 3;
    let suffix = run.end + 1;
    let ok = nino_prefix(&text[prefix_start..prefix_start + 2])
        && near::is_word(text, prefix_start, prefix_start + 2)
        && (prefix_start == 0 || !text[prefix_start - 1].is_ascii_digit())
        && text.get(run.end) == Some(&b' ')
        && text.get(suffix).is_some_and(|b| matches!(b, b'A'..=b'D'))
        && text
            .get(suffix + 1)
            .map_or(true, |b| !b.is_ascii_alphanumeric());
    if ok {
        push(
            text,
            out,
            EntityKind::UkNino,
            prefix_start,
            suffix + 1,
            0.6,
            NINO,
            "uk_nino",
            false,
        );
    }
}

/// "12345678-Z": a DNI with its letter after a dash.
fn dni_with_dash(text: &[u8], run: &Run, out: &mut Vec<Candidate>) {
    if text.get(run.end) != Some(&b'-') {
        return;
    }
    let Some(&letter) = text.get(run.end + 1) else {
        return;
    };
    let glued = text.get(run.end + 2).is_some_and(u8::is_ascii_alphanumeric);
    let mut chars = [0u8; 9];
    chars[..8].copy_from_slice(run.digits());
    chars[8] = letter;
    if !glued && mod23::is_dni(&chars) {
        push(
            text,
            out,
            EntityKind::EsDni,
            run.start,
            run.end + 2,
            0.6,
            DNI,
            "es_dni.mod23",
            true,
        );
    }
}

/// Indian PAN: five letters (the fourth is the holder type), four digits, a letter.
fn is_pan(b: &[u8]) -> bool {
    b.len() == 10
        && b[..5].iter().all(u8::is_ascii_uppercase)
        && b"ABCFGHJLPT".contains(&b[3])
        && b[5..9].iter().all(u8::is_ascii_digit)
        && b[9].is_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::digits::Words;

    /// Candidates at or above the default threshold.
    fn find(text: &str) -> Vec<(EntityKind, String)> {
        find_above(text, 0.5)
    }

    /// Candidates at or above `threshold` (every type enabled).
    fn find_above(text: &str, threshold: f32) -> Vec<(EntityKind, String)> {
        let t = text.as_bytes();
        let floors = Floors::new(|_| Some(threshold), |_| 0);
        let mut out = Vec::new();
        for w in Words::new(t) {
            alphanumeric(t, &w, &mut out);
            if let Some(r) = Run::parse(t, &w) {
                on_run(t, &r, &mut Near::new(t, &r), &floors, &mut out);
            }
        }
        out.iter()
            .filter(|c| c.score >= threshold)
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn a_low_threshold_keeps_numbers_without_keywords() {
        // 100000231 passes the Luhn check of the Canadian SIN and the French SIREN.
        let plain = find_above("invoice 100000231 left", 0.3);
        assert!(
            plain.contains(&(EntityKind::CaSin, "100000231".into())),
            "{plain:?}"
        );
        assert!(find("invoice 100000231 left").is_empty());
        let keyed = find("SIN 100000231");
        assert_eq!(keyed, [(EntityKind::CaSin, "100000231".into())]);
    }

    #[test]
    fn formatted_ids_need_no_context() {
        for (text, kind, value) in [
            ("SSN 536-22-8514", EntityKind::UsSsn, "536-22-8514"),
            ("CPF: 529.982.247-25", EntityKind::BrCpf, "529.982.247-25"),
            (
                "CNPJ 11.222.333/0001-81",
                EntityKind::BrCnpj,
                "11.222.333/0001-81",
            ),
            (
                "nr 85.07.30-033.28",
                EntityKind::BeNationalNumber,
                "85.07.30-033.28",
            ),
            (
                "code RSSMRA85T10A562S",
                EntityKind::ItFiscalCode,
                "RSSMRA85T10A562S",
            ),
            (
                "car 1M8GDM9AXKP042788",
                EntityKind::Vin,
                "1M8GDM9AXKP042788",
            ),
            ("USt DE136695976", EntityKind::EuVat, "DE136695976"),
            ("NI AB 12 34 56 C.", EntityKind::UkNino, "AB 12 34 56 C"),
        ] {
            assert!(
                find(text).contains(&(kind, value.to_string())),
                "{text}: {:?}",
                find(text)
            );
        }
    }

    #[test]
    fn plain_digits_need_context() {
        assert_eq!(find("Order 111222333"), []);
        assert_eq!(
            find("BSN 111222333"),
            [(EntityKind::NlBsn, "111222333".to_string())]
        );
        assert_eq!(
            find("NHS number 943 476 5919"),
            [(EntityKind::UkNhs, "943 476 5919".to_string())]
        );
        assert_eq!(find("call 943 476 5919"), []);
        assert_eq!(find("business 130 692 544"), []);
        assert_eq!(
            find("SIN 130 692 544"),
            [(EntityKind::CaSin, "130 692 544".to_string())]
        );
    }
}
