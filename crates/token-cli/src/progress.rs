//! Progress of long scans on standard error, when it is a terminal.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// Inputs smaller than this finish too fast to need progress.
const MIN_SIZE: u64 = 64 << 20;

/// How often the progress line is redrawn.
const EVERY: Duration = Duration::from_millis(250);

/// A progress line for one input.
#[derive(Debug)]
pub struct Progress {
    name: String,
    total: Option<u64>,
    started: Instant,
    shown: Option<Instant>,
    enabled: bool,
}

impl Progress {
    /// Progress of reading `name`, of `total` bytes if known. Shown only on a
    /// terminal, and only for large or unknown sizes.
    pub fn new(name: String, total: Option<u64>) -> Progress {
        Progress {
            name,
            total,
            started: Instant::now(),
            shown: None,
            enabled: io::stderr().is_terminal() && total.is_none_or(|t| t >= MIN_SIZE),
        }
    }

    /// `done` bytes have been read.
    pub fn update(&mut self, done: u64) {
        if !self.enabled || self.shown.is_some_and(|at| at.elapsed() < EVERY) {
            return;
        }
        if self.shown.is_none() && self.started.elapsed() < EVERY {
            return;
        }
        self.shown = Some(Instant::now());
        let rate = done as f64 / self.started.elapsed().as_secs_f64().max(1e-9) / 1e9;
        let line = match self.total {
            Some(total) => format!(
                "{}: {} of {} ({:.0}%), {rate:.2} GB/s",
                self.name,
                human_size(done),
                human_size(total),
                100.0 * done as f64 / total.max(1) as f64
            ),
            None => format!("{}: {}, {rate:.2} GB/s", self.name, human_size(done)),
        };
        let _ = write!(io::stderr(), "\r\x1b[2K{line}");
    }

    /// Clears the progress line, if one was drawn.
    pub fn finish(&mut self) {
        if self.shown.take().is_some() {
            let _ = write!(io::stderr(), "\r\x1b[2K");
        }
    }
}

/// A byte count for people: `512 B`, `3.2 KiB`, `1.5 GiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::human_size;

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(1023), "1023 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(3 << 30), "3.0 GiB");
    }
}
