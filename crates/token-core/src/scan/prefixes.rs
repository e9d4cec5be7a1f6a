//! The prefixes a scanner looks for, compiled from a [`PrefixConfig`]: which
//! literal anchors the prefilter searches, which prefix starts at an anchor,
//! and which type a prefix names.

use super::boundary::starts_cleanly;
use crate::bytes::is_word;
use crate::{MAX_CONFIGURED_PREFIX_LEN, PrefixConfig, TokenType};

/// A prefix that starts a candidate token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PrefixMatch {
    /// Index of the token's first byte.
    pub start: usize,
    /// Length of the prefix.
    pub len: usize,
    /// The type the prefix names.
    pub token_type: TokenType,
}

impl PrefixMatch {
    /// Index just past the prefix: where the body starts.
    pub fn body_start(&self) -> usize {
        self.start + self.len
    }
}

#[derive(Debug, Clone)]
struct Entry {
    bytes: Box<[u8]>,
    token_type: TokenType,
    /// Where the anchor (a default prefix, or the custom PAT prefix) starts
    /// inside `bytes`: the length of `<instance>-` for instance prefixes.
    anchor_offset: usize,
    /// A default prefix, which may carry an instance prefix nobody configured.
    is_default: bool,
}

/// Every prefix of every type on one instance, longest first.
#[derive(Debug, Clone)]
pub(crate) struct PrefixTable {
    entries: Vec<Entry>,
    anchors: Vec<Box<[u8]>>,
}

impl PrefixTable {
    pub fn new(config: &PrefixConfig) -> PrefixTable {
        let instance = config.instance_prefix().map(|p| format!("{p}-"));
        let mut entries: Vec<Entry> = Vec::new();
        let mut anchors: Vec<Box<[u8]>> = Vec::new();
        for token_type in TokenType::ALL {
            for prefix in config.prefixes_of(token_type) {
                let is_default = token_type.known_prefixes().contains(&prefix.as_str());
                let anchor_offset = match &instance {
                    Some(head)
                        if prefix.starts_with(head.as_str())
                            && token_type.known_prefixes().contains(&&prefix[head.len()..]) =>
                    {
                        head.len()
                    }
                    _ if is_default => 0,
                    // A custom PAT prefix: anchor where it is least common.
                    _ => rare_window(prefix.as_bytes()),
                };
                let anchor: Box<[u8]> = prefix.as_bytes()[anchor_offset..].into();
                if !anchor.is_empty() && !anchors.contains(&anchor) {
                    anchors.push(anchor);
                }
                if !prefix.is_empty() && !entries.iter().any(|e| *e.bytes == *prefix.as_bytes()) {
                    entries.push(Entry {
                        bytes: prefix.into_bytes().into(),
                        token_type,
                        anchor_offset,
                        is_default,
                    });
                }
            }
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.bytes.len()));
        anchors.sort_by_key(|a| std::cmp::Reverse(a.len()));
        PrefixTable { entries, anchors }
    }

    /// The literals the prefilter searches for: the default prefixes and the
    /// custom PAT prefix (instance prefixes are found through the default
    /// prefix they end with).
    pub fn anchors(&self) -> &[Box<[u8]>] {
        &self.anchors
    }

    /// The prefixes that start a token around an anchor hit at `at`, longest
    /// first, into `out`: configured prefixes that start cleanly, and default
    /// prefixes behind an unconfigured `<instance>-` (1 to 20 letters and
    /// digits) that starts cleanly. No match starts before `min_start`.
    pub fn matches_at(&self, hay: &[u8], at: usize, min_start: usize, out: &mut Vec<PrefixMatch>) {
        out.clear();
        for entry in &self.entries {
            let Some(start) = at.checked_sub(entry.anchor_offset) else {
                continue;
            };
            if start < min_start || !hay[start..].starts_with(&entry.bytes) {
                continue;
            }
            if starts_cleanly(hay, start) {
                out.push(PrefixMatch {
                    start,
                    len: entry.bytes.len(),
                    token_type: entry.token_type,
                });
            } else if entry.is_default
                && entry.token_type.takes_instance_prefix()
                && let Some(head) = unconfigured_instance(hay, start, min_start)
            {
                out.push(PrefixMatch {
                    start: head,
                    len: start - head + entry.bytes.len(),
                    token_type: entry.token_type,
                });
            }
        }
        out.sort_by_key(|m| (std::cmp::Reverse(m.len), m.start));
        out.dedup_by_key(|m| (m.start, m.len));
    }

    /// The type a token's prefix names: a configured prefix exactly, else the
    /// longest known prefix it ends with (an unconfigured instance prefix),
    /// else the longest it starts with.
    pub fn type_of(&self, prefix: &[u8]) -> Option<TokenType> {
        let entries = || self.entries.iter();
        entries()
            .find(|e| *e.bytes == *prefix)
            .or_else(|| entries().find(|e| prefix.ends_with(&e.bytes)))
            .or_else(|| entries().find(|e| prefix.starts_with(&e.bytes)))
            .map(|e| e.token_type)
    }
}

