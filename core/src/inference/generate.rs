//! The decode loop: prompt in (in batch-sized chunks), tokens out, until a stop condition.

use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::logit_bias::LlamaLogitBias;
use llama_cpp_2::token::LlamaToken;

use super::registry::{backend, LoadedModel};
use super::text::Output;
use crate::{Error, Result};

/// How to sample and when to stop.
#[derive(Clone, Debug, PartialEq)]
pub struct GenerateOptions {
    /// Most tokens to generate.
    pub max_tokens: u32,
    /// 0 (or below) picks the most likely token every time (greedy, fully reproducible).
    pub temperature: f32,
    /// Nucleus sampling: keep the smallest set of tokens whose probability reaches this (1 = off).
    pub top_p: f32,
    /// Keep only the k most likely tokens (0 = off).
    pub top_k: i32,
    /// Generation ends before the first occurrence of any of these; it is not part of the text.
    pub stop: Vec<String>,
    /// Sampling seed; `None` uses the model settings' seed. Same seed, same output.
    pub seed: Option<u32>,
    /// Wall-time limit for the generation (prompt and output, not the wait for a slot).
    pub timeout: Option<Duration>,
    /// Never end on an end-of-generation token (for benchmarks that need exactly
    /// `max_tokens`).
    pub ignore_end: bool,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            max_tokens: 256,
            temperature: 0.0,
            top_p: 0.95,
            top_k: 40,
            stop: Vec::new(),
            seed: None,
            timeout: Some(Duration::from_secs(60)),
            ignore_end: false,
        }
    }
}

/// Why generation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StopReason {
    /// The model produced an end-of-generation token.
    EndOfText,
    /// `max_tokens` were generated.
    MaxTokens,
    /// A stop string appeared (it is cut from the text).
    StopString,
    /// The context window is full.
    ContextFull,
    /// The wall-time limit ran out.
    Timeout,
    /// The streaming callback asked to stop.
    Cancelled,
}

impl StopReason {
    /// Lower-case name for bindings and logs.
    pub const fn as_str(self) -> &'static str {
        match self {
            StopReason::EndOfText => "end",
            StopReason::MaxTokens => "max_tokens",
            StopReason::StopString => "stop",
            StopReason::ContextFull => "context_full",
            StopReason::Timeout => "timeout",
            StopReason::Cancelled => "cancelled",
        }
    }
}

impl std::fmt::Display for StopReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The generated text and what it cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Completion {
    /// The generated text (stop string excluded).
    pub text: String,
    /// Tokens in the prompt, as the model saw it (chat template and BOS included).
    pub prompt_tokens: u32,
    /// Tokens generated (the end-of-generation token excluded).
    pub generated_tokens: u32,
    /// Milliseconds waiting for a host-wide generation slot.
    pub queue_ms: f64,
    /// Milliseconds reading the prompt (context setup included).
    pub prompt_ms: f64,
    /// Milliseconds generating.
    pub generation_ms: f64,
    /// Why it ended.
    pub stop_reason: StopReason,
}

/// llama.cpp may adjust model-wide fields while creating a context; one at a time is safe.
static CONTEXT_CREATION: Mutex<()> = Mutex::new(());

/// Runs one generation on `model` from `tokens`, calling `on_piece` with each emitted piece.
pub(crate) fn run(
    model: &LoadedModel,
    tokens: &[LlamaToken],
    options: &GenerateOptions,
    grammar: Option<LlamaSampler>,
    on_piece: &mut dyn FnMut(&str) -> bool,
) -> Result<Completion> {
    let result = generate(model, tokens, options, grammar, on_piece);
    release_freed_memory();
    result
}

