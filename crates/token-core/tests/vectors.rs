//! Every known-answer vector of testdata/vectors.json.

use std::path::PathBuf;

use serde_json::{Map, Value};
use token_core::{
    Checksum, DecodeError, Format, RoutingOptions, RoutingPayload, RoutingValue, TokenKind,
    TokenType, decode, encode, identify, verify,
};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn vectors() -> Value {
    let text = std::fs::read_to_string(repo_root().join("testdata/vectors.json"))
        .expect("testdata/vectors.json is readable");
    serde_json::from_str(&text).expect("vectors are JSON")
}

fn list<'a>(vectors: &'a Value, name: &str) -> &'a Vec<Value> {
    vectors[name]
        .as_array()
        .unwrap_or_else(|| panic!("{name} is a list"))
}

fn hex16(text: &str) -> [u8; 16] {
    let mut out = [0u8; 16];
    assert_eq!(text.len(), 32);
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).expect("hex");
    }
    out
}

fn routing_entries(routing: &Map<String, Value>) -> Vec<(&str, RoutingValue<'_>)> {
    routing
        .iter()
        .map(|(key, value)| {
            let value = match value {
                Value::Number(n) => RoutingValue::Int(n.as_u64().expect("u64")),
                Value::String(s) => RoutingValue::Text(s),
                Value::Null => RoutingValue::Absent,
                other => panic!("unexpected routing value {other}"),
            };
            (key.as_str(), value)
        })
        .collect()
}

fn format_of(vector: &Value) -> Format {
    vector["format"]
        .as_str()
        .expect("format")
        .parse()
        .expect("v0 or v1")
}

#[test]
fn copy_matches_the_shared_specification_when_present() {
    let shared = repo_root().join("../shared/spec/vectors.json");
    if let Ok(text) = std::fs::read_to_string(&shared) {
        let shared: Value = serde_json::from_str(&text).expect("shared vectors are JSON");
        assert_eq!(
            shared,
            vectors(),
            "testdata/vectors.json differs from the shared copy"
        );
    }
}

#[test]
fn encode_vectors_are_reproduced_byte_for_byte() {
    let vectors = vectors();
    let encode_vectors = list(&vectors, "encode");
    assert!(encode_vectors.len() >= 11);
    for vector in encode_vectors {
        let options = RoutingOptions {
            default_cell_id: vector["cell_id"].as_u64(),
            ..RoutingOptions::default()
        };
        let routing = RoutingPayload::build(
            routing_entries(vector["routing"].as_object().expect("routing")),
            options,
        )
        .expect("routing builds");
        let random = hex16(vector["random_hex"].as_str().expect("random_hex"));
        let prefix = vector["prefix"].as_str().expect("prefix");
        let token = encode(prefix, &routing, &random, format_of(vector)).expect("encodes");
        assert_eq!(
            token,
            vector["token"].as_str().unwrap(),
            "{}",
            vector["note"]
        );

        // And back: the decoder returns the same parts.
        let decoded = decode(&token).expect("round trip");
        assert_eq!(decoded.prefix(), prefix);
        assert_eq!(decoded.format(), format_of(vector));
        assert_eq!(decoded.random_bytes(), &random);
        assert_eq!(decoded.routing(), &routing);
    }
}

#[test]
fn decode_vectors_give_their_parts() {
    let vectors = vectors();
    for vector in list(&vectors, "decode") {
        let token = vector["token"].as_str().unwrap();
        let decoded = decode(token).unwrap_or_else(|e| panic!("{}: {e}", vector["note"]));
        assert_eq!(decoded.prefix(), vector["prefix"].as_str().unwrap());
        assert_eq!(decoded.format(), format_of(vector));
        assert_eq!(
            decoded.random_bytes(),
            &hex16(vector["random_hex"].as_str().unwrap())
        );
        let expected: Vec<(String, String)> = vector["routing"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect();
        let actual: Vec<(String, String)> = decoded
            .routing()
            .entries()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_owned()))
            .collect();
        assert_eq!(actual, expected);
        assert!(verify(token).is_ok());
    }
}

/// The specific reason each reject vector must get, keyed by its `why`.
fn expected_reason(why: &str) -> DecodeError {
    match why {
        w if w.starts_with("checksum") => DecodeError::ChecksumMismatch,
        "unknown version" => DecodeError::UnsupportedVersion,
        "length field does not match" => DecodeError::LengthFieldMismatch,
        "length field larger than the token" => DecodeError::LengthFieldOutOfRange,
        w if w.starts_with("truncated payload") => DecodeError::LengthByteMismatch,
        "empty routing payload" => DecodeError::EmptyRouting,
        "routing lines are not k:v" => DecodeError::MalformedRouting,
        "routing payload over 159 bytes" => DecodeError::RoutingTooLarge,
        "length byte does not match the routing length" => DecodeError::LengthByteMismatch,
        w if w.starts_with("legacy token") => DecodeError::NotRoutable,
        "empty" => DecodeError::Empty,
        other => panic!("no expected reason for reject vector {other:?}"),
    }
}

#[test]
fn reject_vectors_fail_with_their_specific_reason() {
    let vectors = vectors();
    for vector in list(&vectors, "reject") {
        let token = vector["token"].as_str().unwrap();
        let why = vector["why"].as_str().unwrap();
        let mut expected = expected_reason(why);
        // An uppercased token breaks the checksum field's alphabet before its value.
        if expected == DecodeError::ChecksumMismatch
            && token
                .bytes()
                .skip(token.len().saturating_sub(7))
                .any(|b| b.is_ascii_uppercase())
        {
            expected = DecodeError::InvalidChecksumField;
        }
        assert_eq!(decode(token).unwrap_err(), expected, "{why}");
        let message = expected.to_string();
        assert!(
            token.is_empty() || !message.contains(token),
            "error text leaks the token"
        );
    }
}

#[test]
fn generate_error_vectors_give_gitlab_messages() {
    let vectors = vectors();
    for vector in list(&vectors, "generate_errors") {
        let err = RoutingPayload::build(
            routing_entries(vector["routing"].as_object().unwrap()),
            RoutingOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.kind(), vector["error"].as_str().unwrap());
        assert_eq!(err.to_string(), vector["message"].as_str().unwrap());
    }
}

#[test]
fn legacy_vectors_identify_as_legacy_of_their_type() {
    let vectors = vectors();
    for vector in list(&vectors, "legacy") {
        let token = vector["token"].as_str().unwrap();
        let id = identify(token).expect("identified");
        let expected = TokenType::from_symbol(vector["type"].as_str().unwrap()).unwrap();
        assert_eq!(id.token_type, expected);
        assert_eq!(id.kind, TokenKind::Legacy);
        assert_eq!(id.checksum, Checksum::NotApplicable);
        assert_eq!(vector["routable"].as_bool(), Some(false));
        assert_eq!(decode(token).unwrap_err(), DecodeError::NotRoutable);
    }
}
