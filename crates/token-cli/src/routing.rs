//! Routing entries on the command line: `-r o=1 -r u=42` or `-r o=1,u=42`.

use token_core::{RequiredKeys, RoutingOptions, RoutingPayload, RoutingValue};

use crate::cli::RoutingArgs;
use crate::exit::CliError;

/// Builds the routing payload of `args` the way GitLab's generator does.
pub fn payload(args: &RoutingArgs) -> Result<RoutingPayload, CliError> {
    let mut entries: Vec<(&str, RoutingValue<'_>)> = Vec::new();
    for pair in args.routing.iter().flat_map(|arg| arg.split(',')) {
        let pair = pair.trim();
        if pair.is_empty() {
            continue;
        }
        let (key, value) = pair.split_once('=').ok_or_else(|| {
            CliError::usage(format!(
                "routing entry {pair:?} is not KEY=VALUE (e.g. o=1)"
            ))
        })?;
        let value = match value.parse::<u64>() {
            Ok(number) if value.bytes().all(|b| b.is_ascii_digit()) => RoutingValue::Int(number),
            _ => RoutingValue::Text(value),
        };
        entries.push((key.trim(), value));
    }
    let options = RoutingOptions {
        default_cell_id: args.cell_id,
        required: if args.require_organization {
            RequiredKeys::Organization
        } else {
            RequiredKeys::CellOrOrganization
        },
    };
    RoutingPayload::build(entries, options)
        .map_err(|e| CliError::usage(format!("{e} ({})", e.kind())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::FormatArg;

    fn args(routing: &[&str], cell_id: Option<u64>) -> RoutingArgs {
        RoutingArgs {
            routing: routing.iter().map(|s| s.to_string()).collect(),
            cell_id,
            require_organization: false,
            format: FormatArg::V1,
        }
    }

    #[test]
    fn entries_in_every_spelling() {
        let payload = payload(&args(&["o=1", "u=42,g=acme"], Some(100))).unwrap();
        assert_eq!(payload.as_str(), "c:2s\ng:acme\no:1\nu:16");
        assert_eq!(payload_of(&["o=1, u=42"]), "o:1\nu:16");
    }

    fn payload_of(routing: &[&str]) -> String {
        payload(&args(routing, None)).unwrap().as_str().to_owned()
    }

    #[test]
    fn gitlab_errors() {
        let err = payload(&args(&["q=1", "o=1"], None))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("Invalid routing keys: :q."), "{err}");
        let err = payload(&args(&["u=1"], None)).unwrap_err().to_string();
        assert!(err.contains("At least one routing key"), "{err}");
        let err = payload(&args(&["o"], None)).unwrap_err().to_string();
        assert!(err.contains("KEY=VALUE"), "{err}");
    }
}
