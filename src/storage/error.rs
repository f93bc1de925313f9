//! What can go wrong reading or writing a project folder. Every error names the file it is about, and
//! where it can, the line and column and what was expected, so that one message is enough to fix it.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// An error reading, validating or writing a project. Paths are as the caller gave the project folder
/// joined with the file's place in it (`projects/kosovo-talks/annotations/talks/alice.ron`).
#[derive(Debug, Error)]
pub enum StorageError {
    /// The folder has no `project.ron`.
    #[error("{}: not a Gloss project (it has no {})", dir.display(), super::PROJECT_FILE)]
    NotAProject { dir: PathBuf },

    /// `create` found a project already there.
    #[error("{}: a Gloss project already exists here", path.display())]
    AlreadyExists { path: PathBuf },

    /// `create` was given a folder that holds other files.
    #[error("{}: the folder is not empty; a new project needs a new or empty folder", dir.display())]
    NotEmpty { dir: PathBuf },

    /// The operating system refused to read, write, list or remove a file.
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        /// What was being done: "read", "write", "list", "remove", "create folder".
        action: &'static str,
        source: io::Error,
    },

    /// A text or RON file that is not UTF-8.
    #[error("{}: not valid UTF-8 at byte {offset}", path.display())]
    InvalidUtf8 {
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },

    /// RON that does not parse or does not have the expected shape. Line and column count from 1.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        /// What the parser expected and what it found.
        message: String,
    },

    /// A file written by a format version this build does not read.
    #[error(
        "{}: format version {found} is not supported; this version of Gloss reads format {}",
        path.display(),
        list(supported)
    )]
    UnsupportedVersion {
        path: PathBuf,
        found: u32,
        supported: Vec<u32>,
    },

    /// A file that parses but does not make sense: a span out of bounds, covered text that does not
    /// match, an unknown label, a dangling link, a duplicate id, a bad colour or name.
    #[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        path: PathBuf,
        /// The line the problem is on, when it can be told (counting from 1).
        line: Option<usize>,
        /// Names the document, layer and annotation concerned, then what was expected.
        message: String,
    },

    /// Another live Gloss holds the project's lock file.
    #[error(
        "the project is open in another Gloss (process {pid} on host {host}, see its {} file); \
         close it there first",
        super::lock::LOCK_FILE
    )]
    Locked { pid: u32, host: String },

    /// A value could not be turned into RON (should not happen for the types of this format).
    #[error("{}: cannot serialise: {message}", path.display())]
    Serialize { path: PathBuf, message: String },
}

impl StorageError {
    pub(crate) fn io(path: &Path, action: &'static str, source: io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            action,
            source,
        }
    }

    pub(crate) fn invalid(path: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        Self::Invalid {
            path: path.to_owned(),
            line,
            message: message.into(),
        }
    }

    /// A RON parse error in `source` (the file's text), with the parser's position and its account of
    /// what it expected; an error at the very end of the file says it may be truncated.
    pub(crate) fn syntax(path: &Path, source: &str, error: &ron::error::SpannedError) -> Self {
        let mut message = ron_message(&error.code);
        let at = (error.position.line, error.position.col);
        // Every file Gloss writes ends with the `)` of its outermost value; without it, the parser's
        // complaint (an unclosed string, say) is a symptom and truncation the likely cause.
        if !matches!(error.code, ron::Error::Eof) {
            if !source.trim_end().ends_with(')') {
                message.push_str("; the file ends without its closing `)` (is it truncated?)");
            } else if at >= end_of(source.trim_end()) {
                message.push_str("; the file ends here (is it truncated?)");
            }
        }
        Self::Syntax {
            path: path.to_owned(),
            line: error.position.line,
            column: error.position.col,
            message,
        }
    }
}

/// The (line, column) just after the last char of `source`, counted as ron counts (from 1, in chars).
fn end_of(source: &str) -> (usize, usize) {
    let line = 1 + source.matches('\n').count();
    let column = 1 + source.chars().rev().take_while(|&c| c != '\n').count();
    (line, column)
}

/// ron's messages, reworded where they would puzzle someone who is not a Rust programmer.
fn ron_message(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (is it truncated?)".to_owned(),
        ron::Error::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("expected a field `{field}` in {outer}"),
            None => format!("expected a field `{field}`"),
        },
        other => other.to_string(),
    }
}

fn list(versions: &[u32]) -> String {
    versions
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which annotation of which layer a semantic error is about, for messages.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Place<'a> {
    pub doc: &'a str,
    pub layer: &'a str,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document {}, layer {}", self.doc, self.layer)
    }
}

/// Checks that `bytes` are UTF-8, naming the file and the first bad byte otherwise.
pub(crate) fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, StorageError> {
    std::str::from_utf8(bytes).map_err(|e| StorageError::InvalidUtf8 {
        path: path.to_owned(),
        offset: e.valid_up_to(),
    })
}

/// Same as [`utf8`], for owned bytes, without copying.
pub(crate) fn utf8_owned(path: &Path, bytes: Vec<u8>) -> Result<String, StorageError> {
    String::from_utf8(bytes).map_err(|e| StorageError::InvalidUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}
