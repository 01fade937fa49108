//! Classification: a document's level is the highest level any of its findings or keyword rules
//! reaches, with the reasons listed so a person can see why.
//!
//! Findings carry their level under the engine's policy (a policy may raise or lower a type's
//! catalogue level). Keyword phrases are found by the detector's one trigger automaton, in the
//! same pass as recognizer literals, so classification adds no scan of its own.

use crate::catalogue::EntityKind;
use crate::finding::Finding;
use crate::level::Level;
use std::fmt;

/// A phrase that raises a document's level when it occurs as whole words (ignoring ASCII case),
/// e.g. "attorney-client privileged" → restricted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeywordRule {
    /// The phrase.
    pub phrase: String,
    /// The level a document containing it reaches at least.
    pub level: Level,
}

impl KeywordRule {
    /// A rule.
    pub fn new(phrase: impl Into<String>, level: Level) -> Self {
        KeywordRule {
            phrase: phrase.into(),
            level,
        }
    }
}

/// Built-in keyword rules, used unless a policy replaces them.
pub fn default_keyword_rules() -> Vec<KeywordRule> {
    use Level::*;
    [
        ("attorney-client privileged", Restricted),
        ("privileged and confidential", Restricted),
        ("trade secret", Restricted),
        ("strictly confidential", Restricted),
        ("confidential", Confidential),
        ("do not distribute", Confidential),
        ("not for distribution", Confidential),
        ("salary", Confidential),
        ("salaries", Confidential),
        ("payroll", Confidential),
        ("compensation", Confidential),
        ("performance review", Confidential),
        ("disciplinary", Confidential),
        ("medical", Confidential),
        ("diagnosis", Confidential),
        ("purchase price", Confidential),
        ("cost price", Confidential),
        ("margin", Confidential),
        ("supplier contract", Confidential),
        ("non-disclosure agreement", Confidential),
        ("nda", Confidential),
        ("internal use only", Internal),
        ("internal only", Internal),
        ("for internal use", Internal),
    ]
    .into_iter()
    .map(|(phrase, level)| KeywordRule::new(phrase, level))
    .collect()
}

/// Why a document reached a level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// `count` findings of `kind`, whose level is `level`.
    Entity {
        /// The type found.
        kind: EntityKind,
        /// How many were found.
        count: usize,
        /// The level of that type under the policy.
        level: Level,
    },
    /// A keyword rule matched `count` times.
    Keyword {
        /// The phrase.
        phrase: String,
        /// How many times it matched.
        count: usize,
        /// The rule's level.
        level: Level,
    },
}

impl Reason {
    /// The level this reason gives.
    pub fn level(&self) -> Level {
        match self {
            Reason::Entity { level, .. } | Reason::Keyword { level, .. } => *level,
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Entity { kind, count, level } => write!(f, "{count} × {kind} → {level}"),
            Reason::Keyword {
                phrase,
                count,
                level,
            } => write!(f, "keyword \"{phrase}\" × {count} → {level}"),
        }
    }
}

/// A document's level and the reasons for it, highest level first.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Classification {
    /// The highest level reached (`Public` when nothing was found).
    pub level: Level,
    /// Every reason, highest level first, then by type / phrase.
    pub reasons: Vec<Reason>,
}

impl Classification {
    /// Builds the classification from resolved findings and keyword-rule hit counts
    /// (`keyword_counts[i]` counts hits of `rules[i]`).
    pub(crate) fn from_parts(
        findings: &[Finding],
        rules: &[KeywordRule],
        keyword_counts: &[usize],
    ) -> Classification {
        // One reason per entity type, in order of first finding: few types, so a scan finds it.
        let mut reasons: Vec<Reason> = Vec::with_capacity(findings.len().min(8));
        for f in findings {
            let seen = reasons.iter_mut().find_map(|r| match r {
                Reason::Entity { kind, count, .. } if *kind == f.kind => Some(count),
                _ => None,
            });
            match seen {
                Some(count) => *count += 1,
                None => reasons.push(Reason::Entity {
                    kind: f.kind,
                    count: 1,
                    level: f.level,
                }),
            }
        }
        for (rule, &count) in rules.iter().zip(keyword_counts) {
            if count > 0 {
                reasons.push(Reason::Keyword {
                    phrase: rule.phrase.clone(),
                    count,
                    level: rule.level,
                });
            }
        }
        reasons.sort_by(|a, b| {
            b.level()
                .cmp(&a.level())
                .then_with(|| order_key(a).cmp(&order_key(b)))
        });
        let level = reasons.first().map(Reason::level).unwrap_or_default();
        Classification { level, reasons }
    }
}

fn order_key(reason: &Reason) -> (u8, &str) {
    match reason {
        Reason::Entity { kind, .. } => (0, kind.id()),
        Reason::Keyword { phrase, .. } => (1, phrase.as_str()),
    }
}

#[cfg(test)]
mod tests;
