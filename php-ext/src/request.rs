//! The `$context` array of `Engine::redact()` → a core [`Request`].
//!
//! Keys: `surface`, `role`, `tenant` (strings) and `knownValues`
//! (`['PERSON' => 'Jane Doe', 'STREET_ADDRESS' => ['Main St 1', ...]]`). Unknown keys and
//! types are rejected with `InputException`, so a typo never silently disables protection.

use crate::errors::input;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::types::{ArrayKey, ZendHashTable, Zval};
use sovereign::{EntityKind, Request};

/// Builds the request described by `context`.
pub fn from_context(context: &ZendHashTable) -> PhpResult<Request<'static>> {
    let mut request = Request::new();
    for (key, value) in context.iter() {
        let key = key_name(&key)?;
        request = match key.as_str() {
            "surface" => request.surface(string(value, "surface")?),
            "role" => request.role(string(value, "role")?),
            "tenant" => request.tenant(string(value, "tenant")?),
            "knownValues" => known_values(request, value)?,
            other => {
                return Err(input(format!(
                    "unknown context key `{other}`: expected surface, role, tenant or knownValues"
                )))
            }
        };
    }
    Ok(request)
}

fn key_name(key: &ArrayKey<'_>) -> PhpResult<String> {
    match key {
        ArrayKey::String(s) => Ok(s.clone()),
        ArrayKey::Str(s) => Ok((*s).to_string()),
        ArrayKey::ZendString(s) => s
            .as_str()
            .map(str::to_string)
            .map_err(|_| input("context keys must be valid UTF-8")),
        ArrayKey::Long(n) => Err(input(format!(
            "context keys must be names (surface, role, tenant, knownValues), got index {n}"
        ))),
    }
}

fn string(value: &Zval, what: &str) -> PhpResult<String> {
    if !value.is_string() {
        return Err(input(format!("context `{what}` must be a string")));
    }
    value
        .str()
        .map(str::to_string)
        .ok_or_else(|| input(format!("context `{what}` must be valid UTF-8")))
}

fn known_values(mut request: Request<'static>, value: &Zval) -> PhpResult<Request<'static>> {
    let table = value.array().ok_or_else(|| {
        input("context `knownValues` must be an array of type => value or list of values")
    })?;
    for (key, values) in table.iter() {
        let id = key_name(&key)?;
        let kind = EntityKind::from_id(&id)
            .ok_or_else(|| input(format!("knownValues: unknown entity type `{id}`")))?;
        let what = format!("knownValues[{id}]");
        match values.array() {
            Some(list) => {
                for (_, v) in list.iter() {
                    request = request.known_value(kind, string(v, &what)?);
                }
            }
            None => request = request.known_value(kind, string(values, &what)?),
        }
    }
    Ok(request)
}
