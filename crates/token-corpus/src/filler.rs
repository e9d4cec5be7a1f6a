//! Code-like filler: source code, configuration, shell and log lines, with
//! the near-misses a token scanner meets (`glob`, `gl.` calls, `.01.` in
//! dates and versions, hex digests, base64 blobs, prefixes without a body).
//! None of it is a token.

use rand::RngExt;
use rand::rngs::StdRng;

/// Line templates of ordinary code, configuration and logs; each `{x}` is
/// filled by [`fill`].
const COMMON: &[&str] = &[
    "fn {id}(&self, {id}: &{Type}) -> Result<{Type}, Error> {",
    "    let {id} = self.{id}.get(&{id}).cloned().unwrap_or_default();",
    "    if {id}.len() > {n} && !{id}.is_empty() { return Err(Error::{Type}); }",
    "    for ({id}, {id}) in {id}.iter().enumerate() { total += {id} * {n}; }",
    "}",
    "impl {Type} for {Type} { type Output = Vec<u8>; }",
    "use crate::{{id}::{Type}, {id}::{Type}};",
    "// {word} the {word} before {word}: see https://gitlab.example.com/{id}/{id}/-/issues/{n}",
    "def {id}({id}, {id}: nil)",
    "  @{id} ||= {Type}.find_by({id}: params[:{id}_id])&.{id}",
    "  raise ArgumentError, \"{word} {word}\" unless {id}.present?",
    "end",
    "module Gitlab::{Type}; class {Type} < ApplicationRecord; end; end",
    "func ({id} *{Type}) {Type}(ctx context.Context, {id} string) error {",
    "\treturn fmt.Errorf(\"{word} %s: %w\", {id}, err)",
    "const {id} = await fetch(`/api/v4/projects/${{id}}/jobs?page={n}`);",
    "{id}:",
    "  image: registry.gitlab.com/{id}/{id}:{n}",
    "  script: [\"bundle exec rake {id}:{id}\", \"echo $CI_JOB_ID\"]",
    "  variables: { GIT_DEPTH: \"{n}\", {KEY}: \"{word}\" }",
    "$ git log --oneline {hex40}..HEAD -- {path}",
    "commit {hex40}",
    "Author: {Type} {Type} <{id}@example.com>",
    "{ts} INFO  [{Type}] {word} {word} request_id={hex32} duration_ms={f} status={n}",
    "{ts} WARN  [{Type}] retrying {word} after {f}s (attempt {d}/5) ip={ip}",
    "{ts} ERROR [{Type}] {Type}::{Type}: {word} {word} at {path}:{n}",
    "Started GET \"/{id}/{id}/-/jobs/{n}/trace.json?state={hex32}\" for {ip} at {ts}",
    "  Parameters: {\"{id}\"=>\"{word}\", \"private_token\"=>\"[FILTERED]\", \"page\"=>\"{n}\"}",
    "SELECT \"{id}\".* FROM \"{id}s\" WHERE \"{id}s\".\"id\" = {n} LIMIT 1",
    "<div class=\"{id}-{id}\" data-{id}=\"{n}\">{word} {word}</div>",
    "",
];

/// Lines a token scanner must look at twice and report nothing for: `gl`
/// words and calls, prefixes without a body, `.01.` in versions and dates,
/// `Q.` and `A.`, digests and base64 blobs.
const NEAR_MISSES: &[&str] = &[
    "gl.drawArrays(gl.TRIANGLES, 0, {n}); gl.bindBuffer(gl.ARRAY_BUFFER, {id});",
    "import glob, globals; files = glob.glob(\"{path}/*.rb\") # global {word}",
    "  image: registry.gitlab.com/{id}/{id}:v{n}.01.{n}",
    "    - docker pull {id}@sha256:{hex64}",
    "Date:   2024.01.{d} 10:{d}:{d} +0000",
    "{ts} DEBUG auth: no token in request, glpat- prefix expected, GR1348941 ignored",
    "  blob: \"{b64}\"",
    "Q.E.D. -- U.S.A. -- A.{n} -- Q.{n} -- v{d}.01.{d} -- {f}.{n}",
    "#define GL_{KEY} 0x{hex4} /* {word} */",
    "is_git_repo = _gitlab_session_store.{id}({id}) # see glrt- and gldt- docs",
];

/// One line in this many is a near-miss.
const NEAR_MISS_EVERY: u32 = 200;

const WORDS: &[&str] = &[
    "token",
    "user",
    "project",
    "group",
    "runner",
    "pipeline",
    "job",
    "cell",
    "route",
    "config",
    "value",
    "result",
    "error",
    "request",
    "response",
    "header",
    "cache",
    "session",
    "access",
    "deploy",
    "feed",
    "agent",
    "secret",
    "payload",
    "checksum",
    "prefix",
    "buffer",
    "index",
    "item",
    "count",
    "organization",
    "namespace",
    "merge",
    "commit",
    "branch",
    "tag",
    "state",
    "status",
    "retry",
    "timeout",
    "scope",
    "limit",
    "offset",
    "page",
    "encode",
    "decode",
    "key",
    "name",
    "path",
    "file",
    "line",
    "data",
    "node",
    "child",
    "parent",
    "event",
    "queue",
    "worker",
];

