//! Strict decoding and the cheap verification of routable tokens.

use std::ffi::c_char;
use std::fmt;

use token_core::{DecodedToken, RoutingPayload, TokenLayout};

use crate::boundary::{Out, bytes, guard};
use crate::format::tc_format;
use crate::limits::{TC_MAX_PREFIX_LEN, TC_MAX_ROUTING_ENTRIES, TC_MAX_ROUTING_LEN, TC_RANDOM_LEN};
use crate::result::{from_decode_error, tc_result};

/// Where one `k:v` entry lies inside the `routing` text of a
/// `tc_decoded_token` or a `tc_finding`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct tc_routing_span {
    /// The key letter: one of `c g o p t u`.
    pub key: c_char,
    /// Offset of the value's first byte within `routing`.
    pub value_offset: usize,
    /// Length of the value in bytes (values are as in the token: integers are
    /// lowercase base36 text).
    pub value_len: usize,
}

/// A routable token that passed strict decoding, in caller-owned memory with
/// fixed-size arrays: no allocation, nothing to free. Arrays are not
/// NUL-terminated; the `_len` fields give their lengths. `random` is the
/// secret part of the token: wipe the struct when done with it.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct tc_decoded_token {
    /// The token's layout.
    pub format: tc_format,
    /// Length of `prefix` in bytes (0 to `TC_MAX_PREFIX_LEN`).
    pub prefix_len: usize,
    /// The prefix (e.g. `glpat-`), UTF-8.
    pub prefix: [c_char; TC_MAX_PREFIX_LEN],
    /// Length of `routing` in bytes (1 to `TC_MAX_ROUTING_LEN`).
    pub routing_len: usize,
    /// The routing payload text: `k:v` lines joined by `\n`, keys ascending.
    pub routing: [c_char; TC_MAX_ROUTING_LEN],
    /// Number of entries in `entries` (1 to `TC_MAX_ROUTING_ENTRIES`).
    pub entry_count: usize,
    /// The routing entries in payload order, as spans of `routing`.
    pub entries: [tc_routing_span; TC_MAX_ROUTING_ENTRIES],
    /// The 16 random bytes.
    pub random: [u8; TC_RANDOM_LEN],
}

impl fmt::Debug for tc_decoded_token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("tc_decoded_token")
            .field("format", &self.format)
            .field("prefix_len", &self.prefix_len)
            .field("routing_len", &self.routing_len)
            .field("entry_count", &self.entry_count)
            .field("random", &"[REDACTED]")
            .finish_non_exhaustive()
    }
}

impl tc_decoded_token {
    fn of(token: &DecodedToken<'_>) -> tc_decoded_token {
        let routing = RoutingArrays::of(token.routing());
        let mut decoded = tc_decoded_token {
            format: tc_format::of(token.format()),
            prefix_len: token.prefix().len(),
            prefix: [0; TC_MAX_PREFIX_LEN],
            routing_len: routing.len,
            routing: routing.text,
            entry_count: routing.entry_count,
            entries: routing.entries,
            random: *token.random_bytes(),
        };
        copy_chars(&mut decoded.prefix, token.prefix().as_bytes());
        decoded
    }
}

/// A routing payload as the fixed-size arrays of the C structs: its text and
/// the spans of its entries within the text.
pub(crate) struct RoutingArrays {
    pub(crate) len: usize,
    pub(crate) text: [c_char; TC_MAX_ROUTING_LEN],
    pub(crate) entry_count: usize,
    pub(crate) entries: [tc_routing_span; TC_MAX_ROUTING_ENTRIES],
}

impl RoutingArrays {
    /// No payload: zero lengths, zeroed arrays.
    pub(crate) const EMPTY: RoutingArrays = RoutingArrays {
        len: 0,
        text: [0; TC_MAX_ROUTING_LEN],
        entry_count: 0,
        entries: [tc_routing_span {
            key: 0,
            value_offset: 0,
            value_len: 0,
        }; TC_MAX_ROUTING_ENTRIES],
    };

    /// The arrays of `routing`.
    pub(crate) fn of(routing: &RoutingPayload) -> RoutingArrays {
        let mut arrays = RoutingArrays::EMPTY;
        arrays.len = routing.len();
        copy_chars(&mut arrays.text, routing.as_bytes());
        let base = routing.as_str().as_ptr() as usize;
        for ((key, value), span) in routing.entries().zip(arrays.entries.iter_mut()) {
            *span = tc_routing_span {
                key: key.as_byte() as c_char,
                value_offset: value.as_ptr() as usize - base,
                value_len: value.len(),
            };
            arrays.entry_count += 1;
        }
        arrays
    }
}

fn copy_chars(to: &mut [c_char], from: &[u8]) {
    for (to, &from) in to.iter_mut().zip(from) {
        *to = from as c_char;
    }
}

/// Where the parts of a verified routable token lie.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct tc_token_layout {
    /// The token's layout.
    pub format: tc_format,
    /// Length of the prefix in bytes: the base64 payload starts here.
    pub prefix_len: usize,
    /// Length of the base64 payload in characters (the length field).
    pub payload_len: usize,
}

impl tc_token_layout {
    fn of(layout: &TokenLayout) -> tc_token_layout {
        tc_token_layout {
            format: tc_format::of(layout.format),
            prefix_len: layout.prefix_len,
            payload_len: layout.payload_len,
        }
    }
}

