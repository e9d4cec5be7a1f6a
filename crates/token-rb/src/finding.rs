//! `TokenCodec::Finding`: one token found by `TokenCodec.scan`.
//!
//! It owns token-core's finding and a copy of the token's bytes (the caller's
//! own text), in memory Ruby's GC counts (see [`RubyBox`]), and builds Ruby
//! objects only when a reader asks. `inspect`
//! (defined in `ruby/lib/token_codec/scan.rb`) shows the prefix and
//! `[REDACTED]`, never the token.

use magnus::encoding::{Index, RbEncoding};
use magnus::prelude::*;
use magnus::{DataTypeFunctions, Error, RHash, RModule, RString, Ruby, Symbol, TypedData, method};
use token_core::scan::Finding;
use token_core::{Checksum, TokenKind};

use crate::convert;
use crate::ruby_box::RubyBox;

/// A token found in scanned text (Ruby class `TokenCodec::Finding`).
#[derive(TypedData)]
#[magnus(
    class = "TokenCodec::Finding",
    free_immediately,
    size,
    frozen_shareable
)]
pub struct RbFinding(RubyBox<FoundToken>);

impl DataTypeFunctions for RbFinding {
    /// What `ObjectSpace.memsize_of` reports: the handle, the finding and the
    /// token's bytes.
    fn size(&self) -> usize {
        size_of::<RbFinding>() + self.0.heap_size() + self.0.token.capacity()
    }
}

/// What an [`RbFinding`] keeps.
struct FoundToken {
    finding: Finding,
    token: Vec<u8>,
    encoding: Index,
}

impl RbFinding {
    /// A finding whose token bytes are `token`, in the scanned String's
    /// `encoding`.
    pub fn new(finding: Finding, token: Vec<u8>, encoding: Index) -> RbFinding {
        RbFinding(RubyBox::new(FoundToken {
            finding,
            token,
            encoding,
        }))
    }

    /// `#type`: the token type's Symbol, or nil for a valid routable token
    /// whose prefix no configured or default prefix explains.
    fn token_type(ruby: &Ruby, rb_self: &Self) -> Option<Symbol> {
        rb_self
            .0
            .finding
            .token_type
            .map(|token_type| ruby.to_symbol(token_type.symbol()))
    }

    /// `#offset`: byte offset of the token's first byte in the scanned text.
    fn offset(&self) -> u64 {
        self.0.finding.offset
    }

    /// `#length`: the token's length in bytes.
    fn length(&self) -> usize {
        self.0.finding.len
    }

    /// `#prefix_length`: the length of the token's prefix in bytes.
    fn prefix_length(&self) -> usize {
        self.0.finding.prefix_len
    }

    /// `#token`: the token as it is in the scanned text (same bytes as
    /// `text.byteslice(offset, length)`, same encoding). A secret.
    fn token(ruby: &Ruby, rb_self: &Self) -> RString {
        ruby.enc_str_new(&rb_self.0.token, RbEncoding::from(rb_self.0.encoding))
    }

    /// `#kind`: `:routable` or `:legacy`.
    fn kind(ruby: &Ruby, rb_self: &Self) -> Symbol {
        match rb_self.0.finding.kind {
            TokenKind::Routable(_) => ruby.to_symbol("routable"),
            TokenKind::Legacy => ruby.to_symbol("legacy"),
        }
    }

    /// `#format`: `:v1` or `:v0` for a routable token (or look-alike), nil
    /// for a legacy token.
    fn format(ruby: &Ruby, rb_self: &Self) -> Option<Symbol> {
        match rb_self.0.finding.kind {
            TokenKind::Routable(format) => Some(convert::format_symbol(ruby, format)),
            TokenKind::Legacy => None,
        }
    }

    /// `#checksum`: `:valid` (a routable token that decodes), `:invalid` (a
    /// routable look-alike) or `:none` (a legacy token has no checksum).
    fn checksum(ruby: &Ruby, rb_self: &Self) -> Symbol {
        ruby.to_symbol(match rb_self.0.finding.checksum {
            Checksum::Valid => "valid",
            Checksum::Invalid => "invalid",
            Checksum::NotApplicable => "none",
        })
    }

    /// `#routing`: `{ "o" => "1", "u" => "1" }` for a valid routable token
    /// (values exactly as in the token), else nil.
    fn routing(ruby: &Ruby, rb_self: &Self) -> Result<Option<RHash>, Error> {
        rb_self
            .0
            .finding
            .routing
            .as_ref()
            .map(|routing| convert::routing_hash(ruby, routing))
            .transpose()
    }
}

/// Defines `TokenCodec::Finding` (not instantiable from Ruby: only
/// `TokenCodec.scan` makes one).
///
/// # Errors
/// A Ruby exception if the class or a method cannot be defined.
pub fn define(ruby: &Ruby, codec: RModule) -> Result<(), Error> {
    let class = codec.define_class("Finding", ruby.class_object())?;
    class.undef_default_alloc_func();
    class.define_method("type", method!(RbFinding::token_type, 0))?;
    class.define_method("offset", method!(RbFinding::offset, 0))?;
    class.define_method("length", method!(RbFinding::length, 0))?;
    class.define_method("prefix_length", method!(RbFinding::prefix_length, 0))?;
    class.define_method("token", method!(RbFinding::token, 0))?;
    class.define_method("kind", method!(RbFinding::kind, 0))?;
    class.define_method("format", method!(RbFinding::format, 0))?;
    class.define_method("checksum", method!(RbFinding::checksum, 0))?;
    class.define_method("routing", method!(RbFinding::routing, 0))?;
    Ok(())
}
