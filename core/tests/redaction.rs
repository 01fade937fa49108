//! Example-based tests of every redaction operator and of restoration, through the public API.
//!
//! Findings come from an operator dictionary, request known values and the e-mail recognizer,
//! so the tests hold whatever other recognizers the catalogue grows.

use sha2::{Digest, Sha256};
use sovereign::catalogue::ALL;
use sovereign::detect::dictionary::TermList;
use sovereign::{Engine, EntityKind, Operator, Policy, Request};

const SECRET: &[u8] = b"test secret, 32 bytes long......";

fn policy(operator: Operator) -> Policy {
    let mut policy = Policy::default();
    for &kind in ALL {
        policy.entity_mut(kind).operator = operator;
    }
    policy.add_dictionary(TermList {
        kind: EntityKind::Supplier,
        terms: vec!["Acme Textiles".into(), "Globex".into()],
        case_insensitive: true,
        whole_words: true,
    });
    policy
}

fn engine(operator: Operator) -> Engine {
    engine_with(operator, SECRET)
}

fn engine_with(operator: Operator, secret: &[u8]) -> Engine {
    Engine::builder()
        .policy(policy(operator))
        .secret_key(secret)
        .build()
        .unwrap()
}

fn redact(engine: &Engine, text: &str, request: &Request) -> String {
    let redaction = engine.redact_request(text.as_bytes(), request);
    String::from_utf8(redaction.text().to_vec()).unwrap()
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn placeholders_are_typed_numbered_and_reused() {
    let engine = engine(Operator::Placeholder);
    let request = Request::new().known_value(EntityKind::Person, "Jane Doe");
    let input =
        "Jane Doe <jane@example.com> buys from Globex; cc bob@example.org, JANE@example.com, \
                 jane@example.com again, and globex.";
    let r = engine.redact_request(input.as_bytes(), &request);
    assert_eq!(
        r.text_str(),
        Some(
            "[PERSON_1] <[EMAIL_1]> buys from [SUPPLIER_1]; cc [EMAIL_2], [EMAIL_3], \
             [EMAIL_1] again, and [SUPPLIER_2]."
        )
    );
    assert_eq!(r.vault().len(), 6);
    assert_eq!(text(r.restore(r.text())), input);
}

#[test]
fn labels_already_in_the_input_are_never_handed_out() {
    let engine = engine(Operator::Placeholder);
    let input =
        "Template: [EMAIL_1] / email_2 / [Email-4]. Real: jane@example.com, bob@example.org";
    let r = engine.redact(input);
    assert_eq!(
        r.text_str(),
        Some("Template: [EMAIL_1] / email_2 / [Email-4]. Real: [EMAIL_3], [EMAIL_5]")
    );
    assert_eq!(text(r.restore(r.text())), input);
    // The template's own labels stay as they are in the model's answer too.
    assert_eq!(
        text(r.restore("[EMAIL_1] [EMAIL_3] [email_5]")),
        "[EMAIL_1] jane@example.com bob@example.org"
    );
}

#[test]
fn a_value_in_square_brackets_comes_back_with_its_brackets() {
    let engine = engine(Operator::Placeholder);
    let input = "[jane@example.com] [[Globex]] [ Globex ]";
    let r = engine.redact(input);
    assert_eq!(
        r.text_str(),
        Some("[{EMAIL_1}] [[{SUPPLIER_1}]] [ [SUPPLIER_1] ]")
    );
    assert_eq!(text(r.restore(r.text())), input);
}

#[test]
fn restore_accepts_the_spellings_models_use() {
    let engine = engine(Operator::Placeholder);
    let r = engine.redact("Write to jane@example.com about Acme Textiles");
    let jane = "jane@example.com";
    for spelling in [
        "[EMAIL_1]",
        "[email_1]",
        "[Email_1]",
        "EMAIL_1",
        "email_1",
        "<EMAIL_1>",
        "{EMAIL_1}",
        "(EMAIL_1)",
        "[[EMAIL_1]]",
        "{{EMAIL_1}}",
        "[ EMAIL_1 ]",
        "{{ email_1 }}",
        "[EMAIL-1]",
        "[EMAIL 1]",
    ] {
        let answer = format!("Mail {spelling}, please.");
        assert_eq!(
            text(r.restore(&answer)),
            format!("Mail {jane}, please."),
            "{spelling}"
        );
    }
    assert_eq!(text(r.restore("[supplier 1]")), "Acme Textiles");
    assert_eq!(text(r.restore("(Supplier-1)")), "Acme Textiles");
}

#[test]
fn restore_leaves_what_is_not_a_whole_label() {
    let engine = engine(Operator::Placeholder);
    let r = engine.redact("jane@example.com");
    for answer in [
        "XEMAIL_1",
        "EMAIL_10",
        "[EMAIL_10]",
        "EMAIL_1x",
        "EMAIL_12 and EMAIL_1_",
        "email 1",
        "EMAIL-1",
        "[EMAIL__1]",
        "[EMAIL_2]",
        "[PERSON_1]",
    ] {
        assert_eq!(text(r.restore(answer)), answer);
    }
}

#[test]
fn streaming_restore_waits_only_for_possible_labels() {
    let engine = engine(Operator::Placeholder);
    let r = engine.redact("jane@example.com");
    let mut restorer = r.restorer();
    assert_eq!(restorer.push(b"Hello, "), b"Hello, ");
    assert_eq!(restorer.push(b"I wrote to ["), b"I wrote to ");
    assert_eq!(restorer.push(b"em"), b"");
    assert_eq!(restorer.push(b"ail_"), b"");
    assert_eq!(restorer.push(b"1] tod"), b"jane@example.com tod");
    assert_eq!(restorer.push(b"ay. EMAIL_1"), b"ay. ");
    assert_eq!(restorer.push(b"0 is not."), b"EMAIL_10 is not.");
    assert_eq!(restorer.finish(), b"");
}

#[test]
fn tokens_are_deterministic_per_tenant() {
    let a = engine(Operator::Token);
    let b = engine(Operator::Token);
    let other_secret = engine_with(Operator::Token, b"another secret of 32 bytes......");
    let store = Request::new().tenant("store-de");
    let input = "Customer jane@example.com wrote";
    let first = redact(&a, input, &store);
    let again = redact(&b, "Again: jane@example.com", &store);
    let token = first
        .strip_prefix("Customer [")
        .and_then(|t| t.strip_suffix("] wrote"))
        .unwrap();
    assert!(token.starts_with("EMAIL_"), "{first}");
    let hex = &token["EMAIL_".len()..];
    assert_eq!(hex.len(), 10);
    assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(again, format!("Again: [{token}]"));
    let other_tenant = redact(&a, input, &Request::new().tenant("store-fr"));
    assert_ne!(other_tenant, first);
    assert_ne!(redact(&other_secret, input, &store), first);
    // Within the request the token restores like a placeholder, in any case.
    let r = a.redact_request(input.as_bytes(), &store);
    assert_eq!(
        text(r.restore(format!("to {}", token.to_ascii_uppercase()))),
        "to jane@example.com"
    );
}

#[test]
fn keyed_operators_need_a_key() {
    let err = Engine::builder()
        .policy(policy(Operator::Hash))
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("secret"), "{err}");
    assert!(Engine::builder()
        .policy(policy(Operator::Token))
        .secret_key(b"too short".to_vec())
        .build()
        .is_err());
}

