//! The scanner against testdata/vectors.json: every valid token is found
//! whole and valid, in any surroundings; no reject vector is ever valid.

use std::path::PathBuf;

use serde_json::Value;
use token_core::scan::{ScanOptions, Scanner};
use token_core::{Checksum, Format, PrefixConfig, TokenKind, TokenType};

fn vectors() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/vectors.json");
    let text = std::fs::read_to_string(path).expect("testdata/vectors.json is readable");
    serde_json::from_str(&text).expect("vectors are JSON")
}

fn tokens_of<'a>(vectors: &'a Value, list: &str) -> Vec<&'a str> {
    vectors[list]
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v["token"].as_str().expect("token"))
        .collect()
}

/// Surroundings a token meets in logs, code and URLs.
const SURROUNDINGS: [(&str, &str); 7] = [
    ("", ""),
    ("token: ", "\n"),
    ("Authorization: Bearer ", "\r\n"),
    ("\"", "\","),
    ("https://gitlab.example.com/api?private_token=", "&page=2"),
    ("(", ")."),
    ("\u{00e9}\0 ", " \u{00e9}\0"),
];

#[test]
fn every_valid_vector_token_is_found_whole_and_valid() {
    let vectors = vectors();
    let scanner = Scanner::default();
    let mut tokens = tokens_of(&vectors, "encode");
    tokens.extend(tokens_of(&vectors, "decode"));
    assert!(tokens.len() >= 15);
    for token in tokens {
        let expected = vectors["decode"]
            .as_array()
            .unwrap()
            .iter()
            .chain(vectors["encode"].as_array().unwrap())
            .find(|v| v["token"] == token)
            .unwrap();
        let format: Format = expected["format"].as_str().unwrap().parse().unwrap();
        let prefix = expected["prefix"].as_str().unwrap();
        for (before, after) in SURROUNDINGS {
            let text = format!("{before}{token}{after}");
            let found: Vec<_> = scanner.scan(text.as_bytes()).collect();
            assert_eq!(found.len(), 1, "{token:?} in {text:?}");
            let found = found[0];
            assert_eq!(
                found.range(),
                before.len()..before.len() + token.len(),
                "{token}"
            );
            assert_eq!(found.checksum, Checksum::Valid, "{token}");
            assert_eq!(found.kind, TokenKind::Routable(format), "{token}");
            assert_eq!(found.prefix_len, prefix.len(), "{token}");
            let routing = found.routing.expect("routing of a valid token");
            assert_eq!(routing, *token_core::decode(token).unwrap().routing());
            let expected_type = match prefix {
                "glpat-" => Some(TokenType::PersonalAccessToken),
                "glrtr-" => Some(TokenType::RunnerAuthenticationToken),
                _ => None,
            };
            assert_eq!(found.token_type, expected_type, "{token}");
        }
    }
}

#[test]
fn no_reject_vector_is_ever_valid() {
    let vectors = vectors();
    let rejects = tokens_of(&vectors, "reject");
    assert!(rejects.len() >= 10);
    for options in [
        ScanOptions::default(),
        ScanOptions {
            report_invalid: false,
            ..ScanOptions::default()
        },
    ] {
        let scanner = Scanner::new(&PrefixConfig::default(), options);
        for token in &rejects {
            for (before, after) in SURROUNDINGS {
                let text = format!("{before}{token}{after}");
                for found in scanner.scan(text.as_bytes()) {
                    assert_ne!(found.checksum, Checksum::Valid, "{token:?}");
                    if !options.report_invalid {
                        assert_ne!(found.checksum, Checksum::Invalid, "{token:?}");
                    }
                }
            }
        }
    }
}

/// Reject vectors with a configured prefix and a routable tail are reported
/// invalid, whole; the others are not routable-shaped for this instance
/// (`glpaT-` is not a prefix, `.02.` is no tail, no prefix at all) and are
/// dropped; the legacy PAT is legacy.
#[test]
fn reject_vectors_are_invalid_dropped_or_legacy() {
    let vectors = vectors();
    let scanner = Scanner::default();
    let mut seen = 0;
    for entry in vectors["reject"].as_array().unwrap() {
        let token = entry["token"].as_str().unwrap();
        let why = entry["why"].as_str().unwrap();
        let found: Vec<_> = scanner
            .scan(token.as_bytes())
            .map(|f| (f.range(), f.kind, f.checksum))
            .collect();
        let expected = match why {
            "checksum" if token.starts_with("glpat-") => {
                vec![(
                    0..token.len(),
                    TokenKind::Routable(Format::V1),
                    Checksum::Invalid,
                )]
            }
            "length field does not match"
            | "length field larger than the token"
            | "truncated payload: length byte does not match"
            | "empty routing payload"
            | "routing lines are not k:v"
            | "length byte does not match the routing length" => {
                vec![(
                    0..token.len(),
                    TokenKind::Routable(Format::V1),
                    Checksum::Invalid,
                )]
            }
            why if why.starts_with("legacy token") => {
                vec![(0..token.len(), TokenKind::Legacy, Checksum::NotApplicable)]
            }
            _ => vec![],
        };
        assert_eq!(found, expected, "{why}: {token}");
        seen += 1;
    }
    assert!(seen >= 13);
}

#[test]
fn the_legacy_vector_is_found_as_legacy() {
    let vectors = vectors();
    let scanner = Scanner::default();
    for entry in vectors["legacy"].as_array().unwrap() {
        let token = entry["token"].as_str().unwrap();
        let token_type = TokenType::from_symbol(entry["type"].as_str().unwrap());
        let text = format!("export TOKEN={token}\n");
        let found: Vec<_> = scanner.scan(text.as_bytes()).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range(), 13..13 + token.len());
        assert_eq!(found[0].token_type, token_type);
        assert_eq!(found[0].kind, TokenKind::Legacy);
        assert_eq!(found[0].checksum, Checksum::NotApplicable);
        assert_eq!(
            scanner.redact(text.as_bytes()),
            b"export TOKEN=glpat-[REDACTED]\n"
        );
    }
}
