//! `encode`: one token, deterministically, from given random bytes.

use serde_json::json;
use token_core::{RANDOM_LEN, encode};

use super::Out;
use crate::cli::EncodeArgs;
use crate::config::{self, prefix_config};
use crate::describe::{routing_json, type_name};
use crate::exit::{CliError, OK};
use crate::routing;

/// Prints the token made of the arguments.
pub fn run(args: &EncodeArgs, out: &mut Out) -> Result<u8, CliError> {
    let config = prefix_config(&args.prefixes)?;
    let target = config::target(&args.target, &config);
    let payload = routing::payload(&args.routing)?;
    let random = random_bytes(&args.random_hex)?;
    let format = config::format(args.routing.format);
    let token = encode(&target.prefix, &payload, &random, format)
        .map_err(|e| CliError::usage(e.to_string()))?;
    if out.json {
        out.json(&json!({
            "token": token,
            "type": target.token_type.map(|t| type_name(Some(t))),
            "format": format.as_str(),
            "prefix": target.prefix,
            "routing": routing_json(&payload),
        }))?;
    } else {
        out.line(&token)?;
    }
    out.flush()?;
    Ok(OK)
}

/// 32 hex digits as 16 bytes.
fn random_bytes(text: &str) -> Result<[u8; RANDOM_LEN], CliError> {
    let text = text.trim();
    let error = || {
        CliError::usage(format!(
            "--random-hex must be {} hex digits ({RANDOM_LEN} bytes)",
            2 * RANDOM_LEN
        ))
    };
    if text.len() != 2 * RANDOM_LEN || !text.is_ascii() {
        return Err(error());
    }
    let mut bytes = [0u8; RANDOM_LEN];
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|_| error())?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::random_bytes;

    #[test]
    fn random_hex() {
        assert_eq!(
            random_bytes("61616161616161616161616161616161").unwrap(),
            [b'a'; 16]
        );
        assert_eq!(
            random_bytes(" 00FF00ff00ff00ff00ff00ff00ff00ff").unwrap()[1],
            255
        );
        assert!(random_bytes("6161").is_err());
        assert!(random_bytes("zz616161616161616161616161616161").is_err());
        assert!(random_bytes("é1616161616161616161616161616161").is_err());
    }
}
