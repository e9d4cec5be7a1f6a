//! Unprefixed OAuth access tokens: words of exactly 64 lowercase hex digits.

use super::boundary::{ends_cleanly, starts_cleanly, word_run_end};
use crate::bytes::{is_lower_hex, is_word};

/// Length of an unprefixed OAuth access token.
pub(crate) const OAUTH_HEX_LEN: usize = 64;

/// Start of the next word at or after `from` that is exactly 64 lowercase hex
/// digits. A word starting inside the word `from` falls in is not one.
///
/// It probes one byte in 64: such a word starting at or after `at` covers
/// `at + 63`, so where that byte is no hex digit, no word starts in
/// `at..=at + 63`; where it is, only the run of hex digits around it needs a
/// look.
pub(crate) fn next_hex_word(hay: &[u8], from: usize, eof: bool) -> Option<usize> {
    let mut at = from;
    if at > 0 && at < hay.len() && is_word(hay[at - 1]) {
        at = word_run_end(hay, at, usize::MAX - at);
    }
    loop {
        let probe = at.checked_add(OAUTH_HEX_LEN - 1)?;
        if probe >= hay.len() {
            return None;
        }
        if !is_lower_hex(hay[probe]) {
            at = probe + 1;
            continue;
        }
        let mut start = probe;
        while start > at && is_lower_hex(hay[start - 1]) {
            start -= 1;
        }
        let mut end = probe + 1;
        while end < hay.len() && end - start <= OAUTH_HEX_LEN && is_lower_hex(hay[end]) {
            end += 1;
        }
        if end - start == OAUTH_HEX_LEN && starts_cleanly(hay, start) && ends_cleanly(hay, end, eof)
        {
            return Some(start);
        }
        at = end.max(probe + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious search, one word at a time.
    fn reference(hay: &[u8], from: usize, eof: bool) -> Option<usize> {
        (from..hay.len()).find(|&at| {
            let end = at + OAUTH_HEX_LEN;
            end <= hay.len()
                && (at == 0 || !is_word(hay[at - 1]))
                && hay[at..end].iter().all(|&b| is_lower_hex(b))
                && ends_cleanly(hay, end, eof)
        })
    }

    #[test]
    fn agrees_with_the_obvious_search() {
        let hex = "0123456789abcdef".repeat(4);
        let cases = [
            format!("x {hex} y"),
            hex.clone(),
            format!("{hex}0 {hex}"),
            format!("g{hex} {hex}g ({hex})"),
            format!("sha256:{hex}.{hex}-x"),
            format!("{}{hex}", "ab ".repeat(40)),
            format!("{} {hex}", &hex[..63]),
            "cafe babe dead beef ".repeat(20),
        ];
        for text in &cases {
            let hay = text.as_bytes();
            for from in 0..hay.len() {
                for eof in [true, false] {
                    let expected = if from > 0 && is_word(hay[from - 1]) {
                        reference(hay, word_run_end(hay, from, usize::MAX - from), eof)
                    } else {
                        reference(hay, from, eof)
                    };
                    assert_eq!(next_hex_word(hay, from, eof), expected, "{text:?} {from}");
                }
            }
        }
    }
}
