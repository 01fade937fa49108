//! Local models: open a GGUF file, complete, chat and classify, optionally streaming each piece to
//! a C callback. Loading, sampling, the host-wide slot limit and every error live in the core.

use crate::buffer::SovereignBuffer;
use crate::engine::SovereignStr;
use crate::error::{guard, null, Failure, SovereignStatus};
use crate::handles::{bytes, utf8, write_out, Registry};
use sovereign::inference::{
    ChatMessage, Completion, GenerateOptions, Llm, ModelSettings, SlotLimit,
};
use std::ffi::c_void;
use std::time::Duration;

/// A local model. Thread-safe: one handle may be used from many threads (generations queue on the
/// host-wide slot limit).
pub struct SovereignModel(Llm);

static MODELS: Registry = Registry::new("model");

/// How to run a model. Start from `sovereign_model_options_default`.
#[repr(C)]
pub struct SovereignModelOptions {
    /// Context window in tokens.
    pub context_size: u32,
    /// CPU threads per generation.
    pub threads: u32,
    /// Prompt tokens per decode call.
    pub batch_size: u32,
    /// Default sampling seed.
    pub seed: u32,
    /// Generations at once across all processes of the host (0 = one per two cores).
    pub concurrency: u32,
    /// Milliseconds to wait for a free generation slot before failing.
    pub wait_ms: u32,
}

/// Writes the default model options (2048 tokens, 2 threads, batch 512, one slot per 2 cores,
/// 30 s wait).
#[no_mangle]
pub unsafe extern "C" fn sovereign_model_options_default(
    out: *mut SovereignModelOptions,
) -> SovereignStatus {
    guard(|| {
        let s = ModelSettings::default();
        let limit = SlotLimit::default();
        let options = SovereignModelOptions {
            context_size: s.context_size,
            threads: s.threads,
            batch_size: s.batch_size,
            seed: s.seed,
            concurrency: 0,
            wait_ms: limit.wait().as_millis() as u32,
        };
        write_out(out, options, "out")
    })
}

/// How to sample and when to stop. Start from `sovereign_generate_options_default`.
#[repr(C)]
pub struct SovereignGenerateOptions {
    /// Most tokens to generate.
    pub max_tokens: u32,
    /// 0 picks the most likely token every time (greedy, reproducible).
    pub temperature: f32,
    /// Nucleus sampling threshold (1 = off).
    pub top_p: f32,
    /// Keep the k most likely tokens (0 = off).
    pub top_k: i32,
    /// Sampling seed, used when `has_seed` is 1.
    pub seed: u32,
    /// 1 to use `seed`.
    pub has_seed: u8,
    /// Wall-time limit in milliseconds (0 = none).
    pub timeout_ms: u32,
    /// Stop strings (may be NULL when `stop_len` is 0).
    pub stop: *const SovereignStr,
    /// Number of stop strings.
    pub stop_len: usize,
}

/// One chat message.
#[repr(C)]
pub struct SovereignChatMessage {
    /// "system", "user" or "assistant" (UTF-8).
    pub role: SovereignStr,
    /// The message (UTF-8).
    pub content: SovereignStr,
}

/// The generated text and what it cost. Free `text` with `sovereign_buffer_free`.
#[repr(C)]
pub struct SovereignCompletion {
    /// The generated text (UTF-8; a stop string is not included).
    pub text: SovereignBuffer,
    /// Tokens in the prompt as the model saw it.
    pub prompt_tokens: u32,
    /// Tokens generated.
    pub generated_tokens: u32,
    /// Milliseconds waiting for a host-wide generation slot.
    pub queue_ms: f64,
    /// Milliseconds reading the prompt.
    pub prompt_ms: f64,
    /// Milliseconds generating.
    pub generation_ms: f64,
    /// Why generation ended: "end", "max_tokens", "stop", "context_full", "timeout" or
    /// "cancelled" (static).
    pub stop_reason: SovereignStr,
}

/// Called with each generated piece (UTF-8, not NUL-terminated); return 0 to stop generation.
pub type SovereignPieceCallback =
    Option<unsafe extern "C" fn(user: *mut c_void, piece: *const u8, piece_len: usize) -> i32>;

/// Writes the default generation options (256 tokens, greedy, 60 s limit).
#[no_mangle]
pub unsafe extern "C" fn sovereign_generate_options_default(
    out: *mut SovereignGenerateOptions,
) -> SovereignStatus {
    guard(|| {
        let d = GenerateOptions::default();
        let options = SovereignGenerateOptions {
            max_tokens: d.max_tokens,
            temperature: d.temperature,
            top_p: d.top_p,
            top_k: d.top_k,
            seed: 0,
            has_seed: 0,
            timeout_ms: d.timeout.map_or(0, |t| t.as_millis() as u32),
            stop: std::ptr::null(),
            stop_len: 0,
        };
        write_out(out, options, "out")
    })
}

/// Opens the GGUF model at `path` with `options` (NULL for the defaults). Checks the file's
/// header now; the weights load on first use, once per process. Free with `sovereign_model_free`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_model_open(
    path: *const u8,
    path_len: usize,
    options: *const SovereignModelOptions,
    out: *mut *mut SovereignModel,
) -> SovereignStatus {
    guard(|| {
        let path = utf8(path, path_len, "path")?;
        if out.is_null() {
            return Err(null("out"));
        }
        let mut builder = Llm::builder(path);
        if let Some(o) = options.as_ref() {
            builder = builder
                .context_size(o.context_size)
                .threads(o.threads)
                .batch_size(o.batch_size)
                .seed(o.seed)
                .slot_limit(SlotLimit::host(
                    o.concurrency as usize,
                    Duration::from_millis(u64::from(o.wait_ms)),
                ));
        }
        let llm = builder.build()?;
        write_out(out, MODELS.insert(SovereignModel(llm)), "out")
    })
}

