//! Quick scan throughput check on synthetic shop prose: `cargo run --release --example throughput`.
use sovereign::Engine;
use std::time::Instant;

fn main() {
    let para = "Thank you for your order #000012345 placed on 2024-03-15 10:22:31. Your Blue Cotton \
Shirt (SKU MB-01-BLK, size M) costs $49.99 and ships in 2-3 days via UPS tracking 1Z999AA10123456784. \
If you have questions about delivery, returns or the invoice INV-2024-00123, reply to this message \
and our customer service team will get back to you within 24 hours. Contact support@example.com. ";
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(para);
    }
    // SOVEREIGN_CORPUS=file: documents separated by U+001E (record separator), scanned one by one.
    let docs: Vec<String> = match std::env::var("SOVEREIGN_CORPUS") {
        Ok(path) => std::fs::read_to_string(path)
            .expect("corpus file")
            .split('\u{1e}')
            .map(str::to_string)
            .collect(),
        Err(_) => vec![text],
    };
    let text: String = docs.concat();
    // SOVEREIGN_POLICY=file: a policy to compile instead of the default one.
    let engine = match std::env::var("SOVEREIGN_POLICY") {
        Ok(path) => Engine::builder().policy_file(path).build().expect("policy"),
        Err(_) => Engine::new(),
    };
    let n: usize = docs.iter().map(|d| engine.scan(d).len()).sum();
    // SOVEREIGN_ROUNDS=n: passes over the corpus (longer runs for profilers).
    let rounds = std::env::var("SOVEREIGN_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(if docs.len() > 1 { 3 } else { 20 });
    // SOVEREIGN_SCAN_ONLY=1: time the scan alone (the difference to a normal run is redaction).
    let scan_only = std::env::var_os("SOVEREIGN_SCAN_ONLY").is_some();
    // The fastest round: on a shared machine the minimum is closest to what one free core does.
    let best = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for doc in &docs {
                if scan_only {
                    std::hint::black_box(engine.scan(doc));
                } else {
                    std::hint::black_box(engine.redact(doc));
                }
            }
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    let mbps = text.len() as f64 / best / 1e6;
    let mut cut = text.len().min(4096);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let small = &text[..cut];
    let t = Instant::now();
    for _ in 0..2000 {
        std::hint::black_box(engine.redact(small));
    }
    let us = t.elapsed().as_secs_f64() / 2000.0 * 1e6;
    println!(
        "{} bytes, {n} findings: scan+redact {mbps:.0} MB/s (best of {rounds} rounds); 4 KB {us:.1} µs",
        text.len()
    );
}
