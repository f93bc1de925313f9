//! Import of span-labelled JSON lines: spaCy / Prodigy and doccano.
//!
//! One reader takes every shape these tools write, line by line:
//! - spaCy / Prodigy: `{"text", "spans": [{"start", "end", "label", "text"?}], "meta"?, "answer"?}`;
//! - doccano: `{"text", "label": [[start, end, "LABEL"]]}`, the older `{"text", "labels": [[start,
//!   end, "LABEL"]]}`, or `{"text", "entities": [{"start_offset", "end_offset", "label"}]}`;
//!   `entities` may also hold `[start, end, "LABEL"]` triples (spaCy v2 training data). doccano's
//!   `relations` and `comments` have no place in Gloss: they are counted in the report, with the first
//!   one named.
//!
//! Offsets are code points. A span carrying `text` is checked against it; a span out of bounds or
//! not matching is reported and skipped. Prodigy lines whose `answer` is not `accept` are skipped and
//! counted. The document id is `meta.id`, else `id`, else `<file stem>-<line>`; the title `meta.title`,
//! else the text's first line.

use serde::Deserialize;
use serde_json::Value;

use super::error::{FormatError, excerpt, json_problem};
use super::export::status_named;
use super::import_builder::{Builder, file_stem, title_from};
use super::source_text::{SourceText, Unit};
use crate::model::DocumentMeta;

#[derive(Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    spans: Option<Vec<Value>>,
    #[serde(default)]
    entities: Option<Vec<Value>>,
    #[serde(default)]
    label: Option<Value>,
    /// doccano's older export names the list `labels`.
    #[serde(default)]
    labels: Option<Value>,
    #[serde(default)]
    relations: Option<Vec<Value>>,
    #[serde(default, alias = "Comments")]
    comments: Option<Vec<Value>>,
    #[serde(default)]
    meta: Option<Value>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    answer: Option<String>,
}

/// A span as one of the shapes gives it.
struct SpanIn {
    start: usize,
    end: usize,
    label: String,
    text: Option<String>,
}

pub(crate) fn read(builder: &mut Builder<'_>, file: &str, text: &str) -> Result<(), FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let stem = file_stem(file);
    let mut not_accepted = 0;
    // doccano relations and comments: how many, and where the first was.
    let mut relations: (usize, Option<(usize, String)>) = (0, None);
    let mut comments: (usize, Option<(usize, String)>) = (0, None);
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(raw).map_err(|err| {
            FormatError::parse(
                file,
                number,
                format!(
                    "expected a JSON object with \"text\" and \"spans\", \"label\" or \"entities\": {}",
                    json_problem(&err)
                ),
            )
        })?;
        if line
            .answer
            .as_deref()
            .is_some_and(|answer| answer != "accept")
        {
            not_accepted += 1;
            continue;
        }
        let spans = spans(&line).map_err(|message| FormatError::parse(file, number, message))?;
        for (found, tally) in [
            (&line.relations, &mut relations),
            (&line.comments, &mut comments),
        ] {
            let found = found.as_deref().unwrap_or_default();
            if let Some(first) = found.first()
                && tally.1.is_none()
            {
                tally.1 = Some((number, excerpt(&first.to_string())));
            }
            tally.0 += found.len();
        }
        let meta = line.meta.as_ref();
        let field = |name: &str| {
            meta.and_then(|m| m.get(name))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let id = match (field("id"), &line.id) {
            (Some(id), _) => id,
            (None, Some(Value::String(id))) => id.clone(),
            (None, Some(id)) => format!("{stem}-{id}"),
            (None, None) => format!("{stem}-{number}"),
        };
        let source = SourceText::new(&line.text);
        let title = field("title").unwrap_or_else(|| title_from(source.text.as_str()));
        let document_meta = DocumentMeta {
            outlet: field("outlet"),
            url: field("url"),
            published: field("published"),
            author: field("author"),
            language: field("language"),
            retrieved: field("retrieved"),
            ..Default::default()
        };
        let doc = builder.document(&id, title, &source, document_meta);
        // Gloss's own spaCy export names each line's layer and status in `meta`.
        let key = builder.named_key(&doc, field("layer").as_deref(), file);
        if builder.options().keep_layers
            && field("layer").as_deref() == Some(key.layer.as_str())
            && let Some(status) = field("status").as_deref().and_then(status_named)
        {
            builder.status(&key, status);
        }
        for span in spans {
            match source.resolve(span.start, span.end, span.text.as_deref(), &[Unit::Chars]) {
                Ok(at) => {
                    builder.entity(&key, at, &span.label);
                }
                Err(message) => builder.note(
                    file,
                    Some(number),
                    format!("{} span skipped: {message}", span.label),
                ),
            }
        }
    }
    for ((count, first), what) in [(relations, "relation"), (comments, "comment")] {
        if let Some((line, example)) = first {
            builder.note(
                file,
                None,
                format!(
                    "{count} doccano {what}{} skipped: Gloss holds no {what}s (the first, line {line}: \
                     {example})",
                    if count == 1 { "" } else { "s" }
                ),
            );
        }
    }
    if not_accepted > 0 {
        builder.note(
            file,
            None,
            format!(
                "{not_accepted} line{} skipped: their Prodigy answer is not \"accept\"",
                if not_accepted == 1 { "" } else { "s" }
            ),
        );
    }
    Ok(())
}

