//! Recognizers for the person family: names, street addresses, UK postcodes, dates of birth and
//! identity documents. One submodule per type group; this file only lists the rule tables.

mod address;
mod birth;
mod documents;
mod name;
mod names;
mod postcode;
mod text;

use crate::catalogue::EntityKind;
use crate::detect::context::ContextWords;
use crate::detect::{LiteralRule, TextRule, WordRule};

/// One literal rule per listed literal, all calling `recognize`.
macro_rules! literals {
    ($($recognize:path => [$($literal:literal),* $(,)?]),* $(,)?) => {
        &[$($(LiteralRule { literal: $literal, recognize: $recognize },)*)*]
    };
}

pub(crate) const LITERALS: &[LiteralRule] = literals![
    name::greeting => ["dear", "hi", "hello"],
    name::honorific => [
        "mr", "mrs", "ms", "miss", "dr", "herr", "frau", "monsieur", "madame", "mme", "sr.", "sra.",
    ],
    name::label => [
        "name:", "customer:", "ship to:", "bill to:", "sold to:", "deliver to:", "recipient:",
        "contact:", "attn:", "attn.", "attention:", "employee:", "cardholder:", "addressee:",
        "passenger:", "patient:", "empfänger:", "destinataire:",
    ],
    name::header => ["from:", "to:", "cc:", "reply-to:"],
    name::signoff => ["regards", "best", "thanks", "cheers", "sincerely", "grüße", "cordialement", "saludos"],
    birth::after_label => [
        "date of birth", "birth date", "birthdate", "dob", "d.o.b", "born", "birthday",
        "geburtsdatum", "geboren", "geb.", "né le", "née le", "date de naissance",
        "fecha de nacimiento", "fecha nac", "data di nascita", "nato il", "nata il",
        "geboortedatum",
    ],
    documents::passport => [
        "passport", "reisepass", "passeport", "pasaporte", "passaporto", "paspoort",
    ],
    documents::licence => [
        "driver's licen", "driver’s licen", "drivers licen", "drivers' licen", "driver licen",
        "driving licen", "führerschein", "fuehrerschein", "permis de conduire",
        "permiso de conducir", "carnet de conducir", "licencia de conducir", "patente di guida",
        "rijbewijs", "dl#", "dl no",
    ],
];

pub(crate) const WORDS: &[WordRule] = &[
    WordRule {
        name: "street_address",
        recognize: address::street,
    },
    WordRule {
        name: "uk_postcode",
        recognize: postcode::postcode,
    },
    WordRule {
        name: "uk_driving_licence",
        recognize: documents::uk_licence,
    },
];

pub(crate) const TEXTS: &[TextRule] = &[TextRule {
    name: "person.first_last",
    recognize: name::first_last,
}];

pub(crate) const CONTEXT: &[ContextWords] = &[
    ContextWords {
        kind: EntityKind::Person,
        raise: &[
            "name",
            "customer",
            "contact",
            "signed",
            "spoke with",
            "spoke to",
            "talked to",
            "called",
            "employee",
            "recipient",
            "client",
        ],
        lower: &[
            " inc",
            " ltd",
            " llc",
            "gmbh",
            "hotel",
            "university",
            "foundation",
        ],
    },
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
