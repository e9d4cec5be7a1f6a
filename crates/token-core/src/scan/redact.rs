//! The redaction marker.

/// What replaces a token's secret part: `glpat-…` becomes `glpat-[REDACTED]`.
pub const REDACTED: &str = "[REDACTED]";

/// Appends the marker of `token` (its first `prefix_len` bytes, then
/// [`REDACTED`]).
pub(crate) fn push_marker(out: &mut Vec<u8>, token: &[u8], prefix_len: usize) {
    out.extend_from_slice(&token[..prefix_len.min(token.len())]);
    out.extend_from_slice(REDACTED.as_bytes());
}
