//! What every input must satisfy, whatever its bytes: no panic, and answers
//! that agree with each other (decode with verify, lax decode, re-encoding,
//! identification and routing).
//!
//! Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and by the test that
//! replays saved inputs (`crates/token-core/tests/fuzz_regressions.rs`, which
//! includes this file by path), so it uses nothing but `token_core` and `std`.

use std::borrow::Cow;

use token_core::auth_finders::{
    self, BearerKind, LengthDetection, LocateError, MAX_JOB_TOKEN_LEN, RequestParts, RouteDecision,
    classify_bearer, route,
};
use token_core::{
    Checksum, DecodeError, Format, Identifier, MAX_DECODE_INPUT_LEN, MAX_PREFIX_LEN, MAX_TOKEN_LEN,
    PrefixConfig, RoutingKey, TokenKind, TokenType, V0_TAIL_LEN, V1_TAIL_LEN, decode, decode_lax,
    encode, identify, verify,
};

/// Errors only the payload stage of [`decode`] reports (after [`verify`] passed).
const PAYLOAD_ERRORS: [DecodeError; 7] = [
    DecodeError::InvalidBase64,
    DecodeError::LengthByteMismatch,
    DecodeError::EmptyRouting,
    DecodeError::MalformedRouting,
    DecodeError::UnknownRoutingKey,
    DecodeError::DuplicateRoutingKey,
    DecodeError::UnsortedRoutingKeys,
];

/// Strict decoding: agrees with `verify`, accepts only canonical tokens
/// (re-encoding gives the same bytes), detects a changed byte, agrees with
/// GitLab's lax decoder and with routing.
pub fn check_decode(data: &[u8]) {
    let verified = verify(data);
    match decode(data) {
        Ok(token) => {
            let layout = verified.expect("decode accepted what verify rejected");
            assert_eq!(layout.format, token.format());
            assert_eq!(layout.prefix_len, token.prefix().len());
            let again = encode(
                token.prefix(),
                token.routing(),
                token.random_bytes(),
                token.format(),
            )
            .expect("a decoded prefix encodes");
            assert_eq!(
                again.as_bytes(),
                data,
                "decode accepted a non-canonical token"
            );

            let lax = decode_lax(data).expect("GitLab's decoder rejects a strict token");
            assert_eq!(lax.prefix, token.prefix().as_bytes());
            assert_eq!(lax.format, token.format());
            assert_eq!(lax.random.as_slice(), token.random_bytes());
            let strict_keys: Vec<&str> =
                token.routing().entries().map(|(k, _)| k.as_str()).collect();
            let lax_keys: Vec<&str> = lax.routing.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(strict_keys, lax_keys);

            check_route_agrees(data, Ok(token.routing().get(RoutingKey::Cell)));
            check_tamper_detected(data);
        }
        Err(error) => {
            match verified {
                Err(reason) => assert_eq!(error, reason, "decode and verify disagree"),
                Ok(_) => assert!(
                    PAYLOAD_ERRORS.contains(&error),
                    "verify passed but decode failed with {error:?}"
                ),
            }
            assert!(DecodeError::ALL.contains(&error));
            assert!(!error.code().is_empty() && !error.to_string().is_empty());
            check_route_agrees(data, Err(error));
        }
    }
}

/// `route` sends a token to its `c` cell, else by topology key, else the
/// default cell with decode's own reason.
fn check_route_agrees(data: &[u8], decoded: Result<Option<&str>, DecodeError>) {
    match (route(data), decoded) {
        (RouteDecision::Cell { cell_id }, Ok(Some(cell))) => assert_eq!(cell_id, cell),
        (RouteDecision::Topology { key, .. }, Ok(None)) => {
            assert!(auth_finders::TOPOLOGY_KEYS.contains(&key));
        }
        (RouteDecision::Default { reason }, Ok(None)) => {
            assert_eq!(reason, DecodeError::EmptyRouting);
        }
        (RouteDecision::Default { reason }, Err(error)) => assert_eq!(reason, error),
        (decision, decoded) => panic!("route {decision:?} disagrees with decode {decoded:?}"),
    }
}

/// Any one changed byte of a valid token is rejected (CRC-32 catches every
/// single-byte error; a changed checksum digit no longer matches).
fn check_tamper_detected(token: &[u8]) {
    for at in [0, token.len() / 2, token.len() - 8, token.len() - 1] {
        let mut changed = token.to_vec();
        changed[at] ^= 0x01;
        assert!(
            decode(&changed).is_err(),
            "a changed byte at {at} went unnoticed"
        );
        assert!(
            verify(&changed).is_err(),
            "a changed byte at {at} went unnoticed"
        );
    }
}

