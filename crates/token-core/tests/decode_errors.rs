//! Every strict-decoding rejection reason, each reached on its own.

mod common;

use common::{len_field, seal, v0_from_raw, v0_raw, v1_from_raw, v1_raw};
use token_core::{DecodeError, MAX_DECODE_INPUT_LEN, decode, verify};

fn reason(token: &[u8]) -> DecodeError {
    decode(token).expect_err("token must be rejected")
}

#[test]
fn empty_and_oversized_inputs() {
    assert_eq!(reason(b""), DecodeError::Empty);
    let huge = vec![b'a'; MAX_DECODE_INPUT_LEN + 1];
    assert_eq!(reason(&huge), DecodeError::TooLong);
    let megabyte = vec![b'.'; 1 << 20];
    assert_eq!(reason(&megabyte), DecodeError::TooLong);
}

#[test]
fn no_routable_tail() {
    for token in [
        &b"glpat-ts8y8Mk2gxi-xvXVsxfN"[..],
        b"short",
        b"abcdefghi",
        b"\0\0\0\0\0\0\0\0\0\0\0",
    ] {
        assert_eq!(reason(token), DecodeError::NotRoutable);
    }
}

#[test]
fn checksum_field_must_be_lowercase_base36_of_32_bits() {
    let good = v1_from_raw(b"glpat-", &v1_raw(b"o:1"));
    for bad in [
        &b"ABCDEFG"[..],
        b"zzzzzzz",
        b"1z141z4",
        b"-000000",
        b"000000\0",
    ] {
        let mut token = good.clone();
        let n = token.len();
        token[n - 7..].copy_from_slice(bad);
        assert_eq!(reason(&token), DecodeError::InvalidChecksumField, "{bad:?}");
    }
}

#[test]
fn checksum_mismatch_on_any_single_byte_change() {
    let good = v1_from_raw(b"glpat-", &v1_raw(b"o:1\nu:1"));
    for i in 0..good.len() - 7 {
        let mut token = good.clone();
        token[i] ^= 0x01;
        let err = reason(&token);
        assert!(
            matches!(
                err,
                DecodeError::ChecksumMismatch | DecodeError::NotRoutable
            ),
            "byte {i}: {err:?}"
        );
    }
}

#[test]
fn version_must_be_01() {
    let token = seal(b"YWFhYWFhYWFhYWFhYWFhYW86MQM.02.0r");
    assert_eq!(reason(&token), DecodeError::UnsupportedVersion);
    let token = seal(b"YWFhYWFhYWFhYWFhYWFhYW86MQM.1_.0r");
    assert_eq!(reason(&token), DecodeError::UnsupportedVersion);
}

#[test]
fn length_field_problems() {
    let token = seal(b"YWFhYWFhYWFhYWFhYWFhYW86MQM.01.0R");
    assert_eq!(reason(&token), DecodeError::InvalidLengthField);
    let token = seal(b"YWFhYWFhYWFhYWFhYWFhYW86MQM.01.zz");
    assert_eq!(reason(&token), DecodeError::LengthFieldOutOfRange);
    let token = seal(format!("-YWFhYWFhYWFhYWFhYWFhYW86MQM.01.{}", len_field(25)).as_bytes());
    assert_eq!(reason(&token), DecodeError::LengthFieldMismatch);
}

#[test]
fn prefix_problems() {
    let token = v1_from_raw(b"gl\npat-", &v1_raw(b"o:1"));
    assert_eq!(reason(&token), DecodeError::InvalidPrefix);
    let token = v1_from_raw(b"gl\xffpat-", &v1_raw(b"o:1"));
    assert_eq!(reason(&token), DecodeError::InvalidPrefix);
    let token = v1_from_raw(&[b'p'; 65], &v1_raw(b"o:1"));
    assert_eq!(reason(&token), DecodeError::PrefixTooLong);
    let token = v1_from_raw(&[b'p'; 64], &v1_raw(b"o:1"));
    assert!(decode(&token).is_ok());
}

#[test]
fn base64_must_be_canonical_base64url() {
    let token = seal(b"YWFhYWFhYWFhYWFhYWFhYW86M+M.01.0r");
    assert_eq!(reason(&token), DecodeError::InvalidBase64);
    // Non-zero trailing bits: 'N' instead of 'M' in the last position.
    let token = seal(b"YWFhYWFhYWFhYWFhYWFhYW86MQN.01.0r");
    assert_eq!(reason(&token), DecodeError::InvalidBase64);
}

