//! The Sovereign PHP extension: PHP classes over the `sovereign` crate, so PHP code redacts and
//! restores in-process. Every file here only translates (arguments, results, errors, php.ini);
//! behaviour lives in core.

#![cfg_attr(windows, feature(abi_vectorcall))]

mod cache;
mod engine;
mod errors;
mod ini;
mod level;
mod model;
mod redaction;
mod request;
mod types;

use ext_php_rs::prelude::*;
use ext_php_rs::zend::ModuleEntry;
use ext_php_rs::{info_table_end, info_table_row, info_table_start};

/// The version of the extension and of the core library it embeds.
#[php_function]
#[php(name = "Sovereign\\version")]
pub fn version() -> &'static str {
    sovereign::VERSION
}

/// Panics on purpose, to test that panics become `Sovereign\InternalException`. Only in builds
/// with the `test-hooks` feature (the test suite's), never in installed ones.
#[cfg(feature = "test-hooks")]
#[php_function]
#[php(name = "Sovereign\\Testing\\panic")]
pub fn testing_panic(message: String) -> PhpResult<()> {
    errors::guard(|| panic!("{message}"))
}

extern "C" {
    /// PHP's own "Directive / Local Value / Master Value" table for a module.
    fn display_ini_entries(module: *mut ModuleEntry);
}

extern "C" fn info(module: *mut ModuleEntry) {
    info_table_start!();
    info_table_row!("sovereign support", "enabled");
    info_table_row!("version", sovereign::VERSION);
    info_table_row!(
        "engine cache",
        "per worker process, keyed by policy path + mtime + size"
    );
    info_table_end!();
    // SAFETY: PHP passes its own module entry, which this function only reads.
    unsafe { display_ini_entries(module) };
}

fn startup(_type: i32, module_number: i32) -> i32 {
    ini::register(module_number);
    errors::install_panic_hook();
    match errors::register().and_then(|()| level::register()) {
        Ok(()) => 0,
        Err(_) => -1, // FAILURE: PHP reports that the module could not start
    }
}

#[php_module]
#[php(startup = startup)]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    let module = module
        .name("sovereign")
        .class::<types::Finding>()
        .class::<types::Reason>()
        .class::<types::Classification>()
        .class::<redaction::Redaction>()
        .class::<redaction::StreamRestorer>()
        .class::<engine::Engine>()
        .class::<model::Model>()
        .class::<model::Completion>()
        .function(wrap_function!(version))
        .info_function(info);
    #[cfg(feature = "test-hooks")]
    let module = module.function(wrap_function!(testing_panic));
    module
}
