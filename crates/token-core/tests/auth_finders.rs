//! The AuthFinders rules: where tokens are found, how Bearer tokens are
//! classified in both length-detection modes, and how requests are routed.

mod common;

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use token_core::auth_finders::{
    self, BearerKind, LengthDetection, LocateError, RequestMaps, RequestParts, RouteDecision,
    classify_bearer, route,
};
use token_core::{
    DecodeError, Format, PrefixConfig, RoutingKey, RoutingOptions, RoutingPayload, RoutingValue,
    encode,
};

fn request<'a>(
    headers: &'a [(&'a str, &'a str)],
    params: &'a [(&'a str, &'a str)],
) -> RequestParts<'a> {
    RequestParts { headers, params }
}

#[test]
fn oauth_token_sources_in_order() {
    let r = request(
        &[("Authorization", "Bearer from-header")],
        &[("access_token", "from-param"), ("bearer_token", "b")],
    );
    assert_eq!(auth_finders::oauth_token(&r), Some("from-param"));
    let r = request(
        &[("authorization", "bEaReR from-header")],
        &[("access_token", "  "), ("bearer_token", "b")],
    );
    assert_eq!(auth_finders::oauth_token(&r), Some("from-header"));
    let r = request(&[("Authorization", "Basic abc")], &[("bearer_token", "b")]);
    assert_eq!(auth_finders::oauth_token(&r), Some("b"));
    let r = request(&[("Authorization", "Bearer ")], &[]);
    assert_eq!(auth_finders::oauth_token(&r), None);
}

#[test]
fn pat_candidate_sources_in_order() {
    let r = request(
        &[
            ("PRIVATE-TOKEN", "header"),
            ("Authorization", "Bearer oauth"),
        ],
        &[("private_token", "param")],
    );
    assert_eq!(auth_finders::personal_access_token(&r), Some("param"));
    let r = request(
        &[
            ("private-token", "header"),
            ("Authorization", "Bearer oauth"),
        ],
        &[],
    );
    assert_eq!(auth_finders::personal_access_token(&r), Some("header"));
    let r = request(
        &[("Authorization", "Bearer oauth")],
        &[("private_token", "")],
    );
    assert_eq!(auth_finders::personal_access_token(&r), Some("oauth"));
    assert_eq!(
        auth_finders::personal_access_token(&request(&[], &[])),
        None
    );
}

#[test]
fn job_token_sources_limit_and_basic_auth() {
    let r = request(&[("JOB-TOKEN", "h")], &[("job_token", "j"), ("token", "t")]);
    assert_eq!(auth_finders::job_token(&r).unwrap().as_deref(), Some("j"));
    let r = request(&[("JOB-TOKEN", "h")], &[("token", "t")]);
    assert_eq!(auth_finders::job_token(&r).unwrap().as_deref(), Some("t"));
    let r = request(&[("job-token", "h")], &[]);
    assert_eq!(auth_finders::job_token(&r).unwrap().as_deref(), Some("h"));

    let basic = format!(
        "Basic {}",
        STANDARD.encode("gitlab-ci-token:glcbt-64_secret")
    );
    let headers = [("Authorization", basic.as_str())];
    let r = request(&headers, &[]);
    assert_eq!(
        auth_finders::job_token(&r).unwrap().as_deref(),
        Some("glcbt-64_secret")
    );
    let other_user = format!("Basic {}", STANDARD.encode("someone:pw"));
    let headers = [("Authorization", other_user.as_str())];
    let r = request(&headers, &[]);
    assert_eq!(auth_finders::job_token(&r).unwrap(), None);

    let at_limit = "x".repeat(8192);
    let params = [("job_token", at_limit.as_str())];
    let r = request(&[], &params);
    assert!(auth_finders::job_token(&r).unwrap().is_some());
    let over = "x".repeat(8193);
    let params = [("job_token", over.as_str())];
    let r = request(&[], &params);
    assert_eq!(
        auth_finders::job_token(&r),
        Err(LocateError::JobTokenTooLong)
    );
}

#[test]
fn deploy_runner_feed_and_static_object_tokens() {
    let basic = format!("Basic {}", STANDARD.encode("deployer:gldt-password"));
    let headers = [
        ("Authorization", basic.as_str()),
        ("Deploy-Token", "header"),
    ];
    let r = request(&headers, &[]);
    assert_eq!(
        auth_finders::deploy_token(&r).as_deref(),
        Some("gldt-password")
    );
    let r = request(
        &[("deploy-token", "header"), ("Authorization", "Bearer o")],
        &[],
    );
    assert_eq!(auth_finders::deploy_token(&r).as_deref(), Some("header"));
    let r = request(&[("Authorization", "Bearer o")], &[]);
    assert_eq!(auth_finders::deploy_token(&r).as_deref(), Some("o"));

    let r = request(&[], &[("token", "glrt-x")]);
    assert_eq!(auth_finders::runner_token(&r, true), Some("glrt-x"));
    assert_eq!(auth_finders::runner_token(&r, false), None);

    let r = request(&[], &[("rss_token", "glft-r"), ("feed_token", "glft-f")]);
    assert_eq!(
        auth_finders::feed_token(&r, "/dashboard/projects.atom"),
        Some("glft-f")
    );
    assert_eq!(
        auth_finders::feed_token(&r, "/-/calendar.ics"),
        Some("glft-f")
    );
    assert_eq!(auth_finders::feed_token(&r, "/dashboard/projects"), None);
    let r = request(&[], &[("rss_token", "glft-r")]);
    assert_eq!(auth_finders::feed_token(&r, "/a.atom"), Some("glft-r"));

    let r = request(&[("X-Gitlab-Static-Object-Token", "h")], &[("token", "p")]);
    assert_eq!(auth_finders::static_object_token(&r), Some("p"));
    let r = request(&[("x-gitlab-static-object-token", "h")], &[]);
    assert_eq!(auth_finders::static_object_token(&r), Some("h"));
}

