//! `tc_result`: the outcome of every call, its stable numbers and its texts.

use std::ffi::{CStr, c_char};

use token_core::{ConfigError, DecodeError, EncodeError, RoutingError};

use crate::boundary::guard_static;

/// The outcome of a call. `TC_RESULT_OK` (0) is success; every other value
/// names one failure. Numbers are stable and never reused; they are grouped:
/// 1-99 argument errors, 100 buffer too small, 200-299 decoding (one per
/// reason a token is rejected), 300-399 routing payload, 400-499 encoding,
/// 500-599 prefix configuration, 600-699 "no answer", 700-799 leak scanning
/// and redaction, 900 panic. The range 800-899 is free for a future group.
///
/// It is a `uint32_t` rather than a C `enum` so that any value a caller passes
/// back (to `tc_result_message`, say) is well defined.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_result(pub u32);

/// Success.
pub const TC_RESULT_OK: tc_result = tc_result(0);
/// A pointer argument that must not be NULL is NULL (or an input pointer is
/// NULL with a non-zero length).
pub const TC_RESULT_NULL_ARGUMENT: tc_result = tc_result(1);
/// A text argument (prefix, routing key or value, configured prefix) is not UTF-8.
pub const TC_RESULT_INVALID_UTF8: tc_result = tc_result(2);
/// A length argument is out of range (e.g. random bytes other than `TC_RANDOM_LEN`).
pub const TC_RESULT_INVALID_LENGTH: tc_result = tc_result(3);
/// An enumeration argument (format, value kind, token type, ...) has an unknown value.
pub const TC_RESULT_UNKNOWN_ENUM_VALUE: tc_result = tc_result(4);
/// A pointer argument is not aligned for its type.
pub const TC_RESULT_MISALIGNED_POINTER: tc_result = tc_result(5);
/// The output buffer is too small; `*out_len` holds the length of the text
/// (the buffer needs one more byte for the terminating NUL).
pub const TC_RESULT_BUFFER_TOO_SMALL: tc_result = tc_result(100);
/// Decoding: the token is empty.
pub const TC_RESULT_DECODE_EMPTY: tc_result = tc_result(200);
/// Decoding: the input is longer than any token can be.
pub const TC_RESULT_DECODE_TOO_LONG: tc_result = tc_result(201);
/// Decoding: no routable tail (`.` len crc): not a routable token (it may be a legacy one).
pub const TC_RESULT_DECODE_NOT_ROUTABLE: tc_result = tc_result(202);
/// Decoding: the checksum field is not 7 lowercase base36 characters of a 32-bit value.
pub const TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD: tc_result = tc_result(203);
/// Decoding: the CRC-32 of the token does not match its checksum field.
pub const TC_RESULT_DECODE_CHECKSUM_MISMATCH: tc_result = tc_result(204);
/// Decoding: the version field is not `01`.
pub const TC_RESULT_DECODE_UNSUPPORTED_VERSION: tc_result = tc_result(205);
/// Decoding: the length field is not 2 lowercase base36 characters.
pub const TC_RESULT_DECODE_INVALID_LENGTH_FIELD: tc_result = tc_result(206);
/// Decoding: the length field points past the start of the token.
pub const TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE: tc_result = tc_result(207);
/// Decoding: the length field gives a size no base64 payload can have.
pub const TC_RESULT_DECODE_LENGTH_FIELD_MISMATCH: tc_result = tc_result(208);
/// Decoding: the prefix contains a newline or is not UTF-8.
pub const TC_RESULT_DECODE_INVALID_PREFIX: tc_result = tc_result(209);
/// Decoding: the prefix is longer than `TC_MAX_PREFIX_LEN` bytes.
pub const TC_RESULT_DECODE_PREFIX_TOO_LONG: tc_result = tc_result(210);
/// Decoding: the payload is not canonical unpadded base64url.
pub const TC_RESULT_DECODE_INVALID_BASE64: tc_result = tc_result(211);
/// Decoding: the payload is too short to hold 16 random bytes and a length byte.
pub const TC_RESULT_DECODE_PAYLOAD_TOO_SHORT: tc_result = tc_result(212);
/// Decoding: the payload's length byte does not match.
pub const TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH: tc_result = tc_result(213);
/// Decoding: the routing payload is empty.
pub const TC_RESULT_DECODE_EMPTY_ROUTING: tc_result = tc_result(214);
/// Decoding: the routing payload is longer than `TC_MAX_ROUTING_LEN` bytes.
pub const TC_RESULT_DECODE_ROUTING_TOO_LARGE: tc_result = tc_result(215);
/// Decoding: a routing line is not `k:v`.
pub const TC_RESULT_DECODE_MALFORMED_ROUTING: tc_result = tc_result(216);
/// Decoding: a routing key is not one of `c g o p t u`.
pub const TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY: tc_result = tc_result(217);
/// Decoding: a routing key appears twice.
pub const TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY: tc_result = tc_result(218);
/// Decoding: routing keys are not in ascending order.
pub const TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS: tc_result = tc_result(219);
/// Decoding: a reason added to token-core after this library was built.
pub const TC_RESULT_DECODE_OTHER: tc_result = tc_result(299);
/// Routing: keys outside `c g o p u t` (GitLab's `InvalidRoutingKeys`).
pub const TC_RESULT_ROUTING_INVALID_KEYS: tc_result = tc_result(300);
/// Routing: a required key is missing (GitLab's `MissingRequiredRoutingKeys`).
pub const TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS: tc_result = tc_result(301);
/// Routing: the rendered payload is longer than 159 bytes (GitLab's `PayloadTooLarge`).
pub const TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE: tc_result = tc_result(302);
/// Routing: a text value contains a newline or a colon.
pub const TC_RESULT_ROUTING_INVALID_VALUE: tc_result = tc_result(303);
/// Encoding: the prefix contains a newline.
pub const TC_RESULT_ENCODE_INVALID_PREFIX: tc_result = tc_result(400);
/// Encoding: the prefix is longer than `TC_MAX_PREFIX_LEN` bytes.
pub const TC_RESULT_ENCODE_PREFIX_TOO_LONG: tc_result = tc_result(401);
/// Encoding: the operating system's random source failed.
pub const TC_RESULT_ENCODE_RANDOM_UNAVAILABLE: tc_result = tc_result(402);
/// Encoding: a reason added to token-core after this library was built.
pub const TC_RESULT_ENCODE_OTHER: tc_result = tc_result(499);
/// Configuration: the instance prefix is not at most 20 ASCII letters and digits.
pub const TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX: tc_result = tc_result(500);
/// Configuration: the custom PAT prefix is not at most 20 characters of `[a-zA-Z0-9_+=/@:.-]`.
pub const TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX: tc_result = tc_result(501);
/// Identification: the token matches no known token type.
pub const TC_RESULT_UNIDENTIFIED: tc_result = tc_result(600);
/// Redaction: the caller's `tc_write_callback` returned non-zero. The stream
/// is abandoned: the redactor dropped what it held and starts a new stream.
pub const TC_RESULT_SCAN_WRITE_FAILED: tc_result = tc_result(700);
/// Redaction: the `tc_redactor` is already inside a call (a write callback
/// called back into the redactor it is writing for); nothing was done.
pub const TC_RESULT_SCAN_REDACTOR_BUSY: tc_result = tc_result(701);
/// A panic was caught inside the library (a bug): nothing was written.
pub const TC_RESULT_PANIC: tc_result = tc_result(900);

