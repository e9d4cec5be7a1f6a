//! Properties of the scanner over random input: planted tokens are found
//! exactly once with the right range and status, random bytes never break it,
//! redaction touches only tokens, streams agree with whole-input scans.

use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;
use token_core::scan::{Finding, ScanOptions, Scanner};
use token_core::{
    Checksum, Format, PrefixConfig, RoutingOptions, RoutingPayload, RoutingValue, TokenKind,
    TokenType, decode, generate_legacy_with_rng, generate_with_rng, verify,
};

fn config() -> PrefixConfig {
    PrefixConfig::default()
        .with_instance_prefix("acme")
        .unwrap()
        .with_custom_pat_prefix("corp.pat/")
        .unwrap()
}

/// What to plant: a type, one of its prefixes, routable (and in which
/// format) or legacy, tampered or not, and a seed for its random bytes.
#[derive(Debug, Clone)]
struct Plant {
    type_index: usize,
    prefix_index: usize,
    format: Option<Format>,
    tamper: Option<usize>,
    seed: u64,
}

fn plant() -> impl Strategy<Value = Plant> {
    (
        0..TokenType::ALL.len(),
        0..8usize,
        prop_oneof![Just(None), Just(Some(Format::V0)), Just(Some(Format::V1))],
        prop::option::weighted(0.2, 0..400usize),
        any::<u64>(),
    )
        .prop_map(|(type_index, prefix_index, format, tamper, seed)| Plant {
            type_index,
            prefix_index,
            format,
            tamper,
            seed,
        })
}

/// The token of a plant, and the finding it must give (offset 0).
fn token_of(plant: &Plant, config: &PrefixConfig) -> Option<(Vec<u8>, Finding)> {
    let token_type = TokenType::ALL[plant.type_index];
    let prefixes = config.prefixes_of(token_type);
    if prefixes.is_empty() {
        return None;
    }
    let prefix = &prefixes[plant.prefix_index % prefixes.len()];
    let mut rng = StdRng::seed_from_u64(plant.seed);
    let Some(format) = plant.format else {
        let default =
            generate_legacy_with_rng(token_type, &PrefixConfig::default(), &mut rng).unwrap();
        let body = &default[token_type.default_prefix().len()..];
        let token = format!("{prefix}{body}").into_bytes();
        let finding = Finding {
            offset: 0,
            len: token.len(),
            prefix_len: prefix.len(),
            token_type: Some(token_type),
            kind: TokenKind::Legacy,
            checksum: Checksum::NotApplicable,
            routing: None,
        };
        return Some((token, finding));
    };
    let routing = RoutingPayload::build(
        [
            ("o", RoutingValue::Int(plant.seed % 1000)),
            ("u", RoutingValue::Int(plant.seed)),
        ],
        RoutingOptions::default(),
    )
    .unwrap();
    let mut token = generate_with_rng(prefix, &routing, format, &mut rng)
        .unwrap()
        .into_bytes();
    let mut finding = Finding {
        offset: 0,
        len: token.len(),
        prefix_len: prefix.len(),
        token_type: Some(token_type),
        kind: TokenKind::Routable(format),
        checksum: Checksum::Valid,
        routing: Some(routing),
    };
    if let Some(at) = plant.tamper {
        // Change one payload byte to another payload byte: a look-alike.
        let payload = verify(&token).unwrap().payload_range();
        let at = payload.start + at % payload.len();
        token[at] = if token[at] == b'Q' { b'R' } else { b'Q' };
        finding.checksum = Checksum::Invalid;
        finding.routing = None;
    }
    Some((token, finding))
}

/// Filler that cannot form a token: no `-`, `_` or `.`.
fn filler() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,;:\n\"'()=/]{0,60}"
}

fn separator() -> impl Strategy<Value = u8> {
    prop::sample::select(b" \n\t\"'(=:,;<>[]{}|\0".to_vec())
}

fn planted_text() -> impl Strategy<Value = (Vec<u8>, Vec<Finding>)> {
    prop::collection::vec((filler(), separator(), plant(), separator()), 0..12).prop_map(|parts| {
        let config = config();
        let mut text = Vec::new();
        let mut expected = Vec::new();
        for (filler, before, plant, after) in parts {
            text.extend_from_slice(filler.as_bytes());
            text.push(before);
            if let Some((token, mut finding)) = token_of(&plant, &config) {
                finding.offset = text.len() as u64;
                text.extend_from_slice(&token);
                expected.push(finding);
            }
            text.push(after);
        }
        (text, expected)
    })
}

