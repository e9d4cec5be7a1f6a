//! Turning prefix and detection arguments into token-core's configuration.

use token_core::scan::{ScanOptions, Scanner};
use token_core::{Format, PrefixConfig, TokenType};

use crate::cli::{DetectionArgs, FormatArg, PrefixArgs};
use crate::exit::CliError;

/// The instance's prefix configuration.
pub fn prefix_config(args: &PrefixArgs) -> Result<PrefixConfig, CliError> {
    let mut config = PrefixConfig::default();
    if let Some(prefix) = &args.instance_prefix {
        config = config
            .with_instance_prefix(prefix)
            .map_err(|e| CliError::usage(format!("--instance-prefix: {e}")))?;
    }
    if let Some(prefix) = &args.custom_pat_prefix {
        config = config
            .with_custom_pat_prefix(prefix)
            .map_err(|e| CliError::usage(format!("--custom-pat-prefix: {e}")))?;
    }
    Ok(config)
}

/// A scanner for the detection arguments.
pub fn scanner(args: &DetectionArgs) -> Result<Scanner, CliError> {
    let options = ScanOptions {
        report_invalid: !args.no_invalid,
        unconfigured_v0: !args.no_unconfigured_v0,
        unprefixed_oauth: args.unprefixed_oauth,
    };
    Ok(Scanner::new(&prefix_config(&args.prefixes)?, options))
}

/// token-core's format for the argument.
pub fn format(arg: FormatArg) -> Format {
    match arg {
        FormatArg::V0 => Format::V0,
        FormatArg::V1 => Format::V1,
    }
}

/// What `TYPE_OR_PREFIX` names: a type (with its configured prefix) or a
/// literal prefix (with the type that prefix names, if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The prefix new tokens get.
    pub prefix: String,
    /// The type, when known.
    pub token_type: Option<TokenType>,
}

/// Resolves `TYPE_OR_PREFIX`: a type symbol, else a literal prefix.
pub fn target(text: &str, config: &PrefixConfig) -> Target {
    match TokenType::from_symbol(text) {
        Some(token_type) => Target {
            prefix: config.prefix_for(token_type),
            token_type: Some(token_type),
        },
        None => Target {
            prefix: text.to_owned(),
            token_type: Scanner::new(config, ScanOptions::default())
                .type_of_prefix(text.as_bytes()),
        },
    }
}

/// Every type symbol, for error messages.
pub fn type_symbols() -> String {
    TokenType::ALL
        .iter()
        .map(|t| t.symbol())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let config = PrefixConfig::default()
            .with_instance_prefix("acme")
            .unwrap();
        let pat = Some(TokenType::PersonalAccessToken);
        assert_eq!(
            target("personal_access_token", &config),
            Target {
                prefix: "acme-glpat-".into(),
                token_type: pat
            }
        );
        assert_eq!(
            target("glpat-", &PrefixConfig::default()),
            Target {
                prefix: "glpat-".into(),
                token_type: pat
            }
        );
        assert_eq!(target("", &config).token_type, None);
        assert_eq!(target("custom-", &config).prefix, "custom-");
    }

    #[test]
    fn bad_prefixes_are_usage_errors() {
        let args = PrefixArgs {
            instance_prefix: Some("a-b".into()),
            custom_pat_prefix: None,
        };
        assert!(
            prefix_config(&args)
                .unwrap_err()
                .to_string()
                .contains("--instance-prefix")
        );
    }
}