/// One row of the result table: code, constant name, message.
struct Row(tc_result, &'static CStr, &'static CStr);

const fn decode_row(code: tc_result, name: &'static CStr, error: DecodeError) -> Row {
    Row(code, name, decode_message(error))
}

/// token-core's message for a decoding error, NUL-terminated.
const fn decode_message(error: DecodeError) -> &'static CStr {
    match error {
        DecodeError::Empty => static_cstr!(DecodeError::Empty.message()),
        DecodeError::TooLong => static_cstr!(DecodeError::TooLong.message()),
        DecodeError::NotRoutable => static_cstr!(DecodeError::NotRoutable.message()),
        DecodeError::InvalidChecksumField => {
            static_cstr!(DecodeError::InvalidChecksumField.message())
        }
        DecodeError::ChecksumMismatch => static_cstr!(DecodeError::ChecksumMismatch.message()),
        DecodeError::UnsupportedVersion => static_cstr!(DecodeError::UnsupportedVersion.message()),
        DecodeError::InvalidLengthField => static_cstr!(DecodeError::InvalidLengthField.message()),
        DecodeError::LengthFieldOutOfRange => {
            static_cstr!(DecodeError::LengthFieldOutOfRange.message())
        }
        DecodeError::LengthFieldMismatch => {
            static_cstr!(DecodeError::LengthFieldMismatch.message())
        }
        DecodeError::InvalidPrefix => static_cstr!(DecodeError::InvalidPrefix.message()),
        DecodeError::PrefixTooLong => static_cstr!(DecodeError::PrefixTooLong.message()),
        DecodeError::InvalidBase64 => static_cstr!(DecodeError::InvalidBase64.message()),
        DecodeError::PayloadTooShort => static_cstr!(DecodeError::PayloadTooShort.message()),
        DecodeError::LengthByteMismatch => static_cstr!(DecodeError::LengthByteMismatch.message()),
        DecodeError::EmptyRouting => static_cstr!(DecodeError::EmptyRouting.message()),
        DecodeError::RoutingTooLarge => static_cstr!(DecodeError::RoutingTooLarge.message()),
        DecodeError::MalformedRouting => static_cstr!(DecodeError::MalformedRouting.message()),
        DecodeError::UnknownRoutingKey => static_cstr!(DecodeError::UnknownRoutingKey.message()),
        DecodeError::DuplicateRoutingKey => {
            static_cstr!(DecodeError::DuplicateRoutingKey.message())
        }
        DecodeError::UnsortedRoutingKeys => {
            static_cstr!(DecodeError::UnsortedRoutingKeys.message())
        }
        _ => c"token rejected for a reason this library does not know",
    }
}

