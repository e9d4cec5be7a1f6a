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

const _: () = {
    assert!(TC_RANDOM_LEN == token_core::RANDOM_LEN);
    assert!(TC_MAX_PREFIX_LEN == token_core::MAX_PREFIX_LEN);
    assert!(TC_MAX_ROUTING_LEN == token_core::MAX_ROUTING_LEN);
    assert!(TC_MAX_ROUTING_ENTRIES == token_core::RoutingKey::ALL.len());
    assert!(TC_MAX_TOKEN_LEN == token_core::MAX_TOKEN_LEN);
    assert!(TC_MAX_CONFIGURED_PREFIX_LEN == token_core::MAX_CONFIGURED_PREFIX_LEN);
};

#[cfg(test)]
mod tests {
    use super::*;
    use token_core::{PrefixConfig, TokenType, generate_legacy};

    #[test]
    fn longest_legacy_token_fits_the_constant() {
        let config = PrefixConfig::default()
            .with_instance_prefix(&"a".repeat(TC_MAX_CONFIGURED_PREFIX_LEN))
            .unwrap()
            .with_custom_pat_prefix(&"b".repeat(TC_MAX_CONFIGURED_PREFIX_LEN))
            .unwrap();
        let pat_only = PrefixConfig::default()
            .with_custom_pat_prefix(&"b".repeat(TC_MAX_CONFIGURED_PREFIX_LEN))
            .unwrap();
        let mut longest = 0;
        for token_type in TokenType::ALL {
            for config in [&config, &pat_only, &PrefixConfig::default()] {
                for _ in 0..20 {
                    longest = longest.max(generate_legacy(token_type, config).unwrap().len());
                }
            }
        }
        assert_eq!(longest, TC_MAX_LEGACY_TOKEN_LEN);
    }
}
