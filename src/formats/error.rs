//! What can go wrong reading or writing an exchange format.

use std::io;

use thiserror::Error;

/// Why an import or export could not be done. An import that fails has changed nothing: the caller
/// applies an [`crate::formats::Import`] only once it has been read completely.
#[derive(Debug, Error)]
pub enum FormatError {
    /// A line of a file does not have the shape the format requires. `line` counts from 1.
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        /// What was expected and what was found.
        message: String,
    },
    /// A file as a whole is not what the format requires (a brat `.ann` without its `.txt`, a JSON
    /// document that is not an array of tasks).
    #[error("{file}: {message}")]
    File { file: String, message: String },
    /// A file that is not UTF-8 text.
    #[error(
        "{file}: not valid UTF-8 at byte {byte}: expected UTF-8 text (convert it first, e.g. with \
         `iconv -f WINDOWS-1252 -t UTF-8`)"
    )]
    NotUtf8 { file: String, byte: usize },
    /// Nothing to read: no file given, or none the format reads.
    #[error("nothing to import: {0}")]
    Empty(String),
    /// The project holds something no format can write, such as a span outside its document (which a
    /// validated project never has). Names the layer, the annotation and the problem.
    #[error("{0}")]
    Project(String),
    /// Writing to memory failed (only an out-of-memory writer can do that).
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl FormatError {
    pub(crate) fn parse(file: &str, line: usize, message: impl Into<String>) -> Self {
        FormatError::Parse {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }

    pub(crate) fn file(file: &str, message: impl Into<String>) -> Self {
        FormatError::File {
            file: file.to_owned(),
            message: message.into(),
        }
    }
}

/// A file's bytes as text: UTF-8 required, a leading byte-order mark kept (offsets may count it; see
/// [`crate::formats::source_text`]).
pub(crate) fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, FormatError> {
    std::str::from_utf8(bytes).map_err(|err| FormatError::NotUtf8 {
        file: file.to_owned(),
        byte: err.valid_up_to(),
    })
}
