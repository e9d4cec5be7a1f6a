//! `generate`, `encode`, `decode`, `identify`, `route`: output, `--json`,
//! standard input, exit statuses, and secrets kept out of output.

mod common;

use common::*;
use token_core::{Format, RoutingKey, TokenKind, TokenType, decode, identify};

#[test]
fn every_subcommand_has_help() {
    let root = run(&["--help"]);
    assert_eq!(root.status, 0);
    for command in [
        "generate", "encode", "decode", "identify", "route", "scan", "redact", "corpus",
    ] {
        assert!(root.stdout.contains(command), "{command}");
        let help = run(&[command, "--help"]);
        assert_eq!(help.status, 0, "{command}");
        assert!(help.stdout.contains("Usage: token-codec"), "{command}");
        assert!(help.stdout.contains("--json"), "{command}");
    }
    assert!(run(&["scan", "--help"]).stdout.contains("Exit status"));
    assert_eq!(run(&["--version"]).status, 0);
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["scan", "--no-such-flag"],
        &["generate"],
        &["generate", "glpat-", "--format", "v9", "-r", "o=1"],
        &["generate", "glpat-", "--legacy", "-r", "o=1"],
        &["corpus", "--size", "12X"],
        &["encode", "glpat-", "-r", "o=1"],
    ] {
        let out = run(args);
        assert_eq!(out.status, 2, "{args:?}: {}", out.stderr);
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn generate_routable_tokens() {
    let out = run(&[
        "generate",
        "personal_access_token",
        "-r",
        "o=1,u=42",
        "--cell-id",
        "100",
        "-n",
        "3",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let tokens: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(tokens.len(), 3);
    assert!(tokens[0] != tokens[1] && tokens[1] != tokens[2]);
    for token in tokens {
        let decoded = decode(token).expect("a valid token");
        assert_eq!(decoded.prefix(), "glpat-");
        assert_eq!(decoded.format(), Format::V1);
        assert_eq!(decoded.routing().as_str(), "c:2s\no:1\nu:16");
    }
    let v0 = run_with_stdin(
        &[
            "generate", "glrtr-", "-r", "o=5", "-r", "t=2", "--format", "v0",
        ],
        "",
    );
    let decoded = decode(v0.stdout.trim()).unwrap();
    assert_eq!(decoded.format(), Format::V0);
    assert_eq!(decoded.routing().get(RoutingKey::RunnerType), Some("2"));
}

#[test]
fn generate_with_prefixes_and_json() {
    let out = run(&[
        "--json",
        "generate",
        "cluster_agent_token",
        "--instance-prefix",
        "acme",
        "-r",
        "o=7,p=9",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let line = &out.json_lines()[0];
    let token = line["token"].as_str().unwrap();
    assert!(token.starts_with("acme-glagent-"));
    assert_eq!(line["type"], "cluster_agent_token");
    assert_eq!(line["kind"], "routable");
    assert_eq!(line["format"], "v1");
    assert_eq!(line["routing"]["p"], "9");
    assert!(decode(token).is_ok());

    let custom = run_with_stdin(
        &[
            "generate",
            "personal_access_token",
            "--custom-pat-prefix",
            "corp_",
            "-r",
            "c=1",
        ],
        "",
    );
    assert!(custom.stdout.starts_with("corp_"));
}

#[test]
fn generate_legacy_tokens_of_every_type() {
    for token_type in TokenType::ALL {
        let out = run(&["generate", token_type.symbol(), "--legacy"]);
        assert_eq!(out.status, 0, "{token_type}: {}", out.stderr);
        let token = out.stdout.trim();
        let id = identify(token).unwrap_or_else(|| panic!("{token_type}: {token}"));
        assert_eq!(id.token_type, token_type);
        assert_eq!(id.kind, TokenKind::Legacy);
    }
    let acme = run(&[
        "generate",
        "deploy_token",
        "--legacy",
        "--instance-prefix",
        "acme",
    ]);
    assert!(acme.stdout.starts_with("acme-gldt-"));
    let unknown = run(&["generate", "nope-", "--legacy"]);
    assert_eq!(unknown.status, 2);
    assert!(
        unknown.stderr.contains("personal_access_token"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn generate_reports_gitlab_routing_errors() {
    let vectors = vectors();
    for case in vectors["generate_errors"].as_array().unwrap() {
        let mut args = vec!["generate".to_owned(), "glpat-".to_owned()];
        for (key, value) in case["routing"].as_object().unwrap() {
            let value = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            args.push("-r".into());
            args.push(format!("{key}={value}"));
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        assert_eq!(out.status, 2);
        let message = case["message"].as_str().unwrap();
        assert!(out.stderr.contains(message), "{}", out.stderr);
        assert!(out.stderr.contains(case["error"].as_str().unwrap()));
    }
}

#[test]
fn encode_reproduces_every_encode_vector() {
    let vectors = vectors();
    for case in vectors["encode"].as_array().unwrap() {
        let mut args: Vec<String> = vec![
            "encode".into(),
            case["prefix"].as_str().unwrap().into(),
            "--random-hex".into(),
            case["random_hex"].as_str().unwrap().into(),
            "--format".into(),
            case["format"].as_str().unwrap().into(),
        ];
        for (key, value) in case["routing"].as_object().unwrap() {
            let value = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            args.push("-r".into());
            args.push(format!("{key}={value}"));
        }
        if let Some(cell) = case["cell_id"].as_u64() {
            args.push("--cell-id".into());
            args.push(cell.to_string());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        assert_eq!(out.status, 0, "{args:?}: {}", out.stderr);
        assert_eq!(
            out.stdout.trim(),
            case["token"].as_str().unwrap(),
            "{args:?}"
        );
    }
    let json = run(&[
        "encode",
        "glpat-",
        "--json",
        "-r",
        "o=1,u=1",
        "--random-hex",
        "61616161616161616161616161616161",
    ]);
    assert_eq!(json.json_lines()[0]["token"], PAT_V1);
    let bad = run(&["encode", "glpat-", "-r", "o=1", "--random-hex", "abc"]);
    assert_eq!(bad.status, 2);
    assert!(bad.stderr.contains("32 hex digits"));
}

#[test]
fn decode_prints_routing_never_secrets() {
    let out = run(&["decode", PAT_V1, RUNNER]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("glpat-[REDACTED]"));
    assert!(out.stdout.contains("routing: o:1 u:1"));
    assert!(out.stdout.contains("routing: c:1 g:8 o:rz(1007) t:2"));
    assert!(out.stdout.contains("runner_authentication_token"));
    assert!(!out.stdout.contains(PAT_V1_SECRET));
    assert!(!out.stdout.contains("6161"));
}

#[test]
fn decode_shows_secrets_when_asked() {
    let vectors = vectors();
    for case in vectors["decode"].as_array().unwrap() {
        let token = case["token"].as_str().unwrap();
        let out = run_with_stdin(
            &["decode", "--show-secrets", "--json"],
            &format!("{token}\n"),
        );
        assert_eq!(out.status, 0);
        let line = &out.json_lines()[0];
        assert_eq!(line["token"], token);
        assert_eq!(line["random_hex"], case["random_hex"]);
        assert_eq!(line["format"], case["format"]);
        assert_eq!(line["prefix"], case["prefix"]);
        assert_eq!(line["routing"], case["routing"]);
    }
}

#[test]
fn decode_rejects_with_reasons_and_exit_1() {
    let vectors = vectors();
    let rejects: Vec<&str> = vectors["reject"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["token"].as_str().unwrap())
        .filter(|t| !t.is_empty())
        .collect();
    let input = rejects.join("\n");
    let out = run_with_stdin(&["decode", "--json", "-"], &input);
    assert_eq!(out.status, 1);
    let lines = out.json_lines();
    assert_eq!(lines.len(), rejects.len());
    for line in &lines {
        assert_eq!(line["ok"], false);
        assert!(line["error"].as_str().is_some_and(|e| !e.is_empty()));
    }
    assert!(lines.iter().any(|l| l["error"] == "checksum_mismatch"));
    let text = run_with_stdin(&["decode"], PAT_V1_BAD);
    assert_eq!(text.status, 1);
    assert!(
        text.stdout
            .contains("checksum does not match (checksum_mismatch)")
    );
    assert!(!text.stdout.contains(PAT_V1_SECRET));
    // Good and bad together: still 1.
    assert_eq!(
        run_with_stdin(&["decode", PAT_V1, "-"], PAT_V1_BAD).status,
        1
    );
}

#[test]
fn decode_lax_is_gitlab_compatible() {
    let out = run(&["decode", "--lax", "--json", PAT_V0, LEGACY_PAT]);
    assert_eq!(out.status, 1);
    let lines = out.json_lines();
    assert_eq!(
        lines[0]["routing"],
        serde_json::json!({"c": 0, "o": 1, "u": 1})
    );
    assert_eq!(lines[0]["format"], "v0");
    assert_eq!(lines[1]["ok"], false);
    let text = run_with_stdin(&["decode", "--lax"], PAT_V0);
    assert!(text.stdout.contains("GitLab-compatible"));
}

#[test]
fn identify_types_kinds_and_checksums() {
    let input = format!("{PAT_V1}\n\n{PAT_V1_BAD}\n{LEGACY_PAT}\n");
    let out = run_with_stdin(&["identify"], &input);
    assert_eq!(out.status, 0, "{}", out.stdout);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "glpat-[REDACTED]  personal_access_token  routable v1  checksum valid",
            "glpat-[REDACTED]  personal_access_token  routable v1  checksum invalid",
            "glpat-[REDACTED]  personal_access_token  legacy  checksum none",
        ]
    );
    let json = run_with_stdin(
        &[
            "identify",
            "--json",
            "acme-gldt-abcdefghijkmnpqrstuv",
            "nope",
        ],
        "",
    );
    assert_eq!(json.status, 1, "an unidentified token");
    let lines = json.json_lines();
    assert_eq!(lines[0]["identified"], false, "acme- is not configured");
    let configured = run(&[
        "identify",
        "--json",
        "--instance-prefix",
        "acme",
        "acme-gldt-abcdefghijkmnpqrstuv",
    ]);
    assert_eq!(configured.status, 0);
    assert_eq!(configured.json_lines()[0]["type"], "deploy_token");
    assert_eq!(
        configured.json_lines()[0]["redacted"],
        "acme-gldt-[REDACTED]"
    );
}

#[test]
fn route_decisions() {
    let out = run(&[
        "route",
        RUNNER,
        "YWFhYWFhYWFhYWFhYWFhYW86MQM.01.0r0e6anp8",
        PAT_V1_BAD,
    ]);
    assert_eq!(out.status, 0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "glrtr-[REDACTED]  cell 1 (c:1, classification CELL_ID)"
    );
    assert_eq!(lines[1], "[REDACTED]  topology service: classify by o:1");
    assert!(
        lines[2].starts_with("glpat-[REDACTED]  default cell ("),
        "{}",
        lines[2]
    );
    let json = run_with_stdin(&["route", "--json"], RUNNER);
    let line = &json.json_lines()[0];
    assert_eq!(line["decision"], "cell");
    assert_eq!(line["cell_number"], 1);
    let shown = run(&["route", "--show-secrets", RUNNER]);
    assert!(shown.stdout.starts_with(RUNNER));
}
