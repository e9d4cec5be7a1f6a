//! The tokens planted in a corpus: valid routable tokens of both formats,
//! look-alikes with a bad checksum, and legacy tokens, of every prefixed type
//! and every prefix the instance knows, each in a line where tokens leak.

use rand::RngExt;
use rand::rngs::StdRng;
use token_core::scan::Finding;
use token_core::{
    Checksum, Format, PrefixConfig, RoutingKey, RoutingOptions, RoutingPayload, RoutingValue,
    TokenKind, TokenType, generate_legacy_with_rng, generate_with_rng, verify,
};

/// Lines a token leaks in; `{t}` is the token.
const LINES: &[&str] = &[
    "export GITLAB_TOKEN={t}\n",
    "  token: \"{t}\"\n",
    "curl --header \"PRIVATE-TOKEN: {t}\" https://gitlab.example.com/api/v4/user\n",
    "2024-05-01T12:00:00.000Z INFO  [Auth] token={t} user_id=42\n",
    "git remote add origin https://oauth2:{t}@gitlab.example.com/group/project.git\n",
    "Authorization: Bearer {t}\r\n",
    "    let token = \"{t}\"; // rotate me\n",
    "runner_token = '{t}'\n",
    "Set-Cookie: {t}; path=/; HttpOnly\n",
    "{\"name\":\"ci\",\"token\":\"{t}\",\"scopes\":[\"api\"]}\n",
    "See ({t}).\n",
];

/// Types with a prefix (the unprefixed OAuth access token is not planted:
/// a scanner does not report it by default).
fn prefixed_types() -> impl Iterator<Item = TokenType> {
    TokenType::ALL
        .into_iter()
        .filter(|t| *t != TokenType::OAuthAccessToken)
}

/// Picks a type: mostly the ones GitLab makes routable today.
fn pick_type(rng: &mut StdRng, routable: bool) -> TokenType {
    let roll = rng.random_range(0..100);
    if routable && roll < 50 {
        return TokenType::PersonalAccessToken;
    }
    if routable && roll < 70 {
        return TokenType::RunnerAuthenticationToken;
    }
    if routable && roll < 80 {
        return TokenType::ClusterAgentToken;
    }
    let types: Vec<TokenType> = prefixed_types().collect();
    types[rng.random_range(0..types.len())]
}

fn routing_for(rng: &mut StdRng, token_type: TokenType) -> RoutingPayload {
    let mut entries: Vec<(RoutingKey, RoutingValue<'_>)> = vec![(
        RoutingKey::Organization,
        RoutingValue::Int(rng.random_range(1..10_000)),
    )];
    for &key in token_type.routing_keys() {
        let value = match key {
            RoutingKey::Organization => continue,
            RoutingKey::RunnerType => rng.random_range(1..4),
            _ => rng.random_range(1..100_000_000),
        };
        if rng.random_bool(0.7) {
            entries.push((key, RoutingValue::Int(value)));
        }
    }
    let options = RoutingOptions {
        default_cell_id: Some(rng.random_range(1..200)),
        ..RoutingOptions::default()
    };
    RoutingPayload::build(entries.iter().map(|(k, v)| (k.as_str(), *v)), options)
        .expect("known keys, small values")
}

/// A token to plant and the finding a scanner must give for it (offset 0).
pub(crate) fn make_token(rng: &mut StdRng, config: &PrefixConfig) -> (String, Finding) {
    let roll = rng.random_range(0..100);
    let (routable, tampered) = (roll < 75, roll < 20);
    let token_type = pick_type(rng, routable);
    let prefixes = config.prefixes_of(token_type);
    let prefix = prefixes[rng.random_range(0..prefixes.len())].clone();
    if !routable {
        let body_of = generate_legacy_with_rng(token_type, &PrefixConfig::default(), rng)
            .expect("default prefixes are valid");
        let token = format!("{prefix}{}", &body_of[token_type.default_prefix().len()..]);
        let finding = Finding {
            offset: 0,
            len: token.len(),
            prefix_len: prefix.len(),
            token_type: Some(token_type),
            kind: TokenKind::Legacy,
            checksum: Checksum::NotApplicable,
            routing: None,
        };
        return (token, finding);
    }
    let format = if rng.random_bool(0.3) {
        Format::V0
    } else {
        Format::V1
    };
    let routing = routing_for(rng, token_type);
    let mut token = generate_with_rng(&prefix, &routing, format, rng).expect("valid prefix");
    let mut finding = Finding {
        offset: 0,
        len: token.len(),
        prefix_len: prefix.len(),
        token_type: Some(token_type),
        kind: TokenKind::Routable(format),
        checksum: Checksum::Valid,
        routing: Some(routing),
    };
    if tampered {
        token = tamper(rng, &token);
        finding.checksum = Checksum::Invalid;
        finding.routing = None;
    }
    (token, finding)
}

/// The token with one payload character changed: same shape, bad checksum.
fn tamper(rng: &mut StdRng, token: &str) -> String {
    let payload = verify(token)
        .expect("a fresh token verifies")
        .payload_range();
    let at = rng.random_range(payload);
    let mut bytes = token.as_bytes().to_vec();
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut replacement = bytes[at];
    while replacement == bytes[at] {
        replacement = ALPHABET[rng.random_range(0..ALPHABET.len())];
    }
    bytes[at] = replacement;
    String::from_utf8(bytes).expect("ASCII")
}

/// Appends a line leaking `token` to `out`; returns the token's offset in it.
pub(crate) fn push_line(rng: &mut StdRng, token: &str, out: &mut Vec<u8>) -> usize {
    let line = LINES[rng.random_range(0..LINES.len())];
    let (before, after) = line.split_once("{t}").expect("every line has a token");
    out.extend_from_slice(before.as_bytes());
    let at = out.len();
    out.extend_from_slice(token.as_bytes());
    out.extend_from_slice(after.as_bytes());
    at
}
