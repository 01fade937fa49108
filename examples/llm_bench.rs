//! Prompt processing (pp512) and generation (tg128) speed through Sovereign's inference API,
//! measured like llama.cpp's `llama-bench` so `benches/llama_compare.sh` can put them side by side.
//!
//! `cargo run -p sovereign --features inference --example llm_bench -- MODEL [THREADS] [REPS]`
//!
//! Prints `pp512 MEAN SD` and `tg128 MEAN SD` (tokens/s) on stdout, details on stderr.
//! pp512: a 512-token prompt, one token generated; prompt tokens / prompt time (which includes
//! creating the context, as every call of ours does). tg128: a 4-token prompt, 128 tokens
//! generated with end-of-text suppressed; generated tokens / generation time. One warm-up run
//! first, as llama-bench does.

use std::time::Duration;

use sovereign::inference::{GenerateOptions, Llm, SlotLimit};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let model = args
        .next()
        .ok_or("usage: llm_bench MODEL [THREADS] [REPS]")?;
    let threads: u32 = args.next().map_or(Ok(2), |s| s.parse())?;
    let reps: usize = args.next().map_or(Ok(5), |s| s.parse())?;
    let slots = std::env::temp_dir().join(format!("sovereign-llm-bench-{}", std::process::id()));
    let llm = Llm::builder(&model)
        .context_size(1024)
        .batch_size(512)
        .threads(threads)
        .slot_limit(SlotLimit::new(&slots, 1, Duration::from_secs(60)))
        .build()?;

    let prompt = prompt_of(&llm, 512)?;
    let pp_options = GenerateOptions {
        max_tokens: 1,
        timeout: None,
        ..GenerateOptions::default()
    };
    let tg_options = GenerateOptions {
        max_tokens: 128,
        timeout: None,
        ignore_end: true,
        ..GenerateOptions::default()
    };
    llm.complete(&prompt, &pp_options)?; // warm-up: load, fault in the weights
    let mut pp = Vec::new();
    let mut tg = Vec::new();
    for _ in 0..reps {
        let done = llm.complete(&prompt, &pp_options)?;
        pp.push(done.prompt_tokens as f64 / (done.prompt_ms / 1000.0));
        let done = llm.complete("Once upon a", &tg_options)?;
        assert_eq!(done.generated_tokens, 128, "{done:?}");
        tg.push(done.generated_tokens as f64 / (done.generation_ms / 1000.0));
    }
    let _ = std::fs::remove_dir_all(&slots);
    eprintln!("model {model}, {threads} threads, {reps} repetitions");
    for (name, values) in [("pp512", &pp), ("tg128", &tg)] {
        let (mean, sd) = mean_sd(values);
        eprintln!("{name}: {values:.1?}");
        println!("{name} {mean:.1} {sd:.1}");
    }
    Ok(())
}

/// A prompt of exactly `n` tokens (BOS included), built from ordinary shop text.
fn prompt_of(llm: &Llm, n: usize) -> Result<String, sovereign::Error> {
    let words: Vec<&str> = "The customer asked whether the blue cotton shirt in size M \
        is back in stock and when the parcel with order 1042 will arrive at the warehouse"
        .split(' ')
        .collect();
    let mut text = String::new();
    let mut i = 0;
    while llm.count_tokens(&text)? < n {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(words[i % words.len()]);
        i += 1;
    }
    while llm.count_tokens(&text)? > n {
        text.pop();
    }
    Ok(text)
}

fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, var.sqrt())
}
