//! Leak detection: what the scanner finds, where tokens start and end, what it
//! refuses to call valid, redaction, and streams.

use rand::SeedableRng;
use rand::rngs::StdRng;
use token_core::scan::{REDACTED, ScanOptions, Scanner};
use token_core::{
    Checksum, Format, PrefixConfig, RoutingKey, RoutingOptions, RoutingPayload, RoutingValue,
    TokenKind, TokenType, encode, generate_legacy_with_rng, generate_with_rng,
};

const PAT_V1: &str = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
const PAT_V0: &str = "glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o";
const RUNNER_V1: &str = "glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k";
const LEGACY_PAT: &str = "glpat-ts8y8Mk2gxi-xvXVsxfN";
const UNPREFIXED_V0: &str = "bzoxd_Rb5_cHeWe1JH56wr2FCBA.0r1pum4t4";
const UNPREFIXED_V1: &str = "EL25d_AKXDUtqLnIQHEpkG86MQM.01.0r1ajj2i3";

fn routing(entries: &[(&str, u64)]) -> RoutingPayload {
    RoutingPayload::build(
        entries.iter().map(|&(k, v)| (k, RoutingValue::Int(v))),
        RoutingOptions {
            default_cell_id: Some(5),
            ..RoutingOptions::default()
        },
    )
    .unwrap()
}

/// `(start, len, type, kind, checksum)` of each finding.
type Summary = (usize, usize, Option<TokenType>, TokenKind, Checksum);

fn summary(scanner: &Scanner, text: &[u8]) -> Vec<Summary> {
    scanner
        .scan(text)
        .map(|f| {
            let r = f.range();
            (r.start, r.len(), f.token_type, f.kind, f.checksum)
        })
        .collect()
}

fn one(scanner: &Scanner, text: &str) -> token_core::scan::Finding {
    let found: Vec<_> = scanner.scan(text.as_bytes()).collect();
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found[0]
}

#[test]
fn finds_legacy_tokens_of_every_type_with_every_prefix_form() {
    let mut rng = StdRng::seed_from_u64(3);
    let acme = PrefixConfig::default()
        .with_instance_prefix("acme")
        .unwrap();
    for (config, scanner) in [
        (PrefixConfig::default(), Scanner::default()),
        (acme.clone(), Scanner::new(&acme, ScanOptions::default())),
        // An instance prefix nobody configured is still found.
        (acme.clone(), Scanner::default()),
    ] {
        for token_type in TokenType::ALL {
            if token_type == TokenType::OAuthAccessToken {
                continue;
            }
            for _ in 0..20 {
                let token = generate_legacy_with_rng(token_type, &config, &mut rng).unwrap();
                let text = format!("x = \"{token}\"; y");
                let found = one(&scanner, &text);
                assert_eq!(found.range(), 5..5 + token.len(), "{token}");
                assert_eq!(found.token_type, Some(token_type), "{token}");
                assert_eq!(found.kind, TokenKind::Legacy);
                assert_eq!(found.checksum, Checksum::NotApplicable);
                assert_eq!(found.prefix_len, config.prefix_for(token_type).len());
                assert!(found.routing.is_none());
            }
        }
    }
}

#[test]
fn finds_routable_tokens_of_every_prefix_in_both_formats() {
    let mut rng = StdRng::seed_from_u64(4);
    let config = PrefixConfig::default()
        .with_instance_prefix("cells7")
        .unwrap()
        .with_custom_pat_prefix("corp.pat/")
        .unwrap();
    let scanner = Scanner::new(&config, ScanOptions::default());
    let payload = routing(&[("o", 42), ("u", 1_000_000)]);
    for token_type in TokenType::ALL {
        for prefix in config.prefixes_of(token_type) {
            for format in [Format::V0, Format::V1] {
                let token = generate_with_rng(&prefix, &payload, format, &mut rng).unwrap();
                let text = format!("curl -H 'PRIVATE-TOKEN: {token}' https://x\n");
                let found = one(&scanner, &text);
                assert_eq!(found.range(), 24..24 + token.len(), "{token}");
                assert_eq!(found.token_type, Some(token_type), "{token}");
                assert_eq!(found.kind, TokenKind::Routable(format));
                assert_eq!(found.checksum, Checksum::Valid);
                assert_eq!(found.prefix_len, prefix.len());
                assert_eq!(found.routing, Some(payload));
            }
        }
    }
}

#[test]
fn routing_of_valid_tokens_is_reported() {
    let found = one(&Scanner::default(), RUNNER_V1);
    let routing = found.routing.unwrap();
    assert_eq!(routing.get(RoutingKey::Cell), Some("1"));
    assert_eq!(routing.get(RoutingKey::Organization), Some("rz"));
    assert_eq!(found.token_type, Some(TokenType::RunnerAuthenticationToken));
}

