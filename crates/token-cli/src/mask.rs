//! How a token is shown without its secret: its prefix and `[REDACTED]`.

use token_core::scan::REDACTED;
use token_core::{Identifier, verify};

/// `token` with everything after its prefix replaced by [`REDACTED`]. The
/// prefix is the one identification finds, else the one the routable tail
/// states; with neither, nothing of the token is shown.
pub fn masked(token: &str, identifier: &Identifier) -> String {
    let prefix_len = identifier
        .identify(token)
        .map(|id| id.prefix_len)
        .or_else(|| verify(token).ok().map(|layout| layout.prefix_len))
        .unwrap_or(0);
    match token.get(..prefix_len) {
        Some(prefix) => format!("{prefix}{REDACTED}"),
        None => REDACTED.to_owned(),
    }
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_only_prefixes() {
        let identifier = Identifier::default();
        assert_eq!(
            masked(
                "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij",
                &identifier
            ),
            "glpat-[REDACTED]"
        );
        assert_eq!(
            masked("glpat-ts8y8Mk2gxi-xvXVsxfN", &identifier),
            "glpat-[REDACTED]"
        );
        assert_eq!(
            masked(
                "prefix-YWFhYWFhYWFhYWFhYWFhYW86MQM.01.0r1jw1hzz",
                &identifier
            ),
            "prefix-[REDACTED]"
        );
        assert_eq!(masked("not a token at all", &identifier), "[REDACTED]");
        assert_eq!(hex(&[0, 171, 255]), "00abff");
    }
}