/// Where in a custom prefix its rarest pair of bytes starts: the prefilter
/// fingerprints the first bytes of each literal, so `corp.pat/` is searched as
/// `rp.p` rather than as the `co` of every `config` and `const`.
fn rare_window(prefix: &[u8]) -> usize {
    (0..prefix.len().saturating_sub(1))
        .min_by_key(|&i| commonness(prefix[i]) + commonness(prefix[i + 1]))
        .unwrap_or(0)
}

/// How common a byte is in code and logs, roughly (0 rare .. 26 common).
fn commonness(byte: u8) -> u32 {
    const LETTERS: &[u8] = b"zqjxkvbywgpfmucdlhrsnioate";
    match byte {
        b'a'..=b'z' => LETTERS.iter().position(|&b| b == byte).unwrap_or(0) as u32,
        b' ' | b'.' | b'_' | b'-' | b'(' | b')' | b',' | b'"' | b'=' | b'/' | b':' => 24,
        b'0'..=b'9' => 14,
        b'A'..=b'Z' => 8,
        _ => 4,
    }
}

/// Start of `<instance>-` right before `at` (1 to 20 ASCII letters and digits,
/// starting cleanly), if there is one.
fn unconfigured_instance(hay: &[u8], at: usize, min_start: usize) -> Option<usize> {
    if at == 0 || hay[at - 1] != b'-' {
        return None;
    }
    let dash = at - 1;
    let floor = dash
        .saturating_sub(MAX_CONFIGURED_PREFIX_LEN)
        .max(min_start);
    let mut head = dash;
    while head > floor && hay[head - 1].is_ascii_alphanumeric() {
        head -= 1;
    }
    let clean = head == 0 || !is_word(hay[head - 1]);
    (head < dash && clean).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(table: &PrefixTable, hay: &[u8], at: usize) -> Vec<(usize, usize, TokenType)> {
        let mut out = Vec::new();
        table.matches_at(hay, at, 0, &mut out);
        out.iter().map(|m| (m.start, m.len, m.token_type)).collect()
    }

    #[test]
    fn default_table() {
        let table = PrefixTable::new(&PrefixConfig::default());
        assert!(table.anchors().iter().any(|a| &**a == b"glpat-"));
        assert!(table.anchors().iter().any(|a| &**a == b"_gitlab_session="));
        let pat = TokenType::PersonalAccessToken;
        let runner = TokenType::RunnerAuthenticationToken;
        assert_eq!(starts(&table, b" glpat-x", 1), [(1, 6, pat)]);
        assert_eq!(starts(&table, b"xglpat-x", 1), []);
        assert_eq!(
            starts(&table, b"glrt-t2_abc", 0),
            [(0, 8, runner), (0, 5, runner)]
        );
        assert_eq!(starts(&table, b"(acme-glpat-x", 6), [(1, 11, pat)]);
        assert_eq!(starts(&table, b"_acme-glpat-x", 6), []);
        assert_eq!(starts(&table, b"x-glpat-x", 2), [(0, 8, pat)]);
        assert_eq!(starts(&table, b"-glpat-x", 1), []);
        let long = b"abcdefghijklmnopqrstu-glpat-";
        assert_eq!(
            starts(&table, long, 22),
            [],
            "instance prefixes have at most 20 bytes"
        );
        assert_eq!(table.type_of(b"glrtr-"), Some(runner));
        assert_eq!(table.type_of(b"acme-glpat-"), Some(pat));
        assert_eq!(table.type_of(b"glpat-foo-"), Some(pat));
        assert_eq!(table.type_of(b"prefix-"), None);
        assert_eq!(table.type_of(b""), None);
    }

    #[test]
    fn configured_table() {
        let config = PrefixConfig::default()
            .with_instance_prefix("acme")
            .unwrap()
            .with_custom_pat_prefix("my.pat:")
            .unwrap();
        let table = PrefixTable::new(&config);
        assert!(table.anchors().iter().any(|a| &**a == b"my.pat:"));
        assert!(!table.anchors().iter().any(|a| a.starts_with(b"acme")));
        let pat = TokenType::PersonalAccessToken;
        assert_eq!(
            starts(&table, b"=acme-gldt-x", 6),
            [(1, 10, TokenType::DeployToken)]
        );
        assert_eq!(starts(&table, b" my.pat:x", 1), [(1, 7, pat)]);
        let corp = PrefixConfig::default()
            .with_custom_pat_prefix("corp.pat/")
            .unwrap();
        let corp = PrefixTable::new(&corp);
        assert!(corp.anchors().iter().any(|a| &**a == b"rp.pat/"));
        assert_eq!(starts(&corp, b"=corp.pat/x", 3), [(1, 9, pat)]);
        assert_eq!(starts(&corp, b"corp.pat/x", 2), [(0, 9, pat)]);
        assert_eq!(starts(&corp, b"corp.pat/x", 0), []);
        assert_eq!(rare_window(b"myPAT_"), 1);
        assert_eq!(rare_window(b"x"), 0);
        assert_eq!(table.type_of(b"acme-glpat-"), Some(pat));
        assert_eq!(table.type_of(b"my.pat:"), Some(pat));
        assert_eq!(
            table.type_of(b"acme-glrtr-"),
            Some(TokenType::RunnerAuthenticationToken)
        );
    }
}
