//! The TOML policy file format.
//!
//! Every key is optional: an empty file gives the same policy as [`Policy::default`].
//!
//! ```toml
//! version = 1                        # format version; only 1 exists
//! threshold = 0.5                    # minimum score a finding needs (0..=1)
//! default_operator = "placeholder"   # placeholder | token | mask | mask:N | hash | remove | keep
//!
//! [secret]                           # key for the keyed operators (token, hash): one of
//! env = "SOVEREIGN_SECRET"           #   an environment variable, or
//! # file = "/etc/sovereign/secret"   #   a file (relative to this policy file)
//!
//! [categories.payment]               # pii | payment | secret | network | business
//! operator = "mask:4"
//! level = "restricted"               # public | internal | confidential | restricted
//! enabled = true
//! threshold = 0.6
//!
//! [entities.CREDIT_CARD]             # any catalogue id; same keys as a category
//! operator = "mask:4"
//!
//! [[dictionaries]]                   # operator term lists, found exactly
//! entity = "SUPPLIER"                # any catalogue id; default BUSINESS_TERM
//! terms = ["Acme Corp", "Globex"]    # and/or
//! file = "suppliers.txt"             # one term per line, '#' starts a comment line
//! case_insensitive = false           # ASCII case only
//! whole_words = true
//!
//! [classification]
//! builtin_keywords = true            # keep the built-in keyword rules
//!
//! [[keywords]]                       # a phrase (whole words, any ASCII case) that raises
//! phrase = "salary"                  # a document's level to at least `level`; it replaces a
//! level = "confidential"             # built-in rule with the same phrase
//! ```
//!
//! Relative paths are resolved against the policy file's directory (the current directory for
//! policy text given in memory).
//!
//! A type's settings come from its `[entities.ID]` table, else its category's table, else the
//! top-level `threshold` / `default_operator` and the catalogue's level. Unknown keys are errors
//! (a typo must not silently weaken a policy); errors carry the 1-based line and column.

use super::{EntitySettings, Policy, SecretSource, DEFAULT_THRESHOLD};
use crate::catalogue::{Category, EntityKind, ALL};
use crate::classify::{default_keyword_rules, KeywordRule};
use crate::detect::dictionary::TermList;
use crate::error::{Error, Location};
use crate::level::Level;
use crate::redact::Operator;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The only format version so far.
const VERSION: i64 = 1;

const TOP_KEYS: &[&str] = &[
    "version",
    "threshold",
    "default_operator",
    "secret",
    "categories",
    "entities",
    "dictionaries",
    "classification",
    "keywords",
];
const SETTINGS_KEYS: &[&str] = &["operator", "level", "enabled", "threshold"];
const SECRET_KEYS: &[&str] = &["env", "file"];
const DICTIONARY_KEYS: &[&str] = &["entity", "terms", "file", "case_insensitive", "whole_words"];
const CLASSIFICATION_KEYS: &[&str] = &["builtin_keywords"];
const KEYWORD_KEYS: &[&str] = &["phrase", "level"];

type Key<'i> = Spanned<Cow<'i, str>>;
type Value<'i> = Spanned<DeValue<'i>>;

pub(super) fn parse(text: &str, file: Option<&Path>) -> crate::Result<Policy> {
    let parser = Parser {
        text,
        file,
        base: file
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    let root = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let mut message = e.message().trim_end().to_string();
        // The parser's message does not say which key; the span does.
        if message == "duplicate key" {
            if let Some(key) = text.get(span.clone()).filter(|k| !k.is_empty()) {
                message = format!("duplicate key `{key}`");
            }
        }
        parser.error_at(span.start, message)
    })?;
    let mut policy = parser.policy(root.get_ref())?;
    policy.source = file.map(Path::to_path_buf);
    Ok(policy)
}

/// A type's settings as one table gives them; `None` keeps what the outer level says.
#[derive(Clone, Copy, Default)]
struct Overrides {
    operator: Option<Operator>,
    level: Option<Level>,
    enabled: Option<bool>,
    threshold: Option<f32>,
}

