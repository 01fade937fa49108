//! The exception classes and the one place where core errors and Rust panics become them.
//!
//! Every PHP entry point that does more than read a field runs its body through [`guard`], so a
//! panic (a bug) surfaces as a catchable `Sovereign\InternalException` instead of ext-php-rs's
//! generic `\Error`. (Field getters cannot panic; ext-php-rs would still catch one.)

use ext_php_rs::args::ArgInfoTables;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::exception::{PhpException, PhpResult};
use ext_php_rs::zend::ClassEntry;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

extern "C" {
    /// SPL's `RuntimeException`, exported by the PHP binary (SPL is always compiled in).
    static spl_ce_RuntimeException: *mut ClassEntry;
}

fn runtime_exception() -> &'static ClassEntry {
    // SAFETY: SPL registers the class before any extension starts, and never frees it.
    unsafe { &*spl_ce_RuntimeException }
}

/// The exception classes, registered with `ClassBuilder` rather than `#[php_class]`: they are
/// plain PHP classes (no Rust object behind them), so PHP code can construct, extend and
/// rethrow them like any exception. `#[php_class]` would give them a `__construct` that refuses
/// to run.
#[derive(Clone, Copy)]
enum Class {
    /// `Sovereign\Exception`: base of every exception the extension throws.
    Exception,
    /// `Sovereign\PolicyException`: a policy file or text is malformed (file, line, column).
    Policy,
    /// `Sovereign\InputException`: an argument is invalid (any bytes are a valid text).
    Input,
    /// `Sovereign\ModelException`: a local model could not be loaded or run.
    Model,
    /// `Sovereign\InternalException`: a bug (a Rust panic caught at the boundary).
    Internal,
}

/// Class entries, filled once by [`register`] at module startup.
static ENTRIES: [AtomicPtr<ClassEntry>; 5] = [const { AtomicPtr::new(ptr::null_mut()) }; 5];

/// Stores a registered class entry (`ClassBuilder` hands it to a plain `fn`, so one per class).
type Remember = fn(&'static mut ClassEntry, ArgInfoTables);

macro_rules! remember {
    ($class:expr) => {{
        fn remember(ce: &'static mut ClassEntry, _: ArgInfoTables) {
            ENTRIES[$class as usize].store(ce, Ordering::Release);
        }
        remember
    }};
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Exception => "Sovereign\\Exception",
            Class::Policy => "Sovereign\\PolicyException",
            Class::Input => "Sovereign\\InputException",
            Class::Model => "Sovereign\\ModelException",
            Class::Internal => "Sovereign\\InternalException",
        }
    }

    fn entry(self) -> &'static ClassEntry {
        let ce = ENTRIES[self as usize].load(Ordering::Acquire);
        // SAFETY: non-null entries were stored by PHP's registration and live as long as the
        // process. Null cannot happen once the module started (startup fails otherwise).
        unsafe { ce.as_ref() }.unwrap_or_else(runtime_exception)
    }
}

fn base() -> &'static ClassEntry {
    Class::Exception.entry()
}

/// Registers the exception classes (module startup, before anything can throw them).
pub fn register() -> ext_php_rs::error::Result<()> {
    ClassBuilder::new(Class::Exception.name())
        .extends((runtime_exception, "\\RuntimeException"))
        .registration(remember!(Class::Exception))
        .register()?;
    let children: [(Class, Remember); 4] = [
        (Class::Policy, remember!(Class::Policy)),
        (Class::Input, remember!(Class::Input)),
        (Class::Model, remember!(Class::Model)),
        (Class::Internal, remember!(Class::Internal)),
    ];
    for (class, remember) in children {
        ClassBuilder::new(class.name())
            .extends((base, "Sovereign\\Exception"))
            .registration(remember)
            .register()?;
    }
    Ok(())
}

/// An exception of `class`.
fn exception(class: Class, message: String) -> PhpException {
    PhpException::new(message, 0, class.entry())
}

/// Maps a core error to its exception class.
pub fn to_exception(error: sovereign::Error) -> PhpException {
    use sovereign::Error;
    let message = error.to_string();
    match error {
        Error::Policy { .. } | Error::Io { .. } | Error::Config(_) => {
            exception(Class::Policy, message)
        }
        Error::Input(_) => exception(Class::Input, message),
        Error::Model(_) => exception(Class::Model, message),
        _ => exception(Class::Internal, message),
    }
}

/// An `InputException` for a bad argument.
pub fn input(message: impl Into<String>) -> PhpException {
    exception(Class::Input, message.into())
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
            Err(exception(
                Class::Internal,
                format!("internal error (a bug in Sovereign, please report it): {detail}"),
            ))
        }
    }
}
