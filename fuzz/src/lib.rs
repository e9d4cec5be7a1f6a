//! Fuzz targets for token-core. Each target in `fuzz_targets/` feeds libFuzzer's
//! input to one check of [`oracles`] or [`scan_oracles`]; a failed assertion or a panic is a finding.
//! Run them with `rake test:fuzz` (bounded) or `cargo fuzz run <target>` (see
//! docs/hardening.md).

pub mod oracles;
pub mod scan_oracles;
