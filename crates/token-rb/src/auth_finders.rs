//! `TokenCodec::Native` functions over token-core's AuthFinders rules:
//! locating a request's token (and where it was found), classifying a Bearer
//! token, routing a token.
//!
//! A request is given as two Hashes (headers, params) whose keys are Symbols
//! or Strings. Values that are not Strings (a Rack array or nested param) are
//! treated as absent; bytes that are not UTF-8 are replaced, so such a token
//! is still found first and then fails to authenticate.

use magnus::r_hash::ForEach;
use magnus::{Error, RArray, RHash, RModule, RString, Ruby, Symbol, Value, function};
use token_core::auth_finders::{
    self, BearerKind, LengthDetection, Located, RequestParts, RouteDecision,
};

use crate::convert::{self, copy_bytes};
use crate::errors::with_reason;
use crate::prefix_config::RbPrefixConfig;

/// A request's headers and params copied out of Ruby.
struct OwnedRequest {
    headers: Vec<(String, String)>,
    params: Vec<(String, String)>,
}

impl OwnedRequest {
    fn from_hashes(headers: RHash, params: RHash) -> Result<OwnedRequest, Error> {
        Ok(OwnedRequest {
            headers: string_pairs(headers)?,
            params: string_pairs(params)?,
        })
    }

