//! The largest valid parts, and one byte more: routing payload, prefix, length
//! field, whole input.

use token_core::{
    DecodeError, EncodeError, Format, MAX_DECODE_INPUT_LEN, MAX_LENGTH_FIELD, MAX_PREFIX_LEN,
    MAX_ROUTING_LEN, MAX_TOKEN_LEN, RoutingOptions, RoutingPayload, RoutingValue, decode, encode,
};

use crate::answers::{answers, assert_rejected};
use crate::common::{seal, v0_from_raw, v0_raw, v1_from_raw, v1_raw};

fn routing_of_len(len: usize) -> Result<RoutingPayload, token_core::RoutingError> {
    let value = "x".repeat(len - 2);
    RoutingPayload::build(
        [("o", RoutingValue::Text(&value))],
        RoutingOptions::default(),
    )
}

#[test]
fn largest_routing_payload_and_prefix_round_trip() {
    let routing = routing_of_len(MAX_ROUTING_LEN).expect("159 bytes fit");
    let longest_prefix = "p".repeat(MAX_PREFIX_LEN);
    for prefix in ["glpat-", longest_prefix.as_str()] {
        for format in [Format::V1, Format::V0] {
            let token = encode(prefix, &routing, &[7; 16], format).expect("encodes");
            assert_eq!(answers(token.as_bytes()).decode, Ok(()));
            let decoded = decode(&token).expect("decodes");
            assert_eq!(decoded.routing().len(), MAX_ROUTING_LEN);
            assert_eq!(decoded.random_bytes(), &[7; 16]);
            if format == Format::V1 && prefix.len() == MAX_PREFIX_LEN {
                assert_eq!(token.len(), MAX_TOKEN_LEN, "the longest token");
            }
        }
    }
}

#[test]
fn one_routing_byte_too_many() {
    let error = routing_of_len(MAX_ROUTING_LEN + 1).expect_err("160 bytes do not fit");
    assert_eq!(error.kind(), "PayloadTooLarge");
    let routing = format!("o:{}", "x".repeat(MAX_ROUTING_LEN - 1));
    assert_rejected(
        &v1_from_raw(b"glpat-", &v1_raw(routing.as_bytes())),
        DecodeError::RoutingTooLarge,
    );
    assert_rejected(
        &v0_from_raw(b"glpat-", &v0_raw(routing.as_bytes())),
        DecodeError::RoutingTooLarge,
    );
}

#[test]
fn one_prefix_byte_too_many() {
    let routing = routing_of_len(10).expect("fits");
    let prefix = "p".repeat(MAX_PREFIX_LEN + 1);
    assert_eq!(
        encode(&prefix, &routing, &[7; 16], Format::V1),
        Err(EncodeError::PrefixTooLong)
    );
    let token = v1_from_raw(prefix.as_bytes(), &v1_raw(b"o:1"));
    assert_rejected(&token, DecodeError::PrefixTooLong);
}

/// A token whose length field is `zz` (1295), the largest, over a payload of
/// that many base64 characters after `prefix_len` bytes of prefix.
fn largest_length_field(prefix_len: usize, tail: &str) -> Vec<u8> {
    let mut body = vec![b'p'; prefix_len];
    body.resize(prefix_len + MAX_LENGTH_FIELD, b'A');
    body.extend_from_slice(tail.as_bytes());
    seal(&body)
}

#[test]
fn largest_length_field_and_whole_input() {
    let v1 = largest_length_field(MAX_PREFIX_LEN, ".01.zz");
    assert_eq!(v1.len(), MAX_DECODE_INPUT_LEN);
    let answers = assert_rejected(&v1, DecodeError::RoutingTooLarge);
    assert!(!answers.lax);
    assert_rejected(
        &largest_length_field(MAX_PREFIX_LEN, ".zz"),
        DecodeError::RoutingTooLarge,
    );
    let over = largest_length_field(MAX_PREFIX_LEN + 1, ".01.zz");
    assert_eq!(over.len(), MAX_DECODE_INPUT_LEN + 1);
    assert_rejected(&over, DecodeError::TooLong);
}
