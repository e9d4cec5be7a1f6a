//! The edge between C and Rust: the panic boundary, reading caller inputs and
//! writing caller outputs. Every `unsafe` operation on a caller pointer lives here.

use std::ffi::{CStr, c_char};
use std::panic::{self, AssertUnwindSafe};
use std::{ptr, slice};

use crate::result::{
    TC_RESULT_BUFFER_TOO_SMALL, TC_RESULT_INVALID_LENGTH, TC_RESULT_INVALID_UTF8,
    TC_RESULT_MISALIGNED_POINTER, TC_RESULT_NULL_ARGUMENT, TC_RESULT_OK, TC_RESULT_PANIC,
    tc_result,
};

/// Runs the body of an exported function: `Ok` becomes `TC_RESULT_OK`, `Err`
/// its code, and a panic `TC_RESULT_PANIC` instead of unwinding into C.
///
/// `AssertUnwindSafe` holds because no state outlives a failed call: outputs
/// are written only after all work has succeeded, and nothing is global.
pub(crate) fn guard(body: impl FnOnce() -> Result<(), tc_result>) -> tc_result {
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => TC_RESULT_OK,
        Ok(Err(code)) => code,
        Err(_) => TC_RESULT_PANIC,
    }
}

/// The panic boundary for functions that return a static string.
pub(crate) fn guard_static(body: impl FnOnce() -> &'static CStr) -> *const c_char {
    panic::catch_unwind(AssertUnwindSafe(body))
        .unwrap_or(c"internal error: a panic was caught")
        .as_ptr()
}

/// Borrows a caller's input array of `len` elements. NULL is accepted only
/// with `len == 0` (an empty input).
///
/// # Safety
/// If `ptr` is not NULL it must point to `len` initialized values of `T` that
/// stay valid and unmodified for the lifetime `'a` (the call).
pub(crate) unsafe fn input<'a, T>(ptr: *const T, len: usize) -> Result<&'a [T], tc_result> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(TC_RESULT_NULL_ARGUMENT)
        };
    }
    if !ptr.is_aligned() {
        return Err(TC_RESULT_MISALIGNED_POINTER);
    }
    if len
        .checked_mul(size_of::<T>())
        .is_none_or(|size| size > isize::MAX as usize)
    {
        return Err(TC_RESULT_INVALID_LENGTH);
    }
    // SAFETY: `ptr` is non-NULL and aligned, the total size fits in `isize`,
    // and the caller guarantees `len` readable, initialized values.
    Ok(unsafe { slice::from_raw_parts(ptr, len) })
}

/// Borrows a caller's length-delimited bytes (`const char *`, `size_t`).
///
/// # Safety
/// As [`input`].
pub(crate) unsafe fn bytes<'a>(ptr: *const c_char, len: usize) -> Result<&'a [u8], tc_result> {
    // SAFETY: forwarded; `c_char` and `u8` have the same size and alignment.
    unsafe { input(ptr.cast::<u8>(), len) }
}

/// Borrows a caller's length-delimited text, which must be UTF-8.
///
/// # Safety
/// As [`input`].
pub(crate) unsafe fn text<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, tc_result> {
    // SAFETY: forwarded.
    let bytes = unsafe { bytes(ptr, len) }?;
    std::str::from_utf8(bytes).map_err(|_| TC_RESULT_INVALID_UTF8)
}

/// Borrows an optional input struct: `None` for NULL.
///
/// # Safety
/// If `ptr` is not NULL it must point to an initialized `T` valid for `'a`.
pub(crate) unsafe fn optional<'a, T>(ptr: *const T) -> Result<Option<&'a T>, tc_result> {
    if ptr.is_null() {
        return Ok(None);
    }
    if !ptr.is_aligned() {
        return Err(TC_RESULT_MISALIGNED_POINTER);
    }
    // SAFETY: non-NULL, aligned, and the caller guarantees an initialized `T`.
    Ok(Some(unsafe { &*ptr }))
}

