//! Data-driven entity tests: one TOML file per entity type in `tests/data/entities/`, read by this
//! one runner, so adding a case is one line and every type is covered the same way.
//!
//! ```toml
//! kind = "CREDIT_CARD"
//! positive = [
//!   { text = "Card 4111 1111 1111 1111 please", value = "4111 1111 1111 1111" },
//! ]
//! negative = ["Order 4111 1111 1111 1112 (fails Luhn)"]
//! lookalike = ["Tracking 1Z999AA10123456784"]  # must not be found as ANY type
//! ```
//!
//! `positive`: the value must be found with exactly that span and kind. `negative`: no finding of
//! the file's kind. `lookalike`: e-commerce data that is not sensitive; nothing may be found at all.

use serde::Deserialize;
use sovereign::{Engine, EntityKind};
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    kind: String,
    #[serde(default)]
    positive: Vec<Positive>,
    #[serde(default)]
    negative: Vec<String>,
    #[serde(default)]
    lookalike: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Positive {
    text: String,
    value: String,
}

fn load_all() -> Vec<(String, Cases)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/entities");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/entities exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let cases: Cases = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, cases)
        })
        .collect()
}

fn show(text: &str, findings: &[sovereign::Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}={:?}({:.2},{})",
                f.kind,
                &text[f.start..f.end],
                f.score,
                f.rule
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn every_entity_case_holds() {
    let engine = Engine::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, cases) in load_all() {
        let kind = EntityKind::from_id(&cases.kind)
            .unwrap_or_else(|| panic!("{name}: unknown kind {}", cases.kind));
        for case in &cases.positive {
            checked += 1;
            let findings = engine.scan(&case.text);
            let hit = findings
                .iter()
                .any(|f| f.kind == kind && &case.text[f.start..f.end] == case.value.as_str());
            if !hit {
                failures.push(format!(
                    "{name}: expected {kind} {:?} in {:?}; found [{}]",
                    case.value,
                    case.text,
                    show(&case.text, &findings)
                ));
            }
        }
        for text in &cases.negative {
            checked += 1;
            let findings = engine.scan(text);
            if findings.iter().any(|f| f.kind == kind) {
                failures.push(format!(
                    "{name}: expected no {kind} in {text:?}; found [{}]",
                    show(text, &findings)
                ));
            }
        }
        for text in &cases.lookalike {
            checked += 1;
            let findings = engine.scan(text);
            if !findings.is_empty() {
                failures.push(format!(
                    "{name}: look-alike must survive: {text:?}; found [{}]",
                    show(text, &findings)
                ));
            }
        }
    }
    assert!(checked > 0, "no entity cases found");
    assert!(
        failures.is_empty(),
        "{} of {checked} entity cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_pattern_type_has_positive_and_negative_cases() {
    let all = load_all();
    let mut missing = Vec::new();
    for &kind in sovereign::catalogue::ALL {
        if kind.is_dictionary_only() {
            continue;
        }
        let file = all.iter().find(|(_, c)| c.kind == kind.id());
        match file {
            Some((_, c)) if !c.positive.is_empty() && !c.negative.is_empty() => {}
            _ => missing.push(kind.id()),
        }
    }
    assert!(
        missing.is_empty(),
        "types without positive and negative cases: {missing:?}"
    );
}
