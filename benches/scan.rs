//! Criterion benches for the engine, on named, sized datasets generated here at start-up (a fixed
//! seed, no files, no Python):
//!
//! | group                | dataset                                   | measures                     |
//! |----------------------|-------------------------------------------|------------------------------|
//! | `prose_1mb`          | 1 MiB e-commerce prose, ~1 finding per KB | scan and redact MB/s         |
//! | `prompt_4kb`         | one 4 KiB prompt, ~1 finding per KB       | scan and redact latency      |
//! | `clean_1mb`          | 1 MiB prose with nothing sensitive        | scan MB/s (the common case)  |
//! | `dictionary_1m`      | 1,000,000 operator terms + `prose_1mb`    | compile time, scan with/without |
//! | `restore`            | answer quoting a redacted 4 KiB prompt    | restore and streaming restore |
//!
//! Run: `cargo bench -p sovereign --bench scan` (one group: append its name, e.g. `-- prompt_4kb`).
//! After the dictionary group the bench prints the with/without-dictionary scan time ratio (target
//! ≤ 2); at the end it prints best-of-N figures for the targets, which on a shared machine are
//! closer to one free core than criterion's means.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sovereign::detect::dictionary::TermList;
use sovereign::{Engine, EntityKind, Policy};
use std::cell::OnceCell;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Small deterministic generator (SplitMix64): the datasets must not change between runs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    fn chars(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n)
            .map(|_| char::from(alphabet[self.below(alphabet.len() as u64) as usize]))
            .collect()
    }
}

const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Harmless sentences with look-alikes (`{order}`, `{sku}`, `{price}`, `{ts}`, `{track}`).
const PROSE: &[&str] = &[
    "Order {order} was packed on {ts} and handed to the carrier with tracking number {track}. ",
    "The Endeavor Daytrip Backpack ({sku}) is back in stock at {price}, in black and navy. ",
    "Crafted from durable ripstop nylon, it keeps your gear dry on the daily commute. ",
    "Customer asked whether {sku} fits a 15-inch laptop; the sleeve measures 38 x 27 x 3 cm. ",
    "Refund of {price} approved for order {order}, credit memo CM-{n5} created on {ts}. ",
    "[{ts}] main.INFO: Indexer catalog_product_price reindexed in 2.31s [] [] ",
    "[{ts}] main.DEBUG: cron job sales_clean_quotes finished, quote_id={n5} [] [] ",
    "Machine washable at 30 degrees; tumble dry low and do not iron the printed logo. ",
    "Shipment {order} left the warehouse on {ts}; estimated delivery in 2-3 working days. ",
    "Invoice INV-2025-{n6} lists {sku} twice, at {price} and {price}; please correct it. ",
    "Our design team tested this piece for six months on hiking trails and city streets. ",
    "Deployed release 2.4.7-p3 at {ts}, transaction id {id16} settled. ",
];

fn lookalike(rng: &mut Rng, slot: &str) -> String {
    match slot {
        "order" => format!("{:09}", rng.below(100_000)),
        "sku" => format!(
            "{}-{:02}-{}",
            rng.pick(&["MB", "WS", "MH", "WJ"]),
            rng.below(12) + 1,
            rng.pick(&["BLK", "BLU", "GRN", "XL"])
        ),
        "price" => format!("${}.{:02}", rng.below(2000) + 1, rng.below(100)),
        "ts" => format!(
            "2025-{:02}-{:02} {:02}:{:02}:{:02}",
            rng.below(12) + 1,
            rng.below(28) + 1,
            rng.below(24),
            rng.below(60),
            rng.below(60)
        ),
        "track" => format!("1Z{}", rng.chars(UPPER, 6) + &rng.digits(10)),
        "n5" => rng.digits(5),
        "n6" => rng.digits(6),
        // 16-digit ids that fail the Luhn check.
        "id16" => loop {
            let n = format!("{}{}", rng.below(9) + 1, rng.digits(15));
            if !luhn_valid(&n) {
                break n;
            }
        },
        _ => String::new(),
    }
}

fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        out.push_str(&lookalike(rng, &rest[open + 1..close]));
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