/// Decodes a routable token of either format strictly: checksum, version,
/// length field, canonical base64url, the length byte and the routing grammar
/// must all hold. `token` is `token_len` bytes (no NUL needed; an embedded NUL
/// or non-UTF-8 byte is just a defect of the token).
///
/// Returns `TC_RESULT_OK` and fills `*out`; or the `TC_RESULT_DECODE_*` code
/// naming the first defect found, leaving `*out` untouched;
/// `TC_RESULT_NULL_ARGUMENT` if `out` is NULL or `token` is NULL with a
/// non-zero length.
///
/// # Safety
/// `token` must be NULL (with `token_len` 0) or point to `token_len` readable
/// bytes; `out` must point to a writable `tc_decoded_token`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_decode(
    token: *const c_char,
    token_len: usize,
    out: *mut tc_decoded_token,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        // SAFETY: the caller's contract above.
        let token = unsafe { bytes(token, token_len) }?;
        let decoded = token_core::decode(token).map_err(from_decode_error)?;
        out.write(tc_decoded_token::of(&decoded));
        Ok(())
    })
}

/// Checks a routable token's tail without decoding its payload: separators,
/// checksum, version and length fields, prefix. The cheap check for a hot
/// path; a token that passes may still fail `tc_decode` on its payload.
///
/// Returns `TC_RESULT_OK` and fills `*out`; or a `TC_RESULT_DECODE_*` code,
/// leaving `*out` untouched; or `TC_RESULT_NULL_ARGUMENT`.
///
/// # Safety
/// `token` must be NULL (with `token_len` 0) or point to `token_len` readable
/// bytes; `out` must point to a writable `tc_token_layout`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_verify(
    token: *const c_char,
    token_len: usize,
    out: *mut tc_token_layout,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        // SAFETY: the caller's contract above.
        let token = unsafe { bytes(token, token_len) }?;
        let layout = token_core::verify(token).map_err(from_decode_error)?;
        out.write(tc_token_layout::of(&layout));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use std::mem::MaybeUninit;

    use super::*;
    use crate::format::{TC_FORMAT_V0, TC_FORMAT_V1};
    use crate::result::*;

    const RUNNER: &str = "glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k";

    fn decode(token: &[u8]) -> Result<tc_decoded_token, tc_result> {
        let mut out = MaybeUninit::<tc_decoded_token>::uninit();
        // SAFETY: token is a live slice, out a writable local.
        let code = unsafe { tc_decode(token.as_ptr().cast(), token.len(), out.as_mut_ptr()) };
        // SAFETY: tc_decode fills `out` when it returns TC_RESULT_OK.
        (code == TC_RESULT_OK)
            .then(|| unsafe { out.assume_init() })
            .ok_or(code)
    }

    fn text(chars: &[c_char]) -> String {
        chars.iter().map(|&c| c as u8 as char).collect()
    }

    #[test]
    fn fills_every_field_and_the_entry_spans() {
        let decoded = decode(RUNNER.as_bytes()).unwrap();
        assert_eq!(decoded.format, TC_FORMAT_V1);
        assert_eq!(text(&decoded.prefix[..decoded.prefix_len]), "glrtr-");
        let routing = text(&decoded.routing[..decoded.routing_len]);
        assert_eq!(routing, "c:1\ng:8\no:rz\nt:2");
        let entries: Vec<(char, &str)> = decoded.entries[..decoded.entry_count]
            .iter()
            .map(|s| {
                (
                    s.key as u8 as char,
                    &routing[s.value_offset..s.value_offset + s.value_len],
                )
            })
            .collect();
        assert_eq!(entries, [('c', "1"), ('g', "8"), ('o', "rz"), ('t', "2")]);
        assert_eq!(decoded.random[..2], [0x5b, 0x99]);
        assert!(format!("{decoded:?}").contains("[REDACTED]"));
        assert!(
            !format!("{decoded:?}").contains("91"),
            "0x5b is 91: random bytes stay out of Debug"
        );
    }

    #[test]
    fn reports_the_core_reason_and_leaves_the_output_alone() {
        assert_eq!(decode(b"").unwrap_err(), TC_RESULT_DECODE_EMPTY);
        let tampered = RUNNER.replace("W5m1", "W5m2");
        assert_eq!(
            decode(tampered.as_bytes()).unwrap_err(),
            TC_RESULT_DECODE_CHECKSUM_MISMATCH
        );
        let mut layout = tc_token_layout {
            format: tc_format(7),
            prefix_len: 1,
            payload_len: 2,
        };
        // SAFETY: a NUL-containing local slice and a writable local.
        let code = unsafe { tc_verify(b"a\0b".as_ptr().cast(), 3, &mut layout) };
        assert_eq!(code, TC_RESULT_DECODE_NOT_ROUTABLE);
        assert_eq!(
            layout,
            tc_token_layout {
                format: tc_format(7),
                prefix_len: 1,
                payload_len: 2
            }
        );
    }

    #[test]
    fn verify_gives_the_layout() {
        let token = b"bzoxd_Rb5_cHeWe1JH56wr2FCBA.0r1pum4t4";
        let mut layout = MaybeUninit::<tc_token_layout>::uninit();
        // SAFETY: local slice and writable local.
        let code = unsafe { tc_verify(token.as_ptr().cast(), token.len(), layout.as_mut_ptr()) };
        assert_eq!(code, TC_RESULT_OK);
        // SAFETY: filled on TC_RESULT_OK.
        let layout = unsafe { layout.assume_init() };
        assert_eq!(
            layout,
            tc_token_layout {
                format: TC_FORMAT_V0,
                prefix_len: 0,
                payload_len: 27
            }
        );
    }
}
