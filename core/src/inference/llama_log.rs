//! Routes llama.cpp's log into a small buffer instead of stderr.
//!
//! Inside PHP-FPM, stderr is the pool's error log and llama.cpp is chatty (hundreds of lines per
//! load). We drop everything except error lines, which are kept so that a failed load can say
//! *why* ("tensor data is not within the file bounds") in the returned error.

use std::ffi::{c_char, c_void, CStr};
use std::sync::Mutex;

/// Error lines kept at most (oldest dropped).
const KEEP: usize = 4;

static ERRORS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Installs the callback; called once, right after backend init.
pub(crate) fn install() {
    // SAFETY: `callback` is a plain function valid for the whole process and ignores user data.
    unsafe { llama_cpp_sys_2::llama_log_set(Some(callback), std::ptr::null_mut()) };
}

/// Starts a fresh capture; error lines logged from now on are returned by [`reason`].
pub(crate) fn capture() {
    if let Ok(mut errors) = ERRORS.lock() {
        errors.clear();
    }
}

/// The error lines logged since the last [`capture`], as ` (line; line)` to append to an
/// error message, or nothing when llama.cpp logged none.
pub(crate) fn reason() -> String {
    let lines = ERRORS.lock().map(|e| e.join("; ")).unwrap_or_default();
    if lines.is_empty() {
        lines
    } else {
        format!(" ({lines})")
    }
}

unsafe extern "C" fn callback(
    level: llama_cpp_sys_2::ggml_log_level,
    text: *const c_char,
    _user: *mut c_void,
) {
    if level != llama_cpp_sys_2::GGML_LOG_LEVEL_ERROR || text.is_null() {
        return;
    }
    // SAFETY: llama.cpp passes a NUL-terminated string valid for the duration of the call.
    let line = unsafe { CStr::from_ptr(text) }.to_string_lossy();
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if let Ok(mut errors) = ERRORS.lock() {
        if errors.len() >= KEEP {
            errors.remove(0);
        }
        errors.push(line.to_string());
    }
}