#[test]
fn valid_tokens_with_unconfigured_prefixes_are_found_by_their_checksum() {
    let scanner = Scanner::default();
    let payload = routing(&[("o", 1)]);
    for prefix in [
        "",
        "prefix-",
        "my.pat:",
        "acme-glpat-",
        "glpat-foo-",
        "x.glpat-",
        "a=b",
    ] {
        for format in [Format::V0, Format::V1] {
            let token = encode(prefix, &payload, &[7; 16], format).unwrap();
            let text = format!("seen {token} here");
            let found = one(&scanner, &text);
            assert_eq!(found.range(), 5..5 + token.len(), "{token}");
            assert_eq!(found.prefix_len, prefix.len(), "{token}");
            assert_eq!(found.checksum, Checksum::Valid);
            let expected = prefix
                .contains("glpat-")
                .then_some(TokenType::PersonalAccessToken);
            assert_eq!(found.token_type, expected, "{token}");
        }
    }
}

#[test]
fn v0_tokens_with_unconfigured_prefixes_need_the_option() {
    let off = Scanner::new(
        &PrefixConfig::default(),
        ScanOptions {
            unconfigured_v0: false,
            ..ScanOptions::default()
        },
    );
    assert!(off.scan(UNPREFIXED_V0.as_bytes()).next().is_none());
    assert_eq!(one(&off, UNPREFIXED_V1).checksum, Checksum::Valid);
    assert_eq!(one(&off, PAT_V0).checksum, Checksum::Valid);
    assert_eq!(
        one(&Scanner::default(), UNPREFIXED_V0).checksum,
        Checksum::Valid
    );
}

#[test]
fn look_alikes_are_invalid_or_dropped_never_valid() {
    let scanner = Scanner::default();
    let quiet = Scanner::new(
        &PrefixConfig::default(),
        ScanOptions {
            report_invalid: false,
            ..ScanOptions::default()
        },
    );
    let mut invalid = 0;
    for token in [PAT_V1, PAT_V0, RUNNER_V1] {
        let bytes = token.as_bytes();
        for at in 6..bytes.len() {
            if bytes[at] == b'.' {
                continue;
            }
            let mut tampered = bytes.to_vec();
            tampered[at] = if bytes[at] == b'a' { b'b' } else { b'a' };
            for found in scanner.scan(&tampered) {
                assert_eq!(found.checksum, Checksum::Invalid, "{at}");
                assert_eq!(found.range(), 0..bytes.len(), "{at}");
                invalid += 1;
            }
            assert!(quiet.scan(&tampered).next().is_none(), "{at}");
        }
    }
    // Every payload byte and most field bytes: a tampered field may also
    // leave no routable tail at all (a version other than 01, a CRC field
    // over 32 bits), and then there is nothing token-shaped to report.
    assert!(invalid >= 3 * 40, "{invalid}");
    let found = one(&scanner, &format!("{}x", &PAT_V1[..PAT_V1.len() - 1]));
    assert_eq!(found.checksum, Checksum::Invalid);
    assert_eq!(found.token_type, Some(TokenType::PersonalAccessToken));
    assert!(found.routing.is_none());
}

#[test]
fn tokens_do_not_start_or_end_inside_words() {
    let scanner = Scanner::default();
    for text in [
        format!("x{LEGACY_PAT}"),
        format!("{LEGACY_PAT}x"),
        format!("{LEGACY_PAT}-"),
        format!("_{LEGACY_PAT}"),
        format!("{PAT_V1}a"),
        format!("{PAT_V1}_"),
        format!("{PAT_V0}0"),
        format!("a{UNPREFIXED_V1}"),
        format!("_{UNPREFIXED_V0}"),
    ] {
        assert_eq!(summary(&scanner, text.as_bytes()), [], "{text}");
    }
    for (text, start) in [
        (format!("{LEGACY_PAT}."), 0),
        (format!("{PAT_V1}."), 0),
        (format!(".{PAT_V1}.01"), 1),
        (format!("/{PAT_V0}/"), 1),
        (format!("é{PAT_V0}é"), 2),
        (format!("\0{RUNNER_V1}\0"), 1),
    ] {
        let found = one(&scanner, &text);
        assert_eq!(found.range().start, start, "{text}");
    }
}

#[test]
fn adjacent_tokens_are_each_found() {
    let scanner = Scanner::default();
    let text = format!("{PAT_V1} {PAT_V0}.{LEGACY_PAT},{RUNNER_V1}:{UNPREFIXED_V1}");
    let found: Vec<_> = scanner.scan(text.as_bytes()).map(|f| f.range()).collect();
    let mut expected = Vec::new();
    let mut at = 0;
    for token in [PAT_V1, PAT_V0, LEGACY_PAT, RUNNER_V1, UNPREFIXED_V1] {
        expected.push(at..at + token.len());
        at += token.len() + 1;
    }
    assert_eq!(found, expected);
}

#[test]
fn longest_prefix_wins() {
    let scanner = Scanner::default();
    let runner_t1 = "glrt-t1_abcdefghijkmnpqrstuv";
    let found = one(&scanner, runner_t1);
    assert_eq!(found.prefix_len, 8);
    assert_eq!(found.token_type, Some(TokenType::RunnerAuthenticationToken));
    let found = one(&scanner, "glrtr-abcdefghijkmnpqrstuv");
    assert_eq!(found.prefix_len, 6);
}

