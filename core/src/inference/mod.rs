//! Local LLM inference inside the calling process (llama.cpp through `llama-cpp-2`).
//!
//! Text that must not leave the machine can still be summarised, answered or classified by a
//! small local model. [`Llm`] is a cheap, cloneable handle (path + settings + host-wide limit);
//! the weights are loaded lazily, once per process, by the [registry](registry), and shared by
//! every handle with the same path and settings.
//!
//! ```no_run
//! use sovereign::inference::{GenerateOptions, Llm};
//!
//! let llm = Llm::builder("/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf")
//!     .context_size(2048)
//!     .threads(2)
//!     .build()?;
//! let done = llm.complete("The capital of France is", &GenerateOptions {
//!     max_tokens: 8,
//!     ..GenerateOptions::default()
//! })?;
//! println!("{} ({} tokens, {})", done.text, done.generated_tokens, done.stop_reason);
//! # Ok::<(), sovereign::Error>(())
//! ```
//!
//! Under PHP-FPM: build the handle wherever convenient (it loads nothing); the first generation
//! in each worker loads the model, after the fork. At most [`SlotLimit::slots`] generations run at
//! once on the host, across all workers; the rest wait, then fail with a clear error.

mod chat;
mod classify;
mod generate;
pub mod gguf;
mod llama_log;
pub mod registry;
mod slots;
mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::LlamaToken;

pub use chat::ChatMessage;
pub use classify::{label_grammar, ModelClassifier};
pub use generate::{Completion, GenerateOptions, StopReason};
pub use registry::{LoadedModel, ModelSettings};
pub use slots::{default_slots, SlotGuard, SlotLimit};

use crate::{Error, Result};

/// A local model: where it is, how to run it, and how many may run at once on this host.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Llm {
    path: PathBuf,
    settings: ModelSettings,
    limit: SlotLimit,
}

/// Configures an [`Llm`].
#[derive(Clone, Debug)]
pub struct LlmBuilder {
    path: PathBuf,
    settings: ModelSettings,
    limit: SlotLimit,
}

impl LlmBuilder {
    /// Context window in tokens (default 2048).
    pub fn context_size(mut self, tokens: u32) -> Self {
        self.settings.context_size = tokens;
        self
    }

    /// CPU threads per generation (default 2).
    pub fn threads(mut self, threads: u32) -> Self {
        self.settings.threads = threads;
        self
    }

    /// Prompt tokens per decode call (default 512); longer prompts are read in chunks.
    pub fn batch_size(mut self, tokens: u32) -> Self {
        self.settings.batch_size = tokens;
        self
    }

    /// Default sampling seed (default 0).
    pub fn seed(mut self, seed: u32) -> Self {
        self.settings.seed = seed;
        self
    }

    /// The host-wide concurrency limit (default: [`SlotLimit::default`]).
    pub fn slot_limit(mut self, limit: SlotLimit) -> Self {
        self.limit = limit;
        self
    }

    /// Checks the settings and the file's GGUF header; loads nothing (see the module docs).
    pub fn build(self) -> Result<Llm> {
        if self.settings.context_size < 16 {
            return Err(Error::Config(format!(
                "context size {} is too small (at least 16 tokens)",
                self.settings.context_size
            )));
        }
        if self.settings.threads == 0 || self.settings.batch_size == 0 {
            return Err(Error::Config(
                "threads and batch size must be at least 1".into(),
            ));
        }
        gguf::check(&self.path)?;
        Ok(Llm {
            path: self.path,
            settings: self.settings,
            limit: self.limit,
        })
    }
}

impl Llm {
    /// Starts configuring the model at `path` (a GGUF file).
    pub fn builder(path: impl Into<PathBuf>) -> LlmBuilder {
        LlmBuilder {
            path: path.into(),
            settings: ModelSettings::default(),
            limit: SlotLimit::default(),
        }
    }

    /// The model file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The settings.
    pub fn settings(&self) -> &ModelSettings {
        &self.settings
    }

    /// The host-wide concurrency limit.
    pub fn slot_limit(&self) -> &SlotLimit {
        &self.limit
    }

    /// The loaded model, loading it now if this process has not yet.
    pub fn load(&self) -> Result<Arc<LoadedModel>> {
        registry::get(&self.path, &self.settings)
    }

    /// How many tokens `text` is for this model (BOS included when the model adds one).
    pub fn count_tokens(&self, text: &str) -> Result<usize> {
        let model = self.load()?;
        Ok(tokenize(&model.model, text, false).len())
    }

    /// Continues `prompt`.
    pub fn complete(&self, prompt: &str, options: &GenerateOptions) -> Result<Completion> {
        self.complete_stream(prompt, options, |_| true)
    }

