//! The literal prefilter: one SIMD multi-literal search (Teddy, from the
//! `aho-corasick` crate) finds the few places worth a closer look, so most
//! bytes are never examined one at a time.
//!
//! Anchors are the prefixes themselves (a token starts there), the v1 tail
//! `.01.` (a token with any prefix ends shortly after), and, when tokens with
//! unconfigured prefixes are wanted in v0 too, the only ways a v0 payload can
//! end before its `.`: its last raw byte is 16, so its base64 ends in `Q`,
//! `EA` or `[BRhx]A`.

use aho_corasick::packed::{self, MatchKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input};

/// What an anchor hit says is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AnchorKind {
    /// A configured or default prefix starts at the hit (or an instance
    /// prefix ends there).
    Prefix,
    /// The hit is the `.` of a v1 tail `.01.`.
    V1Tail,
    /// The byte after the hit is the `.` of a v0 tail.
    V0Tail,
    /// A word of 64 lowercase hex digits starts at the hit.
    OAuthHex,
}

/// An anchor found at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub at: usize,
    pub kind: AnchorKind,
}

/// A multi-literal searcher: Teddy when the CPU has it, else an automaton.
#[derive(Debug, Clone)]
enum Literals {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl Literals {
    fn new(patterns: &[&[u8]]) -> Literals {
        let packed = packed::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .builder()
            .extend(patterns)
            .build();
        match packed {
            Some(searcher) => Literals::Packed(searcher),
            None => Literals::Automaton(
                AhoCorasickBuilder::new()
                    .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                    .build(patterns)
                    .expect("a few short literals always compile"),
            ),
        }
    }

    /// Leftmost hit at or after `from`: its position and pattern index.
    #[inline]
    fn find(&self, hay: &[u8], from: usize) -> Option<(usize, usize)> {
        if from >= hay.len() {
            return None;
        }
        match self {
            Literals::Packed(searcher) => searcher
                .find_in(hay, aho_corasick::Span::from(from..hay.len()))
                .map(|m| (m.start(), m.pattern().as_usize())),
            Literals::Automaton(automaton) => automaton
                .find(Input::new(hay).span(from..hay.len()))
                .map(|m| (m.start(), m.pattern().as_usize())),
        }
    }
}

/// Longest literal the prefilter searches for a prefix: Teddy fingerprints at
/// most the first bytes anyway, and the prefix table confirms the rest.
const HEAD_LEN: usize = 4;

/// The compiled anchors of one scanner: a single search for all of them.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    literals: Literals,
    /// What each literal's hit means.
    kinds: Vec<AnchorKind>,
}

impl Prefilter {
    /// Anchors on the first bytes of `prefixes`, on `.01.`, and when
    /// `v0_tails`, on `Q.` and `A.`.
    pub fn new(prefixes: &[Box<[u8]>], v0_tails: bool) -> Prefilter {
        let mut patterns: Vec<&[u8]> = Vec::new();
        let mut kinds = Vec::new();
        let mut add = |pattern: &'static [u8], kind| {
            patterns.push(pattern);
            kinds.push(kind);
        };
        add(b".01.", AnchorKind::V1Tail);
        if v0_tails {
            add(b"Q.", AnchorKind::V0Tail);
            add(b"A.", AnchorKind::V0Tail);
        }
        for prefix in prefixes {
            let head = &prefix[..prefix.len().min(HEAD_LEN)];
            if !patterns.contains(&head) {
                patterns.push(head);
                kinds.push(AnchorKind::Prefix);
            }
        }
        Prefilter {
            literals: Literals::new(&patterns),
            kinds,
        }
    }

    /// The next anchor at or after `from`. A `Q.` or `A.` hit counts only
    /// where a v0 payload can end (`Q`, or `A` after one of `E B R h x`).
    #[inline]
    pub fn next(&self, hay: &[u8], mut from: usize) -> Option<Anchor> {
        loop {
            let (at, pattern) = self.literals.find(hay, from)?;
            let kind = self.kinds[pattern];
            let plausible = kind != AnchorKind::V0Tail
                || hay[at] == b'Q'
                || (at > 0 && matches!(hay[at - 1], b'E' | b'B' | b'R' | b'h' | b'x'));
            if plausible {
                return Some(Anchor { at, kind });
            }
            from = at + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_anchor_kind() {
        let prefixes: Vec<Box<[u8]>> = vec![b"glpat-".to_vec().into(), b"gldt-".to_vec().into()];
        let hay = b"a gldt-x glpat-y z.01.w fooQ.1 xA.2 EA.3 CA.4 glpa";
        let anchors = |prefilter: &Prefilter| -> Vec<(usize, AnchorKind)> {
            std::iter::successors(prefilter.next(hay, 0), |a| prefilter.next(hay, a.at + 1))
                .map(|a| (a.at, a.kind))
                .collect()
        };
        use AnchorKind::{Prefix, V0Tail, V1Tail};
        assert_eq!(
            anchors(&Prefilter::new(&prefixes, true)),
            [
                (2, Prefix),
                (9, Prefix),
                (18, V1Tail),
                (27, V0Tail),
                (32, V0Tail),
                (37, V0Tail),
                (46, Prefix)
            ]
        );
        assert_eq!(
            anchors(&Prefilter::new(&prefixes, false)),
            [(2, Prefix), (9, Prefix), (18, V1Tail), (46, Prefix)]
        );
    }
}
