//! PERSON recall and false positives on a labelled sample (`tests/data/person_eval/sample.toml`,
//! Faker names in eight locales; none taken from the census lists the recognizer uses).
//!
//! Prints figures rather than asserting thresholds, so it is `#[ignore]`d:
//! `cargo test -p sovereign --release --test person_eval -- --ignored --nocapture`

use serde::Deserialize;
use sovereign::{Engine, EntityKind};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct Sample {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    group: String,
    locale: String,
    text: String,
    names: Vec<String>,
}

#[derive(Default)]
struct Tally {
    names: usize,
    exact: usize,
    overlap: usize,
    false_positives: usize,
    sentences: usize,
}

#[test]
#[ignore = "prints evaluation figures; run with --ignored --nocapture"]
fn person_recall_and_false_positives() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/person_eval/sample.toml");
    let sample: Sample = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let engine = Engine::new();
    let mut by_group: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_locale: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut wrong = Vec::new();
    for case in &sample.case {
        let found: Vec<_> = engine
            .scan(&case.text)
            .into_iter()
            .filter(|f| f.kind == EntityKind::Person)
            .collect();
        let spans: Vec<(usize, usize)> = case
            .names
            .iter()
            .map(|n| {
                let s = case.text.find(n.as_str()).expect("name occurs in its text");
                (s, s + n.len())
            })
            .collect();
        for tally in [
            by_group.entry(case.group.clone()).or_default(),
            by_locale.entry(case.locale.clone()).or_default(),
        ] {
            tally.sentences += 1;
            tally.names += spans.len();
            for &(s, e) in &spans {
                tally.exact += usize::from(found.iter().any(|f| f.start == s && f.end == e));
                tally.overlap += usize::from(found.iter().any(|f| f.start < e && s < f.end));
            }
            tally.false_positives += found
                .iter()
                .filter(|f| !spans.iter().any(|&(s, e)| f.start < e && s < f.end))
                .count();
        }
        for (n, &(s, e)) in case.names.iter().zip(&spans) {
            if !found.iter().any(|f| f.start == s && f.end == e) {
                misses.push(format!("{n:?} in {:?}", case.text));
            }
        }
        for f in &found {
            if !spans.iter().any(|&(s, e)| f.start < e && s < f.end) {
                wrong.push(format!(
                    "{:?} ({}) in {:?}",
                    &case.text[f.start..f.end],
                    f.rule,
                    case.text
                ));
            }
        }
    }
    let print = |title: &str, map: &BTreeMap<String, Tally>| {
        println!(
            "{title:<10} {:>9} {:>6} {:>7} {:>9} {:>6}",
            "sentences", "names", "exact", "overlap", "false+"
        );
        for (key, t) in map {
            let pct = |x: usize| {
                if t.names == 0 {
                    0.0
                } else {
                    100.0 * x as f64 / t.names as f64
                }
            };
            println!(
                "{key:<10} {:>9} {:>6} {:>6.1}% {:>8.1}% {:>6}",
                t.sentences,
                t.names,
                pct(t.exact),
                pct(t.overlap),
                t.false_positives
            );
        }
    };
    print("group", &by_group);
    print("locale", &by_locale);
    let total: Tally = by_group.values().fold(Tally::default(), |mut a, t| {
        a.names += t.names;
        a.exact += t.exact;
        a.overlap += t.overlap;
        a.false_positives += t.false_positives;
        a.sentences += t.sentences;
        a
    });
    let found = total.overlap + total.false_positives;
    println!(
        "total: {} sentences, {} names, recall exact {:.1}% / overlap {:.1}%, {} false positives, precision {:.1}%",
        total.sentences,
        total.names,
        100.0 * total.exact as f64 / total.names as f64,
        100.0 * total.overlap as f64 / total.names as f64,
        total.false_positives,
        100.0 * total.overlap as f64 / found.max(1) as f64
    );
    println!("\nmissed:\n  {}", misses.join("\n  "));
    println!("\nfalse positives:\n  {}", wrong.join("\n  "));
}

#[test]
#[ignore = "measures throughput; run in release with --ignored --nocapture"]
fn scan_throughput() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/person_eval/sample.toml");
    let sample: Sample = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let text = throughput_text(&sample);
    let engine = Engine::new();
    let mut findings = 0;
    let mut best = f64::MAX;
    for _ in 0..20 {
        let t = std::time::Instant::now();
        findings = engine.scan(&text).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "Engine::scan on {} bytes of prose: {findings} findings, best of 20: {:.2} ms = {:.0} MB/s",
        text.len(),
        best * 1e3,
        text.len() as f64 / best / 1e6
    );
}

/// About 1 MB of shop prose with about one finding per kilobyte: two paragraphs of plain prose
/// (`prose.txt`, no personal data), then one sentence of the labelled sample, repeated.
fn throughput_text(sample: &Sample) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/person_eval/prose.txt");
    let prose = std::fs::read_to_string(path).unwrap();
    let paragraphs: Vec<&str> = prose.lines().filter(|l| !l.is_empty()).collect();
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0;
    while text.len() < 1 << 20 {
        for _ in 0..2 {
            text.push_str(paragraphs[i % paragraphs.len()]);
            text.push(' ');
            i += 1;
        }
        text.push_str(&sample.case[i % sample.case.len()].text);
        text.push_str("\n\n");
    }
    text
}
