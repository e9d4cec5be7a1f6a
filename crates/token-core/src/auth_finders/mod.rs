//! The AuthFinders rules as pure functions: locating a request's tokens,
//! classifying a Bearer token, and routing a request to a cell.

mod classify;
mod locate;
mod request;
mod route;

pub use classify::{BearerKind, LengthDetection, PAT_LENGTH_MAX, PAT_LENGTH_MIN, classify_bearer};
pub use locate::{
    CI_JOB_USER, LocateError, Located, MAX_JOB_TOKEN_LEN, TokenSource, basic_credentials,
    bearer_token, deploy_token, feed_token, job_token, locate_oauth_token,
    locate_personal_access_token, oauth_token, personal_access_token, runner_token,
    static_object_token,
};
pub use request::{Request, RequestMaps, RequestParts};
pub use route::{RouteDecision, TOPOLOGY_KEYS, route};
