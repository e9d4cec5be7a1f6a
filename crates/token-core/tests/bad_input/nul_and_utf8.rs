//! NUL bytes and invalid UTF-8 anywhere in a token.

use token_core::auth_finders::BearerKind;
use token_core::{DecodeError, decode, identify};

use crate::answers::{answers, assert_rejected};
use crate::common::{v1_from_raw, v1_raw};
use crate::{PAT_V0, PAT_V1, resealed};

/// Byte sequences that are not UTF-8: a stray continuation byte, an overlong
/// NUL, a surrogate, a code point past U+10FFFF, a cut sequence.
const NOT_UTF8: [&[u8]; 5] = [
    b"\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe2\x82",
];

#[test]
fn nul_only_inputs() {
    for n in 1..10 {
        assert_rejected(&vec![0; n], DecodeError::NotRoutable);
    }
    for n in [10, 13, 100, 1000] {
        assert_rejected(&vec![0; n], DecodeError::NotRoutable);
    }
}

#[test]
fn nul_in_each_part_of_a_token() {
    for token in [PAT_V1, PAT_V0] {
        let token = token.as_bytes();
        let payload = decode(token).expect("valid").prefix().len()..token.find_tail();
        for at in payload {
            let input = resealed(token, |body| body[at] = 0);
            assert_rejected(&input, DecodeError::InvalidBase64);
        }
        let n = token.len();
        for at in n - 7..n {
            let mut input = token.to_vec();
            input[at] = 0;
            assert_rejected(&input, DecodeError::InvalidChecksumField);
        }
        for at in n - 9..n - 7 {
            let input = resealed(token, |body| body[at] = 0);
            assert_rejected(&input, DecodeError::InvalidLengthField);
        }
        let mut trailing = token.to_vec();
        trailing.push(0);
        assert_rejected(&trailing, DecodeError::NotRoutable);
        let mut leading = vec![0];
        leading.extend_from_slice(token);
        assert_rejected(&leading, DecodeError::ChecksumMismatch);
    }
    let version = resealed(PAT_V1.as_bytes(), |body| {
        let n = body.len();
        body[n - 4] = 0;
    });
    assert_rejected(&version, DecodeError::UnsupportedVersion);
}

#[test]
fn nul_in_the_prefix_is_a_prefix_byte() {
    // The format allows any prefix byte but a newline, and the CRC covers it.
    let token = v1_from_raw(b"gl\0pat-", &v1_raw(b"o:1"));
    let answers = answers(&token);
    assert_eq!(answers.decode, Ok(()));
    assert_eq!(identify(&token), None, "no type has that prefix");
}

#[test]
fn invalid_utf8_in_the_prefix() {
    for bad in NOT_UTF8 {
        let mut prefix = b"glpat".to_vec();
        prefix.extend_from_slice(bad);
        let token = v1_from_raw(&prefix, &v1_raw(b"o:1\nu:1"));
        let answers = assert_rejected(&token, DecodeError::InvalidPrefix);
        assert!(answers.lax, "GitLab accepts any prefix bytes");
        assert_eq!(answers.identify, None);
    }
}

#[test]
fn invalid_utf8_in_the_payload_tail_and_routing() {
    for bad in NOT_UTF8 {
        let token = PAT_V1.as_bytes();
        let input = resealed(token, |body| {
            body.splice(10..10 + bad.len(), bad.iter().copied());
        });
        assert_rejected(&input, DecodeError::InvalidBase64);

        let mut field = token.to_vec();
        let n = field.len();
        field.splice(n - bad.len()..n, bad.iter().copied());
        assert_rejected(&field, DecodeError::InvalidChecksumField);

        let mut routing = b"o:".to_vec();
        routing.extend_from_slice(bad);
        let input = v1_from_raw(b"glpat-", &v1_raw(&routing));
        assert_rejected(&input, DecodeError::MalformedRouting);
    }
}

#[test]
fn invalid_utf8_legacy_bodies_are_not_identified() {
    for bad in NOT_UTF8 {
        let mut input = b"glpat-".to_vec();
        input.extend_from_slice(bad);
        input.resize(26, b'a');
        let answers = assert_rejected(&input, DecodeError::NotRoutable);
        assert_eq!(answers.identify, None);
        assert_eq!(answers.identify_configured, None);
        // The Bearer rules see the text Ruby would (replacement characters).
        assert_eq!(answers.bearer[0], BearerKind::PersonalAccessToken);
    }
}

/// Where the routable tail starts.
trait FindTail {
    fn find_tail(&self) -> usize;
}

impl FindTail for [u8] {
    fn find_tail(&self) -> usize {
        let layout = token_core::verify(self).expect("valid");
        layout.prefix_len + layout.payload_len
    }
}
