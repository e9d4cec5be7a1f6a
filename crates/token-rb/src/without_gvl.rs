//! Running pure Rust work without Ruby's global VM lock (GVL), so other Ruby
//! threads run while a long scan does.
//!
//! Magnus has no safe wrapper for `rb_thread_call_without_gvl`; this is the
//! one place the extension calls it. The rules it relies on:
//!
//! - The work must not touch Ruby at all (no allocation, no method call, no
//!   exception): the GVL is not held. `work` must be `Send`, which keeps
//!   Magnus's Ruby handles (`Ruby`, `Value`, `RString`, ...) out of it: none
//!   of them is `Send`. Borrowed plain data (`&[u8]`, `&Scanner`) is fine.
//! - Whatever the work reads must stay valid and unchanged while the GVL is
//!   released, when other Ruby threads may run, mutate objects and run the
//!   GC. Callers give it Rust-owned data or bytes of a frozen String they
//!   keep alive (see `scan.rs`).
//! - A panic must not unwind into Ruby's C frames: the work runs inside
//!   `catch_unwind`, and a panic becomes a Ruby `RuntimeError` once the GVL is
//!   held again. Its message is fixed (a panic payload could quote input).
//! - `rb_thread_call_without_gvl` checks for pending interrupts (`Thread#raise`,
//!   `Thread#kill`, signals) before and after the work, and may raise there,
//!   which `longjmp`s. The call is therefore made inside `rb_protect`
//!   (`magnus::rb_sys::protect`), with no Rust value that needs dropping in the
//!   frames the jump crosses; the exception comes back as an `Err`.
//!
//! No unblocking function is given: an interrupt aimed at this thread waits
//! until the work returns. The work is a bounded scan (tens of milliseconds
//! for tens of megabytes), so a `Thread#kill` or Ctrl-C is handled right
//! after it.

use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

use magnus::rb_sys::AsRawValue;
use magnus::{Error, Ruby};

/// The work and, once it has run, its outcome (a panic payload on panic).
struct Call<F, T> {
    work: Option<F>,
    outcome: Option<std::thread::Result<T>>,
}

/// The function Ruby calls without the GVL: runs the work of the `Call`
/// that `data` points to and stores its outcome there.
///
/// # Safety
/// `data` must point to a live `Call<F, T>` that nothing else accesses
/// during the call.
unsafe extern "C" fn run<F: FnOnce() -> T, T>(data: *mut c_void) -> *mut c_void {
    // SAFETY: `without_gvl` passes a pointer to its own `Call<F, T>`, which
    // outlives this call and is not touched until it returns.
    let call = unsafe { &mut *data.cast::<Call<F, T>>() };
    if let Some(work) = call.work.take() {
        // A panic stops here: unwinding out of an `extern "C"` function into
        // Ruby's frames would abort the process.
        call.outcome = Some(catch_unwind(AssertUnwindSafe(work)));
    }
    ptr::null_mut()
}

/// Runs `work` with the GVL released and returns its result once the GVL is
/// held again.
///
/// # Errors
/// The Ruby exception of an interrupt delivered to this thread before or
/// after the work (the work's result is then dropped), or a `RuntimeError` if
/// the work panicked.
pub fn without_gvl<F, T>(ruby: &Ruby, work: F) -> Result<T, Error>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    let mut call = Call {
        work: Some(work),
        outcome: None,
    };
    let data = (&raw mut call).cast::<c_void>();
    magnus::rb_sys::protect(|| {
        // SAFETY: `run::<F, T>` matches the `Call<F, T>` behind `data`, which
        // lives in this function's frame until after the call returns. If
        // Ruby raises (an interrupt), it longjmps out of this closure to
        // `rb_protect`; this closure owns nothing that needs dropping.
        unsafe {
            rb_sys::rb_thread_call_without_gvl(Some(run::<F, T>), data, None, ptr::null_mut());
        }
        ruby.qnil().as_raw()
    })?;
    match call.outcome {
        Some(Ok(value)) => Ok(value),
        Some(Err(_panic)) => Err(Error::new(
            ruby.exception_runtime_error(),
            "token_codec: internal error while working without the GVL",
        )),
        // Without an unblocking function and with interrupts raising, Ruby
        // always runs the work; should it not, say so rather than guess.
        None => Err(Error::new(
            ruby.exception_runtime_error(),
            "token_codec: the work was not run",
        )),
    }
}