/// Borrows a required input struct (a `const tc_scanner *`, say): NULL gives
/// `TC_RESULT_NULL_ARGUMENT`.
///
/// # Safety
/// As [`optional`].
pub(crate) unsafe fn required<'a, T>(ptr: *const T) -> Result<&'a T, tc_result> {
    // SAFETY: forwarded.
    unsafe { optional(ptr) }?.ok_or(TC_RESULT_NULL_ARGUMENT)
}

/// A caller's out-parameter of type `T`, checked before any work is done and
/// written only on success.
pub(crate) struct Out<T> {
    ptr: *mut T,
}

impl<T> Out<T> {
    /// Checks that `ptr` is non-NULL and aligned.
    ///
    /// # Safety
    /// `ptr` must be NULL or valid for writing a `T` until [`Out::write`].
    pub(crate) unsafe fn new(ptr: *mut T) -> Result<Out<T>, tc_result> {
        if ptr.is_null() {
            return Err(TC_RESULT_NULL_ARGUMENT);
        }
        if !ptr.is_aligned() {
            return Err(TC_RESULT_MISALIGNED_POINTER);
        }
        Ok(Out { ptr })
    }

    /// Stores `value` without reading or dropping what was there before.
    pub(crate) fn write(self, value: T) {
        // SAFETY: `new` checked non-NULL and alignment; its caller guaranteed
        // the memory is writable. `write` does not drop the old contents,
        // which may be uninitialized.
        unsafe { ptr::write(self.ptr, value) }
    }
}

/// An optional out-parameter: `None` for NULL, otherwise checked as
/// [`Out::new`] checks it.
///
/// # Safety
/// As [`Out::new`].
pub(crate) unsafe fn optional_out<T>(ptr: *mut T) -> Result<Option<Out<T>>, tc_result> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded.
    unsafe { Out::new(ptr) }.map(Some)
}

/// A caller's text output: `buf[0..cap]` and `*len`. The text is written with
/// a terminating NUL; `*len` receives its length without the NUL.
pub(crate) struct TextOut {
    buf: *mut c_char,
    cap: usize,
    len: Out<usize>,
}

impl TextOut {
    /// Checks the pointers before any work: `len` must be non-NULL, and `buf`
    /// may be NULL only with `cap == 0` (a query of the length needed).
    ///
    /// # Safety
    /// `buf` must be NULL or valid for writing `cap` bytes, and `len` valid for
    /// writing a `size_t`, until [`TextOut::write`].
    pub(crate) unsafe fn new(
        buf: *mut c_char,
        cap: usize,
        len: *mut usize,
    ) -> Result<TextOut, tc_result> {
        // SAFETY: forwarded.
        let len = unsafe { Out::new(len) }?;
        if buf.is_null() && cap != 0 {
            return Err(TC_RESULT_NULL_ARGUMENT);
        }
        Ok(TextOut { buf, cap, len })
    }

    /// Copies `text` and a NUL into the buffer and its length into `*len`; or,
    /// when the buffer is too small, stores the length only and returns
    /// `TC_RESULT_BUFFER_TOO_SMALL` without touching the buffer.
    pub(crate) fn write(self, text: &[u8]) -> Result<(), tc_result> {
        self.len.write(text.len());
        if text.len() >= self.cap {
            return Err(TC_RESULT_BUFFER_TOO_SMALL);
        }
        // SAFETY: `cap > text.len()`, so `buf` is non-NULL (`new` allows NULL
        // only with `cap == 0`) and has room for the text and the NUL. The
        // caller's buffer cannot overlap `text`, which Rust owns or borrows
        // from an input the caller declared read-only.
        unsafe {
            ptr::copy_nonoverlapping(text.as_ptr(), self.buf.cast::<u8>(), text.len());
            self.buf.add(text.len()).write(0);
        }
        Ok(())
    }
}

