//! Import of WebAnno TSV 3 (3.1–3.3), as INCEpTION and WebAnno export a document.
//!
//! ```text
//! #FORMAT=WebAnno TSV 3.3   (columns below are separated by tabs)
//! #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
//!
//!
//! #Text=Vučić met Albin Kurti 🇽🇰 .
//! 1-1  0-5  Vučić  *  PER
//! 1-2  6-9  met  _  _
//! 1-3  10-15  Albin  *[1]  PER[1]
//! 1-4  16-21  Kurti  *[1]  PER[1]
//! ```
//!
//! - The header declares layers (`#T_SP` span, `#T_CH` chain, `#T_RL` relation), each with its
//!   features; every feature is one column after the token's id, offsets and text (a layer without
//!   features has one placeholder column). Rows may end with a tab.
//! - Offsets count UTF-16 code units of the document. The text is rebuilt from the `#Text=` lines (a
//!   sentence with line breaks has several), each placed where its first token begins; what lies
//!   between sentences is not in the file and becomes a line break (then spaces, so offsets stay
//!   aligned). Each token is checked against the rebuilt text; a token that does not fit is reported
//!   and annotations on it are skipped.
//! - Entities come from the named-entity layer and from custom span layers (`webanno.custom.*`): the
//!   label is the `value` feature (else the layer's first feature, else the layer's name when the
//!   annotation has no value, `*`). `LABEL[3]` on several tokens is one multi-token entity; stacked
//!   annotations are separated by `|`. Other layers (POS, lemmas, chains, relations) are reported as
//!   skipped.

use std::collections::BTreeMap;

use super::error::{FormatError, excerpt};
use super::import_builder::{Builder, file_stem, title_from};
use super::source_text::{SourceText, Unit};
use crate::model::{CharSpan, DocumentMeta};

const NAMED_ENTITY: &str = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";

/// A layer declared in the header, and where its columns start.
struct LayerDef {
    name: String,
    /// The column (counted among the feature columns) holding the label, for layers read as entities.
    label_column: Option<usize>,
    first_column: usize,
}

/// One token row.
struct Row<'a> {
    line: usize,
    begin: usize,
    end: usize,
    token: String,
    cells: Vec<&'a str>,
}

/// A sentence: its text and its rows.
struct Sentence<'a> {
    line: usize,
    text: String,
    rows: Vec<Row<'a>>,
}

