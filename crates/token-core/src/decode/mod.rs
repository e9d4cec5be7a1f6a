//! Strict decoding of routable tokens, parsed from the right.

mod error;
mod lax;
mod layout;

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

pub use error::DecodeError;
pub use lax::{LaxToken, decode_lax};
pub(crate) use layout::tail_layout;
pub use layout::{TokenLayout, verify};

use crate::limits::{MAX_RAW_LEN, RANDOM_LEN};
use crate::{Format, RoutingPayload};

/// A routable token that passed strict decoding.
///
/// The prefix borrows from the input; the routing payload and random bytes are
/// stored inline, so decoding allocates nothing. `Debug` redacts the random bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DecodedToken<'a> {
    prefix: &'a str,
    format: Format,
    routing: RoutingPayload,
    random: [u8; RANDOM_LEN],
}

impl<'a> DecodedToken<'a> {
    /// The prefix, e.g. `glpat-` (may be empty).
    pub fn prefix(&self) -> &'a str {
        self.prefix
    }

    /// Which layout the token uses.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The routing payload, values exactly as in the token.
    pub fn routing(&self) -> &RoutingPayload {
        &self.routing
    }

    /// The 16 random bytes: the secret part of the token. Handle with care.
    pub fn random_bytes(&self) -> &[u8; RANDOM_LEN] {
        &self.random
    }
}

impl fmt::Debug for DecodedToken<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodedToken")
            .field("prefix", &self.prefix)
            .field("format", &self.format)
            .field("routing", &self.routing)
            .field("random_bytes", &"[REDACTED]")
            .finish()
    }
}

/// Decodes a routable token of either format, strictly: the checksum, version,
/// length field, canonical base64url, the length byte and the routing grammar
/// must all hold. The format is detected from the tail.
///
/// # Errors
/// The [`DecodeError`] naming the first defect found.
///
/// ```
/// let token = token_core::decode("glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o")?;
/// assert_eq!(token.prefix(), "glpat-");
/// assert_eq!(token.format(), token_core::Format::V0);
/// assert_eq!(token.routing().as_str(), "c:0\no:1\nu:1");
/// # Ok::<(), token_core::DecodeError>(())
/// ```
pub fn decode<T: AsRef<[u8]> + ?Sized>(token: &T) -> Result<DecodedToken<'_>, DecodeError> {
    let token = token.as_ref();
    let layout = layout::layout(token)?;
    let mut raw_buffer = [0u8; MAX_RAW_LEN];
    let raw_len = URL_SAFE_NO_PAD
        .decode_slice(&token[layout.payload_range()], &mut raw_buffer)
        .map_err(|_| DecodeError::InvalidBase64)?;
    let raw = &raw_buffer[..raw_len];
    let (routing, random, length_byte_ok) = match layout.format {
        Format::V1 => {
            let routing = &raw[RANDOM_LEN..raw_len - 1];
            let random = &raw[..RANDOM_LEN];
            (
                routing,
                random,
                usize::from(raw[raw_len - 1]) == routing.len() % 256,
            )
        }
        Format::V0 => {
            let split = raw_len - RANDOM_LEN - 1;
            let random = &raw[split..raw_len - 1];
            (
                &raw[..split],
                random,
                usize::from(raw[raw_len - 1]) == RANDOM_LEN,
            )
        }
    };
    if !length_byte_ok {
        return Err(DecodeError::LengthByteMismatch);
    }
    let routing = RoutingPayload::parse(routing)?;
    let mut random_bytes = [0u8; RANDOM_LEN];
    random_bytes.copy_from_slice(random);
    // `layout` checked the prefix is UTF-8.
    let prefix = std::str::from_utf8(&token[..layout.prefix_len]).unwrap_or_default();
    Ok(DecodedToken {
        prefix,
        format: layout.format,
        routing,
        random: random_bytes,
    })
}