const TYPES: &[&str] = &[
    "Token",
    "User",
    "Project",
    "PersonalAccessToken",
    "Runner",
    "Pipeline",
    "Router",
    "Cell",
    "Config",
    "Error",
    "Request",
    "Response",
    "Session",
    "Finder",
    "Scanner",
    "Decoder",
];

const KEYS: &[&str] = &[
    "TOKEN_PREFIX",
    "CELL_ID",
    "LOG_LEVEL",
    "TEXTURE_2D",
    "ARRAY_BUFFER",
];

/// One filler line, newline included, appended to `out`.
pub(crate) fn push_line(rng: &mut StdRng, out: &mut Vec<u8>) {
    let templates = if rng.random_range(0..NEAR_MISS_EVERY) == 0 {
        NEAR_MISSES
    } else {
        COMMON
    };
    let template = templates[rng.random_range(0..templates.len())];
    let indent = rng.random_range(0..3) * 2;
    out.extend(std::iter::repeat_n(b' ', indent));
    fill(rng, template, out);
    out.push(b'\n');
}

fn fill(rng: &mut StdRng, template: &str, out: &mut Vec<u8>) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.extend_from_slice(&rest.as_bytes()[..open]);
        let name_len = rest[open + 1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - open - 1);
        let name = &rest[open + 1..open + 1 + name_len];
        let closed = rest[open + 1 + name_len..].starts_with('}');
        if closed && placeholder(rng, name, out) {
            rest = &rest[open + name_len + 2..];
        } else {
            out.push(b'{');
            rest = &rest[open + 1..];
        }
    }
    out.extend_from_slice(rest.as_bytes());
}

fn placeholder(rng: &mut StdRng, name: &str, out: &mut Vec<u8>) -> bool {
    let pick = |rng: &mut StdRng, list: &[&'static str]| list[rng.random_range(0..list.len())];
    match name {
        "id" => {
            out.extend_from_slice(pick(rng, WORDS).as_bytes());
            if rng.random_bool(0.5) {
                out.push(b'_');
                out.extend_from_slice(pick(rng, WORDS).as_bytes());
            }
        }
        "word" => out.extend_from_slice(pick(rng, WORDS).as_bytes()),
        "Type" => out.extend_from_slice(pick(rng, TYPES).as_bytes()),
        "KEY" => out.extend_from_slice(pick(rng, KEYS).as_bytes()),
        "n" => out.extend_from_slice(rng.random_range(0..100_000u32).to_string().as_bytes()),
        "d" => out.extend_from_slice(format!("{:02}", rng.random_range(0..60u8)).as_bytes()),
        "f" => out.extend_from_slice(format!("{:.3}", rng.random::<f32>() * 100.0).as_bytes()),
        "ts" => out.extend_from_slice(
            format!(
                "2024-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                rng.random_range(1..13u8),
                rng.random_range(1..29u8),
                rng.random_range(0..24u8),
                rng.random_range(0..60u8),
                rng.random_range(0..60u8),
                rng.random_range(0..1000u16)
            )
            .as_bytes(),
        ),
        "ip" => out.extend_from_slice(
            format!(
                "10.{}.{}.{}",
                rng.random::<u8>(),
                rng.random::<u8>(),
                rng.random::<u8>()
            )
            .as_bytes(),
        ),
        "path" => {
            out.extend_from_slice(b"app/");
            out.extend_from_slice(pick(rng, WORDS).as_bytes());
            out.push(b'/');
            out.extend_from_slice(pick(rng, WORDS).as_bytes());
            out.extend_from_slice(b".rb");
        }
        "hex4" => push_hex(rng, 4, out),
        "hex32" => push_hex(rng, 32, out),
        "hex40" => push_hex(rng, 40, out),
        "hex64" => push_hex(rng, 64, out),
        "b64" => {
            const ALPHABET: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let len = rng.random_range(8..30) * 4;
            out.extend((0..len).map(|_| ALPHABET[rng.random_range(0..64)]));
        }
        _ => return false,
    }
    true
}

fn push_hex(rng: &mut StdRng, len: usize, out: &mut Vec<u8>) {
    out.extend((0..len).map(|_| b"0123456789abcdef"[rng.random_range(0..16)]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn placeholders_are_filled_and_braces_kept() {
        let mut rng = StdRng::seed_from_u64(1);
        let mut out = Vec::new();
        fill(&mut rng, "if x { f({n}) } ${{id}} {nope}", &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("if x { f("), "{text}");
        assert!(!text.contains("{n}") && !text.contains("{id}"), "{text}");
        assert!(text.contains("${") && text.ends_with("} {nope}"), "{text}");
    }
}
