//! Building a routing payload the way GitLab's generator does, with its validation
//! and its exact error messages.

use std::error::Error;
use std::fmt;

use super::{MAX_ROUTING_LEN, RoutingKey, RoutingPayload};
use crate::base36;

/// A value given for a routing key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutingValue<'a> {
    /// An integer id, rendered in lowercase base36.
    Int(u64),
    /// An opaque string, kept as is. Blank strings are dropped.
    Text(&'a str),
    /// No value (Ruby's `nil`): the entry is dropped, but the key still counts
    /// as given for the required-key check, as in GitLab.
    Absent,
}

impl From<u64> for RoutingValue<'_> {
    fn from(value: u64) -> Self {
        RoutingValue::Int(value)
    }
}

impl<'a> From<&'a str> for RoutingValue<'a> {
    fn from(value: &'a str) -> Self {
        RoutingValue::Text(value)
    }
}

impl<'a, T: Into<RoutingValue<'a>>> From<Option<T>> for RoutingValue<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(RoutingValue::Absent, Into::into)
    }
}

/// Which keys the caller must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RequiredKeys {
    /// Current GitLab: at least one of `c` or `o`.
    #[default]
    CellOrOrganization,
    /// The v0-era generator: `o` is required.
    Organization,
}

/// Generator settings for building a routing payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoutingOptions {
    /// The configured cell id of this instance, added as `c` unless the caller gives `c`.
    pub default_cell_id: Option<u64>,
    /// The required-key rule.
    pub required: RequiredKeys,
}

/// Why a routing payload could not be built. `Display` gives GitLab's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoutingError {
    /// Keys outside `c g o p u t`, in the caller's order (GitLab's `InvalidRoutingKeys`).
    InvalidRoutingKeys {
        /// The offending key names, as given.
        keys: Vec<String>,
    },
    /// Neither `c` nor `o` was given (GitLab's `MissingRequiredRoutingKeys`).
    MissingRequiredRoutingKeys {
        /// The rule that was not met.
        required: RequiredKeys,
    },
    /// The rendered payload is longer than 159 bytes (GitLab's `PayloadTooLarge`).
    PayloadTooLarge {
        /// The rendered size in bytes.
        size: usize,
    },
    /// A string value contains `\n` or `:`, which would corrupt the payload.
    InvalidRoutingValue {
        /// The key whose value is invalid.
        key: RoutingKey,
    },
}

impl RoutingError {
    /// GitLab's exception class name for this error (`"InvalidRoutingKeys"`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            RoutingError::InvalidRoutingKeys { .. } => "InvalidRoutingKeys",
            RoutingError::MissingRequiredRoutingKeys { .. } => "MissingRequiredRoutingKeys",
            RoutingError::PayloadTooLarge { .. } => "PayloadTooLarge",
            RoutingError::InvalidRoutingValue { .. } => "InvalidRoutingValue",
        }
    }
}

impl fmt::Display for RoutingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoutingError::InvalidRoutingKeys { keys } => {
                f.write_str("Invalid routing keys: ")?;
                write_key_list(f, keys.iter().map(String::as_str))?;
                f.write_str(". Valid routing keys are: ")?;
                write_key_list(f, RoutingKey::GITLAB_ORDER.iter().map(|k| k.as_str()))?;
                f.write_str(".")
            }
            RoutingError::MissingRequiredRoutingKeys {
                required: RequiredKeys::CellOrOrganization,
            } => f.write_str("At least one routing key must be present: :c or :o."),
            RoutingError::MissingRequiredRoutingKeys {
                required: RequiredKeys::Organization,
            } => f.write_str("Missing required routing keys: :o. Required routing keys are: :o."),
            RoutingError::PayloadTooLarge { size } => write!(
                f,
                "Routing payload is too big: {size}. Maximum size is {MAX_ROUTING_LEN}."
            ),
            RoutingError::InvalidRoutingValue { key } => write!(
                f,
                "Invalid routing value for :{key}: values must not contain a newline or a colon."
            ),
        }
    }
}

impl Error for RoutingError {}

fn write_key_list<'a>(
    f: &mut fmt::Formatter<'_>,
    keys: impl Iterator<Item = &'a str>,
) -> fmt::Result {
    for (i, key) in keys.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, ":{key}")?;
    }
    Ok(())
}

