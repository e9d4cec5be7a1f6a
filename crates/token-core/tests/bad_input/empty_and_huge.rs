//! The empty input, and inputs of 1 MB and 64 MB of several shapes.

use token_core::DecodeError;
use token_core::auth_finders::BearerKind;

use crate::answers::assert_rejected;

const OTHER: BearerKind = BearerKind::OAuthThenPersonalAccessToken;

#[test]
fn empty_input() {
    let answers = assert_rejected(b"", DecodeError::Empty);
    assert!(!answers.lax);
    assert_eq!(answers.identify, None);
    assert_eq!(answers.identify_configured, None);
    assert_eq!(answers.bearer, [OTHER, OTHER]);
    assert_eq!(answers.bearer_configured, [OTHER, OTHER]);
}

/// `size` bytes: `head`, then `fill`, then `tail`.
fn shaped(size: usize, head: &[u8], fill: u8, tail: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(size);
    input.extend_from_slice(head);
    input.resize(size - tail.len(), fill);
    input.extend_from_slice(tail);
    input
}

/// An input's head, fill byte and tail, and the Bearer classification
/// expected with length detection disabled, for the default and the configured
/// prefixes.
type Shape = (&'static [u8], u8, &'static [u8], [BearerKind; 2]);

const SHAPES: [Shape; 8] = [
    (b"", b'a', b"", [OTHER, OTHER]),
    (b"", 0, b"", [OTHER, OTHER]),
    (b"", b'.', b"", [OTHER, OTHER]),
    (b"", 0xff, b"", [OTHER, OTHER]),
    (
        b"glpat-",
        b'A',
        b".01.0w082kcij",
        [BearerKind::PersonalAccessToken; 2],
    ),
    (
        b"acme-glpat-",
        b'A',
        b".0w082kcij",
        [OTHER, BearerKind::PersonalAccessToken],
    ),
    (b"glcbt-", b'a', b"", [BearerKind::OAuthToken; 2]),
    (b"glpat-", b'0', b"\0", [BearerKind::PersonalAccessToken; 2]),
];

fn assert_oversized_rejected(size: usize) {
    for (head, fill, tail, bearer) in SHAPES {
        let input = shaped(size, head, fill, tail);
        let answers = assert_rejected(&input, DecodeError::TooLong);
        assert!(!answers.lax);
        assert_eq!(answers.identify, None);
        assert_eq!(answers.identify_configured, None);
        assert_eq!([answers.bearer[0], answers.bearer_configured[0]], bearer);
        // Far beyond 40 characters: the length rule never takes it for a PAT.
        let job = bearer[0] == BearerKind::OAuthToken;
        let by_length = if job { BearerKind::OAuthToken } else { OTHER };
        assert_eq!(answers.bearer[1], by_length);
    }
}

#[test]
fn one_megabyte() {
    assert_oversized_rejected(1 << 20);
}

#[test]
fn sixty_four_megabytes() {
    assert_oversized_rejected(64 << 20);
}
