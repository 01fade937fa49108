//! `Sovereign\Model` and `Sovereign\Completion`: the local model, in-process. Arguments and
//! options are translated to core's `inference` types; loading, sampling, the host-wide slot limit
//! and every error live in core.

use crate::errors::{guard, input, to_exception};
use crate::ini;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendCallable, ZendHashTable, Zval};
use sovereign::inference::{
    ChatMessage, Completion as CoreCompletion, GenerateOptions, Llm, SlotLimit,
};
use std::time::Duration;

/// A local GGUF model run inside this PHP process (llama.cpp). The weights are memory-mapped and
/// loaded once per worker process on first use, then shared by every request of that worker;
/// concurrent generations across all workers of the host are limited (`sovereign.concurrency`).
#[php_class]
#[php(name = "Sovereign\\Model")]
#[php(flags = ClassFlags::Final)]
pub struct Model {
    llm: Llm,
}

#[php_impl]
impl Model {
    /// Opens the model at `$path`, or at the `sovereign.model` ini path when `null`. Options:
    /// `contextSize`, `threads` (default `sovereign.threads`, 0 = 2), `batchSize`, `seed`,
    /// `concurrency` (host-wide generations at once; default `sovereign.concurrency`, 0 = one
    /// per two cores), `waitMs` (how long to wait for a free slot). Checks the file's GGUF header
    /// now; the weights load on first use.
    ///
    /// @param array{contextSize?: int, threads?: int, batchSize?: int, seed?: int, concurrency?: int, waitMs?: int}|null $options
    /// @throws ModelException
    pub fn __construct(path: Option<String>, options: Option<&ZendHashTable>) -> PhpResult<Self> {
        guard(|| {
            let path = match path {
                Some(path) if !path.is_empty() => path,
                _ => ini::with(ini::MODEL, |v| {
                    v.map(|b| String::from_utf8_lossy(b).into_owned())
                })
                .ok_or_else(|| {
                    input("no model path: pass one or set sovereign.model in php.ini")
                })?,
            };
            let mut builder = Llm::builder(path);
            let threads = ini_number(ini::THREADS);
            if threads > 0 {
                builder = builder.threads(threads as u32);
            }
            let mut slots = ini_number(ini::CONCURRENCY);
            let mut wait = Duration::from_secs(30);
            for (key, value) in options.map(|o| o.iter()).into_iter().flatten() {
                let key = key.to_string();
                let n = number(value, &key)?;
                builder = match key.as_str() {
                    "contextSize" => builder.context_size(positive(n, &key)?),
                    "threads" => builder.threads(positive(n, &key)?),
                    "batchSize" => builder.batch_size(positive(n, &key)?),
                    "seed" => builder.seed(n as u32),
                    "concurrency" => {
                        slots = n;
                        builder
                    }
                    "waitMs" => {
                        wait = Duration::from_millis(n.max(0) as u64);
                        builder
                    }
                    other => {
                        return Err(input(format!(
                            "unknown model option `{other}`: expected contextSize, threads, \
                             batchSize, seed, concurrency or waitMs"
                        )))
                    }
                };
            }
            builder = builder.slot_limit(SlotLimit::host(slots.max(0) as usize, wait));
            let llm = builder.build().map_err(to_exception)?;
            Ok(Model { llm })
        })
    }

    /// Continues `$prompt`. Options: `maxTokens`, `temperature` (0 = greedy), `topP`, `topK`,
    /// `stop` (list of strings), `seed`, `timeoutMs`.
    ///
    /// @param array{maxTokens?: int, temperature?: float, topP?: float, topK?: int, stop?: list<string>, seed?: int, timeoutMs?: int}|null $options
    /// @throws ModelException|InputException
    pub fn complete(
        &self,
        prompt: String,
        options: Option<&ZendHashTable>,
    ) -> PhpResult<Completion> {
        guard(|| {
            let options = generate_options(options)?;
            self.llm
                .complete(&prompt, &options)
                .map(Completion)
                .map_err(to_exception)
        })
    }

    /// Answers a conversation laid out with the model's own chat template. `$messages` is a list
    /// of `['role' => 'system'|'user'|'assistant', 'content' => string]`.
    ///
    /// @param list<array{role: string, content: string}> $messages
    /// @param array{maxTokens?: int, temperature?: float, topP?: float, topK?: int, stop?: list<string>, seed?: int, timeoutMs?: int}|null $options
    /// @throws ModelException|InputException
    pub fn chat(
        &self,
        messages: &ZendHashTable,
        options: Option<&ZendHashTable>,
    ) -> PhpResult<Completion> {
        guard(|| {
            let messages = chat_messages(messages)?;
            let options = generate_options(options)?;
            self.llm
                .chat(&messages, &options)
                .map(Completion)
                .map_err(to_exception)
        })
    }

    /// Like `chat()`, calling `$callback(string $piece)` with each piece of text as it is
    /// generated; returning `false` stops generation (stop reason `cancelled`). An exception
    /// thrown by the callback stops generation and propagates.
    ///
    /// @param list<array{role: string, content: string}> $messages
    /// @param callable(string): (bool|null) $callback
    /// @param array{maxTokens?: int, temperature?: float, topP?: float, topK?: int, stop?: list<string>, seed?: int, timeoutMs?: int}|null $options
    /// @throws ModelException|InputException
    pub fn stream(
        &self,
        messages: &ZendHashTable,
        callback: ZendCallable,
        options: Option<&ZendHashTable>,
    ) -> PhpResult<Completion> {
        guard(|| {
            let messages = chat_messages(messages)?;
            let options = generate_options(options)?;
            let completion = self.llm.chat_stream(&messages, &options, |piece| {
                match callback.try_call(vec![&piece]) {
                    // Only an explicit `false` stops; `null` (no return) continues.
                    Ok(result) => !matches!(result.bool(), Some(false)),
                    // The callback threw: stop; PHP raises its exception when we return.
                    Err(_) => false,
                }
            });
            completion.map(Completion).map_err(to_exception)
        })
    }

