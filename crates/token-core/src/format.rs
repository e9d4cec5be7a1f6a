//! The two routable token layouts.

use std::fmt;
use std::str::FromStr;

/// Layout of a routable token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// The first routable PATs: `prefix b64 "." len crc`, raw = routing ‖ random ‖ 16.
    V0,
    /// Current GitLab: `prefix b64 ".01." len crc`, raw = random ‖ routing ‖ |routing|.
    #[default]
    V1,
}

impl Format {
    /// `"v0"` or `"v1"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::V0 => "v0",
            Format::V1 => "v1",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Format`] name other than `v0` or `v1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownFormat;

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown token format: expected v0 or v1")
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Format, UnknownFormat> {
        match name {
            "v0" => Ok(Format::V0),
            "v1" => Ok(Format::V1),
            _ => Err(UnknownFormat),
        }
    }
}
