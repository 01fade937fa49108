//! Redacts a support ticket, shows what was found and why the ticket is sensitive, then restores
//! a (pretend) model answer. `cargo run --example redact [FILE]` (reads stdin with `-`).

use sovereign::{Engine, EntityKind, Request};
use std::io::Read;

const TICKET: &str = "\
From: Jane Doe <jane.doe@example.com>
Subject: Refund for order #000012345

Hi team, I was charged twice for order 000012345. My card is 4111 1111 1111 1111 and
you can reach me on +44 20 7946 0958. Refund to IBAN GB82 WEST 1234 5698 7654 32 please.
Ship replacements to 221B Baker Street, London NW1 6XE. CONFIDENTIAL.
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) if path == "-" => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
        Some(path) => std::fs::read_to_string(path)?,
        None => TICKET.to_string(),
    };
    let engine = Engine::new();
    let request = Request::new()
        .surface("customer_service")
        .tenant("default")
        .known_value(EntityKind::Person, "Jane Doe");
    let redaction = engine.redact_request(text.as_bytes(), &request);
    println!(
        "--- redacted ---\n{}",
        String::from_utf8_lossy(redaction.text())
    );
    println!("--- findings ---");
    for f in redaction.findings() {
        println!(
            "{:<20} {:>5}..{:<5} score {:.2} {}",
            f.kind.id(),
            f.start,
            f.end,
            f.score,
            f.rule
        );
    }
    println!("--- classification: {} ---", redaction.level());
    for reason in &redaction.classification().reasons {
        println!("{reason}");
    }
    let answer = "Dear [PERSON_1], we refunded order 000012345 and wrote to [email_1].";
    println!("--- model answer ---\n{answer}");
    println!(
        "--- restored ---\n{}",
        String::from_utf8_lossy(&redaction.restore(answer))
    );
    Ok(())
}
