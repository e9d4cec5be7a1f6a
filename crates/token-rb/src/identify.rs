//! `TokenCodec::Native.identify` and `.identification`: which type a token is.

use magnus::{Error, RArray, RModule, Ruby, Symbol, Value, function};
use token_core::{Checksum, Identification, TokenKind};

use crate::convert;
use crate::prefix_config::RbPrefixConfig;

/// Identifies `token` with the identifier of `config`.
fn identify_with(
    ruby: &Ruby,
    token: Value,
    config: &RbPrefixConfig,
) -> Result<Option<Identification>, Error> {
    let token = convert::string(ruby, token, "token")?;
    // SAFETY: the slice is only read by the core before any other Ruby call.
    Ok(config.identifier().identify(unsafe { token.as_slice() }))
}

/// `Native.identify(token, config)`: the type's Symbol (`:personal_access_token`)
/// or `nil`.
fn identify(ruby: &Ruby, token: Value, config: &RbPrefixConfig) -> Result<Option<Symbol>, Error> {
    let found = identify_with(ruby, token, config)?;
    Ok(found.map(|found| ruby.to_symbol(found.token_type.symbol())))
}

/// `Native.identification(token, config)`: `nil` or
/// `[type, kind, format, checksum, prefix_length]`, e.g.
/// `[:personal_access_token, :routable, :v1, :valid, 6]` or
/// `[:deploy_token, :legacy, nil, :not_applicable, 5]`.
fn identification(
    ruby: &Ruby,
    token: Value,
    config: &RbPrefixConfig,
) -> Result<Option<RArray>, Error> {
    let Some(found) = identify_with(ruby, token, config)? else {
        return Ok(None);
    };
    let (kind, format) = match found.kind {
        TokenKind::Routable(format) => ("routable", Some(convert::format_symbol(ruby, format))),
        TokenKind::Legacy => ("legacy", None),
    };
    let checksum = match found.checksum {
        Checksum::Valid => "valid",
        Checksum::Invalid => "invalid",
        Checksum::NotApplicable => "not_applicable",
    };
    let result = ruby.ary_new_capa(5);
    result.push(ruby.to_symbol(found.token_type.symbol()))?;
    result.push(ruby.to_symbol(kind))?;
    result.push(format)?;
    result.push(ruby.to_symbol(checksum))?;
    result.push(found.prefix_len)?;
    Ok(Some(result))
}

/// Defines the identification functions on `TokenCodec::Native`.
///
/// # Errors
/// A Ruby exception if a method cannot be defined.
pub fn define(native: RModule) -> Result<(), Error> {
    native.define_module_function("identify", function!(identify, 2))?;
    native.define_module_function("identification", function!(identification, 2))?;
    Ok(())
}