/// Every code with its constant name and message. A unit test checks that the
/// names match the constants and that core errors keep the same texts.
const RESULTS: &[Row] = &[
    Row(TC_RESULT_OK, c"TC_RESULT_OK", c"success"),
    Row(
        TC_RESULT_NULL_ARGUMENT,
        c"TC_RESULT_NULL_ARGUMENT",
        c"a required pointer argument is NULL",
    ),
    Row(
        TC_RESULT_INVALID_UTF8,
        c"TC_RESULT_INVALID_UTF8",
        c"a text argument is not valid UTF-8",
    ),
    Row(
        TC_RESULT_INVALID_LENGTH,
        c"TC_RESULT_INVALID_LENGTH",
        c"a length argument is out of range",
    ),
    Row(
        TC_RESULT_UNKNOWN_ENUM_VALUE,
        c"TC_RESULT_UNKNOWN_ENUM_VALUE",
        c"an enumeration argument has an unknown value",
    ),
    Row(
        TC_RESULT_MISALIGNED_POINTER,
        c"TC_RESULT_MISALIGNED_POINTER",
        c"a pointer argument is not aligned for its type",
    ),
    Row(
        TC_RESULT_BUFFER_TOO_SMALL,
        c"TC_RESULT_BUFFER_TOO_SMALL",
        c"the output buffer is too small",
    ),
    decode_row(
        TC_RESULT_DECODE_EMPTY,
        c"TC_RESULT_DECODE_EMPTY",
        DecodeError::Empty,
    ),
    decode_row(
        TC_RESULT_DECODE_TOO_LONG,
        c"TC_RESULT_DECODE_TOO_LONG",
        DecodeError::TooLong,
    ),
    decode_row(
        TC_RESULT_DECODE_NOT_ROUTABLE,
        c"TC_RESULT_DECODE_NOT_ROUTABLE",
        DecodeError::NotRoutable,
    ),
    decode_row(
        TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD,
        c"TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD",
        DecodeError::InvalidChecksumField,
    ),
    decode_row(
        TC_RESULT_DECODE_CHECKSUM_MISMATCH,
        c"TC_RESULT_DECODE_CHECKSUM_MISMATCH",
        DecodeError::ChecksumMismatch,
    ),
    decode_row(
        TC_RESULT_DECODE_UNSUPPORTED_VERSION,
        c"TC_RESULT_DECODE_UNSUPPORTED_VERSION",
        DecodeError::UnsupportedVersion,
    ),
    decode_row(
        TC_RESULT_DECODE_INVALID_LENGTH_FIELD,
        c"TC_RESULT_DECODE_INVALID_LENGTH_FIELD",
        DecodeError::InvalidLengthField,
    ),
    decode_row(
        TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE,
        c"TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE",
        DecodeError::LengthFieldOutOfRange,
    ),
    decode_row(
        TC_RESULT_DECODE_LENGTH_FIELD_MISMATCH,
        c"TC_RESULT_DECODE_LENGTH_FIELD_MISMATCH",
        DecodeError::LengthFieldMismatch,
    ),
    decode_row(
        TC_RESULT_DECODE_INVALID_PREFIX,
        c"TC_RESULT_DECODE_INVALID_PREFIX",
        DecodeError::InvalidPrefix,
    ),
    decode_row(
        TC_RESULT_DECODE_PREFIX_TOO_LONG,
        c"TC_RESULT_DECODE_PREFIX_TOO_LONG",
        DecodeError::PrefixTooLong,
    ),
    decode_row(
        TC_RESULT_DECODE_INVALID_BASE64,
        c"TC_RESULT_DECODE_INVALID_BASE64",
        DecodeError::InvalidBase64,
    ),
    decode_row(
        TC_RESULT_DECODE_PAYLOAD_TOO_SHORT,
        c"TC_RESULT_DECODE_PAYLOAD_TOO_SHORT",
        DecodeError::PayloadTooShort,
    ),
    decode_row(
        TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH,
        c"TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH",
        DecodeError::LengthByteMismatch,
    ),
    decode_row(
        TC_RESULT_DECODE_EMPTY_ROUTING,
        c"TC_RESULT_DECODE_EMPTY_ROUTING",
        DecodeError::EmptyRouting,
    ),
    decode_row(
        TC_RESULT_DECODE_ROUTING_TOO_LARGE,
        c"TC_RESULT_DECODE_ROUTING_TOO_LARGE",
        DecodeError::RoutingTooLarge,
    ),
    decode_row(
        TC_RESULT_DECODE_MALFORMED_ROUTING,
        c"TC_RESULT_DECODE_MALFORMED_ROUTING",
        DecodeError::MalformedRouting,
    ),
    decode_row(
        TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY,
        c"TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY",
        DecodeError::UnknownRoutingKey,
    ),
    decode_row(
        TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY,
        c"TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY",
        DecodeError::DuplicateRoutingKey,
    ),
    decode_row(
        TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS,
        c"TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS",
        DecodeError::UnsortedRoutingKeys,
    ),
    Row(
        TC_RESULT_DECODE_OTHER,
        c"TC_RESULT_DECODE_OTHER",
        c"token rejected for a reason this library does not know",
    ),
    Row(
        TC_RESULT_ROUTING_INVALID_KEYS,
        c"TC_RESULT_ROUTING_INVALID_KEYS",
        c"invalid routing keys (tc_routing_error_message gives GitLab's message)",
    ),
    Row(
        TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS,
        c"TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS",
        c"missing required routing keys (tc_routing_error_message gives GitLab's message)",
    ),
    Row(
        TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE,
        c"TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE",
        c"routing payload is too big (tc_routing_error_message gives GitLab's message)",
    ),
    Row(
        TC_RESULT_ROUTING_INVALID_VALUE,
        c"TC_RESULT_ROUTING_INVALID_VALUE",
        c"invalid routing value (tc_routing_error_message gives the message)",
    ),
    Row(
        TC_RESULT_ENCODE_INVALID_PREFIX,
        c"TC_RESULT_ENCODE_INVALID_PREFIX",
        static_cstr!(EncodeError::InvalidPrefix.message()),
    ),
    Row(
        TC_RESULT_ENCODE_PREFIX_TOO_LONG,
        c"TC_RESULT_ENCODE_PREFIX_TOO_LONG",
        static_cstr!(EncodeError::PrefixTooLong.message()),
    ),
    Row(
        TC_RESULT_ENCODE_RANDOM_UNAVAILABLE,
        c"TC_RESULT_ENCODE_RANDOM_UNAVAILABLE",
        static_cstr!(EncodeError::RandomUnavailable.message()),
    ),
    Row(
        TC_RESULT_ENCODE_OTHER,
        c"TC_RESULT_ENCODE_OTHER",
        c"token not encoded for a reason this library does not know",
    ),
    Row(
        TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX,
        c"TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX",
        static_cstr!(ConfigError::InvalidInstancePrefix.message()),
    ),
    Row(
        TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX,
        c"TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX",
        static_cstr!(ConfigError::InvalidCustomPatPrefix.message()),
    ),
    Row(
        TC_RESULT_UNIDENTIFIED,
        c"TC_RESULT_UNIDENTIFIED",
        c"the token matches no known token type",
    ),
    Row(
        TC_RESULT_SCAN_WRITE_FAILED,
        c"TC_RESULT_SCAN_WRITE_FAILED",
        c"the write callback failed; the stream was abandoned",
    ),
    Row(
        TC_RESULT_SCAN_REDACTOR_BUSY,
        c"TC_RESULT_SCAN_REDACTOR_BUSY",
        c"the redactor is already in a call (a write callback called back into it)",
    ),
    Row(
        TC_RESULT_PANIC,
        c"TC_RESULT_PANIC",
        c"internal error: a panic was caught (please report it)",
    ),
];

