//! Property tests of redaction and restoration.
//!
//! Findings come from an operator dictionary of supplier names, request known values (person
//! names) and the e-mail recognizer, so the properties hold whatever other recognizers exist.
//!
//! 1. The redacted text contains no value that was found (placeholder, token, hash, remove, mask).
//! 2. Restoring a redaction gives back its input (placeholder, token), whatever the input holds.
//! 3. Restoring a stream gives what restoring the whole text gives, for every chunking.
//! 4. Findings in valid UTF-8 lie on character boundaries and their character offsets agree with
//!    `str::char_indices`.
//! 5. No input panics anywhere: arbitrary bytes, invalid UTF-8, NULs, long repetitions.
//!
//! Supplier terms and person names use only the letters `j k q v w x y z`; filler words never
//! do, and neither do labels, hex digits or mask stars, so a value found in the input can only
//! reappear in the output if redaction left it there.

use proptest::prelude::*;
use proptest::sample::Index;
use sovereign::catalogue::ALL;
use sovereign::detect::dictionary::TermList;
use sovereign::{Engine, EntityKind, Operator, Policy, Request};
use std::sync::OnceLock;

const SECRET: &[u8] = b"property test secret, 32 bytes..";

const TERMS: &[&str] = &["Qwyx", "Zzkv", "Jhkq Vwx", "Xyzzy"];

const OPERATORS: [Operator; 6] = [
    Operator::Placeholder,
    Operator::Token,
    Operator::Mask { keep_last: 2 },
    Operator::Hash,
    Operator::Remove,
    Operator::Keep,
];

/// Text that looks like labels, brackets and separators, to trip restoration up.
const TRICKY: &[&str] = &[
    "[EMAIL_1]",
    "EMAIL_1",
    "[email_2]",
    "[SUPPLIER_1]",
    "supplier_1",
    "[PERSON 1]",
    "{{PERSON_1}}",
    "(Person-2)",
    "EMAIL_",
    "email",
    "[[",
    "]]",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "(",
    ")",
    "  ",
    "_",
    "-",
    "\0",
    "é",
    "日本",
    "😀",
    "ß",
];

/// Separators that keep every value a whole word (property 1).
const CLEAN_SEPARATORS: &[&str] = &[
    " ", "\n", ", ", ". ", "; ", " (", ") ", " [", "] ", "\t", " - ", " / ", " é ",
];

/// Anything goes between pieces, nothing included (properties 2, 3, 5).
const ANY_SEPARATORS: &[&str] = &[
    "", " ", "\n", ",", ".", "-", "_", "[", "]", "{", "}", "(", ")", "<", ">", "  ", "é",
];

/// One engine per operator, built once.
fn engine(operator: Operator) -> &'static Engine {
    static ENGINES: OnceLock<Vec<Engine>> = OnceLock::new();
    let engines = ENGINES.get_or_init(|| {
        OPERATORS
            .iter()
            .map(|&operator| build(operator, false))
            .collect()
    });
    let i = OPERATORS.iter().position(|&o| o == operator).unwrap();
    &engines[i]
}

/// One engine per reversible operator with a small policy: only the three types the
/// properties produce, no classification keywords. Its scan jumps between `@` signs and finds
/// the places where a label may start with a search of its own, not in the trigger pass.
fn small_engine(operator: Operator) -> &'static Engine {
    static ENGINES: OnceLock<[Engine; 2]> = OnceLock::new();
    let engines = ENGINES.get_or_init(|| {
        [
            build(Operator::Placeholder, true),
            build(Operator::Token, true),
        ]
    });
    &engines[usize::from(operator == Operator::Token)]
}

fn build(operator: Operator, small: bool) -> Engine {
    let mut policy = Policy::default();
    for &kind in ALL {
        policy.entity_mut(kind).operator = operator;
        if small {
            policy.entity_mut(kind).enabled = matches!(
                kind,
                EntityKind::Email | EntityKind::Supplier | EntityKind::KnownValue
            );
        }
    }
    if small {
        policy.set_keywords(Vec::new());
    }
    policy.add_dictionary(TermList {
        kind: EntityKind::Supplier,
        terms: TERMS.iter().map(|t| t.to_string()).collect(),
        case_insensitive: true,
        whole_words: true,
    });
    Engine::builder()
        .policy(policy)
        .secret_key(SECRET)
        .build()
        .unwrap()
}

#[derive(Clone, Debug)]
enum Piece {
    Text(Vec<u8>),
    /// One of the request's known names.
    Name(Index, u8),
}

/// Changes ASCII case by `style`: as is, upper, lower, or alternating.
fn recase(s: &str, style: u8) -> String {
    match style % 4 {
        0 => s.to_string(),
        1 => s.to_ascii_uppercase(),
        2 => s.to_ascii_lowercase(),
        _ => s
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect(),
    }
}

fn names() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[jkqvwxyz]{3,6}( [jkqvwxyz]{3,6})?", 0..3)
}

