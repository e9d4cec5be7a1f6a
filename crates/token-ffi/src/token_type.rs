//! `tc_token_type`: GitLab's token types, and their names and prefixes.

use std::ffi::{CStr, c_char};
use std::ptr;

use token_core::TokenType;

use crate::boundary::{Out, guard, text};
use crate::result::{TC_RESULT_UNKNOWN_ENUM_VALUE, tc_result};

/// A GitLab token type (`TC_TOKEN_TYPE_*`), in the specification's order.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_token_type(pub u32);

/// Personal, impersonation, project and group access tokens (`glpat-`).
pub const TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN: tc_token_type = tc_token_type(0);
/// Deploy tokens (`gldt-`).
pub const TC_TOKEN_TYPE_DEPLOY_TOKEN: tc_token_type = tc_token_type(1);
/// RSS and calendar feed tokens (`glft-`).
pub const TC_TOKEN_TYPE_FEED_TOKEN: tc_token_type = tc_token_type(2);
/// Incoming email tokens (`glimt-`).
pub const TC_TOKEN_TYPE_INCOMING_EMAIL_TOKEN: tc_token_type = tc_token_type(3);
/// Runner authentication tokens (`glrt-`, `glrtr-`, `glrt-t1_`..`glrt-t3_`).
pub const TC_TOKEN_TYPE_RUNNER_AUTHENTICATION_TOKEN: tc_token_type = tc_token_type(4);
/// Runner registration tokens (`GR1348941`), deprecated.
pub const TC_TOKEN_TYPE_RUNNER_REGISTRATION_TOKEN: tc_token_type = tc_token_type(5);
/// CI job tokens (`glcbt-`).
pub const TC_TOKEN_TYPE_CI_JOB_TOKEN: tc_token_type = tc_token_type(6);
/// Pipeline trigger tokens (`glptt-`).
pub const TC_TOKEN_TYPE_CI_TRIGGER_TOKEN: tc_token_type = tc_token_type(7);
/// OAuth application secrets (`gloas-`).
pub const TC_TOKEN_TYPE_OAUTH_APPLICATION_SECRET: tc_token_type = tc_token_type(8);
/// OAuth access and refresh tokens (no prefix).
pub const TC_TOKEN_TYPE_OAUTH_ACCESS_TOKEN: tc_token_type = tc_token_type(9);
/// Cluster agent tokens (`glagent-`).
pub const TC_TOKEN_TYPE_CLUSTER_AGENT_TOKEN: tc_token_type = tc_token_type(10);
/// Feature flags client tokens (`glffct-`).
pub const TC_TOKEN_TYPE_FEATURE_FLAGS_CLIENT_TOKEN: tc_token_type = tc_token_type(11);
/// SCIM OAuth tokens (`glsoat-`).
pub const TC_TOKEN_TYPE_SCIM_OAUTH_TOKEN: tc_token_type = tc_token_type(12);
/// Workspace tokens (`glwt-`).
pub const TC_TOKEN_TYPE_WORKSPACE_TOKEN: tc_token_type = tc_token_type(13);
/// Session cookies (`_gitlab_session=`).
pub const TC_TOKEN_TYPE_SESSION_COOKIE: tc_token_type = tc_token_type(14);

/// Number of token types: values run from 0 to `TC_TOKEN_TYPE_COUNT - 1`.
pub const TC_TOKEN_TYPE_COUNT: u32 = 15;

/// No type: what a `tc_finding` says of a valid routable token whose prefix
/// no configured or default prefix explains (the checksum proves it is a
/// token). Not a value functions accept; `tc_token_type_name` gives NULL.
pub const TC_TOKEN_TYPE_NONE: tc_token_type = tc_token_type(4294967295);

const _: () = assert!(TC_TOKEN_TYPE_COUNT as usize == TokenType::ALL.len());

impl tc_token_type {
    /// The token-core type, or `TC_RESULT_UNKNOWN_ENUM_VALUE`.
    pub(crate) fn to_core(self) -> Result<TokenType, tc_result> {
        usize::try_from(self.0)
            .ok()
            .and_then(|i| TokenType::ALL.get(i).copied())
            .ok_or(TC_RESULT_UNKNOWN_ENUM_VALUE)
    }

