//! Statistical sanity of the random bytes in generated tokens (docs/randomness.md).
//!
//! The bytes are read back out of real tokens with `decode`, so the test covers
//! where they land in the token, not only the generator. Sample size: 10^6
//! tokens (about 5 s in a debug build); `TOKEN_CODEC_RANDOMNESS_TOKENS=<n>`
//! overrides.
//!
//! Every bound is six standard deviations wide: a sound generator fails one of
//! these tests about once in 10^8 runs, while a stuck, biased, repeating or
//! fork-shared stream fails them at once. They are sanity checks, not a
//! certification (that is the operating system's job, see the doc).

use std::collections::HashSet;
use std::sync::OnceLock;

use token_core::{
    Format, PrefixConfig, RANDOM_LEN, RoutingOptions, RoutingPayload, RoutingValue, TokenType,
    decode, generate, generate_legacy,
};

/// Tolerance in standard deviations.
const SIGMAS: f64 = 6.0;

fn sample_size() -> usize {
    std::env::var("TOKEN_CODEC_RANDOMNESS_TOKENS")
        .map(|n| n.parse().expect("TOKEN_CODEC_RANDOMNESS_TOKENS is a count"))
        .unwrap_or(1_000_000)
}

/// The random bytes of `sample_size()` generated tokens, alternating v1 and v0
/// (in which the random bytes sit at different places), read back by decoding.
fn samples() -> &'static [[u8; RANDOM_LEN]] {
    static SAMPLES: OnceLock<Vec<[u8; RANDOM_LEN]>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let routing = RoutingPayload::build(
            [("o", RoutingValue::Int(1)), ("u", RoutingValue::Int(42))],
            RoutingOptions::default(),
        )
        .expect("valid routing");
        (0..sample_size())
            .map(|i| {
                let format = if i % 2 == 0 { Format::V1 } else { Format::V0 };
                let token = generate("glpat-", &routing, format).expect("generated");
                *decode(&token).expect("decodes").random_bytes()
            })
            .collect()
    })
}

/// Pearson's chi-square of `counts` against a uniform distribution.
fn chi_square(counts: &[u64]) -> f64 {
    let total: u64 = counts.iter().sum();
    let expected = total as f64 / counts.len() as f64;
    counts
        .iter()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum()
}

/// A chi-square with `bins - 1` degrees of freedom within the bound on both
/// sides (too even is as suspicious as too uneven).
fn uniform(counts: &[u64], what: &str) -> Result<(), String> {
    let dof = (counts.len() - 1) as f64;
    let statistic = chi_square(counts);
    let bound = SIGMAS * (2.0 * dof).sqrt();
    if (statistic - dof).abs() <= bound {
        Ok(())
    } else {
        Err(format!(
            "{what}: chi-square {statistic:.1} with {dof} degrees of freedom (allowed {dof} ± {bound:.1})"
        ))
    }
}

/// Byte values are uniform over all bytes and at each of the 16 positions.
fn byte_frequencies(samples: &[[u8; RANDOM_LEN]]) -> Result<(), String> {
    let mut overall = [0u64; 256];
    let mut by_position = [[0u64; 256]; RANDOM_LEN];
    for random in samples {
        for (position, &byte) in random.iter().enumerate() {
            overall[usize::from(byte)] += 1;
            by_position[position][usize::from(byte)] += 1;
        }
    }
    uniform(&overall, "all bytes")?;
    by_position
        .iter()
        .enumerate()
        .try_for_each(|(position, counts)| uniform(counts, &format!("byte {position}")))
}

/// Each of the 128 bit positions is one in half the samples.
fn bit_balance(samples: &[[u8; RANDOM_LEN]]) -> Result<(), String> {
    let mut ones = [0u64; RANDOM_LEN * 8];
    for random in samples {
        for (bit, count) in ones.iter_mut().enumerate() {
            *count += u64::from(random[bit / 8] >> (bit % 8) & 1);
        }
    }
    let n = samples.len() as f64;
    let bound = SIGMAS * n.sqrt() / 2.0;
    for (bit, &count) in ones.iter().enumerate() {
        if (count as f64 - n / 2.0).abs() > bound {
            return Err(format!(
                "bit {bit}: {count} ones in {n} samples (allowed {} ± {bound:.0})",
                n / 2.0
            ));
        }
    }
    Ok(())
}