fn row(code: tc_result) -> Option<&'static Row> {
    RESULTS.iter().find(|row| row.0 == code)
}

/// The code of a token-core decoding error.
pub(crate) fn from_decode_error(error: DecodeError) -> tc_result {
    match error {
        DecodeError::Empty => TC_RESULT_DECODE_EMPTY,
        DecodeError::TooLong => TC_RESULT_DECODE_TOO_LONG,
        DecodeError::NotRoutable => TC_RESULT_DECODE_NOT_ROUTABLE,
        DecodeError::InvalidChecksumField => TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD,
        DecodeError::ChecksumMismatch => TC_RESULT_DECODE_CHECKSUM_MISMATCH,
        DecodeError::UnsupportedVersion => TC_RESULT_DECODE_UNSUPPORTED_VERSION,
        DecodeError::InvalidLengthField => TC_RESULT_DECODE_INVALID_LENGTH_FIELD,
        DecodeError::LengthFieldOutOfRange => TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE,
        DecodeError::LengthFieldMismatch => TC_RESULT_DECODE_LENGTH_FIELD_MISMATCH,
        DecodeError::InvalidPrefix => TC_RESULT_DECODE_INVALID_PREFIX,
        DecodeError::PrefixTooLong => TC_RESULT_DECODE_PREFIX_TOO_LONG,
        DecodeError::InvalidBase64 => TC_RESULT_DECODE_INVALID_BASE64,
        DecodeError::PayloadTooShort => TC_RESULT_DECODE_PAYLOAD_TOO_SHORT,
        DecodeError::LengthByteMismatch => TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH,
        DecodeError::EmptyRouting => TC_RESULT_DECODE_EMPTY_ROUTING,
        DecodeError::RoutingTooLarge => TC_RESULT_DECODE_ROUTING_TOO_LARGE,
        DecodeError::MalformedRouting => TC_RESULT_DECODE_MALFORMED_ROUTING,
        DecodeError::UnknownRoutingKey => TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY,
        DecodeError::DuplicateRoutingKey => TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY,
        DecodeError::UnsortedRoutingKeys => TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS,
        _ => TC_RESULT_DECODE_OTHER,
    }
}

