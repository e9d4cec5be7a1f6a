//! `scan`: find tokens in files, directories and standard input.

use std::fs::File;
use std::io::{self, Read};

use serde_json::{Value, json};
use token_core::Checksum;
use token_core::scan::{Finding, REDACTED, Scanner};

use super::Out;
use crate::cli::ScanArgs;
use crate::config;
use crate::describe::{
    checksum_name, format_name, kind_name, kind_text, routing_json, routing_text, type_name,
};
use crate::exit::{CliError, ERROR, FOUND, OK};
use crate::progress::{Progress, human_size};
use crate::recent::{Position, Recent};
use crate::walk::{Input, inputs};

/// Counts for the summary line.
#[derive(Debug, Default)]
struct Summary {
    inputs: u64,
    bytes: u64,
    valid: u64,
    invalid: u64,
    legacy: u64,
    unreadable: u64,
}

impl Summary {
    fn count(&mut self, found: &Finding) {
        match found.checksum {
            Checksum::Valid => self.valid += 1,
            Checksum::Invalid => self.invalid += 1,
            Checksum::NotApplicable => self.legacy += 1,
        }
    }

    fn secrets(&self) -> u64 {
        self.valid + self.legacy
    }

    fn text(&self) -> String {
        let findings = self.valid + self.invalid + self.legacy;
        let mut text = format!(
            "scanned {} input{}, {}: {findings} token{} found ({} valid, {} invalid, {} legacy)",
            self.inputs,
            if self.inputs == 1 { "" } else { "s" },
            human_size(self.bytes),
            if findings == 1 { "" } else { "s" },
            self.valid,
            self.invalid,
            self.legacy,
        );
        if self.unreadable > 0 {
            text.push_str(&format!(", {} unreadable", self.unreadable));
        }
        text
    }

    fn json(&self) -> Value {
        json!({ "summary": {
            "inputs": self.inputs,
            "bytes": self.bytes,
            "findings": self.valid + self.invalid + self.legacy,
            "valid": self.valid,
            "invalid": self.invalid,
            "legacy": self.legacy,
            "unreadable": self.unreadable,
        }})
    }
}

/// Scans every input; exit status 1 when a secret (valid routable or legacy
/// token) is found, else 2 when an input could not be read, else 0.
pub fn run(args: &ScanArgs, out: &mut Out) -> Result<u8, CliError> {
    let scanner = config::scanner(&args.detection)?;
    let mut summary = Summary::default();
    let report = |error: CliError| {
        eprintln!("token-codec: {error}");
    };
    let inputs = inputs(&args.paths, &mut |e| {
        summary.unreadable += 1;
        report(e);
    });
    for input in inputs {
        match scan_input(&input, &scanner, args, out, &mut summary) {
            Ok(()) => summary.inputs += 1,
            Err(error @ CliError::BrokenPipe) => return Err(error),
            Err(error) => {
                summary.unreadable += 1;
                report(error);
            }
        }
    }
    if out.json {
        out.json(&summary.json())?;
    }
    out.flush()?;
    if !out.json {
        eprintln!("{}", summary.text());
    }
    Ok(if summary.secrets() > 0 {
        FOUND
    } else if summary.unreadable > 0 {
        ERROR
    } else {
        OK
    })
}

fn scan_input(
    input: &Input,
    scanner: &Scanner,
    args: &ScanArgs,
    out: &mut Out,
    summary: &mut Summary,
) -> Result<(), CliError> {
    let name = input.name();
    let (mut reader, size): (Box<dyn Read>, Option<u64>) = match input {
        Input::Stdin => (Box::new(io::stdin().lock()), None),
        Input::File(path) => {
            let file = File::open(path)
                .map_err(|e| CliError::io(format!("cannot read {}", path.display()), e))?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(file), size)
        }
    };
    let mut progress = Progress::new(name.clone(), size);
    let mut stream = scanner.stream();
    let mut recent = Recent::default();
    let mut read = 0u64;
    let result = loop {
        let chunk = match recent.read_next(&mut reader) {
            Ok(chunk) => chunk,
            Err(e) => break Err(CliError::io(format!("cannot read {name}"), e)),
        };
        if chunk.is_empty() {
            break Ok(());
        }
        read += chunk.len() as u64;
        for finding in stream.push(chunk) {
            report_finding(finding, &name, &mut recent, args, out, summary)?;
        }
        progress.update(read);
    };
    progress.finish();
    summary.bytes += read;
    result?;
    for finding in stream.finish() {
        report_finding(finding, &name, &mut recent, args, out, summary)?;
    }
    Ok(())
}

fn report_finding(
    found: &Finding,
    name: &str,
    recent: &mut Recent,
    args: &ScanArgs,
    out: &mut Out,
    summary: &mut Summary,
) -> Result<(), CliError> {
    summary.count(found);
    if args.quiet {
        return Ok(());
    }
    let Position { line, column } = recent.position(found.offset);
    let token = recent.bytes(found.offset..found.end());
    let prefix = String::from_utf8_lossy(&token[..found.prefix_len.min(token.len())]);
    let shown = if args.show_secrets {
        String::from_utf8_lossy(&token).into_owned()
    } else {
        format!("{prefix}{REDACTED}")
    };
    if out.json {
        let mut fields = json!({
            "path": name,
            "offset": found.offset,
            "line": line,
            "column": column,
            "length": found.len,
            "type": found.token_type.map(|t| t.symbol()),
            "kind": kind_name(found.kind),
            "format": format_name(found.kind),
            "checksum": checksum_name(found.checksum),
            "prefix": prefix,
            "redacted": format!("{prefix}{REDACTED}"),
            "routing": found.routing.as_ref().map(routing_json),
        });
        if args.show_secrets {
            fields["token"] = Value::from(shown);
        }
        out.json(&fields)
    } else {
        let routing = found
            .routing
            .as_ref()
            .map(|r| format!(" routing {}", routing_text(r)))
            .unwrap_or_default();
        out.line(&format!(
            "{name}:{line}:{column}: {} {} checksum {} {shown}{routing}",
            type_name(found.token_type),
            kind_text(found.kind),
            checksum_name(found.checksum),
        ))
    }
}