#[test]
fn string_maps_work_as_requests() {
    let headers = HashMap::from([("Private-Token".to_owned(), "glpat-x".to_owned())]);
    let params = HashMap::new();
    let r = RequestMaps {
        headers: &headers,
        params: &params,
    };
    assert_eq!(auth_finders::personal_access_token(&r), Some("glpat-x"));
}

/// A token of exactly `len` characters starting with `prefix`.
fn of_length(prefix: &str, len: usize) -> String {
    format!("{prefix}{}", "a".repeat(len - prefix.len()))
}

fn routable(prefix: &str, routing_len: usize, format: Format) -> String {
    let value = "x".repeat(routing_len - 2);
    let routing = RoutingPayload::build(
        [("o", RoutingValue::Text(&value))],
        RoutingOptions::default(),
    )
    .unwrap();
    encode(prefix, &routing, &[9; 16], format).unwrap()
}

#[test]
fn length_detection_mode_takes_20_to_40_characters_for_pats() {
    let config = PrefixConfig::default();
    let mode = LengthDetection::Enabled;
    for len in [20, 26, 33, 40] {
        assert_eq!(
            classify_bearer(&of_length("", len), mode, &config),
            BearerKind::PersonalAccessToken,
            "{len}"
        );
        assert_eq!(
            classify_bearer(&of_length("glpat-", len), mode, &config),
            BearerKind::PersonalAccessToken
        );
    }
    for len in [19, 41, 64] {
        assert_eq!(
            classify_bearer(&of_length("", len), mode, &config),
            BearerKind::OAuthThenPersonalAccessToken
        );
    }
    // Routable PATs, v0 43..316 and v1 46..319 characters, all fall outside the old range.
    for (format, routing_len) in [
        (Format::V0, 3),
        (Format::V1, 3),
        (Format::V0, 159),
        (Format::V1, 159),
    ] {
        let token = routable("glpat-", routing_len, format);
        assert!(token.len() > 40);
        assert_eq!(
            classify_bearer(&token, mode, &config),
            BearerKind::OAuthThenPersonalAccessToken
        );
    }
    for len in [43, 46, 316, 319] {
        assert_eq!(
            classify_bearer(&of_length("glpat-", len), mode, &config),
            BearerKind::OAuthThenPersonalAccessToken
        );
    }
    // Multibyte characters count as one, as Ruby's String#length does.
    assert_eq!(
        classify_bearer(&"é".repeat(20), mode, &config),
        BearerKind::PersonalAccessToken
    );
}

#[test]
fn no_length_detection_mode_uses_the_prefix() {
    let mode = LengthDetection::Disabled;
    let config = PrefixConfig::default();
    assert_eq!(routable("glpat-", 3, Format::V0).len(), 43);
    assert_eq!(routable("glpat-", 3, Format::V1).len(), 46);
    for token in [
        routable("glpat-", 3, Format::V0),
        routable("glpat-", 3, Format::V1),
        routable("glpat-", 159, Format::V1),
        of_length("glpat-", 26),
        of_length("glpat-", 319),
    ] {
        assert_eq!(
            classify_bearer(&token, mode, &config),
            BearerKind::PersonalAccessToken
        );
    }
    for len in [20, 40, 64] {
        assert_eq!(
            classify_bearer(&of_length("", len), mode, &config),
            BearerKind::OAuthThenPersonalAccessToken
        );
    }
    let custom = PrefixConfig::default()
        .with_instance_prefix("acme")
        .unwrap()
        .with_custom_pat_prefix("corp_")
        .unwrap();
    for prefix in ["acme-glpat-", "corp_", "glpat-"] {
        assert_eq!(
            classify_bearer(&of_length(prefix, 30), mode, &custom),
            BearerKind::PersonalAccessToken,
            "{prefix}"
        );
    }
    assert_eq!(
        classify_bearer(&of_length("acme-x", 30), mode, &custom),
        BearerKind::OAuthThenPersonalAccessToken
    );
}

#[test]
fn job_tokens_are_never_pats() {
    let config = PrefixConfig::default()
        .with_instance_prefix("acme")
        .unwrap();
    for mode in [LengthDetection::Enabled, LengthDetection::Disabled] {
        for token in [
            of_length("glcbt-", 30),
            of_length("glcbt-", 80),
            of_length("acme-glcbt-", 30),
        ] {
            assert_eq!(
                classify_bearer(&token, mode, &config),
                BearerKind::OAuthToken
            );
        }
    }
}