impl Overrides {
    fn apply(&self, settings: &mut EntitySettings) {
        if let Some(operator) = self.operator {
            settings.operator = operator;
        }
        if let Some(level) = self.level {
            settings.level = level;
        }
        if let Some(enabled) = self.enabled {
            settings.enabled = enabled;
        }
        if let Some(threshold) = self.threshold {
            settings.threshold = threshold;
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    file: Option<&'a Path>,
    /// Directory relative paths in the policy are resolved against.
    base: PathBuf,
}

impl<'a> Parser<'a> {
    fn policy(&self, root: &DeTable<'_>) -> crate::Result<Policy> {
        let top = self.fields(root, "the policy", TOP_KEYS)?;
        let [version, threshold, default_operator, secret, categories, entities, dictionaries, classification, keywords] =
            top[..]
        else {
            unreachable!("fields returns one slot per allowed key")
        };
        if let Some(v) = version {
            let n = self.integer(v, "version")?;
            if n != VERSION {
                return Err(self.error(
                    v,
                    format!("unsupported policy version {n}: expected {VERSION}"),
                ));
            }
        }
        let threshold = match threshold {
            Some(v) => self.threshold(v, "threshold")?,
            None => DEFAULT_THRESHOLD,
        };
        let operator = match default_operator {
            Some(v) => self.operator(v, "default_operator")?,
            None => Operator::default(),
        };
        let settings = self.settings(threshold, operator, categories, entities)?;
        let secret = secret.map(|v| self.secret(v)).transpose()?;
        let mut dictionary_lists = Vec::new();
        if let Some(v) = dictionaries {
            for item in self.array(v, "dictionaries")? {
                dictionary_lists.push(self.dictionary(item)?);
            }
        }
        let rules = self.keyword_rules(classification, keywords)?;
        Ok(Policy {
            entities: settings,
            dictionaries: dictionary_lists,
            keywords: rules,
            secret,
            source: None,
        })
    }

    /// Every type's settings: top-level defaults, then category tables, then type tables.
    fn settings(
        &self,
        threshold: f32,
        operator: Operator,
        categories: Option<&Value<'_>>,
        entities: Option<&Value<'_>>,
    ) -> crate::Result<Vec<EntitySettings>> {
        let mut settings: Vec<EntitySettings> = ALL
            .iter()
            .map(|kind| EntitySettings {
                enabled: true,
                level: kind.default_level(),
                operator,
                threshold,
            })
            .collect();
        if let Some(v) = categories {
            for (category, overrides) in self.categories(v)? {
                for (kind, s) in ALL.iter().zip(settings.iter_mut()) {
                    if kind.category() == category {
                        overrides.apply(s);
                    }
                }
            }
        }
        if let Some(v) = entities {
            for (kind, overrides) in self.entities(v)? {
                overrides.apply(&mut settings[kind as usize]);
            }
        }
        Ok(settings)
    }

    /// The built-in keyword rules (unless turned off) with the policy's added or replacing them.
    fn keyword_rules(
        &self,
        classification: Option<&Value<'_>>,
        keywords: Option<&Value<'_>>,
    ) -> crate::Result<Vec<KeywordRule>> {
        let mut builtin = true;
        if let Some(v) = classification {
            let table = self.table(v, "classification")?;
            let [flag] = self.fields(table, "[classification]", CLASSIFICATION_KEYS)?[..] else {
                unreachable!("one allowed key")
            };
            if let Some(v) = flag {
                builtin = self.boolean(v, "builtin_keywords")?;
            }
        }
        let mut rules = if builtin {
            default_keyword_rules()
        } else {
            Vec::new()
        };
        if let Some(v) = keywords {
            for item in self.array(v, "keywords")? {
                let rule = self.keyword(item)?;
                match rules
                    .iter_mut()
                    .find(|r| r.phrase.eq_ignore_ascii_case(&rule.phrase))
                {
                    Some(existing) => existing.level = rule.level,
                    None => rules.push(rule),
                }
            }
        }
        Ok(rules)
    }

    /// `[categories.NAME]` tables, in file order.
    fn categories(&self, value: &Value<'_>) -> crate::Result<Vec<(Category, Overrides)>> {
        let mut known: Vec<Category> = Vec::new();
        for kind in ALL {
            if !known.contains(&kind.category()) {
                known.push(kind.category());
            }
        }
        known.sort();
        let names: Vec<&str> = known.iter().map(|c| c.as_str()).collect();
        let mut out = Vec::new();
        for (key, v) in entries(self.table(value, "categories")?) {
            let Some(category) = known.iter().copied().find(|c| c.as_str() == key.get_ref()) else {
                return Err(self.error(
                    key,
                    unknown("category", key.get_ref(), None, names.iter().copied()),
                ));
            };
            let context = format!("[categories.{}]", category.as_str());
            out.push((category, self.overrides(v, &context)?));
        }
        Ok(out)
    }

    /// `[entities.ID]` tables, in file order.
    fn entities(&self, value: &Value<'_>) -> crate::Result<Vec<(EntityKind, Overrides)>> {
        let mut out = Vec::new();
        for (key, v) in entries(self.table(value, "entities")?) {
            let kind = self.entity_id(key, key.get_ref())?;
            out.push((
                kind,
                self.overrides(v, &format!("[entities.{}]", kind.id()))?,
            ));
        }
        Ok(out)
    }

    fn overrides(&self, value: &Value<'_>, context: &str) -> crate::Result<Overrides> {
        let table = self.table(value, context)?;
        let [operator, level, enabled, threshold] = self.fields(table, context, SETTINGS_KEYS)?[..]
        else {
            unreachable!("four allowed keys")
        };
        Ok(Overrides {
            operator: operator.map(|v| self.operator(v, "operator")).transpose()?,
            level: level.map(|v| self.level(v, "level")).transpose()?,
            enabled: enabled.map(|v| self.boolean(v, "enabled")).transpose()?,
            threshold: threshold
                .map(|v| self.threshold(v, "threshold"))
                .transpose()?,
        })
    }

    fn secret(&self, value: &Value<'_>) -> crate::Result<SecretSource> {
        let table = self.table(value, "secret")?;
        let [env, file] = self.fields(table, "[secret]", SECRET_KEYS)?[..] else {
            unreachable!("two allowed keys")
        };
        match (env, file) {
            (Some(env), None) => {
                let name = self.string(env, "env")?;
                if name.is_empty() || name.contains(['=', '\0']) {
                    return Err(self.error(
                        env,
                        format!("`env` must name an environment variable, got `{name}`"),
                    ));
                }
                Ok(SecretSource::Env(name.to_string()))
            }
            (None, Some(file)) => Ok(SecretSource::File(self.path(file, "file")?)),
            (Some(_), Some(file)) => {
                Err(self.error(file, "[secret] takes either `env` or `file`, not both"))
            }
            (None, None) => Err(self.error(
                value,
                "[secret] needs `env` (an environment variable) or `file` (a key file)",
            )),
        }
    }

    fn dictionary(&self, value: &Value<'_>) -> crate::Result<TermList> {
        let context = "[[dictionaries]]";
        let table = self.table(value, context)?;
        let [entity, terms, file, case_insensitive, whole_words] =
            self.fields(table, context, DICTIONARY_KEYS)?[..]
        else {
            unreachable!("five allowed keys")
        };
        let kind = match entity {
            Some(v) => self.entity_id(v, self.string(v, "entity")?)?,
            None => EntityKind::BusinessTerm,
        };
        if terms.is_none() && file.is_none() {
            return Err(self.error(
                value,
                "a dictionary needs `terms` (a list of strings) or `file` (one term per line)",
            ));
        }
        let mut list = TermList {
            kind,
            terms: Vec::new(),
            case_insensitive: case_insensitive
                .map(|v| self.boolean(v, "case_insensitive"))
                .transpose()?
                .unwrap_or(false),
            whole_words: whole_words
                .map(|v| self.boolean(v, "whole_words"))
                .transpose()?
                .unwrap_or(true),
        };
        if let Some(v) = terms {
            for (i, item) in self.array(v, "terms")?.iter().enumerate() {
                let term = self.string(item, &format!("terms[{i}]"))?.trim();
                if term.is_empty() {
                    return Err(self.error(item, "a dictionary term must not be empty"));
                }
                list.terms.push(term.to_string());
            }
        }
        if let Some(v) = file {
            let path = self.path(v, "file")?;
            let bytes = std::fs::read(&path).map_err(|e| {
                self.error(
                    v,
                    format!("cannot read dictionary file `{}`: {e}", path.display()),
                )
            })?;
            read_terms(&bytes, &path, &mut list.terms)?;
        }
        Ok(list)
    }

    fn keyword(&self, value: &Value<'_>) -> crate::Result<KeywordRule> {
        let context = "[[keywords]]";
        let table = self.table(value, context)?;
        let [phrase, level] = self.fields(table, context, KEYWORD_KEYS)?[..] else {
            unreachable!("two allowed keys")
        };
        let (Some(phrase), Some(level)) = (phrase, level) else {
            return Err(self.error(value, "a keyword rule needs `phrase` and `level`"));
        };
        let text = self.string(phrase, "phrase")?.trim();
        if text.is_empty() {
            return Err(self.error(phrase, "`phrase` must not be empty"));
        }
        Ok(KeywordRule::new(text, self.level(level, "level")?))
    }

    /// Looks up the values of `allowed` keys in `table`, rejecting any other key.
    fn fields<'t, 'i>(
        &self,
        table: &'t DeTable<'i>,
        context: &str,
        allowed: &[&str],
    ) -> crate::Result<Vec<Option<&'t Value<'i>>>> {
        let mut slots = vec![None; allowed.len()];
        for (key, value) in entries(table) {
            match allowed.iter().position(|a| *a == key.get_ref()) {
                Some(i) => slots[i] = Some(value),
                None => {
                    return Err(self.error(
                        key,
                        unknown("key", key.get_ref(), Some(context), allowed.iter().copied()),
                    ))
                }
            }
        }
        Ok(slots)
    }

    fn entity_id<T>(&self, at: &Spanned<T>, id: &str) -> crate::Result<EntityKind> {
        // Ids are upper case in the catalogue and in placeholders; insisting on it keeps
        // policies greppable.
        ALL.iter()
            .copied()
            .find(|kind| kind.id() == id)
            .ok_or_else(|| {
                self.error(
                    at,
                    unknown("entity type", id, None, ALL.iter().map(|k| k.id())),
                )
            })
    }

    fn table<'t, 'i>(&self, v: &'t Value<'i>, what: &str) -> crate::Result<&'t DeTable<'i>> {
        v.get_ref()
            .as_table()
            .ok_or_else(|| self.wrong_type(v, what, "a table"))
    }

    fn array<'t, 'i>(&self, v: &'t Value<'i>, what: &str) -> crate::Result<&'t [Value<'i>]> {
        match v.get_ref() {
            DeValue::Array(items) => Ok(items),
            _ => Err(self.wrong_type(v, what, "an array")),
        }
    }

    fn string<'t>(&self, v: &'t Value<'_>, what: &str) -> crate::Result<&'t str> {
        v.get_ref()
            .as_str()
            .ok_or_else(|| self.wrong_type(v, what, "a string"))
    }

    fn boolean(&self, v: &Value<'_>, what: &str) -> crate::Result<bool> {
        v.get_ref()
            .as_bool()
            .ok_or_else(|| self.wrong_type(v, what, "true or false"))
    }

    fn integer(&self, v: &Value<'_>, what: &str) -> crate::Result<i64> {
        v.get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok())
            .ok_or_else(|| self.wrong_type(v, what, "an integer"))
    }