#[test]
fn hash_is_a_keyed_mac_never_a_plain_digest() {
    let engine = engine(Operator::Hash);
    let value = "jane@example.com";
    let out = redact(&engine, &format!("Mail {value} now"), &Request::new());
    let digest = out
        .strip_prefix("Mail ")
        .and_then(|t| t.strip_suffix(" now"))
        .unwrap();
    assert_eq!(digest.len(), 64);
    assert!(digest.bytes().all(|b| b.is_ascii_hexdigit()));
    let plain: String = Sha256::digest(value.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_ne!(digest, plain);
    // Deterministic per tenant, different across tenants, one-way (not in the vault).
    let again = redact(&engine, &format!("Mail {value} now"), &Request::new());
    assert_eq!(again, out);
    let other = redact(
        &engine,
        &format!("Mail {value} now"),
        &Request::new().tenant("b"),
    );
    assert_ne!(other, out);
    assert!(engine.redact(value).vault().is_empty());
}

#[test]
fn mask_keeps_the_shape_and_the_last_characters() {
    let engine = engine(Operator::Mask { keep_last: 4 });
    let request = Request::new().known_value(EntityKind::Person, "Jürgen Müller-Lüdenscheidt");
    let out = redact(
        &engine,
        "Hi Jürgen Müller-Lüdenscheidt, jane.doe@example.com, Globex.",
        &request,
    );
    assert_eq!(
        out,
        "Hi ****** ******-********eidt, ****.***@******e.com, ******."
    );
    let r = engine.redact("jane.doe@example.com");
    assert!(r.vault().is_empty(), "masking is one-way");
}

#[test]
fn remove_and_keep() {
    let input = "Ask Globex or jane@example.com.";
    assert_eq!(
        redact(&engine(Operator::Remove), input, &Request::new()),
        "Ask  or ."
    );
    let keep = engine(Operator::Keep).redact(input);
    assert_eq!(keep.text_str(), Some(input));
    assert_eq!(keep.findings().len(), 2, "kept values are still reported");
}

#[test]
fn invalid_utf8_and_binary_pass_through() {
    let engine = engine(Operator::Placeholder);
    let input = b"\xff\xfe jane@example.com \x00\xc3( Globex \xed\xa0\x80";
    let r = engine.redact(input);
    assert_eq!(
        r.text(),
        b"\xff\xfe [EMAIL_1] \x00\xc3( [SUPPLIER_1] \xed\xa0\x80"
    );
    assert_eq!(r.restore(r.text()), input);
}

#[test]
fn vault_debug_never_shows_values() {
    let engine = engine(Operator::Placeholder);
    let r = engine.redact("jane@example.com");
    let shown = format!("{:?} {:?}", r.vault(), r.restorer());
    assert!(!shown.contains("jane"), "{shown}");
}

/// Redaction time grows linearly with the number of findings: a text four times as long, with
/// four times the findings, takes about four times as long (an overlap check that shifted a
/// sorted vector made it sixteen). A ratio in one run, best of three, so a busy machine does
/// not decide it.
#[test]
fn many_findings_cost_linear_time() {
    let text = |n: usize| -> String {
        (0..n)
            .map(|i| {
                format!(
                    "mail user{i}@example.com or call +49 30 9018{:04}. ",
                    i % 10_000
                )
            })
            .collect()
    };
    let (small, large) = (text(5_000), text(20_000));
    let engine = Engine::new();
    let best = |t: &str| {
        (0..3)
            .map(|_| {
                let start = std::time::Instant::now();
                let r = engine.redact(t);
                assert!(r.findings().len() >= 2 * t.len() / 60);
                start.elapsed()
            })
            .min()
            .unwrap()
    };
    let ratio = best(&large).as_secs_f64() / best(&small).as_secs_f64();
    assert!(ratio < 9.0, "4x the findings took {ratio:.1}x the time");
}
