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

/// The most chars of a file's content a message quotes.
const EXCERPT_CHARS: usize = 60;

/// A short, quoted excerpt of `text` for a message: at most [`EXCERPT_CHARS`] chars, `…` when cut,
/// so that a 50 MB line is never repeated whole.
pub(crate) fn excerpt(text: &str) -> String {
    let mut chars = text.char_indices();
    match chars.nth(EXCERPT_CHARS) {
        None => format!("{text:?}"),
        Some((cut, _)) => format!("{:?}…", &text[..cut]),
    }
}

/// What a JSON parser's error says, in the user's terms: the position and what was wrong, without
/// the names of Gloss's internal types or advice about parser settings, and with any quoted input cut
/// to a short excerpt.
pub(crate) fn json_problem(err: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = format!("line {} column {}", err.line(), err.column());
    let what = match err.classify() {
        Category::Eof => "the JSON ends too early".to_owned(),
        Category::Io => "the file could not be read".to_owned(),
        Category::Syntax => {
            let message = err.to_string();
            if message.starts_with("recursion limit exceeded") {
                "the JSON is nested too deeply (more than 128 levels)".to_owned()
            } else {
                strip_position(&message).to_owned()
            }
        }
        Category::Data => user_terms(strip_position(&err.to_string())),
    };
    format!("{what} (JSON {at})")
}

/// `message` without serde_json's trailing ` at line L column C`.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |at| &message[..at])
}

/// A serde data error with internal struct names replaced and quoted values shortened.
fn user_terms(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(200));
    // "expected struct EntityIn" names a Rust type: say what the file should hold instead.
    let mut rest = message;
    while let Some(at) = rest.find("struct ") {
        out.push_str(&rest[..at]);
        out.push_str("a JSON object");
        let after = &rest[at + "struct ".len()..];
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        rest = &after[name_len..];
    }
    out.push_str(rest);
    // Values quoted by serde (`invalid type: string "…"`) may be whole lines: keep an excerpt.
    if out.chars().count() > 160 {
        let cut: String = out.chars().take(157).collect();
        return format!("{cut}…");
    }
    out
}