/// Frees a model handle. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn sovereign_model_free(model: *mut SovereignModel) -> SovereignStatus {
    guard(|| MODELS.remove(model))
}

/// Continues `prompt`. `options` may be NULL (defaults); `on_piece` may be NULL (no streaming).
#[no_mangle]
pub unsafe extern "C" fn sovereign_model_complete(
    model: *const SovereignModel,
    prompt: *const u8,
    prompt_len: usize,
    options: *const SovereignGenerateOptions,
    on_piece: SovereignPieceCallback,
    user: *mut c_void,
    out: *mut SovereignCompletion,
) -> SovereignStatus {
    guard(|| {
        let llm = &MODELS.get(model)?.0;
        let prompt = utf8(prompt, prompt_len, "prompt")?;
        let options = generate_options(options)?;
        if out.is_null() {
            return Err(null("out"));
        }
        let completion = llm.complete_stream(prompt, &options, piece_sink(on_piece, user))?;
        write_out(out, completion_to_c(completion), "out")
    })
}

/// Answers a conversation laid out with the model's chat template. `options` and `on_piece` may
/// be NULL.
#[no_mangle]
pub unsafe extern "C" fn sovereign_model_chat(
    model: *const SovereignModel,
    messages: *const SovereignChatMessage,
    messages_len: usize,
    options: *const SovereignGenerateOptions,
    on_piece: SovereignPieceCallback,
    user: *mut c_void,
    out: *mut SovereignCompletion,
) -> SovereignStatus {
    guard(|| {
        let llm = &MODELS.get(model)?.0;
        if messages.is_null() || messages_len == 0 {
            return Err(Failure(
                SovereignStatus::SOVEREIGN_INVALID_ARGUMENT,
                "messages must not be empty".into(),
            ));
        }
        let mut chat = Vec::with_capacity(messages_len);
        for m in std::slice::from_raw_parts(messages, messages_len) {
            chat.push(ChatMessage::new(
                utf8(m.role.ptr, m.role.len, "message role")?,
                utf8(m.content.ptr, m.content.len, "message content")?,
            ));
        }
        let options = generate_options(options)?;
        if out.is_null() {
            return Err(null("out"));
        }
        let completion = llm.chat_stream(&chat, &options, piece_sink(on_piece, user))?;
        write_out(out, completion_to_c(completion), "out")
    })
}

/// Which of `labels` fits `text` (grammar-constrained: always one of them), written to `out`.
#[no_mangle]
pub unsafe extern "C" fn sovereign_model_classify(
    model: *const SovereignModel,
    text: *const u8,
    text_len: usize,
    labels: *const SovereignStr,
    labels_len: usize,
    out: *mut SovereignBuffer,
) -> SovereignStatus {
    guard(|| {
        let llm = &MODELS.get(model)?.0;
        let text = String::from_utf8_lossy(bytes(text, text_len, "text")?);
        if labels.is_null() || labels_len == 0 {
            return Err(null("labels"));
        }
        let labels = std::slice::from_raw_parts(labels, labels_len)
            .iter()
            .map(|l| utf8(l.ptr, l.len, "label"))
            .collect::<Result<Vec<&str>, Failure>>()?;
        if out.is_null() {
            return Err(null("out"));
        }
        let label = llm.classify_labels(&text, &labels)?;
        write_out(out, SovereignBuffer::from_vec(label.into_bytes()), "out")
    })
}

unsafe fn generate_options(
    options: *const SovereignGenerateOptions,
) -> Result<GenerateOptions, Failure> {
    let mut out = GenerateOptions::default();
    let Some(o) = options.as_ref() else {
        return Ok(out);
    };
    out.max_tokens = o.max_tokens;
    out.temperature = o.temperature;
    out.top_p = o.top_p;
    out.top_k = o.top_k;
    out.seed = (o.has_seed != 0).then_some(o.seed);
    out.timeout = (o.timeout_ms > 0).then(|| Duration::from_millis(u64::from(o.timeout_ms)));
    if o.stop_len > 0 {
        if o.stop.is_null() {
            return Err(null("options.stop"));
        }
        out.stop = std::slice::from_raw_parts(o.stop, o.stop_len)
            .iter()
            .map(|s| utf8(s.ptr, s.len, "stop string").map(str::to_string))
            .collect::<Result<_, _>>()?;
    }
    Ok(out)
}

/// Adapts a C callback to the core's `FnMut(&str) -> bool`.
fn piece_sink(on_piece: SovereignPieceCallback, user: *mut c_void) -> impl FnMut(&str) -> bool {
    move |piece: &str| match on_piece {
        // SAFETY: the caller passed this function pointer and `user` for this call.
        Some(f) => unsafe { f(user, piece.as_ptr(), piece.len()) != 0 },
        None => true,
    }
}

fn completion_to_c(c: Completion) -> SovereignCompletion {
    let reason = c.stop_reason.as_str();
    SovereignCompletion {
        prompt_tokens: c.prompt_tokens,
        generated_tokens: c.generated_tokens,
        queue_ms: c.queue_ms,
        prompt_ms: c.prompt_ms,
        generation_ms: c.generation_ms,
        stop_reason: SovereignStr {
            ptr: reason.as_ptr(),
            len: reason.len(),
        },
        text: SovereignBuffer::from_vec(c.text.into_bytes()),
    }
}