/// Consecutive samples agree on half their bits, as independent values do.
fn serial_independence(samples: &[[u8; RANDOM_LEN]]) -> Result<(), String> {
    let agreeing: u64 = samples
        .windows(2)
        .map(|pair| {
            let a = u128::from_le_bytes(pair[0]);
            let b = u128::from_le_bytes(pair[1]);
            u64::from((!(a ^ b)).count_ones())
        })
        .sum();
    let bits = (samples.len() - 1) as f64 * 128.0;
    let bound = SIGMAS * bits.sqrt() / 2.0;
    if (agreeing as f64 - bits / 2.0).abs() <= bound {
        Ok(())
    } else {
        Err(format!(
            "consecutive samples agree on {agreeing} of {bits} bits (allowed ± {bound:.0})"
        ))
    }
}

/// No sample appears twice.
fn no_repeats(samples: &[[u8; RANDOM_LEN]]) -> Result<(), String> {
    let distinct: HashSet<&[u8; RANDOM_LEN]> = samples.iter().collect();
    match samples.len() - distinct.len() {
        0 => Ok(()),
        repeats => Err(format!("{repeats} repeated samples")),
    }
}

/// A check over samples: `Err` says what failed.
type Check = fn(&[[u8; RANDOM_LEN]]) -> Result<(), String>;

const CHECKS: [(&str, Check); 4] = [
    ("byte frequencies", byte_frequencies),
    ("bit balance", bit_balance),
    ("serial independence", serial_independence),
    ("no repeats", no_repeats),
];

#[test]
fn generated_tokens_pass_every_check() {
    let samples = samples();
    for (name, check) in CHECKS {
        if let Err(failure) = check(samples) {
            panic!("{name}: {failure}");
        }
    }
}

/// A fast, statistically good but predictable stream (SplitMix64), to spoil.
fn splitmix(count: usize) -> Vec<[u8; RANDOM_LEN]> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    (0..count)
        .map(|_| {
            let mut bytes = [0u8; RANDOM_LEN];
            bytes[..8].copy_from_slice(&next().to_le_bytes());
            bytes[8..].copy_from_slice(&next().to_le_bytes());
            bytes
        })
        .collect()
}

#[test]
fn the_checks_catch_weak_sources() {
    let count = 200_000;
    let good = splitmix(count);
    for (name, check) in CHECKS {
        assert_eq!(check(&good), Ok(()), "{name} rejects a good stream");
    }
    let mut stuck_bit = good.clone();
    stuck_bit.iter_mut().for_each(|r| r[5] &= !0x10);
    let mut no_ff = good.clone();
    no_ff
        .iter_mut()
        .flatten()
        .filter(|b| **b == 0xff)
        .for_each(|b| *b = 0);
    let mut sticky = good.clone();
    for i in 1..count {
        sticky[i] = sticky[i - 1];
        sticky[i][i % RANDOM_LEN] = good[i][0];
    }
    let mut forked = good.clone();
    forked[count / 2..].copy_from_slice(&good[..count / 2]);
    let spoiled = [
        ("a stuck bit", stuck_bit, "bit balance"),
        ("a missing byte value", no_ff, "byte frequencies"),
        ("a slowly changing value", sticky, "serial independence"),
        ("a stream replayed after fork", forked, "no repeats"),
    ];
    for (defect, samples, caught_by) in spoiled {
        let check = CHECKS
            .iter()
            .find(|(name, _)| *name == caught_by)
            .unwrap()
            .1;
        assert!(check(&samples).is_err(), "{caught_by} misses {defect}");
    }
}

#[test]
fn legacy_bodies_do_not_repeat() {
    let config = PrefixConfig::default();
    let count = sample_size() / 10;
    let distinct: HashSet<String> = (0..count)
        .map(|_| generate_legacy(TokenType::PersonalAccessToken, &config).expect("generated"))
        .collect();
    assert_eq!(distinct.len(), count, "a legacy token repeated");
}
