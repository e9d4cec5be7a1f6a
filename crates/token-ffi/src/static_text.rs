//! NUL-terminated static strings built at compile time from `&'static str`
//! constants, so that `const char *` results can reuse token-core's texts.

/// Copies `text` into an array one byte longer, leaving a NUL at the end.
pub(crate) const fn nul_terminated<const N: usize>(text: &str) -> [u8; N] {
    let bytes = text.as_bytes();
    assert!(
        bytes.len() + 1 == N,
        "array length must be the text length plus one"
    );
    let mut out = [0u8; N];
    let mut i = 0;
    while i < bytes.len() {
        out[i] = bytes[i];
        i += 1;
    }
    out
}

/// `static_cstr!(expr)`: a `&'static CStr` of a constant `&str` expression.
/// Fails to compile if the text contains a NUL byte.
macro_rules! static_cstr {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const BYTES: [u8; TEXT.len() + 1] = $crate::static_text::nul_terminated(TEXT);
        const C: &::std::ffi::CStr = match ::std::ffi::CStr::from_bytes_with_nul(&BYTES) {
            Ok(c) => c,
            Err(_) => panic!("static text contains a NUL byte"),
        };
        C
    }};
}

#[cfg(test)]
mod tests {
    #[test]
    fn builds_a_c_string_from_a_constant() {
        const WORD: &str = "token";
        assert_eq!(static_cstr!(WORD).to_bytes(), b"token");
        assert_eq!(
            static_cstr!(token_core::DecodeError::Empty.message()).to_str(),
            Ok("token is empty")
        );
    }
}
