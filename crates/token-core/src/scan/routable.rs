//! Deciding a routable candidate: which start, if any, makes a token that
//! strict decoding accepts.

use super::Finding;
use super::boundary::starts_cleanly;
use super::prefixes::{PrefixMatch, PrefixTable};
use super::tail::{MAX_SCAN_PAYLOAD_LEN, Tail};
use crate::bytes::{is_prefix_byte, is_word};
use crate::{Checksum, MAX_PREFIX_LEN, TokenKind, decode};

/// Most starts tried for a prefix nobody configured; each costs one CRC.
const MAX_UNKNOWN_PREFIX_TRIES: usize = 16;

/// The token that ends with `tail`.
///
/// Starts tried, first valid wins: the configured prefix found before the
/// payload (`hint`), then, nearest first, every clean start up to
/// [`MAX_PREFIX_LEN`] bytes before the payload the length field points to,
/// over bytes GitLab allows in prefixes. A start is valid when its CRC holds
/// and strict [`decode`] accepts the token, so a look-alike is never valid.
///
/// Without a valid start, a `hint` gives an invalid finding (a look-alike of
/// a known type); without one, nothing is reported.
pub(crate) fn resolve(
    hay: &[u8],
    tail: &Tail,
    hint: Option<PrefixMatch>,
    min_start: usize,
    table: &PrefixTable,
) -> Option<Finding> {
    if let Some(hint) = hint
        && let Some(found) = valid_from(hay, tail, hint.start, table, Some(hint))
    {
        return Some(found);
    }
    if let Some(found) = unknown_prefix(hay, tail, hint.map(|h| h.start), min_start, table) {
        return Some(found);
    }
    hint.map(|hint| Finding {
        offset: hint.start as u64,
        len: tail.end - hint.start,
        prefix_len: hint.len,
        token_type: Some(hint.token_type),
        kind: TokenKind::Routable(tail.format),
        checksum: Checksum::Invalid,
        routing: None,
    })
}

fn unknown_prefix(
    hay: &[u8],
    tail: &Tail,
    tried: Option<usize>,
    min_start: usize,
    table: &PrefixTable,
) -> Option<Finding> {
    if !(1..=MAX_SCAN_PAYLOAD_LEN).contains(&tail.stated_len) {
        return None;
    }
    let payload_start = tail.stated_payload_start()?;
    if payload_start < min_start || !hay[payload_start..tail.sep].iter().all(|&b| is_word(b)) {
        return None;
    }
    let floor = payload_start.saturating_sub(MAX_PREFIX_LEN).max(min_start);
    let mut start = payload_start;
    let mut tries = 0;
    loop {
        if starts_cleanly(hay, start) && tried != Some(start) {
            if let Some(found) = valid_from(hay, tail, start, table, None) {
                return Some(found);
            }
            tries += 1;
            if tries == MAX_UNKNOWN_PREFIX_TRIES {
                return None;
            }
        }
        if start == floor || !is_prefix_byte(hay[start - 1]) {
            return None;
        }
        start -= 1;
    }
}

fn valid_from(
    hay: &[u8],
    tail: &Tail,
    start: usize,
    table: &PrefixTable,
    hint: Option<PrefixMatch>,
) -> Option<Finding> {
    if crc32fast::hash(&hay[start..tail.crc_start()]) != tail.crc {
        return None;
    }
    let token = decode(&hay[start..tail.end]).ok()?;
    let prefix_len = token.prefix().len();
    let token_type = match hint {
        Some(hint) if hint.len == prefix_len => Some(hint.token_type),
        _ => table.type_of(token.prefix().as_bytes()),
    };
    Some(Finding {
        offset: start as u64,
        len: tail.end - start,
        prefix_len,
        token_type,
        kind: TokenKind::Routable(token.format()),
        checksum: Checksum::Valid,
        routing: Some(*token.routing()),
    })
}
