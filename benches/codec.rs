//! Criterion benchmarks of the codec's hot paths: generate, encode, decode,
//! verify, identify, and the AuthFinders Bearer classification.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rand::rngs::StdRng;
use token_core::auth_finders::{LengthDetection, classify_bearer};
use token_core::{
    Format, Identifier, PrefixConfig, RoutingOptions, RoutingPayload, RoutingValue, decode, encode,
    generate, generate_with_rng, identify, verify,
};

const PAT_V1: &str = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
const PAT_V0: &str = "glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o";
const LEGACY_PAT: &str = "glpat-ts8y8Mk2gxi-xvXVsxfN";

fn pat_routing() -> RoutingPayload {
    let options = RoutingOptions {
        default_cell_id: Some(100),
        ..RoutingOptions::default()
    };
    RoutingPayload::build(
        [("o", RoutingValue::Int(1)), ("u", RoutingValue::Int(42))],
        options,
    )
    .expect("valid routing")
}

fn bench_generate(c: &mut Criterion) {
    let routing = pat_routing();
    let mut group = c.benchmark_group("generate");
    group.bench_function("os_random_per_token", |b| {
        b.iter(|| generate(black_box("glpat-"), black_box(&routing), Format::V1))
    });
    let mut rng: StdRng = rand::make_rng();
    group.bench_function("userspace_chacha12", |b| {
        b.iter(|| {
            generate_with_rng(
                black_box("glpat-"),
                black_box(&routing),
                Format::V1,
                &mut rng,
            )
        })
    });
    group.bench_function("fork_aware_thread_local", |b| {
        b.iter(|| {
            let random = token_rng::random_bytes::<16>().expect("seeded");
            encode(
                black_box("glpat-"),
                black_box(&routing),
                &random,
                Format::V1,
            )
        })
    });
    group.bench_function("routing_build_and_generate", |b| {
        b.iter(|| {
            let routing = RoutingPayload::build(
                [
                    ("o", RoutingValue::Int(black_box(1))),
                    ("u", RoutingValue::Int(42)),
                ],
                RoutingOptions::default(),
            )
            .expect("valid");
            generate("glpat-", &routing, Format::V1)
        })
    });
    group.finish();
}

fn bench_encode(c: &mut Criterion) {
    let routing = pat_routing();
    let random = [0x61u8; 16];
    let mut group = c.benchmark_group("encode");
    for format in [Format::V1, Format::V0] {
        group.bench_function(format.as_str(), |b| {
            b.iter(|| encode(black_box("glpat-"), black_box(&routing), &random, format))
        });
    }
    group.finish();
}

fn bench_decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode");
    group.bench_function("v1", |b| b.iter(|| decode(black_box(PAT_V1))));
    group.bench_function("v0", |b| b.iter(|| decode(black_box(PAT_V0))));
    group.bench_function("lax_v1", |b| {
        b.iter(|| token_core::decode_lax(black_box(PAT_V1)))
    });
    group.finish();
}

fn bench_verify(c: &mut Criterion) {
    let mut group = c.benchmark_group("verify");
    group.bench_function("v1", |b| b.iter(|| verify(black_box(PAT_V1))));
    group.bench_function("legacy_rejected", |b| {
        b.iter(|| verify(black_box(LEGACY_PAT)))
    });
    group.finish();
}

fn bench_identify(c: &mut Criterion) {
    let mut group = c.benchmark_group("identify");
    group.bench_function("routable_v1", |b| b.iter(|| identify(black_box(PAT_V1))));
    group.bench_function("legacy", |b| b.iter(|| identify(black_box(LEGACY_PAT))));
    let config = PrefixConfig::default()
        .with_instance_prefix("acme")
        .expect("valid prefix");
    let identifier = Identifier::new(&config);
    group.bench_function("instance_prefix_table", |b| {
        b.iter(|| identifier.identify(black_box(PAT_V1)))
    });
    group.finish();
}

fn bench_classify(c: &mut Criterion) {
    let config = PrefixConfig::default();
    let mut group = c.benchmark_group("classify_bearer");
    group.bench_function("length_detection", |b| {
        b.iter(|| classify_bearer(black_box(PAT_V1), LengthDetection::Enabled, &config))
    });
    group.bench_function("no_length_detection", |b| {
        b.iter(|| classify_bearer(black_box(PAT_V1), LengthDetection::Disabled, &config))
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_generate,
    bench_encode,
    bench_decode,
    bench_verify,
    bench_identify,
    bench_classify
);
criterion_main!(benches);