/// A caller's output array `ptr[0..cap]` of `T` (findings, bytes), checked
/// before any work is done. Unlike [`TextOut`] it adds no NUL.
pub(crate) struct SliceOut<T> {
    ptr: *mut T,
    cap: usize,
}

impl<T> SliceOut<T> {
    /// Checks the pointer: NULL only with `cap == 0` (a query of the size
    /// needed), aligned, and a total size that fits in `isize`.
    ///
    /// # Safety
    /// `ptr` must be NULL or valid for writing `cap` values of `T` until the
    /// `SliceOut` is dropped.
    pub(crate) unsafe fn new(ptr: *mut T, cap: usize) -> Result<SliceOut<T>, tc_result> {
        if ptr.is_null() {
            return if cap == 0 {
                Ok(SliceOut { ptr, cap })
            } else {
                Err(TC_RESULT_NULL_ARGUMENT)
            };
        }
        if !ptr.is_aligned() {
            return Err(TC_RESULT_MISALIGNED_POINTER);
        }
        if cap
            .checked_mul(size_of::<T>())
            .is_none_or(|size| size > isize::MAX as usize)
        {
            return Err(TC_RESULT_INVALID_LENGTH);
        }
        Ok(SliceOut { ptr, cap })
    }

    /// How many values fit.
    pub(crate) fn capacity(&self) -> usize {
        self.cap
    }

    /// Stores `value` at `index`, which must be below the capacity.
    pub(crate) fn set(&mut self, index: usize, value: T) {
        assert!(index < self.cap, "index within the caller's capacity");
        // SAFETY: `index < cap`, so `ptr` is non-NULL (`new` allows NULL only
        // with `cap == 0`) and `ptr + index` is writable (the caller's
        // contract). `write` does not drop the old, possibly uninitialized,
        // contents.
        unsafe { self.ptr.add(index).write(value) }
    }
}

impl<T: Copy> SliceOut<T> {
    /// Copies `values` to the start of the array; they must fit.
    pub(crate) fn copy_from(&mut self, values: &[T]) {
        assert!(values.len() <= self.cap, "values fit the caller's capacity");
        if values.is_empty() {
            return;
        }
        // SAFETY: `0 < values.len() <= cap`, so `ptr` is non-NULL and has
        // room. `values` is memory Rust owns, so it cannot overlap the
        // caller's output.
        unsafe { ptr::copy_nonoverlapping(values.as_ptr(), self.ptr, values.len()) }
    }
}