    /// The C value of a token-core type.
    pub(crate) fn of(token_type: TokenType) -> tc_token_type {
        tc_token_type(match token_type {
            TokenType::PersonalAccessToken => 0,
            TokenType::DeployToken => 1,
            TokenType::FeedToken => 2,
            TokenType::IncomingEmailToken => 3,
            TokenType::RunnerAuthenticationToken => 4,
            TokenType::RunnerRegistrationToken => 5,
            TokenType::CiJobToken => 6,
            TokenType::CiTriggerToken => 7,
            TokenType::OAuthApplicationSecret => 8,
            TokenType::OAuthAccessToken => 9,
            TokenType::ClusterAgentToken => 10,
            TokenType::FeatureFlagsClientToken => 11,
            TokenType::ScimOAuthToken => 12,
            TokenType::WorkspaceToken => 13,
            TokenType::SessionCookie => 14,
        })
    }
}

/// Static names and default prefixes, indexed like `TokenType::ALL`.
const NAMES: [(&CStr, &CStr); 15] = {
    macro_rules! texts {
        ($($t:ident),*) => {
            [$((
                static_cstr!(TokenType::$t.symbol()),
                static_cstr!(TokenType::$t.default_prefix()),
            )),*]
        };
    }
    texts!(
        PersonalAccessToken,
        DeployToken,
        FeedToken,
        IncomingEmailToken,
        RunnerAuthenticationToken,
        RunnerRegistrationToken,
        CiJobToken,
        CiTriggerToken,
        OAuthApplicationSecret,
        OAuthAccessToken,
        ClusterAgentToken,
        FeatureFlagsClientToken,
        ScimOAuthToken,
        WorkspaceToken,
        SessionCookie
    )
};

fn texts_of(token_type: tc_token_type) -> Option<(&'static CStr, &'static CStr)> {
    NAMES.get(usize::try_from(token_type.0).ok()?).copied()
}

/// The type's name as GitLab spells its symbol (`"personal_access_token"`),
/// static and NUL-terminated; NULL if `token_type` is not a `TC_TOKEN_TYPE_*`
/// value. The string must not be freed.
#[unsafe(no_mangle)]
pub extern "C" fn tc_token_type_name(token_type: tc_token_type) -> *const c_char {
    std::panic::catch_unwind(|| texts_of(token_type).map_or(ptr::null(), |t| t.0.as_ptr()))
        .unwrap_or(ptr::null())
}

/// The prefix GitLab gives new tokens of this type without any configured
/// prefix (`"glpat-"`; `""` for OAuth access tokens), static and
/// NUL-terminated; NULL if `token_type` is not a `TC_TOKEN_TYPE_*` value. The
/// string must not be freed. `tc_generate_legacy` applies configured prefixes.
#[unsafe(no_mangle)]
pub extern "C" fn tc_token_type_default_prefix(token_type: tc_token_type) -> *const c_char {
    std::panic::catch_unwind(|| texts_of(token_type).map_or(ptr::null(), |t| t.1.as_ptr()))
        .unwrap_or(ptr::null())
}

/// Looks a token type up by its name (`"deploy_token"`), given as
/// `name_len` bytes (no NUL needed).
///
/// Returns `TC_RESULT_OK` and stores the type in `*out`;
/// `TC_RESULT_UNKNOWN_ENUM_VALUE` if no type has that name;
/// `TC_RESULT_INVALID_UTF8`, `TC_RESULT_NULL_ARGUMENT` for bad arguments.
///
/// # Safety
/// `name` must be NULL (with `name_len` 0) or point to `name_len` readable
/// bytes; `out` must point to a writable `tc_token_type`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_token_type_from_name(
    name: *const c_char,
    name_len: usize,
    out: *mut tc_token_type,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        // SAFETY: the caller's contract above.
        let name = unsafe { text(name, name_len) }?;
        let token_type = TokenType::from_symbol(name).ok_or(TC_RESULT_UNKNOWN_ENUM_VALUE)?;
        out.write(tc_token_type::of(token_type));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_follow_the_specification_order_and_round_trip() {
        for (i, token_type) in TokenType::ALL.into_iter().enumerate() {
            let value = tc_token_type::of(token_type);
            assert_eq!(value.0 as usize, i);
            assert_eq!(value.to_core(), Ok(token_type));
            let (name, prefix) = texts_of(value).unwrap();
            assert_eq!(name.to_str(), Ok(token_type.symbol()));
            assert_eq!(prefix.to_str(), Ok(token_type.default_prefix()));
        }
        assert_eq!(
            tc_token_type(15).to_core(),
            Err(TC_RESULT_UNKNOWN_ENUM_VALUE)
        );
        assert_eq!(TC_TOKEN_TYPE_NONE, tc_token_type(u32::MAX));
        assert_eq!(
            TC_TOKEN_TYPE_NONE.to_core(),
            Err(TC_RESULT_UNKNOWN_ENUM_VALUE)
        );
        assert!(tc_token_type_name(TC_TOKEN_TYPE_NONE).is_null());
    }
}
