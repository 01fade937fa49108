//! Classification through the engine: keyword rules and entity levels (dictionary and known-value
//! findings, which need no recognizer), with policy overrides.

use super::Reason;
use crate::{Engine, EntityKind, Level, Policy, Request};

fn engine(policy_toml: &str) -> Engine {
    Engine::builder()
        .policy_text(policy_toml)
        .build()
        .expect("test policy is valid")
}

fn keyword_phrases(reasons: &[Reason]) -> Vec<(&str, usize, Level)> {
    reasons
        .iter()
        .filter_map(|r| match r {
            Reason::Keyword {
                phrase,
                count,
                level,
            } => Some((phrase.as_str(), *count, *level)),
            Reason::Entity { .. } => None,
        })
        .collect()
}

#[test]
fn builtin_keywords_raise_the_level() {
    let engine = Engine::new();
    let cases: &[(&str, Level)] = &[
        (
            "This memo is Attorney-Client Privileged.",
            Level::Restricted,
        ),
        ("Q3 salary bands attached", Level::Confidential),
        ("CONFIDENTIAL - board minutes", Level::Confidential),
        ("Draft, do not distribute.", Level::Confidential),
        ("For internal use only: new banner sizes", Level::Internal),
        ("Our spring sale starts Monday", Level::Public),
    ];
    for &(text, level) in cases {
        assert_eq!(engine.classify(text).level, level, "{text}");
    }
}

#[test]
fn keywords_match_whole_words_ignoring_ascii_case() {
    let engine = Engine::new();
    // "salaryman", "nondisclosure"-style glued words and "Monday" (contains "nda") do not match.
    let c = engine.classify("The salaryman came on Monday, a confidentiality-free day");
    assert_eq!(c.level, Level::Public, "{:?}", c.reasons);
    let c = engine.classify("SALARY, Salary and salary.");
    assert_eq!(
        keyword_phrases(&c.reasons),
        [("salary", 3, Level::Confidential)]
    );
    // Keywords are found in bytes that are not UTF-8 too.
    let c = engine.classify(b"\xff\xfesalary\xff");
    assert_eq!(c.level, Level::Confidential);
}

#[test]
fn reasons_are_listed_highest_first() {
    let engine = Engine::new();
    let c = engine.classify("internal use only. salary review. Strictly confidential!");
    let levels: Vec<Level> = c.reasons.iter().map(Reason::level).collect();
    let mut sorted = levels.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(levels, sorted);
    assert_eq!(c.level, Level::Restricted);
    assert_eq!(
        keyword_phrases(&c.reasons),
        [
            ("strictly confidential", 1, Level::Restricted),
            ("confidential", 1, Level::Confidential),
            ("salary", 1, Level::Confidential),
            ("internal use only", 1, Level::Internal),
        ]
    );
}

#[test]
fn policy_keywords_add_and_override_rules() {
    let engine = engine(
        r#"
        [[keywords]]
        phrase = "Project Falcon"
        level = "restricted"

        [[keywords]]
        phrase = "salary"
        level = "internal"
        "#,
    );
    assert_eq!(
        engine.classify("notes on project falcon").level,
        Level::Restricted
    );
    assert_eq!(engine.classify("salary").level, Level::Internal);

    let engine = engine_without_builtins();
    assert_eq!(engine.classify("CONFIDENTIAL salary").level, Level::Public);
    assert_eq!(engine.classify("the tender").level, Level::Confidential);
}

fn engine_without_builtins() -> Engine {
    engine(
        r#"
        [classification]
        builtin_keywords = false

        [[keywords]]
        phrase = "tender"
        level = "confidential"
        "#,
    )
}

#[test]
fn document_level_is_the_highest_entity_level() {
    let engine = engine(
        r#"
        [[dictionaries]]
        entity = "SKU"
        terms = ["MB-01-BLK"]

        [[dictionaries]]
        entity = "SUPPLIER"
        terms = ["Acme Corp"]
        "#,
    );
    let c = engine.classify("MB-01-BLK restock");
    assert_eq!(c.level, EntityKind::Sku.default_level());
    let c = engine.classify("MB-01-BLK and MB-01-BLK from Acme Corp");
    assert_eq!(c.level, EntityKind::Supplier.default_level());
    assert_eq!(
        c.reasons[0],
        Reason::Entity {
            kind: EntityKind::Supplier,
            count: 1,
            level: Level::Confidential
        }
    );
    assert_eq!(
        c.reasons[1],
        Reason::Entity {
            kind: EntityKind::Sku,
            count: 2,
            level: Level::Internal
        }
    );
}

#[test]
fn policy_levels_override_the_catalogue() {
    let engine = engine(
        r#"
        [categories.business]
        level = "restricted"

        [entities.SKU]
        level = "public"

        [entities.PERSON]
        level = "restricted"

        [[dictionaries]]
        entity = "SKU"
        terms = ["MB-01-BLK"]

        [[dictionaries]]
        entity = "SUPPLIER"
        terms = ["Acme Corp"]
        "#,
    );
    assert_eq!(engine.classify("MB-01-BLK").level, Level::Public);
    assert_eq!(engine.classify("Acme Corp").level, Level::Restricted);
    let request = Request::new().known_value(EntityKind::Person, "Jane Roe");
    let analysis = engine.analyze(b"Ship to Jane Roe", &request);
    assert_eq!(analysis.classification.level, Level::Restricted);
    assert_eq!(analysis.findings[0].level, Level::Restricted);
}

#[test]
fn keyword_and_entity_levels_combine_by_max() {
    let engine = engine(
        r#"
        [[dictionaries]]
        entity = "SKU"
        terms = ["MB-01-BLK"]
        "#,
    );
    // SKU is internal; the keyword is confidential: the keyword wins.
    let c = engine.classify("MB-01-BLK purchase price list");
    assert_eq!(c.level, Level::Confidential);
    assert!(matches!(c.reasons[0], Reason::Keyword { .. }));
    // Keyword internal, SKU internal: internal, both listed.
    let c = engine.classify("MB-01-BLK internal only");
    assert_eq!(c.level, Level::Internal);
    assert_eq!(c.reasons.len(), 2);
}

#[test]
fn disabled_types_do_not_classify() {
    let engine = engine(
        r#"
        [entities.SUPPLIER]
        enabled = false

        [[dictionaries]]
        entity = "SUPPLIER"
        terms = ["Acme Corp"]
        "#,
    );
    assert_eq!(engine.classify("Acme Corp").level, Level::Public);
}

#[test]
fn empty_keyword_phrases_set_in_code_are_dropped() {
    let mut policy = Policy::default();
    policy.set_keywords(vec![
        super::KeywordRule::new("", Level::Restricted),
        super::KeywordRule::new("payroll", Level::Restricted),
    ]);
    assert_eq!(policy.keywords().len(), 1);
    let engine = Engine::builder().policy(policy).build().unwrap();
    assert_eq!(engine.classify("hello").level, Level::Public);
    assert_eq!(engine.classify("payroll").level, Level::Restricted);
}
