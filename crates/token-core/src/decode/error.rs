//! Why a token was rejected.

use std::error::Error;
use std::fmt;

/// Why strict decoding or verification rejected a token.
///
/// Each variant is one specific defect, so callers can log why a token failed
/// without logging the token. `Display` never includes any byte of the token.
/// [`DecodeError::code`] is a stable snake_case name for logs and bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeError {
    /// The input is empty.
    Empty,
    /// The input is longer than any token can be ([`crate::MAX_TOKEN_LEN`]).
    TooLong,
    /// No routable tail (`.` len crc) at the end: not a routable token (it may be a legacy one).
    NotRoutable,
    /// The checksum field is not 7 lowercase base36 characters of a 32-bit value.
    InvalidChecksumField,
    /// The CRC-32 of the token does not match its checksum field.
    ChecksumMismatch,
    /// The version field is not `01`.
    UnsupportedVersion,
    /// The length field is not 2 lowercase base36 characters.
    InvalidLengthField,
    /// The length field points past the start of the token.
    LengthFieldOutOfRange,
    /// The length field gives a size no base64 payload can have (length mod 4 == 1).
    LengthFieldMismatch,
    /// The prefix contains a newline or is not UTF-8.
    InvalidPrefix,
    /// The prefix is longer than [`crate::MAX_PREFIX_LEN`] bytes.
    PrefixTooLong,
    /// The payload is not canonical unpadded base64url.
    InvalidBase64,
    /// The payload is too short to hold 16 random bytes and a length byte.
    PayloadTooShort,
    /// The payload's length byte does not match (v1: routing length; v0: random-bytes count).
    LengthByteMismatch,
    /// The routing payload is empty.
    EmptyRouting,
    /// The routing payload is longer than 159 bytes.
    RoutingTooLarge,
    /// A routing line is not `k:v` (or a value is empty, has a `:`, or is not UTF-8).
    MalformedRouting,
    /// A routing key is not one of `c g o p t u`.
    UnknownRoutingKey,
    /// A routing key appears twice.
    DuplicateRoutingKey,
    /// Routing keys are not in ascending order.
    UnsortedRoutingKeys,
}

impl DecodeError {
    /// Every variant, for bindings that map them to codes.
    pub const ALL: [DecodeError; 20] = [
        DecodeError::Empty,
        DecodeError::TooLong,
        DecodeError::NotRoutable,
        DecodeError::InvalidChecksumField,
        DecodeError::ChecksumMismatch,
        DecodeError::UnsupportedVersion,
        DecodeError::InvalidLengthField,
        DecodeError::LengthFieldOutOfRange,
        DecodeError::LengthFieldMismatch,
        DecodeError::InvalidPrefix,
        DecodeError::PrefixTooLong,
        DecodeError::InvalidBase64,
        DecodeError::PayloadTooShort,
        DecodeError::LengthByteMismatch,
        DecodeError::EmptyRouting,
        DecodeError::RoutingTooLarge,
        DecodeError::MalformedRouting,
        DecodeError::UnknownRoutingKey,
        DecodeError::DuplicateRoutingKey,
        DecodeError::UnsortedRoutingKeys,
    ];

    /// A stable snake_case name for this reason (`"checksum_mismatch"`).
    pub const fn code(self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::TooLong => "too_long",
            DecodeError::NotRoutable => "not_routable",
            DecodeError::InvalidChecksumField => "invalid_checksum_field",
            DecodeError::ChecksumMismatch => "checksum_mismatch",
            DecodeError::UnsupportedVersion => "unsupported_version",
            DecodeError::InvalidLengthField => "invalid_length_field",
            DecodeError::LengthFieldOutOfRange => "length_field_out_of_range",
            DecodeError::LengthFieldMismatch => "length_field_mismatch",
            DecodeError::InvalidPrefix => "invalid_prefix",
            DecodeError::PrefixTooLong => "prefix_too_long",
            DecodeError::InvalidBase64 => "invalid_base64",
            DecodeError::PayloadTooShort => "payload_too_short",
            DecodeError::LengthByteMismatch => "length_byte_mismatch",
            DecodeError::EmptyRouting => "empty_routing",
            DecodeError::RoutingTooLarge => "routing_too_large",
            DecodeError::MalformedRouting => "malformed_routing",
            DecodeError::UnknownRoutingKey => "unknown_routing_key",
            DecodeError::DuplicateRoutingKey => "duplicate_routing_key",
            DecodeError::UnsortedRoutingKeys => "unsorted_routing_keys",
        }
    }

    /// A human sentence for this reason.
    pub const fn message(self) -> &'static str {
        match self {
            DecodeError::Empty => "token is empty",
            DecodeError::TooLong => "token is longer than any routable token",
            DecodeError::NotRoutable => "token has no routable tail (not a routable token)",
            DecodeError::InvalidChecksumField => {
                "checksum field is not 7 lowercase base36 characters of a 32-bit value"
            }
            DecodeError::ChecksumMismatch => "checksum does not match",
            DecodeError::UnsupportedVersion => "unsupported token version",
            DecodeError::InvalidLengthField => "length field is not 2 lowercase base36 characters",
            DecodeError::LengthFieldOutOfRange => "length field is larger than the token",
            DecodeError::LengthFieldMismatch => {
                "length field does not match any base64 payload size"
            }
            DecodeError::InvalidPrefix => "prefix contains a newline or is not UTF-8",
            DecodeError::PrefixTooLong => "prefix is too long",
            DecodeError::InvalidBase64 => "payload is not canonical unpadded base64url",
            DecodeError::PayloadTooShort => "payload is too short",
            DecodeError::LengthByteMismatch => "payload length byte does not match",
            DecodeError::EmptyRouting => "routing payload is empty",
            DecodeError::RoutingTooLarge => "routing payload is larger than 159 bytes",
            DecodeError::MalformedRouting => "routing payload lines are not k:v",
            DecodeError::UnknownRoutingKey => "routing payload has an unknown key",
            DecodeError::DuplicateRoutingKey => "routing payload repeats a key",
            DecodeError::UnsortedRoutingKeys => "routing payload keys are not in order",
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl Error for DecodeError {}
