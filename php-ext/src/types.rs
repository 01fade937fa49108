//! Value classes returned to PHP: `Level` names, `Finding`, `Reason`, `Classification`.
//! Plain data converted from core values; nothing here decides anything.

use crate::errors::{guard, input};
use ext_php_rs::exception::PhpResult;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;

/// Level names, least to most sensitive. A class of constants rather than a PHP enum because
/// ext-php-rs refuses `Public` as an enum case name (it is a PHP keyword elsewhere).
#[php_class]
#[php(name = "Sovereign\\Level")]
#[php(flags = ClassFlags::Final)]
pub struct Level;

#[php_impl]
impl Level {
    pub const PUBLIC: &'static str = "public";
    pub const INTERNAL: &'static str = "internal";
    pub const CONFIDENTIAL: &'static str = "confidential";
    pub const RESTRICTED: &'static str = "restricted";

    /// Compares two level names by sensitivity: negative, zero or positive like `<=>`.
    ///
    /// @throws InputException for an unknown name
    pub fn compare(a: String, b: String) -> PhpResult<i64> {
        guard(|| Ok(parse(&a)?.cmp(&parse(&b)?) as i64))
    }
}

fn parse(name: &str) -> PhpResult<sovereign::Level> {
    name.parse::<sovereign::Level>().map_err(input)
}

/// The PHP value of a level: its name.
fn level_name(level: sovereign::Level) -> String {
    level.as_str().to_string()
}

/// One sensitive value found in a text. Offsets are into the original text: `start`/`end` in
/// bytes (for `substr`), `charStart`/`charEnd` in UTF-8 characters (for `mb_substr`).
#[php_class]
#[php(name = "Sovereign\\Finding")]
#[php(flags = ClassFlags::Final)]
pub struct Finding {
    /// Entity type id, e.g. `EMAIL`, `CREDIT_CARD`.
    #[php(prop, name = "type")]
    pub kind: String,
    /// Category of the type, e.g. `pii`, `payment`.
    #[php(prop)]
    pub category: String,
    /// Level of the type under the engine's policy.
    #[php(prop)]
    pub level: String,
    /// Byte offset where the value starts.
    #[php(prop)]
    pub start: i64,
    /// Byte offset just past the value.
    #[php(prop)]
    pub end: i64,
    /// Character offset where the value starts.
    #[php(prop)]
    pub char_start: i64,
    /// Character offset just past the value.
    #[php(prop)]
    pub char_end: i64,
    /// Confidence, 0 to 1.
    #[php(prop)]
    pub score: f64,
    /// The rule that found it.
    #[php(prop)]
    pub rule: String,
    /// True when a checksum (Luhn, mod-97, ...) confirmed it.
    #[php(prop)]
    pub validated: bool,
}

#[php_impl]
impl Finding {}

impl From<&sovereign::Finding> for Finding {
    fn from(f: &sovereign::Finding) -> Self {
        Finding {
            kind: f.kind.id().to_string(),
            category: f.category().as_str().to_string(),
            level: level_name(f.level),
            start: f.start as i64,
            end: f.end as i64,
            char_start: f.char_start as i64,
            char_end: f.char_end as i64,
            score: score(f.score),
            rule: f.rule.to_string(),
            validated: f.validated,
        }
    }
}

/// A score as PHP shows it: the `f32` rounded to 6 decimals, so `0.95` prints as `0.95`, not
/// `0.949999988079071`.
fn score(score: f32) -> f64 {
    (f64::from(score) * 1e6).round() / 1e6
}

/// Converts core findings for PHP.
pub fn findings(list: &[sovereign::Finding]) -> Vec<Finding> {
    list.iter().map(Finding::from).collect()
}

/// Why a text got its level: an entity type found `count` times, or a keyword phrase.
#[php_class]
#[php(name = "Sovereign\\Reason")]
#[php(flags = ClassFlags::Final)]
pub struct Reason {
    /// `entity` or `keyword`.
    #[php(prop)]
    pub source: String,
    /// The entity type id or the keyword phrase.
    #[php(prop)]
    pub name: String,
    /// How often it occurs in the text.
    #[php(prop)]
    pub count: i64,
    /// The level it implies.
    #[php(prop)]
    pub level: String,
}

#[php_impl]
impl Reason {
    /// E.g. `2 × EMAIL → confidential`.
    pub fn __to_string(&self) -> String {
        match self.source.as_str() {
            "keyword" => format!(
                "keyword \"{}\" × {} → {}",
                self.name, self.count, self.level
            ),
            _ => format!("{} × {} → {}", self.count, self.name, self.level),
        }
    }
}

impl From<&sovereign::Reason> for Reason {
    fn from(reason: &sovereign::Reason) -> Self {
        match reason {
            sovereign::Reason::Entity { kind, count, level } => Reason {
                source: "entity".into(),
                name: kind.id().into(),
                count: *count as i64,
                level: level_name(*level),
            },
            sovereign::Reason::Keyword {
                phrase,
                count,
                level,
            } => Reason {
                source: "keyword".into(),
                name: phrase.clone(),
                count: *count as i64,
                level: level_name(*level),
            },
        }
    }
}

/// A text's level and the reasons for it, most severe first.
#[php_class]
#[php(name = "Sovereign\\Classification")]
#[php(flags = ClassFlags::Final)]
pub struct Classification {
    level: String,
    reasons: Vec<sovereign::Reason>,
}

#[php_impl]
impl Classification {
    /// The text's level: the highest of its reasons, `Level::PUBLIC` without any.
    pub fn level(&self) -> String {
        self.level.clone()
    }

    /// @return list<Reason>
    pub fn reasons(&self) -> Vec<Reason> {
        self.reasons.iter().map(Reason::from).collect()
    }
}

impl From<&sovereign::Classification> for Classification {
    fn from(c: &sovereign::Classification) -> Self {
        Classification {
            level: level_name(c.level),
            reasons: c.reasons.clone(),
        }
    }
}
