//! The library's version.

use std::ffi::c_char;

use crate::boundary::guard_static;

/// The library's version (`"0.1.0"`), static and NUL-terminated. The string
/// must not be freed.
#[unsafe(no_mangle)]
pub extern "C" fn tc_version() -> *const c_char {
    guard_static(|| static_cstr!(env!("CARGO_PKG_VERSION")))
}
