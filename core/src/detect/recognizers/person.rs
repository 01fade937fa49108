//! Recognizers for the person family: names, street addresses, UK postcodes, dates of birth and
//! identity documents. One submodule per type group; this file only lists the rule tables.

mod address;
mod birth;
mod documents;
mod name;
mod names;
mod postcode;
mod starts;
mod text;

use crate::catalogue::EntityKind;
use crate::detect::context::ContextWords;
use crate::detect::{Candidate, LiteralRule, TextRule, Word};

/// One literal rule per listed literal, all calling `recognize`.
pub(crate) const LITERALS: &[LiteralRule] = literals![
    DateOfBirth..=DateOfBirth: birth::after_label => [
        "birth", "born", "dob", "geburtsdatum", "geboren", "geb.", "né le", "née le",
        "naissance", "nacimiento", "nascita", "nato il", "nata il", "geboortedatum",
    ],
    Passport..=Passport: documents::passport => [
        "passport", "reisepass", "passeport", "pasaporte", "passaporto", "paspoort",
    ],
    DrivingLicence..=UkDrivingLicence: documents::licence => [
        "licen", "führerschein", "fuehrerschein", "permis de conduire", "de conducir",
        "patente di guida", "rijbewijs", "dl#", "dl no",
    ],
];

/// The family's digit-word rules (see [`super::WordRules`]).
#[inline(always)]
pub(super) fn on_word(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    address::street(text, word, out);
    postcode::postcode(text, word, out);
    documents::uk_licence(text, word, out);
}

pub(crate) const TEXTS: &[TextRule] = &[TextRule {
    name: "person.capitalised",
    recognize: name::capitalised,
}];

/// No PERSON entry: the name rules read their own context (salutations, labels, title-case
/// runs), and a context table entry costs a window search per candidate, which the many
/// sub-threshold name pairs of ordinary prose would pay.
pub(crate) const CONTEXT: &[ContextWords] = &[
    ContextWords {
        kind: EntityKind::StreetAddress,
        raise: &[
            "address",
            "ship to",
            "deliver",
            "adresse",
            "anschrift",
            "dirección",
            "indirizzo",
            "live at",
            "located at",
        ],
        lower: &["sku", "model"],
    },
    ContextWords {
        kind: EntityKind::UkPostcode,
        raise: &["postcode", "post code", "postal code", "zip"],
        lower: &["sku", "model", "part no", "item", "art.", "ref"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::digits::Words;
    use crate::detect::Candidate;
    use proptest::prelude::*;
    use std::time::Instant;

    /// Runs every rule of this family over `text` the way the detector does.
    fn run_all(text: &[u8]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for rule in LITERALS {
            let lit = rule.literal.as_bytes();
            for start in 0..text.len() {
                let end = start + lit.len();
                if end <= text.len() && text[start..end].eq_ignore_ascii_case(lit) {
                    (rule.recognize)(text, start, end, &mut out);
                }
            }
        }
        for word in Words::new(text) {
            on_word(text, &word, &mut out);
        }
        for rule in TEXTS {
            (rule.recognize)(text, &mut out);
        }
        out
    }

    /// Pieces that reach every branch: triggers, names, numbers, non-ASCII and invalid bytes.
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::sample::select(vec![
                "Dear ",
                "Mr. ",
                "MR ",
                "Name: ",
                "Ship to: ",
                "From: ",
                "Kind regards,\n",
                "John ",
                "Smith",
                "Anna de Vries",
                "Étienne ",
                "Müller",
                "O'Brien",
                "Jean-Luc ",
                "221B ",
                "Baker Street",
                "Hauptstraße ",
                "Calle ",
                "Via Roma ",
                "PO Box ",
                "Postfach 12 34",
                "SW1A 1AA",
                "M1 1AE",
                "DOB: ",
                "born ",
                "03/03/1985",
                "3 März 1985",
                "March 3, 1985",
                "passport no ",
                "driver's licence ",
                "C01X00T47",
                "MORGA753116SM9IJ",
                "MORGA 753116 SM9IJ",
                " ",
                "\n",
                ",",
                ".",
                "-",
                "’",
                "'",
            ])
            .prop_map(|s| s.as_bytes().to_vec()),
            prop::collection::vec(any::<u8>(), 0..4),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn spans_are_sane_on_any_bytes(pieces in prop::collection::vec(piece(), 0..24)) {
            let text = pieces.concat();
            let valid = std::str::from_utf8(&text).is_ok();
            for c in run_all(&text) {
                prop_assert!(c.start < c.end && c.end <= text.len());
                // In valid UTF-8 a span never splits a character (stray continuation bytes of
                // invalid input belong to no character).
                if valid {
                    prop_assert!(crate::text::is_char_boundary(&text, c.start));
                    prop_assert!(crate::text::is_char_boundary(&text, c.end));
                }
            }
        }

        #[test]
        fn spans_keep_characters_whole(
            text in "(\\PC|Dear |Mr |Name: |DOB: |PO Box |[0-9]{1,4}|[A-Z][a-zé]{1,6}| |\n){0,40}"
        ) {
            let bytes = text.as_bytes();
            for c in run_all(bytes) {
                prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            }
        }
    }

    /// Times each pass of this family alone on ~1 MB of shop prose (the throughput text of
    /// `tests/person_eval.rs`, rebuilt here from the sample sentences). Run with
    /// `cargo test -p sovereign --release --lib person::tests::pass_costs -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing; run in release with --ignored --nocapture"]
    fn pass_costs() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let prose = std::fs::read_to_string(dir.join("tests/data/person_eval/prose.txt"))
            .expect("prose exists");
        let sample = std::fs::read_to_string(dir.join("tests/data/person_eval/sample.toml"))
            .expect("sample exists");
        let sentences: Vec<&str> = sample
            .lines()
            .filter_map(|l| l.strip_prefix("text = \""))
            .collect();
        // Two paragraphs of plain prose, then one sample sentence: about one finding per KB.
        let paragraphs: Vec<&str> = prose.lines().filter(|l| !l.is_empty()).collect();
        let mut text = Vec::new();
        let mut i = 0;
        while text.len() < 1 << 20 {
            for _ in 0..2 {
                text.extend_from_slice(paragraphs[i % paragraphs.len()].as_bytes());
                text.push(b' ');
                i += 1;
            }
            text.extend_from_slice(sentences[i % sentences.len()].as_bytes());
            text.extend_from_slice(b"\n\n");
        }
        let time = |f: &dyn Fn(&mut Vec<crate::detect::Candidate>)| {
            let mut best = f64::MAX;
            let mut n = 0;
            for _ in 0..10 {
                let mut out = Vec::new();
                let t = Instant::now();
                f(&mut out);
                best = best.min(t.elapsed().as_secs_f64());
                n = out.len();
            }
            (text.len() as f64 / best / 1e6, n)
        };
        let (mbs, n) = time(&|out| name::capitalised(&text, out));
        println!("capitalised-word pass: {mbs:.0} MB/s ({n} candidates)");
        let (mbs, n) = time(&|out| {
            for w in Words::new(&text) {
                on_word(&text, &w, out);
            }
        });
        println!("digit-word rules (incl. word iteration): {mbs:.0} MB/s ({n} candidates)");
        let (mbs, _) = time(&|_| {
            let _ = Words::new(&text).count();
        });
        println!("digit-word iteration alone: {mbs:.0} MB/s");
    }
}