    fn threshold(&self, v: &Value<'_>, what: &str) -> crate::Result<f32> {
        let number = match v.get_ref() {
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            _ => None,
        };
        let Some(number) = number else {
            return Err(self.wrong_type(v, what, "a number between 0 and 1"));
        };
        if !(0.0..=1.0).contains(&number) {
            let shown = &self.text[v.span()];
            return Err(self.error(v, format!("{what} must be between 0 and 1, got {shown}")));
        }
        Ok(number as f32)
    }

    fn operator(&self, v: &Value<'_>, what: &str) -> crate::Result<Operator> {
        let name = self.string(v, what)?;
        name.parse()
            .map_err(|message: String| self.error(v, message))
    }

    fn level(&self, v: &Value<'_>, what: &str) -> crate::Result<Level> {
        let name = self.string(v, what)?;
        name.parse()
            .map_err(|message: String| self.error(v, message))
    }

    /// A path value, resolved against the policy file's directory.
    fn path(&self, v: &Value<'_>, what: &str) -> crate::Result<PathBuf> {
        let path = self.string(v, what)?;
        if path.is_empty() {
            return Err(self.error(v, format!("`{what}` must not be empty")));
        }
        Ok(self.base.join(path))
    }

    fn wrong_type(&self, v: &Value<'_>, what: &str, expected: &str) -> Error {
        let got = v.get_ref().type_str();
        let article = if got.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        self.error(
            v,
            format!("`{what}` must be {expected}, got {article} {got}"),
        )
    }

