//! Identification across every token type, prefix configuration and kind.

use rand::SeedableRng;
use rand::rngs::StdRng;
use token_core::{
    Checksum, ConfigError, Format, Identifier, PrefixConfig, RoutingOptions, RoutingPayload,
    TokenKind, TokenType, encode, generate_legacy, generate_legacy_with_rng, identify,
};

fn configs() -> Vec<PrefixConfig> {
    vec![
        PrefixConfig::default(),
        PrefixConfig::default()
            .with_instance_prefix("acme")
            .unwrap(),
        PrefixConfig::default()
            .with_custom_pat_prefix("mypat_")
            .unwrap(),
        PrefixConfig::default()
            .with_instance_prefix("Zz9")
            .unwrap()
            .with_custom_pat_prefix("corp.pat-")
            .unwrap(),
    ]
}

fn routing() -> RoutingPayload {
    RoutingPayload::build(
        [("o", 1u64.into()), ("u", 7u64.into())],
        RoutingOptions::default(),
    )
    .unwrap()
}

#[test]
fn legacy_tokens_of_every_type_and_config_are_identified() {
    let mut rng = StdRng::seed_from_u64(3);
    for config in configs() {
        let identifier = Identifier::new(&config);
        for token_type in TokenType::ALL {
            for _ in 0..20 {
                let token = generate_legacy_with_rng(token_type, &config, &mut rng).unwrap();
                let id = identifier
                    .identify(&token)
                    .unwrap_or_else(|| panic!("{token_type} not identified"));
                assert_eq!(id.token_type, token_type, "{config:?}");
                assert_eq!(id.kind, TokenKind::Legacy);
                assert_eq!(id.checksum, Checksum::NotApplicable);
                assert_eq!(id.prefix_len, config.prefix_for(token_type).len());
            }
        }
        let os = generate_legacy(TokenType::PersonalAccessToken, &config).unwrap();
        assert_eq!(
            identifier.identify(&os).unwrap().token_type,
            TokenType::PersonalAccessToken
        );
    }
}

#[test]
fn routable_tokens_of_every_type_and_config_are_identified_with_checksum_status() {
    for config in configs() {
        let identifier = Identifier::new(&config);
        for token_type in TokenType::ALL
            .into_iter()
            .filter(|t| *t != TokenType::OAuthAccessToken)
        {
            for format in [Format::V0, Format::V1] {
                let prefix = config.prefix_for(token_type);
                let token = encode(&prefix, &routing(), &[7; 16], format).unwrap();
                let id = identifier.identify(&token).unwrap();
                assert_eq!(id.token_type, token_type, "{token}");
                assert_eq!(id.kind, TokenKind::Routable(format));
                assert_eq!(id.checksum, Checksum::Valid);
                assert_eq!(id.prefix_len, prefix.len());

                let mut tampered = token.clone().into_bytes();
                let at = prefix.len() + 3;
                tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
                let id = identifier.identify(&tampered).unwrap();
                assert_eq!(id.token_type, token_type);
                assert_eq!(id.kind, TokenKind::Routable(format));
                assert_eq!(id.checksum, Checksum::Invalid);
            }
        }
    }
}

#[test]
fn longer_prefixes_win() {
    let token = encode("glrtr-", &routing(), &[1; 16], Format::V1).unwrap();
    assert_eq!(identify(&token).unwrap().prefix_len, 6);
    let token = encode("glrt-t2_", &routing(), &[1; 16], Format::V0).unwrap();
    let id = identify(&token).unwrap();
    assert_eq!(
        (id.token_type, id.prefix_len),
        (TokenType::RunnerAuthenticationToken, 8)
    );

    let config = PrefixConfig::default()
        .with_instance_prefix("acme")
        .unwrap();
    let token = encode("acme-glpat-", &routing(), &[1; 16], Format::V1).unwrap();
    let id = Identifier::new(&config).identify(&token).unwrap();
    assert_eq!((id.prefix_len, id.checksum), (11, Checksum::Valid));
    // Without the instance prefix configured, nothing claims the token.
    assert_eq!(identify(&token), None);
}

#[test]
fn default_prefixes_stay_recognized_on_configured_instances() {
    let token = encode("glpat-", &routing(), &[1; 16], Format::V1).unwrap();
    for config in configs() {
        let id = Identifier::new(&config).identify(&token).unwrap();
        assert_eq!(id.token_type, TokenType::PersonalAccessToken);
        assert_eq!(id.checksum, Checksum::Valid);
    }
}

#[test]
fn unprefixed_oauth_tokens_and_unknown_strings() {
    let oauth = "0123456789abcdef".repeat(4);
    assert_eq!(
        identify(&oauth).unwrap().token_type,
        TokenType::OAuthAccessToken
    );
    for unknown in [
        "",
        "hello",
        "glpat-",
        "glpat-short",
        "glpat-has spaces in body!!",
        &"0".repeat(63),
    ] {
        assert_eq!(identify(unknown), None, "{unknown:?}");
    }
    // A routable token with no known prefix has no type.
    assert_eq!(identify("YWFhYWFhYWFhYWFhYWFhYW86MQM.01.0r0e6anp8"), None);
}

#[test]
fn prefix_configuration_is_validated() {
    let config = PrefixConfig::default();
    assert_eq!(
        config
            .clone()
            .with_instance_prefix("gl")
            .unwrap()
            .instance_prefix(),
        None
    );
    assert_eq!(
        config
            .clone()
            .with_instance_prefix("  ")
            .unwrap()
            .instance_prefix(),
        None
    );
    for bad in ["acme-", "a".repeat(21).as_str(), "ac me", "é"] {
        assert_eq!(
            config.clone().with_instance_prefix(bad),
            Err(ConfigError::InvalidInstancePrefix)
        );
    }
    assert_eq!(
        config
            .clone()
            .with_custom_pat_prefix("")
            .unwrap()
            .custom_pat_prefix(),
        None
    );
    for bad in ["has space", "a".repeat(21).as_str(), "tab\t", "ü"] {
        assert_eq!(
            config.clone().with_custom_pat_prefix(bad),
            Err(ConfigError::InvalidCustomPatPrefix)
        );
    }
    let both = config
        .with_instance_prefix("acme")
        .unwrap()
        .with_custom_pat_prefix("my-")
        .unwrap();
    assert_eq!(
        both.prefix_for(TokenType::PersonalAccessToken),
        "acme-glpat-"
    );
    assert_eq!(
        both.prefix_for(TokenType::RunnerAuthenticationToken),
        "acme-glrt-"
    );
    assert_eq!(
        both.prefix_for(TokenType::SessionCookie),
        "_gitlab_session="
    );
    assert_eq!(both.prefix_for(TokenType::OAuthAccessToken), "");
    let custom_only = PrefixConfig::default()
        .with_custom_pat_prefix("my-")
        .unwrap();
    assert_eq!(
        custom_only.prefix_for(TokenType::PersonalAccessToken),
        "my-"
    );
}

#[test]
fn registry_round_trips_symbols() {
    for token_type in TokenType::ALL {
        assert_eq!(
            TokenType::from_symbol(token_type.symbol()),
            Some(token_type)
        );
        assert_eq!(token_type.to_string(), token_type.symbol());
    }
    assert_eq!(TokenType::from_symbol("nope"), None);
    assert_eq!(TokenType::PersonalAccessToken.routing_keys().len(), 2);
    assert_eq!(TokenType::RunnerAuthenticationToken.routing_keys().len(), 5);
}
