//! Reproducible test corpora for token scanners: code-like text (source,
//! configuration, shell and log lines, and one line in 200 a near-miss such
//! as `glob`, `.01.` in versions or a hex digest) with GitLab tokens planted
//! at random:
//! valid routable tokens of both formats, look-alikes with a bad checksum and
//! legacy tokens, of every prefixed type, under every prefix of a
//! [`PrefixConfig`]. The same [`Spec`] always gives the same bytes.
//!
//! Each planted token comes with the [`Finding`] a correct scanner reports.
//!
//! ```
//! use token_corpus::{Spec, generate};
//! use token_core::scan::{ScanOptions, Scanner};
//!
//! let spec = Spec { size: 256 * 1024, seed: 7, ..Spec::default() };
//! let corpus = generate(&spec);
//! assert_eq!(corpus.text.len(), spec.size);
//! let scanner = Scanner::new(&spec.config, ScanOptions::default());
//! assert_eq!(scanner.scan(&corpus.text).collect::<Vec<_>>(), corpus.planted);
//! ```

mod filler;
mod plant;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
pub use token_core::scan::Finding;
use token_core::{Checksum, PrefixConfig};

/// What corpus to make.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Exact size in bytes.
    pub size: usize,
    /// Seed of every random choice.
    pub seed: u64,
    /// Average number of planted tokens per MiB (about 3 in 4 routable, 1
    /// in 4 of those with a bad checksum; the rest legacy).
    pub tokens_per_mib: u32,
    /// The instance's prefixes: planted tokens use all of them.
    pub config: PrefixConfig,
}

impl Default for Spec {
    /// 1 MiB, seed 1, 30 tokens per MiB (sparse: about 3,000 in 100 MiB, as
    /// in the detection baselines), GitLab's default prefixes.
    fn default() -> Spec {
        Spec {
            size: 1 << 20,
            seed: 1,
            tokens_per_mib: 30,
            config: PrefixConfig::default(),
        }
    }
}

/// A corpus and what is planted in it, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    /// The bytes.
    pub text: Vec<u8>,
    /// The finding of each planted token.
    pub planted: Vec<Finding>,
}

impl Corpus {
    /// Planted tokens whose checksum holds, or legacy ones (what a CI gate
    /// must stop).
    pub fn secrets(&self) -> usize {
        self.planted.iter().filter(|f| f.is_secret()).count()
    }

    /// Planted look-alikes with a bad checksum.
    pub fn look_alikes(&self) -> usize {
        self.planted
            .iter()
            .filter(|f| f.checksum == Checksum::Invalid)
            .count()
    }
}

/// Makes the corpus of `spec` in memory.
pub fn generate(spec: &Spec) -> Corpus {
    let mut generator = Generator::new(spec.clone());
    let mut corpus = Corpus {
        text: Vec::with_capacity(spec.size),
        planted: Vec::new(),
    };
    while generator.next_chunk(&mut corpus.text, &mut corpus.planted) {}
    corpus
}

/// Distinct filler lines drawn before generating; the corpus picks among them.
const LINE_POOL: usize = 16_384;

/// Bytes [`Generator::next_chunk`] adds per call (about).
const CHUNK: usize = 1 << 20;

/// Makes a corpus piece by piece, for sizes that should not sit in memory.
#[derive(Debug)]
pub struct Generator {
    spec: Spec,
    rng: StdRng,
    lines: Vec<Vec<u8>>,
    written: usize,
    next_token_at: usize,
}

impl Generator {
    /// A generator of the corpus of `spec`.
    pub fn new(spec: Spec) -> Generator {
        let mut rng = StdRng::seed_from_u64(spec.seed);
        let lines = (0..LINE_POOL)
            .map(|_| {
                let mut line = Vec::new();
                filler::push_line(&mut rng, &mut line);
                line
            })
            .collect();
        let mut generator = Generator {
            spec,
            rng,
            lines,
            written: 0,
            next_token_at: 0,
        };
        generator.next_token_at = generator.gap();
        generator
    }

    /// Bytes until the next token: uniform around the mean gap.
    fn gap(&mut self) -> usize {
        let mean = (1usize << 20) / self.spec.tokens_per_mib.max(1) as usize;
        self.rng.random_range(mean / 2..mean * 3 / 2)
    }

    /// Appends the next piece to `text` (about 1 MiB) and the findings of its
    /// planted tokens, with offsets from the corpus start, to `planted`.
    /// Returns `false` once the corpus is complete (nothing appended).
    pub fn next_chunk(&mut self, text: &mut Vec<u8>, planted: &mut Vec<Finding>) -> bool {
        let start = text.len();
        let stop = self.spec.size.min(self.written + CHUNK);
        let mut line = Vec::with_capacity(512);
        while self.written < stop {
            line.clear();
            let mut finding = None;
            if self.spec.tokens_per_mib > 0 && self.written >= self.next_token_at {
                let (token, found) = plant::make_token(&mut self.rng, &self.spec.config);
                let at = plant::push_line(&mut self.rng, &token, &mut line);
                finding = Some(Finding {
                    offset: (self.written + at) as u64,
                    ..found
                });
                self.next_token_at = self.written + self.gap();
            } else {
                let pick = self.rng.random_range(0..self.lines.len());
                line.extend_from_slice(&self.lines[pick]);
            }
            if self.written + line.len() > self.spec.size {
                // The last bytes: blank padding, so no token is cut.
                let rest = self.spec.size - self.written;
                text.extend(std::iter::repeat_n(b' ', rest.saturating_sub(1)));
                text.extend(std::iter::repeat_n(b'\n', rest.min(1)));
                self.written = self.spec.size;
                break;
            }
            text.extend_from_slice(&line);
            self.written += line.len();
            planted.extend(finding);
        }
        text.len() > start
    }
}
