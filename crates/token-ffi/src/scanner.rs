//! `tc_scanner`: a compiled leak detector for one instance's prefixes.

use token_core::scan::{ScanOptions, Scanner};

use crate::boundary::{Out, guard, optional};
use crate::config::tc_config;
use crate::result::{TC_RESULT_MISALIGNED_POINTER, tc_result};

/// What a scanner reports beyond tokens of configured prefixes. All zeroes
/// (or a NULL pointer) means the defaults: look-alikes reported as
/// `TC_CHECKSUM_INVALID`, valid v0 tokens found whatever their prefix,
/// unprefixed 64-hex words ignored.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct tc_scan_options {
    /// Drop routable look-alikes whose checksum or fields do not hold instead
    /// of reporting them with `TC_CHECKSUM_INVALID`.
    pub drop_invalid: bool,
    /// Find valid v0 tokens only behind configured prefixes. By default they
    /// are found with any prefix or none, as valid v1 tokens always are.
    pub configured_v0_only: bool,
    /// Report every word of exactly 64 lowercase hex digits as a possible
    /// unprefixed OAuth access token (SHA-256 digests look the same).
    pub unprefixed_oauth: bool,
}

/// A compiled leak detector (opaque). Create it with `tc_scanner_new`,
/// release it with `tc_scanner_free`. It is immutable: any number of threads
/// may scan with one at once.
pub struct tc_scanner {
    pub(crate) scanner: Scanner,
}

// Shared by many threads at once, as documented: it must stay `Send + Sync`.
const _: () = {
    const fn thread_safe<T: Send + Sync>() {}
    thread_safe::<tc_scanner>();
};

/// Reads the caller's options field by field (NULL: the defaults). Each flag
/// is read as a byte, so a `bool` holding a value other than 0 or 1 counts as
/// set instead of being undefined behaviour.
///
/// # Safety
/// `options` must be NULL or point to a readable `tc_scan_options`.
unsafe fn read_options(options: *const tc_scan_options) -> Result<ScanOptions, tc_result> {
    if options.is_null() {
        return Ok(ScanOptions::default());
    }
    if !options.is_aligned() {
        return Err(TC_RESULT_MISALIGNED_POINTER);
    }
    // SAFETY: `options` is non-NULL, aligned and readable (the caller's
    // contract). Raw place projections create no reference; `bool` has the
    // size of `u8`.
    let (drop_invalid, configured_v0_only, unprefixed_oauth) = unsafe {
        (
            (&raw const (*options).drop_invalid).cast::<u8>().read(),
            (&raw const (*options).configured_v0_only)
                .cast::<u8>()
                .read(),
            (&raw const (*options).unprefixed_oauth).cast::<u8>().read(),
        )
    };
    Ok(ScanOptions {
        report_invalid: drop_invalid == 0,
        unconfigured_v0: configured_v0_only == 0,
        unprefixed_oauth: unprefixed_oauth != 0,
    })
}

/// Compiles a scanner for the prefixes of `config` (NULL: GitLab's default
/// prefixes) with `options` (NULL: the defaults), stored in `*out`. The
/// scanner keeps what it needs: `config` may be freed afterwards.
///
/// Returns `TC_RESULT_OK`; `TC_RESULT_NULL_ARGUMENT` or
/// `TC_RESULT_MISALIGNED_POINTER` for bad arguments. On failure `*out` is
/// left untouched and nothing needs freeing.
///
/// # Safety
/// `config` must be NULL or a live `tc_config`; `options` must be NULL or
/// point to a `tc_scan_options`; `out` must point to a writable
/// `tc_scanner *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_scanner_new(
    config: *const tc_config,
    options: *const tc_scan_options,
    out: *mut *mut tc_scanner,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        // SAFETY: the caller's contract above.
        let config = unsafe { optional(config) }?;
        // SAFETY: the caller's contract above.
        let options = unsafe { read_options(options) }?;
        let scanner = Scanner::new(&tc_config::prefixes_of(config), options);
        out.write(Box::into_raw(Box::new(tc_scanner { scanner })));
        Ok(())
    })
}

/// Releases a `tc_scanner` made by `tc_scanner_new`. NULL is a no-op.
/// Redactors made from it stay usable: each holds its own reference.
///
/// # Safety
/// `scanner` must be NULL or a pointer `tc_scanner_new` returned that has not
/// been freed; no other thread may be using it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_scanner_free(scanner: *mut tc_scanner) {
    if scanner.is_null() {
        return;
    }
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the caller passes a pointer from `Box::into_raw` in
        // `tc_scanner_new`, once.
        drop(unsafe { Box::from_raw(scanner) });
    });
}

#[cfg(test)]
mod tests {
    use std::ptr;

    use super::*;
    use crate::result::{TC_RESULT_NULL_ARGUMENT, TC_RESULT_OK};

    #[test]
    fn zeroed_or_null_options_are_the_defaults() {
        let zeroed = tc_scan_options::default();
        // SAFETY: NULL and a live local.
        unsafe {
            assert_eq!(read_options(ptr::null()), Ok(ScanOptions::default()));
            assert_eq!(read_options(&zeroed), Ok(ScanOptions::default()));
        }
    }

    #[test]
    fn each_flag_maps_to_its_option_and_any_nonzero_byte_sets_it() {
        let mut raw = [0u8; size_of::<tc_scan_options>()];
        raw[0] = 2;
        raw[1] = 0xff;
        raw[2] = 7;
        let options = raw.as_ptr().cast::<tc_scan_options>();
        // SAFETY: `tc_scan_options` is three bools (alignment 1) and `raw` is
        // readable; the flags are read as bytes, never as `bool`.
        let read = unsafe { read_options(options) };
        assert_eq!(
            read,
            Ok(ScanOptions {
                report_invalid: false,
                unconfigured_v0: false,
                unprefixed_oauth: true,
            })
        );
    }

    #[test]
    fn new_and_free() {
        let mut scanner = ptr::null_mut();
        let options = tc_scan_options {
            unprefixed_oauth: true,
            ..tc_scan_options::default()
        };
        // SAFETY: writable locals; the scanner is freed once.
        unsafe {
            assert_eq!(
                tc_scanner_new(ptr::null(), &options, &mut scanner),
                TC_RESULT_OK
            );
            assert!((*scanner).scanner.options().unprefixed_oauth);
            tc_scanner_free(scanner);
            tc_scanner_free(ptr::null_mut());
            assert_eq!(
                tc_scanner_new(ptr::null(), ptr::null(), ptr::null_mut()),
                TC_RESULT_NULL_ARGUMENT
            );
        }
    }
}
