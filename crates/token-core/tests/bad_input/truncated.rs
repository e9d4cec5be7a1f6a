//! Every prefix of every token type (default and instance-prefixed) with its
//! body cut at every length: never valid, never identified as what it was.

use token_core::legacy::LegacyBody;
use token_core::{
    Checksum, DecodeError, Format, PrefixConfig, RoutingOptions, RoutingPayload, RoutingValue,
    TokenKind, TokenType, generate, generate_legacy,
};

use crate::answers::{Answers, answers, configured};

fn identification_of(
    config: &PrefixConfig,
    answers: &Answers,
) -> Option<token_core::Identification> {
    if *config == PrefixConfig::default() {
        answers.identify
    } else {
        answers.identify_configured
    }
}

fn routing() -> RoutingPayload {
    RoutingPayload::build(
        [("o", RoutingValue::Int(1)), ("u", RoutingValue::Int(1))],
        RoutingOptions::default(),
    )
    .expect("valid routing")
}

#[test]
fn routable_tokens_cut_anywhere() {
    let mut cases = 0;
    for config in [PrefixConfig::default(), configured()] {
        for token_type in TokenType::ALL {
            for prefix in config.prefixes_of(token_type) {
                for format in [Format::V1, Format::V0] {
                    let token = generate(&prefix, &routing(), format).expect("generated");
                    let layout = token_core::verify(&token).expect("valid");
                    // The payload holds no `.`, so no cut before the tail looks routable.
                    let separator = layout.prefix_len + layout.payload_len;
                    for cut in 0..token.len() {
                        let answers = answers(&token.as_bytes()[..cut]);
                        let expected = match cut {
                            0 => Some(DecodeError::Empty),
                            c if c <= separator => Some(DecodeError::NotRoutable),
                            _ => None,
                        };
                        match expected {
                            Some(reason) => assert_eq!(answers.decode, Err(reason), "cut {cut}"),
                            None => assert!(answers.decode.is_err(), "cut {cut} decoded"),
                        }
                        assert!(!answers.lax, "GitLab would accept a cut token");
                        let found = identification_of(&config, &answers);
                        assert!(
                            found.is_none_or(|f| f.checksum != Checksum::Valid),
                            "a cut token identified as valid"
                        );
                        cases += 1;
                    }
                }
            }
        }
    }
    assert!(cases > 5_000, "only {cases} cuts");
}

#[test]
fn legacy_tokens_cut_anywhere() {
    for config in [PrefixConfig::default(), configured()] {
        for token_type in TokenType::ALL {
            let token = generate_legacy(token_type, &config).expect("generated");
            let whole = answers(token.as_bytes());
            let found = identification_of(&config, &whole).expect("identified");
            assert_eq!(
                (found.token_type, found.kind),
                (token_type, TokenKind::Legacy)
            );
            // Bodies of 1..=25 base36 characters stay that shape when cut.
            let keeps_shape = token_type.legacy_body() == LegacyBody::Base36Random128;
            for cut in 0..token.len() {
                let answers = answers(&token.as_bytes()[..cut]);
                let reason = if cut == 0 {
                    DecodeError::Empty
                } else {
                    DecodeError::NotRoutable
                };
                assert_eq!(answers.decode, Err(reason), "{token_type} cut at {cut}");
                let same = identification_of(&config, &answers).is_some_and(|f| {
                    f.token_type == token_type
                        && f.kind == TokenKind::Legacy
                        && f.prefix_len == found.prefix_len
                });
                assert!(
                    !same || keeps_shape && cut > found.prefix_len,
                    "{token_type} cut at {cut} still identified as one"
                );
            }
        }
    }
}
