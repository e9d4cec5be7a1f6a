//! Identification: which type a token is, routable or legacy, and whether its
//! checksum holds.

use std::borrow::Cow;

use crate::bytes::{is_base36, is_word};
use crate::decode::tail_layout;
use crate::limits::{V0_TAIL_LEN, V1_TAIL_LEN, raw_len_of_b64};
use crate::{Format, PrefixConfig, TokenType};

/// Whether a token is routable (and in which layout) or legacy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A routable token of the given layout.
    Routable(Format),
    /// A legacy body with no routing payload.
    Legacy,
}

/// The state of a token's checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Checksum {
    /// A routable token whose checksum, version and length fields hold.
    Valid,
    /// A routable-looking token whose checksum or fields do not hold.
    Invalid,
    /// A legacy token: there is no checksum.
    NotApplicable,
}

/// What [`identify`] found out about a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Identification {
    /// The token's type, from its prefix (and body, for unprefixed types).
    pub token_type: TokenType,
    /// Routable or legacy.
    pub kind: TokenKind,
    /// Checksum status.
    pub checksum: Checksum,
    /// Length of the prefix in bytes.
    pub prefix_len: usize,
}

/// A prefix table compiled from a [`PrefixConfig`], longest prefixes first, for
/// identifying many tokens cheaply.
#[derive(Debug, Clone)]
pub struct Identifier {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    head: u32,
    mask: u32,
    prefix: Cow<'static, [u8]>,
    token_type: TokenType,
}

impl Entry {
    const fn of(prefix: &'static str, token_type: TokenType) -> Entry {
        let (head, mask) = head_of(prefix.as_bytes());
        Entry {
            head,
            mask,
            prefix: Cow::Borrowed(prefix.as_bytes()),
            token_type,
        }
    }

    fn owned(prefix: String, token_type: TokenType) -> Entry {
        let (head, mask) = head_of(prefix.as_bytes());
        Entry {
            head,
            mask,
            prefix: Cow::Owned(prefix.into_bytes()),
            token_type,
        }
    }
}

/// The first four bytes of a prefix as a little-endian word, and the mask of
/// the bytes present: one comparison rejects most prefixes.
const fn head_of(bytes: &[u8]) -> (u32, u32) {
    let mut head = 0u32;
    let mut mask = 0u32;
    let mut i = 0;
    while i < 4 && i < bytes.len() {
        head |= (bytes[i] as u32) << (8 * i);
        mask |= 0xff << (8 * i);
        i += 1;
    }
    (head, mask)
}

/// The default prefixes. A prefix precedes every shorter prefix of itself
/// (`glrt-t1_` before `glrt-`), so the longest match wins; `glpat-`, which
/// nests with no other, comes first because it is the most common.
const DEFAULT_ENTRIES: [Entry; 18] = [
    Entry::of("glpat-", TokenType::PersonalAccessToken),
    Entry::of("_gitlab_session=", TokenType::SessionCookie),
    Entry::of("GR1348941", TokenType::RunnerRegistrationToken),
    Entry::of("glrt-t1_", TokenType::RunnerAuthenticationToken),
    Entry::of("glrt-t2_", TokenType::RunnerAuthenticationToken),
    Entry::of("glrt-t3_", TokenType::RunnerAuthenticationToken),
    Entry::of("glagent-", TokenType::ClusterAgentToken),
    Entry::of("glffct-", TokenType::FeatureFlagsClientToken),
    Entry::of("glsoat-", TokenType::ScimOAuthToken),
    Entry::of("glimt-", TokenType::IncomingEmailToken),
    Entry::of("glrtr-", TokenType::RunnerAuthenticationToken),
    Entry::of("glcbt-", TokenType::CiJobToken),
    Entry::of("glptt-", TokenType::CiTriggerToken),
    Entry::of("gloas-", TokenType::OAuthApplicationSecret),
    Entry::of("gldt-", TokenType::DeployToken),
    Entry::of("glft-", TokenType::FeedToken),
    Entry::of("glrt-", TokenType::RunnerAuthenticationToken),
    Entry::of("glwt-", TokenType::WorkspaceToken),
];

impl Default for Identifier {
    fn default() -> Identifier {
        Identifier {
            entries: DEFAULT_ENTRIES.to_vec(),
        }
    }
}

impl Identifier {
    /// Compiles the prefixes of every type on an instance configured with `config`.
    pub fn new(config: &PrefixConfig) -> Identifier {
        let mut entries: Vec<Entry> = TokenType::ALL
            .iter()
            .flat_map(|&t| config.prefixes_of(t).into_iter().map(move |p| (p, t)))
            .filter(|(p, _)| !p.is_empty())
            .map(
                |(p, t)| match DEFAULT_ENTRIES.iter().find(|e| *e.prefix == *p.as_bytes()) {
                    Some(entry) => entry.clone(),
                    None => Entry::owned(p, t),
                },
            )
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.prefix.len()));
        entries.dedup_by(|a, b| a.prefix == b.prefix);
        Identifier { entries }
    }

    /// Identifies `token`: the longest matching prefix whose body is routable
    /// (checksum valid or not) or a legacy body of that type wins. Unprefixed
    /// OAuth access tokens (64 hex) are recognized by their body. `None` when
    /// nothing matches.
    pub fn identify<T: AsRef<[u8]> + ?Sized>(&self, token: &T) -> Option<Identification> {
        identify_in(self.entries.iter(), token.as_ref())
    }

    /// The prefixes this identifier knows, longest first, with their types.
    pub fn prefixes(&self) -> impl Iterator<Item = (&[u8], TokenType)> + '_ {
        self.entries.iter().map(|e| (&*e.prefix, e.token_type))
    }
}

