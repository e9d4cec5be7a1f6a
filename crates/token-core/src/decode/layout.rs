//! The cheap check: structure, checksum and length fields, parsed from the right.

use crate::limits::{
    MAX_DECODE_INPUT_LEN, MAX_PREFIX_LEN, MAX_RAW_LEN, RANDOM_LEN, V0_TAIL_LEN, V1_TAIL_LEN,
    raw_len_of_b64,
};
use crate::{DecodeError, Format, base36};

/// Where the parts of a verified routable token lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLayout {
    /// The token's layout.
    pub format: Format,
    /// Length of the prefix in bytes: the payload starts here.
    pub prefix_len: usize,
    /// Length of the base64 payload in characters (the length field).
    pub payload_len: usize,
}

impl TokenLayout {
    /// Byte range of the base64 payload within the token.
    pub fn payload_range(&self) -> std::ops::Range<usize> {
        self.prefix_len..self.prefix_len + self.payload_len
    }
}

/// Checks a routable token's tail without decoding its payload: the separators,
/// the checksum (CRC-32 of every byte before it), the version and length
/// fields, and the prefix. The hot-path check: it allocates nothing.
///
/// A token that passes may still fail [`crate::decode`] on its payload content.
///
/// # Errors
/// The first [`DecodeError`] found, from the right: structure, field encodings,
/// checksum, version, length field, payload size, prefix.
pub fn verify(token: impl AsRef<[u8]>) -> Result<TokenLayout, DecodeError> {
    layout(token.as_ref())
}

pub(crate) fn layout(token: &[u8]) -> Result<TokenLayout, DecodeError> {
    let layout = tail_layout(token)?;
    let prefix = &token[..layout.prefix_len];
    if layout.prefix_len > MAX_PREFIX_LEN {
        return Err(DecodeError::PrefixTooLong);
    }
    if prefix.contains(&b'\n') || std::str::from_utf8(prefix).is_err() {
        return Err(DecodeError::InvalidPrefix);
    }
    Ok(layout)
}

/// Everything [`verify`] checks except the prefix itself, for callers that
/// matched the prefix against a table already.
pub(crate) fn tail_layout(token: &[u8]) -> Result<TokenLayout, DecodeError> {
    let n = token.len();
    if n == 0 {
        return Err(DecodeError::Empty);
    }
    if n > MAX_DECODE_INPUT_LEN {
        return Err(DecodeError::TooLong);
    }
    if n < V0_TAIL_LEN || token[n - V0_TAIL_LEN] != b'.' {
        return Err(DecodeError::NotRoutable);
    }
    let crc_field = &token[n - 7..];
    let expected = base36::parse_strict(crc_field)
        .filter(|&v| v <= u64::from(u32::MAX))
        .ok_or(DecodeError::InvalidChecksumField)?;
    let length_field = base36::parse_strict(&token[n - 9..n - 7]);
    let is_v1 = n >= V1_TAIL_LEN && token[n - V1_TAIL_LEN] == b'.';
    let (format, separator) = if is_v1 {
        (Format::V1, n - V1_TAIL_LEN)
    } else {
        (Format::V0, n - V0_TAIL_LEN)
    };
    if u64::from(crc32fast::hash(&token[..n - 7])) != expected {
        return Err(DecodeError::ChecksumMismatch);
    }
    if is_v1 && &token[n - 12..n - 10] != b"01" {
        return Err(DecodeError::UnsupportedVersion);
    }
    let payload_len = length_field.ok_or(DecodeError::InvalidLengthField)? as usize;
    if payload_len > separator {
        return Err(DecodeError::LengthFieldOutOfRange);
    }
    let raw_len = raw_len_of_b64(payload_len).ok_or(DecodeError::LengthFieldMismatch)?;
    let prefix_len = separator - payload_len;
    if raw_len <= RANDOM_LEN {
        return Err(DecodeError::PayloadTooShort);
    }
    if raw_len > MAX_RAW_LEN {
        return Err(DecodeError::RoutingTooLarge);
    }
    Ok(TokenLayout {
        format,
        prefix_len,
        payload_len,
    })
}
