//! Properties over random input: round trips, tamper detection, no panics.

use proptest::prelude::*;
use token_core::auth_finders::{LengthDetection, RouteDecision, classify_bearer, route};
use token_core::{
    Format, PrefixConfig, RoutingKey, RoutingOptions, RoutingPayload, RoutingValue, decode,
    decode_lax, encode, identify, verify,
};

#[derive(Debug, Clone)]
enum Value {
    Int(u64),
    Text(String),
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<u64>().prop_map(Value::Int),
        "[a-zA-Z0-9_./+ -]{0,3}[a-zA-Z0-9]{1,12}".prop_map(Value::Text),
    ]
}

/// Routing maps with `c` or `o` and any other keys, small enough to fit.
fn routing_map() -> impl Strategy<Value = Vec<(RoutingKey, Value)>> {
    (
        prop::collection::vec(any::<bool>(), 6).prop_map(|picks| {
            RoutingKey::ALL
                .into_iter()
                .zip(picks)
                .filter(|(_, p)| *p)
                .map(|(k, _)| k)
                .collect::<Vec<_>>()
        }),
        prop::collection::vec(value(), 6),
        prop::bool::ANY,
    )
        .prop_map(
            |(mut keys, values, cell): (Vec<RoutingKey>, Vec<Value>, bool)| {
                let anchor = if cell {
                    RoutingKey::Cell
                } else {
                    RoutingKey::Organization
                };
                if !keys.contains(&anchor) {
                    keys.push(anchor);
                }
                keys.into_iter().zip(values).collect()
            },
        )
}

fn prefix() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9._+/=@:-]{0,24}"
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::V0), Just(Format::V1)]
}

fn build(map: &[(RoutingKey, Value)]) -> RoutingPayload {
    let entries = map.iter().map(|(k, v)| {
        let value = match v {
            Value::Int(n) => RoutingValue::Int(*n),
            Value::Text(s) => RoutingValue::Text(s),
        };
        (k.as_str(), value)
    });
    RoutingPayload::build(entries, RoutingOptions::default()).expect("generated maps fit")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decode_inverts_encode(map in routing_map(), prefix in prefix(), random in any::<[u8; 16]>(), format in format()) {
        let routing = build(&map);
        let token = encode(&prefix, &routing, &random, format).unwrap();
        let decoded = decode(&token).unwrap();
        prop_assert_eq!(decoded.prefix(), prefix.as_str());
        prop_assert_eq!(decoded.format(), format);
        prop_assert_eq!(decoded.routing(), &routing);
        prop_assert_eq!(decoded.random_bytes(), &random);
        let layout = verify(&token).unwrap();
        prop_assert_eq!(layout.prefix_len, prefix.len());
        // Every rendered value reads back as the caller gave it.
        for (key, value) in &map {
            let expected = match value {
                Value::Int(n) => Some(radix36(*n)),
                Value::Text(s) if s.trim().is_empty() => None,
                Value::Text(s) => Some(s.clone()),
            };
            prop_assert_eq!(routing.get(*key).map(str::to_owned), expected);
        }
        // GitLab's lax decoder agrees on prefix, format and random bytes.
        let lax = decode_lax(&token).unwrap();
        prop_assert_eq!(lax.prefix, prefix.as_bytes());
        prop_assert_eq!(lax.format, format);
        prop_assert_eq!(&lax.random[..], &random[..]);
    }

    #[test]
    fn any_single_byte_change_is_rejected(map in routing_map(), prefix in prefix(), random in any::<[u8; 16]>(),
                                          format in format(), at in any::<prop::sample::Index>(), flip in 1u8..=255) {
        let token = encode(&prefix, &build(&map), &random, format).unwrap().into_bytes();
        let mut tampered = token.clone();
        let i = at.index(tampered.len());
        tampered[i] ^= flip;
        prop_assert!(decode(&tampered).is_err());
        prop_assert!(verify(&tampered).is_err());
    }

    #[test]
    fn every_truncation_is_rejected(map in routing_map(), random in any::<[u8; 16]>(), format in format(), cut in any::<prop::sample::Index>()) {
        let token = encode("glpat-", &build(&map), &random, format).unwrap();
        let end = cut.index(token.len());
        prop_assert!(decode(&token[..end]).is_err());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = verify(&bytes);
        let _ = decode(&bytes);
        let _ = decode_lax(&bytes);
        let _ = identify(&bytes);
        let _ = route(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        let config = PrefixConfig::default();
        let _ = classify_bearer(&*text, LengthDetection::Enabled, &config);
        let _ = classify_bearer(&*text, LengthDetection::Disabled, &config);
    }

    #[test]
    fn token_shaped_noise_never_panics(prefix in prefix(), body in "[A-Za-z0-9_-]{0,320}",
                                       version in "[0-9a-z.]{0,3}", len in "[0-9a-zA-Z]{2}", crc in "[0-9a-z]{7}") {
        for token in [format!("{prefix}{body}.{version}.{len}{crc}"), format!("{prefix}{body}.{len}{crc}")] {
            let _ = decode(&token);
            let _ = decode_lax(&token);
            let _ = identify(&token);
        }
    }

    #[test]
    fn routing_decision_follows_the_most_specific_key(map in routing_map(), random in any::<[u8; 16]>(), format in format()) {
        let routing = build(&map);
        let token = encode("glpat-", &routing, &random, format).unwrap();
        let expected = match routing.get(RoutingKey::Cell) {
            Some(cell) => RouteDecision::Cell { cell_id: cell.to_owned() },
            None => {
                let key = [RoutingKey::Project, RoutingKey::Group, RoutingKey::Organization, RoutingKey::User]
                    .into_iter()
                    .find(|k| routing.get(*k).is_some())
                    .unwrap();
                RouteDecision::Topology { key, value: routing.get(key).unwrap().to_owned() }
            }
        };
        prop_assert_eq!(route(&token), expected);
    }
}

fn radix36(mut n: u64) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(digits[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}