    /// Asks the model which of `$labels` fits `$text`; output is constrained by a grammar, so the
    /// answer is always one of the labels.
    ///
    /// @param list<string> $labels
    /// @throws ModelException|InputException
    pub fn classify(&self, text: String, labels: Vec<String>) -> PhpResult<String> {
        guard(|| {
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            self.llm
                .classify_labels(&text, &labels)
                .map_err(to_exception)
        })
    }

    /// The model file.
    pub fn path(&self) -> String {
        self.llm.path().to_string_lossy().into_owned()
    }
}

/// The text a model generated and what it cost.
#[php_class]
#[php(name = "Sovereign\\Completion")]
#[php(flags = ClassFlags::Final)]
pub struct Completion(CoreCompletion);

#[php_impl]
impl Completion {
    /// The generated text (a stop string is not included).
    #[php(getter)]
    pub fn get_text(&self) -> String {
        self.0.text.clone()
    }

    /// Tokens in the prompt as the model saw it (chat template included).
    #[php(getter)]
    pub fn get_prompt_tokens(&self) -> i64 {
        i64::from(self.0.prompt_tokens)
    }

    /// Tokens generated.
    #[php(getter)]
    pub fn get_generated_tokens(&self) -> i64 {
        i64::from(self.0.generated_tokens)
    }

    /// Milliseconds spent waiting for a host-wide generation slot.
    #[php(getter)]
    pub fn get_queue_ms(&self) -> f64 {
        self.0.queue_ms
    }

    /// Milliseconds spent reading the prompt.
    #[php(getter)]
    pub fn get_prompt_ms(&self) -> f64 {
        self.0.prompt_ms
    }

    /// Milliseconds spent generating.
    #[php(getter)]
    pub fn get_generation_ms(&self) -> f64 {
        self.0.generation_ms
    }

    /// Why generation ended: `end`, `max_tokens`, `stop`, `context_full`, `timeout` or `cancelled`.
    #[php(getter)]
    pub fn get_stop_reason(&self) -> &'static str {
        self.0.stop_reason.as_str()
    }
}

fn ini_number(name: &std::ffi::CStr) -> i64 {
    ini::with(name, |v| {
        v.and_then(|b| std::str::from_utf8(b).ok()?.trim().parse().ok())
            .unwrap_or(0)
    })
}

fn number(value: &Zval, key: &str) -> PhpResult<i64> {
    value
        .long()
        .ok_or_else(|| input(format!("option `{key}` must be an integer")))
}

fn positive(n: i64, key: &str) -> PhpResult<u32> {
    u32::try_from(n).ok().filter(|&n| n > 0).ok_or_else(|| {
        input(format!(
            "option `{key}` must be a positive integer, got {n}"
        ))
    })
}

fn float(value: &Zval, key: &str) -> PhpResult<f32> {
    value
        .double()
        .or_else(|| value.long().map(|n| n as f64))
        .map(|f| f as f32)
        .ok_or_else(|| input(format!("option `{key}` must be a number")))
}

fn generate_options(options: Option<&ZendHashTable>) -> PhpResult<GenerateOptions> {
    let mut out = GenerateOptions::default();
    for (key, value) in options.map(|o| o.iter()).into_iter().flatten() {
        let key = key.to_string();
        match key.as_str() {
            "maxTokens" => out.max_tokens = positive(number(value, &key)?, &key)?,
            "temperature" => out.temperature = float(value, &key)?,
            "topP" => out.top_p = float(value, &key)?,
            "topK" => out.top_k = number(value, &key)? as i32,
            "seed" => out.seed = Some(number(value, &key)? as u32),
            "timeoutMs" => {
                out.timeout = Some(Duration::from_millis(number(value, &key)?.max(0) as u64))
            }
            "stop" => {
                let list = value
                    .array()
                    .ok_or_else(|| input("option `stop` must be a list of strings"))?;
                out.stop = list
                    .iter()
                    .map(|(_, s)| {
                        s.str()
                            .map(str::to_string)
                            .ok_or_else(|| input("option `stop` must be a list of strings"))
                    })
                    .collect::<PhpResult<_>>()?;
            }
            other => {
                return Err(input(format!(
                    "unknown generation option `{other}`: expected maxTokens, temperature, topP, \
                     topK, stop, seed or timeoutMs"
                )))
            }
        }
    }
    Ok(out)
}

fn chat_messages(messages: &ZendHashTable) -> PhpResult<Vec<ChatMessage>> {
    let mut out = Vec::with_capacity(messages.len());
    for (_, message) in messages.iter() {
        let message = message
            .array()
            .ok_or_else(|| input("each message must be an array with `role` and `content`"))?;
        let field = |name: &str| {
            message
                .get(name)
                .and_then(Zval::str)
                .map(str::to_string)
                .ok_or_else(|| input(format!("each message needs a string `{name}`")))
        };
        out.push(ChatMessage::new(field("role")?, field("content")?));
    }
    if out.is_empty() {
        return Err(input("messages must not be empty"));
    }
    Ok(out)
}
