//! `TokenCodec::Native`: encoding, generating and decoding routable tokens.

use magnus::{Error, RArray, RHash, RModule, Ruby, Symbol, Value, function, prelude::*};
use token_core::{DecodeError, RoutingPayload};

use crate::convert::{self, RoutingEntries};
use crate::token::Token;
use crate::{errors, random};

/// Defines the codec functions on `TokenCodec::Native`.
///
/// # Errors
/// A Ruby exception if a method cannot be defined.
pub fn define(ruby: &Ruby, native: RModule) -> Result<(), Error> {
    let reasons = ruby.ary_from_iter(
        DecodeError::ALL
            .iter()
            .map(|error| ruby.to_symbol(error.code())),
    );
    reasons.freeze();
    native.const_set("DECODE_ERROR_REASONS", reasons)?;
    native.define_module_function("encode", function!(encode, 6))?;
    native.define_module_function("generate", function!(generate, 5))?;
    native.define_module_function("decode", function!(decode, 1))?;
    native.define_module_function("decode!", function!(decode_strict, 1))?;
    native.define_module_function("decode_lax", function!(decode_lax, 1))?;
    native.define_module_function("fork_epoch", function!(token_rng::fork_epoch, 0))?;
    Ok(())
}

/// Builds the routing payload with token-core's rules.
fn routing_payload(
    ruby: &Ruby,
    entries: &RoutingEntries,
    cell_id: Value,
    required: Symbol,
) -> Result<RoutingPayload, Error> {
    let options = convert::routing_options(ruby, cell_id, required)?;
    RoutingPayload::build(entries.iter(), options)
        .map_err(|error| errors::routing_error(ruby, &error))
}

/// `Native.encode(prefix, routing, random_bytes, format, cell_id, required_keys)`:
/// the deterministic token for the given random bytes.
fn encode(
    ruby: &Ruby,
    prefix: Value,
    routing: RHash,
    random_bytes: Value,
    format: Value,
    cell_id: Value,
    required: Symbol,
) -> Result<String, Error> {
    let prefix = convert::string(ruby, prefix, "prefix")?;
    let random = convert::random_bytes(ruby, random_bytes)?;
    let format = convert::format(ruby, format)?;
    let entries = RoutingEntries::from_hash(ruby, routing)?;
    let payload = routing_payload(ruby, &entries, cell_id, required)?;
    convert::with_prefix(ruby, prefix, |prefix| {
        token_core::encode(prefix, &payload, &random, format)
    })?
    .map_err(|error| errors::encode_error(ruby, error))
}

/// `Native.generate(prefix, routing, format, cell_id, required_keys)`: a token
/// with 16 bytes from this thread's generator (see [`random`]: reseeded from
/// the operating system after every `fork` and every 1 MiB).
fn generate(
    ruby: &Ruby,
    prefix: Value,
    routing: RHash,
    format: Value,
    cell_id: Value,
    required: Symbol,
) -> Result<String, Error> {
    let prefix = convert::string(ruby, prefix, "prefix")?;
    let format = convert::format(ruby, format)?;
    let entries = RoutingEntries::from_hash(ruby, routing)?;
    let payload = routing_payload(ruby, &entries, cell_id, required)?;
    convert::with_prefix(ruby, prefix, |prefix| {
        let random = random::routable_random()?;
        token_core::encode(prefix, &payload, &random, format)
    })?
    .map_err(|error| errors::encode_error(ruby, error))
}

/// `Native.decode(token)`: the decoded token, or `nil` for anything that is
/// not a valid routable token.
fn decode(ruby: &Ruby, token: Value) -> Result<Option<Token>, Error> {
    let token = convert::string(ruby, token, "token")?;
    // SAFETY: the slice is only read by the core before any other Ruby call.
    let decoded = token_core::decode(unsafe { token.as_slice() });
    Ok(decoded.ok().map(|decoded| Token::from_decoded(&decoded)))
}

/// `Native.decode!(token)`: the decoded token, or `TokenCodec::DecodeError`
/// whose `#reason` says why.
fn decode_strict(ruby: &Ruby, token: Value) -> Result<Token, Error> {
    let token = convert::string(ruby, token, "token")?;
    // SAFETY: the slice is only read by the core before any other Ruby call.
    let decoded = token_core::decode(unsafe { token.as_slice() });
    decoded
        .map(|decoded| Token::from_decoded(&decoded))
        .map_err(|error| errors::decode_error(ruby, error))
}

/// `Native.decode_lax(token)`: what GitLab's own decoder returns, as
/// `[prefix, format, { "key" => Integer }]`, or `nil` where it returns `nil`.
/// The random bytes are left out.
fn decode_lax(ruby: &Ruby, token: Value) -> Result<Option<RArray>, Error> {
    let token = convert::string(ruby, token, "token")?;
    // SAFETY: the slice is only read by the core, and what it returns is
    // copied out before any other Ruby call.
    let decoded = token_core::decode_lax(unsafe { token.as_slice() }).map(|lax| {
        let prefix = match std::str::from_utf8(lax.prefix) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => Err(lax.prefix.to_vec()),
        };
        (prefix, lax.format, lax.routing)
    });
    let Some((prefix, format, routing)) = decoded else {
        return Ok(None);
    };
    let result = ruby.ary_new_capa(3);
    match prefix {
        Ok(text) => result.push(ruby.str_new(&text))?,
        Err(bytes) => result.push(ruby.str_from_slice(&bytes))?,
    }
    result.push(convert::format_symbol(ruby, format))?;
    let hash = ruby.hash_new();
    for (key, value) in routing {
        hash.aset(key, value)?;
    }
    result.push(hash)?;
    Ok(Some(result))
}
