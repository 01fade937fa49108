//! Value classes returned to PHP: `Finding`, `Reason`, `Classification`.
//! Plain data converted from core values; nothing here decides anything.

use crate::errors::guard;
use crate::level::Level;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;

/// One sensitive value found in a text. Offsets are into the original text: `start`/`end` in
/// bytes (for `substr`), `charStart`/`charEnd` in UTF-8 characters (for `mb_substr`).
/// Properties are read-only (getters over the core finding, nothing copied until read).
#[php_class]
#[php(name = "Sovereign\\Finding")]
#[php(flags = ClassFlags::Final)]
pub struct Finding(sovereign::Finding);

#[php_impl]
impl Finding {
    /// Entity type id, e.g. `EMAIL`, `CREDIT_CARD`.
    #[php(getter, name = "type")]
    pub fn get_type(&self) -> &'static str {
        self.0.kind.id()
    }

    /// Category of the type, e.g. `pii`, `payment`.
    #[php(getter)]
    pub fn get_category(&self) -> &'static str {
        self.0.category().as_str()
    }

    /// Level of the type under the engine's policy (a `Level` case).
    #[php(getter)]
    pub fn get_level(&self) -> Level {
        Level(self.0.level)
    }

    /// Byte offset where the value starts.
    #[php(getter)]
    pub fn get_start(&self) -> i64 {
        self.0.start as i64
    }

    /// Byte offset just past the value.
    #[php(getter)]
    pub fn get_end(&self) -> i64 {
        self.0.end as i64
    }

    /// Character offset where the value starts.
    #[php(getter)]
    pub fn get_char_start(&self) -> i64 {
        self.0.char_start as i64
    }

    /// Character offset just past the value.
    #[php(getter)]
    pub fn get_char_end(&self) -> i64 {
        self.0.char_end as i64
    }

    /// Confidence, 0 to 1.
    #[php(getter)]
    pub fn get_score(&self) -> f64 {
        score(self.0.score)
    }

    /// The rule that found it.
    #[php(getter)]
    pub fn get_rule(&self) -> &'static str {
        self.0.rule
    }

    /// True when a checksum (Luhn, mod-97, ...) confirmed it.
    #[php(getter)]
    pub fn get_validated(&self) -> bool {
        self.0.validated
    }
}

/// A score as PHP shows it: the `f32` rounded to 6 decimals, so `0.95` prints as `0.95`, not
/// `0.949999988079071`.
fn score(score: f32) -> f64 {
    (f64::from(score) * 1e6).round() / 1e6
}

/// Converts core findings for PHP.
pub fn findings(list: &[sovereign::Finding]) -> Vec<Finding> {
    list.iter().copied().map(Finding).collect()
}

/// Why a text got its level: an entity type found `count` times, or a keyword phrase.
/// Properties are read-only.
#[php_class]
#[php(name = "Sovereign\\Reason")]
#[php(flags = ClassFlags::Final)]
pub struct Reason(sovereign::Reason);

#[php_impl]
impl Reason {
    /// `entity` or `keyword`.
    #[php(getter)]
    pub fn get_source(&self) -> &'static str {
        match self.0 {
            sovereign::Reason::Entity { .. } => "entity",
            sovereign::Reason::Keyword { .. } => "keyword",
        }
    }

    /// The entity type id or the keyword phrase.
    #[php(getter)]
    pub fn get_name(&self) -> String {
        match &self.0 {
            sovereign::Reason::Entity { kind, .. } => kind.id().to_string(),
            sovereign::Reason::Keyword { phrase, .. } => phrase.clone(),
        }
    }

    /// How often it occurs in the text.
    #[php(getter)]
    pub fn get_count(&self) -> i64 {
        match self.0 {
            sovereign::Reason::Entity { count, .. } | sovereign::Reason::Keyword { count, .. } => {
                count as i64
            }
        }
    }

    /// The level it implies (a `Level` case).
    #[php(getter)]
    pub fn get_level(&self) -> Level {
        Level(self.0.level())
    }

    /// E.g. `2 × EMAIL → confidential`.
    pub fn __to_string(&self) -> String {
        self.0.to_string()
    }
}

/// A text's level and the reasons for it, most severe first.
#[php_class]
#[php(name = "Sovereign\\Classification")]
#[php(flags = ClassFlags::Final)]
pub struct Classification {
    level: sovereign::Level,
    reasons: Vec<sovereign::Reason>,
}

#[php_impl]
impl Classification {
    /// The text's level: the highest of its reasons, `Level::Public` without any.
    pub fn level(&self) -> Level {
        Level(self.level)
    }

    /// @return list<Reason>
    pub fn reasons(&self) -> PhpResult<Vec<Reason>> {
        guard(|| Ok(self.reasons.iter().cloned().map(Reason).collect()))
    }
}

impl From<&sovereign::Classification> for Classification {
    fn from(c: &sovereign::Classification) -> Self {
        Classification {
            level: c.level,
            reasons: c.reasons.clone(),
        }
    }
}
