//! Where a request's tokens are found: the first non-blank source wins.

use std::borrow::Cow;
use std::error::Error;
use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::Request;

/// Longest job token accepted, in bytes.
pub const MAX_JOB_TOKEN_LEN: usize = 8192;

/// The basic-auth user whose password is a CI job token.
pub const CI_JOB_USER: &str = "gitlab-ci-token";

/// Longest `Authorization` header the finders decode (basic credentials).
const MAX_AUTHORIZATION_LEN: usize = 4 * MAX_JOB_TOKEN_LEN;

/// Why a token could not be taken from a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocateError {
    /// The job token is longer than [`MAX_JOB_TOKEN_LEN`] bytes.
    JobTokenTooLong,
}

impl fmt::Display for LocateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocateError::JobTokenTooLong => {
                write!(f, "job token is longer than {MAX_JOB_TOKEN_LEN} bytes")
            }
        }
    }
}

impl Error for LocateError {}

/// Where a request's token was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenSource {
    /// Param `private_token`.
    PrivateTokenParam,
    /// Header `PRIVATE-TOKEN`.
    PrivateTokenHeader,
    /// Param `access_token`.
    AccessTokenParam,
    /// Header `Authorization: Bearer`.
    AuthorizationBearer,
    /// Param `bearer_token`.
    BearerTokenParam,
}

impl TokenSource {
    /// Whether this is an OAuth-style source, whose token must be classified
    /// with [`super::classify_bearer`] (it may be an OAuth token or a PAT).
    pub const fn is_oauth_style(self) -> bool {
        matches!(
            self,
            TokenSource::AccessTokenParam
                | TokenSource::AuthorizationBearer
                | TokenSource::BearerTokenParam
        )
    }

    /// A stable snake_case name (`"authorization_bearer"`, ...).
    pub const fn code(self) -> &'static str {
        match self {
            TokenSource::PrivateTokenParam => "private_token_param",
            TokenSource::PrivateTokenHeader => "private_token_header",
            TokenSource::AccessTokenParam => "access_token_param",
            TokenSource::AuthorizationBearer => "authorization_bearer",
            TokenSource::BearerTokenParam => "bearer_token_param",
        }
    }
}

/// A token found in a request, with where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located<'a> {
    /// The token text (a secret: do not log it).
    pub token: &'a str,
    /// Where it was found.
    pub source: TokenSource,
}

fn at(token: Option<&str>, source: TokenSource) -> Option<Located<'_>> {
    present(token).map(|token| Located { token, source })
}

/// The OAuth token and its source: param `access_token`, then the Bearer
/// header, then param `bearer_token`.
pub fn locate_oauth_token<R: Request + ?Sized>(request: &R) -> Option<Located<'_>> {
    at(request.param("access_token"), TokenSource::AccessTokenParam)
        .or_else(|| at(bearer_token(request), TokenSource::AuthorizationBearer))
        .or_else(|| at(request.param("bearer_token"), TokenSource::BearerTokenParam))
}

/// The PAT candidate and its source: param `private_token`, then header
/// `PRIVATE-TOKEN`, then the OAuth token (whose kind [`super::classify_bearer`] decides).
pub fn locate_personal_access_token<R: Request + ?Sized>(request: &R) -> Option<Located<'_>> {
    at(
        request.param("private_token"),
        TokenSource::PrivateTokenParam,
    )
    .or_else(|| {
        at(
            request.header("PRIVATE-TOKEN"),
            TokenSource::PrivateTokenHeader,
        )
    })
    .or_else(|| locate_oauth_token(request))
}

fn present(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.trim().is_empty())
}

/// The token of an `Authorization: Bearer <token>` header (scheme matched
/// without regard to case).
pub fn bearer_token<R: Request + ?Sized>(request: &R) -> Option<&str> {
    let header = request.header("Authorization")?;
    let (scheme, rest) = header.split_once(' ')?;
    present(Some(rest.trim()).filter(|_| scheme.eq_ignore_ascii_case("bearer")))
}

/// The `(user, password)` of an `Authorization: Basic` header, if well formed.
pub fn basic_credentials<R: Request + ?Sized>(request: &R) -> Option<(String, String)> {
    let header = request.header("Authorization")?;
    if header.len() > MAX_AUTHORIZATION_LEN {
        return None;
    }
    let (scheme, encoded) = header.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = STANDARD.decode(encoded.trim()).ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

/// The OAuth token: param `access_token`, then the Bearer header, then param `bearer_token`.
pub fn oauth_token<R: Request + ?Sized>(request: &R) -> Option<&str> {
    locate_oauth_token(request).map(|found| found.token)
}

/// The PAT candidate: param `private_token`, then header `PRIVATE-TOKEN`, then the OAuth token.
pub fn personal_access_token<R: Request + ?Sized>(request: &R) -> Option<&str> {
    locate_personal_access_token(request).map(|found| found.token)
}

/// The CI job token: param `job_token`, param `token`, header `JOB-TOKEN`, or
/// the password of basic auth as user `gitlab-ci-token`.
///
/// # Errors
/// [`LocateError::JobTokenTooLong`] for a token over 8192 bytes.
pub fn job_token<R: Request + ?Sized>(request: &R) -> Result<Option<Cow<'_, str>>, LocateError> {
    let direct = present(request.param("job_token"))
        .or_else(|| present(request.param("token")))
        .or_else(|| present(request.header("JOB-TOKEN")))
        .map(Cow::Borrowed);
    let token = direct.or_else(|| {
        basic_credentials(request)
            .filter(|(user, password)| user == CI_JOB_USER && !password.trim().is_empty())
            .map(|(_, password)| Cow::Owned(password))
    });
    match token {
        Some(t) if t.len() > MAX_JOB_TOKEN_LEN => Err(LocateError::JobTokenTooLong),
        other => Ok(other),
    }
}

/// The deploy token: a basic-auth password, else header `Deploy-Token`, else the OAuth token.
pub fn deploy_token<R: Request + ?Sized>(request: &R) -> Option<Cow<'_, str>> {
    basic_credentials(request)
        .map(|(_, password)| password)
        .filter(|p| !p.trim().is_empty())
        .map(Cow::Owned)
        .or_else(|| present(request.header("Deploy-Token")).map(Cow::Borrowed))
        .or_else(|| oauth_token(request).map(Cow::Borrowed))
}

/// The runner token: param `token`, on API requests only.
pub fn runner_token<R: Request + ?Sized>(request: &R, api_request: bool) -> Option<&str> {
    present(request.param("token")).filter(|_| api_request)
}

/// The feed token: param `feed_token` or `rss_token`, only for `.atom` or
/// `.ics` requests (judged from the request path).
pub fn feed_token<'r, R: Request + ?Sized>(request: &'r R, path: &str) -> Option<&'r str> {
    let feed = path.ends_with(".atom") || path.ends_with(".ics");
    present(request.param("feed_token"))
        .or_else(|| present(request.param("rss_token")))
        .filter(|_| feed)
}

/// The static-object token: param `token`, or header `X-Gitlab-Static-Object-Token`.
pub fn static_object_token<R: Request + ?Sized>(request: &R) -> Option<&str> {
    present(request.param("token"))
        .or_else(|| present(request.header("X-Gitlab-Static-Object-Token")))
}
