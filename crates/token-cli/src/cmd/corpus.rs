//! `corpus`: a reproducible code-like corpus with planted tokens.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use serde_json::json;
use token_corpus::{Generator, Spec};

use super::Out;
use crate::cli::CorpusArgs;
use crate::config::prefix_config;
use crate::describe::{checksum_name, format_name, kind_name};
use crate::exit::{CliError, OK, stdout_error};

/// Writes the corpus (and, with `--truth`, its planted findings).
pub fn run(args: &CorpusArgs, out: &mut Out) -> Result<u8, CliError> {
    let spec = Spec {
        size: args.size,
        seed: args.seed,
        tokens_per_mib: args.tokens_per_mib,
        config: prefix_config(&args.prefixes)?,
    };
    let mut generator = Generator::new(spec);
    let mut sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(create(path)?)),
        None => Box::new(io::stdout().lock()),
    };
    let write_error = |e: io::Error| match &args.output {
        Some(path) => CliError::io(format!("cannot write {}", path.display()), e),
        None => stdout_error(e),
    };
    let mut truth = match &args.truth {
        Some(path) => Some((BufWriter::new(create(path)?), path)),
        None => None,
    };
    let (mut text, mut planted) = (Vec::new(), Vec::new());
    let mut total = 0usize;
    while generator.next_chunk(&mut text, &mut planted) {
        sink.write_all(&text).map_err(write_error)?;
        if let Some((file, path)) = &mut truth {
            for found in &planted {
                let line = json!({
                    "offset": found.offset,
                    "length": found.len,
                    "prefix_length": found.prefix_len,
                    "type": found.token_type.map(|t| t.symbol()),
                    "kind": kind_name(found.kind),
                    "format": format_name(found.kind),
                    "checksum": checksum_name(found.checksum),
                });
                writeln!(file, "{line}")
                    .map_err(|e| CliError::io(format!("cannot write {}", path.display()), e))?;
            }
        }
        total += planted.len();
        text.clear();
        planted.clear();
    }
    sink.flush().map_err(write_error)?;
    if let Some((mut file, path)) = truth {
        file.flush()
            .map_err(|e| CliError::io(format!("cannot write {}", path.display()), e))?;
    }
    if args.output.is_some() {
        if out.json {
            out.json(&json!({ "bytes": args.size, "planted": total }))?;
        } else {
            out.line(&format!(
                "wrote {} bytes with {total} planted tokens",
                args.size
            ))?;
        }
        out.flush()?;
    }
    Ok(OK)
}

fn create(path: &Path) -> Result<File, CliError> {
    File::create(path).map_err(|e| CliError::io(format!("cannot write {}", path.display()), e))
}
