//! CoNLL-2003 style columns: entity mentions as token tags.
//!
//! Export layout, one (document, layer) after another:
//!
//! ```text
//! -DOCSTART- -X- O O
//!
//! Serbian _ _ B-NORP
//! President _ _ O
//! Aleksandar _ _ B-PERSON
//! Vucic _ _ I-PERSON
//! . _ _ O
//!
//! ```
//!
//! - Four columns separated by one space on every line, as CoNLL-2003 has them: the token, two
//!   columns Gloss has no values for (part of speech and chunk, `_`), then the tag (`--scheme iob2`:
//!   `B-`/`I-`/`O`, the default; `--scheme bilou`: `B-`/`I-`/`L-`/`U-`/`O`). Readers that take the first
//!   column as the token and the last as the tag (seqeval scripts, spaCy's `conll_ner_to_docs`, flair)
//!   read it as is, and readers that expect one column count throughout find it.
//! - Each document begins with `-DOCSTART- -X- O O` and a blank line: the exact line spaCy's converter
//!   splits documents on; every other reader skips lines starting with `-DOCSTART-`. The document id
//!   and layer cannot go into the file itself: spaCy's converter reads every line between two
//!   `-DOCSTART-` lines (a `# doc = …` comment included) as a token, so any such line would become
//!   text. They go into a file beside it instead, named after it (`gold.conll.documents.tsv`, see
//!   [`MANIFEST_SUFFIX`]): one line per `-DOCSTART-` block, in order, with the block's document id
//!   and layer, so the pair describes itself and Gloss reads the ids and layers back. Documents come
//!   in project order, each document's layers in name order.
//! - A tag holds no whitespace: a label with a space (`Prime Minister`) is written percent-encoded
//!   (`B-Prime%20Minister`), named in the report, and decoded when Gloss reads the file back.
//! - The layers of one document share their tokens and sentences, so each rebuilds the same text.
//! - A blank line ends each sentence. Tokens and sentences are those of
//!   [`crate::formats::tagging`], so tokens never hold whitespace and every kept entity is exact.
//! - Nested or overlapping entities cannot be held: the longest is kept, each other one is named in the
//!   report and the export goes on. Quotes, events, attributes, notes and norms are counted as not held.
//!
//! Import: columns separated by spaces or tabs; the first is the token, the last the tag, any between
//! are ignored. Tags may be IOB1, IOB2, BILOU or IOBES. Documents are split at `-DOCSTART-` lines (a
//! file without any is one document), sentences at blank lines. The text is rebuilt: tokens joined by
//! single spaces, one sentence per line, so offsets follow from it. Documents are named
//! `<file stem>-<n>`.

use std::io::Write as _;

use super::error::{FormatError, excerpt};
use super::export::{ExportReport, Selected, TagScheme};
use super::import_builder::{Builder, file_stem, title_from};
use super::source_text::SourceText;
use super::tagging::{decode, rebuild_text, tag_layers};
use crate::model::{CharSpan, DocumentMeta};

/// The line that begins each document.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// What the file naming each block's document and layer adds to the CoNLL file's name.
pub const MANIFEST_SUFFIX: &str = ".documents.tsv";

/// The first line of a manifest, then its column names.
const MANIFEST_HEAD: &str = "# The documents of the CoNLL file this one is named after: one line per \
                             -DOCSTART- block, in order. Written by Gloss, read back by \
                             `gloss import --format conll`.\nblock\tdocument\tlayer\n";

/// The manifest of an export of `chosen`: each block's number, document id and layer.
pub(crate) fn manifest(chosen: &[Selected<'_>]) -> Vec<u8> {
    let mut out = MANIFEST_HEAD.to_owned();
    for (i, at) in chosen.iter().enumerate() {
        // Ids and layer names hold no tabs or line breaks (see `DocId` and `LayerName`).
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            i + 1,
            at.document.id,
            at.layer_name
        ));
    }
    out.into_bytes()
}

/// One block of a manifest: the document and layer it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Described {
    pub document: String,
    pub layer: String,
}

/// Reads a manifest; the error names the line and what was expected.
pub(crate) fn read_manifest(file: &str, text: &str) -> Result<Vec<Described>, FormatError> {
    let mut blocks = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.starts_with('#') || line.trim().is_empty() || line == "block\tdocument\tlayer" {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [block, document, layer] = fields.as_slice() else {
            return Err(FormatError::parse(
                file,
                number,
                format!(
                    "expected a block number, a document id and a layer separated by tabs, found {}",
                    excerpt(line)
                ),
            ));
        };
        if block.trim().parse::<usize>().ok() != Some(blocks.len() + 1) {
            return Err(FormatError::parse(
                file,
                number,
                format!(
                    "expected block {}, found {}",
                    blocks.len() + 1,
                    excerpt(block)
                ),
            ));
        }
        blocks.push(Described {
            document: (*document).to_owned(),
            layer: (*layer).to_owned(),
        });
    }
    Ok(blocks)
}

