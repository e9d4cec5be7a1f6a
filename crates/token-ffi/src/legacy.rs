//! Generating legacy (non-routable) tokens of any type.

use std::ffi::c_char;

use crate::boundary::{TextOut, guard, optional, wipe};
use crate::config::tc_config;
use crate::result::{from_encode_error, tc_result};
use crate::token_type::tc_token_type;

/// Generates a legacy token of `token_type` as GitLab issues it (e.g.
/// `glpat-` and 20 characters of Devise's friendly token), with the prefix the
/// instance's configuration gives that type (NULL `config`: GitLab's default
/// prefixes) and random bytes from the operating system, asked afresh for
/// every token (thread- and fork-safe).
///
/// Writes the token and a NUL into `out` (capacity `out_cap`) and its length
/// without the NUL into `*out_len`; `TC_MAX_LEGACY_TOKEN_LEN + 1` bytes always
/// suffice.
///
/// Returns `TC_RESULT_OK`; `TC_RESULT_UNKNOWN_ENUM_VALUE` for an unknown
/// `token_type`; `TC_RESULT_ENCODE_RANDOM_UNAVAILABLE`;
/// `TC_RESULT_BUFFER_TOO_SMALL` with `*out_len` set (the token made is
/// discarded); `TC_RESULT_NULL_ARGUMENT`.
///
/// # Safety
/// `config` must be NULL or a live `tc_config`; `out` must be NULL (with
/// `out_cap` 0) or point to `out_cap` writable bytes; `out_len` must point to
/// a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_generate_legacy(
    config: *const tc_config,
    token_type: tc_token_type,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { TextOut::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract above.
        let config = unsafe { optional(config) }?;
        let token_type = token_type.to_core()?;
        let prefixes = tc_config::prefixes_of(config);
        let token =
            token_core::generate_legacy(token_type, &prefixes).map_err(from_encode_error)?;
        let written = out.write(token.as_bytes());
        wipe(token);
        written
    })
}
