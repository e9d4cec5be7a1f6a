//! The committed header matches what the token-ffi sources produce.

#[test]
fn committed_header_matches_the_sources() {
    let committed_path = token_ffi_header::ffi_crate_dir().join("../../include/token_codec.h");
    let committed = std::fs::read(&committed_path).expect("include/token_codec.h is committed");
    let fresh = token_ffi_header::header_text().expect("cbindgen parses token-ffi");
    assert!(
        committed == fresh,
        "include/token_codec.h is out of date with crates/token-ffi: run `rake ffi:header`"
    );
}
