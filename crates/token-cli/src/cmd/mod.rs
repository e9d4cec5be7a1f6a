//! One module per subcommand; each returns its exit status.

pub mod corpus;
pub mod decode;
pub mod encode;
pub mod generate;
pub mod identify;
pub mod redact;
pub mod route;
pub mod scan;

use std::io::{self, BufWriter, Stdout, Write};

use serde_json::Value;

use crate::exit::{CliError, stdout_error};

/// Standard output, as text lines or JSON Lines.
pub struct Out {
    writer: BufWriter<Stdout>,
    /// Whether `--json` was given.
    pub json: bool,
}

impl Out {
    /// Buffered standard output.
    pub fn new(json: bool) -> Out {
        Out {
            writer: BufWriter::with_capacity(64 * 1024, io::stdout()),
            json,
        }
    }

    /// Writes one line of text.
    pub fn line(&mut self, text: &str) -> Result<(), CliError> {
        writeln!(self.writer, "{text}").map_err(stdout_error)
    }

    /// Writes one JSON object on its own line.
    pub fn json(&mut self, value: &Value) -> Result<(), CliError> {
        serde_json::to_writer(&mut self.writer, value)
            .map_err(io::Error::from)
            .and_then(|()| self.writer.write_all(b"\n"))
            .map_err(stdout_error)
    }

    /// Flushes what is buffered.
    pub fn flush(&mut self) -> Result<(), CliError> {
        self.writer.flush().map_err(stdout_error)
    }
}
