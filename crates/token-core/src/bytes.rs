//! Byte classes of the token alphabets, by table lookup: one place for the
//! decoder, identification, legacy bodies, prefix validation and the scanner.

/// The classes of one byte, as bit flags.
const WORD: u8 = 1;
const BASE36: u8 = 2;
const PREFIX: u8 = 4;
const HEX: u8 = 8;

const fn class_of(byte: u8) -> u8 {
    let mut class = 0;
    if byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-' {
        class |= WORD | PREFIX;
    }
    if byte.is_ascii_digit() || byte.is_ascii_lowercase() {
        class |= BASE36;
    }
    if byte.is_ascii_digit() || (byte >= b'a' && byte <= b'f') {
        class |= HEX;
    }
    if matches!(byte, b'+' | b'=' | b'/' | b'@' | b':' | b'.') {
        class |= PREFIX;
    }
    class
}

static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = class_of(byte as u8);
        byte += 1;
    }
    table
};

/// A byte of the token alphabet `[0-9A-Za-z_-]`.
#[inline]
pub(crate) fn is_word(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & WORD != 0
}

/// A lowercase base36 digit `[0-9a-z]`.
#[inline]
pub(crate) fn is_base36(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & BASE36 != 0
}

/// A lowercase hex digit `[0-9a-f]`.
#[inline]
pub(crate) fn is_lower_hex(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & HEX != 0
}

/// A byte GitLab allows in a configured prefix: `[a-zA-Z0-9_+=/@:.-]`.
#[inline]
pub(crate) fn is_prefix_byte(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & PREFIX != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_the_spec_alphabets() {
        for byte in 0..=255u8 {
            let word = byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-';
            assert_eq!(is_word(byte), word, "{byte}");
            assert_eq!(
                is_base36(byte),
                byte.is_ascii_digit() || byte.is_ascii_lowercase()
            );
            assert_eq!(
                is_lower_hex(byte),
                byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte)
            );
            assert_eq!(is_prefix_byte(byte), word || b"+=/@:.".contains(&byte));
        }
    }
}
