//! `tc_redactor`: redacting a stream fed in chunks, in bounded memory, with
//! the output handed to a caller's write callback.

use std::cell::RefCell;
use std::ffi::{c_int, c_void};
use std::panic::AssertUnwindSafe;

use token_core::scan::{Scanner, StreamRedactor};

use crate::boundary::{Out, guard, input, optional_out, required};
use crate::result::{
    TC_RESULT_NULL_ARGUMENT, TC_RESULT_SCAN_REDACTOR_BUSY, TC_RESULT_SCAN_WRITE_FAILED, tc_result,
};
use crate::scanner::tc_scanner;

/// Receives redacted output: `len` bytes at `buf` (never 0 bytes), valid only
/// during the call, in stream order. `userdata` is the pointer the caller
/// gave `tc_redactor_push` or `tc_redactor_finish`. Return 0 when the bytes
/// are taken care of; any other value stops the call, which then returns
/// `TC_RESULT_SCAN_WRITE_FAILED`. The callback must return normally (no
/// `longjmp`, no C++ exception) and must not free the redactor.
pub type tc_write_callback =
    Option<unsafe extern "C" fn(userdata: *mut c_void, buf: *const u8, len: usize) -> c_int>;

/// Largest piece of a caller's chunk fed to the stream at once, so that the
/// output buffered between two callbacks stays small whatever the chunk size.
const PIECE: usize = 64 * 1024;

/// A redactor of one stream at a time (opaque). Create it with
/// `tc_redactor_new`, feed it with `tc_redactor_push`, end each stream with
/// `tc_redactor_finish`, release it with `tc_redactor_free`. Not shareable:
/// one thread at a time may use it (it may move between threads).
pub struct tc_redactor {
    scanner: Scanner,
    state: RefCell<RedactorState>,
}

/// The stream and its output not yet handed to the callback.
struct RedactorState {
    stream: StreamRedactor,
    out: Vec<u8>,
}

// Moved between threads, as documented (never shared: `RefCell` is `!Sync`).
const _: () = {
    const fn movable<T: Send>() {}
    movable::<tc_redactor>();
};

impl tc_redactor {
    /// Hands `state.out` to the callback; on failure abandons the stream.
    fn deliver(
        &self,
        state: &mut RedactorState,
        write: Callback,
        userdata: *mut c_void,
    ) -> Result<(), tc_result> {
        let written = state.out.is_empty()
            // SAFETY: the caller's callback contract (tc_write_callback); the
            // bytes are valid for the call.
            || unsafe { write(userdata, state.out.as_ptr(), state.out.len()) } == 0;
        state.out.clear();
        if written {
            return Ok(());
        }
        state.stream = self.scanner.redactor();
        Err(TC_RESULT_SCAN_WRITE_FAILED)
    }
}

type Callback = unsafe extern "C" fn(*mut c_void, *const u8, usize) -> c_int;

/// Makes a redactor for a new stream, with `scanner`'s prefixes and options,
/// stored in `*out`. The redactor holds its own reference to what it needs:
/// `scanner` may be freed before it.
///
/// Returns `TC_RESULT_OK`; `TC_RESULT_NULL_ARGUMENT` or
/// `TC_RESULT_MISALIGNED_POINTER` for bad arguments, with `*out` untouched.
///
/// # Safety
/// `scanner` must be a live `tc_scanner`; `out` must point to a writable
/// `tc_redactor *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_redactor_new(
    scanner: *const tc_scanner,
    out: *mut *mut tc_redactor,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        // SAFETY: the caller's contract above.
        let scanner = unsafe { required(scanner) }?.scanner.clone();
        let state = RefCell::new(RedactorState {
            stream: scanner.redactor(),
            out: Vec::new(),
        });
        out.write(Box::into_raw(Box::new(tc_redactor { scanner, state })));
        Ok(())
    })
}