    fn error<T>(&self, at: &Spanned<T>, message: impl Into<String>) -> Error {
        self.error_at(at.span().start, message.into())
    }

    fn error_at(&self, offset: usize, message: String) -> Error {
        let (line, column) = line_column(self.text, offset);
        Error::Policy {
            location: Location {
                file: self.file.map(Path::to_path_buf),
                line,
                column,
            },
            message,
        }
    }
}

/// A table's entries in file order (the parser keeps them sorted by key), so the first error
/// reported is the first in the file.
fn entries<'t, 'i>(table: &'t DeTable<'i>) -> Vec<(&'t Key<'i>, &'t Value<'i>)> {
    let mut all: Vec<_> = table.iter().collect();
    all.sort_by_key(|(key, _)| key.span().start);
    all
}

/// Appends a dictionary file's terms: one per line, trimmed; blank lines and lines starting with
/// `#` are skipped. Invalid UTF-8 is reported at its line and column in that file.
fn read_terms(bytes: &[u8], path: &Path, out: &mut Vec<String>) -> crate::Result<()> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = std::str::from_utf8(line).map_err(|e| {
            let valid = &line[..e.valid_up_to()];
            // `valid` is valid UTF-8 by construction; counting its char starts gives the column.
            let column = valid.iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1;
            Error::Policy {
                location: Location {
                    file: Some(path.to_path_buf()),
                    line: i + 1,
                    column,
                },
                message: format!(
                    "dictionary file is not valid UTF-8 (byte 0x{:02X})",
                    line[e.valid_up_to()]
                ),
            }
        })?;
        let term = line.trim();
        if !term.is_empty() && !term.starts_with('#') {
            out.push(term.to_string());
        }
    }
    Ok(())
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.as_bytes()[..offset].iter();
    let line = before.clone().filter(|&&b| b == b'\n').count() + 1;
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let column = text.as_bytes()[line_start..offset]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    (line, column)
}

