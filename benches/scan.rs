//! Criterion benchmarks of leak detection, throughput in bytes: scanning and
//! redacting a code-like corpus with sparse tokens (30 per MiB, as in the
//! detection baselines), in memory and as a stream, and a dense corpus.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use token_core::PrefixConfig;
use token_core::scan::{ScanOptions, Scanner};
use token_corpus::{Spec, generate};

const SIZE: usize = 64 << 20;

fn corpus(tokens_per_mib: u32, config: PrefixConfig) -> Vec<u8> {
    generate(&Spec {
        size: SIZE,
        seed: 1,
        tokens_per_mib,
        config,
    })
    .text
}

fn configured() -> PrefixConfig {
    PrefixConfig::default()
        .with_instance_prefix("acme")
        .expect("valid")
        .with_custom_pat_prefix("corp.pat/")
        .expect("valid")
}

fn bench_scan(c: &mut Criterion) {
    let sparse = corpus(30, PrefixConfig::default());
    let mut group = c.benchmark_group("scan");
    group.throughput(Throughput::Bytes(SIZE as u64));
    group.sample_size(20);
    let scanner = Scanner::default();
    group.bench_function("sparse_in_memory", |b| {
        b.iter(|| scanner.scan(black_box(&sparse)).count())
    });
    let v1_only = Scanner::new(
        &PrefixConfig::default(),
        ScanOptions {
            unconfigured_v0: false,
            ..ScanOptions::default()
        },
    );
    group.bench_function("sparse_in_memory_without_unconfigured_v0", |b| {
        b.iter(|| v1_only.scan(black_box(&sparse)).count())
    });
    group.bench_function("sparse_stream_1mib_chunks", |b| {
        b.iter(|| {
            let mut stream = scanner.stream();
            let mut found = 0;
            for chunk in black_box(&sparse).chunks(1 << 20) {
                found += stream.push(chunk).len();
            }
            found + stream.finish().len()
        })
    });
    let configured_corpus = corpus(30, configured());
    let configured_scanner = Scanner::new(&configured(), ScanOptions::default());
    group.bench_function("sparse_instance_and_custom_prefixes", |b| {
        b.iter(|| {
            configured_scanner
                .scan(black_box(&configured_corpus))
                .count()
        })
    });
    let dense = corpus(2000, PrefixConfig::default());
    group.bench_function("dense_2000_per_mib", |b| {
        b.iter(|| scanner.scan(black_box(&dense)).count())
    });
    let oauth = Scanner::new(
        &PrefixConfig::default(),
        ScanOptions {
            unprefixed_oauth: true,
            ..ScanOptions::default()
        },
    );
    group.bench_function("sparse_with_unprefixed_oauth", |b| {
        b.iter(|| oauth.scan(black_box(&sparse)).count())
    });
    group.finish();
}

fn bench_redact(c: &mut Criterion) {
    let sparse = corpus(30, PrefixConfig::default());
    let scanner = Scanner::default();
    let mut group = c.benchmark_group("redact");
    group.throughput(Throughput::Bytes(SIZE as u64));
    group.sample_size(20);
    let mut out = Vec::with_capacity(SIZE);
    group.bench_function("sparse_in_memory", |b| {
        b.iter(|| {
            out.clear();
            scanner.redact_into(black_box(&sparse), &mut out)
        })
    });
    group.bench_function("sparse_stream_1mib_chunks", |b| {
        b.iter(|| {
            out.clear();
            let mut redactor = scanner.redactor();
            for chunk in black_box(&sparse).chunks(1 << 20) {
                redactor.push(chunk, &mut out);
            }
            redactor.finish(&mut out).len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_scan, bench_redact);
criterion_main!(benches);
