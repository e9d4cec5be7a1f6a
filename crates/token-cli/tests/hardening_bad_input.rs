//! Hostile input through the `token-codec` binary: empty, 1 MB and 64 MB,
//! NUL bytes, invalid UTF-8, every prefix with a truncated body, length fields
//! past the end, maximal payloads, thousands of dots. `decode`, `identify` and
//! `route` give token-core's specific reason for every line; `scan` and
//! `redact` stream any bytes in bounded memory (checked under `ulimit -v`).
//! A crash (a signal) fails the run.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;
use token_core::{
    Format, PrefixConfig, RoutingOptions, RoutingPayload, RoutingValue, TokenType, decode,
    generate, generate_legacy, identify, verify,
};

const MEGABYTE: usize = 1 << 20;
const PAT_V1: &str = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
const PAT_V0: &str = "glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o";

/// How a run ended and what it printed.
struct Outcome {
    status: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Outcome {
    fn json_lines(&self) -> Vec<Value> {
        String::from_utf8(self.stdout.clone())
            .expect("UTF-8 JSON")
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    }
}

/// Runs `token-codec args…` on `stdin`, within `address_space_kib` of
/// virtual memory when given (through `ulimit -v`).
fn codec(args: &[&str], stdin: &[u8], address_space_kib: Option<u64>) -> Outcome {
    let binary = env!("CARGO_BIN_EXE_token-codec");
    let mut command = match address_space_kib {
        Some(limit) => {
            let mut sh = Command::new("sh");
            sh.arg("-c")
                .arg(format!("ulimit -v {limit} && exec \"$0\" \"$@\""))
                .arg(binary)
                .args(args);
            sh
        }
        None => {
            let mut direct = Command::new(binary);
            direct.args(args);
            direct
        }
    };
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("the binary ends");
    writer.join().expect("stdin written");
    let status = output.status.code().unwrap_or_else(|| {
        panic!(
            "token-codec {args:?} was killed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    Outcome {
        status,
        stdout: output.stdout,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Feeds `lines` (one token each) to `decode`, `identify` and `route` with
/// `--json` and checks each answer against token-core's for the same bytes.
fn assert_cli_agrees_with_core(lines: &[Vec<u8>]) {
    let mut stdin = Vec::new();
    for line in lines {
        assert!(!line.contains(&b'\n'));
        stdin.extend_from_slice(line);
        stdin.push(b'\n');
    }
    let tokens: Vec<&str> = lines
        .iter()
        .map(|l| std::str::from_utf8(l).expect("UTF-8 lines").trim())
        .filter(|l| !l.is_empty())
        .collect();

    let decoded = codec(&["decode", "--json"], &stdin, None);
    let answers = decoded.json_lines();
    assert_eq!(answers.len(), tokens.len(), "{}", decoded.stderr);
    let mut rejected = 0;
    for (token, answer) in tokens.iter().zip(&answers) {
        match decode(token) {
            Ok(_) => assert_eq!(answer["ok"], true),
            Err(reason) => {
                assert_eq!(answer["ok"], false);
                assert_eq!(
                    answer["error"],
                    reason.code(),
                    "decode of a {}-byte line",
                    token.len()
                );
                rejected += 1;
            }
        }
    }
    assert_eq!(decoded.status, if rejected > 0 { 1 } else { 0 });

    let identified = codec(&["identify", "--json"], &stdin, None);
    for (token, answer) in tokens.iter().zip(identified.json_lines()) {
        let expected = identify(token).map(|id| id.token_type.symbol());
        assert_eq!(
            answer["type"].as_str(),
            expected,
            "identify of a {}-byte line",
            token.len()
        );
    }
    assert!(identified.status <= 1, "{}", identified.stderr);

    let routed = codec(&["route", "--json"], &stdin, None);
    assert_eq!(routed.status, 0, "{}", routed.stderr);
    for (token, answer) in tokens.iter().zip(routed.json_lines()) {
        if let Err(reason) = decode(token) {
            assert_eq!(answer["decision"], "default");
            assert_eq!(answer["reason"], reason.code());
        }
    }
}

fn routing() -> RoutingPayload {
    RoutingPayload::build(
        [("o", RoutingValue::Int(1)), ("u", RoutingValue::Int(1))],
        RoutingOptions::default(),
    )
    .expect("valid routing")
}

/// `token` without its checksum, changed by `edit`, sealed with a fresh one.
fn resealed(token: &str, edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut body = token.as_bytes()[..token.len() - 7].to_vec();
    edit(&mut body);
    let mut crc = u64::from(crc32(&body));
    let mut digits = [b'0'; 7];
    for slot in digits.iter_mut().rev() {
        *slot = b"0123456789abcdefghijklmnopqrstuvwxyz"[(crc % 36) as usize];
        crc /= 36;
    }
    body.extend_from_slice(&digits);
    body
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & 0u32.wrapping_sub(crc & 1));
        }
    }
    !crc
}

#[test]
fn empty_input_and_empty_arguments() {
    let out = codec(&["decode", "--json"], b"", None);
    assert_eq!((out.status, out.stdout.len()), (0, 0), "nothing to decode");
    let out = codec(&["decode", "--json", ""], b"", None);
    assert_eq!(out.status, 1);
    assert_eq!(out.json_lines()[0]["error"], "empty");
    for command in ["scan", "redact"] {
        let out = codec(&[command], b"", None);
        assert_eq!(out.status, 0, "{command}: {}", out.stderr);
    }
    assert!(codec(&["redact"], b"", None).stdout.is_empty());
}

#[test]
fn nul_bytes_dots_and_every_cut_of_every_prefix() {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for n in [1, 9, 10, 13, 100, 1000, 1372, 1373, 5000] {
        lines.push(vec![0; n]);
        lines.push(vec![b'.'; n]);
    }
    let mut dotted = vec![b'.'; 1000];
    dotted.extend_from_slice(b".01.0w082kcij");
    lines.push(dotted);
    for token in [PAT_V1, PAT_V0] {
        for at in 0..token.len() - 7 {
            lines.push(resealed(token, |body| body[at] = 0));
        }
        lines.push([token.as_bytes(), b"\0"].concat());
    }
    for config in [
        PrefixConfig::default(),
        PrefixConfig::default()
            .with_instance_prefix("acme")
            .expect("valid"),
    ] {
        for token_type in TokenType::ALL {
            let legacy = generate_legacy(token_type, &config).expect("generated");
            let mut tokens = vec![legacy.clone()];
            let prefix = config.prefix_for(token_type);
            if !prefix.is_empty() {
                for format in [Format::V1, Format::V0] {
                    tokens.push(generate(&prefix, &routing(), format).expect("generated"));
                }
            }
            for token in tokens {
                for cut in 1..=token.len() {
                    lines.push(token.as_bytes()[..cut].to_vec());
                }
            }
        }
    }
    assert_cli_agrees_with_core(&lines);
}

#[test]
fn length_fields_past_the_end_and_maximal_payloads() {
    let mut lines = Vec::new();
    for token in [PAT_V1, PAT_V0] {
        let layout = verify(token).expect("valid");
        for stated in layout.prefix_len + layout.payload_len + 1..36 * 36 {
            let field = [
                b"0123456789abcdefghijklmnopqrstuvwxyz"[stated / 36],
                b"0123456789abcdefghijklmnopqrstuvwxyz"[stated % 36],
            ];
            let line = resealed(token, |body| {
                let n = body.len();
                body[n - 2..].copy_from_slice(&field);
            });
            assert_eq!(
                decode(&line).unwrap_err(),
                token_core::DecodeError::LengthFieldOutOfRange
            );
            lines.push(line);
        }
    }
    let largest = resealed(
        &format!("{}{}.01.zz0000000", "p".repeat(64), "A".repeat(1295)),
        |_| {},
    );
    lines.push(largest);
    assert_cli_agrees_with_core(&lines);

    let value = format!("o={}", "x".repeat(157));
    let prefix = "p".repeat(64);
    let hex = "07".repeat(16);
    let out = codec(
        &["encode", &prefix, "-r", &value, "--random-hex", &hex],
        b"",
        None,
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let token = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(token.trim().len(), token_core::MAX_TOKEN_LEN);
    let over = format!("o={}", "x".repeat(158));
    let out = codec(
        &["encode", "glpat-", "-r", &over, "--random-hex", &hex],
        b"",
        None,
    );
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("Maximum size is 159"), "{}", out.stderr);
    let long_prefix = "p".repeat(65);
    let out = codec(
        &["encode", &long_prefix, "-r", "o=1", "--random-hex", &hex],
        b"",
        None,
    );
    assert_eq!(out.status, 2);
    assert!(!out.stderr.is_empty());
}

#[test]
fn invalid_utf8_is_refused_with_a_message() {
    for bad in [&b"\xff"[..], b"\xc0\x80", b"\xed\xa0\x80", b"\xe2\x82"] {
        let line = [b"glpat-".as_slice(), bad, b"aaaaaaaaaaaaaaaaaaaa\n"].concat();
        for command in ["decode", "identify", "route"] {
            let out = codec(&[command], &line, None);
            assert_eq!(out.status, 2, "{command}");
            assert!(out.stderr.contains("UTF-8"), "{command}: {}", out.stderr);
        }
        // Scanning takes any bytes.
        let text = [bad, b" ", PAT_V1.as_bytes(), b" ", bad].concat();
        let out = codec(&["scan", "--json"], &text, None);
        assert_eq!(out.status, 1, "a valid token is a finding: {}", out.stderr);
        let redacted = codec(&["redact"], &text, None);
        assert_eq!(redacted.stdout, [bad, b" glpat-[REDACTED] ", bad].concat());
    }
}

#[test]
fn huge_lines_get_too_long() {
    // 32 MiB of address space: a 64 MB line must be answered without being held.
    const LIMIT_KIB: Option<u64> = Some(32 * 1024);
    for size in [MEGABYTE, 64 * MEGABYTE] {
        let mut line = b"glpat-".to_vec();
        line.resize(size - 13, b'A');
        line.extend_from_slice(b".01.0w082kcij\n");
        let out = codec(&["decode", "--json"], &line, LIMIT_KIB);
        assert_eq!(out.status, 1, "{}", out.stderr);
        assert_eq!(out.json_lines()[0]["error"], "too_long");
        let out = codec(&["route", "--json"], &line, LIMIT_KIB);
        assert_eq!(out.json_lines()[0]["reason"], "too_long");
        let out = codec(&["identify", "--json"], &line, LIMIT_KIB);
        assert_eq!(out.json_lines()[0]["identified"], false);
    }
}

#[test]
fn scan_and_redact_stream_64_megabytes_in_32_mib() {
    let size = 64 * MEGABYTE;
    for fill in [0u8, b'.', 0xff, b'a'] {
        let mut text = vec![fill; size];
        let planted = size / 2;
        text[planted - 1] = b' ';
        text[planted..planted + PAT_V1.len()].copy_from_slice(PAT_V1.as_bytes());
        text[planted + PAT_V1.len()] = b' ';

        let scanned = codec(&["scan", "--json"], &text, Some(32 * 1024));
        assert_eq!(scanned.status, 1, "fill {fill:#x}: {}", scanned.stderr);
        let findings: Vec<Value> = scanned
            .json_lines()
            .into_iter()
            .filter(|v| v.get("summary").is_none())
            .collect();
        assert_eq!(findings.len(), 1, "fill {fill:#x}");

        let redacted = codec(&["redact"], &text, Some(32 * 1024));
        assert_eq!(redacted.status, 0, "{}", redacted.stderr);
        let marker = b"glpat-[REDACTED]";
        assert_eq!(redacted.stdout.len(), size - PAT_V1.len() + marker.len());
        assert_eq!(redacted.stdout[..planted], text[..planted]);
        assert_eq!(&redacted.stdout[planted..planted + marker.len()], marker);
        assert_eq!(
            redacted.stdout[planted + marker.len()..],
            text[planted + PAT_V1.len()..]
        );
    }
}

#[test]
fn lines_are_answered_one_at_a_time_after_a_huge_one() {
    let mut input = vec![b'x'; 3 * MEGABYTE];
    input.extend_from_slice(b"\nglpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij\n");
    let out = codec(&["decode", "--json"], &input, Some(32 * 1024));
    let lines = out.json_lines();
    assert_eq!(lines.len(), 2, "{}", out.stderr);
    assert_eq!(lines[0]["error"], "too_long");
    assert_eq!(lines[1]["ok"], true);
}
