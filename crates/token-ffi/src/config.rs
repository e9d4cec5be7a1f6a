//! `tc_config`: an instance's prefix configuration, compiled once for
//! identification, legacy generation and Bearer classification.

use std::borrow::Cow;
use std::ffi::c_char;

use token_core::{Identifier, PrefixConfig};

use crate::boundary::{Out, guard, optional, text};
use crate::result::{from_config_error, tc_result};

/// An instance's configured prefixes. Empty text (length 0) means "not set".
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tc_config_options {
    /// The instance-wide prefix (e.g. `"acme"`: tokens become `acme-glpat-...`),
    /// `instance_prefix_len` bytes: at most 20 ASCII letters and digits; blank
    /// or GitLab's old default `"gl"` means none.
    pub instance_prefix: *const c_char,
    /// Length of `instance_prefix` in bytes.
    pub instance_prefix_len: usize,
    /// The admin-configured PAT prefix, `custom_pat_prefix_len` bytes: at most
    /// 20 characters of `[a-zA-Z0-9_+=/@:.-]`; blank means none (`glpat-`).
    pub custom_pat_prefix: *const c_char,
    /// Length of `custom_pat_prefix` in bytes.
    pub custom_pat_prefix_len: usize,
}

/// A compiled prefix configuration (opaque). Create it with `tc_config_new`,
/// release it with `tc_config_free`. It is immutable: any number of threads
/// may use one at once. Functions that take a `const tc_config *` accept NULL
/// for GitLab's defaults (no instance or custom PAT prefix).
pub struct tc_config {
    pub(crate) prefixes: PrefixConfig,
    pub(crate) identifier: Identifier,
}

// Shared by many threads at once, as documented: it must stay `Send + Sync`.
const _: () = {
    const fn thread_safe<T: Send + Sync>() {}
    thread_safe::<tc_config>();
};

impl tc_config {
    /// The prefix configuration of an optional `tc_config` (NULL: defaults).
    pub(crate) fn prefixes_of(config: Option<&tc_config>) -> Cow<'_, PrefixConfig> {
        config.map_or_else(
            || Cow::Owned(PrefixConfig::default()),
            |c| Cow::Borrowed(&c.prefixes),
        )
    }
}

/// Validates `options` and compiles them into a new `tc_config`, stored in
/// `*out`. `options` may be NULL for GitLab's defaults.
///
/// Returns `TC_RESULT_OK`; `TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX` or
/// `TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX` for a prefix GitLab refuses;
/// `TC_RESULT_INVALID_UTF8` or `TC_RESULT_NULL_ARGUMENT` for bad arguments.
/// On failure `*out` is left untouched and nothing needs freeing.
///
/// # Safety
/// `options` must be NULL or point to a `tc_config_options` whose pointers
/// satisfy their lengths; `out` must point to a writable `tc_config *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_config_new(
    options: *const tc_config_options,
    out: *mut *mut tc_config,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(out) }?;
        let mut prefixes = PrefixConfig::default();
        // SAFETY: the caller's contract above.
        if let Some(options) = unsafe { optional(options) }? {
            // SAFETY: the caller's contract covers the option's pointers.
            let instance = unsafe { text(options.instance_prefix, options.instance_prefix_len) }?;
            // SAFETY: as above.
            let pat = unsafe { text(options.custom_pat_prefix, options.custom_pat_prefix_len) }?;
            prefixes = prefixes
                .with_instance_prefix(instance)
                .and_then(|p| p.with_custom_pat_prefix(pat))
                .map_err(from_config_error)?;
        }
        let identifier = Identifier::new(&prefixes);
        out.write(Box::into_raw(Box::new(tc_config {
            prefixes,
            identifier,
        })));
        Ok(())
    })
}

/// Releases a `tc_config` made by `tc_config_new`. NULL is a no-op.
///
/// # Safety
/// `config` must be NULL or a pointer `tc_config_new` returned that has not
/// been freed; no other thread may be using it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_config_free(config: *mut tc_config) {
    if config.is_null() {
        return;
    }
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the caller passes a pointer from `Box::into_raw` in
        // `tc_config_new`, once.
        drop(unsafe { Box::from_raw(config) });
    });
}

#[cfg(test)]
mod tests {
    use std::ptr;

    use super::*;
    use crate::result::*;

    fn new(instance: &str, pat: &str) -> Result<*mut tc_config, tc_result> {
        let options = tc_config_options {
            instance_prefix: instance.as_ptr().cast(),
            instance_prefix_len: instance.len(),
            custom_pat_prefix: pat.as_ptr().cast(),
            custom_pat_prefix_len: pat.len(),
        };
        let mut config = ptr::null_mut();
        // SAFETY: options borrows live strings; config is a writable local.
        match unsafe { tc_config_new(&options, &mut config) } {
            TC_RESULT_OK => Ok(config),
            code => Err(code),
        }
    }

    #[test]
    fn compiles_valid_prefixes_and_refuses_others() {
        let config = new("acme", "mypat-").unwrap();
        // SAFETY: config came from tc_config_new and is freed once.
        unsafe {
            assert_eq!((*config).prefixes.instance_prefix(), Some("acme"));
            tc_config_free(config);
            tc_config_free(ptr::null_mut());
        }
        assert_eq!(
            new("ac-me", "").unwrap_err(),
            TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX
        );
        assert_eq!(
            new("", "bad prefix").unwrap_err(),
            TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX
        );
    }

    #[test]
    fn null_options_give_the_defaults() {
        let mut config = ptr::null_mut();
        // SAFETY: a writable local; the result is freed once.
        unsafe {
            assert_eq!(tc_config_new(ptr::null(), &mut config), TC_RESULT_OK);
            assert_eq!((*config).prefixes, PrefixConfig::default());
            tc_config_free(config);
            assert_eq!(
                tc_config_new(ptr::null(), ptr::null_mut()),
                TC_RESULT_NULL_ARGUMENT
            );
        }
    }
}
