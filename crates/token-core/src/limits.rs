//! Sizes of the token format, for callers that size buffers.

use crate::MAX_ROUTING_LEN;

/// Number of random bytes in every routable token (the secret part).
pub const RANDOM_LEN: usize = 16;

/// Longest prefix the codec encodes or strictly decodes, in bytes. GitLab's
/// longest is an instance prefix (20) + `-` + `glagent-`; 64 leaves room.
pub const MAX_PREFIX_LEN: usize = 64;

/// Largest value of the 2-character base36 length field (`zz`).
pub const MAX_LENGTH_FIELD: usize = 36 * 36 - 1;

/// Length of the v1 tail `.01.` len crc.
pub const V1_TAIL_LEN: usize = 13;

/// Length of the v0 tail `.` len crc.
pub const V0_TAIL_LEN: usize = 10;

/// Longest raw payload: 16 random bytes, 159 routing bytes, one length byte.
pub const MAX_RAW_LEN: usize = RANDOM_LEN + MAX_ROUTING_LEN + 1;

/// Longest base64 payload a valid token has (of [`MAX_RAW_LEN`] bytes): 235.
pub const MAX_B64_LEN: usize = MAX_RAW_LEN / 3 * 4 + [0, 2, 3][MAX_RAW_LEN % 3];

/// Longest token the codec encodes: prefix, payload and v1 tail (312).
pub const MAX_TOKEN_LEN: usize = MAX_PREFIX_LEN + MAX_B64_LEN + V1_TAIL_LEN;

/// Longest input the strict decoder examines before answering
/// [`crate::DecodeError::TooLong`]: any length field value must be reachable so
/// that an oversized payload is reported as such.
pub const MAX_DECODE_INPUT_LEN: usize = MAX_PREFIX_LEN + MAX_LENGTH_FIELD + V1_TAIL_LEN;

/// Number of raw bytes an unpadded base64 text of `chars` characters holds, or
/// `None` when no such text exists (`chars % 4 == 1`).
pub const fn raw_len_of_b64(chars: usize) -> Option<usize> {
    match chars % 4 {
        1 => None,
        rest => Some(chars / 4 * 3 + [0, 0, 1, 2][rest]),
    }
}

/// Number of base64 characters of a raw payload of `raw` bytes.
pub const fn b64_len_of_raw(raw: usize) -> usize {
    raw / 3 * 4 + [0, 2, 3][raw % 3]
}
