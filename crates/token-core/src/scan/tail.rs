//! The routable tail, `.01.` len crc (v1) or `.` len crc (v0), recognized by
//! shape alone: the fields are lowercase base36, the checksum field holds a
//! 32-bit value, and a token boundary follows.

use super::boundary::ends_cleanly;
use crate::bytes::is_base36;
use crate::{Format, base36};

/// Largest payload length a scanned token may state: the format's design
/// ceiling (routable-token.md, "Sizes"). Longer claims are not tokens.
pub(crate) const MAX_SCAN_PAYLOAD_LEN: usize = 300;

/// Length of `len crc`.
const FIELDS_LEN: usize = 9;

/// A routable tail found at a separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tail {
    /// Index of the `.` that ends the payload.
    pub sep: usize,
    /// Index just past the checksum field: the end of the token.
    pub end: usize,
    /// Layout given by the tail.
    pub format: Format,
    /// The payload length the length field states.
    pub stated_len: usize,
    /// The checksum the checksum field states.
    pub crc: u32,
}

impl Tail {
    /// Index where the checksum field starts (the CRC covers everything before).
    pub fn crc_start(&self) -> usize {
        self.end - 7
    }

    /// Where the payload starts if the length field is right.
    pub fn stated_payload_start(&self) -> Option<usize> {
        self.sep.checked_sub(self.stated_len)
    }
}

/// The routable tail whose separator `.` is at `sep`, if the bytes there have
/// the shape of one: v1 is tried first, as the strict decoder does.
pub(crate) fn tail_at(hay: &[u8], sep: usize, eof: bool) -> Option<Tail> {
    if hay.get(sep) != Some(&b'.') {
        return None;
    }
    if hay.get(sep + 1..sep + 4) == Some(b"01.") {
        fields(hay, sep, sep + 4, Format::V1, eof)
    } else {
        fields(hay, sep, sep + 1, Format::V0, eof)
    }
}

fn fields(hay: &[u8], sep: usize, at: usize, format: Format, eof: bool) -> Option<Tail> {
    let end = at + FIELDS_LEN;
    let field = hay.get(at..end)?;
    if !field.iter().all(|&b| is_base36(b)) || !ends_cleanly(hay, end, eof) {
        return None;
    }
    let crc = u32::try_from(base36::parse_strict(&field[2..])?).ok()?;
    let stated_len = base36::parse_strict(&field[..2])? as usize;
    Some(Tail {
        sep,
        end,
        format,
        stated_len,
        crc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_both_layouts() {
        let v1 = b"glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
        let tail = tail_at(v1, 38, true).unwrap();
        assert_eq!(tail.format, Format::V1);
        assert_eq!((tail.sep, tail.end, tail.stated_len), (38, v1.len(), 32));
        assert_eq!(tail.stated_payload_start(), Some(6));
        assert_eq!(tail.crc, crc32fast::hash(&v1[..v1.len() - 7]));

        let v0 = b"glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o";
        let tail = tail_at(v0, 44, true).unwrap();
        assert_eq!(tail.format, Format::V0);
        assert_eq!(tail.stated_len, 38);
        assert_eq!(tail.crc_start(), v0.len() - 7);
    }

    #[test]
    fn rejects_other_shapes() {
        assert!(tail_at(b"x.0w082kcij", 1, false).is_none(), "end unknown");
        assert!(tail_at(b"x.0w082kcij", 1, true).is_some());
        assert!(
            tail_at(b"x.0w082kcijk ", 1, true).is_none(),
            "ends mid-word"
        );
        assert!(tail_at(b"x.0w082kcij-", 1, true).is_none());
        assert!(
            tail_at(b"x.0w082kcij.", 1, true).is_some(),
            "a '.' may follow"
        );
        assert!(tail_at(b"x.0w082KCIJ ", 1, true).is_none(), "uppercase");
        assert!(tail_at(b"x.0wzzzzzzz ", 1, true).is_none(), "over 32 bits");
        assert!(tail_at(b"x.0w1z141z3 ", 1, true).is_some(), "u32::MAX");
        assert!(tail_at(b"x.02.0w082kcij ", 1, true).is_none(), "version 02");
        assert!(tail_at(b"x.01.0w082kci ", 1, true).is_none(), "short field");
        assert!(
            tail_at(b"x.01.0w082kcij", 0, true).is_none(),
            "no separator"
        );
    }
}