    /// Continues `prompt`, calling `on_piece` with each piece of text as it is generated;
    /// returning `false` stops generation (stop reason [`StopReason::Cancelled`]). The pieces
    /// concatenate to the returned text.
    pub fn complete_stream(
        &self,
        prompt: &str,
        options: &GenerateOptions,
        mut on_piece: impl FnMut(&str) -> bool,
    ) -> Result<Completion> {
        self.generate(options, None, &mut on_piece, |model| {
            Ok(tokenize(&model.model, prompt, false))
        })
    }

    /// Answers the conversation `messages`, laid out with the model's chat template.
    pub fn chat(&self, messages: &[ChatMessage], options: &GenerateOptions) -> Result<Completion> {
        self.chat_stream(messages, options, |_| true)
    }

    /// [`Llm::chat`], streaming like [`Llm::complete_stream`].
    pub fn chat_stream(
        &self,
        messages: &[ChatMessage],
        options: &GenerateOptions,
        mut on_piece: impl FnMut(&str) -> bool,
    ) -> Result<Completion> {
        let model = self.load()?;
        let prompt = chat::format(&model, messages)?;
        let mut options = options.clone();
        options.stop.extend(prompt.stops);
        self.generate(&options, None, &mut on_piece, |model| {
            Ok(tokenize(&model.model, &prompt.text, prompt.templated))
        })
    }

    /// Asks the model which of `labels` fits `text`; the answer is always one of them.
    pub fn classify_labels(&self, text: &str, labels: &[&str]) -> Result<String> {
        let prompt = format!(
            "Which label fits this text best? Labels: {}.\n\nText:\n{text}",
            labels.join(", ")
        );
        self.classify_prompt(&prompt, labels)
    }

    /// Runs `prompt` as a chat turn with output constrained to `labels` (greedy).
    pub(crate) fn classify_prompt(&self, prompt: &str, labels: &[&str]) -> Result<String> {
        let grammar = label_grammar(labels)?;
        let longest = labels.iter().map(|l| l.len()).max().unwrap_or(0);
        let options = GenerateOptions {
            // A label never needs more tokens than bytes; +1 for the end token.
            max_tokens: longest as u32 + 1,
            temperature: 0.0,
            ..GenerateOptions::default()
        };
        let messages = [ChatMessage::user(prompt)];
        let done = self.generate(&options, Some(&grammar), &mut |_| true, |model| {
            let prompt = chat::format(model, &messages)?;
            Ok(tokenize(&model.model, &prompt.text, prompt.templated))
        })?;
        let answer = done.text.trim();
        labels
            .iter()
            .find(|l| **l == answer)
            .map(|l| l.to_string())
            .ok_or_else(|| {
                Error::Model(format!(
                    "constrained answer {answer:?} is not one of the labels (stop: {})",
                    done.stop_reason
                ))
            })
    }

    fn generate(
        &self,
        options: &GenerateOptions,
        grammar: Option<&str>,
        on_piece: &mut dyn FnMut(&str) -> bool,
        prompt: impl FnOnce(&LoadedModel) -> Result<Vec<LlamaToken>>,
    ) -> Result<Completion> {
        let model = self.load()?;
        let tokens = prompt(&model)?;
        // Checked before waiting for a slot: a prompt that can never fit should fail at once.
        if tokens.len() >= self.settings.context_size as usize {
            return Err(Error::Input(format!(
                "prompt is {} tokens but the context holds {}; shorten the prompt or raise the \
                 context size",
                tokens.len(),
                self.settings.context_size
            )));
        }
        let sampler = match grammar {
            Some(g) => Some(
                LlamaSampler::grammar(&model.model, g, "root")
                    .map_err(|e| Error::Input(format!("invalid grammar: {e}")))?,
            ),
            None => None,
        };
        let queued = Instant::now();
        let _slot = self.limit.acquire()?;
        let queue_ms = queued.elapsed().as_secs_f64() * 1000.0;
        let mut done = generate::run(&model, &tokens, options, sampler, on_piece)?;
        done.queue_ms = queue_ms;
        Ok(done)
    }
}

/// Tokenizes `text`, adding BOS when the model wants one and the text does not already start
/// with it. `special` parses control-token text (`<start_of_turn>`); only templated prompts get
/// that, so a user's completion prompt cannot forge turns.
fn tokenize(model: &LlamaModel, text: &str, special: bool) -> Vec<LlamaToken> {
    let vocab = model.vocab();
    let mut add_bos = true;
    if special && vocab.should_add_bos() {
        let bos = vocab.token_to_piece(vocab.bos(), true, None);
        if !bos.is_empty() && text.as_bytes().starts_with(&bos) {
            add_bos = false;
        }
    }
    vocab.tokenize(text.as_bytes(), add_bos, special)
}
