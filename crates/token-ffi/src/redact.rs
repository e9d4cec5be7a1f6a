//! Redacting a caller's bytes in one call: `tc_redact`.

use crate::boundary::{Out, SliceOut, guard, input, required};
use crate::result::{TC_RESULT_BUFFER_TOO_SMALL, tc_result};
use crate::scanner::tc_scanner;

/// Copies `haystack` (`len` bytes of any value) to `out` with every token
/// `tc_scan` finds replaced by its prefix and `[REDACTED]`
/// (`glpat-[REDACTED]`); every other byte is copied unchanged. No NUL is
/// added.
///
/// Stores the redacted length in `*out_len`. Returns `TC_RESULT_OK`; or
/// `TC_RESULT_BUFFER_TOO_SMALL` when `capacity < *out_len`, with nothing
/// written to `out`: retry with `*out_len` bytes (`out` may be NULL with
/// `capacity` 0 to ask). The output is usually shorter than the input but
/// may be longer (a legacy incoming email token's body can be shorter than
/// the marker), so `capacity = len` is a good first guess, not a bound.
/// `TC_RESULT_NULL_ARGUMENT` or `TC_RESULT_MISALIGNED_POINTER` for bad
/// arguments, with nothing written.
///
/// `out` may be `haystack` itself (redaction in place): the input is read
/// entirely before anything is written. For input that does not fit in
/// memory, use a `tc_redactor`.
///
/// # Safety
/// `scanner` must be a live `tc_scanner`; `haystack` must be NULL (with `len`
/// 0) or point to `len` readable bytes; `out` must be NULL (with `capacity`
/// 0) or point to `capacity` writable bytes; `out_len` must point to a
/// writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_redact(
    scanner: *const tc_scanner,
    haystack: *const u8,
    len: usize,
    out: *mut u8,
    capacity: usize,
    out_len: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let redacted_len = unsafe { Out::new(out_len) }?;
        // SAFETY: the caller's contract above.
        let mut out = unsafe { SliceOut::new(out, capacity) }?;
        // SAFETY: the caller's contract above.
        let scanner = unsafe { required(scanner) }?;
        let redacted = {
            // SAFETY: the caller's contract above. The borrow ends here,
            // before `out` (which may be the same memory) is written.
            let haystack = unsafe { input(haystack, len) }?;
            scanner.scanner.redact(haystack)
        };
        redacted_len.write(redacted.len());
        if redacted.len() > out.capacity() {
            return Err(TC_RESULT_BUFFER_TOO_SMALL);
        }
        out.copy_from(&redacted);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use std::ptr;

    use super::*;
    use crate::result::{TC_RESULT_NULL_ARGUMENT, TC_RESULT_OK};
    use crate::scanner::{tc_scanner_free, tc_scanner_new};

    fn redact(scanner: *const tc_scanner, text: &[u8], capacity: usize) -> (tc_result, Vec<u8>) {
        let mut out = vec![b'#'; capacity];
        let mut len = usize::MAX;
        // SAFETY: live slices and a local of the stated sizes.
        let code = unsafe {
            tc_redact(
                scanner,
                text.as_ptr(),
                text.len(),
                out.as_mut_ptr(),
                capacity,
                &mut len,
            )
        };
        if code == TC_RESULT_OK {
            out.truncate(len);
        } else {
            out.push(u8::try_from(len.min(255)).unwrap());
        }
        (code, out)
    }

    #[test]
    fn redacts_or_reports_the_length_needed() {
        let mut scanner = ptr::null_mut();
        // SAFETY: a writable local.
        unsafe { tc_scanner_new(ptr::null(), ptr::null(), &mut scanner) };
        let text = b"x glpat-ts8y8Mk2gxi-xvXVsxfN \xff\0 glimt-a";
        let expected = b"x glpat-[REDACTED] \xff\0 glimt-[REDACTED]";
        assert_eq!(
            redact(scanner, text, 100),
            (TC_RESULT_OK, expected.to_vec())
        );
        assert_eq!(
            redact(scanner, text, expected.len()),
            (TC_RESULT_OK, expected.to_vec())
        );
        let mut short = vec![b'#'; expected.len() - 1];
        short.push(expected.len() as u8);
        assert_eq!(
            redact(scanner, text, expected.len() - 1),
            (TC_RESULT_BUFFER_TOO_SMALL, short)
        );
        assert_eq!(redact(ptr::null(), text, 100).0, TC_RESULT_NULL_ARGUMENT);
        // SAFETY: made by tc_scanner_new, freed once.
        unsafe { tc_scanner_free(scanner) };
    }
}
