//! `route`: the Cells HTTP router's decision for each token.

use serde_json::{Value, json};
use token_core::Identifier;
use token_core::auth_finders::{RouteDecision, route};

use super::Out;
use crate::cli::RouteArgs;
use crate::config::prefix_config;
use crate::exit::{CliError, OK};
use crate::mask::masked;
use crate::tokens_in::tokens;

/// Prints where each token's request goes.
pub fn run(args: &RouteArgs, out: &mut Out) -> Result<u8, CliError> {
    let identifier = Identifier::new(&prefix_config(&args.prefixes)?);
    for token in tokens(&args.input) {
        let token = token?;
        let shown = if args.show_secrets {
            token.clone()
        } else {
            masked(&token, &identifier)
        };
        let decision = route(&token);
        if out.json {
            let mut fields = decision_json(&decision);
            fields["redacted"] = Value::from(shown);
            out.json(&fields)?;
        } else {
            out.line(&format!("{shown}  {}", decision_text(&decision)))?;
        }
    }
    out.flush()?;
    Ok(OK)
}

fn decision_text(decision: &RouteDecision) -> String {
    match decision {
        RouteDecision::Cell { cell_id } => match decision.cell_number() {
            Some(number) => format!("cell {number} (c:{cell_id}, classification CELL_ID)"),
            None => format!("cell {cell_id:?} (classification CELL_ID)"),
        },
        RouteDecision::Topology { key, value } => {
            format!("topology service: classify by {key}:{value}")
        }
        RouteDecision::Default { reason } => {
            format!("default cell ({reason}: {})", reason.code())
        }
    }
}

fn decision_json(decision: &RouteDecision) -> Value {
    match decision {
        RouteDecision::Cell { cell_id } => json!({
            "decision": "cell", "cell_id": cell_id, "cell_number": decision.cell_number(),
        }),
        RouteDecision::Topology { key, value } => json!({
            "decision": "topology", "key": key.as_str(), "value": value,
        }),
        RouteDecision::Default { reason } => json!({
            "decision": "default", "reason": reason.code(), "message": reason.message(),
        }),
    }
}
