//! An instance's prefix settings: the instance-wide prefix and the custom PAT prefix.

use std::error::Error;
use std::fmt;

use crate::TokenType;
use crate::bytes::is_prefix_byte;

/// Longest instance-wide or custom PAT prefix GitLab accepts.
pub const MAX_CONFIGURED_PREFIX_LEN: usize = 20;

/// The prefixes an instance is configured with. They change what tokens look
/// like (and so their CRC), so generation, identification and detection take them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrefixConfig {
    instance_prefix: Option<String>,
    custom_pat_prefix: Option<String>,
}

/// Why a configured prefix was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigError {
    /// The instance prefix is not 1..=20 ASCII letters and digits.
    InvalidInstancePrefix,
    /// The custom PAT prefix is not 1..=20 characters of `[a-zA-Z0-9_+=/@:.-]`.
    InvalidCustomPatPrefix,
}

impl ConfigError {
    /// A stable snake_case name for this error.
    pub const fn code(self) -> &'static str {
        match self {
            ConfigError::InvalidInstancePrefix => "invalid_instance_prefix",
            ConfigError::InvalidCustomPatPrefix => "invalid_custom_pat_prefix",
        }
    }
}

impl ConfigError {
    /// A human sentence for this error (what `Display` prints).
    pub const fn message(self) -> &'static str {
        match self {
            ConfigError::InvalidInstancePrefix => {
                "instance prefix must be at most 20 letters and digits"
            }
            ConfigError::InvalidCustomPatPrefix => {
                "custom PAT prefix must be at most 20 characters of [a-zA-Z0-9_+=/@:.-]"
            }
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl Error for ConfigError {}

impl PrefixConfig {
    /// Sets the instance-wide prefix. Blank, or GitLab's old default `gl`, means none.
    ///
    /// # Errors
    /// [`ConfigError::InvalidInstancePrefix`] unless 1..=20 ASCII alphanumerics.
    pub fn with_instance_prefix(mut self, prefix: &str) -> Result<PrefixConfig, ConfigError> {
        self.instance_prefix = if prefix.trim().is_empty() || prefix == "gl" {
            None
        } else if prefix.len() <= MAX_CONFIGURED_PREFIX_LEN
            && prefix.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            Some(prefix.to_owned())
        } else {
            return Err(ConfigError::InvalidInstancePrefix);
        };
        Ok(self)
    }

    /// Sets the admin-configured PAT prefix. Blank means none (`glpat-`).
    ///
    /// # Errors
    /// [`ConfigError::InvalidCustomPatPrefix`] unless 1..=20 of `[a-zA-Z0-9_+=/@:.-]`.
    pub fn with_custom_pat_prefix(mut self, prefix: &str) -> Result<PrefixConfig, ConfigError> {
        self.custom_pat_prefix = if prefix.trim().is_empty() {
            None
        } else if prefix.len() <= MAX_CONFIGURED_PREFIX_LEN && prefix.bytes().all(is_prefix_byte) {
            Some(prefix.to_owned())
        } else {
            return Err(ConfigError::InvalidCustomPatPrefix);
        };
        Ok(self)
    }

    /// The instance-wide prefix, if set.
    pub fn instance_prefix(&self) -> Option<&str> {
        self.instance_prefix.as_deref()
    }

    /// The custom PAT prefix, if set.
    pub fn custom_pat_prefix(&self) -> Option<&str> {
        self.custom_pat_prefix.as_deref()
    }

    /// The prefix new tokens of `token_type` get: `<instance>-<default>` when an
    /// instance prefix is set (it wins over the custom PAT prefix), else the
    /// custom PAT prefix for PATs, else the default prefix.
    pub fn prefix_for(&self, token_type: TokenType) -> String {
        match (&self.instance_prefix, &self.custom_pat_prefix, token_type) {
            (Some(instance), _, t) if t.takes_instance_prefix() => {
                format!("{instance}-{}", t.default_prefix())
            }
            (_, Some(custom), TokenType::PersonalAccessToken) => custom.clone(),
            (_, _, t) => t.default_prefix().to_owned(),
        }
    }

    /// Whether `token` starts with any prefix of [`PrefixConfig::prefixes_of`]
    /// for `token_type` (allocation-free).
    pub fn has_prefix_of(&self, token: &[u8], token_type: TokenType) -> bool {
        let known = token_type.known_prefixes();
        let starts_with_known = |rest: &[u8]| known.iter().any(|p| rest.starts_with(p.as_bytes()));
        if starts_with_known(token) {
            return true;
        }
        if let (Some(custom), TokenType::PersonalAccessToken) =
            (&self.custom_pat_prefix, token_type)
            && token.starts_with(custom.as_bytes())
        {
            return true;
        }
        match &self.instance_prefix {
            Some(instance) if token_type.takes_instance_prefix() => token
                .strip_prefix(instance.as_bytes())
                .and_then(|rest| rest.strip_prefix(b"-"))
                .is_some_and(starts_with_known),
            _ => false,
        }
    }

    /// Every prefix a token of `token_type` may carry on this instance: the
    /// instance-prefixed forms, the custom PAT prefix and the default prefixes
    /// (tokens issued before a prefix changed stay valid).
    pub fn prefixes_of(&self, token_type: TokenType) -> Vec<String> {
        let mut prefixes: Vec<String> = Vec::new();
        if let (Some(instance), true) = (&self.instance_prefix, token_type.takes_instance_prefix())
        {
            prefixes.extend(
                token_type
                    .known_prefixes()
                    .iter()
                    .map(|p| format!("{instance}-{p}")),
            );
        }
        if let (Some(custom), TokenType::PersonalAccessToken) =
            (&self.custom_pat_prefix, token_type)
        {
            prefixes.push(custom.clone());
        }
        prefixes.extend(token_type.known_prefixes().iter().map(|p| (*p).to_owned()));
        prefixes.dedup();
        prefixes
    }
}