#[test]
fn ci_job_tokens_in_both_forms() {
    let scanner = Scanner::default();
    let jwt = "glcbt-eyJhbGciOiJIUzI1NiJ9.eyJjZWxsX2lkIjoxfQ.c2lnbmF0dXJl";
    let found = one(&scanner, &format!("JOB_TOKEN={jwt}. Done"));
    assert_eq!(found.range(), 10..10 + jwt.len());
    assert_eq!(found.token_type, Some(TokenType::CiJobToken));
    let partitioned = "glcbt-64_abcdefghijkmnpqrstuv";
    assert_eq!(one(&scanner, partitioned).range(), 0..partitioned.len());
}

#[test]
fn unprefixed_oauth_tokens_need_the_option() {
    let hex = "0123456789abcdef".repeat(4);
    let text = format!("access_token={hex}&x=1 sha:{hex}0 {}", hex.to_uppercase());
    assert_eq!(summary(&Scanner::default(), text.as_bytes()), []);
    let scanner = Scanner::new(
        &PrefixConfig::default(),
        ScanOptions {
            unprefixed_oauth: true,
            ..ScanOptions::default()
        },
    );
    assert_eq!(
        summary(&scanner, text.as_bytes()),
        [(
            13,
            64,
            Some(TokenType::OAuthAccessToken),
            TokenKind::Legacy,
            Checksum::NotApplicable
        )]
    );
    let both = format!("{hex} {PAT_V1} {hex}");
    assert_eq!(scanner.scan(both.as_bytes()).count(), 3);
}

#[test]
fn redaction_keeps_prefixes_and_every_other_byte() {
    let scanner = Scanner::default();
    let text = format!(
        "a={PAT_V1}\nb={LEGACY_PAT} c={UNPREFIXED_V1}\td=glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcia\0"
    );
    let redacted = scanner.redact(text.as_bytes());
    let expected =
        format!("a=glpat-{REDACTED}\nb=glpat-{REDACTED} c={REDACTED}\td=glpat-{REDACTED}\0");
    assert_eq!(String::from_utf8(redacted).unwrap(), expected);
    let mut out = b"keep:".to_vec();
    assert_eq!(scanner.redact_into(text.as_bytes(), &mut out), 4);
    assert_eq!(&out[5..], expected.as_bytes());
    assert_eq!(scanner.redact(b"nothing here"), b"nothing here");
}

#[test]
fn streams_agree_with_whole_input_scans() {
    let scanner = Scanner::default();
    let mut text = Vec::new();
    let mut expected = Vec::new();
    let mut rng = StdRng::seed_from_u64(9);
    let payload = routing(&[("o", 3)]);
    // Over a megabyte, so windows are scanned many times and tokens straddle cuts.
    while text.len() < 1_200_000 {
        text.extend_from_slice(b"lorem ipsum dolor sit amet, 2024.01.15 glob(). ");
        if text.len() % 7 == 0 {
            let token = generate_with_rng("glpat-", &payload, Format::V1, &mut rng).unwrap();
            expected.push(text.len()..text.len() + token.len());
            text.extend_from_slice(token.as_bytes());
            text.push(b' ');
        }
    }
    let whole: Vec<_> = scanner.scan(&text).collect();
    assert_eq!(
        whole.iter().map(|f| f.range()).collect::<Vec<_>>(),
        expected
    );
    for chunk_len in [1, 7, 4096, 65_536, 1 << 20] {
        let mut stream = scanner.stream();
        let mut redactor = scanner.redactor();
        let mut found = Vec::new();
        let mut out = Vec::new();
        let mut redacted = 0;
        for chunk in text.chunks(chunk_len) {
            found.extend_from_slice(stream.push(chunk));
            redacted += redactor.push(chunk, &mut out).len();
        }
        found.extend_from_slice(stream.finish());
        redacted += redactor.finish(&mut out).len();
        assert_eq!(found, whole, "{chunk_len}");
        assert_eq!(redacted, whole.len());
        assert_eq!(out, scanner.redact(&text), "{chunk_len}");
        assert_eq!(stream.position(), 0, "finish starts a new stream");
    }
}

#[test]
fn findings_hold_no_secret() {
    let found = one(&Scanner::default(), PAT_V1);
    let debug = format!("{found:?}");
    assert!(!debug.contains("YWFh"), "{debug}");
    assert!(!debug.contains("0w082kcij"), "{debug}");
    assert!(found.is_valid() && found.is_secret());
    assert_eq!(found.end(), PAT_V1.len() as u64);
}

#[test]
fn nothing_is_found_in_text_without_tokens() {
    let scanner = Scanner::new(
        &PrefixConfig::default(),
        ScanOptions {
            unprefixed_oauth: true,
            ..ScanOptions::default()
        },
    );
    let text = b"global glob gl.drawArrays(GL_TRIANGLES); v1.01.2 2024.01.15 glpat- glpat-short \
                 GR1348941 _gitlab_session= glrt-t1_ A.0123456789 Q.1z141z3 .01.0w082kcij";
    assert_eq!(summary(&scanner, text), []);
    assert_eq!(summary(&scanner, b""), []);
}
