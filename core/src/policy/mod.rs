//! Policy: which types are found, how sensitive they are, how they are redacted, which operator
//! dictionaries and keyword rules apply. Read from TOML ([`Policy::from_toml`]) or built in
//! ([`Policy::default`]). The file format is documented in [`file`](mod@file).

pub mod file;

use crate::catalogue::{EntityKind, ALL};
use crate::classify::{default_keyword_rules, KeywordRule};
use crate::detect::dictionary::TermList;
use crate::level::Level;
use crate::redact::Operator;
use std::path::{Path, PathBuf};

/// Minimum score a finding needs, unless a type sets its own.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Per-type settings.
#[derive(Clone, Debug, PartialEq)]
pub struct EntitySettings {
    /// Whether the type is detected at all.
    pub enabled: bool,
    /// Its level (default: the catalogue's).
    pub level: Level,
    /// How it is redacted.
    pub operator: Operator,
    /// Minimum score.
    pub threshold: f32,
}

/// Where the secret for keyed operators comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretSource {
    /// An environment variable holding the key.
    Env(String),
    /// A file holding the key.
    File(PathBuf),
}

/// A compiled-in or loaded policy. Immutable once built; an engine holds one.
#[derive(Clone, Debug)]
pub struct Policy {
    pub(crate) entities: Vec<EntitySettings>,
    pub(crate) dictionaries: Vec<TermList>,
    pub(crate) keywords: Vec<KeywordRule>,
    pub(crate) secret: Option<SecretSource>,
    pub(crate) source: Option<PathBuf>,
}

impl Default for Policy {
    /// Every type enabled at its catalogue level, redacted with numbered placeholders, the built-in
    /// keyword rules, no dictionaries.
    fn default() -> Self {
        Policy {
            entities: ALL
                .iter()
                .map(|kind| EntitySettings {
                    enabled: true,
                    level: kind.default_level(),
                    operator: Operator::Placeholder,
                    threshold: DEFAULT_THRESHOLD,
                })
                .collect(),
            dictionaries: Vec::new(),
            keywords: default_keyword_rules(),
            secret: None,
            source: None,
        }
    }
}

impl Policy {
    /// Parses policy TOML. `file` names the source in error messages and is the base for
    /// relative paths (dictionary and secret files); pass `None` for text held in memory.
    ///
    /// ```
    /// use sovereign::{EntityKind, Error, Operator, Policy};
    ///
    /// let policy = Policy::from_toml("[entities.IBAN]\noperator = \"mask:4\"\n", None)?;
    /// assert_eq!(policy.entity(EntityKind::Iban).operator, Operator::Mask { keep_last: 4 });
    ///
    /// let err = Policy::from_toml("[entities.IBNA]\n", None).unwrap_err();
    /// assert!(matches!(err, Error::Policy { ref location, .. } if location.column == 11));
    /// assert!(err.to_string().contains("did you mean `IBAN`?"));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_toml(text: &str, file: Option<&Path>) -> crate::Result<Policy> {
        file::parse(text, file)
    }

    /// Reads and parses a policy file.
    pub fn from_file(path: impl AsRef<Path>) -> crate::Result<Policy> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| crate::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Policy::from_toml(&text, Some(path))
    }

    /// Settings of one type.
    pub fn entity(&self, kind: EntityKind) -> &EntitySettings {
        &self.entities[kind as usize]
    }

    /// Mutable settings of one type (for building policies in code).
    pub fn entity_mut(&mut self, kind: EntityKind) -> &mut EntitySettings {
        &mut self.entities[kind as usize]
    }

    /// Operator dictionaries.
    pub fn dictionaries(&self) -> &[TermList] {
        &self.dictionaries
    }

    /// Adds an operator dictionary.
    pub fn add_dictionary(&mut self, list: TermList) {
        self.dictionaries.push(list);
    }

    /// Classification keyword rules.
    pub fn keywords(&self) -> &[KeywordRule] {
        &self.keywords
    }

    /// Replaces the classification keyword rules. Rules with an empty phrase are dropped: they
    /// would match everywhere.
    pub fn set_keywords(&mut self, mut rules: Vec<KeywordRule>) {
        rules.retain(|rule| !rule.phrase.trim().is_empty());
        self.keywords = rules;
    }

    /// Where the key for keyed operators comes from, if configured.
    pub fn secret_source(&self) -> Option<&SecretSource> {
        self.secret.as_ref()
    }

    /// The file the policy was read from.
    pub fn source(&self) -> Option<&Path> {
        self.source.as_deref()
    }

    /// True when some enabled type uses a keyed operator.
    pub fn needs_key(&self) -> bool {
        self.entities
            .iter()
            .any(|e| e.enabled && e.operator.is_keyed())
    }
}