fn request(names: &[String]) -> Request<'static> {
    names.iter().fold(Request::new(), |r, n| {
        r.known_value(EntityKind::Person, n.clone())
    })
}

/// Values and filler that keep the letters of values out of everything else.
fn clean_piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        3 => "[a-ilmnoprstuA-ILMNOPRSTU0-9]{1,8}".prop_map(|s| Piece::Text(s.into_bytes())),
        2 => (prop::sample::select(TERMS), any::<u8>())
            .prop_map(|(t, style)| Piece::Text(recase(t, style).into_bytes())),
        2 => "[a-z]{1,5}(\\.[a-z0-9]{1,3})?@[a-z]{1,6}\\.(com|de|org)"
            .prop_map(|s| Piece::Text(s.into_bytes())),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, style)| Piece::Name(i, style)),
        1 => prop::sample::select(vec!["é", "日本", "😀", "ß", "Ünïcödé"])
            .prop_map(|s| Piece::Text(s.as_bytes().to_vec())),
    ]
}

/// Anything: values, labels, brackets, arbitrary bytes.
fn any_piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        6 => clean_piece(),
        3 => prop::sample::select(TRICKY).prop_map(|s| Piece::Text(s.as_bytes().to_vec())),
        1 => prop::collection::vec(any::<u8>(), 1..4).prop_map(Piece::Text),
    ]
}

fn render(pieces: &[(Piece, &str)], names: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for (piece, sep) in pieces {
        match piece {
            Piece::Text(bytes) => out.extend_from_slice(bytes),
            Piece::Name(i, style) if !names.is_empty() => {
                out.extend_from_slice(recase(&names[i.index(names.len())], *style).as_bytes())
            }
            Piece::Name(..) => {}
        }
        out.extend_from_slice(sep.as_bytes());
    }
    out
}

fn clean_text() -> impl Strategy<Value = (Vec<String>, String)> {
    let pieces = prop::collection::vec(
        (clean_piece(), prop::sample::select(CLEAN_SEPARATORS)),
        0..30,
    );
    (names(), pieces).prop_map(|(names, pieces)| {
        let text = String::from_utf8(render(&pieces, &names)).unwrap();
        (names, text)
    })
}

fn any_text() -> impl Strategy<Value = (Vec<String>, Vec<u8>)> {
    let pieces = prop::collection::vec((any_piece(), prop::sample::select(ANY_SEPARATORS)), 0..40);
    (names(), pieces).prop_map(|(names, pieces)| {
        let text = render(&pieces, &names);
        (names, text)
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// Writes `label` the way a model might: any case, `-` or space for `_`, brackets, inner spaces,
/// doubled brackets, or cut short.
fn spell(label: &str, style: [u8; 4]) -> Vec<u8> {
    let [case, sep, bracket, spaces] = style;
    let mut word = recase(label, case).into_bytes();
    let bracketed = bracket % 7 != 0;
    if bracketed {
        for b in &mut word {
            if *b == b'_' {
                *b = [b'_', b'-', b' '][(sep % 3) as usize];
            }
        }
    }
    if sep % 11 == 10 {
        word.truncate(word.len() / 2);
    }
    let (open, close) = match bracket % 7 {
        0 => return word,
        1 | 5 => ("[", "]"),
        2 => ("(", ")"),
        3 => ("{", "}"),
        4 => ("<", ">"),
        _ => ("[[", "]]"),
    };
    let pad = " ".repeat((spaces % 3) as usize);
    let mut out = Vec::new();
    out.extend_from_slice(open.as_bytes());
    out.extend_from_slice(pad.as_bytes());
    out.extend_from_slice(&word);
    out.extend_from_slice(pad.as_bytes());
    out.extend_from_slice(close.as_bytes());
    out
}

/// Splits `text` at `cuts` (any byte offsets, inside characters and labels too).
fn chunks<'t>(text: &'t [u8], cuts: &[Index]) -> Vec<&'t [u8]> {
    let mut at: Vec<usize> = cuts.iter().map(|i| i.index(text.len() + 1)).collect();
    at.sort_unstable();
    let mut out = Vec::new();
    let mut last = 0;
    for cut in at {
        out.push(&text[last..cut]);
        last = cut;
    }
    out.push(&text[last..]);
    out
}

fn stream(restorer: &mut sovereign::StreamRestorer, parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend(restorer.push(part));
        // Only a possible label and the brackets around it are ever held back.
        assert!(restorer.held() <= 96 + 8, "held {}", restorer.held());
    }
    out.extend(restorer.finish());
    out
}

