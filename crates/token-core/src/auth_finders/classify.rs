//! Is a Bearer token a PAT or an OAuth token?

use crate::{PrefixConfig, TokenType};

/// Shortest token the length rule takes for a PAT (a 20-character body).
pub const PAT_LENGTH_MIN: usize = 20;
/// Longest token the length rule takes for a PAT (a 20-character prefix and body).
pub const PAT_LENGTH_MAX: usize = 40;

/// The `auth_finder_no_token_length_detection` feature flag, per instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthDetection {
    /// Flag off (the old behaviour): a 20..=40 character token is taken for a PAT.
    Enabled,
    /// Flag on (GitLab today): length is never used; the prefix decides.
    Disabled,
}

/// How an API request's Bearer token must be looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BearerKind {
    /// Only as a personal access token (never as an OAuth token).
    PersonalAccessToken,
    /// Only as an OAuth token (never as a PAT): CI job tokens on API requests.
    OAuthToken,
    /// As an OAuth token first, then as a personal access token.
    OAuthThenPersonalAccessToken,
}

impl BearerKind {
    /// A stable snake_case name (`"personal_access_token"`, ...).
    pub const fn code(self) -> &'static str {
        match self {
            BearerKind::PersonalAccessToken => "personal_access_token",
            BearerKind::OAuthToken => "oauth_token",
            BearerKind::OAuthThenPersonalAccessToken => "oauth_then_personal_access_token",
        }
    }
}

/// Classifies an API request's Bearer token as the AuthFinders do, in either
/// length-detection mode. A token with the CI job token prefix is never a PAT.
///
/// ```
/// use token_core::PrefixConfig;
/// use token_core::auth_finders::{BearerKind, LengthDetection, classify_bearer};
///
/// let routable = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
/// let config = PrefixConfig::default();
/// assert_eq!(classify_bearer(routable, LengthDetection::Disabled, &config), BearerKind::PersonalAccessToken);
/// // The old rule misroutes routable PATs: they are longer than 40 characters.
/// assert_eq!(classify_bearer(routable, LengthDetection::Enabled, &config),
///            BearerKind::OAuthThenPersonalAccessToken);
/// ```
pub fn classify_bearer<T: AsRef<[u8]> + ?Sized>(
    token: &T,
    mode: LengthDetection,
    config: &PrefixConfig,
) -> BearerKind {
    let token = token.as_ref();
    if config.has_prefix_of(token, TokenType::CiJobToken) {
        return BearerKind::OAuthToken;
    }
    let pat = match mode {
        LengthDetection::Enabled => {
            // Character count, as Ruby's `String#length` (UTF-8 lead bytes;
            // other bytes count one each); bytes bound it from above.
            (PAT_LENGTH_MIN..=4 * PAT_LENGTH_MAX).contains(&token.len())
                && (PAT_LENGTH_MIN..=PAT_LENGTH_MAX).contains(&char_count(token))
        }
        LengthDetection::Disabled => config.has_prefix_of(token, TokenType::PersonalAccessToken),
    };
    if pat {
        BearerKind::PersonalAccessToken
    } else {
        BearerKind::OAuthThenPersonalAccessToken
    }
}

fn char_count(token: &[u8]) -> usize {
    match std::str::from_utf8(token) {
        Ok(text) => text.chars().count(),
        Err(_) => token.len(),
    }
}
