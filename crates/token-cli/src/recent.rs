//! The last two chunks of a stream being scanned: where a finding's line and
//! column are, and its bytes, without keeping the whole stream.
//!
//! A stream scanner reports a token only once it is decided, which can be up
//! to a few hundred KiB after it started. Chunks are [`CHUNK`] bytes (only the
//! last one is shorter), more than that delay, so every token reported while
//! a chunk is being scanned lies within that chunk and the one before.

use std::borrow::Cow;
use std::io::{self, Read};
use std::ops::Range;

/// Bytes read at a time.
pub const CHUNK: usize = 1 << 20;

/// Where a byte is, for people: 1-based line and column (in bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line number, from 1.
    pub line: u64,
    /// Byte column, from 1.
    pub column: u64,
}

/// The last two chunks and a line counter that follows the findings.
#[derive(Debug)]
pub struct Recent {
    /// Two chunks: the newer one at `newer`, the older one at `1 - newer`.
    chunks: [Vec<u8>; 2],
    starts: [u64; 2],
    /// Index of the newer chunk.
    newer: usize,
    /// Lines are counted up to here.
    cursor: u64,
    /// Newlines before `cursor`.
    newlines: u64,
    /// Offset just past the last newline before `cursor`.
    line_start: u64,
}

impl Default for Recent {
    fn default() -> Recent {
        Recent {
            chunks: [Vec::new(), Vec::new()],
            starts: [0, 0],
            newer: 1,
            cursor: 0,
            newlines: 0,
            line_start: 0,
        }
    }
}

impl Recent {
    /// Reads the next chunk from `reader` (a full [`CHUNK`] unless the input
    /// ends) and returns it; empty at the end of the input.
    pub fn read_next(&mut self, reader: &mut dyn Read) -> io::Result<&[u8]> {
        let older = 1 - self.newer;
        let next_start = self.starts[self.newer] + self.chunks[self.newer].len() as u64;
        // The older chunk is about to go: count the lines it still holds.
        let newer_start = self.starts[self.newer];
        self.count_to(newer_start.max(self.cursor));
        let buf = &mut self.chunks[older];
        buf.resize(CHUNK, 0);
        let mut filled = 0;
        while filled < CHUNK {
            match reader.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    buf.truncate(filled);
                    return Err(e);
                }
            }
        }
        buf.truncate(filled);
        self.starts[older] = next_start;
        self.newer = older;
        Ok(&self.chunks[self.newer])
    }

    /// Line and column of `offset` (offsets must come in increasing order
    /// and lie in the last two chunks).
    pub fn position(&mut self, offset: u64) -> Position {
        self.count_to(offset);
        Position {
            line: self.newlines + 1,
            column: offset.saturating_sub(self.line_start) + 1,
        }
    }

    /// The bytes of `range` (within the last two chunks).
    pub fn bytes(&self, range: Range<u64>) -> Cow<'_, [u8]> {
        let newer = self.newer;
        let older = 1 - newer;
        let (older_start, newer_start) = (self.starts[older], self.starts[newer]);
        let local = |start: u64, chunk: &[u8]| {
            let from = (range.start.max(start) - start) as usize;
            let to = ((range.end.min(start + chunk.len() as u64)).max(start) - start) as usize;
            from.min(to)..to
        };
        if range.start >= newer_start {
            return Cow::Borrowed(&self.chunks[newer][local(newer_start, &self.chunks[newer])]);
        }
        let mut bytes = self.chunks[older][local(older_start, &self.chunks[older])].to_vec();
        bytes.extend_from_slice(&self.chunks[newer][local(newer_start, &self.chunks[newer])]);
        Cow::Owned(bytes)
    }

    /// Moves the line counter to `offset` over the bytes of both chunks.
    fn count_to(&mut self, offset: u64) {
        for index in [1 - self.newer, self.newer] {
            let (start, chunk) = (self.starts[index], &self.chunks[index]);
            let end = start + chunk.len() as u64;
            if self.cursor >= offset || self.cursor >= end || offset <= start {
                continue;
            }
            let from = (self.cursor.max(start) - start) as usize;
            let to = (offset.min(end) - start) as usize;
            let span = &chunk[from..to];
            if let Some(last) = memchr::memrchr(b'\n', span) {
                self.newlines += memchr::memchr_iter(b'\n', span).count() as u64;
                self.line_start = start + (from + last) as u64 + 1;
            }
            self.cursor = start + to as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_bytes_across_chunks() {
        // Lines of 100 bytes: "aaa…\n".
        let line = [&[b'a'; 99][..], b"\n"].concat();
        let text: Vec<u8> = line.repeat(30_000);
        let mut reader = &text[..];
        let mut recent = Recent::default();
        let mut chunks = 0;
        let mut checked = 0;
        loop {
            let chunk_len = recent.read_next(&mut reader).unwrap().len();
            if chunk_len == 0 {
                break;
            }
            chunks += 1;
            let chunk_start = recent.starts[recent.newer];
            // A position in the previous chunk, then in this one.
            for offset in [chunk_start.saturating_sub(150), chunk_start + 5] {
                if offset < checked {
                    continue;
                }
                let position = recent.position(offset);
                assert_eq!(position.line, offset / 100 + 1, "{offset}");
                assert_eq!(position.column, offset % 100 + 1, "{offset}");
                checked = offset;
            }
            let across = chunk_start.saturating_sub(3)..chunk_start + 3;
            assert_eq!(
                &*recent.bytes(across.clone()),
                &text[across.start as usize..across.end as usize]
            );
        }
        assert_eq!(chunks, 3);
        let end = text.len() as u64 - 1;
        assert_eq!(recent.position(end).line, 30_000);
    }
}
