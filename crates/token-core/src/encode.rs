//! Encoding and generating routable tokens.

use std::error::Error;
use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::{CryptoRng, TryRng, rngs::SysRng};

use crate::limits::{MAX_PREFIX_LEN, MAX_RAW_LEN, MAX_TOKEN_LEN, RANDOM_LEN, b64_len_of_raw};
use crate::{Format, RoutingPayload, base36};

/// Why a token could not be encoded or generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// The prefix contains a newline, which the format forbids.
    InvalidPrefix,
    /// The prefix is longer than [`MAX_PREFIX_LEN`] bytes.
    PrefixTooLong,
    /// The operating system's random source failed.
    RandomUnavailable,
}

impl EncodeError {
    /// A stable snake_case name for this error.
    pub const fn code(self) -> &'static str {
        match self {
            EncodeError::InvalidPrefix => "invalid_prefix",
            EncodeError::PrefixTooLong => "prefix_too_long",
            EncodeError::RandomUnavailable => "random_unavailable",
        }
    }
}

impl EncodeError {
    /// A human sentence for this error (what `Display` prints).
    pub const fn message(self) -> &'static str {
        match self {
            EncodeError::InvalidPrefix => "prefix must not contain a newline",
            EncodeError::PrefixTooLong => "prefix is longer than 64 bytes",
            EncodeError::RandomUnavailable => "the operating system's random source failed",
        }
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl Error for EncodeError {}

/// Encodes a routable token from its parts. Deterministic: the same inputs give
/// the same token, byte for byte what GitLab's generator makes.
///
/// # Errors
/// [`EncodeError::InvalidPrefix`] or [`EncodeError::PrefixTooLong`].
///
/// ```
/// use token_core::{Format, RoutingOptions, RoutingPayload};
///
/// let routing = RoutingPayload::build([("c", 0.into()), ("o", 1.into()), ("u", 1.into())],
///                                     RoutingOptions::default())?;
/// let random = [0x52, 0x0d, 0xda, 0xa4, 0x2e, 0x65, 0x52, 0xdf,
///               0x7e, 0xe8, 0x8b, 0x8a, 0xa5, 0x28, 0x79, 0xe5];
/// let token = token_core::encode("glpat-", &routing, &random, Format::V0)?;
/// assert_eq!(token, "glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn encode(
    prefix: &str,
    routing: &RoutingPayload,
    random: &[u8; RANDOM_LEN],
    format: Format,
) -> Result<String, EncodeError> {
    check_prefix(prefix)?;
    let routing = routing.as_bytes();
    let mut raw = [0u8; MAX_RAW_LEN];
    let raw_len = RANDOM_LEN + routing.len() + 1;
    match format {
        Format::V1 => {
            raw[..RANDOM_LEN].copy_from_slice(random);
            raw[RANDOM_LEN..raw_len - 1].copy_from_slice(routing);
            raw[raw_len - 1] = routing.len() as u8;
        }
        Format::V0 => {
            raw[..routing.len()].copy_from_slice(routing);
            raw[routing.len()..raw_len - 1].copy_from_slice(random);
            raw[raw_len - 1] = RANDOM_LEN as u8;
        }
    }
    let mut token = String::with_capacity(MAX_TOKEN_LEN);
    token.push_str(prefix);
    URL_SAFE_NO_PAD.encode_string(&raw[..raw_len], &mut token);
    if format == Format::V1 {
        token.push_str(".01");
    }
    token.push('.');
    let length_field = base36::fixed::<2>(b64_len_of_raw(raw_len) as u64);
    token.extend(length_field.iter().map(|&b| char::from(b)));
    let crc = base36::fixed::<7>(u64::from(crc32fast::hash(token.as_bytes())));
    token.extend(crc.iter().map(|&b| char::from(b)));
    Ok(token)
}

/// Generates a routable token with 16 random bytes from the operating system
/// (`getrandom`), asked afresh for every token.
///
/// Fork safety: no random state lives in the process, so a forked Puma or
/// Sidekiq worker can never replay its parent's (or a sibling's) random stream;
/// the kernel's generator is reseeded and fork-aware by construction. Thread
/// safety follows for the same reason.
///
/// # Errors
/// A prefix error, or [`EncodeError::RandomUnavailable`] if the OS source fails.
pub fn generate(
    prefix: &str,
    routing: &RoutingPayload,
    format: Format,
) -> Result<String, EncodeError> {
    check_prefix(prefix)?;
    let random = os_random_bytes::<RANDOM_LEN>()?;
    encode(prefix, routing, &random, format)
}

/// Generates a routable token with random bytes from the caller's CSPRNG, e.g.
/// a userspace `rand::rngs::StdRng` for throughput.
///
/// The caller owns fork safety: a userspace generator copied into a forked
/// child repeats the parent's stream unless it is reseeded after `fork`.
///
/// # Errors
/// A prefix error.
pub fn generate_with_rng<R: CryptoRng + ?Sized>(
    prefix: &str,
    routing: &RoutingPayload,
    format: Format,
    rng: &mut R,
) -> Result<String, EncodeError> {
    check_prefix(prefix)?;
    let mut random = [0u8; RANDOM_LEN];
    rng.fill_bytes(&mut random);
    encode(prefix, routing, &random, format)
}

/// Fills `N` bytes from the operating system's CSPRNG.
pub(crate) fn os_random_bytes<const N: usize>() -> Result<[u8; N], EncodeError> {
    let mut bytes = [0u8; N];
    SysRng
        .try_fill_bytes(&mut bytes)
        .map_err(|_| EncodeError::RandomUnavailable)?;
    Ok(bytes)
}

pub(crate) fn check_prefix(prefix: &str) -> Result<(), EncodeError> {
    if prefix.len() > MAX_PREFIX_LEN {
        return Err(EncodeError::PrefixTooLong);
    }
    if prefix.contains('\n') {
        return Err(EncodeError::InvalidPrefix);
    }
    Ok(())
}