/// Every span of a line, whichever key holds them.
fn spans(line: &Line) -> Result<Vec<SpanIn>, String> {
    let mut out = Vec::new();
    for span in line.spans.iter().flatten() {
        out.push(object(span, "start", "end")?);
    }
    for entity in line.entities.iter().flatten() {
        if entity.is_array() {
            out.push(triple(entity)?);
        } else if entity.get("start_offset").is_some() {
            out.push(object(entity, "start_offset", "end_offset")?);
        } else {
            out.push(object(entity, "start", "end")?);
        }
    }
    for list in [&line.label, &line.labels] {
        triples(list, &mut out)?;
    }
    Ok(out)
}

/// The `[start, end, "LABEL"]` items of doccano's `label` (or older `labels`) list.
fn triples(list: &Option<Value>, out: &mut Vec<SpanIn>) -> Result<(), String> {
    match list {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                // A text-classification line (`"label": ["POSITIVE"]`) holds no spans.
                if item.is_string() {
                    continue;
                }
                out.push(triple(item)?);
            }
        }
        Some(other) => {
            return Err(format!(
                "expected \"label\" to be a list of [start, end, \"LABEL\"], found {}",
                excerpt(&other.to_string())
            ));
        }
    }
    Ok(())
}

fn offset(value: Option<&Value>, name: &str, whole: &Value) -> Result<usize, String> {
    value
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            format!(
                "expected a char offset {name} (0 or more) in {}",
                excerpt(&whole.to_string())
            )
        })
}

fn object(span: &Value, start: &str, end: &str) -> Result<SpanIn, String> {
    let label = span
        .get("label")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("expected a \"label\" in {}", excerpt(&span.to_string())))?;
    Ok(SpanIn {
        start: offset(span.get(start), start, span)?,
        end: offset(span.get(end), end, span)?,
        label: label.to_owned(),
        text: span.get("text").and_then(Value::as_str).map(str::to_owned),
    })
}

fn triple(item: &Value) -> Result<SpanIn, String> {
    match item.as_array().map(Vec::as_slice) {
        Some([start, end, Value::String(label)]) => Ok(SpanIn {
            start: offset(Some(start), "start", item)?,
            end: offset(Some(end), "end", item)?,
            label: label.clone(),
            text: None,
        }),
        _ => Err(format!(
            "expected [start, end, \"LABEL\"], found {}",
            excerpt(&item.to_string())
        )),
    }
}
