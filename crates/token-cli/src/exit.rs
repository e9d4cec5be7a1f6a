//! Errors and exit statuses.

use std::fmt;
use std::io;
use std::process::ExitCode;

/// Exit status: success, nothing found.
pub const OK: u8 = 0;
/// Exit status: a secret was found (scan), or a token was rejected (decode,
/// identify).
pub const FOUND: u8 = 1;
/// Exit status: bad arguments, unreadable input, or an output error.
pub const ERROR: u8 = 2;

/// A failure that ends the command with a message on stderr.
#[derive(Debug)]
pub enum CliError {
    /// The arguments make no sense; the message says why.
    Usage(String),
    /// Reading or writing failed.
    Io {
        /// What was being done (e.g. `cannot read logs/app.log`).
        context: String,
        /// The error.
        source: io::Error,
    },
    /// Standard output was closed by its reader: stop quietly.
    BrokenPipe,
}

impl CliError {
    /// A usage error with this message.
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError::Usage(message.into())
    }

    /// An I/O error while doing `context`.
    pub fn io(context: impl Into<String>, source: io::Error) -> CliError {
        if source.kind() == io::ErrorKind::BrokenPipe {
            return CliError::BrokenPipe;
        }
        CliError::Io {
            context: context.into(),
            source,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(ERROR)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => f.write_str(message),
            CliError::Io { context, source } => write!(f, "{context}: {source}"),
            CliError::BrokenPipe => f.write_str("output closed"),
        }
    }
}

/// Writing to standard output failed.
pub fn stdout_error(source: io::Error) -> CliError {
    CliError::io("cannot write to standard output", source)
}
