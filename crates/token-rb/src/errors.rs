//! Raising the gem's exception classes, which `ruby/lib/token_codec/errors.rb`
//! defines: the extension looks each class up by name when it raises it.
//!
//! No message built here contains any byte of a token: decode errors carry the
//! core's fixed sentences, routing errors GitLab's messages (key names and
//! sizes only).

use std::borrow::Cow;

use magnus::prelude::*;
use magnus::{Error, ExceptionClass, Ruby};
use token_core::{DecodeError, EncodeError, RoutingError};

/// Looks up `TokenCodec::<path>` (e.g. `DecodeError`,
/// `RoutableToken::PayloadTooLarge`) as an exception class.
fn codec_exception(ruby: &Ruby, path: &str) -> Result<ExceptionClass, Error> {
    ruby.class_object()
        .funcall("const_get", (format!("TokenCodec::{path}"),))
}

/// An instance of `TokenCodec::<path>` built as `new(reason, message)`, to raise.
pub fn with_reason(ruby: &Ruby, path: &str, reason: &str, message: &str) -> Error {
    let exception = codec_exception(ruby, path)
        .and_then(|class| class.new_instance((ruby.to_symbol(reason), ruby.str_new(message))));
    match exception {
        Ok(exception) => exception.into(),
        // The Ruby files were not loaded: still raise, with the same message.
        Err(_) => Error::new(ruby.exception_runtime_error(), message.to_owned()),
    }
}

/// `TokenCodec::DecodeError` whose `#reason` is the core's code.
pub fn decode_error(ruby: &Ruby, error: DecodeError) -> Error {
    with_reason(ruby, "DecodeError", error.code(), error.message())
}

/// `TokenCodec::EncodeError` whose `#reason` is the core's code.
pub fn encode_error(ruby: &Ruby, error: EncodeError) -> Error {
    with_reason(ruby, "EncodeError", error.code(), &error.to_string())
}

/// `TokenCodec::RoutableToken::<kind>` with GitLab's exact message
/// (`InvalidRoutingKeys`, `MissingRequiredRoutingKeys`, `PayloadTooLarge`,
/// `InvalidRoutingValue`).
pub fn routing_error(ruby: &Ruby, error: &RoutingError) -> Error {
    match codec_exception(ruby, &format!("RoutableToken::{}", error.kind())) {
        Ok(class) => Error::new(class, error.to_string()),
        // A kind without a Ruby class yet: an ArgumentError with the same message.
        Err(_) => Error::new(ruby.exception_arg_error(), error.to_string()),
    }
}

/// A Ruby `TypeError`.
pub fn type_error(ruby: &Ruby, message: impl Into<Cow<'static, str>>) -> Error {
    Error::new(ruby.exception_type_error(), message)
}

/// A Ruby `ArgumentError`.
pub fn argument_error(ruby: &Ruby, message: impl Into<Cow<'static, str>>) -> Error {
    Error::new(ruby.exception_arg_error(), message)
}
