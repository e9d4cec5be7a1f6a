//! `tc_format`: the two routable token layouts.

use token_core::Format;

use crate::result::{TC_RESULT_UNKNOWN_ENUM_VALUE, tc_result};

/// Layout of a routable token: `TC_FORMAT_V0` or `TC_FORMAT_V1`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct tc_format(pub u32);

/// The first routable PATs: `prefix payload "." len crc`.
pub const TC_FORMAT_V0: tc_format = tc_format(0);
/// Current GitLab: `prefix payload ".01." len crc`.
pub const TC_FORMAT_V1: tc_format = tc_format(1);

impl tc_format {
    /// The token-core format, or `TC_RESULT_UNKNOWN_ENUM_VALUE`.
    pub(crate) fn to_core(self) -> Result<Format, tc_result> {
        match self {
            TC_FORMAT_V0 => Ok(Format::V0),
            TC_FORMAT_V1 => Ok(Format::V1),
            _ => Err(TC_RESULT_UNKNOWN_ENUM_VALUE),
        }
    }

    /// The C value of a token-core format.
    pub(crate) fn of(format: Format) -> tc_format {
        match format {
            Format::V0 => TC_FORMAT_V0,
            Format::V1 => TC_FORMAT_V1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_unknown_values() {
        for format in [Format::V0, Format::V1] {
            assert_eq!(tc_format::of(format).to_core(), Ok(format));
        }
        assert_eq!(tc_format(2).to_core(), Err(TC_RESULT_UNKNOWN_ENUM_VALUE));
    }
}
