//! The cbindgen run that turns token-ffi's sources into `include/token_codec.h`,
//! with the configuration in `crates/token-ffi/cbindgen.toml`.

use std::path::{Path, PathBuf};

/// The token-ffi crate directory.
pub fn ffi_crate_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

/// Parses token-ffi's sources and renders the header.
///
/// # Errors
/// A description of what cbindgen could not read or parse.
pub fn bindings() -> Result<cbindgen::Bindings, String> {
    let dir = ffi_crate_dir();
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml"))?;
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .map_err(|error| error.to_string())
}

/// The header text, byte for byte as `rake ffi:header` writes it.
///
/// # Errors
/// As [`bindings`].
pub fn header_text() -> Result<Vec<u8>, String> {
    let mut text = Vec::new();
    bindings()?.write(&mut text);
    Ok(text)
}
