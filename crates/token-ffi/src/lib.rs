//! The C ABI of token_codec: every operation of [`token_core`] a non-Ruby
//! runtime needs (encoding, decoding, identification, routing, leak scanning
//! and redaction), behind plain C functions declared in
//! `include/token_codec.h`.
//!
//! This crate holds no codec logic. Each function checks and converts its C
//! arguments, calls `token_core`, and reports the outcome as a [`tc_result`].
//!
//! # Contract (details in the crate's README)
//! - Every symbol starts with `tc_` (types `tc_*`, constants `TC_*`).
//! - Every function returns a [`tc_result`] (`TC_RESULT_OK` is 0); codes are
//!   stable and never reused. [`tc_result_message`] and [`tc_result_name`] give
//!   static text for any code.
//! - Inputs are length-delimited (`const char *ptr, size_t len`): no reliance
//!   on NUL termination. A NULL pointer is accepted only with length 0.
//! - Outputs go to caller-owned memory. Text and byte outputs take a capacity
//!   and report their length through `size_t *out_len`; a short buffer gives
//!   `TC_RESULT_BUFFER_TOO_SMALL` with the length needed. Nothing else is
//!   written on failure, except that [`tc_scan`] still fills a short findings
//!   array with the first findings.
//! - Owned objects ([`tc_config`], [`tc_scanner`], [`tc_redactor`]) are made by
//!   their `_new` function and released by their `_free` function. Configs and
//!   scanners are immutable and shareable across threads; a redactor holds one
//!   stream's state and is used by one thread at a time.
//! - No global or thread-local state: every function may be called from any
//!   number of threads at once, and after `fork`.
//! - A panic never crosses the boundary: it becomes `TC_RESULT_PANIC`.
#![deny(unsafe_op_in_unsafe_fn)]
// C naming (`tc_result`, `TC_RESULT_OK`) is the point of this crate.
#![allow(non_camel_case_types)]

#[macro_use]
mod static_text;

mod auth;
mod boundary;
mod config;
mod decode;
mod encode;
mod finding;
mod format;
mod identify;
mod legacy;
mod limits;
mod redact;
mod redactor;
mod result;
mod route;
mod routing;
mod scanner;
mod token_type;
mod version;

pub use auth::*;
pub use config::*;
pub use decode::*;
pub use encode::*;
pub use finding::*;
pub use format::*;
pub use identify::*;
pub use legacy::*;
pub use limits::*;
pub use redact::*;
pub use redactor::*;
pub use result::*;
pub use route::*;
pub use routing::*;
pub use scanner::*;
pub use token_type::*;
pub use version::*;
