//! Conversion between the on-disk types of format version 1 and the model. Towards the model every
//! value is validated (ids, names, colours, spans and the text they cover, labels, links) and the first
//! problem becomes a [`StorageError`] naming the file, the line when it can be found, the document,
//! layer and annotation, and what was expected. Towards disk nothing can fail but a span outside its
//! text, which the model's edits already rule out.

mod layer;
mod project;
mod registry;
mod schema;

pub(crate) use layer::{layer_from_v1, layer_to_v1};
pub(crate) use project::{DocumentEntry, check_project_names, project_from_v1, project_to_v1};
pub(crate) use registry::{registry_from_v1, registry_to_v1};
pub(crate) use schema::{schema_from_v1, schema_to_v1};

/// The line (from 1) of the `occurrence`-th line (from 0) of `source` that contains `needle`; used to
/// point semantic errors at a line, since serde does not keep positions once a value has parsed.
pub(crate) fn line_containing(source: &str, needle: &str, occurrence: usize) -> Option<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .nth(occurrence)
        .map(|(i, _)| i + 1)
}

/// The line on which the `occurrence`-th annotation with id `id` starts: the line whose text starts
/// with `(id: <id>,` (one annotation per line, as Gloss writes) or `id: <id>,` (hand-written files
/// with one field per line).
pub(crate) fn annotation_line(source: &str, id: u32, occurrence: usize) -> Option<usize> {
    let inline = format!("(id: {id},");
    let field = format!("id: {id},");
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start();
            line.starts_with(&inline) || line.starts_with(&field)
        })
        .nth(occurrence)
        .map(|(i, _)| i + 1)
}

/// Quotes a string for a message, escaping what would otherwise be invisible or ambiguous, and cut
/// short: a message quotes an excerpt of the file, never a whole line of it.
pub(crate) fn quoted(text: &str) -> String {
    format!("{:?}", crate::storage::error::shorten(text))
}

/// Refuses a name with a control character (see [`crate::model::validate::name_problem`]); `what`
/// says what the name names ("the project name", "entity label").
pub(crate) fn check_name(
    path: &std::path::Path,
    source: &str,
    what: &str,
    name: &str,
) -> Result<(), crate::storage::StorageError> {
    match crate::model::validate::name_problem(name) {
        None => Ok(()),
        Some(problem) => Err(crate::storage::StorageError::invalid(
            path,
            line_containing(source, &format!("{name:?}"), 0),
            format!("{what} {} {problem}", quoted(name)),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_lines_are_found_in_both_layouts() {
        let source = "(\n    entities: [\n        (id: 1, start: 0),\n        (id: 12, start: 3),\n    ],\n    quotes: [\n        (\n            id: 12,\n        ),\n    ],\n)";
        assert_eq!(annotation_line(source, 1, 0), Some(3));
        assert_eq!(annotation_line(source, 12, 0), Some(4));
        assert_eq!(annotation_line(source, 12, 1), Some(8));
        assert_eq!(annotation_line(source, 2, 0), None);
    }
}
