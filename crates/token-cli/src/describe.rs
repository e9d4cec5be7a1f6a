//! Names and JSON shapes shared by every subcommand's output.

use serde_json::{Map, Value, json};
use token_core::{Checksum, Identification, RoutingPayload, TokenKind, TokenType, parse_base36};

/// `"routable"` or `"legacy"`.
pub fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Routable(_) => "routable",
        TokenKind::Legacy => "legacy",
    }
}

/// `"v0"`, `"v1"`, or `None` for a legacy token.
pub fn format_name(kind: TokenKind) -> Option<&'static str> {
    match kind {
        TokenKind::Routable(format) => Some(format.as_str()),
        TokenKind::Legacy => None,
    }
}

/// `"valid"`, `"invalid"` or `"none"` (legacy tokens have no checksum).
pub fn checksum_name(checksum: Checksum) -> &'static str {
    match checksum {
        Checksum::Valid => "valid",
        Checksum::Invalid => "invalid",
        Checksum::NotApplicable => "none",
    }
}

/// A type's symbol, or `"unknown"`.
pub fn type_name(token_type: Option<TokenType>) -> &'static str {
    token_type.map_or("unknown", TokenType::symbol)
}

/// `routable v1` or `legacy`.
pub fn kind_text(kind: TokenKind) -> String {
    match kind {
        TokenKind::Routable(format) => format!("routable {format}"),
        TokenKind::Legacy => "legacy".to_owned(),
    }
}

/// Routing entries as text: `c:2s(100) o:1 u:16(42)`, integers in base36
/// as in the token, with their decimal value when it differs.
pub fn routing_text(routing: &RoutingPayload) -> String {
    routing
        .entries()
        .map(|(key, value)| match parse_base36(value) {
            Some(number) if number.to_string() != value => format!("{key}:{value}({number})"),
            _ => format!("{key}:{value}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Routing entries as a JSON object of the values as written in the token.
pub fn routing_json(routing: &RoutingPayload) -> Value {
    let entries: Map<String, Value> = routing
        .entries()
        .map(|(key, value)| (key.as_str().to_owned(), Value::from(value)))
        .collect();
    Value::Object(entries)
}

/// An identification as JSON fields.
pub fn identification_json(id: &Identification) -> Value {
    json!({
        "type": id.token_type.symbol(),
        "kind": kind_name(id.kind),
        "format": format_name(id.kind),
        "checksum": checksum_name(id.checksum),
        "prefix_length": id.prefix_len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use token_core::Format;

    #[test]
    fn names() {
        assert_eq!(kind_text(TokenKind::Routable(Format::V0)), "routable v0");
        assert_eq!(format_name(TokenKind::Legacy), None);
        assert_eq!(checksum_name(Checksum::NotApplicable), "none");
        assert_eq!(type_name(None), "unknown");
        let token = token_core::decode("YWFhYWFhYWFhYWFhYWFhYWM6MnMKbzoxCA.01.0y00777kh").unwrap();
        assert_eq!(routing_text(token.routing()), "c:2s(100) o:1");
        assert_eq!(routing_json(token.routing()), json!({"c": "2s", "o": "1"}));
    }
}
