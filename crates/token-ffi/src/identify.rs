//! Identification: which type a token is, routable or legacy, checksum state.

use std::ffi::c_char;

use token_core::{Checksum, Format, Identification, TokenKind};

use crate::boundary::{Out, bytes, guard, optional};
use crate::config::tc_config;
use crate::result::{TC_RESULT_UNIDENTIFIED, tc_result};
use crate::token_type::tc_token_type;

/// Routable (and in which layout) or legacy: `TC_TOKEN_KIND_*`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_token_kind(pub u32);

/// A legacy token: a prefix and a random body, no routing payload.
pub const TC_TOKEN_KIND_LEGACY: tc_token_kind = tc_token_kind(0);
/// A routable token in the v0 layout.
pub const TC_TOKEN_KIND_ROUTABLE_V0: tc_token_kind = tc_token_kind(1);
/// A routable token in the v1 layout.
pub const TC_TOKEN_KIND_ROUTABLE_V1: tc_token_kind = tc_token_kind(2);

/// The state of a token's checksum: `TC_CHECKSUM_*`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_checksum(pub u32);

/// A routable token whose checksum, version and length fields hold.
pub const TC_CHECKSUM_VALID: tc_checksum = tc_checksum(0);
/// A routable-looking token whose checksum or fields do not hold.
pub const TC_CHECKSUM_INVALID: tc_checksum = tc_checksum(1);
/// A legacy token: there is no checksum.
pub const TC_CHECKSUM_NOT_APPLICABLE: tc_checksum = tc_checksum(2);

/// What `tc_identify` found out about a token.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct tc_identification {
    /// The token's type.
    pub token_type: tc_token_type,
    /// Routable (v0 or v1) or legacy.
    pub kind: tc_token_kind,
    /// Checksum state (`TC_CHECKSUM_NOT_APPLICABLE` for legacy tokens).
    pub checksum: tc_checksum,
    /// Length of the token's prefix in bytes.
    pub prefix_len: usize,
}

impl tc_token_kind {
    /// The C value of a token-core kind.
    pub(crate) fn of(kind: TokenKind) -> tc_token_kind {
        match kind {
            TokenKind::Legacy => TC_TOKEN_KIND_LEGACY,
            TokenKind::Routable(Format::V0) => TC_TOKEN_KIND_ROUTABLE_V0,
            TokenKind::Routable(Format::V1) => TC_TOKEN_KIND_ROUTABLE_V1,
        }
    }
}

impl tc_checksum {
    /// The C value of a token-core checksum state.
    pub(crate) fn of(checksum: Checksum) -> tc_checksum {
        match checksum {
            Checksum::Valid => TC_CHECKSUM_VALID,
            Checksum::Invalid => TC_CHECKSUM_INVALID,
            Checksum::NotApplicable => TC_CHECKSUM_NOT_APPLICABLE,
        }
    }
}

impl tc_identification {
    fn of(found: &Identification) -> tc_identification {
        tc_identification {
            token_type: tc_token_type::of(found.token_type),
            kind: tc_token_kind::of(found.kind),
            checksum: tc_checksum::of(found.checksum),
            prefix_len: found.prefix_len,
        }
    }
}

/// Identifies a token (`token_len` bytes, no NUL needed): its type from the
/// longest matching prefix (the instance and custom PAT prefixes of `config`
/// included; NULL `config` means GitLab's defaults), routable or legacy, and
/// whether its checksum holds.
///
/// Returns `TC_RESULT_OK` and fills `*out`; `TC_RESULT_UNIDENTIFIED` when the
/// token matches no known type (`*out` untouched); `TC_RESULT_NULL_ARGUMENT`.
///
/// # Safety
/// `config` must be NULL or a live `tc_config`; `token` must be NULL (with
/// `token_len` 0) or point to `token_len` readable bytes; `out` must point to
/// a writable `tc_identification`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_identify(
    config: *const tc_config,
    token: *const c_char,
    token_len: usize,
    out: *mut tc_identification,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        // SAFETY: the caller's contract above.
        let config = unsafe { optional(config) }?;
        // SAFETY: the caller's contract above.
        let token = unsafe { bytes(token, token_len) }?;
        let found = match config {
            Some(config) => config.identifier.identify(token),
            None => token_core::identify(token),
        };
        out.write(tc_identification::of(&found.ok_or(TC_RESULT_UNIDENTIFIED)?));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use std::mem::MaybeUninit;
    use std::ptr;

    use super::*;
    use crate::result::TC_RESULT_OK;
    use crate::token_type::{
        TC_TOKEN_TYPE_OAUTH_ACCESS_TOKEN, TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN,
    };

    fn identify(token: &str) -> Result<tc_identification, tc_result> {
        let mut out = MaybeUninit::uninit();
        // SAFETY: a live string and a writable local.
        let code = unsafe {
            tc_identify(
                ptr::null(),
                token.as_ptr().cast(),
                token.len(),
                out.as_mut_ptr(),
            )
        };
        // SAFETY: filled on TC_RESULT_OK.
        (code == TC_RESULT_OK)
            .then(|| unsafe { out.assume_init() })
            .ok_or(code)
    }

    #[test]
    fn converts_every_field() {
        let routable = identify("glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij").unwrap();
        assert_eq!(
            routable,
            tc_identification {
                token_type: TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN,
                kind: TC_TOKEN_KIND_ROUTABLE_V1,
                checksum: TC_CHECKSUM_VALID,
                prefix_len: 6,
            }
        );
        let tampered = identify("glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcia").unwrap();
        assert_eq!(tampered.checksum, TC_CHECKSUM_INVALID);
        let legacy = identify(&"a".repeat(64)).unwrap();
        assert_eq!(legacy.token_type, TC_TOKEN_TYPE_OAUTH_ACCESS_TOKEN);
        assert_eq!(
            (legacy.kind, legacy.checksum),
            (TC_TOKEN_KIND_LEGACY, TC_CHECKSUM_NOT_APPLICABLE)
        );
        assert_eq!(identify("hello").unwrap_err(), TC_RESULT_UNIDENTIFIED);
    }
}
