//! Leak detection: finding GitLab tokens in arbitrary bytes (logs, job traces,
//! commits, pasted text) and redacting them, as docs/spec/detection.md asks.
//!
//! What a [`Scanner`] finds, for the prefixes of a [`PrefixConfig`] (default,
//! instance-wide and custom PAT prefixes):
//! - routable tokens, v1 and v0: the whole token, tail included, with
//!   [`Checksum::Valid`] only when strict [`crate::decode`] accepts it (CRC,
//!   version, length field, base64, length byte, routing grammar), and its
//!   routing payload. A look-alike with a bad checksum or field is
//!   [`Checksum::Invalid`] (or dropped, see [`ScanOptions::report_invalid`]):
//!   a scanner that validates never calls a look-alike valid;
//! - valid routable v1 tokens whose prefix nobody configured (even none): the
//!   checksum proves them; v0 ones too with [`ScanOptions::unconfigured_v0`];
//! - legacy tokens of every type: a prefix and that type's legacy body
//!   ([`Checksum::NotApplicable`]), also behind an unconfigured
//!   `<instance>-` prefix; unprefixed OAuth access tokens (64 hex) only with
//!   [`ScanOptions::unprefixed_oauth`], since SHA-256 digests look the same.
//!
//! Tokens are delimited: none starts or ends inside a longer word of
//! `[0-9A-Za-z_-]` (the routable tail contains `.`, so a token ends after its
//! 7-character checksum; a prefix may contain `-`, `.` or `=`).
//!
//! Speed: one SIMD multi-literal search (over the first bytes of the prefixes,
//! the v1 tail `.01.` and the ends a v0 payload can have) finds the few places
//! worth a look; bytes in between are not examined one at a time.
//!
//! ```
//! use token_core::scan::{ScanOptions, Scanner};
//! use token_core::{Checksum, PrefixConfig, RoutingKey, TokenType};
//!
//! let scanner = Scanner::new(&PrefixConfig::default(), ScanOptions::default());
//! let log = b"auth ok token=glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij user=1\n\
//!             retry with glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcia\n";
//! let findings: Vec<_> = scanner.scan(log).collect();
//! assert_eq!(findings.len(), 2);
//! assert_eq!(findings[0].range(), 14..65);
//! assert_eq!(findings[0].token_type, Some(TokenType::PersonalAccessToken));
//! assert_eq!(findings[0].checksum, Checksum::Valid);
//! assert_eq!(findings[0].routing.unwrap().get(RoutingKey::Organization), Some("1"));
//! assert_eq!(findings[1].checksum, Checksum::Invalid);
//!
//! let redacted = scanner.redact(log);
//! assert!(redacted.starts_with(b"auth ok token=glpat-[REDACTED] user=1\n"));
//! ```

mod boundary;
mod engine;
mod finding;
mod hex_words;
mod legacy_body;
mod prefilter;
mod prefixes;
mod redact;
mod routable;
mod stream;
mod tail;

use std::fmt;
use std::sync::Arc;

pub use finding::Finding;
pub use redact::REDACTED;
pub use stream::{StreamRedactor, StreamScanner};

#[cfg(doc)]
use crate::Checksum;
use crate::{MAX_PREFIX_LEN, PrefixConfig, TokenType};
use prefilter::Prefilter;
use prefixes::PrefixTable;

/// Longest token the scanner reports, in bytes: a prefix of at most
/// [`MAX_PREFIX_LEN`] bytes and the longest body, a CI job token's JWT
/// (8192 bytes). Routable tokens are far shorter (at most 377 bytes).
pub const MAX_FINDING_LEN: usize = MAX_PREFIX_LEN + legacy_body::MAX_JWT_LEN;

