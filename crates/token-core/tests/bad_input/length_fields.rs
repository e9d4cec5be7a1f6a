//! Length fields that point past the start of the token, into the payload, or
//! that are not base36 at all.

use token_core::{DecodeError, MAX_LENGTH_FIELD, RANDOM_LEN, verify};

use crate::answers::assert_rejected;
use crate::common::len_field;
use crate::{PAT_V0, PAT_V1, resealed};

/// Valid tokens with and without a prefix, v1 and v0.
const TOKENS: [&str; 4] = [
    PAT_V1,
    PAT_V0,
    "EL25d_AKXDUtqLnIQHEpkG86MQM.01.0r1ajj2i3",
    "bzoxd_Rb5_cHeWe1JH56wr2FCBA.0r1pum4t4",
];

fn with_length_field(token: &str, field: &[u8]) -> Vec<u8> {
    resealed(token.as_bytes(), |body| {
        let n = body.len();
        body[n - 2..].copy_from_slice(field);
    })
}

#[test]
fn every_length_past_the_start_of_the_token() {
    for token in TOKENS {
        let layout = verify(token).expect("valid");
        let separator = layout.prefix_len + layout.payload_len;
        for stated in separator + 1..=MAX_LENGTH_FIELD {
            let input = with_length_field(token, len_field(stated).as_bytes());
            let answers = assert_rejected(&input, DecodeError::LengthFieldOutOfRange);
            assert!(!answers.lax, "GitLab would accept length {stated}");
            assert_eq!(answers.identify, None);
            assert_eq!(answers.identify_configured, None);
        }
    }
}

#[test]
fn every_length_short_of_the_payload() {
    for token in TOKENS {
        let layout = verify(token).expect("valid");
        for stated in 0..layout.payload_len {
            let input = with_length_field(token, len_field(stated).as_bytes());
            let raw_len = stated / 4 * 3 + [0, 0, 1, 2][stated % 4];
            if stated % 4 == 1 {
                assert_rejected(&input, DecodeError::LengthFieldMismatch);
            } else if raw_len <= RANDOM_LEN {
                assert_rejected(&input, DecodeError::PayloadTooShort);
            } else {
                let answers = crate::answers::answers(&input);
                assert!(answers.decode.is_err(), "length {stated} decoded");
            }
        }
    }
}

#[test]
fn length_fields_that_are_not_base36() {
    for field in [
        &b"0W"[..],
        b"-1",
        b"  ",
        b"\0\0",
        b"zZ",
        b"\xc3\xa9",
        b"+1",
        b"._",
    ] {
        for token in TOKENS {
            assert_rejected(
                &with_length_field(token, field),
                DecodeError::InvalidLengthField,
            );
        }
    }
}
