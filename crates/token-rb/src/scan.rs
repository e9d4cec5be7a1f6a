//! `TokenCodec::Native.scan` and `.redact`: leak detection over a caller's
//! text with token-core's [`Scanner`] (compiled once per `PrefixConfig` and
//! options, see [`RbPrefixConfig::scanner`]).
//!
//! A text longer than [`WITHOUT_GVL_ABOVE`] bytes is scanned with the GVL
//! released, so other Ruby threads run meanwhile; Ruby objects are built
//! only afterwards, with the GVL held again.

use magnus::encoding::{EncodingCapable, RbEncoding};
use magnus::value::BoxValue;
use magnus::{Error, RArray, RModule, RString, Ruby, Value, function, prelude::*};
use token_core::scan::{Finding, REDACTED, ScanOptions, Scanner};

use crate::convert;
use crate::finding::RbFinding;
use crate::prefix_config::RbPrefixConfig;
use crate::without_gvl::without_gvl;

/// Texts longer than this many bytes are scanned without the GVL. Below it,
/// releasing and re-acquiring the GVL would cost more than the scan.
pub const WITHOUT_GVL_ABOVE: usize = 64 * 1024;

/// The scanner options the Ruby facade passes as three booleans.
fn options(report_invalid: bool, unconfigured_v0: bool, unprefixed_oauth: bool) -> ScanOptions {
    ScanOptions {
        report_invalid,
        unconfigured_v0,
        unprefixed_oauth,
    }
}

/// Runs `work` over the bytes of `text`: directly for a short text, with the
/// GVL released for a long one.
fn over_bytes<T, W>(ruby: &Ruby, text: RString, work: W) -> Result<T, Error>
where
    T: Send,
    W: FnOnce(&[u8]) -> T + Send,
{
    if text.len() <= WITHOUT_GVL_ABOVE {
        // SAFETY: the GVL is held and `work` is plain Rust that calls no Ruby
        // API, so nothing can change or free the bytes while it reads them.
        return Ok(work(unsafe { text.as_slice() }));
    }
    // While the GVL is released, other threads may modify `text` or run the
    // GC, so the work reads a frozen String instead: for a String this long,
    // `rb_str_new_frozen` shares the buffer copy-on-write (no copy), and a
    // later write to `text` gives `text` its own buffer, leaving this one as
    // it is. Registering it with the GC keeps it alive until `frozen` drops.
    let frozen = BoxValue::new(RString::new_frozen(text));
    // SAFETY: the bytes stay valid and unchanged until `frozen` is dropped
    // below: the String is frozen (no write), registered (not freed), and
    // far longer than any embedded String, so its bytes live in a heap
    // buffer that GC compaction does not move.
    let bytes = unsafe { frozen.as_slice() };
    let result = without_gvl(ruby, || work(bytes));
    drop(frozen);
    result
}

/// The findings in `bytes`, each with a copy of its token's bytes (so no Ruby
/// String is borrowed while the Ruby objects are built).
fn findings_in(scanner: &Scanner, bytes: &[u8]) -> Vec<(Finding, Vec<u8>)> {
    scanner
        .scan(bytes)
        .map(|finding| {
            let token = bytes[finding.range()].to_vec();
            (finding, token)
        })
        .collect()
}

/// `Native.scan(text, config, report_invalid, unconfigured_v0, unprefixed_oauth)`:
/// an Array of `TokenCodec::Finding`, in order of offset.
fn scan(
    ruby: &Ruby,
    text: Value,
    config: &RbPrefixConfig,
    report_invalid: bool,
    unconfigured_v0: bool,
    unprefixed_oauth: bool,
) -> Result<RArray, Error> {
    let text = convert::string(ruby, text, "text")?;
    let encoding = text.enc_get();
    let scanner = config.scanner(options(report_invalid, unconfigured_v0, unprefixed_oauth));
    let found = over_bytes(ruby, text, |bytes| findings_in(&scanner, bytes))?;
    let findings = ruby.ary_new_capa(found.len());
    for (finding, token) in found {
        findings.push(RbFinding::new(finding, token, encoding))?;
    }
    Ok(findings)
}

/// `Native.redact(text, config, report_invalid, unconfigured_v0, unprefixed_oauth)`:
/// a new String, in the encoding of `text`, with every finding replaced by
/// its prefix and `[REDACTED]` and every other byte unchanged.
fn redact(
    ruby: &Ruby,
    text: Value,
    config: &RbPrefixConfig,
    report_invalid: bool,
    unconfigured_v0: bool,
    unprefixed_oauth: bool,
) -> Result<RString, Error> {
    let text = convert::string(ruby, text, "text")?;
    let encoding = text.enc_get();
    let scanner = config.scanner(options(report_invalid, unconfigured_v0, unprefixed_oauth));
    let redacted = over_bytes(ruby, text, |bytes| scanner.redact(bytes))?;
    Ok(ruby.enc_str_new(redacted, RbEncoding::from(encoding)))
}

/// Defines `Native.scan`, `Native.redact`, `Native::REDACTED` and
/// `Native::SCAN_WITHOUT_GVL_ABOVE`.
///
/// # Errors
/// A Ruby exception if a method or constant cannot be defined.
pub fn define(ruby: &Ruby, native: RModule) -> Result<(), Error> {
    let marker = ruby.str_new(REDACTED);
    marker.freeze();
    native.const_set("REDACTED", marker)?;
    native.const_set("SCAN_WITHOUT_GVL_ABOVE", WITHOUT_GVL_ABOVE)?;
    native.define_module_function("scan", function!(scan, 5))?;
    native.define_module_function("redact", function!(redact, 5))?;
    Ok(())
}