pub(crate) fn export(
    chosen: &[Selected<'_>],
    scheme: TagScheme,
    report: &mut ExportReport,
) -> Result<Vec<u8>, FormatError> {
    let mut out = Vec::new();
    for (at, (entities, sentences)) in chosen.iter().zip(tag_layers(chosen, scheme, report)) {
        for entity in &entities {
            let encoded = encode_label(entity.label);
            if encoded != entity.label {
                report
                    .labels_encoded
                    .insert(entity.label.to_owned(), encoded);
            }
        }
        let text = &at.document.text;
        writeln!(out, "{DOCSTART}\n")?;
        for sentence in sentences {
            for (token, tag) in sentence {
                // Tokens come from the text itself, so they always lie inside it.
                let token = text.slice(token).unwrap_or_default();
                writeln!(out, "{token} {NO_VALUE} {NO_VALUE} {}", encode_label(&tag))?;
            }
            out.push(b'\n');
        }
    }
    Ok(out)
}

/// What the two middle columns hold: Gloss has no part-of-speech or chunk tags.
const NO_VALUE: &str = "_";

/// Whether a CoNLL reader splits a line at `c`: Rust's and Python's `str.split()` whitespace (which
/// includes the separators U+001C to U+001F).
fn splits_columns(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `label` as a CoNLL column can hold it: every char a reader splits columns at is percent-encoded
/// (`Prime Minister` → `Prime%20Minister`), and so is a `%` that would otherwise read as an escape,
/// so that [`decode_label`] gives the label back exactly.
pub(crate) fn encode_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let bytes = label.as_bytes();
    for (i, c) in label.char_indices() {
        let escape_like = c == '%' && hex_pair(bytes.get(i + 1..i + 3)).is_some();
        if splits_columns(c) || escape_like {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The label [`encode_label`] wrote: `%XX` escapes undone (where they form UTF-8), anything else kept.
pub(crate) fn decode_label(written: &str) -> String {
    if !written.contains('%') {
        return written.to_owned();
    }
    let bytes = written.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex_pair(bytes.get(i + 1..i + 3))) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| written.to_owned())
}

fn hex_pair(pair: Option<&[u8]>) -> Option<u8> {
    let pair = std::str::from_utf8(pair?).ok()?;
    u8::from_str_radix(pair, 16)
        .ok()
        .filter(|_| pair.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Moves a finished sentence into the current document.
fn end_sentence<'a>(sentence: &mut Vec<TokenLine<'a>>, documents: &mut [Vec<Vec<TokenLine<'a>>>]) {
    if !sentence.is_empty()
        && let Some(document) = documents.last_mut()
    {
        document.push(std::mem::take(sentence));
    }
}

/// One token line of a CoNLL file.
struct TokenLine<'a> {
    token: &'a str,
    tag: &'a str,
    line: usize,
}

/// Reads one CoNLL file; `described` is its manifest's blocks, when one was found beside it.
pub(crate) fn import(
    builder: &mut Builder<'_>,
    file: &str,
    text: &str,
    described: Option<&[Described]>,
) -> Result<(), FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut documents: Vec<Vec<Vec<TokenLine<'_>>>> = vec![Vec::new()];
    let mut sentence: Vec<TokenLine<'_>> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => end_sentence(&mut sentence, &mut documents),
            ["-DOCSTART-", ..] => {
                end_sentence(&mut sentence, &mut documents);
                if documents.last().is_some_and(|d| !d.is_empty()) {
                    documents.push(Vec::new());
                }
            }
            [_] => {
                return Err(FormatError::parse(
                    file,
                    number,
                    format!(
                        "expected a token and its tag separated by whitespace, found {}",
                        excerpt(line)
                    ),
                ));
            }
            [token, .., tag] => sentence.push(TokenLine {
                token,
                tag,
                line: number,
            }),
        }
    }
    end_sentence(&mut sentence, &mut documents);

    let documents: Vec<_> = documents.into_iter().filter(|d| !d.is_empty()).collect();
    let described = match described {
        Some(blocks) if blocks.len() != documents.len() => {
            builder.note(
                file,
                None,
                format!(
                    "its manifest names {} blocks but the file has {}: the documents were named \
                     after the file instead",
                    blocks.len(),
                    documents.len()
                ),
            );
            None
        }
        other => other,
    };
    let stem = file_stem(file);
    for (i, sentences) in documents.into_iter().enumerate() {
        let n = i + 1;
        let named = described.and_then(|blocks| blocks.get(i));
        let mut decoded = Vec::with_capacity(sentences.len());
        for sentence in &sentences {
            let tags: Vec<&str> = sentence.iter().map(|t| t.tag).collect();
            let entities = decode(&tags).map_err(|(i, message)| {
                FormatError::parse(file, sentence.get(i).map_or(0, |t| t.line), message)
            })?;
            decoded.push(entities);
        }
        let tokens: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(|t| t.token).collect())
            .collect();
        let (rebuilt, spans) = rebuild_text(&tokens);
        let source = SourceText::new(&rebuilt);
        let title = title_from(&rebuilt);
        let id = named.map_or_else(|| format!("{stem}-{n}"), |b| b.document.clone());
        let doc = builder.document(&id, title, &source, DocumentMeta::default());
        let key = builder.named_key(&doc, named.map(|b| b.layer.as_str()), file);
        for (entities, spans) in decoded.iter().zip(&spans) {
            for entity in entities {
                let (Some(first), Some(last)) =
                    (spans.get(entity.start), spans.get(entity.end - 1))
                else {
                    continue;
                };
                let label = decode_label(&entity.label);
                builder.entity(&key, CharSpan::new(first.start, last.end), &label);
            }
        }
    }
    Ok(())
}
