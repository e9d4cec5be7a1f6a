//! `TokenCodec::Token`: a routable token that passed strict decoding.
//!
//! It owns copies of the decoded parts and builds Ruby objects only when a
//! reader asks. `inspect` (defined in `ruby/lib/token_codec/token.rb`) never
//! shows the random bytes.

use magnus::prelude::*;
use magnus::{Error, RHash, RModule, RString, Ruby, Symbol, Value, method};
use token_core::{DecodedToken, Format, RANDOM_LEN, RoutingPayload};

use crate::convert;

/// A decoded routable token (Ruby class `TokenCodec::Token`).
#[derive(Clone, PartialEq, Eq)]
#[magnus::wrap(class = "TokenCodec::Token", free_immediately, size, frozen_shareable)]
pub struct Token {
    prefix: String,
    format: Format,
    routing: RoutingPayload,
    random: [u8; RANDOM_LEN],
}

impl Token {
    /// Copies a decoded token out of the input it borrows from.
    pub fn from_decoded(decoded: &DecodedToken<'_>) -> Token {
        Token {
            prefix: decoded.prefix().to_owned(),
            format: decoded.format(),
            routing: *decoded.routing(),
            random: *decoded.random_bytes(),
        }
    }

    /// `#prefix`: e.g. `"glpat-"` (may be empty).
    fn prefix(ruby: &Ruby, rb_self: &Token) -> RString {
        ruby.str_new(&rb_self.prefix)
    }

    /// `#format`: `:v1` or `:v0`.
    fn format(ruby: &Ruby, rb_self: &Token) -> Symbol {
        convert::format_symbol(ruby, rb_self.format)
    }

    /// `#routing`: `{ "o" => "1", "u" => "1" }`, values exactly as in the token.
    fn routing(ruby: &Ruby, rb_self: &Token) -> Result<RHash, Error> {
        convert::routing_hash(ruby, &rb_self.routing)
    }

    /// `#routing_payload`: the payload text, e.g. `"c:0\no:1\nu:1"`.
    fn routing_payload(ruby: &Ruby, rb_self: &Token) -> RString {
        ruby.str_new(rb_self.routing.as_str())
    }

    /// `#random_bytes`: the 16 secret bytes, as a binary String.
    fn random_bytes(ruby: &Ruby, rb_self: &Token) -> RString {
        ruby.str_from_slice(&rb_self.random)
    }

    /// `#==`: same prefix, format, routing payload and random bytes.
    fn equals(rb_self: &Token, other: Value) -> bool {
        <&Token>::try_convert(other).is_ok_and(|other| rb_self == other)
    }
}

/// Defines `TokenCodec::Token` (not instantiable from Ruby: only `decode`
/// makes one).
///
/// # Errors
/// A Ruby exception if the class or a method cannot be defined.
pub fn define(ruby: &Ruby, codec: RModule) -> Result<(), Error> {
    let class = codec.define_class("Token", ruby.class_object())?;
    class.undef_default_alloc_func();
    class.define_method("prefix", method!(Token::prefix, 0))?;
    class.define_method("format", method!(Token::format, 0))?;
    class.define_method("routing", method!(Token::routing, 0))?;
    class.define_method("routing_payload", method!(Token::routing_payload, 0))?;
    class.define_method("random_bytes", method!(Token::random_bytes, 0))?;
    class.define_method("==", method!(Token::equals, 1))?;
    Ok(())
}
