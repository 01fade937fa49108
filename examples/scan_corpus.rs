//! Scans a JSONL corpus (one `{"id", "text", ...}` object a line) and prints each document's
//! findings as JSONL: `{"id", "findings": [{"type", "start", "end", "byte_start", "byte_end",
//! "score"}]}` (`start`/`end` in characters). Total bytes and the seconds spent in the engine (not
//! in reading or printing) go to stderr, so `benches/presidio_compare.py` can compare both.
//!
//! ```text
//! cargo run --release --example scan_corpus -- benches/corpus/corpus.jsonl [--scan] [--repeat N]
//! ```
//! By default every document is redacted (scan + placeholders + vault), the work Presidio's
//! analyzer + anonymizer do; `--scan` only scans. `--repeat N` times N passes and reports the best.

use serde::Deserialize;
use sovereign::{Engine, Finding};
use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

#[derive(Deserialize)]
struct Doc {
    id: serde_json::Value,
    text: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut path = None;
    let mut scan_only = false;
    let mut repeat = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scan" => scan_only = true,
            "--repeat" => repeat = args.next().ok_or("--repeat needs a number")?.parse()?,
            _ => path = Some(arg),
        }
    }
    let path = path.ok_or("usage: scan_corpus CORPUS.jsonl [--scan] [--repeat N]")?;
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut docs = Vec::new();
    for line in file.lines() {
        let line = line?;
        if !line.trim().is_empty() {
            docs.push(serde_json::from_str::<Doc>(&line)?);
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let engine = Engine::new();
    let run = |docs: &[Doc]| -> Vec<Vec<Finding>> {
        docs.iter()
            .map(|d| {
                if scan_only {
                    engine.scan(&d.text)
                } else {
                    engine.redact(&d.text).findings().to_vec()
                }
            })
            .collect()
    };
    let mut best = f64::INFINITY;
    let mut results = Vec::new();
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        results = run(&docs);
        best = best.min(started.elapsed().as_secs_f64());
    }

    let mut out = BufWriter::new(std::io::stdout().lock());
    for (doc, findings) in docs.iter().zip(&results) {
        let findings: Vec<_> = findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "type": f.kind.id(),
                    "start": f.char_start,
                    "end": f.char_end,
                    "byte_start": f.start,
                    "byte_end": f.end,
                    "score": (f64::from(f.score) * 1e4).round() / 1e4,
                })
            })
            .collect();
        let line = serde_json::json!({"id": doc.id, "findings": findings});
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    eprintln!(
        "documents {} bytes {bytes} seconds {best:.6} MB/s {:.1}",
        docs.len(),
        bytes as f64 / 1e6 / best
    );
    Ok(())
}
