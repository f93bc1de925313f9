//! Import and export as pure functions over strings and writers: no files, no window, no clock.
//!
//! Each format lives in its own module and speaks the model's language (char offsets, half-open spans).
//! The callers (the CLI, the window) read and write the files.
//!
//! - [`txt`]: plain text in, one document per file or per non-empty line.
//! - [`jsonl`]: one JSON object per (document, layer) out, offsets in code points.

pub mod jsonl;
pub mod txt;

pub use jsonl::{ExportSummary, export_jsonl, export_jsonl_bytes};
pub use txt::documents_from_text;

// Exchange formats for gold-standard exports and imports (issue 5): one entry point each way,
// `export(project, format, selection)` and `import(project, format, files, options)`.
pub mod brat;
mod brat_ann;
pub mod conll;
pub mod csv;
mod error;
pub mod export;
pub mod hf;
pub mod html;
pub mod import;
mod import_brat;
mod import_builder;
mod import_jsonl;
mod import_spans;
pub mod label_studio;
mod mhtml;
pub mod noise;
mod source_text;
pub mod spacy;
mod spacy_tokens;
mod tagging;
pub mod webanno;

pub use error::FormatError;
pub use export::{
    Export, ExportFile, ExportFormat, ExportReport, ExportSelection, Issue, SpanIssue, TagScheme,
    export,
};
pub use import::{Import, ImportFormat, ImportNote, ImportOptions, import};
