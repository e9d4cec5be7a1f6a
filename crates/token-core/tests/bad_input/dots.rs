//! Thousands of dots: alone, before a tail, as a prefix, as a payload.

use token_core::auth_finders::BearerKind;
use token_core::{DecodeError, MAX_DECODE_INPUT_LEN, MAX_PREFIX_LEN, decode};

use crate::answers::{answers, assert_rejected};
use crate::common::{v1_from_raw, v1_raw};
use crate::{PAT_V1, resealed};

#[test]
fn dots_only() {
    for n in 1..10 {
        assert_rejected(&vec![b'.'; n], DecodeError::NotRoutable);
    }
    for n in [10, 11, 13, 100, 1000, MAX_DECODE_INPUT_LEN] {
        let answers = assert_rejected(&vec![b'.'; n], DecodeError::InvalidChecksumField);
        assert!(!answers.lax);
        assert_eq!(answers.identify, None);
        let other = BearerKind::OAuthThenPersonalAccessToken;
        assert_eq!(answers.bearer, [other, other]);
    }
    for n in [MAX_DECODE_INPUT_LEN + 1, 10_000, 1 << 20] {
        assert_rejected(&vec![b'.'; n], DecodeError::TooLong);
    }
}

#[test]
fn dots_before_a_valid_looking_tail() {
    for n in [1, 100, 1000, MAX_DECODE_INPUT_LEN - 13] {
        let mut input = vec![b'.'; n];
        input.extend_from_slice(b".01.0w082kcij");
        assert_rejected(&input, DecodeError::ChecksumMismatch);
    }
    let mut after = PAT_V1.as_bytes().to_vec();
    after.extend_from_slice(&[b'.'; 2000]);
    assert_rejected(&after, DecodeError::TooLong);
    after.truncate(PAT_V1.len() + 1000);
    assert_rejected(&after, DecodeError::InvalidChecksumField);
}

#[test]
fn dotted_prefixes_are_read_from_the_right() {
    let mut prefix = vec![b'.'; MAX_PREFIX_LEN - 6];
    prefix.extend_from_slice(b"glpat-");
    let token = v1_from_raw(&prefix, &v1_raw(b"o:1\nu:1"));
    assert_eq!(answers(&token).decode, Ok(()));
    assert_eq!(
        decode(&token).expect("valid").prefix().as_bytes(),
        &prefix[..]
    );

    prefix.insert(0, b'.');
    let token = v1_from_raw(&prefix, &v1_raw(b"o:1\nu:1"));
    assert_rejected(&token, DecodeError::PrefixTooLong);
    let token = v1_from_raw(&[b'.'; 1000], &v1_raw(b"o:1\nu:1"));
    assert_rejected(&token, DecodeError::PrefixTooLong);
}

#[test]
fn dots_as_the_payload() {
    let input = resealed(PAT_V1.as_bytes(), |body| body[6..38].fill(b'.'));
    assert_rejected(&input, DecodeError::InvalidBase64);
}
