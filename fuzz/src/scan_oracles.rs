//! What scanning and redacting must satisfy on any bytes: well-formed,
//! delimited findings whose checksum status agrees with strict decoding, the
//! same answers in one piece and streamed in chunks, and redaction that
//! changes nothing but tokens and leaves no valid token behind.
//!
//! The first input byte picks the scan options (bits 0-2) and the chunk size
//! of the streaming check (bits 3-7); the rest is the haystack. Shared with
//! `crates/token-core/tests/fuzz_regressions.rs` like `oracles.rs`.

use std::sync::OnceLock;

use token_core::scan::{MAX_FINDING_LEN, REDACTED, ScanOptions, Scanner};
use token_core::{Checksum, PrefixConfig, TokenKind, decode};

/// Scanners for the eight option combinations, on an instance with both
/// configurable prefixes set (compiled once: compiling is the costly part).
fn scanner(flags: u8) -> &'static Scanner {
    static SCANNERS: OnceLock<Vec<Scanner>> = OnceLock::new();
    let all = SCANNERS.get_or_init(|| {
        let config = PrefixConfig::default()
            .with_instance_prefix("acme")
            .and_then(|c| c.with_custom_pat_prefix("mypat_"))
            .expect("a valid configuration");
        (0..8u8)
            .map(|bits| {
                let options = ScanOptions {
                    report_invalid: bits & 1 == 0,
                    unconfigured_v0: bits & 2 == 0,
                    unprefixed_oauth: bits & 4 != 0,
                };
                Scanner::new(&config, options)
            })
            .collect()
    });
    &all[usize::from(flags & 7)]
}

fn split(data: &[u8]) -> Option<(&'static Scanner, usize, &[u8])> {
    let (&flags, text) = data.split_first()?;
    Some((scanner(flags), usize::from(flags >> 3) * 13 + 1, text))
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

/// Findings in one piece and streamed agree, and each is well formed.
pub fn check_scan(data: &[u8]) {
    let Some((scanner, chunk, text)) = split(data) else {
        return;
    };
    let found: Vec<_> = scanner.scan(text).collect();
    let mut end = 0;
    for f in &found {
        let range = f.range();
        assert!(range.start >= end, "findings overlap or are out of order");
        assert!(range.end <= text.len() && f.len <= MAX_FINDING_LEN);
        assert!(f.prefix_len < f.len);
        end = range.end;
        assert!(
            range.start == 0 || !is_word(text[range.start - 1]),
            "a finding starts inside a word"
        );
        assert!(
            range.end == text.len() || !is_word(text[range.end]),
            "a finding ends inside a word"
        );
        let token = &text[range];
        match (f.kind, f.checksum) {
            (TokenKind::Routable(format), Checksum::Valid) => {
                let decoded = decode(token).expect("a valid finding decodes");
                assert_eq!(decoded.format(), format);
                assert_eq!(decoded.prefix().len(), f.prefix_len);
                assert_eq!(Some(*decoded.routing()), f.routing);
            }
            (TokenKind::Routable(_), Checksum::Invalid) => {
                assert!(
                    scanner.options().report_invalid,
                    "an invalid finding was kept"
                );
                assert!(decode(token).is_err(), "a decodable token reported invalid");
            }
            (TokenKind::Legacy, Checksum::NotApplicable) => assert_eq!(f.routing, None),
            (kind, checksum) => panic!("a finding of kind {kind:?} with checksum {checksum:?}"),
        }
    }

    let mut stream = scanner.stream();
    let mut streamed = Vec::new();
    for piece in text.chunks(chunk) {
        streamed.extend_from_slice(stream.push(piece));
    }
    streamed.extend_from_slice(stream.finish());
    assert_eq!(
        streamed, found,
        "streamed in chunks of {chunk}, the findings differ"
    );
}

/// Redaction replaces exactly the findings, streamed or not, and what it
/// leaves holds no valid token.
pub fn check_redact(data: &[u8]) {
    let Some((scanner, chunk, text)) = split(data) else {
        return;
    };
    let redacted = scanner.redact(text);
    let mut rebuilt = Vec::with_capacity(text.len());
    let mut copied = 0;
    for f in scanner.scan(text) {
        let range = f.range();
        rebuilt.extend_from_slice(&text[copied..range.start]);
        rebuilt.extend_from_slice(&text[range.start..range.start + f.prefix_len]);
        rebuilt.extend_from_slice(REDACTED.as_bytes());
        copied = range.end;
    }
    rebuilt.extend_from_slice(&text[copied..]);
    assert!(
        redacted == rebuilt,
        "redaction changed more than the findings"
    );

    let mut redactor = scanner.redactor();
    let mut streamed = Vec::with_capacity(text.len());
    for piece in text.chunks(chunk) {
        redactor.push(piece, &mut streamed);
    }
    redactor.finish(&mut streamed);
    assert!(
        streamed == redacted,
        "streamed redaction in chunks of {chunk} differs"
    );

    let leftover = scanner.scan(&redacted).find(|f| f.is_valid());
    assert!(leftover.is_none(), "a valid token survived redaction");
}
