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

    /// Another running Gloss holds the project's lock.
    #[error("{}", locked_message(holder.as_ref()))]
    Locked {
        /// Who holds it, as the lock file says; `None` when the file cannot be read (yet).
        holder: Option<super::lock::LockHolder>,
    },

    /// A symbolic link where Gloss expects a file or folder of the project.
    #[error(
        "{}: this is a symbolic link; Gloss reads and writes only real files and folders inside the \
         project folder (replace the link with what it points to)",
        path.display()
    )]
    Link { path: PathBuf },

    /// A folder, FIFO, device or socket where Gloss expects a regular file.
    #[error("{}: this is {found}: expected a regular file", path.display())]
    NotAFile { path: PathBuf, found: &'static str },

    /// A file, FIFO or device where Gloss expects a folder.
    #[error("{}: this is {found}: expected a folder", path.display())]
    NotAFolder { path: PathBuf, found: &'static str },

    /// A file larger than Gloss reads.
    #[error(
        "{}: the file is larger than {}, the most Gloss reads (set {} to a number of bytes to change \
         the limit)",
        path.display(),
        bytes(*limit),
        super::files::MAX_DOCUMENT_BYTES_VAR
    )]
    TooLarge { path: PathBuf, limit: u64 },

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

    pub(crate) fn link(path: &Path) -> Self {
        Self::Link {
            path: path.to_owned(),
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
    /// what it expected, in the file's terms; an error at the very end of the file says it may be
    /// truncated.
    pub(crate) fn syntax(path: &Path, source: &str, error: &ron::error::SpannedError) -> Self {
        let mut message = ron_message(&error.code);
        // Where the offending token starts: the parser's span can begin at the whitespace before it.
        let position = token_start(source, &error.span);
        let at = (position.line, position.col);
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
            line: position.line,
            column: position.col,
            message,
        }
    }
}

/// The start of `span`, moved past whitespace on its line (but not beyond the span's end).
fn token_start(source: &str, span: &ron::error::Span) -> ron::error::Position {
    let mut at = span.start;
    let Some(line) = source.split('\n').nth(at.line.saturating_sub(1)) else {
        return span.end;
    };
    for c in line.chars().skip(at.col.saturating_sub(1)) {
        let next = ron::error::Position {
            line: at.line,
            col: at.col + 1,
        };
        if !c.is_whitespace() || next > span.end {
            break;
        }
        at = next;
    }
    at
}

/// The (line, column) just after the last char of `source`, counted as ron counts (from 1, in chars).
fn end_of(source: &str) -> (usize, usize) {
    let line = 1 + source.matches('\n').count();
    let column = 1 + source.chars().rev().take_while(|&c| c != '\n').count();
    (line, column)
}

/// The names of the on-disk types as a user knows the values they stand for. ron and serde name the
/// Rust type a value was read into; a message must name the thing in the file instead.
const USER_TERMS: [(&str, &str); 25] = [
    ("QuoteSettingsV1", "the quote settings"),
    ("AttributeTargetV1", "an attribute's target"),
    ("DocumentEntryV1", "a document entry"),
    ("AttributeDefV1", "an attribute"),
    ("EntityLabelV1", "an entity label"),
    ("VersionProbe", "the file"),
    ("ProvenanceV1", "a provenance"),
    ("QuoteKindV1", "a quote kind"),
    ("EventTypeV1", "an event type"),
    ("ProjectFile", "the project file"),
    ("SettingsV1", "the settings"),
    ("ArgumentV1", "an event argument"),
    ("SpeakerV1", "a speaker"),
    ("RoleDefV1", "a role"),
    ("LayerFile", "the layer file"),
    ("SchemaV1", "the schema"),
    ("StatusV1", "the status"),
    ("SourceV1", "a provenance source"),
    ("EntityV1", "an entity"),
    ("QuoteV1", "a quote"),
    ("EventV1", "an event"),
    ("MetaV1", "a document's meta"),
    ("SpanV1", "a span"),
    ("usize", "a whole number"),
    ("u32", "a whole number"),
];

/// The user's term for the on-disk type `name` (a name not in [`USER_TERMS`] is a variant name the
/// user wrote, such as `Suggestion`, and stays).
fn user_term(name: &str) -> String {
    USER_TERMS
        .iter()
        .find(|(internal, _)| *internal == name)
        .map_or_else(
            || format!("`{}`", shorten(name)),
            |(_, term)| (*term).to_owned(),
        )
}

