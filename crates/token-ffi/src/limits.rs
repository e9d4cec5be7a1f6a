//! Sizes callers use to allocate buffers. cbindgen needs literal values, so
//! each is written out here and checked against token-core at compile time.

/// Number of random bytes in a routable token (the secret part).
pub const TC_RANDOM_LEN: usize = 16;

/// Longest prefix a routable token may have, in bytes.
pub const TC_MAX_PREFIX_LEN: usize = 64;

/// Longest routing payload, in bytes.
pub const TC_MAX_ROUTING_LEN: usize = 159;

/// Most entries a routing payload holds (one per key `c g o p t u`).
pub const TC_MAX_ROUTING_ENTRIES: usize = 6;

/// Longest routable token `tc_encode` and `tc_generate` produce, in bytes. A
/// buffer of `TC_MAX_TOKEN_LEN + 1` bytes always suffices (the NUL included).
pub const TC_MAX_TOKEN_LEN: usize = 312;

/// Longest legacy token `tc_generate_legacy` produces, in bytes (an OAuth
/// application secret under a 20-character instance prefix). A buffer of
/// `TC_MAX_LEGACY_TOKEN_LEN + 1` bytes always suffices.
pub const TC_MAX_LEGACY_TOKEN_LEN: usize = 91;

/// Longest instance prefix or custom PAT prefix a configuration accepts.
pub const TC_MAX_CONFIGURED_PREFIX_LEN: usize = 20;

/// Longest token the scanner reports (`tc_finding.len`), in bytes: a prefix of
/// at most `TC_MAX_PREFIX_LEN` bytes and the longest body, a CI job token's
/// JWT. Routable tokens are far shorter.
pub const TC_MAX_FINDING_LEN: usize = 8256;

const _: () = {
    assert!(TC_RANDOM_LEN == token_core::RANDOM_LEN);
    assert!(TC_MAX_PREFIX_LEN == token_core::MAX_PREFIX_LEN);
    assert!(TC_MAX_ROUTING_LEN == token_core::MAX_ROUTING_LEN);
    assert!(TC_MAX_ROUTING_ENTRIES == token_core::RoutingKey::ALL.len());
    assert!(TC_MAX_TOKEN_LEN == token_core::MAX_TOKEN_LEN);
    assert!(TC_MAX_LEGACY_TOKEN_LEN == token_core::legacy::MAX_LEGACY_TOKEN_LEN);
    assert!(TC_MAX_CONFIGURED_PREFIX_LEN == token_core::MAX_CONFIGURED_PREFIX_LEN);
    assert!(TC_MAX_FINDING_LEN == token_core::scan::MAX_FINDING_LEN);
};
