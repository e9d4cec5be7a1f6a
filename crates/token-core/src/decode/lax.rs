//! GitLab-compatible lax decoding: what GitLab's own decoder returns.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::limits::{MAX_DECODE_INPUT_LEN, RANDOM_LEN, V0_TAIL_LEN, V1_TAIL_LEN};
use crate::{Format, base36};

/// A token as GitLab's decoder sees it: routing keys as given, values converted
/// with Ruby's lenient `to_i(36)`.
#[derive(Clone, PartialEq, Eq)]
pub struct LaxToken<'a> {
    /// The prefix bytes (everything before the payload).
    pub prefix: &'a [u8],
    /// The layout detected from the tail.
    pub format: Format,
    /// Routing entries in payload order; a repeated key keeps its last value.
    pub routing: Vec<(String, u64)>,
    /// The random bytes (the secret part), of whatever count the payload says.
    pub random: Vec<u8>,
}

impl fmt::Debug for LaxToken<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LaxToken")
            .field("prefix", &String::from_utf8_lossy(self.prefix))
            .field("format", &self.format)
            .field("routing", &self.routing)
            .field("random", &"[REDACTED]")
            .finish()
    }
}

/// Decodes the way GitLab's Ruby decoder does, returning `None` on any failure
/// as it returns `nil`. Compared with [`crate::decode`] it:
/// - checks the CRC but not the version value, nor the length byte (v1);
/// - reads the length field and routing values with lenient base36 (`to_i(36)`);
/// - accepts both base64 alphabets and `=` padding (Ruby's `urlsafe_decode64`);
/// - accepts any routing key, an empty routing payload and any prefix.
///
/// Use it to answer "would GitLab accept this?"; use [`crate::decode`] otherwise.
pub fn decode_lax<T: AsRef<[u8]> + ?Sized>(token: &T) -> Option<LaxToken<'_>> {
    let token = token.as_ref();
    let n = token.len();
    if !(V0_TAIL_LEN..=MAX_DECODE_INPUT_LEN).contains(&n) {
        return None;
    }
    let crc = base36::parse_strict(&token[n - 7..])?;
    if crc != u64::from(crc32fast::hash(&token[..n - 7])) {
        return None;
    }
    let (format, separator) = if n >= V1_TAIL_LEN && token[n - V1_TAIL_LEN] == b'.' {
        (Format::V1, n - V1_TAIL_LEN)
    } else {
        (Format::V0, n - V0_TAIL_LEN)
    };
    if token[n - V0_TAIL_LEN] != b'.' {
        return None;
    }
    let payload_len = usize::try_from(base36::parse_lenient(&token[n - 9..n - 7])).ok()?;
    let prefix_len = separator.checked_sub(payload_len)?;
    let raw = ruby_urlsafe_decode64(&token[prefix_len..separator])?;
    let (routing, random) = match format {
        Format::V1 if raw.len() > RANDOM_LEN => {
            (&raw[RANDOM_LEN..raw.len() - 1], &raw[..RANDOM_LEN])
        }
        Format::V1 => return None,
        Format::V0 => {
            let (&count, body) = raw.split_last()?;
            let split = body.len().checked_sub(usize::from(count))?;
            (&body[..split], &body[split..])
        }
    };
    Some(LaxToken {
        prefix: &token[..prefix_len],
        format,
        routing: ruby_routing_hash(routing)?,
        random: random.to_vec(),
    })
}

/// Ruby's `Base64.urlsafe_decode64`: map `-_` to `+/`, pad to a multiple of 4
/// unless already padded, then decode strictly.
fn ruby_urlsafe_decode64(text: &[u8]) -> Option<Vec<u8>> {
    let mut standard: Vec<u8> = text
        .iter()
        .map(|&b| match b {
            b'-' => b'+',
            b'_' => b'/',
            other => other,
        })
        .collect();
    if !standard.ends_with(b"=") {
        while !standard.len().is_multiple_of(4) {
            standard.push(b'=');
        }
    }
    STANDARD.decode(&standard).ok()
}

/// `payload.split("\n").to_h { |line| k, v = line.split(":"); [k.to_sym, v.to_i(36)] }`,
/// failing (like `to_h`) on a line that does not split into exactly two parts.
fn ruby_routing_hash(routing: &[u8]) -> Option<Vec<(String, u64)>> {
    let text = std::str::from_utf8(routing).ok()?;
    let mut entries: Vec<(String, u64)> = Vec::new();
    let mut lines: Vec<&str> = text.split('\n').collect();
    while lines.last() == Some(&"") {
        lines.pop();
    }
    for line in lines {
        let mut parts: Vec<&str> = line.split(':').collect();
        while parts.last() == Some(&"") {
            parts.pop();
        }
        let [key, value] = parts[..] else {
            return None;
        };
        let value = base36::parse_lenient(value.as_bytes());
        match entries.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value,
            None => entries.push((key.to_owned(), value)),
        }
    }
    Some(entries)
}
