//! php.ini directives, shown by `php --ri sovereign`. `sovereign.audit_log` is registered for the
//! audit issue and not read yet.

use ext_php_rs::flags::IniEntryPermission;
use ext_php_rs::zend::{IniEntryDef, IniEntryDefs};
use std::ffi::{c_char, c_int, CStr};

/// Policy file used by `new Sovereign\Engine()` (empty: the built-in default policy).
pub const POLICY: &CStr = c"sovereign.policy";
/// Model file used by `new Sovereign\Model()` without a path.
pub const MODEL: &CStr = c"sovereign.model";
/// Inference threads per generation (0: the core default, 2).
pub const THREADS: &CStr = c"sovereign.threads";
/// Generations at once across all processes of the host (0: one per two cores).
pub const CONCURRENCY: &CStr = c"sovereign.concurrency";

static ENTRIES: IniEntryDefs<6> = IniEntryDefs::new([
    IniEntryDef::new(POLICY, c"", IniEntryPermission::All),
    IniEntryDef::new(MODEL, c"", IniEntryPermission::System),
    IniEntryDef::new(THREADS, c"0", IniEntryPermission::System),
    IniEntryDef::new(CONCURRENCY, c"0", IniEntryPermission::System),
    // Audit log file (empty: no audit log).
    IniEntryDef::new(c"sovereign.audit_log", c"", IniEntryPermission::System),
    IniEntryDef::end(),
]);

/// Registers the directives (module startup).
pub fn register(module_number: i32) {
    IniEntryDef::register(ENTRIES.as_slice(), module_number);
}

extern "C" {
    fn zend_ini_string(name: *const c_char, name_length: usize, orig: c_int) -> *mut c_char;
}

/// Calls `f` with the current value of a directive (`None` when empty or not registered).
/// Reads the engine's table directly: no allocation on the per-request path.
pub fn with<R>(name: &CStr, f: impl FnOnce(Option<&[u8]>) -> R) -> R {
    // SAFETY: `name` is NUL-terminated; the returned pointer is PHP's own NUL-terminated value,
    // valid while no directive changes, i.e. during this call.
    let value = unsafe { zend_ini_string(name.as_ptr(), name.to_bytes().len(), 0) };
    if value.is_null() {
        return f(None);
    }
    let bytes = unsafe { CStr::from_ptr(value) }.to_bytes();
    f((!bytes.is_empty()).then_some(bytes))
}
