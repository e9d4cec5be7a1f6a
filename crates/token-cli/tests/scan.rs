//! `scan`: files, directories, standard input, `--json`, exit statuses,
//! unreadable inputs, and no secret in the output unless asked.

mod common;

use common::*;

fn sample(dir: &Scratch) {
    dir.file(
        "logs/app.log",
        format!("start\ntoken={PAT_V1} ok\nretry {PAT_V1_BAD}\n").as_bytes(),
    );
    dir.file(
        "logs/old/ci.txt",
        format!("legacy: {LEGACY_PAT}\n").as_bytes(),
    );
    dir.file("src/clean.rs", b"fn main() { let glob = global(); }\n");
    dir.file("bin/data.bin", &[0, 159, 146, 150, 0xff, b'\n', b'x']);
}

#[test]
fn scans_directories_recursively_and_fails_on_secrets() {
    let dir = Scratch::new("scan-dir");
    sample(&dir);
    let out = run_in(Some(&dir.path), &["scan", "."], b"");
    assert_eq!(out.status, 1, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert_eq!(
        lines[0],
        "./logs/app.log:2:7: personal_access_token routable v1 checksum valid glpat-[REDACTED] routing o:1 u:1"
    );
    assert_eq!(
        lines[1],
        "./logs/app.log:3:7: personal_access_token routable v1 checksum invalid glpat-[REDACTED]"
    );
    assert_eq!(
        lines[2],
        "./logs/old/ci.txt:1:9: personal_access_token legacy checksum none glpat-[REDACTED]"
    );
    assert!(
        out.stderr
            .contains("scanned 4 inputs, 202 B: 3 tokens found (1 valid, 1 invalid, 1 legacy)"),
        "{}",
        out.stderr
    );
    for text in [&out.stdout, &out.stderr] {
        assert!(!text.contains(PAT_V1_SECRET) && !text.contains("ts8y8Mk2"));
    }
}

#[test]
fn clean_inputs_exit_0_and_look_alikes_alone_do_not_fail() {
    let dir = Scratch::new("scan-clean");
    let clean = dir.file("clean.txt", b"nothing to see, glpat- glob\n");
    let look_alike = dir.file("bad.txt", format!("{PAT_V1_BAD}\n").as_bytes());
    let out = run(&["scan", clean.to_str().unwrap()]);
    assert_eq!(out.status, 0);
    assert!(out.stdout.is_empty());
    let out = run(&["scan", look_alike.to_str().unwrap()]);
    assert_eq!(out.status, 0, "a bad checksum is no secret");
    assert!(out.stdout.contains("checksum invalid"));
    let quiet = run(&["scan", "--no-invalid", look_alike.to_str().unwrap()]);
    assert_eq!(quiet.status, 0);
    assert!(quiet.stdout.is_empty());
}

#[test]
fn scans_standard_input() {
    let input = format!("a\nb {RUNNER}\n");
    for args in [&["scan"][..], &["scan", "-"]] {
        let out = run_with_stdin(args, &input);
        assert_eq!(out.status, 1);
        assert!(
            out.stdout
                .starts_with("<stdin>:2:3: runner_authentication_token routable v1")
        );
        assert!(out.stdout.contains("routing c:1 g:8 o:rz(1007) t:2"));
    }
    let quiet = run_with_stdin(&["scan", "-q"], &input);
    assert_eq!(quiet.status, 1);
    assert!(quiet.stdout.is_empty());
    assert!(quiet.stderr.contains("1 token found (1 valid"));
}

#[test]
fn json_lines_and_summary() {
    let dir = Scratch::new("scan-json");
    sample(&dir);
    let out = run_in(Some(&dir.path), &["scan", "--json", "logs"], b"");
    assert_eq!(out.status, 1);
    let lines = out.json_lines();
    assert_eq!(lines.len(), 4);
    let first = &lines[0];
    assert_eq!(first["path"], "logs/app.log");
    assert_eq!(first["offset"], 12);
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(2), Some(7))
    );
    assert_eq!(first["length"], PAT_V1.len());
    assert_eq!(first["type"], "personal_access_token");
    assert_eq!(first["kind"], "routable");
    assert_eq!(first["format"], "v1");
    assert_eq!(first["checksum"], "valid");
    assert_eq!(first["prefix"], "glpat-");
    assert_eq!(first["redacted"], "glpat-[REDACTED]");
    assert_eq!(first["routing"], serde_json::json!({"o": "1", "u": "1"}));
    assert!(first.get("token").is_none());
    assert_eq!(lines[1]["checksum"], "invalid");
    assert_eq!(lines[1]["routing"], serde_json::Value::Null);
    assert_eq!(lines[2]["kind"], "legacy");
    assert_eq!(lines[2]["checksum"], "none");
    let summary = &lines[3]["summary"];
    assert_eq!(summary["inputs"], 2);
    assert_eq!(summary["findings"], 3);
    assert_eq!(summary["valid"], 1);
    assert_eq!(summary["unreadable"], 0);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn show_secrets_prints_whole_tokens() {
    let out = run_with_stdin(&["scan", "--show-secrets"], &format!("x {PAT_V1}\n"));
    assert!(out.stdout.contains(PAT_V1));
    let json = run_with_stdin(
        &["scan", "--json", "--show-secrets"],
        &format!("x {PAT_V1}\n"),
    );
    assert_eq!(json.json_lines()[0]["token"], PAT_V1);
}

