//! Finding tokens in a caller's bytes: `tc_scan` and its `tc_finding` records.

use std::ffi::c_char;

use token_core::scan::Finding;

use crate::boundary::{Out, SliceOut, guard, input, required};
use crate::decode::{RoutingArrays, tc_routing_span};
use crate::identify::{tc_checksum, tc_token_kind};
use crate::limits::{TC_MAX_ROUTING_ENTRIES, TC_MAX_ROUTING_LEN};
use crate::result::{TC_RESULT_BUFFER_TOO_SMALL, tc_result};
use crate::scanner::tc_scanner;
use crate::token_type::{TC_TOKEN_TYPE_NONE, tc_token_type};

/// One token found by `tc_scan`: where it is and what it is, never its bytes
/// (slice them out of the input with `offset` and `len` when needed). Plain
/// data in caller-owned memory; arrays are not NUL-terminated.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tc_finding {
    /// Byte offset of the token's first byte in the scanned input.
    pub offset: u64,
    /// Length of the whole token in bytes, prefix and routable tail included
    /// (at most `TC_MAX_FINDING_LEN`).
    pub len: usize,
    /// Length of the token's prefix in bytes (`glpat-` gives 6); redaction
    /// keeps these bytes.
    pub prefix_len: usize,
    /// The token's type, from its prefix; `TC_TOKEN_TYPE_NONE` for a valid
    /// routable token whose prefix no configured or default prefix explains.
    pub token_type: tc_token_type,
    /// Routable (v0 or v1) or legacy.
    pub kind: tc_token_kind,
    /// `TC_CHECKSUM_VALID` only for a routable token that `tc_decode` accepts;
    /// `TC_CHECKSUM_INVALID` for a routable look-alike (a typo, a forgery, a
    /// truncated copy); `TC_CHECKSUM_NOT_APPLICABLE` for a legacy token.
    /// Treat anything but `TC_CHECKSUM_INVALID` as a live secret.
    pub checksum: tc_checksum,
    /// Length of `routing` in bytes: 1 to `TC_MAX_ROUTING_LEN` for a valid
    /// routable token, 0 otherwise.
    pub routing_len: usize,
    /// The routing payload of a valid routable token (not secret): `k:v`
    /// lines joined by `\n`, keys ascending.
    pub routing: [c_char; TC_MAX_ROUTING_LEN],
    /// Number of entries in `entries` (0 when `routing_len` is 0).
    pub entry_count: usize,
    /// The routing entries in payload order, as spans of `routing`.
    pub entries: [tc_routing_span; TC_MAX_ROUTING_ENTRIES],
}

impl tc_finding {
    pub(crate) fn of(found: &Finding) -> tc_finding {
        let routing = found
            .routing
            .as_ref()
            .map_or(RoutingArrays::EMPTY, RoutingArrays::of);
        tc_finding {
            offset: found.offset,
            len: found.len,
            prefix_len: found.prefix_len,
            token_type: found
                .token_type
                .map_or(TC_TOKEN_TYPE_NONE, tc_token_type::of),
            kind: tc_token_kind::of(found.kind),
            checksum: tc_checksum::of(found.checksum),
            routing_len: routing.len,
            routing: routing.text,
            entry_count: routing.entry_count,
            entries: routing.entries,
        }
    }
}

