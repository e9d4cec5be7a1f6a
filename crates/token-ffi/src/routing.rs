//! Routing payload input: the caller's entries and options, converted to
//! token-core's builder, plus the payload text and GitLab's error messages.

use std::ffi::c_char;

use token_core::{RequiredKeys, RoutingError, RoutingOptions, RoutingPayload, RoutingValue};

use crate::boundary::{TextOut, guard, input, text};
use crate::result::{
    TC_RESULT_MISALIGNED_POINTER, TC_RESULT_UNKNOWN_ENUM_VALUE, from_routing_error, tc_result,
};

/// What a routing entry's value is: `TC_ROUTING_VALUE_*`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_routing_value_kind(pub u32);

/// An integer id in `int_value`, rendered in lowercase base36.
pub const TC_ROUTING_VALUE_INT: tc_routing_value_kind = tc_routing_value_kind(0);
/// A string in `text`/`text_len`, kept as is (blank strings are dropped).
pub const TC_ROUTING_VALUE_TEXT: tc_routing_value_kind = tc_routing_value_kind(1);
/// No value (Ruby's `nil`): the entry is dropped, but its key still counts as
/// given for the required-key rule, as in GitLab.
pub const TC_ROUTING_VALUE_ABSENT: tc_routing_value_kind = tc_routing_value_kind(2);

/// Which keys the caller must give: `TC_REQUIRED_KEYS_*`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_required_keys(pub u32);

/// Current GitLab: at least one of `c` or `o` (the default, value 0).
pub const TC_REQUIRED_KEYS_CELL_OR_ORGANIZATION: tc_required_keys = tc_required_keys(0);
/// The v0-era generator: `o` is required.
pub const TC_REQUIRED_KEYS_ORGANIZATION: tc_required_keys = tc_required_keys(1);

/// One `key => value` pair of a routing payload, as GitLab's generator takes
/// them. Keys are `c g o p t u`; any other key is reported, with GitLab's
/// message, as `TC_RESULT_ROUTING_INVALID_KEYS`. A key given twice keeps its
/// last value. All text is length-delimited UTF-8 (no NUL terminator needed).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tc_routing_entry {
    /// The key's name (e.g. `"o"`), `key_len` bytes.
    pub key: *const c_char,
    /// Length of `key` in bytes.
    pub key_len: usize,
    /// Which of `int_value` or `text` holds the value.
    pub kind: tc_routing_value_kind,
    /// The value when `kind` is `TC_ROUTING_VALUE_INT`.
    pub int_value: u64,
    /// The value when `kind` is `TC_ROUTING_VALUE_TEXT`, `text_len` bytes
    /// (NULL allowed when `text_len` is 0). Ignored for other kinds.
    pub text: *const c_char,
    /// Length of `text` in bytes.
    pub text_len: usize,
}

/// Generator settings. All zeroes (or a NULL pointer) means GitLab's
/// defaults: no default cell id and `TC_REQUIRED_KEYS_CELL_OR_ORGANIZATION`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tc_routing_options {
    /// Whether `default_cell_id` is set.
    pub has_default_cell_id: bool,
    /// The instance's cell id, added as `c` unless the entries give `c`.
    pub default_cell_id: u64,
    /// The required-key rule.
    pub required: tc_required_keys,
}

/// The caller's routing input converted to token-core's types, borrowing the
/// caller's text.
pub(crate) struct RoutingInput<'a> {
    entries: Vec<(&'a str, RoutingValue<'a>)>,
    options: RoutingOptions,
}

impl<'a> RoutingInput<'a> {
    /// Reads and checks the caller's entries and options.
    ///
    /// # Safety
    /// `entries` must be NULL (with `count` 0) or point to `count` initialized
    /// entries whose `key` and `text` pointers satisfy their lengths; `options`
    /// must be NULL or point to an initialized `tc_routing_options`. All of it
    /// must stay valid and unmodified for `'a`.
    pub(crate) unsafe fn read(
        entries: *const tc_routing_entry,
        count: usize,
        options: *const tc_routing_options,
    ) -> Result<RoutingInput<'a>, tc_result> {
        // SAFETY: the caller's contract above.
        let raw = unsafe { input(entries, count) }?;
        // SAFETY: the caller's contract above.
        let options = unsafe { read_options(options) }?;
        let entries = raw
            .iter()
            // SAFETY: the caller's contract covers each entry's pointers.
            .map(|entry| unsafe { convert_entry(entry) })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(RoutingInput { entries, options })
    }

    /// Builds the payload as GitLab's generator does.
    pub(crate) fn build(&self) -> Result<RoutingPayload, RoutingError> {
        RoutingPayload::build(self.entries.iter().copied(), self.options)
    }

    /// Builds the payload, reporting a routing error as its code.
    pub(crate) fn payload(&self) -> Result<RoutingPayload, tc_result> {
        self.build().map_err(|e| from_routing_error(&e))
    }
}

