//! Constrained output: the model must answer with one label out of a fixed set.
//!
//! A small model asked "answer with one word" still rambles, apologises or invents a label. A
//! GBNF grammar (`root ::= "public" | "internal" | …`) masks every token that would leave the
//! set, so the answer is always exactly one of the labels; the model only chooses which.

use crate::{Error, Level, Result};

use super::Llm;

/// The GBNF grammar accepting exactly one of `labels`.
pub fn label_grammar(labels: &[&str]) -> Result<String> {
    if labels.is_empty() {
        return Err(Error::Input("at least one label is needed".into()));
    }
    let mut grammar = String::from("root ::= ");
    for (i, label) in labels.iter().enumerate() {
        if label.is_empty() {
            return Err(Error::Input("labels must not be empty".into()));
        }
        if labels[..i].contains(label) {
            return Err(Error::Input(format!("label `{label}` is listed twice")));
        }
        if i > 0 {
            grammar.push_str(" | ");
        }
        grammar.push('"');
        for c in label.chars() {
            match c {
                '"' => grammar.push_str("\\\""),
                '\\' => grammar.push_str("\\\\"),
                '\n' => grammar.push_str("\\n"),
                '\r' => grammar.push_str("\\r"),
                '\t' => grammar.push_str("\\t"),
                c if c.is_control() => {
                    return Err(Error::Input(format!(
                        "label `{}` contains a control character",
                        label.escape_debug()
                    )))
                }
                c => grammar.push(c),
            }
        }
        grammar.push('"');
    }
    grammar.push('\n');
    Ok(grammar)
}

/// The instruction for sensitivity classification.
const LEVEL_INSTRUCTIONS: &str = "You label texts from an online shop by sensitivity.\n\
public: may be published (product descriptions, opening hours).\n\
internal: for staff only (stock levels, internal notes, supplier names).\n\
confidential: personal data about a customer or employee (names with addresses, emails, \
phone numbers, order history) or commercially sensitive figures.\n\
restricted: card numbers, bank accounts, passwords, API keys, government ids.\n\
Answer with one word: public, internal, confidential or restricted.";

/// Classifies text into a [`Level`] with a local model, beside the pattern engine.
///
/// The pattern engine finds what has a shape (card numbers, IBANs, emails); a model can also
/// judge text whose sensitivity is in its meaning ("our margin on this line is 62%"). Use the
/// higher of the two levels. Texts longer than the context are cut at a character boundary.
#[derive(Clone, Debug)]
pub struct ModelClassifier {
    llm: Llm,
}

impl ModelClassifier {
    /// A classifier using `llm`.
    pub fn new(llm: Llm) -> ModelClassifier {
        ModelClassifier { llm }
    }

    /// The sensitivity level the model assigns to `text` (any bytes; invalid UTF-8 is replaced).
    pub fn classify(&self, text: &[u8]) -> Result<Level> {
        let text = String::from_utf8_lossy(text);
        // About 3 bytes per token, leaving room for the instructions and the answer.
        let budget = (self.llm.settings().context_size as usize)
            .saturating_sub(256)
            .saturating_mul(3)
            .max(256);
        let text = cut(&text, budget);
        let labels: Vec<&str> = Level::ALL.iter().map(|l| l.as_str()).collect();
        let prompt = format!("{LEVEL_INSTRUCTIONS}\n\nText:\n{text}");
        let label = self.llm.classify_prompt(&prompt, &labels)?;
        label
            .parse()
            .map_err(|e: String| Error::Internal(format!("classifier answered {label:?}: {e}")))
    }
}

/// `text` cut to at most `max` bytes at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::{cut, label_grammar};

    #[test]
    fn grammar_escapes_and_rejects() {
        let g = label_grammar(&["a\"b", "c\\d"]).unwrap();
        assert_eq!(g, "root ::= \"a\\\"b\" | \"c\\\\d\"\n");
        assert!(label_grammar(&[]).is_err());
        assert!(label_grammar(&["x", ""]).is_err());
        assert!(label_grammar(&["x", "x"]).is_err());
    }

    #[test]
    fn cut_keeps_chars_whole() {
        assert_eq!(cut("aé", 2), "a");
        assert_eq!(cut("abc", 5), "abc");
    }
}