pub(crate) fn read(builder: &mut Builder<'_>, file: &str, text: &str) -> Result<(), FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut layers: Vec<LayerDef> = Vec::new();
    let mut columns = 0;
    let mut sentences: Vec<Sentence<'_>> = Vec::new();
    let mut in_text = false;
    let mut saw_format = false;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if let Some(format) = line.strip_prefix("#FORMAT=") {
            if !format.starts_with("WebAnno TSV 3") {
                return Err(FormatError::parse(
                    file,
                    number,
                    format!("expected #FORMAT=WebAnno TSV 3.x, found {}", excerpt(line)),
                ));
            }
            saw_format = true;
        } else if let Some(declaration) = ["#T_SP=", "#T_CH=", "#T_RL="]
            .iter()
            .find_map(|p| line.strip_prefix(p))
        {
            let mut parts = declaration.split('|');
            let name = parts.next().unwrap_or_default().to_owned();
            let features: Vec<&str> = parts.collect();
            let entity_layer = line.starts_with("#T_SP=")
                && (name == NAMED_ENTITY || name.starts_with("webanno.custom."));
            let label_column = entity_layer.then(|| {
                features
                    .iter()
                    .position(|f| *f == "value")
                    .or_else(|| {
                        features.iter().position(|f| {
                            !f.is_empty() && !f.starts_with("ROLE_") && !f.starts_with("BT_")
                        })
                    })
                    .unwrap_or(0)
            });
            let width = features.len().max(1);
            layers.push(LayerDef {
                name,
                label_column,
                first_column: columns,
            });
            columns += width;
        } else if let Some(sentence) = line.strip_prefix("#Text=") {
            let sentence = unescape(sentence);
            match sentences.last_mut() {
                // A sentence with line breaks continues on the next #Text line.
                Some(last) if in_text => {
                    last.text.push('\n');
                    last.text.push_str(&sentence);
                }
                _ => sentences.push(Sentence {
                    line: number,
                    text: sentence,
                    rows: Vec::new(),
                }),
            }
            in_text = true;
        } else if line.starts_with('#') || line.trim().is_empty() {
            in_text = false;
        } else {
            in_text = false;
            let Some(sentence) = sentences.last_mut() else {
                return Err(FormatError::parse(
                    file,
                    number,
                    "expected a #Text= line before the first token row",
                ));
            };
            sentence.rows.push(row(file, number, line, columns)?);
        }
    }
    if !saw_format {
        return Err(FormatError::parse(
            file,
            1,
            "expected #FORMAT=WebAnno TSV 3.x on the first line",
        ));
    }

    let source = SourceText::new(&rebuild(file, text.len(), &sentences)?);
    let doc = builder.document(
        file_stem(file),
        title_from(source.text.as_str()),
        &source,
        DocumentMeta::default(),
    );
    let key = builder.key(&doc);
    let skipped: Vec<&str> = layers
        .iter()
        .filter(|l| l.label_column.is_none())
        .map(|l| l.name.rsplit('.').next().unwrap_or(&l.name))
        .collect();
    if !skipped.is_empty() {
        builder.note(
            file,
            None,
            format!(
                "layers skipped (Gloss reads named entities and custom span layers): {}",
                skipped.join(", ")
            ),
        );
    }

    // Entities by (layer, disambiguation index), or alone: (first line, span, label, every token fits).
    let mut grouped: BTreeMap<(usize, usize), (usize, CharSpan, String, bool)> = BTreeMap::new();
    let mut single: Vec<(usize, CharSpan, String, bool)> = Vec::new();
    for row in sentences.iter().flat_map(|s| &s.rows) {
        let fits = match source.resolve(row.begin, row.end, Some(&row.token), &[Unit::Utf16]) {
            Ok(span) => Some(span),
            Err(message) => {
                builder.note(file, Some(row.line), format!("token skipped: {message}"));
                None
            }
        };
        let span = fits.unwrap_or_default();
        for (l, layer) in layers.iter().enumerate() {
            let Some(label_column) = layer.label_column else {
                continue;
            };
            let cell = row
                .cells
                .get(layer.first_column + label_column)
                .copied()
                .unwrap_or("_");
            for (value, index) in cell_values(cell) {
                let short = layer.name.rsplit('.').next().unwrap_or(&layer.name);
                let label = if value.is_empty() || value == "*" {
                    short.to_owned()
                } else {
                    value
                };
                match index {
                    Some(index) => {
                        let entry = grouped
                            .entry((l, index))
                            .or_insert((row.line, span, label, true));
                        entry.1 = if entry.3 && fits.is_some() {
                            entry.1.union(span)
                        } else {
                            entry.1
                        };
                        entry.3 &= fits.is_some();
                    }
                    None => single.push((row.line, span, label, fits.is_some())),
                }
            }
        }
    }
    let mut entities: Vec<(usize, CharSpan, String, bool)> =
        grouped.into_values().chain(single).collect();
    entities.sort_by_key(|(line, span, _, _)| (span.start, span.end, *line));
    for (line, span, label, fits) in entities {
        if fits {
            builder.entity(&key, span, &label);
        } else {
            builder.note(
                file,
                Some(line),
                format!("{label} skipped: it covers a token that does not fit the text"),
            );
        }
    }
    Ok(())
}

fn row<'a>(
    file: &str,
    number: usize,
    line: &'a str,
    columns: usize,
) -> Result<Row<'a>, FormatError> {
    let mut fields: Vec<&str> = line.split('\t').collect();
    // Rows of TSV 3.2 and later end with a tab.
    if fields.len() == columns + 4 && fields.last() == Some(&"") {
        fields.pop();
    }
    let offsets = fields.get(1).and_then(|o| o.split_once('-'));
    let (begin, end) = match offsets.map(|(b, e)| (b.parse::<usize>(), e.parse::<usize>())) {
        Some((Ok(begin), Ok(end))) => (begin, end),
        _ => {
            return Err(FormatError::parse(
                file,
                number,
                format!(
                    "expected <sentence>-<token>\\t<begin>-<end>\\t<token>\\t… with offsets that \
                     are numbers, found {}",
                    excerpt(line)
                ),
            ));
        }
    };
    if fields.len() < 3 + columns {
        return Err(FormatError::parse(
            file,
            number,
            format!(
                "expected {} columns (id, offsets, token and {columns} from the header), found {}",
                3 + columns,
                fields.len()
            ),
        ));
    }
    Ok(Row {
        line: number,
        begin,
        end,
        token: unescape(fields[2]),
        cells: fields[3..].to_vec(),
    })
}

