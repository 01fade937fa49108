//! Vector byte-class tests shared by the passes that read 16 or 32 bytes at a time (the
//! digit-word search, keyword windows, name starts, label heads).
//!
//! A range `first..first + len` is moved to the bottom of the signed bytes (`-128..`), so one
//! signed compare tests it. The ranges are ASCII, and bytes >= 0x80 land above them.

use std::arch::x86_64::{
    __m128i, __m256i, _mm256_add_epi8, _mm256_cmpgt_epi8, _mm256_set1_epi8, _mm_add_epi8,
    _mm_cmplt_epi8, _mm_set1_epi8,
};

/// 0xff for each byte of `x` in `first..first + len`, else 0 (SSE2: the x86_64 baseline).
#[inline(always)]
pub(crate) fn in_range16(x: __m128i, first: u8, len: u8) -> __m128i {
    debug_assert!(
        usize::from(first) + usize::from(len) <= 0x80,
        "an ASCII range"
    );
    // SAFETY: SSE2 is part of the x86_64 baseline; nothing here touches memory.
    unsafe {
        let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(first) as i8));
        _mm_cmplt_epi8(shifted, _mm_set1_epi8(0x80u8.wrapping_add(len) as i8))
    }
}

/// [`in_range16`] on 32 bytes (AVX2).
#[inline]
#[target_feature(enable = "avx2")]
pub(crate) fn in_range32(x: __m256i, first: u8, len: u8) -> __m256i {
    debug_assert!(
        usize::from(first) + usize::from(len) <= 0x80,
        "an ASCII range"
    );
    let shifted = _mm256_add_epi8(x, _mm256_set1_epi8(0x80u8.wrapping_sub(first) as i8));
    _mm256_cmpgt_epi8(_mm256_set1_epi8(0x80u8.wrapping_add(len) as i8), shifted)
}