/// The generators do produce every kind of finding the properties are about.
#[test]
fn generated_values_are_found() {
    let names = vec!["qqk zzv".to_string()];
    let text = "QQK ZZV bought Jhkq vwx from ab.c1@def.org; XYZZY";
    let r = engine(Operator::Placeholder).redact_request(text.as_bytes(), &request(&names));
    let kinds: Vec<EntityKind> = r.findings().iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            EntityKind::Person,
            EntityKind::Supplier,
            EntityKind::Email,
            EntityKind::Supplier
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (1) No found value survives in the redacted text.
    #[test]
    fn redacted_text_holds_no_found_value(
        (names, text) in clean_text(),
        op in prop::sample::select(OPERATORS[..5].to_vec()),
    ) {
        let r = engine(op).redact_request(text.as_bytes(), &request(&names));
        let out = r.text().to_ascii_lowercase();
        for f in r.findings() {
            if matches!(f.kind, EntityKind::Supplier | EntityKind::Person | EntityKind::Email) {
                let value = f.value(text.as_bytes()).to_ascii_lowercase();
                prop_assert!(
                    !contains(&out, &value),
                    "{op}: {:?} left in {:?}",
                    String::from_utf8_lossy(&value),
                    String::from_utf8_lossy(r.text())
                );
            }
        }
    }

    /// (2) restore(redact(x)) == x for the reversible operators, whatever x holds, also streamed.
    #[test]
    fn restoring_a_redaction_gives_its_input(
        (names, text) in any_text(),
        token in any::<bool>(),
        cuts in prop::collection::vec(any::<Index>(), 0..8),
    ) {
        let op = if token { Operator::Token } else { Operator::Placeholder };
        for engine in [engine(op), small_engine(op)] {
            let r = engine.redact_request(&text, &request(&names));
            prop_assert_eq!(r.restore(r.text()), text.clone());
            let parts = chunks(r.text(), &cuts);
            prop_assert_eq!(stream(&mut r.restorer(), &parts), text.clone());
        }
    }

    /// (3) Streaming restore equals whole restore for every chunking of any model answer.
    #[test]
    fn streaming_equals_whole_restore(
        (names, input) in any_text(),
        answer in prop::collection::vec(
            prop_oneof![
                2 => (any::<Index>(), any::<[u8; 4]>()).prop_map(|(i, s)| (Some(i), s, Vec::new())),
                3 => any_piece().prop_map(|p| match p {
                    Piece::Text(t) => (None, [0; 4], t),
                    Piece::Name(..) => (None, [0; 4], b" ".to_vec()),
                }),
                1 => prop::sample::select(ANY_SEPARATORS)
                    .prop_map(|s| (None, [0; 4], s.as_bytes().to_vec())),
            ],
            0..40,
        ),
        cuts in prop::collection::vec(any::<Index>(), 0..12),
        token in any::<bool>(),
    ) {
        let op = if token { Operator::Token } else { Operator::Placeholder };
        let r = engine(op).redact_request(&input, &request(&names));
        let labels: Vec<&str> = r.vault().labels().collect();
        let mut text = Vec::new();
        for (label, style, bytes) in &answer {
            match label {
                Some(i) if !labels.is_empty() => {
                    text.extend(spell(labels[i.index(labels.len())], *style))
                }
                _ => text.extend_from_slice(bytes),
            }
        }
        let whole = r.restore(&text);
        let parts = chunks(&text, &cuts);
        prop_assert_eq!(stream(&mut r.restorer(), &parts), whole.clone());
        // One byte at a time is the hardest chunking.
        let bytes: Vec<&[u8]> = text.chunks(1).collect();
        prop_assert_eq!(stream(&mut r.restorer(), &bytes), whole);
    }

    /// (4) Findings of valid UTF-8 lie on character boundaries; char offsets agree with `str`.
    #[test]
    fn offsets_are_char_boundaries((names, text) in clean_text(), extra in "\\PC{0,20}") {
        let text = format!("{extra}{text}{extra}");
        let analysis = engine(Operator::Placeholder).analyze(text.as_bytes(), &request(&names));
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        for f in &analysis.findings {
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            prop_assert!(f.start < f.end);
            prop_assert_eq!(starts.get(f.char_start), Some(&f.start));
            prop_assert_eq!(starts.get(f.char_end), Some(&f.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// (5) Arbitrary bytes never panic, through every operator and every restore path.
    #[test]
    fn no_input_panics(
        text in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..2048),
            (prop::sample::select(vec![
                &b"EMAIL_1"[..], b"[[[[", b"@", b"a@b.de ", b"\0", b"\xff", b"\xf0\x9f", b"[EMAIL_",
                b"email 1 ", b"Qwyx ", b"{{", b"((((EMAIL_1))))",
            ]), 1..3000usize)
                .prop_map(|(pattern, n)| pattern.repeat(n)),
            any_text().prop_map(|(_, t)| t),
        ],
        op in prop::sample::select(OPERATORS.to_vec()),
        cuts in prop::collection::vec(any::<Index>(), 0..6),
    ) {
        let engine = engine(op);
        let _ = engine.scan(&text);
        let _ = engine.classify(&text);
        let r = engine.redact_request(&text, &request(&["qqq zzz".to_string()]));
        let restored = r.restore(&text);
        let parts = chunks(&text, &cuts);
        prop_assert_eq!(stream(&mut r.restorer(), &parts), restored);
        if matches!(op, Operator::Placeholder | Operator::Token) {
            prop_assert_eq!(r.restore(r.text()), text);
        }
    }
}
