//! Import of Label Studio's JSON export: a list of tasks, each with its text under `data` and its
//! annotations' `result` entries:
//!
//! ```json
//! [{"id": 7, "data": {"text": "Vucic met Kurti"},
//!   "annotations": [{"id": 3, "result": [{"type": "labels", "from_name": "label", "to_name": "text",
//!       "value": {"start": 0, "end": 5, "text": "Vucic", "labels": ["PER"]}}]}]}]
//! ```
//!
//! - The JSON-MIN export (`[{"text": …, "label": [{"start", "end", "text", "labels"}]}]`) and a single
//!   task object are read too.
//! - The text is `data[to_name]`, else `data.text`, else the only string in `data`.
//! - Offsets are code points in current Label Studio and UTF-16 code units in older versions; each
//!   span is read in code points and, if `value.text` does not match, in UTF-16 units. A span matching
//!   neither is reported (task, result, expected and found text) and skipped.
//! - One annotation per task is imported: the first that was not cancelled; others are reported.
//!   Predictions and results other than labelled spans (relations, choices) are reported as skipped.
//! - Documents are named `<file stem>-<task id>`.

use serde_json::Value;

use super::error::{FormatError, excerpt, json_problem};
use super::import_builder::{Builder, file_stem, title_from};
use super::source_text::{SourceText, Unit};
use crate::model::DocumentMeta;

pub(crate) fn read(builder: &mut Builder<'_>, file: &str, text: &str) -> Result<(), FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|err| {
        FormatError::parse(
            file,
            err.line(),
            format!(
                "expected Label Studio's JSON export (a list of tasks): {}",
                json_problem(&err)
            ),
        )
    })?;
    let tasks = match value {
        Value::Array(tasks) => tasks,
        task @ Value::Object(_) => vec![task],
        other => {
            return Err(FormatError::file(
                file,
                format!("expected a list of tasks, found {}", kind(&other)),
            ));
        }
    };
    let stem = file_stem(file);
    for (index, task) in tasks.iter().enumerate() {
        let task_id = task
            .get("id")
            .map_or_else(|| (index + 1).to_string(), plain);
        let name = format!("task {task_id}");
        let (results, text) = if let Some(min) = task.get("label").and_then(Value::as_array) {
            // JSON-MIN: the spans are the `label` list, the text a field of the task itself.
            let text = task.get("text").and_then(Value::as_str);
            (min.iter().map(|v| (v, v)).collect::<Vec<_>>(), text)
        } else {
            let results = chosen_results(builder, file, &name, task);
            let to_name = results
                .first()
                .and_then(|r| r.get("to_name"))
                .and_then(Value::as_str)
                .unwrap_or("text");
            let text = task.get("data").and_then(|data| task_text(data, to_name));
            let pairs = results
                .into_iter()
                .map(|result| (result, result.get("value").unwrap_or(&Value::Null)))
                .collect();
            (pairs, text)
        };
        let Some(text) = text else {
            return Err(FormatError::file(
                file,
                format!("{name}: expected its text in data.text"),
            ));
        };
        let source = SourceText::new(text);
        let doc = builder.document(
            &format!("{stem}-{task_id}"),
            title_from(source.text.as_str()),
            &source,
            DocumentMeta::default(),
        );
        let key = builder.key(&doc);
        let mut other_types = std::collections::BTreeSet::new();
        for (result, value) in results {
            let result_type = result
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("labels");
            let Some(labels) = value.get("labels").and_then(Value::as_array) else {
                other_types.insert(result_type.to_owned());
                continue;
            };
            let result_name = match result.get("id") {
                Some(id) => format!("{name} result {}", plain(id)),
                None => name.clone(),
            };
            let offset = |key: &str| {
                value
                    .get(key)
                    .and_then(Value::as_u64)
                    .and_then(|n| usize::try_from(n).ok())
            };
            let (Some(start), Some(end)) = (offset("start"), offset("end")) else {
                return Err(FormatError::file(
                    file,
                    format!("{result_name}: expected value.start and value.end as numbers"),
                ));
            };
            let claimed = value.get("text").and_then(Value::as_str);
            match source.resolve(start, end, claimed, &[Unit::Chars, Unit::Utf16]) {
                Ok(span) => {
                    for label in labels.iter().filter_map(Value::as_str) {
                        builder.entity(&key, span, label);
                    }
                }
                Err(message) => {
                    builder.note(file, None, format!("{result_name} skipped: {message}"))
                }
            }
        }
        if !other_types.is_empty() {
            let types: Vec<String> = other_types.into_iter().collect();
            builder.note(
                file,
                None,
                format!(
                    "{name}: results of type {} skipped (only labelled spans are read)",
                    types.join(", ")
                ),
            );
        }
    }
    Ok(())
}

/// The results of the one annotation imported for a task; notes the others.
fn chosen_results<'t>(
    builder: &mut Builder<'_>,
    file: &str,
    name: &str,
    task: &'t Value,
) -> Vec<&'t Value> {
    let annotations = task
        .get("annotations")
        .or_else(|| task.get("completions"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let kept: Vec<&Value> = annotations
        .iter()
        .filter(|a| {
            !a.get("was_cancelled")
                .and_then(Value::as_bool)
                .unwrap_or(false)
        })
        .collect();
    if kept.len() > 1 {
        builder.note(
            file,
            None,
            format!(
                "{name} has {} annotations; only the first was imported",
                kept.len()
            ),
        );
    }
    if kept.is_empty()
        && task
            .get("predictions")
            .and_then(Value::as_array)
            .is_some_and(|p| !p.is_empty())
    {
        builder.note(
            file,
            None,
            format!("{name}: predictions skipped (only annotations are imported)"),
        );
    }
    kept.first()
        .and_then(|a| a.get("result"))
        .and_then(Value::as_array)
        .map(|results| results.iter().collect())
        .unwrap_or_default()
}

fn task_text<'t>(data: &'t Value, to_name: &str) -> Option<&'t str> {
    if let Some(text) = data
        .get(to_name)
        .or_else(|| data.get("text"))
        .and_then(Value::as_str)
    {
        return Some(text);
    }
    let mut strings = data.as_object()?.values().filter_map(Value::as_str);
    let only = strings.next()?;
    strings.next().is_none().then_some(only)
}

/// A JSON scalar as plain text: strings without quotes.
fn plain(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    // Task and result ids name things in messages and document ids: keep them short.
    if text.chars().count() <= 40 {
        text
    } else {
        excerpt(&text)
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
