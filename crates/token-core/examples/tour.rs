//! A tour of token-core: generate, decode, identify and route tokens.
//!
//! Run with `cargo run -p token-core --example tour`. Secrets are redacted in
//! everything printed.

use token_core::auth_finders::{self, LengthDetection, RequestParts};
use token_core::{
    Format, Identifier, PrefixConfig, RoutingOptions, RoutingPayload, RoutingValue, TokenType,
    decode, generate, generate_legacy,
};

fn redacted(token: &str, prefix_len: usize) -> String {
    format!("{}[REDACTED]", &token[..prefix_len])
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = PrefixConfig::default();
    let options = RoutingOptions {
        default_cell_id: Some(100),
        ..RoutingOptions::default()
    };

    // A personal access token for user 42 of organization 7, on cell 100.
    let routing = RoutingPayload::build(
        [("o", RoutingValue::Int(7)), ("u", RoutingValue::Int(42))],
        options,
    )?;
    let pat = generate(
        &config.prefix_for(TokenType::PersonalAccessToken),
        &routing,
        Format::V1,
    )?;
    let decoded = decode(&pat)?;
    println!(
        "generated PAT      {}",
        redacted(&pat, decoded.prefix().len())
    );
    println!("  length           {} characters", pat.len());
    println!("  decoded          {decoded:?}");

    // Identification, with an instance prefix configured.
    let acme = PrefixConfig::default().with_instance_prefix("acme")?;
    let identifier = Identifier::new(&acme);
    for token_type in [TokenType::RunnerAuthenticationToken, TokenType::DeployToken] {
        let legacy = generate_legacy(token_type, &acme)?;
        let id = identifier.identify(&legacy).ok_or("not identified")?;
        println!(
            "legacy {:<28} {} -> {:?} {:?}",
            token_type.symbol(),
            redacted(&legacy, id.prefix_len),
            id.kind,
            id.checksum
        );
    }
    let id = identifier.identify(&pat).ok_or("not identified")?;
    println!(
        "identify PAT       {:?} {:?} {:?}",
        id.token_type, id.kind, id.checksum
    );

    // The AuthFinders: locate, classify and route a request's token.
    let header = format!("Bearer {pat}");
    let headers = [("Authorization", header.as_str())];
    let request = RequestParts {
        headers: &headers,
        params: &[],
    };
    let found = auth_finders::personal_access_token(&request).ok_or("no token")?;
    for mode in [LengthDetection::Enabled, LengthDetection::Disabled] {
        let kind = auth_finders::classify_bearer(found, mode, &config);
        println!("bearer ({mode:?})  {kind:?}");
    }
    let decision = auth_finders::route(found);
    println!(
        "route              {decision:?} (cell number {:?})",
        decision.cell_number()
    );

    let mut tampered = pat.into_bytes();
    tampered[10] ^= 1;
    println!("route (tampered)   {:?}", auth_finders::route(&tampered));
    Ok(())
}
