//! Chat messages to a prompt, with the chat template stored in the GGUF metadata.
//!
//! Instruction-tuned models only answer well when the conversation is laid out exactly as in
//! training (Gemma: `<start_of_turn>user\n…<end_of_turn>\n<start_of_turn>model\n`). The GGUF's
//! `tokenizer.chat_template` says which layout; llama.cpp recognises the common templates and
//! applies them. When a model has no template, or llama.cpp does not recognise it, we fall back
//! to a plain transcript (`user: …\nassistant:`), which base models continue sensibly.

use llama_cpp_2::model::{LlamaChatMessage, LlamaModel};

use crate::{Error, Result};

/// One turn of a conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatMessage {
    /// `system`, `user` or `assistant`.
    pub role: String,
    /// What was said.
    pub content: String,
}

impl ChatMessage {
    /// A message with any role.
    pub fn new(role: impl Into<String>, content: impl Into<String>) -> ChatMessage {
        ChatMessage {
            role: role.into(),
            content: content.into(),
        }
    }

    /// A `system` message.
    pub fn system(content: impl Into<String>) -> ChatMessage {
        ChatMessage::new("system", content)
    }

    /// A `user` message.
    pub fn user(content: impl Into<String>) -> ChatMessage {
        ChatMessage::new("user", content)
    }

    /// An `assistant` message.
    pub fn assistant(content: impl Into<String>) -> ChatMessage {
        ChatMessage::new("assistant", content)
    }
}

/// A formatted prompt and whether the model's own template produced it.
pub(crate) struct Prompt {
    pub(crate) text: String,
    pub(crate) templated: bool,
    /// Stop strings the layout needs (the fallback's turn markers).
    pub(crate) stops: Vec<String>,
}

/// Lays out `messages` for `model`, ending where the assistant's answer begins.
pub(crate) fn format(model: &LlamaModel, messages: &[ChatMessage]) -> Result<Prompt> {
    if messages.is_empty() {
        return Err(Error::Input("a chat needs at least one message".into()));
    }
    let mut chat = Vec::with_capacity(messages.len());
    for m in messages {
        let message = LlamaChatMessage::new(m.role.clone(), m.content.clone())
            .map_err(|_| Error::Input(format!("chat message ({}) contains a NUL byte", m.role)))?;
        chat.push(message);
    }
    if let Ok(template) = model.chat_template(None) {
        if let Ok(text) = model.apply_chat_template(&template, &chat, true) {
            return Ok(Prompt {
                text,
                templated: true,
                stops: Vec::new(),
            });
        }
    }
    Ok(Prompt {
        text: transcript(messages),
        templated: false,
        stops: vec!["\nuser:".into(), "\nassistant:".into()],
    })
}

/// The fallback layout: one `role: content` line per message, then `assistant:`.
fn transcript(messages: &[ChatMessage]) -> String {
    let mut text = String::new();
    for m in messages {
        text.push_str(&m.role);
        text.push_str(": ");
        text.push_str(&m.content);
        text.push('\n');
    }
    text.push_str("assistant:");
    text
}
