//! Writes the C header of token-ffi with cbindgen: `token-ffi-header <path>`.
//! `rake ffi:header` writes `include/token_codec.h`; the drift check writes a
//! temporary file and compares it with the committed one.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(output), None) = (args.next(), args.next()) else {
        eprintln!("usage: token-ffi-header <output.h>");
        return ExitCode::from(2);
    };
    let written = token_ffi_header::header_text()
        .and_then(|text| std::fs::write(&output, text).map_err(|e| e.to_string()));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("token-ffi-header: {error}");
            ExitCode::FAILURE
        }
    }
}
