//! The engine: a policy compiled once into detectors, then shared immutably across threads and
//! requests. Every call runs the same pipeline: detect → classify → redact.

use crate::classify::Classification;
use crate::detect::detector::{Detection, Detector};
use crate::detect::dictionary::{Dictionary, TermList};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::keys::Secret;
use crate::policy::{Policy, SecretSource};
use crate::redact::{self, Redaction};
use crate::request::Request;
use crate::text::CharOffsets;
use crate::vault::Vault;
use std::path::PathBuf;
use std::sync::Arc;

/// Configures an [`Engine`].
#[derive(Default)]
pub struct EngineBuilder {
    policy: Option<Policy>,
    policy_file: Option<PathBuf>,
    policy_text: Option<String>,
    secret: Option<Vec<u8>>,
}

impl EngineBuilder {
    /// Uses a policy built in code.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = Some(policy);
        self
    }

    /// Reads the policy from a TOML file when [`EngineBuilder::build`] runs.
    pub fn policy_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.policy_file = Some(path.into());
        self
    }

    /// Parses the policy from TOML text when [`EngineBuilder::build`] runs.
    pub fn policy_text(mut self, text: impl Into<String>) -> Self {
        self.policy_text = Some(text.into());
        self
    }

    /// The secret tenant keys are derived from (overrides the policy's `secret` source).
    pub fn secret_key(mut self, key: impl Into<Vec<u8>>) -> Self {
        self.secret = Some(key.into());
        self
    }

    /// Compiles the engine.
    pub fn build(self) -> Result<Engine> {
        let policy = match (self.policy, self.policy_file, self.policy_text) {
            (Some(policy), None, None) => policy,
            (None, Some(path), None) => Policy::from_file(path)?,
            (None, None, Some(text)) => Policy::from_toml(&text, None)?,
            (None, None, None) => Policy::default(),
            _ => {
                return Err(Error::Config(
                    "give one policy: a Policy value, a file or TOML text".into(),
                ))
            }
        };
        let secret = match self.secret {
            Some(bytes) => Some(Secret::new(bytes)?),
            None => load_secret(policy.secret_source())?,
        };
        if policy.needs_key() && secret.is_none() {
            return Err(Error::Config(
                "the policy uses a keyed operator (token or hash) but no secret key is configured: \
                 set [secret] env or file in the policy, or pass one to the builder"
                    .into(),
            ));
        }
        let detector = Detector::new(
            policy.keywords().iter().map(|k| k.phrase.as_str()),
            policy.dictionaries(),
            |kind| {
                let settings = policy.entity(kind);
                settings.enabled.then_some(settings.threshold)
            },
        );
        Ok(Engine {
            policy,
            detector,
            secret,
        })
    }
}

