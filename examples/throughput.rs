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
    let engine = Engine::new();
    let n = engine.scan(&text).len();
    let rounds = 20;
    let t = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(engine.redact(&text));
    }
    let secs = t.elapsed().as_secs_f64();
    let mbps = (text.len() * rounds) as f64 / secs / 1e6;
    let small = &text[..4096];
    let t = Instant::now();
    for _ in 0..2000 {
        std::hint::black_box(engine.redact(small));
    }
    let us = t.elapsed().as_secs_f64() / 2000.0 * 1e6;
    println!("{} bytes, {n} findings: scan+redact {mbps:.0} MB/s; 4 KB {us:.1} µs", text.len());
}