impl RoutingPayload {
    /// Builds the payload from the caller's entries, as GitLab's generator does:
    /// rejects invalid keys (listed in the caller's order), requires `c` or `o`
    /// (or `o` for the v0-era rule), adds the default cell id unless the caller
    /// gives `c`, renders integers in base36, drops absent and blank values,
    /// sorts by key and joins `k:v` lines with `\n`.
    ///
    /// A key given twice keeps its last value, as in a Ruby hash literal.
    ///
    /// # Errors
    /// [`RoutingError`] with GitLab's message for each rule.
    ///
    /// ```
    /// use token_core::{RoutingOptions, RoutingPayload, RoutingValue};
    ///
    /// let options = RoutingOptions { default_cell_id: Some(100), ..RoutingOptions::default() };
    /// let payload = RoutingPayload::build([("o", RoutingValue::Int(1))], options)?;
    /// assert_eq!(payload.as_str(), "c:2s\no:1");
    /// # Ok::<(), token_core::RoutingError>(())
    /// ```
    pub fn build<'v, K, I>(
        entries: I,
        options: RoutingOptions,
    ) -> Result<RoutingPayload, RoutingError>
    where
        K: AsRef<str>,
        I: IntoIterator<Item = (K, RoutingValue<'v>)>,
    {
        let mut keys = KeyCheck::default();
        let mut values: [Option<RoutingValue<'v>>; 6] = [None; 6];
        for (name, value) in entries {
            if let Some(key) = keys.note(name.as_ref()) {
                values[slot(key)] = Some(value);
            }
        }
        keys.finish(options.required)?;
        if let (None, Some(cell)) = (values[slot(RoutingKey::Cell)], options.default_cell_id) {
            values[slot(RoutingKey::Cell)] = Some(RoutingValue::Int(cell));
        }
        render(&values)
    }
}

impl RoutingPayload {
    /// The generator's key checks alone, before any value is computed (GitLab
    /// raises them when the generator is created): invalid keys, listed once in
    /// the caller's order, then the required-key rule.
    ///
    /// # Errors
    /// [`RoutingError::InvalidRoutingKeys`] or [`RoutingError::MissingRequiredRoutingKeys`].
    pub fn validate_keys<K: AsRef<str>>(
        keys: &[K],
        required: RequiredKeys,
    ) -> Result<(), RoutingError> {
        let mut check = KeyCheck::default();
        for name in keys {
            check.note(name.as_ref());
        }
        check.finish(required)
    }
}

/// The generator's key checks, fed one name at a time in the caller's order.
#[derive(Default)]
struct KeyCheck {
    invalid: Vec<String>,
    given: [bool; 6],
}

impl KeyCheck {
    /// Records `name`; returns its key when it is a valid one.
    fn note(&mut self, name: &str) -> Option<RoutingKey> {
        let key = RoutingKey::from_name(name);
        match key {
            Some(key) => self.given[slot(key)] = true,
            None if !self.invalid.iter().any(|k| k == name) => self.invalid.push(name.to_owned()),
            None => {}
        }
        key
    }

    /// Invalid keys first (listed once, in the caller's order), then the
    /// required-key rule.
    fn finish(self, required: RequiredKeys) -> Result<(), RoutingError> {
        if !self.invalid.is_empty() {
            return Err(RoutingError::InvalidRoutingKeys { keys: self.invalid });
        }
        let has = |key: RoutingKey| self.given[slot(key)];
        let satisfied = match required {
            RequiredKeys::CellOrOrganization => {
                has(RoutingKey::Cell) || has(RoutingKey::Organization)
            }
            RequiredKeys::Organization => has(RoutingKey::Organization),
        };
        if satisfied {
            Ok(())
        } else {
            Err(RoutingError::MissingRequiredRoutingKeys { required })
        }
    }
}

fn slot(key: RoutingKey) -> usize {
    key as usize
}

fn render(values: &[Option<RoutingValue<'_>>; 6]) -> Result<RoutingPayload, RoutingError> {
    let mut text: Vec<u8> = Vec::with_capacity(MAX_ROUTING_LEN + 1);
    for (key, value) in RoutingKey::ALL.iter().zip(values) {
        let start = text.len();
        if start > 0 {
            text.push(b'\n');
        }
        text.extend_from_slice(&[key.as_byte(), b':']);
        match value {
            Some(RoutingValue::Int(n)) => base36::push_u64(&mut text, *n),
            Some(RoutingValue::Text(s)) if !s.trim().is_empty() => {
                if s.contains(['\n', ':']) {
                    return Err(RoutingError::InvalidRoutingValue { key: *key });
                }
                text.extend_from_slice(s.as_bytes());
            }
            _ => text.truncate(start),
        }
    }
    if text.len() > MAX_ROUTING_LEN {
        return Err(RoutingError::PayloadTooLarge { size: text.len() });
    }
    if text.is_empty() {
        // Every given value was blank: GitLab would emit an empty payload that no
        // decoder accepts; report it as the missing required key it amounts to.
        return Err(RoutingError::MissingRequiredRoutingKeys {
            required: RequiredKeys::CellOrOrganization,
        });
    }
    Ok(RoutingPayload::from_valid(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(entries: &[(&str, RoutingValue<'_>)]) -> Result<RoutingPayload, RoutingError> {
        RoutingPayload::build(entries.iter().copied(), RoutingOptions::default())
    }

    #[test]
    fn sorts_and_renders_base36() {
        let payload = build(&[
            ("t", 2.into()),
            ("o", 1007.into()),
            ("g", 8.into()),
            ("c", 1.into()),
        ])
        .unwrap();
        assert_eq!(payload.as_str(), "c:1\ng:8\no:rz\nt:2");
    }

    #[test]
    fn drops_absent_and_blank_values_but_counts_their_keys() {
        let payload = build(&[
            ("o", RoutingValue::Absent),
            ("c", 5.into()),
            ("u", " ".into()),
        ]);
        assert_eq!(payload.unwrap().as_str(), "c:5");
    }

    #[test]
    fn caller_cell_wins_over_default() {
        let options = RoutingOptions {
            default_cell_id: Some(100),
            ..RoutingOptions::default()
        };
        let payload = RoutingPayload::build([("c", 7.into()), ("o", 1.into())], options).unwrap();
        assert_eq!(payload.as_str(), "c:7\no:1");
    }

    #[test]
    fn invalid_keys_are_listed_once_in_caller_order() {
        let err = build(&[
            ("q", 1.into()),
            ("o", 1.into()),
            ("k", 2.into()),
            ("q", 3.into()),
        ])
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Invalid routing keys: :q, :k. Valid routing keys are: :c, :g, :o, :p, :u, :t."
        );
        assert_eq!(err.kind(), "InvalidRoutingKeys");
    }

    #[test]
    fn v0_era_rule_requires_organization() {
        let options = RoutingOptions {
            required: RequiredKeys::Organization,
            ..RoutingOptions::default()
        };
        let err = RoutingPayload::build([("c", 1.into())], options).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Missing required routing keys: :o. Required routing keys are: :o."
        );
    }

    #[test]
    fn values_with_separators_are_rejected() {
        for bad in ["a:b", "a\nb"] {
            let err = build(&[("o", bad.into())]).unwrap_err();
            assert_eq!(
                err,
                RoutingError::InvalidRoutingValue {
                    key: RoutingKey::Organization
                }
            );
            assert!(!err.to_string().contains(bad));
        }
    }

    #[test]
    fn keys_are_validated_without_values() {
        assert_eq!(
            RoutingPayload::validate_keys(&["o", "u"], RequiredKeys::default()),
            Ok(())
        );
        assert_eq!(
            RoutingPayload::validate_keys(&["u"], RequiredKeys::default())
                .unwrap_err()
                .kind(),
            "MissingRequiredRoutingKeys"
        );
        let err = RoutingPayload::validate_keys(&["z", "o", "z"], RequiredKeys::Organization)
            .unwrap_err();
        assert_eq!(
            err,
            RoutingError::InvalidRoutingKeys {
                keys: vec!["z".into()]
            }
        );
        assert!(RoutingPayload::validate_keys(&["c"], RequiredKeys::Organization).is_err());
    }

    #[test]
    fn all_blank_payload_is_rejected() {
        let err = build(&[("o", "".into())]).unwrap_err();
        assert_eq!(err.kind(), "MissingRequiredRoutingKeys");
    }

    #[test]
    fn size_limit_is_in_bytes() {
        let at_limit = "é".repeat(78) + "x"; // 157 bytes + "o:" = 159
        assert_eq!(
            build(&[("o", at_limit.as_str().into())]).unwrap().len(),
            159
        );
        let over = "é".repeat(79);
        let err = build(&[("o", over.as_str().into())]).unwrap_err();
        assert_eq!(err, RoutingError::PayloadTooLarge { size: 160 });
    }
}
