//! `TokenCodec::Native::RoutableGenerator`: the native half of
//! `TokenCodec::RoutableToken`. Its prefix and routing keys are converted and
//! the key rules checked once, when the generator is made; each token then
//! only converts the values the Ruby side computed for the record.

use std::borrow::Cow;

use magnus::prelude::*;
use magnus::{Error, RArray, RModule, Ruby, Symbol, Value, function, method};
use token_core::{RequiredKeys, RoutingOptions, RoutingPayload};

use crate::convert::{self, OwnedRoutingValue};
use crate::errors::{self, argument_error};
use crate::random;

/// A routable token generator's prefix and keys (Ruby class
/// `TokenCodec::Native::RoutableGenerator`). Immutable.
#[magnus::wrap(
    class = "TokenCodec::Native::RoutableGenerator",
    free_immediately,
    size,
    frozen_shareable
)]
pub struct RoutableGenerator {
    prefix: String,
    keys: Vec<Cow<'static, str>>,
    required: RequiredKeys,
}

impl RoutableGenerator {
    /// `RoutableGenerator.new(prefix, keys, required_keys)`: raises
    /// `RoutableToken::InvalidRoutingKeys` / `MissingRequiredRoutingKeys` with
    /// GitLab's messages for bad keys, before any value exists.
    fn new(
        ruby: &Ruby,
        prefix: Value,
        keys: RArray,
        required: Symbol,
    ) -> Result<RoutableGenerator, Error> {
        let prefix = convert::string(ruby, prefix, "prefix")?;
        let keys = convert::key_names(ruby, keys)?;
        let required = convert::required_keys(ruby, required)?;
        RoutingPayload::validate_keys(&keys, required)
            .map_err(|error| errors::routing_error(ruby, &error))?;
        let prefix = String::from_utf8(convert::copy_bytes(prefix))
            .map_err(|_| argument_error(ruby, "prefix must be valid UTF-8"))?;
        Ok(RoutableGenerator {
            prefix,
            keys,
            required,
        })
    }

    /// `#generate(values, format, cell_id, random_bytes)`: the token for
    /// `values` (one per key, in the keys' order), with the given 16
    /// `random_bytes` or, when `nil`, 16 bytes from this thread's generator.
    fn generate(
        ruby: &Ruby,
        rb_self: &Self,
        values: RArray,
        format: Value,
        cell_id: Value,
        random_bytes: Value,
    ) -> Result<String, Error> {
        if values.len() != rb_self.keys.len() {
            return Err(argument_error(
                ruby,
                format!(
                    "expected {} routing values, got {}",
                    rb_self.keys.len(),
                    values.len()
                ),
            ));
        }
        let format = convert::format(ruby, format)?;
        let given_random = if random_bytes.is_nil() {
            None
        } else {
            Some(convert::random_bytes(ruby, random_bytes)?)
        };
        let options = RoutingOptions {
            default_cell_id: convert::optional_u64(ruby, cell_id, "cell_id")?,
            required: rb_self.required,
        };
        let mut owned: Vec<OwnedRoutingValue> = Vec::with_capacity(rb_self.keys.len());
        for (index, key) in rb_self.keys.iter().enumerate() {
            let value: Value = values.entry(index as isize)?;
            owned.push(convert::routing_value(ruby, key, value)?);
        }
        let payload = RoutingPayload::build(
            rb_self
                .keys
                .iter()
                .zip(&owned)
                .map(|(key, value)| (key.as_ref(), value.as_core())),
            options,
        )
        .map_err(|error| errors::routing_error(ruby, &error))?;
        let random = match given_random {
            Some(random) => random,
            None => random::routable_random().map_err(|error| errors::encode_error(ruby, error))?,
        };
        token_core::encode(&rb_self.prefix, &payload, &random, format)
            .map_err(|error| errors::encode_error(ruby, error))
    }
}

/// Defines `TokenCodec::Native::RoutableGenerator`.
///
/// # Errors
/// A Ruby exception if the class or a method cannot be defined.
pub fn define(ruby: &Ruby, native: RModule) -> Result<(), Error> {
    let class = native.define_class("RoutableGenerator", ruby.class_object())?;
    class.undef_default_alloc_func();
    class.define_singleton_method("new", function!(RoutableGenerator::new, 3))?;
    class.define_method("generate", method!(RoutableGenerator::generate, 4))?;
    Ok(())
}
