//! What the scanner reports for each token: plain data, easy to hand across a
//! language boundary.

use std::ops::Range;

use crate::{Checksum, RoutingPayload, TokenKind, TokenType};

/// One token found in scanned bytes.
///
/// It holds where the token is and what it is, never the token's bytes: the
/// caller slices them out of its input when it needs them (see
/// [`Finding::range`]). `Debug` is therefore safe to log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset of the token's first byte in the scanned input (for a
    /// stream, since the first byte of the stream).
    pub offset: u64,
    /// Length of the whole token in bytes, prefix and routable tail included.
    pub len: usize,
    /// Length of the token's prefix in bytes (`glpat-` gives 6); the
    /// redaction marker keeps these bytes.
    pub prefix_len: usize,
    /// The token's type, from its prefix; `None` for a valid routable token
    /// whose prefix no configured or default prefix explains.
    pub token_type: Option<TokenType>,
    /// Routable (v0 or v1) or legacy.
    pub kind: TokenKind,
    /// [`Checksum::Valid`] only for a routable token that strict
    /// [`crate::decode`] accepts; [`Checksum::Invalid`] for a routable
    /// look-alike; [`Checksum::NotApplicable`] for a legacy token.
    pub checksum: Checksum,
    /// The routing payload of a valid routable token (not secret).
    pub routing: Option<RoutingPayload>,
}

impl Finding {
    /// Offset just past the token's last byte.
    pub fn end(&self) -> u64 {
        self.offset + self.len as u64
    }

    /// The token's byte range in an in-memory input.
    ///
    /// # Panics
    /// On a 32-bit target, for a stream offset beyond `usize::MAX`.
    pub fn range(&self) -> Range<usize> {
        let start = usize::try_from(self.offset).expect("offset fits in memory");
        start..start + self.len
    }

    /// Whether the token's checksum holds (a routable token that decodes).
    pub fn is_valid(&self) -> bool {
        self.checksum == Checksum::Valid
    }

    /// Whether the finding is a live-looking secret: a valid routable token or
    /// a legacy token (which has no checksum to disprove it). Look-alikes with
    /// a bad checksum are not.
    pub fn is_secret(&self) -> bool {
        self.checksum != Checksum::Invalid
    }

    /// Moves the finding by `base` bytes (window offsets to stream offsets).
    pub(crate) fn shifted(mut self, base: u64) -> Finding {
        self.offset += base;
        self
    }
}
