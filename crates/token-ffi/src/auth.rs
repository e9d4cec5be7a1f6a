//! The AuthFinders rule: is an API request's Bearer token a PAT or an OAuth token?

use std::ffi::c_char;

use token_core::auth_finders::{BearerKind, LengthDetection, classify_bearer};

use crate::boundary::{Out, bytes, guard, optional};
use crate::config::tc_config;
use crate::result::{TC_RESULT_UNKNOWN_ENUM_VALUE, tc_result};

/// The `auth_finder_no_token_length_detection` feature flag: `TC_LENGTH_DETECTION_*`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_length_detection(pub u32);

/// Flag on (GitLab today): length is never used; the prefix decides.
pub const TC_LENGTH_DETECTION_DISABLED: tc_length_detection = tc_length_detection(0);
/// Flag off (the old behaviour): a Bearer token of 20 to 40 characters is taken for a PAT.
pub const TC_LENGTH_DETECTION_ENABLED: tc_length_detection = tc_length_detection(1);

/// How a Bearer token must be looked up: `TC_BEARER_*`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_bearer_kind(pub u32);

/// Only as a personal access token (never as an OAuth token).
pub const TC_BEARER_PERSONAL_ACCESS_TOKEN: tc_bearer_kind = tc_bearer_kind(0);
/// Only as an OAuth token (never as a PAT): CI job tokens on API requests.
pub const TC_BEARER_OAUTH_TOKEN: tc_bearer_kind = tc_bearer_kind(1);
/// As an OAuth token first, then as a personal access token.
pub const TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN: tc_bearer_kind = tc_bearer_kind(2);

/// Classifies an API request's Bearer token as GitLab's AuthFinders do, in
/// either length-detection `mode`, with the PAT and CI job token prefixes of
/// `config` (NULL: GitLab's defaults). `token` is the header's token,
/// `token_len` bytes of any value (no NUL needed). A token that is not UTF-8
/// is classified too; in `TC_LENGTH_DETECTION_ENABLED` mode its length is
/// then its byte count (a UTF-8 token's is its character count).
///
/// Returns `TC_RESULT_OK` and stores the kind in `*out`;
/// `TC_RESULT_UNKNOWN_ENUM_VALUE` for an unknown `mode`;
/// `TC_RESULT_NULL_ARGUMENT`.
///
/// # Safety
/// `config` must be NULL or a live `tc_config`; `token` must be NULL (with
/// `token_len` 0) or point to `token_len` readable bytes; `out` must point to
/// a writable `tc_bearer_kind`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_classify_bearer(
    config: *const tc_config,
    token: *const c_char,
    token_len: usize,
    mode: tc_length_detection,
    out: *mut tc_bearer_kind,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        // SAFETY: the caller's contract above.
        let config = unsafe { optional(config) }?;
        // SAFETY: the caller's contract above.
        let token = unsafe { bytes(token, token_len) }?;
        let mode = match mode {
            TC_LENGTH_DETECTION_DISABLED => LengthDetection::Disabled,
            TC_LENGTH_DETECTION_ENABLED => LengthDetection::Enabled,
            _ => return Err(TC_RESULT_UNKNOWN_ENUM_VALUE),
        };
        let prefixes = tc_config::prefixes_of(config);
        out.write(match classify_bearer(token, mode, &prefixes) {
            BearerKind::PersonalAccessToken => TC_BEARER_PERSONAL_ACCESS_TOKEN,
            BearerKind::OAuthToken => TC_BEARER_OAUTH_TOKEN,
            BearerKind::OAuthThenPersonalAccessToken => TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN,
        });
        Ok(())
    })
}