#[test]
fn unreadable_inputs_are_reported_and_exit_2_unless_secrets_are_found() {
    let dir = Scratch::new("scan-unreadable");
    let clean = dir.file("clean.txt", b"clean\n");
    let secret = dir.file("secret.txt", format!("{PAT_V1}\n").as_bytes());
    let missing = dir.str("missing.txt");
    let out = run(&["scan", &missing, clean.to_str().unwrap()]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("cannot read"), "{}", out.stderr);
    assert!(out.stderr.contains("missing.txt"));
    assert!(out.stderr.contains("1 unreadable"));
    let out = run(&["scan", &missing, secret.to_str().unwrap()]);
    assert_eq!(out.status, 1, "secrets decide the status");
    assert!(out.stderr.contains("1 unreadable"));
    #[cfg(unix)]
    {
        let link = dir.path.join("dangling");
        std::os::unix::fs::symlink(dir.path.join("nowhere"), &link).unwrap();
        let out = run(&["scan", dir.path.to_str().unwrap()]);
        assert_eq!(out.status, 1);
        assert!(out.stderr.contains("dangling"), "{}", out.stderr);
    }
    #[cfg(target_os = "linux")]
    {
        // Opens, then fails to read: address 0 of the process is unmapped.
        let out = run(&["scan", "/proc/self/mem"]);
        assert_eq!(out.status, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains("cannot read /proc/self/mem"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn configured_prefixes_and_options() {
    let token = run(&[
        "generate",
        "personal_access_token",
        "--instance-prefix",
        "acme",
        "--legacy",
    ])
    .stdout;
    let input = format!("k={}", token.trim());
    let default = run_with_stdin(&["scan", "--json"], &input);
    assert_eq!(default.json_lines()[0]["type"], "personal_access_token");
    let configured = run_with_stdin(&["scan", "--json", "--instance-prefix", "acme"], &input);
    assert_eq!(configured.json_lines()[0]["prefix"], "acme-glpat-");
    let hex = "0123456789abcdef".repeat(4);
    assert_eq!(run_with_stdin(&["scan"], &hex).status, 0);
    let oauth = run_with_stdin(&["scan", "--unprefixed-oauth"], &hex);
    assert_eq!(oauth.status, 1);
    assert!(oauth.stdout.contains("oauth_access_token legacy"));
    let v0 = "bzoxd_Rb5_cHeWe1JH56wr2FCBA.0r1pum4t4";
    assert_eq!(run_with_stdin(&["scan"], v0).status, 1);
    assert_eq!(
        run_with_stdin(&["scan", "--no-unconfigured-v0"], v0).status,
        0
    );
    let bad = run(&["scan", "--instance-prefix", "not valid!"]);
    assert_eq!(bad.status, 2);
    assert!(bad.stderr.contains("--instance-prefix"));
}

#[test]
fn tokens_across_chunk_boundaries_get_the_right_lines() {
    // Over 2 MiB of 64-byte lines, with tokens at and around the 1 MiB cuts.
    let line = format!("{}\n", "x".repeat(63));
    let mut text = String::new();
    let mut expected = Vec::new();
    while text.len() < (2 << 20) + 1000 {
        let next_cut = (text.len() / (1 << 20) + 1) * (1 << 20);
        if next_cut - text.len() < 200 && next_cut - text.len() > 60 {
            let start = next_cut - 30;
            text.push_str(&" ".repeat(start - text.len()));
            expected.push((
                text.matches('\n').count() + 1,
                start - text.rfind('\n').unwrap(),
            ));
            text.push_str(PAT_V1);
            text.push('\n');
        } else {
            text.push_str(&line);
        }
    }
    let out = run_in(None, &["scan", "--json"], text.as_bytes());
    let found: Vec<(usize, usize)> = out
        .json_lines()
        .iter()
        .filter(|l| l.get("summary").is_none())
        .map(|l| {
            (
                l["line"].as_u64().unwrap() as usize,
                l["column"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(found, expected);
    assert_eq!(found.len(), 2);
}
