//! `redact`: tokens replaced by their prefix and `[REDACTED]`, streaming.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde_json::json;
use token_core::scan::Scanner;

use super::Out;
use crate::cli::RedactArgs;
use crate::config;
use crate::exit::{CliError, ERROR, OK};
use crate::progress::Progress;
use crate::recent::CHUNK;
use crate::walk::Input;

/// Redacts the inputs; the summary goes to standard error, since standard
/// output may carry the redacted text. Exit status 2 when an input could not
/// be read or written.
pub fn run(args: &RedactArgs, out: &mut Out) -> Result<u8, CliError> {
    let scanner = config::scanner(&args.detection)?;
    let inputs: Vec<Input> = if args.paths.is_empty() {
        vec![Input::Stdin]
    } else {
        args.paths
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::File(p.clone())
                }
            })
            .collect()
    };
    if args.in_place && inputs.contains(&Input::Stdin) {
        return Err(CliError::usage(
            "--in-place needs files, not standard input",
        ));
    }
    if args.output.is_some() && inputs.len() > 1 {
        return Err(CliError::usage("--output takes a single input"));
    }
    let mut redacted = 0u64;
    let mut failed = 0u64;
    for input in &inputs {
        let result = if args.in_place {
            match input {
                Input::File(path) => in_place(&scanner, path),
                Input::Stdin => unreachable!("refused above"),
            }
        } else {
            to_output(&scanner, input, args.output.as_deref())
        };
        match result {
            Ok(count) => redacted += count,
            Err(error @ CliError::BrokenPipe) => return Err(error),
            Err(error) => {
                failed += 1;
                eprintln!("token-codec: {error}");
            }
        }
    }
    out.flush()?;
    if out.json {
        eprintln!(
            "{}",
            json!({ "summary": { "inputs": inputs.len(), "redacted": redacted, "failed": failed } })
        );
    } else {
        eprintln!(
            "redacted {redacted} token{} in {} input{}{}",
            if redacted == 1 { "" } else { "s" },
            inputs.len(),
            if inputs.len() == 1 { "" } else { "s" },
            if failed > 0 {
                format!(", {failed} failed")
            } else {
                String::new()
            }
        );
    }
    Ok(if failed > 0 { ERROR } else { OK })
}

fn open(input: &Input) -> Result<(Box<dyn Read>, Option<u64>), CliError> {
    match input {
        Input::Stdin => Ok((Box::new(io::stdin().lock()), None)),
        Input::File(path) => {
            if path.is_dir() {
                return Err(CliError::usage(format!(
                    "{} is a directory (redact takes files)",
                    path.display()
                )));
            }
            let file = File::open(path)
                .map_err(|e| CliError::io(format!("cannot read {}", path.display()), e))?;
            let size = file.metadata().ok().map(|m| m.len());
            Ok((Box::new(file), size))
        }
    }
}

/// Redacts `input` into `sink`; returns how many tokens were redacted.
fn redact_stream(
    scanner: &Scanner,
    input: &Input,
    sink: &mut dyn FnMut(&[u8]) -> Result<(), CliError>,
) -> Result<u64, CliError> {
    let (mut reader, size) = open(input)?;
    let name = input.name();
    let mut progress = Progress::new(name.clone(), size);
    let mut redactor = scanner.redactor();
    let mut chunk = vec![0u8; CHUNK];
    let mut out = Vec::with_capacity(CHUNK + CHUNK / 4);
    let (mut read, mut count) = (0u64, 0u64);
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                progress.finish();
                return Err(CliError::io(format!("cannot read {name}"), e));
            }
        };
        read += n as u64;
        count += redactor.push(&chunk[..n], &mut out).len() as u64;
        sink(&out)?;
        out.clear();
        progress.update(read);
    }
    count += redactor.finish(&mut out).len() as u64;
    sink(&out)?;
    progress.finish();
    Ok(count)
}

/// Redacts `input` to `output` (a file) or standard output.
fn to_output(scanner: &Scanner, input: &Input, output: Option<&Path>) -> Result<u64, CliError> {
    match output {
        None => {
            let mut stdout = io::stdout().lock();
            let count = redact_stream(scanner, input, &mut |bytes| {
                stdout.write_all(bytes).map_err(crate::exit::stdout_error)
            })?;
            stdout.flush().map_err(crate::exit::stdout_error)?;
            Ok(count)
        }
        Some(path) => {
            let context = || format!("cannot write {}", path.display());
            let mut file =
                io::BufWriter::new(File::create(path).map_err(|e| CliError::io(context(), e))?);
            let count = redact_stream(scanner, input, &mut |bytes| {
                file.write_all(bytes)
                    .map_err(|e| CliError::io(context(), e))
            })?;
            file.flush().map_err(|e| CliError::io(context(), e))?;
            Ok(count)
        }
    }
}

/// Redacts a file in place: into a new file beside it, which replaces it
/// (with the same permissions) only when something was redacted.
fn in_place(scanner: &Scanner, path: &Path) -> Result<u64, CliError> {
    let temp = temp_path(path);
    let context = || format!("cannot write {}", temp.display());
    let file = File::options()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|e| CliError::io(context(), e))?;
    let mut writer = io::BufWriter::new(file);
    let result = redact_stream(scanner, &Input::File(path.to_path_buf()), &mut |bytes| {
        writer
            .write_all(bytes)
            .map_err(|e| CliError::io(context(), e))
    })
    .and_then(|count| {
        writer.flush().map_err(|e| CliError::io(context(), e))?;
        Ok(count)
    });
    drop(writer);
    let replace = |count: u64| -> Result<u64, CliError> {
        if count == 0 {
            return Ok(0);
        }
        let permissions = fs::metadata(path)
            .map_err(|e| CliError::io(format!("cannot read {}", path.display()), e))?
            .permissions();
        fs::set_permissions(&temp, permissions).map_err(|e| CliError::io(context(), e))?;
        fs::rename(&temp, path)
            .map_err(|e| CliError::io(format!("cannot replace {}", path.display()), e))?;
        Ok(count)
    };
    let outcome = result.and_then(replace);
    if temp.exists() {
        let _ = fs::remove_file(&temp);
    }
    outcome
}

/// `.<name>.token-codec-<pid>.tmp` beside `path`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.token-codec-{}.tmp", std::process::id()))
}
