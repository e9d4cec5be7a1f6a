//! Byte classes and the token boundaries of detection.md: a token must not
//! start or end in the middle of a longer word of `[0-9A-Za-z_-]`.

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

/// Whether a token may start at `start`: not between two word bytes.
#[inline]
pub(crate) fn starts_cleanly(hay: &[u8], start: usize) -> bool {
    start == 0 || !is_word(hay[start - 1]) || hay.get(start).is_none_or(|&b| !is_word(b))
}

/// Whether a token may end at `end`: the next byte is not a word byte. The end
/// of the window is a boundary only at the end of the input (`eof`).
#[inline]
pub(crate) fn ends_cleanly(hay: &[u8], end: usize, eof: bool) -> bool {
    match hay.get(end) {
        Some(&b) => !is_word(b),
        None => eof,
    }
}

/// End of the run of word bytes starting at `from`, looking at no more than
/// `cap + 1` bytes: a result above `from + cap` means "longer than `cap`".
#[inline]
pub(crate) fn word_run_end(hay: &[u8], from: usize, cap: usize) -> usize {
    let limit = hay.len().min(from.saturating_add(cap.saturating_add(1)));
    let mut at = from;
    while at < limit && is_word(hay[at]) {
        at += 1;
    }
    at
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

    #[test]
    fn boundaries() {
        let hay = b"ab cd-ef.g";
        assert!(starts_cleanly(hay, 0));
        assert!(!starts_cleanly(hay, 1));
        assert!(starts_cleanly(hay, 2), "the space itself may start a token");
        assert!(starts_cleanly(hay, 3));
        assert!(!starts_cleanly(hay, 6), "'-' is a word byte");
        assert!(starts_cleanly(hay, 9), "after '.'");
        assert!(ends_cleanly(hay, 2, false));
        assert!(!ends_cleanly(hay, 1, true));
        assert!(ends_cleanly(hay, 10, true));
        assert!(!ends_cleanly(hay, 10, false));
        assert_eq!(word_run_end(hay, 3, 100), 8);
        assert_eq!(word_run_end(hay, 3, 2), 6);
        assert_eq!(word_run_end(hay, 2, 5), 2);
    }
}
