//! The scan of one window of bytes: anchors in order, each examined once,
//! findings in order and never overlapping.
//!
//! Every decision looks at most [`super::MAX_FINDING_LEN`] bytes past a
//! token's start and one byte before it, and no token starts before the end of
//! the previous one. That is what lets the streaming scanner cut its input
//! anywhere and still agree with a scan of the whole input.

use super::boundary::word_run_end;
use super::hex_words::{OAUTH_HEX_LEN, next_hex_word};
use super::legacy_body::legacy_body_end;
use super::prefilter::{Anchor, AnchorKind};
use super::prefixes::PrefixMatch;
use super::routable::resolve;
use super::tail::{MAX_SCAN_PAYLOAD_LEN, tail_at};
use super::{Compiled, Finding};
use crate::{Checksum, Format, TokenKind, TokenType};

/// One source of anchors: its next hit, searched lazily.
#[derive(Debug, Clone, Copy)]
struct Source {
    /// `None` until searched; then the next hit, or `None` when there is none.
    next: Option<Option<Anchor>>,
    /// Where the next search starts.
    from: usize,
}

impl Source {
    fn new(from: usize, enabled: bool) -> Source {
        Source {
            next: if enabled { None } else { Some(None) },
            from,
        }
    }
}

/// The findings of one window, in order.
pub(crate) struct Cursor<'c, 'h> {
    compiled: &'c Compiled,
    hay: &'h [u8],
    eof: bool,
    /// No finding starts before this position.
    min_start: usize,
    /// The prefilter's anchors; 64-hex words.
    sources: [Source; 2],
    matches: Vec<PrefixMatch>,
}

impl<'c, 'h> Cursor<'c, 'h> {
    /// Scans `hay` from `from` on. Bytes before `from` are context only (the
    /// byte before a token decides its start boundary). `eof`: the window ends
    /// where the input ends (else the last bytes are undecided).
    pub fn new(compiled: &'c Compiled, hay: &'h [u8], from: usize, eof: bool) -> Self {
        Cursor {
            compiled,
            hay,
            eof,
            min_start: from,
            sources: [
                Source::new(from, true),
                Source::new(from, compiled.options.unprefixed_oauth),
            ],
            matches: Vec::new(),
        }
    }

    /// Takes the leftmost pending anchor (ties: the prefilter's first).
    fn take_next(&mut self) -> Option<Anchor> {
        let (hay, eof, prefilter) = (self.hay, self.eof, &self.compiled.prefilter);
        for (index, source) in self.sources.iter_mut().enumerate() {
            if source.next.is_none() {
                let from = source.from.max(self.min_start);
                source.next = Some(match index {
                    0 => prefilter.next(hay, from),
                    _ => next_hex_word(hay, from, eof).map(|at| Anchor {
                        at,
                        kind: AnchorKind::OAuthHex,
                    }),
                });
            }
        }
        let source = self
            .sources
            .iter_mut()
            .filter(|s| matches!(s.next, Some(Some(_))))
            .min_by_key(|s| s.next.flatten().map(|a| a.at))?;
        let anchor = source.next.take().flatten()?;
        source.from = anchor.at + 1;
        Some(anchor)
    }

    /// Drops the anchors a finding ending at `end` covers.
    fn skip_to(&mut self, end: usize) {
        self.min_start = end;
        for source in &mut self.sources {
            if let Some(Some(anchor)) = source.next
                && anchor.at < end
            {
                source.next = None;
            }
            source.from = source.from.max(end);
        }
    }

    fn examine(&mut self, anchor: Anchor) -> Option<Finding> {
        match anchor.kind {
            AnchorKind::Prefix => self.at_prefix(anchor.at),
            AnchorKind::V1Tail => self.at_tail(anchor.at, Format::V1),
            AnchorKind::V0Tail => self.at_tail(anchor.at + 1, Format::V0),
            AnchorKind::OAuthHex => Some(Finding {
                offset: anchor.at as u64,
                len: OAUTH_HEX_LEN,
                prefix_len: 0,
                token_type: Some(TokenType::OAuthAccessToken),
                kind: TokenKind::Legacy,
                checksum: Checksum::NotApplicable,
                routing: None,
            }),
        }
    }

    /// A prefix at `at`: the longest clean prefix whose body is routable
    /// (valid or not) or a legacy body of its type.
    fn at_prefix(&mut self, at: usize) -> Option<Finding> {
        let compiled = self.compiled;
        let (hay, eof) = (self.hay, self.eof);
        compiled
            .table
            .matches_at(hay, at, self.min_start, &mut self.matches);
        for &prefix in &self.matches {
            let body = prefix.body_start();
            let run = word_run_end(hay, body, MAX_SCAN_PAYLOAD_LEN);
            if run <= body + MAX_SCAN_PAYLOAD_LEN
                && let Some(tail) = tail_at(hay, run, eof)
            {
                let found = resolve(hay, &tail, Some(prefix), self.min_start, &compiled.table)?;
                return self.reportable(found);
            }
            if let Some(end) = legacy_body_end(hay, body, prefix.token_type, eof) {
                return Some(Finding {
                    offset: prefix.start as u64,
                    len: end - prefix.start,
                    prefix_len: prefix.len,
                    token_type: Some(prefix.token_type),
                    kind: TokenKind::Legacy,
                    checksum: Checksum::NotApplicable,
                    routing: None,
                });
            }
        }
        None
    }

    /// A tail whose separator is at `sep`: a valid token with any prefix.
    fn at_tail(&self, sep: usize, format: Format) -> Option<Finding> {
        let tail = tail_at(self.hay, sep, self.eof).filter(|t| t.format == format)?;
        resolve(self.hay, &tail, None, self.min_start, &self.compiled.table)
    }

    fn reportable(&self, found: Finding) -> Option<Finding> {
        (found.checksum != Checksum::Invalid || self.compiled.options.report_invalid)
            .then_some(found)
    }
}

impl Iterator for Cursor<'_, '_> {
    type Item = Finding;

    fn next(&mut self) -> Option<Finding> {
        loop {
            let anchor = self.take_next()?;
            if let Some(found) = self.examine(anchor) {
                self.skip_to(found.offset as usize + found.len);
                return Some(found);
            }
        }
    }
}
