//! `decode`: strict (the default) or GitLab-compatible (`--lax`).

use serde_json::{Map, Value, json};
use token_core::{Identifier, decode, decode_lax};

use super::Out;
use crate::cli::DecodeArgs;
use crate::config::prefix_config;
use crate::describe::{routing_json, routing_text, type_name};
use crate::exit::{CliError, FOUND, OK};
use crate::mask::{hex, masked};
use crate::tokens_in::tokens;

/// Decodes every token; exit status 1 when any is rejected.
pub fn run(args: &DecodeArgs, out: &mut Out) -> Result<u8, CliError> {
    let identifier = Identifier::new(&prefix_config(&args.prefixes)?);
    let mut status = OK;
    for token in tokens(&args.input) {
        let token = token?;
        let shown = masked(&token, &identifier);
        let ok = if args.lax {
            lax(&token, &shown, args.show_secrets, out)?
        } else {
            strict(&token, &shown, &identifier, args.show_secrets, out)?
        };
        if !ok {
            status = FOUND;
        }
    }
    out.flush()?;
    Ok(status)
}

fn strict(
    token: &str,
    shown: &str,
    identifier: &Identifier,
    show_secrets: bool,
    out: &mut Out,
) -> Result<bool, CliError> {
    let decoded = match decode(token) {
        Ok(decoded) => decoded,
        Err(error) => {
            if out.json {
                out.json(&json!({
                    "redacted": shown, "ok": false, "error": error.code(), "message": error.message(),
                }))?;
            } else {
                out.line(&format!("{shown}: rejected: {error} ({})", error.code()))?;
            }
            return Ok(false);
        }
    };
    let token_type = identifier.identify(token).map(|id| id.token_type);
    if out.json {
        let mut fields = json!({
            "redacted": shown,
            "ok": true,
            "format": decoded.format().as_str(),
            "prefix": decoded.prefix(),
            "type": token_type.map(|t| t.symbol()),
            "routing": routing_json(decoded.routing()),
        });
        if show_secrets {
            fields["token"] = Value::from(token);
            fields["random_hex"] = Value::from(hex(decoded.random_bytes()));
        }
        out.json(&fields)?;
    } else {
        out.line(shown)?;
        out.line(&format!("  format:  {}", decoded.format()))?;
        out.line(&format!("  prefix:  {:?}", decoded.prefix()))?;
        out.line(&format!("  type:    {}", type_name(token_type)))?;
        out.line(&format!("  routing: {}", routing_text(decoded.routing())))?;
        if show_secrets {
            out.line(&format!("  token:   {token}"))?;
            out.line(&format!("  random:  {}", hex(decoded.random_bytes())))?;
        }
    }
    Ok(true)
}

fn lax(token: &str, shown: &str, show_secrets: bool, out: &mut Out) -> Result<bool, CliError> {
    let Some(decoded) = decode_lax(token) else {
        if out.json {
            out.json(&json!({ "redacted": shown, "ok": false, "error": "gitlab_returns_nil" }))?;
        } else {
            out.line(&format!("{shown}: rejected (GitLab's decoder returns nil)"))?;
        }
        return Ok(false);
    };
    let prefix = String::from_utf8_lossy(decoded.prefix);
    if out.json {
        let routing: Map<String, Value> = decoded
            .routing
            .iter()
            .map(|(key, value)| (key.clone(), Value::from(*value)))
            .collect();
        let mut fields = json!({
            "redacted": shown,
            "ok": true,
            "format": decoded.format.as_str(),
            "prefix": prefix,
            "routing": routing,
        });
        if show_secrets {
            fields["token"] = Value::from(token);
            fields["random_hex"] = Value::from(hex(&decoded.random));
        }
        out.json(&fields)?;
    } else {
        let routing: Vec<String> = decoded
            .routing
            .iter()
            .map(|(key, value)| format!("{key}:{value}"))
            .collect();
        out.line(shown)?;
        out.line(&format!(
            "  format:  {} (GitLab-compatible)",
            decoded.format
        ))?;
        out.line(&format!("  prefix:  {prefix:?}"))?;
        out.line(&format!("  routing: {}", routing.join(" ")))?;
        if show_secrets {
            out.line(&format!("  token:   {token}"))?;
            out.line(&format!("  random:  {}", hex(&decoded.random)))?;
        }
    }
    Ok(true)
}