#[test]
fn payload_too_short_for_random_bytes() {
    let token = v1_from_raw(b"", &[b'a'; 16]);
    assert_eq!(reason(&token), DecodeError::PayloadTooShort);
    let token = v0_from_raw(b"", &[b'a'; 10]);
    assert_eq!(reason(&token), DecodeError::PayloadTooShort);
}

#[test]
fn length_byte_must_match_in_both_formats() {
    let mut raw = v1_raw(b"o:1");
    *raw.last_mut().unwrap() = 4;
    assert_eq!(
        reason(&v1_from_raw(b"", &raw)),
        DecodeError::LengthByteMismatch
    );
    let mut raw = v0_raw(b"o:1");
    *raw.last_mut().unwrap() = 15;
    assert_eq!(
        reason(&v0_from_raw(b"", &raw)),
        DecodeError::LengthByteMismatch
    );
}

#[test]
fn routing_grammar_problems() {
    let cases: [(&[u8], DecodeError); 12] = [
        (b"", DecodeError::EmptyRouting),
        (b"o1", DecodeError::MalformedRouting),
        (b"o:", DecodeError::MalformedRouting),
        (b"o:1:2", DecodeError::MalformedRouting),
        (b"o:1\n", DecodeError::MalformedRouting),
        (b"\no:1", DecodeError::MalformedRouting),
        (b"oo:1", DecodeError::MalformedRouting),
        (b"o:\xff", DecodeError::MalformedRouting),
        (b"x:1", DecodeError::UnknownRoutingKey),
        (b"O:1", DecodeError::UnknownRoutingKey),
        (b"o:1\no:2", DecodeError::DuplicateRoutingKey),
        (b"u:1\no:1", DecodeError::UnsortedRoutingKeys),
    ];
    for (routing, expected) in cases {
        assert_eq!(
            reason(&v1_from_raw(b"", &v1_raw(routing))),
            expected,
            "v1 {routing:?}"
        );
        assert_eq!(
            reason(&v0_from_raw(b"", &v0_raw(routing))),
            expected,
            "v0 {routing:?}"
        );
    }
}

#[test]
fn routing_size_limit_is_159_bytes() {
    let at_limit = [b"o:".as_slice(), &[b'x'; 157]].concat();
    assert!(decode(&v1_from_raw(b"glpat-", &v1_raw(&at_limit))).is_ok());
    let over = [b"o:".as_slice(), &[b'x'; 158]].concat();
    assert_eq!(
        reason(&v1_from_raw(b"glpat-", &v1_raw(&over))),
        DecodeError::RoutingTooLarge
    );
    assert_eq!(
        reason(&v0_from_raw(b"glpat-", &v0_raw(&over))),
        DecodeError::RoutingTooLarge
    );
}

#[test]
fn verify_checks_fields_only() {
    let malformed = v1_from_raw(b"glpat-", &v1_raw(b"o1"));
    assert!(verify(&malformed).is_ok());
    assert_eq!(reason(&malformed), DecodeError::MalformedRouting);
    let layout = verify(b"glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij").unwrap();
    assert_eq!(layout.prefix_len, 6);
    assert_eq!(layout.payload_len, 32);
    assert_eq!(layout.payload_range(), 6..38);
}

#[test]
fn every_reason_has_a_distinct_code_and_a_message_without_token_bytes() {
    let mut codes: Vec<&str> = DecodeError::ALL.iter().map(|e| e.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), DecodeError::ALL.len());
    for err in DecodeError::ALL {
        assert!(!err.to_string().is_empty());
        assert_eq!(err.to_string(), err.message());
    }
}

#[test]
fn debug_of_a_decoded_token_redacts_the_random_bytes() {
    let token = v1_from_raw(b"glpat-", &v1_raw(b"o:1"));
    let decoded = decode(&token).unwrap();
    let debug = format!("{decoded:?}");
    assert!(debug.contains("[REDACTED]"));
    assert!(!debug.contains("97"), "random bytes leaked: {debug}");
    assert!(debug.contains("glpat-"));
}
