//! Replays the fuzz targets' checks (fuzz/src/oracles.rs) on every input saved
//! under fuzz/regressions/<target>/ (each one a former finding or an edge case
//! worth keeping), and on the vectors and their corruptions, in a normal
//! `cargo test` run without libFuzzer.

#[path = "../../../fuzz/src/oracles.rs"]
mod oracles;
#[path = "../../../fuzz/src/scan_oracles.rs"]
mod scan_oracles;

use std::path::PathBuf;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The check each fuzz target runs, by target name.
fn oracle_of(target: &str) -> Option<fn(&[u8])> {
    Some(match target {
        "decode" => oracles::check_decode,
        "verify" => oracles::check_verify,
        "decode_lax" => oracles::check_decode_lax,
        "identify" => oracles::check_identify,
        "auth_finders" => oracles::check_auth_finders,
        "scan" => scan_oracles::check_scan,
        "redact" => scan_oracles::check_redact,
        _ => return None,
    })
}

const TARGETS: [&str; 7] = [
    "decode",
    "verify",
    "decode_lax",
    "identify",
    "auth_finders",
    "scan",
    "redact",
];

fn vector_tokens() -> Vec<String> {
    let text = std::fs::read_to_string(repo_root().join("testdata/vectors.json"))
        .expect("testdata/vectors.json is readable");
    let vectors: serde_json::Value = serde_json::from_str(&text).expect("vectors are JSON");
    ["encode", "decode", "reject", "legacy"]
        .iter()
        .flat_map(|group| vectors[group].as_array().expect("a list").iter())
        .map(|v| v["token"].as_str().expect("a token string").to_owned())
        .collect()
}

#[test]
fn saved_fuzz_inputs_pass_their_target_check() {
    let dir = repo_root().join("fuzz/regressions");
    let mut replayed = 0;
    for target_dir in std::fs::read_dir(&dir).expect("fuzz/regressions exists") {
        let target_dir = target_dir.expect("a directory entry").path();
        let target = target_dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let check = oracle_of(&target)
            .unwrap_or_else(|| panic!("fuzz/regressions/{target} names no fuzz target"));
        for input in std::fs::read_dir(&target_dir).expect("a target directory") {
            let path = input.expect("a directory entry").path();
            let data = std::fs::read(&path).expect("a readable input");
            check(&data);
            replayed += 1;
        }
    }
    assert!(replayed >= TARGETS.len(), "only {replayed} saved inputs");
}

#[test]
fn vectors_and_their_corruptions_pass_every_check() {
    let tokens = vector_tokens();
    assert!(tokens.len() > 20);
    for token in &tokens {
        let bytes = token.as_bytes();
        let mut inputs: Vec<Vec<u8>> = vec![bytes.to_vec()];
        for at in 0..bytes.len() {
            inputs.push(bytes[..at].to_vec());
            let mut changed = bytes.to_vec();
            changed[at] ^= 0x20;
            inputs.push(changed);
        }
        for input in &inputs {
            for target in TARGETS {
                // The scan checks read their options from the first byte.
                let flagged = [&[input.len() as u8][..], input].concat();
                let input = if target == "scan" || target == "redact" {
                    &flagged
                } else {
                    input
                };
                oracle_of(target).expect("a target")(input);
            }
        }
    }
}
