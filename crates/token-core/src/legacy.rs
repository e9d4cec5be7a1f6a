//! Legacy (non-routable) token bodies: their shapes and their generation.

use std::fmt::Write as _;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::CryptoRng;

use crate::auth_finders::MAX_JOB_TOKEN_LEN;
use crate::bytes::{is_base36, is_lower_hex, is_word};
use crate::encode::{EncodeError, check_prefix, os_random_bytes};
use crate::limits::b64_len_of_raw;
use crate::{PrefixConfig, TokenType};

/// GitLab's first CI partition id (`Ci::Pipeline::INITIAL_PARTITION_VALUE`),
/// used for partitioned CI job tokens.
pub const INITIAL_PARTITION_ID: u64 = 100;

/// Longest legacy token the generators make: a 20-character instance prefix,
/// `-`, `gloas-` and 64 hex characters.
pub const MAX_LEGACY_TOKEN_LEN: usize = crate::MAX_CONFIGURED_PREFIX_LEN + 1 + "gloas-".len() + 64;

/// Longest CI job token JWT body accepted: the AuthFinders' job token limit.
pub(crate) const MAX_JWT_LEN: usize = MAX_JOB_TOKEN_LEN;

/// Most random bytes any legacy body needs.
const MAX_RANDOM: usize = 40;

/// The shape of a legacy token body (what follows the prefix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegacyBody {
    /// Devise's `friendly_token(n)`: base64url of `n*3/4` random bytes with
    /// `l I O 0` mapped to `s x y z`.
    Friendly(usize),
    /// `n` lowercase hex characters.
    Hex(usize),
    /// Base36 of a random 128-bit number: 1..=25 `[0-9a-z]`.
    Base36Random128,
    /// A session id: 32 `[0-9a-z]`.
    SessionId,
    /// A CI job token: `<partition id in hex>_` then `friendly_token(20)`; or a
    /// signed JWT (three base64url segments) for the newer form.
    PartitionedFriendly,
    /// A feed token: `friendly_token(20)`, or the path-bound `<64 hex>-<user id>`.
    FeedFriendlyOrPathBound,
}

impl LegacyBody {
    /// Whether `body` (the whole token after its prefix) has this shape.
    pub fn matches(self, body: &[u8]) -> bool {
        match self {
            LegacyBody::Friendly(n) => {
                body.len() == friendly_len(n) && body.iter().all(|&b| is_word(b))
            }
            LegacyBody::Hex(n) => body.len() == n && body.iter().all(|&b| is_lower_hex(b)),
            LegacyBody::Base36Random128 => {
                (1..=25).contains(&body.len()) && body.iter().all(|&b| is_base36(b))
            }
            LegacyBody::SessionId => body.len() == 32 && body.iter().all(|&b| is_base36(b)),
            LegacyBody::PartitionedFriendly => is_partitioned(body) || is_jwt(body),
            LegacyBody::FeedFriendlyOrPathBound => {
                LegacyBody::Friendly(20).matches(body) || is_path_bound_feed(body)
            }
        }
    }

    /// How many random bytes generating this body takes.
    const fn random_len(self) -> usize {
        match self {
            LegacyBody::Friendly(n) => n * 3 / 4,
            LegacyBody::Hex(n) => n.div_ceil(2),
            LegacyBody::Base36Random128 | LegacyBody::SessionId => 16,
            LegacyBody::PartitionedFriendly | LegacyBody::FeedFriendlyOrPathBound => 15,
        }
    }

    /// Renders a body from `random` (at least [`LegacyBody::random_len`] bytes).
    fn render(self, random: &[u8], out: &mut String) {
        match self {
            LegacyBody::Friendly(_) | LegacyBody::FeedFriendlyOrPathBound => {
                push_friendly(random, out)
            }
            LegacyBody::Hex(n) => {
                for byte in random {
                    let _ = write!(out, "{byte:02x}");
                }
                out.truncate(out.len() - (random.len() * 2 - n));
            }
            LegacyBody::Base36Random128 => {
                let mut number = [0u8; 16];
                number.copy_from_slice(random);
                push_base36_u128(u128::from_be_bytes(number), out);
            }
            LegacyBody::SessionId => {
                for byte in random {
                    let _ = write!(out, "{byte:02x}");
                }
            }
            LegacyBody::PartitionedFriendly => {
                let _ = write!(out, "{INITIAL_PARTITION_ID:x}_");
                push_friendly(random, out);
            }
        }
    }
}

/// Devise's `friendly_token(length)`: random base64url with `lIO0` mapped to
/// `sxyz`. Its length is that of base64 over `length*3/4` bytes (exactly
/// `length` when `length` is a multiple of 4, as 20 and 50 are).
pub fn friendly_token<R: CryptoRng + ?Sized>(length: usize, rng: &mut R) -> String {
    let mut random = vec![0u8; length * 3 / 4];
    rng.fill_bytes(&mut random);
    let mut out = String::with_capacity(friendly_len(length));
    push_friendly(&random, &mut out);
    out
}

/// Generates a legacy token of `token_type` with the prefix `config` gives it,
/// drawing random bytes from the operating system.
///
/// # Errors
/// [`EncodeError::RandomUnavailable`] if the OS random source fails.
pub fn generate_legacy(
    token_type: TokenType,
    config: &PrefixConfig,
) -> Result<String, EncodeError> {
    let body = token_type.legacy_body();
    let random = os_random_bytes::<MAX_RANDOM>()?;
    legacy_from_random(&config.prefix_for(token_type), body, &random)
}

