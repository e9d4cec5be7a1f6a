//! `TokenCodec::PrefixConfig`: an instance's prefix settings (instance-wide
//! prefix, custom PAT prefix), validated by token-core, with the identifier
//! they imply built once and the leak scanners they imply built on first use.

use std::sync::OnceLock;

use magnus::prelude::*;
use magnus::{Error, RArray, RModule, Ruby, Symbol, Value, function, method};
use token_core::scan::{ScanOptions, Scanner};
use token_core::{ConfigError, Identifier, PrefixConfig, TokenType};

use crate::convert::{class_name, copy_bytes};
use crate::errors::{argument_error, type_error, with_reason};

/// An instance's prefixes (Ruby class `TokenCodec::PrefixConfig`). Immutable.
#[magnus::wrap(
    class = "TokenCodec::PrefixConfig",
    free_immediately,
    size,
    frozen_shareable
)]
pub struct RbPrefixConfig {
    config: PrefixConfig,
    identifier: Identifier,
    /// One compiled scanner per combination of the three scan options,
    /// compiled the first time it is asked for.
    scanners: [OnceLock<Scanner>; 8],
}

/// The slot of `options` in [`RbPrefixConfig::scanners`].
fn scanner_slot(options: ScanOptions) -> usize {
    usize::from(options.report_invalid)
        | usize::from(options.unconfigured_v0) << 1
        | usize::from(options.unprefixed_oauth) << 2
}

impl RbPrefixConfig {
    /// The core's settings.
    pub fn config(&self) -> &PrefixConfig {
        &self.config
    }

    /// The identifier for these settings (longest prefixes first).
    pub fn identifier(&self) -> &Identifier {
        &self.identifier
    }

    /// The leak scanner for these prefixes and `options` (a cheap handle to
    /// a scanner compiled once per options and config).
    pub fn scanner(&self, options: ScanOptions) -> Scanner {
        self.scanners[scanner_slot(options)]
            .get_or_init(|| Scanner::new(&self.config, options))
            .clone()
    }

    /// `PrefixConfig.from_prefixes(instance_prefix, custom_pat_prefix)`: each
    /// `nil` or a String; blank means none.
    fn from_prefixes(
        ruby: &Ruby,
        instance_prefix: Value,
        custom_pat_prefix: Value,
    ) -> Result<RbPrefixConfig, Error> {
        let mut config = PrefixConfig::default();
        if let Some(prefix) = optional_text(ruby, instance_prefix, "instance_prefix")? {
            config = config
                .with_instance_prefix(&prefix)
                .map_err(|error| config_error(ruby, error))?;
        }
        if let Some(prefix) = optional_text(ruby, custom_pat_prefix, "custom_pat_prefix")? {
            config = config
                .with_custom_pat_prefix(&prefix)
                .map_err(|error| config_error(ruby, error))?;
        }
        let identifier = Identifier::new(&config);
        Ok(RbPrefixConfig {
            config,
            identifier,
            scanners: Default::default(),
        })
    }

    /// `#instance_prefix`: the instance-wide prefix, or `nil`.
    fn instance_prefix(&self) -> Option<String> {
        self.config.instance_prefix().map(str::to_owned)
    }

    /// `#custom_pat_prefix`: the custom PAT prefix, or `nil`.
    fn custom_pat_prefix(&self) -> Option<String> {
        self.config.custom_pat_prefix().map(str::to_owned)
    }

    /// `#prefix_for(type)`: the prefix new tokens of `type` get.
    fn prefix_for(ruby: &Ruby, rb_self: &Self, token_type: Value) -> Result<String, Error> {
        Ok(rb_self
            .config
            .prefix_for(self::token_type(ruby, token_type)?))
    }

    /// `#prefixes_of(type)`: every prefix a token of `type` may carry here.
    fn prefixes_of(ruby: &Ruby, rb_self: &Self, token_type: Value) -> Result<RArray, Error> {
        let prefixes = rb_self
            .config
            .prefixes_of(self::token_type(ruby, token_type)?);
        Ok(ruby.ary_from_iter(prefixes))
    }
}

/// `nil`, or the text of a String (a `TypeError` for anything else).
fn optional_text(ruby: &Ruby, value: Value, what: &str) -> Result<Option<String>, Error> {
    if value.is_nil() {
        return Ok(None);
    }
    match magnus::RString::from_value(value) {
        Some(string) => String::from_utf8(copy_bytes(string))
            .map(Some)
            .map_err(|_| argument_error(ruby, format!("{what} must be valid UTF-8"))),
        None => Err(type_error(
            ruby,
            format!("{what} must be a String or nil, not {}", class_name(value)),
        )),
    }
}

/// `TokenCodec::ConfigurationError` whose `#reason` is the core's code.
fn config_error(ruby: &Ruby, error: ConfigError) -> Error {
    with_reason(ruby, "ConfigurationError", error.code(), &error.to_string())
}

/// A token type given as a Symbol (`:deploy_token`) or a String.
///
/// # Errors
/// `TypeError` for another type, `ArgumentError` for an unknown name.
pub fn token_type(ruby: &Ruby, value: Value) -> Result<TokenType, Error> {
    let name = if let Some(symbol) = Symbol::from_value(value) {
        symbol.name()?.into_owned()
    } else if let Some(string) = magnus::RString::from_value(value) {
        String::from_utf8_lossy(&copy_bytes(string)).into_owned()
    } else {
        return Err(type_error(
            ruby,
            format!("token type must be a Symbol, not {}", class_name(value)),
        ));
    };
    TokenType::from_symbol(&name)
        .ok_or_else(|| argument_error(ruby, format!("unknown token type :{name}")))
}

/// The symbols of every token type, in the core's order.
fn token_types(ruby: &Ruby) -> RArray {
    ruby.ary_from_iter(TokenType::ALL.iter().map(|t| ruby.to_symbol(t.symbol())))
}

/// `Native.default_prefix(type)` and `Native.routing_keys(type)`: the registry.
fn default_prefix(ruby: &Ruby, token_type: Value) -> Result<&'static str, Error> {
    Ok(self::token_type(ruby, token_type)?.default_prefix())
}

fn routing_keys(ruby: &Ruby, token_type: Value) -> Result<RArray, Error> {
    let keys = self::token_type(ruby, token_type)?.routing_keys();
    Ok(ruby.ary_from_iter(keys.iter().map(|k| ruby.to_symbol(k.as_str()))))
}

/// Defines `TokenCodec::PrefixConfig` and the token-type registry functions.
///
/// # Errors
/// A Ruby exception if a class or method cannot be defined.
pub fn define(ruby: &Ruby, codec: RModule, native: RModule) -> Result<(), Error> {
    let class = codec.define_class("PrefixConfig", ruby.class_object())?;
    class.undef_default_alloc_func();
    class.define_singleton_method("from_prefixes", function!(RbPrefixConfig::from_prefixes, 2))?;
    class.define_method(
        "instance_prefix",
        method!(RbPrefixConfig::instance_prefix, 0),
    )?;
    class.define_method(
        "custom_pat_prefix",
        method!(RbPrefixConfig::custom_pat_prefix, 0),
    )?;
    class.define_method("prefix_for", method!(RbPrefixConfig::prefix_for, 1))?;
    class.define_method("prefixes_of", method!(RbPrefixConfig::prefixes_of, 1))?;
    native.define_module_function("token_types", function!(token_types, 0))?;
    native.define_module_function("default_prefix", function!(default_prefix, 1))?;
    native.define_module_function("routing_keys", function!(routing_keys, 1))?;
    Ok(())
}