/// Feeds the next `len` bytes of the stream (any values; a token may be cut
/// anywhere between chunks) and passes the output now decided to `write`,
/// zero or more times, in order. The output of a whole stream is exactly what
/// `tc_redact` makes of the whole input; it lags the input by up to a few
/// hundred KiB, which `tc_redactor_finish` flushes. Memory stays bounded
/// whatever the chunk sizes.
///
/// Stores in `*out_redacted` (if not NULL) how many tokens this call's output
/// redacted. Returns `TC_RESULT_OK`; `TC_RESULT_SCAN_WRITE_FAILED` when
/// `write` returned non-zero (the stream is abandoned: the redactor drops
/// what it held and starts a new stream); `TC_RESULT_SCAN_REDACTOR_BUSY`
/// when called from inside one of this redactor's callbacks;
/// `TC_RESULT_NULL_ARGUMENT` (NULL `redactor` or `write`) or
/// `TC_RESULT_MISALIGNED_POINTER`, with nothing done.
///
/// # Safety
/// `redactor` must be a live `tc_redactor` no other thread is using; `chunk`
/// must be NULL (with `len` 0) or point to `len` readable bytes; `write` must
/// satisfy `tc_write_callback`'s contract for `userdata`; `out_redacted` must
/// be NULL or point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_redactor_push(
    redactor: *mut tc_redactor,
    chunk: *const u8,
    len: usize,
    write: tc_write_callback,
    userdata: *mut c_void,
    out_redacted: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out_redacted = unsafe { optional_out(out_redacted) }?;
        // SAFETY: the caller's contract above; only shared references are
        // made, so a callback calling back in is refused by the `RefCell`.
        let redactor = unsafe { required(redactor.cast_const()) }?;
        let write = write.ok_or(TC_RESULT_NULL_ARGUMENT)?;
        // SAFETY: the caller's contract above.
        let chunk = unsafe { input(chunk, len) }?;
        let mut state = redactor
            .state
            .try_borrow_mut()
            .map_err(|_| TC_RESULT_SCAN_REDACTOR_BUSY)?;
        let state = &mut *state;
        let mut redacted = 0;
        for piece in chunk.chunks(PIECE) {
            redacted += state.stream.push(piece, &mut state.out).len();
            redactor.deliver(state, write, userdata)?;
        }
        if let Some(out) = out_redacted {
            out.write(redacted);
        }
        Ok(())
    })
}

/// Ends the stream: passes the rest of the output to `write` (zero or more
/// times) and stores in `*out_redacted` (if not NULL) how many tokens that
/// rest redacted. The redactor is then ready for a new stream.
///
/// Returns as `tc_redactor_push`; after `TC_RESULT_SCAN_WRITE_FAILED` the
/// redactor is ready for a new stream too.
///
/// # Safety
/// As `tc_redactor_push`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_redactor_finish(
    redactor: *mut tc_redactor,
    write: tc_write_callback,
    userdata: *mut c_void,
    out_redacted: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out_redacted = unsafe { optional_out(out_redacted) }?;
        // SAFETY: the caller's contract above (shared references only).
        let redactor = unsafe { required(redactor.cast_const()) }?;
        let write = write.ok_or(TC_RESULT_NULL_ARGUMENT)?;
        let mut state = redactor
            .state
            .try_borrow_mut()
            .map_err(|_| TC_RESULT_SCAN_REDACTOR_BUSY)?;
        let state = &mut *state;
        let redacted = state.stream.finish(&mut state.out).len();
        redactor.deliver(state, write, userdata)?;
        if let Some(out) = out_redacted {
            out.write(redacted);
        }
        Ok(())
    })
}

