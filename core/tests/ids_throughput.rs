//! Throughput sanity check for the digit-heavy recognizers (payment and national identifiers):
//! ~1 MB of shop prose full of prices, dates, order numbers, SKUs and tracking numbers, with about
//! one real finding per KB. Ignored by default; run in release mode:
//!
//! ```text
//! cargo test --release -p sovereign --test ids_throughput -- --ignored --nocapture
//! ```

use sovereign::Engine;
use std::time::Instant;

/// Deterministic pseudo-random numbers (a 64-bit LCG), so every run scans the same text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Builds about `size` bytes of e-commerce text. `digit_share` in 0..10: how many sentences in
/// ten are number-heavy (order numbers, prices, tracking, phones); the rest is plain prose.
fn corpus(size: usize, digit_share: u64) -> String {
    let mut rng = Lcg(42);
    let mut text = String::with_capacity(size + 256);
    let findings = [
        "Card 4111 1111 1111 1111 exp 09/27 CVV 123.",
        "Please refund to IBAN DE89 3704 0044 0532 0130 00.",
        "My SSN is 536-22-8514.",
        "CPF 529.982.247-25 for the invoice.",
        "USt-IdNr. DE136695976",
    ];
    while text.len() < size {
        // About one sentence in twelve holds a finding: roughly one per KB.
        let pick = if rng.below(12) == 0 {
            5
        } else if rng.below(10) < digit_share {
            rng.below(5)
        } else {
            9
        };
        let sentence = match pick {
            0 => format!(
                "Order #{:09} was shipped on 2024-{:02}-{:02} {:02}:{:02}:{:02}. ",
                rng.below(1_000_000_000),
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(24),
                rng.below(60),
                rng.below(60)
            ),
            1 => format!(
                "The jacket MB-{:02}-BLK now costs €{}.{:03},{:02} instead of ${}.99. ",
                rng.below(100),
                1 + rng.below(9),
                rng.below(1000),
                rng.below(100),
                rng.below(500)
            ),
            2 => format!(
                "Tracking 1Z999AA1{:010} via UPS, or USPS 9400 1000 {:04} {:04} {:04} {:02}. ",
                rng.below(10_000_000_000),
                rng.below(10_000),
                rng.below(10_000),
                rng.below(10_000),
                rng.below(100)
            ),
            3 => format!(
                "Invoice INV-2024-{:05} lists {} items, {} kg, SKU 24-WB0{}. ",
                rng.below(100_000),
                1 + rng.below(20),
                rng.below(50),
                rng.below(10)
            ),
            4 => format!(
                "Call us at +49 30 {:07} or (555) {:03}-{:04}; updated {}. ",
                rng.below(10_000_000),
                rng.below(1000),
                rng.below(10_000),
                1_700_000_000 + rng.below(100_000_000)
            ),
            5 => findings[rng.below(findings.len() as u64) as usize].to_string() + " ",
            _ => [
                "Thanks for shopping with us! The customer asked whether the blue variant is \
                 back in stock and if express delivery is possible. ",
                "Our cotton shirts are woven in Portugal and washed twice for a softer feel; \
                 size up if you prefer a relaxed fit. ",
                "Dear support team, the parcel arrived damaged and the box was open, could you \
                 please send a replacement or arrange a return label? ",
            ][rng.below(3) as usize]
                .to_string(),
        };
        text.push_str(&sentence);
    }
    text
}

/// Scans `text` repeatedly and prints throughput.
fn measure(name: &str, text: &str) {
    let engine = Engine::new();
    let findings = engine.scan(text).len();
    let rounds = 20;
    let start = Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        total += engine.scan(text).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!(
        "{name}: {} bytes, {findings} findings ({:.2}/KB), {:.1} MB/s",
        text.len(),
        findings as f64 * 1024.0 / text.len() as f64,
        mb / secs
    );
    assert_eq!(total, findings * rounds);
    assert!(findings > 0);
}

#[test]
#[ignore = "timing; run in release mode with --ignored --nocapture"]
fn scan_throughput() {
    // Every sentence number-heavy (a worst case) and the more usual one in five.
    measure("digit-dense", &corpus(1 << 20, 10));
    let prose = corpus(1 << 20, 2);
    measure("shop prose", &prose);
    // One typical request: 4 KB of shop prose from the middle of the corpus.
    let boundary = |mut i: usize| {
        while !prose.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let from = boundary(prose.len() / 2);
    let small = &prose[from..boundary(from + 4096)];
    let engine = Engine::new();
    let rounds = 20_000;
    let start = Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        total += engine.scan(small).len();
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / rounds as f64;
    println!(
        "4 KB shop prose: {micros:.1} µs per scan ({} findings)",
        total / rounds
    );
}

#[test]
fn corpus_look_alikes_are_not_findings() {
    // Without the inserted findings, the shop prose must scan clean.
    let engine = Engine::new();
    let text = corpus(64 << 10, 10);
    let findings = engine.scan(&text);
    let allowed = [
        "4111 1111 1111 1111",
        "09/27",
        "123",
        "DE89 3704 0044 0532 0130 00",
        "536-22-8514",
        "529.982.247-25",
        "DE136695976",
    ];
    for f in &findings {
        let value = &text[f.start..f.end];
        assert!(allowed.contains(&value), "unexpected {} {value:?}", f.kind);
    }
}
