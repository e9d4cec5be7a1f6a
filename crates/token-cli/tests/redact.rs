//! `redact` (standard input, files, `--output`, `--in-place`) and `corpus`.

mod common;

use common::*;

#[test]
fn redacts_standard_input_byte_exactly() {
    let input = format!("a={PAT_V1}\r\nb=\"{LEGACY_PAT}\" c={PAT_V1_BAD}\0\u{e9}\n");
    let out = run_with_stdin(&["redact"], &input);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "a=glpat-[REDACTED]\r\nb=\"glpat-[REDACTED]\" c=glpat-[REDACTED]\0\u{e9}\n"
    );
    assert!(out.stderr.contains("redacted 3 tokens in 1 input"));
    let quiet = run_with_stdin(&["redact", "--no-invalid", "-"], &input);
    assert!(quiet.stdout.ends_with(&format!("c={PAT_V1_BAD}\0\u{e9}\n")));
    let json = run_with_stdin(&["redact", "--json"], &input);
    let summary: serde_json::Value = serde_json::from_str(json.stderr.trim()).unwrap();
    assert_eq!(summary["summary"]["redacted"], 3);
    assert_eq!(run_with_stdin(&["redact"], "").stdout, "");
}

#[test]
fn redacts_large_streams_with_tokens_across_reads() {
    let mut input = String::new();
    let mut expected = String::new();
    while input.len() < 3 << 20 {
        let filler = "lorem ipsum 2024.01.15 glob() ".repeat(1 + input.len() % 7);
        input.push_str(&filler);
        expected.push_str(&filler);
        input.push_str(PAT_V1);
        expected.push_str("glpat-[REDACTED]");
        input.push('\n');
        expected.push('\n');
    }
    let out = run_with_stdin(&["redact"], &input);
    assert_eq!(out.status, 0);
    assert!(out.stdout == expected, "redaction differs");
}

#[test]
fn files_to_standard_output_or_a_file() {
    let dir = Scratch::new("redact-files");
    let a = dir.file("a.log", format!("x {PAT_V1} y\n").as_bytes());
    let b = dir.file("b.log", b"clean\n");
    let out = run(&["redact", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.status, 0);
    assert_eq!(out.stdout, "x glpat-[REDACTED] y\nclean\n");
    assert!(out.stderr.contains("redacted 1 token in 2 inputs"));
    let target = dir.str("out.log");
    let out = run(&["redact", a.to_str().unwrap(), "--output", &target]);
    assert_eq!(out.status, 0);
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "x glpat-[REDACTED] y\n"
    );
    let two = run(&[
        "redact",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        &target,
    ]);
    assert_eq!(two.status, 2);
    assert!(two.stderr.contains("--output takes a single input"));
}

#[test]
fn in_place_rewrites_only_files_with_tokens() {
    let dir = Scratch::new("redact-in-place");
    let a = dir.file("a.log", format!("x {PAT_V1} y\n").as_bytes());
    let b = dir.file("b.log", b"clean\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let before = std::fs::metadata(&b).unwrap().modified().unwrap();
    let out = run(&["redact", "-i", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&a).unwrap(),
        "x glpat-[REDACTED] y\n"
    );
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "clean\n");
    assert_eq!(std::fs::metadata(&b).unwrap().modified().unwrap(), before);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&a).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let leftovers: Vec<_> = std::fs::read_dir(&dir.path)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary file left: {leftovers:?}");
}

#[test]
fn redact_errors() {
    let dir = Scratch::new("redact-errors");
    let stdin = run_with_stdin(&["redact", "--in-place"], "x");
    assert_eq!(stdin.status, 2);
    assert!(stdin.stderr.contains("--in-place needs files"));
    let folder = run(&["redact", dir.path.to_str().unwrap()]);
    assert_eq!(folder.status, 2);
    assert!(folder.stderr.contains("is a directory"));
    let missing = run(&["redact", &dir.str("missing.log")]);
    assert_eq!(missing.status, 2);
    assert!(missing.stderr.contains("cannot read"), "{}", missing.stderr);
    let conflict = run(&["redact", "-i", "-o", "x", "y"]);
    assert_eq!(conflict.status, 2);
}

#[test]
fn corpus_is_reproducible_and_its_truth_is_what_scan_finds() {
    let a = run(&[
        "corpus",
        "--size",
        "64K",
        "--seed",
        "3",
        "--tokens-per-mib",
        "300",
    ]);
    let b = run(&[
        "corpus",
        "--size",
        "64K",
        "--seed",
        "3",
        "--tokens-per-mib",
        "300",
    ]);
    assert_eq!(a.status, 0);
    assert_eq!(a.stdout.len(), 64 << 10);
    assert_eq!(a.stdout, b.stdout);
    let c = run(&["corpus", "--size", "64K", "--seed", "4"]);
    assert_ne!(a.stdout, c.stdout);

    let dir = Scratch::new("corpus");
    let (text, truth) = (dir.str("corpus.txt"), dir.str("truth.jsonl"));
    let made = run(&[
        "corpus",
        "--size",
        "1M",
        "--tokens-per-mib",
        "200",
        "-o",
        &text,
        "--truth",
        &truth,
    ]);
    assert_eq!(made.status, 0, "{}", made.stderr);
    assert!(made.stdout.starts_with("wrote 1048576 bytes with "));
    let planted: Vec<serde_json::Value> = std::fs::read_to_string(&truth)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(planted.len() > 100);
    let scan = run(&["scan", "--json", &text]);
    assert_eq!(scan.status, 1);
    let found = scan.json_lines();
    let found = &found[..found.len() - 1];
    assert_eq!(found.len(), planted.len());
    for (found, planted) in found.iter().zip(&planted) {
        for key in ["offset", "length", "type", "kind", "format", "checksum"] {
            assert_eq!(found[key], planted[key], "{key}");
        }
    }
}
