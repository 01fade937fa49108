//! The exception classes and the one place where core errors and Rust panics become them.
//!
//! Every PHP entry point runs its body through [`guard`], so a panic (a bug) surfaces as a
//! catchable `Sovereign\InternalException` instead of ext-php-rs's generic `\Error`.

use ext_php_rs::exception::{PhpException, PhpResult};
use ext_php_rs::prelude::*;
use ext_php_rs::zend::ClassEntry;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

extern "C" {
    /// SPL's `RuntimeException`, exported by the PHP binary (SPL is always compiled in).
    static spl_ce_RuntimeException: *mut ClassEntry;
}

fn runtime_exception() -> &'static ClassEntry {
    // SAFETY: SPL registers the class before any extension starts, and never frees it.
    unsafe { &*spl_ce_RuntimeException }
}

/// Base of every exception the extension throws.
#[php_class]
#[php(name = "Sovereign\\Exception")]
#[php(extends(ce = runtime_exception, stub = "\\RuntimeException"))]
#[derive(Default)]
pub struct Exception;

/// A policy file or text is malformed; the message names file, line and column.
#[php_class]
#[php(name = "Sovereign\\PolicyException")]
#[php(extends(Exception))]
#[derive(Default)]
pub struct PolicyException;

/// An argument is invalid (not a scanned text: any bytes are valid there).
#[php_class]
#[php(name = "Sovereign\\InputException")]
#[php(extends(Exception))]
#[derive(Default)]
pub struct InputException;

/// A local model could not be loaded or run.
#[php_class]
#[php(name = "Sovereign\\ModelException")]
#[php(extends(Exception))]
#[derive(Default)]
pub struct ModelException;

/// A bug in Sovereign (a Rust panic caught at the boundary).
#[php_class]
#[php(name = "Sovereign\\InternalException")]
#[php(extends(Exception))]
#[derive(Default)]
pub struct InternalException;

/// Maps a core error to its exception class.
pub fn to_exception(error: sovereign::Error) -> PhpException {
    use sovereign::Error;
    let message = error.to_string();
    match error {
        Error::Policy { .. } | Error::Io { .. } | Error::Config(_) => {
            PhpException::from_class::<PolicyException>(message)
        }
        Error::Input(_) => PhpException::from_class::<InputException>(message),
        Error::Model(_) => PhpException::from_class::<ModelException>(message),
        _ => PhpException::from_class::<InternalException>(message),
    }
}

/// An `InputException` for a bad argument.
pub fn input(message: impl Into<String>) -> PhpException {
    PhpException::from_class::<InputException>(message.into())
}

thread_local! {
    /// Where and why the last panic on this thread happened, recorded by [`install_panic_hook`].
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records panics instead of printing them: [`guard`] puts the text in the exception, and a
/// php-fpm worker's stderr is no place for it.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let text = info.to_string();
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(text));
    }));
}

/// Runs an entry point's body, turning a panic into `Sovereign\InternalException`.
pub fn guard<T>(body: impl FnOnce() -> PhpResult<T>) -> PhpResult<T> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            let recorded = LAST_PANIC.with(|last| last.borrow_mut().take());
            let detail = recorded.unwrap_or_else(|| {
                payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "non-string panic payload".into())
            });
            Err(PhpException::from_class::<InternalException>(format!(
                "internal error (a bug in Sovereign, please report it): {detail}"
            )))
        }
    }
}
