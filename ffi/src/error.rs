//! Status codes, the thread-local last error, and the panic barrier every entry point goes through.

use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Result of every call.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SovereignStatus {
    /// Success.
    SOVEREIGN_OK = 0,
    /// A required pointer argument was NULL.
    SOVEREIGN_NULL_POINTER = 1,
    /// An argument was invalid (e.g. unknown entity type, path not UTF-8).
    SOVEREIGN_INVALID_ARGUMENT = 2,
    /// The policy is malformed; the message names file, line and column.
    SOVEREIGN_POLICY_ERROR = 3,
    /// A file could not be read.
    SOVEREIGN_IO_ERROR = 4,
    /// The engine configuration is inconsistent.
    SOVEREIGN_CONFIG_ERROR = 5,
    /// A model could not be loaded or run.
    SOVEREIGN_MODEL_ERROR = 6,
    /// The handle was freed or never created by this library.
    SOVEREIGN_INVALID_HANDLE = 7,
    /// A bug inside the library (a caught panic); the process state is still sound.
    SOVEREIGN_INTERNAL_ERROR = 8,
}

use SovereignStatus::*;

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

/// Records `message` as this thread's last error.
pub(crate) fn set_last_error(message: impl Into<String>) {
    let mut bytes = message.into().into_bytes();
    bytes.retain(|&b| b != 0);
    let message = CString::new(bytes).expect("NULs removed");
    LAST_ERROR.with(|e| *e.borrow_mut() = message);
}

/// An error on the way to a status code.
pub(crate) struct Failure(pub SovereignStatus, pub String);

impl From<sovereign::Error> for Failure {
    fn from(e: sovereign::Error) -> Self {
        let status = match &e {
            sovereign::Error::Policy { .. } => SOVEREIGN_POLICY_ERROR,
            sovereign::Error::Io { .. } => SOVEREIGN_IO_ERROR,
            sovereign::Error::Input(_) => SOVEREIGN_INVALID_ARGUMENT,
            sovereign::Error::Config(_) => SOVEREIGN_CONFIG_ERROR,
            sovereign::Error::Model(_) => SOVEREIGN_MODEL_ERROR,
            _ => SOVEREIGN_INTERNAL_ERROR,
        };
        Failure(status, e.to_string())
    }
}

pub(crate) fn null(what: &str) -> Failure {
    Failure(SOVEREIGN_NULL_POINTER, format!("`{what}` is NULL"))
}

/// Runs `body`, turning failures and panics into a status code and the last error.
pub(crate) fn guard(body: impl FnOnce() -> Result<(), Failure>) -> SovereignStatus {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => {
            set_last_error("");
            SOVEREIGN_OK
        }
        Ok(Err(Failure(status, message))) => {
            set_last_error(message);
            status
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            set_last_error(format!("internal error (caught panic): {what}"));
            SOVEREIGN_INTERNAL_ERROR
        }
    }
}

/// The message of the last failed call on this thread (empty after a successful call). The
/// pointer is NUL-terminated and valid until the next call into the library on this thread.
#[no_mangle]
pub extern "C" fn sovereign_last_error() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().as_ptr())
}

/// The library version, NUL-terminated, static.
#[no_mangle]
pub extern "C" fn sovereign_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The ABI version the library was built with (compare with `SOVEREIGN_ABI_VERSION`).
#[no_mangle]
pub extern "C" fn sovereign_abi_version() -> u32 {
    crate::SOVEREIGN_ABI_VERSION
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    fn last_error() -> String {
        unsafe { CStr::from_ptr(sovereign_last_error()) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn panics_become_internal_errors() {
        let status = guard(|| panic!("boom"));
        assert_eq!(status, SOVEREIGN_INTERNAL_ERROR);
        assert!(last_error().contains("boom"), "{}", last_error());
        assert_eq!(guard(|| Ok(())), SOVEREIGN_OK);
        assert_eq!(last_error(), "");
    }

    #[test]
    fn messages_with_nul_bytes_survive() {
        let status = guard(|| Err(Failure(SOVEREIGN_INVALID_ARGUMENT, "a\0b".into())));
        assert_eq!(status, SOVEREIGN_INVALID_ARGUMENT);
        assert_eq!(last_error(), "ab");
    }
}
