//! The inputs named on the command line: standard input, files, and the
//! files under directories (recursively, in name order).

use std::fs;
use std::path::{Path, PathBuf};

use crate::exit::CliError;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// How the input is named in output.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_owned(),
            Input::File(path) => path.display().to_string(),
        }
    }
}

/// The inputs `paths` name: no path or `-` is standard input; directories
/// give every file under them (symbolic links to directories are not
/// followed, so no loop). Paths that cannot be listed are passed to `error`.
pub fn inputs(paths: &[PathBuf], error: &mut dyn FnMut(CliError)) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Stdin];
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs, error);
        } else {
            // Files, and paths that do not exist: opening them reports why.
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, error: &mut dyn FnMut(CliError)) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return error(CliError::io(format!("cannot list {}", dir.display()), e)),
    };
    let mut paths: Vec<(PathBuf, bool)> = Vec::new();
    for entry in entries {
        match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
            Ok((path, kind)) if kind.is_dir() => paths.push((path, true)),
            // A link to a directory is skipped; to a file, read.
            Ok((path, kind)) if kind.is_symlink() && path.is_dir() => {}
            Ok((path, _)) => paths.push((path, false)),
            Err(e) => error(CliError::io(format!("cannot list {}", dir.display()), e)),
        }
    }
    paths.sort();
    for (path, is_dir) in paths {
        if is_dir {
            walk(&path, inputs, error);
        } else {
            inputs.push(Input::File(path));
        }
    }
}