fn luhn_digit(payload: &str) -> u32 {
    let sum: u32 = payload
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let d = d * 2;
                if d > 9 {
                    d - 9
                } else {
                    d
                }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

fn luhn_valid(number: &str) -> bool {
    let (payload, last) = number.split_at(number.len() - 1);
    luhn_digit(payload).to_string() == last
}

fn iban_de(rng: &mut Rng) -> String {
    let bban = rng.digits(18);
    // ISO 13616: move country + "00" to the end, letters to numbers, check = 98 - n mod 97.
    let rearranged = format!("{bban}131400");
    let rem = rearranged
        .bytes()
        .fold(0u64, |acc, b| (acc * 10 + u64::from(b - b'0')) % 97);
    format!("DE{:02}{bban}", 98 - rem)
}

/// One sensitive sentence; the kinds rotate so every family's rules get exercised.
fn sensitive(rng: &mut Rng, turn: usize) -> String {
    match turn % 12 {
        0 => format!(
            "Please reply to {}.{}@example-mail.com about the delay. ",
            rng.pick(&["jane", "omar", "li", "marta"]),
            rng.pick(&["doe", "haddad", "wei", "novak"])
        ),
        1 => format!(
            "You can call me on +44 20 {} {} after five. ",
            7000 + rng.below(1000),
            rng.digits(4)
        ),
        2 => {
            let body = format!("4{}", rng.digits(14));
            let d = luhn_digit(&body);
            format!("I paid with card {body}{d}, please check the charge. ")
        }
        3 => format!("Refund to IBAN {} please. ", iban_de(rng)),
        4 => format!(
            "For the tax form, my SSN is {:03}-{:02}-{:04}. ",
            rng.below(600) + 100,
            rng.below(98) + 1,
            rng.below(9998) + 1
        ),
        5 => format!(
            "[2025-03-14 09:21:33] main.INFO: Customer login from {}.{}.{}.{} [] [] ",
            rng.below(200) + 23,
            rng.below(256),
            rng.below(256),
            rng.below(254) + 1
        ),
        6 => format!("Deploy key AKIA{} must be rotated. ", rng.chars(UPPER, 16)),
        7 => format!(
            "DSN mysql://magento:{}@db.internal:3306/magento_prod refused. ",
            rng.chars(ALNUM, 16)
        ),
        8 => format!(
            "The CI token ghp_{} leaked in the log. ",
            rng.chars(ALNUM, 36)
        ),
        9 => format!(
            "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI{}In0.{} ",
            rng.chars(ALNUM, 8),
            rng.chars(ALNUM, 43)
        ),
        10 => format!(
            "Customer date of birth {:02}/{:02}/{} confirmed for the age check. ",
            rng.below(28) + 1,
            rng.below(12) + 1,
            1950 + rng.below(50)
        ),
        _ => format!(
            "Ship to {} {}, 12 Harbour Road, thanks. ",
            rng.pick(&["Margaret", "Thomas", "Aisha", "Pedro"]),
            rng.pick(&["Whitfield", "Okafor", "Lindqvist", "Moreau"])
        ),
    }
}

/// About `size` bytes of prose, one sensitive sentence per `per` bytes (`None`: none at all).
fn prose(seed: u64, size: usize, per: Option<usize>) -> String {
    let mut rng = Rng(seed);
    let mut text = String::with_capacity(size + 256);
    let mut next_finding = per.unwrap_or(usize::MAX) / 2;
    let mut turn = 0;
    while text.len() < size {
        if text.len() >= next_finding {
            text.push_str(&sensitive(&mut rng, turn));
            turn += 1;
            next_finding += per.unwrap_or(usize::MAX);
        } else {
            let template = rng.pick(PROSE);
            text.push_str(&fill(&mut rng, template));
        }
        if rng.below(8) == 0 {
            text.push('\n');
        }
    }
    // Cut at a char boundary (all generated text is ASCII, but keep the rule).
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// A million distinct operator terms: SKU-like codes and two-word product names.
fn million_terms() -> Vec<String> {
    let mut rng = Rng(0x5EED_D1C7);
    const SYL: &[&str] = &[
        "ka", "lo", "ven", "tri", "mar", "sol", "dex", "qui", "ra", "no", "bel", "tor", "zu",
        "fen", "ly", "cor",
    ];
    let word = |rng: &mut Rng| {
        let mut w: String = (0..2 + rng.below(2)).map(|_| rng.pick(SYL)).collect();
        w[..1].make_ascii_uppercase();
        w
    };
    (0..1_000_000u64)
        .map(|i| {
            if i % 2 == 0 {
                format!(
                    "{}-{:06}-{}",
                    rng.chars(UPPER, 2),
                    i / 2,
                    rng.chars(UPPER, 2)
                )
            } else {
                format!("{} {} {}", word(&mut rng), word(&mut rng), i / 2)
            }
        })
        .collect()
}

fn dictionary_engine(terms: &[String]) -> Engine {
    let mut policy = Policy::default();
    policy.add_dictionary(TermList {
        kind: EntityKind::Sku,
        terms: terms.to_vec(),
        case_insensitive: false,
        whole_words: true,
    });
    Engine::builder()
        .policy(policy)
        .build()
        .expect("a dictionary-only policy compiles")
}

fn bench_prose(c: &mut Criterion) {
    let engine = Engine::new();
    let text = prose(1, 1 << 20, Some(1024));
    let mut g = c.benchmark_group("prose_1mb");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("scan", |b| b.iter(|| engine.scan(black_box(&text))));
    g.bench_function("redact", |b| b.iter(|| engine.redact(black_box(&text))));
    g.finish();
}

fn bench_prompt(c: &mut Criterion) {
    let engine = Engine::new();
    let text = prose(2, 4096, Some(1024));
    let mut g = c.benchmark_group("prompt_4kb");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("scan", |b| b.iter(|| engine.scan(black_box(&text))));
    g.bench_function("redact", |b| b.iter(|| engine.redact(black_box(&text))));
    g.finish();
}

fn bench_clean(c: &mut Criterion) {
    let engine = Engine::new();
    let text = prose(3, 1 << 20, None);
    let mut g = c.benchmark_group("clean_1mb");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("scan", |b| b.iter(|| engine.scan(black_box(&text))));
    g.finish();
}

fn bench_dictionary(c: &mut Criterion) {
    // Built on first use, so a filter that skips this group does not pay for a million terms.
    let terms = OnceCell::new();
    let terms = || terms.get_or_init(million_terms);
    let with = OnceCell::new();
    let with = || with.get_or_init(|| dictionary_engine(terms()));
    let text = prose(1, 1 << 20, Some(1024));
    let plain = Engine::new();

    let mut g = c.benchmark_group("dictionary_1m");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("compile", |b| {
        let terms = terms();
        b.iter(|| dictionary_engine(black_box(terms)))
    });
    g.finish();

    let mut g = c.benchmark_group("dictionary_1m");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("scan_without", |b| b.iter(|| plain.scan(black_box(&text))));
    let mut measured = false;
    g.bench_function("scan_with", |b| {
        measured = true;
        let with = with();
        b.iter(|| with.scan(black_box(&text)))
    });
    g.finish();

    if measured {
        // The target is a ratio, which criterion does not print: time both here, best of 30.
        let without = best_of(30, || plain.scan(black_box(&text)));
        let with_dict = best_of(30, || with().scan(black_box(&text)));
        eprintln!(
            "dictionary_1m: scan with 1,000,000 terms / without = {:.2} ({:?} / {:?}; target <= 2)",
            with_dict.as_secs_f64() / without.as_secs_f64(),
            with_dict,
            without
        );
    }
}

/// The fastest of `runs` calls: on a shared, busy machine the minimum is the figure closest to
/// what one free core does, while criterion's mean also measures the other tenants.
fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Prints best-of-N figures for the targets (see [`best_of`]); criterion's table has the means.
fn summary(_: &mut Criterion) {
    let engine = Engine::new();
    let prose_text = prose(1, 1 << 20, Some(1024));
    let clean = prose(3, 1 << 20, None);
    let prompt = prose(2, 4096, Some(1024));
    let mb_s = |d: Duration, len: usize| len as f64 / 1e6 / d.as_secs_f64();
    let scan = best_of(50, || engine.scan(&prose_text));
    let redact = best_of(50, || engine.redact(&prose_text));
    let clean_scan = best_of(50, || engine.scan(&clean));
    let prompt_redact = best_of(20_000, || engine.redact(&prompt));
    eprintln!(
        "best of N: prose_1mb scan {:.0} MB/s, redact {:.0} MB/s (target >= 300); \
         clean_1mb scan {:.0} MB/s; prompt_4kb redact {:.2} us (target < 15)",
        mb_s(scan, prose_text.len()),
        mb_s(redact, prose_text.len()),
        mb_s(clean_scan, clean.len()),
        prompt_redact.as_secs_f64() * 1e6
    );
}

fn bench_restore(c: &mut Criterion) {
    let engine = Engine::new();
    let prompt = prose(2, 4096, Some(1024));
    let redaction = engine.redact(&prompt);
    // A model's answer quotes every placeholder once, inside ordinary prose.
    let labels: Vec<String> = redaction.vault().labels().map(str::to_string).collect();
    let mut answer = String::from("Thank you for your message. ");
    for label in &labels {
        answer.push_str("We have noted ");
        answer.push('[');
        answer.push_str(label);
        answer.push_str("] and will follow up on the order within two working days. ");
    }
    let mut g = c.benchmark_group("restore");
    g.throughput(Throughput::Bytes(answer.len() as u64));
    eprintln!(
        "restore: the answer quotes {} placeholders in {} bytes",
        labels.len(),
        answer.len()
    );
    g.bench_function("answer", |b| {
        b.iter(|| redaction.restore(black_box(&answer)))
    });
    g.bench_function("stream_16b_chunks", |b| {
        b.iter(|| {
            let mut restorer = redaction.restorer();
            let mut out = Vec::with_capacity(answer.len() * 2);
            for chunk in answer.as_bytes().chunks(16) {
                out.extend_from_slice(&restorer.push(chunk));
            }
            out.extend_from_slice(&restorer.finish());
            out
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    bench_prose,
    bench_prompt,
    bench_clean,
    bench_dictionary,
    bench_restore,
    summary
);
criterion_main!(benches);
