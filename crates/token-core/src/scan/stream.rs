//! Scanning and redacting a stream fed in chunks, in bounded memory.
//!
//! A window holds one byte of context (already passed on), the pending bytes
//! and nothing else. Once it holds [`STEP`] bytes more than [`KEEP`], it is
//! scanned; tokens that start before its last [`KEEP`] bytes are wholly inside
//! it (their end boundary included), so they are decided exactly as a scan of
//! the whole input decides them, and passed on with the bytes before them. The
//! rest waits for more input. No I/O here: the caller reads and writes.

use super::engine::Cursor;
use super::{Compiled, Finding, MAX_FINDING_LEN, Scanner, redact};

/// Bytes at the end of a window that stay undecided until more input comes:
/// the longest token and the two bytes after it that decide where it ends.
const KEEP: usize = MAX_FINDING_LEN + 2;

/// New bytes a window gathers before it is scanned.
const STEP: usize = 256 * 1024;

/// What a window passes on, in input order.
enum Piece<'a> {
    /// Bytes that are not part of any token.
    Bytes(&'a [u8]),
    /// A token and its bytes.
    Token(Finding, &'a [u8]),
}

/// The buffered part of a stream.
#[derive(Debug, Clone)]
struct Window {
    scanner: Scanner,
    buf: Vec<u8>,
    /// Index in `buf` of the first byte not yet passed on.
    pending: usize,
    /// Stream offset of `buf[0]`.
    base: u64,
    /// New bytes gathered before a scan ([`STEP`]; smaller in tests).
    step: usize,
}

impl Window {
    fn new(scanner: Scanner) -> Window {
        Window {
            scanner,
            buf: Vec::new(),
            pending: 0,
            base: 0,
            step: STEP,
        }
    }

    fn position(&self) -> u64 {
        self.base + self.buf.len() as u64
    }

    fn push(&mut self, mut chunk: &[u8], sink: &mut impl FnMut(Piece<'_>)) {
        if self.buf.capacity() == 0 {
            self.buf.reserve_exact(self.step + KEEP + 1);
        }
        if chunk.len() >= self.step + 2 * KEEP {
            return self.push_in_place(chunk, sink);
        }
        while !chunk.is_empty() {
            let room = self.step + KEEP - (self.buf.len() - self.pending);
            let (now, later) = chunk.split_at(room.min(chunk.len()));
            self.buf.extend_from_slice(now);
            chunk = later;
            if self.buf.len() - self.pending == self.step + KEEP {
                self.round(false, sink);
            }
        }
    }

    /// A large chunk is scanned where it is, not copied: first the pending
    /// bytes with just enough of the chunk to decide every token that starts
    /// in them (or at the chunk's first byte), then the chunk itself; only its
    /// undecided end is kept.
    fn push_in_place(&mut self, chunk: &[u8], sink: &mut impl FnMut(Piece<'_>)) {
        let head = KEEP + 1;
        self.buf.extend_from_slice(&chunk[..head]);
        let chunk_at = self.buf.len() - head;
        let chunk_base = self.base + chunk_at as u64;
        let compiled = &self.scanner.compiled;
        let commit = decide(
            compiled,
            &self.buf,
            self.pending,
            chunk_at + 1,
            false,
            self.base,
            sink,
        );
        let mut commit = commit - chunk_at;
        let limit = chunk.len() - KEEP;
        if commit < limit {
            commit = decide(compiled, chunk, commit, limit, false, chunk_base, sink);
        }
        self.buf.clear();
        self.buf.extend_from_slice(&chunk[commit - 1..]);
        self.base = chunk_base + (commit - 1) as u64;
        self.pending = 1;
    }

    fn finish(&mut self, sink: &mut impl FnMut(Piece<'_>)) {
        self.round(true, sink);
        self.buf.clear();
        self.pending = 0;
        self.base = 0;
    }

    /// Decides the window's pending bytes up to its undecided end (all of
    /// them at the end of the input), and keeps the rest.
    fn round(&mut self, eof: bool, sink: &mut impl FnMut(Piece<'_>)) {
        let limit = if eof {
            self.buf.len()
        } else {
            self.buf.len() - KEEP
        };
        let compiled = &self.scanner.compiled;
        let commit = decide(
            compiled,
            &self.buf,
            self.pending,
            limit,
            eof,
            self.base,
            sink,
        );
        if eof || commit == 0 {
            self.pending = commit;
            return;
        }
        let drop = commit - 1;
        self.buf.drain(..drop);
        self.base += drop as u64;
        self.pending = 1;
    }
}

/// Passes on every token of `hay` that starts in `from..limit`, and the bytes
/// from `from` up to the end of the last of them or to `limit`, whichever is
/// further; returns that point. `hay[from - 1]` is context (already passed
/// on); `base` is the stream offset of `hay[0]`. A token that starts before
/// `limit` must end, boundary included, within `hay` (or `eof`).
fn decide(
    compiled: &Compiled,
    hay: &[u8],
    from: usize,
    limit: usize,
    eof: bool,
    base: u64,
    sink: &mut impl FnMut(Piece<'_>),
) -> usize {
    let mut copied = from;
    let cursor = Cursor::new(compiled, hay, from, eof);
    for found in cursor.take_while(|f| (f.offset as usize) < limit) {
        let range = found.range();
        sink(Piece::Bytes(&hay[copied..range.start]));
        sink(Piece::Token(found.shifted(base), &hay[range.clone()]));
        copied = range.end;
    }
    let commit = copied.max(limit);
    sink(Piece::Bytes(&hay[copied..commit]));
    commit
}

/// Finds tokens in a stream fed in chunks of any size, cut anywhere: it
/// reports what [`Scanner::scan`] reports on the whole stream, with offsets
/// from the stream's first byte, using at most about 270 KiB.
///
/// ```
/// use token_core::scan::Scanner;
///
/// let token = b"glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
/// let mut stream = Scanner::default().stream();
/// let mut found = Vec::new();
/// for chunk in [&b"log: "[..], &token[..20], &token[20..], b"\n"] {
///     found.extend_from_slice(stream.push(chunk));
/// }
/// found.extend_from_slice(stream.finish());
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].offset, found[0].len), (5, token.len()));
/// ```
#[derive(Debug, Clone)]
pub struct StreamScanner {
    window: Window,
    findings: Vec<Finding>,
}

impl StreamScanner {
    /// A scanner of a new stream.
    pub fn new(scanner: Scanner) -> StreamScanner {
        StreamScanner {
            window: Window::new(scanner),
            findings: Vec::new(),
        }
    }

    /// Feeds the next bytes; returns the tokens now decided (possibly ones
    /// that began in earlier chunks).
    pub fn push(&mut self, chunk: &[u8]) -> &[Finding] {
        self.findings.clear();
        let findings = &mut self.findings;
        self.window.push(chunk, &mut |piece| {
            if let Piece::Token(found, _) = piece {
                findings.push(found);
            }
        });
        &self.findings
    }

    /// Ends the stream; returns the last tokens. The scanner is then ready
    /// for a new stream.
    pub fn finish(&mut self) -> &[Finding] {
        self.findings.clear();
        let findings = &mut self.findings;
        self.window.finish(&mut |piece| {
            if let Piece::Token(found, _) = piece {
                findings.push(found);
            }
        });
        &self.findings
    }

    /// Bytes fed since the stream started.
    pub fn position(&self) -> u64 {
        self.window.position()
    }
}

/// Redacts a stream fed in chunks of any size: the output is what
/// [`Scanner::redact`] makes of the whole stream, written as soon as it is
/// decided, in bounded memory.
///
/// ```
/// use token_core::scan::Scanner;
///
/// let mut redactor = Scanner::default().redactor();
/// let mut out = Vec::new();
/// redactor.push(b"password glpat-ts8y8Mk2g", &mut out);
/// redactor.push(b"xi-xvXVsxfN end", &mut out);
/// redactor.finish(&mut out);
/// assert_eq!(out, b"password glpat-[REDACTED] end");
/// ```
#[derive(Debug, Clone)]
pub struct StreamRedactor {
    window: Window,
    findings: Vec<Finding>,
}

impl StreamRedactor {
    /// A redactor of a new stream.
    pub fn new(scanner: Scanner) -> StreamRedactor {
        StreamRedactor {
            window: Window::new(scanner),
            findings: Vec::new(),
        }
    }

    /// Feeds the next bytes; appends the output now decided to `out` and
    /// returns the tokens it redacted.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) -> &[Finding] {
        self.findings.clear();
        let findings = &mut self.findings;
        self.window
            .push(chunk, &mut |piece| emit(piece, out, findings));
        &self.findings
    }

    /// Ends the stream: appends the rest of the output to `out` and returns
    /// the last tokens redacted. The redactor is then ready for a new stream.
    pub fn finish(&mut self, out: &mut Vec<u8>) -> &[Finding] {
        self.findings.clear();
        let findings = &mut self.findings;
        self.window.finish(&mut |piece| emit(piece, out, findings));
        &self.findings
    }

    /// Bytes fed since the stream started.
    pub fn position(&self) -> u64 {
        self.window.position()
    }
}

fn emit(piece: Piece<'_>, out: &mut Vec<u8>, findings: &mut Vec<Finding>) {
    match piece {
        Piece::Bytes(bytes) => out.extend_from_slice(bytes),
        Piece::Token(found, token) => {
            redact::push_marker(out, token, found.prefix_len);
            findings.push(found);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};

    use super::*;
    use crate::scan::ScanOptions;
    use crate::scan::legacy_body::MAX_JWT_LEN;
    use crate::{
        Format, PrefixConfig, RoutingOptions, RoutingPayload, RoutingValue, TokenType,
        generate_legacy_with_rng, generate_with_rng,
    };

    /// Text of tokens, token pieces, separators and random bytes, over
    /// several windows.
    fn messy_text(seed: u64, len: usize) -> Vec<u8> {
        let mut rng = StdRng::seed_from_u64(seed);
        let config = PrefixConfig::default()
            .with_instance_prefix("acme")
            .unwrap();
        let routing = RoutingPayload::build(
            [("o", RoutingValue::Int(1)), ("u", RoutingValue::Int(2))],
            RoutingOptions::default(),
        )
        .unwrap();
        let mut text = Vec::with_capacity(len + 400);
        while text.len() < len {
            let token_type = TokenType::ALL[rng.random_range(0..TokenType::ALL.len())];
            let prefix = config.prefix_for(token_type);
            let token = match rng.random_range(0..3) {
                0 => generate_with_rng(&prefix, &routing, Format::V1, &mut rng).unwrap(),
                1 => generate_with_rng(&prefix, &routing, Format::V0, &mut rng).unwrap(),
                _ => generate_legacy_with_rng(token_type, &config, &mut rng).unwrap(),
            };
            match rng.random_range(0..7) {
                6 => {
                    // A CI job token JWT, up to the longest a scanner follows.
                    let len = rng.random_range(10..MAX_JWT_LEN - 20);
                    let payload: String = (0..len)
                        .map(|i| if i % 61 == 0 { 'Q' } else { 'x' })
                        .collect();
                    text.extend_from_slice(
                        format!("glcbt-eyJhbGciOiJIUzI1NiJ9.{payload}.c2ln").as_bytes(),
                    );
                }
                0 => {
                    let cut = rng.random_range(0..token.len());
                    text.extend_from_slice(&token.as_bytes()[cut..]);
                }
                1 => text.extend((0..rng.random_range(0..50)).map(|_| rng.random::<u8>())),
                2 => text.extend_from_slice(b".01. Q. EA. - _ ."),
                _ => text.extend_from_slice(token.as_bytes()),
            }
            text.push(b" \n=:._-x"[rng.random_range(0..8)]);
        }
        text
    }

    fn streamed(
        scanner: &Scanner,
        text: &[u8],
        step: usize,
        chunk: usize,
    ) -> (Vec<Finding>, Vec<u8>) {
        let mut window = Window::new(scanner.clone());
        window.step = step;
        let mut found = Vec::new();
        let mut out = Vec::new();
        let mut sink = |piece: Piece<'_>| emit(piece, &mut out, &mut found);
        // Chunks of three sizes in turn, so large and small ones meet.
        let sizes = [chunk, 1 + chunk % 977, chunk / 2 + 1];
        let mut rest = text;
        for size in sizes.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (part, later) = rest.split_at((*size).min(rest.len()));
            window.push(part, &mut sink);
            rest = later;
        }
        window.finish(&mut sink);
        (found, out)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn any_cut_agrees_with_the_whole_input(
            seed in any::<u64>(),
            step in 1..3000usize,
            chunk in prop_oneof![1..5000usize, 2 * KEEP..6 * KEEP],
            unprefixed_oauth in any::<bool>(),
        ) {
            let options = ScanOptions { unprefixed_oauth, ..ScanOptions::default() };
            let scanner = Scanner::new(&PrefixConfig::default(), options);
            let text = messy_text(seed, 12 * KEEP);
            let whole: Vec<_> = scanner.scan(&text).collect();
            // Typically 20 to 45 findings (long JWTs take much of the text);
            // the floor only proves the text is not empty of tokens.
            prop_assert!(whole.len() >= 5);
            let (found, out) = streamed(&scanner, &text, step, chunk);
            prop_assert_eq!(found, whole);
            prop_assert_eq!(out, scanner.redact(&text));
        }
    }

    /// Tokens that start right where a window ends or a large chunk begins
    /// (where only the context byte says whether they start cleanly).
    #[test]
    fn tokens_at_cut_points() {
        let scanner = Scanner::default();
        let token = b"glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
        let filler = b"lorem ipsum dolor sit amet ".repeat(6 * KEEP / 27);
        let cut = 3 * KEEP;
        for at in [
            cut - KEEP - 1,
            cut - KEEP,
            cut - KEEP + 1,
            cut - 1,
            cut,
            cut + 1,
            cut + 2,
        ] {
            let mut text = filler.clone();
            text[at - 1] = b' ';
            text[at..at + token.len()].copy_from_slice(token);
            text[at + token.len()] = b' ';
            let whole: Vec<_> = scanner.scan(&text).collect();
            assert_eq!(whole.len(), 1);
            for step in [1, 100] {
                let mut window = Window::new(scanner.clone());
                window.step = step;
                let (mut found, mut out) = (Vec::new(), Vec::new());
                let mut sink = |piece: Piece<'_>| emit(piece, &mut out, &mut found);
                window.push(&text[..cut], &mut sink);
                window.push(&text[cut..], &mut sink);
                window.finish(&mut sink);
                assert_eq!(found, whole, "token at {at}, step {step}");
                assert_eq!(out, scanner.redact(&text), "token at {at}, step {step}");
            }
        }
    }

    #[test]
    fn memory_stays_bounded() {
        let scanner = Scanner::default();
        let mut redactor = scanner.redactor();
        let mut out = Vec::new();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..8 {
            redactor.push(&chunk, &mut out);
            assert!(redactor.window.buf.capacity() <= STEP + KEEP + 1);
            out.clear();
        }
        assert_eq!(redactor.position(), 8 << 20);
        redactor.finish(&mut out);
        assert_eq!(redactor.position(), 0);
    }
}