/// ` in <what>` for a message about a field, or nothing when the parser did not say.
fn inside(outer: &Option<String>) -> String {
    outer
        .as_deref()
        .map(|outer| format!(" in {}", user_term(outer)))
        .unwrap_or_default()
}

fn one_of(names: &[&str]) -> String {
    match names {
        [] => "none here".to_owned(),
        [one] => format!("`{one}`"),
        _ => format!(
            "one of {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// ron's messages, reworded where they would puzzle someone who is not a Rust programmer or name the
/// program's internals, with anything quoted from the file cut short.
fn ron_message(code: &ron::Error) -> String {
    use ron::Error as E;
    let message = match code {
        E::Eof => "the file ends too early (is it truncated?)".to_owned(),
        E::MissingStructField { field, outer } => {
            format!("expected a field `{field}`{}", inside(outer))
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{}`{}: expected {} (is it misspelt?)",
            shorten(found),
            inside(outer),
            one_of(expected)
        ),
        E::DuplicateStructField { field, outer } => format!(
            "the field `{field}` appears twice{}: expected it once",
            inside(outer)
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown value `{}`{}: expected {}",
            shorten(found),
            match outer {
                Some(outer) => format!(" for {}", user_term(outer)),
                None => String::new(),
            },
            one_of(expected)
        ),
        E::ExpectedDifferentStructName { expected, found } => format!(
            "found the name `{}` before `(`: expected {} (the name may be left out)",
            shorten(found),
            user_term(expected)
        ),
        E::ExpectedNamedStructLike(_) | E::ExpectedStructName(_) => {
            "Expected opening `(`".to_owned()
        }
        E::ExceededRecursionLimit => {
            "values are nested too deeply here: Gloss files nest only a few levels".to_owned()
        }
        E::SuggestRawIdentifier(name) | E::InvalidIdentifier(name) => {
            format!("`{}` is not a valid name here", shorten(name))
        }
        E::UnclosedLineComment => "Unclosed comment".to_owned(),
        E::ExpectedRawValue => "Expected a value".to_owned(),
        other => other.to_string(),
    };
    sanitize(&message)
}

/// The longest excerpt of a user's file a message quotes, in chars.
const EXCERPT_CHARS: usize = 40;

/// The longest message about a file's contents, in chars.
const MESSAGE_CHARS: usize = 240;

/// Cuts a quoted value short, keeping its start.
pub(crate) fn shorten(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(EXCERPT_CHARS - 1).collect();
    short.push('…');
    short
}

/// Makes a parser's message fit for a user: internal type names replaced by what they stand for, every
/// quoted part (between `"` or backticks) cut to a short excerpt, and the whole capped, so that a
/// 50 MB line is never echoed back.
fn sanitize(message: &str) -> String {
    let mut text = message.to_owned();
    for (internal, term) in USER_TERMS {
        if text.contains(internal) {
            text = text
                .replace(&format!("`{internal}`"), term)
                .replace(internal, term);
        }
    }
    let mut out = String::with_capacity(text.len().min(MESSAGE_CHARS * 4));
    let mut quoted: Option<(char, String)> = None;
    for c in text.chars() {
        match &mut quoted {
            None => {
                out.push(c);
                if c == '"' || c == '`' {
                    quoted = Some((c, String::new()));
                }
            }
            Some((open, inner)) => {
                if c == *open && !inner.ends_with('\\') {
                    out.push_str(&shorten(inner));
                    out.push(c);
                    quoted = None;
                } else {
                    inner.push(c);
                }
            }
        }
    }
    if let Some((_, inner)) = quoted {
        out.push_str(&shorten(&inner));
    }
    if out.chars().count() > MESSAGE_CHARS {
        out = out.chars().take(MESSAGE_CHARS - 1).collect();
        out.push('…');
    }
    out
}

/// `33554432 bytes (32 MiB)`.
fn bytes(count: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if count >= MIB && count.is_multiple_of(MIB) {
        format!("{count} bytes ({} MiB)", count / MIB)
    } else {
        format!("{count} bytes")
    }
}

fn locked_message(holder: Option<&super::lock::LockHolder>) -> String {
    match holder {
        Some(holder) => format!(
            "the project is open in Gloss by {} (process {} on host {}); close it there first",
            holder.name, holder.pid, holder.host
        ),
        None => "the project is open in another Gloss; close it there first".to_owned(),
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