/// Generates a legacy token of `token_type` with random bytes from `rng`.
///
/// # Errors
/// A prefix error (not possible with a validated [`PrefixConfig`]).
pub fn generate_legacy_with_rng<R: CryptoRng + ?Sized>(
    token_type: TokenType,
    config: &PrefixConfig,
    rng: &mut R,
) -> Result<String, EncodeError> {
    let mut random = [0u8; MAX_RANDOM];
    rng.fill_bytes(&mut random);
    legacy_from_random(
        &config.prefix_for(token_type),
        token_type.legacy_body(),
        &random,
    )
}

fn legacy_from_random(
    prefix: &str,
    body: LegacyBody,
    random: &[u8; MAX_RANDOM],
) -> Result<String, EncodeError> {
    check_prefix(prefix)?;
    let mut token = String::with_capacity(prefix.len() + 80);
    token.push_str(prefix);
    body.render(&random[..body.random_len().min(MAX_RANDOM)], &mut token);
    Ok(token)
}

fn friendly_len(length: usize) -> usize {
    b64_len_of_raw(length * 3 / 4)
}

fn push_friendly(random: &[u8], out: &mut String) {
    let start = out.len();
    URL_SAFE_NO_PAD.encode_string(random, out);
    let mapped: String = out[start..]
        .chars()
        .map(|c| match c {
            'l' => 's',
            'I' => 'x',
            'O' => 'y',
            '0' => 'z',
            other => other,
        })
        .collect();
    out.truncate(start);
    out.push_str(&mapped);
}

fn push_base36_u128(mut value: u128, out: &mut String) {
    let mut digits = [0u8; 25];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(value % 36) as usize];
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&b| char::from(b)));
}

fn is_partitioned(body: &[u8]) -> bool {
    let Some(underscore) = body.iter().position(|&b| b == b'_') else {
        return false;
    };
    (1..=16).contains(&underscore)
        && body[..underscore].iter().all(|&b| is_lower_hex(b))
        && LegacyBody::Friendly(20).matches(&body[underscore + 1..])
}

fn is_jwt(body: &[u8]) -> bool {
    let mut segments = body.split(|&b| b == b'.');
    body.starts_with(b"eyJ")
        && body.len() <= MAX_JWT_LEN
        && segments.clone().count() == 3
        && segments.all(|s| !s.is_empty() && s.iter().all(|&b| is_word(b)))
}

fn is_path_bound_feed(body: &[u8]) -> bool {
    body.len() > 65
        && body[..64].iter().all(|&b| is_lower_hex(b))
        && body[64] == b'-'
        && body.len() <= 64 + 1 + 20
        && body[65..].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn friendly_token_has_devise_length_and_alphabet() {
        let mut rng = StdRng::seed_from_u64(7);
        for (length, expected) in [(20, 20), (50, 50), (21, 20), (8, 8)] {
            for _ in 0..200 {
                let token = friendly_token(length, &mut rng);
                assert_eq!(token.len(), expected);
                assert!(!token.contains(['l', 'I', 'O', '0']));
                assert!(token.bytes().all(is_word));
            }
        }
    }

    #[test]
    fn every_type_generates_a_body_of_its_own_shape() {
        let mut rng = StdRng::seed_from_u64(1);
        let config = PrefixConfig::default();
        for token_type in TokenType::ALL {
            for _ in 0..100 {
                let token = generate_legacy_with_rng(token_type, &config, &mut rng).unwrap();
                let prefix = token_type.default_prefix();
                assert!(token.starts_with(prefix), "{token_type}");
                assert!(
                    token_type
                        .legacy_body()
                        .matches(&token.as_bytes()[prefix.len()..]),
                    "{token_type}"
                );
            }
        }
    }

    #[test]
    fn longest_legacy_token_is_bounded_by_the_constant() {
        let mut rng = StdRng::seed_from_u64(2);
        let config = PrefixConfig::default()
            .with_instance_prefix(&"a".repeat(20))
            .unwrap();
        let longest = TokenType::ALL
            .iter()
            .map(|&t| {
                generate_legacy_with_rng(t, &config, &mut rng)
                    .unwrap()
                    .len()
            })
            .max();
        assert_eq!(longest, Some(MAX_LEGACY_TOKEN_LEN));
    }

    #[test]
    fn os_generation_differs_each_time() {
        let config = PrefixConfig::default();
        let a = generate_legacy(TokenType::PersonalAccessToken, &config).unwrap();
        let b = generate_legacy(TokenType::PersonalAccessToken, &config).unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), "glpat-".len() + 20);
    }

    #[test]
    fn shapes_reject_near_misses() {
        assert!(!LegacyBody::Hex(40).matches(&[b'A'; 40]));
        assert!(!LegacyBody::Friendly(20).matches(b"abc.defghijklmnopqrs"));
        assert!(!LegacyBody::SessionId.matches(&[b'a'; 31]));
        assert!(!LegacyBody::Base36Random128.matches(&[b'a'; 26]));
        assert!(LegacyBody::PartitionedFriendly.matches(b"64_abcdefghijkmnpqrstuv"));
        assert!(!LegacyBody::PartitionedFriendly.matches(b"_abcdefghijkmnpqrstu"));
        assert!(
            LegacyBody::PartitionedFriendly
                .matches(b"eyJhbGciOiJIUzI1NiJ9.eyJjZWxsX2lkIjoxfQ.c2ln")
        );
        assert!(LegacyBody::FeedFriendlyOrPathBound.matches(&[&[b'a'; 64][..], b"-42"].concat()));
        assert!(!LegacyBody::FeedFriendlyOrPathBound.matches(&[&[b'a'; 64][..], b"-"].concat()));
    }
}
