//! `TokenCodec::Token`: a routable token that passed strict decoding.
//!
//! It owns copies of the decoded parts, in memory Ruby's GC counts (see
//! [`RubyBox`]), and builds Ruby objects only when a reader asks. `inspect`
//! (defined in `ruby/lib/token_codec/token.rb`) never shows the random bytes.

use magnus::prelude::*;
use magnus::{
    DataTypeFunctions, Error, RHash, RModule, RString, Ruby, Symbol, TypedData, Value, method,
};
use token_core::{DecodedToken, Format, MAX_PREFIX_LEN, RANDOM_LEN, RoutingPayload};

use crate::convert;
use crate::ruby_box::RubyBox;

/// A decoded routable token (Ruby class `TokenCodec::Token`).
#[derive(PartialEq, Eq, TypedData)]
#[magnus(class = "TokenCodec::Token", free_immediately, size, frozen_shareable)]
pub struct Token(RubyBox<TokenParts>);

impl DataTypeFunctions for Token {
    /// What `ObjectSpace.memsize_of` reports: the handle and the parts.
    fn size(&self) -> usize {
        size_of::<Token>() + self.0.heap_size()
    }
}

/// What a [`Token`] keeps: its parts, with the prefix inline (at most
/// [`MAX_PREFIX_LEN`] bytes) so that one allocation holds them all.
#[derive(PartialEq, Eq)]
struct TokenParts {
    prefix_len: u8,
    prefix: [u8; MAX_PREFIX_LEN],
    format: Format,
    routing: RoutingPayload,
    random: [u8; RANDOM_LEN],
}

impl Token {
    /// Copies a decoded token out of the input it borrows from.
    pub fn from_decoded(decoded: &DecodedToken<'_>) -> Token {
        let source = decoded.prefix().as_bytes();
        let mut prefix = [0; MAX_PREFIX_LEN];
        prefix[..source.len()].copy_from_slice(source);
        Token(RubyBox::new(TokenParts {
            prefix_len: source.len() as u8,
            prefix,
            format: decoded.format(),
            routing: *decoded.routing(),
            random: *decoded.random_bytes(),
        }))
    }

    /// `#prefix`: e.g. `"glpat-"` (may be empty).
    fn prefix(ruby: &Ruby, rb_self: &Token) -> RString {
        let parts = &rb_self.0;
        // The prefix was a `&str` when it was copied.
        ruby.enc_str_new(
            &parts.prefix[..usize::from(parts.prefix_len)],
            ruby.utf8_encoding(),
        )
    }

    /// `#format`: `:v1` or `:v0`.
    fn format(ruby: &Ruby, rb_self: &Token) -> Symbol {
        convert::format_symbol(ruby, rb_self.0.format)
    }

    /// `#routing`: `{ "o" => "1", "u" => "1" }`, values exactly as in the token.
    fn routing(ruby: &Ruby, rb_self: &Token) -> Result<RHash, Error> {
        convert::routing_hash(ruby, &rb_self.0.routing)
    }

    /// `#routing_payload`: the payload text, e.g. `"c:0\no:1\nu:1"`.
    fn routing_payload(ruby: &Ruby, rb_self: &Token) -> RString {
        ruby.str_new(rb_self.0.routing.as_str())
    }

    /// `#random_bytes`: the 16 secret bytes, as a binary String.
    fn random_bytes(ruby: &Ruby, rb_self: &Token) -> RString {
        ruby.str_from_slice(&rb_self.0.random)
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