/// The code of a token-core routing payload error.
pub(crate) fn from_routing_error(error: &RoutingError) -> tc_result {
    match error {
        RoutingError::InvalidRoutingKeys { .. } => TC_RESULT_ROUTING_INVALID_KEYS,
        RoutingError::MissingRequiredRoutingKeys { .. } => TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS,
        RoutingError::PayloadTooLarge { .. } => TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE,
        RoutingError::InvalidRoutingValue { .. } => TC_RESULT_ROUTING_INVALID_VALUE,
    }
}

/// The code of a token-core encoding error.
pub(crate) fn from_encode_error(error: EncodeError) -> tc_result {
    match error {
        EncodeError::InvalidPrefix => TC_RESULT_ENCODE_INVALID_PREFIX,
        EncodeError::PrefixTooLong => TC_RESULT_ENCODE_PREFIX_TOO_LONG,
        EncodeError::RandomUnavailable => TC_RESULT_ENCODE_RANDOM_UNAVAILABLE,
        _ => TC_RESULT_ENCODE_OTHER,
    }
}

/// The code of a token-core prefix configuration error.
pub(crate) fn from_config_error(error: ConfigError) -> tc_result {
    match error {
        ConfigError::InvalidInstancePrefix => TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX,
        ConfigError::InvalidCustomPatPrefix => TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX,
    }
}

