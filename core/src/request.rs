//! A request: the text's surroundings that decisions depend on.
//!
//! Every call into the pipeline carries the surface it comes from (checkout, customer service,
//! HR portal, ...), the caller's role, the tenant (a Magento website or store view) and exact values
//! the caller knows to be sensitive for this request (the customer's name and street from the order
//! record), which no pattern could find.

use crate::catalogue::EntityKind;
use std::borrow::Cow;

/// An exact value to protect for one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownValue<'a> {
    /// The type it is reported and redacted as (e.g. [`EntityKind::Person`]).
    pub kind: EntityKind,
    /// The value, matched ignoring ASCII case, as a whole word.
    pub value: Cow<'a, str>,
}

/// Who asks, from where, for which tenant, and what they know to be sensitive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    surface: Cow<'a, str>,
    role: Cow<'a, str>,
    tenant: Cow<'a, str>,
    known_values: Vec<KnownValue<'a>>,
}

impl Default for Request<'_> {
    fn default() -> Self {
        Request {
            surface: Cow::Borrowed(Request::DEFAULT_SURFACE),
            role: Cow::Borrowed(Request::DEFAULT_ROLE),
            tenant: Cow::Borrowed(Request::DEFAULT_TENANT),
            known_values: Vec::new(),
        }
    }
}

impl<'a> Request<'a> {
    /// Surface used when none is given.
    pub const DEFAULT_SURFACE: &'static str = "default";
    /// Role used when none is given.
    pub const DEFAULT_ROLE: &'static str = "anonymous";
    /// Tenant used when none is given.
    pub const DEFAULT_TENANT: &'static str = "default";

    /// A request with the default surface, role and tenant and no known values.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the surface (e.g. `"checkout"`).
    pub fn surface(mut self, surface: impl Into<Cow<'a, str>>) -> Self {
        self.surface = surface.into();
        self
    }

    /// Sets the caller's role.
    pub fn role(mut self, role: impl Into<Cow<'a, str>>) -> Self {
        self.role = role.into();
        self
    }

    /// Sets the tenant; keyed operators derive their key from it.
    pub fn tenant(mut self, tenant: impl Into<Cow<'a, str>>) -> Self {
        self.tenant = tenant.into();
        self
    }

    /// Adds an exact value to protect (ignored when empty).
    pub fn known_value(mut self, kind: EntityKind, value: impl Into<Cow<'a, str>>) -> Self {
        let value = value.into();
        if !value.trim().is_empty() {
            self.known_values.push(KnownValue { kind, value });
        }
        self
    }

    /// The surface.
    pub fn surface_name(&self) -> &str {
        &self.surface
    }

    /// The role.
    pub fn role_name(&self) -> &str {
        &self.role
    }

    /// The tenant.
    pub fn tenant_name(&self) -> &str {
        &self.tenant
    }

    /// The known values.
    pub fn known_values(&self) -> &[KnownValue<'a>] {
        &self.known_values
    }
}