/// The cheap check: specific errors for empty and oversized input; an accepted
/// token's layout covers it exactly and fits the format's limits.
pub fn check_verify(data: &[u8]) {
    match verify(data) {
        Ok(layout) => {
            let tail = match layout.format {
                Format::V1 => V1_TAIL_LEN,
                Format::V0 => V0_TAIL_LEN,
            };
            assert_eq!(layout.prefix_len + layout.payload_len + tail, data.len());
            assert!(layout.prefix_len <= MAX_PREFIX_LEN);
            assert!(data.len() <= MAX_TOKEN_LEN);
            assert!(std::str::from_utf8(&data[..layout.prefix_len]).is_ok());
        }
        Err(DecodeError::Empty) => assert!(data.is_empty()),
        Err(DecodeError::TooLong) => assert!(data.len() > MAX_DECODE_INPUT_LEN),
        Err(error) => {
            assert!(!data.is_empty() && data.len() <= MAX_DECODE_INPUT_LEN);
            assert!(
                !PAYLOAD_ERRORS.contains(&error),
                "verify read the payload: {error:?}"
            );
        }
    }
}

/// GitLab-compatible decoding: `None` or parts that lie inside the input.
pub fn check_decode_lax(data: &[u8]) {
    if let Some(lax) = decode_lax(data) {
        assert!(data.starts_with(lax.prefix));
        assert!(data.len() <= MAX_DECODE_INPUT_LEN);
        if lax.format == Format::V1 {
            assert_eq!(lax.random.len(), token_core::RANDOM_LEN);
        }
        let mut keys: Vec<&str> = lax.routing.iter().map(|(k, _)| k.as_str()).collect();
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), count, "a repeated key must keep one entry");
        // The redacting Debug never shows the random bytes.
        assert!(format!("{lax:?}").contains("REDACTED"));
    }
}

/// Identification, with GitLab's default prefixes and with a configured
/// instance and custom PAT prefix taken from the input's first bytes.
pub fn check_identify(data: &[u8]) {
    let default = Identifier::new(&PrefixConfig::default());
    assert_eq!(default.identify(data), identify(data));
    check_identification(&default, data);

    let Some((&lengths, rest)) = data.split_first() else {
        return;
    };
    let instance_len = usize::from(lengths & 0x0f).min(rest.len());
    let (instance, rest) = rest.split_at(instance_len);
    let custom_len = usize::from(lengths >> 4).min(rest.len());
    let (custom, token) = rest.split_at(custom_len);
    let mut config = PrefixConfig::default();
    if let Ok(with) = config
        .clone()
        .with_instance_prefix(&String::from_utf8_lossy(instance))
    {
        config = with;
    }
    if let Ok(with) = config
        .clone()
        .with_custom_pat_prefix(&String::from_utf8_lossy(custom))
    {
        config = with;
    }
    check_identification(&Identifier::new(&config), token);
}

fn check_identification(identifier: &Identifier, token: &[u8]) {
    let Some(found) = identifier.identify(token) else {
        return;
    };
    assert!(found.prefix_len <= token.len());
    let prefix = &token[..found.prefix_len];
    if found.token_type == TokenType::OAuthAccessToken {
        assert_eq!(found.prefix_len, 0);
    } else {
        assert!(
            identifier
                .prefixes()
                .any(|(p, t)| p == prefix && t == found.token_type),
            "identified by a prefix the identifier does not know"
        );
    }
    match (found.kind, found.checksum) {
        (TokenKind::Routable(format), Checksum::Valid) => {
            let layout = verify(token).expect("a valid checksum that verify rejects");
            assert_eq!(layout.format, format);
            assert_eq!(layout.prefix_len, found.prefix_len);
        }
        (TokenKind::Routable(_), Checksum::Invalid) => {
            let agrees = verify(token).map(|l| l.prefix_len) != Ok(found.prefix_len);
            assert!(agrees, "an invalid checksum that verify accepts");
        }
        (TokenKind::Legacy, Checksum::NotApplicable) => {}
        (kind, checksum) => panic!("identified as {kind:?} with checksum {checksum:?}"),
    }
}

