//! `TokenCodec::Native.generate_legacy`: non-routable tokens of every type.

use magnus::{Error, RModule, Ruby, Value, function};

use crate::prefix_config::{RbPrefixConfig, token_type};
use crate::{errors, random};

/// `Native.generate_legacy(type, config)`: a legacy token of `type` with the
/// prefix `config` gives it and random bytes from this thread's generator
/// (see [`random`]).
fn generate_legacy(
    ruby: &Ruby,
    token_type: Value,
    config: &RbPrefixConfig,
) -> Result<String, Error> {
    let token_type = self::token_type(ruby, token_type)?;
    random::generate_legacy(token_type, config.config())
        .map_err(|error| errors::encode_error(ruby, error))
}

/// Defines `Native.generate_legacy`.
///
/// # Errors
/// A Ruby exception if the method cannot be defined.
pub fn define(native: RModule) -> Result<(), Error> {
    native.define_module_function("generate_legacy", function!(generate_legacy, 2))
}