/// What a [`Scanner`] reports beyond tokens of configured prefixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScanOptions {
    /// Report routable look-alikes whose checksum or fields do not hold, as
    /// [`Checksum::Invalid`] (default `true`); `false` drops them.
    pub report_invalid: bool,
    /// Also find valid v0 tokens whose prefix is not configured, even with no
    /// prefix at all (default `true`; v1 tokens with any prefix are always
    /// found, and v0 tokens with configured prefixes either way). Adds two
    /// short literals (`Q.`, `A.`) to the prefilter's single search.
    pub unconfigured_v0: bool,
    /// Report every word of exactly 64 lowercase hex digits as a possible
    /// unprefixed OAuth access token (default `false`: SHA-256 digests look
    /// the same, and finding them examines every word).
    pub unprefixed_oauth: bool,
}

impl Default for ScanOptions {
    fn default() -> ScanOptions {
        ScanOptions {
            report_invalid: true,
            unconfigured_v0: true,
            unprefixed_oauth: false,
        }
    }
}

/// A compiled leak detector for one instance's prefixes. Cheap to clone and
/// shareable across threads; scanning allocates nothing per byte.
#[derive(Clone)]
pub struct Scanner {
    compiled: Arc<Compiled>,
}

/// The parts of a scanner the engine reads.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub options: ScanOptions,
    pub table: PrefixTable,
    pub prefilter: Prefilter,
}

impl Default for Scanner {
    /// GitLab's default prefixes and [`ScanOptions::default`].
    fn default() -> Scanner {
        Scanner::new(&PrefixConfig::default(), ScanOptions::default())
    }
}

impl fmt::Debug for Scanner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scanner")
            .field("options", &self.compiled.options)
            .field("prefixes", &self.compiled.table.anchors().len())
            .finish()
    }
}

impl Scanner {
    /// Compiles a scanner for the prefixes of `config`.
    pub fn new(config: &PrefixConfig, options: ScanOptions) -> Scanner {
        let table = PrefixTable::new(config);
        let prefilter = Prefilter::new(table.anchors(), options.unconfigured_v0);
        Scanner {
            compiled: Arc::new(Compiled {
                options,
                table,
                prefilter,
            }),
        }
    }

    /// The options this scanner was built with.
    pub fn options(&self) -> ScanOptions {
        self.compiled.options
    }

    /// The tokens in `haystack`, in order, never overlapping. Lazy: each call
    /// to `next` scans only as far as the next token.
    pub fn scan<'s, 'h>(&'s self, haystack: &'h [u8]) -> Findings<'s, 'h> {
        Findings {
            cursor: engine::Cursor::new(&self.compiled, haystack, 0, true),
        }
    }

    /// `haystack` with every finding replaced by its prefix and [`REDACTED`];
    /// every other byte as it was.
    pub fn redact(&self, haystack: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(haystack.len());
        self.redact_into(haystack, &mut out);
        out
    }

    /// Appends the redaction of `haystack` to `out`; returns how many tokens
    /// were redacted.
    pub fn redact_into(&self, haystack: &[u8], out: &mut Vec<u8>) -> usize {
        let mut copied = 0;
        let mut count = 0;
        for found in self.scan(haystack) {
            let range = found.range();
            out.extend_from_slice(&haystack[copied..range.start]);
            redact::push_marker(out, &haystack[range.clone()], found.prefix_len);
            copied = range.end;
            count += 1;
        }
        out.extend_from_slice(&haystack[copied..]);
        count
    }

    /// A scanner of a stream fed in chunks of any size, in bounded memory.
    pub fn stream(&self) -> StreamScanner {
        StreamScanner::new(self.clone())
    }

    /// A redactor of a stream fed in chunks of any size, in bounded memory.
    pub fn redactor(&self) -> StreamRedactor {
        StreamRedactor::new(self.clone())
    }

    /// The type a token's prefix names on this scanner's instance (what a
    /// finding's `token_type` says).
    pub fn type_of_prefix(&self, prefix: &[u8]) -> Option<TokenType> {
        self.compiled.table.type_of(prefix)
    }
}

/// The findings of [`Scanner::scan`], in order.
pub struct Findings<'s, 'h> {
    cursor: engine::Cursor<'s, 'h>,
}

impl Iterator for Findings<'_, '_> {
    type Item = Finding;

    fn next(&mut self) -> Option<Finding> {
        self.cursor.next()
    }
}

impl fmt::Debug for Findings<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Findings").finish_non_exhaustive()
    }
}
