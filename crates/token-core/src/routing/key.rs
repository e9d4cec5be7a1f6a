//! The routing keys a token's payload may carry.

use std::fmt;

/// A routing key of the payload: one lowercase letter.
///
/// The derived order is the order keys appear in a rendered payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoutingKey {
    /// `c`: cell id.
    Cell,
    /// `g`: group id (the owner of a group runner).
    Group,
    /// `o`: organization id.
    Organization,
    /// `p`: project id (the owner of a project runner).
    Project,
    /// `t`: runner type (1 instance, 2 group, 3 project).
    RunnerType,
    /// `u`: user id.
    User,
}

impl RoutingKey {
    /// Every key, in payload order.
    pub const ALL: [RoutingKey; 6] = [
        RoutingKey::Cell,
        RoutingKey::Group,
        RoutingKey::Organization,
        RoutingKey::Project,
        RoutingKey::RunnerType,
        RoutingKey::User,
    ];

    /// Keys in the order GitLab's generator lists them in its error messages.
    pub const GITLAB_ORDER: [RoutingKey; 6] = [
        RoutingKey::Cell,
        RoutingKey::Group,
        RoutingKey::Organization,
        RoutingKey::Project,
        RoutingKey::User,
        RoutingKey::RunnerType,
    ];

    /// The key's letter as it appears in the payload (`b'o'`).
    pub const fn as_byte(self) -> u8 {
        match self {
            RoutingKey::Cell => b'c',
            RoutingKey::Group => b'g',
            RoutingKey::Organization => b'o',
            RoutingKey::Project => b'p',
            RoutingKey::RunnerType => b't',
            RoutingKey::User => b'u',
        }
    }

    /// The key's letter as a string (`"o"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            RoutingKey::Cell => "c",
            RoutingKey::Group => "g",
            RoutingKey::Organization => "o",
            RoutingKey::Project => "p",
            RoutingKey::RunnerType => "t",
            RoutingKey::User => "u",
        }
    }

    /// The key for a payload letter, if it is one.
    pub const fn from_byte(byte: u8) -> Option<RoutingKey> {
        match byte {
            b'c' => Some(RoutingKey::Cell),
            b'g' => Some(RoutingKey::Group),
            b'o' => Some(RoutingKey::Organization),
            b'p' => Some(RoutingKey::Project),
            b't' => Some(RoutingKey::RunnerType),
            b'u' => Some(RoutingKey::User),
            _ => None,
        }
    }

    /// The key named by a one-letter string (`"o"`), if it is one.
    pub fn from_name(name: &str) -> Option<RoutingKey> {
        match name.as_bytes() {
            [byte] => RoutingKey::from_byte(*byte),
            _ => None,
        }
    }
}

impl fmt::Display for RoutingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
