//! Encoding routable tokens from given random bytes, and generating them.

use std::ffi::c_char;

use crate::boundary::{TextOut, guard, input, text, wipe};
use crate::format::tc_format;
use crate::limits::TC_RANDOM_LEN;
use crate::result::{TC_RESULT_INVALID_LENGTH, from_encode_error, tc_result};
use crate::routing::{RoutingInput, tc_routing_entry, tc_routing_options};

/// Encodes a routable token from its parts, byte for byte as GitLab's
/// generator does. Deterministic: for known-answer tests and for callers that
/// bring their own random bytes. Use `tc_generate` for real tokens.
///
/// - `prefix`: `prefix_len` bytes of UTF-8 (e.g. `"glpat-"`; may be empty).
/// - `entries`, `entry_count`, `options`: the routing payload, as GitLab's
///   generator takes it (`options` may be NULL for the defaults).
/// - `random`: exactly `random_len == TC_RANDOM_LEN` bytes, the secret part.
/// - `format`: `TC_FORMAT_V1` (current) or `TC_FORMAT_V0`.
/// - `out`, `out_cap`, `out_len`: the token and a NUL are written to `out`, its
///   length without the NUL to `*out_len`. `TC_MAX_TOKEN_LEN + 1` bytes always
///   suffice.
///
/// Returns `TC_RESULT_OK`; a `TC_RESULT_ROUTING_*` code (GitLab's message via
/// `tc_routing_error_message`); `TC_RESULT_ENCODE_INVALID_PREFIX` or
/// `TC_RESULT_ENCODE_PREFIX_TOO_LONG`; `TC_RESULT_BUFFER_TOO_SMALL` with
/// `*out_len` set; `TC_RESULT_INVALID_LENGTH` if `random_len` is not
/// `TC_RANDOM_LEN`; or another argument error. Nothing is written to `out`
/// on failure.
///
/// # Safety
/// Every input pointer must be NULL (with length 0) or point to as many
/// readable bytes (or entries) as its length says; `options` must be NULL or
/// valid; `out` must be NULL (with `out_cap` 0) or point to `out_cap` writable
/// bytes; `out_len` must point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_encode(
    prefix: *const c_char,
    prefix_len: usize,
    entries: *const tc_routing_entry,
    entry_count: usize,
    options: *const tc_routing_options,
    random: *const u8,
    random_len: usize,
    format: tc_format,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { TextOut::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract above.
        let prefix = unsafe { text(prefix, prefix_len) }?;
        // SAFETY: the caller's contract above.
        let random: &[u8; TC_RANDOM_LEN] = unsafe { input(random, random_len) }?
            .try_into()
            .map_err(|_| TC_RESULT_INVALID_LENGTH)?;
        let format = format.to_core()?;
        // SAFETY: the caller's contract above.
        let routing = unsafe { RoutingInput::read(entries, entry_count, options) }?.payload()?;
        let token =
            token_core::encode(prefix, &routing, random, format).map_err(from_encode_error)?;
        let written = out.write(token.as_bytes());
        wipe(token);
        written
    })
}

/// Generates a routable token with 16 random bytes from the operating
/// system's CSPRNG, asked afresh for every token: no random state lives in
/// the process, so threads may generate at once and a forked child never
/// repeats its parent's tokens.
///
/// Arguments and results as `tc_encode`, without `random`; in addition
/// `TC_RESULT_ENCODE_RANDOM_UNAVAILABLE` if the operating system's random
/// source fails. On `TC_RESULT_BUFFER_TOO_SMALL` the token made is discarded;
/// a buffer of `TC_MAX_TOKEN_LEN + 1` bytes avoids that.
///
/// # Safety
/// As `tc_encode`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_generate(
    prefix: *const c_char,
    prefix_len: usize,
    entries: *const tc_routing_entry,
    entry_count: usize,
    options: *const tc_routing_options,
    format: tc_format,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { TextOut::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract above.
        let prefix = unsafe { text(prefix, prefix_len) }?;
        let format = format.to_core()?;
        // SAFETY: the caller's contract above.
        let routing = unsafe { RoutingInput::read(entries, entry_count, options) }?.payload()?;
        let token = token_core::generate(prefix, &routing, format).map_err(from_encode_error)?;
        let written = out.write(token.as_bytes());
        wipe(token);
        written
    })
}