/// Releases a `tc_redactor` made by `tc_redactor_new`, with any stream it
/// was in the middle of (its output is discarded). NULL is a no-op.
///
/// # Safety
/// `redactor` must be NULL or a pointer `tc_redactor_new` returned that has
/// not been freed; no call may be using it (not even a callback of its own).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_redactor_free(redactor: *mut tc_redactor) {
    if redactor.is_null() {
        return;
    }
    // `AssertUnwindSafe`: the redactor is being destroyed, so nothing can
    // observe a state a panic left half-updated.
    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller passes a pointer from `Box::into_raw` in
        // `tc_redactor_new`, once.
        drop(unsafe { Box::from_raw(redactor) });
    }));
}

#[cfg(test)]
mod tests {
    use std::ptr;

    use super::*;
    use crate::result::TC_RESULT_OK;
    use crate::scanner::{tc_scanner_free, tc_scanner_new};

    /// What a test callback collects, and how it misbehaves on request.
    #[derive(Default)]
    struct Sink {
        bytes: Vec<u8>,
        calls: usize,
        fail_on_call: Option<usize>,
        redactor: Option<*mut tc_redactor>,
        nested: Option<tc_result>,
    }

    unsafe extern "C" fn collect(userdata: *mut c_void, buf: *const u8, len: usize) -> c_int {
        // SAFETY: the tests pass a live `Sink`; `buf` holds `len` bytes.
        let sink = unsafe { &mut *userdata.cast::<Sink>() };
        sink.calls += 1;
        if sink.fail_on_call == Some(sink.calls) {
            return 5;
        }
        if let Some(redactor) = sink.redactor.take() {
            // SAFETY: calling back into the redactor that is writing.
            let nested = unsafe {
                tc_redactor_push(
                    redactor,
                    ptr::null(),
                    0,
                    Some(collect),
                    userdata,
                    ptr::null_mut(),
                )
            };
            sink.nested = Some(nested);
        }
        // SAFETY: `buf` holds `len` readable bytes for the call.
        sink.bytes
            .extend_from_slice(unsafe { std::slice::from_raw_parts(buf, len) });
        0
    }

    fn new_redactor() -> *mut tc_redactor {
        let mut scanner = ptr::null_mut();
        let mut redactor = ptr::null_mut();
        // SAFETY: writable locals; the scanner is freed before the redactor,
        // which must keep working.
        unsafe {
            assert_eq!(
                tc_scanner_new(ptr::null(), ptr::null(), &mut scanner),
                TC_RESULT_OK
            );
            assert_eq!(tc_redactor_new(scanner, &mut redactor), TC_RESULT_OK);
            tc_scanner_free(scanner);
        }
        redactor
    }

    fn push(redactor: *mut tc_redactor, chunk: &[u8], sink: &mut Sink) -> (tc_result, usize) {
        let mut redacted = usize::MAX;
        // SAFETY: live redactor, slice and sink.
        let code = unsafe {
            tc_redactor_push(
                redactor,
                chunk.as_ptr(),
                chunk.len(),
                Some(collect),
                ptr::from_mut(sink).cast(),
                &mut redacted,
            )
        };
        (code, redacted)
    }

    fn finish(redactor: *mut tc_redactor, sink: &mut Sink) -> (tc_result, usize) {
        let mut redacted = usize::MAX;
        // SAFETY: live redactor and sink.
        let code = unsafe {
            tc_redactor_finish(
                redactor,
                Some(collect),
                ptr::from_mut(sink).cast(),
                &mut redacted,
            )
        };
        (code, redacted)
    }

    #[test]
    fn streams_in_chunks_and_counts_redactions() {
        let redactor = new_redactor();
        let mut sink = Sink::default();
        assert_eq!(
            push(redactor, b"password glpat-ts8y8Mk2g", &mut sink),
            (TC_RESULT_OK, 0)
        );
        assert_eq!(
            push(redactor, b"xi-xvXVsxfN end", &mut sink),
            (TC_RESULT_OK, 0)
        );
        assert_eq!(finish(redactor, &mut sink), (TC_RESULT_OK, 1));
        assert_eq!(sink.bytes, b"password glpat-[REDACTED] end");
        // Ready for a new stream.
        sink.bytes.clear();
        assert_eq!(push(redactor, b"glimt-a", &mut sink).0, TC_RESULT_OK);
        assert_eq!(finish(redactor, &mut sink), (TC_RESULT_OK, 1));
        assert_eq!(sink.bytes, b"glimt-[REDACTED]");
        // SAFETY: made by tc_redactor_new, freed once.
        unsafe { tc_redactor_free(redactor) };
    }

