//! `generate`: fresh tokens, routable or legacy.

use serde_json::{Value, json};
use token_core::{Format, PrefixConfig, RoutingPayload, TokenType, generate, generate_legacy};

use super::Out;
use crate::cli::GenerateArgs;
use crate::config::{self, Target, prefix_config, type_symbols};
use crate::describe::{routing_json, type_name};
use crate::exit::{CliError, OK};
use crate::routing;

/// What each new token is made of.
enum Recipe {
    Routable(RoutingPayload, Format),
    Legacy(TokenType),
}

impl Recipe {
    fn make(&self, prefix: &str) -> Result<String, CliError> {
        let made = match self {
            Recipe::Routable(payload, format) => generate(prefix, payload, *format),
            Recipe::Legacy(token_type) => generate_legacy(*token_type, &PrefixConfig::default())
                .map(|default| {
                    // The type's body under the requested prefix.
                    format!("{prefix}{}", &default[token_type.default_prefix().len()..])
                }),
        };
        made.map_err(|e| CliError::usage(e.to_string()))
    }

    fn describe(&self, token: &str, target: &Target) -> Value {
        let (kind, format, routing) = match self {
            Recipe::Routable(payload, format) => (
                "routable",
                Some(format.as_str()),
                Some(routing_json(payload)),
            ),
            Recipe::Legacy(_) => ("legacy", None, None),
        };
        json!({
            "token": token,
            "type": target.token_type.map(|t| type_name(Some(t))),
            "kind": kind,
            "format": format,
            "prefix": target.prefix,
            "routing": routing,
        })
    }
}

/// Prints `--count` new tokens, one per line.
pub fn run(args: &GenerateArgs, out: &mut Out) -> Result<u8, CliError> {
    let config = prefix_config(&args.prefixes)?;
    let target = config::target(&args.target, &config);
    let recipe = if args.legacy {
        let token_type = target.token_type.ok_or_else(|| {
            CliError::usage(format!(
                "--legacy needs a token type or a known prefix, not {:?}; types: {}",
                args.target,
                type_symbols()
            ))
        })?;
        Recipe::Legacy(token_type)
    } else {
        Recipe::Routable(
            routing::payload(&args.routing)?,
            config::format(args.routing.format),
        )
    };
    for _ in 0..args.count {
        let token = recipe.make(&target.prefix)?;
        if out.json {
            out.json(&recipe.describe(&token, &target))?;
        } else {
            out.line(&token)?;
        }
    }
    out.flush()?;
    Ok(OK)
}
