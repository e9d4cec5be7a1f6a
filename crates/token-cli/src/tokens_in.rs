//! Tokens to inspect: from the arguments, or from standard input one per line.

use std::io::{self, BufRead};

use crate::cli::TokenInput;
use crate::exit::CliError;

/// The tokens of `input`: the arguments, with `-` (or no argument) standing
/// for the lines of standard input. Blank lines are skipped; line ends and
/// surrounding whitespace are trimmed.
pub fn tokens(input: &TokenInput) -> Result<Vec<String>, CliError> {
    let mut tokens = Vec::new();
    let from_stdin = input.tokens.is_empty() || input.tokens.iter().any(|t| t == "-");
    for token in &input.tokens {
        if token != "-" {
            tokens.push(token.trim().to_owned());
        }
    }
    if from_stdin {
        for line in io::stdin().lock().lines() {
            let line = line.map_err(|e| CliError::io("cannot read standard input", e))?;
            let line = line.trim();
            if !line.is_empty() {
                tokens.push(line.to_owned());
            }
        }
    }
    Ok(tokens)
}