/// The AuthFinders over a request built from the input: NUL-separated records
/// `H<name>:<value>` (a header) or `P<name>:<value>` (a parameter).
pub fn check_auth_finders(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut headers: Vec<(&str, &str)> = Vec::new();
    let mut params: Vec<(&str, &str)> = Vec::new();
    for record in text.split('\0') {
        let (kind, rest) = record.split_at(record.chars().next().map_or(0, char::len_utf8));
        let Some((name, value)) = rest.split_once(':') else {
            continue;
        };
        match kind {
            "H" => headers.push((name, value)),
            "P" => params.push((name, value)),
            _ => {}
        }
    }
    let request = RequestParts {
        headers: &headers,
        params: &params,
    };

    let mut found: Vec<Cow<'_, str>> = Vec::new();
    if let Some(bearer) = auth_finders::bearer_token(&request) {
        let header = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("authorization"))
            .map(|(_, v)| *v)
            .expect("a bearer token without an Authorization header");
        assert!(header.contains(bearer) && !bearer.trim().is_empty());
        found.push(Cow::Borrowed(bearer));
    }
    if let Some((user, password)) = auth_finders::basic_credentials(&request) {
        assert!(!user.contains(':'));
        found.push(Cow::Owned(password));
    }
    match auth_finders::job_token(&request) {
        Ok(Some(token)) => {
            assert!(token.len() <= MAX_JOB_TOKEN_LEN && !token.trim().is_empty());
            found.push(token);
        }
        Ok(None) => {}
        Err(LocateError::JobTokenTooLong) => {}
    }
    let located = auth_finders::locate_personal_access_token(&request);
    assert_eq!(
        located.map(|l| l.token),
        auth_finders::personal_access_token(&request)
    );
    let located_oauth = auth_finders::locate_oauth_token(&request);
    assert_eq!(
        located_oauth.map(|l| l.token),
        auth_finders::oauth_token(&request)
    );
    assert!(located_oauth.is_none_or(|l| l.source.is_oauth_style()));
    if let Some(l) = located.filter(|l| !l.source.is_oauth_style()) {
        let direct = [request.params, request.headers]
            .iter()
            .flat_map(|pairs| pairs.iter())
            .any(|(_, v)| *v == l.token);
        assert!(direct, "a PAT located outside the request");
    }
    found.extend(auth_finders::personal_access_token(&request).map(Cow::Borrowed));
    found.extend(auth_finders::oauth_token(&request).map(Cow::Borrowed));
    found.extend(auth_finders::deploy_token(&request));
    found.extend(auth_finders::runner_token(&request, true).map(Cow::Borrowed));
    assert_eq!(auth_finders::runner_token(&request, false), None);
    found.extend(auth_finders::feed_token(&request, "/dashboard/projects.atom").map(Cow::Borrowed));
    assert_eq!(
        auth_finders::feed_token(&request, "/dashboard/projects"),
        None
    );
    found.extend(auth_finders::static_object_token(&request).map(Cow::Borrowed));

    let configured = PrefixConfig::default()
        .with_instance_prefix("acme")
        .and_then(|c| c.with_custom_pat_prefix("mypat_"))
        .expect("a valid configuration");
    found.push(text.clone());
    for token in &found {
        for config in [&PrefixConfig::default(), &configured] {
            check_bearer(token, config);
        }
        let decoded = decode(token.as_bytes());
        let cell = decoded.as_ref().map(|t| t.routing().get(RoutingKey::Cell));
        check_route_agrees(token.as_bytes(), cell.map_err(|e| *e));
    }
}

/// Bearer classification in both length-detection modes.
fn check_bearer(token: &str, config: &PrefixConfig) {
    let job = config.has_prefix_of(token.as_bytes(), TokenType::CiJobToken);
    let pat = config.has_prefix_of(token.as_bytes(), TokenType::PersonalAccessToken);
    let disabled = classify_bearer(token, LengthDetection::Disabled, config);
    let enabled = classify_bearer(token, LengthDetection::Enabled, config);
    if job {
        assert_eq!(disabled, BearerKind::OAuthToken);
        assert_eq!(enabled, BearerKind::OAuthToken);
        return;
    }
    let expected = if pat {
        BearerKind::PersonalAccessToken
    } else {
        BearerKind::OAuthThenPersonalAccessToken
    };
    assert_eq!(disabled, expected);
    let by_length = (20..=40).contains(&token.chars().count());
    assert_eq!(enabled == BearerKind::PersonalAccessToken, by_length);
}