/// Finds the tokens in `haystack` (`len` bytes of any value: NUL bytes and
/// non-UTF-8 bytes are ordinary text), in order, never overlapping.
///
/// Writes the first `capacity` findings to `out_findings[0..capacity]` and
/// stores the total number found in `*out_count`. Returns `TC_RESULT_OK` when
/// all fit; `TC_RESULT_BUFFER_TOO_SMALL` when `capacity < *out_count` (the
/// first `capacity` findings are still written: retry with `*out_count`
/// elements for the rest). `out_findings` may be NULL with `capacity` 0 to
/// count. `TC_RESULT_NULL_ARGUMENT` or `TC_RESULT_MISALIGNED_POINTER` for bad
/// arguments, with nothing written.
///
/// The scanner may be shared: any number of threads may call this at once.
///
/// # Safety
/// `scanner` must be a live `tc_scanner`; `haystack` must be NULL (with `len`
/// 0) or point to `len` readable bytes; `out_findings` must be NULL (with
/// `capacity` 0) or point to `capacity` writable `tc_finding`s; `out_count`
/// must point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_scan(
    scanner: *const tc_scanner,
    haystack: *const u8,
    len: usize,
    out_findings: *mut tc_finding,
    capacity: usize,
    out_count: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let count = unsafe { Out::new(out_count) }?;
        // SAFETY: the caller's contract above.
        let mut findings = unsafe { SliceOut::new(out_findings, capacity) }?;
        // SAFETY: the caller's contract above.
        let scanner = unsafe { required(scanner) }?;
        // SAFETY: the caller's contract above.
        let haystack = unsafe { input(haystack, len) }?;
        let mut total = 0;
        for found in scanner.scanner.scan(haystack) {
            if total < findings.capacity() {
                findings.set(total, tc_finding::of(&found));
            }
            total += 1;
        }
        count.write(total);
        if total > findings.capacity() {
            return Err(TC_RESULT_BUFFER_TOO_SMALL);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use std::mem::MaybeUninit;
    use std::ptr;

    use super::*;
    use crate::identify::{TC_CHECKSUM_INVALID, TC_CHECKSUM_VALID, TC_TOKEN_KIND_ROUTABLE_V1};
    use crate::result::{TC_RESULT_NULL_ARGUMENT, TC_RESULT_OK};
    use crate::scanner::{tc_scanner_free, tc_scanner_new};
    use crate::token_type::TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN;

    const VALID: &str = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
    const TAMPERED: &str = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcia";
    const UNPREFIXED: &str = "YWFhYWFhYWFhYWFhYWFhYW86MQM.01.0r0e6anp8";

    fn default_scanner() -> *mut tc_scanner {
        let mut scanner = ptr::null_mut();
        // SAFETY: a writable local.
        assert_eq!(
            unsafe { tc_scanner_new(ptr::null(), ptr::null(), &mut scanner) },
            TC_RESULT_OK
        );
        scanner
    }

    fn scan(
        scanner: *const tc_scanner,
        text: &[u8],
        capacity: usize,
    ) -> (tc_result, usize, Vec<tc_finding>) {
        let mut out = vec![MaybeUninit::<tc_finding>::uninit(); capacity];
        let mut count = usize::MAX;
        // SAFETY: live slices and locals of the stated sizes.
        let code = unsafe {
            tc_scan(
                scanner,
                text.as_ptr(),
                text.len(),
                out.as_mut_ptr().cast(),
                capacity,
                &mut count,
            )
        };
        let written = count.min(capacity);
        let findings = out[..if code == TC_RESULT_OK || code == TC_RESULT_BUFFER_TOO_SMALL {
            written
        } else {
            0
        }]
            .iter()
            // SAFETY: tc_scan wrote the first min(count, capacity) elements.
            .map(|f| unsafe { f.assume_init() })
            .collect();
        (code, count, findings)
    }

    #[test]
    fn converts_every_field() {
        let scanner = default_scanner();
        let text = format!("a={VALID} b={TAMPERED} c={UNPREFIXED}\n");
        let (code, count, found) = scan(scanner, text.as_bytes(), 8);
        assert_eq!((code, count), (TC_RESULT_OK, 3));
        let first = &found[0];
        assert_eq!(
            (first.offset, first.len, first.prefix_len),
            (2, VALID.len(), 6)
        );
        assert_eq!(first.token_type, TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN);
        assert_eq!(
            (first.kind, first.checksum),
            (TC_TOKEN_KIND_ROUTABLE_V1, TC_CHECKSUM_VALID)
        );
        let routing: Vec<u8> = first.routing[..first.routing_len]
            .iter()
            .map(|&c| c as u8)
            .collect();
        assert_eq!(routing, b"o:1\nu:1");
        assert_eq!(first.entry_count, 2);
        assert_eq!(first.entries[1].key, b'u' as c_char);
        let second = &found[1];
        assert_eq!(second.checksum, TC_CHECKSUM_INVALID);
        assert_eq!((second.routing_len, second.entry_count), (0, 0));
        let third = &found[2];
        assert_eq!(third.token_type, TC_TOKEN_TYPE_NONE);
        assert_eq!((third.checksum, third.prefix_len), (TC_CHECKSUM_VALID, 0));
        // SAFETY: made by tc_scanner_new, freed once.
        unsafe { tc_scanner_free(scanner) };
    }

    #[test]
    fn short_capacity_writes_the_first_findings_and_counts_all() {
        let scanner = default_scanner();
        let text = format!("{VALID} {VALID} {VALID}");
        let (code, count, found) = scan(scanner, text.as_bytes(), 2);
        assert_eq!(
            (code, count, found.len()),
            (TC_RESULT_BUFFER_TOO_SMALL, 3, 2)
        );
        assert_eq!(found[1].offset, VALID.len() as u64 + 1);
        let (code, count, _) = scan(scanner, text.as_bytes(), 0);
        assert_eq!((code, count), (TC_RESULT_BUFFER_TOO_SMALL, 3));
        let (code, count, _) = scan(scanner, b"nothing here", 0);
        assert_eq!((code, count), (TC_RESULT_OK, 0));
        let (code, count, _) = scan(ptr::null(), b"x", 1);
        assert_eq!((code, count), (TC_RESULT_NULL_ARGUMENT, usize::MAX));
        // SAFETY: made by tc_scanner_new, freed once.
        unsafe { tc_scanner_free(scanner) };
    }
}
