//! Tokens to inspect: from the arguments, or from standard input one per line.

use std::io::{self, BufRead, Read, StdinLock};

use crate::cli::TokenInput;
use crate::exit::CliError;

/// Most bytes of one standard-input line that are kept. Far longer than any
/// token (a longer line is answered as too long), so memory stays bounded
/// whatever the input: the rest of such a line is skipped, not stored.
pub const MAX_LINE_LEN: usize = 64 * 1024;

/// The tokens of `input`, one at a time: the arguments, with `-` (or no
/// argument) standing for the lines of standard input, read as they are
/// needed. Blank lines are skipped; line ends and surrounding whitespace are
/// trimmed.
pub fn tokens(input: &TokenInput) -> Tokens {
    let from_stdin = input.tokens.is_empty() || input.tokens.iter().any(|t| t == "-");
    let arguments: Vec<String> = input
        .tokens
        .iter()
        .filter(|t| *t != "-")
        .map(|t| t.trim().to_owned())
        .collect();
    Tokens {
        arguments: arguments.into_iter(),
        stdin: from_stdin.then(|| io::stdin().lock()),
        line: Vec::new(),
    }
}

/// Iterator over the tokens of a [`TokenInput`]; see [`tokens`].
pub struct Tokens {
    arguments: std::vec::IntoIter<String>,
    stdin: Option<StdinLock<'static>>,
    line: Vec<u8>,
}

impl Iterator for Tokens {
    type Item = Result<String, CliError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(argument) = self.arguments.next() {
            return Some(Ok(argument));
        }
        let stdin = self.stdin.as_mut()?;
        loop {
            match next_line(stdin, &mut self.line) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => return Some(Err(CliError::io("cannot read standard input", e))),
            }
            let text = match std::str::from_utf8(&self.line) {
                Ok(text) => text.trim().to_owned(),
                // A cut line may end inside a character; it is too long anyway.
                Err(_) if self.line.len() > MAX_LINE_LEN => {
                    String::from_utf8_lossy(&self.line).trim().to_owned()
                }
                Err(_) => {
                    return Some(Err(CliError::usage(
                        "standard input is not UTF-8: tokens are text",
                    )));
                }
            };
            if !text.is_empty() {
                return Some(Ok(text));
            }
        }
    }
}

/// Reads the next line into `line`, keeping at most `MAX_LINE_LEN + 1` bytes
/// and skipping the rest. `false` at the end of the input.
fn next_line(reader: &mut StdinLock<'static>, line: &mut Vec<u8>) -> io::Result<bool> {
    line.clear();
    let limit = (MAX_LINE_LEN + 1) as u64;
    let read = reader.by_ref().take(limit).read_until(b'\n', line)?;
    if read == 0 {
        return Ok(false);
    }
    if line.last() != Some(&b'\n') && line.len() > MAX_LINE_LEN {
        skip_rest_of_line(reader)?;
    }
    Ok(true)
}

fn skip_rest_of_line(reader: &mut StdinLock<'static>) -> io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        if let Some(end) = buffer.iter().position(|&b| b == b'\n') {
            reader.consume(end + 1);
            return Ok(());
        }
        let len = buffer.len();
        reader.consume(len);
    }
}