    /// Runs `find` over the request as token-core reads it.
    fn with_parts<T>(&self, find: impl FnOnce(&RequestParts<'_>) -> T) -> T {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let params: Vec<(&str, &str)> = self
            .params
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        find(&RequestParts {
            headers: &headers,
            params: &params,
        })
    }
}

/// The `(name, value)` pairs of a Hash whose keys and values are text.
fn string_pairs(hash: RHash) -> Result<Vec<(String, String)>, Error> {
    let mut pairs = Vec::with_capacity(hash.len());
    hash.foreach(|key: Value, value: Value| {
        if let (Some(name), Some(value)) = (text(key), RString::from_value(value)) {
            pairs.push((
                name,
                String::from_utf8_lossy(&copy_bytes(value)).into_owned(),
            ));
        }
        Ok(ForEach::Continue)
    })?;
    Ok(pairs)
}

/// The text of a Symbol or String key.
fn text(key: Value) -> Option<String> {
    if let Some(symbol) = Symbol::from_value(key) {
        return symbol.name().ok().map(|name| name.into_owned());
    }
    RString::from_value(key).map(|s| String::from_utf8_lossy(&copy_bytes(s)).into_owned())
}

/// Defines a `Native.<name>(headers, params)` locator returning a String or nil.
macro_rules! locator {
    ($name:ident, $find:expr) => {
        fn $name(headers: RHash, params: RHash) -> Result<Option<String>, Error> {
            let request = OwnedRequest::from_hashes(headers, params)?;
            Ok(request.with_parts(|parts| $find(parts).map(|token| token.to_string())))
        }
    };
}

locator!(personal_access_token, auth_finders::personal_access_token);
locator!(oauth_token, auth_finders::oauth_token);
locator!(bearer_token, auth_finders::bearer_token);
locator!(deploy_token, auth_finders::deploy_token);
locator!(static_object_token, auth_finders::static_object_token);

/// Defines a `Native.<name>(headers, params)` locator returning
/// `[token, source, oauth_style]` (e.g. `["glpat-...", :private_token_header,
/// false]`) or nil; `oauth_style` is token-core's
/// [`TokenSource::is_oauth_style`](auth_finders::TokenSource::is_oauth_style).
macro_rules! source_locator {
    ($name:ident, $locate:expr) => {
        fn $name(ruby: &Ruby, headers: RHash, params: RHash) -> Result<Option<RArray>, Error> {
            let request = OwnedRequest::from_hashes(headers, params)?;
            let located = request.with_parts(|parts| {
                $locate(parts).map(|found: Located<'_>| (found.token.to_owned(), found.source))
            });
            let Some((token, source)) = located else {
                return Ok(None);
            };
            let result = ruby.ary_new_capa(3);
            result.push(token)?;
            result.push(ruby.to_symbol(source.code()))?;
            result.push(source.is_oauth_style())?;
            Ok(Some(result))
        }
    };
}

source_locator!(
    locate_personal_access_token,
    auth_finders::locate_personal_access_token
);
source_locator!(locate_oauth_token, auth_finders::locate_oauth_token);

/// `Native.job_token(headers, params)`: the CI job token, or
/// `TokenCodec::AuthFinders::JobTokenTooLong`.
fn job_token(ruby: &Ruby, headers: RHash, params: RHash) -> Result<Option<String>, Error> {
    let request = OwnedRequest::from_hashes(headers, params)?;
    request
        .with_parts(|parts| {
            auth_finders::job_token(parts).map(|token| token.map(|t| t.into_owned()))
        })
        .map_err(|error| {
            with_reason(
                ruby,
                "AuthFinders::JobTokenTooLong",
                "job_token_too_long",
                &error.to_string(),
            )
        })
}

/// `Native.runner_token(headers, params, api_request)`.
fn runner_token(headers: RHash, params: RHash, api_request: bool) -> Result<Option<String>, Error> {
    let request = OwnedRequest::from_hashes(headers, params)?;
    Ok(request
        .with_parts(|parts| auth_finders::runner_token(parts, api_request).map(str::to_owned)))
}

/// `Native.feed_token(headers, params, path)`.
fn feed_token(headers: RHash, params: RHash, path: RString) -> Result<Option<String>, Error> {
    let path = String::from_utf8_lossy(&copy_bytes(path)).into_owned();
    let request = OwnedRequest::from_hashes(headers, params)?;
    Ok(request.with_parts(|parts| auth_finders::feed_token(parts, &path).map(str::to_owned)))
}

/// `Native.basic_credentials(headers)`: `[user, password]` or nil.
fn basic_credentials(ruby: &Ruby, headers: RHash) -> Result<Option<RArray>, Error> {
    let request = OwnedRequest::from_hashes(headers, ruby.hash_new())?;
    let credentials = request.with_parts(|parts| auth_finders::basic_credentials(parts));
    Ok(credentials.map(|(user, password)| ruby.ary_from_iter([user, password])))
}

/// `Native.classify_bearer(token, length_detection, config)`:
/// `:personal_access_token`, `:oauth_token` or `:oauth_then_personal_access_token`.
fn classify_bearer(
    ruby: &Ruby,
    token: Value,
    length_detection: bool,
    config: &RbPrefixConfig,
) -> Result<Symbol, Error> {
    let token = convert::string(ruby, token, "token")?;
    let token = String::from_utf8_lossy(&copy_bytes(token)).into_owned();
    let mode = if length_detection {
        LengthDetection::Enabled
    } else {
        LengthDetection::Disabled
    };
    let kind: BearerKind = auth_finders::classify_bearer(&token, mode, config.config());
    Ok(ruby.to_symbol(kind.code()))
}

/// `Native.route(token)`: `[:cell, cell_id, cell_number]`,
/// `[:topology_service, key, value]` or `[:default_cell, reason]`.
fn route(ruby: &Ruby, token: Value) -> Result<RArray, Error> {
    let token = convert::string(ruby, token, "token")?;
    // SAFETY: the slice is only read by the core before any other Ruby call.
    let decision = auth_finders::route(unsafe { token.as_slice() });
    let result = ruby.ary_new_capa(3);
    match &decision {
        RouteDecision::Cell { cell_id } => {
            result.push(ruby.to_symbol("cell"))?;
            result.push(cell_id.as_str())?;
            result.push(decision.cell_number())?;
        }
        RouteDecision::Topology { key, value } => {
            result.push(ruby.to_symbol("topology_service"))?;
            result.push(ruby.to_symbol(key.as_str()))?;
            result.push(value.as_str())?;
        }
        RouteDecision::Default { reason } => {
            result.push(ruby.to_symbol("default_cell"))?;
            result.push(ruby.to_symbol(reason.code()))?;
        }
    }
    Ok(result)
}

/// Defines the AuthFinders functions on `TokenCodec::Native`.
///
/// # Errors
/// A Ruby exception if a method cannot be defined.
pub fn define(native: RModule) -> Result<(), Error> {
    native.define_module_function("personal_access_token", function!(personal_access_token, 2))?;
    native.define_module_function("oauth_token", function!(oauth_token, 2))?;
    native.define_module_function(
        "locate_personal_access_token",
        function!(locate_personal_access_token, 2),
    )?;
    native.define_module_function("locate_oauth_token", function!(locate_oauth_token, 2))?;
    native.define_module_function("bearer_token", function!(bearer_token, 2))?;
    native.define_module_function("deploy_token", function!(deploy_token, 2))?;
    native.define_module_function("static_object_token", function!(static_object_token, 2))?;
    native.define_module_function("job_token", function!(job_token, 2))?;
    native.define_module_function("runner_token", function!(runner_token, 3))?;
    native.define_module_function("feed_token", function!(feed_token, 3))?;
    native.define_module_function("basic_credentials", function!(basic_credentials, 1))?;
    native.define_module_function("classify_bearer", function!(classify_bearer, 3))?;
    native.define_module_function("route", function!(route, 1))?;
    Ok(())
}
