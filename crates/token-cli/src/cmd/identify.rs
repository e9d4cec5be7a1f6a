//! `identify`: type, routable or legacy, checksum status.

use serde_json::Value;
use token_core::Identifier;

use super::Out;
use crate::cli::IdentifyArgs;
use crate::config::prefix_config;
use crate::describe::{checksum_name, identification_json, kind_text};
use crate::exit::{CliError, FOUND, OK};
use crate::mask::masked;
use crate::tokens_in::tokens;

/// Identifies every token; exit status 1 when any is not identified.
pub fn run(args: &IdentifyArgs, out: &mut Out) -> Result<u8, CliError> {
    let identifier = Identifier::new(&prefix_config(&args.prefixes)?);
    let mut status = OK;
    for token in tokens(&args.input) {
        let token = token?;
        let shown = if args.show_secrets {
            token.clone()
        } else {
            masked(&token, &identifier)
        };
        let found = identifier.identify(&token);
        if found.is_none() {
            status = FOUND;
        }
        if out.json {
            let mut fields = match &found {
                Some(id) => identification_json(id),
                None => serde_json::json!({ "type": null }),
            };
            fields["redacted"] = Value::from(shown);
            fields["identified"] = Value::from(found.is_some());
            out.json(&fields)?;
        } else {
            match found {
                Some(id) => out.line(&format!(
                    "{shown}  {}  {}  checksum {}",
                    id.token_type,
                    kind_text(id.kind),
                    checksum_name(id.checksum)
                ))?,
                None => out.line(&format!("{shown}  unidentified"))?,
            }
        }
    }
    out.flush()?;
    Ok(status)
}
