//! Opaque handles with use-after-free detection.
//!
//! A handle is a `Box` pointer given to C. Every live handle's address is recorded in a global set
//! per type; calls check membership before dereferencing, so a freed or foreign pointer is an
//! error (`SOVEREIGN_INVALID_HANDLE`) instead of undefined behaviour. Reads take a shared lock,
//! so many threads can use one engine at once.

use crate::error::{null, Failure, SovereignStatus};
use std::collections::HashSet;
use std::sync::RwLock;

pub(crate) struct Registry {
    live: RwLock<Option<HashSet<usize>>>,
    name: &'static str,
}

impl Registry {
    pub(crate) const fn new(name: &'static str) -> Self {
        Registry {
            live: RwLock::new(None),
            name,
        }
    }

    /// Moves `value` to the heap and returns its handle.
    pub(crate) fn insert<T>(&self, value: T) -> *mut T {
        let ptr = Box::into_raw(Box::new(value));
        let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
        live.get_or_insert_with(HashSet::new).insert(ptr as usize);
        ptr
    }

    fn check<T>(&self, ptr: *const T) -> Result<(), Failure> {
        if ptr.is_null() {
            return Err(null(self.name));
        }
        let live = self.live.read().unwrap_or_else(|e| e.into_inner());
        if live
            .as_ref()
            .is_some_and(|set| set.contains(&(ptr as usize)))
        {
            Ok(())
        } else {
            Err(Failure(
                SovereignStatus::SOVEREIGN_INVALID_HANDLE,
                format!(
                    "`{}` is not a live handle (freed or never created)",
                    self.name
                ),
            ))
        }
    }

    /// Borrows the value behind a live handle.
    ///
    /// The caller must not free the handle while the borrow is in use (the C contract).
    pub(crate) unsafe fn get<'a, T>(&self, ptr: *const T) -> Result<&'a T, Failure> {
        self.check(ptr)?;
        Ok(&*ptr)
    }

    /// Mutably borrows the value behind a live handle (handles of this kind are single-threaded).
    pub(crate) unsafe fn get_mut<'a, T>(&self, ptr: *mut T) -> Result<&'a mut T, Failure> {
        self.check(ptr)?;
        Ok(&mut *ptr)
    }

    /// Frees a handle; NULL is a no-op, an unknown pointer an error.
    pub(crate) unsafe fn remove<T>(&self, ptr: *mut T) -> Result<(), Failure> {
        if ptr.is_null() {
            return Ok(());
        }
        let removed = {
            let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
            live.as_mut().is_some_and(|set| set.remove(&(ptr as usize)))
        };
        if !removed {
            return Err(Failure(
                SovereignStatus::SOVEREIGN_INVALID_HANDLE,
                format!("`{}` is not a live handle (double free?)", self.name),
            ));
        }
        drop(Box::from_raw(ptr));
        Ok(())
    }
}

/// Borrows `len` bytes at `ptr` (NULL is allowed only when `len` is 0).
pub(crate) unsafe fn bytes<'a>(
    ptr: *const u8,
    len: usize,
    what: &str,
) -> Result<&'a [u8], Failure> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(null(what));
    }
    Ok(std::slice::from_raw_parts(ptr, len))
}

/// Borrows a UTF-8 string given as pointer + length.
pub(crate) unsafe fn utf8<'a>(ptr: *const u8, len: usize, what: &str) -> Result<&'a str, Failure> {
    std::str::from_utf8(bytes(ptr, len, what)?).map_err(|e| {
        Failure(
            SovereignStatus::SOVEREIGN_INVALID_ARGUMENT,
            format!("`{what}` is not valid UTF-8: {e}"),
        )
    })
}

/// Writes `value` through an out-pointer.
pub(crate) unsafe fn write_out<T>(out: *mut T, value: T, what: &str) -> Result<(), Failure> {
    if out.is_null() {
        return Err(null(what));
    }
    out.write(value);
    Ok(())
}
