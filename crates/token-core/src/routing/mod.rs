//! The routing payload: keys, values, building and validation.

mod build;
mod key;
mod payload;

pub use build::{RequiredKeys, RoutingError, RoutingOptions, RoutingValue};
pub use key::RoutingKey;
pub use payload::{Entries, MAX_ROUTING_LEN, RoutingPayload};
