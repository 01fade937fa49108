//! Byte buffers the library allocates and the caller frees with `sovereign_buffer_free`.

use crate::error::{guard, SovereignStatus};

/// Bytes owned by the library. Not NUL-terminated; may hold any bytes.
#[repr(C)]
pub struct SovereignBuffer {
    /// The bytes (NULL when empty and freed).
    pub ptr: *mut u8,
    /// Number of bytes.
    pub len: usize,
    /// Allocation size, needed to free it.
    pub cap: usize,
}

impl SovereignBuffer {
    pub(crate) fn from_vec(bytes: Vec<u8>) -> Self {
        let mut bytes = std::mem::ManuallyDrop::new(bytes);
        SovereignBuffer {
            ptr: bytes.as_mut_ptr(),
            len: bytes.len(),
            cap: bytes.capacity(),
        }
    }

    pub(crate) fn empty() -> Self {
        SovereignBuffer {
            ptr: std::ptr::null_mut(),
            len: 0,
            cap: 0,
        }
    }
}

/// Frees a buffer the library returned and resets it to empty; NULL or an empty buffer is a no-op.
#[no_mangle]
pub unsafe extern "C" fn sovereign_buffer_free(buffer: *mut SovereignBuffer) -> SovereignStatus {
    guard(|| {
        if let Some(buffer) = buffer.as_mut() {
            if !buffer.ptr.is_null() {
                drop(Vec::from_raw_parts(buffer.ptr, buffer.len, buffer.cap));
            }
            *buffer = SovereignBuffer::empty();
        }
        Ok(())
    })
}