/// "unknown WHAT `name`: did you mean `x`? expected one of a, b, c" (`place`, if any, goes after
/// the name: "unknown key `x` in \[secret\]: ...").
fn unknown<'n>(
    what: &str,
    name: &str,
    place: Option<&str>,
    allowed: impl Iterator<Item = &'n str> + Clone,
) -> String {
    let list: Vec<&str> = allowed.clone().collect();
    let mut message = format!("unknown {what} `{name}`");
    if let Some(place) = place {
        message.push_str(" in ");
        message.push_str(place);
    }
    message.push_str(": ");
    if let Some(best) = closest(name, allowed) {
        message.push_str(&format!("did you mean `{best}`? "));
    }
    message.push_str("expected one of ");
    message.push_str(&list.join(", "));
    message
}

/// The allowed name nearest to `name` by edit distance (ignoring ASCII case), when near enough
/// to be a likely typo.
fn closest<'n>(name: &str, allowed: impl Iterator<Item = &'n str>) -> Option<&'n str> {
    let limit = (name.chars().count() / 3).max(1);
    allowed
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, candidate)| candidate)
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so `CRAD` is
/// one edit from `CARD`), ignoring ASCII case.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // After "bé " (4 bytes, 3 chars).
        assert_eq!(line_column(text, 10), (2, 4));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn typos_are_suggested() {
        assert_eq!(edit_distance("CREDIT_CRAD", "CREDIT_CARD"), 1);
        assert_eq!(
            closest("CREDIT_CRAD", ALL.iter().map(|k| k.id())),
            Some("CREDIT_CARD")
        );
        assert_eq!(closest("xyz", ["threshold", "level"].into_iter()), None);
        assert_eq!(
            closest("treshold", SETTINGS_KEYS.iter().copied()),
            Some("threshold")
        );
    }
}