    #[test]
    fn a_failed_write_abandons_the_stream() {
        let redactor = new_redactor();
        let mut sink = Sink {
            fail_on_call: Some(1),
            ..Sink::default()
        };
        // Enough input for the stream to decide some output during the push.
        let log = b"token glpat-ts8y8Mk2gxi-xvXVsxfN ok\n".repeat(20_000);
        assert_eq!(
            push(redactor, &log, &mut sink).0,
            TC_RESULT_SCAN_WRITE_FAILED
        );
        assert_eq!(sink.calls, 1);
        sink.fail_on_call = None;
        assert_eq!(finish(redactor, &mut sink), (TC_RESULT_OK, 0));
        assert_eq!(sink.calls, 1, "the abandoned stream's bytes are gone");
        assert_eq!(
            push(redactor, b"secret glpat-ts8y8Mk2g", &mut sink).0,
            TC_RESULT_OK
        );
        sink.fail_on_call = Some(2);
        assert_eq!(finish(redactor, &mut sink).0, TC_RESULT_SCAN_WRITE_FAILED);
        sink.fail_on_call = None;
        assert_eq!(push(redactor, b"xi-xvXVsxfN", &mut sink).0, TC_RESULT_OK);
        assert_eq!(finish(redactor, &mut sink), (TC_RESULT_OK, 0));
        assert_eq!(
            sink.bytes, b"xi-xvXVsxfN",
            "a new stream after a failed finish"
        );
        // SAFETY: made by tc_redactor_new, freed once.
        unsafe { tc_redactor_free(redactor) };
    }

    #[test]
    fn a_callback_calling_back_in_is_refused() {
        let redactor = new_redactor();
        let mut sink = Sink {
            redactor: Some(redactor),
            ..Sink::default()
        };
        assert_eq!(push(redactor, b"some text", &mut sink).0, TC_RESULT_OK);
        assert_eq!(finish(redactor, &mut sink).0, TC_RESULT_OK);
        assert_eq!(sink.nested, Some(TC_RESULT_SCAN_REDACTOR_BUSY));
        assert_eq!(sink.bytes, b"some text");
        // SAFETY: made by tc_redactor_new, freed once; NULL is a no-op.
        unsafe {
            tc_redactor_free(redactor);
            tc_redactor_free(ptr::null_mut());
        }
    }

    #[test]
    fn null_arguments_are_refused() {
        let redactor = new_redactor();
        // SAFETY: NULL pointers are refused before any use.
        unsafe {
            assert_eq!(
                tc_redactor_push(
                    redactor,
                    ptr::null(),
                    0,
                    None,
                    ptr::null_mut(),
                    ptr::null_mut()
                ),
                TC_RESULT_NULL_ARGUMENT
            );
            assert_eq!(
                tc_redactor_push(
                    ptr::null_mut(),
                    ptr::null(),
                    0,
                    Some(collect),
                    ptr::null_mut(),
                    ptr::null_mut()
                ),
                TC_RESULT_NULL_ARGUMENT
            );
            assert_eq!(
                tc_redactor_finish(redactor, None, ptr::null_mut(), ptr::null_mut()),
                TC_RESULT_NULL_ARGUMENT
            );
            let mut out = ptr::null_mut();
            assert_eq!(
                tc_redactor_new(ptr::null(), &mut out),
                TC_RESULT_NULL_ARGUMENT
            );
            assert!(out.is_null());
            tc_redactor_free(redactor);
        }
    }
}
