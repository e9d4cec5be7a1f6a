//! How the Cells HTTP router picks a cell for a token, without any lookup.

use crate::{DecodeError, RoutingKey, decode};

/// Where a request goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteDecision {
    /// The payload names a cell (classification `CELL_ID`).
    Cell {
        /// The cell id as written in the token (base36); see [`RouteDecision::cell_number`].
        cell_id: String,
    },
    /// Ask the Topology Service to classify by the most specific key present.
    Topology {
        /// `p`, `g`, `o` or `u`, in that order of preference.
        key: RoutingKey,
        /// The key's value as written in the token.
        value: String,
    },
    /// Not routable, or the checksum failed: the default (legacy) cell.
    Default {
        /// Why the token was not routed.
        reason: DecodeError,
    },
}

impl RouteDecision {
    /// The cell id as a number (base36 decoded), for a [`RouteDecision::Cell`]
    /// whose id is an integer.
    pub fn cell_number(&self) -> Option<u64> {
        match self {
            RouteDecision::Cell { cell_id } => crate::base36::parse_strict(cell_id.as_bytes()),
            _ => None,
        }
    }
}

/// Order of preference of the keys the Topology Service classifies by.
pub const TOPOLOGY_KEYS: [RoutingKey; 4] = [
    RoutingKey::Project,
    RoutingKey::Group,
    RoutingKey::Organization,
    RoutingKey::User,
];

/// Decides where a request carrying `token` goes: the cell of `c` if present,
/// else the Topology Service by the most specific of `p`, `g`, `o`, `u`, else
/// the default cell. Strict decoding: any defect routes to the default cell.
///
/// ```
/// use token_core::auth_finders::{RouteDecision, route};
///
/// let decision = route("glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k");
/// assert_eq!(decision, RouteDecision::Cell { cell_id: "1".into() });
/// ```
pub fn route<T: AsRef<[u8]> + ?Sized>(token: &T) -> RouteDecision {
    let decoded = match decode(token) {
        Ok(decoded) => decoded,
        Err(reason) => return RouteDecision::Default { reason },
    };
    let routing = decoded.routing();
    if let Some(cell_id) = routing.get(RoutingKey::Cell) {
        return RouteDecision::Cell {
            cell_id: cell_id.to_owned(),
        };
    }
    TOPOLOGY_KEYS
        .iter()
        .find_map(|&key| {
            routing.get(key).map(|value| RouteDecision::Topology {
                key,
                value: value.to_owned(),
            })
        })
        .unwrap_or(RouteDecision::Default {
            reason: DecodeError::EmptyRouting,
        })
}