/// A static, NUL-terminated English sentence describing `result`, for logs.
/// Never NULL; an unknown code gives "unknown result code". The string must
/// not be freed. For routing errors, `tc_routing_error_message` renders
/// GitLab's exact message for the caller's entries.
#[unsafe(no_mangle)]
pub extern "C" fn tc_result_message(result: tc_result) -> *const c_char {
    guard_static(|| row(result).map_or(c"unknown result code", |row| row.2))
}

/// The name of `result`'s constant (e.g. `"TC_RESULT_DECODE_CHECKSUM_MISMATCH"`),
/// static and NUL-terminated. Never NULL; an unknown code gives `"unknown"`.
/// The string must not be freed.
#[unsafe(no_mangle)]
pub extern "C" fn tc_result_name(result: tc_result) -> *const c_char {
    guard_static(|| row(result).map_or(c"unknown", |row| row.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(code: tc_result) -> &'static str {
        // SAFETY: tc_result_message returns a static NUL-terminated string.
        unsafe { CStr::from_ptr(tc_result_message(code)) }
            .to_str()
            .unwrap()
    }

    fn name(code: tc_result) -> &'static str {
        // SAFETY: tc_result_name returns a static NUL-terminated string.
        unsafe { CStr::from_ptr(tc_result_name(code)) }
            .to_str()
            .unwrap()
    }

    #[test]
    fn every_decode_error_has_its_own_code_and_core_message() {
        let mut seen = Vec::new();
        for error in DecodeError::ALL {
            let code = from_decode_error(error);
            assert_ne!(code, TC_RESULT_DECODE_OTHER, "{error:?} needs a code");
            assert!((200..299).contains(&code.0));
            assert!(!seen.contains(&code), "{error:?} shares a code");
            seen.push(code);
            assert_eq!(message(code), error.message());
            assert_eq!(
                name(code),
                format!("TC_RESULT_DECODE_{}", error.code().to_uppercase())
            );
        }
    }

    #[test]
    fn encode_and_config_messages_match_core() {
        for error in [
            EncodeError::InvalidPrefix,
            EncodeError::PrefixTooLong,
            EncodeError::RandomUnavailable,
        ] {
            let code = from_encode_error(error);
            assert_eq!(message(code), error.to_string());
            assert_eq!(
                name(code),
                format!("TC_RESULT_ENCODE_{}", error.code().to_uppercase())
            );
        }
        for error in [
            ConfigError::InvalidInstancePrefix,
            ConfigError::InvalidCustomPatPrefix,
        ] {
            let code = from_config_error(error);
            assert_eq!(message(code), error.to_string());
            assert_eq!(
                name(code),
                format!("TC_RESULT_CONFIG_{}", error.code().to_uppercase())
            );
        }
    }

    #[test]
    fn codes_are_unique_and_unknown_codes_have_text() {
        let mut codes: Vec<u32> = RESULTS.iter().map(|row| row.0.0).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RESULTS.len());
        assert_eq!(message(tc_result(7777)), "unknown result code");
        assert_eq!(name(tc_result(u32::MAX)), "unknown");
        assert_eq!(name(TC_RESULT_PANIC), "TC_RESULT_PANIC");
    }
}
