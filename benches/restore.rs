//! Restore throughput on a model answer of 1 MB holding about 100 placeholders in the spellings
//! models use, with the words of labels (`email`, `person`, `supplier`) also in the prose so the
//! id automaton fires often. Whole restore, and streaming in 16-byte chunks (about a token each).
//!
//! `cargo bench -p sovereign --bench restore`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sovereign::detect::dictionary::TermList;
use sovereign::{Engine, EntityKind, Policy, Redaction, Request};
use std::hint::black_box;

const ANSWER_BYTES: usize = 1 << 20;
const PLACEHOLDERS: usize = 100;

/// A request with 40 e-mail addresses, 10 names and 5 suppliers: a vault of 55 labels.
fn redaction(engine: &Engine) -> Redaction {
    let mut input = String::new();
    let mut request = Request::new();
    for i in 0..40 {
        input.push_str(&format!("Customer {i} wrote from user{i}@example.com. "));
    }
    for i in 0..10 {
        let name = format!("Name{i} Surname{i}");
        input.push_str(&format!("Signed {name}. "));
        request = request.known_value(EntityKind::Person, name);
    }
    input.push_str("Suppliers: Acme, Globex, Initech, Umbrella, Hooli.");
    engine.redact_request(input.as_bytes(), &request)
}

/// Prose with a placeholder every ~10 KB, in rotating spellings.
fn answer(labels: &[String]) -> Vec<u8> {
    const PROSE: &str = "Thank you for your email about the order. The person at the supplier \
        confirmed that the parcel left the warehouse on Monday; the tracking number is \
        1Z999AA10123456784 and the invoice total is 149.90 EUR including VAT. Über die Lieferung \
        informieren wir Sie per E-Mail. ";
    let gap = ANSWER_BYTES / PLACEHOLDERS;
    let mut out = Vec::with_capacity(ANSWER_BYTES + 4096);
    let mut i = 0;
    while out.len() < ANSWER_BYTES {
        let next = out.len() + gap;
        while out.len() < next {
            out.extend_from_slice(PROSE.as_bytes());
        }
        let label = &labels[i % labels.len()];
        let spelled = match i % 5 {
            0 => format!("[{label}]"),
            1 => label.to_ascii_lowercase(),
            2 => format!("[[{label}]]"),
            3 => format!("({})", label.replace('_', " ")),
            _ => format!("{{ {label} }}"),
        };
        out.extend_from_slice(spelled.as_bytes());
        out.push(b' ');
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut policy = Policy::default();
    policy.add_dictionary(TermList {
        kind: EntityKind::Supplier,
        terms: ["Acme", "Globex", "Initech", "Umbrella", "Hooli"]
            .map(String::from)
            .to_vec(),
        case_insensitive: true,
        whole_words: true,
    });
    let engine = Engine::builder().policy(policy).build().unwrap();
    let redaction = redaction(&engine);
    let labels: Vec<String> = redaction.vault().labels().map(String::from).collect();
    let text = answer(&labels);
    let restored = redaction.restore(&text);
    assert!(restored.len() > text.len(), "placeholders were restored");

    let mut group = c.benchmark_group("restore");
    group.throughput(Throughput::Bytes(text.len() as u64));
    // The floor: copying the answer once, as restore must.
    group.bench_function("copy_1MB", |b| b.iter(|| black_box(&text).to_vec()));
    group.bench_function("whole_1MB_100_placeholders", |b| {
        b.iter(|| redaction.restore(black_box(&text)))
    });
    group.bench_function("stream_16B_chunks_1MB_100_placeholders", |b| {
        b.iter(|| {
            let mut restorer = redaction.restorer();
            let mut n = 0;
            for chunk in text.chunks(16) {
                n += restorer.push(black_box(chunk)).len();
            }
            n + restorer.finish().len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
