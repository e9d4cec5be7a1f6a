//! Generation with the OS and caller RNGs, and GitLab-compatible lax decoding.

mod common;

use std::collections::HashSet;

use common::{seal, v0_from_raw, v1_from_raw, v1_raw};
use rand::SeedableRng;
use rand::rngs::StdRng;
use token_core::{
    EncodeError, Format, RoutingOptions, RoutingPayload, decode, decode_lax, encode, generate,
    generate_with_rng,
};

fn routing() -> RoutingPayload {
    RoutingPayload::build(
        [("o", 1u64.into()), ("u", 1u64.into())],
        RoutingOptions::default(),
    )
    .unwrap()
}

#[test]
fn os_generation_never_repeats_and_decodes() {
    let mut seen = HashSet::new();
    for format in [Format::V0, Format::V1] {
        for _ in 0..2000 {
            let token = generate("glpat-", &routing(), format).unwrap();
            let decoded = decode(&token).unwrap();
            assert_eq!(decoded.format(), format);
            assert!(
                seen.insert(*decoded.random_bytes()),
                "random bytes repeated"
            );
        }
    }
}

#[test]
fn caller_rng_makes_generation_reproducible() {
    let a = generate_with_rng(
        "glpat-",
        &routing(),
        Format::V1,
        &mut StdRng::seed_from_u64(9),
    )
    .unwrap();
    let b = generate_with_rng(
        "glpat-",
        &routing(),
        Format::V1,
        &mut StdRng::seed_from_u64(9),
    )
    .unwrap();
    assert_eq!(a, b);
    let c = generate_with_rng(
        "glpat-",
        &routing(),
        Format::V1,
        &mut StdRng::seed_from_u64(10),
    )
    .unwrap();
    assert_ne!(a, c);
}

#[test]
fn prefixes_are_checked_by_every_generator() {
    let long = "p".repeat(65);
    assert_eq!(
        encode(&long, &routing(), &[0; 16], Format::V1),
        Err(EncodeError::PrefixTooLong)
    );
    assert_eq!(
        generate("a\nb", &routing(), Format::V1),
        Err(EncodeError::InvalidPrefix)
    );
    let mut rng = StdRng::seed_from_u64(1);
    assert_eq!(
        generate_with_rng(&long, &routing(), Format::V0, &mut rng),
        Err(EncodeError::PrefixTooLong)
    );
    assert_eq!(EncodeError::RandomUnavailable.code(), "random_unavailable");
}

#[test]
fn lax_agrees_with_gitlab_on_valid_tokens() {
    let token = "glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k";
    let lax = decode_lax(token).unwrap();
    assert_eq!(lax.prefix, b"glrtr-");
    assert_eq!(lax.format, Format::V1);
    let expected: Vec<(String, u64)> = vec![
        ("c".into(), 1),
        ("g".into(), 8),
        ("o".into(), 1007),
        ("t".into(), 2),
    ];
    assert_eq!(lax.routing, expected);
    let debug = format!("{lax:?}");
    assert!(debug.contains("[REDACTED]"));
}

#[test]
fn lax_accepts_what_strict_rejects_as_gitlab_does() {
    // Wrong length byte: GitLab ignores it.
    let mut raw = v1_raw(b"o:1");
    *raw.last_mut().unwrap() = 9;
    let token = v1_from_raw(b"", &raw);
    assert!(decode(&token).is_err());
    assert_eq!(
        decode_lax(&token).unwrap().routing,
        vec![("o".to_owned(), 1)]
    );
    // Unknown keys and lenient values.
    let token = v1_from_raw(b"glpat-", &v1_raw(b"x:foo\no:1!"));
    assert_eq!(
        decode_lax(&token).unwrap().routing,
        vec![("x".to_owned(), 20328), ("o".to_owned(), 1)]
    );
    // Another version number.
    let token = seal(b"YWFhYWFhYWFhYWFhYWFhYW86MQM.02.0r");
    assert_eq!(decode_lax(&token).unwrap().format, Format::V1);
    // A v0 token with another random-bytes count.
    let mut raw = b"o:1".to_vec();
    raw.extend_from_slice(&[7; 8]);
    raw.push(8);
    let token = v0_from_raw(b"", &raw);
    let lax = decode_lax(&token).unwrap();
    assert_eq!(lax.random, vec![7; 8]);
}

#[test]
fn lax_returns_none_on_what_gitlab_rejects() {
    for token in [
        &b""[..],
        b"glpat-ts8y8Mk2gxi-xvXVsxfN",
        b"glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcia",
        b"glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.zz0t6q82x",
    ] {
        assert!(decode_lax(token).is_none());
    }
    let token = v1_from_raw(b"", &v1_raw(b"o"));
    assert!(decode_lax(&token).is_none());
    let token = v1_from_raw(b"", &[b'a'; 16]);
    assert!(decode_lax(&token).is_none());
}
