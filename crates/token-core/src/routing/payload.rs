//! A validated routing payload: the `k:v` lines inside a routable token.

use std::fmt;

use super::RoutingKey;
use crate::DecodeError;

/// Largest routing payload, in bytes, that GitLab generates and this library accepts.
pub const MAX_ROUTING_LEN: usize = 159;

/// A routing payload that satisfies the grammar: non-empty `k:v` lines joined by
/// `\n`, keys known and strictly ascending, values non-empty UTF-8 without `\n`
/// or `:`, at most [`MAX_ROUTING_LEN`] bytes.
///
/// It is stored inline (no heap allocation), so decoding a token allocates nothing.
/// The payload is not secret: it travels unencrypted in every token.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RoutingPayload {
    len: u8,
    bytes: [u8; MAX_ROUTING_LEN],
}

impl RoutingPayload {
    /// Validates rendered payload text, as found inside a token.
    ///
    /// # Errors
    /// The [`DecodeError`] that names the first defect: empty, too large, a line
    /// that is not `k:v`, an unknown, duplicate or out-of-order key.
    pub fn parse(text: &[u8]) -> Result<RoutingPayload, DecodeError> {
        if text.is_empty() {
            return Err(DecodeError::EmptyRouting);
        }
        if text.len() > MAX_ROUTING_LEN {
            return Err(DecodeError::RoutingTooLarge);
        }
        if std::str::from_utf8(text).is_err() {
            return Err(DecodeError::MalformedRouting);
        }
        let mut previous: Option<RoutingKey> = None;
        for line in text.split(|&b| b == b'\n') {
            let key = match line {
                [key, b':', value @ ..] if !value.is_empty() && !value.contains(&b':') => {
                    RoutingKey::from_byte(*key).ok_or(DecodeError::UnknownRoutingKey)?
                }
                _ => return Err(DecodeError::MalformedRouting),
            };
            match previous {
                Some(p) if p == key => return Err(DecodeError::DuplicateRoutingKey),
                Some(p) if p > key => return Err(DecodeError::UnsortedRoutingKeys),
                _ => previous = Some(key),
            }
        }
        Ok(RoutingPayload::from_valid(text))
    }

    /// Wraps text already known to satisfy the grammar.
    pub(crate) fn from_valid(text: &[u8]) -> RoutingPayload {
        let mut bytes = [0u8; MAX_ROUTING_LEN];
        bytes[..text.len()].copy_from_slice(text);
        RoutingPayload {
            len: text.len() as u8,
            bytes,
        }
    }

    /// The rendered payload bytes, e.g. `c:2s\no:1`.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The rendered payload as text (always valid UTF-8).
    pub fn as_str(&self) -> &str {
        // Both constructors only store UTF-8: `parse` checks it and the builder renders from `&str`.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// Length of the rendered payload in bytes (1..=159).
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Always false: a valid payload has at least one entry. Present for API symmetry.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entries in payload order, values exactly as in the token (base36 text
    /// for integers).
    pub fn entries(&self) -> Entries<'_> {
        Entries {
            rest: self.as_str(),
        }
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: RoutingKey) -> Option<&str> {
        self.entries().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

impl fmt::Debug for RoutingPayload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries().map(|(k, v)| (k.as_str(), v)))
            .finish()
    }
}

impl fmt::Display for RoutingPayload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Iterator over the `(key, value)` entries of a [`RoutingPayload`].
#[derive(Debug, Clone)]
pub struct Entries<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Entries<'a> {
    type Item = (RoutingKey, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        while !self.rest.is_empty() {
            let (line, rest) = self.rest.split_once('\n').unwrap_or((self.rest, ""));
            self.rest = rest;
            let key = line.bytes().next().and_then(RoutingKey::from_byte);
            if let (Some(key), Some(value)) = (key, line.get(2..)) {
                return Some((key, value));
            }
        }
        None
    }
}
