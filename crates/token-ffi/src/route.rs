//! The Cells router's decision for a request's token, without any lookup.

use std::ffi::c_char;

use token_core::auth_finders::{RouteDecision, route};

use crate::boundary::{Out, bytes, guard};
use crate::limits::TC_MAX_ROUTING_LEN;
use crate::result::{TC_RESULT_OK, from_decode_error, tc_result};

/// Where a request goes: `TC_ROUTE_*`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_route_kind(pub u32);

/// The payload names a cell (`c`); classification `CELL_ID`.
pub const TC_ROUTE_CELL: tc_route_kind = tc_route_kind(0);
/// Ask the Topology Service to classify by the most specific key present
/// (`p`, then `g`, `o`, `u`).
pub const TC_ROUTE_TOPOLOGY: tc_route_kind = tc_route_kind(1);
/// Not routable, or a defect such as a failed checksum: the default (legacy) cell.
pub const TC_ROUTE_DEFAULT: tc_route_kind = tc_route_kind(2);

/// The router's decision, in caller-owned memory. `value` is not
/// NUL-terminated: `value_len` gives its length.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tc_route_decision {
    /// Where the request goes.
    pub kind: tc_route_kind,
    /// `'c'` for `TC_ROUTE_CELL`; `'p'`, `'g'`, `'o'` or `'u'` for
    /// `TC_ROUTE_TOPOLOGY`; 0 for `TC_ROUTE_DEFAULT`.
    pub key: c_char,
    /// Length of `value` in bytes (0 for `TC_ROUTE_DEFAULT`).
    pub value_len: usize,
    /// The key's value as written in the token (integers in lowercase base36).
    pub value: [c_char; TC_MAX_ROUTING_LEN],
    /// Whether `cell_number` holds the cell id (a `TC_ROUTE_CELL` whose id is
    /// a base36 integer).
    pub has_cell_number: bool,
    /// The cell id as a number, when `has_cell_number`.
    pub cell_number: u64,
    /// For `TC_ROUTE_DEFAULT`, the `TC_RESULT_DECODE_*` code saying why the
    /// token was not routed; `TC_RESULT_OK` otherwise.
    pub default_reason: tc_result,
}

impl tc_route_decision {
    fn of(decision: &RouteDecision) -> tc_route_decision {
        let mut out = tc_route_decision {
            kind: TC_ROUTE_DEFAULT,
            key: 0,
            value_len: 0,
            value: [0; TC_MAX_ROUTING_LEN],
            has_cell_number: false,
            cell_number: 0,
            default_reason: TC_RESULT_OK,
        };
        let (key, value) = match decision {
            RouteDecision::Cell { cell_id } => {
                out.kind = TC_ROUTE_CELL;
                out.has_cell_number = decision.cell_number().is_some();
                out.cell_number = decision.cell_number().unwrap_or(0);
                (b'c', cell_id.as_bytes())
            }
            RouteDecision::Topology { key, value } => {
                out.kind = TC_ROUTE_TOPOLOGY;
                (key.as_byte(), value.as_bytes())
            }
            RouteDecision::Default { reason } => {
                out.default_reason = from_decode_error(*reason);
                return out;
            }
        };
        out.key = key as c_char;
        out.value_len = value.len().min(TC_MAX_ROUTING_LEN);
        for (to, &from) in out.value.iter_mut().zip(value) {
            *to = from as c_char;
        }
        out
    }
}

/// Decides where a request carrying `token` (`token_len` bytes, no NUL
/// needed) goes, as the Cells HTTP router does: the cell of `c` if the payload
/// has it, else the Topology Service by the most specific of `p`, `g`, `o`,
/// `u`, else the default cell. Decoding is strict: any defect routes to the
/// default cell, with the reason in `default_reason`.
///
/// Returns `TC_RESULT_OK` and fills `*out` for any token, or
/// `TC_RESULT_NULL_ARGUMENT`.
///
/// # Safety
/// `token` must be NULL (with `token_len` 0) or point to `token_len` readable
/// bytes; `out` must point to a writable `tc_route_decision`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_route(
    token: *const c_char,
    token_len: usize,
    out: *mut tc_route_decision,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        // SAFETY: the caller's contract above.
        let token = unsafe { bytes(token, token_len) }?;
        out.write(tc_route_decision::of(&route(token)));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use std::mem::MaybeUninit;

    use super::*;
    use crate::result::{TC_RESULT_DECODE_CHECKSUM_MISMATCH, TC_RESULT_DECODE_NOT_ROUTABLE};

    fn decide(token: &str) -> tc_route_decision {
        let mut out = MaybeUninit::uninit();
        // SAFETY: a live string and a writable local.
        let code = unsafe { tc_route(token.as_ptr().cast(), token.len(), out.as_mut_ptr()) };
        assert_eq!(code, TC_RESULT_OK);
        // SAFETY: filled on TC_RESULT_OK.
        unsafe { out.assume_init() }
    }

    fn value(decision: &tc_route_decision) -> String {
        decision.value[..decision.value_len]
            .iter()
            .map(|&c| c as u8 as char)
            .collect()
    }

    #[test]
    fn converts_each_decision() {
        let cell = decide("YWFhYWFhYWFhYWFhYWFhYWM6MnMKbzoxCA.01.0y00777kh");
        assert_eq!(
            (cell.kind, cell.key as u8, value(&cell)),
            (TC_ROUTE_CELL, b'c', "2s".into())
        );
        assert_eq!((cell.has_cell_number, cell.cell_number), (true, 100));
        let topology = decide("glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij");
        assert_eq!(
            (topology.kind, topology.key as u8, value(&topology)),
            (TC_ROUTE_TOPOLOGY, b'o', "1".into())
        );
        assert!(!topology.has_cell_number);
        let legacy = decide("glpat-ts8y8Mk2gxi-xvXVsxfN");
        assert_eq!(
            (legacy.kind, legacy.default_reason),
            (TC_ROUTE_DEFAULT, TC_RESULT_DECODE_NOT_ROUTABLE)
        );
        let tampered = decide("glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcia");
        assert_eq!(tampered.default_reason, TC_RESULT_DECODE_CHECKSUM_MISMATCH);
    }
}
