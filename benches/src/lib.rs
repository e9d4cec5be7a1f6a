//! Shared inputs for the criterion benchmarks of token_codec's hot paths.
