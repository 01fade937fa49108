//! Throughput of `Engine::scan` on about 1 MB of e-commerce prose with roughly one sensitive
//! value per KB (e-mails, phones, IPs, keys, tokens among prices, SKUs, dates and order numbers).
//!
//! Run in release, one thread:
//! `cargo test --release -p sovereign --test secrets_throughput -- --ignored --nocapture`

use sovereign::Engine;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// On-CPU time of this thread (Linux `schedstat`), so the figure holds on a shared, loaded
/// machine where wall time also counts waiting for a core; `None` elsewhere.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Builds the corpus deterministically from templates (no randomness, same bytes every run).
fn corpus(size: usize) -> String {
    const PROSE: &[&str] = &[
        "Thank you for your order #000{n} placed on 2024-05-{d} at 14:{d}:05. ",
        "Your parcel with tracking number 1Z999AA1012345678{d} ships from our warehouse in Lyon. ",
        "The Aero Daily Fitness Tee (SKU MB-01-BLK, size M) costs 24.{d} EUR incl. VAT. ",
        "Customers who bought the Olivia 1/4 Zip Light Jacket also viewed 3 similar items. ",
        "Invoice INV-2024-{n} total 1.299,{d} EUR was paid by bank transfer on 12.05.2024. ",
        "Délai de livraison : 3 à 5 jours ouvrés. Retour gratuit sous 30 jours. ",
        "Versandkosten: 4,95 € – ab 50 € Bestellwert versandkostenfrei nach Deutschland. ",
        "Qty 3 x 12.{d} = 38.97; discount code SUMMER24 applied (-10%). ",
        "Product description: breathable cotton blend, machine washable at 30°C, 180 g/m². ",
        "Updated to version 2.4.7 with security patch 2.4.7-p1; cache flushed in 0.{d} s. ",
    ];
    const SENSITIVE: &[&str] = &[
        "Contact jane.doe{n}@example.com for the return label. ",
        "Call us on +44 20 7946 0{d}58 or (555) 234-56{d}. ",
        "Login from 192.168.{d}.20 was blocked. ",
        "api_key=9fK2mQ7xLp4sT1vB{n} in the export script. ",
        "DATABASE_URL=mysql://magento:M4gent0Db!{d}@db.internal:3306/magento ",
        "Authorization: Bearer FAKEq8Zk2LmP9xR4tV7wY1bN3cD5fG6h{n} ",
    ];
    let mut out = String::with_capacity(size + 256);
    let mut i = 0usize;
    while out.len() < size {
        let d = format!("{:02}", (i * 7) % 60);
        let n = format!("{:05}", (i * 7919) % 100_000);
        let template = if i % 9 == 8 {
            SENSITIVE[(i / 9) % SENSITIVE.len()]
        } else {
            PROSE[i % PROSE.len()]
        };
        out.push_str(&template.replace("{d}", &d).replace("{n}", &n));
        i += 1;
    }
    out
}

#[test]
#[ignore = "timing; run in release with --ignored --nocapture"]
fn scan_throughput_on_ecommerce_prose() {
    let engine = Engine::new();
    let text = corpus(1 << 20);
    let findings = engine.scan(&text);
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for f in &findings {
        *by_kind.entry(f.kind.to_string()).or_default() += 1;
    }
    let rounds = 20;
    let started = Instant::now();
    let cpu_started = thread_cpu_time();
    let mut total = 0usize;
    for _ in 0..rounds {
        total += engine.scan(&text).len();
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu = cpu_started.and_then(|s| Some((thread_cpu_time()? - s).as_secs_f64()));
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!(
        "{} bytes, {} findings ({:.2}/KB): {:?}",
        text.len(),
        findings.len(),
        findings.len() as f64 / (text.len() as f64 / 1024.0),
        by_kind
    );
    println!(
        "scan: {:.1} MB/s wall ({rounds} rounds, {secs:.3} s)",
        mb / secs
    );
    if let Some(cpu) = cpu {
        println!("scan: {:.1} MB/s of on-CPU time ({cpu:.3} s)", mb / cpu);
    }
    assert_eq!(total, findings.len() * rounds);
    let small = &text[..4096];
    let started = Instant::now();
    let cpu_started = thread_cpu_time();
    for _ in 0..2000 {
        std::hint::black_box(engine.scan(small));
    }
    let per_scan = |d: f64| d * 1e6 / 2000.0;
    print!(
        "4 KB scan: {:.2} µs wall",
        per_scan(started.elapsed().as_secs_f64())
    );
    if let Some(cpu) = cpu_started.and_then(|s| Some(thread_cpu_time()? - s)) {
        print!(", {:.2} µs on-CPU", per_scan(cpu.as_secs_f64()));
    }
    println!();
}
