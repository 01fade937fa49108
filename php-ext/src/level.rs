//! `Sovereign\Level`: a string-backed PHP enum (`Level::Public->value === 'public'`), the same
//! type the FFI binding uses.
//!
//! Registered with `EnumBuilder` at module startup instead of `#[php_enum]`, because the macro
//! rejects `Public` as a case name (it is a PHP keyword elsewhere; PHP itself allows it here).

use ext_php_rs::args::ArgInfoTables;
use ext_php_rs::builders::EnumBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::enum_::{Discriminant, EnumCase};
use ext_php_rs::flags::{ClassFlags, DataType};
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::ClassEntry;
use std::ffi::{c_char, CStr};
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

const NAME: &str = "Sovereign\\Level";

/// The cases, in core's order (least to most sensitive), with their C names for look-ups.
static CASES: [(EnumCase, &CStr); 4] = [
    (case("Public", "public"), c"Public"),
    (case("Internal", "internal"), c"Internal"),
    (case("Confidential", "confidential"), c"Confidential"),
    (case("Restricted", "restricted"), c"Restricted"),
];

const fn case(name: &'static str, value: &'static str) -> EnumCase {
    EnumCase {
        name,
        discriminant: Some(Discriminant::String(value)),
        docs: &[],
    }
}

static ENTRY: AtomicPtr<ClassEntry> = AtomicPtr::new(ptr::null_mut());

extern "C" {
    /// The case object of an enum (exported by PHP 8.1+).
    fn zend_enum_get_case_cstr(ce: *mut ClassEntry, name: *const c_char) -> *mut ZendObject;
}

/// Registers the enum (module startup).
pub fn register() -> ext_php_rs::error::Result<()> {
    fn remember(ce: &'static mut ClassEntry, _: ArgInfoTables) {
        // Final like every enum PHP code declares (the internal-enum API leaves it unset).
        ce.ce_flags |= ClassFlags::Final.bits();
        ENTRY.store(ce, Ordering::Release);
    }
    let mut builder = EnumBuilder::new(NAME).registration(remember);
    for (case, _) in &CASES {
        builder = builder.case(case);
    }
    builder.register()
}

/// A core level on its way to PHP, where it becomes the `Sovereign\Level` case.
pub struct Level(pub sovereign::Level);

impl IntoZval for Level {
    const TYPE: DataType = DataType::object(NAME);
    const NULLABLE: bool = false;

    fn set_zval(self, zv: &mut Zval, _persistent: bool) -> ext_php_rs::error::Result<()> {
        let ce = ENTRY.load(Ordering::Acquire);
        if ce.is_null() {
            return Err(ext_php_rs::error::Error::InvalidPointer);
        }
        let (_, name) = &CASES[self.0 as usize];
        // SAFETY: `ce` is the enum registered at startup and `name` one of its cases; the case
        // object belongs to the class constant table for the request, and `set_object` takes
        // its own reference.
        let case = unsafe { zend_enum_get_case_cstr(ce, name.as_ptr()) };
        match unsafe { case.as_mut() } {
            Some(object) => {
                zv.set_object(object);
                Ok(())
            }
            None => Err(ext_php_rs::error::Error::InvalidPointer),
        }
    }
}
