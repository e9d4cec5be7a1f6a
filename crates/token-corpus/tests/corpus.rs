//! A corpus is reproducible and holds what it says: a scanner configured with
//! its prefixes finds exactly the planted tokens, nothing else.

use token_core::scan::{ScanOptions, Scanner};
use token_core::{Checksum, Format, PrefixConfig, TokenKind, TokenType};
use token_corpus::{Generator, Spec, generate};

fn spec(config: PrefixConfig) -> Spec {
    Spec {
        size: 3 << 20,
        seed: 11,
        tokens_per_mib: 400,
        config,
    }
}

#[test]
fn same_spec_same_bytes_other_seed_other_bytes() {
    let a = generate(&Spec::default());
    let b = generate(&Spec::default());
    assert_eq!(a, b);
    let c = generate(&Spec {
        seed: 2,
        ..Spec::default()
    });
    assert_ne!(a.text, c.text);
    assert_eq!(a.text.len(), 1 << 20);
}

#[test]
fn generator_pieces_make_the_same_corpus() {
    let spec = spec(PrefixConfig::default());
    let whole = generate(&spec);
    let mut generator = Generator::new(spec);
    let (mut text, mut planted) = (Vec::new(), Vec::new());
    let mut pieces = 0;
    while generator.next_chunk(&mut text, &mut planted) {
        pieces += 1;
    }
    assert_eq!(pieces, 3);
    assert_eq!((text, planted), (whole.text, whole.planted));
}

#[test]
fn a_scanner_finds_exactly_the_planted_tokens() {
    let configs = [
        PrefixConfig::default(),
        PrefixConfig::default()
            .with_instance_prefix("acme")
            .unwrap()
            .with_custom_pat_prefix("corp.pat/")
            .unwrap(),
    ];
    for config in configs {
        let corpus = generate(&spec(config.clone()));
        let scanner = Scanner::new(&config, ScanOptions::default());
        let found: Vec<_> = scanner.scan(&corpus.text).collect();
        assert_eq!(found.len(), corpus.planted.len());
        for (found, planted) in found.iter().zip(&corpus.planted) {
            assert_eq!(found, planted);
        }
        // Every kind of token is there.
        let has = |kind: TokenKind, checksum: Checksum| {
            corpus
                .planted
                .iter()
                .any(|f| f.kind == kind && f.checksum == checksum)
        };
        assert!(has(TokenKind::Routable(Format::V1), Checksum::Valid));
        assert!(has(TokenKind::Routable(Format::V0), Checksum::Valid));
        assert!(has(TokenKind::Routable(Format::V1), Checksum::Invalid));
        assert!(has(TokenKind::Routable(Format::V0), Checksum::Invalid));
        assert!(has(TokenKind::Legacy, Checksum::NotApplicable));
        for token_type in TokenType::ALL {
            if token_type != TokenType::OAuthAccessToken {
                assert!(
                    corpus
                        .planted
                        .iter()
                        .any(|f| f.token_type == Some(token_type)),
                    "{token_type}"
                );
            }
        }
        assert!(corpus.secrets() > 0 && corpus.look_alikes() > 0);
        assert_eq!(
            corpus.secrets() + corpus.look_alikes(),
            corpus.planted.len()
        );
    }
}

#[test]
fn filler_alone_holds_no_token() {
    let corpus = generate(&Spec {
        tokens_per_mib: 0,
        size: 4 << 20,
        ..Spec::default()
    });
    assert!(corpus.planted.is_empty());
    let scanner = Scanner::new(
        &PrefixConfig::default(),
        ScanOptions {
            report_invalid: true,
            unconfigured_v0: true,
            unprefixed_oauth: false,
        },
    );
    assert_eq!(scanner.scan(&corpus.text).count(), 0);
}
