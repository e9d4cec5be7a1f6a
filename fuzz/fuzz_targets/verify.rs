//! Fuzz target: `oracles::check_verify` over arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| token_core_fuzz::oracles::check_verify(data));
