//! php.ini directives. Only `sovereign.policy` is read today; the others are registered so that
//! deployments can set them now and `php --ri sovereign` shows them.

use ext_php_rs::flags::IniEntryPermission;
use ext_php_rs::zend::{IniEntryDef, IniEntryDefs};
use std::ffi::{c_char, c_int, CStr};

/// Policy file used by `new Sovereign\Engine()` (empty: the built-in default policy).
pub const POLICY: &CStr = c"sovereign.policy";

static ENTRIES: IniEntryDefs<6> = IniEntryDefs::new([
    IniEntryDef::new(POLICY, c"", IniEntryPermission::All),
    // Local model file (filled by the inference issue).
    IniEntryDef::new(c"sovereign.model", c"", IniEntryPermission::System),
    // Inference threads per worker (0: automatic).
    IniEntryDef::new(c"sovereign.threads", c"0", IniEntryPermission::System),
    // Concurrent inferences per worker process.
    IniEntryDef::new(c"sovereign.concurrency", c"1", IniEntryPermission::System),
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