fn token_with(entries: &[(&str, u64)]) -> String {
    let routing = RoutingPayload::build(
        entries.iter().map(|(k, v)| (*k, RoutingValue::Int(*v))),
        RoutingOptions::default(),
    )
    .unwrap();
    encode("glpat-", &routing, &[3; 16], Format::V1).unwrap()
}

#[test]
fn routing_decisions() {
    let decision = route(&token_with(&[("c", 100), ("o", 1), ("p", 5)]));
    assert_eq!(
        decision,
        RouteDecision::Cell {
            cell_id: "2s".into()
        }
    );
    assert_eq!(decision.cell_number(), Some(100));
    assert_eq!(
        route(&token_with(&[("o", 1), ("u", 2), ("p", 5), ("g", 4)])),
        RouteDecision::Topology {
            key: RoutingKey::Project,
            value: "5".into()
        }
    );
    assert_eq!(
        route(&token_with(&[("o", 1), ("u", 2), ("g", 4)])),
        RouteDecision::Topology {
            key: RoutingKey::Group,
            value: "4".into()
        }
    );
    assert_eq!(
        route(&token_with(&[("o", 36), ("u", 2)])),
        RouteDecision::Topology {
            key: RoutingKey::Organization,
            value: "10".into()
        }
    );
    assert_eq!(
        route("glpat-ts8y8Mk2gxi-xvXVsxfN"),
        RouteDecision::Default {
            reason: DecodeError::NotRoutable
        }
    );
    let mut tampered = token_with(&[("c", 1), ("o", 1)]).into_bytes();
    tampered[8] ^= 1;
    assert_eq!(
        route(&tampered),
        RouteDecision::Default {
            reason: DecodeError::ChecksumMismatch
        }
    );
    assert_eq!(
        RouteDecision::Default {
            reason: DecodeError::Empty
        }
        .cell_number(),
        None
    );
}

#[test]
fn the_routers_runner_rule_matches_generated_runner_tokens() {
    // ^glrtr?-(?<payload>[0-9A-Za-z_-]{27,300})\.01\.(?<len>[0-9a-z]{2})[0-9a-z]{7}$
    let routing = RoutingPayload::build(
        [
            ("c", 1u64.into()),
            ("g", 8u64.into()),
            ("o", 1007u64.into()),
            ("t", 2u64.into()),
        ],
        RoutingOptions::default(),
    )
    .unwrap();
    for prefix in ["glrt-", "glrtr-"] {
        let token = encode(prefix, &routing, &[5; 16], Format::V1).unwrap();
        let payload = &token[prefix.len()..token.len() - 13];
        assert!((27..=300).contains(&payload.len()));
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(&token[token.len() - 13..token.len() - 9], ".01.");
        assert!(
            token[token.len() - 9..]
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        );
        assert!(matches!(route(&token), RouteDecision::Cell { .. }));
    }
}

#[test]
fn located_tokens_say_where_they_came_from() {
    use auth_finders::{TokenSource, locate_oauth_token, locate_personal_access_token};
    type Pairs<'a> = &'a [(&'a str, &'a str)];
    let cases: [(Pairs<'_>, Pairs<'_>, TokenSource); 5] = [
        (
            &[("PRIVATE-TOKEN", "h")],
            &[("private_token", "p")],
            TokenSource::PrivateTokenParam,
        ),
        (
            &[("PRIVATE-TOKEN", "h"), ("Authorization", "Bearer b")],
            &[],
            TokenSource::PrivateTokenHeader,
        ),
        (
            &[("Authorization", "Bearer b")],
            &[("access_token", "a")],
            TokenSource::AccessTokenParam,
        ),
        (
            &[("Authorization", "Bearer b")],
            &[("bearer_token", "t")],
            TokenSource::AuthorizationBearer,
        ),
        (&[], &[("bearer_token", "t")], TokenSource::BearerTokenParam),
    ];
    for (headers, params, source) in cases {
        let parts = request(headers, params);
        let found = locate_personal_access_token(&parts).unwrap();
        assert_eq!(found.source, source);
        assert_eq!(
            found.source.is_oauth_style(),
            !matches!(
                source,
                TokenSource::PrivateTokenParam | TokenSource::PrivateTokenHeader
            )
        );
        if source.is_oauth_style() {
            assert_eq!(locate_oauth_token(&parts), Some(found));
        }
    }
    let mut codes: Vec<&str> = [
        TokenSource::PrivateTokenParam,
        TokenSource::PrivateTokenHeader,
        TokenSource::AccessTokenParam,
        TokenSource::AuthorizationBearer,
        TokenSource::BearerTokenParam,
    ]
    .iter()
    .map(|s| s.code())
    .collect();
    codes.dedup();
    assert_eq!(codes.len(), 5);
    assert_eq!(locate_personal_access_token(&request(&[], &[])), None);
}