/// Identifies `token` with GitLab's default prefixes (no instance or custom
/// PAT prefix). See [`Identifier::identify`]; allocation-free.
///
/// ```
/// use token_core::{Checksum, Format, TokenKind, TokenType};
///
/// let id = token_core::identify("glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij").unwrap();
/// assert_eq!(id.token_type, TokenType::PersonalAccessToken);
/// assert_eq!(id.kind, TokenKind::Routable(Format::V1));
/// assert_eq!(id.checksum, Checksum::Valid);
/// assert_eq!(token_core::identify("glpat-ts8y8Mk2gxi-xvXVsxfN").unwrap().kind, TokenKind::Legacy);
/// ```
pub fn identify<T: AsRef<[u8]> + ?Sized>(token: &T) -> Option<Identification> {
    identify_in(DEFAULT_ENTRIES.iter(), token.as_ref())
}

fn identify_in<'e>(
    entries: impl Iterator<Item = &'e Entry>,
    token: &[u8],
) -> Option<Identification> {
    let mut head_bytes = [0u8; 4];
    let take = token.len().min(4);
    head_bytes[..take].copy_from_slice(&token[..take]);
    let head = u32::from_le_bytes(head_bytes);
    for entry in entries {
        if head & entry.mask != entry.head || !token.starts_with(&entry.prefix) {
            continue;
        }
        if let Some(found) = classify_body(token, entry.prefix.len(), entry.token_type) {
            return Some(found);
        }
    }
    TokenType::OAuthAccessToken
        .legacy_body()
        .matches(token)
        .then_some(Identification {
            token_type: TokenType::OAuthAccessToken,
            kind: TokenKind::Legacy,
            checksum: Checksum::NotApplicable,
            prefix_len: 0,
        })
}

fn classify_body(token: &[u8], prefix_len: usize, token_type: TokenType) -> Option<Identification> {
    let routable = |format, checksum| Identification {
        token_type,
        kind: TokenKind::Routable(format),
        checksum,
        prefix_len,
    };
    // The common case first: a routable token whose checksum and fields hold
    // (the checksum covers the payload, so it is not scanned again here).
    // The prefix came from the table, so only the tail needs checking.
    if let Ok(layout) = tail_layout(token)
        && layout.prefix_len == prefix_len
    {
        return Some(routable(layout.format, Checksum::Valid));
    }
    if let Some(format) = routable_shape(token, prefix_len) {
        return Some(routable(format, Checksum::Invalid));
    }
    token_type
        .legacy_body()
        .matches(&token[prefix_len..])
        .then_some(Identification {
            token_type,
            kind: TokenKind::Legacy,
            checksum: Checksum::NotApplicable,
            prefix_len,
        })
}

/// Whether the token after `prefix_len` looks routable, whatever its checksum:
/// base64url payload whose length the length field states, then the tail with
/// lowercase base36 fields.
pub(crate) fn routable_shape(token: &[u8], prefix_len: usize) -> Option<Format> {
    let n = token.len();
    if n < prefix_len + V0_TAIL_LEN || token[n - V0_TAIL_LEN] != b'.' {
        return None;
    }
    if !token[n - 9..].iter().all(|&b| is_base36(b)) {
        return None;
    }
    let is_v1 = n >= prefix_len + V1_TAIL_LEN
        && token[n - V1_TAIL_LEN] == b'.'
        && token[n - 12..n - 10].iter().all(|&b| is_base36(b));
    let (format, separator) = if is_v1 {
        (Format::V1, n - V1_TAIL_LEN)
    } else {
        (Format::V0, n - V0_TAIL_LEN)
    };
    let payload = &token[prefix_len..separator];
    let stated = crate::base36::parse_strict(&token[n - 9..n - 7])?;
    let fits = payload.len() as u64 == stated && raw_len_of_b64(payload.len()).is_some();
    let alphabet = payload.iter().all(|&b| is_word(b));
    (fits && alphabet).then_some(format)
}

#[cfg(test)]
mod tests {
    use super::DEFAULT_ENTRIES;

    #[test]
    fn every_default_prefix_precedes_its_shorter_prefixes() {
        for (i, earlier) in DEFAULT_ENTRIES.iter().enumerate() {
            for later in &DEFAULT_ENTRIES[i + 1..] {
                assert!(
                    !later.prefix.starts_with(&earlier.prefix),
                    "{:?} must come before {:?}",
                    String::from_utf8_lossy(&later.prefix),
                    String::from_utf8_lossy(&earlier.prefix)
                );
            }
        }
    }
}
