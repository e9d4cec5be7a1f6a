//! A codec for GitLab's API tokens: routable tokens (v1 and v0), legacy
//! tokens, the token type registry, and the AuthFinders rules.
//!
//! A routable token carries a small, checksummed, unencrypted routing payload so
//! that a request holding only the token can be routed to the cell that owns it
//! without a database lookup:
//!
//! ```text
//! v1: prefix base64url(random(16) ‖ routing ‖ |routing|) ".01." len crc
//! v0: prefix base64url(routing ‖ random(16) ‖ 16)        "."    len crc
//! ```
//!
//! `len` is the payload length in 2 base36 characters, `crc` the CRC-32 of every
//! byte before it in 7 base36 characters. Tokens are byte-identical to GitLab's.
//!
//! # Encode and generate
//! ```
//! use token_core::{Format, RoutingOptions, RoutingPayload, RoutingValue};
//!
//! let routing = RoutingPayload::build(
//!     [("o", RoutingValue::Int(1)), ("u", RoutingValue::Int(1))],
//!     RoutingOptions::default(),
//! )?;
//! // Deterministic, with given random bytes:
//! let token = token_core::encode("glpat-", &routing, &[b'a'; 16], Format::V1)?;
//! assert_eq!(token, "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij");
//! // With 16 bytes from the operating system's CSPRNG:
//! let fresh = token_core::generate("glpat-", &routing, Format::V1)?;
//! assert!(fresh.starts_with("glpat-"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Decode and verify
//! ```
//! use token_core::{DecodeError, Format, RoutingKey};
//!
//! let token = "glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k";
//! assert!(token_core::verify(token).is_ok()); // checksum and length fields only
//! let decoded = token_core::decode(token)?;
//! assert_eq!(decoded.format(), Format::V1);
//! assert_eq!(decoded.routing().get(RoutingKey::Organization), Some("rz"));
//! let tampered = token.replace("W5m1", "W5m2");
//! assert_eq!(token_core::decode(&tampered).unwrap_err(), DecodeError::ChecksumMismatch);
//! # Ok::<(), DecodeError>(())
//! ```
//!
//! # Identify
//! ```
//! use token_core::{Identifier, PrefixConfig, TokenType};
//!
//! let config = PrefixConfig::default().with_instance_prefix("acme")?;
//! let identifier = Identifier::new(&config);
//! let token = token_core::generate_legacy(TokenType::DeployToken, &config)?;
//! assert!(token.starts_with("acme-gldt-"));
//! assert_eq!(identifier.identify(&token).unwrap().token_type, TokenType::DeployToken);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Locate, classify and route (AuthFinders)
//! ```
//! use token_core::PrefixConfig;
//! use token_core::auth_finders::{self, BearerKind, LengthDetection, RequestParts, RouteDecision};
//!
//! let token = "glpat-YWFhYWFhYWFhYWFhYWFhYWM6MnMKbzoxCA.01.0y00777kh";
//! let header = format!("Bearer {token}");
//! let request = RequestParts { headers: &[("authorization", header.as_str())], params: &[] };
//! let found = auth_finders::personal_access_token(&request).unwrap();
//! let kind = auth_finders::classify_bearer(found, LengthDetection::Disabled, &PrefixConfig::default());
//! assert_eq!(kind, BearerKind::PersonalAccessToken);
//! # let _ = auth_finders::route(found);
//! ```
//!
//! # Randomness and fork safety
//! [`generate`] and [`generate_legacy`] ask the operating system (`getrandom`)
//! for every token. No random state lives in the process, so forked Puma or
//! Sidekiq workers can never share or replay a random stream, and any number
//! of threads may generate at once. Callers that want a userspace CSPRNG pass
//! their own to [`generate_with_rng`] and take on reseeding it after `fork`.
//!
//! # Secrets
//! The 16 random bytes are the secret. Errors never contain token bytes, and
//! `Debug` of decoded tokens redacts them.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod auth_finders;
mod base36;
mod bytes;
mod decode;
mod encode;
mod format;
mod identify;
pub mod legacy;
mod limits;
mod prefix_config;
mod routing;
pub mod scan;
mod token_type;

pub use decode::{DecodeError, DecodedToken, LaxToken, TokenLayout, decode, decode_lax, verify};
pub use encode::{EncodeError, encode, generate, generate_with_rng};
pub use format::{Format, UnknownFormat};
pub use identify::{Checksum, Identification, Identifier, TokenKind, identify};
pub use legacy::{LegacyBody, generate_legacy, generate_legacy_with_rng};
pub use limits::{
    MAX_B64_LEN, MAX_DECODE_INPUT_LEN, MAX_LENGTH_FIELD, MAX_PREFIX_LEN, MAX_RAW_LEN,
    MAX_TOKEN_LEN, RANDOM_LEN, V0_TAIL_LEN, V1_TAIL_LEN,
};
pub use prefix_config::{ConfigError, MAX_CONFIGURED_PREFIX_LEN, PrefixConfig};
pub use routing::{
    Entries, MAX_ROUTING_LEN, RequiredKeys, RoutingError, RoutingKey, RoutingOptions,
    RoutingPayload, RoutingValue,
};
pub use token_type::TokenType;

/// Parses a routing value written as lowercase base36 (as integers are
/// rendered), e.g. a cell id `"2s"` → 100. `None` for any other text.
pub fn parse_base36(value: &str) -> Option<u64> {
    base36::parse_strict(value.as_bytes())
}