/// The most blank chars Gloss fills in between sentences, in all: the space between sentences is not
/// in the file, so gaps larger than the file itself (and this floor) are damaged or hostile offsets,
/// not text; filling them would turn a few bytes into gigabytes.
const MIN_GAP_ALLOWED: usize = 4096;

/// The document text: each sentence where its first token begins (in UTF-16 units), a line break and
/// spaces in between. `file_len` (bytes) bounds each gap: see [`MIN_GAP_ALLOWED`].
fn rebuild(file: &str, file_len: usize, sentences: &[Sentence<'_>]) -> Result<String, FormatError> {
    let max_gap = file_len.max(MIN_GAP_ALLOWED);
    // All gaps together are bounded the same way, so the text is at most twice the file's size.
    let mut gaps = 0;
    let mut text = String::new();
    let mut at = 0;
    for sentence in sentences {
        let Some(first) = sentence.rows.first() else {
            continue;
        };
        // The sentence may begin before its first token (leading whitespace kept in #Text).
        let lead = sentence.text.find(first.token.as_str()).unwrap_or(0);
        let lead_units: usize = sentence.text[..lead].chars().map(char::len_utf16).sum();
        let start = first
            .begin
            .checked_sub(lead_units)
            .filter(|&s| s >= at)
            .ok_or_else(|| {
                FormatError::parse(
                    file,
                    sentence.line,
                    "expected sentences in text order, not overlapping the one before",
                )
            })?;
        gaps += start - at;
        if start - at > max_gap || gaps > max_gap {
            return Err(FormatError::parse(
                file,
                first.line,
                format!(
                    "expected the sentence to begin near where the one before ends (UTF-16 offset \
                     {at}), found offset {}: {} chars apart, more than the file holds",
                    first.begin,
                    start - at
                ),
            ));
        }
        if start > at {
            text.push('\n');
            text.extend(std::iter::repeat_n(' ', start - at - 1));
        }
        text.push_str(&sentence.text);
        at = start + sentence.text.chars().map(char::len_utf16).sum::<usize>();
    }
    Ok(text)
}

/// The annotations of a cell: `_` none, else `|`-separated values each maybe ending in `[index]`.
fn cell_values(cell: &str) -> Vec<(String, Option<usize>)> {
    if cell == "_" || cell.is_empty() {
        return Vec::new();
    }
    split_unescaped(cell, '|')
        .into_iter()
        .map(|item| {
            let indexed = item
                .strip_suffix(']')
                .and_then(|rest| rest.rsplit_once('['))
                .filter(|(value, _)| !value.ends_with('\\'))
                .and_then(|(value, index)| index.parse::<usize>().ok().map(|i| (value, i)));
            match indexed {
                Some((value, index)) => (unescape(value), Some(index)),
                None => (unescape(item), None),
            }
        })
        .collect()
}

fn split_unescaped(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == separator {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// TSV 3 escapes: `\t`, `\n`, `\r` for control chars, `\` before any other char for that char.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_hold_stacked_and_indexed_values() {
        assert_eq!(cell_values("_"), vec![]);
        assert_eq!(cell_values("PER"), vec![("PER".to_owned(), None)]);
        assert_eq!(
            cell_values("PER[1]|LOC\\|X[2]|*"),
            vec![
                ("PER".to_owned(), Some(1)),
                ("LOC|X".to_owned(), Some(2)),
                ("*".to_owned(), None)
            ]
        );
    }

    #[test]
    fn escapes_are_undone() {
        assert_eq!(unescape("a\\_b\\\\c\\td"), "a_b\\c\td");
    }
}
