//! Hostile input through every token-core entry point (decode, verify, lax
//! decode, identify with default and configured prefixes, Bearer
//! classification, routing, the request finders): empty, 1 MB and 64 MB,
//! NUL bytes, invalid UTF-8, every prefix with a truncated body, length fields
//! pointing past the end, maximal payloads, thousands of dots. Each case gets
//! its specific error, no panic, and no allocation on the strict paths (see
//! [`answers::answers`]). Time is bounded by the test finishing: every entry
//! point is linear in its input or rejects oversized input up front.

mod alloc_count;
mod answers;
#[path = "../common/mod.rs"]
mod common;
mod dots;
mod empty_and_huge;
mod length_fields;
mod locate;
mod maximal;
mod nul_and_utf8;
mod truncated;

#[global_allocator]
static ALLOCATOR: alloc_count::Counting = alloc_count::Counting;

/// A valid v1 PAT from the vectors.
pub const PAT_V1: &str = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij";
/// A valid v0 PAT from the vectors.
pub const PAT_V0: &str = "glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o";

/// `token` without its checksum, changed by `edit`, then sealed with a fresh
/// checksum: only the edit can be wrong.
pub fn resealed(token: &[u8], edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut body = token[..token.len() - 7].to_vec();
    edit(&mut body);
    common::seal(&body)
}
