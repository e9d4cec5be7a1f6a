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

/// The compiled anchors of one scanner.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    /// The prefixes, then `.01.`.
    main: Literals,
    prefix_count: usize,
    /// `Q.` and `A.`, when v0 tokens with unconfigured prefixes are wanted.
    v0: Option<Literals>,
}

impl Prefilter {
    pub fn new(prefixes: &[Box<[u8]>], v0_tails: bool) -> Prefilter {
        let mut patterns: Vec<&[u8]> = prefixes.iter().map(|p| &**p).collect();
        patterns.push(b".01.");
        Prefilter {
            main: Literals::new(&patterns),
            prefix_count: prefixes.len(),
            v0: v0_tails.then(|| Literals::new(&[b"Q.", b"A."])),
        }
    }

    /// The next prefix or v1 tail anchor at or after `from`.
    #[inline]
    pub fn next_main(&self, hay: &[u8], from: usize) -> Option<Anchor> {
        self.main.find(hay, from).map(|(at, pattern)| Anchor {
            at,
            kind: if pattern < self.prefix_count {
                AnchorKind::Prefix
            } else {
                AnchorKind::V1Tail
            },
        })
    }

    /// The next possible v0 payload end at or after `from` (when enabled):
    /// `Q.`, or `A.` after one of `E B R h x`.
    pub fn next_v0(&self, hay: &[u8], mut from: usize) -> Option<Anchor> {
        let searcher = self.v0.as_ref()?;
        loop {
            let (at, _) = searcher.find(hay, from)?;
            let plausible = hay[at] == b'Q'
                || (at > 0 && matches!(hay[at - 1], b'E' | b'B' | b'R' | b'h' | b'x'));
            if plausible {
                return Some(Anchor {
                    at,
                    kind: AnchorKind::V0Tail,
                });
            }
            from = at + 1;
        }
    }

    /// Whether this prefilter looks for v0 payload ends.
    pub fn has_v0(&self) -> bool {
        self.v0.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_anchor_kind() {
        let prefixes: Vec<Box<[u8]>> = vec![b"glpat-".to_vec().into(), b"gldt-".to_vec().into()];
        let prefilter = Prefilter::new(&prefixes, true);
        let hay = b"a gldt-x glpat-y z.01.w fooQ.1 xA.2 EA.3";
        let main: Vec<_> = std::iter::successors(prefilter.next_main(hay, 0), |a| {
            prefilter.next_main(hay, a.at + 1)
        })
        .map(|a| (a.at, a.kind))
        .collect();
        assert_eq!(
            main,
            [
                (2, AnchorKind::Prefix),
                (9, AnchorKind::Prefix),
                (18, AnchorKind::V1Tail)
            ]
        );
        let v0: Vec<_> = std::iter::successors(prefilter.next_v0(hay, 0), |a| {
            prefilter.next_v0(hay, a.at + 1)
        })
        .map(|a| a.at)
        .collect();
        assert_eq!(v0, [27, 32, 37]);
        assert!(Prefilter::new(&prefixes, false).next_v0(hay, 0).is_none());
    }
}