/// # Safety
/// `entry.key` and `entry.text` must satisfy their lengths (NULL only with 0).
unsafe fn convert_entry(entry: &tc_routing_entry) -> Result<(&str, RoutingValue<'_>), tc_result> {
    // SAFETY: the caller's contract above.
    let key = unsafe { text(entry.key, entry.key_len) }?;
    let value = match entry.kind {
        TC_ROUTING_VALUE_INT => RoutingValue::Int(entry.int_value),
        // SAFETY: the caller's contract above.
        TC_ROUTING_VALUE_TEXT => RoutingValue::Text(unsafe { text(entry.text, entry.text_len) }?),
        TC_ROUTING_VALUE_ABSENT => RoutingValue::Absent,
        _ => return Err(TC_RESULT_UNKNOWN_ENUM_VALUE),
    };
    Ok((key, value))
}

/// Reads the caller's options field by field (NULL: the defaults). The flag is
/// read as a byte, so a `bool` holding a value other than 0 or 1 counts as
/// set instead of being undefined behaviour.
///
/// # Safety
/// `options` must be NULL or point to a readable `tc_routing_options`.
unsafe fn read_options(options: *const tc_routing_options) -> Result<RoutingOptions, tc_result> {
    if options.is_null() {
        return Ok(RoutingOptions::default());
    }
    if !options.is_aligned() {
        return Err(TC_RESULT_MISALIGNED_POINTER);
    }
    // SAFETY: `options` is non-NULL, aligned and readable (the caller's
    // contract). Raw place projections create no reference; `bool` has the
    // size of `u8`, and `u64`/`u32` accept any bit pattern.
    let (flag, default_cell_id, required) = unsafe {
        (
            (&raw const (*options).has_default_cell_id)
                .cast::<u8>()
                .read(),
            (&raw const (*options).default_cell_id).read(),
            (&raw const (*options).required).read(),
        )
    };
    let required = match required {
        TC_REQUIRED_KEYS_CELL_OR_ORGANIZATION => RequiredKeys::CellOrOrganization,
        TC_REQUIRED_KEYS_ORGANIZATION => RequiredKeys::Organization,
        _ => return Err(TC_RESULT_UNKNOWN_ENUM_VALUE),
    };
    Ok(RoutingOptions {
        default_cell_id: (flag != 0).then_some(default_cell_id),
        required,
    })
}

/// Builds the routing payload text GitLab's generator would put in a token
/// (e.g. `"c:2s\no:1"`: `k:v` lines joined by `\n`, keys sorted, integers in
/// base36) without encoding a token.
///
/// Writes the text and a NUL into `out` (capacity `out_cap`) and its length,
/// without the NUL, into `*out_len`. A buffer of `TC_MAX_ROUTING_LEN + 1`
/// bytes always suffices.
///
/// Returns `TC_RESULT_OK`; a `TC_RESULT_ROUTING_*` code for entries GitLab
/// refuses (`tc_routing_error_message` renders its message);
/// `TC_RESULT_BUFFER_TOO_SMALL` with `*out_len` set; or an argument error.
///
/// # Safety
/// `entries` must be NULL (with `entry_count` 0) or point to `entry_count`
/// entries whose pointers satisfy their lengths; `options` must be NULL or
/// valid; `out` must be NULL (with `out_cap` 0) or point to `out_cap` writable
/// bytes; `out_len` must point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_routing_build(
    entries: *const tc_routing_entry,
    entry_count: usize,
    options: *const tc_routing_options,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { TextOut::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract above.
        let routing = unsafe { RoutingInput::read(entries, entry_count, options) }?;
        out.write(routing.payload()?.as_bytes())
    })
}

