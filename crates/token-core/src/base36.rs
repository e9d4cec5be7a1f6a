//! Lowercase base36, as Ruby's `Integer#to_s(36)` and `String#to_i(36)` use it.

/// Largest number of base36 digits a `u64` needs (`3w5e11264sgsf`).
pub const MAX_U64_DIGITS: usize = 13;

/// Appends the lowercase base36 digits of `value` to `out`, with no padding.
pub fn push_u64(out: &mut Vec<u8>, value: u64) {
    let mut digits = [0u8; MAX_U64_DIGITS];
    let mut at = digits.len();
    let mut rest = value;
    loop {
        at -= 1;
        digits[at] = digit(rest % 36);
        rest /= 36;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Writes `value` as exactly `N` lowercase base36 digits, left-padded with `0`.
///
/// The caller guarantees that `value < 36^N`; higher digits are dropped.
pub fn fixed<const N: usize>(value: u64) -> [u8; N] {
    let mut digits = [b'0'; N];
    let mut rest = value;
    for slot in digits.iter_mut().rev() {
        *slot = digit(rest % 36);
        rest /= 36;
    }
    digits
}

/// Parses a fixed-width field of lowercase base36 digits (`[0-9a-z]+`).
///
/// Returns `None` for any other byte or on overflow, so uppercase is rejected.
pub fn parse_strict(field: &[u8]) -> Option<u64> {
    if field.is_empty() {
        return None;
    }
    if field.len() < MAX_U64_DIGITS {
        // 36^12 < 2^64: fields this short (the 7-character checksum, the
        // 2-character length) cannot overflow.
        let mut value: u64 = 0;
        for &byte in field {
            value = value * 36 + u64::from(value_of(byte)?);
        }
        return Some(value);
    }
    let mut value: u64 = 0;
    for &byte in field {
        let d = value_of(byte)?;
        value = value.checked_mul(36)?.checked_add(u64::from(d))?;
    }
    Some(value)
}

/// Ruby's lenient `String#to_i(36)`: skips leading whitespace, takes an optional
/// sign and `_` separators, reads digits of either case until the first other
/// byte, and gives 0 when there are none. Saturates at `u64::MAX`; a negative
/// number gives 0.
pub fn parse_lenient(text: &[u8]) -> u64 {
    let mut bytes = text
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .peekable();
    let mut negative = false;
    if let Some(&&sign) = bytes.peek()
        && (sign == b'+' || sign == b'-')
    {
        negative = sign == b'-';
        bytes.next();
    }
    let mut value: u64 = 0;
    let mut previous_underscore = true;
    for &byte in bytes {
        if byte == b'_' {
            if previous_underscore {
                break;
            }
            previous_underscore = true;
            continue;
        }
        let Some(d) = value_of(byte.to_ascii_lowercase()) else {
            break;
        };
        previous_underscore = false;
        value = value.saturating_mul(36).saturating_add(u64::from(d));
    }
    if negative { 0 } else { value }
}

fn digit(d: u64) -> u8 {
    b"0123456789abcdefghijklmnopqrstuvwxyz"[d as usize]
}

fn value_of(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'z' => Some(byte - b'a' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_ruby_to_s_36() {
        let cases: [(u64, &str); 6] = [
            (0, "0"),
            (35, "z"),
            (36, "10"),
            (100, "2s"),
            (1007, "rz"),
            (u64::MAX, "3w5e11264sgsf"),
        ];
        for (value, text) in cases {
            let mut out = Vec::new();
            push_u64(&mut out, value);
            assert_eq!(out, text.as_bytes());
            assert_eq!(parse_strict(text.as_bytes()), Some(value));
        }
    }

    #[test]
    fn fixed_width_pads_with_zeros() {
        assert_eq!(&fixed::<7>(u64::from(u32::MAX)), b"1z141z3");
        assert_eq!(&fixed::<2>(27), b"0r");
        assert_eq!(&fixed::<7>(0), b"0000000");
    }

    #[test]
    fn strict_parse_rejects_uppercase_overflow_and_empty() {
        assert_eq!(parse_strict(b"0R"), None);
        assert_eq!(parse_strict(b""), None);
        assert_eq!(parse_strict(b"3w5e11264sgsg"), None);
        assert_eq!(parse_strict(b"0-"), None);
    }

    #[test]
    fn lenient_parse_matches_ruby() {
        assert_eq!(parse_lenient(b"rz"), 1007);
        assert_eq!(parse_lenient(b"RZ"), 1007);
        assert_eq!(parse_lenient(b"foo"), 20328);
        assert_eq!(parse_lenient(b"12!x"), 38);
        assert_eq!(parse_lenient(b""), 0);
        assert_eq!(parse_lenient(b"  +1_0"), 36);
        assert_eq!(parse_lenient(b"1__0"), 1);
        assert_eq!(parse_lenient(b"-5"), 0);
        assert_eq!(parse_lenient(b"zzzzzzzzzzzzzzzzzzzz"), u64::MAX);
    }
}