/// Gives the memory of the context just freed back to the system. Every generation creates a
/// context (KV cache and compute buffers: ~60 MB at a 2,048-token context) and frees it, and
/// glibc keeps freed heap memory for later: each php-fpm worker would hold that much private
/// memory between requests (measured with benches/fpm_memory.sh: +98 MB PSS per extra worker).
/// Trimming after the context is gone costs well under a millisecond next to a generation.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free heap memory; no pointer is involved.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn generate(
    model: &LoadedModel,
    tokens: &[LlamaToken],
    options: &GenerateOptions,
    grammar: Option<LlamaSampler>,
    on_piece: &mut dyn FnMut(&str) -> bool,
) -> Result<Completion> {
    let settings = &model.settings;
    let n_ctx = settings.context_size as usize;
    if tokens.is_empty() {
        return Err(Error::Input("empty prompt".into()));
    }
    if tokens.len() >= n_ctx {
        return Err(Error::Input(format!(
            "prompt is {} tokens but the context holds {n_ctx} (with room for at least one \
             generated token); shorten the prompt or raise the context size",
            tokens.len()
        )));
    }
    let start = Instant::now();
    let deadline = options.timeout.map(|t| start + t);
    let timed_out = || deadline.is_some_and(|d| Instant::now() >= d);

    let mut ctx = new_context(model)?;
    let batch_size = settings.batch_size as usize;
    let mut batch = LlamaBatch::new(batch_size, 1);
    let mut stop = None;
    let last = tokens.len() - 1;
    for (chunk_index, chunk) in tokens.chunks(batch_size).enumerate() {
        if timed_out() {
            stop = Some(StopReason::Timeout);
            break;
        }
        batch.clear();
        for (i, &token) in chunk.iter().enumerate() {
            let pos = chunk_index * batch_size + i;
            add(&mut batch, token, pos, pos == last)?;
        }
        decode(&mut ctx, &mut batch)?;
    }
    let prompt_done = Instant::now();

    let vocab = model.model.vocab();
    let mut chain: Vec<LlamaSampler> = grammar.into_iter().collect();
    if options.ignore_end {
        let biases: Vec<LlamaLogitBias> = vocab
            .tokens()
            .filter(|&t| vocab.is_eog(t))
            .map(|t| LlamaLogitBias::new(t, f32::NEG_INFINITY))
            .collect();
        chain.push(LlamaSampler::logit_bias(vocab.n_tokens(), &biases));
    }
    let mut sampler = sampler_chain(chain, options, settings.seed);
    let mut output = Output::new(&options.stop);
    let mut generated = 0u32;
    let mut pos = tokens.len();
    let mut piece = Vec::with_capacity(32);
    let mut logits_at = batch.n_tokens() - 1;
    let reason = loop {
        if let Some(reason) = stop {
            break reason;
        }
        if generated >= options.max_tokens {
            break StopReason::MaxTokens;
        }
        if pos >= n_ctx {
            break StopReason::ContextFull;
        }
        let token = sampler.sample(&ctx, logits_at);
        if vocab.is_eog(token) {
            break StopReason::EndOfText;
        }
        generated += 1;
        piece.clear();
        vocab.token_to_piece_into(token, &mut piece, false, None);
        let (emit, hit_stop) = output.push(&piece);
        if !emit.is_empty() && !on_piece(emit) {
            break StopReason::Cancelled;
        }
        if hit_stop {
            break StopReason::StopString;
        }
        batch.clear();
        add(&mut batch, token, pos, true)?;
        decode(&mut ctx, &mut batch)?;
        pos += 1;
        logits_at = 0;
        if timed_out() {
            stop = Some(StopReason::Timeout);
        }
    };
    if reason == StopReason::Cancelled {
        output.keep_emitted();
    } else if reason != StopReason::StopString {
        let rest = output.finish();
        if !rest.is_empty() {
            // The text is complete either way; a late cancel changes nothing.
            let _ = on_piece(rest);
        }
    }
    let end = Instant::now();
    Ok(Completion {
        text: output.into_text(),
        prompt_tokens: tokens.len() as u32,
        generated_tokens: generated,
        queue_ms: 0.0,
        prompt_ms: ms(prompt_done - start),
        generation_ms: ms(end - prompt_done),
        stop_reason: reason,
    })
}

fn new_context(model: &LoadedModel) -> Result<LlamaContext<'_>> {
    let settings = &model.settings;
    let threads = i32::try_from(settings.threads).unwrap_or(i32::MAX);
    let params = LlamaContextParams::default()
        .with_n_ctx(NonZeroU32::new(settings.context_size))
        .with_n_batch(settings.batch_size)
        .with_n_ubatch(settings.batch_size)
        .with_n_threads(threads)
        .with_n_threads_batch(threads);
    let _one_at_a_time = CONTEXT_CREATION
        .lock()
        .map_err(|_| Error::Internal("context creation lock poisoned".into()))?;
    super::llama_log::capture();
    model.model.new_context(backend()?, params).map_err(|e| {
        // llama.cpp's log says why (usually a buffer it could not allocate).
        Error::Model(format!(
            "cannot create a {}-token context for {}: {e}{}",
            settings.context_size,
            model.path.display(),
            super::llama_log::reason()
        ))
    })
}

/// `chain` (grammar, biases), then greedy or top-k → top-p → temperature → seeded draw.
fn sampler_chain(
    mut chain: Vec<LlamaSampler>,
    options: &GenerateOptions,
    default_seed: u32,
) -> LlamaSampler {
    if options.temperature <= 0.0 || !options.temperature.is_finite() {
        chain.push(LlamaSampler::greedy());
    } else {
        if options.top_k > 0 {
            chain.push(LlamaSampler::top_k(options.top_k));
        }
        if options.top_p > 0.0 && options.top_p < 1.0 {
            chain.push(LlamaSampler::top_p(options.top_p, 1));
        }
        chain.push(LlamaSampler::temp(options.temperature));
        chain.push(LlamaSampler::dist(options.seed.unwrap_or(default_seed)));
    }
    LlamaSampler::chain_simple(chain)
}

fn add(batch: &mut LlamaBatch, token: LlamaToken, pos: usize, logits: bool) -> Result<()> {
    let pos = i32::try_from(pos).map_err(|_| Error::Input("prompt too long".into()))?;
    batch
        .add(token, pos, &[0], logits)
        .map_err(|e| Error::Model(format!("cannot queue a token for decoding: {e}")))
}

fn decode(ctx: &mut LlamaContext<'_>, batch: &mut LlamaBatch) -> Result<()> {
    ctx.decode(batch)
        .map_err(|e| Error::Model(format!("llama.cpp decode failed: {e}")))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
