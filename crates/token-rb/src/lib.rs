//! Ruby extension of the `token_codec` gem: GitLab's API tokens for the Rails
//! monolith, backed by [`token_core`].
//!
//! The extension only converts arguments and reports errors; every codec rule
//! lives in `token_core`. It defines `TokenCodec::Native` (module functions
//! the Ruby facade in `ruby/lib/token_codec.rb` calls), `TokenCodec::Token`
//! (a decoded routable token) and `TokenCodec::Finding` (a token found by a
//! leak scan). The exception classes are defined in Ruby; the extension looks
//! them up by name when it raises one (see [`errors`]).
//!
//! Every function but the leak scan does a bounded amount of work (a token is
//! at most a few hundred bytes), far less than the cost of releasing and
//! re-acquiring the GVL, so they keep it. Scanning a text of any size
//! releases the GVL above [`scan::WITHOUT_GVL_ABOVE`] bytes (see
//! [`without_gvl`]).

use magnus::{Error, Ruby, prelude::*};

pub mod auth_finders;
pub mod codec;
pub mod convert;
pub mod errors;
pub mod finding;
pub mod generator;
pub mod identify;
pub mod legacy;
pub mod prefix_config;
pub mod random;
pub mod ruby_box;
pub mod scan;
pub mod token;
pub mod without_gvl;

/// Defines `TokenCodec::Native` and `TokenCodec::Token` in `ruby`.
///
/// # Errors
/// A Ruby exception if a class or method cannot be defined.
pub fn define(ruby: &Ruby) -> Result<(), Error> {
    // The fork handler of the token generators' random source, installed
    // while the extension loads (before any worker forks).
    token_rng::install();
    let codec = ruby.define_module("TokenCodec")?;
    let native = codec.define_module("Native")?;
    codec::define(ruby, native)?;
    generator::define(ruby, native)?;
    token::define(ruby, codec)?;
    prefix_config::define(ruby, codec, native)?;
    identify::define(native)?;
    legacy::define(native)?;
    auth_finders::define(native)?;
    finding::define(ruby, codec)?;
    scan::define(ruby, native)?;
    Ok(())
}

/// The function Ruby calls when it loads `token_codec/token_codec_ext.so`
/// (`Init_token_codec_ext`).
mod entry {
    use magnus::{Error, Ruby};

    #[magnus::init(name = "token_codec_ext")]
    fn init(ruby: &Ruby) -> Result<(), Error> {
        super::define(ruby)
    }
}