fn load_secret(source: Option<&SecretSource>) -> Result<Option<Secret>> {
    let bytes = match source {
        None => return Ok(None),
        Some(SecretSource::Env(var)) => std::env::var(var)
            .map_err(|_| Error::Config(format!("secret environment variable `{var}` is not set")))?
            .trim()
            .as_bytes()
            .to_vec(),
        Some(SecretSource::File(path)) => {
            let mut bytes = std::fs::read(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            while bytes.last().is_some_and(|b| b.is_ascii_whitespace()) {
                bytes.pop();
            }
            bytes
        }
    };
    Secret::new(bytes).map(Some)
}

/// A compiled policy: immutable, `Send + Sync`, meant to be built once and shared.
///
/// ```
/// let engine = sovereign::Engine::new();
/// let redaction = engine.redact("Mail jane.doe@example.com about order 100023");
/// assert_eq!(redaction.text_str(), Some("Mail [EMAIL_1] about order 100023"));
/// assert_eq!(
///     redaction.restore("Sent to [EMAIL_1]."),
///     b"Sent to jane.doe@example.com.".to_vec()
/// );
/// ```
pub struct Engine {
    policy: Policy,
    detector: Detector,
    secret: Option<Secret>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("policy", &self.policy.source())
            .finish_non_exhaustive()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

/// One scan's result: findings and classification, computed in a single pass.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Findings sorted by position.
    pub findings: Vec<Finding>,
    /// The text's classification.
    pub classification: Classification,
}

impl Engine {
    /// An engine with the built-in default policy.
    pub fn new() -> Engine {
        Engine::builder()
            .build()
            .expect("the default policy needs no key and always compiles")
    }

    /// Starts configuring an engine.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// The engine's policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Finds sensitive values in `text` (any bytes).
    pub fn scan(&self, text: impl AsRef<[u8]>) -> Vec<Finding> {
        self.analyze(text.as_ref(), &Request::default()).findings
    }

    /// Classifies `text`.
    pub fn classify(&self, text: impl AsRef<[u8]>) -> Classification {
        self.analyze(text.as_ref(), &Request::default())
            .classification
    }

    /// Scans and classifies `text` for `request` (its known values are found too).
    pub fn analyze(&self, text: &[u8], request: &Request<'_>) -> Analysis {
        self.finish(text, &self.detect(text, request))
    }

    fn detect(&self, text: &[u8], request: &Request<'_>) -> Detection {
        let known = known_values(request);
        self.detector.detect(text, known.as_ref(), |c| {
            let settings = self.policy.entity(c.kind);
            settings.enabled && c.score >= settings.threshold
        })
    }

    fn finish(&self, text: &[u8], detection: &Detection) -> Analysis {
        let mut offsets = CharOffsets::new(text);
        let findings: Vec<Finding> = detection
            .candidates
            .iter()
            .map(|c| Finding {
                kind: c.kind,
                start: c.start,
                end: c.end,
                char_start: offsets.at(c.start),
                char_end: offsets.at(c.end),
                level: self.policy.entity(c.kind).level,
                score: c.score,
                rule: c.rule,
                validated: c.validated,
            })
            .collect();
        let rules = self.policy.keywords();
        // Most texts hold no keyword: then no counts (and no allocation) at all.
        let mut counts = Vec::new();
        if !detection.hits.keywords.is_empty() {
            counts.resize(rules.len(), 0usize);
            for hit in &detection.hits.keywords {
                counts[hit.index] += 1;
            }
        }
        let classification = Classification::from_parts(&findings, rules, &counts);
        Analysis {
            findings,
            classification,
        }
    }

    /// Redacts `text` with the default request.
    pub fn redact(&self, text: impl AsRef<[u8]>) -> Redaction {
        self.redact_request(text.as_ref(), &Request::default())
    }

    /// Redacts `text` for `request`: its known values are redacted too, and keyed operators use
    /// the request's tenant key.
    pub fn redact_request(&self, text: &[u8], request: &Request<'_>) -> Redaction {
        let detection = self.detect(text, request);
        let analysis = self.finish(text, &detection);
        let key = self
            .secret
            .as_ref()
            .map(|s| s.tenant_key(request.tenant_name()));
        let mut vault = Vault::new();
        let heads = if analysis.findings.is_empty() {
            Default::default()
        } else {
            self.detector.label_heads(text, &detection.hits)
        };
        let redacted = redact::apply(
            text,
            &analysis.findings,
            &heads,
            |kind| self.policy.entity(kind).operator,
            key.as_ref(),
            &mut vault,
        );
        Redaction {
            text: redacted,
            findings: analysis.findings,
            classification: analysis.classification,
            vault: Arc::new(vault),
        }
    }
}

/// Compiles a request's known values into a small dictionary (`None` when there are none).
fn known_values(request: &Request<'_>) -> Option<Dictionary> {
    if request.known_values().is_empty() {
        return None;
    }
    let lists: Vec<TermList> = request
        .known_values()
        .iter()
        .map(|v| TermList {
            kind: v.kind,
            terms: vec![v.value.trim().to_string()],
            case_insensitive: true,
            whole_words: true,
        })
        .collect();
    Dictionary::new(&lists)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn engine_is_shareable() {
        assert_send_sync::<Engine>();
        assert_send_sync::<Redaction>();
    }

    #[test]
    fn known_values_are_redacted() {
        let engine = Engine::new();
        let request = Request::new().known_value(crate::EntityKind::Person, "Jane Doe");
        let r = engine.redact_request(b"Ship to jane doe, thanks", &request);
        assert_eq!(r.text_str(), Some("Ship to [PERSON_1], thanks"));
        assert_eq!(r.restore("[PERSON_1]"), b"jane doe".to_vec());
    }
}