/// Random bytes mixed with tokens, token pieces and separators.
fn messy_text() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..40),
        plant().prop_map(|p| token_of(&p, &config()).map(|t| t.0).unwrap_or_default()),
        (
            plant(),
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>()
        )
            .prop_map(|(p, a, b)| {
                let token = token_of(&p, &config()).map(|t| t.0).unwrap_or_default();
                if token.is_empty() {
                    return token;
                }
                let (a, b) = (a.index(token.len()), b.index(token.len()));
                token[a.min(b)..a.max(b)].to_vec()
            }),
        prop::sample::select(vec![
            &b"."[..],
            b"-",
            b"_",
            b".01.",
            b"Q.",
            b"EA.",
            b"glpat-",
            b"acme-",
            b"corp.pat/",
            b" ",
            b"\n",
            b"0w082kcij",
            b"0123456789abcdef0123456789abcdef"
        ])
        .prop_map(<[u8]>::to_vec),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_well_formed(text: &[u8], found: &[Finding]) {
    let mut end = 0;
    for f in found {
        let range = f.range();
        assert!(range.start >= end, "ordered, not overlapping");
        assert!(range.end <= text.len());
        assert!(f.prefix_len < f.len);
        end = range.end;
        if f.checksum == Checksum::Valid {
            let token = decode(&text[range]).expect("a valid finding decodes");
            assert_eq!(token.prefix().len(), f.prefix_len);
            assert_eq!(Some(*token.routing()), f.routing);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn planted_tokens_are_found_exactly_once((text, expected) in planted_text()) {
        let scanner = Scanner::new(&config(), ScanOptions::default());
        let found: Vec<_> = scanner.scan(&text).collect();
        prop_assert_eq!(&found, &expected);

        let quiet = Scanner::new(&config(), ScanOptions { report_invalid: false, ..ScanOptions::default() });
        let valid_only: Vec<_> = expected.iter().copied().filter(|f| f.checksum != Checksum::Invalid).collect();
        prop_assert_eq!(quiet.scan(&text).collect::<Vec<_>>(), valid_only);
    }

    #[test]
    fn redaction_changes_nothing_but_tokens((text, expected) in planted_text()) {
        let scanner = Scanner::new(&config(), ScanOptions::default());
        let redacted = scanner.redact(&text);
        let mut rebuilt = Vec::new();
        let mut copied = 0;
        for f in &expected {
            let range = f.range();
            rebuilt.extend_from_slice(&text[copied..range.start]);
            rebuilt.extend_from_slice(&text[range.start..range.start + f.prefix_len]);
            rebuilt.extend_from_slice(b"[REDACTED]");
            copied = range.end;
        }
        rebuilt.extend_from_slice(&text[copied..]);
        prop_assert_eq!(redacted, rebuilt);
    }

    #[test]
    fn random_bytes_never_break_the_scanner(text in prop::collection::vec(any::<u8>(), 0..2000)) {
        for options in [ScanOptions::default(), ScanOptions { unprefixed_oauth: true, unconfigured_v0: false, report_invalid: false }] {
            let scanner = Scanner::new(&config(), options);
            let found: Vec<_> = scanner.scan(&text).collect();
            check_well_formed(&text, &found);
            prop_assert!(found.iter().all(|f| f.checksum != Checksum::Valid));
        }
    }

    #[test]
    fn messy_text_gives_well_formed_findings(text in messy_text()) {
        for options in [ScanOptions::default(), ScanOptions { unprefixed_oauth: true, ..ScanOptions::default() }] {
            let scanner = Scanner::new(&config(), options);
            let found: Vec<_> = scanner.scan(&text).collect();
            check_well_formed(&text, &found);
            let mut stream = scanner.stream();
            let mut streamed = Vec::new();
            for chunk in text.chunks(97) {
                streamed.extend_from_slice(stream.push(chunk));
            }
            streamed.extend_from_slice(stream.finish());
            prop_assert_eq!(streamed, found);
        }
    }
}