/// Overwrites a secret (a token) before its memory is released, so that freed
/// heap blocks do not keep copies. Volatile writes are not optimized away.
pub(crate) fn wipe(secret: String) {
    let mut bytes = secret.into_bytes();
    for byte in bytes.iter_mut() {
        // SAFETY: `byte` is a valid, exclusive reference.
        unsafe { ptr::write_volatile(byte, 0) };
    }
    std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_turns_a_panic_into_a_code() {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(|_| {}));
        let code = guard(|| panic!("boom"));
        panic::set_hook(previous);
        assert_eq!(code, TC_RESULT_PANIC);
        assert_eq!(guard(|| Ok(())), TC_RESULT_OK);
        assert_eq!(
            guard(|| Err(TC_RESULT_INVALID_UTF8)),
            TC_RESULT_INVALID_UTF8
        );
    }

    #[test]
    fn null_input_is_empty_only_with_length_zero() {
        // SAFETY: NULL pointers are never read.
        unsafe {
            assert_eq!(bytes(ptr::null(), 0), Ok(&[][..]));
            assert_eq!(bytes(ptr::null(), 3), Err(TC_RESULT_NULL_ARGUMENT));
        }
    }

    #[test]
    fn text_must_be_utf8_and_may_hold_nul_bytes() {
        let bad = [0x66u8, 0xff];
        let nul = *b"a\0b";
        // SAFETY: the pointers and lengths describe the local arrays.
        unsafe {
            assert_eq!(text(bad.as_ptr().cast(), 2), Err(TC_RESULT_INVALID_UTF8));
            assert_eq!(text(nul.as_ptr().cast(), 3), Ok("a\0b"));
        }
    }

    #[test]
    fn oversized_lengths_are_refused() {
        let one = [0u64; 1];
        // SAFETY: the length is refused before any read.
        let result = unsafe { input(one.as_ptr(), usize::MAX / 4) };
        assert_eq!(result, Err(TC_RESULT_INVALID_LENGTH));
    }

    #[test]
    fn misaligned_structs_are_refused() {
        let words = [0u64; 2];
        let odd = words.as_ptr().cast::<u8>().wrapping_add(1).cast::<u64>();
        // SAFETY: the misaligned pointer is refused before any read.
        unsafe {
            assert_eq!(input(odd, 1).err(), Some(TC_RESULT_MISALIGNED_POINTER));
            assert_eq!(optional(odd).err(), Some(TC_RESULT_MISALIGNED_POINTER));
        }
    }

    #[test]
    fn slice_out_checks_pointers_and_writes_within_capacity() {
        let mut words = [0u32; 3];
        let odd = words
            .as_mut_ptr()
            .cast::<u8>()
            .wrapping_add(1)
            .cast::<u32>();
        // SAFETY: the pointers describe the local array or are refused unread.
        unsafe {
            assert!(SliceOut::<u32>::new(ptr::null_mut(), 0).is_ok());
            assert_eq!(
                SliceOut::<u32>::new(ptr::null_mut(), 1).err(),
                Some(TC_RESULT_NULL_ARGUMENT)
            );
            assert_eq!(
                SliceOut::new(odd, 1).err(),
                Some(TC_RESULT_MISALIGNED_POINTER)
            );
            assert_eq!(
                SliceOut::new(words.as_mut_ptr(), usize::MAX / 2).err(),
                Some(TC_RESULT_INVALID_LENGTH)
            );
            let mut out = SliceOut::new(words.as_mut_ptr(), 3).unwrap();
            assert_eq!(out.capacity(), 3);
            out.copy_from(&[7, 8]);
            out.set(2, 9);
        }
        assert_eq!(words, [7, 8, 9]);
    }

    #[test]
    fn required_refuses_null() {
        let one = 1u64;
        // SAFETY: NULL is refused unread; `one` is a live local.
        unsafe {
            assert_eq!(
                required::<u64>(ptr::null()).err(),
                Some(TC_RESULT_NULL_ARGUMENT)
            );
            assert_eq!(required(&one), Ok(&1));
        }
    }

    #[test]
    fn text_out_writes_nul_or_reports_length() {
        let mut buf = [b'#' as c_char; 4];
        let mut len = 99usize;
        // SAFETY: buf and len are local and writable.
        unsafe {
            let out = TextOut::new(buf.as_mut_ptr(), 4, &mut len).unwrap();
            assert_eq!(out.write(b"abcd"), Err(TC_RESULT_BUFFER_TOO_SMALL));
            assert_eq!(len, 4);
            assert_eq!(buf, [b'#' as c_char; 4]);
            let out = TextOut::new(buf.as_mut_ptr(), 4, &mut len).unwrap();
            assert_eq!(out.write(b"abc"), Ok(()));
            assert_eq!(len, 3);
            assert_eq!(CStr::from_ptr(buf.as_ptr()).to_bytes(), b"abc");
            let query = TextOut::new(ptr::null_mut(), 0, &mut len).unwrap();
            assert_eq!(query.write(b"hello"), Err(TC_RESULT_BUFFER_TOO_SMALL));
            assert_eq!(len, 5);
            assert!(TextOut::new(ptr::null_mut(), 1, &mut len).is_err());
            assert!(TextOut::new(buf.as_mut_ptr(), 4, ptr::null_mut()).is_err());
        }
    }
}