/// Renders GitLab's exact message for the routing error these entries cause
/// (e.g. `"Invalid routing keys: :q, :k. Valid routing keys are: :c, :g, :o,
/// :p, :u, :t."`). Call it with the same entries and options after
/// `tc_encode`, `tc_generate` or `tc_routing_build` returned a
/// `TC_RESULT_ROUTING_*` code.
///
/// Returns that same `TC_RESULT_ROUTING_*` code and writes the message and a
/// NUL into `out` (capacity `out_cap`) and its length into `*out_len`. If the
/// entries are valid it returns `TC_RESULT_OK` and writes an empty string.
/// The message repeats the caller's invalid key names, so its length has no
/// fixed bound: on `TC_RESULT_BUFFER_TOO_SMALL`, `*out_len` holds the length
/// and the call can be repeated with `*out_len + 1` bytes (`out` may be NULL
/// with `out_cap` 0 to ask for the length first). Argument errors as
/// `tc_routing_build`.
///
/// # Safety
/// As `tc_routing_build`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tc_routing_error_message(
    entries: *const tc_routing_entry,
    entry_count: usize,
    options: *const tc_routing_options,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> tc_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { TextOut::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract above.
        let routing = unsafe { RoutingInput::read(entries, entry_count, options) }?;
        match routing.build() {
            Ok(_) => out.write(b""),
            Err(error) => {
                out.write(error.to_string().as_bytes())?;
                Err(from_routing_error(&error))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use std::ptr;

    use super::*;
    use crate::result::*;

    fn int(key: &str, value: u64) -> tc_routing_entry {
        tc_routing_entry {
            key: key.as_ptr().cast(),
            key_len: key.len(),
            kind: TC_ROUTING_VALUE_INT,
            int_value: value,
            text: ptr::null(),
            text_len: 0,
        }
    }

    fn text_entry(key: &str, value: &[u8]) -> tc_routing_entry {
        tc_routing_entry {
            kind: TC_ROUTING_VALUE_TEXT,
            text: value.as_ptr().cast(),
            text_len: value.len(),
            ..int(key, 0)
        }
    }

    fn build(
        entries: &[tc_routing_entry],
        options: Option<&tc_routing_options>,
    ) -> (tc_result, String) {
        let mut buf = [0 as c_char; 256];
        let mut len = 0usize;
        let options = options.map_or(ptr::null(), ptr::from_ref);
        // SAFETY: every pointer refers to live locals with matching lengths.
        let code = unsafe {
            tc_routing_build(
                entries.as_ptr(),
                entries.len(),
                options,
                buf.as_mut_ptr(),
                256,
                &mut len,
            )
        };
        let bytes: Vec<u8> = buf[..len.min(256)].iter().map(|&c| c as u8).collect();
        (code, String::from_utf8(bytes).unwrap())
    }

    fn message(entries: &[tc_routing_entry]) -> (tc_result, String) {
        let mut buf = [0 as c_char; 256];
        let mut len = 0usize;
        // SAFETY: every pointer refers to live locals with matching lengths.
        let code = unsafe {
            tc_routing_error_message(
                entries.as_ptr(),
                entries.len(),
                ptr::null(),
                buf.as_mut_ptr(),
                256,
                &mut len,
            )
        };
        let bytes: Vec<u8> = buf[..len].iter().map(|&c| c as u8).collect();
        (code, String::from_utf8(bytes).unwrap())
    }

    #[test]
    fn converts_every_value_kind_and_the_options() {
        let absent = tc_routing_entry {
            kind: TC_ROUTING_VALUE_ABSENT,
            ..int("u", 5)
        };
        let options = tc_routing_options {
            has_default_cell_id: true,
            default_cell_id: 100,
            required: TC_REQUIRED_KEYS_ORGANIZATION,
        };
        let entries = [text_entry("o", b"foo"), absent, int("g", 1007)];
        assert_eq!(
            build(&entries, Some(&options)),
            (TC_RESULT_OK, "c:2s\ng:rz\no:foo".into())
        );
        assert_eq!(
            build(&entries[1..], Some(&options)).0,
            TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS
        );
    }

    #[test]
    fn an_out_of_range_flag_byte_counts_as_set() {
        // The memory a C caller could hand over: a `bool` byte of 2, which no
        // Rust value may hold, so it only ever exists behind a raw pointer.
        let mut raw = std::mem::MaybeUninit::<tc_routing_options>::zeroed();
        let options = raw.as_mut_ptr();
        // SAFETY: field pointers into a zeroed local of the right type.
        unsafe {
            (&raw mut (*options).has_default_cell_id)
                .cast::<u8>()
                .write(2);
            (&raw mut (*options).default_cell_id).write(36);
        }
        let entries = [int("o", 1)];
        let mut buf = [0 as c_char; 32];
        let mut len = 0usize;
        // SAFETY: live locals; the options are read without forming a `bool`.
        let code = unsafe {
            tc_routing_build(entries.as_ptr(), 1, options, buf.as_mut_ptr(), 32, &mut len)
        };
        assert_eq!(code, TC_RESULT_OK);
        assert_eq!(len, "c:10\no:1".len());
    }

    #[test]
    fn error_messages_are_gitlabs() {
        let entries = [int("q", 1), int("o", 1), int("k", 2)];
        assert_eq!(
            message(&entries),
            (
                TC_RESULT_ROUTING_INVALID_KEYS,
                "Invalid routing keys: :q, :k. Valid routing keys are: :c, :g, :o, :p, :u, :t."
                    .into()
            )
        );
        assert_eq!(message(&[int("o", 1)]), (TC_RESULT_OK, String::new()));
        assert_eq!(
            message(&[text_entry("o", b"a:b")]).0,
            TC_RESULT_ROUTING_INVALID_VALUE
        );
    }

    #[test]
    fn bad_arguments_have_their_own_codes() {
        let bad_kind = tc_routing_entry {
            kind: tc_routing_value_kind(9),
            ..int("o", 1)
        };
        assert_eq!(build(&[bad_kind], None).0, TC_RESULT_UNKNOWN_ENUM_VALUE);
        assert_eq!(
            build(&[text_entry("o", b"\xff")], None).0,
            TC_RESULT_INVALID_UTF8
        );
        let null_text = tc_routing_entry {
            text_len: 3,
            text: ptr::null(),
            ..text_entry("o", b"")
        };
        assert_eq!(build(&[null_text], None).0, TC_RESULT_NULL_ARGUMENT);
        let options = tc_routing_options {
            has_default_cell_id: false,
            default_cell_id: 0,
            required: tc_required_keys(2),
        };
        assert_eq!(
            build(&[int("o", 1)], Some(&options)).0,
            TC_RESULT_UNKNOWN_ENUM_VALUE
        );
    }
}
