//! Fuzz target: `scan_oracles::check_scan` over arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| token_core_fuzz::scan_oracles::check_scan(data));
