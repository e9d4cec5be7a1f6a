//! The token boundaries of detection.md: a token must not start or end in the
//! middle of a longer word of `[0-9A-Za-z_-]`.

use crate::bytes::is_word;

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
